"""Who speaks: the actor before a verb of saying ("Kim said"), after it ("said Kim"), or after "according to".

Mentions come from the actor index (names, surnames, pronouns, descriptors are already resolved). A
dependency parse is used where the document has one (the verb's subject); otherwise nearby mentions decide.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from chronicle.actors.gazetteer import by_id
from chronicle.actors.index import ActorIndex, Ref
from chronicle.extract.quotes.cues import (
    BETWEEN,
    DOCUMENTS,
    OFFICIALS,
    PREPOSITIONS,
    REPORT_BODIES,
    REPORTS,
    RESOLUTION_BODIES,
    RESOLUTION_VERBS,
    STATEMENTS,
)
from chronicle.extract.quotes.generic import PREFIX, SOURCES, generic

WINDOW_TOKENS = 40
_NOUNS = DOCUMENTS | REPORTS | STATEMENTS | OFFICIALS
_IT = frozenset(["it", "its"])
_RELATIVE = frozenset(["which", "who"])
_ADOPTING = ("adopt", "passed", "approve", "resolution", "voted", "vote ")


@dataclass(slots=True)
class Context:
    """A document prepared for attribution: its text, tokens, actor index and paragraph starts."""

    text: str
    sdoc: object
    index: ActorIndex
    token_starts: list[int]
    line_starts: list[int]
    has_dep: bool
    spoken: list[tuple[int, str]] = field(default_factory=list)  # (quote start, speaker) as attributed so far

    @classmethod
    def of(cls, sdoc, index: ActorIndex) -> Context:
        text = index.text  # the document's text, as the index read it (building sdoc.text again is slow)
        lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        return cls(text, sdoc, index, sdoc.to_array("IDX").tolist(), lines, sdoc.has_annotation("DEP"))

    def tokens(self, a: int, b: int, limit: int = 10_000) -> list:
        """Tokens starting in [a, b), at most `limit` of them (from the start)."""
        i = bisect_left(self.token_starts, a)
        j = min(bisect_left(self.token_starts, b), i + limit)
        return [self.sdoc[k] for k in range(i, j)]

    def paragraph(self, pos: int) -> tuple[int, int]:
        k = bisect_left(self.line_starts, pos + 1) - 1
        start = self.line_starts[k]
        end = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(self.text)
        return start, end


def subject_before(ctx: Context, start: int, cue) -> str | None:
    """The actor that is the subject of the verb `cue`, searched in [start, cue)."""
    if ctx.has_dep:
        found = _parsed_subject(ctx, start, cue)
        if found is not None:
            return found
    return _nearest_before(ctx, start, cue.idx, cue.lower_)


def speaker_after(ctx: Context, cue, end: int) -> str | None:
    """The speaker named right after a verb of saying ('," said Kim, according to Yonhap')."""
    words = ctx.tokens(cue.idx + len(cue.text), end, 12)
    for ref in ctx.index.speakers_in(cue.idx + len(cue.text), end):
        if ref.start > (words[-1].idx if words else cue.idx) + 40:
            break
        if not _after_preposition(ctx, ref, cue.idx):
            return ref.actor
    for word in words:
        if word.is_punct:
            break
        if word.lower_ in _NOUNS:
            return _noun_speaker(ctx, word.lower_, word.idx)
    return None


def according_to(ctx: Context, to_token, end: int) -> str | None:
    """The source after "according to", unless it is a news channel (a channel is never the speaker)."""
    refs = [r for r in ctx.index.refs_in(to_token.idx, min(end, to_token.idx + 120))
            if r.role != "title" and not ctx.index.in_quote(r.start)]
    if not refs:
        words = ctx.tokens(to_token.idx + 1, end, 6)
        for word in words:
            if word.lower_ in _NOUNS:
                return _noun_speaker(ctx, word.lower_, word.idx)
            if word.lower_ in SOURCES:
                return generic(ctx, word)
            if word.is_punct:
                break
        return None
    first = refs[0]
    if first.kind == "media":
        return None
    return first.actor


def _parsed_subject(ctx: Context, start: int, cue) -> str | None:
    verb = cue
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects or verb.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or verb.head is verb:
            break
        verb = verb.head
    if not subjects:
        return None
    subject = subjects[0]
    if subject.idx < start:
        return None
    if _bare(subject) in _IT:
        # "It also encourages the Security Council to ...": with no body in focus, "it" is the resolution.
        resolution = verb.lower_ in RESOLUTION_VERBS
        return resolve_it(ctx, subject.idx) or (_resolution_author(ctx, subject.idx) if resolution else None)
    if subject.lower_ in _RELATIVE:
        return _antecedent(ctx, start, subject.idx)
    a = subject.left_edge.idx
    b = subject.right_edge.idx + len(subject.right_edge.text)
    refs = [r for r in ctx.index.speakers_in(max(a, start), b) if not _after_preposition(ctx, r, max(a, start))]
    for ref in refs:
        if ref.start <= subject.idx < ref.end or ctx.index.extent_of(ref)[0] <= subject.idx < ref.end:
            return ref.actor
    if subject.lower_ in _NOUNS:
        return _possessor(ctx, start, subject.idx) or _noun_speaker(ctx, subject.lower_, subject.idx, cue.idx)
    if not refs and subject.lower_ in SOURCES:
        return _possessor(ctx, start, subject.idx) or generic(ctx, subject)
    best = _best(refs)
    return best.actor if best is not None else None


def _nearest_before(ctx: Context, start: int, pos: int, verb: str = "") -> str | None:
    refs = [r for r in ctx.index.speakers_in(start, pos) if not _after_preposition(ctx, r, start)]
    best = _best(refs)
    noun = None
    for word in reversed(ctx.tokens(max(start, pos - 80), pos)):
        if word.is_punct or "\n" in word.text:
            break
        if _bare(word) in _IT and (best is None or word.idx >= best.end):
            found = resolve_it(ctx, word.idx)
            return found or (_resolution_author(ctx, word.idx) if verb in RESOLUTION_VERBS else None)
        if word.lower_ in _RELATIVE:
            return _antecedent(ctx, start, word.idx)
        if word.lower_ in _NOUNS:
            noun = word
            break
        if word.lower_ in SOURCES and (best is None or word.idx >= best.end):
            return _possessor(ctx, start, word.idx) or generic(ctx, word)
        if word.lower_ not in BETWEEN and not word.is_title and not word.like_num:
            break
    if noun is not None and (best is None or noun.idx >= best.end):
        return _possessor(ctx, start, noun.idx) or _noun_speaker(ctx, noun.lower_, noun.idx, pos)
    return best.actor if best is not None else None


def _bare(token) -> str:
    """A word without quotation marks glued to it ('"It' in 'humanity."It also ...')."""
    return token.lower_.strip("\"“”'‘’")


def _antecedent(ctx: Context, start: int, pos: int) -> str | None:
    """What "which"/"who" stands for: the nearest actor before it ("a report by the UN human rights office, which")."""
    refs = ctx.index.speakers_in(start, pos)
    if refs and pos - refs[-1].end < 40:
        return refs[-1].actor
    words = [w for w in ctx.tokens(max(start, pos - 40), pos) if not w.is_punct]
    return generic(ctx, words[-1]) if words else None


def _best(refs: list[Ref]) -> Ref | None:
    """The mention nearest the verb; an adjective ("South Korean") only when nothing else is there."""
    named = [r for r in refs if r.role != "demonym"]
    pool = named or refs
    return max(pool, key=lambda r: r.end) if pool else None


def _possessor(ctx: Context, start: int, noun_pos: int) -> str | None:
    """The actor a noun belongs to: "North Korea's foreign ministry", "a UN human rights report", "its UN mission"
    (the UN in "UN mission" or "UN ambassador" is where the mission sits, not whose it is)."""
    words = ctx.tokens(max(start, noun_pos - 60), noun_pos)
    for word in reversed(words):
        if word.is_punct and word.text not in ("'s", "’s", "-") or "\n" in word.text:
            break
        if word.lower_ in ("its", "their"):
            return resolve_it(ctx, word.idx)
    for ref in reversed(ctx.index.refs_in(max(start, noun_pos - 60), noun_pos)):
        gap = ctx.text[ref.end:noun_pos]
        if any(ch in gap for ch in ",;:()\"“”\n") or ref.kind in ("person", "media"):
            break
        if ref.actor == "UN" and not gap.strip(" '’s"):
            continue
        return ref.actor
    return None


def _after_preposition(ctx: Context, ref: Ref, start: int) -> bool:
    """Whether a mention is the object of a preposition ("in North Korea"), which is never the subject."""
    words = ctx.tokens(max(start, ref.start - 30), ref.start)
    for word in reversed(words):
        if word.lower_ in ("the", "a", "an"):
            continue
        return word.lower_ in PREPOSITIONS
    return False


def resolve_it(ctx: Context, pos: int) -> str | None:
    """"it"/"its" as a speaker: the state or body in focus (the subject of the sentence or of the one before)."""
    ref = ctx.index.focus(pos, lambda r: r.kind in ("state", "igo", "org") and r.role not in ("title", "demonym"),
                          back=2)
    return ref.actor if ref is not None else None


def _noun_speaker(ctx: Context, noun: str, pos: int, cue_pos: int | None = None) -> str | None:
    """The author of a document noun (the body that adopted a resolution, wrote a report), the speaker a
    statement belongs to, or the state in focus ("the ministry said")."""
    index = ctx.index
    if noun in DOCUMENTS:
        return _resolution_author(ctx, pos)
    if noun in REPORTS:
        ref = index.before(pos, lambda r: r.actor in REPORT_BODIES, limit=400)
        return ref.actor if ref is not None else None
    if noun in STATEMENTS:
        before = ctx.text[max(0, pos - 4):pos].lower().split()
        if before and before[-1] in ("a", "an"):
            # "A statement carried by KCNA": a new statement, whose channel says whose it is.
            channel = next((r for r in index.refs_in(pos, cue_pos or pos + 120) if r.kind == "media"), None)
            entry = by_id(channel.actor) if channel is not None else None
            if entry is not None and entry.country:
                return entry.country
        else:
            # "The statement said ...": the statement of whoever was just quoted.
            sentence = index.sentence_at(pos)
            floor = index.sentences[max(0, sentence - 2)][0] if index.sentences else 0
            recent = [who for at, who in ctx.spoken if floor <= at < pos and who]
            if recent:
                return recent[-1]
    ref = index.focus(pos, lambda r: r.kind == "state" and r.role != "demonym") or \
        index.before(pos, lambda r: r.kind == "state" and not index.in_quote(r.start), limit=200)
    return ref.actor if ref is not None else None


def _resolution_author(ctx: Context, pos: int) -> str | None:
    """The body that adopted the resolution: named in the first sentence about adopting one, else the last named."""
    index = ctx.index
    for a, b in index.sentences:
        if a > pos:
            break
        words = ctx.text[a:b].lower()
        if any(w in words for w in _ADOPTING):
            bodies = [r.actor for r in index.refs_in(a, b) if r.actor in RESOLUTION_BODIES]
            if bodies:
                return bodies[0]
    ref = index.before(pos, lambda r: r.actor in RESOLUTION_BODIES, limit=400)
    if ref is not None:
        return ref.actor
    present = [b for b in RESOLUTION_BODIES if b in index.actors]
    return present[0] if present else None


def fields(index: ActorIndex, ident: str | None) -> dict:
    """speaker, speaker_name, speaker_title, speaker_affiliation for an actor id."""
    if ident is None or ident.startswith(PREFIX):
        name = ident[len(PREFIX):] if ident else None
        return {"speaker": None, "speaker_name": name, "speaker_title": None, "speaker_affiliation": None}
    actor = index.actor(ident)
    if actor is None:
        entry = by_id(ident)
        name, kind, country, title, affiliation = (entry.name, entry.kind, entry.country, None, None) if entry \
            else (ident, None, None, None, None)
    else:
        name, kind, country, title, affiliation = actor.name, actor.kind, actor.country, actor.title, \
            actor.affiliation
    if kind != "person":
        affiliation = "UN" if country == "UNO" else ident if kind in ("igo", "org") else country or ident
    return {"speaker": ident, "speaker_name": name, "speaker_title": title, "speaker_affiliation": affiliation}
