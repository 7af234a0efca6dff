"""Cleaning: a raw item in, a Document with clean text, removed spans and source metadata out.

1. start: the raw text (the decoded file, or the text trafilatura extracts from HTML) and the source
   metadata the record and the page give;
2. judge each line alone (cleaning.lines), then with its neighbours (cleaning.context);
3. capture what metadata lines say (dates, author, outlet, title) into `doc.source`;
4. outlet notices, and lines that recur across the outlet's documents (cleaning.outlets);
5. spans inside kept lines: a promo sentence at a paragraph's end, repeated sentences (cleaning.fragments);
6. the clean text: kept lines, paragraphs separated by a blank line.
Every removal is a `Removal(start, end, reason)` into `doc.raw`, with a reason from cleaning.reasons.
"""

from __future__ import annotations

import hashlib
import re

from chronicle.cleaning import reasons as R
from chronicle.cleaning.context import apply_context, is_body
from chronicle.cleaning.dates import is_date_line, parse_date
from chronicle.cleaning.fragments import inline_promo, repeated
from chronicle.cleaning.lines import Line, classify_line, is_title_like, split_lines
from chronicle.cleaning.metadata import is_syndication, line_metadata, outlet_from_line
from chronicle.cleaning.outlets import OutletLines, outlet_key
from chronicle.cleaning.render import render_removed
from chronicle.records import Document, Removal, Source
from chronicle.settings import Options
from chronicle.sources import RawItem

__all__ = ["OutletLines", "clean", "content_id", "observe", "render_removed"]


def content_id(content: str) -> str:
    """A stable id from the raw content: re-ingesting the same bytes gives the same id."""
    return hashlib.sha1(content.encode("utf-8")).hexdigest()[:16]


def clean(item: RawItem, options: Options, outlet_lines: OutletLines | None = None) -> Document:
    """Clean one raw item; `outlet_lines`, filled by an engine's pre-pass, adds cross-document boilerplate."""
    raw, source, lines = _judged(item)
    if outlet_lines is not None:
        _outlet_repeats(lines, outlet_lines, outlet_key(source))
    removed = [Removal(line.start, line.end, line.reason) for line in lines if line.reason]
    inner: dict[int, list[Removal]] = {}
    for index, line in enumerate(lines):
        if line.reason is None and (promo := inline_promo(line)):
            inner.setdefault(index, []).append(promo)
    for index, removal in repeated(lines, inner):
        inner.setdefault(index, []).append(removal)
    removed += [r for spans in inner.values() for r in spans]
    removed.sort(key=lambda r: (r.start, r.end))
    doc = Document(id=content_id(item.content), raw=raw, source=source, removed=removed)
    doc.text = _text(lines, inner, raw)
    return doc


def _outlet_repeats(lines: list[Line], outlet_lines: OutletLines, key: str) -> None:
    """Mark the kept lines that recur across the outlet's stories, unless they are most of this document: then
    the document is another version of a story the outlet ran many times (rewrites, live updates), and its
    text is the article, not furniture."""
    kept = [line for line in lines if line.reason is None and line.text.strip()]
    repeats = [line for line in kept if outlet_lines.is_boilerplate(key, line.text)]
    if len(repeats) * 2 > len(kept):
        return
    for line in repeats:
        line.reason = R.OUTLET_REPEAT


def observe(item: RawItem, outlet_lines: OutletLines) -> None:
    """The engine's pre-pass: note an item's lines under its outlet (HTML is extracted for it)."""
    raw, source, lines = _judged(item)
    outlet_lines.observe(outlet_key(source), (line.text for line in lines))


def _judged(item: RawItem) -> tuple[str, Source, list[Line]]:
    """The raw text, the source metadata and every line with its verdict (steps 1 to 4)."""
    raw, source = _start(item)
    lines = split_lines(raw)
    for line in lines:
        line.reason = classify_line(line.text)
        if line.reason == R.METADATA:
            line.meta = line_metadata(line.text) or {}
    apply_context(lines)
    _capture(lines, source, item.format == "text")
    _outlet_notices(lines, source.outlet)
    return raw, source, lines


def _start(item: RawItem) -> tuple[str, Source]:
    meta = item.meta or {}
    source = Source(path=item.path, url=meta.get("url"), title=meta.get("title"), outlet=meta.get("outlet"))
    source.published = parse_date(meta.get("published"))
    if item.format != "html":
        return item.content, source
    from chronicle.cleaning.html import extract_html

    page = extract_html(item.content, source.url)
    source.url = source.url or page.url
    source.title = source.title or page.title
    source.outlet = source.outlet or page.sitename
    source.author = page.author
    source.published = source.published or parse_date(page.published)
    return page.text, source


def _capture(lines: list[Line], source: Source, plain: bool) -> None:
    """Fill what the source lacks from metadata lines; a bare date line counts only above the article."""
    first_body = next((i for i, line in enumerate(lines) if is_body(line)), len(lines))
    found: dict[str, str] = {}
    for i, line in enumerate(lines):
        if line.reason not in (R.METADATA, R.AUTHOR_BIO):
            continue
        for name, value in line.meta.items():
            if name == "published" and is_date_line(line.text) and i > first_body:
                continue
            found.setdefault(name, value)
    source.published = source.published or found.get("published")
    source.last_updated = source.last_updated or found.get("last_updated")
    source.author = source.author or found.get("author")
    if not source.outlet:
        named = [outlet_from_line(line.text) for line in lines if line.reason]
        named = sorted((rank, name) for name, rank in filter(None, named))
        source.outlet = named[0][1] if named else None
    if plain and not source.title and lines and lines[0].reason is None:
        if is_title_like(lines[0].text, 25) and lines[0].words >= 3:
            source.title = lines[0].text


def _outlet_notices(lines: list[Line], outlet: str | None) -> None:
    """'Distributed by ...' anywhere; the outlet describing itself, above or below the article."""
    candidates: set[int] = set()
    if outlet:
        core = re.escape(re.sub(r"^the\s+", "", outlet.strip(), flags=re.I))
        notice = re.compile(
            rf"^(?:the\s+)?{core}\b(?:['’]s)?\s+(?:(?:is|was|are)\s+(?:an?|the)\s|content\b|covers\b|publishes\b)",
            re.I,
        )
        for i, line in enumerate(lines):
            if line.reason is None and line.words <= 35 and notice.match(line.text):
                candidates.add(i)
    body = [i for i, line in enumerate(lines) if is_body(line) and i not in candidates]
    for i, line in enumerate(lines):
        if line.reason is None and is_syndication(line.text):
            line.reason = R.OUTLET_NOTICE
        elif i in candidates and (not body or i < body[0] or i > body[-1]):
            line.reason = R.OUTLET_NOTICE


def _text(lines: list[Line], inner: dict[int, list[Removal]], raw: str) -> str:
    """Kept lines, inner spans cut out; lines of a paragraph joined by a newline, paragraphs by a blank line."""
    paragraphs: dict[int, list[str]] = {}
    for index, line in enumerate(lines):
        if line.reason:
            continue
        text, at = "", line.start
        for removal in sorted(inner.get(index, []), key=lambda r: r.start):
            text = _join(text, raw[at : removal.start])
            at = max(at, removal.end)
        text = _join(text, raw[at : line.end])
        if text:
            paragraphs.setdefault(line.block, []).append(text)
    return "\n\n".join("\n".join(block) for block in paragraphs.values())


def _join(left: str, right: str) -> str:
    """Glue two kept pieces of one line with exactly one space where a span was cut out."""
    left, right = left.rstrip(), right.strip()
    return f"{left} {right}" if left and right else left or right
