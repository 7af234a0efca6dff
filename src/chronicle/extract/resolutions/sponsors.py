"""Who drafted a resolution and who co-sponsored it, from one sentence.

"drafted by the EU and forty-six co-sponsors … bringing the total to sixty-one" gives sponsor EU and 61
co-sponsors; "with 62 countries, including South Korea, participating as co-sponsors" gives KOR and 62;
"did not co-sponsor … but joined the consensus" names no co-sponsor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronicle.extract.resolutions.numbers import digits
from chronicle.extract.resolutions.places import Place

_BY_VERBS = (
    r"(?:drafted|sponsored|submitted|tabled|presented|put\s+forward|introduced|proposed|penned|written|led"
    r"|spearheaded|authored|prepared|brought|initiated|championed|steered)"
)
SPONSORED_BY = re.compile(r"(?<!co-)(?<!co)\b" + _BY_VERBS + r"\s+(?:jointly\s+|mainly\s+|chiefly\s+)?by\s+", re.I)
BY_END = re.compile(
    r"[.;:]|\s(?:that|which|who|at|to|after|before|during|on\s+(?!behalf)|in\s+(?!the\s+name)|and\s+\d"
    r"|and\s+(?:forty|fifty|sixty|thirty|twenty|several|dozens|other|co-?sponsor\w*|was|were|is|has|had)"
    r"|with\s+\d|with\s+(?:no|none|a|the\s+support))\b"
    r"|,\s+(?:the|was|is|has|had|passed|adopted|approved|won|won|calls|urges|condemns)\b",
    re.I,
)
ACTIVE = re.compile(
    r"\b(?:drafted|sponsored|tabled|submitted|presented|introduced|put\s+forward|proposed|penned|authored|spearheaded"
    r"|led|drew\s+up)\s+(?:the|a|an|this|its|their)\s+(?:\w+\s+){0,3}?(?:draft|resolution|text|measure)\b",
    re.I,
)
COMPOUND = re.compile(
    r"-(?:drafted|sponsored|led|authored|penned|proposed|backed|tabled)\b|(?:'s|\u2019s)?\s+(?:drafts?|proposals?)\b",
    re.I,
)
# "Introducing the draft, Ukraine's representative …": the introducer's state drafted it
INTRODUCING = re.compile(
    r"^\W*(?:Introducing|Presenting|Tabling|Submitting)\s+the\s+(?:\w+\s+){0,2}?(?:draft|resolution|text)\b[^,]*,\s*",
    re.I,
)
BEHALF = re.compile(r"\bon\s+behalf\s+of\s+", re.I)
COSPONSOR = re.compile(r"co-?sponsor\w*|\bbackers\b|\bsigned\s+on\b|\bamong\s+them\b", re.I)
COSPONSOR_NEG = re.compile(
    r"\b(?:not|never|n't|declined|refused|withdr\w+|dropped\s+out|stay\w*\s+off|skipp\w*|absent|without)\b", re.I
)
TOTAL = re.compile(
    r"\btotal\s+(?:number\s+)?(?:of\s+)?(?:co-?sponsors\s+|backers\s+|sponsors\s+)?(?:to|of|at|is|was)\s+(\d{1,3})\b",
    re.I,
)
COUNT = re.compile(
    r"(?<!\d)(?<!more than )(?<!over )(?<!least )(?<!nearly )(?<!almost )(\d{1,3})\s+"
    r"(other\s+|more\s+|additional\s+|further\s+)?"
    r"(?:member\s+)?(?:countries|states|nations|co-?sponsors|sponsors|delegations|backers|governments)\b",
    re.I,
)
COSPONSORED_BY = re.compile(r"co-?sponsored\s+by\s+(?:some\s+)?(\d{1,3})\b", re.I)
TOPIC_BEFORE = re.compile(r"\b(?:on|in|about|against|condemning|concerning|regarding|of)\s+(?:the\s+)?$", re.I)


@dataclass(slots=True)
class SponsorFacts:
    sponsors: list[str] = field(default_factory=list)
    cosponsors: list[str] = field(default_factory=list)
    not_cosponsors: list[str] = field(default_factory=list)
    count: int | None = None
    total: bool = False  # the count is the final total ("bringing the total to 61")


def find_sponsors(text: str, places: list[Place], offset: int) -> SponsorFacts:
    """Sponsors and co-sponsors in one sentence (`text` starts at `offset` in the document)."""
    facts = SponsorFacts()
    local = [(p.start - offset, p.end - offset, p) for p in places if p.kind in ("state", "igo")]
    for m in BEHALF.finditer(text):
        stop = BY_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        facts.sponsors += [p.id for s, e, p in local if m.end() <= s < end]
    if not facts.sponsors:
        for m in SPONSORED_BY.finditer(text):
            stop = BY_END.search(text, m.end())
            end = stop.start() if stop else len(text)
            facts.sponsors += [p.id for s, e, p in local if m.end() <= s < end]
        for m in COMPOUND.finditer(text):
            facts.sponsors += [p.id for s, e, p in local if e == m.start()]
        intro = INTRODUCING.match(text)
        if intro:
            facts.sponsors += [p.id for s, e, p in local if s >= intro.end()][:1]
        for m in ACTIVE.finditer(text):
            clause = max(text.rfind(ch, 0, m.start()) for ch in ".;:") + 1
            facts.sponsors += [
                p.id
                for s, e, p in local
                if clause <= s and e <= m.start() and not TOPIC_BEFORE.search(text[max(0, s - 20) : s])
            ]
    facts.sponsors = list(dict.fromkeys(facts.sponsors))
    if COSPONSOR.search(text):
        _cosponsors(text, local, facts)
    return facts


def _cosponsors(text: str, local: list[tuple[int, int, Place]], facts: SponsorFacts) -> None:
    norm = digits(text)
    total = TOTAL.search(norm)
    if total:
        facts.count, facts.total = int(total.group(1)), True
    else:
        by = COSPONSORED_BY.search(norm)
        counts = [
            int(m.group(1)) for m in COUNT.finditer(norm) if not m.group(2) or m.group(2).lower().startswith("other")
        ]
        if by:
            facts.count = int(by.group(1))
        elif counts:
            facts.count = counts[0]
    cues = list(COSPONSOR.finditer(text))
    for s, e, place in local:
        if place.id in facts.sponsors or TOPIC_BEFORE.search(text[max(0, s - 20) : s]):
            continue
        cue = min(cues, key=lambda c: abs(c.start() - s))
        between = text[e : cue.start()] if cue.start() >= e else text[cue.end() : s]
        if COSPONSOR_NEG.search(between) or (
            cue.start() < s and COSPONSOR_NEG.search(text[max(0, cue.start() - 30) : cue.start()])
        ):
            facts.not_cosponsors.append(place.id)
        elif _listed(text, s, e, cue):
            facts.cosponsors.append(place.id)
    facts.cosponsors = list(dict.fromkeys(facts.cosponsors))


def _listed(text: str, s: int, e: int, cue: re.Match) -> bool:
    """A place reads as a co-sponsor: its clause holds the cue, or it follows "including" in the cue's sentence."""
    if re.search(
        r"\bincluding\s+(?:the\s+)?$|\bsuch\s+as\s+(?:the\s+)?$|,\s+(?:the\s+)?$|\band\s+(?:the\s+)?$",
        text[max(0, s - 30) : s],
    ):
        return True
    lo, hi = sorted((e, cue.start()))
    return not re.search(r"[.;]", text[lo:hi]) and hi - lo < 90
