"""Sessions and document symbols: "78th session", "seventy-eighth" (after numbers.digits), A/C.3/78/L.42.

A GA session N opens in September of 1945+N and does its human-rights work that autumn; the Human
Rights Council holds three regular sessions a year since 2007 (sessions 1–3 met in 2006).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SYMBOL = re.compile(
    r"\b(?:A/C\.3/\d{1,3}/L\.\d+(?:/Rev\.\d+)?|A/RES/\d{1,3}/\d+|A/\d{1,3}/L\.\d+(?:/Rev\.\d+)?"
    r"|A/HRC/RES/(?:S-)?\d{1,3}/\d+|A/HRC/(?:S-)?\d{1,3}/L\.\d+(?:/Rev\.\d+)?|S/RES/\d{1,4}\s*\(\d{4}\)|S/\d{4}/\d+)"
)
_SYMBOL_SESSION = re.compile(r"^A/(?:C\.3/|RES/|HRC/RES/|HRC/)?(S-)?(\d{1,3})/")
_SYMBOL_YEAR = re.compile(r"^S/(?:RES/\d+\s*\((\d{4})\)|(\d{4})/)")
_BODY_WORDS = (
    r"(?:regular\s+)?(?:session|(?:U\.\s?N\.\s+|UN\s+|United\s+Nations\s+)?General\s+Assembly|UNGA|"
    r"(?:U\.\s?N\.\s+|UN\s+|United\s+Nations\s+)?Human\s+Rights\s+Council|UNHRC|HRC)"
)
ORDINAL_SESSION = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+" + _BODY_WORDS, re.I)
SPECIAL_SESSION = re.compile(r"\bspecial\s+session\b", re.I)  # "the 35th special session": no regular session
FIRST_HRC_YEAR = 2006


@dataclass(slots=True, frozen=True)
class SessionMention:
    session: int
    start: int
    body: str | None  # the body the words name, if any
    symbol: str | None = None


def find_symbols(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in SYMBOL.finditer(text)]


def symbol_session(symbol: str) -> int | None:
    """The session in a symbol; None for HRC special sessions (S-) and Security Council documents."""
    m = _SYMBOL_SESSION.match(symbol)
    if not m or m.group(1):
        return None
    return int(m.group(2))


def symbol_year(symbol: str) -> int | None:
    m = _SYMBOL_YEAR.match(symbol)
    return int(m.group(1) or m.group(2)) if m else None


def find_sessions(norm: str) -> list[SessionMention]:
    """Sessions named by ordinals in a digit-normalised text ("78th session", "52nd Human Rights Council")."""
    out = []
    for m in ORDINAL_SESSION.finditer(norm):
        words = (m.group(0) + " " + norm[m.end() : m.end() + 50]).lower()
        words = words if m.group(0).lower().endswith("session") else m.group(0).lower()
        body = None
        if re.search(r"human\s+rights\s+council|\bu?nhrc\b|commission\s+on\s+human\s+rights", words):
            body = "UNHRC"
        elif re.search(r"general\s+assembly|\bunga\b", words):
            body = "UNGA"
        out.append(SessionMention(int(m.group(1)), m.start(), body))
    return out


def session_year(session: int, body: str | None) -> int | None:
    """The year a resolution of `session` is adopted (GA: autumn of 1945+N; HRC: three sessions a year)."""
    if body in ("UNGA plenary", "UNGA Third Committee"):
        return 1945 + session if 1 <= session <= 150 else None
    if body == "UNHRC":
        if session < 1 or session > 200:
            return None
        return FIRST_HRC_YEAR if session <= 3 else 2007 + (session - 4) // 3
    return None


def plausible_session(session: int, body: str | None, latest_year: int) -> bool:
    """A session number that could exist by `latest_year` for `body`."""
    year = session_year(session, body)
    return year is not None and year <= latest_year + 1
