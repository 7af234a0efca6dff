"""Cluster keys the store uses to merge one real-world record reported by many documents."""

from __future__ import annotations

import datetime as dt

from chronicle.records import Document, Event, Resolution

EVENT_WINDOW_DAYS = 7  # reports of one event rarely date it more than a week apart


def resolution_cluster(res: Resolution, doc: Document) -> str | None:
    """Same body, target and year (or session): one resolution, however many outlets reported it."""
    when = res.year or (res.session and f"s{res.session}")
    if not (res.body and res.target and when):
        return None
    return f"{res.body}|{res.target}|{when}"


def resolution_stage(res: Resolution, doc: Document) -> str | None:
    """Committee and plenary stages of one text share this key."""
    when = res.session or res.year
    if not (res.target and when) or res.body not in ("UNGA Third Committee", "UNGA plenary"):
        return None
    return f"UNGA|{res.target}|{when}"


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
