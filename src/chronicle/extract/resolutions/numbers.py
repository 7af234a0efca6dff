"""Numbers as news writes them: digits, words ("sixty-five"), ordinals ("seventy-eighth", "19th")."""

from __future__ import annotations

import logging
import re

from text_to_num import alpha2digit

LOGGER = logging.getLogger(__name__)

ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.I)
# "twenty three" and "forty-six" convert; the text2num parser needs hyphens spaced out for some compounds.
_SPACES = re.compile(r"[ \t\u00a0]+")


def digits(text: str) -> str:
    """The text with number words written as digits ("sixty-one" → "61", "second" → "2nd").

    Offsets change, so callers read values from the result and take offsets from the original.
    """
    try:
        out = alpha2digit(_SPACES.sub(" ", text), "en", threshold=0)
    except Exception as exc:  # the parser is third-party: a bad sentence must never stop a document
        LOGGER.info("number words left as written (%s): %.60r", exc, text)
        return text
    # "one" as a pronoun ("one of the co-sponsors") would become "1 of the"; harmless for our patterns.
    return out


def to_int(token: str) -> int | None:
    """An integer from digits ("1,024") or words ("sixty-one"), or None."""
    token = token.strip().replace(",", "")
    if token.isdigit():
        return int(token)
    converted = digits(token).strip()
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", converted)
    return int(match.group(1)) if match else None


def ordinals(text: str) -> list[tuple[int, int]]:
    """(value, position in `text`) for each ordinal in an already digit-normalised text."""
    return [(int(m.group(1)), m.start()) for m in ORDINAL.finditer(text)]
