"""DataFrame → HTML table with reader-facing headers, formatted numbers and links
from each row to the paragraph of the report it comes from. All cell text is
escaped: report text is data, never markup."""
from __future__ import annotations

import html
import numbers as _numbers

import pandas as pd

from hemiplan import vocabulary
from hemiplan.analysis.sections import paragraph_key
from hemiplan.present import provenance

EMPTY = "–"
#: Source links shown in one cell; a row citing more paragraphs names how many more
#: (the CSV download and the source-text badges list them all).
SOURCE_LINKS = 6


def format_value(value, decimals: int = 0) -> str:
    """Thousands separators for numbers, an en dash for missing values."""
    if value is None or (not isinstance(value, (list, tuple, str)) and pd.isna(value)):
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, _numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, _numbers.Real):
        v = float(value)
        if v.is_integer() and decimals == 0:
            return f"{int(v):,}"
        return f"{v:,.{max(decimals, 1)}f}"
    return str(value)


def _escape(text: str) -> str:
    # Braces escaped too, so that MyST substitutions never see report text.
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def _source_cell(ids, depth: int) -> str:
    if ids is None or (not isinstance(ids, (list, tuple)) and pd.isna(ids)):
        return EMPTY
    items = ids if isinstance(ids, (list, tuple)) else [i for i in str(ids).split(";") if i]
    items = sorted(dict.fromkeys(items), key=paragraph_key)
    if not items:
        return EMPTY
    shown = ", ".join(
        f'<a href="{provenance.href(i, depth)}" title="Read the sentence in the report">{_escape(i)}</a>'
        for i in items[:SOURCE_LINKS])
    if len(items) > SOURCE_LINKS:
        rest = len(items) - SOURCE_LINKS
        shown += f' <span class="hemiplan-more">and {vocabulary.plural(rest, "more paragraph")}</span>'
    return shown


def _header(cols, headers: dict[str, str], source: str | None, numeric: set) -> str:
    cells = []
    for c in cols:
        label = headers.get(c, "Source" if c == source else str(c).replace("_", " ").capitalize())
        cls = ' class="num"' if c in numeric else ""
        cells.append(f'<th scope="col"{cls}>{_escape(label)}</th>')
    return "<thead><tr>" + "".join(cells) + "</tr></thead>"


def _number_cell(value, column, decimals: int) -> str:
    shown = format_value(value, decimals)
    if "year" in str(column).lower() and shown != EMPTY:
        shown = shown.replace(",", "")  # 2014, not 2,014
    return f'<td class="num">{_escape(shown)}</td>'


def html_table(df: pd.DataFrame, headers: dict[str, str] | None = None, source: str | None = None,
               caption: str | None = None, decimals: dict[str, int] | None = None, depth: int = 0,
               total_row: bool = False, links: dict[str, str] | None = None) -> str:
    """Render a table. ``headers`` renames columns for readers; ``source`` names the
    column holding paragraph ids, rendered as links to the source text; ``links``
    maps a column to the column holding the URL its cells link to (not shown);
    numeric columns are right-aligned with thousands separators; with ``total_row``
    the last row is set as a total."""
    decimals = decimals or {}
    links = links or {}
    hrefs = {c: df[h].tolist() for c, h in links.items()}
    df = df.drop(columns=list(links.values()))
    cols = list(df.columns)
    numeric = {c for c in cols if c != source and pd.api.types.is_numeric_dtype(df[c])
               and not pd.api.types.is_bool_dtype(df[c])}
    out = ['<table class="hemiplan-table">']
    if caption:
        out.append(f"<caption>{_escape(caption)}</caption>")
    out.append(_header(cols, headers or {}, source, numeric) + "<tbody>")
    rows = list(df.itertuples(index=False, name=None))
    for i, row in enumerate(rows):
        is_total = total_row and i == len(rows) - 1
        out.append('<tr class="total">' if is_total else "<tr>")
        for c, v in zip(cols, row):
            if c == source:
                out.append(f"<td>{_source_cell(v, depth)}</td>")
            elif c in numeric:
                out.append(_number_cell(v, c, decimals.get(c, 0)))
            else:
                tag = "th" if (c == cols[0] and not is_total) else "td"
                scope = ' scope="row"' if tag == "th" else ""
                text = _escape(format_value(v))
                if c in hrefs and hrefs[c][i]:
                    text = f'<a href="{_escape(hrefs[c][i])}">{text}</a>'
                out.append(f"<{tag}{scope}>{'<strong>' + text + '</strong>' if is_total else text}</{tag}>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
