"""Reactions to resolutions, through the whole pipeline on short articles (real spaCy, real actors and quotes)."""

from __future__ import annotations

import pytest

from chronicle.pipeline import process
from chronicle.sources import RawItem


def reactions(options, text: str) -> set[tuple[str, str]]:
    doc = process(RawItem(path="t.txt", content=text, format="text", meta={"published": "2023-11-16"}), options)
    return {(r.actor, r.stance) for r in doc.reactions}


LEAD = (
    "The UN General Assembly's Third Committee on Wednesday adopted a resolution on Iran by 80 votes to 29, "
    "with 65 abstentions.\n\n"
)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Japan and South Korea welcomed the adoption.", {("JPN", "welcome"), ("KOR", "welcome")}),
        ("Iran's envoy rejected the resolution as politically motivated.", {("IRN", "reject")}),
        ("The text was well received by the Canadian delegation.", {("CAN", "welcome")}),
        (
            "China, Russia and Belarus were among the countries that voted against the text.",
            {("CHN", "oppose"), ("RUS", "oppose"), ("BLR", "oppose")},
        ),
        (
            "The text was opposed by Russia, China and Iran.",
            {("RUS", "oppose"), ("CHN", "oppose"), ("IRN", "oppose")},
        ),
        ("Beijing criticised the resolution as biased.", {("CHN", "concern")}),
        ("Cuba said the text politicised human rights.", {("CUB", "concern")}),
        ("Britain, which drafted the text with France, welcomed the vote.", {("GBR", "welcome")}),
        ("Canada, a close ally of the United States, hailed the result.", {("CAN", "welcome")}),
        ("Amnesty International called the adoption a victory for victims.", {("AMNESTY", "welcome")}),
        ("The text was adopted despite opposition from China.", {("CHN", "oppose")}),
        ("Sudan's ambassador did not oppose the text.", set()),
        ("Sudan refused to support the resolution.", set()),
        (
            "Russia's delegate, Pavel Orlov, called the text a propaganda exercise and urged states to vote "
            "against it.",
            {("RUS", "oppose")},
        ),
    ],
)
def test_stances(options, sentence, expected):
    got = reactions(options, LEAD + sentence + "\n")
    assert got >= expected
    assert not {r for r in got if r[0] in ("FRA", "USA")}, "an actor inside an aside is not the subject"
    if not expected:
        assert not {r for r in reactions(options, LEAD + sentence + "\n") if r[0] == "SDN"}


def test_the_text_itself_is_no_reactor(options):
    """ "a text … that condemns the Taliban's restrictions": the resolution condemns, Afghanistan does not."""
    text = (
        "The UN Human Rights Council on Wednesday adopted without a vote a text led by the European Union that "
        "condemns the Taliban's restrictions on women.\n\nThe Taliban administration rejected the resolution.\n"
    )
    assert reactions(options, text) == {("AFG", "reject")}


def test_welcoming_a_defeat_opposes_the_draft(options):
    text = (
        "The UN Human Rights Council on Thursday rejected a draft decision on Xinjiang by 19 votes to 17, with 11 "
        "abstentions.\n\nChina welcomed the outcome of the vote.\n"
    )
    assert ("CHN", "oppose") in reactions(options, text)
    assert ("CHN", "oppose") in reactions(options, text.replace("welcomed the outcome", "called the result a victory"))


def test_a_drafter_who_speaks_supports_its_text(options):
    text = (
        "The UN Security Council on Wednesday adopted a Maltese-drafted resolution on Gaza by 12 votes to none, "
        "with 3 abstentions.\n\nMalta's deputy ambassador, Daniel Borg, said the text was a response to the "
        "suffering of children.\n"
    )
    assert ("MLT", "support") in reactions(options, text)


@pytest.mark.parametrize(
    "after, expected",
    [
        ("Its deputy envoy, Yevgeny Markov, said the text asked for little.", True),
        ("Its economy grew by 3 percent last year, officials said.", False),
    ],
)
def test_an_abstention_explained_in_the_next_sentence_is_a_concern(options, after, expected):
    sentence = "Russia abstained after its amendment calling for a truce was voted down. " + after
    assert (("RUS", "concern") in reactions(options, LEAD + sentence + "\n")) is expected


def test_urging_another_try_supports_a_defeated_draft(options):
    text = (
        "The UN Human Rights Council on Thursday rejected a draft decision on Xinjiang by 19 votes to 17, with 11 "
        "abstentions.\n\nHuman Rights Watch urged member states to reconsider the matter at the next session.\n"
        "China urged members to adopt a no-action motion.\n"
    )
    got = reactions(options, text)
    assert ("HRW", "support") in got and ("CHN", "support") not in got


@pytest.mark.parametrize(
    "sentence, actor",
    [
        ("South Korea said it had expressed its concerns to Beijing about the detentions.", "KOR"),
        ("Human Rights Watch condemned the arrests of activists in a statement on Thursday.", "HRW"),
    ],
)
def test_a_stance_on_something_else_is_no_reaction(options, sentence, actor):
    """ "it had expressed" is not "voted against it"; "condemned the arrests" condemns the arrests, not the text."""
    assert not {r for r in reactions(options, LEAD + sentence + "\n") if r[0] == actor}


def test_it_as_object_is_about_the_text(options):
    assert ("CUB", "concern") in reactions(options, LEAD + "Cuba expressed concern about it.\n")


def test_no_resolution_no_reaction(options):
    assert reactions(options, "China welcomed the talks. Russia rejected the offer.\n") == set()
