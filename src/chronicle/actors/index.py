"""The per-document actor index: every mention (names, surnames, pronouns, descriptors) with its actor.

Built once per parsed document and kept on `sdoc.user_data`, so the quote extractor reads the same
resolution `find_actors` returned instead of recomputing it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from chronicle.actors.spans import Quoted, inside
from chronicle.records import Actor

_PREPOSITION = re.compile(r"\b(?:to|at|in|on|for|with|against|about|over|into|before|after|between|among|than"
                          r"|within|during|by|of|from|under|across|through|toward|towards)\s+(?:the\s+|a\s+|an\s+)?$",
                          re.IGNORECASE)
SPEAKER_ROLES = frozenset(["name", "capital", "person", "surname", "pronoun", "descriptor", "demonym"])


@dataclass(slots=True)
class Ref:
    """One mention of an actor. `role`: name, demonym, capital, title (inside a person's title), person,
    surname, pronoun or descriptor."""

    start: int
    end: int
    actor: str
    kind: str
    role: str


@dataclass(slots=True)
class ActorIndex:
    text: str
    actors: dict[str, Actor]
    refs: list[Ref]
    sentences: list[tuple[int, int]]
    quotes: list[Quoted]
    extents: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # person id → title+name spans
    _ref_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _quote_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.refs.sort(key=lambda r: (r.start, -r.end))
        self._ref_starts = [r.start for r in self.refs]
        self._sent_starts = [a for a, _ in self.sentences]
        self._quote_starts = [q.start for q in self.quotes]

    def in_quote(self, pos: int) -> bool:
        return inside(self.quotes, self._quote_starts, pos)

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding `pos` (the one before it when `pos` falls between sentences)."""
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def refs_in(self, a: int, b: int) -> list[Ref]:
        """Mentions lying inside [a, b), in text order."""
        lo = bisect_left(self._ref_starts, a)
        out = []
        for ref in self.refs[lo:]:
            if ref.start >= b:
                break
            if ref.end <= b:
                out.append(ref)
        return out

    def speakers_in(self, a: int, b: int) -> list[Ref]:
        """Mentions in [a, b) that can speak: outside quotation marks, not media, not part of a title."""
        return [r for r in self.refs_in(a, b)
                if r.role in SPEAKER_ROLES and r.kind != "media" and not self.in_quote(r.start)]

    def extent_of(self, ref: Ref) -> tuple[int, int]:
        """The title-and-name span of a person mention (its own span for others)."""
        for a, b in self.extents.get(ref.actor, ()):
            if a <= ref.start and ref.end <= b:
                return a, b
        return ref.start, ref.end

    def before(self, pos: int, accept, limit: int = 200) -> Ref | None:
        """The nearest mention ending before `pos` that `accept(ref)` approves (searching at most `limit`)."""
        k = bisect_left(self._ref_starts, pos) - 1
        seen = 0
        while k >= 0 and seen < limit:
            ref = self.refs[k]
            if ref.end <= pos and accept(ref):
                return ref
            k -= 1
            seen += 1
        return None

    def focus(self, pos: int, accept, back: int = 3, places: bool = False) -> Ref | None:
        """The actor in focus at `pos`: the first accepted mention of the sentence before `pos` that is not the
        object of a preposition (usually its subject), else of the nearest earlier sentence that has one."""
        if not self.sentences:
            return self.before(pos, accept)
        current = self.sentence_at(pos)
        for k in range(current, max(-1, current - back - 1), -1):
            a, b = self.sentences[k]
            for ref in self.refs_in(a, pos if k == current else b):
                place = places and k == current  # "In Tokyo, Foreign Ministry press secretary ..."
                if accept(ref) and not self.in_quote(ref.start) and (place or not _after_preposition(self.text,
                                                                                                    ref.start)):
                    return ref
        return None

    def actor(self, ident: str | None) -> Actor | None:
        return self.actors.get(ident) if ident else None


def _after_preposition(text: str, pos: int) -> bool:
    return bool(_PREPOSITION.search(text, max(0, pos - 20), pos))
