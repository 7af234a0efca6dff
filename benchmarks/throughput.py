"""Throughput against a full spaCy parse, worker scaling, memory and Spark, in one run (one process tree).

    .venv/bin/python benchmarks/throughput.py                    # 150 human-rights docs + the general mix
    .venv/bin/python benchmarks/throughput.py --hr-docs 400 --spark
    .venv/bin/python benchmarks/throughput.py --phases scaling   # only: all workers against one worker
    .venv/bin/python benchmarks/throughput.py --phases ceiling   # only: the best ratio a fast path could reach

Two corpora:
- hr: human-rights news, varied from examples/ and the shared seeds by benchmarks/ingest.py's builder;
- general: the 181 pages of ScrapingHub's article-extraction benchmark (sport, gadgets, culture, local
  news …) plus the examples, so about one article in seven is about UN human-rights work.
Phases, each in its own child process (figures from one run, so ratios hold on a noisy machine):
- baseline: the full en_core_web_sm pipeline, `nlp.pipe` over every document's clean text (the texts
  are cleaned before the clock starts; the model load is outside the time);
- chronicle: `engines.local.ingest` into a fresh SQLite file with every extractor on, end to end
  (reading, cleaning, the fast path, parsing, extraction, near-duplicates, writing; the model load inside);
  with one worker, with all workers, and with one worker and `fast_path=False`;
- spark: `engines.spark.run` into Parquet in local[1] and local[2] (JVM start outside the time);
- ceiling: the best ratio to the baseline that any fast path keeping Chronicle's records could reach:
  cleaning, plus the full pipeline's cost for the share of tokens in sentences holding a trigger form or a
  speech cue (parse) and a capitalised word after the first (NER); the extractors and SQLite for free.
Prints one JSON line: docs/s per phase, ratios, and peak RSS (MB) of the largest worker process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERAL = ROOT.parent / "shared" / "benchmarks" / "article-extraction" / "html"
PHASES = ("ratio", "scaling", "spark", "ceiling")


# ---- corpora ----


def build_corpora(work: Path, hr_docs: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from ingest import build  # the corpus builder of benchmarks/ingest.py

    (work / "hr").mkdir()
    (work / "sample").mkdir()
    build(work / "hr", hr_docs, work / "sample", 1)
    shutil.copytree(ROOT / "examples", work / "general" / "examples")
    for page in sorted(GENERAL.glob("*.html.gz")):
        shutil.copy(page, work / "general" / page.name)


# ---- phases (each in a child process) ----


def _items(folder: Path):
    from chronicle.sources import RawItem, read_all

    return [x for x in read_all([str(folder)], 20 * 1024 * 1024) if isinstance(x, RawItem)]


def phase_baseline(folder: Path, workers: int, **_) -> dict:
    import spacy

    from chronicle.cleaning import clean
    from chronicle.settings import Options

    options = Options.from_env(extract=False)
    texts = [doc.text for doc in (clean(item, options) for item in _items(folder)) if doc.text.strip()]
    nlp = spacy.load(options.model)  # every component, as packaged
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return {"docs": len(texts), "seconds": time.perf_counter() - start, "words": sum(len(t.split()) for t in texts)}


def phase_chronicle(folder: Path, workers: int, fast_path: bool = True, **_) -> dict:
    from chronicle.engines.local import ingest
    from chronicle.settings import Options
    from chronicle.store.db import Store

    db = Path(tempfile.mkdtemp(prefix="chronicle-tp-")) / "bench.db"
    try:
        with Store(str(db)) as store:
            start = time.perf_counter()
            report = ingest([str(folder)], store, Options.from_env(fast_path=fast_path), workers=workers)
            seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(db.parent, ignore_errors=True)
    return {"docs": report.seen, "seconds": seconds, "stored": report.stored, "failed": len(report.failed),
            "out_of_scope": report.out_of_scope}  # fmt: skip


def phase_ceiling(folder: Path, workers: int, **_) -> dict:
    """How fast Chronicle could be at best, next to the baseline, if it kept its records.

    Cleaning is work the baseline does not do. A sentence-level fast path must still run the tagger, parser,
    lemmas (tok2vec, tagger, parser, attribute_ruler, lemmatizer) over every sentence holding an event trigger
    form or a speech cue, and NER over every sentence that can name a person or organisation (a capitalised
    word after the first), in the documents the document-level test keeps. The best case charges only that,
    at the full pipeline's cost per token, and nothing for the tokenizer test, the extractors or SQLite.
    """
    import spacy

    from chronicle.cleaning import clean
    from chronicle.extract.events.triggers import trigger_forms
    from chronicle.extract.quotes.cues import REPORTING, SAYING
    from chronicle.pipeline import in_scope
    from chronicle.settings import Options

    options = Options.from_env(extract=False)
    items = _items(folder)
    start = time.perf_counter()
    texts = [doc.text for doc in (clean(item, options) for item in items) if doc.text.strip()]
    clean_s = time.perf_counter() - start
    nlp = spacy.load(options.model)
    docs = [nlp.make_doc(t) for t in texts]
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:  # each component over the whole corpus, as the baseline runs it
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=256))
        seconds[name] = time.perf_counter() - start
    cues, quotes = trigger_forms() | SAYING | REPORTING, set("\"\u201c\u201d")
    tokens = parse_tokens = ner_tokens = 0
    for doc in docs:
        scoped = in_scope(doc)  # a document the fast path leaves out costs nothing
        for sent in doc.sents:
            n = len(sent)
            tokens += n
            if not scoped:
                continue
            parse_tokens += n * any(t.lower_ in cues or t.text in quotes for t in sent)
            ner_tokens += n * any(i and t.is_alpha and t.text[:1].isupper() for i, t in enumerate(sent))
    parse_s = sum(v for k, v in seconds.items() if k != "ner")
    best = clean_s + parse_s * parse_tokens / tokens + seconds.get("ner", 0.0) * ner_tokens / tokens
    return {"docs": len(texts), "seconds": sum(seconds.values()), "clean_seconds": clean_s,
            "component_seconds": {k: round(v, 2) for k, v in seconds.items()},
            "parse_share": parse_tokens / tokens, "ner_share": ner_tokens / tokens,
            "ceiling_ratio": sum(seconds.values()) / best}  # fmt: skip


def phase_spark(folder: Path, workers: int, **_) -> dict:
    from chronicle.engines import spark
    from chronicle.settings import Options

    session = spark.session(f"local[{workers}]", app_name="chronicle-bench")
    out = Path(tempfile.mkdtemp(prefix="chronicle-tp-spark-"))
    try:
        start = time.perf_counter()
        report = spark.run([f"file://{folder}"], str(out / "records"), Options.from_env(), spark=session,
                           partitions=max(2, workers * 4))  # fmt: skip
        seconds = time.perf_counter() - start
    finally:
        session.stop()
        shutil.rmtree(out, ignore_errors=True)
    return {"docs": report.documents + len(report.failed), "seconds": seconds}


CHILD = {"baseline": phase_baseline, "chronicle": phase_chronicle, "spark": phase_spark, "ceiling": phase_ceiling}


def child(args) -> None:
    figures = CHILD[args.child](Path(args.folder), args.workers, fast_path=not args.no_fast_path)
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # One worker runs in this process; several run as its children (the largest is what counts).
    figures["worker_rss_mb"] = self_mb if args.workers <= 1 or args.child == "baseline" else children_mb
    figures["rss_mb"] = self_mb
    print(json.dumps(figures))


def run_child(name: str, folder: Path, workers: int, fast_path: bool = True) -> dict:
    cmd = [sys.executable, __file__, "--child", name, "--folder", str(folder), "--workers", str(workers)]
    if not fast_path:
        cmd.append("--no-fast-path")
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{name} on {folder.name} failed:\n{done.stderr[-4000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["docs_per_s"] = round(figures["docs"] / figures["seconds"], 2)
    print(f"{name} {folder.name} workers={workers} fast_path={fast_path}: {figures}", file=sys.stderr)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hr-docs", type=int, default=150, help="documents in the human-rights corpus (150)")
    parser.add_argument("--workers", type=int, default=0, help="the 'all workers' count (0: all cores)")
    parser.add_argument("--phases", default="ratio,scaling", help="comma-separated: ratio, scaling, spark, ceiling")
    parser.add_argument("--spark", action="store_true", help="add the spark phase (needs chronicle[spark], Java)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--no-fast-path", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    phases = set(args.phases.split(",")) | ({"spark"} if args.spark else set())
    workers = args.workers or len(os.sched_getaffinity(0))
    work = Path(tempfile.mkdtemp(prefix="chronicle-throughput-"))
    out: dict = {"hr_docs": args.hr_docs, "workers": workers, "cpus": len(os.sched_getaffinity(0))}
    try:
        build_corpora(work, args.hr_docs)
        hr, general = work / "hr", work / "general"
        if "ratio" in phases:
            for name, folder in (("hr", hr), ("general", general)):
                base = run_child("baseline", folder, 1)
                one = run_child("chronicle", folder, 1)
                out[f"{name}_docs"] = one["docs"]
                out[f"{name}_words"] = base["words"]
                out[f"{name}_baseline_docs_per_s"] = base["docs_per_s"]
                out[f"{name}_chronicle_1_docs_per_s"] = one["docs_per_s"]
                out[f"{name}_ratio_to_baseline"] = round(one["docs_per_s"] / base["docs_per_s"], 2)
                out[f"{name}_out_of_scope"] = one["out_of_scope"]
                out[f"{name}_worker_peak_rss_mb"] = round(one["worker_rss_mb"], 1)
                if name == "general":
                    full = run_child("chronicle", folder, 1, fast_path=False)
                    out["general_no_fast_path_docs_per_s"] = full["docs_per_s"]
                    out["general_fast_path_speedup"] = round(one["docs_per_s"] / full["docs_per_s"], 2)
        if "ceiling" in phases:
            for name, folder in (("hr", hr), ("general", general)):
                best = run_child("ceiling", folder, 1)
                out[f"{name}_clean_ms_per_doc"] = round(1000 * best["clean_seconds"] / best["docs"], 1)
                out[f"{name}_full_parse_ms_per_doc"] = round(1000 * best["seconds"] / best["docs"], 1)
                out[f"{name}_parse_token_share"] = round(best["parse_share"], 3)
                out[f"{name}_ner_token_share"] = round(best["ner_share"], 3)
                out[f"{name}_ceiling_ratio"] = round(best["ceiling_ratio"], 2)
        if "scaling" in phases:
            one = run_child("chronicle", hr, 1)
            many = run_child("chronicle", hr, workers)
            out["scaling_1_docs_per_s"], out["scaling_all_docs_per_s"] = one["docs_per_s"], many["docs_per_s"]
            out["scaling_all_over_1"] = round(many["docs_per_s"] / one["docs_per_s"], 2)
            out["scaling_worker_peak_rss_mb"] = round(max(one["worker_rss_mb"], many["worker_rss_mb"]), 1)
            out["scaling_main_peak_rss_mb"] = round(many["rss_mb"], 1)
        if "spark" in phases:
            one = run_child("spark", hr, 1)
            many = run_child("spark", hr, workers)
            out["spark_local1_docs_per_s"], out["spark_local_all_docs_per_s"] = one["docs_per_s"], many["docs_per_s"]
            out["spark_all_over_1"] = round(many["docs_per_s"] / one["docs_per_s"], 2)
        print(json.dumps(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
