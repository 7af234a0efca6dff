"""Words that introduce reported speech, and nouns that stand for the speaker (lower case)."""

from __future__ import annotations

# Verbs of saying: they attribute direct quotes and introduce indirect speech ("X said that ...").
SAYING = frozenset("""
said says say saying told tells tell added adds adding warned warns warning stated states noted notes argued argues
insisted insists claimed claims stressed stresses emphasized emphasised emphasizes emphasises reiterated reiterates
maintained maintains asserted asserts explained explains announced announces declared declares replied replies
responded responds countered counters acknowledged acknowledges admitted admits concluded concludes confirmed
confirms alleged alleges wrote writes asked asks tweeted posted complained complains cautioned cautions contended
contends conceded concedes continued recalled observed remarked commented predicted vowed vows pledged pledges
promised threatened threatens demanded demands urged urges reported reports quoted insisting noting stressing
claiming arguing explaining
""".split())
# Verbs that frame quoted words without reporting a whole utterance ('called the resolution a "fraud"'); with the
# verbs resolutions use ('The resolution condemns "in the strongest terms ..."').
FRAMING = SAYING | frozenset("""
called calls calling described describes describing branded brands labelled labeled labels dubbed termed
characterized characterised characterizing denounced denounces condemned condemns criticized criticised slammed
blasted rejected rejects denied denies welcomed welcomes expressed expresses voiced decried lamented deplored
deplores regretted reaffirmed reaffirms encouraged encourages regard regards regarded accused accuses referred
expressing calls urging recommends recommended requests requested decides decided found finds highlighted notes
dismissed dismisses hailed praised accusing denying rejecting describing calling
""".split())
# After these verbs "that" or a clause follows directly: "said the vote was ...".
CLAUSE_DIRECT = frozenset("""
saying
say said says added adds claimed claims insisted insists argued argues warned warns noted notes stressed stresses stated
states maintained maintains acknowledged acknowledges admitted admits announced announces conceded concedes
contended contends asserted asserts alleged alleges explained explains reiterated reiterates emphasized emphasised
confirmed confirms concluded concludes
""".split())
# Verbs that introduce indirect speech, with "that" or (CLAUSE_DIRECT) without it.
REPORTING = frozenset("""
say said says told tells added adds warned warns stated states noted notes argued argues insisted insists claimed claims
stressed stresses emphasized emphasised reiterated maintained asserted explained announced declared replied responded
countered acknowledged admitted concluded concludes confirmed alleged wrote writes complained cautioned contended
conceded recalled observed predicted vowed pledged promised threatened reported reports saying adding warning noting
stressing arguing insisting claiming explaining stating found finds believes believed assured informed reminded
""".split())
# Verbs whose object comes before "that": "told reporters that", "warned Pyongyang that".
TAKES_OBJECT = frozenset("told tells warned warns reminded assured informed urged".split())
# Nouns that write or voice words: their author is the speaker ("the resolution condemns", "the report said").
DOCUMENTS = frozenset("resolution draft text measure motion".split())
REPORTS = frozenset("report findings inquiry investigation study review assessment".split())
STATEMENTS = frozenset("statement communique communiqué declaration letter note".split())
OFFICIALS = frozenset("""ministry government spokesperson spokesman spokeswoman official embassy mission
delegation envoy ambassador diplomat authorities regime office""".split())
# What resolutions do ("It also encourages the Security Council to ...").
RESOLUTION_VERBS = frozenset("""condemns condemned urges urged calls called encourages encouraged expresses expressed
welcomes welcomed reaffirms reaffirmed demands demanded requests requested decides decided notes noted recognizes
recognises deplores deplored stresses stressed""".split())
# Resolution-passing bodies, most specific first.
RESOLUTION_BODIES = ("UNGA Third Committee", "UNGA plenary", "UNHRC", "UNSC")
REPORT_BODIES = ("UN COI", "OHCHR", "UN Special Rapporteur", "HRW", "AMNESTY", "UN")
# Words that may sit between a subject and its verb ("Kim also said", "South Korea last month said").
BETWEEN = frozenset("""also then later further again however still previously earlier recently repeatedly has have
had had been was is will would once separately last this next month week year day on in a an the monday tuesday
wednesday thursday friday saturday sunday""".split())
PREPOSITIONS = frozenset("""to at in on for toward towards with against about over into before after between among
than within during by of from under across through""".split())


def is_verb(token, words: frozenset) -> bool:
    """Whether a token is one of `words` used as a verb: "United States", "the alleged abuses", "reports of
    torture" are not verbs of saying."""
    if token.lower_ not in words or not (token.is_lower or token.is_sent_start):
        return False
    return token.pos_ not in ("NOUN", "PROPN", "ADJ") and token.dep_ != "amod"
