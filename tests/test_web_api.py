"""The REST API of `chronicle serve`, asked over HTTP on 127.0.0.1: same answers as the store's queries (which the
CLI prints), pagination, CSV, 4xx for bad input, 503 for a query stopped at its deadline, read-only serving."""

from __future__ import annotations

import csv
import io
import os
import threading
import time
from urllib.parse import quote

import pytest

from .conftest import EXAMPLES, SEEDS
from .webserver import chronicle, serving

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")


def get(base: str, path: str, status: int = 200, **params):
    response = httpx.get(base + path, params=params, timeout=30)
    assert response.status_code == status, response.text
    return response


@pytest.fixture(scope="module")
def conn(web_db):
    from chronicle.store.db import Store

    with Store(web_db, readonly=True) as store:
        yield store.conn


def test_lists_match_the_store_queries_the_cli_uses(web_url, conn):
    from chronicle.store import queries, timeline

    assert get(web_url, "/api/quotes", speaker="Kim Song").json()["items"] == queries.quotes(conn, speaker="Kim Song")
    assert get(web_url, "/api/events", actor="PRK", type="REJECT").json()["items"] == queries.events(
        conn, actor="PRK", type="REJECT")
    assert get(web_url, "/api/actors", kind="person").json()["items"] == queries.actors(conn, kind="person")
    found = get(web_url, "/api/resolutions", target="PRK", limit=500).json()["items"]
    assert found == timeline.resolutions(conn, target="PRK")
    assert [r["year"] for r in get(web_url, "/api/resolutions", target="prk", since=2023, until=2023).json()["items"]
            ] == [2023] * sum(r["year"] == 2023 for r in found)
    assert get(web_url, "/api/timeline/PRK", limit=500).json()["items"] == timeline.timeline(conn, "PRK")
    assert get(web_url, "/api/stats").json() == queries.stats(conn)


def test_pages_by_offset_and_by_cursor_agree(web_url):
    whole = get(web_url, "/api/actors", limit=500).json()["items"]
    assert len(whole) > 25
    walked, cursor = [], None
    while True:
        page = get(web_url, "/api/actors", limit=10, **({"cursor": cursor} if cursor else {})).json()
        walked += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == whole
    assert get(web_url, "/api/actors", limit=10, offset=20).json()["items"] == whole[20:30]
    assert get(web_url, "/api/actors").json()["limit"] == 50


def test_csv_format(web_url):
    response = get(web_url, "/api/quotes", speaker="Lim Soo-suk", format="csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and all(r["speaker_name"] == "Lim Soo-suk" for r in rows)


def test_resolution_detail_has_sources_stages_reactions_and_votes(web_url, conn):
    from chronicle.store import un_votes

    linked = sorted({cluster for cluster, _, _ in un_votes.links(conn)})
    assert linked, "the UN voting sample links to no stored resolution"
    detail = get(web_url, "/api/resolutions/" + quote(linked[0], safe="")).json()
    assert detail["id"] == linked[0]
    assert detail["sources"] and detail["sources"][0]["evidence"][0]["text"]
    assert {"stages", "reactions"} <= set(detail)
    assert detail["un_votes"][0]["votes"] and {"ms_code", "vote"} <= set(detail["un_votes"][0]["votes"][0])


def test_country_chart_has_one_mark_per_year_from_the_furthest_stage():
    from chronicle.web.render import chart_data

    def row(year, body, adoption=None, tally=None, cosponsors=None, streak=None, sources=1):
        return {"id": f"{body}|{year}", "year": year, "body": body, "status": "adopted", "adoption": adoption,
                "tally": tally, "cosponsor_count": cosponsors, "streak": streak, "sources": sources}  # fmt: skip

    rows = [
        row(2023, "UNHRC", "recorded_vote", "28-2-17"),
        row(2023, "UNGA Third Committee", "recorded_vote", "86-15-68", cosponsors=50),
        row(2023, "UNGA plenary", "without_vote", cosponsors=61, streak=19),  # no tally: the committee's vote is shown
        row(2024, "UNHRC", "consensus"),
        row(2024, "UNGA plenary", "without_vote", cosponsors=60),
        row(2025, "UNGA Third Committee"),
        row(None, "UNGA plenary", "consensus"),  # undated: not charted
    ]
    chart = chart_data(rows)
    assert [(y["year"], y["mark"], y["body"]) for y in chart] == [
        (2023, "votes", "UNGA Third Committee"),
        (2024, "without_vote", "UNGA plenary"),
        (2025, "reported", "UNGA Third Committee"),
    ]
    assert chart[0]["votes"] == {"yes": 86, "no": 15, "abstain": 68} and chart[0]["cosponsors"] == 61
    assert [s["body"] for s in chart[0]["stages"]] == ["UNGA plenary", "UNGA Third Committee", "UNHRC"]
    assert chart[0]["stages"][0]["streak"] == 19 and chart[2]["cosponsors"] is None


def test_document_detail_has_text_removed_spans_and_records_with_offsets(web_url):
    hit = next(h for h in get(web_url, "/api/search", q="Kim Song").json()["items"] if "000_" in h["path"])
    doc = get(web_url, f"/api/documents/{hit['id']}").json()
    assert "CLICK HERE TO GET THE FOX NEWS APP" in [r["text"] for r in doc["removed"]]
    speakers = {q["speaker_name"] for q in doc["quotes"]}
    assert {"Kim Song", "Lim Soo-suk"} <= speakers
    for q in doc["quotes"]:
        assert doc["text"][q["start"] : q["end"]] == q["text"]


def test_search_returns_snippets(web_url):
    hits = get(web_url, "/api/search", q="non-refoulement").json()["items"]
    assert hits and all("[refoulement]" in h["snippet"].lower() or "[forcibly repatriate]" in h["snippet"].lower()
                        for h in hits)  # fmt: skip
    assert any(h["path"].endswith("000_376aa65d6dd90d01.txt") for h in hits)  # the provision's phrasing
    seed = get(web_url, "/api/search", q="forcibly repatriate").json()["items"]
    assert [h["path"].endswith("000_376aa65d6dd90d01.txt") for h in seed] == [True]


def test_search_pages_by_offset_and_by_cursor_agree(web_url, conn):
    from chronicle.store import queries

    whole = get(web_url, "/api/search", q="resolution", limit=500).json()["items"]
    assert len(whole) > 12 and whole == queries.search(conn, "resolution", limit=500)
    assert [h["score"] for h in whole] == sorted(h["score"] for h in whole)
    walked, cursor = [], None
    while True:
        page = get(web_url, "/api/search", q="resolution", limit=5, **({"cursor": cursor} if cursor else {})).json()
        walked += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == whole
    assert get(web_url, "/api/search", q="resolution", limit=5, offset=10).json()["items"] == whole[10:15]
    assert queries.search(conn, "resolution", limit=5, offset=10) == whole[10:15]


def test_actor_detail(web_url):
    actor = get(web_url, "/api/actors/" + quote("kim song")).json()
    assert actor["id"] == "Kim Song" and actor["kind"] == "person"
    assert any(i["kind"] == "quote" for i in actor["timeline"])


@pytest.mark.parametrize(
    ("path", "params", "status", "names"),
    [
        ("/api/actors", {"limit": 10**9}, 422, "limit"),
        ("/api/actors", {"limit": 0}, 422, "limit"),
        ("/api/quotes", {"offset": -1}, 422, "offset"),
        ("/api/quotes", {"cursor": "not-a-cursor"}, 422, "cursor"),
        ("/api/quotes", {"cursor": "eyJvZmZzZXQiOiAtNX0"}, 422, "cursor"),  # {"offset": -5}
        ("/api/quotes", {"since": "last week"}, 422, "since"),
        ("/api/actors", {"kind": "planet"}, 422, "kind"),
        ("/api/actors", {"format": "xml"}, 422, "format"),
        ("/api/resolutions", {"since": "soon"}, 422, "since"),
        ("/api/search", {}, 422, "q"),
        ("/api/search", {"q": "x" * 10_000}, 422, "q"),
        ("/api/quotes", {"q": "word " * 2000}, 422, "q"),
        ("/api/documents/ffffffffffffffff", {}, 404, "ffffffffffffffff"),
        ("/api/resolutions/" + quote("UNGA plenary|XXX|1999", safe=""), {}, 404, "UNGA plenary|XXX|1999"),
        ("/api/actors/Nobody%20At%20All", {}, 404, "Nobody At All"),
        ("/api/timeline/ZZZ", {}, 404, "ZZZ"),
        ("/countries/P1K", {}, 422, "iso3"),
        ("/countries/ZZZ", {}, 404, "ZZZ"),
    ],
)
def test_bad_requests_get_a_4xx_naming_the_problem(web_url, path, params, status, names):
    response = get(web_url, path, status, **params)
    assert names in response.text
    if path.startswith("/api"):
        assert names in response.json()["message"]


def test_security_headers_on_every_response(web_url):
    for path in ("/api/stats", "/", "/static/style.css", "/static/vendor/plotly.min.js", "/nowhere", "/docs",
                 "/api/quotes?limit=9999"):
        headers = httpx.get(web_url + path, timeout=30).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"].split("script-src")[1].split(";")[0]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_head_answers_like_get_without_a_body(web_url, conn):
    doc_id = conn.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
    for path in ("/", "/countries/PRK", "/search?q=resolution", f"/documents/{doc_id}", "/docs", "/api/stats",
                 "/api/resolutions?target=PRK", "/api/search?q=non-refoulement", f"/api/documents/{doc_id}",
                 "/openapi.json", "/static/style.css", "/static/vendor/plotly.min.js"):  # fmt: skip
        got, head = httpx.get(web_url + path, timeout=30), httpx.head(web_url + path, timeout=30)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"", path
        for name in ("content-type", "content-length", "content-security-policy", "x-content-type-options",
                     "referrer-policy", "x-frame-options"):  # fmt: skip
            assert head.headers[name] == got.headers[name], (path, name)
        assert int(head.headers["content-length"]) == len(got.content), path
    missing = httpx.head(web_url + "/documents/ffffffffffffffff", timeout=30)
    assert missing.status_code == 404 and missing.content == b"" and "content-security-policy" in missing.headers


def test_openapi_documents_the_api(web_url):
    spec = get(web_url, "/openapi.json").json()
    assert {"/api/resolutions", "/api/quotes", "/api/actors", "/api/events", "/api/search",
            "/api/documents/{doc_id}", "/api/timeline/{code}"} <= set(spec["paths"])  # fmt: skip
    page = get(web_url, "/docs").text
    assert "/api/resolutions" in page and "<script" not in page


def test_a_query_past_its_deadline_is_answered_503_and_the_server_goes_on(web_db):
    with serving(web_db, "--query-timeout", "0") as base:
        slow = httpx.get(base + "/api/events", timeout=30)  # ~170,000 SQLite steps: past the first deadline check
        assert slow.status_code == 503
        assert "stopped" in slow.json()["message"]
        assert httpx.get(base + "/openapi.json", timeout=30).status_code == 200


def test_serve_refuses_a_missing_database_without_creating_it(tmp_path):
    proc = chronicle("serve", "--db", str(tmp_path / "none.db"), check=False)
    assert proc.returncode == 2 and "no such database" in proc.stderr
    assert not (tmp_path / "none.db").exists()


def test_serves_while_ingest_writes_and_never_writes_itself(tmp_path):
    db = str(tmp_path / "live.db")
    chronicle("ingest", str(SEEDS), "--db", db, "-q")
    with serving(db) as base:
        seen, errors, done = [], [], threading.Event()

        def poll():
            while not done.is_set():
                response = httpx.get(base + "/api/stats", timeout=30)
                if response.status_code != 200:
                    errors.append(response.text)
                else:
                    stats = response.json()
                    seen.append(stats["documents"])
                    hits = httpx.get(base + "/api/search", params={"q": "resolution", "limit": 500}, timeout=30)
                    errors.extend([hits.text] if hits.status_code != 200 else [])
                time.sleep(0.02)

        thread = threading.Thread(target=poll)
        thread.start()
        try:
            chronicle("ingest", str(EXAMPLES / "txt"), "--db", db, "-q", "--no-extract")
        finally:
            done.set()
            thread.join()
        for _ in range(50):  # a slow answer may be kept and refreshed in the background after a change
            final = httpx.get(base + "/api/stats", timeout=30).json()["documents"]
            if final > 2:
                break
            time.sleep(0.2)
    assert not errors
    assert seen == sorted(seen) and seen[0] == 2 and final > 2
    mtime = os.stat(db).st_mtime_ns
    with serving(db) as base:
        for path in ("/", "/api/actors", "/countries/PRK", "/api/search?q=Korea"):
            httpx.get(base + path, timeout=30)
    assert os.stat(db).st_mtime_ns == mtime
