"""Reactions: who welcomed, rejected, condemned, opposed, supported or worried about which resolution.

1. actors: every state, IGO, NGO and person (by affiliation) with offsets, from doc.actors, else our places
2. cues: stance words in each sentence about a text or a vote; the actor is the subject before the cue, the
   agent after "by", or the speaker of the quote that holds it
3. one stance per actor and resolution, the strongest (see PRIORITY); drafters who speak support their text
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from chronicle.extract.resolutions.bodies import find_bodies
from chronicle.extract.resolutions.places import find_places
from chronicle.extract.resolutions.status import RES_NOUN
from chronicle.nlp import sentences
from chronicle.records import Document, Reaction, Resolution, Span

LOGGER = logging.getLogger(__name__)

UN_BODIES = {
    "UN",
    "UNGA plenary",
    "UNGA Third Committee",
    "UNHRC",
    "UNSC",
    "OHCHR",
    "UNHCR",
    "UNSG",
    "UN COI",
    "UN Special Rapporteur",
    "ICC",
    "ICJ",
}
CUES: list[tuple[str, re.Pattern]] = [
    (
        "oppose",
        re.compile(
            r"\b(?:voted\s+(?:no\b|against)|voting\s+against|vote\s+against|lobbied\s+(?:hard\s+)?against|opposed?\b|opposing"
            r"|oppose\s+them|vetoed|moved\s+the\s+(?:\w+\s+){0,2}motion|opposition\s+(?:from|by)\b)",
            re.I,
        ),
    ),
    ("condemn", re.compile(r"(?<!to )\b(?:condemn(?:ed|s|ing)?|denounc\w*|slamm\w*|blast\w*|lambast\w*)\b", re.I)),
    (
        "reject",
        re.compile(
            r"\b(?:reject\w*|dismiss\w*|(?:categorically\s+)?denied|refus\w*\s+to\s+(?:recogni[sz]e|accept|cooperate)"
            r"|(?:would|will)\s+not\s+(?:cooperate|accept|recogni[sz]e|be\s+bound)|does\s+not\s+recogni[sz]e|not\s+recognise"
            r"|politically\s+motivated|propaganda|illegitimate|interference|fabricat\w*|plot\b|reacted\s+harshly)",
            re.I,
        ),
    ),
    (
        "welcome",
        re.compile(
            r"\b(?:welcom\w*|hail\w*|prais\w*|applaud\w*|well[-\s]received|overdue\s+step|first\s+step"
            r"|spoken\s+with\s+one\s+voice)",
            re.I,
        ),
    ),
    # the outcome "a victory": a welcome of an adopted text, opposition to a defeated one (see find_reactions)
    ("victory", re.compile(r"\bvictory\b", re.I)),
    (
        "support",
        re.compile(
            r"\b(?:support(?:ed|s|ers?|ing)?|backed|voted\s+(?:for|in\s+favou?r)|introduc\w+\s+the"
            r"|present\w*\s+the\s+(?:draft|resolution|text)"
            r"|urg\w*\s+(?:[\w-]+\s+){1,4}to\s+(?:revisit|reconsider|take\s+up|return\s+to"
            r"|(?:adopt|renew|back|vote\s+for)\s+(?:it|the\s+(?:draft|resolution|text|mandate))))\b",
            re.I,
        ),
    ),
    (
        "concern",
        re.compile(
            r"\b(?:concern\w*|worr\w*|regret\w*|selective|politici[sz]\w*|political\s+(?:tool|weapon)|critici[sz]\w*"
            r"|biased|one-sided|unbalanced"
            r"|double\s+standards?|abstain\w*(?=[^.;]{0,80}\b(?:because|said|saying|argu"
            r"|warn|criticiz|criticis)))",
            re.I,
        ),
    ),
]
PRIORITY = {"oppose": 6, "condemn": 5, "reject": 4, "welcome": 3, "support": 2, "concern": 1}
ABOUT = re.compile(
    r"\b(?:vote[sd]?|voting|adoption|outcome|result|move|mandate|renewal|decision|session|mission"
    r"|mechanism|commission|abstain\w*|motion)\b"
    r"|\b(?:it|them)\b(?!\s+(?:had|has|have|was|were|is|are|would|will|could|can|did|does|do|\w+ed)\b)",
    re.I,
)
STRONG = {"welcome", "condemn", "reject"}  # words that are a reaction wherever they stand
VOTE_CUE = re.compile(r"^(?:vot|vetoed|moved)", re.I)  # what a state did, never what a quoted speaker says others did
TEXT_SUBJECT = re.compile(r"\b(?:resolutions?|texts?|drafts?|measures?|it)\b[^,;]{0,25}$", re.I)
TALLY_SUBJECT = re.compile(r"\d+\s+(?:\w+\s+)?(?:countries|states|members|nations|votes?)\s+$", re.I)
FRONTED = re.compile(r"^\W*(?:Introducing|Presenting|Tabling|Speaking\s+for\s+the\s+\w+)\b[^,]*,\s*$", re.I)
AFTER_VOTE = re.compile(
    r"\b(?:after\s+the\s+(?:vote|adoption)|the\s+(?:vote|adoption|result)\s+(?:showed|shows|sends|sent))\b", re.I
)
SPEECH = re.compile(
    r"\b(?:said|says|told|tell|argued|warned|added|called|described|explain\w*|insisted|accused)\b", re.I
)
ABSTAINED = re.compile(r"\babstained\b", re.I)
SPOKESMAN = re.compile(
    r"\W*Its\s+(?:[\w-]+\s+){0,2}(?:envoy|ambassador|representative|delegat\w+|mission|minist\w+|spokes\w+)\b"
)
INSERTED = re.compile(r",\s*(?:which|who|whose|a|an|one\s+of)\b[^,;]*,\s*$", re.I)
NOT_CUE = re.compile(r"\b(?:not|never|no|(?:refus|declin|fail)\w*\s+to)\s+(?:\w+\s+)?$", re.I)
PRONOUN_START = re.compile(r"^\W*(?:Its|Their|His|Her|He|She|They)\b")


@dataclass(slots=True, frozen=True)
class Who:
    id: str
    start: int
    end: int


def find_reactions(doc: Document, sdoc) -> list[Reaction]:
    """One reaction per actor and resolution, in order of first evidence."""
    if not doc.resolutions:
        return []
    actors = _actors(doc)
    sponsors = {s for r in doc.resolutions for s in r.sponsors}
    found: dict[tuple[str, int | None], tuple[str, int, Span, int | None]] = {}
    previous: list[str] = []
    sents = sentences(sdoc)
    for number, sent in enumerate(sents):
        text, start = sent.text, sent.start_char
        if not text.strip():
            continue
        who_here = [w for w in actors if start <= w.start < sent.end_char]
        about = bool(RES_NOUN.search(text) or ABOUT.search(text))
        cues = [
            (st, pos) for st, pos in _cues(text) if about or (st in STRONG and not _other_object(sdoc, start + pos))
        ]
        cues += _drafters_speaking(text, start, who_here, sponsors, cues)
        cues += _abstention_explained(text, sents[number + 1 : number + 3], cues)
        for stance, pos in cues:
            cue = start + pos
            quote = _quote_at(doc, cue)
            ids = _subjects(text, start, cue, who_here, previous, doc, quote, stance)
            for ident in ids:
                final = _adjust("welcome" if stance == "victory" else stance, ident, sponsors, text)
                res = _resolution(doc.resolutions, ident, cue)
                if final == "welcome" and res is not None and doc.resolutions[res].status in ("rejected", "tabled"):
                    final = "oppose"  # welcoming a draft's defeat opposes the draft
                key = (ident, res)
                old = found.get(key)
                if old is None or PRIORITY[final] > PRIORITY[old[0]]:
                    found[key] = (final, cue, Span(start, sent.end_char), quote)
        if who_here:
            previous = [w.id for w in who_here]
    ordered = sorted(found.items(), key=lambda kv: kv[1][1])
    return [Reaction(actor=a, stance=s, resolution=r, quote=q, evidence=[span]) for (a, r), (s, _, span, q) in ordered]


def _actors(doc: Document) -> list[Who]:
    """Mentions that can react: states, IGOs, NGOs, and people standing for their state or organisation."""
    out: list[Who] = []
    for actor in doc.actors:
        ident = actor.affiliation if actor.kind == "person" else actor.id
        if not ident or ident in UN_BODIES or actor.kind == "media":
            continue
        out += [Who(ident, m.start, m.end) for m in actor.mentions]
    taken = [(w.start, w.end) for w in out]
    for place in find_places(doc.text):
        if place.kind in ("state", "igo") and place.id not in UN_BODIES:
            if not any(place.start < e and s < place.end for s, e in taken):
                out.append(Who(place.id, place.start, place.end))
    return sorted(out, key=lambda w: w.start)


def _non_people(doc: Document) -> set[str]:
    return {a.id for a in doc.actors if a.kind != "person"}


def _cues(text: str) -> list[tuple[str, int]]:
    out = []
    for stance, pattern in CUES:
        for m in pattern.finditer(text):
            if NOT_CUE.search(text[max(0, m.start() - 15) : m.start()]):
                continue  # "did not oppose the text", "refused to support it", "failed to win support"
            out.append((stance, m.start()))
    return out


def _other_object(sdoc, pos: int) -> bool:
    """ "Human Rights Watch condemned the returns" in a sentence about no text or vote: the cue verb has an
    object of its own (a common noun), so it is no reaction to a resolution."""
    span = sdoc.char_span(pos, pos + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) and span[0].idx == pos else None
    if token is None or token.pos_ != "VERB":
        return False
    return any(child.dep_ in ("dobj", "obj") and child.pos_ == "NOUN" for child in token.children)


def _drafters_speaking(text: str, start: int, who: list[Who], sponsors: set[str], cues: list) -> list[tuple[str, int]]:
    """A drafter (or its envoy) who speaks about its text supports it; after the vote, welcomes it."""
    said = SPEECH.search(text)
    if cues or not said:
        return []
    speaker = next((w for w in who if w.id in sponsors and w.start - start < said.start()), None)
    if speaker is None:
        return []
    stance = "welcome" if AFTER_VOTE.search(text) else "support"
    return [(stance, max(speaker.end - start, 0))]


def _abstention_explained(text: str, following: list, cues: list) -> list[tuple[str, int]]:
    """ "Russia abstained after its amendment was voted down. Its deputy envoy said …": the reason comes in the
    next sentence, from its envoy ("Its deputy envoy said"), so the abstention is a concern."""
    abstained = ABSTAINED.search(text)
    if abstained is None or any(stance == "concern" for stance, _ in cues):
        return []
    after = next((s.text for s in following if s.text.strip()), "")
    if SPOKESMAN.match(after) and SPEECH.search(after):
        return [("concern", abstained.start())]
    return []


def _quote_at(doc: Document, pos: int) -> int | None:
    return next((i for i, q in enumerate(doc.quotes) if q.start <= pos < q.end), None)


def _subjects(
    text: str, start: int, cue: int, who: list[Who], previous: list[str], doc: Document, quote: int | None, stance: str
) -> list[str]:
    """Who the cue is about: the actors right before it (a list if coordinated), else the agent after "by",
    else the quote's speaker, else the actor of a pronoun ("Its delegate said")."""
    local = cue - start
    clause_start = max(text.rfind(ch, 0, local) for ch in ".;:") + 1
    before = [w for w in who if start + clause_start <= w.start < cue]
    aside = INSERTED.search(text, clause_start, local)
    if aside and any(w.start < start + aside.start() for w in before):
        # "Britain, which drafted the text with France, welcomed": France is inside the aside, not the subject
        before = [w for w in before if not start + aside.start() <= w.start < start + aside.end()]
    bodies = [b for b in find_bodies(text[clause_start:local], start + clause_start) if b.acting]
    if bodies and (not before or bodies[-1].start > before[-1].start) and not VOTE_CUE.match(text[local:]):
        return []  # "The General Assembly condemned …": the body acts, nobody reacts
    if re.match(r"\w+\s+(?:(?:\w+\s+)?by|from)\s+", text[local : local + 40]):
        after = [w for w in who if w.start >= cue]
        return _agents(text, start, after)  # "rejected by Pyongyang", "opposed only by China and Eritrea"
    if before and _text_is_subject(text, start, before[-1], local):
        return []  # "a text … that condemns the Taliban's restrictions": the text speaks, not a state
    if quote is not None and VOTE_CUE.match(text[local:]):
        return []  # a speaker quoted on how others voted
    if quote is not None and not VOTE_CUE.match(text[local:]):
        q = doc.quotes[quote]
        speaker = q.speaker_affiliation or (q.speaker if q.speaker in _non_people(doc) else None)
        if speaker and speaker not in UN_BODIES and not before:
            return [speaker]
    if before:
        return _coordinated(text, start, before)
    if FRONTED.match(text[: local + 80][: text.find(",", local) + 2] if "," in text[local:] else ""):
        after = [w for w in who if w.start > cue]
        return [after[0].id] if after else []
    if PRONOUN_START.match(text) and previous:
        return previous[:1]
    after = [w for w in who if w.start > cue and SPEECH.search(text[local : w.start - start])]
    return [after[0].id] if after else []


def _text_is_subject(text: str, start: int, actor: Who, local: int) -> bool:
    region = text[actor.end - start : local]
    if TALLY_SUBJECT.search(region):
        return True  # "with 29 countries voting against"
    if re.fullmatch(r"\W*(?:that|which)\s+", region) and RES_NOUN.search(
        text[max(0, actor.start - start - 80) : actor.start - start]
    ):
        return True  # "a text led by the European Union that condemns …", "the resolution on Ukraine, which condemns …"
    return bool(TEXT_SUBJECT.search(region)) and not SPEECH.search(region)


def _coordinated(text: str, start: int, before: list[Who]) -> list[str]:
    """ "Japan and South Korea welcomed": the list of actors that ends closest before the verb."""
    ids = [before[-1].id]
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        glue = text[prev.end - start : nxt.start - start]
        if re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*(?:the\s+)?", glue):
            ids.append(prev.id)
        elif prev.id in ids or re.fullmatch(r"(?:'s|\u2019s)?\s*[\w\s-]{0,40},?\s*", glue):
            continue  # "Russia's delegate, Pavel Orlov," is one actor
        else:
            break
    return list(dict.fromkeys(reversed(ids)))


def _agents(text: str, start: int, after: list[Who]) -> list[str]:
    """ "welcomed by Japan and South Korea": the first actor after "by" and those coordinated with it."""
    if not after:
        return []
    ids = [after[0].id]
    for prev, nxt in zip(after, after[1:], strict=False):
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", text[prev.end - start : nxt.start - start]):
            break
        ids.append(nxt.id)
    return list(dict.fromkeys(ids))


def _adjust(stance: str, ident: str, sponsors: set[str], text: str) -> str:
    """A drafter who speaks supports its text; "abstained" is a concern only when the sentence gives a reason."""
    if ident in sponsors and stance in ("concern", "reject") and not re.search(r"\b(?:abstain|against)", text):
        return "support"
    return stance


def _resolution(resolutions: list[Resolution], ident: str, pos: int) -> int | None:
    """The resolution a reaction is about: the one on the reacting state, else the one last reported before it."""
    for i, res in enumerate(resolutions):
        if res.target == ident:
            return i
    best, best_start = 0, -1
    for i, res in enumerate(resolutions):
        starts = [s.start for s in res.evidence if s.start <= pos]
        if starts and max(starts) > best_start:
            best, best_start = i, max(starts)
    return best
