"""Server-rendered pages (Jinja2, autoescaped). Each page asks chronicle.store what the CLI asks."""

from __future__ import annotations

import collections
from typing import Annotated

import pycountry
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from chronicle.store import queries, timeline
from chronicle.web import render as fragments
from chronicle.web.api import SEARCH_KEEP_AFTER, read

router = APIRouter(include_in_schema=False)
SOURCES_SHOWN = 12  # per resolution on a country page; the resolution's page lists them all
ITEMS_SHOWN = 200  # the latest timeline items on a country or actor page; /api/timeline/CODE has them all
ENV = Environment(loader=PackageLoader("chronicle.web", "templates"), autoescape=True)
ENV.globals.update(safe_url=fragments.safe_url, path_part=fragments.path_part, snippet_html=fragments.snippet_html)


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)


def page(template: str, **context) -> HTMLResponse:
    return HTMLResponse(render(template, **context))


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    """What the database holds, the latest resolutions, the countries they target, a search box."""
    summary, rows = read(request, lambda conn: (queries.stats(conn), timeline.resolutions(conn)))
    latest = sorted(rows, key=lambda r: (r["year"] or 0, r["date"] or ""), reverse=True)[:12]
    targets = collections.Counter(r["target"] for r in rows if r["target"])
    countries = [(code, country_name(code), n) for code, n in sorted(targets.items())]
    return page("index.html", stats=summary, latest=latest, countries=countries, db=request.app.state.db_path)


def country_name(code: str) -> str | None:
    found = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 else None
    return found.name if found else None


@router.get("/countries/{iso3}", response_class=HTMLResponse)
def country(request: Request, iso3: Annotated[str, Path(pattern=r"^[A-Za-z]{3}$")]):
    """The resolutions on one state: a chart with one mark per year, a table by year and body, the reactions, a
    timeline."""
    code = iso3.upper()

    def compute(conn):
        rows = timeline.resolutions(conn, target=code)
        reports = timeline.reports_by_resolution(conn, code)
        return rows, reports, [i for i in timeline.timeline(conn, code) if i["kind"] != "resolution"]

    rows, reports, items = read(request, compute)
    name = country_name(code)
    if name is None and not rows and not items:
        raise HTTPException(404, f"no country with code {iso3!r}")
    empty = {"sources": [], "reactions": []}
    table = []
    for r in sorted(rows, key=lambda r: (r["year"] is None, -(r["year"] or 0), r["body"] or "")):
        found = reports.get(r["id"], empty)
        stances = collections.Counter((x["actor"], x["stance"]) for x in found["reactions"])
        table.append({**r, "sources": found["sources"], "reactions": sorted(stances.items())})
    reactions = collections.Counter((x["actor"], x["stance"]) for f in reports.values() for x in f["reactions"])
    return page("country.html", code=code, name=name or code, table=table, items=items[-ITEMS_SHOWN:],
                items_total=len(items),
                chart=fragments.chart_data(rows), reactions=sorted(reactions.items()), shown=SOURCES_SHOWN)


@router.get("/resolutions/{cluster_id:path}", response_class=HTMLResponse)
def resolution(request: Request, cluster_id: Annotated[str, Path(max_length=200)]):
    detail = read(request, lambda conn: timeline.resolution_detail(conn, cluster_id))
    if detail is None:
        raise HTTPException(404, f"no resolution with id {cluster_id!r}")
    return page("resolution.html", r=detail)


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor(request: Request, actor_id: Annotated[str, Path(max_length=200)]):
    """A person's quotes over time; a state's (or body's) reactions, events and resolutions."""

    def compute(conn):
        found = queries.actor(conn, actor_id)
        if found is None:
            raise HTTPException(404, f"no actor with id {actor_id!r}")
        return found, queries.quotes(conn, actor=found["id"], limit=500), timeline.timeline(conn, found["id"])

    found, said, items = read(request, compute)
    said = list(said)
    said.sort(key=lambda q: (q["date"] is None, q["date"] or ""))
    items = [i for i in items if i["kind"] != "quote"]
    return page("actor.html", a=found, quotes=said, items=items[-ITEMS_SHOWN:], items_total=len(items),
                is_country=found["kind"] == "state" and country_name(found["id"]) is not None)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: Annotated[str, Path(max_length=64)]):
    """The article with its records marked, and what cleaning removed struck out behind a toggle."""

    def compute(conn):
        doc = queries.document(conn, doc_id)
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        return doc, queries.records_of(conn, doc.id)

    doc, records = read(request, compute)
    removed = [{"start": r.start, "end": r.end, "reason": r.reason} for r in doc.removed]
    return page("document.html", doc=doc, src=doc.source, records=records,
                article=fragments.article_html(doc.text, records), raw=fragments.removed_html(doc.raw, removed),
                removed=removed)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
           offset: Annotated[int, Query(ge=0, le=100_000)] = 0):
    hits = []
    if q.strip():
        hits = read(request, lambda conn: queries.search(conn, q, 51, offset), keep_after=SEARCH_KEEP_AFTER)
    return page("search.html", q=q, hits=hits[:50], more=len(hits) > 50, offset=offset)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API reference, rendered from /openapi.json (no Swagger UI: it loads from a CDN)."""
    spec = request.app.openapi()
    return page("apidocs.html", spec=spec)
