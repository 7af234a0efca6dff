"""Reported findings: "the commission concluded that North Korean leaders had committed crimes against humanity".

The finding is an ACCUSE (allege) by the reporter against whoever the finding names as the perpetrator. The
acts it lists ("including the torture of detained opponents") stay events of their own.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from chronicle.extract.events import triggers as lex
from chronicle.extract.events.matching import Hit


def _crime_clause(verb: Token, rule: dict) -> bool:
    """ "had committed war crimes", "may amount to crimes against humanity", "violations had been committed"."""
    if verb.lemma_.lower() not in rule["verbs"]:
        return False
    crimes = set(rule["crimes"])
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr") and c.lemma_.lower() in crimes:
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in crimes for g in c.children):
            return True
    return False


def perpetrators(clause: Token) -> list[Token]:
    """Who the finding blames: the clause's subject, else the agent of a passive ("committed by the army")."""
    subs = [c for c in clause.children if c.dep_ == "nsubj"]
    if subs:
        return subs
    return [g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def finding_hits(sent: SpacySpan, hits: list[Hit]) -> list[Hit]:
    """A reporting verb whose complement finds crimes: one ACCUSE hit on the reporting verb."""
    rule = lex.lexicon()["finding_accuse"]
    taken = {h.token.i for h in hits}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in rule["reporting"] or tok.i in taken:
            continue
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        clauses += [cj for c in clauses for cj in c.conjuncts]
        found = next((c for c in clauses if _crime_clause(c, rule)), None)
        if found is None:
            continue
        trig = lex.Trigger((tok.lemma_,), "V", "ACCUSE", "allege", rule["cameo"], 0.5,
                           {"finding": found, "hr": rule["hr"]})
        out.append(Hit(tok, trig, tok, [tok]))
    return out
