"""`chronicle quotes`, `actors`, `resolutions`, `resolution`, `timeline` and `events` on a real store, their
input checks, and docs/cli.md covering every registered command and option."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.core

from chronicle.cli.main import app
from chronicle.store import queries, timeline
from chronicle.store.db import Store

from .test_queries import build_store

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def chronicle(*args: str, code: int = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == code, proc.stderr
    return proc


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(str(tmp_path_factory.mktemp("cli") / "records.db"))


def as_json(*args: str) -> list | dict:
    return json.loads(chronicle(*args, "--format", "json").stdout)


def test_json_output_is_what_the_functions_return(db):
    with Store(db, readonly=True) as store:
        conn = store.conn
        assert as_json("quotes", "--actor", "PRK", "--db", db) == queries.quotes(conn, actor="PRK")
        assert as_json("actors", "--kind", "person", "--db", db) == queries.actors(conn, kind="person")
        assert as_json("events", "--since", "2023-12", "--db", db) == queries.events(conn, since="2023-12")
        assert as_json("resolutions", "--target", "PRK", "--db", db) == timeline.resolutions(conn, target="PRK")
        assert as_json("timeline", "PRK", "--db", db) == timeline.timeline(conn, "PRK")
        cluster = "UNGA Third Committee|PRK|2023|adopted"
        assert as_json("resolution", cluster, "--db", db) == timeline.resolution_detail(conn, cluster)


def test_table_and_csv_output(db):
    table = chronicle("quotes", "--speaker", "kim", "--db", db).stdout
    assert "Kim Song" in table and "Peter Stano" not in table
    rows = list(csv.DictReader(io.StringIO(chronicle("events", "--db", db, "--format", "csv").stdout)))
    assert [r["cameo"] for r in rows] == ["112", "010"]
    assert list(rows[0]) == ["date", "type", "mode", "cameo", "source", "target", "negated", "hypothetical",
                             "num_mentions", "num_sources", "num_articles", "id"]
    resolutions = chronicle("resolutions", "--body", "third", "--db", db, "--format", "csv").stdout
    (row,) = csv.DictReader(io.StringIO(resolutions))
    assert (row["year"], row["tally"], row["cosponsor_count"], row["sources"]) == ("2023", "", "60", "3")
    detail = chronicle("resolution", "UNGA Third Committee|PRK|2023|adopted", "--db", db).stdout
    assert "cosponsor_count: 60" in detail and "other stages of this text" in detail
    assert "no matching records" in chronicle("timeline", "ZZZ", "--db", db).stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quotes", "--since", "last week"], "YYYY"),
        (["events", "--since", "2023/11/01"], "YYYY"),
        (["actors", "--kind", "country"], "state, igo"),
        (["quotes", "--format", "xml"], "table, json, csv"),
        (["resolutions", "--since", "23"], "1945"),
        (["quotes", "--limit", "0"], "limit"),
    ],
)
def test_bad_options_exit_2_with_a_message(db, args, message):
    proc = chronicle(*args, "--db", db, code=2)
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_resolution_and_missing_database(db, tmp_path):
    proc = chronicle("resolution", "UNGA plenary|XXX|1999", "--db", db, code=1)
    assert "no resolution" in proc.stderr
    proc = chronicle("quotes", "--db", str(tmp_path / "none.db"), code=2)
    assert "no such database" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "none.db").exists()


def test_every_command_and_option_is_documented():
    docs = DOCS.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### chronicle (\S+)\n(.*?)(?=^##|\Z)", docs, re.S | re.M))
    group = typer.main.get_command(app)
    assert set(group.commands) <= set(sections), set(group.commands) - set(sections)
    for name, command in group.commands.items():
        for param in command.params:
            if isinstance(param, typer.core.TyperOption):
                longest = max(param.opts, key=len)
                assert longest in sections[name], f"chronicle {name} {longest} is not in docs/cli.md"
        assert "```bash\nchronicle " + name in sections[name], f"chronicle {name} has no example"
