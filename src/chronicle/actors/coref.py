"""Later mentions: surnames, personal pronouns and descriptors ("the communist nation") resolved to actors.

All three work by recency within the article: a surname goes to the person of that name mentioned most
recently (its first mention when none came before), a pronoun to the person who was the subject of
attention in the nearest earlier sentence, a descriptor to the compatible state or body most recently in focus.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from chronicle.actors.index import Ref
from chronicle.actors.vocab import (
    ADJECTIVE_STATES,
    BODY_NOUNS,
    PERSONAL_PRONOUNS,
    REGIME_STATES,
    STATE_NOUNS,
)

_DESCRIPTOR = re.compile(
    r"\b[Tt]he\s+((?:[a-z][a-z-]*\s+){0,2})(" + "|".join(sorted(STATE_NOUNS | set(BODY_NOUNS))) + r"|North|South"
    r"|Assembly|Committee|Council|Court|Commission|Panel)\b(?!\s+[A-Z])(?!\s+of\b)"
)
_KOREAN = frozenset(["PRK", "KOR"])
_MAX_BACK = 80
_PRONOUN_SENTENCES = 4


def link_names(people: list[Ref], tokens: list[tuple[int, int, str]], first_seen: dict[str, int]) -> list[Ref]:
    """Surname (or given-name) mentions → the full-name person most recently mentioned, else the next one.

    `people` are full-name mentions in text order; `tokens` are (start, end, text) of candidate single words.
    """
    parts: dict[str, list[str]] = {}
    for ref in people:
        words = ref.actor.split()
        # Family names may be two letters ("Ri", "Yu"); given names must be longer to count.
        for word in {words[0], words[-1]}:
            if (len(word) >= 3 or word == words[0] and len(word) == 2) and ref.actor not in parts.setdefault(word, []):
                parts[word].append(ref.actor)
    events = sorted([(r.start, 0, r) for r in people] + [(a, 1, (a, b, w)) for a, b, w in tokens if w in parts],
                    key=lambda e: (e[0], e[1]))
    last: dict[str, int] = {}
    linked = []
    for pos, what, item in events:
        if what == 0:
            last[item.actor] = pos
            continue
        a, b, word = item
        candidates = parts[word]
        seen = [c for c in candidates if c in last]
        if seen:
            chosen = max(seen, key=lambda c: last[c])
        else:
            chosen = min(candidates, key=lambda c: first_seen.get(c, 1 << 60))
        last[chosen] = pos
        linked.append(Ref(a, b, chosen, "person", "surname"))
    return linked


def link_pronouns(pronouns: list[tuple[int, int, str]], persons: list[Ref], sent_starts: list[int]) -> list[Ref]:
    """he/she/his/her → the nearest earlier person in the sentence, else the first person of the nearest
    earlier sentence that names one (the subject is usually named first)."""
    if not persons:
        return []
    persons = sorted(persons, key=lambda r: r.start)
    starts = [r.start for r in persons]
    by_sentence: dict[int, Ref] = {}
    for ref in persons:
        by_sentence.setdefault(bisect_right(sent_starts, ref.start) - 1, ref)
    out = []
    for a, b, _word in pronouns:
        sentence = bisect_right(sent_starts, a) - 1
        k = bisect_right(starts, a) - 1
        chosen = None
        if k >= 0 and bisect_right(sent_starts, persons[k].start) - 1 == sentence:
            chosen = persons[k]
        else:
            for back in range(1, _PRONOUN_SENTENCES + 1):
                chosen = by_sentence.get(sentence - back)
                if chosen is not None:
                    break
        if chosen is not None:
            out.append(Ref(a, b, chosen.actor, "person", "pronoun"))
    return out


def link_descriptors(text: str, refs: list[Ref], in_quote) -> list[Ref]:
    """"the communist nation", "the country", "the regime", "the North", "the committee" → the compatible
    state or body most recently in focus."""
    ordered = sorted((r for r in refs if r.kind in ("state", "igo")), key=lambda r: r.start)
    starts = [r.start for r in ordered]
    korean = any(r.actor in _KOREAN for r in ordered)
    taken = [(r.start, r.end) for r in ordered]
    out = []
    for match in _DESCRIPTOR.finditer(text):
        a, b = match.span()
        if in_quote(a) or _covered(taken, starts, match.start(2)):
            continue
        adjectives = match.group(1).split()
        noun = match.group(2)
        actor = None
        if noun in ("North", "South"):
            if korean and not adjectives:
                actor = "PRK" if noun == "North" else "KOR"
        elif noun.lower() in BODY_NOUNS:
            actor = _recent(ordered, starts, a, lambda r, ids=BODY_NOUNS[noun.lower()]: r.actor in ids)
        elif noun in STATE_NOUNS and (noun not in ("state", "republic", "administration") or adjectives):
            actor = _state(ordered, starts, a, adjectives, noun)
        if actor is not None:
            out.append(Ref(a, b, actor, "state" if len(actor) == 3 and actor.isupper() else "igo", "descriptor"))
    return out


def _covered(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _state(ordered: list[Ref], starts: list[int], pos: int, adjectives: list[str], noun: str) -> str | None:
    allowed = None
    for adjective in adjectives:
        if adjective in ADJECTIVE_STATES:
            allowed = ADJECTIVE_STATES[adjective] if allowed is None else allowed & ADJECTIVE_STATES[adjective]
    states = (lambda r: r.kind == "state") if allowed is None else (lambda r: r.actor in allowed)
    if noun in ("regime", "dictatorship") and allowed is None:
        preferred = _recent(ordered, starts, pos, lambda r: r.actor in REGIME_STATES)
        if preferred is not None:
            return preferred
    return _recent(ordered, starts, pos, states)


def _recent(ordered: list[Ref], starts: list[int], pos: int, accept) -> str | None:
    k = bisect_right(starts, pos) - 1
    stop = max(-1, k - _MAX_BACK)
    while k > stop:
        if ordered[k].end <= pos and accept(ordered[k]):
            return ordered[k].actor
        k -= 1
    return None


def pronoun_tokens(sdoc, in_quote) -> list[tuple[int, int, str]]:
    """Personal pronouns outside quotation marks (inside them "he" is whoever the speaker meant)."""
    return [(t.idx, t.idx + len(t.text), t.lower_) for t in sdoc
            if t.lower_ in PERSONAL_PRONOUNS and not in_quote(t.idx)]
