"""Turn command-line inputs (files, folders, globs, `-`, URLs, feeds) into raw items.

Readers never raise for a bad input in a batch: they yield the `InputError`, and the engine
decides what to do with it (count it, report it, go on).
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.errors import (
    EmptyInput,
    InputError,
    InputTooLarge,
    MalformedRecord,
    MissingInput,
    UnknownFormat,
    UnreadableInput,
)

if TYPE_CHECKING:
    from chronicle.sources.urls import Fetcher

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
WARC_SUFFIXES = {".warc"}  # .warc.gz too: _suffixes looks through .gz
FEED_SUFFIXES = {".rss", ".atom", ".xml"}  # a local feed; an .xml file that is no feed reads as before
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF")


@dataclass(slots=True)
class RawItem:
    """One article's content before cleaning."""

    path: str  # as given on the command line (folder joined with file name); JSONL: path#line
    content: str
    format: str  # text | html
    meta: dict[str, str] = field(default_factory=dict)  # url, title, published, outlet
    decode_warning: str | None = None


def expand(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """Each input as file paths: folders recursively (sorted), globs, `-` for stdin; URLs and feed: pass through."""
    for given in inputs:
        if given == "-" or _is_remote(given):
            yield given
        elif os.path.isdir(given):
            found = False
            for root, dirs, files in os.walk(given):
                dirs.sort()
                for name in sorted(files):
                    if _suffixes(name) & (KNOWN_SUFFIXES | WARC_SUFFIXES):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                yield MissingInput(given, "folder holds no .txt, .html, .jsonl or .warc files")
        elif os.path.exists(given) or os.path.islink(given):
            yield given
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield MissingInput(given, "pattern matched no files")
            for match in matches:
                yield from expand([match])
        else:
            yield MissingInput(given, "no such file or folder")


def read(path: str, max_bytes: int, fetcher: Fetcher | None = None) -> Iterator[RawItem | InputError]:
    """The raw items in one file (several for JSONL, WARC or a feed), or the error that stops it.

    A local feed's items are fetched with `fetcher` (one made for the call when none is given).
    """
    if path != "-" and _suffixes(path) & WARC_SUFFIXES:
        from chronicle.sources.warc import read_warc  # streams: a WARC is never read whole

        yield from read_warc(path, max_bytes)
        return
    try:
        data = _read_bytes(path, max_bytes)
    except InputError as err:
        yield err
        return
    if _suffixes(path) & FEED_SUFFIXES:
        from chronicle.sources import feeds

        if feeds.looks_like_feed(data):
            with _fetching(fetcher, max_bytes) as fetch:
                yield from feeds.feed_items(path, data, fetch, os.path.dirname(path))
            return
    fmt = _format_of(path, data)
    if isinstance(fmt, InputError):
        yield fmt
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, data)
        return
    text, warning = decode(data)
    if not text.strip():
        yield EmptyInput(path, "file holds no text")
        return
    if _looks_binary(text):
        yield UnknownFormat(path, "binary data, not text, HTML or JSONL")
        return
    yield RawItem(path=path, content=text, format=fmt, decode_warning=warning)


def read_all(
    inputs: Iterable[str],
    max_bytes: int,
    seen_url: Callable[[str], bool] | None = None,
    *,
    timeout: float | None = None,
) -> Iterator[RawItem | InputError]:
    """Every input's raw items and errors, in order. No URL is fetched twice in a run, nor one `seen_url` knows.

    `timeout` (seconds, per connect and per read) defaults to $CHRONICLE_FETCH_TIMEOUT, else 10.
    """
    with _fetching(None, max_bytes, seen_url, timeout) as fetcher:
        for path in expand(inputs):
            if isinstance(path, InputError):
                yield path
            elif _is_remote(path):
                from chronicle.sources import feeds

                if feeds.is_feed_input(path):
                    yield from feeds.read_feed_url(path, fetcher)
                else:
                    yield from feeds.read_link(path, fetcher)
            else:
                yield from read(path, max_bytes, fetcher)


@contextlib.contextmanager
def _fetching(fetcher: Fetcher | None, max_bytes: int, seen_url=None, timeout=None) -> Iterator[Fetcher]:
    """The given fetcher, or one for this call, closed after it; httpx is imported on the first fetch only."""
    if fetcher is not None:
        yield fetcher
        return
    from chronicle.sources.urls import Fetcher, FetchLimits

    own = Fetcher(FetchLimits.from_env(max_bytes, timeout), seen_url)
    try:
        yield own
    finally:
        own.close()


def rereadable(path: str) -> bool:
    """A local file that a pre-pass may read again cheaply: not stdin, a URL, a feed or a WARC archive."""
    if path == "-" or _is_remote(path):
        return False
    return not _suffixes(path) & (FEED_SUFFIXES | WARC_SUFFIXES)


def _is_remote(given: str) -> bool:
    return given[:8].lower().startswith(("http://", "https://", "feed:"))


def decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 (BOM or not), else cp1252, else Latin-1; the second value warns of a fallback."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 at byte {exc.start}"
    try:
        return data.decode("cp1252"), f"{where}; decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"{where}; decoded as Latin-1"


def _looks_binary(text: str) -> bool:
    """Control characters other than line breaks and tabs are rare in text and common in binary data."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(4, len(sample) // 100)


def _suffixes(name: str) -> set[str]:
    parts = Path(name.lower()).suffixes
    if parts and parts[-1] == ".gz":
        parts = parts[:-1]
    return {parts[-1]} if parts else set()


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        if os.path.islink(path) and not os.path.exists(path):
            raise UnreadableInput(path, "broken symbolic link")
        if not os.path.isfile(path):
            raise UnreadableInput(path, "not a regular file")
        try:
            if os.path.getsize(path) > max_bytes and not path.lower().endswith(".gz"):
                raise InputTooLarge(path, f"larger than the {max_bytes // (1024 * 1024)} MB cap")
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except PermissionError:
            raise UnreadableInput(path, "permission denied") from None
        except OSError as exc:
            raise UnreadableInput(path, exc.strerror or str(exc)) from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data, max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableInput(path, f"broken gzip data ({exc})") from None
    if len(data) > max_bytes:
        raise InputTooLarge(path, f"larger than the {max_bytes // (1024 * 1024)} MB cap")
    if not data.strip():
        raise EmptyInput(path, "file is empty")
    return data


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    out = bytearray()
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        while chunk := gz.read(1 << 20):
            out += chunk
            if len(out) > max_bytes:
                break
    return bytes(out)


def _format_of(path: str, data: bytes) -> str | InputError:
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        return UnknownFormat(path, "binary data, not text, HTML or JSONL")
    suffixes = _suffixes(path)
    if suffixes & JSONL_SUFFIXES:
        return "jsonl"
    if suffixes & HTML_SUFFIXES:
        return "html"
    if suffixes & TEXT_SUFFIXES:
        return "text"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _read_jsonl(path: str, data: bytes) -> Iterator[RawItem | InputError]:
    text, warning = decode(data)
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}#{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedRecord(where, f"line {number} is not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield MalformedRecord(where, f"line {number} is not a JSON object")
            continue
        body, fmt = obj.get("html"), "html"
        if not (isinstance(body, str) and body.strip()):
            body, fmt = obj.get("text"), "text"
        if not (isinstance(body, str) and body.strip()):
            yield MalformedRecord(where, f"line {number} has no 'text' or 'html'")
            continue
        meta = {k: str(obj[k]) for k in ("url", "title", "published", "outlet") if obj.get(k)}
        found = True
        yield RawItem(path=where, content=body, format=fmt, meta=meta, decode_warning=warning)
    if not found:
        LOGGER.debug("%s held no usable records", path)
