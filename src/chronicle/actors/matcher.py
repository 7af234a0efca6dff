"""Find gazetteer names in a parsed document with one PhraseMatcher, built once per vocabulary."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from chronicle.actors.gazetteer import GazetteerEntry, surface_forms

_LOCK = threading.Lock()
_MATCHERS: dict[int, tuple[object, PhraseMatcher, dict[int, GazetteerEntry]]] = {}
_NO_PLURAL = ("ese", "sh", "ch", "s", "z", "x")
_OF_ASSEMBLY = re.compile(r"\s+of\s+the\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:session\s+of\s+the\s+)?$")
_PREFIX_BODIES = {"UNSG", "UN Special Rapporteur", "UN COI"}  # bare "Secretary-General" after "NATO" is NATO's


@dataclass(slots=True)
class Found:
    """A gazetteer name in the text: token span, character span and what it names."""

    i: int
    j: int
    start: int
    end: int
    entry: GazetteerEntry


def _matcher(vocab) -> tuple[PhraseMatcher, dict[int, GazetteerEntry]]:
    """One PhraseMatcher per vocabulary (per loaded model), cached for the life of the process."""
    key = id(vocab)
    cached = _MATCHERS.get(key)
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2]
    with _LOCK:
        cached = _MATCHERS.get(key)
        if cached is not None and cached[0] is vocab:
            return cached[1], cached[2]
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        matcher = PhraseMatcher(vocab, attr="ORTH")
        labels: dict[int, GazetteerEntry] = {}
        by_label: dict[str, list] = {}
        names = {s for s, e in surface_forms() if e.form == "name"}
        for surface, entry in surface_forms():
            label = f"{entry.id}|{entry.form}"
            labels[vocab.strings.add(label)] = entry
            variants = {surface, surface.replace("’", "'"), surface.replace("'", "’")}
            if entry.form == "demonym" and not surface.endswith(_NO_PLURAL) and surface + "s" not in names:
                variants.add(surface + "s")  # "North Koreans", "Syrians", "Filipinos"
            by_label.setdefault(label, []).extend(tokenizer(v) for v in variants)
        for label, docs in by_label.items():
            matcher.add(label, docs)
        # Keep a reference to vocab so its id can never be reused by another object while cached.
        _MATCHERS[key] = (vocab, matcher, labels)
    return matcher, labels


def find_names(sdoc) -> list[Found]:
    """Longest non-overlapping gazetteer names, in text order ("Third Committee of the U.N. General Assembly")."""
    matcher, labels = _matcher(sdoc.vocab)
    spans = []
    for label, i, j in matcher(sdoc):
        span = sdoc[i:j]
        span.label = label
        spans.append(span)
    found = []
    # Equal spans keep their order in filter_spans: a name beats a demonym or capital written the same way.
    spans.sort(key=lambda s: labels[s.label].form != "name")
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        entry = labels[span.label]
        if not _plausible(sdoc, span, entry):
            continue
        start, end = span.start_char, span.end_char
        # "the 193-member General Assembly": the count belongs to the mention.
        if span.start >= 3 and sdoc[span.start - 1].lower_ in {"member", "nation", "strong"} \
                and sdoc[span.start - 2].text == "-" and sdoc[span.start - 3].like_num:
            start = sdoc[span.start - 3].idx
        previous = found[-1] if found else None
        if previous is not None and entry.id == "UNGA plenary" and previous.entry.id == "UNGA Third Committee" \
                and _OF_ASSEMBLY.fullmatch(sdoc.text[previous.end:start]):
            # "the Third Committee of the 78th U.N. General Assembly" is one body, the committee.
            previous.j, previous.end = span.end, end
            continue
        found.append(Found(span.start, span.end, start, end, entry))
    return found


def _plausible(sdoc, span, entry: GazetteerEntry) -> bool:
    """Drop matches that are parts of other names or ordinary words written like names."""
    before = sdoc[span.start - 1] if span.start > 0 else None
    after = sdoc[span.end] if span.end < len(sdoc) else None
    if entry.id in _PREFIX_BODIES and before is not None and before.is_upper and len(before.text) > 1 \
            and before.text not in {"UN", "U.N."}:
        # "NATO Secretary-General", "OSCE Special Rapporteur": not the UN's.
        return False
    if entry.form in ("capital", "place") and after is not None and after.is_title and after.is_alpha:
        # "Washington Post", "Kabul University": part of a longer name.
        return False
    if entry.form == "place" and before is not None and before.is_title and before.is_alpha \
            and not before.is_sent_start and before.lower_ not in {"in", "of", "from", "at"}:
        return False  # "Maria Santiago": a person's name
    return True
