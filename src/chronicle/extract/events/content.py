"""What a request, threat, refusal or promise is about, and which hits are only that content.

"called on member nations not to forcibly repatriate refugees" is one REQUEST (mode yield), not a
COERCE: the repatriation is what is asked for. The content also gives the request's or threat's mode.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.extract.events.matching import Hit, children

CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"})
# The mode a REQUEST or REJECT takes from what is asked for or refused.
ASK_MODES = {"CONSULT": "meet", "AGREE": "meet", "RETREAT": "yield", "CONCEDE": "yield", "AID": "assist",
             "COOPERATE": "assist", "SUPPORT": "assist"}
ASK_WORDS = {"meet": {"meeting", "talk", "talks", "negotiation", "dialogue", "summit", "session"},
             "yield": {"release", "ceasefire", "truce", "withdrawal", "lift", "end", "free", "halt", "stop"},
             "assist": {"aid", "help", "assistance", "support", "relief", "asylum"}}
THREAT_MODES = {("SANCTION", "discontinue"): "relations", ("SANCTION", "expel"): "expel",
                ("SANCTION", "withdraw"): "relations", ("COERCE", "arrest"): "arrest", ("COERCE", "deport"): "expel",
                ("COERCE", "restrict"): "restrict", ("COERCE", "curfew"): "restrict", ("COERCE", "censor"): "restrict",
                ("REJECT", "meet"): "relations"}
CAMEO_ASK = {"meet": "026", "yield": "025", "assist": "023", "change": "024"}


def content_roots(hit: Hit) -> list[Token]:
    """The clause or noun a content-taking trigger governs."""
    trig = hit.trigger
    if trig.type not in CONTENT_TYPES and not trig.get("xcomp"):
        return []
    span = hit.unit + ([hit.head] if hit.head is not hit.token else [])
    out = []
    for c in children(span):
        if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and trig.type == "REQUEST"):
            out.append(c)
        elif c.dep_ == "prep" and (
            (c.lower_ in ("for", "to") and trig.type in ("REQUEST", "AGREE"))
            or (c.lower_ in ("of", "for") and trig.type == "ACCUSE" and trig.mode == "allege")
            or (c.lower_ == "to" and trig.type in ("THREATEN", "REJECT"))
        ):
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
        elif c.dep_ in ("dobj", "nsubjpass") and trig.type in ("REQUEST", "THREATEN", "AGREE", "REJECT"):
            out.append(c)
    for c in list(out):
        out.extend(c.conjuncts)
    return out


def governed(hit: Hit, hits_by_token: dict[int, Hit]) -> Token | None:
    """The token of another hit that this noun hit is the object of ("condemned the attack")."""
    node = hit.token
    for _ in range(3):
        if node.head is node:
            return None
        if node.dep_ in ("dobj", "pobj", "nsubjpass", "conj", "prep", "attr", "oprd"):
            node = node.head
            if node.i in hits_by_token and node.i != hit.token.i:
                return node
        else:
            return None
    return None


def suppressed(hits: list[Hit]) -> set[int]:
    """Token indices of hits that are only the content or object of another hit."""
    by_token = {h.token.i: h for h in hits}
    out: set[int] = set()
    for h in hits:
        roots = h.content or content_roots(h)
        h.content = roots
        for root in roots:
            for t in root.subtree:
                if t.i in by_token and t.i != h.token.i and not _described(t):
                    out.add(t.i)
    for h in hits:
        if h.trigger.type == "PROTEST":  # a protest's demands are its topic, not events of their own
            head = h.head
            for c in head.children:
                if c.dep_ in ("advcl", "xcomp") and (any(a.lower_ == "to" for a in c.children) or c.tag_ == "VBG"):
                    out.update(t.i for t in c.subtree if t.i in by_token)
        if h.head is not h.token and h.head.i in by_token:
            verb = by_token[h.head.i]
            if verb.trigger.type in CONTENT_TYPES and verb.trigger.type != "ACCUSE":
                out.add(h.token.i)
            else:
                out.add(verb.token.i)
        elif h.nominal and governed(h, by_token) is not None:
            out.add(h.token.i)
    return out


def _described(tok: Token) -> bool:
    """A past act that describes a noun of the content, with its agent named: "demanded the return of abductees,
    including Japanese nationals seized by North Korean agents" asks for a return; the abduction happened."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)


def content_mode(hit: Hit, by_token: dict[int, Hit]) -> tuple[str | None, str | None]:
    """The mode (and CAMEO code) a request, refusal or threat takes from its content, if any."""
    trig = hit.trigger
    if trig.type not in ("REQUEST", "REJECT", "THREATEN"):
        return None, None
    inner = [by_token[t.i] for r in hit.content for t in r.subtree if t.i in by_token]
    words = {t.lemma_.lower() for r in hit.content for t in r.subtree}
    if trig.type == "THREATEN":
        for h in inner:
            mode = THREAT_MODES.get((h.trigger.type, h.trigger.mode))
            if mode is None and h.trigger.type in ("ASSAULT", "MOBILIZE"):
                mode = "territory" if h.token.lemma_ in ("occupy", "annex", "seize", "invade") else "violence"
            if mode:
                return mode, None
        return None, None
    for h in inner:
        mode = ASK_MODES.get(h.trigger.type)
        if mode:
            return mode, _ask_cameo(trig, mode)
    for mode, cues in ASK_WORDS.items():
        if words & cues:
            return mode, _ask_cameo(trig, mode)
    if inner and trig.type == "REQUEST":
        return "change", _ask_cameo(trig, "change")
    return None, None


def _ask_cameo(trig, mode: str) -> str | None:
    if trig.type == "REQUEST" and trig.cameo.startswith("02"):
        return CAMEO_ASK[mode]
    return None
