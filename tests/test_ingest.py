"""Ingest into a real SQLite file: formats, bad inputs, idempotency, near-duplicates, crash safety."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicle.engines.local import ingest
from chronicle.settings import Options
from chronicle.store.db import Store

from .conftest import SEEDS

ARTICLE = (
    "The General Assembly adopted a resolution on {topic} on Tuesday after a long debate in New York.\n\n"
    "Delegates from {n} countries spoke during the session, and several of them asked for more time.\n\n"
    "The text calls on the government to release political prisoners and to cooperate with the rapporteur.\n"
)


@pytest.fixture
def fast():
    """Cleaning and storage only: these tests are about ingestion, not extraction."""
    return Options.from_env(extract=False)


def table_counts(conn) -> dict[str, int]:
    tables = ("documents", "removed", "actors", "quotes", "resolutions", "reactions", "events", "minhashes")
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def test_every_input_kind_is_read(tmp_path, db, fast):
    (tmp_path / "a.txt").write_text(ARTICLE.format(topic="Iran", n=12), encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(ARTICLE.format(topic="Syria", n=30).encode()))
    (tmp_path / "c.html").write_text(
        "<html><head><title>Myanmar vote</title></head><body><article><h1>Myanmar vote</h1><p>"
        + ARTICLE.format(topic="Myanmar", n=40).replace("\n\n", "</p><p>")
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    lines = [
        {"text": ARTICLE.format(topic="Belarus", n=7), "url": "https://example.org/belarus", "outlet": "Wire"},
        {"text": ARTICLE.format(topic="Eritrea", n=9), "title": "Eritrea", "published": "2024-07-01"},
    ]
    sub = tmp_path / "nested" / "deeper"
    sub.mkdir(parents=True)
    (sub / "d.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.format(topic="Venezuela", n=5).encode())

    report = ingest([str(tmp_path)], db, fast)
    assert report.failed == []
    assert report.stored == 6
    rows = {r["path"]: dict(r) for r in db.conn.execute("SELECT * FROM documents")}
    jsonl_row = rows[str(sub / "d.jsonl") + "#1"]
    assert jsonl_row["url"] == "https://example.org/belarus" and jsonl_row["outlet"] == "Wire"
    assert rows[str(sub / "d.jsonl") + "#2"]["published"] == "2024-07-01"
    assert not rows[str(tmp_path / "e.txt")]["text"].startswith("\ufeff")
    assert "Syria" in rows[str(tmp_path / "b.txt.gz")]["text"]


def test_glob_and_stdin(tmp_path, db, fast):
    for i in range(3):
        (tmp_path / f"g{i}.txt").write_text(ARTICLE.format(topic=f"topic {i}", n=i + 10), encoding="utf-8")
    report = ingest([str(tmp_path / "g*.txt")], db, fast)
    assert report.stored == 3
    proc = subprocess.run(
        [sys.executable, "-m", "chronicle", "ingest", "-", "--db", db.path, "--no-extract", "-q"],
        input=ARTICLE.format(topic="stdin", n=99).encode(), capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert db.conn.execute("SELECT COUNT(*) FROM documents WHERE path = '-'").fetchone()[0] == 1


def test_cp1252_falls_back_with_a_warning(tmp_path, db, fast):
    path = tmp_path / "latin.txt"
    path.write_bytes(ARTICLE.format(topic="Côte d’Ivoire", n=3).encode("cp1252"))
    report = ingest([str(path)], db, fast)
    assert report.stored == 1
    assert report.warnings and "cp1252" in report.warnings[0][1]
    text = db.conn.execute("SELECT text FROM documents").fetchone()[0]
    assert "Côte d’Ivoire" in text


def bad_inputs(tmp_path: Path) -> dict[str, str]:
    """Each bad input as it is reported (a JSONL line as PATH#LINE), with a word its error line must contain."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (tmp_path / "garbage.txt").write_bytes(bytes(range(0, 32)) * 200)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        line = b"This line makes the file far too large to be one article. " * 16 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    (tmp_path / "broken.html").write_text("<html><body><div><<<>>></p></span>", encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text(
        json.dumps({"text": ARTICLE.format(topic="good line", n=1)}) + "\n{not json\n", encoding="utf-8"
    )
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    (tmp_path / "folder.txt").mkdir()
    return {
        str(tmp_path / "empty.txt"): "empty",
        str(tmp_path / "image.png"): "binary",
        str(tmp_path / "garbage.txt"): "binary",
        str(big): "larger",
        str(tmp_path / "broken.html"): "text",
        str(tmp_path / "mixed.jsonl") + "#2": "not JSON",
        str(tmp_path / "does-not-exist.txt"): "no such file",
        str(tmp_path / "dangling.txt"): "broken symbolic link",
        str(tmp_path / "folder.txt"): "no .txt",
    }


def given(expected: dict[str, str]) -> list[str]:
    """The inputs to pass on the command line: the files themselves, not PATH#LINE."""
    return sorted({source.split("#")[0] for source in expected})


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path, db, fast):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE.format(topic="earlier", n=2), encoding="utf-8")
    assert ingest([str(good)], db, fast).stored == 1
    before = table_counts(db.conn)

    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    expected = bad_inputs(bad_dir)
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.format(topic="later", n=4), encoding="utf-8")

    report = ingest([*given(expected), str(other)], db, fast)
    failed = dict(report.failed)
    assert set(failed) == set(expected), failed
    for source, word in expected.items():
        assert word.lower() in failed[source].lower(), (source, failed[source])
    assert report.stored == 2  # other.txt and the good JSONL line
    after = table_counts(db.conn)
    assert after["documents"] == before["documents"] + 2
    assert db.conn.execute("SELECT COUNT(*) FROM documents WHERE path = ?", (str(good),)).fetchone()[0] == 1


def test_cli_reports_each_bad_input_on_one_line_and_exits_1(tmp_path):
    expected = bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE.format(topic="fine", n=8), encoding="utf-8")
    dbfile = tmp_path / "cli.db"
    proc = subprocess.run(
        [sys.executable, "-m", "chronicle", "ingest", *given(expected), str(good), "--db", str(dbfile)]
        + ["--no-extract", "-q"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1
    failed_lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("failed ")]
    assert len(failed_lines) == len(expected)
    for source in expected:
        assert sum(f"failed {source}:" in ln for ln in failed_lines) == 1, source
    conn = sqlite3.connect(dbfile)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2


def test_reingest_changes_nothing(tmp_path, fast):
    path = str(tmp_path / "again.db")
    with Store(path) as store:
        first = ingest([str(SEEDS)], store, fast)
        assert first.stored == 2
    snapshot = sqlite3.connect(path).iterdump()
    dump1 = "\n".join(line for line in snapshot if "ingested_at" not in line)
    with Store(path) as store:
        second = ingest([str(SEEDS)], store, fast)
    assert second.stored == 0 and second.unchanged == 2
    dump2 = "\n".join(line for line in sqlite3.connect(path).iterdump() if "ingested_at" not in line)
    assert dump1 == dump2


def test_near_duplicate_is_linked_to_the_first_copy(tmp_path, db, fast):
    body = (SEEDS / "000_376aa65d6dd90d01.txt").read_text(encoding="utf-8")
    original = tmp_path / "1_original.txt"
    original.write_text(body, encoding="utf-8")
    copy = tmp_path / "2_syndicated.txt"
    copy.write_text(
        "U.N. PANEL CENSURES PYONGYANG AGAIN\n\n"
        + body.replace("passed a resolution Wednesday", "approved a text on Wednesday"),
        encoding="utf-8",
    )
    unrelated = tmp_path / "3_other.txt"
    unrelated.write_text((SEEDS / "001_59328151a6e3b5cf.txt").read_text(encoding="utf-8"), encoding="utf-8")
    report = ingest([str(tmp_path)], db, fast)
    assert report.stored == 3 and report.near_duplicates == 1
    rows = {Path(r["path"]).name: r for r in db.conn.execute("SELECT id, path, duplicate_of FROM documents")}
    assert rows["2_syndicated.txt"]["duplicate_of"] == rows["1_original.txt"]["id"]
    assert rows["1_original.txt"]["duplicate_of"] is None
    assert rows["3_other.txt"]["duplicate_of"] is None


def test_kill_9_mid_ingest_leaves_a_consistent_database(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 1500
    for i in range(n):
        (corpus / f"{i:05d}.txt").write_text(ARTICLE.format(topic=f"case number {i}", n=i), encoding="utf-8")
    dbfile = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "chronicle", "ingest", str(corpus), "--db", str(dbfile), "--no-extract", "-q",
           "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            conn = sqlite3.connect(f"file:{dbfile}?mode=ro", uri=True, timeout=5)
            stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.OperationalError:
            continue
        if stored >= 100:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    conn = sqlite3.connect(dbfile)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert 0 < partial < n
    # every stored document is complete: its minhash row landed in the same transaction
    assert conn.execute("SELECT COUNT(*) FROM minhashes").fetchone()[0] == partial
    conn.close()

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(dbfile)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == n
    assert conn.execute("SELECT COUNT(DISTINCT path) FROM documents").fetchone()[0] == n


STORIES = [
    "Iran's parliament voted on a new budget for provincial hospitals on Monday morning.",
    "Flooding in the southern valleys forced thousands of families from their homes this week.",
    "The central bank kept interest rates unchanged and warned of slower growth next year.",
    "A court in the capital sentenced two journalists to prison for reporting on the protests.",
]
FOOTER = "Tips for our desk go to the newsroom line any day of the week"


def test_lines_recurring_across_an_outlets_files_are_removed(tmp_path, db, fast):
    folder = tmp_path / "outlet"
    folder.mkdir()
    for i, story in enumerate(STORIES):
        body = f"{story}\n\nOfficials gave no figures for case number {i + 1} when asked about it.\n\n{FOOTER}\n"
        (folder / f"{i}.txt").write_text(body, encoding="utf-8")
    lone = tmp_path / "lone.txt"
    lone.write_text(f"{STORIES[0]} It was the only story filed that day.\n\n{FOOTER}\n", encoding="utf-8")

    assert ingest([str(folder), str(lone)], db, fast).stored == 5
    rows = db.conn.execute("SELECT path, text FROM documents").fetchall()
    for path, text in rows:
        assert (FOOTER in text) == (path == str(lone)), path  # the lone file's folder holds one story
    reasons = db.conn.execute("SELECT COUNT(*) FROM removed WHERE reason = 'outlet_repeat'").fetchone()[0]
    assert reasons == 4


def test_outlet_lines_can_be_switched_off(tmp_path, db):
    for i, story in enumerate(STORIES):
        (tmp_path / f"{i}.txt").write_text(f"{story}\n\n{FOOTER}\n", encoding="utf-8")
    options = Options.from_env(extract=False, outlet_boilerplate_min_docs=0)
    ingest([str(tmp_path)], db, options)
    texts = [row[0] for row in db.conn.execute("SELECT text FROM documents")]
    assert len(texts) == 4 and all(FOOTER in text for text in texts)


def unreadable(path: Path) -> str:
    """A file the ingest cannot read, with the reason it must give. Root reads a file whatever its mode, so
    under root the unreadable file is one whose read fails with an I/O error (a link to /proc/self/mem)."""
    if os.geteuid() != 0:
        path.write_text(ARTICLE.format(topic="secret", n=5), encoding="utf-8")
        path.chmod(0o000)
        return "permission denied"
    path.symlink_to("/proc/self/mem")
    return "input/output error"


def test_an_unreadable_file_is_reported_and_the_rest_is_stored(tmp_path):
    secret = tmp_path / "secret.txt"
    reason = unreadable(secret)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE.format(topic="open", n=5), encoding="utf-8")
    dbfile = tmp_path / "u.db"
    proc = subprocess.run(
        [sys.executable, "-m", "chronicle", "ingest", str(secret), str(good), "--db", str(dbfile), "--no-extract"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    failed = [line for line in proc.stderr.splitlines() if line.startswith("failed ")]
    assert len(failed) == 1 and failed[0].lower() == f"failed {secret}: {reason}"
    assert sqlite3.connect(dbfile).execute("SELECT path FROM documents").fetchall() == [(str(good),)]


def test_a_story_run_many_times_keeps_its_text(tmp_path, db, fast):
    """Lines shared by most of a document are the story itself (rewrites, live updates), not furniture."""
    shared = ["Talks resumed in Geneva today.", "Both delegations attended.", "No deal was reached.",
              "Another round is planned.", "Observers were cautious."]  # fmt: skip
    for i, story in enumerate(STORIES):
        (tmp_path / f"{i}.txt").write_text("\n\n".join([*shared, story]) + "\n", encoding="utf-8")
    report = ingest([str(tmp_path)], db, fast)
    assert report.stored == 4 and not report.failed
    for (text,) in db.conn.execute("SELECT text FROM documents"):
        assert all(line in text for line in shared)


def test_a_chunk_parsed_together_gives_the_records_of_one_by_one(options):
    """Workers parse a chunk of items with one nlp.pipe call; every record must be what a lone parse gives."""
    from chronicle.engines.local import CHUNK, _chunks, run_item, run_items
    from chronicle.sources import RawItem, read_all

    from .conftest import EXAMPLES

    items = [x for x in read_all([str(EXAMPLES), str(SEEDS)], options.max_input_bytes) if isinstance(x, RawItem)]
    assert len(items) > CHUNK  # several chunks, the last one short
    chunks = list(_chunks(items))
    assert len(chunks) > 1 and 1 < max(map(len, chunks)) <= CHUNK  # some parses are shared
    together = [o for chunk in chunks for o in run_items(chunk, options)]
    alone = [run_item(item, options) for item in items]
    assert [o.path for o in together] == [o.path for o in alone]
    for a, b in zip(together, alone, strict=True):
        assert a.error == b.error and a.skipped == b.skipped and a.signature == b.signature, a.path
        assert a.doc.to_record() == b.doc.to_record(), a.path
    assert sum(len(o.doc.events) + len(o.doc.quotes) for o in together) > 100
