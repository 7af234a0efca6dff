"""Find, then write: turn the hits of one sentence into Event records."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from chronicle.extract.events import dates, modality
from chronicle.extract.events.actors import Who, from_actor
from chronicle.extract.events.content import content_mode, suppressed
from chronicle.extract.events.contexts import contexts_of
from chronicle.extract.events.findings import finding_hits, perpetrators
from chronicle.extract.events.matching import (
    RESOLUTION_NOUNS,
    Hit,
    find_hits,
    must_hits,
    near_lemmas,
    objects,
    passive,
)
from chronicle.extract.events.ontology import cameo as ontology_cameo
from chronicle.extract.events.patterns import Arguments
from chronicle.extract.events.readings import ordered_act, promised_concession, purpose_of_event, ultimatum, under_vow
from chronicle.extract.events.triggers import lexicon
from chronicle.records import Document, Event, Span

ALLEGED = frozenset({"COERCE", "ASSAULT"})
REPORTING = frozenset({"say", "tell", "report", "conclude", "find", "document", "state", "establish", "determine",
                       "allege", "note", "describe", "testify", "confirm"})
DOMESTIC = frozenset({"COERCE", "ASSAULT", "CONCEDE", "RETREAT", "PROTEST"})
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# What refusing each cooperative event is: REJECT with this mode ("will not meet" is REJECT / meet).
REFUSABLE = {"CONSULT": "meet", "COOPERATE": "assist", "SUPPORT": None, "AID": "assist", "AGREE": None,
             "RETREAT": "yield", "CONCEDE": "yield"}
# Words that make a warning a threat even without an actor: "warned that sanctions would follow".
THREAT_WORDS = frozenset({"sanction", "response", "measure", "consequence", "action", "retaliation", "force", "war",
                          "attack", "strike", "countermeasure", "reprisal", "punishment", "price", "step"})
MATERIAL = frozenset({"ASSAULT", "COERCE"})
IMPLICIT_FOCAL = frozenset({"ACCUSE", "SANCTION", "REQUEST", "THREATEN"})
AGENTLESS = frozenset({("COERCE", "arrest"), ("COERCE", "deport"), ("RETREAT", "release")})
VOTING = frozenset({"vote", "sponsor", "cosponsor", "co-sponsor", "consensus"})
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM"})
FUTURE_AGREE_CAMEO = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
AID_KINDS = (("075", {"asylum", "refuge"}), ("072", {"weapon", "arm", "ammunition", "military", "missile", "tank"}),
             ("071", {"loan", "money", "fund", "funding", "dollar", "euro", "credit", "grant", "budget", "billion"}),
             ("073", {"food", "medicine", "humanitarian", "relief", "tent", "shelter", "vaccine", "water", "supply"}))


def official(who: Who) -> bool:
    """States, IGOs and their officials, as against civilians, workers or rebels."""
    return who.kind == "igo" or who.sector in OFFICIAL_SECTORS or (who.kind == "person" and who.country is not None
                                                                    and who.sector is None)


class SentenceCoder:
    """Codes the events of one document, sentence by sentence."""

    def __init__(self, doc: Document, args: Arguments):
        self.doc = doc
        self.args = args
        self.index = args.index

    def speaker(self, quote_idx: int | None, tok: Token) -> Who | None:
        if quote_idx is None:
            return None
        q = self.doc.quotes[quote_idx]
        for ident in (q.speaker_affiliation, q.speaker):
            if ident and ident in self.index.by_id:
                return from_actor(self.index.by_id[ident])
            if ident:
                return self.args.who_of_id(ident)
        return self._reporter(tok)

    def _reporter(self, tok: Token) -> Who | None:
        """A quote's speaker the quotes stage left open: the subject of the verb that reports the quoted clause
        ("'We call on both sides ...,' the emir of Qatar said")."""
        node = tok
        for _ in range(6):
            if node.head is node:
                break
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING | {"add", "tell", "write"}:
                for sub in node.head.children:
                    if sub.dep_ == "nsubj" and sub.i > tok.i:
                        who = self.index.who(sub)
                        if who is not None and who.key:
                            return who
                return None
            node = node.head
        return None

    def quote_at(self, tok: Token) -> int | None:
        for i, q in enumerate(self.doc.quotes):
            if q.start <= tok.idx < q.end:
                return i
        return None

    def focus(self, sent: SpacySpan) -> None:
        """Follow which resolution the text is on: the one whose target this sentence names, else the last."""
        named = {a.id for a in self.doc.actors for m in a.mentions if sent.start_char <= m.start < sent.end_char}
        chosen = [r for r in self.doc.resolutions if r.target in named]
        if chosen:
            best = max(chosen, key=lambda r: (r.body in named, r.status == "adopted"))
            self.args.resolution_body = best.body or self.args.resolution_body
            self.args.resolution_target = best.target

    def code(self, sent: SpacySpan) -> list[Event]:
        self.focus(sent)
        hits = find_hits(sent, self.index)
        hits += must_hits(sent, hits)
        hits += finding_hits(sent, hits)
        if not hits:
            return []
        skip = suppressed(hits)
        by_token = {h.token.i: h for h in hits}
        pairs: list[tuple[Event, Hit]] = []
        for hit in hits:
            if hit.token.i not in skip:
                found = self.events_for(hit, by_token, sent)
                found += self._also(hit, found)
                found += self._allegations(hit, found)
                pairs.extend((ev, hit) for ev in found)
        return _dedupe(pairs)

    def _also(self, hit: Hit, found: list[Event]) -> list[Event]:
        """A second event the same words carry: a sentence to prison is also an arrest (PLOVER)."""
        also = hit.trigger.get("also")
        if not also or not found or not (near_lemmas(hit.unit + [hit.head]) & set(also.get("near", []))):
            return []
        return [dataclasses.replace(ev, type=also["t"], mode=also.get("m"), cameo=also.get("c"),
                                    evidence=list(ev.evidence), context=list(ev.context)) for ev in found]

    def _allegations(self, hit: Hit, found: list[Event]) -> list[Event]:
        """ "The commission reported that Russian forces deported children": the reporter ACCUSEs the actor."""
        if hit.trigger.type not in ALLEGED or not found:
            return []
        node = hit.head
        for _ in range(3):
            if node.dep_ not in ("ccomp", "conj") or node.head is node:
                return []
            node = node.head
            if node.lemma_.lower() in REPORTING:
                break
        else:
            return []
        speakers = [self.args.source_of(c, None) for c in node.children if c.dep_ == "nsubj"]
        out = []
        for speaker in speakers:
            for ev in found:
                if speaker is None or not speaker.key or speaker.key == ev.source:
                    continue
                out.append(dataclasses.replace(
                    ev, type="ACCUSE", mode="allege", cameo="1122" if "human_rights" in ev.context else "112",
                    source=speaker.key, source_country=speaker.country, source_sector=speaker.sector,
                    target=ev.source, target_country=ev.source_country, target_sector=ev.source_sector,
                    evidence=list(ev.evidence), context=list(ev.context), negated=False, hypothetical=False))
        return out

    def nominal_source(self, by_token: dict[int, Hit]):
        def find(tok: Token) -> Who | None:
            hit = by_token.get(tok.i)
            if hit is None or not hit.nominal:
                return None
            for s in self.args.subject_tokens(hit):
                who = self.args.source_of(s, None)
                if who is not None:
                    return who
            return None

        return find

    def events_for(self, hit: Hit, by_token: dict[int, Hit], sent: SpacySpan) -> list[Event]:
        trig = hit.trigger
        quote = self.quote_at(hit.token)
        speaker = self.speaker(quote, hit.token)
        sources = _unique(w for t in self.args.subject_tokens(hit) for w in self.args.sources_of(t, speaker))
        if not sources and trig.get("deport"):
            sources = _unique(self.index.who(g) for c in hit.head.children if c.lower_ == "from"
                              for g in c.children if g.dep_ == "pobj")
        sources = [s for s in sources if s.key or s.sector]
        if trig.get("held"):
            # "240 people remain behind bars in Venezuela": the subject is held; the holder is the state there
            place = self.index.place_country(hit.head)
            sources = [Who(place, self.args.who_of_id(place).country, "GOV", "state", generic=True)] if place else []
        if not sources and (trig.type, trig.mode) in AGENTLESS and passive(hit.head):
            # "protesters were detained", "were sent back", "were released": the state's where it happened
            place = self.index.place_country(hit.head)
            if place:
                sources = [Who(place, self.args.who_of_id(place).country, "GOV", "state", generic=True)]
        if not sources or modality.antecedent_of_condition(hit.unit):
            return []
        if trig.type == "REQUEST" and ordered_act(hit.token):
            return []  # "the people who ordered (and carried out) these killings": a command for an act, not a request
        if trig.type in MATERIAL and purpose_of_event(hit.head, by_token):
            return []  # "moved soldiers into Sagaing to fight the resistance": the aim of the move, not a fight
        etype, mode, cameo = trig.type, trig.mode, trig.cameo
        objs = objects(hit.unit)
        if trig.get("against_resolution") and any(
            o.lemma_.lower() in RESOLUTION_NOUNS or (o.lower_ == "it" and self.doc.resolutions) for o in objs
        ):
            etype, mode, cameo = trig.get("against_resolution"), None, "120"
        first = sources[0]
        if trig.get("state") and official(first):
            alt = trig.get("state")
            etype, mode, cameo = alt["t"], alt.get("m"), alt.get("c") or ontology_cameo(alt["t"], alt.get("m"))
        if trig.get("civil_only") and official(first) and not first.generic:
            return []
        words = {t.lemma_.lower() for t in hit.head.subtree} | {t.lower_ for t in hit.head.subtree}
        if trig.get("peacekeeping") and words & {"peacekeeping", "peacekeeper", "peacekeepers"}:
            etype, mode, cameo = "AID", None, "074"
        if trig.get("aid_kind"):
            cameo = next((code for code, cues in AID_KINDS if words & cues), cameo)
        c_mode, c_cameo = content_mode(hit, by_token)
        mode, cameo = c_mode or mode, c_cameo or (ontology_cameo(etype, c_mode) if c_mode and etype != "REQUEST"
                                                  else cameo)
        if etype == "AGREE" and promised_concession(hit, by_token):
            # "has promised to replace the anti-terrorism law", "pledged to free the prisoners": a concession
            # announced, not yet carried out (PLOVER CONCEDE)
            etype, mode, cameo = "CONCEDE", None, "080"
        if etype == "REQUEST":
            penalty = ultimatum(hit)
            if penalty is not None:  # "ordered foreigners to leave or face deportation": an ultimatum
                etype, mode = "THREATEN", penalty or None
                cameo = ontology_cameo(etype, mode)
        unit = hit.unit + ([hit.head] if hit.head is not hit.token else [])
        if modality.unrealised(unit) and not modality.conditional(unit):
            return []  # "could have used a veto": the text says it did not happen
        if etype == "THREATEN" and hit.token.lemma_ == "warn" and self._prediction(hit, by_token):
            return []  # "warned that the meeting would do nothing to ease tension": a forecast, not a threat
        kind = modality.modal(unit)
        hypothetical = kind == "modal" or modality.conditional(unit)
        future_types = lexicon()["future_agree"], lexicon()["future_concede"]
        if kind == "modal" and any(etype in types for types in future_types) and modality.reported_future(unit) \
                and not modality.conditional(unit):
            kind, hypothetical = "future", False  # "announced that it would scale back operations"
        if trig.get("needs_modal") and kind is None and not under_vow(hit.head):
            return []
        if kind in ("future", "intent") and etype in lexicon()["future_agree"]:
            cameo = FUTURE_AGREE_CAMEO.get(etype, "030")
            etype, mode = "AGREE", None
        elif kind in ("future", "intent") and etype in lexicon()["future_concede"]:
            etype, mode = "CONCEDE", None
        elif kind == "intent" and etype not in ("AGREE", "CONCEDE", "THREATEN"):
            hypothetical = True
        negated = modality.negated(hit.unit + ([hit.head] if hit.head is not hit.token else []))
        if negated and kind in ("future", "modal") and etype in REFUSABLE:
            # "would not cooperate with the mission", "will never recognise": a refusal, not a negated event
            etype, mode, cameo, negated, hypothetical = "REJECT", REFUSABLE[etype], "120", False, False
        targets, deep = self._targets(hit, first, by_token)
        if hit.token.lemma_ in VOTING and hit.token.lemma_ != "vote" and self.doc.resolutions:
            body = self.args.resolution_source()  # co-sponsoring is of a text: its body is the target
            targets, deep = ([body] if body is not None else targets), False
        if deep and first.country == "UNO" and self.args.resolution_target and etype == "REQUEST":
            # "calls for the release of Ukrainian citizens": asked of the state the text is on, not of the people
            targets = [self.args.who_of_id(self.args.resolution_target)]
        if not targets:
            targets = self._default_targets(hit, etype, first)
        if not targets and first.country == "UNO" and self.args.resolution_target and (
            _from_text(hit, self.args) or etype in ("ACCUSE", "REQUEST")
        ):
            # what a resolution "calls for" or "condemns" is about the state it is on
            targets = [self.args.who_of_id(self.args.resolution_target)]
        if trig.get("swap") and targets:
            sources, targets = targets[:1], sources[:1]
        if len(sources) > 1 and not targets and (etype in SYMMETRIC or cameo == "057" or
                                                 hit.token.lemma_ in ("exercise", "drill")):
            # "X and Y held talks / joint drills / agreed": one event between the participants
            sources, targets = sources[:1], sources[1:]
            if etype == "MOBILIZE":
                etype, mode, cameo = "COOPERATE", None, "062"
        context = contexts_of(sent.text, tuple(trig.get("ctx", ())) + (("human_rights",) if first.country == "UNO"
                                                                        and etype == "ACCUSE" else ()))
        if "human_rights" in context and trig.get("hr") and etype == trig.type:
            cameo = trig.get("hr")
        date = self._date(unit, kind == "future")
        conf = trig.confidence - (0.15 if deep else 0.0) - (0.1 if first.generic else 0.0)
        out = []
        for src in sources:
            mine = [t for t in targets if not (t.key == src.key and t.sector == src.sector)]
            for tgt in mine or [None]:
                tokens = [t for t in unit if t.sent == sent]
                out.append(Event(
                    type=etype, mode=mode, context=list(context), cameo=cameo,
                    source=src.key, target=tgt.key if tgt else None,
                    source_country=src.country, target_country=tgt.country if tgt else None,
                    source_sector=src.sector, target_sector=tgt.sector if tgt else None,
                    date=date, negated=negated, hypothetical=hypothetical,
                    confidence=round(max(0.1, min(conf, 0.95)), 2), quote=quote,
                    evidence=[_evidence(tokens, sent)],
                ))
        return out

    def _prediction(self, hit: Hit, by_token: dict[int, Hit]) -> bool:
        """A warning whose clause says what something else will do ("warned that outside pressure may only make
        matters worse"): no actor of its own acts, no act of force or sanction is named, no condition is set."""
        clauses = [c for c in hit.token.children if c.dep_ == "ccomp"]
        if not clauses:
            return False
        for comp in clauses:
            subs = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            if not subs or any(s.pos_ == "PRON" or self.index.who(s) is not None for s in subs):
                return False
            if any(t.i in by_token for t in comp.subtree) or any(
                t.lemma_.lower() in THREAT_WORDS for t in comp.subtree
            ):
                return False
            if any(c.dep_ == "advcl" for c in comp.children):
                return False
        return True

    def _default_targets(self, hit: Hit, etype: str, source: Who) -> list[Who]:
        """Targets the text leaves implicit: the state a repression happens in, the body voted on, the
        subject of a threat's condition ("would take measures if the Council met")."""
        if etype == "THREATEN":
            for c in hit.head.children:
                if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
                    for sub in c.children:
                        if sub.dep_ in ("nsubj", "nsubjpass"):
                            who = self.index.who(sub)
                            if who is not None and who.key and who.key != source.key:
                                return [who]
        if hit.token.lemma_ in VOTING and etype in ("REJECT", "SUPPORT") and self.doc.resolutions:
            body = self.args.resolution_source()
            return [body] if body is not None else []
        focal = self.index.focal
        if (etype == "RETREAT" and hit.trigger.mode == "withdraw") or etype in ("ASSAULT", "COERCE"):
            # "pulling out of the area" after "killed civilians in Bucha": the state whose ground is left;
            # "air strikes continued across the territory": the state where they fall (else the one the text is on)
            place = self.index.place_country(hit.head)
            if place and place != source.country:
                return [self.args.who_of_id(place)]
        if etype in DOMESTIC and focal and source.country == focal:
            return [Who(focal, source.country, "GOV" if etype == "PROTEST" else "CVL", "state", generic=True)]
        if (etype in IMPLICIT_FOCAL or (etype == "PROTEST" and official(source))) and focal and \
                source.country not in (focal, None) and self.doc.resolutions:
            # "condemned the returns" in an article about China's returns, diplomats walking out of a debate on
            # Belarus: the state the article is about
            return [self.args.who_of_id(focal)]
        return []

    def _targets(self, hit: Hit, source: Who, by_token: dict[int, Hit]) -> tuple[list[Who], bool]:
        find = self.nominal_source(by_token)
        content_words = set(hit.trigger.get("obj") or ())
        tokens = self.args.target_tokens(hit)
        if hit.trigger.get("finding") is not None:
            tokens = perpetrators(hit.trigger.get("finding"))
        if hit.trigger.get("tfirst"):
            tokens.sort(key=lambda t: t.dep_ != "pobj")
        for root in hit.content:
            if hit.trigger.type == "REQUEST":  # "urged China to...", "said Libya must...": who is asked
                tokens += [c for c in root.children if c.dep_ == "nsubj" and c not in tokens]
            tokens += [t for t in root.subtree if t.dep_ in ("dobj", "pobj", "nsubjpass") and t not in tokens]
        for tok in tokens:
            who, deep = self.args.target_of(tok, hit, source, find)
            if who is None or (who.key == source.key and who.sector == source.sector) or not who.key:
                continue
            if who.key == source.key and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                continue  # "offered its troops to Lebanon": its own, not a party
            if who.generic and tok.lemma_.lower() in content_words:
                continue  # "shared intelligence": the thing shared, not a party
            if tok.i in {t.i for r in hit.content for t in r.subtree} and who.generic:
                continue  # what a request or threat is about: only a named party is its target
            if hit.trigger.type == "REQUEST" and who.kind == "person" and who.country and tok.dep_ in ("dobj", "pobj") \
                    and tok.i in {t.i for r in hit.content for t in r.subtree}:
                # "urging the military to release prisoners, including Aung San Suu Kyi": the person the act is
                # for is not the one asked; the request is of the state that holds them
                who = self.args.who_of_id(who.country)
                if who is None or who.key == source.key:
                    continue
            out = self.index.coordinated(tok) or [who]
            for conj in tok.conjuncts:
                other, _ = self.args.target_of(conj, hit, source, find)
                if other is not None and other.key and other.key != source.key:
                    out.append(other)
            return _unique(out), deep
        return [], False

    def _date(self, unit: list[Token], future: bool) -> str | None:
        published = self.doc.source.published
        expression = dates.expression_for(unit)
        if expression:
            resolved = dates.resolve(expression, published, future)
            if resolved:
                return resolved
        return published


def _from_text(hit: Hit, args: Arguments) -> bool:
    """Whether the hit's actor is a resolution ("the text calls for", "a resolution condemning", "It urges")."""
    for tok in args.subject_tokens(hit):
        if tok.lemma_.lower() in ("resolution", "text", "draft", "document", "it"):
            return True
        if tok.dep_ != "nsubj" and tok.lemma_.lower() in ("resolution", "text"):
            return True
    return False


def _unique(items) -> list[Who]:
    out, seen = [], set()
    for who in items:
        if who is None:
            continue
        key = (who.key, who.sector)
        if key not in seen:
            seen.add(key)
            out.append(who)
    return out


def _evidence(tokens: list[Token], sent: SpacySpan) -> Span:
    """The sentence the event was read from (trimmed of trailing space)."""
    text = sent.text
    start = sent.start_char
    end = start + len(text.rstrip())
    return Span(start, end)


def _dedupe(pairs: list[tuple[Event, Hit]]) -> list[Event]:
    """One event per (type, source, target, negated) in a sentence, the most confident."""
    best: dict[tuple, Event] = {}
    for ev, _ in pairs:
        key = (ev.type, ev.source, ev.target, ev.negated)
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    kept = [(ev, hit) for ev, hit in pairs if best.get((ev.type, ev.source, ev.target, ev.negated)) is ev]
    # Two UN bodies named for one act ("a committee of the General Assembly adopted a resolution condemning X,
    # the 20th year the world body has censured X"): one event, unless one trigger names both (coordination).
    first: dict[tuple, tuple[Event, Hit]] = {}
    out = []
    for ev, hit in kept:
        if ev.source_country != "UNO":
            out.append(ev)
            continue
        key = (ev.type, ev.cameo, ev.target, ev.negated)
        seen = first.get(key)
        if seen is not None and seen[1].token.i != hit.token.i and seen[0].source != ev.source:
            continue
        first.setdefault(key, (ev, hit))
        out.append(ev)
    return out
