"""The local engine: read inputs, run the stages on one or more worker processes, one writer to SQLite.

Memory stays bounded: items stream from the readers, at most `window` are in flight, and documents
are written in batches of `batch_size`, each batch one transaction.
"""

from __future__ import annotations

import collections
import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from chronicle.cleaning import OutletLines, content_id, observe
from chronicle.errors import ChronicleError, InputError
from chronicle.merge import duplicates
from chronicle.pipeline import stages
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


def run_item(item: RawItem, options: Options, outlet_lines: OutletLines | None = None) -> Outcome:
    """Process one item; a bad item becomes an error outcome, never an exception."""
    try:
        doc, skipped = stages(item, options, outlet_lines)
        if not doc.text.strip():
            return Outcome(item.path, error="no article text left after cleaning")
        sig = duplicates.to_bytes(duplicates.minhash(doc.text))
        return Outcome(item.path, doc=doc, signature=sig, skipped=skipped)
    except ChronicleError as exc:
        return Outcome(item.path, error=str(getattr(exc, "reason", exc)))
    except Exception as exc:  # a bug must not stop the batch: report it with its trace in the log
        LOGGER.error("internal error on %s\n%s", item.path, traceback.format_exc())
        return Outcome(item.path, error=f"internal error: {type(exc).__name__}: {exc}")


_WORKER_OPTIONS: Options | None = None
_WORKER_OUTLETS: OutletLines | None = None


def _init_worker(options: Options, outlet_lines: OutletLines | None) -> None:
    global _WORKER_OPTIONS, _WORKER_OUTLETS
    _WORKER_OPTIONS, _WORKER_OUTLETS = options, outlet_lines
    from chronicle import nlp

    if options.extract:
        nlp.load(options.model)  # once per worker, before the first document


def _run_in_worker(item: RawItem) -> Outcome:
    return run_item(item, _WORKER_OPTIONS, _WORKER_OUTLETS)


def _outcomes(
    items: Iterable[RawItem], options: Options, outlets: OutletLines | None, workers: int, window: int
) -> Iterator[Outcome]:
    if workers <= 1:
        for item in items:
            yield run_item(item, options, outlets)
        return
    initargs = (options, outlets)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=initargs) as pool:
        pending: collections.deque[Future] = collections.deque()
        for item in items:
            pending.append(pool.submit(_run_in_worker, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


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

    window = max(4, workers * 8)
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
