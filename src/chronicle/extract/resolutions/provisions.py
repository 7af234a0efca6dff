"""What a resolution asks for, from the sentences that describe its content.

Vocabulary: icc_referral, non_refoulement, accountability, sanctions, abductions, special_rapporteur,
commission_of_inquiry (docs/resolutions.md).
"""

from __future__ import annotations

import re

PROVISIONS: dict[str, re.Pattern] = {
    "icc_referral": re.compile(
        r"refer\w*[^.;]{0,120}(?:International\s+Criminal\s+Court|\bICC\b)|(?:International\s+Criminal\s+Court|\bICC\b)"
        r"[^.;]{0,30}referral|\bICC\s+referral|refer\w*[^.;]{0,80}\bto\s+(?:the\s+)?(?:court|The\s+Hague)\b",
        re.I,
    ),
    "non_refoulement": re.compile(
        r"non-?refoulement|\brefoulement|forcibl\w*\s+(?:repatriat|return|deport)|forced\s+(?:repatriation|return)"
        r"|not\s+to\s+(?:forcibly\s+)?(?:repatriate|return|expel|deport)|not\s+to\s+send\s+(?:\w+\s+){0,3}back",
        re.I,
    ),
    "accountability": re.compile(
        r"accountab\w+|to\s+justice|\bimpunity|prosecut\w+|\bperpetrators\b|preserv\w*\s+(?:of\s+)?evidence"
        r"|evidence[^.;]{0,40}(?:prosecut|trial|justice)",
        re.I,
    ),
    "sanctions": re.compile(r"\bsanction(?:s|ing)?\b|asset\s+freez\w*|travel\s+bans?\b|arms\s+embargo", re.I),
    "abductions": re.compile(r"\babduct\w*", re.I),
    "special_rapporteur": re.compile(r"special\s+rapporteur", re.I),
    "commission_of_inquiry": re.compile(
        # a fact-finding mission or a group of experts is not a commission of inquiry (tests/gold notes)
        r"commission\s+of\s+inquiry|\bCOI\b|independent\s+(?:international\s+)?"
        r"(?:investigative\s+)?(?:mechanism|commission|investigation)",
        re.I,
    ),
}
# The sentence must say what the text does: "the resolution calls on", "It also demanded", "a text … that condemns".
_SUBJECT = r"\b(?:resolution|text|draft|measure|it|its|council|assembly|committee|mandate|mission|provisions?)\b"
_VERB = (
    r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg\w+|encourag\w+|demand\w*|condemn\w*|extend\w*|renew\w*|request\w*"
    r"|decid\w+|establish\w*|set(?:s|ting)?\s+up|creat\w+|includ\w+|express\w*|voic\w+|ask\w*|invit\w+|recommend\w*"
    r"|reaffirm\w*|stress\w*|deplor\w*|order\w*|insist\w*|press\w*|seek\w*|sought|mandat\w+|investigat\w+|cover\w*"
    r"|describ\w+|notes?|not(?:ed|ing)|theme|features?|contains?|refer\w*)\b"
)
CONTENT = re.compile(
    _SUBJECT + r"[^.;]{0,160}?" + _VERB + r"|" + _VERB + r"\s+of\s+the\s+(?:resolution|text|draft)\b", re.I
)
# A provision the text lacks ("fell short of the arms embargo", "dropped a call for sanctions").
NEGATED = re.compile(
    r"(?:fell\s+short\s+of|stopp\w+\s+short\s+of|without|dropp\w+|omit\w*|no\s+longer|does\s+not|did\s+not"
    r"|rather\s+than|instead\s+of|not\s+includ\w+)[^.;]{0,40}$",
    re.I,
)


def describes_content(text: str) -> bool:
    return bool(CONTENT.search(text))


def find_provisions(text: str) -> list[str]:
    """Provisions named in one content sentence, in vocabulary order."""
    found = []
    for name, pattern in PROVISIONS.items():
        for m in pattern.finditer(text):
            if not NEGATED.search(text[max(0, m.start() - 60) : m.start()]):
                found.append(name)
                break
    return found
