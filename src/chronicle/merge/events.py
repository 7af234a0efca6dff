"""Merge the reports of one real-world event across articles (pure functions; the store calls `event_key` and
`within` while it writes, `group_events` clusters documents in memory).

Two extracted events are one event when they share type, source and target (the key; CONSULT and COOPERATE
are symmetric, so their two participants are sorted) and their dates are within `EVENT_WINDOW_DAYS`.
Each cluster counts its reports like GDELT: mentions (event records), articles (documents) and sources
(outlets, else sites, else documents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlparse

from chronicle.records import Document, Event

EVENT_WINDOW_DAYS = 7  # reports of one event rarely date it more than a week apart
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


@dataclass(slots=True, frozen=True)
class Report:
    """One extracted event with what the merge needs to know about its article."""

    event: Event
    doc_id: str
    published: str | None = None
    outlet: str | None = None  # the publisher ("Yonhap"), else the site of the URL

    @property
    def day(self) -> str | None:
        return self.event.date or self.published


@dataclass(slots=True)
class EventCluster:
    """One real-world event and every report of it."""

    key: tuple[str, str, str]
    date: str | None  # the earliest report's date
    reports: list[Report] = field(default_factory=list)

    @property
    def num_mentions(self) -> int:
        return len(self.reports)

    @property
    def num_articles(self) -> int:
        return len({r.doc_id for r in self.reports})

    @property
    def num_sources(self) -> int:
        return len({r.outlet or r.doc_id for r in self.reports})

    @property
    def sources(self) -> list[str]:
        """The distinct outlets (or documents) that reported it, in first-report order."""
        return list(dict.fromkeys(r.outlet or r.doc_id for r in self.reports))


def event_key(ev: Event) -> tuple[str, str, str]:
    """What must be equal for two reports to describe one event: (type, source, target)."""
    source, target = ev.source or "", ev.target or ""
    if ev.type in SYMMETRIC and target and target < source:
        source, target = target, source
    return (ev.type, source, target)


def outlet_of(doc: Document) -> str | None:
    if doc.source.outlet:
        return doc.source.outlet
    if doc.source.url:
        host = urlparse(doc.source.url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


def reports(docs: Iterable[Document], keep_negated: bool = False) -> list[Report]:
    """Every event of every document as a Report (negated and hypothetical events left out unless asked)."""
    out = []
    for doc in docs:
        outlet = outlet_of(doc)
        for ev in doc.events:
            if (ev.negated or ev.hypothetical) and not keep_negated:
                continue
            out.append(Report(ev, doc.id, doc.source.published, outlet))
    return out


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    padded = value + "-01-01"[len(value) - 4:] if len(value) in (4, 7) else value[:10]
    try:
        return dt.date.fromisoformat(padded)
    except ValueError:
        return None


def within(a: str | None, b: str | None, window: int = EVENT_WINDOW_DAYS) -> bool:
    """Whether two report dates can be one event (undated reports only join undated ones)."""
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return da is None and db is None
    return abs((da - db).days) <= window


def group_events(
    items: Iterable[Report | tuple[Event, Document]], window: int = EVENT_WINDOW_DAYS
) -> list[EventCluster]:
    """Cluster reports by key, joining a report to the cluster whose first date is within the window.

    Reports are taken in date order so a cluster is anchored on its earliest report, and a run of
    reports each a few days after the last cannot chain into one event spanning weeks.
    """
    items = [i if isinstance(i, Report) else Report(i[0], i[1].id, i[1].source.published, outlet_of(i[1]))
             for i in items]
    items.sort(key=lambda r: (r.day is None, _day(r.day) or dt.date.min))
    clusters: list[EventCluster] = []
    open_by_key: dict[tuple[str, str, str], list[EventCluster]] = {}
    for rep in items:
        key = event_key(rep.event)
        home = next((c for c in open_by_key.get(key, []) if within(c.date, rep.day, window)), None)
        if home is None:
            home = EventCluster(key, rep.day)
            clusters.append(home)
            open_by_key.setdefault(key, []).append(home)
        home.reports.append(rep)
    return clusters
