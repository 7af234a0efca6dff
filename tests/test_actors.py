"""find_actors: ids, kinds, PLOVER codes, sectors, people with titles, surnames, pronouns and descriptors."""

from __future__ import annotations

import pytest

from chronicle.actors import find_actors
from chronicle.records import Document


@pytest.fixture(scope="module")
def actors_of(nlp):
    def _run(text: str) -> dict:
        sdoc = nlp(text)
        return {a.id: a for a in find_actors(Document("t", text, text=text), sdoc)}

    return _run


def mentions(actor) -> list[str]:
    return [m.text for m in actor.mentions]


def test_states_in_all_their_forms(actors_of):
    text = ("North Korea rejected the text. Pyongyang's envoy spoke after South Korea's delegate. "
            "The DPRK and the ROK exchanged words while the U.S. and the UK watched; North Korean media were silent.")
    found = actors_of(text)
    assert mentions(found["PRK"]) == ["North Korea", "Pyongyang", "DPRK", "North Korean"]
    assert mentions(found["KOR"]) == ["South Korea", "ROK"]
    assert {"USA", "GBR"} <= found.keys()
    prk = found["PRK"]
    assert (prk.kind, prk.country, prk.sector, prk.name) == ("state", "PRK", "GOV", "North Korea")


def test_mention_offsets_point_into_the_text(actors_of, nlp):
    text = "Kim Song, North Korea's ambassador to the United Nations, told the General Assembly it was a plot."
    for actor in actors_of(text).values():
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_un_bodies_and_igos(actors_of):
    text = ("The Third Committee of the U.N. General Assembly passed the text; the 193-member General Assembly will "
            "vote in December. The Human Rights Council, the U.N. Security Council, the European Union, the OIC and "
            "the International Criminal Court were mentioned, as were Human Rights Watch and the UN refugee agency.")
    found = actors_of(text)
    assert mentions(found["UNGA Third Committee"]) == ["Third Committee of the U.N. General Assembly"]
    assert mentions(found["UNGA plenary"]) == ["193-member General Assembly"]
    for ident, kind, country in [("UNHRC", "igo", "UNO"), ("UNSC", "igo", "UNO"), ("EU", "igo", "EUR"),
                                 ("OIC", "igo", "IGO"), ("ICC", "igo", "IGO"), ("HRW", "org", "NGO"),
                                 ("UNHCR", "igo", "UNO")]:
        assert (found[ident].kind, found[ident].country) == (kind, country), ident


@pytest.mark.parametrize(("text", "name", "title", "affiliation", "sector"), [
    ("North Korean Ambassador to the U.N. Kim Song reacted harshly.", "Kim Song", "Ambassador to the U.N.", "PRK",
     "GOV"),
    ("South Korean Foreign Ministry spokesperson Lim Soo-suk said so.", "Lim Soo-suk", "Foreign Ministry spokesperson",
     "KOR", "GOV"),
    ("Koo Byoungsam, spokesperson of South Korea’s Unification Ministry, said so.", "Koo Byoungsam",
     "spokesperson of South Korea’s Unification Ministry", "KOR", "GOV"),
    ("Kim Song, North Korea’s ambassador to the United Nations, told the assembly.", "Kim Song",
     "ambassador to the United Nations", "PRK", "GOV"),
    ("Britain's deputy ambassador, Thomas Ashby, told members.", "Thomas Ashby", "deputy ambassador", "GBR", "GOV"),
    ("General Ri Yong Gil inspected the troops.", "Ri Yong Gil", "General", None, "MIL"),
    ("Judge Piotr Hofmanski of the International Criminal Court spoke.", "Piotr Hofmanski", "Judge", None, "JUD"),
    ("Diana Keller, a researcher at Amnesty International, said so.", "Diana Keller", "researcher at Amnesty "
     "International", "AMNESTY", "NGO"),
    ("Marta Lindqvist, a former Swedish diplomat, said so.", "Marta Lindqvist", "former Swedish diplomat", None, "GOV"),
])
def test_people_with_titles_and_affiliations(actors_of, text, name, title, affiliation, sector):
    person = actors_of(text)[name]
    assert (person.kind, person.title, person.affiliation, person.sector) == ("person", title, affiliation, sector)
    if affiliation in ("PRK", "KOR", "GBR"):
        assert person.country == affiliation


def test_its_and_the_groups_point_to_the_actor_in_focus(actors_of):
    found = actors_of("Amnesty International welcomed the vote. Its deputy director, Jonas Lind, said it was late. "
                      "Russia abstained. Its deputy envoy, Yevgeny Markov, said little.")
    assert found["Jonas Lind"].affiliation == "AMNESTY"
    assert found["Yevgeny Markov"].affiliation == "RUS"


def test_surnames_and_pronouns_resolve_to_the_person(actors_of):
    found = actors_of("Koo Byoungsam, spokesperson of South Korea’s Unification Ministry, spoke first. "
                      "He added that Koo had asked Beijing for answers.")
    assert mentions(found["Koo Byoungsam"]) == ["Koo Byoungsam", "He", "Koo"]


def test_two_kims_resolve_by_recency(actors_of):
    found = actors_of("Leader Kim Jong Un was absent. Ambassador Kim Song spoke. Kim called it a plot. "
                      "Later Kim Jong Un appeared on television, and Kim smiled.")
    assert mentions(found["Kim Song"]) == ["Kim Song", "Kim"]
    assert mentions(found["Kim Jong Un"]) == ["Kim Jong Un", "Kim Jong Un", "Kim"]


def test_descriptors_resolve_to_the_compatible_state_in_focus(actors_of):
    text = ("South Korea said it expressed its concerns to the People's Republic of China after assessing that the "
            "communist nation recently returned North Koreans. A UN report on North Korea said the country's "
            "leaders should face justice, and the regime rejected it.")
    found = actors_of(text)
    assert "the communist nation" in mentions(found["CHN"])
    assert "the country" in mentions(found["PRK"]) and "the regime" in mentions(found["PRK"])


def test_the_north_in_a_korean_context(actors_of):
    found = actors_of("Seoul said the North had fired two missiles.")
    assert "the North" in mentions(found["PRK"])
    assert "PRK" not in actors_of("Snow fell across the North of England.")


def test_media_are_their_own_kind(actors_of):
    found = actors_of("The report, according to Yonhap News Agency and KCNA, was denied.")
    assert found["Yonhap"].kind == "media" and found["KCNA"].kind == "media" and found["KCNA"].country == "PRK"


def test_lowercase_words_are_not_names(actors_of):
    found = actors_of("Let us see whether china plates and a turkey dinner make news.")
    assert not {"USA", "CHN", "TUR"} & found.keys()
