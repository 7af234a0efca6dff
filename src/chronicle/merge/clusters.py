"""When two reports of one (type, source, target) are one event: the store asks these while it writes.

Resolutions are keyed in merge.resolutions."""

from __future__ import annotations

import datetime as dt

from chronicle.records import Document, Event

EVENT_WINDOW_DAYS = 7  # reports of one event rarely date it more than a week apart


def event_date(ev: Event, doc: Document) -> str | None:
    """The event's own date, else the day its article was published."""
    return ev.date or doc.source.published


def same_event(date_a: str | None, date_b: str | None) -> bool:
    """Two reports of one (type, source, target) are one event when their dates are within the window."""
    if not date_a or not date_b:
        return date_a == date_b
    try:
        a, b = (dt.date.fromisoformat(_day(d)) for d in (date_a, date_b))
    except ValueError:
        return date_a == date_b
    return abs((a - b).days) <= EVENT_WINDOW_DAYS


def _day(value: str) -> str:
    return value if len(value) == 10 else (value + "-01-01")[:10] if len(value) == 4 else value + "-01"
