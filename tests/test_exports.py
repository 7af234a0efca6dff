"""Exports: typed Parquet, JSONL and CSV that read back as the stored records."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from chronicle.errors import UnknownFormat
from chronicle.store import exports, queries
from chronicle.store.db import Store

from .test_queries import build_store, corpus


@pytest.fixture
def db(tmp_path):
    return build_store(str(tmp_path / "x.db"))


@pytest.fixture
def conn(db):
    with Store(db, readonly=True) as store:
        yield store.conn


def record_fields(record) -> dict:
    """A record dataclass as an export row gives it (evidence spans as dicts, votes as three columns)."""
    fields = dataclasses.asdict(record)
    if "votes" in fields:
        votes = fields.pop("votes") or {}
        fields.update(yes=votes.get("yes"), no=votes.get("no"), abstain=votes.get("abstain"))
    return fields


@pytest.mark.parametrize("kind", exports.KINDS)
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_round_trips_to_the_stored_records(tmp_path, conn, kind, fmt):
    path = str(tmp_path / f"{kind}.{fmt}")
    count = exports.export(conn, kind, fmt, path)
    back = exports.read_export(path)
    stored = list(exports.export_rows(conn, kind))
    assert count == len(back) == len(stored) > 0
    assert back == stored
    # field for field, the records the documents were written with
    written = [(d, i, r) for d in corpus() for i, r in enumerate(getattr(d, kind))]
    assert len(written) == len(back)
    for (doc, idx, record), row in zip(written, back, strict=True):
        assert (row["doc_id"], row["idx"], row["published"], row["outlet"]) == (
            doc.id, idx, doc.source.published, doc.source.outlet)
        for name, value in record_fields(record).items():
            assert row[name] == value, (kind, name)


def test_exported_quotes_agree_with_the_quotes_query(tmp_path, conn):
    path = str(tmp_path / "q.parquet")
    exports.export(conn, "quotes", "parquet", path)
    exported = {(r["doc_id"], r["idx"]): r for r in exports.read_export(path)}
    for row in queries.quotes(conn, limit=None):
        out = exported[(row["doc_id"], row["idx"])]
        for name in ("text", "kind", "cue", "speaker", "speaker_name", "speaker_title", "speaker_affiliation",
                     "outlet", "url"):
            assert out[name] == row[name], name


def test_event_clusters_in_the_export_match_the_events_query(conn):
    rows = list(exports.export_rows(conn, "events"))
    for event in queries.events(conn, limit=None):
        members = [r for r in rows if r["cluster_id"] == event["id"]]
        assert len(members) == event["num_mentions"]
        assert sorted({r["doc_id"] for r in members}) == event["doc_ids"]


def test_parquet_columns_are_typed(tmp_path, conn):
    for kind in exports.KINDS:
        exports.export(conn, kind, "parquet", str(tmp_path / f"{kind}.parquet"))
    events = pq.read_schema(tmp_path / "events.parquet")
    assert events.field("idx").type == pa.int64()
    assert events.field("negated").type == pa.bool_() and events.field("hypothetical").type == pa.bool_()
    assert events.field("context").type == pa.list_(pa.string())
    assert events.field("cameo").type == pa.string() and events.field("confidence").type == pa.float64()
    assert events.field("evidence").type == pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))
    resolutions = pq.read_schema(tmp_path / "resolutions.parquet")
    for name in ("session", "year", "yes", "no", "abstain", "cosponsor_count", "streak"):
        assert resolutions.field(name).type == pa.int64(), name
    assert resolutions.field("sponsors").type == pa.list_(pa.string())
    cameos = pq.read_table(tmp_path / "events.parquet").column("cameo").to_pylist()
    assert cameos[0] == "010"


def test_csv_keeps_codes_as_text_and_lists_as_json(conn):
    buffer = io.StringIO()
    assert exports.export(conn, "events", "csv", buffer) == 5
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows[0]["cameo"] == "010" and rows[0]["negated"] == "false"
    assert json.loads(rows[0]["context"]) == ["human_rights"]
    assert json.loads(rows[0]["evidence"])[0].keys() == {"start", "end"}


def test_empty_store_exports_a_typed_empty_file(tmp_path):
    with Store(str(tmp_path / "empty.db")) as store:
        assert exports.export(store.conn, "events", "parquet", str(tmp_path / "e.parquet")) == 0
    assert pq.read_schema(tmp_path / "e.parquet") == exports.SCHEMAS["events"]
    assert exports.read_export(str(tmp_path / "e.parquet")) == []


def test_read_export_refuses_other_files(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    with pytest.raises(UnknownFormat):
        exports.read_export(str(path))


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, timeout=300)


def test_cli_export(tmp_path, db):
    proc = chronicle("export", "quotes", "--db", db)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["speaker_name"] for line in proc.stdout.splitlines()] == [
        "Kim Song", "Peter Stano", "Linda Thomas-Greenfield"]
    out = tmp_path / "r.parquet"
    proc = chronicle("export", "resolutions", "--format", "parquet", "--output", str(out), "--db", db)
    assert proc.returncode == 0 and "6 resolutions written" in proc.stderr
    assert len(exports.read_export(str(out))) == 6
    refused = chronicle("export", "resolutions", "--format", "parquet", "--db", db)
    assert refused.returncode == 2 and "--output" in refused.stderr and refused.stdout == ""
    unknown = chronicle("export", "people", "--db", db)
    assert unknown.returncode == 2 and "events, resolutions, quotes" in unknown.stderr
