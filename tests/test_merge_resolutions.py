"""Merging resolution reports across articles: keys, stages and series years, and the store's merged facts."""

from __future__ import annotations

from chronicle.merge.resolutions import resolution_key, series_year, stage_key
from chronicle.records import Document, Resolution, Source
from chronicle.store import timeline
from chronicle.store.db import Store


def plenary(**kw):
    base = dict(body="UNGA plenary", target="PRK", year=2023, status="adopted", adoption="without_vote")
    return Resolution(**{**base, **kw})


def report(doc_id: str, *resolutions: Resolution) -> Document:
    text = f"report {doc_id}"
    doc = Document(id=doc_id, raw=text, text=text, source=Source(path=f"{doc_id}.txt", published="2023-12-20"))
    doc.resolutions = list(resolutions)
    return doc


def test_one_resolution_from_several_outlets(tmp_path):
    a = plenary(sponsors=["EU"], cosponsors=["KOR"], cosponsor_count=61, streak=19, provisions=["icc_referral"])
    b = plenary(session=78, sponsors=["EU"], provisions=["abductions"], cosponsors=["KOR", "JPN"])
    assert resolution_key(a) == resolution_key(b) == "UNGA plenary|PRK|2023|adopted"
    with Store(str(tmp_path / "r.db")) as store:
        store.write_batch([report("doc13", a), report("wire1", b)])
        merged = timeline.resolution_detail(store.conn, "UNGA plenary|PRK|2023|adopted")
    assert [s["doc_id"] for s in merged["sources"]] == ["doc13", "wire1"]
    assert merged["provisions"] == ["icc_referral", "abductions"]
    assert merged["cosponsors"] == ["KOR", "JPN"] and merged["session"] == 78


def test_committee_and_plenary_are_two_resolutions_of_one_text():
    committee = plenary(body="UNGA Third Committee", adoption="consensus", date="2023-11-15")
    full = plenary(date="2023-12-19")
    assert resolution_key(committee) != resolution_key(full)
    assert stage_key(committee) == stage_key(full) == "UNGA|PRK|78"


def test_year_from_session_and_from_series():
    assert resolution_key(plenary(year=None, session=78)) == "UNGA plenary|PRK|2023|adopted"
    assert resolution_key(plenary(year=None, streak=19)) == "UNGA plenary|PRK|2023|adopted"
    assert series_year("PRK", "UNGA Third Committee", 19) == 2023
    assert series_year("IRN", "UNGA plenary", 19) is None


def test_reports_without_a_year_stay_apart(tmp_path):
    undated = plenary(year=None)
    assert resolution_key(undated) is None
    with Store(str(tmp_path / "u.db")) as store:
        store.write_batch([report("s1", undated), report("s2", plenary()), report("s3", plenary())])
        clusters = dict(store.conn.execute("SELECT doc_id, cluster_id FROM resolutions").fetchall())
    assert clusters["s2"] == clusters["s3"] != clusters["s1"]


def test_vetoed_and_adopted_texts_of_one_year_are_different():
    assert resolution_key(Resolution(body="UNSC", target="MMR", year=2007, status="vetoed")) != resolution_key(
        Resolution(body="UNSC", target="MMR", year=2007, status="adopted")
    )
    assert stage_key(Resolution(body="UNSC", target="MMR", year=2022)) is None
