"""Print rows as a rich table, JSON or CSV: the one place that decides how results look."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "json", "csv")


def emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None, title: str | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(row.get(k)) for k in columns})
    else:
        table = Table(title=title, show_lines=False)
        cells = [[_cell(row.get(c)) for c in columns] for row in rows]
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in cells:
            table.add_row(*[Text(cell) for cell in row])  # Text: article text is never markup
        Console(width=max(120, Console().width)).print(table)
        if not rows:
            Console(stderr=True).print("no matching records")


def _cell(value: Any) -> str:
    """A table cell: a list shows one item a line (paths, sources), anything else as in CSV."""
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "\n".join(str(v) for v in value)
    return _flat(value)


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
