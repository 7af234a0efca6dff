"""Lines of the raw text and the rules that judge one line on its own (context comes in cleaning.context)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronicle.cleaning import reasons as R
from chronicle.cleaning.metadata import is_bio_line, line_metadata


@dataclass(slots=True)
class Line:
    """One non-empty line: offsets of its stripped text in the raw text, its paragraph, and the verdict."""

    start: int
    end: int
    text: str
    block: int  # paragraphs are runs of lines between blank lines
    reason: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(raw: str) -> list[Line]:
    """Every non-empty line with its stripped span; `\\r` and non-breaking spaces count as whitespace."""
    lines, block, offset, blank = [], 0, 0, False
    for piece in raw.split("\n"):
        stripped = piece.strip()
        if stripped:
            if blank and lines:
                block += 1
            lead = len(piece) - len(piece.lstrip())
            lines.append(Line(offset + lead, offset + lead + len(stripped), stripped, block))
            blank = False
        else:
            blank = True
        offset += len(piece) + 1
    return lines


_I = re.I
_COOKIE = re.compile(r"\bcookies?\b", _I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|uses|use of|accept|consent|polic(?:y|ies)|settings|preferences|by continuing|brows|experience"
    r"|personali[sz]|website|this site|our site)",
    _I,
)
_SHARE = re.compile(
    r"^(?:-\s*)?(?:(?:share|shares|tweet|pin|email|print(?: article)?|order reprints|copy link|comments?)"
    r"(?:\s+\d+)?\s*)+$"
    r"|^(?:share|send|post)\s+(?:this\b|on\b|via\b|to\b)",
    _I,
)
_READ_MORE = re.compile(
    r"^(?:read more|continue reading|read the full (?:story|article)|load more|show more|view comments"
    r"|show comments|see more|more)\W*$",
    _I,
)
_CATEGORY = re.compile(
    r"^(?:categories|category|tags|tagged(?: with| in)?|filed under|topics|posted in|labels)\s*:", _I
)
_ADVERT = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|scroll to continue(?: with content)?|paid content|partner content)\W*$",
    _I,
)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b", _I)
_PROMO = [
    re.compile(p, _I)
    for p in (
        r"\b(?:click|tap) here\b",
        r"^(?:download|get|install|try)\b.{0,80}\bapps?\b",
        r"\bapps?\b.{0,40}\b(?:ios|android|app store|google play)\b",
        r"^(?:sign up|sign me up|signup|subscribe|sign in|log in|become a (?:member|subscriber|supporter)"
        r"|support (?:independent|our|quality) journalism|join (?:us|our|now)|register (?:now|here|for free|to)"
        r"|donate (?:now|today|here))\b",
        r"^follow (?:us\b|@|our\b|.{2,60}\bon (?:telegram|twitter|x|facebook|instagram|whatsapp|linkedin|youtube"
        r"|tiktok|google news|threads)\b|.{2,40}\bcoverage\b)",
        r"\b(?:our|free|weekly|daily)\s+(?:\w+\s+)?newsletters?\b",
        r"\b(?:delivered to|in|straight to) your inbox\b",
        r"^(?:listen to|watch) (?:our|the) (?:podcast|video|episode)",
        r"^(?:get|enjoy) (?:unlimited|full) access\b",
        r"^newsletters?$",
    )
]
_RELATED_PREFIX = re.compile(
    r"^\[?(?:related(?: posts?| stories| articles?| content)?|also read|read also|read more|see also|more"
    r"|recommended|must read|don'?t miss|editor'?s picks?|watch|listen)\s*:\s*\S",
    _I,
)
_CREDIT_WORDS = re.compile(
    r"(?i:\bphoto|\bgetty\b|\bimages?\b|\bvia\b|\bhandout\b|\bcourtesy\b|\bfile\b|\bpool\b|\bcredit\b)"
    r"|\b(?:AP|AFP|EPA|EFE|dpa|KCNA|Reuters|Yonhap|Xinhua|Anadolu|Bloomberg|Keystone|Shutterstock|Alamy|TASS"
    r"|Sputnik|IRNA|UPI|ANP|PA|Kyodo|Sipa|Zuma|NurPhoto|Pixabay|Unsplash)\b"
    r"|[A-Za-z][a-z]+\s*/\s*[A-Z]"
)
_CREDIT_PAREN = re.compile(r"\((?P<credit>[^()]{2,100})\)$")
_CREDIT_LABEL = re.compile(
    r"(?:^|[.!?]\s+)(?i:photo|photograph|picture|credit|photo credit|image credit|pictured|foto)\s*:\s*\S[^.!?]{0,80}$"
)
_IMAGE_LABEL = re.compile(r"^(?:image|picture|video|graphic|illustration|gallery)\s*:\s*\S", _I)
# a teaser is a whole headline; shorter capitalised lines are often the article's own subheadings
_TEASER_MIN_WORDS = 7
# 'More AP NBA: https://…' points elsewhere; a bare URL may be the article's own list of links, so it stays
_URL_ONLY = re.compile(r"^[\w .'’-]{1,40}:\s*(?:https?://|www\.)\S+(?:\s+and\s+https?://\S+)?$", _I)
_CONTRIBUTED = re.compile(r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b", _I)
_BREADCRUMB = re.compile(r"^[^>»›]{1,40}(?:\s[>»›]\s[^>»›]{1,40}){1,6}$")


def classify_line(text: str) -> str | None:
    """A removal reason for a line judged alone, or None when it may be article text."""
    words = len(text.split())
    if words <= 60 and _COOKIE.search(text) and _COOKIE_CONTEXT.search(text):
        return R.COOKIE_NOTICE
    if words <= 10 and not text.endswith((".", "?", "!")) and _SHARE.search(text):
        return R.SHARE_COUNTER
    if _READ_MORE.match(text):
        return R.READ_MORE
    if _CATEGORY.match(text):
        return R.CATEGORY
    if _ADVERT.match(text):
        return R.ADVERTISEMENT
    if words <= 30 and _COPYRIGHT.search(text):
        return R.COPYRIGHT
    if words <= 30 and is_promo(text[slice(*sentences(text)[0])]):  # a promo leads its line; see fragments
        return R.PROMO
    if words <= 30 and _RELATED_PREFIX.match(text):
        return R.RELATED_BLOCK
    if words <= 80 and is_caption(text):
        return R.CAPTION
    if words <= 25 and _IMAGE_LABEL.match(text):
        return R.IMAGE_ALT
    if words <= 12 and (_BREADCRUMB.match(text) or _URL_ONLY.match(text)):
        return R.NAVIGATION
    if _TEASER_MIN_WORDS <= words <= 30 and is_all_caps(text) and not _tabular(text):
        return R.TEASER_HEADLINE
    if line_metadata(text) is not None or (words <= 60 and _CONTRIBUTED.search(text)):
        return R.METADATA
    if words <= 60 and is_bio_line(text):
        return R.AUTHOR_BIO
    return None


_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=\S)")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one line, by punctuation followed by a space."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s] or [(0, len(text))]


def is_promo(text: str) -> bool:
    return any(p.search(text) for p in _PROMO)


def is_caption(text: str) -> bool:
    """A photo caption: ends with a credit in brackets or a 'Photo: ...' label."""
    if match := _CREDIT_PAREN.search(text):
        return bool(_CREDIT_WORDS.search(match["credit"]))
    return bool(_CREDIT_LABEL.search(text))


def is_credit_only(text: str) -> bool:
    """A line that is nothing but a photo credit (the caption sits on the line before)."""
    return is_caption(text) and (text.startswith("(") or bool(_CREDIT_LABEL.match(text)))


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    return sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _tabular(text: str) -> bool:
    """A table row ('| HD | THE HOME DEPOT INC. | 225.86 | -12.99 |'), not a headline."""
    return text.startswith("|") or sum(any(c.isdigit() for c in token) for token in text.split()) >= 3


def is_title_like(text: str, max_words: int = 20) -> bool:
    """A headline-shaped line: short, capitalised, without closing sentence punctuation."""
    if not text or len(text.split()) > max_words or text.endswith((".", "!", "?", ",", ";", ":", '"', "”", "…")):
        return False
    first = text.lstrip("‘'\"“(")[:1]
    return first.isupper() or first.isdigit()
