"""Options shared by several commands, declared once."""

from __future__ import annotations

import typer

from chronicle.settings import default_db_path

DB = typer.Option(None, "--db", help="SQLite file (default: $CHRONICLE_DB, else chronicle.db).")
FORMAT = typer.Option("table", "--format", "-f", help="table, json or csv.")


def db_path(value: str | None) -> str:
    return value or default_db_path()
