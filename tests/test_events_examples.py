"""Events on the team's example corpus: precision and recall of (type, source country, target country).

Matching (docs/events.md): an extracted event matches a gold event of the same document when its evidence
overlaps the gold sentence (located by `sentence_starts`), its type and source country are equal, and its
target country equals the gold one (a gold event without a target accepts any). Matching is one-to-one.
Negated and hypothetical flags are scored separately, on the matched pairs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SCORES = Path(__file__).with_name("scores.json")
_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")


def gold_sentence(text: str, starts: str) -> tuple[int, int] | None:
    """Where the sentence a gold event names lies in the clean text (None when cleaning lost it)."""
    idx = text.find(starts)
    if idx < 0:
        return None
    end = _END.search(text, idx + len(starts))
    return idx, end.end() if end else len(text)


def score(pairs) -> dict:
    """Counts and scores over (gold file, Document) pairs."""
    tp = extracted = gold_total = flags_ok = 0
    misses: list[str] = []
    spurious: list[str] = []
    for gold, doc in pairs:
        events = list(doc.events)
        used: set[int] = set()
        extracted += len(events)
        for g in gold.get("events", []):
            gold_total += 1
            where = gold_sentence(doc.text, g["sentence_starts"])
            hit = None
            if where is not None:
                for i, ev in enumerate(events):
                    if i in used or ev.type != g["type"] or ev.source_country != g["source_country"]:
                        continue
                    if g["target_country"] is not None and ev.target_country != g["target_country"]:
                        continue
                    if any(s.start < where[1] and where[0] < s.end for s in ev.evidence):
                        hit = i
                        break
            if hit is None:
                misses.append(f"{gold['path']}: {g['type']} {g['source_country']}->{g['target_country']} "
                              f"| {g['sentence_starts']}")
                continue
            used.add(hit)
            tp += 1
            ev = events[hit]
            flags_ok += ev.negated == g["negated"] and ev.hypothetical == g["hypothetical"]
        for i, ev in enumerate(events):
            if i not in used:
                where = doc.text[ev.evidence[0].start : ev.evidence[0].start + 50] if ev.evidence else ""
                spurious.append(f"{gold['path']}: {ev.type} {ev.source_country}->{ev.target_country} | {where}")
    return {
        "precision": tp / extracted if extracted else 0.0,
        "recall": tp / gold_total if gold_total else 0.0,
        "flags": flags_ok / tp if tp else 0.0,
        "matched": tp, "extracted": extracted, "gold": gold_total, "misses": misses, "spurious": spurious,
    }


def floors() -> dict:
    return json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}


@pytest.fixture(scope="module")
def result(example_pairs):
    pairs = [(g, d) for g, d in example_pairs if "events" in g]
    if not pairs:
        pytest.skip("no gold events in tests/gold/examples yet")
    return score(pairs)


def test_event_precision_holds_its_floor(result):
    floor = floors().get("events_examples_precision", 0.8)
    assert result["precision"] >= floor, f"precision {result['precision']:.3f} < {floor}: {result['spurious']}"


def test_event_recall_holds_its_floor(result):
    floor = floors().get("events_examples_recall", 0.8)
    assert result["recall"] >= floor, f"recall {result['recall']:.3f} < {floor}: missed {result['misses']}"


def test_negated_and_hypothetical_flags_hold_their_floor(result):
    floor = floors().get("events_examples_flags", 0.8)
    assert result["flags"] >= floor, f"flag accuracy {result['flags']:.3f} < {floor}"
