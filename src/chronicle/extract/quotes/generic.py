"""Unnamed sources: "rights groups say", "diplomats said", "according to human rights groups, which say".

The speaker is the phrase as written ("human rights groups"), with no actor id; "Syrian officials" are Syria's.
Generic speakers are written `~phrase` between the modules of this package; `fields` turns them into records.
"""

from __future__ import annotations

from chronicle.extract.quotes.cues import PREPOSITIONS

PREFIX = "~"
SOURCES = frozenset("""groups organisations organizations diplomats officials analysts activists experts critics
observers campaigners sources lawyers residents witnesses advocates researchers investigators monitors delegates
envoys governments members supporters opponents families relatives survivors defectors refugees scholars
academics economists lawmakers legislators""".split())
_DROP = frozenset("""the a an some many most several other others few both all and or but while although though as
also its their his her our this that these those which who""".split()) | PREPOSITIONS


def generic(ctx, head) -> str | None:
    """`~phrase` for a plural source noun and its modifiers ("human rights groups"), or the state they belong to."""
    if head.lower_ not in SOURCES:
        return None
    start = head
    for word in reversed(ctx.tokens(max(0, head.idx - 60), head.idx)):
        if not word.is_alpha or word.lower_ in _DROP or "\n" in word.whitespace_:
            break
        start = word
    for ref in ctx.index.refs_in(start.idx, head.idx):
        if ref.kind == "state":
            return ref.actor
    # "officials in Tehran", "diplomats from France": the state named right after.
    after = ctx.tokens(head.idx + len(head.text), head.idx + 40, 3)
    if after and after[0].lower_ in ("in", "from", "of"):
        for ref in ctx.index.refs_in(after[0].idx, after[-1].idx + len(after[-1].text)):
            if ref.kind == "state" and ref.role in ("name", "capital"):
                return ref.actor
    return PREFIX + ctx.text[start.idx:head.idx + len(head.text)]
