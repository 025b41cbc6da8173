"""The Review page of a draft edition: every draft row beside its paragraph, the
sentence it came from highlighted, with what to check (``hemiplan.analysis.review``).
Report text is data: escaped, never interpreted."""
from __future__ import annotations

import html

from hemiplan import vocabulary
from hemiplan.analysis.review import pending
from hemiplan.data import schema
from hemiplan.data.csvio import read_text_table
from hemiplan.present import book, provenance
from hemiplan.present.sourcetext import escape, find_quote


def _highlighted(text: str, quote: str) -> str:
    """The paragraph, escaped, its quote in ``<mark>`` (when it is found)."""
    span = find_quote(text, quote)
    if span is None:
        return escape(text)
    a, b = span
    return escape(text[:a]) + "<mark>" + escape(text[a:b]) + "</mark>" + escape(text[b:])


def _row(group: dict, r: dict) -> str:
    checks = "".join(f"<li>{escape(c)}</li>" for c in r["checks"]) or "<li>nothing flagged: read it against the sentence</li>"
    return (f'<div class="hemiplan-review-row"><p><strong>{escape(r["id"])}</strong> · {escape(r["kind"])}: '
            f'{escape(r["what"])}</p>'
            f'<blockquote class="hemiplan-review-text">{_highlighted(group["text"], r["quote"])}</blockquote>'
            f'<p>What to check:</p><ul>{checks}</ul></div>')


def _group(g: dict) -> str:
    pid = g["paragraph_id"]
    link = f'<a href="{html.escape(provenance.href(pid), quote=True)}">{escape(pid)}</a>'
    return (f'<section class="hemiplan-review-paragraph"><h2>Paragraph {link} '
            f'<span class="hemiplan-badge">{escape(vocabulary.plural(len(g["rows"]), "draft row"))}</span></h2>'
            + "".join(_row(g, r) for r in g["rows"]) + "</section>")


def review_page(ed) -> None:
    """Show the draft rows of an edition, by paragraph, with how to accept them."""
    text = {t: read_text_table(schema.table_path(t, ed.year, ed.data_dir))
            for t in ("paragraphs", "activities", "indicators")}  # cells as written, not typed
    groups = pending(text["paragraphs"], text["activities"], text["indicators"], ed.year)
    n = sum(len(g["rows"]) for g in groups)
    if not n:
        book.md(f"Every row of the {ed.year} data is reviewed: nothing to check.")
        return
    book.md(f"The {ed.year} edition is a draft: {vocabulary.plural(n, 'row')} in "
            f"{vocabulary.plural(len(groups), 'paragraph')} are not yet reviewed. Check each against its "
            f"highlighted sentence, correct the CSV files where needed, then accept the rows with "
            f"`hemiplan accept --year {ed.year} ID …` or `--paragraph PARAGRAPH_ID`.")
    for g in groups:
        book.html(_group(g), plain=f"Paragraph {g['paragraph_id']}: {len(g['rows'])} draft row(s)")
