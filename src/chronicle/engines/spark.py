"""The Spark engine: the local engine's stages (`engines.local.run_items`) per partition, records as Parquet.

    chronicle ingest INPUTS --engine spark [--master local[*]]      # Spark job, then load-parquet into SQLite
    spark-submit --master spark://host:7077 "$(python -c 'import chronicle.engines.spark as m; print(m.__file__)')" \\
        s3a://bucket/news/ --output s3a://bucket/chronicle/records
    chronicle load-parquet ./records --db chronicle.db                # the single writer, idempotent

1. read: `binaryFiles` over the inputs (any path Spark reads: file:, hdfs://, s3a:// through the cluster's
   Hadoop configuration; folders recursively), one (path, bytes) pair per file
2. per partition: the model is loaded once per executor process; each file goes through the same readers
   (`sources.files.read`: text, HTML, JSONL, WARC, .gz) and the same stages as the local engine
3. write: one row per document (or failed input), Parquet partitioned by `month` (published YYYY-MM, or
   `undated`); the row holds the record as JSON, its MinHash signature and why extraction was skipped
4. load (`load`, no Spark needed): rows in input order into SQLite through `engines.local.store_outcomes`,
   so near-duplicate linking, resolution and event clustering are those of a local ingest

The outlet boilerplate pre-pass (`engines.local.outlet_prepass`) is a local-engine feature: Spark runs
without it. pyspark is imported here only, when a job runs (`pip install 'chronicle[spark]'`).
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from chronicle.engines.local import IngestReport, Outcome, full, run_items, store_outcomes
from chronicle.errors import InputError, MissingDependency
from chronicle.records import from_record
from chronicle.settings import Options
from chronicle.sources import files
from chronicle.store.db import Store

LOGGER = logging.getLogger(__name__)

UNDATED = "undated"  # the partition of documents without a publication date, and of failed inputs
COLUMNS = ("month", "path", "id", "record", "signature", "skipped", "error")
_WANTED = files.KNOWN_SUFFIXES | files.WARC_SUFFIXES


@dataclass(slots=True)
class SparkReport:
    documents: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    output: str = ""


def _pyspark():
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession, types
    except ImportError:
        raise MissingDependency("--engine spark", "pyspark is not installed: pip install 'chronicle[spark]'") from None
    return SparkSession, types


def session(master: str | None = None, app_name: str = "chronicle"):
    """A SparkSession; `master` None leaves it to spark-submit or the cluster's configuration."""
    spark_session, _ = _pyspark()
    # Local masters run Python workers from this interpreter (the venv where chronicle is installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = spark_session.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def _schema():
    _, types = _pyspark()
    binary = {"signature"}
    return types.StructType([
        types.StructField(name, types.BinaryType() if name in binary else types.StringType(), nullable=True)
        for name in COLUMNS
    ])


def run(
    inputs: Iterable[str],
    output: str,
    options: Options,
    *,
    master: str | None = None,
    partitions: int | None = None,
    spark=None,
) -> SparkReport:
    """Every input through every stage on Spark; records written under `output` as Parquet by month."""
    inputs = list(inputs)
    spark = spark or session(master)
    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    slices = partitions or 4 * sc.defaultParallelism
    pairs = sc.binaryFiles(",".join(inputs), minPartitions=slices).filter(lambda pair: wanted(pair[0]))
    # binaryFiles packs small files into few splits; spread them so every executor core has work
    rows = pairs.repartition(slices).mapPartitions(functools.partial(_partition, options))
    frame = spark.createDataFrame(rows, _schema()).cache()
    try:
        frame.write.mode("overwrite").partitionBy("month").parquet(output)
        failed = [(r["path"], r["error"]) for r in frame.where("error IS NOT NULL").select("path", "error").collect()]
        documents = frame.where("error IS NULL").count()
    finally:
        frame.unpersist()
    return SparkReport(documents=documents, failed=sorted(failed), output=output)


def wanted(uri: str) -> bool:
    """Files the local engine would read from a folder: text, HTML, JSONL and WARC, and .gz of them."""
    name = uri.rsplit("/", 1)[-1].lower()
    parts = name.split(".")[1:]
    if parts and parts[-1] == "gz":
        parts = parts[:-1]
    return bool(parts) and f".{parts[-1]}" in _WANTED


def display_path(uri: str) -> str:
    """A local file as a plain path ("file:/data/a.txt" → "/data/a.txt"); other URIs as they are."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def _partition(options: Options, pairs: Iterator[tuple[str, bytes]]) -> Iterator[tuple]:
    """One partition of (uri, bytes): the same readers and stages as a local worker (items in chunks whose
    parse is shared), one row per document."""
    from chronicle import nlp

    if options.extract:
        nlp.load(options.model)  # once per executor process (cached): Python workers are reused across tasks
    chunk: list = []
    with tempfile.TemporaryDirectory(prefix="chronicle-spark-") as tmp:
        for uri, data in pairs:
            path = display_path(uri)
            local = os.path.join(tmp, os.path.basename(path) or "input")
            with open(local, "wb") as fh:
                fh.write(data)
            try:
                for item in files.read(local, options.max_input_bytes):
                    if isinstance(item, InputError):
                        yield _row(path + item.source[len(local):], error=item.reason)
                        continue
                    item.path = path + item.path[len(local):]  # keeps "#line" of JSONL and WARC records
                    chunk.append(item)
                    if full(chunk):
                        yield from map(_outcome_row, run_items(chunk, options))
                        chunk = []
            finally:
                os.remove(local)
    if chunk:
        yield from map(_outcome_row, run_items(chunk, options))


def _row(path: str, **values) -> tuple:
    row = {"month": UNDATED, "path": path, **values}
    return tuple(row.get(name) for name in COLUMNS)


def _outcome_row(outcome: Outcome) -> tuple:
    if outcome.error:
        return _row(outcome.path, error=outcome.error)
    doc = outcome.doc
    record = doc.to_record() | {"raw": doc.raw}  # raw: the offsets of `removed` point into it
    month = (doc.source.published or "")[:7] or UNDATED
    return _row(outcome.path, month=month, id=doc.id, record=json.dumps(record, ensure_ascii=False),
                signature=outcome.signature, skipped=outcome.skipped)  # fmt: skip


# ---- loading: no Spark needed ----


def read_outcomes(path: str) -> list[Outcome]:
    """The rows of a Parquet output (a folder, partitioned or not), in input order (path, then line)."""
    import pyarrow.dataset as ds

    table = ds.dataset(path, format="parquet", partitioning="hive").to_table()
    outcomes = []
    for row in table.to_pylist():
        if row.get("error"):
            outcomes.append(Outcome(row["path"], error=row["error"]))
        else:
            doc = from_record(json.loads(row["record"]))
            outcomes.append(Outcome(row["path"], doc=doc, signature=row["signature"], skipped=row.get("skipped")))
    return sorted(outcomes, key=lambda o: _order(o.path))


def _order(path: str) -> tuple[str, int]:
    file, _, number = path.rpartition("#")
    return (file, int(number)) if file and number.isdigit() else (path, 0)


def load(
    path: str,
    store: Store,
    options: Options,
    *,
    on_progress: Callable[[IngestReport, str], None] | None = None,
) -> IngestReport:
    """Merge a Spark output into `store` through the single writer. Loading it again changes nothing."""
    report = IngestReport()

    def fresh() -> Iterator[Outcome]:
        for outcome in read_outcomes(path):
            if outcome.doc is not None and store.has(outcome.doc.id):
                report.unchanged += 1
                if on_progress:
                    on_progress(report, outcome.path)
                continue
            yield outcome

    return store_outcomes(fresh(), store, options, report, on_progress=on_progress)


def main(argv: list[str] | None = None) -> int:
    """spark-submit entry point: inputs → Parquet records (then `chronicle load-parquet` on a machine with the db)."""
    parser = argparse.ArgumentParser(prog="chronicle.engines.spark", description=main.__doc__)
    parser.add_argument("inputs", nargs="+", help="files, folders or globs Spark can read (file:, hdfs://, s3a://)")
    parser.add_argument("--output", required=True, help="Parquet output folder (replaced)")
    parser.add_argument("--master", help="Spark master (default: what spark-submit or the cluster sets)")
    parser.add_argument("--partitions", type=int, help="minimum input partitions (default: the cluster's parallelism)")
    parser.add_argument("--model", help="spaCy pipeline package (default: $CHRONICLE_MODEL)")
    parser.add_argument("--no-extract", action="store_true", help="clean only, run no extractors")
    parser.add_argument("--no-fast-path", action="store_true", help="parse every document")
    args = parser.parse_args(argv)
    options = Options.from_env(**({"model": args.model} if args.model else {}), extract=not args.no_extract,
                               fast_path=not args.no_fast_path)  # fmt: skip
    spark = session(args.master)
    try:
        report = run(args.inputs, args.output, options, partitions=args.partitions, spark=spark)
    finally:
        spark.stop()
    for source, reason in report.failed:
        print(f"failed {source}: {reason}", file=sys.stderr)
    print(f"{report.documents} documents written to {report.output}, {len(report.failed)} failed", file=sys.stderr)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
