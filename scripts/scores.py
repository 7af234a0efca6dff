"""Every extraction score against the gold, as one JSON line, beside its floor in tests/scores.json.

    .venv/bin/python scripts/scores.py            # measure; exit 1 when a score is below its floor
    .venv/bin/python scripts/scores.py --misses   # also print what each scorer missed or got wrong

The scorers are the tests' own (tests/test_*_examples.py), so these are the figures the tests check.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def measure() -> tuple[dict[str, float], dict[str, list[str]]]:
    from tests import test_cleaning, test_events_examples, test_events_sentences, test_quotes_examples
    from tests.conftest import EXAMPLES, example_gold, gold_key
    from tests.test_resolutions_scoring import Scores, score_document

    from chronicle.pipeline import enrich, process
    from chronicle.settings import Options
    from chronicle.sources import RawItem, read_all

    options = Options.from_env()
    docs = {}
    for item in read_all([str(EXAMPLES)], options.max_input_bytes):
        path, _, line = item.path.partition("#")
        key = str(Path(path).resolve().relative_to(ROOT)) + (f"#{line}" if line else "")
        docs[key] = process(item, options)
    pairs = [(gold, docs[gold_key(gold)]) for gold in example_gold()]

    figures: dict[str, float] = {}
    misses: dict[str, list[str]] = {}
    precision, recall, wrong = test_cleaning.line_scores(pairs)
    figures |= {"cleaning_line_precision": precision, "cleaning_line_recall": recall}
    misses["cleaning"] = wrong

    quotes = test_quotes_examples.score([(g, d) for g, d in pairs if g.get("quotes")])
    figures |= {f"quotes_examples_{k}": quotes[k] for k in ("recall", "speaker", "affiliation")}
    misses["quotes"] = quotes["misses"] + quotes["wrong"]

    res = Scores()
    for gold, doc in pairs:
        score_document(res, gold["path"], gold.get("resolutions", []), gold.get("reactions", []), doc)
    figures |= {f"resolutions_examples_{k}": v for k, v in res.summary().items() if isinstance(v, float)}
    misses["resolutions"] = res.misses

    events = test_events_examples.score([(g, d) for g, d in pairs if "events" in g])
    figures |= {f"events_examples_{k}": events[k] for k in ("precision", "recall", "flags")}
    misses["events"] = events["misses"] + events["spurious"]

    sentence_pairs = []
    for i, gold in enumerate(test_events_sentences.gold_sentences()):
        published = test_events_sentences.PUBLISHED
        item = RawItem(path=f"sentence-{i}.txt", content=gold["text"], format="text", meta={"published": published})
        doc = process(item, dataclasses.replace(options, extract=False))
        doc.source.published = doc.source.published or published
        sentence_pairs.append((gold, enrich(doc, options).events))
    sentences = test_events_sentences.sentence_scores(sentence_pairs)
    figures |= {f"events_sentences_{k}": v for k, v in sentences.items() if isinstance(v, float)}
    return {k: round(v, 3) for k, v in figures.items()}, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print each scorer's misses on stderr")
    args = parser.parse_args()
    figures, misses = measure()
    floors = json.loads((ROOT / "tests" / "scores.json").read_text(encoding="utf-8"))
    below = {k: (v, floors[k]) for k, v in figures.items() if k in floors and v < floors[k]}
    print(json.dumps({"scores": figures, "below_floor": below}, sort_keys=True))
    if args.misses:
        for name, lines in misses.items():
            for line in lines:
                print(f"{name}: {line}", file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
