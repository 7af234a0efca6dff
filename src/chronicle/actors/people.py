"""People: names from NER and from their surroundings, with the title and affiliation written around them.

"North Korean Ambassador to the U.N. Kim Song" (title before the name), "Britain's deputy ambassador, Thomas
Ashby," (title, comma, name) and "Koo Byoungsam, spokesperson of South Korea's Unification Ministry"
(appositive after it) all give a title and an affiliation. Only tokens and gazetteer names are needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.actors.matcher import Found
from chronicle.actors.vocab import (
    AFFILIATION_NOUNS,
    CONNECTORS,
    DESTINATION,
    NAME_CUES,
    NOT_AFFILIATED,
    ORG_NOUNS,
    SPOKES,
    STATE_HOLDERS,
    STATE_UNITS,
    TITLE_HEADS,
    TITLE_WORDS,
    TOPIC_TITLES,
)

_STOP = frozenset(",.;:!?()[]{}\"“”«»—–")
_NOT_NAMES = frozenset("""The A An He She It They We I This That These Those His Her Its Their Our Mr Ms Mrs Dr
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December In On At For But And As After Before When While Then Meanwhile""".split())
_VERBS = frozenset("""said says say told tells added adds speaks spoke speaking stated noted warned argued is was are
were has had have will would called calls described urged insisted claimed who which that whose""".split())
_NOT_LAST_NAMES = frozenset("""Policy Desk Briefing Daily Hall State Street Square Agency News Times Post Ministry
Office Committee Council Group Party Kilns Camp Prison Center Centre University Airport Province Region
District""".split())
MAX_TITLE = 14
_PLACE_PREPOSITIONS = frozenset(["in", "at", "from", "to", "near", "outside", "inside", "across"])
FOCUS_STATE, FOCUS_ORG, FOCUS_ANY = "@state", "@org", "@any"  # resolved against the mentions before the person


@dataclass(slots=True)
class PersonMention:
    """A written name of a person, with the title and affiliation found around this mention."""

    i: int
    j: int
    start: int
    end: int
    name: str
    title: str | None = None
    affiliation: str | None = None  # an actor id, or FOCUS_* when written "its", "the country's", ...
    extent_start: int = 0  # characters covering title + name + appositive
    extent_end: int = 0


def find_people(sdoc, names: list[Found]) -> list[PersonMention]:
    """Every person name: NER PERSON spans, and capitalised names after a title or next to a verb of saying."""
    gaz = [-1] * len(sdoc)
    for n, found in enumerate(names):
        for k in range(found.i, found.j):
            gaz[k] = n
    spans = [(e.start, e.end) for e in sdoc.ents if e.label_ == "PERSON"]
    # Places and dates NER is sure of are not names ("... mission in New York said").
    for ent in sdoc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            for k in range(ent.start, ent.end):
                gaz[k] = -2 if gaz[k] == -1 else gaz[k]
    spans += _by_context(sdoc, gaz)
    people = []
    taken = [False] * len(sdoc)
    for i, j in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        i, j = _trim(sdoc, i, j)
        if j <= i or any(taken[i:j]) or not _is_name(sdoc, i, j, gaz):
            continue
        for k in range(i, j):
            taken[k] = True
        mention = PersonMention(i, j, sdoc[i].idx, sdoc[j - 1].idx + len(sdoc[j - 1].text), _name(sdoc, i, j))
        mention.extent_start, mention.extent_end = mention.start, mention.end
        _describe(sdoc, mention, names, gaz, taken)
        people.append(mention)
    return people


def _trim(sdoc, i: int, j: int) -> tuple[int, int]:
    """Drop titles NER swallowed ("Ambassador Kim Song"), "the", and a possessive."""
    while i < j and (sdoc[i].lower_ in TITLE_WORDS or sdoc[i].lower_ in CONNECTORS or sdoc[i].is_punct):
        i += 1
    while j > i and (sdoc[j - 1].text in {"'s", "’s", "'", "’"} or sdoc[j - 1].is_punct):
        j -= 1
    return i, j


def _is_name(sdoc, i: int, j: int, gaz: list[int]) -> bool:
    tokens = sdoc[i:j]
    if j - i > 5 or "\n" in tokens.text or any(gaz[k] >= 0 for k in range(i, j)):
        return False
    if not tokens[0].text[:1].isupper() or tokens[0].text in _NOT_NAMES or all(t.is_upper for t in tokens):
        return False  # "JCS SAYS" is a headline, not a name
    if tokens[-1].text in _NOT_LAST_NAMES:
        return False  # "Cookie Policy", "Rakhine State", "Global Desk": NER's people that are not
    return all(t.text[:1].isupper() or t.text in {"-", "bin", "al", "van", "de", "von", "da", "del", "la"} or
               (k > i and sdoc[k - 1].text == "-") for k, t in zip(range(i, j), tokens, strict=True))


def _capitalised_run(sdoc, k: int, gaz: list[int], limit: int = 4) -> int:
    """End of the run of capitalised name words starting at k ("Lim Soo-suk", "Carmen Lucía Rondón")."""
    start, n = k, len(sdoc)
    while k < n and k - start < limit + 2 and gaz[k] == -1 and (
        (sdoc[k].is_alpha and sdoc[k].text[:1].isupper() and sdoc[k].text not in _NOT_NAMES and not sdoc[k].is_upper
         and sdoc[k].lower_ not in TITLE_WORDS and (k == start or not sdoc[k].is_sent_start))
        or (sdoc[k].text == "-" and k > start and k + 1 < n and sdoc[k + 1].is_alpha and not sdoc[k - 1].whitespace_)
        or (k > start and sdoc[k - 1].text == "-" and sdoc[k].is_alpha)
    ):
        k += 1
    return k


def _by_context(sdoc, gaz: list[int]) -> list[tuple[int, int]]:
    """Names NER misses (or calls ORG): after a title word or a verb of saying, before "said" or an appositive."""
    spans = []
    n = len(sdoc)
    for token in sdoc:
        low = token.lower_
        if low in TITLE_HEADS or low in NAME_CUES:
            end = _capitalised_run(sdoc, token.i + 1, gaz)
            if end > token.i + 1 and (low in TITLE_HEADS or end - token.i > 2):
                spans.append((token.i + 1, end))
        elif token.is_alpha and token.text[:1].isupper() and (token.i == 0 or not sdoc[token.i - 1].is_title):
            end = _capitalised_run(sdoc, token.i, gaz, 3)
            if token.i and sdoc[token.i - 1].lower_ in _PLACE_PREPOSITIONS:
                continue
            after_title = token.i >= 2 and sdoc[token.i - 1].text == "," and sdoc[token.i - 2].lower_ in TITLE_HEADS
            if end - token.i >= 2 and end < n and (
                after_title or sdoc[end].lower_ in NAME_CUES
                or (sdoc[end].text == "," and _appositive_after(sdoc, end, gaz))
            ):
                spans.append((token.i, end))
    return spans


def _name(sdoc, i: int, j: int) -> str:
    return " ".join(sdoc[i:j].text.split())


def _describe(sdoc, person: PersonMention, names: list[Found], gaz: list[int], taken: list[bool]) -> None:
    """Fill title, affiliation and extent from the title before the name, the appositive after it, and a
    "who ..." clause after those ("Wafa Haddad, who campaigns with a group of Syrian families")."""
    before = _title_before(sdoc, person.i, gaz, taken)
    if before is None and person.i >= 2 and sdoc[person.i - 1].text == "," and person.j < len(sdoc) \
            and (sdoc[person.j].text == "," or sdoc[person.j].lower_ in NAME_CUES):
        before = _title_before(sdoc, person.i - 1, gaz, taken)  # "Britain's deputy ambassador, Thomas Ashby,"
    after = _appositive_after(sdoc, person.j, gaz)
    clause = _relative_clause(sdoc, after[1] if after else person.j, gaz)
    spans = [s for s in (before, after) if s is not None]
    for a, b in spans:
        title, affiliation = _split_title(sdoc, a, b, names, gaz)
        person.title = person.title or title
        if person.affiliation in (None, FOCUS_ANY, FOCUS_STATE) and affiliation is not None:
            person.affiliation = affiliation if person.affiliation is None or affiliation[0] != "@" \
                else person.affiliation
    if person.affiliation is None and clause is not None:
        person.affiliation = _split_title(sdoc, clause[0], clause[1], names, gaz)[1]
    if spans:
        person.extent_start = min(person.start, sdoc[spans[0][0]].idx)
        last = spans[-1][1] - 1
        person.extent_end = max(person.end, sdoc[last].idx + len(sdoc[last].text))


def _title_before(sdoc, end: int, gaz: list[int], taken: list[bool]) -> tuple[int, int] | None:
    """Token span of the title written right before `end` ("South Korean Foreign Ministry spokesperson")."""
    k = end
    while k > 0 and end - k < MAX_TITLE:
        token = sdoc[k - 1]
        if token.text in _STOP or "\n" in token.text or "\n" in token.whitespace_ or taken[k - 1]:
            break
        if not (gaz[k - 1] >= 0 or token.lower_ in TITLE_WORDS or token.lower_ in CONNECTORS
                or token.lower_ in ("its", "their") or _adjective(token)
                or (token.is_alpha and token.text[:1].isupper() and token.text not in _NOT_NAMES)):
            break
        k -= 1
        if token.is_sent_start:
            break
    # The title starts at a title word, a possessive or a named state or body, never at a stray capitalised word.
    while k < end and not (gaz[k] >= 0 or sdoc[k].lower_ in TITLE_WORDS or sdoc[k].lower_ in ("its", "their")):
        k += 1
    while k < end and sdoc[k].lower_ in CONNECTORS:
        k += 1
    if k == end or not any(sdoc[m].lower_ in TITLE_HEADS or (sdoc[m].lower_ in TITLE_WORDS and gaz[m] < 0)
                           for m in range(k, end)):
        return None
    return k, end


def _adjective(token) -> bool:
    """A lower-case modifier inside a title ("deputy regional director", "foreign policy spokesperson")."""
    if token.pos_:
        return token.pos_ in ("ADJ", "NOUN") and token.is_lower and token.is_alpha
    return token.is_lower and token.text.endswith(("al", "ive", "ian", "ic", "ary", "ior"))


def _appositive_after(sdoc, j: int, gaz: list[int]) -> tuple[int, int] | None:
    """Token span of an appositive title after a name (", North Korea's ambassador to the United Nations,")."""
    n = len(sdoc)
    if j >= n or sdoc[j].text != ",":
        return None
    a = j + 1
    k = a
    while k < n and k - a < MAX_TITLE + 2:
        token = sdoc[k]
        if token.text in _STOP or "\n" in token.text or (token.lower_ in _VERBS and gaz[k] < 0):
            break
        k += 1
    while a < k and sdoc[a].lower_ in {"the", "a", "an", "who", "as"}:
        if sdoc[a].lower_ in {"who", "as"}:
            return None
        a += 1
    if a >= k or not any(sdoc[m].lower_ in TITLE_HEADS and gaz[m] < 0 for m in range(a, k)):
        return None
    return a, k


def _relative_clause(sdoc, j: int, gaz: list[int]) -> tuple[int, int] | None:
    """Token span of a "who ..." clause after a name or its appositive (", a lecturer from Herat who left
    Afghanistan ..."), up to the next punctuation."""
    n = len(sdoc)
    k = j + 1 if j < n and sdoc[j].text == "," else j
    while k < n and k - j < MAX_TITLE and sdoc[k].lower_ != "who":
        if sdoc[k].text in _STOP or "\n" in sdoc[k].text or (sdoc[k].lower_ in _VERBS and gaz[k] < 0):
            return None
        k += 1
    if k >= n or sdoc[k].lower_ != "who":
        return None
    end = k + 1
    while end < n and end - k < MAX_TITLE + 2 and sdoc[end].text not in _STOP and "\n" not in sdoc[end].text:
        end += 1
    return (k + 1, end) if end > k + 1 else None


def _split_title(sdoc, a: int, b: int, names: list[Found], gaz: list[int]) -> tuple[str | None, str | None]:
    """(title, affiliation) of a title phrase. The affiliation is the first named state or body not after
    "to"/"in"/"for" ("ambassador to the U.N." is not the UN's), or "its"/"the country's"/"the group's" (resolved
    later against the text before); a leading affiliation ("North Korean", "Russia's") is not part of the title."""
    affiliation = None
    title_start = a
    k = a
    while k < b:
        low = sdoc[k].lower_
        if low in NOT_AFFILIATED and k + 1 < b and gaz[k + 1] >= 0:
            break  # "a former Swedish diplomat" has no current affiliation
        focus = _focus(sdoc, k, a, b)
        if focus is not None:
            affiliation = focus
            if k <= a + 1:
                # "Its deputy envoy", "the group's researcher": the possessive is not part of the title.
                title_start = k + 1 if low in ("its", "their") else k + (3 if low == "the" else 2)
            break
        if gaz[k] < 0:
            k += 1
            continue
        found = names[gaz[k]]
        prev = k - 1
        while prev >= a and sdoc[prev].lower_ in {"the", "a", "an"}:
            prev -= 1
        host = found.j < len(sdoc) and sdoc[found.j].lower_ in ("ambassador", "mission", "envoy", "delegation") \
            and found.entry.id == "UN"
        # "a spokesperson for the UN human rights office" speaks for it; "an envoy for Myanmar" is about it.
        spokes = prev >= a + 1 and sdoc[prev].lower_ == "for" and sdoc[prev - 1].lower_ in SPOKES
        if found.entry.kind == "state" and found.entry.form == "name" and found.j < b \
                and sdoc[found.j].lower_ in TOPIC_TITLES:
            k = found.j  # "a Syria researcher at Amnesty International": Syria is the subject, not the employer
            continue
        if found.entry.kind != "media" and not host and (prev < a or spokes or sdoc[prev].lower_ not in DESTINATION):
            affiliation = found.entry.id
            if prev < a:
                title_start = found.j
                while title_start < b and sdoc[title_start].text in {"'s", "’s", "'", "’", "-"}:
                    title_start += 1
            break
        k = found.j
    if affiliation is None and any(sdoc[m].lower_ in STATE_UNITS for m in range(a, b)):
        affiliation = FOCUS_STATE  # "Foreign Ministry press secretary", "a military spokesman": the state in focus
    elif affiliation is None and any(sdoc[m].lower_ in SPOKES for m in range(a, b)):
        affiliation = FOCUS_ANY  # "Spokesperson Liu Jiankang": for the actor the paragraph is about
    if not any(sdoc[m].lower_ in TITLE_HEADS for m in range(title_start, b)):
        title_start = a
    title = sdoc[title_start:b].text.strip() if title_start < b else None
    return title or None, affiliation


def _focus(sdoc, k: int, a: int, b: int) -> str | None:
    """"its"/"their" or "the country's"/"the group's"/"the delegation" standing for an actor named earlier."""
    low = sdoc[k].lower_
    if low in ("its", "their"):
        return FOCUS_ANY
    if low == "the" and k + 1 < b:
        k += 1
    elif k != a or not (k > 0 and sdoc[k - 1].lower_ == "the"):
        return None
    noun = sdoc[k].lower_
    possessive = k + 1 < len(sdoc) and sdoc[k + 1].text in ("'s", "’s")
    if noun in STATE_HOLDERS and (possessive or noun in AFFILIATION_NOUNS):
        return FOCUS_STATE
    if noun in ORG_NOUNS and possessive:
        return FOCUS_ORG
    return None
