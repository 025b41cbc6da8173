"""The report's text as a page: one anchor per paragraph, and inside each paragraph
the quote of every data row drawn from it marked (``<mark>``) with an anchor of its
own, so that every number in the book links to the sentence that states it. Each
paragraph lists its rows (id, kind, numbers) in a small expandable block. Report
text is data: it is escaped, never interpreted as Markdown, MyST or HTML."""
from __future__ import annotations

import html
import re

import pandas as pd

from hemiplan import vocabulary
from hemiplan.present import provenance


def escape(text: str) -> str:
    # Line breaks as entities too: a blank line would end the raw HTML block, and the
    # rest of the text would be read as Markdown.
    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;").replace("\r", "&#13;").replace("\n", "&#10;")


def _badge(n: int, what: str) -> str:
    """'3 activities', '1 figure': how many data rows cite a paragraph."""
    return f'<span class="hemiplan-badge">{escape(vocabulary.plural(n, what))}</span>'


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text`` (start, end), whatever the spacing and line
    breaks between its words, exact case first; None when it is not there."""
    if _blank(quote):
        return None
    words = str(quote).split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    for flags in (0, re.IGNORECASE):
        m = re.search(pattern, str(text), flags)
        if m:
            return m.start(), m.end()
    return None


def _rows_of(activities: pd.DataFrame, indicators: pd.DataFrame) -> dict[str, list[dict]]:
    """The data rows of each paragraph: id, kind, quote and a one-line summary."""
    out: dict[str, list[dict]] = {}
    for a in activities.to_dict("records"):
        bits = [str(a.get("title") or "").strip()]
        if not _blank(a.get("events")):
            bits.append(vocabulary.plural(a["events"], "event"))
        if not _blank(a.get("participants")):
            q = a.get("participants_qualifier")
            bits.append(vocabulary.plural(a["participants"], "participant") + ("" if _blank(q) else f" ({q})"))
        out.setdefault(a["paragraph_id"], []).append(
            {"id": a["activity_id"], "kind": "activity", "quote": a.get("quote"), "summary": " · ".join(b for b in bits if b)})
    for i in indicators.to_dict("records"):
        value = "" if _blank(i.get("value")) else vocabulary.number(float(i["value"]))
        unit = "" if _blank(i.get("unit")) else f" {i['unit']}"
        q = "" if _blank(i.get("qualifier")) else f" ({i['qualifier']})"
        out.setdefault(i["paragraph_id"], []).append(
            {"id": i["indicator_id"], "kind": "stated figure", "quote": i.get("quote"),
             "summary": f"{i.get('indicator', '')}: {value}{unit}{q}"})
    return out


def marked_text(text: str, rows: list[dict]) -> tuple[str, set[str]]:
    """The paragraph's text, escaped, with each row's quote in a ``<mark>`` carrying
    the row's anchor; rows whose quotes overlap share one mark (the others' anchors
    open it). Returns the markup and the ids of the rows whose quote was found."""
    spans = []
    for r in rows:
        where = find_quote(text, r["quote"])
        if where:
            spans.append((where[0], where[1], r["id"]))
    spans.sort()
    groups: list[list] = []
    for start, end, rid in spans:
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(rid)
        else:
            groups.append([start, end, [rid]])
    out, pos = [], 0
    for start, end, ids in groups:
        extra = "".join(f'<span class="hemiplan-qanchor" id="{provenance.quote_anchor(i)}"></span>' for i in ids[1:])
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="hemiplan-quote" id="{provenance.quote_anchor(ids[0])}" '
                   f'title="{escape(", ".join(ids))}">{extra}{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out), {s[2] for s in spans}


def _row_list(rows: list[dict], found: set[str]) -> str:
    """The rows drawn from a paragraph, in a small expandable block; a row whose quote
    is not in the text (it should be: validation checks it) has its anchor here."""
    items = []
    for r in sorted(rows, key=lambda r: str(r["id"])):
        rid = escape(r["id"])
        if r["id"] in found:
            head = f'<a href="#{provenance.quote_anchor(r["id"])}">{rid}</a>'
        else:
            head = f'<span id="{provenance.quote_anchor(r["id"])}">{rid}</span> (quote not found in the text)'
        items.append(f"<li>{head} · {escape(r['kind'])} · {escape(r['summary'])}</li>")
    summary = escape(vocabulary.plural(len(rows), "data row") + " drawn from this paragraph")
    return f'<details class="hemiplan-rows"><summary>{summary}</summary><ul>{"".join(items)}</ul></details>'


def _paragraph(p, rows: list[dict], n_act: int, n_ind: int) -> str:
    badges = (_badge(n_act, "activity") if n_act else "") + (_badge(n_ind, "figure") if n_ind else "")
    lines = f"line {p.line_start}" if p.line_start == p.line_end else f"lines {p.line_start}–{p.line_end}"
    text, found = marked_text(str(p.text), rows)
    anchor = provenance.anchor(p.paragraph_id)
    labels = "".join(f"({provenance.quote_anchor(r['id'])})=\n" for r in sorted(rows, key=lambda r: str(r["id"])))
    return (f"({anchor})=\n{labels}"
            f'<div class="hemiplan-src-paragraph" id="{anchor}"><p><span class="hemiplan-pid">{escape(p.paragraph_id)}</span> '
            f'<span class="hemiplan-lines">{lines}</span> {badges}</p>'
            f"<p>{text}</p>{_row_list(rows, found) if rows else ''}</div>\n")


def page_markdown(paragraphs: pd.DataFrame, activities: pd.DataFrame, indicators: pd.DataFrame) -> str:
    """MyST Markdown for the source-text page: headings as in the report, then each
    paragraph with its id, an anchor, how many data rows cite it, its text with each
    row's quote marked, and the list of those rows."""
    rows = _rows_of(activities, indicators)
    n_act = activities.groupby("paragraph_id").size().to_dict()
    n_ind = indicators.groupby("paragraph_id").size().to_dict()
    out = []
    last = (None, None, None)
    for p in paragraphs.itertuples(index=False):
        if p.section != last[0]:
            out.append(f'<h2 class="hemiplan-src-section">{escape(vocabulary.section_label(p.section, p.section_title))}</h2>\n')
            last = (p.section, None, None)
        if p.subsection and p.subsection != last[1]:
            out.append(f'<h3 class="hemiplan-src-subsection">{escape(vocabulary.subsection_label(p.subsection, p.subsection_title))}</h3>\n')
            last = (last[0], p.subsection, None)
        if p.heading and p.heading != last[2]:
            out.append(f'<h4 class="hemiplan-src-heading">{escape(p.heading)}</h4>\n')
            last = (last[0], last[1], p.heading)
        out.append(_paragraph(p, rows.get(p.paragraph_id, []), n_act.get(p.paragraph_id, 0), n_ind.get(p.paragraph_id, 0)))
    return "\n".join(out)
