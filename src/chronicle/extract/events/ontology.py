"""PLOVER's event types, modes and contexts, and the CAMEO code for each (type, mode), from plover_ontology.json."""

from __future__ import annotations

import functools
import json
from importlib import resources

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


def load_data(name: str) -> dict:
    """One of the package's JSON data files in chronicle/extract/data."""
    return json.loads(resources.files("chronicle.extract").joinpath("data", name).read_text(encoding="utf-8"))


@functools.cache
def ontology() -> dict:
    return load_data("plover_ontology.json")


def types() -> tuple[str, ...]:
    """The 16 PLOVER event types, in the manual's order."""
    return tuple(ontology()["types"])


def modes(event_type: str) -> tuple[str, ...]:
    return tuple(ontology()["types"][event_type]["modes"])


def contexts() -> tuple[str, ...]:
    return tuple(ontology()["contexts"])


def quad(event_type: str) -> str:
    return ontology()["types"][event_type]["quad"]


def cameo(event_type: str, mode: str | None = None) -> str:
    """The CAMEO code for a type and mode: the mode's code where it has one, else the type's."""
    entry = ontology()["types"][event_type]
    if mode and mode in entry["modes"]:
        return entry["modes"][mode]["cameo"]
    return entry["cameo"]


def is_valid(event_type: str, mode: str | None = None, context: list[str] | None = None) -> bool:
    """Whether a type, mode and contexts are all PLOVER vocabulary."""
    entry = ontology()["types"].get(event_type)
    if entry is None or (mode is not None and mode not in entry["modes"]):
        return False
    return all(c in ontology()["contexts"] for c in context or [])
