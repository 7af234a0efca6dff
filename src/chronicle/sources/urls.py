"""Article URLs: fetched with httpx under limits (timeouts, size cap, redirects, content type), once per run.

Nothing is fetched twice: a `Fetcher` remembers every URL asked for in the run, and asks the engine's
`seen_url` hook whether a URL is already stored before fetching it.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urldefrag

from chronicle import __version__
from chronicle.errors import (
    EmptyInput,
    FetchFailed,
    InputError,
    InputTooLarge,
    MissingDependency,
    UnknownFormat,
)
from chronicle.sources.files import RawItem, decode

LOGGER = logging.getLogger(__name__)

USER_AGENT = f"Chronicle/{__version__} news research crawler"
DEFAULT_TIMEOUT = 10.0  # seconds to connect, and between two reads; CHRONICLE_FETCH_TIMEOUT overrides it
MAX_REDIRECTS = 5
DEADLINE_FACTOR = 3  # a whole fetch may take this many timeouts: a server trickling bytes cannot hold a run
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,text/*;q=0.5"

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
XML_TYPES = {"application/xml", "text/xml"}  # a feed when the body says so
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_HEAD = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def is_url(given: str) -> bool:
    return given[:8].lower().startswith(("http://", "https://"))


def normalize(url: str) -> str:
    """The URL as stored and compared: surrounding space and any #fragment dropped (same page)."""
    return urldefrag(url.strip())[0]


@dataclass(slots=True, frozen=True)
class FetchLimits:
    """What one fetch may cost."""

    max_bytes: int
    timeout: float = DEFAULT_TIMEOUT
    max_redirects: int = MAX_REDIRECTS

    @classmethod
    def from_env(cls, max_bytes: int, timeout: float | None = None) -> FetchLimits:
        if timeout is None:
            given = os.environ.get("CHRONICLE_FETCH_TIMEOUT", "")
            try:
                timeout = float(given) if given else DEFAULT_TIMEOUT
            except ValueError:
                LOGGER.warning("CHRONICLE_FETCH_TIMEOUT=%r is no number of seconds; using %g", given, DEFAULT_TIMEOUT)
                timeout = DEFAULT_TIMEOUT
        return cls(max_bytes=max_bytes, timeout=timeout)


@dataclass(slots=True)
class Page:
    """A fetched response body and what it is."""

    url: str  # as asked (normalized), not where redirects ended: the hook is asked about this one
    final_url: str
    kind: str  # html | text | feed
    body: bytes
    charset: str | None = None


class Fetcher:
    """One HTTP client for a run; remembers every URL it was asked for, so none is fetched twice."""

    def __init__(self, limits: FetchLimits, seen_url: Callable[[str], bool] | None = None):
        self.limits = limits
        self.seen_url = seen_url
        self.asked: set[str] = set()
        self._client = None

    def claim(self, url: str, *, stored: bool = True) -> bool:
        """True the first time `url` is asked for in this run, unless `stored` and the hook says it is stored."""
        if url in self.asked:
            LOGGER.debug("%s: already fetched in this run", url)
            return False
        self.asked.add(url)
        if stored and self.seen_url is not None and self.seen_url(url):
            LOGGER.debug("%s: already stored, not fetched", url)
            return False
        return True

    def get(self, url: str) -> Page | InputError:
        """The body at `url` within the limits, or the error that stopped it."""
        try:
            import httpx
        except ImportError:
            return MissingDependency(url, "fetching URLs needs httpx: pip install 'chronicle[feeds]'")
        if self._client is None:
            self._client = httpx.Client(
                follow_redirects=True, max_redirects=self.limits.max_redirects,
                timeout=httpx.Timeout(self.limits.timeout), headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
            )  # fmt: skip
        try:
            return self._get(self._client, url)
        except httpx.TooManyRedirects:
            return FetchFailed(url, f"more than {self.limits.max_redirects} redirects")
        except httpx.TimeoutException as exc:
            phase = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for the server"
            return FetchFailed(url, f"timed out {phase} (after {self.limits.timeout:g} s)")
        except httpx.ConnectError as exc:
            refused = "refused" in str(exc).lower()
            return FetchFailed(url, "connection refused" if refused else f"cannot connect ({exc})")
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return FetchFailed(url, f"{type(exc).__name__}: {exc}")

    def _get(self, client, url: str) -> Page | InputError:
        limit, cap = self.limits.max_bytes, f"larger than the {_mb(self.limits.max_bytes)} cap"
        deadline = time.monotonic() + DEADLINE_FACTOR * self.limits.timeout
        with client.stream("GET", url) as resp:
            if not 200 <= resp.status_code < 300:  # a redirect left over here has no Location to follow
                return FetchFailed(url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
            media, charset = content_type(resp.headers.get("content-type"))
            if media and media not in HTML_TYPES | TEXT_TYPES | FEED_TYPES | XML_TYPES:
                return UnknownFormat(url, f"content type {media}, not HTML, text or a feed")
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                return InputTooLarge(url, cap)
            body = bytearray()
            for chunk in resp.iter_bytes():  # decoded bytes: the cap holds for compressed responses too
                body += chunk
                if len(body) > limit:
                    return InputTooLarge(url, cap)
                if time.monotonic() > deadline:
                    return FetchFailed(url, f"took longer than {DEADLINE_FACTOR * self.limits.timeout:g} s")
            final = str(resp.url)
        kind = kind_of(media, bytes(body[:2048]))
        if kind is None:
            return UnknownFormat(url, f"content type {media}, and the body is no RSS or Atom feed")
        return Page(url=url, final_url=final, kind=kind, body=bytes(body), charset=charset)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def read_article(url: str, fetcher: Fetcher, meta: dict[str, str] | None = None) -> Iterator[RawItem | InputError]:
    """The article at `url` (nothing when it was fetched or stored before); a feed here is an error."""
    url = normalize(url)
    if not fetcher.claim(url):
        return
    page = fetcher.get(url)
    if isinstance(page, InputError):
        yield page
    elif page.kind == "feed":
        yield UnknownFormat(url, "a feed, not an article")
    else:
        yield page_item(page, meta)


def page_item(page: Page, meta: dict[str, str] | None = None) -> RawItem | InputError:
    if not page.body.strip():
        return EmptyInput(page.url, "the page is empty")
    text, warning = decode_body(page.body, page.charset)
    return RawItem(path=page.url, content=text, format="text" if page.kind == "text" else "html",
                   meta={**(meta or {}), "url": page.url}, decode_warning=warning)  # fmt: skip


def content_type(header: str | None) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from 'text/html; charset=UTF-8'; ('', None) when there is no header."""
    if not header:
        return "", None
    media, _, params = header.partition(";")
    found = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    return media.strip().lower(), found.group(1).lower() if found else None


def kind_of(media: str, head: bytes) -> str | None:
    """html | text | feed from the media type and the first bytes; None for XML that is no feed."""
    head = head.lstrip().lower()
    feed = bool(_FEED_ROOT.search(head)) and not _HTML_HEAD.search(head)
    if media in FEED_TYPES or feed:
        return "feed"
    if media in XML_TYPES:
        return None
    if media in HTML_TYPES or (not media and _HTML_HEAD.search(head)):
        return "html"
    return "text"


def decode_body(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """The declared charset (header, else <meta charset>) when it decodes cleanly, else files.decode's fallbacks."""
    if charset is None and (found := _CHARSET.search(data[:4096])):
        charset = found.group(1).decode("ascii").lower()
    if charset and charset.replace("-", "").replace("_", "") not in ("utf8", "usascii", "ascii"):
        try:
            return data.decode(charset), None
        except (LookupError, UnicodeDecodeError):
            LOGGER.debug("declared charset %s does not decode; falling back", charset)
    return decode(data)


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
