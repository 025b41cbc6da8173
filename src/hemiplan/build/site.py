"""The pages of the site around the editions: the landing page that lists every
edition (``editions.html``), the front page (``index.html``) and ``latest/``, both
sending the reader to the latest reviewed edition (an edition with no draft row).

Each published edition carries ``edition.json``: its year, status, number of draft
rows, data version and headline counts. The site pages are made from these files
only, so that they list exactly the editions that are published. Every language has
its own site pages, written in the current language (``es/editions.html``,
``es/index.html``, ``es/latest/``), each with a switch to the same page in the other
languages and ``<link rel="alternate" hreflang>`` to them."""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

from hemiplan import language
from hemiplan.analysis.counting import basis_label
from hemiplan.analysis.series import latest_reviewed
from hemiplan.build import languages, public, sitestyle
from hemiplan.language import _, n_

META = "edition.json"
LANDING = "editions.html"


def columns() -> tuple[str, ...]:
    """The columns of the landing page's table of editions, in the current language."""
    return (_("Edition"), _("Status"), _("Data version"), _("Activities held in the year"), _("Events"),
            _("Participants"), _("Member states reached"), _("Stated figures"), _("Downloads"))


def title() -> str:
    return _("Hemispheric Plan of Action against Transnational Organized Crime: the annual reports in data")

def write_meta(folder: Path, meta: dict) -> None:
    (folder / META).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read_meta(folder: Path) -> dict | None:
    path = folder / META
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def published(html: Path) -> dict[int, dict]:
    """The metadata of every edition published under ``html`` (year → edition.json)."""
    out = {}
    if html.is_dir():
        for folder in html.iterdir():
            meta = read_meta(folder) if folder.is_dir() and folder.name.isdigit() else None
            if meta is not None:
                out[int(folder.name)] = meta
    return dict(sorted(out.items()))


def alternates(page: str, lang: str, langs) -> str:
    """``<link rel="alternate" hreflang>`` to ``page`` (a path inside a language's folder)
    in every language of ``langs``, this one included."""
    return "".join(f'<link rel="alternate" hreflang="{o}" href="{escape(languages.counterpart(page, lang, o), quote=True)}">'
                   for o in langs)


#: Keeps the address's #anchor when the reader follows a language switch (a line of script).
SWITCH_SCRIPT = ('<script>document.querySelectorAll("a.hemiplan-language-link").forEach(function (a) '
                 '{ a.addEventListener("click", function () { a.hash = location.hash; }); });</script>')


def switch(page: str, lang: str, langs) -> str:
    """The language switch of ``page``: a link to the same page in every other language."""
    links = " · ".join(
        f'<a class="hemiplan-language-link" href="{escape(languages.counterpart(page, lang, o), quote=True)}" '
        f'lang="{o}" hreflang="{o}">{escape(languages.own_name(o))}</a>' for o in langs if o != lang)
    if not links:
        return ""
    name = escape(_("Language"), quote=True)
    return f'<nav class="hemiplan-language" aria-label="{name}">{links}</nav>{SWITCH_SCRIPT}'


def header(home: str, nav: str = "", switch_: str = "") -> str:
    """The site pages' header, as the book's: its title (a link to the front page,
    ``home``), links to the site's pages, the language switch."""
    return (f'<header class="hemiplan-site-header"><a class="hemiplan-site-title" href="{escape(home, quote=True)}">'
            f"{escape(title())}</a>{nav}{switch_}</header>")


def _page(title_: str, body: str, head: str = "", page: str = "", langs=None, home: str = "",
          bare: bool = False, switch_: str = "") -> str:
    """A site page in the current language, in the book's style (see
    :mod:`hemiplan.build.sitestyle`); with ``page`` (its path inside its language's
    folder), a language switch and alternates to its other languages, and a header
    whose title leads to ``home`` (default: the front page); ``bare``: the body as given;
    ``switch_``: a language switch of its own (a page without alternates: the 404 page)."""
    lang = language.current()
    langs = list(langs or languages.available())
    if page:
        head += alternates(page, lang, langs)
        switch_ = switch(page, lang, langs)
    if not bare:
        up = "../" * page.count("/")
        body = header(home or f"{up}index.html", switch_=switch_) + "\n<main>\n" + body + "\n</main>"
    else:
        body = f"<main>\n{switch_}\n{body}\n</main>"
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title_)}</title>{head}<style>{sitestyle.STYLE}</style></head>\n"
            f"<body>{body}</body></html>\n")


def redirect(target: str, text: str, keep_fragment: bool = False, page: str = "", langs=None) -> str:
    """A page that sends the reader to ``target`` (relative URL); with
    ``keep_fragment``, to the ``#anchor`` of the address asked for too (by a line of
    script; without scripts, to the top of the page)."""
    t = escape(target, quote=True)
    head = f'<meta http-equiv="refresh" content="0; url={t}"><link rel="canonical" href="{t}">'
    if keep_fragment:
        head = f"<script>location.replace({json.dumps(target)} + location.hash)</script>" + head
    return _page(text, f'<p><a href="{t}">{escape(text)}</a></p>', head=head, page=page, langs=langs, bare=True)


def _row(year: int, meta: dict) -> str:
    """One edition's row: its headline (``edition.json``'s ``headline``, the record of
    :func:`hemiplan.analysis.headline.headline`, as its overview shows it)."""
    c = meta.get("headline") or {}  # an edition published before its headline was recorded shows none
    status = meta["status"]
    n = meta["drafts"]
    label = (_("Reviewed") if status == "reviewed" else
             n_("Draft: {n} row not yet reviewed", "Draft: {n} rows not yet reviewed", n).format(n=language.number(n)))
    people = c.get("people") or {}
    participants = (f"{escape(people['text'])} <small>({escape(basis_label(people['basis']))})</small>"
                    if people.get("basis") else "–")
    num_ = language.number
    cells = [f'<span class="status status-{status}">{escape(label)}</span>',
             f"<code>{escape(meta['data_version'])}</code>",
             num_(c.get("activities", 0)), num_(c.get("events", 0)), participants,
             escape(_("{n} of {total}").format(n=num_(c.get("states_reached", 0)), total=num_(c.get("members", 0)))),
             num_(c.get("stated_figures", 0)), downloads(year, meta)]
    edition = (_("The {year} edition (draft)") if status == "draft" else _("The {year} edition")).format(year=year)
    link = f'<a href="{year}/index.html">{escape(edition)}</a>'
    klass = {i: ' class="num"' for i in range(2, 7)} | {7: ' class="downloads"'}
    return (f'<tr><th scope="row">{link}</th>'
            + "".join(f'<td{klass.get(i, "")} data-label="{escape(label, quote=True)}">{cell}</td>'
                      for i, (label, cell) in enumerate(zip(columns()[1:], cells))) + "</tr>")


def downloads(year: int, meta: dict) -> str:
    """The edition's PDF and data package, as links (an edition built without its PDFs,
    or published before its data package had a stable address, lists what it has)."""
    out = []
    as_pdf, as_zip = escape(_("The edition as PDF")), escape(_("The data (zip)"))
    if meta.get("pdf", True):
        out.append(f'<a href="{year}/downloads/hemiplan-{year}.pdf">{as_pdf}</a>')
    if meta.get("data_package"):
        out.append(f'<a href="{year}/{escape(meta["data_package"], quote=True)}">{as_zip}</a>')
    return "".join(out) or "–"


def landing(metas: dict[int, dict], langs=None) -> str:
    """The landing page, in the current language: every edition, newest first, with
    its status, data version, headline counts and a link."""
    latest = latest_year(metas)
    lead = (_('The front page shows the latest reviewed edition, {link}. An edition stays a draft, and is never '
              'the front page, while any of its rows is not yet reviewed.').format(
                  link=f'<a href="latest/index.html">{latest}</a>')
            if latest else escape(_("No edition is reviewed yet: every edition below is a draft.")))
    num = ' class="num"'
    head = ("<thead><tr>" + "".join(f'<th scope="col"{num if 3 <= i <= 7 else ""}>{escape(c)}</th>'
                                    for i, c in enumerate(columns())) + "</tr></thead>")
    rows = "".join(_row(y, metas[y]) for y in sorted(metas, reverse=True))
    intro = _("One edition per annual report, each computed from the data of its year. Counts take only the "
              "activities held in the report's year; participants add the figures the report itemises to the "
              "stated totals that stand for work it does not itemise, each with the qualifier its parts support, "
              "as the edition's overview gives them.")
    caption = escape(_("Editions"))
    heading = escape(_("Every edition of the book"))
    body = (f'<h1>{heading}</h1>\n<p class="lead">{escape(intro)}</p>\n<p>{lead}</p>\n'
            f'<div class="wrap"><table><caption>{caption}</caption>{head}<tbody>{rows}</tbody>'
            f'</table></div>')
    return _page(_("Editions — {title}").format(title=title()), body, page=LANDING, langs=langs)


def latest_year(metas: dict[int, dict]) -> int | None:
    """The edition ``latest/`` stands for: the latest reviewed one."""
    return latest_reviewed({y: m["status"] for y, m in metas.items()})


def not_found(base: str = "", langs=None) -> str:
    """The 404 page of the current language (see :func:`hemiplan.build.public.not_found`)."""
    langs = list(langs or languages.available())
    home = public.site_link(base, languages.prefix(language.current()) + "index.html")
    return public.not_found(base, langs, lambda t, body, head, sw: _page(t, body, head, home=home, switch_=sw))


def pages(metas: dict[int, dict], latest_pages=(), lang: str | None = None, langs=None,
          base: str = "") -> dict[str, str]:
    """The site pages (path in the site → HTML): the landing page, the 404 page (its
    links absolute under the public address ``base``, else root-relative), the front page and
    ``latest/``, where every page of the latest reviewed edition (``latest_pages``,
    paths inside it) has a stable address that sends the reader to that page of it,
    anchor included (``latest/chapters/training.html`` → ``2014/chapters/training.html``).
    Without a reviewed edition, the front page and ``latest/`` send the reader to the
    landing page. The pages are written in the current language (``lang``, when given,
    must be it), paths inside that language's folder."""
    if lang is not None and lang != language.current():
        raise ValueError(f"site pages asked in {lang!r} while the current language is {language.current()!r}")
    latest = latest_year(metas)
    out = {LANDING: landing(metas, langs), public.NOT_FOUND: not_found(base, langs)}
    if latest is None:
        out["index.html"] = redirect(LANDING, _("Every edition is a draft: see the list of editions"),
                                     page="index.html", langs=langs)
        out["latest/index.html"] = redirect(f"../{LANDING}", _("No reviewed edition yet: see the list of editions"),
                                            page="latest/index.html", langs=langs)
        return out
    out["index.html"] = redirect(f"{latest}/index.html", _("The {year} edition").format(year=latest),
                                 page="index.html", langs=langs)
    for page in sorted({"index.html", *latest_pages}):
        up = "../" * (page.count("/") + 1)
        out[f"latest/{page}"] = redirect(
            f"{up}{latest}/{page}", _("The {year} edition (the latest reviewed): {page}").format(year=latest, page=page),
            keep_fragment=True, page=f"latest/{page}", langs=langs)
    return out
