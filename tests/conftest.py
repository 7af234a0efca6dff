"""Shared fixtures: the real spaCy pipeline once per session, paths to shared data and examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"
GOLD_DIR = ROOT / "tests" / "gold" / "examples"


@pytest.fixture(scope="session")
def options():
    from chronicle.settings import Options

    return Options.from_env()


@pytest.fixture(scope="session")
def nlp(options):
    from chronicle import nlp as nlp_module

    return nlp_module.load(options.model)


@pytest.fixture(scope="session")
def seeds_gold():
    return json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_docs(options):
    """The two seed articles through every stage, keyed by file name."""
    from chronicle.pipeline import process
    from chronicle.sources import read

    docs = {}
    for path in sorted(SEEDS.glob("*.txt")):
        (item,) = list(read(str(path), options.max_input_bytes))
        docs[path.name] = process(item, options)
    return docs


def example_gold():
    """Every hand-made gold file for the example corpus."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


def gold_key(gold: dict) -> str:
    """The key `example_docs` uses for the document a gold file describes."""
    return gold["path"] + (f"#{gold['line']}" if gold.get("line") else "")


@pytest.fixture(scope="session")
def example_docs(options):
    """Every example article through every stage, once per test session, keyed like `gold_key`."""
    from chronicle.pipeline import process
    from chronicle.sources import read_all

    docs = {}
    for item in read_all([str(EXAMPLES)], options.max_input_bytes):
        key = str(Path(item.path.split("#")[0]).resolve().relative_to(ROOT))
        if "#" in item.path:
            key += "#" + item.path.split("#")[1]
        docs[key] = process(item, options)
    return docs


@pytest.fixture(scope="session")
def example_pairs(example_docs):
    """(gold, document) for every gold file, failing loudly when a gold file names no document."""
    pairs = []
    for gold in example_gold():
        key = gold_key(gold)
        assert key in example_docs, f"gold names {key}, which is not in examples/"
        pairs.append((gold, example_docs[key]))
    return pairs


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    """`chronicle ingest examples ../shared/seeds` plus an article crafted to attack the pages, the UN voting
    sample imported, and one stored document whose speaker's name carries markup."""
    pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")
    from .webserver import add_attack_speaker, attack_jsonl, chronicle

    folder = tmp_path_factory.mktemp("web")
    db = str(folder / "web.db")
    chronicle("ingest", str(EXAMPLES), str(SEEDS), str(attack_jsonl(folder)), "--db", db, "-q")
    chronicle("import-un-votes", str(ROOT / "tests" / "data" / "un_votes_sample.csv"), "--db", db)
    add_attack_speaker(db)
    return db


@pytest.fixture(scope="session")
def web_url(web_db):
    """The base URL of a real `chronicle serve` over `web_db`, on 127.0.0.1."""
    from .webserver import serving

    with serving(web_db) as base:
        yield base


@pytest.fixture
def db(tmp_path):
    """A fresh store in a SQLite file of the test's own."""
    from chronicle.store.db import Store

    with Store(str(tmp_path / "test.db")) as store:
        yield store
