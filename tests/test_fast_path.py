"""The fast path (Options.fast_path): it changes speed, never what the gold documents yield."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from chronicle.pipeline import OUT_OF_SCOPE, in_scope, process, stages
from chronicle.sources import RawItem, read_all
from tests.conftest import EXAMPLES, ROOT, SEEDS

EVENT_SENTENCES = Path(__file__).parent / "gold" / "event_sentences.jsonl"
RECIPE = """Lemon drizzle cake

Beat the butter and sugar until pale, then fold in the flour and the zest of two lemons.
Bake for forty minutes. While it is still warm, pour the lemon syrup over it and let it soak in.
"""


@pytest.fixture(scope="module")
def slow(options):
    return dataclasses.replace(options, fast_path=False)


def _key(path: str) -> str:
    file, _, line = path.partition("#")
    return str(Path(file).resolve().relative_to(ROOT.parent)) + (f"#{line}" if line else "")


def test_gold_documents_give_identical_records_with_and_without_the_fast_path(options, slow):
    assert options.fast_path, "the fast path is on by default"
    checked = 0
    for item in read_all([str(SEEDS), str(EXAMPLES)], options.max_input_bytes):
        fast, skipped = stages(item, options)
        assert skipped is None, f"{_key(item.path)} is out of scope"
        assert fast.to_record() == process(item, slow).to_record(), _key(item.path)
        checked += 1
    assert checked >= 30


def test_event_sentences_give_identical_events_with_and_without_the_fast_path(options, slow):
    for line in EVENT_SENTENCES.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text = json.loads(line)["text"]
        item = RawItem(path="sentence.txt", content=text, format="text", meta={"published": "2024-03-06"})
        assert process(item, options).to_record() == process(item, slow).to_record(), text


def test_news_naming_no_actor_is_stored_clean_without_extraction(options, slow, nlp):
    item = RawItem(path="cake.txt", content=RECIPE, format="text")
    doc, skipped = stages(item, options)
    assert skipped == OUT_OF_SCOPE and doc.text and not doc.actors and not doc.events
    assert not in_scope(nlp.make_doc(doc.text))
    full, skipped = stages(item, slow)
    assert skipped is None and full.text == doc.text


@pytest.mark.parametrize("text", ["Police fired tear gas at the crowd.", "The Human Rights Council met in Geneva.",
                                  "Kenyan troops crossed the border."])
def test_in_scope_reads_names_and_generic_actors_from_tokens_alone(nlp, text):
    assert in_scope(nlp.make_doc(text))


def test_ingest_counts_out_of_scope_documents_and_the_flag_turns_the_fast_path_off(tmp_path):
    from typer.testing import CliRunner

    from chronicle.cli.main import app

    (tmp_path / "cake.txt").write_text(RECIPE, encoding="utf-8")
    runner = CliRunner()
    fast = runner.invoke(app, ["ingest", str(tmp_path / "cake.txt"), "--db", str(tmp_path / "a.db"), "-w", "1"])
    assert fast.exit_code == 0 and "1 out of scope" in fast.output
    full = runner.invoke(app, ["ingest", str(tmp_path / "cake.txt"), "--db", str(tmp_path / "b.db"), "-w", "1",
                               "--no-fast-path"])  # fmt: skip
    assert full.exit_code == 0 and "out of scope" not in full.output
