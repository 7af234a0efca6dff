"""Indirect speech: "X said (that) ...", "..., X said.", "according to X, ...".

One reported statement per sentence at most; the speaker must be a known actor, or the sentence is skipped.
A sentence that frames a direct quote is left to the direct extractor.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from chronicle.extract.quotes.cues import CLAUSE_DIRECT, PREPOSITIONS, REPORTING, is_verb
from chronicle.extract.quotes.direct import Found
from chronicle.extract.quotes.speaker import Context, according_to, speaker_after, subject_before

MIN_WORDS = 4
_AND_THAT = re.compile(r",?\s+and\s+that\s+")
_AUXILIARIES = frozenset("would will had has have was were is are could should may might must can did does".split())
MAX_SENTENCE_TOKENS = 150
_NOT_CLAUSE = PREPOSITIONS | frozenset(["as", "so", "yes", "no", "nothing", "more", "and", "or", "but", "not"])


def find_indirect(ctx: Context, direct: list[Found]) -> list[Found]:
    spans = sorted((q.start, q.end, q.kind) for q in direct)
    starts = [s for s, _, _ in spans]
    out = []
    for a, b in ctx.index.sentences:
        if ctx.index.in_quote(a) and ctx.index.in_quote(b - 1):
            continue
        tokens = ctx.tokens(a, b, MAX_SENTENCE_TOKENS)
        quoted = _quoted_in(spans, starts, a, b)
        found = _according(ctx, tokens, a, b)
        candidates = ([found] if found is not None else []) + _reported(ctx, tokens, a, b)
        for found in candidates:
            covered = sum(min(e, found.end) - max(s, found.start) for s, e, _ in quoted
                          if s < found.end and e > found.start)
            if covered * 2 < found.end - found.start:
                out.append(found)
    return out


def _quoted_in(spans, starts, a: int, b: int):
    k = max(0, bisect_left(starts, a) - 1)
    out = []
    while k < len(spans) and spans[k][0] < b:
        if spans[k][1] > a:
            out.append(spans[k])
        k += 1
    return out


def _according(ctx: Context, tokens: list, a: int, b: int) -> Found | None:
    for k in range(len(tokens) - 1):
        if tokens[k].lower_ != "according" or tokens[k + 1].lower_ != "to" or ctx.index.in_quote(tokens[k].idx):
            continue
        speaker = according_to(ctx, tokens[k + 1], b)
        if speaker is None:
            return None
        if k <= 1:
            # "According to Thomas Berger, a spokesperson for ..., at least 13 ...": skip the source's appositive.
            source = next((r for r in ctx.index.refs_in(tokens[k + 1].idx, b) if r.role != "title"), None)
            after = ctx.index.extent_of(source)[1] if source is not None else tokens[k + 1].idx
            comma = next((t for t in tokens[k + 2:] if t.text == "," and t.idx >= after), None)
            if comma is None:
                return None
            return _found(ctx, comma.idx + 1, b, "according to", speaker, a)
        return _found(ctx, a, tokens[k].idx, "according to", speaker, a)
    return None


def _reported(ctx: Context, tokens: list, a: int, b: int) -> list[Found]:
    """Every "X said (that) ..." in the sentence; a clause ends where the next reported clause's subject starts."""
    found: list[tuple[int, Found]] = []
    for k, cue in enumerate(tokens):
        low = cue.lower_
        if k == 0 or not is_verb(cue, REPORTING) or ctx.index.in_quote(cue.idx):
            continue
        if not found:
            trailing = _trailing(ctx, tokens, k, a, b)
            if trailing is not None:
                return [trailing]
        if ctx.text[max(0, cue.idx - 6):cue.idx].rstrip(" ,\n").endswith(('"', "”")):
            continue  # '," said Kim, the envoy': what follows the verb is the speaker, not what was said
        start = _content_start(tokens, k)
        if start is None:
            continue
        speaker = subject_before(ctx, a, cue)
        if speaker is None:
            continue
        for item in _coordinated(ctx, start, b, low, speaker):
            found.append((k, item))
    out = []
    for n, (_, item) in enumerate(found):
        if n + 1 < len(found):
            _cut_before_next(ctx, tokens, item, found[n + 1][0])
        if len(item.text.split()) >= MIN_WORDS:
            out.append(item)
    return out


def _cut_before_next(ctx: Context, tokens: list, item: Found, next_cue: int) -> None:
    """End a clause at the last comma, semicolon or "and" before the next verb of saying and its subject."""
    for m in range(next_cue - 1, 0, -1):
        word = tokens[m]
        if word.idx <= item.start:
            return
        if word.text in (",", ";") or word.lower_ == "and" and tokens[m - 1].text == ",":
            text = ctx.text[item.start:word.idx].rstrip(" ,;")
            item.text, item.end = text, item.start + len(text)
            return


def _trailing(ctx: Context, tokens: list, k: int, a: int, b: int) -> Found | None:
    """'The vote was a plot, Kim said.' / '..., said Kim, the envoy.': content before the last comma."""
    cue = tokens[k]
    comma = next((t for t in reversed(tokens[:k]) if t.text == ","), None)
    if comma is None or tokens[0].i + k - comma.i > 12:
        return None
    tail = [t for t in tokens[k + 1:] if not t.is_punct and not t.is_space]
    # After the verb only the speaker or a circumstance may follow ("said Kim", "said in a statement").
    if len(tail) > 12 or (tail and not (tail[0].is_title or tail[0].lower_ in PREPOSITIONS)):
        return None
    speaker = subject_before(ctx, comma.idx + 1, cue) if cue.idx > comma.idx + 2 else None
    speaker = speaker or speaker_after(ctx, cue, b)
    if speaker is None:
        return None
    return _found(ctx, a, comma.idx, cue.lower_, speaker, a)


def _content_start(tokens: list, k: int) -> int | None:
    """Where the reported clause starts after the verb at `k`: after "that" if it comes soon, else right
    after the verb for verbs that take a clause directly ("said the vote was ...")."""
    for m in range(k + 1, min(len(tokens), k + 10)):
        word = tokens[m]
        if word.text in (".", ";", ":", '"', "“", "”") or "\n" in word.text or _verb(word):
            break  # a "that" after the clause's own verb is a relative pronoun ("programmes that reach")
        if word.lower_ == "that":
            return word.idx + len(word.text)
    cue = tokens[k]
    if cue.lower_ not in CLAUSE_DIRECT:
        return None
    if k + 1 < len(tokens):
        nxt = tokens[k + 1]
        if nxt.is_alpha and nxt.lower_ not in _NOT_CLAUSE:
            return nxt.idx
    return None


def _coordinated(ctx: Context, start: int, end: int, cue: str, speaker: str) -> list[Found]:
    """"argued that A and that B": A and B are two reported statements."""
    out, piece = [], start
    for match in _AND_THAT.finditer(ctx.text, start, end):
        item = _found(ctx, piece, match.start(), cue, speaker, start)
        if item is not None:
            out.append(item)
        piece = match.end()
    item = _found(ctx, piece, end, cue, speaker, start)
    return out + ([item] if item is not None else [])


def _verb(word) -> bool:
    if word.pos_ in ("VERB", "AUX"):
        return True
    return word.lower_ in _AUXILIARIES


def _found(ctx: Context, start: int, end: int, cue: str, speaker: str, sentence_start: int) -> Found | None:
    text = ctx.text[start:end].strip(" \t\n,;:.")
    if len(text.split()) < MIN_WORDS:
        return None
    start = ctx.text.index(text, start)
    return Found(start, start + len(text), text, "indirect", cue, speaker, ctx.paragraph(start)[0], False)
