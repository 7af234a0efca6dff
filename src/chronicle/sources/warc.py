"""WARC and WARC.gz archives (warcio), as Common Crawl's CC-NEWS publishes them: each HTML response is one item.

The file streams record by record, so memory holds one record, itself capped at `max_bytes`. Requests,
metadata and non-HTML responses are skipped (debug log). A broken record is reported and reading resumes
at the next record boundary after it; a file that ends inside a record is reported after the records before it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator

from chronicle.errors import EmptyInput, InputError, InputTooLarge, MalformedRecord, MissingDependency, UnreadableInput
from chronicle.sources.files import RawItem
from chronicle.sources.urls import HTML_TYPES, content_type, decode_body, kind_of

LOGGER = logging.getLogger(__name__)

_GZIP_MEMBER = b"\x1f\x8b\x08"  # each record of a .warc.gz is its own gzip member
_WARC_LINE = b"\nWARC/1."
# a page that states its own date: cleaning (trafilatura) reads it, and it beats the crawl date
_OWN_DATE = re.compile(rb"article:published_time|datepublished|pubdate|dc\.date|<time[^>]+datetime", re.I)
_URL_DATE = re.compile(r"/(?:19|20)\d\d/[01]?\d/")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def read_warc(path: str, max_bytes: int) -> Iterator[RawItem | InputError]:
    """Each HTML response record as an item named `path#offset`, and an error for each broken stretch."""
    try:
        import warcio  # noqa: F401
    except ImportError:
        yield MissingDependency(path, "reading WARC files needs warcio: pip install 'chronicle[feeds]'")
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield UnreadableInput(path, exc.strerror or str(exc))
        return
    with fh:
        if os.fstat(fh.fileno()).st_size == 0:
            yield EmptyInput(path, "file is empty")
            return
        marker = _GZIP_MEMBER if fh.read(2) == _GZIP_MEMBER[:2] else _WARC_LINE
        start: int | None = 0
        resyncing = False
        while start is not None:
            start, resyncing = yield from _stretch(path, fh, start, marker, max_bytes, resyncing)


def _stretch(path: str, fh, start: int, marker: bytes, max_bytes: int, resyncing: bool):
    """Items from `start` until the file ends or breaks; returns where to resume (None: the end) and whether
    that is a guess. An item is held until its record is seen to end where its Content-Length says."""
    from warcio.archiveiterator import ArchiveIterator

    fh.seek(start)
    records = ArchiveIterator(fh)
    records.INC_RECORD = ""  # warcio writes its length warning to stderr; err_count tells us instead
    held, errors = None, 0
    try:
        for record in records:
            if held is not None:
                yield _checked(held, records.err_count > errors)
                held = None
            errors, resyncing = records.err_count, False
            item = _item(path, records.offset, record, max_bytes)
            if isinstance(item, MalformedRecord):  # its length cannot be trusted: find the next record
                yield item
                return _next_boundary(fh, records.offset + 1, marker), True
            held = item
    except Exception as exc:  # warcio raises many types on broken input; one record must not stop the file
        at = records.offset
        if held is not None:
            yield _checked(held, records.err_count > errors)
        if not resyncing:  # a false boundary found while resyncing is no second error
            yield MalformedRecord(f"{path}#{at}", f"broken WARC record at byte {at} ({_first_line(exc)})")
        return _next_boundary(fh, at + 1, marker), True
    if held is not None:
        yield _checked(held, records.err_count > errors)
    if records.offset < os.fstat(fh.fileno()).st_size:
        yield UnreadableInput(f"{path}#{records.offset}", "the file ends inside this record (truncated)")
    return None, False


def _checked(item: RawItem | InputError, overran: bool) -> RawItem | InputError:
    if overran and isinstance(item, RawItem):
        return MalformedRecord(item.path, "the record does not end where its Content-Length says")
    return item


def _item(path: str, offset: int, record, max_bytes: int) -> RawItem | InputError | None:
    """The item for one record, an error for a bad one, None for one that holds no article."""
    where = f"{path}#{offset}"
    length = record.rec_headers.get_header("Content-Length") or ""
    if not length.isdigit():  # warcio reads such a record as empty and goes on
        return MalformedRecord(where, f"WARC record at byte {offset} has Content-Length {length!r}, not a number")
    if record.rec_type != "response" or record.http_headers is None:
        LOGGER.debug("%s: %s record skipped", where, record.rec_type)
        return None
    http = record.http_headers
    if http.get_statuscode() != "200":
        LOGGER.debug("%s: HTTP %s response skipped", where, http.get_statuscode())
        return None
    media, charset = content_type(http.get_header("Content-Type"))
    if media and media not in HTML_TYPES:
        LOGGER.debug("%s: %s response skipped", where, media)
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return InputTooLarge(where, f"record larger than the {max_bytes:,} byte cap")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return UnreadableInput(where, "the file ends inside this record (truncated)")
    if not media and kind_of("", data[:2048]) != "html":
        LOGGER.debug("%s: response without a content type that is not HTML skipped", where)
        return None
    if not data.strip():
        return EmptyInput(where, "the HTML response is empty")
    text, warning = decode_body(data, charset)
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    meta = {"url": url} if url else {}
    date = record.rec_headers.get_header("WARC-Date") or ""
    if _ISO_DAY.match(date) and not (_OWN_DATE.search(data) or _URL_DATE.search(url)):
        meta["published"] = date[:10]  # the crawl date, only when the page gives no better one
    return RawItem(path=where, content=text, format="html", meta=meta, decode_warning=warning)


def _next_boundary(fh, start: int, marker: bytes, block: int = 1 << 20) -> int | None:
    """The offset of the next record start at or after `start`, reading a block at a time."""
    fh.seek(start)
    pos, tail = start, b""
    while chunk := fh.read(block):
        data = tail + chunk
        found = data.find(marker)
        if found >= 0:
            hit = pos - len(tail) + found
            return hit + 1 if marker == _WARC_LINE else hit
        tail = data[-(len(marker) - 1) :]
        pos += len(chunk)
    return None


def _first_line(exc: Exception) -> str:
    """The exception's first line, printable characters only: warcio quotes the bytes it could not parse."""
    text = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
    text = "".join(ch if " " <= ch <= "~" else "?" for ch in text[:120])
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
