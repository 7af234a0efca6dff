"""Find trigger hits in a parsed sentence: a lexicon entry whose conditions hold on the token and its parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from chronicle.extract.events import triggers as lex
from chronicle.extract.events.actors import ActorIndex

RESOLUTION_NOUNS = frozenset({"resolution", "draft", "text", "motion", "report", "decision", "declaration"})
CONFLICT = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
MATERIAL_CONFLICT = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
NAMED_ENTITIES = frozenset({"PERSON", "GPE", "ORG", "LOC", "FAC", "DATE", "TIME", "WORK_OF_ART", "LAW", "PRODUCT",
                            "LANGUAGE"})
MEASURES = frozenset({"ton", "tonne", "million", "billion", "dollar", "shipment", "package", "batch", "worth", "amount",
                      "load", "consignment", "round", "kind"})
# Nouns that hold a trigger noun in their "of" phrase the way a measure does: "joined the list of co-sponsors".
CONTAINERS = frozenset({"list", "ranks", "rank", "group", "number", "round", "series"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# Nouns whose instances an "including" phrase lists: "committed crimes, including the torture of opponents".
CRIMES = frozenset({"crime", "abuse", "violation", "atrocity", "offence", "offense"})
# Forms the small English model lemmatizes wrongly ("staged" → "stag"), read before a light verb is checked.
LEMMA_FIXES = {"staged": "stage", "staging": "stage"}


@dataclass(slots=True)
class Hit:
    """A trigger in the text: the token, the entry it matched, and the verb that carries its arguments."""

    token: Token
    trigger: lex.Trigger
    head: Token  # the trigger itself, or the light verb that governs a noun trigger ("imposed sanctions")
    unit: list[Token]  # the trigger with its hyphen-joined parts ("co", "-", "sponsor")
    nominal: bool = False  # a noun trigger with its own actor ("Russia's invasion"), no light verb
    content: list[Token] = field(default_factory=list)  # what a request, threat or refusal is about


def unit_of(tok: Token) -> list[Token]:
    """The token with the parts a hyphen joins to it, as the tokenizer splits "co-sponsor"."""
    doc, out = tok.doc, [tok]
    i = tok.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        out[:0] = [doc[i - 2], doc[i - 1]]
        i -= 2
    j = tok.i
    while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
        out += [doc[j + 1], doc[j + 2]]
        j += 2
    return out


def verb_lemma(tok: Token) -> str:
    """The lower-cased lemma, with the model's known lemmatizer slips fixed."""
    return LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def children(unit: list[Token]) -> list[Token]:
    ids = {t.i for t in unit}
    return [c for t in unit for c in t.children if c.i not in ids]


def near_lemmas(tokens: list[Token], depth: int = 3) -> set[str]:
    out: set[str] = {t.lower_ for t in tokens}  # hyphen parts: "well-received"
    frontier = children(tokens)
    for _ in range(depth):
        nxt = []
        for t in frontier:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
            nxt.extend(t.children)
        frontier = nxt
    return out


def objects(unit: list[Token]) -> list[Token]:
    """Direct objects (or, in the passive, the subject), with their conjuncts."""
    found = [c for c in children(unit) if c.dep_ in OBJECT_DEPS or c.dep_ in ("nsubjpass", "dative")]
    head = unit[-1] if unit[-1].pos_ == "VERB" else unit[0]
    if reduced_relative(head):
        found.append(head.head)
    if head.dep_ == "conj" and head.tag_ == "VBN" and not any(t.dep_ == "nsubjpass" for t in found):
        found += [c for c in head.head.children if c.dep_ == "nsubjpass"]  # "was drafted by X and co-sponsored by Y"
    if not any(t.dep_ == "nsubjpass" for t in found) and passive(head):
        for part in unit:  # "The draft won 13 votes ... and was co-sponsored by": the subject it shares
            if part.dep_ == "conj" and part.head.pos_ in ("VERB", "AUX"):
                found += [c for c in part.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    out = []
    for t in found:
        out.append(t)
        out.extend(t.conjuncts)
    return out


def reduced_relative(head: Token) -> bool:
    """ "civilians killed by troops": a participle on a noun, passive. With a subject or "had" of its own it is a
    clause the noun introduces ("reports that troops had killed civilians"), active."""
    return head.dep_ == "acl" and head.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in head.children)


def passive(head: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) or reduced_relative(head):
        return True
    if head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children(unit_of(head))):
        return True  # "was co-sponsored": the tokenizer's pieces share the auxiliary
    # a participle coordinated with a passive shares its auxiliary: "was arrested and charged"
    return head.dep_ == "conj" and head.tag_ == "VBN" and head.head is not head and passive(head.head)


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is the object of: "imposed sanctions", "went on strike", "sanctions were imposed"."""
    node = tok
    if node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    if node.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj") and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    if node.dep_ == "pobj" and node.head.lower_ in ("on", "in", "into", "with", "as", "off") \
            and node.head.head.pos_ == "VERB":
        return node.head.head  # "went on strike", "signed on as co-sponsors"
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in MEASURES | CONTAINERS:
        return governing_verb(node.head.head)  # "delivered 50 tons of food aid", "joined the list of co-sponsors"
    if node.dep_ == "compound" and node.head.dep_ in ("dobj", "nsubjpass"):
        return governing_verb(node.head)
    if node.dep_ == "pobj" and node.head.lower_ in ("including", "notably") and \
            node.head.head.lemma_.lower() in CRIMES:
        return governing_verb(node.head.head)  # "committed crimes, including the deportation of children"
    return None


def has_own_actor(tok: Token, index: ActorIndex) -> bool:
    """A nominal event names its actor: "Russia's invasion", "an attack by rebels", "the Israeli airstrike"."""
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by"):
            return True
        if c.dep_ in ("amod", "compound") and index.named(c) is not None:
            return True
    return False


def _has_prep(unit: list[Token], wanted: list[str]) -> bool:
    for c in children(unit):
        if c.dep_ in ("prep", "prt", "agent", "advmod", "dative") and c.lower_ in wanted:
            return True
    return False


def _lemma_in(tok: Token, wanted) -> bool:
    """The noun, a compound on it, or its "of" noun ("a state of emergency") is one of `wanted`."""
    if tok.lemma_.lower() in wanted or tok.lower_ in wanted:
        return True
    for c in tok.children:
        if c.dep_ == "compound" and (c.lemma_.lower() in wanted or c.lower_ in wanted):
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            if any(g.lemma_.lower() in wanted for g in c.children if g.dep_ == "pobj"):
                return True
    return False


def _subjects(unit: list[Token]) -> list[Token]:
    subs = [c for c in children(unit) if c.dep_ == "nsubj"]
    subs += [g for c in children(unit) if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]  # passive
    out = []
    for s in subs:
        if s.lemma_.lower() in ("thousand", "hundred", "dozen", "group", "crowd", "number", "score"):
            out.extend(g for p in s.children if p.lower_ == "of" for g in p.children)
        out.append(s)
    return out


def check(trig: lex.Trigger, tok: Token, unit: list[Token], head: Token, index: ActorIndex) -> bool:
    """Whether the entry's conditions hold for this token."""
    rule = trig.rule
    span = unit if head is tok else unit + [head]
    if "prep" in rule and not _has_prep(span, rule["prep"]):
        return False
    if "prep_not" in rule and _has_prep(span, rule["prep_not"]):
        return False
    if rule.get("call_off") and tok.lemma_ == "call" and not _has_prep(unit, ["off"]):
        return False
    if "no_target_prep" in rule and _has_prep(unit, rule["no_target_prep"]):
        return False
    objs = objects(unit) if trig.pos != "N" else [c for c in children(unit) if c.dep_ in ("compound", "amod")] + [
        g for c in children(unit) if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if "obj" in rule and rule["obj"]:
        pool = objs or ([s for s in _subjects(unit)] if trig.pos == "V" else [])
        if not pool and trig.pos == "V" and tok.dep_ == "xcomp":
            pool = [c for c in tok.head.children if c.dep_ == "dobj"]  # "chose not to co-sponsor a text"
        if not any(_lemma_in(o, rule["obj"]) for o in pool):
            return False
    if rule.get("obj_people"):
        pool = objs or _subjects(unit)
        if not any(index.is_people(o) or any(index.is_people(g) for g in o.children if g.dep_ == "prep"
                                              for g in g.children) for o in pool):
            return False
    if "subj" in rule and not any(_lemma_in(s, rule["subj"]) for s in _subjects([head] if head is not tok else unit)):
        return False
    if "near" in rule and not (near_lemmas(span) & set(rule["near"])):
        return False
    if rule.get("obj_resolution"):
        if not any(o.lemma_.lower() in RESOLUTION_NOUNS or (o.lower_ == "it" and index.doc.resolutions) for o in objs):
            return False
    if rule.get("xcomp_any") and not any(c.dep_ == "xcomp" for c in tok.children):
        return False
    if rule.get("xcomp_conflict"):
        comp = [c for c in tok.children if c.dep_ == "xcomp"]
        if not any(_conflict_verb(c, index) for c in comp):
            return False
    return True


def _conflict_verb(tok: Token, index: ActorIndex) -> bool:
    """Whether the verb is a conflict event by an entry whose conditions hold: "vowed to send troops", not
    "pledged to send food aid"."""
    for trig in lex.candidates(tok.lemma_.lower(), tok.lower_, tok.pos_):
        if trig.get("skip") or trig.get("xcomp_conflict"):
            continue
        if check(trig, tok, unit_of(tok), tok, index):
            return trig.type in CONFLICT
    return False


def find_hits(sent: SpacySpan, index: ActorIndex) -> list[Hit]:
    """Every trigger in the sentence whose entry's conditions hold (the first fitting entry per token)."""
    hits: list[Hit] = []
    light = lex.light_verbs()
    for tok in sent:
        if tok.ent_type_ in NAMED_ENTITIES:
            continue  # "In March", "Operation Protective Edge", names
        pos = tok.pos_
        if pos == "VERB" and tok.dep_ in ("acomp", "amod") and tok.tag_ == "VBN":
            pos = "ADJ"
        cands = lex.candidates(tok.lemma_.lower(), tok.lower_, pos)
        if not cands and pos == "ADJ" and tok.dep_ == "acomp":
            cands = lex.candidates(tok.lemma_.lower(), tok.lower_, "VERB")
        if not cands:
            continue
        unit = unit_of(tok)
        for trig in cands:
            head, nominal = tok, False
            if trig.pos == "N" or (pos in ("NOUN", "PROPN") and "N" in trig.pos):
                gv = governing_verb(tok)
                allowed = set(trig.get("light") or light)
                if gv is not None and verb_lemma(gv) in allowed:
                    head = gv
                elif has_own_actor(tok, index) and tok.lemma_.lower() in trig.get("nominal", trig.lemmas):
                    nominal = True  # "Russia's invasion"; an entry may name the few nouns that stand alone
                elif gv is not None and verb_lemma(gv) in light and trig.get("light") is None:
                    head = gv
                else:
                    continue
            elif pos == "ADJ" and tok.head.pos_ in ("AUX", "VERB") and tok.dep_ in ("acomp", "amod"):
                head = tok.head
            if check(trig, tok, unit, head, index):
                if not trig.get("skip"):  # a skip entry claims the token for no event ("adopted a resolution")
                    hits.append(Hit(tok, trig, head, unit, nominal))
                break
    return hits


def must_hits(sent: SpacySpan, hits: list[Hit]) -> list[Hit]:
    """ "X said Y must / should do Z" is a REQUEST from X to Y (Z is its content)."""
    rule = lex.lexicon()["must_request"]
    taken = {h.token.i for h in hits}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in rule["reporting"] or tok.i in taken:
            continue
        for comp in tok.children:
            if comp.dep_ != "ccomp" or not any(
                a.dep_ == "aux" and a.lower_ in rule["modals"] for a in comp.children
            ):
                continue
            if any(a.dep_ == "aux" and a.lemma_ == "have" for a in comp.children):
                continue  # "should never have been called": a reproach about the past, not a request
            if not asks_an_act(comp):
                continue
            trig = lex.Trigger((tok.lemma_,), "V", "REQUEST", None, rule["cameo"], 0.5, {"request": True})
            out.append(Hit(tok, trig, tok, [tok], content=[comp]))
            break
    return out


# "should know that", "must be the beginning": a warning or a judgement, not an act asked of anyone.
NOT_ACTS = frozenset({"know", "understand", "realize", "realise", "remember", "learn", "be"})


def asks_an_act(comp: Token) -> bool:
    """Whether a must/should clause asks someone to act, not to know or to be something."""
    return comp.lemma_.lower() not in NOT_ACTS
