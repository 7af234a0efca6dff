"""Names of states, UN bodies, IGOs, NGOs and news media, mapped to canonical actor ids (docs/ids.md).

The data is package data (data/gazetteer.json, built by scripts/build_gazetteer.py); pycountry is not needed here.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources


@dataclass(slots=True, frozen=True)
class GazetteerEntry:
    """What a surface form names. `form` says how it was written: name, demonym, capital (or
    an office standing for its state: "State Department", "Pentagon") or place (a city or region: only where)."""

    id: str
    kind: str  # state | igo | org | media
    name: str
    country: str | None  # PLOVER code: ISO3, UNO, EUR, IGO, NGO
    sector: str | None
    form: str = "name"


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " "})
_LEADING = re.compile(r"^(?:the\s+)?(?:\d+[-\s](?:member|nation|country|strong)\s+)?", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$")
_DOTTED = re.compile(r"\b((?:[A-Za-z]\.){2,})")


def _undot(match: re.Match) -> str:
    return match.group(1).replace(".", "")


def normalize(name: str) -> str:
    """The key a surface form is stored and looked up under: apostrophes, spacing, "the", "'s", "U.N." → "UN"."""
    text = re.sub(r"\s+", " ", name.translate(_APOSTROPHES)).strip(" \t\n,.;:!?()[]\"")
    text = _DOTTED.sub(_undot, text)
    text = _LEADING.sub("", text, count=1)
    return _POSSESSIVE.sub("", text).strip()


def is_acronym(key: str) -> bool:
    """Acronyms ("US", "EU", "CoE") match only as written, so "us" or "Eu" never do."""
    return " " not in key and len(key) <= 6 and sum(c.isupper() for c in key) >= 2


@dataclass(slots=True)
class Gazetteer:
    version: str
    exact: dict[str, GazetteerEntry]
    folded: dict[str, GazetteerEntry]
    forms: list[tuple[str, GazetteerEntry]]

    def lookup(self, name: str) -> GazetteerEntry | None:
        if not name:
            return None
        key = normalize(name)
        hit = self.exact.get(key)
        if hit is not None or not key or is_acronym(key):
            return hit
        # A lower-case single word ("us", "china", "turkey", "amnesty") is an ordinary word, not a name.
        if key.islower() and " " not in key:
            return None
        hit = self.folded.get(key.casefold())
        if hit is None and key.endswith("s"):
            # "North Koreans", "Filipinos": plural demonyms name the people of a state.
            plural = self.folded.get(key[:-1].casefold())
            hit = plural if plural is not None and plural.form == "demonym" else None
        return hit


@functools.cache
def load() -> Gazetteer:
    """The packaged gazetteer, read once per process."""
    raw = json.loads(resources.files("chronicle.actors").joinpath("data/gazetteer.json").read_text("utf-8"))
    exact: dict[str, GazetteerEntry] = {}
    folded: dict[str, GazetteerEntry] = {}
    forms: list[tuple[str, GazetteerEntry]] = []
    for item in raw["entries"]:
        demonym_sector = None  # "North Korean defectors" are not the government; context decides the sector
        variants = [("name", item["sector"], item["names"]), ("demonym", demonym_sector, item["demonyms"]),
                    ("capital", "GOV" if item["kind"] == "state" else item["sector"], item["capitals"])]
        # Offices stand for their state like a capital ("the Pentagon said", MIL); places only say where.
        variants += [("capital", sector, forms) for sector, forms in item.get("offices", {}).items()]
        variants.append(("place", None, item.get("places", [])))
        for form, sector, surfaces in variants:
            entry = GazetteerEntry(item["id"], item["kind"], item["name"], item["country"], sector, form)
            for surface in surfaces:
                key = normalize(surface)
                # Names win over demonyms and capitals written the same way (first writer keeps the key).
                exact.setdefault(key, entry)
                if not is_acronym(key):
                    folded.setdefault(key.casefold(), entry)
                forms.append((surface, entry))
    return Gazetteer(raw["version"], exact, folded, forms)


def lookup(name: str) -> GazetteerEntry | None:
    """The entry `name` refers to ("South Korea's", "the U.N. General Assembly", "Pyongyang"), or None."""
    return load().lookup(name)


def surface_forms() -> Iterator[tuple[str, GazetteerEntry]]:
    """Every surface form as written in the data, with its entry (for building phrase matchers)."""
    return iter(load().forms)


def version() -> str:
    return load().version


def by_id(ident: str) -> GazetteerEntry | None:
    """The canonical entry (form "name") for an actor id."""
    return _ids().get(ident)


@functools.cache
def _ids() -> dict[str, GazetteerEntry]:
    out: dict[str, GazetteerEntry] = {}
    for _, entry in load().forms:
        if entry.form == "name":
            out.setdefault(entry.id, entry)
    return out
