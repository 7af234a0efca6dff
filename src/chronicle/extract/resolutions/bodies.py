"""Which UN body a sentence names, and whether it names it as the one acting on a resolution.

Body ids (docs/ids.md, docs/resolutions.md): `UNGA Third Committee`, `UNGA plenary`, `UNHRC` (also for the
Commission on Human Rights, the Council's predecessor until 2006), `UNSC`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UN = r"(?:(?:the\s+)?(?:U\.\s?N\.|UN|United\s+Nations)(?:'s|\u2019s)?\s+)?"
_GA = (
    _UN
    + r"(?:\d{1,3}(?:st|nd|rd|th)\s+(?:session\s+of\s+the\s+)?)?"
    + r"(?:U\.\s?N\.\s+|UN\s+|United\s+Nations\s+)?General\s+Assembly"
)
PATTERNS: list[tuple[str, str]] = [
    # Longest names first: "the Third Committee of the General Assembly" is one mention of the committee.
    ("UNGA Third Committee", r"Third\s+Committee(?:\s+of\s+the\s+" + _GA + r")?"),
    (
        "UNGA Third Committee",
        _GA + r"(?:'s|\u2019s)?\s+(?:Third|human[\s-]rights|social,?\s+humanitarian\s+and\s+cultural)\s+"
        r"[Cc]ommittee",
    ),
    ("UNGA Third Committee", r"Social,\s+Humanitarian\s+and\s+Cultural\s+Committee"),
    # "a committee of the UN General Assembly", "a United Nations General Assembly committee"
    ("UNGA Third Committee", r"\b[Cc]ommittee\s+of\s+the\s+" + _GA + r"|" + _GA + r"\s+committee\b"),
    (
        "UNGA Third Committee",
        r"(?:U\.\s?N\.|UN|United\s+Nations)(?:'s|\u2019s)?\s+(?:human[\s-]rights\s+|rights\s+)?committee",
    ),
    (
        "UNGA Third Committee",
        r"(?:General\s+)?[Aa]ssembly(?:'s|\u2019s)\s+(?:Third\s+|human[\s-]rights\s+|rights\s+|main\s+)?"
        r"[Cc]ommittee",
    ),
    # the Commission on Human Rights (until 2006) is filed under its successor, as the actor gazetteer does
    ("UNHRC", _UN + r"Commission\s+on\s+Human\s+Rights"),
    (
        "UNHRC",
        _UN + r"(?:\d{1,3}(?:st|nd|rd|th)\s+(?:session\s+of\s+the\s+)?)?Human\s+Rights\s+Council|\bUNHRC\b|\bHRC\b",
    ),
    (
        "UNHRC",
        r"(?:47-(?:member|nation)|Geneva-based|U\.\s?N\.\s+rights|UN\s+rights|United\s+Nations\s+rights)\s+[Cc]ouncil",
    ),
    ("UNHRC", r"\b(?:human\s+)?rights\s+council\b"),
    ("UNSC", _UN + r"Security\s+Council|\bUNSC\b|\b15-(?:member|nation)\s+(?:Security\s+)?[Cc]ouncil"),
    (
        "UNGA plenary",
        _GA + r"|\bUNGA\b|\b193-(?:member|nation)\s+(?:General\s+)?[Aa]ssembly|\b(?:full|world)\s+[Aa]ssembly"
        r"|\bplenary\b|(?<=[a-z] )Assembly\b",
    ),
]
COMPILED = [(body, re.compile(p)) for body, p in PATTERNS]
# Every pattern of a body needs one of these words (lower-cased); a clause with none of them skips its patterns.
KEYWORDS = {
    "UNGA Third Committee": ("committee",),
    "UNHRC": ("commission", "council", "hrc"),
    "UNSC": ("council", "unsc"),
    "UNGA plenary": ("assembly", "unga", "plenary"),
}

# Words before a body that make it the addressee of a text, not its author
# ("encourages the Security Council to consider", "goes to the full Assembly").
ADDRESSEE = re.compile(
    r"(?:encourag\w*|urg\w*|call\w*\s+(?:on|upon)|ask\w*|request\w*|invit\w*|recommend\w*|refer\w*(?:\s+\S+){0,6}\s+to"
    r"|submit\w*\s+to|brief\w*|(?:go|goes|going|sent|forwarded|heads?|move[sd]?|pass\w*\s+on)\s+to|before|address\w*"
    r"|told|tell\w*|report\w*\s+to|members\s+of|session\s+of)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
MEMBERS_AFTER = re.compile(
    r"^\s*(?:members?|member\s+states|diplomats|envoys?|ambassadors?|president|chair\w*|meeting|session|debate|hall)\b",
    re.I,
)
FUTURE_BEFORE = re.compile(
    r"(?:\bwill\b|\bexpected\b|\bset\s+to\b|\bdue\s+to\b|\blater\b|\bnext\b|\bshould\b|\bwould\b|\bheads?\s+to\b|\bgoes\s+to\b"
    r"|\bupcoming\b)[^.;]{0,60}$",
    re.I,
)
FUTURE_AFTER = re.compile(
    r"^[^.;]{0,40}(?:\bnext\s+month\b|\bin\s+December\b|\blater\s+this\b|\bis\s+expected\b|\bwill\b)", re.I
)


@dataclass(slots=True, frozen=True)
class BodyMention:
    body: str
    start: int  # offsets into the text searched, plus the offset given
    end: int
    acting: bool  # named as the body that adopts, votes on or rejects the text
    future: bool  # a stage still to come ("the full Assembly is expected to vote in December")


def find_bodies(text: str, offset: int = 0) -> list[BodyMention]:
    """Every body named in `text`; of overlapping names the longest wins."""
    lower = text.lower()
    bodies = {body for body, words in KEYWORDS.items() if any(w in lower for w in words)}
    matches = sorted(
        ((m.start(), m.end(), body) for body, pattern in COMPILED if body in bodies for m in pattern.finditer(text)),
        key=lambda x: (x[0] - x[1], x[0]),
    )
    found: list[BodyMention] = []
    for start, end, body in matches:
        if any(start < b.end - offset and b.start - offset < end for b in found):
            continue
        before, after = text[max(0, start - 80) : start], text[end : end + 40]
        acting = not ADDRESSEE.search(before) and not MEMBERS_AFTER.match(after)
        future = bool(FUTURE_BEFORE.search(before) or FUTURE_AFTER.match(after))
        found.append(BodyMention(body, start + offset, end + offset, acting, future))
    return sorted(found, key=lambda b: b.start)


def body_of_symbol(symbol: str) -> str | None:
    """The body a UN document symbol belongs to: A/C.3/… the Third Committee, A/HRC/… the Council."""
    if symbol.startswith("A/C.3/"):
        return "UNGA Third Committee"
    if symbol.startswith("A/HRC/"):
        return "UNHRC"
    if symbol.startswith("S/"):
        return "UNSC"
    if symbol.startswith("A/"):
        return "UNGA plenary"
    return None
