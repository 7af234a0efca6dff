"""WARC and WARC.gz inputs built with warcio's WARCWriter: HTML responses stored, the rest skipped or reported."""

from __future__ import annotations

import gzip
import io
import re

import pytest

from chronicle.engines.local import ingest
from chronicle.errors import EmptyInput, InputTooLarge, MalformedRecord
from chronicle.settings import Options
from chronicle.sources import read_all

from .test_urls import COUNTRIES, article_html

warcio = pytest.importorskip("warcio", reason="WARC inputs need the feeds extra: pip install 'chronicle[feeds]'")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402


def page(n: int) -> tuple[str, str]:
    """(URL, HTML) of page `n`, from one of five templates; template 0 states its own date."""
    kind = n % 5
    url = f"https://news.example.org/{['world', 'un', 'asia', 'africa', 'americas'][kind]}/story-{n}"
    if kind == 0:
        return url, article_html(n, date="2023-11-16T09:30:00Z", size=1200)
    if kind == 1:
        return url, article_html(n, size=1200).replace("<article>", '<nav><a href="/">Home</a></nav><article>')
    if kind == 2:
        return url, article_html(n, size=1500).replace("</article>", "</article><footer>© Example News</footer>")
    if kind == 3:  # no content type header: the body says HTML
        return url, article_html(n, size=1100)
    text = f"{COUNTRIES[n % 10]} vote {n}. " + "The Council adopted the text on Friday. " * (30 + n % 9)
    return url, f'<html><body><div class="story"><h2>Vote {n}</h2><p>{text}</p></div></body></html>'


class Warc:
    """A WARC written record by record; remembers each record's offset and what it is."""

    def __init__(self, gz: bool = True):
        self.buf = io.BytesIO()
        self.writer = WARCWriter(self.buf, gzip=gz)
        self.records: list[tuple[int, str]] = []  # (offset, kind)

    def _add(self, kind: str, record) -> None:
        self.records.append((self.buf.tell(), kind))
        self.writer.write_record(record)

    def html(self, n: int) -> None:
        url, body = page(n)
        headers = [] if n % 5 == 3 else [("Content-Type", "text/html; charset=utf-8")]
        self.response(url, body.encode("utf-8"), headers, kind="html", date=f"2024-05-{1 + n % 28:02d}T08:00:00Z")

    def response(self, url: str, body: bytes, headers, *, kind: str, status: str = "200 OK", date=None) -> None:
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": date} if date else None
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=warc_headers
        )
        self._add(kind, record)

    def request(self, url: str) -> None:
        http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        self._add("request", self.writer.create_warc_record(url, "request", http_headers=http))

    def metadata(self, url: str) -> None:
        record = self.writer.create_warc_record(
            url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"), warc_content_type="application/warc-fields"
        )
        self._add("metadata", record)

    def raw(self, data: bytes, kind: str = "malformed") -> None:
        self.records.append((self.buf.tell(), kind))
        self.buf.write(data)

    def bytes(self) -> bytes:
        return self.buf.getvalue()


def big_warc() -> Warc:
    """1,000 records: 982 HTML responses, 10 requests, 3 metadata, 2 non-HTML, a redirect, warcinfo, a broken one."""
    warc = Warc()
    warc._add("warcinfo", warc.writer.create_warcinfo_record("news.warc.gz", {"software": "test"}))
    n = 0
    for i in range(999):
        if i % 100 == 7:
            warc.request(f"https://news.example.org/req/{i}")
        elif i in (50, 450, 850):
            warc.metadata(f"https://news.example.org/meta/{i}")
        elif i == 300:
            warc.response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(500), [("Content-Type", "image/png")], kind="other")  # noqa: E501
        elif i == 301:
            warc.response("https://news.example.org/app.js", b"var x = 1;", [("Content-Type", "application/javascript")], kind="other")  # noqa: E501
        elif i == 302:
            warc.response("https://news.example.org/old", b"", [("Location", "/new")], kind="other", status="301 Moved")
        elif i == 600:  # a gzip member whose WARC header says nothing sensible
            head = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\n"
            warc.raw(gzip.compress(head + b"<html>oops\r\n\r\n"))
        else:
            warc.html(n)
            n += 1
    return warc


def test_a_thousand_record_warc_gz_ingests_end_to_end(tmp_path, db):
    warc = big_warc()
    kinds = [kind for _, kind in warc.records]
    assert len(kinds) == 1000 and kinds.count("html") == 982
    path = tmp_path / "news.warc.gz"
    path.write_bytes(warc.bytes())

    report = ingest([str(path)], db, Options(extract=False), workers=2)

    bad_offset = next(offset for offset, kind in warc.records if kind == "malformed")
    assert report.failed == [(f"{path}#{bad_offset}", report.failed[0][1])]
    assert "Content-Length" in report.failed[0][1]
    assert report.stored == 982
    rows = {r["path"]: r for r in db.conn.execute("SELECT path, url, published FROM documents")}
    html_offsets = [offset for offset, kind in warc.records if kind == "html"]
    assert set(rows) == {f"{path}#{offset}" for offset in html_offsets}
    first, fourth = rows[f"{path}#{html_offsets[0]}"], rows[f"{path}#{html_offsets[3]}"]
    assert first["url"] == "https://news.example.org/world/story-0"
    assert first["published"] == "2023-11-16"  # the page's own date beats the crawl date
    assert fourth["url"] == "https://news.example.org/africa/story-3" and fourth["published"] == "2024-05-04"


def test_truncated_gzip_member_is_reported_after_the_records_before_it(tmp_path, db):
    warc = Warc()
    for n in range(40):
        warc.html(n)
        if n % 10 == 0:
            warc.request(f"https://news.example.org/req/{n}")
    data = warc.bytes()
    cut_record = 30
    start, _ = warc.records[cut_record]
    end = warc.records[cut_record + 1][0]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: start + (end - start) // 2])

    report = ingest([str(path)], db, Options(extract=False))

    assert report.stored == sum(kind == "html" for _, kind in warc.records[:cut_record])
    assert len(report.failed) == 1
    source, reason = report.failed[0]
    assert source == f"{path}#{start}" and "truncated" in reason


def test_plain_warc_with_broken_records_resumes_after_each(tmp_path):
    warc = Warc(gz=False)
    for n in range(12):
        if n == 4:
            warc.raw(b"GARBAGE LINE\r\nnot: a record\r\n\r\n")
        warc.html(n)
    data = warc.bytes()
    # record 9 says it is 50 bytes shorter than it is: its end is not where its Content-Length says
    nine = warc.records[10][0]
    header_end = data.index(b"\r\n\r\n", nine)
    length = re.search(rb"Content-Length: (\d+)", data[nine:header_end])
    short = str(int(length.group(1)) - 50).encode()
    data = data[:nine] + data[nine:header_end].replace(length.group(0), b"Content-Length: " + short) + data[header_end:]
    path = tmp_path / "plain.warc"
    path.write_bytes(data)

    out = list(read_all([str(path)], 1_000_000))

    errors = [x for x in out if isinstance(x, MalformedRecord)]
    assert [e.source for e in errors] == [f"{path}#{warc.records[4][0]}", f"{path}#{nine}"]
    assert len(out) - len(errors) == 11  # twelve pages, less the one whose length is wrong


def test_record_over_the_cap_is_reported_and_the_rest_read(tmp_path):
    warc = Warc()
    warc.html(0)
    warc.response("https://news.example.org/huge", article_html(1, size=300_000).encode(),
                  [("Content-Type", "text/html")], kind="huge")  # fmt: skip
    warc.html(2)
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "part-0.warc.gz").write_bytes(warc.bytes())

    out = list(read_all([str(folder)], 200_000))  # a folder: its .warc.gz files are read too

    assert [type(x) for x in out] == [type(out[0]), InputTooLarge, type(out[0])]
    assert out[1].source.endswith(f"#{warc.records[1][0]}")
    assert [x.meta["url"] for x in (out[0], out[2])] == [page(0)[0], page(2)[0]]


def test_not_a_warc_at_all(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("this is only a text file that claims to be a WARC\n", encoding="utf-8")
    (error,) = list(read_all([str(path)], 1_000_000))
    assert isinstance(error, MalformedRecord) and error.source == f"{path}#0"
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    (error,) = list(read_all([str(empty)], 1_000_000))
    assert isinstance(error, EmptyInput) and error.source == str(empty)
