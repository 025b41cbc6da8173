"""DataFrame → HTML table with reader-facing headers, formatted numbers and links
from each row to the paragraph (or the quote of the data row) of the report it comes
from. All cell text is escaped: report text is data, never markup.

Tables are made to fit the page: each sits in a box that scrolls sideways on its own
(the stylesheet lets it use the page's margin on wide screens and keeps the first
column in view on narrow ones); long text is shortened with the full text in its
``title``; a row cites its sources with one compact link; a table of
:data:`SORTABLE_ROWS` rows or more is marked sortable (the site's script makes it
sortable and filterable). The markup holds no random id, so outputs are deterministic."""
from __future__ import annotations

import html
import numbers as _numbers
import re

import pandas as pd
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from hemiplan import language
from hemiplan.language import _, p_
from hemiplan.present import marks, provenance
from hemiplan.vocabulary import short_id

EMPTY = "–"
#: Text cells longer than this are shortened at a word (the full text on hover).
SHORT_TEXT = 64
#: Tables with at least this many body rows can be sorted and filtered.
SORTABLE_ROWS = 10
#: A first-column cell starting with this is a sub-row of the row above: such a table
#: has an order of its own and is not offered for sorting.
SUB_ROW = "↳"
#: Columns that name the data row a table row shows: its source link goes to that row's quote.
QUOTE_COLUMNS = ("activity_id", "indicator_id")
#: A number written as text, perhaps with a qualifier ("228", "about 300", "≥ 20", "1,200+"):
#: a column of these is aligned and sorted as numbers.
_NUMBERLIKE = re.compile(r"(?:(?:about|approximately|around|at least|over|more than|up to|some|~|≈|≥|>|<|≤)\s*)?"
                         r"(\d[\d,]*(?:\.\d+)?)\s*\+?", re.IGNORECASE)
#: The same on a page in another language, written with its qualifiers and separators
#: (CLDR: "unos 300", "más de 1.200", "12,5").
_NUMBERLIKE_OTHER = re.compile(r"(?:(?:aproximadamente|alrededor de|al menos|más de|hasta|unos|unas|cerca de"
                               r"|about|approximately|around|at least|over|more than|up to|some|~|≈|≥|>|<|≤)\s*)?"
                               r"(\d[\d.\u00a0\u202f]*(?:,\d+)?)\s*\+?", re.IGNORECASE)


def _numberlike_pattern() -> re.Pattern:
    return _NUMBERLIKE if language.current() == language.SOURCE else _NUMBERLIKE_OTHER


def format_value(value, decimals: int = 0) -> str:
    """Thousands separators for numbers, an en dash for missing values."""
    if value is None or (not isinstance(value, (list, tuple, str)) and pd.isna(value)):
        return EMPTY
    if isinstance(value, bool):
        return p_("table cell", "yes") if value else p_("table cell", "no")
    if isinstance(value, _numbers.Integral):
        return _grouped(int(value))
    if isinstance(value, _numbers.Real):
        v = float(value)
        if v.is_integer() and decimals == 0:
            return _grouped(int(v))
        return _grouped(v, max(decimals, 1))
    return str(value)


def _grouped(value, decimals: int = 0) -> str:
    """A number with the page's thousands separator and ``decimals`` decimals: '1,204.5'
    in English (as Python writes it), '1204,5' or '12.040' in Spanish (CLDR)."""
    if language.current() == language.SOURCE:
        return f"{value:,.{decimals}f}" if decimals else f"{int(value):,}"
    return format_decimal(value, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale=language.cldr())


def _parse_number(text: str) -> float:
    """The value of a number written with the page's separators ('1,200', '1.200')."""
    if language.current() == language.SOURCE:
        return float(text.replace(",", ""))
    loc = language.cldr()
    decimal = get_decimal_symbol(loc)
    for sep in sorted({get_group_symbol(loc), "\u00a0", "\u202f", "."} - {decimal}):
        text = text.replace(sep, "")
    return float(text.replace(decimal, "."))


def _escape(text: str) -> str:
    # Braces escaped too, so that MyST substitutions never see report text.
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def _ids(ids) -> list[str]:
    if ids is None or (not isinstance(ids, (list, tuple)) and pd.isna(ids)):
        return []
    items = ids if isinstance(ids, (list, tuple)) else [i for i in str(ids).split(";") if i]
    return sorted(dict.fromkeys(str(i).strip() for i in items if str(i).strip()), key=provenance.order_key)


def _source_cell(ids, depth: int, quotes=None) -> str:
    """One compact link per row, to the first source in report order (or, when the
    row names the data row it shows, to that row's quote); the others are named in
    its title and counted after it (the CSV download lists them all)."""
    items = _ids(ids)
    if not items:
        return EMPTY
    # In the order given: an aggregated row lists its data rows in report order, the
    # first quoted in the first source paragraph (analysis.frames.rows_in_order).
    given = [] if quotes is None or (not isinstance(quotes, (list, tuple)) and pd.isna(quotes)) else (
        quotes if isinstance(quotes, (list, tuple)) else str(quotes).split(";"))
    rows = [q for q in dict.fromkeys(str(q).strip() for q in given) if provenance.is_row_id(q)]
    title = _("Read it in the report: {sources}").format(sources=", ".join(items))
    link = (f'<a class="hemiplan-src" href="{provenance.href(rows[0] if rows else items[0], depth)}" '
            f'title="{_escape(title)}">{_escape(short_id(items[0]))}</a>')
    if len(items) > 1:
        link += f' <span class="hemiplan-more" title="{_escape(title)}">+{len(items) - 1}</span>'
    return link


def shorten(text: str, limit: int = SHORT_TEXT) -> str:
    """``text`` cut at the last word that fits in ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–-(")
    return (cut or text[:limit]) + "…"


def _text(value) -> str:
    """A text cell, escaped; a name in another language than the page's (a
    ``names.English`` name on a Spanish page) in ``<span lang="en">``."""
    shown = format_value(value)
    short = shorten(shown)
    if short == shown:
        return marks.lang_span(_escape(shown), marks.value_lang(value))
    # The short text on screen (the full text on hover), the full text in print.
    lang = marks.lang_attr(marks.value_lang(value))
    return (f'<span class="hemiplan-short" title="{_escape(shown)}"{lang}>{_escape(short)}</span>'
            f'<span class="hemiplan-full"{lang}>{_escape(shown)}</span>')


def _header(cols, headers: dict[str, str], source: str | None, numeric: set) -> str:
    cells = []
    for c in cols:
        label = headers.get(c, p_("table header", "Source") if c == source else str(c).replace("_", " ").capitalize())
        cls = ' class="num"' if c in numeric else ""
        cells.append(f'<th scope="col"{cls}>{_escape(label)}</th>')
    return "<thead><tr>" + "".join(cells) + "</tr></thead>"


def _number_cell(value, column, decimals: int) -> str:
    """A right-aligned number; its sort key (``data-order``) is the value itself, a
    missing value sorting below every number."""
    shown = format_value(value, decimals)
    if "year" in str(column).lower() and shown != EMPTY:
        shown = shown.replace(",", "").replace(get_group_symbol(language.cldr()), "")  # 2014, not 2,014
    order = "-1e300" if shown == EMPTY else repr(float(value))
    return f'<td class="num" data-order="{order}">{_escape(shown)}</td>'


def _numberlike(series: pd.Series) -> bool:
    """Whether a text column holds numbers written as text (and at least one)."""
    text = [str(v).strip() for v in series if not (v is None or (not isinstance(v, str) and pd.isna(v)))]
    text = [t for t in text if t and t != EMPTY]
    return bool(text) and all(_numberlike_pattern().fullmatch(t) for t in text)


def _numberlike_cell(value) -> str:
    shown = format_value(value)
    m = _numberlike_pattern().fullmatch(shown.strip())
    order = repr(_parse_number(m.group(1))) if m else "-1e300"
    return f'<td class="num" data-order="{order}">{_escape(shown)}</td>'


def _row(row, cols, source, numeric, decimals, hrefs, i, depth, is_total, quotes=None) -> str:
    out = []
    for c, v in zip(cols, row):
        if c == source:
            out.append(f'<td class="hemiplan-source">{_source_cell(v, depth, quotes[i] if quotes else None)}</td>')
        elif c in numeric and numeric[c] == "text":
            out.append(_numberlike_cell(v))
        elif c in numeric:
            out.append(_number_cell(v, c, decimals.get(c, 0)))
        else:
            tag = "th" if (c == cols[0] and not is_total) else "td"
            scope = ' scope="row"' if tag == "th" else ""
            text = _text(v)
            if c in hrefs and hrefs[c][i]:
                text = f'<a href="{_escape(hrefs[c][i])}">{text}</a>'
            out.append(f"<{tag}{scope}>{'<strong>' + text + '</strong>' if is_total else text}</{tag}>")
    return ('<tr class="total">' if is_total else "<tr>") + "".join(out) + "</tr>"


def _report_words(df: pd.DataFrame, source: str | None) -> tuple[pd.DataFrame, str]:
    """``df`` with the report's own words (:data:`hemiplan.present.marks.REPORT_TEXT`
    columns) and the names it gives (:data:`~hemiplan.present.marks.REPORT_NAMES`, but
    the book's placeholders) marked with the report's language, and, when it shows the
    report's words, the sentence that says they are quoted in it; on a page in the
    report's language ``df`` as it is and ''."""
    report = marks.report_language()
    words = [c for c in df.columns if c in marks.REPORT_TEXT and c != source]
    given = [c for c in df.columns if c in marks.REPORT_NAMES and c != source]
    if not (words or given) or not marks.other(report):
        return df, ""
    df = df.copy()
    for c in words + given:
        df[c] = pd.Series([marks.Marked(v, report) if isinstance(v, str) and v and marks.value_lang(v) is None
                           and not (c in given and marks.is_placeholder(v)) else v for v in df[c]],
                          index=df.index, dtype=object)
    return df, marks.quote_note(report) if words else ""


def is_sortable(df: pd.DataFrame, total_row: bool = False) -> bool:
    """Whether a table is long enough to be worth sorting and has no order of its own
    (no sub-rows)."""
    n = len(df) - (1 if total_row else 0)
    first = df.iloc[:, 0].astype(str) if len(df.columns) else pd.Series(dtype=str)
    return n >= SORTABLE_ROWS and not first.str.lstrip().str.startswith(SUB_ROW).any()


def html_table(df: pd.DataFrame, headers: dict[str, str] | None = None, source: str | None = None,
               caption: str | None = None, decimals: dict[str, int] | None = None, depth: int = 0,
               total_row: bool = False, links: dict[str, str] | None = None, quotes: str | None = None) -> str:
    """Render a table. ``headers`` renames columns for readers; ``source`` names the
    column holding paragraph ids, rendered as links to the source text (when the
    table has a column of data-row ids, ``activity_id`` or ``indicator_id`` (or one
    named by ``quotes``), each row links to its own quote instead, and that column
    is not shown); ``links``
    maps a column to the column holding the URL its cells link to (not shown);
    numeric columns are right-aligned with thousands separators; with ``total_row``
    the last row is set as a total."""
    decimals = decimals or {}
    links = links or {}
    hrefs = {c: df[h].tolist() for c, h in links.items()}
    df = df.drop(columns=list(links.values()))
    if source and quotes is None:
        quotes = next((c for c in QUOTE_COLUMNS if c in df.columns and c != source), None)
    row_ids = df[quotes].tolist() if quotes else None
    if quotes:
        df = df.drop(columns=[quotes])
    df, note = _report_words(df, source)
    cols = list(df.columns)
    numeric = {c: "number" for c in cols if c != source and pd.api.types.is_numeric_dtype(df[c])
               and not pd.api.types.is_bool_dtype(df[c])}
    numeric.update({c: "text" for c in cols[1:] if c != source and c not in numeric and c not in hrefs
                    and _numberlike(df[c])})
    rows = list(df.itertuples(index=False, name=None))
    body = [_row(row, cols, source, numeric, decimals, hrefs, i, depth, total_row and i == len(rows) - 1, row_ids)
            for i, row in enumerate(rows)]
    foot = body.pop() if (total_row and body) else None
    label = f' aria-label="{_escape(caption)}"' if caption else ""
    sortable = " hemiplan-sortable" if is_sortable(df, total_row) else ""
    out = [f'<div class="hemiplan-table-wrap" role="region" tabindex="0"{label}>',
           f'<table class="hemiplan-table{sortable}">']
    if caption:
        out.append(f'<caption><span class="hemiplan-caption">{_escape(caption)}</span></caption>')
    out.append(_header(cols, headers or {}, source, numeric))
    out.append("<tbody>" + "".join(body) + "</tbody>")
    if foot:
        out.append("<tfoot>" + foot + "</tfoot>")
    out.append("</table></div>")
    if note:  # under the table, as its note: the quotes above are in the report's language
        out.append(f'<p class="hemiplan-lang-note"><em>{_escape(note)}</em></p>')
    return "".join(out)
