"""Write: group clause facts into resolutions and turn each group into a `Resolution` record.

A clause that reports what happened to a text (adopted, rejected, vetoed, shelved) names a resolution by
(body, target); later clauses without their own body or target ("It also demands …", "The vote was
77 to 51") add facts to the resolution named last.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from chronicle.extract.resolutions import series
from chronicle.extract.resolutions.bodies import body_of_symbol
from chronicle.extract.resolutions.clauses import Clause
from chronicle.extract.resolutions.sessions import SPECIAL_SESSION, session_year, symbol_session, symbol_year
from chronicle.extract.resolutions.tallies import MEMBERSHIP, Tally, plausible
from chronicle.extract.resolutions.targets import best, listed
from chronicle.records import Resolution, Span

LOGGER = logging.getLogger(__name__)
COUNCILS = ("UNSC", "UNHRC")
RANK = {None: 0, "tabled": 1, "adopted": 2, "rejected": 2, "vetoed": 3}


@dataclass(slots=True)
class Draft:
    body: str | None
    target: str | None
    status: str | None = None
    year: int | None = None  # the year its mentions are about, to tell this year's text from last year's
    stated: bool = False  # the year was written ("in 2007", "last year"), not taken from the article's date
    clauses: list[Clause] = field(default_factory=list)
    mentions: list[Clause] = field(default_factory=list)  # clauses that report what happened to it

    def add(self, clause: Clause, mention: bool) -> None:
        if clause not in self.clauses:
            self.clauses.append(clause)
        if mention and clause not in self.mentions:
            self.mentions.append(clause)
        if mention and self.year is None and clause.when and clause.when.year:
            self.year = clause.when.year
        if clause.status and mention and RANK[clause.status] > RANK[self.status]:
            self.status = clause.status


def group(clauses: list[Clause], anchor_year: int | None = None) -> list[Draft]:
    """The resolutions a document reports, as groups of clauses."""
    doc_target = best(sum((c.scores for c in clauses if _about_texts(c)), Counter()), minimum=1)
    by_sentence: dict[int, list[Clause]] = {}
    for c in clauses:
        by_sentence.setdefault(c.sent, []).append(c)
    drafts: list[Draft] = []
    current: Draft | None = None
    current_sent = -1
    last_body: dict[str, str] = {}
    for c in clauses:
        if c.generic or c.past:
            continue
        acting = [b for b in c.bodies if b.acting and not b.future]
        here = _agent(acting, c, last_body, clauses)
        sentence = by_sentence[c.sent]
        target = best(c.scores) or best(sum((s.scores for s in sentence), Counter()))
        mention = bool(c.status and (c.res_noun or acting or c.tallies or c.anaphoric))
        mention = mention or bool(acting and c.res_noun and not c.speech)
        if mention and current and c.anaphoric and not acting and not best(c.scores) and not c.when:
            current.add(c, mention=True)  # "That resolution passed 25 to 6": the text named last
            current_sent = c.sent
        elif mention:
            many = listed(c.scores) if c.plural and len(listed(c.scores)) >= 2 else [target]
            body = here
            if body is None and current and (c.anaphoric or current_sent == c.sent):
                body = current.body
            if body is None:
                sent_bodies = [b for s in sentence for b in s.bodies if b.acting and not b.future]
                body = _agent(sent_bodies, c, last_body, clauses) or _default_body(last_body)
            year, stated = _year_key(c, sentence, anchor_year)
            for t in many:
                t = t or (
                    current.target if current and (c.anaphoric or current_sent == c.sent or not c.scores) else None
                )
                t = t or (current.target if current else None) or doc_target
                draft = _find(drafts, body, t, c.status, year)
                if draft is None:
                    draft = Draft(body, t, year=year, stated=stated)
                    drafts.append(draft)
                draft.add(c, mention=True)
                current, current_sent = draft, c.sent
        elif current is not None:
            switch = None
            if here and here != current.body:
                switch = _find(drafts, here, current.target, None, None)
            elif target and target != current.target and best(c.scores, minimum=3):
                switch = _find(drafts, current.body, target, None, None)
            current = switch or current
            if _relevant(c):
                (current if current_sent == c.sent else _primary(drafts, current, c)).add(c, mention=False)
        if here:
            last_body[_family(here)] = here
    return drafts


def _primary(drafts: list[Draft], current: Draft, c: Clause) -> Draft:
    """ "The resolution urges …" after a passing mention of another stage means the article's main text."""
    first = next(d for d in drafts if d.target == current.target)
    named = {b.body for b in c.bodies if b.acting}
    return first if first is not current and current.body not in named else current


def _agent(bodies: list, c: Clause, last_body: dict[str, str], clauses: list[Clause]) -> str | None:
    """The body that acted: the one named last before the status verb ("after the Third Committee approved")."""
    resolved = [(b.start, _resolve(b.body, last_body, clauses)) for b in bodies]
    resolved = [(start, body) for start, body in resolved if body]
    if not resolved:
        return None
    if c.status_pos >= 0:
        before = [body for start, body in resolved if start - c.start <= c.status_pos]
        if before:
            return before[-1]
    return resolved[0][1]


def _year_key(c: Clause, sentence: list[Clause], anchor_year: int | None) -> tuple[int | None, bool]:
    """The year a mention is about, and whether the text wrote it: its own date, a year its sentence states or
    shifts ("in 2007", "last year"), else the article's."""
    if c.when and c.when.year:
        return c.when.year, c.when.explicit or c.when.shifted
    stated = next((w.year for s in sentence for w in s.dates if w.explicit or w.shifted), None)
    if stated:
        return stated, True
    return (anchor_year if c.status else None), False


def _about_texts(c: Clause) -> bool:
    return bool(c.status or c.res_noun or c.tallies)


def _family(body: str) -> str:
    return "COUNCIL" if body in COUNCILS else body


def _resolve(body: str, last_body: dict[str, str], clauses: list[Clause]) -> str | None:
    """A bare "the council" is the council named last (or first in the document); "members" the last body."""
    if body == "COUNCIL":
        if "COUNCIL" in last_body:
            return last_body["COUNCIL"]
        named = [b.body for c in clauses for b in c.bodies if b.body in COUNCILS]
        return named[0] if named else None
    if body == "BODY":
        return next(reversed(last_body.values()), None)
    return body


def _default_body(last_body: dict[str, str]) -> str | None:
    return next(reversed(last_body.values()), None)


def _find(
    drafts: list[Draft], body: str | None, target: str | None, status: str | None, year: int | None
) -> Draft | None:
    for draft in reversed(drafts):
        if draft.body != body or draft.target != target:
            continue
        if year and draft.year and year != draft.year:
            continue
        if status and draft.status and status != draft.status and "tabled" not in (status, draft.status):
            continue
        return draft
    return None


def _relevant(c: Clause) -> bool:
    return bool(
        c.res_noun
        or c.anaphoric
        or c.tallies
        or c.sponsors.count
        or c.sponsors.cosponsors
        or c.sponsors.sponsors
        or c.streaks
        or c.symbols
        or c.provisions
        or c.adoption
    )


def finish(draft: Draft, published: dt.date | None, anchor: dt.date | None) -> Resolution:
    """The record for one group of clauses."""
    res = Resolution(body=draft.body, target=draft.target, status=draft.status)
    symbols = [s for c in draft.clauses for s in c.symbols]
    if symbols:
        res.symbol = symbols[0]
        res.body = body_of_symbol(symbols[0]) or res.body
    res.session = _session(draft, res)
    res.votes, voted = _votes(draft, res.body)
    res.adoption = _adoption(draft, voted)
    _sponsors(draft, res)
    streaks = [s for c in draft.clauses for s in c.streaks]
    if streaks:
        res.streak = streaks[0].value
    res.year, res.date = _when(draft, res, published, streaks[0].since if streaks else None)
    if res.session is None and res.year and res.body in ("UNGA plenary", "UNGA Third Committee"):
        month = next((w.month for c in draft.mentions for w in c.dates if w.month and w.year == res.year), None)
        res.session = _ga_session(res.year, int(res.date[5:7]) if res.date else month)
    res.provisions = sorted({p for c in draft.clauses for p in c.provisions}, key=_PROVISION_ORDER.index)
    spans = sorted({(c.sent_start, c.sent_end) for c in draft.clauses})
    res.evidence = [Span(s, e) for s, e in spans]
    return res


_PROVISION_ORDER = [
    "icc_referral",
    "non_refoulement",
    "accountability",
    "sanctions",
    "abductions",
    "special_rapporteur",
    "commission_of_inquiry",
]


def _ga_session(year: int, month: int | None) -> int:
    """A GA session runs from September of 1945+N; a text with no month is taken as adopted that autumn."""
    return year - 1945 if (month or 12) >= 9 else year - 1946


def _session(draft: Draft, res: Resolution) -> int | None:
    if res.body == "UNHRC" and any(SPECIAL_SESSION.search(c.text) for c in draft.clauses):
        return None
    if res.symbol:
        return symbol_session(res.symbol)
    family = "UNHRC" if res.body == "UNHRC" else "UNGA" if res.body and res.body.startswith("UNGA") else None
    for c in draft.clauses:
        for s in c.sessions:
            if family and s.body in (family, None) and session_year(s.session, res.body):
                return s.session
    return None


def _votes(draft: Draft, body: str | None) -> tuple[dict[str, int] | None, bool]:
    """The first plausible complete tally, and whether any vote was reported at all."""
    voted = False
    for c in draft.clauses:
        for tally in c.tallies:
            voted = True
            tally = _complete(tally, body)
            if not tally.complete():
                continue
            reason = plausible(tally, body)
            if reason:
                LOGGER.info("tally %s-%s-%s left out: %s", tally.yes, tally.no, tally.abstain, reason)
                continue
            if draft.status == "rejected" and not tally.labelled and tally.yes > tally.no:
                tally.yes, tally.no = tally.no, tally.yes  # "fell by 19 votes to 17": the winning side comes first
            return tally.as_votes(), True
    return None, voted


def _complete(tally: Tally, body: str | None) -> Tally:
    """In the Security Council every one of the 15 members votes, so two parts imply the third."""
    parts = [tally.yes, tally.no, tally.abstain]
    if body == "UNSC" and parts.count(None) == 1:
        rest = MEMBERSHIP["UNSC"] - sum(p for p in parts if p is not None)
        if rest >= 0:
            i = parts.index(None)
            parts[i] = rest
            return Tally(*parts, tally.start, tally.end, tally.labelled)
    return tally


def _adoption(draft: Draft, voted: bool) -> str | None:
    cues = set().union(*(c.adoption for c in draft.clauses)) if draft.clauses else set()
    if voted or "recorded_vote" in cues:
        return "recorded_vote"
    if "consensus" in cues:
        return "consensus"
    if "without_vote" in cues:
        return "without_vote"
    return None


def _sponsors(draft: Draft, res: Resolution) -> None:
    sponsors, cosponsors, negative = [], [], []
    total, first = None, None
    for c in draft.clauses:
        sponsors += c.sponsors.sponsors
        cosponsors += c.sponsors.cosponsors
        negative += c.sponsors.not_cosponsors
        if c.sponsors.count is not None:
            if c.sponsors.total and total is None:
                total = c.sponsors.count
            elif first is None:
                first = c.sponsors.count
    res.sponsors = list(dict.fromkeys(sponsors))
    # a state listed as co-sponsor anywhere is one, even if the text also says it once stayed off the list
    res.cosponsors = list(dict.fromkeys(s for s in cosponsors if s not in res.sponsors and s != res.target))
    res.cosponsor_count = total if total is not None else first


def _when(draft: Draft, res: Resolution, published: dt.date | None, since: int | None) -> tuple[int | None, str | None]:
    whens = [c.when for c in draft.mentions if c.when]
    date = next((w.date for w in whens if w.date), None)
    stated = next((w.year for w in whens if w.explicit or w.shifted), None)
    if stated is None and draft.stated:
        stated = draft.year  # "The council last tried to act on Myanmar in 2007, when China and Russia vetoed a draft"
    from_symbol = symbol_year(res.symbol) if res.symbol else None
    from_session = session_year(res.session, res.body) if res.session else None
    from_streak = (
        (since + res.streak - 1) if since and res.streak else series.series_year(res.target, res.body, res.streak)
    )
    relative = next((w.year for w in whens if w.year), None)
    recent = published.year if published and res.status in ("adopted", "rejected", "vetoed") else None
    year = stated or from_symbol or from_session or relative or recent or from_streak
    if date and year and not date.startswith(str(year)):
        date = None
    problem = series.conflict(res.target, res.body, res.streak, year) if not since else None
    if problem:
        LOGGER.warning("%s", problem)
    return year, date


def share_council_session(records: list[Resolution], drafts: list[Draft]) -> list[Resolution]:
    """One Council session named in an article ("as the council closed its 51st session") holds its other texts
    of that year too (special sessions excepted)."""
    named = {r.session for r in records if r.body == "UNHRC" and r.session}
    if len(named) != 1:
        return records
    (session,) = named
    for res, draft in zip(records, drafts, strict=True):
        special = any(SPECIAL_SESSION.search(c.text) for c in draft.clauses)
        if res.body == "UNHRC" and res.session is None and not special and res.year == session_year(session, "UNHRC"):
            res.session = session
    return records
