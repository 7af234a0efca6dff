"""The record over time: distinct resolutions by year, one resolution in full, and one actor's timeline.

A distinct resolution is a `cluster_id` of the resolutions table; its fields are the value most of its reports
give (a tie goes to the first stored), its lists the union of its reports' lists.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from chronicle.store import queries, un_votes
from chronicle.store.queries import mode


def _summary_sql(where: str) -> str:
    fields = ", ".join(
        f"{mode(f'm.{c}', 'resolutions', 'cluster_id', 'g')} AS {c}"
        for c in ("year", "body", "target", "session", "date", "status", "adoption", "streak", "symbol")
    )
    tally = mode("m.yes || '-' || m.no || '-' || m.abstain", "resolutions", "cluster_id", "g")
    count = mode("m.cosponsor_count", "resolutions", "cluster_id", "g")
    listed = (
        "(SELECT NULLIF(COUNT(DISTINCT j.value), 0) FROM resolutions m, json_each(m.cosponsors) j"
        " WHERE m.cluster_id = g.cluster_id)"
    )
    return (
        f"SELECT g.cluster_id AS id, {fields}, {tally} AS tally, COALESCE({count}, {listed}) AS cosponsor_count,"
        " COUNT(DISTINCT g.doc_id) AS sources, json_group_array(DISTINCT g.doc_id) AS doc_ids,"
        " json_group_array(DISTINCT COALESCE(d.path, d.url, d.id)) AS paths"
        " FROM resolutions g JOIN documents d ON d.id = g.doc_id"
        f" WHERE g.cluster_id IN (SELECT r.cluster_id FROM resolutions r WHERE {where}) GROUP BY g.cluster_id"
    )


def _summaries(conn: sqlite3.Connection, where: str, params: list) -> list[dict[str, Any]]:
    rows = queries._rows(conn, _summary_sql(where) + " ORDER BY year NULLS LAST, body, target, id", params)
    linked: dict[str, list[str]] = {}
    for cluster_id, undl_id, _ in un_votes.links(conn):
        linked.setdefault(cluster_id, []).append(undl_id)
    for row in rows:
        row["doc_ids"] = sorted(json.loads(row["doc_ids"]))
        row["paths"] = sorted(json.loads(row["paths"]))
        row["un_records"] = sorted(set(linked.get(row["id"], [])))
    return rows


def resolutions(
    conn: sqlite3.Connection, target: str | None = None, body: str | None = None, since: int | None = None
) -> list[dict[str, Any]]:
    """Distinct resolutions by year, oldest first. `target`: a state code; `body`: a part of the body's name
    ("UNGA" is both General Assembly stages); `since`: the first year shown."""
    where, params = ["1"], []
    if target:
        where.append("r.target = ? COLLATE NOCASE")
        params.append(target)
    if body:
        where.append("r.body LIKE ? ESCAPE '\\'")
        params.append(queries.like(body))
    rows = _summaries(conn, " AND ".join(where), params)
    return [r for r in rows if since is None or (r["year"] is not None and r["year"] >= since)]


def resolution_detail(conn: sqlite3.Connection, cluster_id: str) -> dict[str, Any] | None:
    """One distinct resolution: merged fields, every source with its evidence, its other stages, the reactions
    to it and, when UN voting data was imported, the linked UN records with each member state's vote."""
    found = _summaries(conn, "r.cluster_id = ?", [cluster_id])
    if not found:
        return None
    detail = found[0]
    rows = queries._rows(
        conn,
        "SELECT r.*, d.title, d.path, d.url, d.outlet, d.published, d.text AS doc_text FROM resolutions r"
        " JOIN documents d ON d.id = r.doc_id WHERE r.cluster_id = ? ORDER BY d.published, r.rowid",
        (cluster_id,),
    )
    for name in ("sponsors", "cosponsors", "provisions"):
        detail[name] = list(dict.fromkeys(v for r in rows for v in json.loads(r[name])))
    detail["cosponsors"] = [c for c in detail["cosponsors"] if c not in detail["sponsors"]]
    detail["sources"] = [_source(r) for r in rows]
    keys = sorted({r["stage_key"] for r in rows if r["stage_key"]})
    marks = ",".join("?" * len(keys))
    detail["stages"] = (
        _summaries(conn, f"r.stage_key IN ({marks}) AND r.cluster_id != ?", [*keys, cluster_id]) if keys else []
    )
    detail["reactions"] = queries._rows(
        conn,
        "SELECT re.actor, re.stance, re.doc_id, re.idx, q.text AS quote, COALESCE(d.path, d.url) AS path,"
        " d.published FROM reactions re JOIN resolutions r ON r.doc_id = re.doc_id AND r.idx = re.resolution_idx"
        " JOIN documents d ON d.id = re.doc_id LEFT JOIN quotes q ON q.doc_id = re.doc_id AND q.idx = re.quote_idx"
        " WHERE r.cluster_id = ? ORDER BY d.published, re.doc_id, re.idx",
        (cluster_id,),
    )
    detail["un_votes"] = un_votes.linked(conn, cluster_id)
    return detail


def _source(row: dict[str, Any]) -> dict[str, Any]:
    spans = json.loads(row["evidence"])
    return {
        "doc_id": row["doc_id"], "idx": row["idx"], "title": row["title"], "path": row["path"], "url": row["url"],
        "outlet": row["outlet"], "published": row["published"],
        "evidence": [{"start": s, "end": e, "text": row["doc_text"][s:e]} for s, e in spans],
    }


KINDS = ("resolution", "event", "reaction", "quote")  # same date: this order


def timeline(conn: sqlite3.Connection, code: str) -> list[dict[str, Any]]:
    """Everything about one actor, oldest first: resolutions on it, reactions by it or to resolutions on it,
    its (or its people's) quotes, and events it took part in. Each item is dated by the resolution's date
    (else year), the event's date, else the day its article was published; undated items come last."""
    items = []
    for r in resolutions(conn, target=code):
        what = " ".join(str(v) for v in (r["status"], r["adoption"], r["tally"]) if v) or "reported"
        items.append(_item(r["date"] or (r["year"] and str(r["year"])) or _first(conn, r["doc_ids"]), "resolution",
                           r["body"], what, f"resolution on {r['target']}", r["id"], r["sources"], r["paths"][0]))
    for e in queries.events(conn, actor=code, limit=None):
        text = " ".join(v for v in (e["source"], e["type"], e["target"]) if v)
        what = e["type"] + (" (negated)" if e["negated"] else "") + (" (hypothetical)" if e["hypothetical"] else "")
        items.append(_item(e["date"], "event", e["source"], what, text, e["id"], e["num_articles"], None))
    for r in queries._rows(
        conn,
        "SELECT re.actor, re.stance, re.doc_id, q.text AS quote, res.target, COALESCE(d.path, d.url) AS path,"
        " d.published FROM reactions re JOIN documents d ON d.id = re.doc_id"
        " LEFT JOIN resolutions res ON res.doc_id = re.doc_id AND res.idx = re.resolution_idx"
        " LEFT JOIN quotes q ON q.doc_id = re.doc_id AND q.idx = re.quote_idx"
        " WHERE re.actor = ? COLLATE NOCASE OR res.target = ? COLLATE NOCASE",
        (code, code),
    ):
        text = r["quote"] or (f"resolution on {r['target']}" if r["target"] else "")
        items.append(_item(r["published"], "reaction", r["actor"], r["stance"], text, r["doc_id"], 1, r["path"]))
    for q in queries.quotes(conn, actor=code, limit=None):
        items.append(_item(q["date"], "quote", q["speaker_name"] or q["speaker"], q["kind"], q["text"], q["doc_id"],
                           1, q["path"]))
    items.sort(key=lambda i: (i["date"] is None, i["date"] or "", KINDS.index(i["kind"])))
    return items


def _item(date, kind, who, what, text, ident, sources, path) -> dict[str, Any]:
    return {"date": date, "kind": kind, "who": who, "what": what, "text": text, "id": ident, "sources": sources,
            "path": path}


def _first(conn: sqlite3.Connection, doc_ids: list[str]) -> str | None:
    marks = ",".join("?" * len(doc_ids))
    return conn.execute(f"SELECT MIN(published) FROM documents WHERE id IN ({marks})", doc_ids).fetchone()[0]


def reports_by_resolution(conn: sqlite3.Connection, target: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """For every distinct resolution on `target`: the documents reporting it ("sources", oldest first) and the
    reactions to it ("reactions"), in two queries; what `resolution_detail` gives one resolution at a time."""
    inner = "SELECT r.cluster_id FROM resolutions r WHERE r.target = ? COLLATE NOCASE"
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in queries._rows(
        conn,
        "SELECT DISTINCT g.cluster_id, d.id AS doc_id, d.title, COALESCE(d.path, d.url, d.id) AS path, d.url,"
        f" d.outlet, d.published FROM resolutions g JOIN documents d ON d.id = g.doc_id WHERE g.cluster_id IN ({inner})"
        " ORDER BY d.published, d.id",
        (target,),
    ):
        out.setdefault(row.pop("cluster_id"), {"sources": [], "reactions": []})["sources"].append(row)
    for row in queries._rows(
        conn,
        "SELECT r.cluster_id, re.actor, re.stance, re.doc_id, re.idx FROM reactions re JOIN resolutions r"
        f" ON r.doc_id = re.doc_id AND r.idx = re.resolution_idx WHERE r.cluster_id IN ({inner})"
        " ORDER BY re.doc_id, re.idx",
        (target,),
    ):
        out.setdefault(row.pop("cluster_id"), {"sources": [], "reactions": []})["reactions"].append(row)
    return out
