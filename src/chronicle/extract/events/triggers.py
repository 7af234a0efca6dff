"""The trigger lexicon (plover_triggers.json): which lemmas signal which PLOVER event, and the cheap prefilter.

`might_hold_event` reads tokenizer output only (`lower_` or `text`), so a fast path can skip
parsing every sentence it rejects.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from chronicle.extract.events.ontology import cameo as ontology_cameo
from chronicle.extract.events.ontology import load_data

POS = {"V": ("VERB",), "N": ("NOUN", "PROPN"), "A": ("ADJ",)}

# Past tenses and participles a suffix rule gets wrong; extra forms are harmless to a prefilter.
IRREGULAR = {
    "beat": ["beaten"], "break": ["broke", "broken"], "bring": ["brought"], "cast": [], "cut": [],
    "fight": ["fought"], "find": ["found"], "fly": ["flew", "flown"], "free": ["freed"], "give": ["gave", "given"],
    "go": ["went", "gone"], "have": ["had", "has"], "hit": [], "hold": ["held"], "lay": ["laid"], "lead": ["led"],
    "leave": ["left"], "lend": ["lent"], "make": ["made"], "meet": ["met"], "pay": ["paid"], "put": [],
    "quit": [], "seek": ["sought"], "sell": ["sold"], "send": ["sent"], "set": [], "shoot": ["shot"],
    "shut": [], "slay": ["slew", "slain"], "speak": ["spoke", "spoken"], "strike": ["struck", "stricken"],
    "swear": ["swore", "sworn"], "take": ["took", "taken"], "tell": ["told"], "throw": ["threw", "thrown"],
    "undertake": ["undertook", "undertaken"], "withdraw": ["withdrew", "withdrawn"], "withhold": ["withheld"],
    "begin": ["began", "begun"], "overrun": ["overran"], "forbid": ["forbade", "forbidden"], "see": ["saw", "seen"],
    "blow": ["blew", "blown"], "stand": ["stood"], "win": ["won"], "bid": [], "shed": [], "spread": [],
    "lie": ["lay", "lain", "lied"], "freeze": ["froze", "frozen"], "ship": ["shipped"], "plead": ["pled"],
    "mistake": ["mistook"], "stick": ["stuck"], "wage": ["waged"], "do": ["did", "done"],
}


@dataclass(slots=True, frozen=True)
class Trigger:
    """One lexicon entry; `rule` keeps the entry's optional conditions (see the data file's `about`)."""

    lemmas: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    cameo: str
    confidence: float
    rule: dict = field(hash=False, compare=False)

    def get(self, key: str, default=None):
        return self.rule.get(key, default)


@functools.cache
def lexicon() -> dict:
    return load_data("plover_triggers.json")


@functools.cache
def triggers() -> tuple[Trigger, ...]:
    out = []
    for entry in lexicon()["triggers"]:
        mode, etype = entry.get("m"), entry.get("t", "")  # a skip entry has no type: it claims a token for nothing
        out.append(
            Trigger(
                lemmas=tuple(entry["w"]),
                pos=entry["pos"],
                type=etype,
                mode=mode,
                cameo=entry.get("c") or (ontology_cameo(etype, mode) if etype else ""),
                confidence=entry.get("conf", 0.7),
                rule=entry,
            )
        )
    return tuple(out)


@functools.cache
def by_lemma() -> dict[str, tuple[Trigger, ...]]:
    """Lemma → the entries that list it, in file order."""
    index: dict[str, list[Trigger]] = {}
    for trig in triggers():
        for lemma in trig.lemmas:
            index.setdefault(lemma, []).append(trig)
    return {k: tuple(v) for k, v in index.items()}


def light_verbs() -> frozenset[str]:
    return _light_verbs()


@functools.cache
def _light_verbs() -> frozenset[str]:
    return frozenset(lexicon()["light_verbs"])


def candidates(lemma: str, lower: str, pos: str) -> list[Trigger]:
    """Entries whose lemma and coarse part of speech fit a token."""
    seen = by_lemma().get(lemma, ()) + (by_lemma().get(lower, ()) if lower != lemma else ())
    return [t for t in seen if any(pos in POS[p] for p in t.pos)]


def inflections(word: str) -> set[str]:
    """Every form a verb, noun or adjective lemma may take in text (a superset is fine)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms |= set(IRREGULAR.get(word, ()))
    if "-" in word and len(word.rsplit("-", 1)[1]) > 3:  # "co-sponsor" arrives as "co", "-", "sponsor"
        forms |= inflections(word.rsplit("-", 1)[1])
    return forms


@functools.cache
def trigger_forms() -> frozenset[str]:
    """Lower-cased surface forms of every trigger lemma."""
    forms: set[str] = set()
    for lemma in by_lemma():
        forms |= inflections(lemma)
    return frozenset(forms)


def might_hold_event(sentence_tokens: Iterable) -> bool:
    """Whether a sentence can hold an event: one of its tokens is a form of a trigger lemma.

    Works on tokenizer output alone (`lower_`, else `text`; plain strings too), no tags or parse needed.
    """
    forms = trigger_forms()
    for tok in sentence_tokens:
        low = tok if isinstance(tok, str) else getattr(tok, "lower_", None) or tok.text
        if low.lower() in forms:
            return True
    return False
