"""The report's text as a page: one anchor per paragraph, and inside each paragraph
the quote of every data row drawn from it marked (``<mark>``) with an anchor of its
own, so that every number in the book links to the sentence that states it. Each
paragraph lists its rows (id, kind, numbers) in a small expandable block. Report
text is data: it is escaped, never interpreted as Markdown, MyST or HTML."""
from __future__ import annotations

import html
import re

import pandas as pd

from hemiplan import language, vocabulary
from hemiplan.data import labels, names
from hemiplan.language import _, n_, np_, p_
from hemiplan.present import marks, provenance


def escape(text: str) -> str:
    # Line breaks as entities too: a blank line would end the raw HTML block, and the
    # rest of the text would be read as Markdown.
    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;").replace("\r", "&#13;").replace("\n", "&#10;")


def _badge(text: str) -> str:
    """'3 activities', '1 figure': how many data rows cite a paragraph."""
    return f'<span class="hemiplan-badge">{escape(text)}</span>'


def _badges(n_act: int, n_ind: int) -> str:
    out = ""
    if n_act:
        out += _badge(np_("source text badge", "{n} activity", "{n} activities", n_act).format(n=vocabulary.number(n_act)))
    if n_ind:
        out += _badge(np_("source text badge", "{n} figure", "{n} figures", n_ind).format(n=vocabulary.number(n_ind)))
    return out


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


def _qualifier(q) -> str:
    """A qualifier after a number: the code as the data write it on English pages
    ('approx'), its label in another language ('aproximadamente')."""
    if _blank(q):
        return ""
    if language.current() == language.SOURCE:
        return f" ({q})"
    try:
        return f" ({labels.qualifier_label(q)})"
    except labels.UnknownValue:
        return f" ({q})"


def _titles(activities: pd.DataFrame, translations, report_language: str) -> list:
    """Each activity's title for the page: as written on a page in the report's language;
    else its reviewed translation into the page's language, or its title as written,
    marked with the report's language."""
    given = [str(t or "").strip() for t in activities.get("title", pd.Series([""] * len(activities)))]
    if not marks.other(report_language):
        return given
    if translations is None or "title" not in activities or language.current() == language.SOURCE:
        return [marks.Marked(t, report_language) if t else t for t in given]
    shown = names.titles(activities, translations)
    return [marks.Marked(g, report_language) if isinstance(t, names.English) else str(t).strip()
            for t, g in zip(shown, given)]


def _rows_of(activities: pd.DataFrame, indicators: pd.DataFrame, translations=None,
             report_language: str = language.SOURCE) -> dict[str, list[dict]]:
    """The data rows of each paragraph: id, kind, quote and a one-line summary (parts
    in the report's language marked with it, see :func:`_summary`)."""
    out: dict[str, list[dict]] = {}
    for a, title in zip(activities.to_dict("records"), _titles(activities, translations, report_language)):
        bits = [title]
        if not _blank(a.get("events")):
            bits.append(n_("{n} event", "{n} events", a["events"]).format(n=vocabulary.number(a["events"])))
        if not _blank(a.get("participants")):
            bits.append(n_("{n} participant", "{n} participants", a["participants"]).format(
                n=vocabulary.number(a["participants"])) + _qualifier(a.get("participants_qualifier")))
        out.setdefault(a["paragraph_id"], []).append(
            {"id": a["activity_id"], "kind": p_("data row kind", "activity"), "quote": a.get("quote"),
             "summary": [b for b in bits if b]})
    for i in indicators.to_dict("records"):
        value = "" if _blank(i.get("value")) else vocabulary.number(float(i["value"]))
        unit = "" if _blank(i.get("unit")) else f" {i['unit']}"
        q = _qualifier(i.get("qualifier"))
        # The figure's name and unit are snake_case codes of the data, in English
        # whatever the report's language.
        out.setdefault(i["paragraph_id"], []).append(
            {"id": i["indicator_id"], "kind": p_("data row kind", "stated figure"), "quote": i.get("quote"),
             "summary": [marks.Marked(f"{i.get('indicator', '')}: {value}{unit}", language.SOURCE), q]})
    return out


def _summary(parts) -> str:
    """A row's summary, escaped, its parts joined by ' · ' (an indicator's qualifier
    follows its value); a part in another language than the page's in ``<span lang>``."""
    out = []
    for part in (p for p in parts if p):
        text = marks.lang_span(escape(part), marks.value_lang(part))
        if out and str(part).startswith(" ("):
            out[-1] += text
        else:
            out.append(text)
    return " · ".join(out)


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
            head = (f'<span id="{provenance.quote_anchor(r["id"])}">{rid}</span> '
                    + escape(_("(quote not found in the text)")))
        items.append(f"<li>{head} · {escape(r['kind'])} · {_summary(r['summary'])}</li>")
    summary = escape(n_("{n} data row drawn from this paragraph", "{n} data rows drawn from this paragraph",
                        len(rows)).format(n=vocabulary.number(len(rows))))
    return f'<details class="hemiplan-rows"><summary>{summary}</summary><ul>{"".join(items)}</ul></details>'


def _paragraph(p, rows: list[dict], n_act: int, n_ind: int, lang: str = "") -> str:
    badges = _badges(n_act, n_ind)
    lines = (_("line {line}").format(line=p.line_start) if p.line_start == p.line_end
             else _("lines {start}–{end}").format(start=p.line_start, end=p.line_end))
    text, found = marked_text(str(p.text), rows)
    anchor = provenance.anchor(p.paragraph_id)
    labels = "".join(f"({provenance.quote_anchor(r['id'])})=\n" for r in sorted(rows, key=lambda r: str(r["id"])))
    return (f"({anchor})=\n{labels}"
            f'<div class="hemiplan-src-paragraph" id="{anchor}"><p><span class="hemiplan-pid">{escape(p.paragraph_id)}</span> '
            f'<span class="hemiplan-lines">{lines}</span> {badges}</p>'
            f"<p{lang}>{text}</p>{_row_list(rows, found) if rows else ''}</div>\n")


def page_markdown(paragraphs: pd.DataFrame, activities: pd.DataFrame, indicators: pd.DataFrame, *,
                  report_language: str | None = None, translations: pd.DataFrame | None = None) -> str:
    """MyST Markdown for the source-text page: headings as in the report, then each
    paragraph with its id, an anchor, how many data rows cite it, its text with each
    row's quote marked, and the list of those rows. ``report_language`` is the report's
    (``ed.language``, English by default): on a page in another language, the report's
    headings and paragraphs carry it as ``lang`` and a sentence first says so;
    ``translations`` (``ed.translations``) gives the activities' titles in the page's
    language."""
    report_language = report_language or language.SOURCE
    lang = marks.lang_attr(report_language)
    rows = _rows_of(activities, indicators, translations, report_language)
    n_act = activities.groupby("paragraph_id").size().to_dict()
    n_ind = indicators.groupby("paragraph_id").size().to_dict()
    note = marks.text_note(report_language)
    out = [f'<p class="hemiplan-lang-note">{escape(note)}</p>\n'] if note else []
    last = (None, None, None)
    for p in paragraphs.itertuples(index=False):
        if p.section != last[0]:
            out.append(f'<h2 class="hemiplan-src-section"{lang}>'
                       f'{escape(vocabulary.section_label(p.section, p.section_title))}</h2>\n')
            last = (p.section, None, None)
        if p.subsection and p.subsection != last[1]:
            out.append(f'<h3 class="hemiplan-src-subsection"{lang}>'
                       f'{escape(vocabulary.subsection_label(p.subsection, p.subsection_title))}</h3>\n')
            last = (last[0], p.subsection, None)
        if p.heading and p.heading != last[2]:
            out.append(f'<h4 class="hemiplan-src-heading"{lang}>{escape(p.heading)}</h4>\n')
            last = (last[0], last[1], p.heading)
        out.append(_paragraph(p, rows.get(p.paragraph_id, []), n_act.get(p.paragraph_id, 0),
                              n_ind.get(p.paragraph_id, 0), lang))
    return "\n".join(out)
