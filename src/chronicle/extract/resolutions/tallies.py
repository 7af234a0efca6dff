"""Vote tallies in a sentence whose number words are already digits (see numbers.digits).

Handles "100-18 with 60 abstentions", "77 to 51, with 46 abstentions", "83 in favour to 30 against,
with 68 abstentions", labelled parts in any order ("65 countries voted in favor, 23 against and 83
abstained"), "none against", and the triple "116-20-53". Matching only: plausibility is `plausible`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

ROLES = ("yes", "no", "abstain")
MEMBERSHIP = {"UNGA plenary": 193, "UNGA Third Committee": 193, "UNHRC": 47, "UNSC": 15}
DEFAULT_MEMBERSHIP = 193

_DASH = r"\s*[-\u2010-\u2015]\s*"
_N = r"(?<![\d/.,\u2010-\u2015-])(\d{1,3})"
_END = r"(?![\d/])"
TRIPLE = re.compile(_N + _DASH + r"(\d{1,3})" + _DASH + r"(\d{1,3})" + _END)
PAIR = re.compile(
    _N + r"\s*(?:votes?\s+)?(?:" + _DASH + r"|to\s+)(\d{1,3}|none|nil|zero)" + _END + r"(?!\s*(?:in favou?r|for\b))"
)
_NOUN = (
    r"(?:(?:other\s+)?(?:member\s+)?(?:states?|countries|country|nations?|members?|delegations?|votes?|ballots?)\s+)?"
)
_VERB = r"(?:(?:had\s+|have\s+)?(?:voted|voting|votes?|were|was|cast|came\s+out)\s+)?"
LABEL = {
    "yes": r"(?:in\s+favou?r|yes\b|ayes?\b|affirmative|for(?=\s*(?:[,;.)]|and\b|to\b|with\b|while\b|$))|supporting\b)",
    "no": r"(?:against|opposed|opposing|no\b(?=\s*votes?)|(?<=voted )no\b|(?<=voting )no\b|nays?\b|negative)",
    "abstain": r"(?:abstention|abstain|abstaining)",
}
LABELLED = re.compile(
    r"(?<![\d/.])(\d{1,3}|none|no\s+one|nobody)\s+" + _NOUN + _VERB + r"(?:(?:to|with)\s+)?"
    r"(?:(?P<yes>" + LABEL["yes"] + r")|(?P<no>" + LABEL["no"] + r")|(?P<abstain>" + LABEL["abstain"] + r"))",
    re.I,
)
# "no votes against", "without a single vote against", "no abstentions": a part that is exactly zero.
ZERO = re.compile(
    r"\b(?:no|without(?:\s+a(?:ny)?)?(?:\s+single)?)\s+(?:(?:countries|states|members|one|country|state)\s+"
    r"(?:voted\s+|voting\s+)?)?(?:(?P<no>(?:votes?|ballots?)\s+against|opposition|against)"
    r"|(?P<abstain>abstentions?|abstaining))",
    re.I,
)
ABSTAIN_AFTER = re.compile(
    r"^[\s,;(]*(?:and|with|while|,)?\s*(\d{1,3}|no|none)\s+(?:\w+\s+){0,2}?(?:abstention|abstain|abstaining|abstained)",
    re.I,
)
VOTE_CONTEXT = re.compile(
    r"(?:\bvot|\bfavou?r|\bagainst|abstain|abstention|\btally|\bmargin|\bballot|\badopt|\bpass|\bapprov|\breject"
    r"|\bfail|\bdefeat|\bmotion|\bresolution|\bdraft)",
    re.I,
)
# a bare pair ("77 to 51") is a vote only where the sentence talks of voting
PAIR_CONTEXT = re.compile(r"(?:\bvot|\bfavou?r|\bagainst|abstain|abstention|\btally|\bmargin|\bballot)", re.I)


@dataclass(slots=True)
class Tally:
    """A reported vote; a part is None when the text does not give it."""

    yes: int | None
    no: int | None
    abstain: int | None
    start: int  # offsets in the digit-normalised sentence
    end: int
    labelled: bool = False  # the text said which part is which ("in favour", "against")

    def complete(self) -> bool:
        return None not in (self.yes, self.no, self.abstain)

    def as_votes(self) -> dict[str, int] | None:
        return {"yes": self.yes, "no": self.no, "abstain": self.abstain} if self.complete() else None


def find_tallies(text: str) -> list[Tally]:
    """Every tally in `text`, in order of position."""
    if not VOTE_CONTEXT.search(text):
        return []
    tallies: list[Tally] = []
    taken: list[tuple[int, int]] = []
    for m in TRIPLE.finditer(text):
        tallies.append(Tally(int(m[1]), int(m[2]), int(m[3]), m.start(), m.end()))
        taken.append(m.span())
    for m in PAIR.finditer(text):
        if _overlaps(m.span(), taken) or not PAIR_CONTEXT.search(text):
            continue
        tally = Tally(int(m[1]), _value(m[2]), None, m.start(), m.end())
        after = ABSTAIN_AFTER.match(text[m.end() : m.end() + 60])
        if after:
            tally.abstain = _value(after[1])
            tally.end = m.end() + after.end()
        tallies.append(tally)
        taken.append((tally.start, tally.end))
    tallies.extend(_labelled(text, taken))
    return sorted(tallies, key=lambda t: t.start)


def _labelled(text: str, taken: list[tuple[int, int]]) -> list[Tally]:
    parts = []
    for m in LABELLED.finditer(text):
        if not _overlaps(m.span(), taken):
            role = next(r for r in ROLES if m.group(r))
            parts.append((m.start(), m.end(), role, _value(m[1])))
    for m in ZERO.finditer(text):
        if not _overlaps(m.span(), taken) and not any(s <= m.start() < e for s, e, _, _ in parts):
            role = "no" if m.group("no") else "abstain"
            parts.append((m.start(), m.end(), role, 0))
    parts.sort()
    groups: list[Tally] = []
    current: Tally | None = None
    for start, end, role, value in parts:
        # a role seen twice, or a long gap, starts another vote (a committee and a plenary tally in one sentence)
        if current is None or getattr(current, role) is not None or start - current.end > 80:
            current = Tally(None, None, None, start, end, labelled=True)
            groups.append(current)
        setattr(current, role, value)
        current.end = end
    return groups


def plausible(tally: Tally, body: str | None) -> str | None:
    """None when the tally can be right for `body`; else the reason it cannot."""
    size = MEMBERSHIP.get(body or "", DEFAULT_MEMBERSHIP)
    parts = [p for p in (tally.yes, tally.no, tally.abstain) if p is not None]
    if sum(parts) > size:
        return f"parts sum to {sum(parts)}, more than the {size} members of {body or 'the body'}"
    if body == "UNSC" and tally.complete() and sum(parts) != size and sum(parts) < 9:
        return f"a Security Council vote of {sum(parts)} members"
    return None


def _value(token: str) -> int:
    token = token.lower()
    return 0 if token in {"none", "no", "no one", "nobody", "nil", "zero"} or token.startswith("no ") else int(token)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)
