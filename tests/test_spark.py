"""The Spark engine in local[2] on the examples: the same records as the local engine, field for field."""

from __future__ import annotations

import shutil

import pytest

from chronicle.engines.local import ingest, run_item
from chronicle.sources import RawItem, read_all
from chronicle.store.db import Store
from tests.conftest import EXAMPLES

if shutil.which("java") is None:
    print("test_spark: skipped, no Java runtime on PATH (Spark needs Java 17)")
    pytest.skip("no Java runtime on PATH (Spark needs Java 17)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark_output(tmp_path_factory, options):
    from chronicle.engines import spark

    session = spark.session("local[2]", app_name="chronicle-test")
    output = str(tmp_path_factory.mktemp("spark") / "records")
    try:
        report = spark.run([f"file://{EXAMPLES}"], output, options, spark=session)
    finally:
        session.stop()
    return report, output


def test_spark_records_equal_the_local_engines(spark_output, options):
    from chronicle.engines.spark import read_outcomes

    report, output = spark_output
    local = {}
    for item in read_all([str(EXAMPLES)], options.max_input_bytes):
        assert isinstance(item, RawItem)
        outcome = run_item(item, options)
        local[item.path] = outcome
    rows = read_outcomes(output)
    assert report.documents == len(rows) == len(local) and not report.failed
    for row in rows:
        mine = local[row.path]
        assert row.signature == mine.signature and row.skipped == mine.skipped, row.path
        assert row.doc.to_record() == mine.doc.to_record(), row.path
        assert row.doc.raw == mine.doc.raw, row.path


def test_load_parquet_stores_what_a_local_ingest_stores_and_is_idempotent(spark_output, options, tmp_path):
    from chronicle.engines.spark import load

    _, output = spark_output
    with Store(str(tmp_path / "local.db")) as store:
        local = ingest([str(EXAMPLES)], store, options)
    with Store(str(tmp_path / "spark.db")) as store:
        first = load(output, store, options)
        again = load(output, store, options)
        tables = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "quotes", "events", "resolutions")}  # fmt: skip
    assert (first.stored, first.near_duplicates, first.failed) == (local.stored, local.near_duplicates, [])
    assert (again.stored, again.unchanged) == (0, local.stored)
    with Store(str(tmp_path / "local.db")) as store:
        for table, count in tables.items():
            assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count, table
