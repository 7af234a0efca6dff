"""Dates in bylines and date lines, as YYYY-MM-DD, with a few regexes (dateparser is slow to import)."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<m>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])", re.I),
    re.compile(rf"\b{_YEAR}/(?P<m>[01]?\d)/(?P<day>[0-3]?\d)\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
]
_WEEKDAY = r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
_TIME = r"\b(?:at\s+)?[0-2]?\d[:.][0-5]\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?"
_ZONE = r"\b(?:utc|gmt|kst|jst|est|edt|cst|cdt|pst|pdt|bst|cet|cest|ist|et|pt)\b(?:\s*[+-]\d{1,2}(?::?\d\d)?)?"
_FILLER = re.compile(rf"{_WEEKDAY}|{_TIME}|{_ZONE}|\b(?:on|at)\b|[\s,.;:·|•()\-–—/]+", re.I)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date in `text` as (YYYY-MM-DD, start, end), or None."""
    best = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso and (best is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
                break
    return best


def parse_date(text: str | None) -> str | None:
    """YYYY-MM-DD for the first date in `text` (ISO timestamps included), else None."""
    if not text:
        return None
    found = find_date(text)
    return found[0] if found else None


def to_date(value: str | None) -> dt.date | None:
    """A stored YYYY-MM-DD (or longer ISO) value as a date; None when absent or not a date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def is_date_line(text: str) -> bool:
    """True when the line is a date and nothing else (weekday, time and time zone allowed)."""
    found = find_date(text)
    if not found:
        return False
    rest = text[: found[1]] + " " + text[found[2] :]
    return not _FILLER.sub("", rest)


def _to_iso(match: re.Match) -> str | None:
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"].lower()[:3]]
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except (TypeError, ValueError):
        return None
