"""RSS and Atom feeds served from a real local HTTP server: items become articles, bad items are reported."""

from __future__ import annotations

import datetime as dt
import email.utils
from xml.sax.saxutils import escape

import pytest

from chronicle.engines.local import ingest
from chronicle.errors import UnknownFormat
from chronicle.settings import Options
from chronicle.sources import read_all

from .test_urls import CAP, article_html, serve, stored_url

pytest.importorskip("feedparser", reason="feeds need the feeds extra: pip install 'chronicle[feeds]'")


@pytest.fixture
def site():
    yield from serve()


@pytest.fixture
def short_timeout(monkeypatch):
    monkeypatch.setenv("CHRONICLE_FETCH_TIMEOUT", "0.5")


MISSING = {5, 15, 25, 35, 45}  # items whose page is gone (404)
SLOW, HUGE = 10, 20  # an item whose page answers after the timeout, one over the size cap


def day(n: int) -> dt.datetime:
    return dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.UTC) + dt.timedelta(days=n)


def rss(items: list[tuple[str, str, dt.datetime | None]]) -> str:
    """An RSS 2.0 feed of (link, title, published) items; an empty link leaves the <link> out."""
    parts = []
    for link, title, when in items:
        date = f"<pubDate>{email.utils.format_datetime(when)}</pubDate>" if when else ""
        tag = f"<link>{escape(link)}</link>" if link else ""
        parts.append(f"<item><title>{escape(title)}</title>{tag}{date}</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>http://127.0.0.1/</link><description>news</description>{''.join(parts)}</channel></rss>"
    )


def atom(items: list[tuple[str, str, dt.datetime]]) -> str:
    entries = "".join(
        f'<entry><title>{escape(t)}</title><link href="{escape(link)}"/><id>{escape(link)}</id>'
        f"<updated>{when.isoformat()}</updated></entry>"
        for link, t, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>'
        f"<id>urn:ledger</id><updated>2024-01-01T00:00:00Z</updated>{entries}</feed>"
    )


@pytest.fixture
def news_feed(site):
    """A feed of 50 items on `site`: 43 good pages, 5 gone, one slow, one too large. Returns (feed URL, bad)."""
    items, bad = [], {}
    for i in range(50):
        path = f"/story/{i}"
        if i == SLOW:
            site.page(path, article_html(i), delay=3)
            bad[site.url(path)] = "timed out"
        elif i == HUGE:
            site.page(path, article_html(i, size=CAP * 2))
            bad[site.url(path)] = "larger"
        elif i in MISSING:
            bad[site.url(path)] = "404"
        else:
            site.page(path, article_html(i))
        items.append((site.url(path), f"Story number {i}", day(i)))
    site.page("/feed.xml", rss(items), content_type="application/rss+xml")
    return site.url("/feed.xml"), bad


def test_feed_items_are_ingested_and_bad_items_reported(site, db, news_feed, short_timeout):
    feed, bad = news_feed
    report = ingest([f"feed:{feed}"], db, Options(extract=False, max_input_bytes=CAP))

    assert report.stored == 43
    failed = dict(report.failed)
    assert set(failed) == set(bad)
    for url, words in bad.items():
        assert words in failed[url], (url, failed[url])
    row = db.conn.execute("SELECT title, published FROM documents WHERE url = ?", (site.url("/story/3"),)).fetchone()
    assert tuple(row) == ("Story number 3", "2024-01-04")
    assert site.hits["/feed.xml"] == 1
    assert all(site.hits[f"/story/{i}"] == 1 for i in range(50))


def test_reingesting_a_feed_fetches_no_stored_page_again(site, db, news_feed, short_timeout):
    feed, bad = news_feed
    options = Options(extract=False, max_input_bytes=CAP)
    assert ingest([f"feed:{feed}"], db, options).stored == 43

    again = list(read_all([f"feed:{feed}"], CAP, seen_url=lambda u: stored_url(db, u)))

    assert site.hits["/feed.xml"] == 2  # a feed is read afresh on every run: that is where new items come from
    assert {e.source for e in again} == set(bad)  # only the pages that failed are tried again
    for i in range(50):
        assert site.hits[f"/story/{i}"] == (2 if site.url(f"/story/{i}") in bad else 1), i


def test_reingest_through_the_engine_fetches_no_stored_page(site, db, news_feed, short_timeout):
    feed, bad = news_feed
    options = Options(extract=False, max_input_bytes=CAP)
    ingest([f"feed:{feed}"], db, options)
    second = ingest([f"feed:{feed}"], db, options)
    assert second.stored == 0
    assert all(site.hits[f"/story/{i}"] == 1 for i in range(50) if site.url(f"/story/{i}") not in bad)


def test_overlapping_feeds_in_one_run_fetch_each_page_once(site, db):
    pages = [site.page(f"/p/{i}", article_html(i)) for i in range(12)]
    first = site.page("/one.rss", rss([(u, f"one {i}", day(i)) for i, u in enumerate(pages[:8])]),
                      content_type="application/rss+xml")  # fmt: skip
    second = site.page("/two.atom", atom([(u, f"two {i}", day(i)) for i, u in enumerate(pages[4:])]),
                       content_type="application/atom+xml")  # fmt: skip

    report = ingest([f"feed:{first}", second, f"feed:{first}"], db, Options(extract=False))

    assert report.stored == 12 and report.failed == []
    assert all(site.hits[f"/p/{i}"] == 1 for i in range(12))
    assert site.hits["/one.rss"] == 1


def test_a_feed_served_as_xml_is_recognised_by_its_body(site):
    page = site.page("/p/1", article_html(1))
    feed = site.page("/latest", rss([(page, "One", day(1))]), content_type="text/xml")
    (item,) = list(read_all([feed], 1_000_000))
    assert item.path == page and item.meta == {"title": "One", "published": "2024-01-02", "url": page}


def test_broken_feeds_and_items(site):
    page = site.page("/p/1", article_html(1))
    feed = site.page("/f.rss", rss([("", "no link", day(1)), (page, "fine", None), ("ftp://x/y", "odd", None)]),
                     content_type="application/rss+xml")  # fmt: skip
    html = site.page("/index.html", article_html(2))
    garbage = site.page("/garbage.rss", "<rss><channel><item><title>unterminated", content_type="application/rss+xml")

    out = list(read_all([f"feed:{feed}", f"feed:{html}", f"feed:{garbage}", "feed:not-a-url"], 1_000_000))

    by_source = {getattr(x, "source", None) or x.path: x for x in out}
    assert "no link" in by_source[f"{feed}#1"].reason
    assert by_source[page].meta == {"title": "fine", "url": page}
    assert "not an http(s) URL" in by_source[f"{feed}#3"].reason
    assert isinstance(by_source[html], UnknownFormat) and "not an RSS or Atom feed" in by_source[html].reason
    assert "feed" in by_source[garbage].reason
    assert "must be followed by" in by_source["feed:not-a-url"].reason


def test_local_feed_file_fetches_its_links(site, tmp_path, db):
    pages = [site.page(f"/p/{i}", article_html(i)) for i in range(3)]
    path = tmp_path / "saved.rss"
    path.write_text(rss([(u, f"saved {i}", day(i)) for i, u in enumerate(pages)]), encoding="utf-8")
    report = ingest([str(path)], db, Options(extract=False))
    assert report.stored == 3 and report.failed == []
    assert all(stored_url(db, u) for u in pages)


def test_local_feed_of_local_pages_works_offline(tmp_path, db):
    (tmp_path / "pages").mkdir()
    for i in range(3):
        (tmp_path / "pages" / f"{i}.html").write_text(article_html(i), encoding="utf-8")
    items = [(f"pages/{i}.html", f"offline {i}", day(i)) for i in range(3)]
    items.append(("pages/missing.html", "gone", day(9)))
    (tmp_path / "saved.atom").write_text(atom(items), encoding="utf-8")
    (tmp_path / "notes.xml").write_text("<notes><note>The vote on Syria was held on Tuesday.</note></notes>")

    report = ingest([str(tmp_path / "saved.atom"), str(tmp_path / "notes.xml")], db, Options(extract=False))

    assert report.stored == 4  # three pages, and the .xml that is no feed read as before
    assert report.failed == [(str(tmp_path / "pages" / "missing.html"), "no such file (linked from a local feed)")]
    row = db.conn.execute("SELECT title, published FROM documents WHERE path LIKE '%pages/1.html'").fetchone()
    assert tuple(row) == ("offline 1", "2024-01-02")
