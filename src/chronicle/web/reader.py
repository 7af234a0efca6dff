"""Read-only connections for the web app: one snapshot per request, each query stopped past a deadline.

Every connection opens the file with the SQLite URI `mode=ro` (chronicle.store.db.Store(readonly=True)) and
`PRAGMA query_only`, so the app can never write. A request reads inside one read transaction, so all its
queries see the same committed state while `chronicle ingest` writes batches to the same WAL file: never
half a batch, never one batch in one query and not in the next. A progress handler stops a query that runs
past `query_seconds`; the app turns that into 503.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator

from chronicle.errors import QueryTimeout
from chronicle.store.db import Store

PROGRESS_OPS = 50_000  # SQLite VM instructions between two deadline checks (each takes the GIL)


class _Conn:
    """A pooled connection and the deadline its progress handler checks."""

    __slots__ = ("store", "deadline")

    def __init__(self, path: str):
        self.store = Store(path, readonly=True)
        self.deadline = float("inf")
        self.store.conn.execute("PRAGMA query_only=1")
        self.store.conn.set_progress_handler(self._late, PROGRESS_OPS)

    def _late(self) -> int:
        return 1 if time.monotonic() > self.deadline else 0


class Reader:
    """A pool of read-only connections to one database file."""

    def __init__(self, path: str, query_seconds: float = 10.0, keep: int = 16):
        self.path = path
        self.query_seconds = query_seconds
        self.keep = keep
        self._idle: list[_Conn] = []
        self._lock = threading.Lock()
        self._put(_Conn(path))  # fails now, not at the first request, when the file cannot be opened

    def _get(self) -> _Conn:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return _Conn(self.path)

    def _put(self, conn: _Conn) -> None:
        with self._lock:
            if len(self._idle) < self.keep:
                self._idle.append(conn)
                return
        conn.store.close()

    @contextlib.contextmanager
    def snapshot(self, seconds: float | None = None) -> Iterator[sqlite3.Connection]:
        """A connection inside one read transaction, stopped `seconds` (default `query_seconds`) after it began."""
        seconds = self.query_seconds if seconds is None else seconds
        conn = self._get()
        db = conn.store.conn
        conn.deadline = time.monotonic() + seconds
        try:
            db.execute("BEGIN")
            yield db
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"the query ran longer than {seconds:g} s and was stopped") from None
            raise
        finally:
            conn.deadline = float("inf")
            if db.in_transaction:
                db.execute("ROLLBACK")
            self._put(conn)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.store.close()
