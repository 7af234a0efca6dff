"""`chronicle quotes`, `actors`, `resolutions`, `resolution`, `timeline`, `events`, `export` and `import-un-votes`:
the records across documents. Each command checks its input and calls a function of chronicle.store."""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import typer
from rich.console import Console

from chronicle.cli.options import DB, FORMAT, db_path
from chronicle.cli.output import FORMATS, emit
from chronicle.errors import MissingInput, UnreadableInput

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

LIMIT = typer.Option(50, "--limit", min=1, max=100_000, help="At most this many rows.")
SINCE = typer.Option(None, "--since", help="Only from this date on: YYYY, YYYY-MM or YYYY-MM-DD.")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _open(db: str | None):
    from chronicle.store.db import Store

    return Store(db_path(db), readonly=True)


def _format(fmt: str, allowed=FORMATS) -> str:
    if fmt not in allowed:
        raise typer.BadParameter(f"must be one of {', '.join(allowed)}", param_hint="--format")
    return fmt


def _since(value: str | None) -> str | None:
    if value is not None and not _DATE.fullmatch(value):
        raise typer.BadParameter("must be YYYY, YYYY-MM or YYYY-MM-DD", param_hint="--since")
    return value


def quotes(
    speaker: str | None = typer.Option(None, "--speaker", help="Part of the speaker's name, or the speaker's id."),
    actor: str | None = typer.Option(None, "--actor", help="Speaker id or affiliation (PRK, EU, OHCHR)."),
    search: str | None = typer.Option(None, "--search", help="Words that must all appear in the quote."),
    since: str | None = SINCE,
    limit: int = LIMIT,
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """Quotes across documents, newest first (dated by the article's publication)."""
    from chronicle.store import queries

    fmt, since = _format(fmt), _since(since)
    with _open(db) as store:
        rows = queries.quotes(store.conn, speaker=speaker, actor=actor, search=search, since=since, limit=limit)
    emit(rows, fmt, ["date", "speaker_name", "speaker_title", "speaker_affiliation", "kind", "text", "doc_id",
                     "path"], title="quotes")


def actors(
    kind: str | None = typer.Option(None, "--kind", help="state, igo, person, org or media."),
    limit: int = LIMIT,
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """Distinct actors across documents with how many mentions and documents name them."""
    from chronicle.store import queries

    fmt = _format(fmt)
    if kind is not None and kind not in queries.ACTOR_KINDS:
        raise typer.BadParameter(f"must be one of {', '.join(queries.ACTOR_KINDS)}", param_hint="--kind")
    with _open(db) as store:
        rows = queries.actors(store.conn, kind=kind, limit=limit)
    emit(rows, fmt, ["id", "kind", "name", "title", "affiliation", "mentions", "documents"], title="actors")


def resolutions(
    target: str | None = typer.Option(None, "--target", help="Target state code (PRK, IRN, MMR)."),
    body: str | None = typer.Option(None, "--body", help="Part of the body's id: UNGA, Third Committee, UNHRC."),
    since: int | None = typer.Option(None, "--since", min=1945, max=2100, help="First year shown."),
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """Distinct resolutions by year, each merged from every document that reports it."""
    from chronicle.store import timeline

    fmt = _format(fmt)
    with _open(db) as store:
        rows = timeline.resolutions(store.conn, target=target, body=body, since=since)
    emit(rows, fmt, ["year", "body", "target", "session", "adoption", "tally", "cosponsor_count", "streak",
                     "status", "sources", "paths", "id"], title="resolutions")


def resolution(
    cluster_id: str = typer.Argument(..., help="The id `chronicle resolutions` shows (quote it: it has spaces)."),
    db: str | None = DB,
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """One distinct resolution: merged fields, sources, other stages, reactions and member states' votes."""
    from chronicle.store import timeline

    fmt = _format(fmt, ("table", "json"))
    with _open(db) as store:
        detail = timeline.resolution_detail(store.conn, cluster_id)
    if detail is None:
        err.print(f"no resolution with id {cluster_id!r}", highlight=False)
        raise typer.Exit(1)
    if fmt == "json":
        sys.stdout.write(json.dumps(detail, ensure_ascii=False, indent=1) + "\n")
        return
    for key in ("id", "year", "body", "target", "session", "date", "symbol", "status", "adoption", "tally",
                "cosponsor_count", "streak", "sponsors", "cosponsors", "provisions"):
        if detail[key] not in (None, []):
            value = ", ".join(detail[key]) if isinstance(detail[key], list) else detail[key]
            out.print(f"{key}: {value}", highlight=False, markup=False)
    sources = [{**s, "evidence": _excerpt(s["evidence"])} for s in detail["sources"]]
    emit(sources, "table", ["published", "outlet", "title", "path", "evidence", "doc_id"], title="sources")
    if detail["stages"]:
        emit(detail["stages"], "table", ["year", "body", "status", "adoption", "tally", "sources", "id"],
             title="other stages of this text")
    if detail["reactions"]:
        emit(detail["reactions"], "table", ["published", "actor", "stance", "quote", "path"], title="reactions")
    for record in detail["un_votes"]:
        out.print(f"UN record {record['symbol']} ({record['undl_id']}, {record['date']}), linked by "
                  f"{' and '.join(record['rules'])}: {record['title']}", highlight=False, markup=False)
        emit(record["votes"], "table", ["ms_code", "ms_name", "vote"], title=f"votes on {record['symbol']}")


def _excerpt(evidence: list[dict], width: int = 160) -> str:
    """The first evidence sentence, shortened, and how many more there are (--format json has them all)."""
    if not evidence:
        return ""
    text = evidence[0]["text"]
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text + (f" (+{len(evidence) - 1} more)" if len(evidence) > 1 else "")


def timeline(
    code: str = typer.Argument(..., help="An actor id: a state code (PRK), an IGO (EU) or a person's name."),
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """Resolutions on, reactions by or about, quotes from and events of one actor, oldest first."""
    from chronicle.store import timeline as history

    fmt = _format(fmt)
    with _open(db) as store:
        rows = history.timeline(store.conn, code)
    emit(rows, fmt, ["date", "kind", "who", "what", "text", "sources", "id"], title=f"timeline: {code}")


def events(
    actor: str | None = typer.Option(None, "--actor", help="Source or target actor id."),
    type_: str | None = typer.Option(None, "--type", help="PLOVER event type (REJECT, ACCUSE, PROTEST)."),
    since: str | None = SINCE,
    context: str | None = typer.Option(None, "--context", help="PLOVER context (human_rights, refugees)."),
    limit: int = LIMIT,
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """Distinct events, newest first, with how many mentions, sources and articles report each."""
    from chronicle.store import queries

    fmt, since = _format(fmt), _since(since)
    with _open(db) as store:
        rows = queries.events(store.conn, actor=actor, type=type_, since=since, context=context, limit=limit)
    emit(rows, fmt, ["date", "type", "mode", "cameo", "source", "target", "negated", "hypothetical",
                     "num_mentions", "num_sources", "num_articles", "id"], title="events")


def export(
    kind: str = typer.Argument(..., help="events, resolutions or quotes."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
    output: str | None = typer.Option(None, "--output", "-o", help="File to write (stdout for jsonl and csv)."),
    db: str | None = DB,
) -> None:
    """Every stored record of one kind, one row per record per document, for other tools."""
    from chronicle.store import exports

    if kind not in exports.KINDS:
        raise typer.BadParameter(f"must be one of {', '.join(exports.KINDS)}", param_hint="KIND")
    fmt = _format(fmt, exports.FORMATS)
    if fmt == "parquet" and not output:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    with _open(db) as store:
        count = exports.export(store.conn, kind, fmt, output or sys.stdout)
    if output:
        err.print(f"{count} {kind} written to {output}", highlight=False)


def import_un_votes(
    path: str = typer.Argument(..., help="UN Digital Library voting CSV (long format: one row per member state)."),
    db: str | None = DB,
) -> None:
    """Load UN recorded votes; re-importing changes nothing, a changed record is replaced."""
    from chronicle.sources.un_votes import REQUIRED, parse_un_votes
    from chronicle.store import un_votes
    from chronicle.store.db import Store

    file = Path(path)
    if not file.is_file():
        raise MissingInput(path, "no such file")
    try:
        with file.open(encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh), [])
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise typer.BadParameter(f"{path} lacks the column(s) {', '.join(missing)}", param_hint="FILE")
            fh.seek(0)
            with Store(db_path(db)) as store:
                result = un_votes.load_un_votes(store, parse_un_votes(fh))
                linked = len({cluster for cluster, _, _ in un_votes.links(store.conn)})
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInput(path, str(exc)) from None
    err.print(
        f"{result.added} UN records added, {result.updated} updated, {result.unchanged} unchanged "
        f"({result.votes} member-state votes written); {linked} stored resolutions link to a UN record",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    for command in (quotes, actors, resolutions, resolution, timeline, events, export):
        app.command()(command)
    app.command("import-un-votes")(import_un_votes)
