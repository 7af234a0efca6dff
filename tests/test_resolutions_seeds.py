"""The two seed articles through the whole pipeline give exactly the resolutions and reactions of the gold."""

from __future__ import annotations

import pytest

from .test_resolutions_scoring import FIELDS, actor_id


def _norm(name, value):
    if name == "sponsors":
        return sorted(actor_id(v) for v in value or [])
    if name == "provisions":
        return sorted(value or [])
    return value


@pytest.mark.parametrize("name", ["000_376aa65d6dd90d01.txt", "001_59328151a6e3b5cf.txt"])
def test_seed_resolutions(seed_docs, seeds_gold, name):
    doc, gold = seed_docs[name], seeds_gold["documents"][name]
    assert len(doc.resolutions) == len(gold["resolutions"])
    for want, got in zip(gold["resolutions"], doc.resolutions, strict=True):
        assert (got.body, got.target) == (want["body"], want["target"])
        for field in FIELDS:
            if field in want:
                assert _norm(field, getattr(got, field)) == _norm(field, want[field]), field
        assert set(want.get("cosponsors_include", [])) <= set(got.cosponsors)
        assert got.evidence and all(0 <= s.start < s.end <= len(doc.text) for s in got.evidence)


@pytest.mark.parametrize("name", ["000_376aa65d6dd90d01.txt", "001_59328151a6e3b5cf.txt"])
def test_seed_reactions(seed_docs, seeds_gold, name):
    doc, gold = seed_docs[name], seeds_gold["documents"][name]
    assert {(r.actor, r.stance) for r in doc.reactions} == {(r["actor"], r["stance"]) for r in gold["reactions"]}
    assert all(r.resolution == 0 for r in doc.reactions)


def test_streak_trap_and_cosponsor_in_seed(seed_docs):
    """Seed 000: the 19th year in a row (2023), 62 co-sponsors including South Korea, session 78."""
    (res,) = seed_docs["000_376aa65d6dd90d01.txt"].resolutions
    assert (res.streak, res.year, res.session, res.cosponsor_count) == (19, 2023, 78, 62)
    assert "KOR" in res.cosponsors and res.sponsors == ["EU"]
