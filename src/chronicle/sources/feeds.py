"""RSS and Atom feeds (feedparser): each item's link is fetched as an article, its title and date go into the meta.

A feed comes as `feed:URL`, as a plain URL whose response is a feed, or as a local file (.rss, .atom, .xml).
A local feed may link local pages (relative paths or file:// URLs), so a saved feed works offline.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from urllib.parse import unquote, urlparse

from chronicle.errors import EmptyInput, InputError, MalformedRecord, MissingDependency, MissingInput, UnknownFormat
from chronicle.sources.files import RawItem
from chronicle.sources.urls import Fetcher, is_url, kind_of, normalize, page_item, read_article

LOGGER = logging.getLogger(__name__)

FEED_PREFIX = "feed:"


def is_feed_input(given: str) -> bool:
    return given[:5].lower() == FEED_PREFIX


def looks_like_feed(data: bytes) -> bool:
    return kind_of("", data[:2048]) == "feed"


def read_feed_url(given: str, fetcher: Fetcher) -> Iterator[RawItem | InputError]:
    """`feed:URL`: the articles its items link (each URL at most once per run, none already stored)."""
    url = normalize(given[len(FEED_PREFIX) :])
    if not is_url(url):
        yield MissingInput(given, "feed: must be followed by an http:// or https:// URL")
        return
    if not fetcher.claim(url, stored=False):
        return
    page = fetcher.get(url)
    if isinstance(page, InputError):
        yield page
    elif page.kind != "feed":
        yield UnknownFormat(url, f"not an RSS or Atom feed (the response is {page.kind})")
    else:
        yield from feed_items(url, page.body, fetcher)


def read_link(url: str, fetcher: Fetcher) -> Iterator[RawItem | InputError]:
    """A plain http(s) input: the article, or the articles of the feed it turns out to serve."""
    url = normalize(url)
    if not fetcher.claim(url):
        return
    page = fetcher.get(url)
    if isinstance(page, InputError):
        yield page
    elif page.kind == "feed":
        yield from feed_items(url, page.body, fetcher)
    else:
        yield page_item(page)


def feed_items(source: str, data: bytes, fetcher: Fetcher, folder: str | None = None) -> Iterator[RawItem | InputError]:
    """Each item's article; `folder` (a local feed's) lets items link files on disk."""
    try:
        import feedparser
    except ImportError:
        yield MissingDependency(source, "reading feeds needs feedparser: pip install 'chronicle[feeds]'")
        return
    parsed = feedparser.parse(data)  # bytes, never a URL string: feedparser would fetch that itself
    if parsed.get("bozo"):  # feedparser recovers from most damage: a broken feed is one with no usable item
        if not any(entry.get("link") for entry in parsed.entries):
            yield MalformedRecord(source, f"not a readable RSS or Atom feed ({parsed.get('bozo_exception')})")
            return
        LOGGER.debug("%s: feed parsed with problems: %s", source, parsed.get("bozo_exception"))
    if not parsed.entries:
        yield EmptyInput(source, "the feed holds no items")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        meta = item_meta(entry)
        if not link:
            yield MalformedRecord(f"{source}#{number}", f"item {number} has no link")
        elif is_url(link):
            yield from read_article(link, fetcher, meta)
        elif folder is not None:
            yield from _local_page(link, folder, meta, fetcher)
        else:
            yield MalformedRecord(f"{source}#{number}", f"item {number} links {link!r}, not an http(s) URL")


def item_meta(entry) -> dict[str, str]:
    """Title and published date (YYYY-MM-DD, from the published or else the updated time) of one item."""
    meta = {}
    if title := " ".join((entry.get("title") or "").split()):
        meta["title"] = title
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    if when:
        meta["published"] = f"{when.tm_year:04d}-{when.tm_mon:02d}-{when.tm_mday:02d}"
    return meta


def _local_page(link: str, folder: str, meta: dict[str, str], fetcher: Fetcher) -> Iterator[RawItem | InputError]:
    from chronicle.sources.files import KNOWN_SUFFIXES, _suffixes, read

    parsed = urlparse(link)
    if parsed.scheme not in ("", "file"):
        yield MalformedRecord(link, f"unsupported link scheme {parsed.scheme}:")
        return
    path = os.path.join(folder, unquote(parsed.path))
    if not _suffixes(path) & KNOWN_SUFFIXES:  # a page, never another feed or archive: no loops
        yield UnknownFormat(path, "a local feed item must link a .txt, .html or .jsonl file")
        return
    if not os.path.exists(path):
        yield MissingInput(path, "no such file (linked from a local feed)")
        return
    if not fetcher.claim(os.path.abspath(path), stored=False):
        return
    for item in read(path, fetcher.limits.max_bytes):
        if isinstance(item, RawItem):
            item.meta = {**meta, **item.meta}
        yield item
