"""Quotes: direct, mixed and indirect speech with their speakers (docs/actors.md).

1. quoted regions (chronicle.actors.spans)   2. direct and mixed attribution (direct.py)
3. indirect speech (indirect.py)   4. one record per distinct quote
"""

from __future__ import annotations

import re

from chronicle.actors import actor_index
from chronicle.extract.quotes.direct import Found, attribute
from chronicle.extract.quotes.indirect import find_indirect
from chronicle.extract.quotes.speaker import Context, fields
from chronicle.records import Document, Quote

_WORD = re.compile(r"\w+")
MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted words with no speaker are titles or scare quotes


def extract_quotes(doc: Document, sdoc) -> list[Quote]:
    """Every quote of the document, in text order; a quote repeated in the article appears once."""
    if not doc.text.strip() or len(sdoc) == 0:
        return []
    index = actor_index(doc, sdoc)
    ctx = Context.of(sdoc, index)
    direct = attribute(ctx, index.quotes)
    found = [q for q in direct if _worth_keeping(q)] + find_indirect(ctx, direct)
    found.sort(key=lambda q: q.start)
    return [Quote(q.text, q.start, q.end, q.kind, q.cue, **fields(index, q.speaker)) for q in _distinct(found)]


def _worth_keeping(quote: Found) -> bool:
    words = len(_WORD.findall(quote.text))
    return words >= 1 and (quote.speaker is not None or words >= MIN_UNATTRIBUTED_WORDS)


def _distinct(found: list[Found]) -> list[Found]:
    """The first of quotes with the same words; it takes a speaker from a later copy if it has none."""
    first: dict[str, Found] = {}
    out = []
    for quote in found:
        key = " ".join(_WORD.findall(quote.text.casefold()))
        seen = first.get(key)
        if seen is None:
            first[key] = quote
            out.append(quote)
        elif seen.speaker is None and quote.speaker is not None:
            seen.speaker, seen.cue = quote.speaker, quote.cue
    return out
