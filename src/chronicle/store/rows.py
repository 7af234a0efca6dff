"""Map a Document and its records to table rows (and back, for the record format)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from chronicle.merge import resolutions as resolutions_merge
from chronicle.records import Document


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _spans(spans) -> str:
    return _json([[s.start, s.end] for s in spans])


def record_rows(doc: Document) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every row this document contributes, table by table, in insertion order."""
    s = doc.source
    documents = [
        {
            "id": doc.id, "path": s.path, "url": s.url, "title": s.title, "outlet": s.outlet,
            "author": s.author, "published": s.published, "last_updated": s.last_updated,
            "raw": doc.raw, "text": doc.text, "duplicate_of": doc.duplicate_of,
        }
    ]
    removed = [{"doc_id": doc.id, "start": r.start, "end": r.end, "reason": r.reason} for r in doc.removed]
    actors = [
        {
            "doc_id": doc.id, "idx": i, "actor_id": a.id, "kind": a.kind, "name": a.name,
            "country": a.country, "sector": a.sector, "title": a.title, "affiliation": a.affiliation,
            "mentions": _json([[m.start, m.end, m.text] for m in a.mentions]),
        }
        for i, a in enumerate(doc.actors)
    ]
    quotes = [
        {"doc_id": doc.id, "idx": i, **dataclasses.asdict(q)}
        for i, q in enumerate(doc.quotes)
    ]
    resolutions = []
    for i, r in enumerate(doc.resolutions):
        votes = r.votes or {}
        resolutions.append(
            {
                "doc_id": doc.id, "idx": i,
                "cluster_id": resolutions_merge.resolution_key(r) or f"{doc.id}:{i}",
                "stage_key": resolutions_merge.stage_key(r),
                "body": r.body, "target": r.target, "session": r.session, "year": r.year,
                "date": r.date, "status": r.status, "adoption": r.adoption,
                "yes": votes.get("yes"), "no": votes.get("no"), "abstain": votes.get("abstain"),
                "sponsors": _json(r.sponsors), "cosponsors": _json(r.cosponsors),
                "cosponsor_count": r.cosponsor_count, "streak": r.streak,
                "provisions": _json(r.provisions), "symbol": r.symbol, "evidence": _spans(r.evidence),
            }
        )
    reactions = [
        {
            "doc_id": doc.id, "idx": i, "actor": r.actor, "stance": r.stance,
            "resolution_idx": r.resolution, "quote_idx": r.quote, "evidence": _spans(r.evidence),
        }
        for i, r in enumerate(doc.reactions)
    ]
    events = [
        {
            "doc_id": doc.id, "idx": i, "cluster_id": f"{doc.id}:{i}",
            "type": e.type, "mode": e.mode, "context": _json(e.context),
            "source": e.source, "target": e.target,
            "source_country": e.source_country, "target_country": e.target_country,
            "source_sector": e.source_sector, "target_sector": e.target_sector,
            "date": e.date, "cameo": e.cameo, "negated": int(e.negated), "hypothetical": int(e.hypothetical),
            "confidence": e.confidence, "quote_idx": e.quote, "evidence": _spans(e.evidence),
        }
        for i, e in enumerate(doc.events)
    ]
    return [
        ("documents", documents), ("removed", removed), ("actors", actors), ("quotes", quotes),
        ("resolutions", resolutions), ("reactions", reactions), ("events", events),
    ]
