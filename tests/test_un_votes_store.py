"""UN Digital Library votes in the store: migration, idempotent atomic loading, links to news-derived resolutions."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.records import Resolution
from chronicle.sources.un_votes import UnVoteRecord, parse_un_votes
from chronicle.store import migrations, timeline, un_votes
from chronicle.store.db import Store

from .test_queries import corpus, make_doc

SAMPLE = Path(__file__).parent / "data" / "un_votes_sample.csv"
UKR = "A Third Committee vote on Ukraine. The General Assembly vote on Ukraine. A vote on a text."


def sample() -> list[UnVoteRecord]:
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        return list(parse_un_votes(fh))


def ukraine_doc():
    return make_doc("9999000000000009", UKR, "2023-12-20", "Wire", resolutions=[
        Resolution(body="UNGA Third Committee", target="UKR", session=78, year=2023, status="adopted"),
        Resolution(body="UNGA plenary", target="UKR", year=2023, date="2023-12-19", status="adopted"),
        Resolution(body="UNGA plenary", target="UKR", year=2022, symbol="A/RES/77/999"),
    ])


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "un.db")) as s:
        s.write_batch([*corpus(), ukraine_doc()])
        yield s


def dump(conn: sqlite3.Connection) -> str:
    return "\n".join(line for line in conn.iterdump() if "_migrations" not in line)


def test_migration_0003_adds_the_tables(store):
    names = [n for n, _ in migrations.MIGRATIONS]
    assert names[-1] == "0003_un_votes" and names[:2] == ["0001_documents", "0002_records"]
    assert un_votes.has_tables(store.conn)


def test_load_stores_records_and_votes(store):
    result = un_votes.load_un_votes(store, sample())
    assert (result.added, result.updated, result.unchanged, result.votes) == (2, 0, 0, 8)
    ukraine = un_votes.un_resolution(store.conn, "4031234")
    assert (ukraine["symbol"], ukraine["draft"], ukraine["session"], ukraine["date"]) == (
        "A/RES/78/221", "A/C.3/78/L.43", 78, "2023-12-19")
    assert (ukraine["body"], ukraine["target"], ukraine["year"]) == ("UNGA plenary", "UKR", 2023)
    assert (ukraine["total_yes"], ukraine["total_no"], ukraine["total_abstentions"]) == (78, 16, 80)
    assert ukraine["subjects"] == ["HUMAN RIGHTS", "UKRAINE"]
    assert ukraine["votes"] == [
        {"ms_code": "IND", "ms_name": "INDIA", "vote": "A"},
        {"ms_code": "RUS", "ms_name": "RUSSIAN FEDERATION", "vote": "N"},
        {"ms_code": "UKR", "ms_name": "UKRAINE", "vote": "Y"},
        {"ms_code": "VEN", "ms_name": "VENEZUELA (BOLIVARIAN REPUBLIC OF)", "vote": "X"},
    ]
    iran = un_votes.un_resolution(store.conn, "4030001")
    assert iran["total_yes"] is None and len(iran["votes"]) == 4  # the sample leaves its totals blank


def test_reimport_changes_nothing_and_a_changed_record_is_replaced(store):
    un_votes.load_un_votes(store, sample())
    before = dump(store.conn)
    again = un_votes.load_un_votes(store, sample())
    assert (again.added, again.updated, again.unchanged, again.votes) == (0, 0, 2, 0)
    assert dump(store.conn) == before
    changed = sample()
    changed[1].votes["BRA"] = "Y"
    del changed[1].votes["CHN"]
    result = un_votes.load_un_votes(store, changed)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    votes = {v["ms_code"]: v["vote"] for v in un_votes.un_resolution(store.conn, "4030001")["votes"]}
    assert votes == {"BRA": "Y", "CAN": "Y", "IRN": "N"}


def test_a_failing_load_leaves_nothing_behind(store):
    def records():
        yield from sample()
        raise OSError("the file went away")

    with pytest.raises(OSError):
        un_votes.load_un_votes(store, records())
    bad = sample()
    bad[1].votes["FRA"] = "Q"  # not a vote: the table's CHECK refuses it
    with pytest.raises(sqlite3.IntegrityError):
        un_votes.load_un_votes(store, bad)
    assert store.conn.execute("SELECT COUNT(*) FROM un_resolutions").fetchone()[0] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM un_member_votes").fetchone()[0] == 0


def test_news_resolutions_link_by_symbol_or_target_session_and_body(store):
    un_votes.load_un_votes(store, sample())
    links = {cluster: (undl, rule) for cluster, undl, rule in un_votes.links(store.conn)}
    assert links == {
        "UNGA plenary|IRN|2023|adopted": ("4030001", "symbol"),
        "UNGA Third Committee|UKR|2023|adopted": ("4031234", "committee stage"),
        "UNGA plenary|UKR|2023|adopted": ("4031234", "target+session+body"),  # no session: the year of the vote
    }
    # a symbol that names no imported record links to nothing, although target and body would match
    assert "UNGA plenary|UKR|2022|adopted" not in links
    rows = {r["id"]: r for r in timeline.resolutions(store.conn)}
    assert rows["UNGA plenary|IRN|2023|adopted"]["un_records"] == ["4030001"]
    assert rows["UNGA plenary|PRK|2023|adopted"]["un_records"] == []


def test_resolution_detail_shows_each_member_states_vote(store):
    un_votes.load_un_votes(store, sample())
    detail = timeline.resolution_detail(store.conn, "UNGA Third Committee|UKR|2023|adopted")
    (record,) = detail["un_votes"]
    assert record["symbol"] == "A/RES/78/221" and record["rules"] == ["committee stage"]
    assert {v["ms_code"]: v["vote"] for v in record["votes"]} == {"UKR": "Y", "RUS": "N", "IND": "A", "VEN": "X"}


def test_a_database_from_before_the_migration_reads_without_votes(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for _, sql in migrations.MIGRATIONS[:2]:
        for statement in migrations._statements(sql):
            conn.execute(statement)
    conn.commit()
    conn.close()
    with Store(str(path), readonly=True) as old:
        assert not un_votes.has_tables(old.conn)
        assert un_votes.links(old.conn) == [] and timeline.resolutions(old.conn) == []


def chronicle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, timeout=300)


def test_cli_import_is_idempotent_and_checks_its_input(tmp_path):
    db = str(tmp_path / "cli.db")
    with Store(db) as s:
        s.write_batch([*corpus(), ukraine_doc()])
    first = chronicle("import-un-votes", str(SAMPLE), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "2 UN records added, 0 updated, 0 unchanged (8 member-state votes written)" in first.stderr
    assert "3 stored resolutions link to a UN record" in first.stderr
    second = chronicle("import-un-votes", str(SAMPLE), "--db", db)
    assert "0 UN records added, 0 updated, 2 unchanged" in second.stderr
    missing = chronicle("import-un-votes", str(tmp_path / "nope.csv"), "--db", db)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("symbol,country,vote\nA/RES/1,FRA,Y\n", encoding="utf-8")
    proc = chronicle("import-un-votes", str(wrong), "--db", db)
    assert proc.returncode == 2 and "undl_id" in proc.stderr and "Traceback" not in proc.stderr
