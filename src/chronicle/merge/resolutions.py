"""Merge the reports of one resolution across articles (pure functions; the store calls them).

- `resolution_key`: one real resolution = (body, target, year, status); the year comes from the session when
  only that is known. Reports with neither year nor session cannot be told apart from other years: no key.
- `stage_key`: the committee and plenary stages of one General Assembly text share (target, session); they are
  two resolutions linked as stages of one text.
The store keys each report with these while it writes; store.timeline merges the reports of one key (sponsors,
co-sponsors and provisions as unions, other fields as the value most reports give).
"""

from __future__ import annotations

from chronicle.extract.resolutions.bodies import body_of_symbol
from chronicle.extract.resolutions.places import find_places
from chronicle.extract.resolutions.series import series_year
from chronicle.extract.resolutions.sessions import session_year
from chronicle.records import Resolution
from chronicle.sources.un_votes import UnVoteRecord

GA_BODIES = ("UNGA plenary", "UNGA Third Committee")

__all__ = [
    "from_un_vote",
    "resolution_key",
    "series_year",
    "stage_key",
]


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
