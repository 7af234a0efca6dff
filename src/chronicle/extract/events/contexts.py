"""PLOVER contexts of an event: cue phrases in its sentence (plover_contexts.json) plus the trigger's own."""

from __future__ import annotations

import functools
import re

from chronicle.extract.events.ontology import contexts as known_contexts
from chronicle.extract.events.ontology import load_data


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    cues = load_data("plover_contexts.json")["cues"]
    known = set(known_contexts())
    out = []
    for name, phrases in cues.items():
        if name not in known:
            raise ValueError(f"plover_contexts.json names an unknown context {name!r}")
        alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        out.append((name, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)))
    return tuple(out)


def contexts_of(sentence: str, extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The contexts a sentence's wording suggests, in the ontology's order, with `extra` first."""
    found = list(dict.fromkeys(extra))
    for name, pattern in _patterns():
        if name not in found and pattern.search(sentence):
            found.append(name)
    return found
