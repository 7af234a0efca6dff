"""Direct and mixed quotes: words inside quotation marks and who said them.

For each quoted region: a verb of saying after it in the same sentence ('"...," Kim said'), else one before
it ('He added, "..."'; 'Kim called the resolution a "fraudulent document"'), else the speaker of the quote
just before in the paragraph (a quote continued after "he said."), else of the one right after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.actors.spans import Quoted
from chronicle.extract.quotes.cues import FRAMING, SAYING, is_verb
from chronicle.extract.quotes.speaker import Context, according_to, speaker_after, subject_before

MAX_WINDOW = 400  # characters either side of a quote in which its attribution is looked for


@dataclass(slots=True)
class Found:
    """A quote before it becomes a record."""

    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    speaker: str | None
    paragraph: int
    opens_sentence: bool


def attribute(ctx: Context, quotes: list[Quoted]) -> list[Found]:
    found: list[Found] = []
    for n, quote in enumerate(quotes):
        para_start, para_end = ctx.paragraph(quote.open_mark)
        next_open = quotes[n + 1].open_mark if n + 1 < len(quotes) else len(ctx.text)
        close = quote.close_mark + 1 if quote.close_mark is not None else quote.end
        last_para_end = ctx.paragraph(max(quote.start, close - 1))[1]
        sentence = ctx.index.sentence_at(quote.open_mark)
        sent_start = ctx.index.sentences[sentence][0] if ctx.index.sentences else para_start
        # The window may run over an earlier quote in the sentence: cues and speakers inside quotes are skipped.
        before_start = max(para_start, sent_start, quote.open_mark - MAX_WINDOW)
        after_end = min(last_para_end, next_open, close + MAX_WINDOW, _sentence_end(ctx, close))
        opens = not any(ch.isalnum() for ch in ctx.text[before_start:quote.open_mark])
        kind, cue, speaker = _attribute(ctx, before_start, quote.open_mark, close, after_end, opens)
        found.append(Found(quote.start, quote.end, quote.text(ctx.text), kind, cue, speaker, para_start, opens))
        ctx.spoken.append((quote.start, speaker))
    _inherit(ctx, found)
    return found


def _attribute(ctx: Context, before_start: int, open_mark: int, close: int, after_end: int, opens: bool):
    """(kind, cue, speaker) from the text around one quote."""
    after = _after(ctx, close, after_end)
    if opens and after is not None:
        return "direct", after[0], after[1]
    cue = _last_cue(ctx, before_start, open_mark)
    if cue is not None:
        speaker = subject_before(ctx, before_start, cue)
        if speaker is None and cue.lower_ in SAYING:
            speaker = speaker_after(ctx, cue, open_mark)
        if speaker is not None or after is None:
            between = ctx.text[cue.idx + len(cue.text):open_mark]
            first = ctx.text[open_mark + 1:open_mark + 2]
            plain = between.rstrip().endswith((",", ":")) or (not between.strip() and first.isupper())
            return ("direct" if plain or opens else "mixed"), cue.lower_, speaker
    if after is not None:
        return ("direct" if opens else "mixed"), after[0], after[1]
    return ("direct" if opens else "mixed"), None, None


def _after(ctx: Context, close: int, end: int):
    """(cue, speaker) from the attribution after a quote, or None when there is none."""
    words = ctx.tokens(close, end, 40)
    for k, word in enumerate(words):
        low = word.lower_
        if low == "according" and k + 1 < len(words) and words[k + 1].lower_ == "to":
            speaker = according_to(ctx, words[k + 1], end)
            return ("according to", speaker) if speaker is not None else None
        if is_verb(word, SAYING):
            speaker = subject_before(ctx, close, word) if word.idx > close + 1 else None
            if speaker is None:
                speaker = speaker_after(ctx, word, end)
            return low, speaker
        if word.text in ("“", '"', "”") or (k > 0 and is_verb(word, FRAMING) and low not in SAYING):
            return None
    # '"...," Kim Song, the chief of the mission, claiming ...': a person named right after the quote.
    first = ctx.index.speakers_in(close, min(end, close + 4))
    if first and first[0].kind == "person" and first[0].role == "person":
        return None, first[0].actor
    return None


def _last_cue(ctx: Context, start: int, end: int):
    """The verb that frames a quote: the last verb of saying before it, else the last framing verb
    ('Ri said Pyongyang would answer with "all necessary countermeasures"' is Ri's, not Pyongyang's)."""
    framing = None
    for word in reversed(ctx.tokens(start, end)):
        if ctx.index.in_quote(word.idx):
            continue
        if is_verb(word, SAYING):
            return word if framing is None or _governs(ctx, word, framing) else framing
        if framing is None and is_verb(word, FRAMING):
            framing = word
    return framing


def _governs(ctx: Context, saying, framing) -> bool:
    """Whether the verb of saying reports the clause holding the later framing verb (parse, else no sentence
    break between them)."""
    if ctx.has_dep and saying.dep_ and framing.dep_:
        return saying.is_ancestor(framing)
    between = ctx.text[saying.idx:framing.idx]
    return not any(mark in between for mark in ('."', ".”", ". ", "! ", "? "))


def _sentence_end(ctx: Context, pos: int) -> int:
    """End of the sentence holding `pos`; the next one too when it only carries the attribution ('he said.')."""
    sentences = ctx.index.sentences
    if not sentences:
        return len(ctx.text)
    k = ctx.index.sentence_at(pos)
    a, b = sentences[k]
    if pos >= b and k + 1 < len(sentences):
        a, b = sentences[k + 1]
    if not any(ch.isalnum() for ch in ctx.text[pos:b]) and k + 1 < len(sentences):
        nxt_a, nxt_b = sentences[k + 1]
        first = ctx.text[nxt_a:nxt_b].lstrip()[:1]
        if first.islower() and "\n" not in ctx.text[pos:nxt_a]:
            return nxt_b
    return b


def _inherit(ctx: Context, found: list[Found]) -> None:
    """Unattributed quotes take the speaker of a neighbouring quote: the one just before in the paragraph
    ('"A," he said. "B."'), a quote opening the next paragraph of the same speaker, or the one right after."""
    for n in range(len(found) - 2, -1, -1):
        quote, nxt = found[n], found[n + 1]
        gap = ctx.text[quote.end:nxt.start]
        if quote.speaker is None and nxt.speaker is not None and not any(ch.isalnum() for ch in gap):
            quote.speaker, quote.cue = nxt.speaker, quote.cue or nxt.cue
    for n in range(1, len(found)):
        quote, prev = found[n], found[n - 1]
        if quote.speaker is not None or prev.speaker is None or not quote.opens_sentence:
            continue
        same = prev.paragraph == quote.paragraph
        whole = quote.paragraph != prev.paragraph and _opens_paragraph(ctx, quote) and _follows(ctx, prev, quote)
        if same or whole:
            quote.speaker = prev.speaker


def _opens_paragraph(ctx: Context, quote: Found) -> bool:
    return not any(ch.isalnum() for ch in ctx.text[quote.paragraph:quote.start])


def _follows(ctx: Context, prev: Found, quote: Found) -> bool:
    """Whether no other paragraph with text stands between two quotes' paragraphs."""
    between = ctx.text[prev.end:quote.paragraph]
    return "\n" not in between or not any(ch.isalnum() for ch in between.split("\n", 1)[1])
