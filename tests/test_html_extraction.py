"""HTML extraction: the article-extraction benchmark on a fixed subset, metadata from real pages, broken markup."""

from __future__ import annotations

import importlib.util
import json

import pytest

from chronicle.cleaning.html import extract_html
from chronicle.errors import EmptyInput

from .conftest import EXAMPLES, ROOT

SCORES = json.loads((ROOT / "tests" / "scores.json").read_text(encoding="utf-8"))


def load_benchmark():
    spec = importlib.util.spec_from_file_location("html_extraction", ROOT / "benchmarks" / "html_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    module = load_benchmark()
    if not (module.DATA / "ground-truth.json").exists():
        pytest.skip(f"benchmark data missing at {module.DATA}")
    return module


def test_benchmark_subset_f1_stays_above_floor(bench):
    ids = sorted(bench.load())[::6]  # 31 pages spread over the sorted ids: fixed, varied hosts
    result, _ = bench.evaluate(ids, bench.html_text)
    assert result["pages"] == 31
    assert result["f1"] >= SCORES["html_extraction_f1_subset"], result


def test_scorer_follows_the_benchmark_definition(bench):
    assert bench.page_counts("one two three four five", "one two three four five") == (2, 0, 0)
    assert bench.page_counts("one two three four five", "") == (0, 0, 2)
    assert bench.page_counts("a b", "a b") == (1, 0, 0)  # under four tokens: one shorter shingle
    summary = bench.summarize([(2, 0, 0), (0, 0, 2)])  # an empty prediction is left out of precision
    assert summary["precision"] == 1.0 and summary["recall"] == 0.5


@pytest.fixture(scope="module")
def meridian_html():
    path = EXAMPLES / "html" / "13_meridian_dprk_plenary.html"
    if not path.exists():
        pytest.skip("examples/html/13_meridian_dprk_plenary.html not present")
    return path.read_text(encoding="utf-8")


def test_page_metadata_and_paragraphs(meridian_html):
    page = extract_html(meridian_html)
    assert page.published == "2023-12-20"
    assert page.sitename == "The Meridian Post"
    assert page.author == "Hannah Whitcombe"
    assert page.url.startswith("https://www.meridian-post.com/")
    assert page.title.startswith("UN General Assembly censures North Korea")
    paragraphs = page.text.split("\n\n")
    assert len(paragraphs) >= 10 and all(p and "\n" not in p for p in paragraphs)
    assert "Accept all cookies" not in page.text and "Most read" not in page.text


@pytest.mark.parametrize(
    "damage",
    [
        lambda h: h[: len(h) // 2],  # cut off mid-document
        lambda h: h.replace("</p>", "").replace("</div>", ""),  # unclosed tags
        lambda h: h.replace("<", "<<").replace(">", ">>"),  # doubled brackets
        lambda h: "<?xml version='1.0' encoding='utf-8'?>" + h,  # a prolog lxml refuses on str
        lambda h: h.replace("<p>", "<p>\x00", 3),  # stray NUL characters
        lambda h: h.replace("<body", "<body><table><tr><td", 1),  # a table never closed
    ],
)
def test_broken_markup_gives_what_text_it_can(meridian_html, damage):
    page = extract_html(damage(meridian_html))
    assert "General Assembly" in page.text


@pytest.mark.parametrize(
    "html", ["", "   ", "<html><head><script>var a = 1;</script></head><body></body></html>", "<<<>>>"]
)
def test_pages_without_text_raise_empty_input(html):
    with pytest.raises(EmptyInput):
        extract_html(html)


def test_reference_article_text_survives_cleaning(bench, options):
    """The benchmark's hand-made article bodies are article text: cleaning them as plain text keeps nearly all."""
    from chronicle.cleaning import clean
    from chronicle.sources import RawItem

    kept = total = 0
    for page in bench.load().values():
        doc = clean(RawItem(path="reference.txt", content=page["articleBody"], format="text"), options)
        total += len(doc.raw.strip())
        kept += len(doc.raw.strip()) - sum(r.end - r.start for r in doc.removed)
    assert kept / total >= SCORES["cleaning_reference_text_kept"]
