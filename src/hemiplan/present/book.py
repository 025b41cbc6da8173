"""What a chapter notebook calls to show things: the edition box, prose computed
from data, figures with caption and alt text, and tables.

Figures are shown as PNG (nbval skips PNG, and Sphinx copies the image); their
caption, name and alt text travel in the output's metadata and are moved into the
cell's ``mystnb`` metadata by the build once the notebook is executed (see
``hemiplan.build.normalise``), so that Jupyter Book renders a numbered figure with a
caption and alt text."""
from __future__ import annotations

import base64
import io
import json
import os
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from hemiplan import data, vocabulary
from hemiplan import language as hemiplan_language
from hemiplan.language import _, n_, p_
from hemiplan.present import figures, marks, provenance, style, tables

META_KEY = "hemiplan"


def load(year=None, data_dir=None, language=None):
    """The edition a chapter shows: validated data for ``year`` (default: the latest
    year with data), with the house style applied to matplotlib; every message and
    number the page writes after this is in ``language`` (English by default)."""
    hemiplan_language.use(language)
    style.apply()
    ed = data.load(year, data_dir)  # its ``years``: the years with data up to its own
    provenance.set_page_edition(ed.year)
    marks.set_report_language(getattr(ed, "language", None))
    return ed


def other_years(ed) -> dict:
    """Every year with data up to ed's (including it), for year-over-year comparisons:
    an edition stands alone, comparing itself with the years up to its own only."""
    return {y: (ed if y == ed.year else data.load(y, ed.data_dir, years=ed.years)) for y in ed.years}


def _display(bundle: dict, metadata: dict | None = None) -> None:
    display(bundle, raw=True, metadata=metadata or {})


#: Data (a title, a name, a quote) made safe to put inside Markdown given to :func:`md`
#: or a caption (the one implementation is the vocabulary's).
literal = vocabulary.literal


def marked(text) -> str:
    """A name or title for Markdown given to :func:`md`, made safe as :data:`literal`
    does, and, when it is in another language than the page's (a
    :class:`hemiplan.data.names.English` name on a Spanish page), wrapped as inline
    HTML ``<span lang="en">…</span>`` (MyST keeps inline HTML), so that a reader,
    a screen reader and search know its language. On a page of its own language it is
    exactly :data:`literal`'s text: English pages are unchanged."""
    return marks.lang_span(literal(text), marks.value_lang(text))


def quote_note(ed) -> str:
    """The sentence, in the page's language, that says the report's words on the page
    are quoted in the report's language ('' when the page is in that language); see
    :func:`hemiplan.present.marks.quote_note`."""
    return marks.quote_note(getattr(ed, "language", None))


def md(text: str) -> None:
    """Show Markdown computed from data (rendered as MyST by the book)."""
    _display({"text/markdown": text, "text/plain": text})


def html(markup: str, plain: str = "") -> None:
    _display({"text/html": markup, "text/plain": plain or "(HTML)"})


def edition(ed) -> None:
    """The edition box at the top of every chapter: year and data version; on a page
    in another language than English, a sentence saying that the book's prose and its
    translated titles are the project's translation, never the OAS's text."""
    counts = {"paragraphs": n_("{n} paragraph", "{n} paragraphs", len(ed.paragraphs)),
              "activities": n_("{n} activity", "{n} activities", len(ed.activities)),
              "figures": n_("{n} stated figure", "{n} stated figures", len(ed.indicators))}
    counts = {k: v.format(n=vocabulary.number(n)) for (k, v), n in
              zip(counts.items(), (len(ed.paragraphs), len(ed.activities), len(ed.indicators)))}
    line = _("Report year **{year}** · data version `{version}` · {paragraphs}, {activities} and {figures} · "
             "years with data: {years}.").format(year=ed.year, version=ed.data_hash[:10],
                                                 years=", ".join(map(str, ed.years)), **counts)
    note = ""
    if hemiplan_language.current() != hemiplan_language.SOURCE:
        note = "\n\n" + _("The book's prose and its translated titles are the project's translation, "
                           "never the OAS's text.")
    title = p_("edition box", "Edition")
    md(f":::{{admonition}} {title}\n:class: note\n{line}{note}\n:::")


def png_bytes(fig) -> bytes:
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
    full_caption = caption.strip() + (" " + _("Source: report paragraphs {refs}.").format(refs=refs) if refs else "")
    data = getattr(fig, figures.DATA_ATTR, None)
    if data is not None:
        link = _("The data of this figure (CSV)")
        full_caption += f" {{download}}`{link} <downloads/{_write_download(data, name)}>`"
    bundle = {"image/png": base64.b64encode(png_bytes(fig)).decode("ascii"),
              "text/plain": _("Figure: {alt}").format(alt=alt)}
    _display(bundle, {META_KEY: {"name": name, "caption": full_caption, "alt": alt}})


def _write_download(df: pd.DataFrame, name: str) -> str:
    """Write ``df`` as ``<id>.csv`` into the build's downloads folder (when the build
    set one, see :data:`DOWNLOADS_ENV`), ``<id>`` being the figure's HTML id (its name
    in lowercase, runs of other characters as one hyphen, as docutils makes ids);
    returns the file's name. Under the figure, the book's Sphinx extension shows the
    same file as a table."""
    name = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    folder = os.environ.get(DOWNLOADS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        df.to_csv(Path(folder) / f"{name}.csv", index=False, lineterminator="\n")
        langs = marks.cell_langs(df)
        if langs:   # read by the table under the figure (hemiplan.build.sphinx_ext); not offered
            (Path(folder) / f"{name}.csv{marks.MARKS_SUFFIX}").write_text(json.dumps(langs), encoding="utf-8")
    return f"{name}.csv"


DOWNLOADS_ENV = "HEMIPLAN_DOWNLOADS"


def table(df: pd.DataFrame, *, caption: str | None = None, download: str | None = None, **kwargs) -> None:
    """Show a DataFrame as an accessible HTML table (see hemiplan.tables.html_table).
    With ``download`` (a name unique in the book, e.g. "training-by-state"), the
    table is also offered as CSV: the build sets HEMIPLAN_DOWNLOADS to the folder
    where the file is written; the link is shown either way, so that the committed
    outputs and the published page agree."""
    markup = tables.html_table(df, caption=caption, **kwargs)
    html(markup, plain=n_("Table: {caption} ({n} rows)", "Table: {caption} ({n} rows)", len(df)).format(
        caption=caption or "", n=len(df)))
    if download:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", download):
            raise ValueError(f"download name {download!r}: use lowercase letters, digits and hyphens")
        folder = os.environ.get(DOWNLOADS_ENV)
        if folder:
            headers = kwargs.get("headers") or {}
            out = df.rename(columns=headers)
            Path(folder).mkdir(parents=True, exist_ok=True)
            out.to_csv(Path(folder) / f"{download}.csv", index=False, lineterminator="\n")
        link = _("Download this table as CSV")
        md(f"{{download}}`{link} <downloads/{download}.csv>`")


def no_data(what: str) -> None:
    """'*The report for this year gives no agreements.*': ``what`` is a noun phrase in
    the page's language (mark it in the chapter, e.g. ``p_("no data", "agreements")``)."""
    md("*" + _("The report for this year gives no {what}.").format(what=what) + "*")
