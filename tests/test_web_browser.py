"""The pages of `chronicle serve` in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium,
or $CHRONICLE_CHROMIUM) against the real server on 127.0.0.1. Each test saves a screenshot in its tmp_path;
with $CHRONICLE_SCREENS set (e.g. docs/screens) the README's screenshots are written there too."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from .webserver import ATTACK

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
httpx = pytest.importorskip("httpx")
CHROMIUM = os.environ.get("CHRONICLE_CHROMIUM", "/usr/bin/chromium")
SEED_000, SEED_001 = "000_376aa65d6dd90d01.txt", "001_59328151a6e3b5cf.txt"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (see README)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


class Visit:
    """One browser page with everything it asked for, every dialog and every console error recorded."""

    def __init__(self, browser, base: str, tmp_path: Path):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.base, self.tmp_path = base, tmp_path
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def go(self, path: str):
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return response

    def shot(self, name: str, readme: bool = True) -> None:
        path = self.tmp_path / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        if readme and os.environ.get("CHRONICLE_SCREENS"):
            folder = Path(os.environ["CHRONICLE_SCREENS"])
            folder.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(folder / f"{name}.png"), full_page=False)

    def assert_quiet(self) -> None:
        """No dialog, no console error (a CSP violation is one), no request but to the server."""
        assert not self.dialogs, self.dialogs
        assert not self.errors, self.errors
        for url in self.requests:
            parts = urlsplit(url)
            assert parts.scheme == "http" and parts.hostname == "127.0.0.1", url


@pytest.fixture
def visit(browser, web_url, tmp_path):
    v = Visit(browser, web_url, tmp_path)
    yield v
    v.context.close()


def api(base: str, path: str, **params):
    response = httpx.get(base + path, params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def seed_id(base: str) -> str:
    hits = api(base, "/api/search", q="Kim Song")["items"]
    return next(h["id"] for h in hits if h["path"].endswith(SEED_000))


def test_home_page_shows_what_the_database_holds(visit):
    visit.go("/")
    stats = api(visit.base, "/api/stats")
    text = visit.page.inner_text("main")
    assert f"{stats['documents']} documents" in text and f"{stats['outlets']} outlets" in text
    assert visit.page.locator("#latest tbody tr").count() > 0
    assert visit.page.locator("form.search.big input[name=q]").count() == 1
    visit.shot("home")
    visit.assert_quiet()


def stage_rank(row: dict) -> int:
    """Furthest stage first, as the chart orders them (the order is the app's definition: render.STAGES)."""
    from chronicle.web.render import stage_rank as rank

    return rank(row["body"])


def _marks(kind: str, trace: dict) -> list[tuple]:
    return [(kind, *mark) for mark in zip(trace["x"], trace["y"], trace["hover"], strict=True)]


def chart_marks(visit) -> dict[str, dict]:
    """The chart's marks by year, as Plotly holds them: a stacked bar (its yes, no and abstain traces share their
    years) or one scatter point; each with its kind, its yes count (bars) and its hover text."""
    traces = visit.page.evaluate(
        "() => document.getElementById('chart').data.map(t => ({type: t.type, name: t.name, x: t.x, y: t.y,"
        " hover: t.hovertext}))"
    )
    bars = [t for t in traces if t["type"] == "bar"]
    assert [t["name"] for t in bars] in ([], ["yes", "no", "abstain"])
    assert all(t["x"] == bars[0]["x"] for t in bars)
    points = [mark for t in traces if t["type"] != "bar" for mark in _marks(t["name"], t)]
    bar_points = _marks("votes", bars[0]) if bars else []
    marks = bar_points + points
    years = [m[1] for m in marks]
    assert len(years) == len(set(years)), years  # never two marks for one year
    drawn = visit.page.locator("#chart .scatterlayer .point").count()
    assert drawn == len(points)  # every scatter mark is drawn
    for n in range(len(bars)):
        assert visit.page.locator(f"#chart .barlayer .trace:nth-child({n + 1}) .point").count() == len(bar_points)
    return {year: {"kind": kind, "y": y, "hover": hover} for kind, year, y, hover in marks}


def test_country_page_charts_one_mark_per_reported_year_and_lists_the_seeds(visit):
    visit.go("/countries/PRK")
    visit.page.wait_for_selector("#chart[data-rendered=true]")
    rows = api(visit.base, "/api/resolutions", target="PRK", limit=500)["items"]
    years = {str(r["year"]) for r in rows if r["year"] is not None}
    marks = chart_marks(visit)
    assert set(marks) == years and len(marks) == len(years)
    ticks = visit.page.locator("#chart .xaxislayer-above text").evaluate_all("ts => ts.map(t => t.textContent)")
    assert ticks == sorted(years)  # one category per year, oldest first
    for r in rows:  # the hover of a year's mark lists every body of that year
        if r["year"] is not None:
            assert r["body"] in marks[str(r["year"])]["hover"], r["id"]
    hover = " ".join(m["hover"] for m in marks.values())
    assert "co-sponsors: 62" in hover and "streak: 19 years in a row" in hover
    for r in rows:
        listed = visit.page.locator(f'tr.resolution[data-id="{r["id"]}"] li.source').evaluate_all(
            "items => items.map(i => i.dataset.path)"
        )
        assert sorted(listed) == r["paths"], r["id"]
    paths = visit.page.locator("tr.resolution li.source").evaluate_all("items => items.map(i => i.dataset.path)")
    assert any(p.endswith(SEED_000) for p in paths) and any(p.endswith(SEED_001) for p in paths)
    assert visit.page.locator("table.timeline tbody tr").count() > 0
    visit.shot("country")
    visit.assert_quiet()


def test_a_year_with_recorded_votes_is_one_stacked_bar_of_its_furthest_voting_stage(visit):
    rows = api(visit.base, "/api/resolutions", target="SYR", limit=500)["items"]
    voted = [r for r in rows if r["year"] is not None and r["tally"]]
    assert voted, "the examples report no vote on Syria"
    visit.go("/countries/SYR")
    visit.page.wait_for_selector("#chart[data-rendered=true]")
    marks = chart_marks(visit)
    assert set(marks) == {str(r["year"]) for r in rows if r["year"] is not None}
    for year in {r["year"] for r in voted}:
        best = min(stage_rank(r) for r in voted if r["year"] == year)
        yes = {int(r["tally"].split("-")[0]) for r in voted if r["year"] == year and stage_rank(r) == best}
        assert marks[str(year)]["kind"] == "votes" and marks[str(year)]["y"] in yes, year
    visit.assert_quiet()


def test_document_page_highlights_quotes_and_toggles_removed_text(visit):
    visit.go(f"/documents/{seed_id(visit.base)}")
    speakers = visit.page.locator("#article .speaker").all_inner_texts()
    assert {"Kim Song", "Lim Soo-suk"} <= set(speakers)
    first = visit.page.locator("#article .quote").first
    assert first.is_visible()
    raw = visit.page.locator("#raw")
    assert raw.is_hidden()
    visit.page.click("#toggle-removed")
    captions = visit.page.locator('#raw del.removed[title="caption"]')
    assert raw.is_visible() and captions.count() >= 1 and captions.first.is_visible()
    assert "Kim Song, chair of the delegation" in " ".join(captions.all_inner_texts())
    assert "CLICK HERE TO GET THE FOX NEWS APP" not in visit.page.inner_text("#article")
    visit.page.click("section.records ol.quotes li >> nth=1 >> a")
    assert visit.page.url.endswith("#quote-1")
    assert visit.page.locator("#quote-1").count() == 1
    visit.shot("document")
    visit.assert_quiet()


def test_search_finds_the_articles_with_highlighted_snippets(visit):
    visit.go("/")
    visit.page.fill("header input[name=q]", "non-refoulement")
    visit.page.press("header input[name=q]", "Enter")
    visit.page.wait_for_selector("li.hit")
    marks = visit.page.locator("li.hit .snippet mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} <= {"refoulement", "forcibly repatriate"}
    assert "forcibly repatriate" in {m.lower() for m in marks}  # seed 000 says it in those words
    assert any(SEED_000 in link for link in visit.page.locator("li.hit a").all_inner_texts())
    visit.shot("search")
    visit.go("/search?q=forcibly+repatriate")
    assert SEED_000 in visit.page.inner_text("li.hit a")
    visit.assert_quiet()


def test_resolution_and_actor_pages(visit):
    rows = api(visit.base, "/api/resolutions", target="PRK", limit=500)["items"]
    best = max(rows, key=lambda r: r["sources"])
    visit.go("/resolutions/" + quote(best["id"], safe=""))
    assert visit.page.locator("ol.sources > li").count() == best["sources"]
    visit.shot("resolution")
    visit.go("/actors/Kim%20Song")
    assert visit.page.locator("li.quote-item").count() >= 2
    visit.shot("actor")
    visit.go("/docs")
    assert "/api/resolutions" in visit.page.inner_text("main")
    visit.assert_quiet()


def test_an_article_crafted_to_attack_the_pages_renders_as_inert_text(visit, web_db):
    ingested = api(visit.base, "/api/search", q="Rights groups react")["items"][0]["id"]
    pages = [f"/documents/{ingested}", "/documents/a77ac4ed0c0ffee0", "/actors/" + quote(ATTACK, safe=""),
             "/search?q=" + quote("delegate <script>alert(5)</script> {{7*7}}"), "/", "/countries/PRK"]
    for path in pages:
        response = visit.go(path)
        assert response.status == 200, path
        if path.startswith(("/documents", "/actors", "/search")):  # the pages that show the attack's text
            assert "49" not in visit.page.inner_text("body"), path
        assert visit.page.locator("main img, main iframe, main object").count() == 0, path
        scripts = visit.page.locator("script[src]").evaluate_all("s => s.map(e => e.getAttribute('src'))")
        assert all(s.startswith("/static/") for s in scripts), path
        assert visit.page.locator("script:not([src]):not([type='application/json'])").count() == 0, path
        assert visit.page.locator("a[href^='javascript' i]").count() == 0, path
    visit.go(f"/documents/{ingested}")
    text = visit.page.evaluate(  # the article's own text, without the speaker labels shown before quotes
        "() => { const a = document.getElementById('article').cloneNode(true);"
        " a.querySelectorAll('.speaker').forEach(s => s.remove()); return a.textContent; }")
    assert "<script>alert('body')</script>" in text and "</textarea><script>alert(2)</script>" in text
    assert "{{7*7}}" in text and '<img src="http://evil.example/pixel.png">' in text
    assert "<script>alert('title')</script> {{7*7}}" in visit.page.inner_text("h1.doc-title")
    assert visit.page.inner_text("dd.outlet") == ATTACK
    assert visit.page.inner_text("dd.url") == "javascript:alert(3)"
    visit.go("/documents/a77ac4ed0c0ffee0")
    assert visit.page.locator("#article .speaker").all_inner_texts() == [ATTACK]
    visit.page.click("#toggle-removed")
    visit.shot("attack", readme=False)
    visit.assert_quiet()


def test_error_pages_are_pages(visit):
    response = visit.go("/documents/ffffffffffffffff")
    assert response.status == 404 and "no document" in visit.page.inner_text("main")
    visit.errors.clear()  # the browser logs the 404 itself
    visit.assert_quiet()

