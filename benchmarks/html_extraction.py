"""Score our HTML extraction on the article-extraction benchmark (ScrapingHub's 181 pages).

Scoring as the benchmark does it (its README): tokens are `\\w+` runs, shingles are 4 consecutive
tokens counted as a multiset; per page precision = TP/(TP+FP) and recall = TP/(TP+FN) (1 when there
is nothing to miss); a page we return nothing for is left out of the precision average; precision and
recall are averaged over pages and F1 is the harmonic mean of the two averages.

    python benchmarks/html_extraction.py                # extract_html main text, all pages
    python benchmarks/html_extraction.py --cleaned      # the text after our line filters too
    python benchmarks/html_extraction.py --pages 30 --worst 5

Prints one JSON line: {"pages", "precision", "recall", "f1", "seconds"}.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "article-extraction"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(reference: str, predicted: str) -> tuple[int, int, int]:
    """(TP, FP, FN) shingle counts for one page."""
    ref, pred = shingles(reference), shingles(predicted)
    tp = sum((ref & pred).values())
    return tp, sum(pred.values()) - tp, sum(ref.values()) - tp


def summarize(counts: Iterable[tuple[int, int, int]]) -> dict[str, float]:
    """Precision and recall averaged over pages, F1 from the two averages."""
    precisions, recalls = [], []
    for tp, fp, fn in counts:
        recalls.append(1.0 if fn == 0 else tp / (tp + fn))
        if tp + fp:
            precisions.append(1.0 if fp == 0 else tp / (tp + fp))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load(data: Path = DATA) -> dict[str, dict]:
    """Page id -> {"articleBody", "url"}."""
    return json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))


def page_html(page_id: str, data: Path = DATA) -> str:
    return gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")


def html_text(html: str, url: str | None) -> str:
    """What extract_html returns as the main text ("" when it finds none)."""
    from chronicle.cleaning.html import extract_html
    from chronicle.errors import EmptyInput

    try:
        return extract_html(html, url).text
    except EmptyInput:
        return ""


def cleaned_text(html: str, url: str | None) -> str:
    """The text after the whole cleaning stage (extraction, then our line filters)."""
    from chronicle.cleaning import clean
    from chronicle.errors import EmptyInput
    from chronicle.settings import Options
    from chronicle.sources import RawItem

    try:
        return clean(RawItem(path=url or "page.html", content=html, format="html", meta={}), Options()).text
    except EmptyInput:
        return ""


def evaluate(
    ids: list[str], extractor: Callable[[str, str | None], str], data: Path = DATA
) -> tuple[dict[str, float], dict[str, tuple[int, int, int]]]:
    """Scores over `ids` and the per-page counts."""
    truth = load(data)
    per_page = {}
    started = time.perf_counter()
    for page_id in ids:
        predicted = extractor(page_html(page_id, data), truth[page_id].get("url"))
        per_page[page_id] = page_counts(truth[page_id]["articleBody"], predicted)
    result = {"pages": len(ids), **summarize(per_page.values()), "seconds": time.perf_counter() - started}
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}, per_page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="benchmark folder (ground-truth.json, html/)")
    parser.add_argument("--pages", type=int, default=0, help="score only the first N page ids (sorted)")
    parser.add_argument("--cleaned", action="store_true", help="score the text after the whole cleaning stage")
    parser.add_argument("--worst", type=int, default=0, help="also list the N worst pages on stderr")
    args = parser.parse_args(argv)
    ids = sorted(load(args.data))
    if args.pages:
        ids = ids[: args.pages]
    result, per_page = evaluate(ids, cleaned_text if args.cleaned else html_text, args.data)
    print(json.dumps(result))
    if args.worst:
        scored = sorted(per_page.items(), key=lambda kv: _f1(*kv[1]))
        for page_id, (tp, fp, fn) in scored[: args.worst]:
            print(f"{page_id} f1={_f1(tp, fp, fn):.3f} tp={tp} fp={fp} fn={fn}", file=sys.stderr)
    return 0


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


if __name__ == "__main__":
    sys.exit(main())
