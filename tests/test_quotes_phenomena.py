"""One short text per quoting phenomenon: direct, mixed, indirect, multi-paragraph, speakers of every kind."""

from __future__ import annotations

import pytest

from chronicle.actors import find_actors
from chronicle.extract.quotes import extract_quotes
from chronicle.records import Document


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> Document:
        sdoc = nlp(text)
        doc = Document("t", text, text=text)
        doc.actors = find_actors(doc, sdoc)
        doc.quotes = extract_quotes(doc, sdoc)
        return doc

    return _run


def quote(doc: Document, starts: str):
    found = [q for q in doc.quotes if q.text.startswith(starts)]
    assert found, f"no quote starting {starts!r} in {[q.text for q in doc.quotes]}"
    return found[0]


CASES = [
    # (text, quote starts, kind, speaker id, affiliation)
    ('"We will not accept this text," said Maria Lopez, Spain\'s ambassador to the UN.',
     "We will not accept", "direct", "Maria Lopez", "ESP"),
    ("“The vote sends a message,” Canadian Foreign Minister Anne Roy told reporters on Tuesday.",
     "The vote sends", "direct", "Anne Roy", "CAN"),
    ('Kenya\'s envoy, Peter Mwangi, said: "Africa stands united on this."',
     "Africa stands united", "direct", "Peter Mwangi", "KEN"),
    ('Iran rejected the text. "It is a political stunt," the foreign ministry said in a statement.',
     "It is a political stunt", "direct", "IRN", "IRN"),
    ('Belarus called the mandate "an instrument of pressure" and refused to cooperate.',
     "an instrument of pressure", "mixed", "BLR", "BLR"),
    ('Cuba\'s delegate Ana Diaz said that the resolution was "selective and politicised".',
     "selective and politicised", "mixed", "Ana Diaz", "CUB"),
    ("The resolution urges Eritrea to release \"all political prisoners without delay\". "
     "It was adopted by the Human Rights Council on Friday.",
     "all political prisoners", "mixed", "UNHRC", "UN"),
    ("Human Rights Watch said the Security Council had failed the people of Myanmar for years.",
     "the Security Council had failed", "indirect", "HRW", "HRW"),
    ("China's foreign ministry spokesperson Wang Lei said that the meeting was an interference in China's affairs.",
     "the meeting was an interference", "indirect", "Wang Lei", "CHN"),
    ("The sanctions were unlawful and would hurt ordinary people, Russia's deputy envoy Ivan Petrov said.",
     "The sanctions were unlawful", "indirect", "Ivan Petrov", "RUS"),
    ("According to the UN refugee agency, more than a million people have fled the fighting since April.",
     "more than a million people", "indirect", "UNHCR", "UN"),
    ("More than 400 people were executed last year, according to Amnesty International.",
     "More than 400 people were executed", "indirect", "AMNESTY", "AMNESTY"),
    ("Venezuela rejected the report, saying it was based on lies spread by the opposition.",
     "it was based on lies", "indirect", "VEN", "VEN"),
    ("Western diplomats said the draft would probably be put to a vote next week.",
     "the draft would probably", "indirect", None, None),
]


@pytest.mark.parametrize(("text", "starts", "kind", "speaker", "affiliation"), CASES)
def test_quote_phenomena(run, text, starts, kind, speaker, affiliation):
    found = quote(run(text), starts)
    assert (found.kind, found.speaker, found.speaker_affiliation) == (kind, speaker, affiliation), found


def test_a_generic_source_is_named_as_written(run):
    found = quote(run("Western diplomats said the draft would probably be put to a vote next week."), "the draft")
    assert found.speaker is None and found.speaker_name == "Western diplomats"


def test_a_quote_over_several_paragraphs_is_one_quote(run):
    text = ('The envoy did not mince words. "We have been patient for years.\n\n'
            '"We asked for access again and again. Nothing came of it.\n\n'
            '"Now the council has to act," said Laura Becker, Germany\'s ambassador.')
    doc = run(text)
    assert len(doc.quotes) == 1
    found = doc.quotes[0]
    assert found.text.startswith("We have been patient") and found.text.endswith("has to act,")
    assert found.speaker == "Laura Becker" and found.speaker_affiliation == "DEU"
    assert '"' not in found.text


def test_pronoun_and_surname_speakers(run):
    text = ("Japan's ambassador Kenji Sato welcomed the vote. "
            "He said the families of abductees had waited long enough.\n\n"
            '"This is not the end," Sato added.')
    doc = run(text)
    assert quote(doc, "the families of abductees").speaker == "Kenji Sato"
    assert quote(doc, "This is not the end").speaker == "Kenji Sato"


def test_a_continued_quote_takes_the_speaker_before_it(run):
    doc = run('"We reject it," said Omar Haddad, a Syrian diplomat. "It changes nothing on the ground."')
    assert quote(doc, "It changes nothing").speaker == "Omar Haddad"


def test_two_people_with_one_surname_resolve_by_recency(run):
    text = ("North Korean leader Kim Jong Un did not comment. North Korea's ambassador Kim Song spoke at the UN.\n\n"
            "Kim called the resolution \"a fraud from start to finish.\"")
    assert quote(run(text), "a fraud").speaker == "Kim Song"


def test_a_news_channel_is_not_the_speaker(run):
    doc = run('"The text is an insult," said Ri Chol Min, according to Yonhap News Agency.')
    assert quote(doc, "The text is an insult").speaker == "Ri Chol Min"
    assert any(a.id == "Yonhap" and a.kind == "media" for a in doc.actors)


def test_state_media_statements_speak_for_their_state(run):
    text = ("A statement carried by the Korean Central News Agency said the country would \"take resolute measures\" "
            "against the sanctions.")
    assert quote(run(text), "take resolute measures").speaker == "PRK"


def test_words_of_a_report_belong_to_its_author(run):
    text = ("A UN commission of inquiry concluded that officials had committed \"crimes against humanity\" in the "
            "camps.")
    assert quote(run(text), "crimes against humanity").speaker == "UN COI"


def test_nested_single_quotes_stay_inside(run):
    text = '"He told me, \'Your classroom is this cell now,\'" she said. Maryam Ahmadi, a teacher, had fled Iran.'
    doc = run('Maryam Ahmadi, a former teacher from Iran, spoke to us. ' + text)
    found = quote(doc, "He told me")
    assert "Your classroom is this cell now" in found.text and found.speaker == "Maryam Ahmadi"


def test_a_repeated_quote_is_kept_once(run):
    text = ('"We have made that clear," "We have made that clear," said Anna Berg, Sweden\'s envoy.')
    doc = run(text)
    assert len([q for q in doc.quotes if q.text.startswith("We have made")]) == 1
    assert doc.quotes[0].speaker == "Anna Berg"
