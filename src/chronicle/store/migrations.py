"""Named schema migrations, applied in order, each once, each in its own transaction."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT, url TEXT, title TEXT, outlet TEXT, author TEXT,
            published TEXT, last_updated TEXT,
            raw TEXT NOT NULL,
            text TEXT NOT NULL,
            duplicate_of TEXT REFERENCES documents(id),
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_url ON documents(url);
        CREATE TABLE removed (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, reason TEXT NOT NULL
        );
        CREATE INDEX removed_doc ON removed(doc_id);
        CREATE TABLE minhashes (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        """,
    ),
    (
        "0002_records",
        """
        CREATE TABLE actors (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, actor_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT,
            country TEXT, sector TEXT, title TEXT, affiliation TEXT, mentions TEXT NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX actors_id ON actors(actor_id);
        CREATE TABLE quotes (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER, kind TEXT,
            cue TEXT, speaker TEXT, speaker_name TEXT, speaker_title TEXT, speaker_affiliation TEXT,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker);
        CREATE TABLE resolutions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, cluster_id TEXT NOT NULL, stage_key TEXT,
            body TEXT, target TEXT, session INTEGER, year INTEGER, date TEXT, status TEXT,
            adoption TEXT, yes INTEGER, no INTEGER, abstain INTEGER,
            sponsors TEXT NOT NULL, cosponsors TEXT NOT NULL, cosponsor_count INTEGER,
            streak INTEGER, provisions TEXT NOT NULL, symbol TEXT, evidence TEXT NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX resolutions_cluster ON resolutions(cluster_id);
        CREATE INDEX resolutions_target ON resolutions(target, year);
        CREATE TABLE reactions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, actor TEXT NOT NULL, stance TEXT NOT NULL,
            resolution_idx INTEGER, quote_idx INTEGER, evidence TEXT NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX reactions_actor ON reactions(actor);
        CREATE TABLE events (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, cluster_id TEXT NOT NULL,
            type TEXT NOT NULL, mode TEXT, context TEXT NOT NULL,
            source TEXT, target TEXT, source_country TEXT, target_country TEXT,
            source_sector TEXT, target_sector TEXT, date TEXT, cameo TEXT,
            negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, confidence REAL,
            quote_idx INTEGER, evidence TEXT NOT NULL,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE INDEX events_cluster ON events(cluster_id);
        CREATE INDEX events_source ON events(source);
        CREATE INDEX events_target ON events(target);
        """,
    ),
    (
        "0003_un_votes",
        """
        CREATE TABLE un_resolutions (
            undl_id TEXT PRIMARY KEY, symbol TEXT NOT NULL, draft TEXT, committee_report TEXT, meeting TEXT,
            date TEXT, session INTEGER, title TEXT, agenda_title TEXT, subjects TEXT NOT NULL, vote_note TEXT,
            total_yes INTEGER, total_no INTEGER, total_abstentions INTEGER, total_non_voting INTEGER,
            total_ms INTEGER, undl_link TEXT,
            -- derived from the symbol, title and date (merge.resolutions.from_un_vote), to link news reports
            body TEXT, target TEXT, year INTEGER
        );
        CREATE INDEX un_resolutions_symbol ON un_resolutions(symbol);
        CREATE INDEX un_resolutions_draft ON un_resolutions(draft);
        CREATE INDEX un_resolutions_target ON un_resolutions(target, session);
        CREATE TABLE un_member_votes (
            undl_id TEXT NOT NULL REFERENCES un_resolutions(undl_id) ON DELETE CASCADE,
            ms_code TEXT NOT NULL, ms_name TEXT, vote TEXT NOT NULL CHECK (vote IN ('Y', 'N', 'A', 'X')),
            PRIMARY KEY (undl_id, ms_code)
        );
        CREATE INDEX un_member_votes_state ON un_member_votes(ms_code);
        """,
    ),
]


def apply(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations this database lacks; returns the names applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL"
        " DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO _migrations(name) VALUES (?)", (name,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a script on complete statements (triggers hold inner semicolons)."""
    out, buf = [], ""
    for line in sql.strip().splitlines():
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
