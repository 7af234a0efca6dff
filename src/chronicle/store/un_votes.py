"""Authoritative UN voting records (UN Digital Library) in the store, and how news-derived resolutions link to them.

The link rule, in one place (docs/cli.md repeats it). A stored resolution row links to a UN record
1. by symbol, when the row carries one: the row's symbol is the record's resolution symbol ("symbol") or its
   draft symbol ("draft");
2. otherwise by target, session and body: the row's target is the state the record's title names, its session
   is the record's session (without a session: its year is the year of the vote), and either its body is the
   record's body ("target+session+body") or the row reports the Third Committee and the record's draft is a
   Third Committee draft, A/C.3/... ("committee stage": the committee vote on the text the plenary adopted).
A row with a symbol that matches no record links to none: a symbol is better evidence than a title.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chronicle.merge.resolutions import from_un_vote
from chronicle.sources.un_votes import UnVoteRecord
from chronicle.store.db import Store


@dataclass(slots=True)
class LoadResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    votes: int = 0  # member-state votes written by this load


def _row(record: UnVoteRecord) -> dict[str, Any]:
    derived = from_un_vote(record)
    totals = record.totals
    return {
        "undl_id": record.undl_id, "symbol": record.resolution, "draft": record.draft,
        "committee_report": record.committee_report, "meeting": record.meeting, "date": record.date,
        "session": record.session, "title": record.title, "agenda_title": record.agenda_title,
        "subjects": json.dumps(record.subjects, ensure_ascii=False), "vote_note": record.vote_note,
        "total_yes": totals.get("yes"), "total_no": totals.get("no"), "total_abstentions": totals.get("abstain"),
        "total_non_voting": totals.get("non_voting"), "total_ms": totals.get("members"), "undl_link": record.link,
        "body": derived.body, "target": derived.target, "year": derived.year,
    }


def load_un_votes(store: Store, records: Iterable[UnVoteRecord]) -> LoadResult:
    """Store voting records in one transaction: new ones are added, changed ones replaced, the same left alone."""
    result = LoadResult()
    with store.atomic() as conn:
        for record in records:
            row = _row(record)
            votes = sorted((code, record.names.get(code) or None, vote) for code, vote in record.votes.items())
            old = conn.execute("SELECT * FROM un_resolutions WHERE undl_id = ?", (record.undl_id,)).fetchone()
            if old is not None:
                old_votes = conn.execute(
                    "SELECT ms_code, ms_name, vote FROM un_member_votes WHERE undl_id = ? ORDER BY ms_code",
                    (record.undl_id,),
                ).fetchall()
                if dict(old) == row and [tuple(v) for v in old_votes] == votes:
                    result.unchanged += 1
                    continue
                conn.execute("DELETE FROM un_resolutions WHERE undl_id = ?", (record.undl_id,))  # votes cascade
                result.updated += 1
            else:
                result.added += 1
            marks = ", ".join("?" * len(row))
            conn.execute(f"INSERT INTO un_resolutions ({', '.join(row)}) VALUES ({marks})", list(row.values()))
            conn.executemany(
                "INSERT INTO un_member_votes (undl_id, ms_code, ms_name, vote) VALUES (?, ?, ?, ?)",
                [(record.undl_id, *v) for v in votes],
            )
            result.votes += len(votes)
    return result


def has_tables(conn: sqlite3.Connection) -> bool:
    """False for a database written before migration 0003 and opened read-only (so never migrated)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'un_resolutions'").fetchone() is not None


# One SELECT per rule, so that each join can use an index.
_LINK_SQL = (
    "SELECT r.cluster_id, u.undl_id, 'symbol' AS rule FROM resolutions r JOIN un_resolutions u ON u.symbol = r.symbol"
    " WHERE {where}"
    " UNION SELECT r.cluster_id, u.undl_id, 'draft' FROM resolutions r JOIN un_resolutions u ON u.draft = r.symbol"
    " WHERE {where}"
    " UNION SELECT r.cluster_id, u.undl_id, 'target+session+body' FROM resolutions r JOIN un_resolutions u"
    " ON u.target = r.target AND u.body = r.body AND (u.session = r.session OR (r.session IS NULL AND u.year = r.year))"
    " WHERE r.symbol IS NULL AND {where}"
    " UNION SELECT r.cluster_id, u.undl_id, 'committee stage' FROM resolutions r JOIN un_resolutions u"
    " ON u.target = r.target AND (u.session = r.session OR (r.session IS NULL AND u.year = r.year))"
    " WHERE r.symbol IS NULL AND r.body = 'UNGA Third Committee' AND u.draft LIKE 'A/C.3/%' AND {where}"
)


def links(conn: sqlite3.Connection, cluster_id: str | None = None) -> list[tuple[str, str, str]]:
    """(cluster_id, undl_id, rule) for every link, or for one resolution's."""
    if not has_tables(conn):
        return []
    where = "r.cluster_id = ?" if cluster_id else "1"
    params = [cluster_id] * 4 if cluster_id else []
    rows = conn.execute(_LINK_SQL.format(where=where) + " ORDER BY 1, 2, 3", params).fetchall()
    return [tuple(r) for r in rows]


def linked(conn: sqlite3.Connection, cluster_id: str) -> list[dict[str, Any]]:
    """The UN records one resolution links to, each with how it links and every member state's vote."""
    out: dict[str, dict[str, Any]] = {}
    for _, undl_id, rule in links(conn, cluster_id):
        if undl_id in out:
            out[undl_id]["rules"].append(rule)
            continue
        record = un_resolution(conn, undl_id)
        record["rules"] = [rule]
        out[undl_id] = record
    return list(out.values())


def un_resolution(conn: sqlite3.Connection, undl_id: str) -> dict[str, Any] | None:
    """One stored UN record with its member states' votes (sorted by state code)."""
    row = conn.execute("SELECT * FROM un_resolutions WHERE undl_id = ?", (undl_id,)).fetchone()
    if row is None:
        return None
    record = dict(row)
    record["subjects"] = json.loads(record["subjects"])
    record["votes"] = [
        dict(v)
        for v in conn.execute(
            "SELECT ms_code, ms_name, vote FROM un_member_votes WHERE undl_id = ? ORDER BY ms_code", (undl_id,)
        )
    ]
    return record
