"""Near-duplicate articles (a syndicated copy with another headline, a changed sentence) by MinHash LSH."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5  # words per shingle
SCHEME = "affine64"  # stored signatures are only comparable under the scheme that made them
_WORD = re.compile(r"\w+", re.UNICODE)


def minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class NearDuplicates:
    """An LSH index over documents seen so far; `first_copy` names the earliest near-identical one."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._order: dict[str, int] = {}
        self._hashes: dict[str, MinHash] = {}

    def add(self, doc_id: str, mh: MinHash) -> None:
        if doc_id in self._order:
            return
        self._order[doc_id] = len(self._order)
        self._hashes[doc_id] = mh
        self._lsh.insert(doc_id, mh)

    def first_copy(self, doc_id: str, mh: MinHash) -> str | None:
        """The earliest indexed document whose estimated Jaccard similarity passes the threshold."""
        candidates = [c for c in self._lsh.query(mh) if c != doc_id]
        close = [c for c in candidates if self._hashes[c].jaccard(mh) >= self.threshold]
        return min(close, key=self._order.__getitem__) if close else None
