"""HTML fragments built in Python: every piece of stored text goes through `escape` before it meets markup.

Stored text is untrusted (article text, titles, URLs, speaker names come from the web), so nothing here
ever concatenates it unescaped, and only http(s) URLs become links.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a `javascript:` or `data:` URL is never a link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def path_part(value: str) -> str:
    """An id as one URL path segment (cluster ids hold spaces and `|`)."""
    return quote(value, safe="")


_MARKED = re.compile(r"\[([^\[\]]*)\]")


def snippet_html(snippet: str | None) -> Markup:
    """An FTS5 snippet with its [matches] as <mark>: escaped first, then the brackets replaced."""
    text = str(escape(snippet or ""))
    return Markup(_MARKED.sub(r"<mark>\1</mark>", text))


def article_html(text: str, records: dict[str, list[dict[str, Any]]]) -> Markup:
    """The clean text with quotes highlighted (their speaker shown before each), actors marked and every
    record's evidence span anchored, so that a record can link to `#quote-N`, `#resolution-N`, ..."""
    spans = []  # (start, end, class, anchor id, title, actor id)
    for i, q in enumerate(records.get("quotes", [])):
        if q.get("start") is not None and q.get("end") is not None:
            who = q.get("speaker_name") or q.get("speaker") or "unattributed"
            spans.append((q["start"], q["end"], "quote", f"quote-{i}", who, None))
    for a in records.get("actors", []):
        for m in a.get("mentions") or []:
            spans.append((m[0], m[1], "actor", None, a.get("name") or a["actor_id"], a["actor_id"]))
    for table in ("resolutions", "reactions", "events"):
        for i, r in enumerate(records.get(table, [])):
            for j, (s, e) in enumerate(r.get("evidence") or []):
                spans.append((s, e, "evidence", f"{table[:-1]}-{i}" + (f"-{j}" if j else ""), None, None))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        starting = [s for s in spans if s[0] == a]
        for s in starting:
            if s[3]:
                out.append(f'<span class="anchor" id="{escape(s[3])}"></span>')
            if s[2] == "quote":
                out.append(f'<span class="speaker">{escape(s[4])}</span>')
        covering = [s for s in spans if s[0] <= a and s[1] >= b]
        piece = str(escape(text[a:b]))
        classes = sorted({s[2] for s in covering})
        quote_by = next((s[4] for s in covering if s[2] == "quote"), None)
        actor_id = next((s[5] for s in covering if s[2] == "actor"), None)
        title = f' title="{escape(quote_by)}"' if quote_by else ""
        if actor_id:
            href = f"/actors/{path_part(actor_id)}"
            out.append(f'<a class="{" ".join(classes)}" href="{escape(href)}"{title}>{piece}</a>')
        elif classes:
            out.append(f'<span class="{" ".join(classes)}"{title}>{piece}</span>')
        else:
            out.append(piece)
    return Markup("".join(out))


def removed_html(raw: str, removed: list[dict[str, Any]]) -> Markup:
    """The raw text with each removed span struck out (<del>, its reason as title)."""
    out, at = [], 0
    for r in sorted(removed, key=lambda r: (r["start"], r["end"])):
        if r["start"] < at:
            continue
        out.append(str(escape(raw[at : r["start"]])))
        out.append(f'<del class="removed" title="{escape(r["reason"])}">{escape(raw[r["start"] : r["end"]])}</del>')
        at = r["end"]
    out.append(str(escape(raw[at:])))
    return Markup("".join(out))


def tally(value: str | None) -> dict[str, int] | None:
    """'yes-no-abstain' (as timeline.resolutions gives it) as a dict."""
    if not value:
        return None
    try:
        yes, no, abstain = (int(v) for v in value.split("-"))
    except ValueError:
        return None
    return {"yes": yes, "no": no, "abstain": abstain}


# The stages of a year's resolutions on a state, furthest along first: the General Assembly plenary adopts what its
# Third Committee passed ("UNGA" is a report that names the Assembly without the stage), the Human Rights Council
# votes apart; any other body (the Security Council) comes after them.
STAGES = ("UNGA plenary", "UNGA", "UNGA Third Committee", "UNHRC")


def stage_rank(body: str | None) -> int:
    return STAGES.index(body) if body in STAGES else len(STAGES)


def chart_data(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the country chart plots: one entry per reported year, oldest first (static/country.js draws it).

    A year with a recorded tally is a `votes` mark with the tally of the furthest stage that has one; else the
    furthest stage adopted by consensus or without a vote gives the mark; else it is `reported`. `stages` lists
    every resolution of the year, furthest stage first, for the hover text; `cosponsors` is the most any of
    them reports."""
    by_year: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        if r["year"] is not None:
            by_year.setdefault(r["year"], []).append(r)
    out = []
    for year, found in sorted(by_year.items()):
        stages = sorted(
            ({"id": r["id"], "body": r["body"] or "?", "status": r["status"], "adoption": r["adoption"],
              "votes": tally(r["tally"]), "cosponsors": r["cosponsor_count"], "streak": r["streak"],
              "sources": r.get("sources") or 0} for r in found),
            key=lambda s: (stage_rank(s["body"]), -s["sources"], s["id"]),
        )  # fmt: skip
        voted = [s for s in stages if s["votes"]]
        settled = [s for s in stages if s["adoption"] in ("consensus", "without_vote")]
        shown = (voted or settled or stages)[0]
        mark = "votes" if voted else shown["adoption"] if settled else "reported"
        counts = [s["cosponsors"] for s in stages if s["cosponsors"] is not None]
        out.append({"year": year, "mark": mark, "body": shown["body"], "votes": shown["votes"],
                    "cosponsors": max(counts) if counts else None, "stages": stages})  # fmt: skip
    return out
