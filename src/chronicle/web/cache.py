"""Answers that were slow to compute, kept per URL until the database changes, then refreshed in the background.

The store's listings aggregate over the whole corpus (one row per distinct actor, event or resolution), which
takes a second or more on tens of thousands of documents. An answer that took longer than `min_seconds` (or the
caller's `keep_after`: 0 keeps every answer) is kept with the state of the database file it was read from (the
size and mtime of the file and of its WAL). While that state holds, the kept answer is the answer. Once
`chronicle ingest` commits, the kept answer is still served - it is a committed state, a little older - while one
background thread reads it again; fast answers are never kept. Concurrent requests for one URL that is not kept
wait for one computation. The background thread refreshes at most a quarter of the time (`idle_ratio`), so that
during a long ingest the requests, not the refreshes, get the cores; kept answers then lag by more batches. An
answer that took over `slow_seconds` to compute (a country page's data: a second or two) is refreshed at most
every `slow_every` seconds: refreshing it holds the GIL long enough to slow every request of its worker.
"""

from __future__ import annotations

import collections
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class _Kept:
    state: tuple  # the database's state the value was read from
    value: Any
    cost: float  # seconds the last computation took
    at: float  # time.monotonic() when it was computed


class AnswerCache:
    def __init__(self, db_path: str, min_seconds: float = 0.02, max_entries: int = 4096, idle_ratio: float = 3.0,
                 slow_seconds: float = 0.25, slow_every: float = 30.0):  # fmt: skip
        self.db_path = db_path
        self.slow_seconds, self.slow_every = slow_seconds, slow_every
        self.idle_ratio = idle_ratio
        self.min_seconds = min_seconds
        self.max_entries = max_entries
        self._kept: collections.OrderedDict[str, _Kept] = collections.OrderedDict()
        self._running: dict[str, Future] = {}
        self._refreshing: set[str] = set()
        self._lock = threading.Lock()
        self._refresher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chronicle-refresh")

    def state(self) -> tuple:
        """What changes when a writer commits: the database file's and its WAL's size and mtime."""
        out = []
        for path in (self.db_path, self.db_path + "-wal"):
            try:
                st = os.stat(path)
                out += [st.st_size, st.st_mtime_ns]
            except FileNotFoundError:
                out += [0, 0]
        return tuple(out)

    def get(
        self,
        key: str,
        compute: Callable[[], Any],
        refresh: Callable[[], Any] | None = None,
        keep_after: float | None = None,
    ) -> Any:
        """The answer for `key`: kept, or computed now (once for all concurrent callers). `refresh` recomputes
        in the background (default: `compute`); a computed answer is kept when it took `keep_after` seconds or
        more (default `min_seconds`)."""
        now_state = self.state()
        kept = self.peek(key, refresh or compute, now_state)
        if kept is not None:
            return kept
        with self._lock:
            future = self._running.get(key)
            leader = future is None
            if leader:
                future = self._running[key] = Future()
        if not leader:
            return future.result()
        try:
            value = self._compute(key, compute, now_state, self.min_seconds if keep_after is None else keep_after)
        except BaseException as exc:
            future.set_exception(exc)
            raise
        finally:
            with self._lock:
                self._running.pop(key, None)
        future.set_result(value)
        return value

    def peek(self, key: str, refresh: Callable[[], Any], state: tuple | None = None) -> Any | None:
        """The kept answer for `key`, or None; a kept answer older than the database is refreshed in the background.
        Never blocks on a computation, so it can run on the event loop."""
        state = self.state() if state is None else state
        with self._lock:
            kept = self._kept.get(key)
            if kept is None:
                return None
            self._kept.move_to_end(key)
            if kept.state != state and key not in self._refreshing and self._due(kept):
                self._refreshing.add(key)
                self._refresher.submit(self._refresh, key, refresh)
            return kept.value

    def _due(self, kept: _Kept) -> bool:
        return kept.cost < self.slow_seconds or time.monotonic() - kept.at >= self.slow_every

    def _compute(self, key: str, compute: Callable[[], Any], state: tuple, keep_after: float) -> Any:
        start = time.monotonic()
        value = compute()
        cost = time.monotonic() - start
        if cost >= keep_after:
            with self._lock:
                self._kept[key] = _Kept(state, value, cost, start)
                while len(self._kept) > self.max_entries:
                    self._kept.popitem(last=False)
        return value

    def _refresh(self, key: str, compute: Callable[[], Any]) -> None:
        start = time.monotonic()
        try:
            state = self.state()
            value = compute()
            with self._lock:
                if key in self._kept:
                    self._kept[key] = _Kept(state, value, time.monotonic() - start, start)
        except Exception:  # noqa: BLE001 - the kept answer stays; the next request after a change tries again
            pass
        finally:
            with self._lock:
                self._refreshing.discard(key)
        # While ingest commits batch after batch, every kept answer is always stale: refreshing them back to back
        # would take a core from the requests. Rest `idle_ratio` times as long as the refresh took.
        time.sleep((time.monotonic() - start) * self.idle_ratio)

    def close(self) -> None:
        self._refresher.shutdown(wait=False, cancel_futures=True)
