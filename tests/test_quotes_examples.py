"""Quotes on the team's example corpus: recall and speaker accuracy against tests/gold/examples.

Matching: a gold quote is found when an extracted quote's text (marks, case and spacing normalised) contains
the gold `starts` within its first 40 characters. Its speaker is right when the quote's speaker id or
speaker_name equals the gold speaker or one of its `speaker_alternatives` (case-insensitive; a surname alone
matches a full name). Floors live in tests/scores.json; the test fails when a score drops below its floor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SCORES = Path(__file__).with_name("scores.json")
_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
SLACK = 40  # indirect speech may start a few words earlier than the gold ("that ...", "the resolution ...")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_MARKS)).strip(" \"'.,;:").casefold()


def speaker_matches(quote, gold: dict) -> bool:
    """The gold's matching rule: speaker id or name equals the gold speaker or an alternative; a surname alone
    matches a full name."""
    names = {n.casefold() for n in [gold["speaker"], *gold.get("speaker_alternatives", [])] if n}
    got = {x.casefold() for x in (quote.speaker, quote.speaker_name) if x}
    if got & names:
        return True
    return any(" " not in x and any(x in n.split() for n in names) for x in got)


def find(quotes, starts: str):
    key = norm(starts)
    return next((q for q in quotes if 0 <= norm(q.text).find(key) <= SLACK), None)


def score(pairs) -> dict:
    """Counts and scores over (gold file, Document) pairs."""
    gold_total = found = right = affiliated = 0
    misses: list[str] = []
    wrong: list[str] = []
    for gold, doc in pairs:
        for g in gold.get("quotes", []):
            gold_total += 1
            quote = find(doc.quotes, g["starts"])
            if quote is None:
                misses.append(f"{gold['path']}: {g['starts'][:60]!r} ({g['speaker']})")
                continue
            found += 1
            if speaker_matches(quote, g):
                right += 1
            else:
                wrong.append(f"{gold['path']}: {g['starts'][:50]!r} gold {g['speaker']} got {quote.speaker_name}")
            affiliated += quote.speaker_affiliation == g.get("affiliation")
    return {
        "recall": found / gold_total if gold_total else 0.0,
        "speaker": right / found if found else 0.0,
        "affiliation": affiliated / found if found else 0.0,
        "gold": gold_total, "found": found, "misses": misses, "wrong": wrong,
    }


def floors() -> dict:
    return json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}


@pytest.fixture(scope="module")
def result(example_pairs):
    pairs = [(g, d) for g, d in example_pairs if g.get("quotes")]
    if not pairs:
        pytest.skip("no gold quotes in tests/gold/examples yet")
    return score(pairs)


@pytest.mark.parametrize("metric", ["recall", "speaker", "affiliation"])
def test_quote_scores_stay_above_their_floors(result, metric):
    floor = floors().get(f"quotes_examples_{metric}")
    if floor is None:
        pytest.skip(f"no floor for quotes_examples_{metric} in tests/scores.json")
    detail = "\n".join(result["misses"] if metric == "recall" else result["wrong"])
    assert result[metric] >= floor, f"{metric} {result[metric]:.3f} < floor {floor} ({result['gold']} gold)\n{detail}"


def test_the_corpus_has_enough_gold_quotes(result):
    assert result["gold"] >= 40
