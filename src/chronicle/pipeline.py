"""The per-document stages, in order. Engines (local workers, Spark) call `stages` (or `process`).

1. clean (sources → cleaning)   2. scope (fast path: tokenizer only)   3. parse (nlp)   4. actors
5. quotes   6. resolutions   7. reactions   8. events
"""

from __future__ import annotations

import functools
import logging

from chronicle import nlp
from chronicle.actors import find_actors
from chronicle.actors.matcher import find_names
from chronicle.cleaning import clean
from chronicle.extract.events import extract_events
from chronicle.extract.events.actors import sector_nouns
from chronicle.extract.events.triggers import inflections
from chronicle.extract.quotes import extract_quotes
from chronicle.extract.resolutions import extract_reactions, extract_resolutions
from chronicle.records import Document
from chronicle.settings import Options
from chronicle.sources import RawItem

LOGGER = logging.getLogger(__name__)

OUT_OF_SCOPE = "out of scope"  # the reason `stages` gives when the fast path ran no extractor


@functools.cache
def _agent_forms() -> frozenset[str]:
    """Lower-cased forms of the generic actors PLOVER codes without a name: police, troops, strikers …"""
    return frozenset(form for noun in sector_nouns() if " " not in noun for form in inflections(noun))


def in_scope(tokens) -> bool:
    """Whether a document can hold what Chronicle records, read from tokenizer output alone (no parse).

    In scope: it names a state, UN body, IGO, NGO or outlet of the gazetteer, or a generic actor the
    events extractor codes ("police", "troops", "dock workers"). Every gold document is in scope; what
    falls outside is news naming none of them (sport, gadgets, recipes), where the parse would only find
    people's names.
    """
    agents = _agent_forms()
    return any(t.lower_ in agents for t in tokens) or bool(find_names(tokens))


def run_extractors(doc: Document, options: Options) -> str | None:
    """Run the extractors over a cleaned document, in place; the reason it ran none, else None."""
    return run_extractors_many([doc], options)[0]


def run_extractors_many(docs: list[Document], options: Options) -> list[str | None]:
    """Run the extractors over cleaned documents, in place, parsing them together (`nlp.pipe`, the same
    annotations as one by one, faster); for each document the reason it ran none, else None."""
    model = nlp.load(options.model)
    reasons: list[str | None] = [None] * len(docs)
    todo: list[tuple[Document, object]] = []
    for i, doc in enumerate(docs):
        if not doc.text.strip():
            continue
        tokens = model.make_doc(doc.text)
        if options.fast_path and not in_scope(tokens):
            reasons[i] = OUT_OF_SCOPE
        else:
            todo.append((doc, tokens))
    parsed = model.pipe([tokens for _, tokens in todo], batch_size=max(1, len(todo)))
    for (doc, _), sdoc in zip(todo, parsed, strict=True):
        doc.actors = find_actors(doc, sdoc)
        doc.quotes = extract_quotes(doc, sdoc)
        doc.resolutions = extract_resolutions(doc, sdoc)
        doc.reactions = extract_reactions(doc, sdoc)
        doc.events = extract_events(doc, sdoc)
        sdoc.user_data.clear()  # the kept sentences and actor index point back at the Doc: free the parse now
    return reasons


def enrich(doc: Document, options: Options) -> Document:
    """Run the extractors over a cleaned document, in place; returns it for chaining."""
    run_extractors(doc, options)
    return doc


def stages(item: RawItem, options: Options, outlet_lines=None) -> tuple[Document, str | None]:
    """One raw item through every stage: the document, and why no extractor ran (None when they ran)."""
    doc = clean(item, options, outlet_lines)
    skipped = run_extractors(doc, options) if options.extract else None
    return doc, skipped


def process(item: RawItem, options: Options, outlet_lines=None) -> Document:
    """One raw item through every stage."""
    return stages(item, options, outlet_lines)[0]
