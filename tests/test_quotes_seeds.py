"""Quotes of the two seed articles (/work/shared/gold/seeds.json), through the whole pipeline."""

from __future__ import annotations

import pytest

from tests.test_quotes_examples import find, norm, speaker_matches


def _gold_quotes(seeds_gold):
    for name, gold in seeds_gold["documents"].items():
        for quote in gold.get("quotes", []):
            yield name, quote


def test_every_seed_quote_is_found_with_its_speaker_and_affiliation(seed_docs, seeds_gold):
    problems = []
    for name, gold in _gold_quotes(seeds_gold):
        quote = find(seed_docs[name].quotes, gold["starts"])
        if quote is None:
            problems.append(f"{name}: missing {gold['starts']!r}")
        elif not speaker_matches(quote, gold) or quote.speaker_affiliation != gold["affiliation"]:
            problems.append(f"{name}: {gold['starts']!r} by {quote.speaker_name}/{quote.speaker_affiliation}, "
                            f"gold {gold['speaker']}/{gold['affiliation']}")
    assert not problems, "\n".join(problems)


def test_a_repeated_quote_is_one_quote(seed_docs, seeds_gold):
    for name, gold in _gold_quotes(seeds_gold):
        if "occurrences_after_cleaning" not in gold:
            continue
        key = norm(gold["starts"])
        hits = [q for q in seed_docs[name].quotes if norm(q.text).startswith(key)]
        assert len(hits) == gold["occurrences_after_cleaning"], [q.text for q in hits]


@pytest.mark.parametrize(("starts", "kind"), [
    ("The Democratic People's Republic of Korea (DPRK) categorically denied", "direct"),
    ("fraudulent document consistent with falsehood", "mixed"),
    ("[Our] government’s position is that", "direct"),
])
def test_seed_quote_kinds(seed_docs, starts, kind):
    quote = find(seed_docs["000_376aa65d6dd90d01.txt"].quotes, starts)
    assert quote is not None and quote.kind == kind


def test_seed_quotes_carry_titles_and_offsets(seed_docs):
    doc = seed_docs["000_376aa65d6dd90d01.txt"]
    kim = find(doc.quotes, "fraudulent document consistent with falsehood")
    assert kim.speaker == "Kim Song" and kim.speaker_title == "Ambassador to the U.N." and kim.cue == "called"
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= len(doc.text)
        if "\n" not in quote.text:
            assert doc.text[quote.start:quote.end] == quote.text


def test_a_news_channel_is_never_the_speaker(seed_docs):
    doc = seed_docs["000_376aa65d6dd90d01.txt"]
    media = {a.id for a in doc.actors if a.kind == "media"}
    assert "Yonhap" in media
    assert not any(q.speaker in media for d in seed_docs.values() for q in d.quotes)
