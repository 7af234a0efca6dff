"""`chronicle ingest` (into SQLite) and `chronicle extract` (records to stdout, no database)."""

from __future__ import annotations

import json
import os
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
    no_fast_path: bool = typer.Option(
        False, "--no-fast-path", help="Parse every document, also those naming no actor Chronicle codes."
    ),
    outlet_min_docs: int = typer.Option(
        3, "--outlet-min-docs", help="A line in this many stories of one outlet is boilerplate (0: off)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or spark."),
    master: str | None = typer.Option(None, "--master", help="Spark master, e.g. local[*] or spark://host:7077."),
    parquet: str | None = typer.Option(
        None, "--parquet", help="Spark: keep its Parquet records in this folder (default: a temporary one)."
    ),
) -> None:
    """Clean, extract and store articles. Exit code 1 when any input failed."""
    from chronicle.store.db import Store

    if engine not in ("local", "spark"):
        raise typer.BadParameter("must be local or spark", param_hint="--engine")
    options = Options.from_env(
        **({"model": model} if model else {}), extract=not no_extract, fast_path=not no_fast_path,
        outlet_boilerplate_min_docs=outlet_min_docs,
    )
    n_workers = workers or default_workers()
    with Store(db_path(db)) as store, _progress(quiet) as progress:
        task = progress.add_task("ingesting", total=None)

        def tick(report, path):
            progress.update(task, completed=report.seen, description=f"{report.stored} stored")

        if engine == "spark":
            report = _spark_ingest(inputs, store, options, master, parquet, tick)
        else:
            report = run_ingest(inputs, store, options, workers=n_workers, on_progress=tick)
    _summary(report)


def _spark_ingest(inputs, store, options, master, parquet, tick):
    """The Spark job into Parquet (kept in `parquet`, else a temporary folder), then the single writer."""
    import tempfile

    from chronicle.engines import spark
    from chronicle.errors import ChronicleError

    with tempfile.TemporaryDirectory(prefix="chronicle-spark-") as tmp:
        output = parquet or f"{tmp}/records"
        try:
            session = spark.session(master or "local[*]")
        except ChronicleError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False, markup=True)
            raise typer.Exit(2) from None
        try:
            spark.run([_spark_path(p) for p in inputs], output, options, spark=session)
        finally:
            session.stop()
        return spark.load(output, store, options, on_progress=tick)


def _spark_path(given: str) -> str:
    """A local path Spark reads as a local file whatever its default file system; URIs as they are."""
    import os

    return given if "://" in given or given.startswith("file:") else "file://" + os.path.abspath(given)


def load_parquet(
    path: str = typer.Argument(..., help="A folder of Parquet records written by the Spark engine."),
    db: str | None = DB,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Merge the Spark engine's Parquet records into SQLite. Running it again changes nothing."""
    from chronicle.engines.spark import load
    from chronicle.store.db import Store

    if not os.path.exists(path):
        raise typer.BadParameter(f"{path} does not exist", param_hint="PATH")
    with Store(db_path(db)) as store, _progress(quiet) as progress:
        task = progress.add_task("loading", total=None)

        def tick(report, source):
            progress.update(task, completed=report.seen, description=f"{report.stored} stored")

        report = load(path, store, Options.from_env(), on_progress=tick)
    _summary(report)


def _summary(report) -> None:
    for source, reason in report.failed:
        err.print(f"[red]failed[/red] {source}: {reason}", highlight=False, markup=True)
    for source, reason in report.warnings:
        err.print(f"[yellow]warning[/yellow] {source}: {reason}", highlight=False, markup=True)
    err.print(
        f"{report.stored} stored ({report.near_duplicates} near-duplicates linked), "
        f"{report.unchanged} already stored, {len(report.failed)} failed"
        + (f"; {report.out_of_scope} out of scope, stored without extraction" if report.out_of_scope else ""),
        highlight=False,
    )
    if report.failed:
        raise typer.Exit(1)


def extract(
    inputs: list[str] = typer.Argument(..., help="Files, folders, globs, - for stdin, URLs, or feed:URL."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one record per line) or json (a list)."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package."),
    no_fast_path: bool = typer.Option(
        False, "--no-fast-path", help="Parse every document, also those naming no actor Chronicle codes."
    ),
) -> None:
    """Print one record per document on stdout, without a database. Exit code 1 when any input failed."""
    if fmt not in ("json", "jsonl"):
        raise typer.BadParameter("must be json or jsonl", param_hint="--format")
    options = Options.from_env(**({"model": model} if model else {}), fast_path=not no_fast_path)
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
    app.command("load-parquet")(load_parquet)
