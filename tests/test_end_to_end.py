"""The main job from the CLI: the example corpus and the seeds into one database, then the records a user reads.

Cross-article merging is scored here against the gold: two reports belong to one resolution exactly when
their gold resolutions share a `resolution_key`, and the store must group them the same way.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from chronicle.merge.resolutions import resolution_key
from chronicle.records import Resolution

from .conftest import EXAMPLES, ROOT, SEEDS, example_gold

KEY_FIELDS = ("body", "target", "session", "year", "status", "date", "streak")


def chronicle(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, timeout=600, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("e2e") / "chronicle.db")
    chronicle("ingest", str(EXAMPLES), str(SEEDS), "--db", db, "-q")
    return db


def counts(db: str) -> dict[str, int]:
    conn = sqlite3.connect(db)
    tables = ("documents", "removed", "actors", "quotes", "resolutions", "reactions", "events")
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def report_pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Every pair of input files that report one resolution (a JSONL record counts as its file)."""
    return {
        pair
        for paths in groups.values()
        for pair in itertools.combinations(sorted({os.path.basename(p.split("#")[0]) for p in paths}), 2)
    }


def gold_groups() -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for gold in example_gold():
        for r in gold["resolutions"]:
            key = resolution_key(Resolution(**{k: r.get(k) for k in KEY_FIELDS}))
            groups.setdefault(key or f"{gold['path']}:{id(r)}", set()).add(gold["path"])
    seeds = json.loads((SEEDS.parent / "gold" / "seeds.json").read_text(encoding="utf-8"))["documents"]
    for name, doc in seeds.items():
        for r in doc["resolutions"]:
            res = Resolution(**{k: r.get(k) for k in KEY_FIELDS})
            res.status = res.status or "adopted"
            groups.setdefault(resolution_key(res) or f"{name}:{id(r)}", set()).add(name)
    return groups


def test_reports_of_one_resolution_are_grouped_as_the_gold_groups_them(corpus_db):
    conn = sqlite3.connect(corpus_db)
    stored: dict[str, set[str]] = {}
    sql = "SELECT r.cluster_id, d.path FROM resolutions r JOIN documents d ON d.id = r.doc_id"
    for cluster, path in conn.execute(sql):
        stored.setdefault(cluster, set()).add(path)
    gold = gold_groups()
    assert len(stored) == len(gold)
    assert report_pairs(stored) == report_pairs(gold)
    assert len(report_pairs(gold)) >= 10  # the corpus does report resolutions several times


def test_resolutions_for_north_korea_one_row_each_with_the_seeds(corpus_db):
    rows = json.loads(chronicle("resolutions", "--target", "PRK", "--db", corpus_db, "--format", "json").stdout)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) >= 6
    by_id = {row["id"]: row for row in rows}
    committee = by_id["UNGA Third Committee|PRK|2023|adopted"]
    assert committee["sources"] >= 4 and committee["streak"] == 19 and committee["cosponsor_count"] == 62
    assert any(p.endswith("000_376aa65d6dd90d01.txt") for p in committee["paths"])
    seed_001 = [row for row in rows if any(p.endswith("001_59328151a6e3b5cf.txt") for p in row["paths"])]
    assert [(row["body"], row["adoption"]) for row in seed_001] == [("UNGA plenary", "without_vote")]

    timeline = json.loads(chronicle("timeline", "PRK", "--db", corpus_db, "--format", "json").stdout)
    kinds = {item["kind"] for item in timeline}
    assert {"resolution", "event"} <= kinds


def test_one_event_reported_by_several_outlets_is_one_row(corpus_db):
    rows = json.loads(chronicle("events", "--db", corpus_db, "--format", "json", "--limit", "1000").stdout)
    merged = [row for row in rows if row["num_sources"] > 1]
    assert merged
    for row in merged:
        assert len(set(row["doc_ids"])) == row["num_articles"] >= 2
    assert len({row["id"] for row in rows}) == len(rows)


def test_running_the_main_job_again_changes_nothing(corpus_db):
    before = counts(corpus_db)
    proc = chronicle("ingest", str(EXAMPLES), str(SEEDS), "--db", corpus_db, "-q")
    assert "0 stored" in proc.stderr
    assert counts(corpus_db) == before
