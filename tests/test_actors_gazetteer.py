"""The gazetteer: every UN member and observer state, aliases, demonyms, capitals, UN bodies, case rules."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from chronicle.actors.gazetteer import GazetteerEntry, lookup, version


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("North Korea", "PRK"), ("DPRK", "PRK"), ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"), ("South Korea's", "KOR"), ("South Korea’s", "KOR"),
        ("ROK", "KOR"), ("Republic of Korea", "KOR"), ("U.S.", "USA"), ("US", "USA"), ("the United States", "USA"),
        ("America", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("Russia", "RUS"), ("Iran", "IRN"), ("Syria", "SYR"),
        ("Myanmar", "MMR"), ("Burma", "MMR"), ("Venezuela", "VEN"), ("Bolivia", "BOL"), ("Laos", "LAO"),
        ("Vietnam", "VNM"), ("Palestine", "PSE"), ("Holy See", "VAT"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
        ("Czechia", "CZE"), ("Ivory Coast", "CIV"), ("NORTH KOREA", "PRK"),
        ("North Korean", "PRK"), ("North Koreans", "PRK"), ("South Korean", "KOR"), ("Chinese", "CHN"),
        ("Iranian", "IRN"), ("American", "USA"), ("British", "GBR"), ("Russian", "RUS"), ("Syrian", "SYR"),
        ("Burmese", "MMR"), ("Japanese", "JPN"),
        ("Pyongyang", "PRK"), ("Seoul", "KOR"), ("Beijing", "CHN"), ("Washington", "USA"), ("Moscow", "RUS"),
        ("Tehran", "IRN"), ("Damascus", "SYR"), ("Naypyidaw", "MMR"), ("Kyiv", "UKR"), ("Minsk", "BLR"),
        ("Caracas", "VEN"), ("Tokyo", "JPN"),
        ("Third Committee", "UNGA Third Committee"), ("the U.N. General Assembly", "UNGA plenary"),
        ("Third Committee of the U.N. General Assembly", "UNGA Third Committee"),
        ("the 193-member General Assembly", "UNGA plenary"), ("General Assembly", "UNGA plenary"),
        ("Human Rights Council", "UNHRC"), ("Security Council", "UNSC"), ("U.N. Security Council", "UNSC"),
        ("European Union", "EU"), ("EU", "EU"), ("OIC", "OIC"), ("Organisation of Islamic Cooperation", "OIC"),
        ("International Criminal Court", "ICC"), ("UN refugee agency", "UNHCR"), ("Human Rights Watch", "HRW"),
        ("Amnesty International", "AMNESTY"), ("UN human rights office", "OHCHR"), ("Yonhap News Agency", "Yonhap"),
    ],
)
def test_lookup_finds_names(name, ident):
    entry = lookup(name)
    assert isinstance(entry, GazetteerEntry) and entry.id == ident, (name, entry)


@pytest.mark.parametrize("word", ["us", "Us", "un", "eu", "china", "turkey", "amnesty", "", "   ", "Kim Song"])
def test_lookup_ignores_ordinary_words(word):
    assert lookup(word) is None


def test_entry_fields_follow_plover_codes():
    assert lookup("Pyongyang").sector == "GOV" and lookup("Pyongyang").form == "capital"
    assert lookup("North Korean").form == "demonym" and lookup("North Korean").country == "PRK"
    assert (lookup("Third Committee").kind, lookup("Third Committee").country) == ("igo", "UNO")
    assert lookup("EU").country == "EUR" and lookup("ICC").country == "IGO"
    assert (lookup("Human Rights Watch").kind, lookup("Human Rights Watch").country) == ("org", "NGO")
    assert lookup("Yonhap").kind == "media"


def test_every_un_member_and_observer_state_is_present():
    raw = json.loads(resources.files("chronicle.actors").joinpath("data/gazetteer.json").read_text("utf-8"))
    states = {e["id"] for e in raw["entries"] if e["kind"] == "state"}
    assert len(states - {"TWN", "XKX"}) == 195  # 193 members + Holy See + Palestine
    assert raw["version"] == version()
