"""Export stored records (one row per record per document, with its cluster) as JSONL, CSV or typed Parquet.

Rows carry the record's fields as `docs/record.md` names them, its `doc_id`, `idx` and `cluster_id`, and the
document's `published`, `outlet`, `path` and `url`. Parquet columns are typed: ints int64, flags bool, lists
list<string>, evidence list<struct<start: int64, end: int64>>, codes (cameo, symbols, ids) strings.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

import pyarrow as pa

from chronicle.errors import UnknownFormat

KINDS = ("events", "resolutions", "quotes")
FORMATS = ("jsonl", "csv", "parquet")
BATCH = 10_000  # rows per Parquet row group: bounded memory on large stores

_S, _I, _B, _F = pa.string(), pa.int64(), pa.bool_(), pa.float64()
_LIST = pa.list_(pa.string())
_EVIDENCE = pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))
_DOC = [("published", _S), ("outlet", _S), ("path", _S), ("url", _S)]
_KEY = [("doc_id", _S), ("idx", _I)]

SCHEMAS: dict[str, pa.Schema] = {
    "events": pa.schema(_KEY + [
        ("cluster_id", _S), ("type", _S), ("mode", _S), ("context", _LIST), ("source", _S), ("target", _S),
        ("source_country", _S), ("target_country", _S), ("source_sector", _S), ("target_sector", _S),
        ("date", _S), ("cameo", _S), ("negated", _B), ("hypothetical", _B), ("confidence", _F),
        ("quote", _I), ("evidence", _EVIDENCE),
    ] + _DOC),
    "resolutions": pa.schema(_KEY + [
        ("cluster_id", _S), ("stage_key", _S), ("body", _S), ("target", _S), ("session", _I), ("year", _I),
        ("date", _S), ("status", _S), ("adoption", _S), ("yes", _I), ("no", _I), ("abstain", _I),
        ("sponsors", _LIST), ("cosponsors", _LIST), ("cosponsor_count", _I), ("streak", _I),
        ("provisions", _LIST), ("symbol", _S), ("evidence", _EVIDENCE),
    ] + _DOC),
    "quotes": pa.schema(_KEY + [
        ("text", _S), ("start", _I), ("end", _I), ("kind", _S), ("cue", _S), ("speaker", _S),
        ("speaker_name", _S), ("speaker_title", _S), ("speaker_affiliation", _S),
    ] + _DOC),
}
_RENAMED = {"quote_idx": "quote"}  # the record's name for a stored column


def export_rows(conn: sqlite3.Connection, kind: str) -> Iterator[dict[str, Any]]:
    """Every stored record of one kind, typed as the export schema says, in storage order."""
    if kind not in SCHEMAS:
        raise ValueError(f"unknown export {kind!r}; expected one of {', '.join(KINDS)}")
    schema = SCHEMAS[kind]
    cursor = conn.execute(
        f"SELECT t.*, d.published, d.outlet, d.path, d.url FROM {kind} t JOIN documents d ON d.id = t.doc_id"
        " ORDER BY t.rowid"
    )
    names = [_RENAMED.get(c[0], c[0]) for c in cursor.description]
    for values in cursor:
        raw = dict(zip(names, values, strict=True))
        yield {f.name: _typed(raw.get(f.name), f.type) for f in schema}


def _typed(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return [] if kind in (_LIST, _EVIDENCE) else None
    if kind == _EVIDENCE:
        return [{"start": s, "end": e} for s, e in json.loads(value)]
    if kind == _LIST:
        return [str(v) for v in json.loads(value)]
    if kind == _B:
        return bool(value)
    if kind == _I:
        return int(value)
    if kind == _F:
        return float(value)
    return str(value)  # codes stay text: cameo "010" is never the number 10


def export(conn: sqlite3.Connection, kind: str, fmt: str, output: str | IO[str]) -> int:
    """Write every record of `kind` to `output` (a path, or a text stream for jsonl and csv); returns the count.

    A path is written through a temporary file and renamed, so a failed export leaves no partial file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    rows = export_rows(conn, kind)
    if not isinstance(output, str):
        if fmt == "parquet":
            raise ValueError("parquet is written to a file, not a stream")
        return _write_text(rows, fmt, SCHEMAS[kind], output)
    tmp = output + ".part"
    try:
        if fmt == "parquet":
            count = _write_parquet(rows, SCHEMAS[kind], tmp)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                count = _write_text(rows, fmt, SCHEMAS[kind], fh)
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return count


def _write_text(rows: Iterator[dict[str, Any]], fmt: str, schema: pa.Schema, fh: IO[str]) -> int:
    count = 0
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(fh, fieldnames=schema.names, lineterminator="\n")
        writer.writeheader()
    for row in rows:
        if writer is None:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        count += 1
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write_parquet(rows: Iterator[dict[str, Any]], schema: pa.Schema, path: str) -> int:
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or not count:  # an empty export is still a file with the schema
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def read_export(path: str) -> list[dict[str, Any]]:
    """The rows of a JSONL or Parquet export, as `export_rows` gave them."""
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic == b"PAR1":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnknownFormat(path, f"not a JSONL or Parquet export ({exc})") from None
