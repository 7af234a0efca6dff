"""UN Digital Library voting data (long format: one row per resolution and member state) → one record per
resolution with each member state's vote.

Columns: undl_id, ms_code, ms_name, ms_vote, date, session, resolution, draft, committee_report, meeting, title,
agenda_title, subjects, vote_note, total_yes, total_no, total_abstentions, total_non_voting, total_ms, undl_link.
ms_vote is Y (yes), N (no), A (abstain) or X / blank (non-voting). Pure functions: the CLI and the store call them;
`chronicle.merge.resolutions.from_un_vote` turns a record into a `Resolution`.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

LOGGER = logging.getLogger(__name__)

REQUIRED = ("undl_id", "ms_code", "ms_vote", "resolution")
VOTES = {"Y": "Y", "N": "N", "A": "A", "X": "X", "": "X"}


@dataclass(slots=True)
class UnVoteRecord:
    """One recorded vote as the UN Digital Library lists it."""

    undl_id: str
    resolution: str  # the symbol, e.g. A/RES/78/218
    draft: str | None = None
    date: str | None = None  # YYYY-MM-DD
    session: int | None = None
    committee_report: str | None = None
    meeting: str | None = None
    title: str | None = None
    agenda_title: str | None = None
    subjects: list[str] = field(default_factory=list)
    vote_note: str | None = None
    totals: dict[str, int] = field(default_factory=dict)  # yes, no, abstain, non_voting, members
    link: str | None = None
    votes: dict[str, str] = field(default_factory=dict)  # ISO3 → Y | N | A | X
    names: dict[str, str] = field(default_factory=dict)  # ISO3 → the name the Library uses

    def counted(self) -> dict[str, int]:
        """The tally from the member states' votes (the totals columns may be blank in older records)."""
        values = list(self.votes.values())
        return {"yes": values.count("Y"), "no": values.count("N"), "abstain": values.count("A")}


def parse_un_votes(rows: Iterable[str]) -> Iterator[UnVoteRecord]:
    """Records from the lines of a voting CSV, in order of first appearance; malformed rows are skipped and logged."""
    records: dict[str, UnVoteRecord] = {}
    skipped = 0
    for number, row in enumerate(csv.DictReader(rows), start=2):
        if any(not (row.get(col) or "").strip() for col in REQUIRED if col != "ms_vote"):
            skipped += 1
            LOGGER.warning("voting CSV line %d lacks one of %s; skipped", number, ", ".join(REQUIRED))
            continue
        vote = VOTES.get((row.get("ms_vote") or "").strip().upper())
        if vote is None:
            skipped += 1
            LOGGER.warning("voting CSV line %d: unknown vote %r; skipped", number, row.get("ms_vote"))
            continue
        key = row["undl_id"].strip()
        record = records.get(key)
        if record is None:
            record = records[key] = _record(row)
        code = row["ms_code"].strip().upper()
        record.votes[code] = vote
        record.names[code] = (row.get("ms_name") or "").strip()
    if skipped:
        LOGGER.info("voting CSV: %d malformed rows skipped", skipped)
    yield from records.values()


def _record(row: dict[str, str]) -> UnVoteRecord:
    def text(col: str) -> str | None:
        value = (row.get(col) or "").strip()
        return value or None

    totals = {}
    for name, col in (
        ("yes", "total_yes"),
        ("no", "total_no"),
        ("abstain", "total_abstentions"),
        ("non_voting", "total_non_voting"),
        ("members", "total_ms"),
    ):
        number = _int(row.get(col))
        if number is not None:
            totals[name] = number
    return UnVoteRecord(
        undl_id=row["undl_id"].strip(),
        resolution=row["resolution"].strip(),
        draft=text("draft"),
        date=(text("date") or "")[:10] or None,
        session=_int(row.get("session")),
        committee_report=text("committee_report"),
        meeting=text("meeting"),
        title=text("title"),
        agenda_title=text("agenda_title"),
        subjects=[s.strip() for s in (row.get("subjects") or "").split("|") if s.strip()],
        vote_note=text("vote_note"),
        totals=totals,
        link=text("undl_link"),
    )


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None
