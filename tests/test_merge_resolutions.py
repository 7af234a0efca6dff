"""Merging resolution reports across articles: keys, stages, series and merged facts (pure functions)."""

from __future__ import annotations

from chronicle.merge.resolutions import group_reports, resolution_key, series_key, series_year, stage_key
from chronicle.records import Resolution


def plenary(**kw):
    base = dict(body="UNGA plenary", target="PRK", year=2023, status="adopted", adoption="without_vote")
    return Resolution(**{**base, **kw})


def test_one_resolution_from_several_outlets():
    a = plenary(sponsors=["EU"], cosponsors=["KOR"], cosponsor_count=61, streak=19, provisions=["icc_referral"])
    b = plenary(session=78, sponsors=["EU"], provisions=["abductions"], cosponsors=["KOR", "JPN"])
    (merged,) = group_reports([("doc13", 0, a), ("wire1", 0, b)])
    assert merged.key == "UNGA plenary|PRK|2023|adopted"
    assert [s.doc_id for s in merged.sources] == ["doc13", "wire1"]
    assert merged.resolution.provisions == ["icc_referral", "abductions"]
    assert merged.resolution.cosponsors == ["KOR", "JPN"] and merged.resolution.session == 78
    assert merged.stage == "UNGA|PRK|78" and merged.conflicts == []


def test_committee_and_plenary_are_two_resolutions_of_one_text():
    committee = plenary(body="UNGA Third Committee", adoption="consensus", date="2023-11-15")
    full = plenary(date="2023-12-19")
    assert resolution_key(committee) != resolution_key(full)
    assert stage_key(committee) == stage_key(full) == "UNGA|PRK|78"
    assert series_key(committee) == series_key(full) == "UNGA|PRK"
    assert len(group_reports([("a", 0, committee), ("a", 1, full)])) == 2


def test_year_from_session_and_from_series():
    assert resolution_key(plenary(year=None, session=78)) == "UNGA plenary|PRK|2023|adopted"
    assert resolution_key(plenary(year=None, streak=19)) == "UNGA plenary|PRK|2023|adopted"
    assert series_year("PRK", "UNGA Third Committee", 19) == 2023
    assert series_year("IRN", "UNGA plenary", 19) is None


def test_reports_without_a_year_stay_apart_and_conflicts_are_named():
    undated = plenary(year=None)
    assert resolution_key(undated) is None
    groups = group_reports(
        [
            ("s1", 0, undated),
            ("s2", 0, plenary(votes={"yes": 1, "no": 2, "abstain": 3})),
            ("s3", 0, plenary(votes={"yes": 1, "no": 2, "abstain": 4})),
        ]
    )
    assert len(groups) == 2
    assert groups[1].conflicts == ["votes"]


def test_vetoed_and_adopted_texts_of_one_year_are_different():
    assert resolution_key(Resolution(body="UNSC", target="MMR", year=2007, status="vetoed")) != resolution_key(
        Resolution(body="UNSC", target="MMR", year=2007, status="adopted")
    )
    assert stage_key(Resolution(body="UNSC", target="MMR", year=2022)) is None
