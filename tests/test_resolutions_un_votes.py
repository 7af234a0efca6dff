"""The UN Digital Library voting CSV: one record per resolution with each member state's vote."""

from __future__ import annotations

import logging
from pathlib import Path

from chronicle.merge.resolutions import from_un_vote, resolution_key
from chronicle.sources.un_votes import parse_un_votes

SAMPLE = Path(__file__).parent / "data" / "un_votes_sample.csv"


def records():
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        return list(parse_un_votes(fh))


def test_one_record_per_resolution_with_every_vote():
    ukraine, iran = records()
    assert ukraine.resolution == "A/RES/78/221" and ukraine.draft == "A/C.3/78/L.43" and ukraine.session == 78
    assert ukraine.votes == {"UKR": "Y", "RUS": "N", "IND": "A", "VEN": "X"}
    assert ukraine.totals == {"yes": 78, "no": 16, "abstain": 80, "non_voting": 19, "members": 193}
    assert ukraine.subjects == ["HUMAN RIGHTS", "UKRAINE"]
    assert iran.votes == {"CAN": "Y", "IRN": "N", "CHN": "N", "BRA": "A"}


def test_as_resolution_records():
    ukraine, iran = (from_un_vote(r) for r in records())
    assert (ukraine.body, ukraine.target, ukraine.year, ukraine.status) == ("UNGA plenary", "UKR", 2023, "adopted")
    assert ukraine.votes == {"yes": 78, "no": 16, "abstain": 80}
    assert iran.target == "IRN" and iran.votes == {"yes": 1, "no": 2, "abstain": 1}  # blank totals: counted
    assert resolution_key(ukraine) == "UNGA plenary|UKR|2023|adopted"


def test_malformed_rows_are_skipped_and_logged(caplog):
    with caplog.at_level(logging.INFO, logger="chronicle.sources.un_votes"):
        records()
    assert sum("skipped" in r.message for r in caplog.records) == 3
