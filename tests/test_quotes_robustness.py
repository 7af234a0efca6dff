"""Bad inputs never crash the actors or quotes stages, and never make them slow."""

from __future__ import annotations

import time

import pytest

from chronicle.actors import find_actors
from chronicle.extract.quotes import extract_quotes
from chronicle.records import Document


def extract(sdoc) -> Document:
    doc = Document("t", sdoc.text, text=sdoc.text)
    doc.actors = find_actors(doc, sdoc)
    doc.quotes = extract_quotes(doc, sdoc)
    return doc


@pytest.mark.parametrize("text", [
    "", "   \n\n  ", "...", '"', "“”", '""""""', "”Backwards“ marks", '"Never closed, said Kim Song.',
    'Kim said "one "two" three', "“Open\n\nno mark on the next paragraph, said Ri.",
    "O'Brien's view of Pyongyang's ’s rock ’n’ roll and students’ rights '' ' '",
    '"A" "B" "C" said', "\u00a0\u200b\ufeff", "said said said according to according to",
])
def test_bad_inputs_give_a_sensible_result(nlp, text):
    doc = extract(nlp(text) if text.strip() else nlp.make_doc(text))
    for quote in doc.quotes:
        assert 0 <= quote.start <= quote.end <= len(text) and quote.text.strip()
        assert quote.kind in ("direct", "mixed", "indirect")


def test_an_unbalanced_mark_does_not_swallow_the_article(nlp):
    text = ('Kim Song said "the resolution is a plot.\n\nThe vote was held on Tuesday.\n\n'
            '"We reject it," said Ri Chol Min, a North Korean diplomat.')
    doc = extract(nlp(text))
    assert all("The vote was held" not in q.text for q in doc.quotes)
    assert any(q.text.startswith("We reject it") and q.speaker == "Ri Chol Min" for q in doc.quotes)


def test_apostrophes_are_not_quotation_marks(nlp):
    doc = extract(nlp("O'Brien said Pyongyang's envoy and the students’ union rejected South Korea’s offer."))
    assert all("'" not in q.text[:1] for q in doc.quotes)
    assert {"PRK", "KOR"} <= {a.id for a in doc.actors}


# (A run of 10,000 marks with no spaces costs spaCy's tokenizer itself several seconds, before our stages run.)
@pytest.mark.parametrize("text", [
    '" ' * 10_000,
    '"a"' * 5_000,
    " ".join(['"No," said Kim.'] * 2_500),
    "“ " * 10_000,
    'He said "a" and "b" and ' * 2_000,
])
def test_ten_thousand_quotation_marks_stay_linear(nlp, text):
    sdoc = nlp.make_doc(text)  # tokenizer only: no parse, no sentences, no entities
    started = time.perf_counter()
    doc = extract(sdoc)
    assert time.perf_counter() - started < 10
    assert len(doc.quotes) <= 3  # the same words over and over are one quote


def test_documents_without_a_parse_still_get_actors_and_quotes(nlp):
    text = ('"We will never accept this text," said Kim Song, North Korea\'s ambassador to the United Nations.\n\n'
            "South Korea said it welcomed the adoption.")
    doc = extract(nlp.make_doc(text))
    assert {"PRK", "KOR"} <= {a.id for a in doc.actors}
    first = next(q for q in doc.quotes if q.text.startswith("We will never"))
    assert first.speaker == "Kim Song" and first.speaker_affiliation == "PRK"


def test_actor_analysis_is_shared_with_the_quote_stage(nlp):
    sdoc = nlp("Kim Song said the text was a plot.")
    doc = Document("t", sdoc.text, text=sdoc.text)
    find_actors(doc, sdoc)
    index = sdoc.user_data["chronicle.actor_index"]
    extract_quotes(doc, sdoc)
    assert sdoc.user_data["chronicle.actor_index"] is index
