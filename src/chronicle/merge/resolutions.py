"""Merge the reports of one resolution across articles (pure functions; the store calls them).

- `resolution_key`: one real resolution = (body, target, year, status); the year comes from the session when
  only that is known. Reports with neither year nor session cannot be told apart from other years: no key.
- `stage_key`: the committee and plenary stages of one General Assembly text share (target, session); they are
  two resolutions linked as stages of one text.
- `series_key`: every year's text on one target in one body family (a timeline row).
- `merge_reports`: the reports of one key as one resolution, with all its sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from chronicle.extract.resolutions.bodies import body_of_symbol
from chronicle.extract.resolutions.places import find_places
from chronicle.extract.resolutions.series import series_year
from chronicle.extract.resolutions.sessions import session_year
from chronicle.records import Resolution, Span
from chronicle.sources.un_votes import UnVoteRecord

GA_BODIES = ("UNGA plenary", "UNGA Third Committee")

__all__ = [
    "Merged",
    "Source",
    "from_un_vote",
    "group_reports",
    "merge_reports",
    "resolution_key",
    "series_key",
    "series_year",
    "stage_key",
]


def _family(body: str | None) -> str | None:
    return "UNGA" if body in GA_BODIES else body


def _year(res: Resolution) -> int | None:
    if res.year:
        return res.year
    if res.session:
        return session_year(res.session, res.body)
    return series_year(res.target, res.body, res.streak)


def _session(res: Resolution) -> int | None:
    if res.session:
        return res.session
    if res.body in GA_BODIES and res.year:
        month = int(res.date[5:7]) if res.date else 12
        return res.year - 1945 if month >= 9 else res.year - 1946
    return None


def resolution_key(res: Resolution) -> str | None:
    """ "UNGA plenary|PRK|2023|adopted": the same resolution reported by several outlets shares this key."""
    year = _year(res)
    if not (res.body and res.target and year):
        return None
    return f"{res.body}|{res.target}|{year}|{res.status or 'reported'}"


def stage_key(res: Resolution) -> str | None:
    """ "UNGA|PRK|78": the Third Committee and plenary stages of one General Assembly text share this key."""
    session = _session(res)
    if res.body not in GA_BODIES or not res.target or not session:
        return None
    return f"UNGA|{res.target}|{session}"


def series_key(res: Resolution) -> str | None:
    """ "UNGA|PRK": every year's text on one target in one body family."""
    family = _family(res.body)
    return f"{family}|{res.target}" if family and res.target else None


@dataclass(slots=True, frozen=True)
class Source:
    """One report of a resolution: the document and the resolution's index in it."""

    doc_id: str
    index: int
    evidence: tuple[Span, ...] = ()


@dataclass(slots=True)
class Merged:
    key: str
    resolution: Resolution
    sources: list[Source] = field(default_factory=list)
    stage: str | None = None
    conflicts: list[str] = field(default_factory=list)  # fields whose reports disagree, e.g. "votes"


def merge_reports(key: str, reports: list[tuple[Source, Resolution]]) -> Merged:
    """One resolution from its reports: the value most reports give per field (the first on a tie), the union of
    sponsors, co-sponsors and provisions, and every source."""
    merged = Resolution()
    conflicts = []
    for name in (
        "body",
        "target",
        "session",
        "year",
        "date",
        "status",
        "adoption",
        "cosponsor_count",
        "streak",
        "symbol",
    ):
        values = [getattr(r, name) for _, r in reports if getattr(r, name) is not None]
        setattr(merged, name, _most_common(values))
        if len(set(values)) > 1:
            conflicts.append(name)
    votes = [tuple(sorted(r.votes.items())) for _, r in reports if r.votes]
    merged.votes = dict(_most_common(votes)) if votes else None
    if len(set(votes)) > 1:
        conflicts.append("votes")
    for name in ("sponsors", "cosponsors", "provisions"):
        setattr(merged, name, list(dict.fromkeys(v for _, r in reports for v in getattr(r, name))))
    merged.cosponsors = [c for c in merged.cosponsors if c not in merged.sponsors]
    return Merged(key, merged, [s for s, _ in reports], stage_key(merged), conflicts)


def group_reports(items: Iterable[tuple[str, int, Resolution]]) -> list[Merged]:
    """(doc_id, index, resolution) reports grouped by `resolution_key`; a report without a key stays alone."""
    groups: dict[str, list[tuple[Source, Resolution]]] = {}
    for doc_id, index, res in items:
        key = resolution_key(res) or f"{doc_id}#{index}"
        groups.setdefault(key, []).append((Source(doc_id, index, tuple(res.evidence)), res))
    return [merge_reports(key, reports) for key, reports in groups.items()]


def _most_common(values: list):
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def from_un_vote(record: UnVoteRecord) -> Resolution:
    """A UN Digital Library voting record as a `Resolution` (target: the state its title names most), so that it
    shares `resolution_key` with the news reports of the same vote."""
    tally = {k: record.totals[k] for k in ("yes", "no", "abstain") if k in record.totals}
    votes = tally if len(tally) == 3 else record.counted()
    names = [p.id for p in find_places(record.title or "") if p.kind in ("state", "region")]
    year = int(record.date[:4]) if record.date and record.date[:4].isdigit() else None
    return Resolution(
        body=body_of_symbol(record.resolution),
        target=max(names, key=names.count) if names else None,
        session=record.session,
        year=year,
        date=record.date,
        status="adopted" if votes["yes"] > votes["no"] else "rejected",
        adoption="recorded_vote",
        votes=votes,
        symbol=record.resolution,
    )
