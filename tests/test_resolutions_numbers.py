"""Tallies, number words, sessions and streaks, including ill-formed numbers that must never crash."""

from __future__ import annotations

import logging

import pytest

from chronicle.extract.resolutions.numbers import digits, to_int
from chronicle.extract.resolutions.sessions import session_year, symbol_session
from chronicle.extract.resolutions.streaks import find_streaks
from chronicle.extract.resolutions.tallies import find_tallies, plausible
from chronicle.pipeline import process
from chronicle.sources import RawItem


def votes(text):
    return [(t.yes, t.no, t.abstain) for t in find_tallies(digits(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It passed 100-18 with 60 abstentions.", (100, 18, 60)),
        ("The vote was 77 to 51, with 46 abstentions.", (77, 51, 46)),
        ("adopted by 83 in favour to 30 against, with 68 abstentions", (83, 30, 68)),
        ("Sixty-five countries voted in favor, 23 against and 83 abstained.", (65, 23, 83)),
        ("won 80 votes in favour and 65 abstentions, with 29 countries voting against", (80, 29, 65)),
        ("passed 12 in favour to none against, with 3 abstentions", (12, 0, 3)),
        ("was defeated with 19 against, 17 in favour and 11 abstentions", (17, 19, 11)),
        ("by seventy-seven votes to fourteen, with seventy-nine abstentions", (77, 14, 79)),
        ("Eighty-four states voted yes, 22 voted no, and 68 abstained", (84, 22, 68)),
    ],
)
def test_tallies_in_any_order_and_in_words(text, expected):
    assert votes(text)[0] == expected


def test_two_tallies_in_one_sentence_stay_apart():
    text = "The committee voted 80 to 30 with 70 abstentions, and the plenary voted 82 to 29 with 65 abstentions."
    assert votes(text) == [(80, 30, 70), (82, 29, 65)]


def test_numbers_that_are_not_votes():
    assert votes("co-sponsored by 42 other countries for a second consecutive year") == []
    assert votes("On 2023-11-15 the committee voted.") == []
    assert votes("from 10 to 15 people were adopted") == []


@pytest.mark.parametrize(
    "text",
    [
        "It passed 116-20-53abstentions.",
        "votes: 999-1000-1001",
        "by -5 to 3,,, with abstentions",
        "1-2-3-4-5-6-7 votes",
        "12 in favour, twelve hundred against",
        "",
        "\x00\x01 voted 5 to",
    ],
)
def test_ill_formed_numbers_never_crash(text):
    find_tallies(digits(text))


def test_implausible_tally_is_refused_with_a_reason():
    (tally,) = find_tallies("The Security Council voted 14 in favour, 3 against and 2 abstentions.")
    assert plausible(tally, "UNSC") and "15 members" in plausible(tally, "UNSC")
    (tally,) = find_tallies("The council voted 30 in favour, 10 against, with 7 abstentions.")
    assert plausible(tally, "UNHRC") is None


def test_number_words():
    assert (to_int("sixty-one"), to_int("Nineteenth"), to_int("1,024"), to_int("none of it")) == (61, 19, 1024, None)


def test_sessions_and_symbols():
    assert symbol_session("A/C.3/78/L.42") == 78 and symbol_session("A/RES/78/218") == 78
    assert symbol_session("A/HRC/RES/45/19") == 45 and symbol_session("A/HRC/RES/S-35/1") is None
    assert session_year(78, "UNGA plenary") == 2023 and session_year(52, "UNHRC") == 2023


@pytest.mark.parametrize(
    "text, expected",
    [
        ("passed a resolution condemning North Korean human rights abuses for the 19th year in a row.", [19]),
        ("The text, the nineteenth of its kind since 2005, passed.", [19]),
        ("South Korea, which signed on as a co-sponsor for a second consecutive year, was among them.", []),
        ("For a second consecutive year, the resolution also includes language on prisoners of war.", []),
        ("It was only the second text rejected in the council's history.", []),
        ("its first resolution on Myanmar in 74 years", []),
    ],
)
def test_streaks_and_their_traps(text, expected):
    assert [s.value for s in find_streaks(digits(text))] == expected


ILL_FORMED = (
    "The UN Human Rights Council on Thursday adopted a resolution on Eritrea by 470 votes in favour, 3 against and "
    "2 abstentions.\n\nThe UN General Assembly on Tuesday adopted a resolution on Belarus, 116-20-53abstentions.\n\n"
    "The Security Council on Monday adopted a resolution on Haiti by 12 votes to 1,,, with abstentions.\n"
)


def test_ill_formed_article_through_the_pipeline(options, caplog):
    """Implausible parts are left out with a logged reason; well-formed ones in the same article are kept."""
    item = RawItem(path="ill.txt", content=ILL_FORMED, format="text", meta={"published": "2024-03-01"})
    with caplog.at_level(logging.INFO, logger="chronicle.extract.resolutions"):
        doc = process(item, options)
    by_target = {r.target: r for r in doc.resolutions}
    assert by_target["ERI"].votes is None and by_target["ERI"].adoption == "recorded_vote"
    assert any("more than the 47 members" in r.message for r in caplog.records)
    assert by_target["BLR"].votes == {"yes": 116, "no": 20, "abstain": 53}
    assert by_target["HTI"].body == "UNSC"
