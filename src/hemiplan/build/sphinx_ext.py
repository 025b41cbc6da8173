"""The book's Sphinx extension.

- Each page lists each script once: sphinx-thebe 0.3.1 (loaded by Jupyter Book 1.x even
  with thebe off) adds its inline configuration script after the HTML builder has
  listed its scripts, and Sphinx 7.4 then lists it twice (once with filename None, once
  with ''), so every page declared ``THEBE_JS_URL`` twice and the browser logged an error.
- Long tables (``table.hemiplan-sortable``, see ``hemiplan.present.tables``) become
  sortable and filterable with DataTables as bundled by the pinned ``itables`` package:
  its two files are copied into the site's ``_static/itables/`` and loaded only by the
  pages that have such a table; nothing is fetched from the network.
- Under each figure whose data the chapter wrote (``downloads/<figure name>.csv``, see
  ``hemiplan.present.book.figure``), a toggle shows that data as a table: each chart
  has an HTML-table alternative.
- A member-state profile links to its PDF, and the front page to the edition's PDF
  (printed by ``hemiplan.build.pdf``); built without PDFs, they say where it will be.
  The edition's data package is copied to ``downloads/hemiplan-<year>-data.zip``.
- The theme's markup passes an accessibility audit (axe-core, WCAG 2.2 A and AA):
  its sidebar toggles are named, its search button's name holds its visible text.
- Every page ends with "How to cite" (title, edition year, data version, address), and
  carries metadata for link previews (description, Open Graph title, description, image).
- Every page opens with a language switch: a link to the same page of the same edition
  in each other language of the build (``hemiplan_languages``), which keeps the
  address's ``#anchor`` (a line of script), and its head lists the page in every
  language (``<link rel="alternate" hreflang>``). The extension writes its own words in
  the edition's language (``hemiplan_language``; Sphinx's ``language`` gives the
  theme's words and ``<html lang>``).

The edition's year and data version come from the configuration values
``hemiplan_year`` and ``hemiplan_data_version`` (written into the edition's
``_config.yml`` by the build); ``html_baseurl`` (``html.baseurl`` in _config.yml), when
set, makes the cited address and the preview image absolute."""
from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from pathlib import Path

import itables
import pandas as pd
from docutils import nodes

from hemiplan import language
from hemiplan.build import pdf, site
from hemiplan.language import _
from hemiplan.present import marks, tables

#: The files of itables' offline bundle that the site needs, and where they go.
DATATABLES_FILES = ("dt_bundle.js", "dt_bundle.css")
DATATABLES_DIR = "itables"
SORTABLE_CLASS = "hemiplan-sortable"
PREVIEW_IMAGE = "_static/hemiplan-preview.png"
DESCRIPTION_CHARS = 200


def _script_key(js) -> tuple:
    """What a script is, whatever the priority it was listed with: its file (None
    and '' both mean inline) and its attributes (an inline script's body among them)."""
    filename = getattr(js, "filename", js) or ""
    attrs = getattr(js, "attributes", {}) or {}
    return (str(filename), tuple(sorted((k, str(v)) for k, v in attrs.items())))


def dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        key = _script_key(js)
        if key not in seen:
            seen.add(key)
            kept.append(js)
    context["script_files"] = kept


# --- sortable long tables ------------------------------------------------------------

def datatables_source() -> Path:
    """The folder of itables' offline bundle (DataTables with its jQuery)."""
    return Path(itables.__file__).parent / "html"


def sortable_tables(app, pagename, templatename, context, doctree) -> None:
    """On a page with a sortable table: DataTables' stylesheet, and a module script
    that imports the bundle and hands it to hemiplan.js."""
    if SORTABLE_CLASS not in (context.get("body") or ""):
        return
    bundle = context["pathto"](f"_static/{DATATABLES_DIR}/dt_bundle.js", 1)
    app.add_css_file(f"{DATATABLES_DIR}/dt_bundle.css")
    app.add_js_file(None, type="module",
                    body=f'import DataTable from "{bundle}"; window.hemiplanSortable(DataTable);')


def copy_datatables(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    dest = Path(app.outdir) / "_static" / DATATABLES_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for name in DATATABLES_FILES:
        shutil.copyfile(datatables_source() / name, dest / name)


# --- each figure's data ---------------------------------------------------------------

_FIGURE = re.compile(r'<figure\b[^>]*\bid="([a-z0-9][a-z0-9-]*)"[^>]*>.*?</figure>', re.S)


def figure_data(app, pagename, templatename, context, doctree) -> None:
    """After each figure with a data file, a <details> with that data as a table."""
    body = context.get("body") or ""
    if "<figure" not in body:
        return
    folder = Path(app.srcdir) / posixpath.dirname(pagename) / "downloads"

    def add(m) -> str:
        csv = folder / f"{m.group(1)}.csv"
        if not csv.is_file():
            return m.group(0)
        data = pd.read_csv(csv, keep_default_na=False, na_values=[""])
        langs = csv.with_name(csv.name + marks.MARKS_SUFFIX)
        if langs.is_file():   # the cells in another language than the page's, marked again
            data = marks.remark(data, json.loads(langs.read_text(encoding="utf-8")))
        table = tables.html_table(data, headers={c: str(c) for c in data.columns})
        summary = html.escape(_("The data of this figure, as a table"))
        return m.group(0) + f'<details class="hemiplan-figure-data"><summary>{summary}</summary>{table}</details>'

    context["body"] = _FIGURE.sub(add, body)


# --- a profile's PDF ------------------------------------------------------------------

def pdf_link(app, pagename, templatename, context, doctree) -> None:
    """On a member-state profile, a "Download PDF" link under its title to the PDF the
    build prints beside the page; on the front page, one to the whole edition's PDF
    (hemiplan.build.pdf). A site built without its PDFs (``hemiplan build --no-pdf``)
    says where the PDF will be instead, without a link to a file that is not there."""
    body = context.get("body") or ""
    if "</h1>" not in body:
        return
    if pagename.startswith(pdf.PROFILES):
        href, what = posixpath.basename(pdf.pdf_path(pagename + ".html")), _("Download this profile as PDF")
    elif pagename == app.config.root_doc and app.config.hemiplan_year:
        href = pdf.edition_pdf(app.config.hemiplan_year)
        what = _("Download the whole {year} edition as PDF").format(year=app.config.hemiplan_year)
    else:
        return
    if app.config.hemiplan_pdf:
        note = html.escape(_("(A4, for printing and sharing)"))
        link = f'<p class="hemiplan-pdf-link"><a href="{html.escape(href)}" download>{html.escape(what)}</a> {note}</p>'
    else:
        where = f"<code>{html.escape(href)}</code>"
        link = ('<p class="hemiplan-pdf-link hemiplan-pdf-pending">'
                + _("This copy of the site was built without its PDFs: this PDF will be {file}, beside this page, "
                    "once the site is built with them.").format(file=where) + "</p>")
    context["body"] = body.replace("</h1>", "</h1>" + link, 1)


# --- the words of hemiplan.js --------------------------------------------------------

#: The id of the JSON block that hemiplan.js reads its words from.
SCRIPT_STRINGS_ID = "hemiplan-strings"


def script_strings() -> dict[str, str]:
    """The words hemiplan.js shows, in the current language (keys as the script reads
    them; the English ones are what the script and DataTables showed before)."""
    return {
        "scrollHint": _("Scroll the table sideways for more columns →"),
        "search": _("Filter rows:"),
        "zeroRecords": _("No matching records found"),
        "emptyTable": _("No data available in table"),
    }


def script_strings_block() -> str:
    """The JSON block of :func:`script_strings` (``<`` escaped, so that no string can
    close the script element)."""
    data = json.dumps(script_strings(), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="{SCRIPT_STRINGS_ID}">{data}</script>\n'


def page_strings(app, pagename, templatename, context, doctree) -> None:
    context["metatags"] = context.get("metatags", "") + script_strings_block()


# --- how to cite and link previews ----------------------------------------------------

def _page_url(app, pagename: str) -> str:
    """The page's address: absolute when html_baseurl is set, else relative to the edition."""
    page = pagename + ".html"
    base = (app.config.html_baseurl or "").rstrip("/")
    return f"{base}/{page}" if base else page


def book_title(app) -> str:
    """The book's title without the edition the build appends to it (" — 2014 (draft)")."""
    title = app.config.html_title or app.config.project or "hemiplan"
    return re.sub(r"\s+—\s+\d{4}( \([^()]*\))?$", "", title)


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup or "")).strip()


def citation(app, pagename: str, page_title: str) -> str:
    """The "How to cite" block of a page (HTML, every value escaped): the page, the
    book, the edition's year and data version, the address."""
    c = app.config
    year, version = c.hemiplan_year, c.hemiplan_data_version
    url = html.escape(_page_url(app, pagename))
    page = (_("“{page}”. In: ").format(page=html.escape(page_title))
            if page_title and pagename != c.root_doc else "")
    edition = _(", {year} edition").format(year=html.escape(str(year))) if year else ""
    data = _(", data version {version}").format(version=f"<code>{html.escape(str(version))}</code>") if version else ""
    heading = html.escape(_("How to cite"))
    return (f'<section class="hemiplan-cite" aria-labelledby="hemiplan-cite-h"><h2 id="hemiplan-cite-h">{heading}</h2>'
            f'<p>hemiplan. {page}<em>{html.escape(book_title(app))}</em>{edition}{data}. '
            f'<a class="hemiplan-cite-url" href="{html.escape(posixpath.basename(pagename))}.html">{url}</a></p></section>')


def _description(doctree) -> str:
    """The page's first paragraph of prose, shortened at a word."""
    if doctree is None:
        return ""
    for para in doctree.findall(nodes.paragraph):
        text = " ".join(para.astext().split())
        if len(text) > 40:
            if len(text) > DESCRIPTION_CHARS:
                text = text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0] + "…"
            return text
    return ""


def _image(app, pagename: str, doctree, context) -> str:
    """The page's first figure, else the book's preview image; absolute with html_baseurl."""
    rel = None
    if doctree is not None:
        for img in doctree.findall(nodes.image):
            uri = img.get("uri", "")
            if uri and "://" not in uri and not uri.startswith("data:"):
                rel = "_images/" + posixpath.basename(uri)
                break
    rel = rel or PREVIEW_IMAGE
    base = (app.config.html_baseurl or "").rstrip("/")
    return f"{base}/{rel}" if base else context["pathto"](rel, 1)


def cite_and_preview(app, pagename, templatename, context, doctree) -> None:
    if "body" not in context:
        return
    title = _plain(context.get("title") or "")
    context["body"] += citation(app, pagename, title)
    desc = html.escape(_description(doctree) or book_title(app), quote=True)
    book = app.config.html_title or app.config.project
    page_title = html.escape(f"{title} — {book}" if title else book, quote=True)
    image = html.escape(_image(app, pagename, doctree, context), quote=True)
    tags = (f'<meta name="description" content="{desc}">\n'
            f'<meta property="og:type" content="website">\n'
            f'<meta property="og:title" content="{page_title}">\n'
            f'<meta property="og:description" content="{desc}">\n'
            f'<meta property="og:image" content="{image}">\n'
            f'<meta name="twitter:card" content="summary_large_image">\n')
    if app.config.html_baseurl:
        tags += f'<meta property="og:url" content="{html.escape(_page_url(app, pagename), quote=True)}">\n'
    context["metatags"] = context.get("metatags", "") + tags


# --- the language switch ---------------------------------------------------------------

def _site_page(app, pagename: str) -> str:
    """The page's path inside its language's folder: 2014/chapters/training.html."""
    year = app.config.hemiplan_year
    return f"{year}/{pagename}.html" if year else f"{pagename}.html"


def language_switch(app, pagename, templatename, context, doctree) -> None:
    """A switch at the top of the article to the same page in the build's other
    languages, and the page's alternates in every language in its head. Pages that
    Sphinx writes from a template of its own (search, general index) have no body to
    put it in: :func:`switch_bodiless` writes theirs once they are written."""
    langs = list(app.config.hemiplan_languages or [])
    lang = app.config.hemiplan_language or language.SOURCE
    if len(langs) < 2:
        return
    page = _site_page(app, pagename)
    context["metatags"] = context.get("metatags", "") + site.alternates(page, lang, langs) + "\n"
    if "body" in context:
        context["body"] = site.switch(page, lang, langs) + context["body"]
    else:
        app._hemiplan_bodiless = [*getattr(app, "_hemiplan_bodiless", []), pagename]


_ARTICLE_CONTAINER = '<div class="bd-article-container">'


def switch_bodiless(app, exception) -> None:
    """The language switch of the pages without a body, at the top of their article column."""
    if exception is not None or app.builder.format != "html":
        return
    langs = list(app.config.hemiplan_languages or [])
    lang = app.config.hemiplan_language or language.SOURCE
    for pagename in getattr(app, "_hemiplan_bodiless", []):
        path = Path(app.outdir) / f"{pagename}.html"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if _ARTICLE_CONTAINER in text and "hemiplan-language-link" not in text:
            switch = site.switch(_site_page(app, pagename), lang, langs)
            path.write_text(text.replace(_ARTICLE_CONTAINER, _ARTICLE_CONTAINER + switch, 1), encoding="utf-8")


# --- accessibility of the theme's own markup -----------------------------------------

#: The theme's sidebar toggles: a <summary> holding only an icon, after its section's link.
_TOGGLE = re.compile(r'(<a\b[^>]*>([^<]+)</a>)(<details(?: open(?:="open")?)?>)<summary>(?=<span class="toctree-toggle")')
#: The search button that shows its text ("Search Ctrl+K") but is named "Search" only.
_SEARCH_LABEL = re.compile(r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="[^"]*"')
#: The colour-mode button's icons, whose titles ("Light", "Dark", "System Settings")
#: Font Awesome turns into visible SVG titles that the button's name ("Color mode") lacks.
_MODE_ICON = re.compile(r'<i class="(theme-switch [^"]*)"([^>]*?) title="[^"]*"')


def accessible_markup(text: str) -> str:
    """The theme's markup with what an accessibility audit (axe-core, WCAG 2.2 A/AA)
    finds wrong put right: each sidebar toggle is named after its section ("Member
    states: show or hide its pages"; axe's summary-name), the search button is named
    by the text it shows (label-content-name-mismatch), and the colour-mode button's
    icons lose their titles and are hidden from assistive technology (the button's
    label names it; its tooltip stays)."""
    def toggle(m) -> str:
        label = html.escape(_("{section}: show or hide its pages").format(section=html.unescape(m.group(2)).strip()),
                            quote=True)
        return f'{m.group(1)}{m.group(3)}<summary aria-label="{label}">'
    text = _TOGGLE.sub(toggle, text)
    text = _SEARCH_LABEL.sub(r"\1", text)
    return _MODE_ICON.sub(r'<i aria-hidden="true" class="\1"\2', text)


def fix_theme_markup(app, exception) -> None:
    """:func:`accessible_markup` on every page written (pages Sphinx did not write
    again keep the change from an earlier build)."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        if page.relative_to(out).parts[0] in ("_static", "_sources"):
            continue
        text = page.read_text(encoding="utf-8")
        fixed = accessible_markup(text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def data_package_path(year) -> str:
    """Where the edition's data package is published, inside the edition (a stable
    address beside the edition's PDF, which the landing page and the releases link)."""
    return f"downloads/hemiplan-{int(year)}-data.zip"


def copy_data_package(app, exception) -> None:
    """The data package the build wrote into the book's sources, at its stable address
    in the site (Sphinx's own copy, for the {download} links, sits under a hashed folder)."""
    if exception is not None or app.builder.format != "html" or not app.config.hemiplan_year:
        return
    name = data_package_path(app.config.hemiplan_year)
    src = Path(app.srcdir) / name
    if src.is_file():
        (Path(app.outdir) / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, Path(app.outdir) / name)


def use_language(app, config) -> None:
    """Write this extension's words in the edition's language."""
    language.use(config.hemiplan_language or language.SOURCE)


def setup(app):
    app.add_config_value("hemiplan_year", None, "html")
    app.add_config_value("hemiplan_data_version", None, "html")
    app.add_config_value("hemiplan_language", language.SOURCE, "html")
    app.add_config_value("hemiplan_languages", [], "html")
    app.add_config_value("hemiplan_pdf", True, "html")
    app.connect("config-inited", use_language)
    app.connect("html-page-context", language_switch, priority=600)
    app.connect("html-page-context", figure_data)
    app.connect("html-page-context", pdf_link)
    app.connect("html-page-context", cite_and_preview)
    app.connect("html-page-context", sortable_tables)
    app.connect("html-page-context", page_strings)
    app.connect("html-page-context", dedupe_scripts, priority=900)
    app.connect("build-finished", copy_datatables)
    app.connect("build-finished", switch_bodiless)
    app.connect("build-finished", copy_data_package)
    app.connect("build-finished", fix_theme_markup)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
