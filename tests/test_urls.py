"""Article URLs fetched from a real HTTP server on 127.0.0.1: limits, errors, no URL fetched twice."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from chronicle.engines.local import ingest
from chronicle.settings import Options
from chronicle.sources import read_all
from chronicle.sources.urls import USER_AGENT
from chronicle.store.db import Store

pytest.importorskip("httpx", reason="URL inputs need the feeds extra: pip install 'chronicle[feeds]'")

COUNTRIES = ("Iran", "Myanmar", "Syria", "Belarus", "Eritrea", "Venezuela", "Sudan", "Nicaragua", "Burundi", "Cuba")
BODIES = ("Third Committee", "General Assembly", "Human Rights Council", "Security Council")


def article_html(n: int, *, date: str | None = None, size: int = 0) -> str:
    """A news page whose text differs for every `n`; `size` pads it with more paragraphs."""
    country, body = COUNTRIES[n % len(COUNTRIES)], BODIES[n // len(COUNTRIES) % len(BODIES)]
    paragraphs = [
        f"The {body} adopted resolution number {n} on the human rights situation in {country} on Tuesday.",
        f"Delegates from {40 + n % 60} countries spoke during the debate, which lasted {2 + n % 7} hours.",
        f"The text, tabled for the {n}th time, calls on the government of {country} to release political "
        "prisoners and to cooperate with the special rapporteur.",
        f"A spokesperson for the mission of {country} rejected the vote as politically motivated.",
    ]
    while sum(map(len, paragraphs)) < size:
        paragraphs.append(f"Paragraph {len(paragraphs)} of page {n} adds more words about {country}. " * 20)
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body_html = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{country} resolution {n}</title>{meta}</head>"
        f"<body><article><h1>{body} votes on {country} ({n})</h1>{body_html}</article></body></html>"
    )


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering
    length: bool = True  # send Content-Length (else the body runs to the closed connection)
    location: str | None = None


@dataclass
class Site:
    """A real HTTP server on a free port of 127.0.0.1; counts requests per path and keeps their headers."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    agents: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, html: str, **kw) -> str:
        self.routes[path] = Route(html.encode("utf-8"), **kw)
        return self.url(path)


def _handler(site: Site):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            site.hits[self.path] += 1
            site.agents.append(self.headers.get("User-Agent", ""))
            route = site.routes.get(self.path) or Route(b"<html><body>not found</body></html>", status=404)
            time.sleep(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.location:
                    self.send_header("Location", route.location)
                if route.length:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                for at in range(0, len(route.body), 64 * 1024):
                    self.wfile.write(route.body[at : at + 64 * 1024])
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout, a size cap): that is what the test wants

        def log_message(self, *args):
            pass

    return Handler


def serve() -> Iterator[Site]:
    """A fresh site served from a thread until the generator is closed (the body of the `site` fixtures)."""
    site = Site()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True  # a handler still sleeping past a client's timeout must not hold the teardown
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site():
    yield from serve()


@pytest.fixture
def short_timeout(monkeypatch):
    """Fetches give up after half a second, so a slow page costs the test little."""
    monkeypatch.setenv("CHRONICLE_FETCH_TIMEOUT", "0.5")


CAP = 200_000  # bytes: small enough that a test page can be over it


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stored_url(db: Store, url: str) -> bool:
    return db.conn.execute("SELECT 1 FROM documents WHERE url = ?", (url,)).fetchone() is not None


def test_url_list_ingests_and_reports_each_bad_url(site, db, short_timeout):
    good = [site.page(f"/news/{i}", article_html(i)) for i in range(12)]
    bad = {
        site.url("/missing"): "404",
        site.page("/slow", article_html(100), delay=3): "timed out",
        site.page("/huge", article_html(101, size=CAP * 2)): "larger",
        site.page("/huge-streamed", article_html(102, size=CAP * 2), length=False): "larger",
        site.page("/logo.png", "\x89PNG", content_type="image/png"): "content type image/png",
        site.page("/loop", "", status=302, location="/loop"): "redirects",
        f"http://127.0.0.1:{closed_port()}/refused": "connection refused",
        site.page("/empty", "   "): "empty",
    }
    site.page("/moved", "", status=301, location="/news/0b")
    site.page("/news/0b", article_html(200))
    inputs = [*good, *bad, site.url("/moved"), good[0], good[1] + "#comments"]

    report = ingest(inputs, db, Options(extract=False, max_input_bytes=CAP))

    failed = dict(report.failed)
    assert set(failed) == set(bad), failed
    for url, words in bad.items():
        assert words in failed[url], (url, failed[url])
    assert report.stored == 13
    assert all(stored_url(db, url) for url in good)
    assert stored_url(db, site.url("/moved"))  # stored under the URL asked for, which is what the hook is asked
    assert site.hits["/news/0"] == 1 and site.hits["/news/1"] == 1  # listed twice, fetched once
    assert site.hits["/loop"] == 6  # the first request and five redirects, then it gives up
    assert set(site.agents) == {USER_AGENT} and USER_AGENT.startswith("Chronicle/")


def test_seen_url_hook_skips_stored_urls(site, db):
    urls = [site.page(f"/a/{i}", article_html(i)) for i in range(6)]
    options = Options(extract=False)
    assert ingest(urls[:4], db, options).stored == 4

    items = list(read_all(urls, options.max_input_bytes, seen_url=lambda u: stored_url(db, u)))

    assert [item.path for item in items] == urls[4:]
    assert all(site.hits[f"/a/{i}"] == 1 for i in range(6))


def test_charset_and_plain_text(site, db):
    latin = article_html(7).replace("Tuesday", "Côte d’Ivoire Tuesday")
    site.routes["/latin"] = Route(latin.encode("cp1252"), content_type="text/html; charset=windows-1252")
    text = "Vote on Syria\n\nThe General Assembly adopted a resolution on Syria on Tuesday after a long debate.\n"
    plain = site.page("/plain.txt", text, content_type="text/plain")

    items = list(read_all([site.url("/latin"), plain], 1_000_000))

    assert [type(i).__name__ for i in items] == ["RawItem", "RawItem"]
    assert "Côte d’Ivoire" in items[0].content and items[0].decode_warning is None
    assert items[1].format == "text" and items[1].meta == {"url": plain}


def test_timeout_can_be_given_to_read_all(site):
    slow = site.page("/slow", article_html(1), delay=3)
    started = time.monotonic()
    (error,) = list(read_all([slow], 1_000_000, timeout=0.3))
    assert "timed out" in error.reason and error.source == slow
    assert time.monotonic() - started < 2.5  # the page answers after 3 s
