"""What the shape of a clause says about the event a trigger names: an order for an act, an ultimatum, a
promised concession, a purpose, a vow. Each reads the parse around one hit (build.py decides what follows)."""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.events.matching import Hit

ORDERED_ACTS = frozenset({"killing", "attack", "strike", "crackdown", "arrest", "raid", "execution", "massacre",
                          "bombing", "invasion", "offensive", "shelling", "assault", "deportation", "detention",
                          "torture", "murder", "assassination", "shooting"})


def ordered_act(token: Token) -> bool:
    """An order whose object is an act of force, with no clause: "ordered (and carried out) these killings"."""
    return token.lemma_.lower() == "order" and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ORDERED_ACTS for v in (token, *token.conjuncts) for c in v.children
    )


# What "... or face X" threatens: the THREATEN mode of the penalty ("" for a threat of no named kind).
PENALTIES = {"deportation": "expel", "expulsion": "expel", "eviction": "expel", "arrest": "arrest",
             "prosecution": "arrest", "jail": "arrest", "prison": "arrest", "imprisonment": "arrest",
             "detention": "arrest", "sanction": "relations", "penalty": "restrict", "fine": "restrict",
             "ban": "restrict", "force": "violence", "attack": "violence", "strike": "violence", "consequence": "",
             "action": "", "measure": "", "punishment": ""}


# What a promise may give up: a law or rule repealed or replaced, captives freed, restrictions lifted.
CONCESSIONS = frozenset({"repeal", "replace", "amend", "abolish", "scrap", "rescind", "revoke", "lift", "ease",
                         "release", "free", "pardon", "withdraw", "dismantle"})


def promised_concession(hit: Hit, by_token: dict[int, Hit]) -> bool:
    for root in hit.content:
        if root.pos_ == "VERB" and root.lemma_.lower() in CONCESSIONS:
            return True
        if root.i in by_token and by_token[root.i].trigger.type in ("RETREAT", "CONCEDE"):
            return True
    return False


def ultimatum(hit: Hit) -> str | None:
    """The threat a demand carries when its alternative is a penalty: "to leave the country or face deportation"."""
    for root in hit.content:
        for tok in root.subtree:
            if tok.lemma_.lower() != "face" or tok.dep_ != "conj":
                continue
            if not any(c.dep_ == "cc" and c.lower_ == "or" for c in tok.head.children):
                continue
            for obj in tok.children:
                if obj.dep_ == "dobj" and obj.lemma_.lower() in PENALTIES:
                    return PENALTIES[obj.lemma_.lower()]
    return None


def purpose_of_event(head: Token, by_token: dict[int, Hit]) -> bool:
    """An infinitive of purpose on another event's verb: "deployed troops to crush the protests"."""
    return head.dep_ == "advcl" and head.tag_ == "VB" and head.head.i in by_token and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in head.children)


def under_vow(tok: Token) -> bool:
    return tok.dep_ == "xcomp" and tok.head.lemma_ in ("vow", "threaten", "warn", "pledge", "promise", "swear")
