"""When a resolution was acted on: explicit dates, datelines, and days relative to the article's date.

"Wednesday" in an article of Friday 2023-11-17 is 2023-11-15 (the latest Wednesday on or before the
article's date); "Nov. 15" takes the article's year unless that would put it after the article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERNS = [
    re.compile(r"\b" + _YEAR + r"-(?P<m>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + r")?\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    re.compile(r"\b(?:in|of|since|during|late|early|mid-?)\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    re.compile(r"\b(?P<lead>in|of|during)\s+" + _YEAR + r"\b"),
]
LAST_MONTH_NAMED = re.compile(r"\b(?P<which>last|this|next)\s+" + _MONTH + r"(?!\s+\d)")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
RELATIVE = re.compile(r"\b(yesterday|today|last\s+year|this\s+year|a\s+year\s+ago|last\s+month)\b", re.I)


@dataclass(slots=True, frozen=True)
class When:
    year: int | None
    date: str | None  # YYYY-MM-DD when the day is known
    start: int
    explicit: bool  # the text gave the year itself (not the article's date)
    month: int | None = None
    shifted: bool = False  # a year away from the article's own ("last year", "last December")


def find_dates(text: str, published: dt.date | None) -> list[When]:
    """Every date-like expression in `text`, resolved against the article's date where needed."""
    out: list[When] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            when = _absolute(m, published)
            if when:
                out.append(when)
                taken.append(m.span())
    if published:
        for m in LAST_MONTH_NAMED.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            month = MONTHS[m.group("month")[:3].lower()]
            year = published.year
            if m.group("which") == "last" and month >= published.month:
                year -= 1
            elif m.group("which") == "next" and month <= published.month:
                year += 1
            out.append(When(year, None, m.start(), False, month, shifted=year != published.year))
            taken.append(m.span())
        for m in WEEKDAY.finditer(text):
            back = (published.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
            day = published - dt.timedelta(days=back)
            out.append(When(day.year, day.isoformat(), m.start(), False))
        for m in RELATIVE.finditer(text):
            word = m.group(1).lower()
            if word == "yesterday":
                day = published - dt.timedelta(days=1)
                out.append(When(day.year, day.isoformat(), m.start(), False))
            elif word == "today":
                out.append(When(published.year, published.isoformat(), m.start(), False))
            elif word in ("last year", "a year ago"):
                out.append(When(published.year - 1, None, m.start(), False, shifted=True))
            elif word == "last month":
                month = published.month - 1 or 12
                out.append(When(published.year - (month == 12), None, m.start(), False, month, month == 12))
            else:
                out.append(When(published.year, None, m.start(), False))
    return sorted(out, key=lambda w: w.start)


def _absolute(m: re.Match, published: dt.date | None) -> When | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("lead") and m.re is DATE_PATTERNS[4]:
        return When(year, None, m.start(), True)
    month = int(groups["m"]) if groups.get("m") else MONTHS.get((groups.get("month") or "")[:3].lower())
    day = int(groups["day"]) if groups.get("day") else None
    if not month:
        return None
    explicit = year is not None
    if year is None:
        if published is None:
            return None
        year = published.year
        if day and dt.date(year, month, min(day, 28)) > published + dt.timedelta(days=1):
            year -= 1
        elif not day and month > published.month:
            year -= 1
    if day is None:
        return When(year, None, m.start(), explicit, month)
    try:
        return When(year, dt.date(year, month, day).isoformat(), m.start(), explicit, month)
    except ValueError:
        return None


_LINE_DATE = re.compile(
    r"\b"
    + _YEAR
    + r"-(?P<m>\d\d)-(?P<day>\d\d)\b|\b"
    + _MONTH
    + r"\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d\d)\b"
    r"|\b(?P<day3>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month3>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?P<year3>(?:19|20)\d\d)\b"
)


def dateline(text: str, lines: int = 6) -> tuple[dt.date | None, dt.date | None]:
    """(published, last updated) from a short date line at the top of an article, for when cleaning found none.

    "Posted : 2024-11-21 08:40 KST", "Nov 15, 2019 · 4 min read", "Last updated on November 16th, 2023".
    """
    for line in [ln for ln in text.splitlines() if ln.strip()][:lines]:
        if len(line) > 100:
            continue
        m = _LINE_DATE.search(line)
        if not m:
            continue
        g = m.groupdict()
        try:
            if g["year"]:
                day = dt.date(int(g["year"]), int(g["m"]), int(g["day"]))
            elif g["year2"]:
                day = dt.date(int(g["year2"]), MONTHS[g["month"][:3].lower()], int(g["day2"]))
            else:
                day = dt.date(int(g["year3"]), MONTHS[g["month3"][:3].lower()], int(g["day3"]))
        except (ValueError, KeyError):
            continue
        return (None, day) if re.search(r"updated|modified", line, re.I) else (day, None)
    return None, None
