"""Who a token names: an actor of the document (`doc.actors` mentions), else a gazetteer name, else a generic agent.

The actors stage resolves names, descriptors ("the communist nation") and pronouns to mentions; this module
only maps parse tokens onto them, and falls back to the gazetteer and to PLOVER sector nouns ("police",
"protesters") so events keep an actor where the actors stage found none.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from chronicle.actors import gazetteer
from chronicle.actors.resolve import actor_index
from chronicle.extract.events.ontology import load_data
from chronicle.records import Actor, Document

NAME_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
STATE_KINDS = frozenset({"state", "igo"})
COLLECTIVE = frozenset({"country", "state", "nation", "member", "government", "delegation", "diplomat", "official"})
PLACE_PREPS = frozenset({"in", "at", "across", "throughout", "inside", "near", "around", "outside"})


@dataclass(slots=True, frozen=True)
class Who:
    """An event participant: canonical id (None for an unnamed generic agent), PLOVER country and sector."""

    id: str | None
    country: str | None
    sector: str | None
    kind: str | None = None
    generic: bool = False

    @property
    def key(self) -> str | None:
        return self.id or self.country


@functools.cache
def _agents() -> dict:
    return load_data("plover_agents.json")


@functools.cache
def sector_nouns() -> dict[str, str]:
    """Generic noun → PLOVER sector code ("police" → COP)."""
    out: dict[str, str] = {}
    for sector, nouns in _agents()["sectors"].items():
        for noun in nouns:
            out.setdefault(noun, sector)
    return out


@functools.cache
def people_nouns() -> frozenset[str]:
    return frozenset(_agents()["people"])


@functools.cache
def group_nouns() -> frozenset[str]:
    return frozenset(_agents()["groups"])


def from_actor(actor: Actor) -> Who:
    country = actor.country
    if actor.kind == "person" and actor.affiliation:
        aff = gazetteer.by_id(actor.affiliation)
        country = country or (aff.country if aff else actor.affiliation)
    sector = actor.sector or ("GOV" if actor.kind in STATE_KINDS else None)
    return Who(actor.id, country, sector, actor.kind)


def from_entry(entry: gazetteer.GazetteerEntry, sector: str | None = None) -> Who:
    return Who(entry.id, entry.country, sector or entry.sector or ("GOV" if entry.form != "demonym" else None),
               entry.kind)


class ActorIndex:
    """Answers "which actor does this token name?" for one document and its parse."""

    def __init__(self, doc: Document, sdoc):
        self.doc = doc
        self.sdoc = sdoc
        spans = sorted((m.start, m.end, a) for a in doc.actors for m in a.mentions)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self.by_id = {a.id: a for a in doc.actors}
        self._focal: str | None | bool = False

    @property
    def focal(self) -> str | None:
        """The state the document is about: its resolution's target, else its most mentioned state."""
        if self._focal is False:
            states = {a.id: a for a in self.doc.actors if a.kind == "state"}
            targets = [r.target for r in self.doc.resolutions
                       if r.target in states or (r.target and len(r.target) == 3)]
            if targets:
                self._focal = targets[0]
            elif states:
                self._focal = max(states.values(), key=lambda a: len(a.mentions)).id
            else:
                self._focal = None
        return self._focal

    def mention(self, token: Token) -> Actor | None:
        """The actor whose mention covers the token."""
        start, end = token.idx, token.idx + len(token.text)
        i = bisect.bisect_right(self._starts, start)
        for s, e, actor in reversed(self._spans[max(0, i - 8) : i]):
            if s <= start and end <= e:
                return actor
        for s, e, actor in self._spans[i : i + 2]:
            if s < end and start < e:
                return actor
        return None

    def named(self, token: Token) -> Who | None:
        """A named actor at this token: a mention, else a gazetteer name of the entity it is part of."""
        actor = self.mention(token)
        if actor is not None:
            who = from_actor(actor)
            if who.kind == "person" and who.country is None and actor.title and self.doc.resolutions and self.focal:
                # an official ("President X") the actors stage could not place: of the state the text is on
                who = Who(who.id, self.focal, who.sector, who.kind)
            return who
        if token.ent_type_ in NAME_LABELS:
            ent = _entity(token)
            if ent is not None:
                entry = gazetteer.lookup(ent.text)
                if entry is not None:
                    return from_entry(entry)
                if ent.label_ == "PERSON" and not self.doc.actors:
                    return Who(ent.text, None, None, "person")
        if token.pos_ == "PROPN" or token.text[:1].isupper():
            entry = gazetteer.lookup(token.text)
            if entry is not None:
                return from_entry(entry)
        return None

    def who(self, token: Token, depth: int = 0) -> Who | None:
        """The participant a noun phrase headed by `token` names, looking into its modifiers."""
        named = self.named(token)
        if named is not None:
            return named
        if token.pos_ == "NOUN":
            for child in token.children:  # "its deputy regional director, Jonas Lindahl,": the name is the noun's
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    found = self.named(child)
                    if found is not None and found.kind in ("person", "org", "igo"):
                        return found
        lemma = token.lemma_.lower()
        if lemma in group_nouns() or token.lower_ in group_nouns():
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.who(pobj, depth + 1)
        sector = sector_nouns().get(lemma) or sector_nouns().get(token.lower_)
        owner = self._owner(token, depth) if depth < 3 else None
        if owner is not None:
            if sector and owner.kind in STATE_KINDS:
                return Who(owner.id, owner.country, sector, owner.kind)
            if sector or token.pos_ in ("PROPN",) or owner.kind != "person":
                return owner
        if not sector and (lemma in people_nouns() or token.lower_ in people_nouns()) and token.pos_ == "NOUN":
            sector = "CVL"  # "political prisoners", "civilians": people of the place the sentence is about
        if sector and lemma in COLLECTIVE and token.tag_ in ("NNS", "NNPS"):
            return None  # "countries", "member states": many states, none of them named
        if sector:
            country = self.place_country(token)
            return Who(country, country, sector, None, generic=True)
        return None

    def _owner(self, token: Token, depth: int) -> Who | None:
        """A named modifier: "Israeli troops", "China's foreign ministry", "government of Iran", "diplomats from
        EU member states"."""
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ == "whose" and token.head.dep_ == "relcl":
                found = self.who(token.head.head, depth + 1)  # "ASEAN, whose foreign ministers met"
                if found is not None:
                    return found
            if child.dep_ in MODIFIER_DEPS and child.pos_ in ("PROPN", "ADJ", "NOUN", "PRON"):
                found = self.who(child, depth + 1) if child.pos_ != "PRON" else self.pronoun_mention(child)
                if found is None and child.lower_ in ("its", "their") and not any(
                        t.pos_ in ("NOUN", "PROPN") for t in token.doc[token.sent.start : child.i]):
                    found = self.in_focus(child)  # "Russia did not take part. Its foreign ministry condemned ..."
                if found is not None and not found.generic:
                    return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):  # "activists from Amnesty International"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.named(pobj)
                        if found is None and child.lower_ == "from" and depth < 3:
                            found = self.who(pobj, depth + 1)  # "diplomats from several EU member states"
                            found = None if found is None or found.generic else found
                        if found is not None and not (child.lower_ == "from" and self._origin(token, found)):
                            return found
        return None

    @staticmethod
    def _origin(token: Token, found: Who) -> bool:
        """ "refugees from Bangladesh" says where people came from, not whom they act for (as officials do)."""
        lemma = token.lemma_.lower()
        sector = sector_nouns().get(lemma)
        if sector is None and lemma not in people_nouns():
            return True  # "the return of refugees from Bangladesh": a place, the noun is no agent
        return found.kind == "state" and lemma in people_nouns() and sector not in ("GOV", "MIL", "COP")

    def coordinated(self, token: Token) -> list[Who]:
        """Coordinated named modifiers of one head: "U.S. and South Korean forces" → USA, KOR (as MIL)."""
        sector = sector_nouns().get(token.lemma_.lower())
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS and child.conjuncts:
                found = [self.named(t) for t in (child, *child.conjuncts)]
                found = [w for w in found if w is not None]
                if len(found) >= 2:
                    return [Who(w.id, w.country, sector or w.sector, w.kind) if w.kind in STATE_KINDS else w
                            for w in found]
        return []

    def in_focus(self, token: Token) -> Who | None:
        """The state or body in focus where the token stands (the subject of its sentence or of the one before),
        as the actors stage reads "its" for a speaker."""
        refs = actor_index(self.doc, self.sdoc)
        ref = refs.focus(token.idx, lambda r: r.kind in ("state", "igo", "org") and r.role not in ("title", "demonym"),
                         back=2)
        actor = self.by_id.get(ref.actor) if ref is not None else None
        return from_actor(actor) if actor is not None else None

    def pronoun_mention(self, token: Token) -> Who | None:
        actor = self.mention(token)
        return from_actor(actor) if actor is not None else None

    def place_country(self, token: Token) -> str | None:
        """The state where a generic agent acts: a place the sentence names ("police in Nairobi" → KEN), else
        the state the document is about."""
        for tok in token.sent:
            if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS and tok.pos_ == "PROPN" \
                    and not _aside(tok, token):
                found = self.named(tok)
                if found is not None and found.kind == "state" and found.country:
                    return found.country
        return self.focal

    def is_people(self, token: Token) -> bool:
        """Whether a noun phrase denotes people (the object of an arrest, a deportation, a release)."""
        lemma = token.lemma_.lower()
        if lemma in people_nouns() or token.lower_ in people_nouns():
            return True
        if token.ent_type_ in ("NORP", "PERSON"):
            return True
        actor = self.mention(token)
        return actor is not None and actor.kind == "person"


def _aside(place: Token, token: Token) -> bool:
    """Whether a place lies in a relative clause the token is not in: "ASEAN, whose ministers met in Jakarta,
    has barred the junta's leaders" does not put the leaders in Indonesia."""
    for node in [place, *place.ancestors]:
        if node.dep_ == "relcl":
            return node is not token and node not in token.ancestors
    return False


def _entity(token: Token) -> SpacySpan | None:
    for ent in token.sent.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None
