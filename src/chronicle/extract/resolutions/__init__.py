"""Resolutions and the reactions they draw (docs/resolutions.md).

1. clauses: split sentences, read each clause's facts (clauses.py and the finders it calls)
2. group: clauses into resolutions by (body, target) (build.py)   3. finish: one `Resolution` per group
4. reactions: who welcomed, rejected, opposed … which resolution (reactions.py)
"""

from __future__ import annotations

import logging

from chronicle.cleaning.dates import to_date
from chronicle.extract.resolutions.build import finish, group, share_council_session
from chronicle.extract.resolutions.clauses import read_clause, split
from chronicle.extract.resolutions.dates import dateline
from chronicle.extract.resolutions.reactions import find_reactions
from chronicle.nlp import sentences
from chronicle.records import Document, Reaction, Resolution

LOGGER = logging.getLogger(__name__)


def extract_resolutions(doc: Document, sdoc) -> list[Resolution]:
    """Every resolution the document reports, in order of first mention."""
    if not doc.text.strip():
        return []
    published = to_date(doc.source.published)
    updated = to_date(doc.source.last_updated)
    if published is None and updated is None:
        published, updated = dateline(doc.text)  # cleaning found no date: read the article's date line
    anchor = published or updated
    clauses = []
    for number, sent in enumerate(sentences(sdoc)):
        text = sent.text.rstrip()
        if not text.strip():
            continue
        for start, end in split(text, sent.start_char):
            span = (sent.start_char, sent.start_char + len(text))
            clauses.append(read_clause(doc.text[start:end], start, number, span, anchor, text))
    drafts = group(clauses, anchor.year if anchor else None)
    return share_council_session([finish(d, published, anchor) for d in drafts], drafts)


def extract_reactions(doc: Document, sdoc) -> list[Reaction]:
    """Reactions to the document's resolutions (reads doc.resolutions, doc.actors and doc.quotes)."""
    if not doc.text.strip():
        return []
    return find_reactions(doc, sdoc)


__all__ = ["extract_reactions", "extract_resolutions"]
