"""Resolutions and reactions on the example corpus, scored against tests/gold/examples (docs/resolutions.md).

Floors live in tests/scores.json; a test fails when its score drops below its floor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_resolutions_scoring import Scores, score_document

SCORES = Path(__file__).with_name("scores.json")
METRICS = ("resolution_f1", "field_f1", "reaction_f1")


@pytest.fixture(scope="module")
def scores(example_pairs):
    result = Scores()
    for gold, doc in example_pairs:
        score_document(result, gold["path"], gold.get("resolutions", []), gold.get("reactions", []), doc)
    return result


@pytest.mark.parametrize("metric", METRICS)
def test_resolution_scores_hold_their_floor(scores, metric):
    floors = json.loads(SCORES.read_text(encoding="utf-8"))
    floor = floors.get(f"resolutions_examples_{metric}")
    if floor is None:
        pytest.skip(f"no floor for resolutions_examples_{metric} in tests/scores.json")
    value = scores.summary()[metric]
    misses = "\n".join(scores.misses[:40])
    assert value >= floor, f"{metric} {value} < floor {floor}\n{misses}"


def test_corpus_is_big_enough(example_pairs):
    assert sum(len(g.get("resolutions", [])) for g, _ in example_pairs) >= 40
