"""Dependency patterns that find who did it (source) and to whom (target) for one trigger hit.

Active ("X condemned Y"), passive ("Y were repatriated by X", "a resolution rejected by X"), control and
complement clauses ("said it expressed concerns to Y", "angered Y by including Z on a blacklist"), relative
clauses, light verbs ("imposed sanctions on Y"), nominal events ("Russia's invasion of Y") and coordination
("X and Z condemned Y" → two sources).
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Token

from chronicle.actors import gazetteer
from chronicle.extract.events.actors import ActorIndex, Who, from_actor
from chronicle.extract.events.matching import RESOLUTION_NOUNS, Hit, children, objects, passive

BODY_NOUNS = RESOLUTION_NOUNS | frozenset({"vote", "adoption", "renewal", "decision", "move", "session", "meeting",
                                          "mandate", "extension", "suspension", "finding", "measure", "step",
                                          "outcome", "result", "verdict"})
PRONOUNS = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "us", "our",
                      "i", "me", "my", "itself", "themselves"})
COLLECTIVE_NOUNS = frozenset({"country", "state", "nation", "member", "government", "delegation", "sponsor"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
# "council members", "Assembly member states": a body's members, asked or addressed as the body.
MEMBER_BODIES = frozenset({"council", "assembly", "committee"})
CLIMB = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp", "acomp"})
DEFAULT_TARGET_PREPS = {
    "ACCUSE": ("against", "to", "over", "with", "at", "toward", "towards", "on"),
    "REQUEST": ("on", "upon", "to"),
    "SUPPORT": ("for", "to", "with"),
    "REJECT": ("from",),
    "THREATEN": ("against", "with", "to"),
    "CONSULT": ("with", "to", "in"),
    "AGREE": ("with", "to", "for"),
    "AID": ("to", "for", "into"),
    "COOPERATE": ("with",),
    "SANCTION": ("on", "against", "from", "with", "to"),
    "COERCE": ("against", "on"),
    "ASSAULT": ("on", "at", "against", "in", "into", "upon"),
    "MOBILIZE": ("against", "near", "along", "to", "toward", "towards", "into"),
    "PROTEST": ("against", "outside", "at"),
    "RETREAT": ("from", "to"),
    "CONCEDE": ("to", "for"),
}


class Arguments:
    """Finds and resolves the source and target participants of hits in one document."""

    def __init__(self, index: ActorIndex, resolution_body: str | None, resolution_target: str | None):
        self.index = index
        self.resolution_body = resolution_body
        self.resolution_target = resolution_target

    # -- sources ---------------------------------------------------------------------------------------------
    def subject_tokens(self, hit: Hit) -> list[Token]:
        if hit.nominal or (hit.head is not hit.token and hit.token.dep_ in ("nsubj", "nsubjpass")
                           and hit.token.head.i == hit.head.i):
            return self._nominal_subjects(hit.token)  # "Russia's invasion", "Israeli air strikes continued"
        head = hit.head
        span = hit.unit + ([head] if head is not hit.token else [])
        if passive(head):
            agents = [g for c in children(span) if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not agents and hit.token.dep_ == "pobj" and hit.token.head.lower_ == "as":
                # "61 countries signed on as co-sponsors", "Japan was listed as a co-sponsor": the role's holder
                agents = [head.head] if head.dep_ == "acl" else [c for c in head.children if c.dep_ == "nsubjpass"]
            return agents
        subs = [c for c in children(span) if c.dep_ in ("nsubj", "expl") and c.lower_ not in ("there",)]
        node = head
        for _ in range(4):
            if subs:
                break
            if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
                subs = _members(node.head)
                break
            if node.dep_ not in CLIMB or node.head is node:
                break
            shared = node.dep_ == "conj"
            listed = _listed_after(node) if shared else None
            node = listed or (node.head.head if node.dep_ == "pcomp" or node.head.dep_ == "prep" else node.head)
            subs = [c for c in node.children if c.dep_ == "nsubj"]
            if passive(node):
                subs = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if shared and subs and not any(self._agentive(s) for s in subs):
                subs = []  # "said that the result was a win and accused Washington": no result accuses; climb on
            if shared and subs and all(s.lemma_.lower() in RESOLUTION_NOUNS for s in subs) and any(
                o.lower_ == "it" or o.lemma_.lower() in RESOLUTION_NOUNS for o in objects(hit.unit)
            ):
                subs = []  # "said the resolution would deepen mistrust and called it an intrusion": not the text
        out = []
        for s in subs:
            if s.lower_ in RELATIVE and s.head.dep_ == "relcl":
                members = _members(_antecedent_noun(s.head.head))
                s, extra = members[0], members[1:]
                out.extend(extra)
            out.append(s)
            out.extend(c for c in s.conjuncts if c.pos_ in ("NOUN", "PROPN"))
        return out

    def _agentive(self, tok: Token) -> bool:
        """Whether a subject can act: an actor, a pronoun, a resolution, a generic agent."""
        return (tok.lower_ in PRONOUNS or tok.pos_ == "PRON" or tok.lemma_.lower() in RESOLUTION_NOUNS
                or self.index.who(tok) is not None)

    def _nominal_subjects(self, tok: Token) -> list[Token]:
        for c in tok.children:
            if c.dep_ == "poss":
                return [c]
            if c.dep_ == "prep" and c.lower_ == "by":
                return [g for g in c.children if g.dep_ == "pobj"]
        return [c for c in tok.children if c.dep_ in ("amod", "compound") and self.index.named(c) is not None][:1]

    def sources_of(self, tok: Token, quote_speaker: Who | None) -> list[Who]:
        """One subject token's participants: several when its modifiers are coordinated, or when a group is
        spelled out ("61 countries, including South Korea and Japan")."""
        found = self.index.coordinated(tok)
        if found:
            return found
        members = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("including", "like")
                   for g in c.children if g.dep_ == "pobj"]
        if members:
            named = [self.index.named(m) for t in members for m in (t, *t.conjuncts)]
            named = [w for w in named if w is not None]
            if named:
                return named
        named = self._among_them(tok)
        if named:
            return named
        who = self.source_of(tok, quote_speaker)
        return [who] if who is not None else []

    def _among_them(self, tok: Token) -> list[Who]:
        """A group followed by its members: "50 countries, among them the United States and France"."""
        if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in COLLECTIVE_NOUNS:
            return []
        sent = tok.sent
        end = min(max(tok.i + 3, *(t.i for t in tok.subtree)) + 1, sent.end - 1)  # "signed on as ..., among them"
        for i in range(tok.i + 1, end):
            if tok.doc[i].lower_ == "among" and tok.doc[i + 1].lower_ in ("them", "whom"):
                found: list[Who] = []
                for t in tok.doc[i + 2 : sent.end]:
                    if t.pos_ in ("VERB", "AUX") or (t.lower_ in (";", "while", "but") and found):
                        break
                    who = self.index.named(t)
                    if who is not None and who.key not in {w.key for w in found}:
                        found.append(who)
                return found
        return []

    def source_of(self, tok: Token, quote_speaker: Who | None) -> Who | None:
        """Resolve one subject token, following pronouns to their actor."""
        low = tok.lower_
        if low in PRONOUNS or tok.pos_ == "PRON":
            if low == "it" and self._text_antecedent(tok):
                return self.resolution_source()
            mention = self.index.pronoun_mention(tok)
            if mention is not None:
                return mention
            if low in FIRST_PERSON and quote_speaker is not None:
                return quote_speaker
            return self._antecedent(tok)
        if tok.lemma_.lower() in ("resolution", "text", "draft", "document") and not self.index.mention(tok):
            return self._adopter(tok) or self.resolution_source()
        who = self.index.who(tok)
        if who is not None and who.generic and quote_speaker is not None:
            if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in tok.children):
                return quote_speaker
        return who

    def _text_antecedent(self, tok: Token) -> bool:
        """Whether "it" continues a resolution: the clause before, or the previous sentence, has one as subject."""
        node = tok.head
        for _ in range(3):
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.lemma_.lower() in ("resolution", "text"):
                    return True
            if node.head is node:
                break
            node = node.head
        start = tok.sent.start
        if start == 0 or not self.index.doc.resolutions:
            return False
        prev = tok.doc[start - 1].sent
        if any(t.dep_ in ("nsubj", "nsubjpass") and (t.lemma_.lower() in ("resolution", "text", "draft") or
                                                     (t.lower_ == "it" and t.i == prev.start)) for t in prev):
            return True
        if tok.i != start:
            return False
        # "... led the drafting of the text, which 50 countries co-sponsored. It asks ...": the text is the last
        # thing the sentence before named that "it" can stand for
        texts = [t for t in prev if t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in ("resolution", "text")]
        return bool(texts) and not any(t.tag_ in ("NNP", "NN") and self.index.named(t) is not None
                                       for t in prev if t.i > texts[-1].i)

    def _antecedent(self, tok: Token) -> Who | None:
        """A pronoun's actor: the subject of the clause that reports it, else the nearest named actor before it."""
        node = tok.head
        for _ in range(5):
            if node.head is node:
                break
            node = node.head
            for c in node.children:
                if c.dep_ == "nsubj" and c.i < tok.i and c.lemma_.lower() in ("resolution", "text", "draft"):
                    return self.resolution_source()
                if c.dep_ == "nsubj" and c.i < tok.i and c.lower_ not in PRONOUNS:
                    found = self.index.who(c)
                    if found is not None and not found.generic:
                        return found
        sent = tok.sent
        for prev in reversed(range(sent.start, tok.i)):
            found = self.index.named(tok.doc[prev])
            if found is not None:
                return found
        start = sent.start
        if start > 0:
            prev_sent = tok.doc[start - 1].sent
            for t in prev_sent:
                if t.dep_ in ("nsubj", "nsubjpass"):
                    if t.lemma_.lower() in ("resolution", "text", "draft"):
                        return self.resolution_source()
                    found = self.index.who(t)
                    if found is not None and not found.generic:
                        return found
        return None

    def _adopter(self, tok: Token) -> Who | None:
        """The body that adopted a text it is the object of: "the committee approved a text"."""
        if tok.dep_ in ("dobj", "nsubjpass"):
            verb = tok.head
            if tok.dep_ == "dobj":
                subs = [c for c in verb.children if c.dep_ == "nsubj"]
            else:
                subs = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            for sub in subs:
                found = self.index.who(sub)
                if found is not None and found.country == "UNO":
                    return found
        return None

    def resolution_source(self) -> Who | None:
        """Who speaks when "the resolution" does: its body, else the document's first UN body."""
        if self.resolution_body:
            return self.who_of_id(self.resolution_body)
        bodies = [a for a in self.index.doc.actors if a.country == "UNO" and a.kind != "person"]
        specific = [a for a in bodies if a.id not in ("UN", "UNSG", "OHCHR", "UN Special Rapporteur")]
        chosen = (specific or bodies or [None])[0]
        return from_actor(chosen) if chosen is not None else None

    def who_of_id(self, ident: str) -> Who:
        actor = self.index.by_id.get(ident)
        if actor is not None:
            return from_actor(actor)
        entry = gazetteer.by_id(ident)
        country = entry.country if entry else ident
        return Who(ident, country, None, entry.kind if entry else None)

    # -- targets ---------------------------------------------------------------------------------------------
    def target_tokens(self, hit: Hit) -> list[Token]:
        """Objects first, then the objects of the type's prepositions, on the trigger and its object."""
        span = hit.unit + ([hit.head] if hit.head is not hit.token else [])
        trig = hit.trigger
        preps = tuple(trig.get("tprep") or DEFAULT_TARGET_PREPS.get(trig.type, ()))
        if hit.nominal:
            out = [g for c in hit.token.children if c.dep_ == "prep" and c.lower_ in preps + ("of",)
                   for g in c.children if g.dep_ == "pobj"]
            return out
        objs = [o for o in objects(span) if o is not hit.token]
        if hit.head is not hit.token:
            objs = [o for o in objs if o.i != hit.token.i]
        if passive(hit.head) and hit.head.dep_ == "acl":
            objs = [hit.head.head] + [o for o in objs if o is not hit.head.head]
        out = list(objs)
        holders = span + [o for o in objs if o.pos_ in ("NOUN", "PROPN")]
        if hit.head is not hit.token:
            holders.append(hit.token)
        for holder in holders:
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            out.append(g)
                            out.extend(g.conjuncts)
        return list(dict.fromkeys(out))

    def target_of(self, tok: Token, hit: Hit, source: Who | None, nominal_source) -> tuple[Who | None, bool]:
        """Resolve one target token; the flag says whether it was found deep in the object's subtree."""
        lemma = tok.lemma_.lower()
        if lemma in BODY_NOUNS and not self.index.mention(tok) and (source is None or source.country != "UNO"):
            # "rejected the resolution", "welcomed the adoption": the body that adopted it
            body = self._owned_body(tok) or self.resolution_source()
            if body is not None:
                return body, False
        if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
            mention = self.index.pronoun_mention(tok)
            if mention is not None:
                return mention, False
            if tok.lower_ == "it" and tok.dep_ in ("dobj", "nsubjpass") and self.index.doc.resolutions:
                body = self.resolution_source()  # "dismissed it as a script": the text, so its body
                if body is not None and (source is None or body.key != source.key):
                    return body, False
        who = self.index.who(tok)
        if who is None and lemma in ("member", "state") and any(
            c.dep_ == "compound" and c.lemma_.lower() in MEMBER_BODIES for c in tok.children
        ):
            body = self.resolution_source()  # "called on council members to keep North Korea on the agenda"
            if body is not None and (source is None or body.key != source.key):
                return body, False
        if who is not None and (source is None or who.key != source.key or who.sector != source.sector):
            return who, False
        nominal = nominal_source(tok)
        if nominal is not None:
            return nominal, False
        return self._subtree(tok, source), True

    def _owned_body(self, tok: Token) -> Who | None:
        """A body named on the noun itself: "the council's decision", "the Assembly's vote"."""
        for c in tok.children:
            if c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ in ("of", "by")):
                node = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
                found = self.index.named(node) if node is not None else None
                if found is not None and found.country == "UNO":
                    return found
        return None

    def _subtree(self, tok: Token, source: Who | None) -> Who | None:
        """The first named actor in the object's subtree, breadth first, other than the source."""
        queue = deque([(c, 1) for c in tok.children])
        while queue:
            node, depth = queue.popleft()
            if node.dep_ in ("relcl", "advcl", "ccomp") or depth > 5:
                continue
            found = self.index.named(node)
            if found is not None and (source is None or found.key != source.key):
                return found
            queue.extend((c, depth + 1) for c in node.children)
        return None


def _antecedent_noun(noun: Token) -> Token:
    """A relative clause's noun; "the resolution on the territories of Ukraine, which condemns" is the resolution's."""
    node = noun
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in ("NOUN", "PROPN"):
            node = node.head.head
            if node.lemma_.lower() in RESOLUTION_NOUNS:
                return node
        else:
            break
    return noun


def _members(noun: Token) -> list[Token]:
    """A group the clause is about; "China and Russia were among the countries (that voted)" names its members."""
    among = noun.head
    if noun.dep_ == "pobj" and among.lower_ == "among":
        subs = [c for c in among.head.children if c.dep_ == "nsubj"]
        if subs:
            return subs
    return [noun]


def _listed_after(verb: Token) -> Token | None:
    """The verb a list of clauses really continues when the parser hung it on the main verb: in "extended the
    mandate, after the government freed 222 prisoners, flew them to the United States and stripped them of
    their citizenship", "flew" (only a comma after the "after" clause) continues "freed"; with "and" between
    ("arrested him after he spoke, and released him") the parse stands."""
    head = verb.head
    if head is verb:
        return None
    before = [c for c in head.children if c.dep_ == "advcl" and head.i < c.i < verb.i and c.tag_ == verb.tag_]
    if not before:
        return None
    clause = before[-1]
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    if len(between) and all(t.is_punct for t in between):
        return clause
    return None
