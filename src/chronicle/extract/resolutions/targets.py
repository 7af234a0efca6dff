"""The country a resolution is about, scored from the places one clause names.

"the resolution on Iran", "condemning North Korea's human rights record", "suspend Russia", "on Syria, the
committee approved" and regions ("Crimea" → UKR) score high; drafters ("British-drafted", "by Canada") and
speakers ("Iran's representative said") score nothing.
"""

from __future__ import annotations

import re
from collections import Counter

from chronicle.extract.resolutions.places import Place

NOUN_TOPIC = re.compile(
    r"\b(?:resolutions?|texts?|drafts?|measures?|proposals?|decisions?|censures?|mandate|rapporteur|inquiry|mission|experts?"
    r"|investigations?|debate|situation|record|abuses|violations|conditions|crackdown|occupation|dossier)\b[^.;:]{0,60}?"
    r"\b(?:on|about|in|concerning|regarding|against|into|over|for|of|throughout|across)\s+(?:the\s+)?(?:\w+\s+){0,5}?$",
    re.I,
)
VERB_TOPIC = re.compile(
    r"(?:\b(?:condemn\w*|censur\w*|criticiz\w*|criticis\w*|suspend\w*|investigat\w*|covering|targeting|singling\s+out"
    r"|expel\w*|rebuk\w*|scrutiny\s+of|pressure\s+on)\s+(?:the\s+)?(?:\w+\s+){0,2}?|^\W*(?:On|In)\s+(?:the\s+case\s+of\s+)?)$",
    re.I,
)
LIST_GLUE = re.compile(r"^\s*(?:,|and|or|,\s*and)\s+(?:the\s+)?(?:parts\s+of\s+)?$", re.I)
TOPIC_AFTER = re.compile(
    r"^(?:'s|\u2019s)?\s+(?:dismal\s+|poor\s+|deteriorating\s+|deadly\s+|continued\s+|ongoing\s+)?(?:human\s+rights|rights\s+record"
    r"|record|crackdown|treatment|abuses|violations|occupation|detention|repression|situation|resolution|text|draft)",
    re.I,
)
AGENT_BEFORE = re.compile(
    r"\b(?:by|from|with|behalf\s+of|under)\s+(?:the\s+)?$|\b(?:led|drafted|tabled|sponsored|presented|submitted)\s+by\s+[^.;]*$",
    re.I,
)
AGENT_AFTER = re.compile(
    r"^(?:-\s*(?:drafted|led|sponsored|backed|authored|proposed))|^(?:'s|\u2019s)?\s+(?:\w+\s+)?(?:representative|delegat\w+|envoy"
    r"|ambassador|mission|foreign\s+ministry|ministry|government|spokes\w+|deputy|minister|permanent|statement)",
    re.I,
)


def score_targets(text: str, places: list[Place], offset: int) -> Counter:
    """Scores per state id for one clause (`text` starts at `offset` in the document)."""
    scores: Counter = Counter()
    strong_end = -1
    for place in places:
        if place.kind == "igo":
            continue
        s, e = place.start - offset, place.end - offset
        before, after = text[max(0, s - 120) : s], text[e : e + 60]
        if AGENT_BEFORE.search(text[max(0, s - 60) : s]) or AGENT_AFTER.match(after):
            continue
        if VERB_TOPIC.search(before[-60:]):
            scores[place.id] += 4
            strong_end = e
        elif NOUN_TOPIC.search(before) or (strong_end >= 0 and LIST_GLUE.match(text[strong_end:s])):
            scores[place.id] += 3
            strong_end = e
        elif TOPIC_AFTER.match(after):
            scores[place.id] += 2
        else:
            scores[place.id] += 1
        if place.kind == "region":
            scores[place.id] += 1
    return scores


def best(scores: Counter, minimum: int = 2) -> str | None:
    """The top-scoring target when it reaches `minimum` and is not tied."""
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def listed(scores: Counter) -> list[str]:
    """Every strongly named target, for a clause that names several texts ("resolutions on Iran, Syria and …")."""
    return [ident for ident, score in scores.items() if score >= 3]
