"""The records Chronicle produces: small slotted dataclasses with offsets into the clean text.

Every stage reads and writes these; nothing here knows how they are found or stored.
Offsets (`start`, `end`) are character offsets into `Document.text` (the clean text) unless
a field says otherwise (`Removal` offsets point into `Document.raw`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Source:
    """Where a document came from and what its page said about itself."""

    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    last_updated: str | None = None  # YYYY-MM-DD


@dataclass(slots=True)
class Removal:
    """A span of the raw text that cleaning removed, and why (see cleaning.reasons)."""

    start: int
    end: int
    reason: str


@dataclass(slots=True)
class Span:
    """Evidence: a character range of the clean text."""

    start: int
    end: int


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """A state, IGO, organisation or person found in one document.

    `id` is canonical: ISO 3166 alpha-3 for states, a documented id for IGOs and UN bodies
    ("UNGA Third Committee", "EU"), and the full name for people.
    """

    id: str
    kind: str  # state | igo | org | person | media
    name: str
    country: str | None = None  # PLOVER country code: ISO3, UNO, EUR, IGO, NGO
    sector: str | None = None  # GOV, MIL, JUD, ...
    title: str | None = None  # people: "Ambassador to the U.N."
    affiliation: str | None = None  # people: ISO3 or IGO id
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: str | None = None
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    speaker_title: str | None = None
    speaker_affiliation: str | None = None


@dataclass(slots=True)
class Resolution:
    body: str | None = None
    target: str | None = None
    session: int | None = None
    year: int | None = None
    date: str | None = None
    status: str | None = None  # tabled | adopted | rejected | vetoed
    adoption: str | None = None  # consensus | without_vote | recorded_vote
    votes: dict[str, int] | None = None  # {"yes", "no", "abstain"}
    sponsors: list[str] = field(default_factory=list)
    cosponsors: list[str] = field(default_factory=list)
    cosponsor_count: int | None = None
    streak: int | None = None
    provisions: list[str] = field(default_factory=list)
    symbol: str | None = None  # e.g. A/C.3/78/L.42
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Reaction:
    actor: str
    stance: str  # reject | welcome | condemn | concern | support | oppose
    resolution: int | None = None  # index into Document.resolutions
    quote: int | None = None  # index into Document.quotes
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    type: str  # one of PLOVER's 16 event types
    source: str | None = None
    target: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    source_country: str | None = None
    target_country: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    date: str | None = None
    cameo: str | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    quote: int | None = None  # index into Document.quotes
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """One article as it moves through the stages.

    `raw` is the text cleaning started from (the decoded file, or the text trafilatura
    extracted from HTML); `text` is the clean text every extractor reads.
    """

    id: str
    raw: str
    source: Source = field(default_factory=Source)
    text: str = ""
    removed: list[Removal] = field(default_factory=list)
    duplicate_of: str | None = None
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The public record (docs/record.md), as plain JSON-ready data."""
        return {
            "id": self.id,
            "source": dataclasses.asdict(self.source),
            "text": self.text,
            "removed": [dataclasses.asdict(r) for r in self.removed],
            "duplicate_of": self.duplicate_of,
            "actors": [dataclasses.asdict(a) for a in self.actors],
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
            "resolutions": [dataclasses.asdict(r) for r in self.resolutions],
            "reactions": [dataclasses.asdict(r) for r in self.reactions],
            "events": [dataclasses.asdict(e) for e in self.events],
        }


def from_record(record: dict[str, Any]) -> Document:
    """The inverse of `Document.to_record` (the raw text is not part of a record, so `raw` is the clean text)."""

    def spans(items) -> list[Span]:
        return [Span(**s) for s in items or []]

    doc = Document(
        id=record["id"],
        raw=record.get("raw") or record["text"],
        source=Source(**record["source"]),
        text=record["text"],
        removed=[Removal(**r) for r in record.get("removed", [])],
        duplicate_of=record.get("duplicate_of"),
    )
    doc.actors = [
        Actor(**{**a, "mentions": [Mention(**m) for m in a.get("mentions", [])]}) for a in record.get("actors", [])
    ]
    doc.quotes = [Quote(**q) for q in record.get("quotes", [])]
    doc.resolutions = [Resolution(**{**r, "evidence": spans(r.get("evidence"))}) for r in record.get("resolutions", [])]
    doc.reactions = [Reaction(**{**r, "evidence": spans(r.get("evidence"))}) for r in record.get("reactions", [])]
    doc.events = [Event(**{**e, "evidence": spans(e.get("evidence"))}) for e in record.get("events", [])]
    return doc
