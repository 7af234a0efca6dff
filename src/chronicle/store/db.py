"""The embedded SQLite store: WAL, named migrations, atomic idempotent batch writes."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from chronicle.errors import StoreError
from chronicle.merge.events import event_key, within
from chronicle.records import Document, Event
from chronicle.store import migrations
from chronicle.store.rows import record_rows

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class WriteResult:
    stored: list[str]
    unchanged: list[str]


class Store:
    """One SQLite file. Writers go through `write_batch`; readers use `conn` or store.queries."""

    def __init__(self, path: str, *, readonly: bool = False):
        self.path = path
        self.readonly = readonly
        try:
            if readonly:
                if not os.path.exists(path):
                    raise StoreError(f"{path}: no such database")
                uri = f"file:{os.path.abspath(path)}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                folder = os.path.dirname(os.path.abspath(path))
                os.makedirs(folder, exist_ok=True)
                self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            if not readonly:
                migrations.apply(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open database ({exc})") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of a batch lands, or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def has(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def has_url(self, url: str) -> bool:
        """True when a document fetched from `url` is stored: ingest does not fetch it again."""
        return self.conn.execute("SELECT 1 FROM documents WHERE url = ? LIMIT 1", (url,)).fetchone() is not None

    def existing(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk))
        return found

    def write_batch(self, docs: list[Document], signatures: dict[str, bytes] | None = None) -> WriteResult:
        """Store documents with all their records in one transaction; known ids are left as they are."""
        signatures = signatures or {}
        stored, unchanged = [], []
        with self.atomic() as conn:
            known = self.existing(d.id for d in docs)
            for doc in docs:
                if doc.id in known:
                    unchanged.append(doc.id)
                    continue
                known.add(doc.id)
                for table, rows in record_rows(doc):
                    if table == "events":
                        self._cluster_events(doc, rows)
                    if rows:
                        cols = list(rows[0])
                        quoted = ", ".join(f'"{c}"' for c in cols)
                        marks = ", ".join("?" * len(cols))
                        conn.executemany(
                            f"INSERT INTO {table} ({quoted}) VALUES ({marks})",
                            [tuple(r[c] for c in cols) for r in rows],
                        )
                if doc.id in signatures:
                    conn.execute(
                        "INSERT INTO minhashes(doc_id, signature) VALUES (?, ?)", (doc.id, signatures[doc.id])
                    )
                stored.append(doc.id)
        return WriteResult(stored=stored, unchanged=unchanged)

    def _cluster_events(self, doc: Document, rows: list[dict]) -> None:
        """Point each new event at a stored report of the same event: the same `event_key` (type, source, target;
        either order for symmetric types), the same flags, and a date `within` the window."""
        for row in rows:
            ev = doc.events[row["idx"]]
            key, day = event_key(ev), ev.date or doc.source.published
            ends = (ev.source, ev.target)
            candidates = self.conn.execute(
                "SELECT e.cluster_id, e.source, e.target, COALESCE(e.date, d.published) AS day FROM events e"
                " JOIN documents d ON d.id = e.doc_id WHERE e.type = ? AND (e.source IS ? OR e.source IS ?)"
                " AND (e.target IS ? OR e.target IS ?) AND e.negated = ? AND e.hypothetical = ? AND e.doc_id != ?"
                " ORDER BY e.rowid",
                (ev.type, *ends, *ends, row["negated"], row["hypothetical"], row["doc_id"]),
            )
            for cluster_id, source, target, other_day in candidates:
                if event_key(Event(type=ev.type, source=source, target=target)) == key and within(day, other_day):
                    row["cluster_id"] = cluster_id
                    break

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from self.conn.execute("SELECT doc_id, signature FROM minhashes ORDER BY rowid")

    def document(self, doc_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()

    def resolve_id(self, prefix: str) -> str | None:
        """A full document id from an unambiguous prefix (ids are long hex strings)."""
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None


def loads(value: str | None):
    return json.loads(value) if value else None
