"""Events: who did what to whom, coded in PLOVER (type, mode, context) with a CAMEO code.

1. prefilter sentences on trigger word forms (`might_hold_event`, tokenizer output only)
2. match the trigger lexicon on the parse (matching)      3. find source and target (patterns, actors)
4. decide negation, hypothetical, future, date, contexts (modality, dates, contexts)
5. add the ACCUSE events of adopted resolutions the resolutions stage found (resolutions)
"""

from __future__ import annotations

import logging

from chronicle.extract.events.actors import ActorIndex
from chronicle.extract.events.build import SentenceCoder
from chronicle.extract.events.patterns import Arguments
from chronicle.extract.events.resolutions import main_resolution, seed
from chronicle.extract.events.triggers import might_hold_event
from chronicle.nlp import sentences
from chronicle.records import Document, Event

LOGGER = logging.getLogger(__name__)

__all__ = ["extract_events", "might_hold_event"]


def extract_events(doc: Document, sdoc) -> list[Event]:
    """The PLOVER events of one cleaned, parsed document, in text order."""
    if sdoc is None or not doc.text.strip():
        return []
    body, target = main_resolution(doc)
    coder = SentenceCoder(doc, Arguments(ActorIndex(doc, sdoc), body, target))
    events: list[Event] = []
    skip = headline_end(doc)
    for sent in sentences(sdoc):
        if sent.start_char >= skip and might_hold_event(sent):
            events.extend(coder.code(sent))
    return seed(doc, events)


def headline_end(doc: Document) -> int:
    """Where the headline ends when the text opens with it (the title, without a full stop): it restates the
    lead in headline grammar ("Washington and Brussels list officials"), so its events would count twice."""
    title = (doc.source.title or "").strip()
    first = doc.text.lstrip()
    offset = len(doc.text) - len(first)
    line = first.split("\n", 1)[0].strip()
    if title and line == title and line[-1:] not in ".!?\"”":
        return offset + len(line)
    return 0
