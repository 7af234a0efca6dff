"""The REST API under /api/: the CLI's questions (chronicle.store.queries and .timeline) over HTTP, as JSON or CSV.

Lists take `limit` (1-500, default 50) and either `offset` or the `cursor` a previous page returned as
`next_cursor`. The store's listing functions take a limit but no offset, so a page asks for
offset + limit + 1 rows and keeps the last limit + 1 (the extra row says whether there is a next page).
Every answer is read through `read`: one snapshot, its deadline, and the app's AnswerCache (cache.py).
"""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from chronicle.store import queries, timeline

router = APIRouter(prefix="/api", tags=["record"])

MAX_LIMIT = 500
MAX_OFFSET = 100_000
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (or use `cursor`).")]
Cursor = Annotated[str | None, Query(max_length=64, description="`next_cursor` of the previous page.")]
Format = Annotated[Literal["json", "csv"], Query(alias="format", description="json (default) or csv.")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
Since = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Year = Annotated[int | None, Query(ge=1945, le=2100)]
Kind = Annotated[Literal[queries.ACTOR_KINDS] | None, Query(description="state, igo, person, org or media.")]  # type: ignore[valid-type]


REFRESH_SECONDS = 60.0  # deadline of a background refresh of a kept answer (cache.py)
# Search answers are kept however fast they were (the cache keeps others only past 20 ms): at 64 connections even a
# 3 ms search for every request takes more than two cores have, and a search URL is asked again and again
# (benchmarks/README.md, Serving). They are small (a page of snippets) and refreshed after each ingest commit.
SEARCH_KEEP_AFTER = 0.0
# A document's answer (5 to 10 ms to build at 20,000 documents, 10 to 20 KB) is kept too: computed on every request,
# it took the document endpoint's p99 to 87-153 ms at 64 connections; kept, its bytes are sent from the event loop.
DOCUMENT_KEEP_AFTER = 0.0


def _reading(request: Request, compute: Callable[[Any], Any], encode: Callable[[Any], Any]):
    state = request.app.state
    key = request.url.path + "?" + request.url.query

    def run(seconds: float | None = None):
        with state.reader.snapshot(seconds) as conn:
            return encode(compute(conn))

    return state.cache, key, run, lambda: run(REFRESH_SECONDS)


def read(
    request: Request,
    compute: Callable[[Any], Any],
    encode: Callable[[Any], Any] = lambda data: data,
    keep_after: float | None = None,
):
    """`encode(compute(conn))` over one snapshot, kept by the app's cache when it was slow (took `keep_after`
    seconds or more; default the cache's own threshold), keyed by the URL."""
    cache, key, run, refresh = _reading(request, compute, encode)
    return cache.get(key, run, refresh, keep_after)


async def send(
    request: Request, compute: Callable[[Any], Any], fmt: str = "json", keep_after: float | None = None
) -> Response:
    """An API answer as JSON (or CSV of its `items`), serialized once and kept as bytes (see `read`). A kept answer
    is sent from the event loop; anything else is read in the thread pool."""
    cache, key, run, refresh = _reading(request, compute, lambda data: encoded(data, fmt))
    kept = cache.peek(key, refresh)
    body, media = kept if kept is not None else await run_in_threadpool(cache.get, key, run, refresh, keep_after)
    return Response(body, media_type=media)


def encoded(data: Any, fmt: str) -> tuple[bytes, str]:
    if fmt == "csv":
        return csv_text(data["items"]).encode(), "text/csv; charset=utf-8"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), "application/json"


def bad(param: str, message: str, where: str = "query") -> RequestValidationError:
    """A 422 naming the parameter, shaped like FastAPI's own validation errors."""
    return RequestValidationError([{"loc": (where, param), "msg": message, "type": "value_error"}])


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["offset"]
    except (ValueError, TypeError, KeyError):
        raise bad("cursor", "malformed cursor: pass the next_cursor of a previous page") from None
    if not isinstance(value, int) or not 0 <= value <= MAX_OFFSET:
        raise bad("cursor", "malformed cursor: pass the next_cursor of a previous page")
    return value


@dataclass(slots=True, frozen=True)
class Page:
    """The page a list endpoint was asked for: its first row, its length, JSON or CSV."""

    start: int
    limit: int
    fmt: str


async def paging(limit: Limit = 50, offset: Offset = 0, cursor: Cursor = None, fmt: Format = "json") -> Page:
    """The paging parameters every list takes (a FastAPI dependency): `limit`, `offset` or `cursor`, `format`.
    `async` so that FastAPI runs it on the event loop: a plain `def` dependency costs a thread-pool hop per request."""
    return Page(start_of(offset, cursor), limit, fmt)


Paging = Annotated[Page, Depends(paging)]


def start_of(offset: int, cursor: str | None) -> int:
    if cursor is None:
        return offset
    if offset:
        raise bad("cursor", "give offset or cursor, not both")
    return decode_cursor(cursor)


async def listing(request: Request, rows_of: Callable[[Any, int], list[dict]], page: Page) -> Response:
    """One page of `rows_of(conn, rows_needed)`, as JSON or CSV."""
    start, limit = page.start, page.limit
    return await send(request, lambda conn: paginate(rows_of(conn, start + limit + 1), start, limit), page.fmt)


def paginate(rows: list[dict], start: int, limit: int) -> dict:
    return page_from(rows[start:], start, limit)


def page_from(rows: list[dict], start: int, limit: int) -> dict:
    """The page of `rows`, which begin at row `start` (one more than `limit` says there is a next page)."""
    following = encode_cursor(start + limit) if len(rows) > limit else None
    return {"items": rows[:limit], "offset": start, "limit": limit, "next_cursor": following}


def csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    columns = list(rows[0]) if rows else []
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _flat(v) for k, v in row.items()})
    return out.getvalue()


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def not_found(what: str, ident: str) -> HTTPException:
    return HTTPException(404, f"no {what} with id {ident!r}")


@router.get("/stats", summary="What the database holds")
async def stats(request: Request):
    return await send(request, queries.stats)


@router.get("/resolutions", summary="Distinct resolutions by year, oldest first")
async def resolutions(
    request: Request,
    page: Paging,
    target: Text = None,
    body: Text = None,
    since: Year = None,
    until: Year = None,
):
    """`target`: a state code; `body`: part of the body's name; `since`/`until`: first and last year shown."""

    def rows(conn, _):
        found = timeline.resolutions(conn, target=target, body=body, since=since)
        return [r for r in found if until is None or (r["year"] is not None and r["year"] <= until)]

    return await listing(request, rows, page)


@router.get("/resolutions/{cluster_id:path}", summary="One resolution: sources, stages, reactions, UN votes")
async def resolution(request: Request, cluster_id: Annotated[str, Path(max_length=200)]):
    def detail(conn):
        found = timeline.resolution_detail(conn, cluster_id)
        if found is None:
            raise not_found("resolution", cluster_id)
        return found

    return await send(request, detail)


@router.get("/quotes", summary="Quotes, newest first")
async def quotes(
    request: Request,
    page: Paging,
    speaker: Text = None,
    actor: Text = None,
    q: Text = None,
    since: Since = None,
):
    """`speaker`: part of the name or the id; `actor`: speaker id or affiliation; `q`: words all in the quote."""

    def rows(conn, need):
        return queries.quotes(conn, speaker=speaker, actor=actor, search=q, since=since, limit=need)

    return await listing(request, rows, page)


@router.get("/actors", summary="Distinct actors, most widely reported first")
async def actors(request: Request, page: Paging, kind: Kind = None):
    return await listing(request, lambda conn, need: queries.actors(conn, kind=kind, limit=need), page)


@router.get("/actors/{actor_id:path}", summary="One actor with its timeline")
async def actor(request: Request, actor_id: Annotated[str, Path(max_length=200)], limit: Limit = 500):
    """The actor as `/api/actors` lists it, and its timeline (`/api/timeline`), oldest first, up to `limit`."""
    def detail(conn):
        found = queries.actor(conn, actor_id)
        if found is None:
            raise not_found("actor", actor_id)
        items = timeline.timeline(conn, found["id"])
        return {**found, "timeline": items[:limit], "timeline_total": len(items)}

    return await send(request, detail)


@router.get("/events", summary="Distinct events, newest first")
async def events(
    request: Request,
    page: Paging,
    actor: Text = None,
    type: Text = None,
    context: Text = None,
    since: Since = None,
):
    """`actor`: source or target id; `type`: PLOVER type (REJECT); `context`: PLOVER context (human_rights)."""

    def rows(conn, need):
        return queries.events(conn, actor=actor, type=type, since=since, context=context, limit=need)

    return await listing(request, rows, page)


@router.get("/documents/{doc_id}", summary="One document: clean text, removed spans, every record with offsets")
async def document(request: Request, doc_id: Annotated[str, Path(max_length=64)]):
    def detail(conn):
        doc = queries.document(conn, doc_id)
        if doc is None:
            raise not_found("document", doc_id)
        record = doc.to_record()
        for removal in record["removed"]:
            removal["text"] = doc.raw[removal["start"] : removal["end"]]
        record.update(queries.records_of(conn, doc_id))
        return record

    return await send(request, detail, keep_after=DOCUMENT_KEEP_AFTER)


@router.get("/search", summary="Full-text search (FTS5) with snippets")
async def search(request: Request, page: Paging, q: Annotated[str, Query(min_length=1, max_length=500)]):
    """Words in titles and clean text; each hit's snippet marks the matched words [like this]."""
    start, limit = page.start, page.limit  # the store skips to the page itself: snippets only for the rows sent

    def hits(conn):
        return page_from(queries.search(conn, q, limit + 1, start), start, limit)

    return await send(request, hits, page.fmt, SEARCH_KEEP_AFTER)


@router.get("/timeline/{code:path}", summary="One actor's timeline, oldest first")
async def actor_timeline(request: Request, page: Paging, code: Annotated[str, Path(max_length=200)]):
    """Resolutions on, reactions by or about, quotes from and events of `code` (PRK, EU, a person's name)."""

    def items(conn):
        found = timeline.timeline(conn, code)
        if not found:
            raise not_found("actor in any timeline", code)
        return paginate(found, page.start, page.limit)

    return await send(request, items, page.fmt)
