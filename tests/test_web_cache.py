"""The web app's answer cache over a real SQLite file: what it keeps, and when it reads a kept answer again."""

from __future__ import annotations

import itertools
import sqlite3
import time

import pytest

from chronicle.web.cache import AnswerCache


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cache.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    yield path, conn
    conn.close()


def commit(conn) -> None:
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    time.sleep(0.01)  # a new mtime even on coarse clocks


def counter(seconds: float):
    """A computation that takes `seconds` and answers 1, 2, 3 … on each call."""
    calls = itertools.count(1)

    def compute():
        time.sleep(seconds)
        return next(calls)

    return compute


def wait_for(cache, key, compute, want, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cache.get(key, compute) == want:
            return True
        time.sleep(0.02)
    return False


def test_fast_answers_are_computed_each_time_slow_ones_kept(db):
    path, _ = db
    cache = AnswerCache(path, min_seconds=0.05, idle_ratio=0)
    fast, slow = counter(0), counter(0.06)
    assert [cache.get("fast", fast) for _ in range(3)] == [1, 2, 3]
    assert [cache.get("slow", slow) for _ in range(3)] == [1, 1, 1]
    assert [cache.get("kept", fast, keep_after=0.0) for _ in range(2)] == [4, 4]  # kept however fast it was
    cache.close()


def test_a_kept_answer_is_served_after_a_commit_and_refreshed_behind(db):
    path, conn = db
    cache = AnswerCache(path, min_seconds=0.0, idle_ratio=0)
    compute = counter(0)
    assert cache.get("k", compute) == 1
    commit(conn)
    assert cache.get("k", compute) == 1  # the older committed answer, at once
    assert wait_for(cache, "k", compute, 2)  # read again in the background
    cache.close()


def test_a_slow_answer_is_refreshed_at_most_every_slow_every_seconds(db):
    path, conn = db
    cache = AnswerCache(path, min_seconds=0.0, idle_ratio=0, slow_seconds=0.05, slow_every=0.6)
    slow, fast = counter(0.06), counter(0)
    assert cache.get("slow", slow) == 1 and cache.get("fast", fast) == 1
    commit(conn)
    assert wait_for(cache, "fast", fast, 2, timeout=0.4)  # a cheap answer follows the commit at once
    time.sleep(0.2)
    assert cache.get("slow", slow) == 1  # a costly one waits for its turn …
    assert wait_for(cache, "slow", slow, 2, timeout=3.0)  # … which comes slow_every after its last computation
    cache.close()
