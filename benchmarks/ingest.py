"""Ingest throughput and peak memory on a corpus varied from the examples (and the shared seeds).

    .venv/bin/python benchmarks/ingest.py                       # 5,000 documents, 300 of them with extractors
    .venv/bin/python benchmarks/ingest.py --docs 20000 --extract-docs 500 --workers 4

Phases, each in its own child process so that its peak memory (ru_maxrss) is its own:
1. read: `read_all` over the corpus folder;  2. clean: `chronicle.cleaning.clean` over the read items;
3. warc: `read_all` over the same documents packed as HTML responses into one .warc.gz (streamed);
4. ingest: `engines.local.ingest` into a fresh SQLite file, Options(extract=False);
5. extract: the same with every extractor on, over a sample (model loading in each worker included).
Prints one JSON line of figures (documents per second, peak RSS in MB per process).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "seeds"]
COUNTRIES = ["North Korea", "Iran", "Myanmar", "Syria", "Belarus", "Eritrea", "Venezuela", "Sudan", "Nicaragua",
             "Burundi", "Cambodia", "Afghanistan", "South Sudan", "Mali", "Yemen"]  # fmt: skip
_COUNTRY = re.compile("|".join(map(re.escape, COUNTRIES)))
_NUMBER = re.compile(r"(?<![\w/.-])(\d{2,3})(?![\w/.-])")  # tallies and counts, not dates or URLs


# ---- the corpus ----


def originals() -> list[tuple[str, str]]:
    """(suffix, content) of every example document; a JSONL line counts as one document."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".txt", ".html"):
                found.append((path.suffix, path.read_text(encoding="utf-8")))
            elif path.suffix == ".jsonl":
                found += [(".jsonl", line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found


def donors(base: list[tuple[str, str]]) -> list[str]:
    """Body paragraphs (25 words or more) of the plain-text originals, to splice into other documents."""
    return [p for suffix, text in base if suffix == ".txt" for p in text.split("\n\n") if len(p.split()) >= 25]


def vary(content: str, n: int, rng: random.Random, spare: list[str]) -> str:
    """Three paragraphs from other articles, another country, other tallies, a sentence of its own.

    Splicing keeps most variants below the near-duplicate threshold, as distinct reports of one event are.
    """
    own = f"Observers counted {n} statements and {rng.randint(2, 90)} interventions during the session."
    extra = [*rng.sample(spare, 3), own]
    if "</p>" in content:
        for paragraph in extra:
            ends = [m.end() for m in re.finditer("</p>", content)]
            at = rng.choice(ends)
            content = content[:at] + f"<p>{paragraph}</p>" + content[at:]
    else:
        paragraphs = content.split("\n\n")
        for paragraph in extra:  # below the head (title, byline, date)
            paragraphs.insert(rng.randint(min(3, len(paragraphs)), len(paragraphs)), paragraph)
        content = "\n\n".join(paragraphs)
    swap = dict(zip(COUNTRIES, rng.sample(COUNTRIES, len(COUNTRIES)), strict=True))
    content = _COUNTRY.sub(lambda m: swap[m.group(0)], content)
    return _NUMBER.sub(lambda m: str(int(m.group(1)) + rng.randint(-9, 9)), content)


def build(folder: Path, docs: int, sample_folder: Path, sample: int) -> int:
    """`docs` documents in `folder` (.txt, .html, JSONL files of 50 lines); every k-th also in `sample_folder`."""
    rng = random.Random(7)
    base = originals()
    spare = donors(base)
    every = max(1, docs // sample)
    jsonl: list[str] = []
    for n in range(docs):
        suffix, content = base[n % len(base)]
        in_sample = n % every == 0 and n // every < sample
        if suffix == ".jsonl":
            record = json.loads(content)
            key = "text" if "text" in record else "html"
            record[key] = vary(record[key], n, rng, spare)
            line = json.dumps(record, ensure_ascii=False) + "\n"
            jsonl.append(line)
            if len(jsonl) == 50:
                (folder / f"{n:06d}.jsonl").write_text("".join(jsonl), encoding="utf-8")
                jsonl.clear()
            if in_sample:
                (sample_folder / f"{n:06d}.jsonl").write_text(line, encoding="utf-8")
            continue
        text = vary(content, n, rng, spare)
        (folder / f"{n:06d}{suffix}").write_text(text, encoding="utf-8")
        if in_sample:
            (sample_folder / f"{n:06d}{suffix}").write_text(text, encoding="utf-8")
    if jsonl:
        (folder / f"{docs:06d}.jsonl").write_text("".join(jsonl), encoding="utf-8")
    return docs


def pack_warc(folder: Path, path: Path) -> None:
    """Every document of `folder` as an HTML response record of one .warc.gz (text becomes <p> paragraphs)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from chronicle.sources import RawItem, read_all

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, item in enumerate(read_all([str(folder)], 20 * 1024 * 1024)):
            if not isinstance(item, RawItem):
                continue
            body = item.content if item.format == "html" else "".join(
                f"<p>{p}</p>" for p in item.content.split("\n\n"))  # fmt: skip
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://news.example.org/{n}", "response",
                                               payload=io.BytesIO(body.encode()), http_headers=http)  # fmt: skip
            writer.write_record(record)


# ---- the phases (each in a child process) ----


def _items(folder: Path):
    from chronicle.sources import RawItem, read_all

    return [x for x in read_all([str(folder)], 20 * 1024 * 1024) if isinstance(x, RawItem)]


def phase_read(work: Path, workers: int) -> dict:
    start = time.perf_counter()
    items = _items(work / "corpus")
    return {"docs": len(items), "seconds": time.perf_counter() - start}


def phase_clean(work: Path, workers: int) -> dict:
    from chronicle.cleaning import clean
    from chronicle.settings import Options

    items, options = _items(work / "corpus"), Options(extract=False)
    start = time.perf_counter()
    for item in items:
        clean(item, options)
    return {"docs": len(items), "seconds": time.perf_counter() - start}


def phase_warc(work: Path, workers: int) -> dict:
    from chronicle.sources import RawItem, read_all

    path = work / "corpus.warc.gz"
    start = time.perf_counter()
    docs = sum(isinstance(x, RawItem) for x in read_all([str(path)], 20 * 1024 * 1024))
    return {"docs": docs, "seconds": time.perf_counter() - start, "warc_mb": path.stat().st_size / 2**20}


def _ingest(folder: Path, db: Path, workers: int, extract: bool) -> dict:
    from chronicle.engines.local import ingest
    from chronicle.settings import Options
    from chronicle.store.db import Store

    with Store(str(db)) as store:
        start = time.perf_counter()
        report = ingest([str(folder)], store, Options.from_env(extract=extract), workers=workers)
        seconds = time.perf_counter() - start
    return {"docs": report.seen, "stored": report.stored, "failed": len(report.failed), "seconds": seconds,
            "near_duplicates": report.near_duplicates, "db_mb": db.stat().st_size / 2**20}  # fmt: skip


def phase_ingest(work: Path, workers: int) -> dict:
    return _ingest(work / "corpus", work / "ingest.db", workers, extract=False)


def phase_extract(work: Path, workers: int) -> dict:
    return _ingest(work / "sample", work / "extract.db", workers, extract=True)


def phase_actors_quotes(work: Path, workers: int) -> dict:
    """Cleaning, the parse, actors and quotes over the sample, in this process (the model load is outside)."""
    from chronicle import nlp
    from chronicle.actors import find_actors
    from chronicle.cleaning import clean
    from chronicle.extract.quotes import extract_quotes
    from chronicle.settings import Options

    items, options = _items(work / "sample"), Options.from_env(extract=False)
    model = nlp.load(options.model)
    start = time.perf_counter()
    quotes = 0
    for item in items:
        doc = clean(item, options)
        sdoc = model(doc.text)
        doc.actors = find_actors(doc, sdoc)
        quotes += len(extract_quotes(doc, sdoc))
    return {"docs": len(items), "seconds": time.perf_counter() - start, "quotes": quotes}


def phase_build(work: Path, workers: int, docs: int = 0, sample: int = 0) -> dict:
    start = time.perf_counter()
    build(work / "corpus", docs, work / "sample", sample)
    pack_warc(work / "corpus", work / "corpus.warc.gz")
    return {"docs": docs, "seconds": time.perf_counter() - start}


PHASES = {"read": phase_read, "clean": phase_clean, "warc": phase_warc, "ingest": phase_ingest,
          "actors_quotes": phase_actors_quotes, "extract": phase_extract}  # fmt: skip


def run_phase(name: str, work: Path, workers: int, **sizes) -> dict:
    """One phase in this process; its figures with this process's and its workers' peak memory."""
    figures = phase_build(work, workers, **sizes) if name == "build" else PHASES[name](work, workers)
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    figures["worker_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000, help="documents in the corpus (default 5000)")
    parser.add_argument("--extract-docs", type=int, default=300, help="documents run through every extractor")
    parser.add_argument("--workers", type=int, default=0, help="ingest worker processes (0: all cores)")
    parser.add_argument("--phases", default=",".join(PHASES), help="comma-separated subset of " + ",".join(PHASES))
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # a child process runs one phase
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        sizes = {"docs": args.docs, "sample": args.extract_docs} if args.phase == "build" else {}
        print(json.dumps(run_phase(args.phase, Path(args.work), args.workers, **sizes)))
        return

    # this process stays small (no chronicle imports): a child's ru_maxrss starts from its parent's at exec
    workers = args.workers or len(os.sched_getaffinity(0))
    work = Path(tempfile.mkdtemp(prefix="chronicle-bench-"))
    try:
        (work / "corpus").mkdir()
        (work / "sample").mkdir()
        out: dict = {"docs": args.docs, "extract_docs": args.extract_docs, "workers": workers}
        for name in ["build", *args.phases.split(",")]:
            cmd = [sys.executable, __file__, "--phase", name, "--work", str(work), "--workers", str(workers),
                   "--docs", str(args.docs), "--extract-docs", str(args.extract_docs)]  # fmt: skip
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"phase {name} failed:\n{done.stderr}")
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            if name == "build":
                out["build_seconds"] = round(figures["seconds"], 2)
                continue
            out[f"{name}_docs_per_s"] = round(figures["docs"] / figures["seconds"], 1)
            out[f"{name}_seconds"] = round(figures["seconds"], 2)
            out[f"{name}_peak_rss_mb"] = round(figures["rss_mb"], 1)
            if name in ("ingest", "extract"):
                out[f"{name}_worker_peak_rss_mb"] = round(figures["worker_rss_mb"], 1)
                out[f"{name}_stored"], out[f"{name}_failed"] = figures["stored"], figures["failed"]
                out[f"{name}_near_duplicates"] = figures["near_duplicates"]
                out[f"{name}_db_mb"] = round(figures["db_mb"], 1)
            if name == "read":
                out["corpus_docs_read"] = figures["docs"]
            if name == "warc":
                out["warc_mb"] = round(figures["warc_mb"], 1)
        print(json.dumps(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
