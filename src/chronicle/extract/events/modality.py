"""PLOVER's auxiliary modes on one trigger: negation, hypothetical (conditional or modal) and future."""

from __future__ import annotations

from spacy.tokens import Token

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "none", "nothing", "without"})
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "ought", "'d"})
FUTURE = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONS = frozenset({"if", "unless", "whether", "should", "lest"})
# Heads that leave their complement unrealised: "failed to", "plans to", "is expected to".
FAILED = frozenset({"fail", "refrain", "decline", "neglect", "stop", "cease"})
INTENT = frozenset({"plan", "intend", "aim", "want", "hope", "expect", "seek", "prepare", "consider", "wish", "mull",
                    "propose", "set", "likely", "poised", "ready", "about"})


def clause(unit: list[Token]) -> list[Token]:
    """The trigger's own tokens plus the verbs that carry its auxiliaries (xcomp heads, a light verb)."""
    out = list(unit)
    head = unit[0]
    for _ in range(3):
        if head.dep_ in ("xcomp", "auxpass") or (head.dep_ == "dobj" and head.pos_ in ("NOUN", "PROPN")):
            head = head.head
            out.append(head)
        else:
            break
    return out

STAY = frozenset({"stay", "keep", "remain"})


def negated(unit: list[Token]) -> bool:
    """Whether the text says the event did not happen: "did not co-sponsor", "no talks", "failed to meet"."""
    for tok in clause(unit):
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
            if child.dep_ == "advmod" and child.lower_ in ("never", "not"):
                return True
        if tok is not unit[0] and tok.lemma_.lower() in FAILED and unit[0].dep_ == "xcomp":
            return True
    trig = unit[0]
    if any(tok.lemma_ in STAY and any(c.dep_ in ("prep", "prt") and c.lower_ == "off" for c in tok.children)
           for tok in unit):
        return True  # "stayed off the list of co-sponsors"
    if trig.dep_ in ("pobj", "pcomp") and trig.head.lower_ == "without":
        return True
    if _instead(trig):
        return True  # "abstained rather than blocking it", "instead of condemning"
    if trig.dep_ in ("xcomp",) and any(c.lower_ == "yet" for c in trig.head.children):
        return True  # "has yet to ratify"
    return False


def modal(unit: list[Token]) -> str | None:
    """'future' for will/shall, 'modal' for would/could/may/should, 'intent' for plans to, else None."""
    for tok in clause(unit):
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass") and low in MODALS:
                return "modal"
            if child.dep_ in ("aux", "auxpass") and low in FUTURE:
                return "future"
        if tok is not unit[0] and tok.lemma_.lower() in INTENT:
            return "intent"
    trig = unit[0]
    if trig.dep_ == "xcomp" and trig.head.lemma_ == "go" and trig.head.tag_ == "VBG":
        return "future"
    return None


SAYING = frozenset({"say", "announce", "tell", "state", "declare", "add", "confirm", "pledge", "promise", "indicate",
                    "signal", "report", "insist", "reiterate", "stress"})


def reported_future(unit: list[Token]) -> bool:
    """ "announced that it would scale back", "said Berlin would keep funding": "would" in a clause a
    reporting verb governs is the future seen from the past, not a hypothesis."""
    for tok in clause(unit):
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children):
            return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SAYING
    return False


def unrealised(unit: list[Token]) -> bool:
    """ "could have used a veto", "might have blocked it": a possibility the text says was not taken."""
    for tok in clause(unit):
        auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
        if tok.tag_ == "VBN" and "have" in auxes and any(a in ("could", "might") for a in auxes):
            return True
    return False


def conditional(unit: list[Token]) -> bool:
    """Whether the trigger sits in, or governs, an if/unless clause."""
    tok = unit[0]
    for child in tok.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
            return True
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in tok.children):
            return True
        if tok.dep_ in ("ROOT",) or tok.head is tok:
            break
        if tok.dep_ not in ("xcomp", "dobj", "pobj", "prep", "advcl", "conj", "ccomp", "relcl", "acl", "pcomp"):
            break
        tok = tok.head
    return False


def antecedent_of_condition(unit: list[Token]) -> bool:
    """Whether the trigger is the condition itself ("if the Council met"), which asserts nothing."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for t in unit for c in t.children)


def _instead(tok: Token) -> bool:
    """The alternative set aside: "rather than block", "instead of condemning"."""
    doc = tok.doc
    i = tok.i
    prev = [doc[j].lower_ for j in range(max(tok.sent.start, i - 2), i)]
    return prev[-2:] == ["rather", "than"] or prev[-2:] == ["instead", "of"]
