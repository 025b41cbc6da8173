"""The site at its public address: the address itself (``html.baseurl`` in
_config.yml, or ``hemiplan build --base-url``), and what a site needs on the web
besides its pages: ``sitemap.xml`` (every page of every edition in every language,
with its ``hreflang`` alternates), ``robots.txt`` pointing at it, a ``404.html`` page
in each language, and permalinks: the record of the pages an edition has published
(``.hemiplan-pages.json`` in its folder), from which a page that leaves an edition
is replaced by a redirect to the edition's front page, never by a 404.

Every address here is a site path (``2014/chapters/training.html``,
``es/editions.html``) joined to the public address; without one, the sitemap and
robots.txt are not written (a sitemap must list absolute addresses), and the 404
pages link root-relatively (``/editions.html``), which holds where the site is served
at the root of its host (``hemiplan serve``, a domain of its own); served below a path,
the site needs its address for its 404 page to link right."""
from __future__ import annotations

import json
import posixpath
from html import escape
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from hemiplan import language
from hemiplan.build import languages
from hemiplan.build.jobs import BuildError
from hemiplan.language import _

#: The record of the pages an edition has published, in the edition's folder.
PAGES_RECORD = ".hemiplan-pages.json"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
#: Pages Sphinx writes that are no content of the book: not in the sitemap.
UNLISTED = {"search.html", "genindex.html", "py-modindex.html"}


def normalise(url: str | None) -> str:
    """The public address as every other function here takes it: '' (none), or an
    absolute http(s) address ending in a slash. A malformed one stops the build."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise BuildError(f"the public address {url!r} (html.baseurl in _config.yml, or --base-url) is not an "
                         "absolute http(s) address without query or fragment, such as "
                         "https://reports.example.org/hemiplan/")
    return url.rstrip("/") + "/"


def edition_base(base: str, year: int, lang: str) -> str:
    """The address of an edition's folder in a language (Sphinx's ``html_baseurl``)."""
    return f"{base}{languages.prefix(lang)}{int(year)}/" if base else ""


def address(base: str, site_path: str) -> str:
    """The public address of a site path (empty without a public address)."""
    return base + site_path.lstrip("/") if base else ""


# --- pages of an edition, and their record ---------------------------------------------

def is_redirect(path: Path) -> bool:
    head = path.read_text(encoding="utf-8", errors="replace")[:3000].lower()
    return 'http-equiv="refresh"' in head


def content_pages(folder: Path) -> list[str]:
    """The pages of an edition's folder (paths inside it) that are content: no
    redirect, no Sphinx search or index page, no source or static file."""
    out = []
    for p in folder.rglob("*.html"):
        rel = p.relative_to(folder)
        if rel.parts[0].startswith(("_", ".")) or rel.name.startswith(".") or rel.as_posix() in UNLISTED:
            continue
        if not is_redirect(p):
            out.append(rel.as_posix())
    return sorted(out)


def recorded(folder: Path) -> list[str]:
    """The pages an edition has ever published (its record, else its pages on disk)."""
    path = folder / PAGES_RECORD
    if path.is_file():
        return list(json.loads(path.read_text(encoding="utf-8")).get("pages", []))
    return content_pages(folder) if folder.is_dir() else []


def moved(year: int, page: str, lang: str) -> str:
    """A page that left an edition: it sends the reader to the edition's front page."""
    up = "../" * page.count("/")
    target = f"{up}index.html"
    with languages.using(lang):
        text = _("This page is no longer part of the {year} edition: go to the edition's front page").format(year=year)
    t = escape(target, quote=True)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="refresh" content="0; url={t}"><meta name="robots" content="noindex">'
            f'<title>{escape(text)}</title></head>\n<body><main><p><a href="{t}">{escape(text)}</a></p></main>'
            "</body></html>\n")


def keep_permalinks(fresh: Path, published: Path, year: int, lang: str) -> list[str]:
    """Before ``fresh`` (an edition's new HTML) replaces ``published``: a redirect in
    ``fresh`` for every page the edition published once and no longer has, and the
    record of every page it has published (the new ones added). Returns the pages
    redirected."""
    now = set(content_pages(fresh))
    gone = sorted(set(recorded(published)) - now)
    for page in gone:
        target = fresh / page
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(moved(year, page, lang), encoding="utf-8")
    (fresh / PAGES_RECORD).write_text(json.dumps({"pages": sorted(now | set(gone))}, indent=1) + "\n",
                                      encoding="utf-8")
    return gone


# --- sitemap, robots, 404 --------------------------------------------------------------

def sitemap(base: str, editions: dict[str, dict[int, Path]], site_pages=("editions.html",)) -> str:
    """``sitemap.xml``: every content page of every edition (language → year → its
    folder) and the site pages ``site_pages`` in every language, each with its
    alternates in the languages that have the same page."""
    listed: dict[str, set[str]] = {}    # path inside a language's folder → languages that have it
    for lang, years in editions.items():
        for year, folder in years.items():
            for page in content_pages(folder):
                listed.setdefault(f"{year}/{page}", set()).add(lang)
        for page in site_pages:
            listed.setdefault(page, set()).add(lang)
    entries = []
    for page in sorted(listed):
        langs = [lang for lang in editions if lang in listed[page]]
        alts = "".join(f'<xhtml:link rel="alternate" hreflang="{o}" href={quoteattr(address(base, languages.prefix(o) + page))}/>'
                       for o in langs) if len(langs) > 1 else ""
        for lang in langs:
            entries.append(f"<url><loc>{escape(address(base, languages.prefix(lang) + page))}</loc>{alts}</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "\n".join(entries) + "\n</urlset>\n")


def robots(base: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {address(base, SITEMAP)}\n"


def site_link(base: str, site_path: str) -> str:
    """A link that works from any depth: absolute under the public address, else
    root-relative (see the module's docstring)."""
    return address(base, site_path) if base else "/" + site_path.lstrip("/")


def not_found(base: str, langs, page) -> str:
    """The 404 page in the current language; ``page(title, body, head, switch)`` writes
    it in the site pages' style (see :mod:`hemiplan.build.site`). Every link of it is
    absolute under ``base``, else root-relative: it is served at any depth."""
    lang = language.current()
    pre = languages.prefix(lang)
    title = _("Page not found")
    links = [(site_link(base, pre + "index.html"), _("The latest reviewed edition")),
             (site_link(base, pre + "editions.html"), _("Every edition of the book"))]
    items = "".join(f'<li><a href="{escape(href, quote=True)}">{escape(text)}</a></li>' for href, text in links)
    text = _("No page of the book has this address. An edition keeps its addresses once published; a page that "
             "left an edition leads to that edition's front page.")
    body = f"<h1>{escape(title)}</h1>\n<p>{escape(text)}</p>\n<ul>{items}</ul>"
    others = [o for o in langs if o != lang]
    switch = " · ".join(f'<a class="hemiplan-language-link" href="{escape(site_link(base, languages.prefix(o) + NOT_FOUND), quote=True)}" '
                        f'lang="{o}" hreflang="{o}">{escape(languages.own_name(o))}</a>' for o in others)
    name = escape(_("Language"), quote=True)
    nav = f'<nav class="hemiplan-language" aria-label="{name}">{switch}</nav>' if switch else ""
    alternates = "".join(f'<link rel="alternate" hreflang="{o}" href="{escape(site_link(base, languages.prefix(o) + NOT_FOUND), quote=True)}">'
                         for o in langs)
    head = '<meta name="robots" content="noindex">' + alternates
    return page(title, body, head, nav)


def public_files(base: str, editions: dict[str, dict[int, Path]]) -> dict[str, str]:
    """``sitemap.xml`` and ``robots.txt`` (site path → text), with a public address only."""
    if not base:
        return {}
    return {SITEMAP: sitemap(base, editions), ROBOTS: robots(base)}


def relative_link(from_path: str, site_path: str) -> str:
    """The link from the site path ``from_path`` (a file) to ``site_path``."""
    target, _sep, fragment = site_path.partition("#")
    rel = posixpath.relpath(target, posixpath.dirname(from_path) or ".")
    return rel + (f"#{fragment}" if fragment else "")
