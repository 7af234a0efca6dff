"""Metadata lines (bylines, date lines, 'Last updated', reading time) and the outlet name a page gives away."""

from __future__ import annotations

import re

from chronicle.cleaning.dates import find_date, is_date_line

_NAME_TOKEN = r"(?:[A-Z][\w.'’-]*|de|van|von|der|al|bin|da|del|la|le|dos|du)"
_NAME = rf"(?P<name>[A-Z][\w.'’-]*(?:\s+{_NAME_TOKEN}){{0,4}})"
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified)\b\s*(?:on|at)?\s*:?\s*(?P<rest>.*)$", re.I)
# first words that make 'By X Y' a sentence opener or a date, not a byline
_NOT_NAMES = set(
    "Then This That Contrast Comparison Now Late Early Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    " Mon Tue Wed Thu Fri Sat Sun January February March April May June July August September October November"
    " December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_PUBLISHED = re.compile(
    r"^(?:first\s+|originally\s+)?(?:published|posted|date|dated|released)\b\s*(?:on)?\s*:?\s*(?P<rest>.*)$", re.I
)
_BYLINE = re.compile(rf"^(?i:by|written by|words by|text by|story by)\s+{_NAME}(?P<rest>.*)$")
_REPORTING = re.compile(rf"^\(?(?i:(?:additional\s+)?(?:reporting|writing|reported)\s+by)\s+{_NAME}(?P<rest>.*)$")
_BY_IN_REST = re.compile(rf"\s(?i:by)\s+{_NAME}\s*$")
_TIME_END = re.compile(r"\d\s*[ap]\.m\.$", re.I)
_TIME_ONLY = re.compile(r"^(?:at\s+)?[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\.?$", re.I)
_READ_TIME = re.compile(r"\b\d+\s*-?\s*min(?:ute)?s?\s+read\b", re.I)
_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_DISTRIBUTED = re.compile(r"^(?i:distributed|syndicated|supplied|provided)\s+(?i:by)\s+(?P<name>[A-Z].{2,60})$")
_ROLE = r"(?:admin|editor|author|writer|contributor|reporter|journalist|correspondent|staff writer|founder)"
_ROLE_AT = re.compile(rf"^(?i:{_ROLE}\s+at)\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){{0,4}})\s*,")
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<rest>.+)$", re.I
)
_COMPANY = re.compile(
    r"\s*(?:\(pvt\)|\(private\))?\s*\b(?:ltd|limited|inc|llc|s\.?a|ag|gmbh|plc|co)\b\.?(?=\s|$|,|\.)", re.I
)
_FOLLOW = re.compile(
    r"^(?i:follow)\s+(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})\s+(?i:on)\s+"
    r"(?i:telegram|twitter|x|facebook|instagram|whatsapp|linkedin|youtube|tiktok|google news|threads)\b"
)
_PROMO_NAME = re.compile(
    r"^(?:sign up for|subscribe to|download|get)\s+the\s+(?P<name>[A-Za-z][\w&'’ -]{2,40}?)\s+"
    r"(?:briefing|newsletter)\b",  # an app's name is often not the outlet's
    re.I,
)


def line_metadata(text: str) -> dict[str, str] | None:
    """The fields a metadata line gives (possibly none, as for '4 min read'); None when it is no metadata line."""
    words = len(text.split())
    if words > 16 or text.endswith((".", "!", "?")) and not (is_date_line(text) or _TIME_END.search(text)):
        return None
    if match := _UPDATED.match(text):
        if is_date_line(match["rest"]):
            return {"last_updated": find_date(match["rest"])[0]}
        return {} if _TIME_ONLY.match(match["rest"]) else None  # 'Updated at 1:23 p.m.' has no date to keep
    if match := _PUBLISHED.match(text):
        rest, fields = match["rest"], {}
        if by := _BY_IN_REST.search(rest):
            fields["author"], rest = by["name"], rest[: by.start()]
        if not is_date_line(rest):
            return None
        return {"published": find_date(rest)[0], **fields}
    if (match := _BYLINE.match(text) or _REPORTING.match(text)) and _is_name(match["name"]):
        fields = {"author": match["name"]}
        if found := find_date(match["rest"]):
            fields["published"] = found[0]
        return fields
    if is_date_line(text):
        return {"published": find_date(text)[0]}
    parts = _SEPARATOR.split(text)
    if _READ_TIME.search(text) and words <= 10:
        found = find_date(text)
        return {"published": found[0]} if found else {}
    if len(parts) >= 2 and all(len(p.split()) <= 6 for p in parts):
        dated = [p for p in parts if is_date_line(p)]
        if len(dated) == 1:  # a byline carries one date; several dates are a range or a schedule
            return {"published": find_date(dated[0])[0]}
    return None


def outlet_from_line(text: str) -> tuple[str, int] | None:
    """An outlet name a boilerplate line gives away, with a rank (lower is more trustworthy)."""
    if match := _COPYRIGHT.match(text):
        rest = _COMPANY.sub("", match["rest"])
        name = re.split(r"[.|,]\s|[.|]$|\s[-–—]\s|\ball rights\b", rest, maxsplit=1, flags=re.I)[0].strip(" .,")
        return (name, 0) if 2 <= len(name) <= 60 and len(name.split()) <= 6 else None
    for rank, pattern in enumerate((_FOLLOW, _ROLE_AT, _DISTRIBUTED, _PROMO_NAME), start=1):
        if match := pattern.match(text):
            return _tidy_name(match["name"]), rank
    return None


def _tidy_name(name: str) -> str:
    name = name.strip(" .,")
    if name.isupper():
        name = re.sub(r"^THE\s+", "", name).title()
    return re.sub(r"^the\s+", "", name)


def _is_name(name: str) -> bool:
    """Two to five capitalised words, not a date or a sentence opener ('By Thursday, ...', 'By The time')."""
    tokens = name.split()
    return len(tokens) >= 2 and not {t.rstrip(".,") for t in tokens[:2]} & _NOT_NAMES


def person_name(text: str) -> str | None:
    """`text` when it reads as a person's or desk's name ('Elena Marsh'), not a handle ('admin')."""
    text = text.strip()
    return text if re.fullmatch(_NAME, text) and _is_name(text) else None


def is_bio_line(text: str) -> bool:
    """An author-box line such as 'Admin at WorkersRights, dedicated to ...'."""
    return bool(_ROLE_AT.match(text))


def is_syndication(text: str) -> bool:
    """'Distributed by ...', 'Syndicated by ...': a notice about the copy, not article text."""
    return bool(_DISTRIBUTED.match(text))
