"""Lines that recur across many documents of one outlet are boilerplate (line hashing across a corpus, as CCNet).

The engine makes one `OutletLines`, feeds every document to `observe` in a pre-pass, then hands it to
`clean`. Two guards keep real article text: a line only counts in documents that are different stories
(a story ingested twice, or updated, is one story), and a long sentence-like line needs twice the evidence.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

from chronicle.records import Source

_SKETCH = 24  # bottom-k sketch of a document's longer lines, to tell different stories from copies
_SAME_STORY = 0.6  # estimated Jaccard at or above which two documents are one story
_SKETCH_MIN_WORDS = 6
_PUNCT = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = (".", "!", "?", '"', "”", "’")


def outlet_key(source: Source) -> str:
    """The outlet a document belongs to: its outlet name, else its URL host, else its input's folder."""
    if source.outlet:
        return "outlet:" + " ".join(source.outlet.lower().split())
    if source.url:
        host = (urlsplit(source.url).hostname or "").removeprefix("www.")
        if host:
            return "host:" + host
    path = (source.path or "-").split("#")[0]
    return "folder:" + os.path.dirname(os.path.abspath(path))


def normalize(line: str) -> str:
    """Case, digits and punctuation do not make a line different (CCNet's normalisation)."""
    return " ".join(_DIGIT.sub("0", _PUNCT.sub(" ", line.lower())).split())


def line_hash(line: str) -> int:
    return int.from_bytes(hashlib.blake2b(normalize(line).encode("utf-8"), digest_size=8).digest(), "big")


class OutletLines:
    """Per outlet, which documents hold each line; `is_boilerplate` answers once enough different stories do."""

    def __init__(self, min_docs: int = 3):
        self.min_docs = min_docs
        self._cap = 8 * min_docs  # documents kept per line: enough to find `2 * min_docs` different stories
        self._lines: dict[str, dict[int, list[int]]] = defaultdict(dict)
        self._sketches: list[tuple[int, ...]] = []

    def observe(self, outlet_key: str, lines: Iterable[str]) -> None:
        """Note one document's lines under its outlet."""
        texts = [line.strip() for line in lines if line.strip()]
        doc = len(self._sketches)
        long = {line_hash(t) for t in texts if len(t.split()) >= _SKETCH_MIN_WORDS}
        self._sketches.append(tuple(sorted(long)[:_SKETCH]))
        table = self._lines[outlet_key]
        for h in {line_hash(t) for t in texts}:
            docs = table.setdefault(h, [])
            if len(docs) < self._cap:
                docs.append(doc)

    def is_boilerplate(self, outlet_key: str, line: str) -> bool:
        """True when the line recurs in enough different stories of this outlet."""
        docs = self._lines.get(outlet_key, {}).get(line_hash(line))
        if not docs or len(docs) < self.min_docs:
            return False
        text = line.strip()
        sentence_like = len(text.split()) >= 8 and text.endswith(_SENTENCE_END)
        needed = 2 * self.min_docs if sentence_like else self.min_docs
        return self._stories(docs, needed) >= needed

    def _stories(self, docs: list[int], needed: int) -> int:
        """How many of `docs` are different stories (greedy; stops once `needed` are found)."""
        picked: list[tuple[int, ...]] = []
        for doc in docs:
            sketch = self._sketches[doc]
            if all(_similarity(sketch, other) < _SAME_STORY for other in picked):
                picked.append(sketch)
                if len(picked) >= needed:
                    break
        return len(picked)


def _similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Jaccard estimate from two bottom-k sketches; two documents with no long lines are alike."""
    if not a and not b:
        return 1.0
    union = sorted(set(a) | set(b))[:_SKETCH]
    both = set(a) & set(b)
    return sum(h in both for h in union) / len(union)
