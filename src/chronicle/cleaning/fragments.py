"""Spans inside kept lines: a promo sentence tacked onto a paragraph, and sentences the document repeats."""

from __future__ import annotations

import re

from chronicle.cleaning import reasons as R
from chronicle.cleaning.lines import Line, is_promo, sentences
from chronicle.records import Removal

_MORE = re.compile(
    r"^(?:you (?:can|may|could) |to )?(?:see|read|find|discover|check out|explore|browse|get)\s+"
    r"(?:more|other|all|the latest)\b.{0,80}\b(?:articles?|stories|news|coverage|posts|updates|section|analysis)\b",
    re.I,
)
_CALL = re.compile(r"^(?:follow|subscribe|sign up|download|get|join|like)\b.{0,80}\b(?:our|us)\b", re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|according)\b|[\"“”]", re.I)
# clauses end on punctuation (and any closing quotes) before a space: a doubled unit is a run of whole clauses
_CLAUSE_END = re.compile(r"([.!?,;:…][\"”’)]*)\s+")
_MAX_UNIT_CLAUSES = 5
_MIN_UNIT_CHARS = 24
_MIN_SENTENCE_WORDS = 6


def is_promo_sentence(sentence: str) -> bool:
    """A call to read, follow or subscribe, not something a source said."""
    if len(sentence.split()) > 25 or _REPORTED.search(sentence):
        return False
    return is_promo(sentence) or bool(_MORE.match(sentence) or _CALL.match(sentence))


def inline_promo(line: Line) -> Removal | None:
    """The last sentence of a paragraph when it is a promo and something else precedes it."""
    spans = sentences(line.text)
    if len(spans) < 2:
        return None
    start, end = spans[-1]
    if not is_promo_sentence(line.text[start:end]):
        return None
    return Removal(line.start + start, line.start + end, R.INLINE_PROMO)


def repeated(lines: list[Line], skip: dict[int, list[Removal]]) -> list[tuple[int, Removal]]:
    """Second copies: a clause doubled in place, a sentence said twice in one paragraph, a paragraph twice in a row.

    Sentences that recur in different paragraphs stay: interviews repeat their questions, recipes their
    steps, and a pull quote repeats the body (the benchmark's references keep all of these).
    """
    removals: list[tuple[int, Removal]] = []
    previous = None
    for index, line in enumerate(lines):
        if line.reason is not None:
            continue
        key = " ".join(line.text.split())
        if key == previous and line.words >= _MIN_SENTENCE_WORDS:
            removals.append((index, Removal(line.start, line.end, R.REPEATED_SENTENCE)))
            continue
        previous = key
        taken = list(skip.get(index, []))
        for start, end in _doubled(line.text):
            taken.append(Removal(line.start + start, line.start + end, R.REPEATED_SENTENCE))
            removals.append((index, taken[-1]))
        seen: set[str] = set()
        for start, end in sentences(line.text):
            a, b = line.start + start, line.start + end
            if any(r.start < b and a < r.end for r in taken):
                continue
            key = " ".join(line.text[start:end].split())
            if len(key.split()) < _MIN_SENTENCE_WORDS:
                continue
            if key in seen:
                removals.append((index, Removal(a, b, R.REPEATED_SENTENCE)))
            seen.add(key)
    return removals


def _doubled(text: str) -> list[tuple[int, int]]:
    """Second copies of a run of clauses repeated right after itself ('"X," "X," he said.'), in linear time."""
    spans, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        spans.append((start, match.end(1)))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    keys = [" ".join(text[a:b].split()) for a, b in spans]
    found, i = [], 0
    while i < len(spans):
        for k in range(1, _MAX_UNIT_CLAUSES + 1):
            if i + 2 * k > len(spans) or spans[i + k - 1][1] - spans[i][0] < _MIN_UNIT_CHARS:
                continue
            if keys[i : i + k] == keys[i + k : i + 2 * k]:
                found.append((spans[i + k][0], spans[i + 2 * k - 1][1]))
                i += 2 * k - 1
                break
        i += 1
    return found
