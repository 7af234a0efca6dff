"""Events whose actors come from the article around the sentence, or from constructions the sentence gold
(tests/gold/event_sentences.jsonl) does not exercise: groups of co-sponsors, lemmatizer slips, agents named by
"from"."""

from __future__ import annotations

from tests.test_events import events_of, find

LEAD = "The UN General Assembly's Third Committee on Thursday adopted a resolution condemning abuses in Myanmar. "


def test_a_group_signed_on_as_co_sponsors_gives_its_named_members(options):
    text = LEAD + ("The European Union drafted the resolution, and 40 countries signed on as co-sponsors, among them "
                   "Canada, Japan and Australia.")
    _, events = events_of(options, text)
    for member in ("CAN", "JPN", "AUS"):
        assert find(events, "SUPPORT", member, "UNO"), (member, [(e.type, e.source) for e in events])


def test_a_hyphenated_passive_shares_the_subject_of_its_clause(options):
    text = LEAD + "The draft won 120 votes and was co-sponsored by 50 countries, including Canada and Norway."
    _, events = events_of(options, text)
    assert find(events, "SUPPORT", "CAN", "UNO") and find(events, "SUPPORT", "NOR", "UNO")


def test_staged_is_a_light_verb_and_from_names_the_group(options):
    _, events = events_of(options, "In Seoul, activists from Amnesty International staged a protest outside the "
                                   "Chinese embassy on Tuesday.")
    assert find(events, "PROTEST", "NGO", "CHN")
    _, events = events_of(options, LEAD + "It calls for the safe return of Rohingya refugees from Bangladesh.")
    assert find(events, "REQUEST", "UNO") and not find(events, "REQUEST", target="BGD")


def test_actors_implied_by_the_sentence_before(options):
    text = LEAD + "Russia, which is not a council member, did not take part. Its foreign ministry condemned the vote."
    _, events = events_of(options, text)
    assert find(events, "ACCUSE", "RUS", "UNO") and not find(events, "ACCUSE", "MMR")
    text = LEAD + ("Britain and France led the drafting of the text, which 50 countries co-sponsored. It asks the UN "
                   "High Commissioner for Human Rights to report back to the committee.")
    _, events = events_of(options, text)
    assert find(events, "REQUEST", "UNO") and not find(events, "REQUEST", "GBR")


def test_a_named_apposition_and_a_misattached_conjunct_keep_the_speaker(options):
    text = LEAD + ("Amnesty International welcomed the vote. Its deputy director, Jonas Lindahl, said that the "
                   "result was \"a first step\" and urged member states to back the text in the plenary.")
    _, events = events_of(options, text)
    assert find(events, "REQUEST", "NGO")
    text = ("China's ambassador, Zhang Liwei, said that the result was \"a win for fairness,\" and accused "
            "Washington of interfering in China's internal affairs.")
    _, events = events_of(options, text)
    assert find(events, "ACCUSE", "CHN", "USA")


def test_the_headline_gives_no_events_of_its_own(options):
    text = ("Washington and Brussels sanction North Korean officials over prison camps\n\n"
            "The United States imposed sanctions on three North Korean officials on Monday.")
    doc, events = events_of(options, text)
    assert doc.source.title and doc.text.startswith(doc.source.title)
    assert find(events, "SANCTION", "USA", "PRK")
    assert all(ev.evidence[0].start > len(doc.source.title) for ev in events)


def test_should_know_is_a_warning_not_a_request(options):
    _, events = events_of(options, "\"Those who run Iran's prisons should know that the world is watching,\" said "
                                   "Rebecca Hale, a spokesperson for the State Department.")
    assert not find(events, "REQUEST")
    _, events = events_of(options, "\"China should stop intimidating its neighbours,\" the Philippine defence "
                                   "secretary said.")
    assert find(events, "REQUEST", "PHL", "CHN")


def test_a_walkout_by_diplomats_from_a_bloc_targets_the_state_the_article_is_about(options):
    text = ("The UN Human Rights Council on Thursday adopted a resolution on Belarus. Diplomats from several "
            "European Union member states walked out of the chamber when the Belarusian representative spoke.")
    _, events = events_of(options, text)
    assert find(events, "PROTEST", "EUR", "BLR")


def test_air_strikes_are_assaults_not_labour_strikes(options):
    _, events = events_of(options, "Israeli air strikes continued across Gaza on Wednesday.")
    assert find(events, "ASSAULT", "ISR") and not find(events, "PROTEST")


def test_crimes_committed_including_a_nominal_event_are_that_event(options):
    text = ("In March the commission reported that Russian forces had committed war crimes, including the unlawful "
            "deportation of Ukrainian children to Russia.")
    _, events = events_of(options, text)
    assert find(events, "COERCE", "RUS", "UKR")
    _, events = events_of(options, "Sudan's army sent reinforcements, including armoured vehicles, into Darfur.")
    assert not find(events, "AID")


def test_a_request_to_free_a_person_is_asked_of_the_state_that_holds_them(options):
    text = LEAD + ("It urged the military to release all political prisoners, including the ousted leader "
                   "Aung San Suu Kyi.")
    _, events = events_of(options, text)
    asks = find(events, "REQUEST", "UNO")
    assert asks and all(ev.target == "MMR" for ev in asks), [(e.type, e.source, e.target) for e in events]


def test_council_members_are_the_council_and_an_abduction_described_in_a_demand_happened(options):
    text = ("The UN Security Council met on Monday to discuss North Korea. Human Rights Watch called on council "
            "members to keep North Korea on the agenda.")
    _, events = events_of(options, text)
    assert find(events, "REQUEST", "NGO", "UNO") and not find(events, "REQUEST", "NGO", "PRK")
    _, events = events_of(options, LEAD + "It also demanded the return of abductees, including Japanese nationals "
                                          "seized by North Korean agents in the 1970s.")
    assert find(events, "ASSAULT", "PRK", "JPN") and find(events, "REQUEST", "UNO")
