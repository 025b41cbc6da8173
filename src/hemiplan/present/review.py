"""The Review page of a draft edition: every draft row beside its paragraph, the
sentence it came from highlighted, with what to check (``hemiplan.analysis.review``).
Report text is data: escaped, never interpreted. The report's words (its paragraphs,
and what a row records from them) keep the report's language (``lang`` on a page of
another language, with a sentence saying so)."""
from __future__ import annotations

import html

from hemiplan import language, vocabulary
from hemiplan.analysis.review import LOG_COLUMNS, log_entries, pending
from hemiplan.data import schema
from hemiplan.data.csvio import read_text_table
from hemiplan.language import _, n_, p_
from hemiplan.present import book, marks, provenance
from hemiplan.present.sourcetext import escape, find_quote


def _kind(kind: str) -> str:
    """A draft row's kind as the page names it."""
    return {"activity": p_("data row kind", "activity"), "figure": p_("data row kind", "figure")}.get(kind, kind)


def _highlighted(text: str, quote: str) -> str:
    """The paragraph, escaped, its quote in ``<mark>`` (when it is found)."""
    span = find_quote(text, quote)
    if span is None:
        return escape(text)
    a, b = span
    return escape(text[:a]) + "<mark>" + escape(text[a:b]) + "</mark>" + escape(text[b:])


def _row(group: dict, r: dict, report_language: str | None = None) -> str:
    nothing = _("nothing flagged: read it against the sentence")
    checks = "".join(f"<li>{escape(c)}</li>" for c in r["checks"]) or f"<li>{escape(nothing)}</li>"
    # An activity's title is the report's words; a figure's name and unit are snake_case
    # codes of the data, in English whatever the report's language.
    what = marks.lang_span(escape(r["what"]), report_language if r["kind"] == "activity" else language.SOURCE)
    to_check = _("What to check:")
    return (f'<div class="hemiplan-review-row"><p><strong>{escape(r["id"])}</strong> · {escape(_kind(r["kind"]))}: '
            f'{what}</p>'
            f'<blockquote class="hemiplan-review-text"{marks.lang_attr(report_language)}>'
            f'{_highlighted(group["text"], r["quote"])}</blockquote>'
            f'<p>{escape(to_check)}</p><ul>{checks}</ul></div>')


def _group(g: dict, report_language: str | None = None) -> str:
    pid = g["paragraph_id"]
    link = f'<a href="{html.escape(provenance.href(pid), quote=True)}">{escape(pid)}</a>'
    n = len(g["rows"])
    badge = n_("{n} draft row", "{n} draft rows", n).format(n=vocabulary.number(n))
    heading = _("Paragraph {link}").format(link=link)
    return (f'<section class="hemiplan-review-paragraph"><h2>{heading} '
            f'<span class="hemiplan-badge">{escape(badge)}</span></h2>'
            + "".join(_row(g, r, report_language) for r in g["rows"]) + "</section>")


def review_page(ed) -> None:
    """Show the draft rows of an edition, by paragraph, with how to accept them."""
    text = {t: read_text_table(schema.table_path(t, ed.year, ed.data_dir))
            for t in ("paragraphs", "activities", "indicators")}  # cells as written, not typed
    groups = pending(text["paragraphs"], text["activities"], text["indicators"], ed.year)
    n = sum(len(g["rows"]) for g in groups)
    if not n:
        book.md(_("Every row of the {year} data is reviewed: nothing to check.").format(year=ed.year))
        return
    intro = n_("The {year} edition is a draft: {rows} in {paragraphs} is not yet reviewed.",
               "The {year} edition is a draft: {rows} in {paragraphs} are not yet reviewed.", n)
    rows = n_("{n} row", "{n} rows", n).format(n=vocabulary.number(n))
    paragraphs = n_("{n} paragraph", "{n} paragraphs", len(groups)).format(n=vocabulary.number(len(groups)))
    how = _("Check each against its highlighted sentence, correct the CSV files where needed, then accept the "
            "rows with `hemiplan accept --year {year} ID …` or `--paragraph PARAGRAPH_ID`.")
    note = book.quote_note(ed)
    book.md(intro.format(year=ed.year, rows=rows, paragraphs=paragraphs) + " " + how.format(year=ed.year)
            + (f"\n\n*{note}*" if note else ""))
    for g in groups:
        book.html(_group(g, ed.language), plain=_("Paragraph {paragraph}: {n} draft row(s)").format(
            paragraph=g["paragraph_id"], n=len(g["rows"])))


def _log_headers() -> dict[str, str]:
    return {"time": _("Time (UTC)"), "action": p_("review log", "Action"), "row_id": p_("review log", "Row"),
            "column": p_("review log", "Column"), "old": _("Old value"), "new": _("New value")}


def log_table(log) -> str:
    """The review log (``review_log.csv`` as text, or None) as an HTML table, every cell
    escaped; '' when there is no entry."""
    entries = log_entries(log)
    if entries.empty:
        return ""
    heads = _log_headers()
    head = "".join(f'<th scope="col">{escape(heads[c])}</th>' for c in LOG_COLUMNS)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(r[c]))}</td>" for c in LOG_COLUMNS) + "</tr>"
                   for r in entries.to_dict("records"))
    return (f'<div class="hemiplan-table-wrap"><table class="hemiplan-review-log"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def review_log(ed) -> None:
    """Show the year's review log (every change made in the review workbench), or say
    that there is none."""
    path = schema.table_path("review_log", ed.year, ed.data_dir)
    log = read_text_table(path) if path.is_file() else None
    markup = log_table(log)
    if not markup:
        book.md(_("No change has been made in the review workbench yet (`hemiplan review --year {year} --serve`).")
                .format(year=ed.year))
        return
    n = len(log_entries(log))
    book.md(n_("The review log: {n} change made in the review workbench, in the order made.",
               "The review log: {n} changes made in the review workbench, in the order made.", n)
            .format(n=vocabulary.number(n)))
    book.html(markup, plain=n_("The review log of {year}: {n} change", "The review log of {year}: {n} changes", n)
              .format(year=ed.year, n=n))
