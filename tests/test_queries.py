"""Questions across documents (quotes, actors, events, resolutions, timelines) on a real store of hand-built records.

The extractors are written elsewhere; these documents carry the records they will produce, written through
`Store.write_batch` like an ingest would.
"""

from __future__ import annotations

import pytest

from chronicle.records import Actor, Document, Event, Mention, Quote, Reaction, Resolution, Source, Span
from chronicle.store import queries, timeline
from chronicle.store.db import Store


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def mentions(text: str, *parts: str) -> list[Mention]:
    return [Mention(span(text, p).start, span(text, p).end, p) for p in parts]


def make_doc(doc_id: str, text: str, published: str | None, outlet: str | None = None, **records) -> Document:
    source = Source(path=f"/news/{doc_id}.txt", outlet=outlet, published=published, title=f"title {doc_id}")
    doc = Document(id=doc_id, raw=text, text=text, source=source)
    for name, values in records.items():
        setattr(doc, name, values)
    return doc


def committee(text: str, count: int, **kw) -> Resolution:
    base = dict(body="UNGA Third Committee", target="PRK", session=78, year=2023, date="2023-11-15",
                status="adopted", adoption="consensus", cosponsor_count=count, streak=19, sponsors=["EU"],
                evidence=[span(text, "adopted a resolution")])
    return Resolution(**{**base, **kw})


def reject(text: str, **kw) -> Event:
    base = dict(type="REJECT", source="PRK", target="UNGA Third Committee", date="2023-11-15", cameo="010",
                mode="verbal", context=["human_rights"], evidence=[span(text, "rejected")])
    return Event(**{**base, **kw})


A = ("A UN committee adopted a resolution on North Korea. Pyongyang rejected it. "
     '"We categorically reject this resolution," said Kim Song, North Korea\'s Ambassador to the U.N. '
     "North Korea called it a plot.")
B = ("The Third Committee adopted a resolution condemning North Korea, which rejected the text. "
     "The EU said the vote showed the world would not look away, according to Peter Stano.")
C = "North Korea rejected a resolution that the committee adopted a resolution on, a second report says it rejected."
D = ("The General Assembly adopted a resolution on North Korea and adopted a resolution on Iran by 80 votes. "
     'The United States accused Pyongyang of abuses. "This is a victory for victims," Linda Thomas-Greenfield said.')
E = "In 2022 the General Assembly adopted a resolution on North Korea for the 18th year."


def corpus() -> list[Document]:
    kim = Actor("Kim Song", "person", "Kim Song", country="PRK", title="Ambassador to the U.N.", affiliation="PRK",
                mentions=mentions(A, "Kim Song"))
    prk = Actor("PRK", "state", "North Korea", country="PRK", mentions=mentions(A, "North Korea", "Pyongyang"))
    a = make_doc(
        "aaaa000000000001", A, "2023-11-15", "AP",
        actors=[prk, kim, Actor("UNGA Third Committee", "igo", "UN committee", mentions=mentions(A, "UN committee"))],
        quotes=[Quote("We categorically reject this resolution", *_at(A, "We categorically reject this resolution"),
                      kind="direct", cue="said", speaker="Kim Song", speaker_name="Kim Song",
                      speaker_title="Ambassador to the U.N.", speaker_affiliation="PRK")],
        resolutions=[committee(A, 61)],
        reactions=[Reaction("PRK", "reject", resolution=0, quote=0, evidence=[span(A, "rejected it")])],
        events=[reject(A, quote=0)],
    )
    b = make_doc(
        "bbbb000000000002", B, "2023-11-16", "Reuters",
        actors=[Actor("PRK", "state", "North Korea", country="PRK", mentions=mentions(B, "North Korea")),
                Actor("EU", "igo", "The EU", country="EUR", mentions=mentions(B, "EU")),
                Actor("Peter Stano", "person", "Peter Stano", title="spokesperson", affiliation="EU",
                      mentions=mentions(B, "Peter Stano"))],
        quotes=[Quote("the vote showed the world would not look away",
                      *_at(B, "the vote showed the world would not look away"), kind="indirect", cue="said",
                      speaker="EU", speaker_name="Peter Stano", speaker_affiliation="EU")],
        resolutions=[committee(B, 60, evidence=[span(B, "adopted a resolution condemning")])],
        reactions=[Reaction("EU", "welcome", resolution=0, quote=0)],
        events=[reject(B, date=None)],
    )
    c = make_doc(
        "cccc000000000003", C, "2023-11-17", "AP",
        actors=[Actor("PRK", "state", "North Korea", country="PRK", mentions=mentions(C, "North Korea"))],
        resolutions=[committee(C, 60, date=None, evidence=[span(C, "adopted a resolution on")])],
        events=[reject(C), reject(C, evidence=[span(C, "says it rejected")])],
    )
    d = make_doc(
        "dddd000000000004", D, "2023-12-20", None,
        actors=[Actor("USA", "state", "The United States", country="USA", mentions=mentions(D, "United States")),
                Actor("Linda Thomas-Greenfield", "person", "Linda Thomas-Greenfield", title="Ambassador",
                      affiliation="USA", mentions=mentions(D, "Linda Thomas-Greenfield"))],
        quotes=[Quote("This is a victory for victims", *_at(D, "This is a victory for victims"), kind="direct",
                      speaker="Linda Thomas-Greenfield", speaker_name="Linda Thomas-Greenfield",
                      speaker_title="Ambassador", speaker_affiliation="USA")],
        resolutions=[
            Resolution(body="UNGA plenary", target="PRK", session=78, year=2023, date="2023-12-19",
                       status="adopted", adoption="without_vote", streak=19, evidence=[span(D, "on North Korea")]),
            Resolution(body="UNGA plenary", target="IRN", session=78, year=2023, date="2023-12-19",
                       status="adopted", adoption="recorded_vote", votes={"yes": 80, "no": 29, "abstain": 65},
                       symbol="A/RES/78/220", cosponsors=["CAN", "USA"], provisions=["death_penalty"],
                       evidence=[span(D, "on Iran by 80 votes")]),
        ],
        events=[Event(type="ACCUSE", source="USA", target="PRK", date="2023-12-19", cameo="112", negated=True,
                      context=["human_rights", "crime"], evidence=[span(D, "accused")])],
    )
    e = make_doc(
        "eeee000000000005", E, "2022-12-16", "AP",
        resolutions=[Resolution(body="UNGA plenary", target="PRK", session=77, year=2022, status="adopted",
                                adoption="without_vote", streak=18, evidence=[span(E, "adopted a resolution")])],
    )
    return [a, b, c, d, e]


def _at(text: str, part: str) -> tuple[int, int]:
    s = span(text, part)
    return s.start, s.end


def build_store(path: str) -> str:
    """A real store with the corpus, written in two batches as two ingests would."""
    docs = corpus()
    with Store(path) as store:
        store.write_batch(docs[:2])
        store.write_batch(docs[2:])
    return path


@pytest.fixture
def conn(tmp_path):
    with Store(build_store(str(tmp_path / "q.db")), readonly=True) as store:
        yield store.conn


def test_quotes_by_speaker_name_part_or_id(conn):
    assert [q["speaker_name"] for q in queries.quotes(conn, speaker="kim")] == ["Kim Song"]
    assert [q["speaker_name"] for q in queries.quotes(conn, speaker="eu")] == ["Peter Stano"]  # speaker id
    (row,) = queries.quotes(conn, speaker="Thomas-Greenfield")
    assert row == {
        "date": "2023-12-20", "speaker_name": "Linda Thomas-Greenfield", "speaker_title": "Ambassador",
        "speaker_affiliation": "USA", "speaker": "Linda Thomas-Greenfield", "kind": "direct",
        "text": "This is a victory for victims", "cue": None, "doc_id": "dddd000000000004", "idx": 0,
        "path": "/news/dddd000000000004.txt", "url": None, "outlet": None,
    }


def test_quotes_by_actor_search_and_date(conn):
    assert [q["speaker_name"] for q in queries.quotes(conn, actor="prk")] == ["Kim Song"]  # affiliation
    assert [q["speaker_name"] for q in queries.quotes(conn, search="REJECT resolution")] == ["Kim Song"]
    assert queries.quotes(conn, search="reject victims") == []  # every word must appear
    assert queries.quotes(conn, search="100%") == []  # LIKE wildcards are literal
    newest_first = [q["date"] for q in queries.quotes(conn)]
    assert newest_first == ["2023-12-20", "2023-11-16", "2023-11-15"]
    assert [q["date"] for q in queries.quotes(conn, since="2023-11-16")] == ["2023-12-20", "2023-11-16"]
    assert len(queries.quotes(conn, since="2023-12")) == 1 and len(queries.quotes(conn, since="2024")) == 0
    assert len(queries.quotes(conn, limit=1)) == 1


def test_a_quote_without_a_published_date_takes_its_resolution_date(tmp_path):
    text = '"No," said Kim. The committee adopted a resolution.'
    doc = make_doc("ffff000000000006", text, None, quotes=[Quote("No", 1, 3, kind="direct", speaker_name="Kim")],
                   resolutions=[committee(text, 1, date="2023-11-15")])
    with Store(str(tmp_path / "u.db")) as store:
        store.write_batch([doc])
        assert [q["date"] for q in queries.quotes(store.conn)] == ["2023-11-15"]


def test_actors_with_mention_and_document_counts(conn):
    rows = {r["id"]: r for r in queries.actors(conn)}
    assert rows["PRK"] == {"id": "PRK", "kind": "state", "name": "North Korea", "country": "PRK", "title": None,
                           "affiliation": None, "mentions": 4, "documents": 3}
    assert list(rows)[0] == "PRK"  # most documents first
    people = queries.actors(conn, kind="person")
    assert {p["id"]: (p["title"], p["affiliation"]) for p in people} == {
        "Kim Song": ("Ambassador to the U.N.", "PRK"), "Peter Stano": ("spokesperson", "EU"),
        "Linda Thomas-Greenfield": ("Ambassador", "USA")}
    assert [r["id"] for r in queries.actors(conn, kind="igo")] == ["EU", "UNGA Third Committee"]
    assert len(queries.actors(conn, limit=2)) == 2


def test_events_are_merged_with_gdelt_style_counts(conn):
    rejects = queries.events(conn, type="reject")
    assert len(rejects) == 1
    (ev,) = rejects
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (4, 3, 2)  # AP twice, Reuters
    assert ev["cameo"] == "010" and isinstance(ev["cameo"], str)
    assert (ev["source"], ev["target"], ev["date"], ev["mode"]) == ("PRK", "UNGA Third Committee", "2023-11-15",
                                                                     "verbal")
    assert ev["negated"] is False and ev["context"] == ["human_rights"]
    assert ev["doc_ids"] == ["aaaa000000000001", "bbbb000000000002", "cccc000000000003"]


def test_event_filters(conn):
    (accuse,) = queries.events(conn, context="crime")
    assert accuse["type"] == "ACCUSE" and accuse["negated"] is True and accuse["num_sources"] == 1
    assert accuse["context"] == ["crime", "human_rights"]
    assert [e["type"] for e in queries.events(conn, actor="prk")] == ["ACCUSE", "REJECT"]  # newest first
    assert [e["type"] for e in queries.events(conn, actor="USA")] == ["ACCUSE"]
    assert [e["type"] for e in queries.events(conn, since="2023-12")] == ["ACCUSE"]
    assert queries.events(conn, type="PROTEST") == []
    assert len(queries.events(conn, limit=1)) == 1


def test_resolutions_one_row_per_distinct_resolution_by_year(conn):
    rows = timeline.resolutions(conn)
    assert [(r["year"], r["body"], r["target"]) for r in rows] == [
        (2022, "UNGA plenary", "PRK"), (2023, "UNGA Third Committee", "PRK"),
        (2023, "UNGA plenary", "IRN"), (2023, "UNGA plenary", "PRK"),
    ]
    third = rows[1]
    assert third["cosponsor_count"] == 60  # two reports of 60 outvote one of 61
    assert third["date"] == "2023-11-15" and third["adoption"] == "consensus" and third["streak"] == 19
    assert third["sources"] == 3 and third["doc_ids"] == ["aaaa000000000001", "bbbb000000000002",
                                                          "cccc000000000003"]
    assert third["paths"][0] == "/news/aaaa000000000001.txt"
    iran = rows[2]
    assert iran["tally"] == "80-29-65" and iran["cosponsor_count"] == 2 and iran["symbol"] == "A/RES/78/220"
    assert rows[0]["tally"] is None and rows[0]["un_records"] == []


def test_resolution_filters(conn):
    assert [r["body"] for r in timeline.resolutions(conn, target="prk", since=2023)] == [
        "UNGA Third Committee", "UNGA plenary"]
    assert [r["target"] for r in timeline.resolutions(conn, body="third")] == ["PRK"]
    assert len(timeline.resolutions(conn, body="UNGA")) == 4
    assert timeline.resolutions(conn, body="UNHRC") == []


def test_resolution_detail_has_sources_stages_and_reactions(conn):
    cluster = next(r["id"] for r in timeline.resolutions(conn, body="Third"))
    detail = timeline.resolution_detail(conn, cluster)
    assert [s["doc_id"] for s in detail["sources"]] == ["aaaa000000000001", "bbbb000000000002", "cccc000000000003"]
    start = A.index("adopted a resolution")
    assert detail["sources"][0]["evidence"] == [{"start": start, "end": start + 20, "text": "adopted a resolution"}]
    assert detail["sponsors"] == ["EU"] and detail["cosponsors"] == []
    assert [(s["body"], s["year"]) for s in detail["stages"]] == [("UNGA plenary", 2023)]
    assert [(r["actor"], r["stance"], r["quote"]) for r in detail["reactions"]] == [
        ("PRK", "reject", "We categorically reject this resolution"),
        ("EU", "welcome", "the vote showed the world would not look away"),
    ]
    assert detail["un_votes"] == []
    assert timeline.resolution_detail(conn, "no such cluster") is None


def test_timeline_interleaves_every_kind_oldest_first(conn):
    items = timeline.timeline(conn, "PRK")
    assert [(i["date"], i["kind"]) for i in items] == [
        ("2022", "resolution"),
        ("2023-11-15", "resolution"),
        ("2023-11-15", "event"),
        ("2023-11-15", "reaction"),
        ("2023-11-15", "quote"),
        ("2023-11-16", "reaction"),  # the EU welcomes a resolution on PRK: about PRK
        ("2023-12-19", "resolution"),
        ("2023-12-19", "event"),  # the United States accuses PRK
    ]
    assert items[4]["who"] == "Kim Song" and items[4]["text"] == "We categorically reject this resolution"
    assert items[7]["what"] == "ACCUSE (negated)"
    assert [i["kind"] for i in timeline.timeline(conn, "EU")] == ["reaction", "quote"]
    assert timeline.timeline(conn, "ZZZ") == []
