"""Scores for resolutions and reactions against hand-made gold (definitions: docs/resolutions.md, "Scoring").

- resolution F1: predicted and gold resolutions of one document are paired by (body, target); a pair is a hit.
- field F1: over paired resolutions, each field in FIELDS is a hit when both sides give the same value, a false
  positive when the prediction gives a value the gold does not, a false negative when the gold gives a value
  the prediction misses or gets wrong. Lists compare as sets; a gold file without a field does not score it.
- reaction F1: over the set of (actor, stance) per document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronicle.extract.resolutions.places import place_id
from chronicle.records import Document, Resolution

FIELDS = ("session", "year", "adoption", "votes", "cosponsor_count", "streak", "status", "sponsors", "provisions")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> float:
        if not (self.tp or self.fp or self.fn):
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass
class Scores:
    resolutions: Counts = field(default_factory=Counts)
    fields: Counts = field(default_factory=Counts)
    per_field: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    reactions: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {
            "resolution_f1": round(self.resolutions.f1(), 3),
            "field_f1": round(self.fields.f1(), 3),
            "reaction_f1": round(self.reactions.f1(), 3),
        }


def actor_id(name: str) -> str:
    """Gold may name a state as written ("United States"); ids pass through."""
    return place_id(name) or name


def _value(name: str, value):
    if name in ("sponsors", "provisions"):
        return frozenset(actor_id(v) for v in value or []) if name == "sponsors" else frozenset(value or [])
    return value


def _empty(value) -> bool:
    return value is None or value == frozenset()


def pair(gold: list[dict], predicted: list[Resolution]) -> list[tuple[dict, Resolution]]:
    """Gold and predicted resolutions paired by (body, target); among equals the one agreeing on most fields."""
    free = list(predicted)
    pairs = []
    for g in gold:
        same = [p for p in free if (p.body, p.target) == (g.get("body"), g.get("target"))]
        if not same:
            continue
        best = max(same, key=lambda p: sum(_value(f, getattr(p, f)) == _value(f, g.get(f)) for f in FIELDS if f in g))
        free.remove(best)
        pairs.append((g, best))
    return pairs


def score_document(scores: Scores, key: str, gold_res: list[dict], gold_reac: list[dict], doc: Document) -> None:
    pairs = pair(gold_res, doc.resolutions)
    scores.resolutions.tp += len(pairs)
    scores.resolutions.fp += len(doc.resolutions) - len(pairs)
    scores.resolutions.fn += len(gold_res) - len(pairs)
    paired = {id(g) for g, _ in pairs}
    scores.misses += [
        f"{key}: missed {g['body']} {g['target']} {g.get('year')}" for g in gold_res if id(g) not in paired
    ]
    for g, p in pairs:
        for name in FIELDS:
            if name not in g:
                continue
            want, got = _value(name, g[name]), _value(name, getattr(p, name))
            for counts in (scores.fields, scores.per_field[name]):
                if want == got:
                    counts.tp += not _empty(want)
                else:
                    counts.fp += not _empty(got)
                    counts.fn += not _empty(want)
            if want != got:
                scores.misses.append(f"{key}: {g['body']} {g['target']} {name} gold={g[name]} got={getattr(p, name)}")
    want_r = {(actor_id(r["actor"]), r["stance"]) for r in gold_reac}
    got_r = {(r.actor, r.stance) for r in doc.reactions}
    scores.reactions.tp += len(want_r & got_r)
    scores.reactions.fp += len(got_r - want_r)
    scores.reactions.fn += len(want_r - got_r)
    scores.misses += [f"{key}: reaction missed {r}" for r in sorted(want_r - got_r)]
    scores.misses += [f"{key}: reaction extra {r}" for r in sorted(got_r - want_r)]


def test_field_f1_counts_wrong_values_on_both_sides():
    """A wrong value is a false positive and a false negative; a value gold lacks is only a false positive."""
    scores = Scores()
    doc = Document(id="d", raw="", text="")
    doc.resolutions = [Resolution(body="UNSC", target="MMR", year=2021, streak=3)]
    score_document(scores, "d", [{"body": "UNSC", "target": "MMR", "year": 2022, "streak": None}], [], doc)
    assert (scores.fields.tp, scores.fields.fp, scores.fields.fn) == (0, 2, 1)
    assert scores.resolutions.f1() == 1.0


def test_gold_names_are_read_as_ids():
    assert actor_id("United States") == "USA"
    assert actor_id("EU") == "EU"
