"""Read-only questions the CLI and the web app ask of the store. Each returns plain dicts."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from chronicle.records import Document, Removal, Source


def _rows(conn: sqlite3.Connection, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params)]


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    one = conn.execute(
        "SELECT COUNT(*) AS documents, COUNT(duplicate_of) AS near_duplicates, COUNT(DISTINCT outlet) AS outlets,"
        " MIN(published) AS first, MAX(published) AS last FROM documents"
    ).fetchone()
    out = dict(one)
    for table in ("removed", "actors", "quotes", "resolutions", "reactions", "events"):
        out[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    out["distinct_resolutions"] = conn.execute("SELECT COUNT(DISTINCT cluster_id) FROM resolutions").fetchone()[0]
    out["distinct_events"] = conn.execute("SELECT COUNT(DISTINCT cluster_id) FROM events").fetchone()[0]
    out["removed_by_reason"] = dict(
        conn.execute("SELECT reason, COUNT(*) FROM removed GROUP BY reason ORDER BY COUNT(*) DESC").fetchall()
    )
    return out


_FTS_TERM = re.compile(r"\w[\w'-]*", re.UNICODE)


# A search for a provision's name also finds the phrasings the resolution extractor reads as that provision
# (extract/resolutions/provisions.py): news says "not to forcibly repatriate" far more often than the term.
# The index stems words (porter), so "forcibly repatriate" also finds "forcibly repatriated".
_CONCEPTS = {
    "non refoulement": ['"refoulement"', '"forcibly repatriate"', '"forcibly return"', '"forcibly deport"',
                        '"forced repatriation"', '"forced return"'],  # fmt: skip
    "icc referral": ['"icc referral"', '"international criminal court"', '"refer" AND "icc"'],
}


def fts_query(text: str) -> str:
    """User text as an FTS5 query of quoted terms, so punctuation can never be FTS syntax; a provision's name
    becomes the phrasings that express it."""
    terms = _FTS_TERM.findall(text)
    concept = " ".join(t.lower().replace("-", " ") for t in terms)
    if concept in _CONCEPTS:
        return " OR ".join(f"({phrase})" for phrase in _CONCEPTS[concept])
    return " ".join('"' + t.replace('"', "") + '"' for t in terms)


# One MATCH (a provision's phrasings joined by OR), in two passes: first the page of hits by bm25 rank (rowid breaks
# ties, so pages never overlap), read from the index alone; then title, path and snippet for that page only. Asked in
# one pass, SQLite read every hit's document row before sorting and made snippets for the rows an OFFSET skips (at
# 20,000 documents: 2 to 3 times slower on a first page, more on later ones). The second pass scans the MATCH again
# without ranking (cheap) and keeps the page's rows: a MATCH with `rowid = ?` per row re-reads the doclists of every
# phrase each time, slower for a provision's six phrasings.
_SEARCH = (
    "WITH page AS (SELECT rowid AS hit, bm25(documents_fts) AS score FROM documents_fts"
    " WHERE documents_fts MATCH :match ORDER BY score, rowid LIMIT :limit OFFSET :offset)"
    " SELECT d.id, d.title, d.path, d.url, d.outlet, d.published,"
    " snippet(documents_fts, 1, '[', ']', ' … ', 16) AS snippet, page.score"
    " FROM documents_fts CROSS JOIN page CROSS JOIN documents d"
    " WHERE documents_fts MATCH :match AND page.hit = documents_fts.rowid AND d.rowid = page.hit"
    " ORDER BY page.score, page.hit"
)


def search(conn: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Documents matching `query` (see fts_query), best bm25 first, each with a snippet marking the matches [so]."""
    match = fts_query(query)
    if not match:
        return []
    return _rows(conn, _SEARCH, {"match": match, "limit": limit, "offset": offset})


def document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    """A stored document rebuilt as a Document (records are read from their tables)."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    src = Source(**{k: row[k] for k in ("path", "url", "title", "outlet", "author", "published", "last_updated")})
    doc = Document(id=row["id"], raw=row["raw"], source=src, text=row["text"], duplicate_of=row["duplicate_of"])
    doc.removed = [
        Removal(r["start"], r["end"], r["reason"])
        for r in conn.execute('SELECT start, "end", reason FROM removed WHERE doc_id = ? ORDER BY start', (doc_id,))
    ]
    return doc


def records_of(conn: sqlite3.Connection, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every record found in one document, as stored."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in ("actors", "quotes", "resolutions", "reactions", "events"):
        rows = _rows(conn, f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY idx", (doc_id,))
        out[table] = [_decode(r) for r in rows]
    return out


_JSON_COLUMNS = {"mentions", "sponsors", "cosponsors", "provisions", "evidence", "context"}


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (json.loads(v) if k in _JSON_COLUMNS and isinstance(v, str) else v) for k, v in row.items()}


# --- listings across documents (chronicle quotes, actors, events) ---------------------------------------------

ACTOR_KINDS = ("state", "igo", "person", "org", "media")


def like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally (use ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def mode(expr: str, table: str, key: str, outer: str) -> str:
    """SQL for the most common non-null `expr` (over rows aliased m) among the rows sharing `key` with `outer`;
    a tie goes to the value stored first, as merge.resolutions does."""
    return (
        f"(SELECT {expr} FROM {table} m WHERE m.{key} = {outer}.{key} AND {expr} IS NOT NULL"
        f" GROUP BY {expr} ORDER BY COUNT(*) DESC, MIN(m.rowid) LIMIT 1)"
    )


# A quote has no date of its own: the day its article was published, else the first date a resolution in it has.
QUOTE_DATE = (
    "COALESCE(d.published, (SELECT r.date FROM resolutions r WHERE r.doc_id = q.doc_id AND r.date IS NOT NULL"
    " ORDER BY r.idx LIMIT 1))"
)


def quotes(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    actor: str | None = None,
    search: str | None = None,
    since: str | None = None,
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Quotes, newest first. `speaker`: a part of the speaker's name or the speaker's id; `actor`: the speaker's
    id or affiliation; `search`: every word appears in the quote; `since`: YYYY[-MM[-DD]], the quote's date."""
    where, params = [], []
    if speaker:
        where.append("(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker = ? COLLATE NOCASE)")
        params += [like(speaker), speaker]
    if actor:
        where.append("(q.speaker = ? COLLATE NOCASE OR q.speaker_affiliation = ? COLLATE NOCASE)")
        params += [actor, actor]
    for term in _FTS_TERM.findall(search or ""):
        where.append("q.text LIKE ? ESCAPE '\\'")
        params.append(like(term))
    if since:
        where.append(f"{QUOTE_DATE} >= ?")
        params.append(since)
    sql = (
        f"SELECT {QUOTE_DATE} AS date, q.speaker_name, q.speaker_title, q.speaker_affiliation, q.speaker, q.kind,"
        " q.text, q.cue, q.doc_id, q.idx, COALESCE(d.path, d.url) AS path, d.url, d.outlet"
        " FROM quotes q JOIN documents d ON d.id = q.doc_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY date DESC NULLS LAST, q.doc_id, q.idx LIMIT ?"
    )
    return _rows(conn, sql, [*params, -1 if limit is None else limit])


def actors(conn: sqlite3.Connection, kind: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    """Distinct actors across documents, most widely reported first, with the name, title and affiliation most
    documents give them."""
    sql = (
        _ACTOR_SELECT
        + (" WHERE a.kind = ?" if kind else "")
        + " GROUP BY a.actor_id, a.kind ORDER BY documents DESC, mentions DESC, a.actor_id LIMIT ?"
    )
    return _rows(conn, sql, [*([kind] if kind else []), -1 if limit is None else limit])


def actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any] | None:
    """One actor as `actors` lists it (matched without regard to case); None when no document names it.
    An id used with two kinds gives the kind most documents give it."""
    sql = (
        _ACTOR_SELECT
        + " WHERE a.actor_id = ? COLLATE NOCASE"
        + " GROUP BY a.actor_id, a.kind ORDER BY documents DESC, mentions DESC, a.actor_id LIMIT 1"
    )
    rows = _rows(conn, sql, (actor_id,))
    return rows[0] if rows else None


_ACTOR_FIELDS = ", ".join(
    f"{mode(f'm.{col}', 'actors', 'actor_id', 'a')} AS {col}" for col in ("name", "country", "title", "affiliation")
)
_ACTOR_SELECT = (
    f"SELECT a.actor_id AS id, a.kind, {_ACTOR_FIELDS}, SUM(json_array_length(a.mentions)) AS mentions,"
    " COUNT(DISTINCT a.doc_id) AS documents FROM actors a"
)


def _event_fields(outer: str = "g") -> str:
    cols = ("type", "mode", "cameo", "source", "target", "source_country", "target_country")
    return ", ".join(f"{mode(f'm.{c}', 'events', 'cluster_id', outer)} AS {c}" for c in cols)


def events(
    conn: sqlite3.Connection,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    context: str | None = None,
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Distinct events (one per cluster), newest first, with how often they were reported: `num_mentions` (rows),
    `num_sources` (distinct outlets; a document without one counts as its own) and `num_articles` (documents)."""
    where, params = [], []
    if actor:
        where.append("(e.source = ? COLLATE NOCASE OR e.target = ? COLLATE NOCASE)")
        params += [actor, actor]
    if type:
        where.append("e.type = ? COLLATE NOCASE")
        params.append(type)
    if context:
        where.append("EXISTS (SELECT 1 FROM json_each(e.context) c WHERE c.value = ? COLLATE NOCASE)")
        params.append(context)
    inner = "SELECT DISTINCT e.cluster_id FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
    sql = (
        f"SELECT * FROM (SELECT g.cluster_id AS id, {_event_fields()},"
        f" COALESCE({mode('m.date', 'events', 'cluster_id', 'g')}, MIN(d.published)) AS date,"
        " MAX(g.negated) AS negated, MAX(g.hypothetical) AS hypothetical,"
        " (SELECT json_group_array(DISTINCT c.value) FROM events m, json_each(m.context) c"
        "  WHERE m.cluster_id = g.cluster_id) AS context,"
        " COUNT(*) AS num_mentions, COUNT(DISTINCT COALESCE(d.outlet, d.id)) AS num_sources,"
        " COUNT(DISTINCT g.doc_id) AS num_articles, json_group_array(DISTINCT g.doc_id) AS doc_ids, MIN(g.rowid) AS seq"
        f" FROM events g JOIN documents d ON d.id = g.doc_id WHERE g.cluster_id IN ({inner}) GROUP BY g.cluster_id)"
        + (" WHERE date >= ?" if since else "")
        + " ORDER BY date DESC NULLS LAST, num_mentions DESC, seq LIMIT ?"
    )
    rows = _rows(conn, sql, [*params, *([since] if since else []), -1 if limit is None else limit])
    for row in rows:
        del row["seq"]  # storage order: the first report first, among equals
        row["cameo"] = None if row["cameo"] is None else str(row["cameo"])
        row["negated"], row["hypothetical"] = bool(row["negated"]), bool(row["hypothetical"])
        row["context"] = sorted(json.loads(row["context"]))
        row["doc_ids"] = sorted(json.loads(row["doc_ids"]))
    return rows
