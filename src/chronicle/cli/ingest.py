"""`chronicle ingest` (into SQLite) and `chronicle extract` (records to stdout, no database)."""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from chronicle.cli.options import DB, db_path
from chronicle.engines.local import default_workers, outlet_prepass, run_item
from chronicle.engines.local import ingest as run_ingest
from chronicle.errors import InputError
from chronicle.settings import Options
from chronicle.sources import read_all

err = Console(stderr=True, soft_wrap=True)


def ingest(
    inputs: list[str] = typer.Argument(
        ...,
        help="Files, folders, globs, - for stdin (.txt, .html, .jsonl, .warc, .rss/.atom, .gz of any), "
        "http(s):// article URLs, or feed:URL.",
    ),
    db: str | None = DB,
    workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: all cores)."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package (default: $CHRONICLE_MODEL)."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Clean and store only; run no extractors."),
    outlet_min_docs: int = typer.Option(
        3, "--outlet-min-docs", help="A line in this many stories of one outlet is boilerplate (0: off)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Clean, extract and store articles. Exit code 1 when any input failed."""
    from chronicle.store.db import Store

    options = Options.from_env(
        **({"model": model} if model else {}), extract=not no_extract, outlet_boilerplate_min_docs=outlet_min_docs
    )
    n_workers = workers or default_workers()
    with Store(db_path(db)) as store, _progress(quiet) as progress:
        task = progress.add_task("ingesting", total=None)

        def tick(report, path):
            progress.update(task, completed=report.seen, description=f"{report.stored} stored")

        report = run_ingest(inputs, store, options, workers=n_workers, on_progress=tick)
    for source, reason in report.failed:
        err.print(f"[red]failed[/red] {source}: {reason}", highlight=False, markup=True)
    for source, reason in report.warnings:
        err.print(f"[yellow]warning[/yellow] {source}: {reason}", highlight=False, markup=True)
    err.print(
        f"{report.stored} stored ({report.near_duplicates} near-duplicates linked), "
        f"{report.unchanged} already stored, {len(report.failed)} failed",
        highlight=False,
    )
    if report.failed:
        raise typer.Exit(1)


def extract(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs, - for stdin, URLs, or feed:URL."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one record per line) or json (a list)."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package."),
) -> None:
    """Print one record per document on stdout, without a database. Exit code 1 when any input failed."""
    if fmt not in ("json", "jsonl"):
        raise typer.BadParameter("must be json or jsonl", param_hint="--format")
    options = Options.from_env(**({"model": model} if model else {}))
    records, failed = [], 0
    outlets = outlet_prepass(inputs, options)
    for item in read_all(inputs, options.max_input_bytes):
        if isinstance(item, InputError):
            err.print(f"[red]failed[/red] {item.source}: {item.reason}", highlight=False, markup=True)
            failed += 1
            continue
        outcome = run_item(item, options, outlets)
        if outcome.error:
            err.print(f"[red]failed[/red] {outcome.path}: {outcome.error}", highlight=False, markup=True)
            failed += 1
            continue
        record = outcome.doc.to_record()
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            records.append(record)
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    if failed:
        raise typer.Exit(1)


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=quiet or not err.is_terminal, transient=True,
    )


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(extract)
