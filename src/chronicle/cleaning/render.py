"""The raw text with every removed span marked, for `chronicle show ID --removed`."""

from __future__ import annotations

from chronicle.records import Document


def render_removed(doc: Document) -> str:
    """`doc.raw` with each removal written as `[-reason: text-]` where it stood."""
    out, at = [], 0
    for removal in sorted(doc.removed, key=lambda r: (r.start, r.end)):
        if removal.start < at:  # overlapping spans are not produced; never print text twice if they were
            continue
        out.append(doc.raw[at : removal.start])
        out.append(f"[-{removal.reason}: {doc.raw[removal.start : removal.end]}-]")
        at = removal.end
    out.append(doc.raw[at:])
    return "".join(out)
