"""What a chapter notebook calls to show things: the edition box, prose computed
from data, figures with caption and alt text, and tables.

Figures are shown as PNG (nbval skips PNG, and Sphinx copies the image); their
caption, name and alt text travel in the output's metadata and are moved into the
cell's ``mystnb`` metadata by :func:`postprocess` once the notebook is executed, so
that Jupyter Book renders a numbered figure with a caption and alt text."""
from __future__ import annotations

import base64
import io

import pandas as pd

from hemiplan.present import provenance, tables

META_KEY = "hemiplan"


def load(year=None, data_dir=None):
    """The edition a chapter shows: validated data for ``year`` (default: the latest
    year with data), with the house style applied to matplotlib."""
    from hemiplan import data
    from hemiplan.present import style

    style.apply()
    ed = data.load(year, data_dir)
    ed.extra["years_available"] = data.available_years(data_dir)
    return ed


def other_years(ed) -> dict:
    """Every year with data (including ed's), for year-over-year comparisons."""
    from hemiplan import data

    return {y: (ed if y == ed.year else data.load(y, ed.data_dir)) for y in ed.extra.get("years_available", [ed.year])}


def _display(data: dict, metadata: dict | None = None) -> None:
    from IPython.display import display

    display(data, raw=True, metadata=metadata or {})


_MD_SPECIAL = "\\`*_{}[]<>()#+-.!|:$&~^=\"'"


def literal(text) -> str:
    """Data (a title, a name, a quote) made safe to put inside Markdown given to
    :func:`md` or a caption: every character Markdown or MyST could read as syntax
    is escaped, so that report text never becomes markup."""
    import html as _html

    out = []
    for ch in str(text):
        if ch in "<>&":
            out.append(_html.escape(ch))
        elif ch in _MD_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def md(text: str) -> None:
    """Show Markdown computed from data (rendered as MyST by the book)."""
    _display({"text/markdown": text, "text/plain": text})


def html(markup: str, plain: str = "") -> None:
    _display({"text/html": markup, "text/plain": plain or "(HTML)"})


def edition(ed) -> None:
    """The edition box at the top of every chapter: year and data version."""
    from hemiplan.analysis import plural

    years = ed.extra.get("years_available", [ed.year])
    md(f":::{{admonition}} Edition\n:class: note\n"
       f"Report year **{ed.year}** · data version `{ed.data_hash[:10]}` · "
       f"{plural(len(ed.paragraphs), 'paragraph')}, {plural(len(ed.activities), 'activity')} and "
       f"{plural(len(ed.indicators), 'stated figure')} · years with data: {', '.join(map(str, years))}.\n:::")


def png_bytes(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def figure(fig, *, name: str, caption: str, alt: str, sources=()) -> None:
    """Show a matplotlib figure with a caption naming its source paragraphs (linked
    to the source text) and alt text for screen readers."""
    if not alt.strip():
        raise ValueError(f"figure {name!r} needs alt text")
    refs = provenance.refs(sources)
    full_caption = caption.strip() + (f" Source: report paragraphs {refs}." if refs else "")
    data = {"image/png": base64.b64encode(png_bytes(fig)).decode("ascii"), "text/plain": f"Figure: {alt}"}
    _display(data, {META_KEY: {"name": name, "caption": full_caption, "alt": alt}})


DOWNLOADS_ENV = "HEMIPLAN_DOWNLOADS"


def table(df: pd.DataFrame, *, caption: str | None = None, download: str | None = None, **kwargs) -> None:
    """Show a DataFrame as an accessible HTML table (see hemiplan.tables.html_table).
    With ``download`` (a name unique in the book, e.g. "training-by-state"), the
    table is also offered as CSV: the build sets HEMIPLAN_DOWNLOADS to the folder
    where the file is written; the link is shown either way, so that the committed
    outputs and the published page agree."""
    markup = tables.html_table(df, caption=caption, **kwargs)
    html(markup, plain=f"Table: {caption or ''} ({len(df)} rows)")
    if download:
        import os
        import re
        from pathlib import Path

        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", download):
            raise ValueError(f"download name {download!r}: use lowercase letters, digits and hyphens")
        folder = os.environ.get(DOWNLOADS_ENV)
        if folder:
            headers = kwargs.get("headers") or {}
            out = df.rename(columns=headers)
            Path(folder).mkdir(parents=True, exist_ok=True)
            out.to_csv(Path(folder) / f"{download}.csv", index=False, lineterminator="\n")
        md(f"{{download}}`Download this table as CSV <downloads/{download}.csv>`")


def no_data(what: str) -> None:
    md(f"*The report for this year gives no {what}.*")


# --- after execution -------------------------------------------------------------

class NotebookOutputError(RuntimeError):
    pass


def postprocess(nb, path: str = "notebook") -> None:
    """Normalise an executed notebook in place, in one place: figure metadata moved
    to the cell, code hidden, papermill's injected cell removed from the page, and
    any stderr or error output rejected (outputs must be deterministic)."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tags = set(cell.metadata.get("tags", []))
        if "injected-parameters" in tags or "parameters" in tags:
            tags.add("remove-cell")
        else:
            tags.add("remove-input")
        cell.metadata["tags"] = sorted(tags)
        # Figure metadata is derived from this execution's outputs only: a cell that
        # showed a figure in another year may show none in this one.
        cell.metadata.pop("mystnb", None)
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                raise NotebookOutputError(f"{path}, cell {index}: output on stderr: {''.join(out.get('text', ''))[:500]}")
            if out.get("output_type") == "error":
                raise NotebookOutputError(f"{path}, cell {index}: {out.get('ename')}: {out.get('evalue')}")
            meta = out.get("metadata", {}).get(META_KEY)
            if meta:
                if len(cell.get("outputs", [])) != 1:
                    raise NotebookOutputError(
                        f"{path}, cell {index}: the figure {meta['name']!r} shares its cell with other outputs; "
                        "a figure must be alone in its cell (the cell becomes the figure)")
                cell.metadata["mystnb"] = {
                    "figure": {"caption": meta["caption"], "name": meta["name"]},
                    "image": {"alt": meta["alt"]},
                }
