"""Events on single sentences of general news (tests/gold/event_sentences.jsonl): protests, deployments, aid,
ceasefires, arrests, strikes as well as human-rights diplomacy, one gold event each.

Scores, with floors in tests/scores.json:
- type recall: sentences where some extracted event has the gold type;
- type+actors: sentences where some extracted event has the gold type and source country, and the gold
  target country when the gold names one;
- type precision: extracted events whose type is their sentence's gold type, over all extracted events.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from chronicle.pipeline import enrich, process
from chronicle.sources import RawItem

GOLD = Path(__file__).parent / "gold" / "event_sentences.jsonl"
SCORES = Path(__file__).with_name("scores.json")
PUBLISHED = "2024-03-06"


def gold_sentences() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentence_scores(pairs) -> dict:
    """pairs: (gold line, extracted events of its sentence)."""
    typed = actors = right = total = 0
    misses = []
    for gold, events in pairs:
        total += len(events)
        right += sum(ev.type == gold["type"] for ev in events)
        same = [ev for ev in events if ev.type == gold["type"]]
        typed += bool(same)
        full = [ev for ev in same if ev.source_country == gold["source_country"]
                and (gold["target_country"] is None or ev.target_country == gold["target_country"])]
        actors += bool(full)
        if not full:
            misses.append((gold["text"], [(e.type, e.source_country, e.target_country) for e in events]))
    n = len(pairs)
    return {"type_recall": typed / n, "type_actors": actors / n, "type_precision": right / total if total else 0.0,
            "flags": sum(any(e.negated == g["negated"] and e.hypothetical == g["hypothetical"] for e in evs
                             if e.type == g["type"]) for g, evs in pairs) / n,
            "misses": misses}


@pytest.fixture(scope="module")
def result(options):
    pairs = []
    for i, gold in enumerate(gold_sentences()):
        item = RawItem(path=f"sentence-{i}.txt", content=gold["text"], format="text", meta={"published": PUBLISHED})
        doc = process(item, dataclasses.replace(options, extract=False))
        doc.source.published = doc.source.published or PUBLISHED
        enrich(doc, options)
        pairs.append((gold, doc.events))
    return sentence_scores(pairs)


def floor(key: str, default: float) -> float:
    scores = json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}
    return scores.get(key, default)


def test_the_sentence_gold_covers_all_sixteen_types_and_general_news():
    from chronicle.extract.events.ontology import types

    gold = gold_sentences()
    assert len(gold) >= 40
    assert {g["type"] for g in gold} == set(types())
    assert sum("rights" not in g["text"] and "resolution" not in g["text"] for g in gold) >= 30


def test_sentence_type_recall_holds_its_floor(result):
    assert result["type_recall"] >= floor("events_sentences_type_recall", 0.7), result["misses"]


def test_sentence_type_and_actors_hold_their_floor(result):
    assert result["type_actors"] >= floor("events_sentences_type_actors", 0.55), result["misses"]


def test_sentence_type_precision_holds_its_floor(result):
    assert result["type_precision"] >= floor("events_sentences_type_precision", 0.7), result["misses"]


def test_sentence_flags_hold_their_floor(result):
    assert result["flags"] >= floor("events_sentences_flags", 0.8), result["misses"]
