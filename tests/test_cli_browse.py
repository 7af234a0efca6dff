"""`chronicle show`, `search` and `stats` on a real database built by `chronicle ingest`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SEEDS


def chronicle(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("browse") / "seeds.db"
    chronicle("ingest", str(SEEDS), "--db", str(path), "-q")
    return str(path)


def test_stats_counts_documents(seeded_db):
    summary = json.loads(chronicle("stats", "--db", seeded_db, "--format", "json").stdout)
    assert summary["documents"] == 2
    assert summary["removed"] > 0


def test_search_finds_the_seed_with_a_snippet(seeded_db):
    rows = json.loads(chronicle("search", "forcibly repatriate", "--db", seeded_db, "--format", "json").stdout)
    assert len(rows) == 1
    assert "000_376aa65d6dd90d01.txt" in rows[0]["path"]
    assert "[" in rows[0]["snippet"]


def test_a_provision_name_finds_its_phrasings(seeded_db):
    """Seed 000 never says "non-refoulement"; it says the resolution calls on states not to forcibly repatriate."""
    rows = json.loads(chronicle("search", "non-refoulement", "--db", seeded_db, "--format", "json").stdout)
    assert [r["path"] for r in rows if "000_376aa65d6dd90d01.txt" in r["path"]]
    assert all("001_59328151a6e3b5cf.txt" not in r["path"] for r in rows)


def test_table_output_prints_snippet_brackets_as_text(seeded_db):
    table = chronicle("search", "forcibly repatriate", "--db", seeded_db).stdout
    assert "[forcibly" in table.replace("\n", " ")


def test_search_survives_fts_syntax(seeded_db):
    proc = chronicle("search", 'NEAR( "unbalanced * OR', "--db", seeded_db, "--format", "json")
    assert json.loads(proc.stdout) == []


def test_show_marks_removed_spans(seeded_db):
    rows = json.loads(chronicle("search", "Kim Song", "--db", seeded_db, "--format", "json").stdout)
    doc_id = next(r["id"] for r in rows if "000_" in r["path"])
    plain = chronicle("show", doc_id[:8], "--db", seeded_db).stdout
    marked = chronicle("show", doc_id[:8], "--db", seeded_db, "--removed").stdout
    assert "CLICK HERE TO GET THE FOX NEWS APP" not in plain
    assert "CLICK HERE TO GET THE FOX NEWS APP" in marked
    assert len(marked) > len(plain)


def test_show_unknown_id_fails_cleanly(seeded_db):
    proc = chronicle("show", "ffffffffffff", "--db", seeded_db, check=False)
    assert proc.returncode == 1
    assert "no document" in proc.stderr
    assert "Traceback" not in proc.stderr
