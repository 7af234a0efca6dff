"""Rules that need a line's neighbours: author boxes, related-story blocks, image alt lines, cookie buttons."""

from __future__ import annotations

import re

from chronicle.cleaning import reasons as R
from chronicle.cleaning.dates import is_date_line
from chronicle.cleaning.lines import Line, is_all_caps, is_credit_only, is_title_like
from chronicle.cleaning.metadata import person_name

_ABOUT = re.compile(r"^(?i:about)\s+(?P<name>[^\d\W][\w .'’-]{0,40})$")
_RELATED_HEADING = re.compile(
    r"^(?:recent posts|recent stories|latest(?: news| stories| posts)?|related(?: posts| articles| stories| news"
    r"| content| coverage| reading)?|most (?:read|popular|viewed|shared|commented)|you (?:may|might) also like"
    r"|(?:read|up) next|also read|read also|more (?:from|in|on) .{1,30}|more (?:stories|news|articles)"
    r"|trending(?: now| stories)?|popular(?: posts| stories| now)?|top stories|editor'?s picks|recommended(?: for you)?"
    r"|what to read next|further reading|see also|don'?t miss)\s*:?$",
    re.I,
)
_COOKIE_BUTTON = re.compile(
    r"^(?:accept(?: all)?|i agree|agree|ok|okay|got it|reject(?: all)?|decline|allow(?: all)?"
    r"|manage (?:settings|preferences|options)|more info(?:rmation)?|learn more|privacy (?:notice|policy))\W*$",
    re.I,
)
_TEASER_END = ("…", "...")
_READ_TIME = re.compile(r"^\d+\s*-?\s*min(?:ute)?s?\s+read$", re.I)


def apply_context(lines: list[Line]) -> None:
    """Judge the lines the single-line rules left open (or mislabelled) by looking at their neighbours."""
    if _mostly_caps(lines):  # a feed written in capitals: capitals say nothing about teasers
        for line in lines:
            if line.reason == R.TEASER_HEADLINE:
                line.reason = None
    elif lines and _section_label(lines[0]):
        lines[0].reason = R.NAVIGATION
    _related_blocks(lines)
    _author_boxes(lines)
    _captions(lines)
    _cookie_buttons(lines)


def is_body(line: Line) -> bool:
    """A line that reads like article prose: kept, long, ending like a sentence."""
    return line.reason is None and line.words >= 12 and line.text.endswith((".", '"', "”", "’", "?", "!", ")"))


def _section_label(line: Line) -> bool:
    """'ASIA-PACIFIC' above the article; a dateline ('BAAR, SWITZERLAND') has a comma and stays."""
    return line.reason is None and line.words <= 3 and is_all_caps(line.text) and "," not in line.text


def _mostly_caps(lines: list[Line]) -> bool:
    long = [line for line in lines if line.words >= 8]
    return len(long) >= 3 and sum(is_all_caps(line.text) for line in long) > 0.5 * len(long)


def _teaser(line: Line) -> bool:
    text = line.text
    if line.reason not in (None, R.METADATA, R.RELATED_BLOCK, R.TEASER_HEADLINE, R.NAVIGATION):
        return False
    return (
        is_title_like(text, 24)
        or (text.endswith(_TEASER_END) and line.words <= 60)
        or is_date_line(text)
        or bool(_READ_TIME.match(text))
    )


def _related_blocks(lines: list[Line]) -> None:
    """A 'Recent Posts' / 'Most read' heading and the teaser titles, teasers and dates under it."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.words <= 6 and _RELATED_HEADING.match(line.text) and line.reason in (None, R.READ_MORE):
            line.reason = R.RELATED_BLOCK
            j = i + 1
            while j < len(lines) and _teaser(lines[j]):
                lines[j].reason, lines[j].meta = R.RELATED_BLOCK, {}
                j += 1
            i = j
            continue
        if line.reason is None and line.text.endswith(_TEASER_END) and line.words <= 60:
            # a stray teaser: the sentence cut short next to the date of the story it advertises
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and is_date_line(nxt.text):
                prev = lines[i - 1] if i else None
                if prev is not None and prev.reason is None and is_title_like(prev.text, 24):
                    prev.reason = R.RELATED_BLOCK
                line.reason = nxt.reason = R.RELATED_BLOCK
                nxt.meta = {}
        i += 1


def _author_boxes(lines: list[Line]) -> None:
    """'About NAME', the bio under it, and the author's handle wherever it stands alone."""
    names: set[str] = set()
    for i, line in enumerate(lines):
        match = _ABOUT.match(line.text)
        if not match or line.reason is not None or i == 0 or line.words > 6:
            continue
        name = match["name"].strip()
        box = [j for j in range(i + 1, min(i + 7, len(lines))) if _bio_candidate(lines[j])]
        box = box[: next((k for k, j in enumerate(box) if j != i + 1 + k), len(box))]
        tokens = {t.lower() for t in name.split() if len(t) > 2}
        named = any(tokens & {t.lower().strip(",.") for t in lines[j].text.split()[:4]} for j in box)
        ends = i + 1 + len(box)
        if not (named or ends >= len(lines) or lines[ends].reason is not None):
            continue
        names.add(name.lower())
        line.reason = R.AUTHOR_BIO
        if author := person_name(name):
            line.meta = {"author": author}
        for j in box:
            lines[j].reason = R.AUTHOR_BIO
    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        if line.text.lower() in names:
            line.reason = R.AUTHOR_BIO
        elif line.words == 1 and line.text.islower() and _near(lines, i, R.AUTHOR_BIO):
            line.reason = R.AUTHOR_BIO


def _bio_candidate(line: Line) -> bool:
    return line.reason in (None, R.AUTHOR_BIO) and line.words <= 60 and not _RELATED_HEADING.match(line.text)


def _captions(lines: list[Line]) -> None:
    """Alt-text lines next to a caption, and a caption whose credit stands on the next line."""
    for i, line in enumerate(lines):
        if line.reason != R.CAPTION:
            continue
        if is_credit_only(line.text) and i and lines[i - 1].reason is None and lines[i - 1].words <= 40:
            lines[i - 1].reason = R.CAPTION
        # alt text comes before the caption, as the image comes before its figcaption
        j = i - 1
        while j > 0 and lines[j].reason == R.CAPTION and j > i - 3:
            j -= 1
        if j > 0 and _alt_like(lines[j]):
            lines[j].reason = R.IMAGE_ALT


def _alt_like(line: Line) -> bool:
    return line.reason is None and is_title_like(line.text, 14)


def _cookie_buttons(lines: list[Line]) -> None:
    for i, line in enumerate(lines):
        if line.reason is None and line.words <= 4 and _COOKIE_BUTTON.match(line.text):
            if _near(lines, i, R.COOKIE_NOTICE, reach=3):
                line.reason = R.COOKIE_NOTICE


def _near(lines: list[Line], i: int, reason: str, reach: int = 1) -> bool:
    lo, hi = max(0, i - reach), min(len(lines), i + reach + 1)
    return any(lines[j].reason == reason for j in range(lo, hi) if j != i)
