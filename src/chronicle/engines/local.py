"""The local engine: read inputs, run the stages on one or more worker processes, one writer to SQLite.

Memory stays bounded: items stream from the readers, workers take them in chunks of `CHUNK` (their parse
is shared), at most two chunks per worker are in flight, and documents are written in batches of
`batch_size`, each batch one transaction.
"""

from __future__ import annotations

import collections
import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from chronicle.cleaning import OutletLines, clean, content_id, observe
from chronicle.errors import ChronicleError, InputError
from chronicle.merge import duplicates
from chronicle.pipeline import run_extractors, run_extractors_many
from chronicle.records import Document
from chronicle.settings import Options
from chronicle.sources import RawItem, files, read_all
from chronicle.store.db import Store

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    unchanged: int = 0  # exact re-ingest: the same content is already stored
    near_duplicates: int = 0  # stored, with duplicate_of set
    out_of_scope: int = 0  # stored cleaned, no extractor run (fast path: pipeline.in_scope)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + len(self.failed)


@dataclass(slots=True)
class Outcome:
    """What one worker made of one raw item."""

    path: str
    doc: Document | None = None
    signature: bytes | None = None
    error: str | None = None
    skipped: str | None = None  # why no extractor ran (pipeline.OUT_OF_SCOPE), None when they ran


CHUNK = 16  # items a worker takes at once: their parse is shared (nlp.pipe), a few percent faster on short news
CHUNK_CHARS = 40_000  # ... unless they are long: a shared parse holds every text of the chunk in memory at once


def run_item(item: RawItem, options: Options, outlet_lines: OutletLines | None = None) -> Outcome:
    """Process one item; a bad item becomes an error outcome, never an exception."""
    return run_items([item], options, outlet_lines)[0]


def run_items(items: list[RawItem], options: Options, outlet_lines: OutletLines | None = None) -> list[Outcome]:
    """Process a chunk of items, parsing their texts together; a bad item is its own error outcome."""
    outcomes = [_guard(item.path, lambda it=item: _cleaned(it, options, outlet_lines)) for item in items]
    good = [o for o in outcomes if o.doc is not None]
    if options.extract and good:
        try:
            for outcome, reason in zip(good, run_extractors_many([o.doc for o in good], options), strict=True):
                outcome.skipped = reason
        except Exception:  # one document broke the shared run: run each alone, so only that one fails
            for outcome in good:
                done = _guard(outcome.path, lambda o=outcome: _extracted(o, options))
                outcome.doc, outcome.skipped, outcome.error = done.doc, done.skipped, done.error
    for outcome in outcomes:
        if outcome.doc is not None:
            outcome.signature = duplicates.to_bytes(duplicates.minhash(outcome.doc.text))
    return outcomes


def _cleaned(item: RawItem, options: Options, outlet_lines: OutletLines | None) -> Outcome:
    doc = clean(item, options, outlet_lines)
    if not doc.text.strip():
        return Outcome(item.path, error="no article text left after cleaning")
    return Outcome(item.path, doc=doc)


def _extracted(outcome: Outcome, options: Options) -> Outcome:
    return Outcome(outcome.path, doc=outcome.doc, skipped=run_extractors(outcome.doc, options))


def _guard(path: str, step: Callable[[], Outcome]) -> Outcome:
    """`step()`, with a failure turned into an error outcome for `path`."""
    try:
        return step()
    except ChronicleError as exc:
        return Outcome(path, error=str(getattr(exc, "reason", exc)))
    except Exception as exc:  # a bug must not stop the batch: report it with its trace in the log
        LOGGER.error("internal error on %s\n%s", path, traceback.format_exc())
        return Outcome(path, error=f"internal error: {type(exc).__name__}: {exc}")


_WORKER_OPTIONS: Options | None = None
_WORKER_OUTLETS: OutletLines | None = None


def _init_worker(options: Options, outlet_lines: OutletLines | None) -> None:
    global _WORKER_OPTIONS, _WORKER_OUTLETS
    _WORKER_OPTIONS, _WORKER_OUTLETS = options, outlet_lines
    from chronicle import nlp

    if options.extract:
        nlp.load(options.model)  # once per worker, before the first document


def _run_in_worker(chunk: list[RawItem]) -> list[Outcome]:
    return run_items(chunk, _WORKER_OPTIONS, _WORKER_OUTLETS)


def full(chunk: list[RawItem]) -> bool:
    """Whether a chunk of items is as large as a worker takes at once."""
    return len(chunk) >= CHUNK or sum(len(item.content) for item in chunk) >= CHUNK_CHARS


def _chunks(items: Iterable[RawItem]) -> Iterator[list[RawItem]]:
    chunk: list[RawItem] = []
    for item in items:
        chunk.append(item)
        if full(chunk):
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _outcomes(
    items: Iterable[RawItem], options: Options, outlets: OutletLines | None, workers: int, window: int
) -> Iterator[Outcome]:
    """Outcomes in input order; at most `window` chunks are in flight."""
    if workers <= 1:
        for chunk in _chunks(items):
            yield from run_items(chunk, options, outlets)
        return
    initargs = (options, outlets)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=initargs) as pool:
        pending: collections.deque[Future] = collections.deque()
        for chunk in _chunks(items):
            pending.append(pool.submit(_run_in_worker, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def outlet_prepass(inputs: list[str], options: Options) -> OutletLines | None:
    """Lines that recur across an outlet's plain-text documents, read in a first pass over local files.

    Only text and JSONL files are read twice; stdin, URLs, feeds and WARC archives are read once, so
    their lines are not observed. HTML needs no pre-pass: trafilatura leaves navigation and footers behind.
    """
    if options.outlet_boilerplate_min_docs <= 0:
        return None
    outlets = OutletLines(options.outlet_boilerplate_min_docs)
    for path in files.expand(inputs):
        if isinstance(path, InputError) or not files.rereadable(path):
            continue
        for item in files.read(path, options.max_input_bytes):
            if not isinstance(item, InputError) and item.format != "html":
                observe(item, outlets)
    return outlets


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: Options,
    *,
    workers: int = 1,
    batch_size: int = 64,
    on_progress: Callable[[IngestReport, str], None] | None = None,
) -> IngestReport:
    """Everything in `inputs` into `store`. Re-running the same inputs changes nothing."""
    inputs = list(inputs)
    report = IngestReport()
    outlets = outlet_prepass(inputs, options)

    def fresh_items() -> Iterator[RawItem]:
        for item in read_all(inputs, options.max_input_bytes, seen_url=store.has_url):
            if isinstance(item, InputError):
                report.failed.append((item.source, item.reason))
                _progress(item.source)
                continue
            if item.decode_warning:
                report.warnings.append((item.path, item.decode_warning))
                LOGGER.warning("%s: %s", item.path, item.decode_warning)
            if store.has(content_id(item.content)):
                report.unchanged += 1
                _progress(item.path)
                continue
            yield item

    def _progress(path: str) -> None:
        if on_progress:
            on_progress(report, path)

    window = max(2, workers * 2)  # chunks in flight: every worker has the next one waiting
    outcomes = _outcomes(fresh_items(), options, outlets, max(1, workers), window)
    return store_outcomes(outcomes, store, options, report, batch_size=batch_size, on_progress=on_progress)


def store_outcomes(
    outcomes: Iterable[Outcome],
    store: Store,
    options: Options,
    report: IngestReport | None = None,
    *,
    batch_size: int = 64,
    on_progress: Callable[[IngestReport, str], None] | None = None,
) -> IngestReport:
    """The single writer: link near-duplicates in arrival order, write batches of `batch_size`, count.

    Every engine ends here (the local workers, and `load-parquet` for Spark's output).
    """
    report = report if report is not None else IngestReport()
    index = duplicates.NearDuplicates(options.near_duplicate_threshold)
    for doc_id, sig in store.signatures():
        index.add(doc_id, duplicates.from_bytes(sig))
    batch: list[Document] = []
    signatures: dict[str, bytes] = {}

    def flush() -> None:
        if batch:
            result = store.write_batch(batch, signatures)
            report.stored += len(result.stored)
            report.unchanged += len(result.unchanged)
            batch.clear()
            signatures.clear()

    for outcome in outcomes:
        if outcome.error:
            report.failed.append((outcome.path, outcome.error))
        else:
            doc = outcome.doc
            mh = duplicates.from_bytes(outcome.signature)
            if any(d.id == doc.id for d in batch):
                report.unchanged += 1
            else:
                doc.duplicate_of = index.first_copy(doc.id, mh)
                report.near_duplicates += doc.duplicate_of is not None
                report.out_of_scope += outcome.skipped is not None
                index.add(doc.id, mh)
                batch.append(doc)
                signatures[doc.id] = outcome.signature
                if len(batch) >= batch_size:
                    flush()
        if on_progress:
            on_progress(report, outcome.path)
    flush()
    return report


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
