"""The SQLite store: named migrations, atomic batches, merging one record reported by many documents."""

from __future__ import annotations

import sqlite3

import pytest

from chronicle.errors import StoreError
from chronicle.records import Document, Event, Resolution, Source
from chronicle.store import migrations
from chronicle.store.db import Store


def doc(i: int, published: str | None = None, **records) -> Document:
    text = f"document number {i}"
    d = Document(id=f"doc{i}", raw=text, text=text, source=Source(path=f"p{i}.txt", published=published))
    for name, values in records.items():
        setattr(d, name, values)
    return d


def test_migrations_are_named_and_applied_once(tmp_path):
    path = str(tmp_path / "m.db")
    with Store(path) as store:
        names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == sorted(name for name, _ in migrations.MIGRATIONS)
    with Store(path) as store:
        assert migrations.apply(store.conn) == []
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failing_batch_leaves_nothing_behind(tmp_path):
    with Store(str(tmp_path / "a.db")) as store:
        store.write_batch([doc(1)])
        broken = doc(3, events=[Event(type=None)])  # events.type is NOT NULL
        with pytest.raises(sqlite3.IntegrityError):
            store.write_batch([doc(2), broken])
        ids = [r[0] for r in store.conn.execute("SELECT id FROM documents")]
    assert ids == ["doc1"]


def test_readonly_store_refuses_writes_and_missing_files(tmp_path):
    path = str(tmp_path / "r.db")
    with Store(path) as store:
        store.write_batch([doc(1)])
    with Store(path, readonly=True) as ro:
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM documents")
    with pytest.raises(StoreError):
        Store(str(tmp_path / "missing.db"), readonly=True)


def test_two_reports_of_one_event_share_a_cluster(tmp_path):
    reject = Event(type="REJECT", source="PRK", target="UNGA Third Committee", date="2023-11-15")
    later = Event(type="REJECT", source="PRK", target="UNGA Third Committee", date=None)
    other = Event(type="REJECT", source="PRK", target="UNGA Third Committee", date="2024-11-20")
    with Store(str(tmp_path / "e.db")) as store:
        store.write_batch([doc(1, "2023-11-15", events=[reject])])
        store.write_batch([doc(2, "2023-11-17", events=[later]), doc(3, "2024-11-21", events=[other])])
        rows = dict(store.conn.execute("SELECT doc_id, cluster_id FROM events").fetchall())
    assert rows["doc2"] == rows["doc1"]
    assert rows["doc3"] != rows["doc1"]


def test_a_meeting_reported_from_either_side_is_one_event(tmp_path):
    """CONSULT is symmetric: "Seoul met Tokyo" and "Tokyo met Seoul" are one meeting; REJECT is not."""
    met = Event(type="CONSULT", source="KOR", target="JPN", date="2024-03-05")
    met_back = Event(type="CONSULT", source="JPN", target="KOR", date="2024-03-06")
    rejected = Event(type="REJECT", source="KOR", target="JPN", date="2024-03-05")
    rejected_back = Event(type="REJECT", source="JPN", target="KOR", date="2024-03-05")
    with Store(str(tmp_path / "s.db")) as store:
        store.write_batch([doc(1, "2024-03-05", events=[met, rejected])])
        store.write_batch([doc(2, "2024-03-06", events=[met_back, rejected_back])])
        rows = dict(store.conn.execute("SELECT doc_id || type, cluster_id FROM events").fetchall())
    assert rows["doc2CONSULT"] == rows["doc1CONSULT"]
    assert rows["doc2REJECT"] != rows["doc1REJECT"]


def test_one_resolution_reported_twice_is_one_cluster(tmp_path):
    committee = Resolution(body="UNGA Third Committee", target="PRK", year=2023, session=78, adoption="consensus")
    plenary = Resolution(body="UNGA plenary", target="PRK", year=2023, session=78, adoption="without_vote")
    with Store(str(tmp_path / "r.db")) as store:
        store.write_batch([doc(1, resolutions=[committee]), doc(2, resolutions=[committee, plenary])])
        sql = "SELECT doc_id, body, cluster_id, stage_key FROM resolutions ORDER BY doc_id"
        rows = store.conn.execute(sql).fetchall()
    clusters = {(r["doc_id"], r["body"]): r["cluster_id"] for r in rows}
    assert clusters[("doc1", "UNGA Third Committee")] == clusters[("doc2", "UNGA Third Committee")]
    assert clusters[("doc2", "UNGA plenary")] != clusters[("doc2", "UNGA Third Committee")]
    assert len({r["stage_key"] for r in rows}) == 1  # committee and plenary: stages of one text
