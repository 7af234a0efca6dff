"""Merging events across articles: one real-world event, many reports, counted like GDELT."""

from __future__ import annotations

import dataclasses
import json

from chronicle.merge.events import Report, event_key, group_events, reports, within
from chronicle.pipeline import enrich, process
from chronicle.records import Event
from chronicle.sources import RawItem


def article(options, text: str, published: str, outlet: str):
    item = RawItem(path=f"{outlet}.txt", content=text, format="text", meta={"published": published, "outlet": outlet})
    doc = process(item, dataclasses.replace(options, extract=False))
    doc.source.published = doc.source.published or published
    doc.source.outlet = doc.source.outlet or outlet
    return enrich(doc, options)


def test_two_differently_worded_reports_are_one_event_with_two_sources(options):
    first = article(options, "The United States imposed sanctions on three North Korean officials on Tuesday.",
                    "2023-11-15", "Wire One")
    second = article(options, "Washington slapped new sanctions on North Korea's officials, the Treasury said "
                     "on Wednesday.", "2023-11-16", "Daily Two")
    clusters = [c for c in group_events(reports([first, second])) if c.key[0] == "SANCTION"]
    assert len(clusters) == 1, [(c.key, c.date) for c in clusters]
    (cluster,) = clusters
    assert cluster.key == ("SANCTION", "USA", "PRK")
    assert cluster.num_sources == 2 and cluster.num_articles == 2 and cluster.num_mentions == 2
    assert cluster.sources == ["Wire One", "Daily Two"]


def test_reports_a_window_apart_are_two_events():
    ev = Event(type="REJECT", source="PRK", target="UNGA plenary")
    a = Report(dataclasses.replace(ev, date="2023-11-15"), "d1", outlet="A")
    b = Report(dataclasses.replace(ev, date="2023-11-20"), "d2", outlet="B")
    c = Report(dataclasses.replace(ev, date="2024-11-20"), "d3", outlet="A")
    d = Report(dataclasses.replace(ev, date="2023-11-21"), "d2", outlet="B")  # same article, a second mention
    clusters = group_events([c, a, b, d])
    assert [(cl.date, cl.num_mentions, cl.num_articles, cl.num_sources) for cl in clusters] == [
        ("2023-11-15", 3, 2, 2), ("2024-11-20", 1, 1, 1)]


def test_keys_and_windows():
    meet = Event(type="CONSULT", source="KOR", target="JPN")
    assert event_key(meet) == event_key(dataclasses.replace(meet, source="JPN", target="KOR"))
    accuse = Event(type="ACCUSE", source="KOR", target="CHN")
    assert event_key(accuse) != event_key(dataclasses.replace(accuse, source="CHN", target="KOR"))
    assert within("2023-11", "2023-11-05") and not within("2023-11-01", "2023-11-09")
    assert within(None, None) and not within(None, "2023-11-01")


def test_negated_and_hypothetical_reports_stay_out_unless_asked(options):
    doc = article(options, "Australia did not co-sponsor the resolution.", "2023-11-16", "Wire One")
    assert not reports([doc])
    assert [r.event.type for r in reports([doc], keep_negated=True)] == ["SUPPORT"]


def test_ingesting_two_differently_worded_reports_stores_one_event_with_two_sources(tmp_path, options):
    from chronicle.engines.local import ingest
    from chronicle.store import queries
    from chronicle.store.db import Store

    wire = {"text": "The United States imposed sanctions on three North Korean officials on Tuesday.",
            "published": "2023-11-15", "outlet": "Wire One"}
    daily = {"text": "Washington slapped new sanctions on North Korea's officials, the Treasury said on Wednesday.",
             "published": "2023-11-16", "outlet": "Daily Two"}
    (tmp_path / "reports.jsonl").write_text("\n".join(json.dumps(r) for r in (wire, daily)) + "\n", encoding="utf-8")
    with Store(str(tmp_path / "merge.db")) as store:
        assert ingest([str(tmp_path / "reports.jsonl")], store, options).stored == 2
        rows = queries.events(store.conn, type="SANCTION")
        stored = store.conn.execute("SELECT COUNT(*) FROM events WHERE type = 'SANCTION'").fetchone()[0]
    assert stored == 2  # both mentions are kept ...
    assert len(rows) == 1  # ... as one event
    (row,) = rows
    assert (row["source"], row["target"]) == ("USA", "PRK")
    assert row["num_sources"] == 2 and row["num_articles"] == 2 and row["num_mentions"] == 2
