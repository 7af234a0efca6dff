"""The `chronicle` command. Only this layer prints, configures logging and chooses exit codes."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console
from rich.logging import RichHandler

from chronicle import __version__
from chronicle.cli import browse, ingest, records, serve
from chronicle.errors import ChronicleError

app = typer.Typer(
    name="chronicle",
    help="Turn news coverage into a sourced, queryable record of who did what to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        print(f"chronicle {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="Log more: -v info, -vv debug."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="%(name)s: %(message)s", handlers=[RichHandler(console=err, show_time=False)], force=True
    )
    if verbose < 2:
        for noisy in ("trafilatura", "htmldate", "courlan", "urllib3", "datasketch"):
            logging.getLogger(noisy).setLevel(logging.ERROR)


def run() -> None:
    """Entry point that turns our errors into one line on stderr and exit code 2."""
    try:
        app()
    except ChronicleError as exc:
        err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
        sys.exit(2)


for module in (ingest, browse, records, serve):
    module.register(app)
