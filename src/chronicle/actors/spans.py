"""Text structure both actors and quotes need: sentences, and the regions inside quotation marks.

Everything here is linear in the length of the text: articles with thousands of quotation marks or no
sentence boundaries at all must not slow the pipeline down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronicle.nlp import sentences

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
_AFTER_OPEN = set(" \t\n([{—–-/:;,") | set(OPENING) | {"\u00a0"}
_BEFORE_CLOSE = set(" \t\n)]},.;:!?—–-") | set(CLOSING) | {"\u00a0", "'", "’"}
_AFTER_QUOTE = re.compile(r"[.!?][\"”’](?:\s+(?=[A-Z“\"])|(?=[A-Z][a-z]))")  # also 'humanity."It also ...'
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*\s+|\n+")


@dataclass(slots=True)
class Quoted:
    """Text between quotation marks. `start`/`end` exclude the marks; a quote running over several paragraphs
    keeps the paragraph-opening marks inside its range, and `pieces` lists the quoted parts without them."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended with the quote open
    pieces: list[tuple[int, int]] = field(default_factory=list)

    def text(self, source: str) -> str:
        return "\n".join(source[a:b].strip() for a, b in self.pieces if source[a:b].strip())


def sentence_spans(sdoc) -> list[tuple[int, int]]:
    """Character spans of the sentences: spaCy's where it set them, else split at line breaks and end marks."""
    text = sdoc.text
    if sdoc.has_annotation("SENT_START") or sdoc.has_annotation("DEP"):
        spans = [(s.start_char, s.end_char) for s in sentences(sdoc)]
    else:
        spans, start = [], 0
        for match in _SENTENCE_END.finditer(text):
            if match.start() > start:
                spans.append((start, match.start() + len(match.group().rstrip())))
            start = match.end()
        if start < len(text):
            spans.append((start, len(text)))
    return [piece for a, b in spans for piece in _split_after_quotes(text, a, b) if text[piece[0] : piece[1]].strip()]


def _split_after_quotes(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """spaCy often runs a sentence on past a closing quote ('... partners." The EU did not ...'): split there."""
    pieces, start = [], a
    for match in _AFTER_QUOTE.finditer(text, a, b):
        pieces.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    pieces.append((start, b))
    return pieces


def _role(text: str, i: int, line_start: int, line_end: int) -> str:
    """open, close or either for the mark at i, read from its neighbours (straight marks face both ways)."""
    ch = text[i]
    prev = text[i - 1] if i > line_start else " "
    nxt = text[i + 1] if i + 1 < line_end else " "
    looks_open = prev in _AFTER_OPEN and not nxt.isspace()
    looks_close = nxt in _BEFORE_CLOSE or nxt.isspace()
    if ch in OPENING:
        return "close" if looks_close and not looks_open and prev not in _AFTER_OPEN else "open"
    if ch in CLOSING:
        return "open" if looks_open and not looks_close else "close"
    if looks_open and not looks_close:
        return "open"
    if looks_close and not looks_open:
        return "close"
    return "either"


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and stripped[0] in OPENING + STRAIGHT


def quoted_spans(text: str) -> list[Quoted]:
    """Every quoted region, in order. Unbalanced marks never swallow more than their paragraph, except the
    news convention of a quote over several paragraphs, each opening with a mark and only the last closing."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    found: list[Quoted] = []
    carry: Quoted | None = None
    for n, (a, b) in enumerate(lines):
        current = carry
        carry = None
        piece_start = None
        i = a
        if current is not None:
            # A continued quote: skip this paragraph's opening mark.
            i = piece_start = a + len(text[a:b]) - len(text[a:b].lstrip()) + 1
        while i < b:
            ch = text[i]
            if ch not in MARKS:
                i += 1
                continue
            role = _role(text, i, a, b)
            if current is None and role in ("open", "either"):
                current = Quoted(i + 1, i + 1, i, None)
                piece_start = i + 1
            elif current is not None and role in ("close", "either"):
                current.pieces.append((piece_start, i))
                current.end, current.close_mark = i, i
                found.append(current)
                current = None
            elif current is not None and role == "open":
                # Two opening marks in a row: the first one was stray.
                current = Quoted(i + 1, i + 1, i, None)
                piece_start = i + 1
            i += 1
        if current is not None:
            current.pieces.append((piece_start, b))
            current.end = b
            if n + 1 < len(lines) and _opens_paragraph(text, *lines[n + 1]):
                carry = current
            else:
                found.append(current)
    if carry is not None:
        found.append(carry)
    return [q for q in found if q.text(text)]


def inside(spans: list[Quoted], starts: list[int], pos: int) -> bool:
    """Whether offset `pos` lies inside one of `spans` (sorted; `starts` are their start offsets)."""
    from bisect import bisect_right

    k = bisect_right(starts, pos) - 1
    return k >= 0 and spans[k].start <= pos < spans[k].end
