"""What happened to a text (status) and how (adoption), from the words of one clause.

status: adopted | rejected | vetoed | tabled ("tabled" = shelved by a no-action motion, or put forward and not
yet acted on). adoption: consensus | without_vote | recorded_vote.
"""

from __future__ import annotations

import re

RES_NOUN = re.compile(
    r"\b(?:resolutions?|drafts?|texts?|measures?|proposals?|draft\s+decisions?|decisions?|censures?)\b", re.I
)
# A procedural vote (putting an item on the agenda, holding a meeting) adopts no text.
PROCEDURAL = re.compile(
    r"\bprocedural\s+(?:vote|motion|decision)|\b(?<!no-action )(?<!no action )motion\s+(?:passed|carried|was|failed)"
    r"|\bformal\s+agenda\b",
    re.I,
)
PLURAL_NOUN = re.compile(r"\b(?:resolutions|drafts|texts)\b", re.I)
MOTION = re.compile(r"\bno-?action\s+motions?\b|\bmotions?\s+(?:to\s+)?(?:adjourn|take\s+no\s+action)", re.I)
AMENDMENT = re.compile(r"\bamendments?\b", re.I)
_MODAL = r"(?<!could have )(?<!would have )(?<!might have )(?<!could )(?<!would )(?<!might )(?<!threatened to )"
VETOED = re.compile(
    _MODAL + r"\b(?:vetoed|vetoes|vetoing|(?:cast|used|exercised|wielded)\s+(?:a|its|their)\s+vetoe?s?"
    r"|blocked\s+by\s+(?:a\s+)?(?:\w+\s+){0,3}vetoe?s?)\b",
    re.I,
)
REJECTED = re.compile(
    r"\b(?:voted\s+down|defeated|fell\s+(?:by|short|after)|fell\b(?=[^.;]{0,30}\bvotes?\b)"
    r"|failed(?!\s+to\s+(?:condemn|mention|name|include|address))|did\s+not\s+pass|was\s+not\s+adopted|rejected|rejecting"
    r"|rejects|turned\s+down|shot\s+down)\b",
    re.I,
)
ADOPTED = re.compile(
    r"\b(?:adopt(?:ed|s|ing)|adoption|pass(?:ed|es|ing)|approv(?:ed|es|ing|al)|endors(?:ed|es|ing)|renew(?:ed|s|ing|al)"
    r"|extend(?:ed|s|ing)|carried|censur(?:ed|es|ing)|voted\s+(?:\w+\s+){0,3}?(?:to|for|in\s+favou?r)|gavell?ed\s+through|won"
    r"|established|set\s+up)\b",
    re.I,
)
SHELVED = re.compile(r"\b(?:shelved|killed|succeeded|prevailed)\b", re.I)
TABLED = re.compile(r"\b(?:tabled|introduced|submitted|presented|circulated|put\s+forward|proposed)\b(?!\s+by)", re.I)
FUTURE = re.compile(
    r"\b(?:will|would|is\s+(?:expected|set|due|likely)\s+to|are\s+(?:expected|set|due)\s+to|go(?:es)?\s+to"
    r"|heads?\s+to|next\s+(?:week|month)|later\s+this)\b",
    re.I,
)
# Who reacts rather than votes: "Sri Lanka's government rejected", "its delegate said".
REACTOR_WORDS = re.compile(
    r"\b(?:government|delegation|ministry|mission|envoy|ambassador|representative|spokes\w+|minister|authorities"
    r"|administration|junta|officials?|diplomats?|president|leader|regime|said|says)\b",
    re.I,
)
# "adopted by consensus", "joined the consensus"; not "the consensus showed …" in a reaction
CONSENSUS = re.compile(
    r"\b(?:by|through|in|join\w*|block\w*)\s+(?:the\s+|a\s+)?consensus\b|\bconsensus\s+(?:adoption|resolution|text"
    r"|decision|vote|approval)\b",
    re.I,
)
NO_CONSENSUS = re.compile(
    r"\b(?:broke|break\w*|without|no|lack\w*|rather\s+than|instead\s+of|failed\s+to\s+reach)\s+(?:the\s+|a\s+)?"
    r"consensus",
    re.I,
)
WITHOUT_VOTE = re.compile(
    r"\bwithout\s+(?:a\s+|any\s+)?(?:formal\s+|recorded\s+)?vot(?:e|ing)\b|\bwithout\s+putting\s+it\s+to\s+a"
    r"\s+vote|\bunopposed\b|\bby\s+acclamation\b",
    re.I,
)
RECORDED = re.compile(
    r"\brecorded\s+vote\b|\b(?:put|called|call|calls|requested|forced)\s+(?:it\s+)?(?:to\s+|for\s+)?a\s+vote\b"
    r"|\bby\s+a\s+vote\s+of\b",
    re.I,
)
NEGATION_BEFORE = re.compile(r"\b(?:never|neither|not|no|without)\b[^.;]{0,30}$", re.I)
HYPOTHETICAL = re.compile(
    r"^\W*(?:had|if|unless|should|were|whether)\b|\b(?:would|could|might|may|will|to\s+be)\s+(?:not\s+)?"
    r"(?:have\s+)?(?:been\s+)?$",
    re.I,
)
INSERTION = re.compile(r",[^,;]{1,160},\s*$")
PARENS = re.compile(r"\([^()]*\)")
SUBJECT_TEXT = re.compile(r"(?:\b(?:It|it|members|Members|which)\b)\s*(?:\w+\s+){0,3}$")


def clause_status(text: str, bodies: list[tuple[int, int]], states: list[tuple[int, int]]) -> tuple[str | None, int]:
    """The status a clause reports and where its verb is (-1 when none).

    `bodies` and `states` are the clause-local spans of the UN bodies and the states it names: the subject of the
    verb decides whether "rejected" is the fate of the text (a body, the text itself) or a reaction (a state).
    """
    if MOTION.search(text):
        m = ADOPTED.search(text) or SHELVED.search(text)
        # a no-action motion that carries shelves the draft; one that fails changes nothing
        return ("tabled", m.start()) if m and not REJECTED.search(text) else (None, -1)
    if AMENDMENT.search(text) and not RES_NOUN.search(AMENDMENT.sub("", text)):
        return None, -1
    for status, pattern in (("vetoed", VETOED), ("rejected", REJECTED), ("adopted", ADOPTED)):
        for m in pattern.finditer(text):
            if status == "vetoed" and re.search(
                r"\b(?:cannot|can't|could\s+not|couldn't|not)\s+(?:be\s+)?$", text[max(0, m.start() - 20) : m.start()]
            ):
                continue  # "a procedural vote that cannot be blocked by a veto"
            if status == "vetoed" or _acted_on(text, m, bodies, states):
                return status, m.start()
    m = TABLED.search(text)
    if m:
        return "tabled", m.start()
    return None, -1


def _acted_on(text: str, m: re.Match, bodies: list[tuple[int, int]], states: list[tuple[int, int]]) -> bool:
    """The verb's subject is a UN body or the text itself, not a state reacting to it."""
    word = m.group(0).lower()
    if word.startswith(("voted down", "defeated", "fell", "failed", "did not", "was not")):
        return True  # only a vote fails or is voted down
    if re.match(r"\s+by\s+(?!\d|a\s+vote|a\s+margin|consensus|acclamation)", text[m.end() : m.end() + 40], re.I):
        return word.startswith(("adopt", "approv", "pass"))  # "rejected by Pyongyang" is a reaction
    if re.search(r"\bsince\s+(?:\w+\s+){0,3}$", text[max(0, m.start() - 40) : m.start()], re.I):
        return False  # "since it was established in 2006"
    if HYPOTHETICAL.search(text[: m.start()]):
        return False  # "Had the proposal passed", "a text that would be adopted"
    if word in ("adoption", "approval", "renewal"):
        # a noun names the text's fate only after its body: "the Third Committee's approval of the same text"
        return any(0 <= m.start() - e <= 30 for s, e in bodies)
    clause_start = max(text.rfind(ch, 0, m.start()) for ch in ".;:") + 1
    left = PARENS.sub(lambda x: " " * len(x.group(0)), text[: m.start()])
    cut = INSERTION.search(left, clause_start)
    while cut:  # drop appositives: "The resolution on Iran, drafted by Canada, won" → "The resolution on Iran won"
        left = left[: cut.start()]
        cut = INSERTION.search(left, clause_start)
    subject = left[clause_start:]
    end = clause_start + len(subject)
    if (
        any(clause_start <= s and e <= end + 1 for s, e in bodies)
        or RES_NOUN.search(subject)
        or SUBJECT_TEXT.search(subject)
    ):
        return True
    if any(clause_start <= s and e <= end for s, e in states) or REACTOR_WORDS.search(subject):
        return False
    return bool(RES_NOUN.search(text[m.end() : m.end() + 60])) or bool(bodies)


def adoption_cues(text: str) -> set[str]:
    cues = set()
    if CONSENSUS.search(text) and not NO_CONSENSUS.search(text):
        cues.add("consensus")
    if WITHOUT_VOTE.search(text):
        cues.add("without_vote")
    for m in RECORDED.finditer(text):
        if not NEGATION_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            cues.add("recorded_vote")
    return cues


def is_future(text: str, pos: int) -> bool:
    return bool(FUTURE.search(text[max(0, pos - 50) : pos + 15]))
