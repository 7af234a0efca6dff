"""Cleaning on real files: the seed articles, the team's example corpus (scored with floors), removal bookkeeping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle.cleaning import clean, render_removed
from chronicle.cleaning.lines import split_lines
from chronicle.cleaning.reasons import REASONS
from chronicle.sources import read

from .conftest import ROOT, SEEDS

SCORES = json.loads((ROOT / "tests" / "scores.json").read_text(encoding="utf-8"))
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def seeds(options):
    """Each seed article through the cleaning stage alone, keyed by file name."""
    docs = {}
    for name in SEED_NAMES:
        (item,) = list(read(str(SEEDS / name), options.max_input_bytes))
        docs[name] = clean(item, options)
    return docs


def text_lines(doc) -> list[str]:
    return [line.strip() for line in doc.text.split("\n") if line.strip()]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_boilerplate_lines_are_gone(seeds, seeds_gold, name):
    gold, doc = seeds_gold["documents"][name], seeds[name]
    kept = text_lines(doc)
    left = [line for line in gold.get("boilerplate_lines", []) if line.strip() in kept or line.strip() in doc.text]
    assert not left, f"boilerplate still in the clean text: {left}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_fragments_are_gone_and_paragraph_stays(seeds, seeds_gold, name):
    gold, doc = seeds_gold["documents"][name], seeds[name]
    for fragment in gold.get("boilerplate_fragments", []):
        assert fragment not in doc.text
        assert any(r.reason == "inline_promo" and doc.raw[r.start : r.end] == fragment for r in doc.removed)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_article_lines_are_kept(seeds, seeds_gold, name):
    gold, doc = seeds_gold["documents"][name], seeds[name]
    kept = text_lines(doc)
    missing = [start for start in gold["kept_lines_start"] if not any(line.startswith(start) for line in kept)]
    assert not missing, f"article lines lost: {missing}"


def test_seed_repeated_sentence_survives_once(seeds, seeds_gold):
    name = next(n for n, g in seeds_gold["documents"].items() if g.get("repeated_sentence"))
    sentence, doc = seeds_gold["documents"][name]["repeated_sentence"], seeds[name]
    assert doc.raw.count(sentence) == 2
    assert doc.text.count(sentence) == 1
    (removal,) = [r for r in doc.removed if r.reason == "repeated_sentence"]
    assert sentence in doc.raw[removal.start : removal.end]


def test_seed_metadata_lines_are_captured(seeds, seeds_gold):
    for name, gold in seeds_gold["documents"].items():
        for field, value in gold.get("metadata", {}).items():
            assert getattr(seeds[name].source, field) == value, (name, field)
    assert seeds["001_59328151a6e3b5cf.txt"].source.last_updated == "2020-02-17"


def line_scores(pairs) -> tuple[float, float, list[str]]:
    """Line-removal precision and recall over the .txt examples: a line is removed when removals cover it."""
    tp = fp = fn = 0
    wrong = []
    for gold, doc in pairs:
        if gold["format"] != "txt":
            continue
        boilerplate = {line.strip() for line in gold.get("boilerplate_lines", [])}
        for line in split_lines(doc.raw):
            removed = any(r.start <= line.start and line.end <= r.end for r in doc.removed)
            listed = line.text in boilerplate
            tp += removed and listed
            fp += removed and not listed
            fn += listed and not removed
            if removed != listed:
                wrong.append(f"{'FP' if removed else 'FN'} {gold['path']}: {line.text[:80]}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, wrong


def test_example_txt_line_removal_scores(example_pairs):
    precision, recall, wrong = line_scores(example_pairs)
    assert precision >= SCORES["cleaning_line_precision"], "\n".join(wrong)
    assert recall >= SCORES["cleaning_line_recall"], "\n".join(wrong)


def test_example_html_and_jsonl_boilerplate_gone_and_article_kept(example_pairs):
    problems = []
    for gold, doc in example_pairs:
        if gold["format"] == "txt":
            continue
        kept = text_lines(doc)
        where = gold["path"] + (f"#{gold['line']}" if gold.get("line") else "")
        problems += [f"{where} keeps {line!r}" for line in gold.get("boilerplate_lines", []) if line.strip() in kept]
        for start in gold.get("kept_lines_start", []):
            if not any(line.startswith(start) for line in kept):
                problems.append(f"{where} lost {start!r}")
    assert not problems, "\n".join(problems)


def test_example_fragments_and_repeats(example_pairs):
    problems = []
    for gold, doc in example_pairs:
        for fragment in gold.get("boilerplate_fragments", []):
            if fragment in doc.text:
                problems.append(f"{gold['path']} keeps fragment {fragment!r}")
        for sentence in gold.get("repeated_sentences", []):
            if doc.text.count(sentence) != 1:
                problems.append(f"{gold['path']} has {doc.text.count(sentence)} copies of {sentence[:40]!r}")
    assert not problems, "\n".join(problems)


def test_example_metadata_accuracy(example_pairs):
    """Published, last updated, title, outlet, author and url against gold, as one share of fields right."""
    right = total = 0
    wrong = []
    for gold, doc in example_pairs:
        for field, value in gold.get("metadata", {}).items():
            if field == "note":
                continue
            total += 1
            right += getattr(doc.source, field) == value
            if getattr(doc.source, field) != value:
                wrong.append(f"{gold['path']} {field}: {getattr(doc.source, field)!r} != {value!r}")
    assert right / total >= SCORES["cleaning_metadata_accuracy"], "\n".join(wrong)


def test_removals_are_well_formed(example_docs, seeds):
    """Reasons from the closed list; spans inside raw, ordered, disjoint; removed text absent from the text."""
    for doc in [*example_docs.values(), *seeds.values()]:
        previous_end = 0
        for removal in doc.removed:
            assert removal.reason in REASONS
            assert previous_end <= removal.start < removal.end <= len(doc.raw)
            assert doc.raw[removal.start : removal.end].strip() == doc.raw[removal.start : removal.end]
            previous_end = removal.end


def test_paragraphs_survive_and_nothing_is_glued(seeds):
    doc = seeds["000_376aa65d6dd90d01.txt"]
    paragraphs = doc.text.split("\n\n")
    raw_lines = {line.text for line in split_lines(doc.raw)}
    assert len(paragraphs) > 10
    # every clean paragraph is a raw line or a raw line with a span cut out, never two lines run together
    for paragraph in paragraphs:
        assert paragraph == paragraph.strip() and "\n" not in paragraph
        assert paragraph in raw_lines or any(paragraph[:40] in line for line in raw_lines)
    assert "\n\n\n" not in doc.text


def test_render_removed_marks_every_span(seeds):
    doc = seeds["001_59328151a6e3b5cf.txt"]
    shown = render_removed(doc)
    assert "[-category: Categories: Human rights-]" in shown
    assert "[-inline_promo: you can see more articles about human rights latest news.-]" in shown
    assert shown.count("[-") == len(doc.removed)


def test_every_reason_is_documented():
    doc = (ROOT / "docs" / "cleaning.md").read_text(encoding="utf-8")
    missing = [reason for reason in REASONS if f"`{reason}`" not in doc]
    assert not missing, f"docs/cleaning.md does not explain: {missing}"


def test_clean_text_round_trips_through_raw(example_docs):
    """Each clean line is made of raw text: cleaning cuts, it never rewrites words."""
    for key, doc in example_docs.items():
        for line in doc.text.split("\n"):
            for word in line.split()[:3]:
                assert word in doc.raw, (key, word)


def test_jsonl_metadata_wins_over_page(options):
    path = ROOT / "examples" / "jsonl" / "wire_batch.jsonl"
    if not path.exists():
        pytest.skip("examples/jsonl/wire_batch.jsonl not present")
    for item in read(str(path), options.max_input_bytes):
        doc = clean(item, options)
        for field in ("url", "title", "outlet"):
            if item.meta.get(field):
                assert getattr(doc.source, field) == item.meta[field]
        if item.meta.get("published"):
            assert doc.source.published == item.meta["published"][:10]


def test_headline_is_kept_and_becomes_the_title(options):
    path = Path(ROOT / "examples" / "txt")
    item = next(
        item
        for p in sorted(path.glob("*.txt"))
        for item in read(str(p), options.max_input_bytes)
        if not item.content.lstrip().startswith("Categories")
    )
    doc = clean(item, options)
    first = item.content.strip().split("\n")[0].strip()
    assert doc.text.startswith(first)
    assert doc.source.title == first
