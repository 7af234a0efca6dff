"""An event's date: the date expression governing its trigger, resolved against the article's publication date.

"Wednesday" is the last Wednesday on or before publication (the next one for a future event); "last month"
is the month before; "on Nov. 16" takes the publication year (the previous year when that would be ahead of
a past event). Results are YYYY-MM-DD, or YYYY-MM when only the month is known.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from chronicle.cleaning.dates import to_date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"))}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _month_shift(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve(expression: str, published: str | None, future: bool = False) -> str | None:
    """The date an expression names, relative to the publication day; None when it names no day or month."""
    text = expression.lower().replace(".", " ").replace(",", " ")
    words = text.split()
    base = to_date(published)
    iso = _ISO.search(expression)
    if iso:
        return iso.group(0)
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    year_match = _YEAR.search(text)
    if month is not None:
        day_match = next((m for m in _DAY.finditer(text) if not _YEAR.fullmatch(m.group(1))), None)
        year = int(year_match.group(1)) if year_match else (base.year if base else None)
        if year is None:
            return None
        if base and not year_match and not future and (year, month) > (base.year, base.month):
            year -= 1
        if day_match:
            try:
                return dt.date(year, month, int(day_match.group(1))).isoformat()
            except ValueError:
                return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}"
    if base is None:
        return None
    if "today" in words or "tonight" in words or ("this" in words and ("morning" in words or "evening" in words)):
        return base.isoformat()
    if "yesterday" in words:
        return (base - dt.timedelta(days=1)).isoformat()
    if "tomorrow" in words:
        return (base + dt.timedelta(days=1)).isoformat()
    weekday = next((WEEKDAYS.index(w) for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        delta = (base.weekday() - weekday) % 7
        if future or "next" in words:
            return (base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)).isoformat()
        if "last" in words and delta == 0:
            delta = 7
        return (base - dt.timedelta(days=delta)).isoformat()
    if "month" in words:
        if "last" in words or "previous" in words:
            return _month_shift(base, -1)
        if "next" in words:
            return _month_shift(base, 1)
        if "this" in words or "earlier" in words:
            return _month_shift(base, 0)
    if "week" in words:
        if "last" in words or "previous" in words:
            return (base - dt.timedelta(days=7)).isoformat()
        if "next" in words:
            return (base + dt.timedelta(days=7)).isoformat()
        if "this" in words or "earlier" in words:
            return base.isoformat()
    m = re.search(r"(\d+|a|one|two|three|four|five|six|seven|ten) (day|week|month)s? ago", text)
    if m:
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}.get(
            m.group(1)) or int(m.group(1))
        if m.group(2) == "month":
            return _month_shift(base, -n)
        return (base - dt.timedelta(days=n * (7 if m.group(2) == "week" else 1))).isoformat()
    return None


def expression_for(tokens: list[Token]) -> str | None:
    """The DATE entity nearest the trigger in the parse: on the trigger's clause first, then its governors."""
    if not tokens:
        return None
    sent = tokens[0].sent
    dates = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    if not dates:
        return None
    chain: list[Token] = []
    tok = tokens[0]
    for _ in range(8):
        chain.append(tok)
        if tok.head is tok:
            break
        tok = tok.head
    chain = list(dict.fromkeys(tokens + chain))
    best, best_rank = None, None
    for ent in dates:
        anc = [ent.root] + list(ent.root.ancestors)
        for hops, node in enumerate(anc[:4]):
            if node in chain:
                rank = (chain.index(node), hops)
                if best_rank is None or rank < best_rank:
                    best, best_rank = ent, rank
                break
    return best.text if best is not None else None
