"""`chronicle show`, `search` and `stats`: read what the store holds."""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console

from chronicle.cli.options import DB, FORMAT, db_path
from chronicle.cli.output import emit

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _open(db: str | None):
    from chronicle.store.db import Store

    return Store(db_path(db), readonly=True)


def show(
    doc_id: str = typer.Argument(..., help="Document id (a unique prefix is enough)."),
    db: str | None = DB,
    removed: bool = typer.Option(False, "--removed", help="Show the raw text with removed spans marked."),
    records: bool = typer.Option(False, "--records", help="Print the full record as JSON."),
) -> None:
    """Show one stored article: its source, clean text and (optionally) what cleaning removed."""
    from chronicle.cleaning import render_removed
    from chronicle.store import queries

    with _open(db) as store:
        full = store.resolve_id(doc_id)
        doc = queries.document(store.conn, full) if full else None
        if doc is None:
            err.print(f"no document with id {doc_id!r}", highlight=False)
            raise typer.Exit(1)
        if records:
            record = doc.to_record()
            record.update(queries.records_of(store.conn, doc.id))
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
            return
    s = doc.source
    out.print(f"[bold]{s.title or '(no title)'}[/bold]", highlight=False)
    for label, value in (("id", doc.id), ("path", s.path), ("url", s.url), ("outlet", s.outlet),
                         ("published", s.published), ("last updated", s.last_updated),
                         ("near-duplicate of", doc.duplicate_of)):
        if value:
            out.print(f"{label}: {value}", highlight=False, markup=False)
    out.print()
    out.print(render_removed(doc) if removed else doc.text, highlight=False, markup=False)


def search(
    query: str = typer.Argument(..., help="Words to find in the clean text and titles."),
    db: str | None = DB,
    limit: int = typer.Option(20, "--limit", min=1, max=500),
    fmt: str = FORMAT,
) -> None:
    """Full-text search (SQLite FTS5) over the stored articles."""
    from chronicle.store import queries

    with _open(db) as store:
        rows = queries.search(store.conn, query, limit=limit)
    emit(rows, fmt, ["id", "published", "outlet", "title", "snippet"], title=f"search: {query}")


def stats(db: str | None = DB, fmt: str = typer.Option("table", "--format", "-f", help="table or json.")) -> None:
    """What the database holds: documents, outlets, dates and counts per record type."""
    from chronicle.store import queries

    with _open(db) as store:
        summary = queries.stats(store.conn)
    if fmt == "json":
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
        return
    out.print(f"[bold]{db_path(db)}[/bold]", highlight=False)
    out.print(
        f"documents {summary['documents']} ({summary['near_duplicates']} near-duplicates), "
        f"outlets {summary['outlets']}, published {summary['first'] or '?'} … {summary['last'] or '?'}",
        highlight=False,
    )
    out.print(
        f"actors {summary['actors']}, quotes {summary['quotes']}, "
        f"resolutions {summary['resolutions']} ({summary['distinct_resolutions']} distinct), "
        f"reactions {summary['reactions']}, events {summary['events']} ({summary['distinct_events']} distinct)",
        highlight=False,
    )
    if summary["removed_by_reason"]:
        parts = ", ".join(f"{k} {v}" for k, v in summary["removed_by_reason"].items())
        out.print(f"removed spans: {parts}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(show)
    app.command()(search)
    app.command()(stats)
