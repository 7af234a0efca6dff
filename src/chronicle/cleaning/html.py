"""Main text and page metadata from HTML, with trafilatura (comments off, precision favoured).

The settings were chosen on the article-extraction benchmark (benchmarks/html_extraction.py;
figures in docs/cleaning.md). Paragraphs come out separated by a blank line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from chronicle.errors import EmptyInput

LOGGER = logging.getLogger(__name__)

# favor_precision drops more link lists and teasers for a little recall; tables stay (vote tallies live there)
EXTRACT_SETTINGS = {"include_comments": False, "favor_precision": True, "include_tables": True}
_WORD = re.compile(r"[^\W\d_]{2}")
_SHORT = 1000  # characters: below this, a precise extraction is checked against a balanced one


@dataclass(slots=True)
class HtmlResult:
    """The article text of a page and what the page says about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    sitename: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlResult:
    """The main text of a page (paragraphs separated by a blank line) and its metadata.

    Malformed HTML gives whatever text can be recovered; a page with no text raises `EmptyInput`.
    """
    import trafilatura  # slow to import; only HTML inputs need it

    where = url or "HTML input"
    if not html or not html.strip():
        raise EmptyInput(where, "empty HTML")
    doc = _bare(trafilatura, html, url, **EXTRACT_SETTINGS)
    text = _text_of(doc)
    if len(text) < _SHORT:  # favor_precision sometimes keeps only a notice: see what the balanced settings find
        balanced = _bare(trafilatura, html, url, **{**EXTRACT_SETTINGS, "favor_precision": False})
        if len(_text_of(balanced)) > 2 * len(text):
            doc, text = balanced, _text_of(balanced)
    if not _has_words(text):  # a page too small or too odd for the precise settings: take what recall gives
        recall = _bare(trafilatura, html, url, include_comments=False, favor_recall=True)
        text = _text_of(recall)
        doc = doc or recall
    if not _has_words(text):
        text = _plain_text(trafilatura, html)
    if not _has_words(text):  # '<<<>>>' left over from broken markup is not text
        raise EmptyInput(where, "no article text found in the HTML")
    return HtmlResult(
        text=_paragraphs(text),
        title=_clean(getattr(doc, "title", None)),
        author=_clean(getattr(doc, "author", None)),
        published=_clean(getattr(doc, "date", None)),
        url=_clean(getattr(doc, "url", None)) or url,
        sitename=_clean(getattr(doc, "sitename", None)),
    )


def _bare(trafilatura, html: str, url: str | None, **settings):
    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, **settings)
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup; fall back, never crash
        LOGGER.debug("trafilatura failed on %s: %s", url or "HTML input", exc)
        return None


def _has_words(text: str) -> bool:
    return bool(_WORD.search(text))


def _text_of(doc) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def _plain_text(trafilatura, html: str) -> str:
    try:
        return trafilatura.html2txt(html) or ""
    except Exception as exc:  # as above: broken markup must not stop a batch
        LOGGER.debug("html2txt failed: %s", exc)
        return ""


def _paragraphs(text: str) -> str:
    """One paragraph per trafilatura line, separated by a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _clean(value) -> str | None:
    value = str(value).strip() if value else ""
    return value or None
