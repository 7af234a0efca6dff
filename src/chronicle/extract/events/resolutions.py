"""What the resolutions stage found, used by events: which body adopted the text on which state."""

from __future__ import annotations

from chronicle.actors import gazetteer
from chronicle.records import Document, Event

ADOPTED = (None, "adopted")


def main_resolution(doc: Document) -> tuple[str | None, str | None]:
    """The body and target of the document's first resolution that has both, for "the resolution" mentions."""
    for res in doc.resolutions:
        if res.body or res.target:
            return res.body, res.target
    return None, None


def _country(ident: str | None) -> str | None:
    if not ident:
        return None
    entry = gazetteer.by_id(ident)
    return entry.country if entry else ident


def seed(doc: Document, events: list[Event]) -> list[Event]:
    """Give events whose source is the UN in general the body that adopted the resolution on their target."""
    bodies = {r.target: r.body for r in doc.resolutions if r.body and r.target and r.status in ADOPTED}
    for ev in events:
        if ev.source == "UN" and ev.target in bodies:
            ev.source = bodies[ev.target]
    return events
