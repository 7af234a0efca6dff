"""Streaks: "the 19th year in a row", "19th consecutive year", "the 19th of its kind since 2005".

A streak counts only when it describes the resolution: "South Korea, which signed on as a co-sponsor for a
second consecutive year" or "the text again mentions abductions for a second consecutive year" do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ORD = r"(\d{1,3})(?:st|nd|rd|th)"
PATTERNS = [
    re.compile(_ORD + r"\s+(?:consecutive|straight|successive|running)\s+(?:year|session|time)", re.I),
    re.compile(_ORD + r"\s+(?:year|time)\s+(?:in\s+a\s+row|running)", re.I),
    # "the 17th annual resolution", never "the second text rejected" or "its first resolution in 74 years"
    re.compile(
        _ORD + r"\s+(?:such\s+)?(?:annual|consecutive|yearly|successive)\s+(?:resolution|text|censure)s?\b", re.I
    ),
    re.compile(r"\bfor\s+the\s+" + _ORD + r"\s+(?:consecutive\s+)?(?:year|time)\b", re.I),
    re.compile(_ORD + r"\s+(?:\w+\s+){0,3}?of\s+its\s+kind\s+since\s+((?:19|20)\d\d)", re.I),
]
# Words in the same clause that make the streak someone's choice or a provision's, not the resolution's.
TRAP = re.compile(
    r"co-?sponsor|signed\s+on|\bchose\b|\bdecided\b|\bdeclined\b|\bjoin\w*|backer|\blist\b|paragraph|language|provision|clause|reference|mention|includ"
    r"|\bcall\w*\s+for\b|\bvoted\b|\babstain",
    re.I,
)
BOUNDARY = re.compile(r"[,;:()\u2014]|\bwhich\b|\bwho\b|\bwhile\b|\bafter\b")


@dataclass(slots=True, frozen=True)
class Streak:
    value: int
    since: int | None  # the series' first year, when the text gives it
    start: int


def find_streaks(norm: str) -> list[Streak]:
    """Streaks of the resolution itself in a digit-normalised sentence."""
    out: list[Streak] = []
    seen: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(norm):
            if any(m.start() < e and s < m.end() for s, e in seen) or _trapped(norm, m.start(), m.end()):
                continue
            seen.append(m.span())
            value = int(m.group(1))
            since = int(m.group(2)) if m.lastindex and m.lastindex >= 2 else None
            if 2 <= value <= 80:  # "for the first time" starts no streak
                out.append(Streak(value, since, m.start()))
    return sorted(out, key=lambda s: s.start)


def _trapped(norm: str, start: int, end: int) -> bool:
    left = norm[:start]
    cuts = [m.end() for m in BOUNDARY.finditer(left)]
    clause_start = cuts[-1] if cuts else 0
    tail = BOUNDARY.search(norm, end)
    stop = tail.start() if tail else len(norm)
    rest = norm[clause_start:start] + norm[end:stop]
    if tail and len(rest.split()) < 4:
        # "For a second consecutive year, Japan chose not to co-sponsor": the phrase modifies the next clause
        after = BOUNDARY.search(norm, tail.end())
        stop = after.start() if after else len(norm)
    return bool(TRAP.search(norm[clause_start:stop]))
