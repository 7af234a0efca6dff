"""The per-document stages, in order. Engines (local workers, Spark) call `process`.

1. clean (sources → cleaning)      2. parse (nlp)      3. actors
4. quotes   5. resolutions   6. reactions   7. events
"""

from __future__ import annotations

import logging

from chronicle import nlp
from chronicle.actors import find_actors
from chronicle.cleaning import clean
from chronicle.extract.events import extract_events
from chronicle.extract.quotes import extract_quotes
from chronicle.extract.resolutions import extract_reactions, extract_resolutions
from chronicle.records import Document
from chronicle.settings import Options
from chronicle.sources import RawItem

LOGGER = logging.getLogger(__name__)


def enrich(doc: Document, options: Options) -> Document:
    """Run the extractors over a cleaned document, in place; returns it for chaining."""
    if not doc.text.strip():
        return doc
    sdoc = nlp.load(options.model)(doc.text)
    doc.actors = find_actors(doc, sdoc)
    doc.quotes = extract_quotes(doc, sdoc)
    doc.resolutions = extract_resolutions(doc, sdoc)
    doc.reactions = extract_reactions(doc, sdoc)
    doc.events = extract_events(doc, sdoc)
    return doc


def process(item: RawItem, options: Options, outlet_lines=None) -> Document:
    """One raw item through every stage."""
    doc = clean(item, options, outlet_lines)
    if options.extract:
        enrich(doc, options)
    return doc
