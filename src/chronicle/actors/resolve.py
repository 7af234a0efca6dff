"""find_actors: states, UN bodies, IGOs, NGOs, media and people in one document, with all their mentions.

1. gazetteer names (PhraseMatcher)   2. people and their titles   3. surnames   4. pronouns
5. descriptors   6. one Actor per id, mentions in text order
"""

from __future__ import annotations

import logging
from bisect import bisect_right

from chronicle.actors import coref
from chronicle.actors.gazetteer import by_id
from chronicle.actors.index import ActorIndex, Ref
from chronicle.actors.matcher import find_names
from chronicle.actors.people import FOCUS_ANY, FOCUS_ORG, FOCUS_STATE, PersonMention, find_people
from chronicle.actors.spans import inside, quoted_spans, sentence_spans
from chronicle.actors.vocab import NOT_MILITARY, SECTORS
from chronicle.records import Actor, Document, Mention

LOGGER = logging.getLogger(__name__)
_KEY = "chronicle.actor_index"


def find_actors(doc: Document, sdoc) -> list[Actor]:
    """Every actor of the document, in order of first mention."""
    index = actor_index(doc, sdoc)
    return list(index.actors.values())


def actor_index(doc: Document, sdoc) -> ActorIndex:
    """The document's actor index, built once per parsed document."""
    cached = sdoc.user_data.get(_KEY)  # a Doc's text never changes, so what is kept on it stays true
    if cached is not None:
        return cached
    index = _build(sdoc)
    sdoc.user_data[_KEY] = index
    return index


def _build(sdoc) -> ActorIndex:
    text = sdoc.text
    sentences = sentence_spans(sdoc)
    quotes = quoted_spans(text)
    quote_starts = [q.start for q in quotes]

    def in_quote(pos: int) -> bool:
        return inside(quotes, quote_starts, pos)

    names = find_names(sdoc)
    people = find_people(sdoc, names)
    full = [p for p in people if len(p.name.split()) >= 2]
    singles = [p for p in people if len(p.name.split()) < 2]
    extents = sorted((p.extent_start, p.extent_end, p.start, p.end) for p in people)
    refs = [_gazetteer_ref(f, extents) for f in names]
    person_refs = [Ref(p.start, p.end, p.name, "person", "person") for p in full]
    first_seen: dict[str, int] = {}
    for ref in person_refs:
        first_seen.setdefault(ref.actor, ref.start)
    taken = sorted((p.start, p.end) for p in people) + sorted((f.start, f.end) for f in names)
    taken.sort()
    candidates = [(p.start, p.end, p.name) for p in singles]
    candidates += [(t.idx, t.idx + len(t.text), t.text) for t in sdoc
                   if t.is_alpha and t.text[:1].isupper() and not _covered(taken, t.idx)]
    linked = coref.link_names(person_refs, sorted(set(candidates)), first_seen)
    linked_at = {r.start for r in linked}
    # A single name that is no one's surname is a person of its own ("Guterres said").
    own = [Ref(p.start, p.end, p.name, "person", "person") for p in singles if p.start not in linked_at]
    all_people = sorted(person_refs + linked + own, key=lambda r: r.start)
    sent_starts = [a for a, _ in sentences]
    pronouns = coref.link_pronouns(coref.pronoun_tokens(sdoc, in_quote), all_people, sent_starts)
    refs += all_people + pronouns
    refs += coref.link_descriptors(text, refs, in_quote)
    index = ActorIndex(text, {}, refs, sentences, quotes)
    _resolve_focus(people, index)
    index.actors, index.extents = _actors(text, refs, people, linked)
    return index


def _resolve_focus(people: list[PersonMention], index: ActorIndex) -> None:
    """"its deputy envoy", "the country's UN mission", "the group's researcher": the actor in focus before."""
    kinds = {FOCUS_STATE: ("state",), FOCUS_ORG: ("org", "igo"), FOCUS_ANY: ("state", "igo", "org")}
    for person in people:
        wanted = kinds.get(person.affiliation or "")
        if wanted is None:
            continue
        ref = index.focus(person.extent_start, lambda r, w=wanted: r.kind in w and r.role not in ("title", "demonym"),
                          places=True)
        person.affiliation = ref.actor if ref is not None else None


def _covered(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(spans, (pos, 1 << 60)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _gazetteer_ref(found, extents) -> Ref:
    """A gazetteer name; inside a person's title ("North Korean Ambassador ...") its role is "title"."""
    role = found.entry.form
    k = bisect_right(extents, (found.start, 1 << 60, 0, 0))
    for a, b, name_a, name_b in reversed(extents[max(0, k - 6):k]):
        if found.end <= b and a <= found.start and not (name_a <= found.start < name_b):
            role = "title"
            break
    return Ref(found.start, found.end, found.entry.id, found.entry.kind, role)


def _actors(text: str, refs: list[Ref], people: list[PersonMention], linked: list[Ref]):
    """One Actor per id, in order of first mention; people's titles from any of their mentions."""
    info: dict[str, tuple[str | None, str | None]] = {}
    extents: dict[str, list[tuple[int, int]]] = {}
    owner = {r.start: r.actor for r in linked}
    for person in people:
        ident = owner.get(person.start, person.name)
        title, affiliation = info.get(ident, (None, None))
        info[ident] = (title or person.title, affiliation or person.affiliation)
        extents.setdefault(ident, []).append((person.extent_start, person.extent_end))
    actors: dict[str, Actor] = {}
    for ref in sorted(refs, key=lambda r: r.start):
        actor = actors.get(ref.actor)
        if actor is None:
            actor = actors[ref.actor] = _new_actor(ref, info)
        actor.mentions.append(Mention(ref.start, ref.end, text[ref.start:ref.end]))
    for actor in actors.values():
        if actor.kind == "state":
            own = [r for r in refs if r.actor == actor.id and r.role in ("name", "capital", "descriptor")]
            actor.sector = "GOV" if own else None
    return actors, extents


def _new_actor(ref: Ref, info: dict[str, tuple[str | None, str | None]]) -> Actor:
    if ref.kind == "person":
        title, affiliation = info.get(ref.actor, (None, None))
        entry = by_id(affiliation) if affiliation else None
        sector = "NGO" if entry is not None and entry.kind == "org" else sector_of(title)
        return Actor(ref.actor, "person", ref.actor, entry.country if entry else None, sector, title, affiliation)
    entry = by_id(ref.actor)
    if entry is None:
        return Actor(ref.actor, ref.kind, ref.actor)
    return Actor(entry.id, entry.kind, entry.name, entry.country, entry.sector)


def sector_of(title: str | None) -> str | None:
    """JUD for judges and courts, MIL for generals and the army, GOV for ambassadors, ministers, spokespeople."""
    if not title:
        return None
    words = title.lower().replace("-", " ").split()
    for sector, keys in SECTORS:
        for n, word in enumerate(words):
            if word in keys and not (sector == "MIL" and word == "general" and n and words[n - 1] in NOT_MILITARY):
                return sector
    return None
