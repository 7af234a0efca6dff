"""Known resolution series (data/series.json): the Nth text of a series implies its year."""

from __future__ import annotations

import functools
import json
import logging
from importlib import resources

LOGGER = logging.getLogger(__name__)


def _family(body: str | None) -> str | None:
    # both GA stages adopt the same yearly text, so they share one series
    return "UNGA" if body in ("UNGA plenary", "UNGA Third Committee", "UNGA") else body


@functools.cache
def _table() -> dict[tuple[str, str], int]:
    raw = json.loads(resources.files("chronicle.extract").joinpath("data/series.json").read_text("utf-8"))
    return {(s["body"], s["target"]): int(s["first_year"]) for s in raw["series"]}


def first_year(target: str | None, body: str | None) -> int | None:
    return _table().get((_family(body) or "", target or ""))


def series_year(target: str | None, body: str | None, streak: int | None) -> int | None:
    """The year of the `streak`-th text of the series on `target` in `body`, when the series is known."""
    start = first_year(target, body)
    if start is None or not streak or streak < 1:
        return None
    return start + streak - 1


def conflict(target: str | None, body: str | None, streak: int | None, year: int | None) -> str | None:
    """Why a reported streak contradicts the series table for `year`, or None when it does not."""
    expected = series_year(target, body, streak)
    if expected is None or year is None or expected == year:
        return None
    return f"streak {streak} of the {_family(body)} series on {target} implies {expected}, but the report gives {year}"
