"""Find: split sentences into clauses and read every resolution fact a clause states (no grouping here)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from chronicle.extract.resolutions import status as st
from chronicle.extract.resolutions.bodies import BodyMention, find_bodies
from chronicle.extract.resolutions.dates import When, find_dates
from chronicle.extract.resolutions.numbers import digits
from chronicle.extract.resolutions.places import Place, find_places
from chronicle.extract.resolutions.provisions import describes_content, find_provisions
from chronicle.extract.resolutions.sessions import SessionMention, find_sessions, find_symbols
from chronicle.extract.resolutions.sponsors import SponsorFacts, find_sponsors
from chronicle.extract.resolutions.streaks import Streak, find_streaks
from chronicle.extract.resolutions.tallies import Tally, find_tallies
from chronicle.extract.resolutions.targets import score_targets

# A new clause starts at ";", a dash, or ", (a day) after/when/while …" — where a second text is often reported.
_BODY_AHEAD = (
    r"(?:the\s+)?(?:full\s+)?(?:U\.?N\.?\s+|United\s+Nations\s+)?(?:General\s+Assembly|Assembly|plenary"
    r"|Security\s+Council|Human\s+Rights\s+Council|[Cc]ouncil|[Cc]ommittee|Third\s+Committee)\b"
)
_GAP = r"(?:(?:a|one|two|three|several|just)\s+(?:day|days|week|weeks|month|months|hours?)\s+)"
CLAUSE_BREAK = re.compile(
    r";\s+|\s+[\u2014\u2013]\s+(?=[a-z])|,\s+(?=" + _GAP + r"?(?:after|before|when|while|whereas)\b)"
    r"|\s+(?=" + _GAP + r"(?:after|before)\b)|,\s+(?=and\s+" + _BODY_AHEAD + r")"
)
BARE_BODY = re.compile(
    r"\b(?:the|its|this|that)\s+(?:full\s+|whole\s+)?(council|Council|assembly|Assembly|committee|Committee)\b"
    r"|\b(?:the\s+)?(?:193|47|15)-(?:member|nation)\s+(body|chamber|organ)\b|\bmembers\b(?=\s+(?:voted|rejected|adopted|approved))"
)
ANAPHOR = re.compile(
    r"^\W*(?:(?:when|and|but|as|after|where)\s+)?(?:it|its|this|that|the\s+(?:resolution|text|draft|measure|document|proposal))\b",
    re.I,
)
GENERIC = re.compile(
    r"\b(?:Assembly|Council|Committee)\s+resolutions\s+(?:are|carry|have|remain)\b|\bresolutions\s+are\s+not\b"
)
SPEECH = re.compile(r"\b(?:said|says|told|tells|called\s+(?:it|the)|described|argued|warned)\b")
# "…, when Seoul did not co-sponsor the resolution but joined the consensus" after "a change from 2019": past years
PAST = re.compile(r"^\W*(?:when|back\s+when|as\s+it\s+had|as\s+in)\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DATE_NOT_VOTE = re.compile(
    r"(?:since|began|begun|started|after|before|until|from|by|in\s+late|in\s+early|seized)\s+(?:on\s+)?$", re.I
)


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    sent: int
    sent_start: int
    sent_end: int
    text: str
    norm: str
    bodies: list[BodyMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    scores: Counter = field(default_factory=Counter)
    status: str | None = None
    status_pos: int = -1
    future: bool = False
    res_noun: bool = False
    plural: bool = False
    motion: bool = False
    generic: bool = False
    anaphoric: bool = False
    speech: bool = False
    past: bool = False  # a clause about earlier years ("when Seoul did not co-sponsor …")
    tallies: list[Tally] = field(default_factory=list)
    adoption: set[str] = field(default_factory=set)
    sponsors: SponsorFacts = field(default_factory=SponsorFacts)
    streaks: list[Streak] = field(default_factory=list)
    sessions: list[SessionMention] = field(default_factory=list)
    symbols: list[str] = field(default_factory=list)
    dates: list[When] = field(default_factory=list)
    when: When | None = None  # the date nearest the status verb
    provisions: list[str] = field(default_factory=list)


def split(text: str, start: int) -> list[tuple[int, int]]:
    """Clause spans (document offsets) of one sentence starting at `start`."""
    spans, last = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        if m.start() - last > 15:
            spans.append((start + last, start + m.start()))
            last = m.end()
    spans.append((start + last, start + len(text)))
    return spans


def read_clause(
    text: str, start: int, sent: int, sent_span: tuple[int, int], published: dt.date | None, sent_text: str = ""
) -> Clause:
    """Every fact one clause states; `text` is the clause, `start` its document offset, `sent_text` its sentence."""
    norm = digits(text)
    c = Clause(start, start + len(text), sent, sent_span[0], sent_span[1], text, norm)
    c.places = find_places(text, start)
    named = find_bodies(text, start)
    c.bodies = named + _bare_bodies(text, start, named)
    c.bodies.sort(key=lambda b: b.start)
    c.scores = score_targets(text, c.places, start)
    c.res_noun = bool(st.RES_NOUN.search(text))
    c.plural = bool(st.PLURAL_NOUN.search(text))
    c.motion = bool(st.MOTION.search(text))
    c.generic = bool(GENERIC.search(text)) or bool(st.PROCEDURAL.search(text))
    c.anaphoric = bool(ANAPHOR.match(text))
    c.speech = bool(SPEECH.search(text))
    status, pos = st.clause_status(
        text,
        [(b.start - start, b.end - start) for b in c.bodies if b.acting],
        [(p.start - start, p.end - start) for p in c.places if p.kind == "state"],
    )
    if status and not st.is_future(text, pos):
        c.status, c.status_pos = status, pos
    c.future = status is not None and c.status is None
    c.tallies = [] if c.motion else find_tallies(norm)
    c.adoption = st.adoption_cues(text)
    c.past = bool(PAST.match(text)) and bool(YEAR.search(sent_text)) and not c.tallies and not c.status
    c.sponsors = find_sponsors(text, c.places, start)
    c.streaks = find_streaks(norm)
    c.sessions = find_sessions(norm)
    c.symbols = [s for s, _ in find_symbols(text)]
    c.dates = [w for w in find_dates(text, published) if not DATE_NOT_VOTE.search(text[max(0, w.start - 20) : w.start])]
    if c.status and c.dates:
        c.when = min(c.dates, key=lambda w: (w.date is None and not w.explicit, abs(w.start - c.status_pos)))
    if describes_content(text) and not c.speech:
        c.provisions = find_provisions(text)
    return c


def _bare_bodies(text: str, start: int, named: list[BodyMention]) -> list[BodyMention]:
    out = []
    for m in BARE_BODY.finditer(text):
        s, e = start + m.start(), start + m.end()
        if any(s < b.end and b.start < e for b in named):
            continue
        word = (m.group(1) or m.group(2) or "members").lower()
        family = {"council": "COUNCIL", "assembly": "UNGA plenary", "committee": "UNGA Third Committee"}.get(
            word, "BODY"
        )
        if m.group(2):
            family = {"193": "UNGA plenary", "47": "UNHRC", "15": "UNSC"}[m.group(0).split("-")[0].split()[-1]]
        after = text[m.end() : m.end() + 12]
        acting = not re.match(r"(?:'s|\u2019s)\s", after) and not re.search(
            r"\b(?:to|told|before|of)\s+$", text[: m.start()]
        )
        out.append(BodyMention(family, s, e, acting, False))
    return out
