"""The report's text as a page: one anchor per paragraph, so that every number in
the book links to the sentence that states it. Report text is data: it is escaped,
never interpreted as Markdown, MyST or HTML."""
from __future__ import annotations

import html

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


def page_markdown(paragraphs: pd.DataFrame, activities: pd.DataFrame, indicators: pd.DataFrame) -> str:
    """MyST Markdown for the source-text page: headings as in the report, then each
    paragraph with its id, an anchor, and how many data rows cite it."""
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
        badges = ""
        if n_act.get(p.paragraph_id):
            badges += _badge(n_act[p.paragraph_id], "activity")
        if n_ind.get(p.paragraph_id):
            badges += _badge(n_ind[p.paragraph_id], "figure")
        lines = f"line {p.line_start}" if p.line_start == p.line_end else f"lines {p.line_start}–{p.line_end}"
        out.append(
            f"({provenance.anchor(p.paragraph_id)})=\n"
            f'<div class="hemiplan-src-paragraph" id="{provenance.anchor(p.paragraph_id)}"><p><span class="hemiplan-pid">{escape(p.paragraph_id)}</span> '
            f'<span class="hemiplan-lines">{lines}</span> {badges}</p>'
            f"<p>{escape(p.text)}</p></div>\n")
    return "\n".join(out)
