"""The web app: the REST API (api.py), the pages (pages.py), static files, security headers, HEAD and error answers.

`create_app(db_path)` builds it; `chronicle serve` runs it on uvicorn (through `from_env` when it runs more than
one worker process). The app only reads: see reader.py.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronicle import __version__
from chronicle.errors import QueryTimeout
from chronicle.web import api, pages
from chronicle.web.cache import AnswerCache
from chronicle.web.reader import Reader

QUERY_SECONDS = 10.0  # a query running longer is stopped and answered 503
ENV_DB, ENV_QUERY_SECONDS = "CHRONICLE_WEB_DB", "CHRONICLE_WEB_QUERY_SECONDS"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)  # Plotly sets style attributes on the SVG it draws: inline styles are allowed, inline script never is
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, errors and static files included."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """ASGI middleware: a HEAD request is answered as its GET would be (status and headers, Content-Length and the
    security headers included), without the body. FastAPI routes a GET endpoint for GET only, so HEAD got 405."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_headers_only(message):
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        return await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def create_app(db_path: str, query_seconds: float = QUERY_SECONDS) -> FastAPI:
    """The app over one database file, opened read-only (raises StoreError when it cannot be opened)."""
    app = FastAPI(
        title="Chronicle",
        version=__version__,
        description="A sourced record of UN human-rights resolutions, quotes, actors and PLOVER events. Read-only.",
        docs_url=None,  # FastAPI's /docs loads Swagger UI from a CDN with inline script: pages.api_docs instead
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.reader = Reader(db_path, query_seconds)
    app.state.cache = AnswerCache(os.path.abspath(db_path))
    app.state.db_path = db_path
    app.include_router(api.router)
    app.add_api_route("/static/vendor/plotly.min.js", plotly_js, include_in_schema=False)
    app.include_router(pages.router)
    static = resources.files("chronicle.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(QueryTimeout, unavailable)
    app.add_exception_handler(sqlite3.Error, unavailable)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    return app


def from_env() -> FastAPI:
    """The app for uvicorn worker processes: `chronicle serve` passes its options in the environment."""
    return create_app(os.environ[ENV_DB], float(os.environ.get(ENV_QUERY_SECONDS, QUERY_SECONDS)))


@functools.cache
def _plotly() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode()


def plotly_js() -> Response:
    """Plotly's JavaScript from the installed wheel: the pages load nothing from another host."""
    return Response(_plotly(), media_type="text/javascript", headers={"cache-control": "public, max-age=86400"})


def _answer(request: Request, status: int, message: str, details=None) -> Response:
    if request.url.path.startswith("/api") or request.url.path.endswith(".json"):
        body = {"detail": details if details is not None else message, "message": message}
        return JSONResponse(body, status_code=status)
    return HTMLResponse(pages.render("error.html", status=status, message=message), status_code=status)


async def invalid(request: Request, exc: RequestValidationError) -> Response:
    """422, with one message naming each bad parameter ('query.limit: ...')."""
    errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
    message = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors)
    return _answer(request, 422, message, errors)


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    return _answer(request, exc.status_code, str(exc.detail))


async def unavailable(request: Request, exc: Exception) -> Response:
    """503 for a query stopped at its deadline or a database that cannot answer now; never a 500."""
    message = str(exc) if isinstance(exc, QueryTimeout) else f"the database cannot answer now ({exc})"
    return _answer(request, 503, message)
