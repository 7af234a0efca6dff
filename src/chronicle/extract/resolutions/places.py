"""States, regions and IGOs named in a text, with offsets (data/resolution_places.json, then the actor gazetteer
and pycountry's names).

Targets need more than the actor gazetteer gives: a resolution on Crimea is about Ukraine, one on the
Rohingya about Myanmar. Names match as written (case-sensitive), so "china" or "turkey" never do.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

import pycountry
from retrie.trie import Trie

from chronicle.actors import gazetteer

# IGOs and NGOs that sponsor texts or react to them; UN bodies are found by bodies.py, media are never actors here.
ACTOR_IGOS = {"EU", "OIC", "ASEAN", "AU", "NATO", "G7", "OSCE", "COE", "LAS", "GCC", "HRW", "AMNESTY", "ICC", "ICJ"}


@dataclass(slots=True, frozen=True)
class Place:
    id: str
    kind: str  # state | region | igo
    start: int
    end: int
    text: str


@functools.cache
def _table() -> dict[str, tuple[str, str]]:
    raw = json.loads(resources.files("chronicle.extract").joinpath("data/resolution_places.json").read_text("utf-8"))
    table: dict[str, tuple[str, str]] = {}
    for ident, names in raw["igos"].items():
        for name in names:
            table.setdefault(name, (ident, "igo"))
    for name, ident in raw["regions"].items():
        table.setdefault(name, (ident, "region"))
    for ident, names in raw["states"].items():
        for name in names:
            table.setdefault(name, (ident, "state"))
    for surface, entry in gazetteer.surface_forms():
        if entry.kind == "state":
            table.setdefault(surface, (entry.id, "state"))
            if entry.form == "demonym" and not surface.endswith("s"):
                table.setdefault(surface + "s", (entry.id, "state"))
        elif entry.id in ACTOR_IGOS:
            table.setdefault(surface, (entry.id, "igo"))
    for country in pycountry.countries:
        for name in (getattr(country, "common_name", None), country.name):
            # "Korea, Republic of" and the like are never written that way in news
            if name and "," not in name and "(" not in name:
                table.setdefault(name, (country.alpha_3, "state"))
    return table


@functools.cache
def _pattern() -> re.Pattern:
    # A trie of the names as one regex: at each position it tries the longest name first, as an alternation
    # sorted longest-first would, but without trying thousands of alternatives one by one.
    trie = Trie()
    for name in _table():
        trie.add(name)
    return re.compile(r"(?<![\w.])(" + trie.pattern() + r")(?![\w])")


def _normal(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def find_places(text: str, offset: int = 0) -> list[Place]:
    """Every state, region or IGO name in `text`; offsets are shifted by `offset`."""
    table = _table()
    out = []
    for m in _pattern().finditer(_normal(text)):
        ident, kind = table[m.group(1)]
        out.append(Place(ident, kind, m.start() + offset, m.end() + offset, m.group(1)))
    return out


def place_id(name: str) -> str | None:
    """The id of one name as written ("South Korea", "Crimea"), or None."""
    hit = _table().get(_normal(name).strip())
    return hit[0] if hit else None
