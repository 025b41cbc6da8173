"""The publish guarantee, checked on the assembled HTML itself: no unresolved
cross-reference, no internal link to a missing page, no link to a missing ``#anchor``.

Sphinx reports an unresolved reference only while it reads the page that holds it, so
an incremental re-run of an unchanged page says nothing; the HTML keeps the trace
whatever the run: an unresolved ``{ref}``, ``{doc}``, ``{numref}`` or ``{download}`` is
an element of class ``xref`` outside any link (``<span class="xref std std-ref">``),
and an unresolved Markdown link is a link to ``#<target>`` with class ``xref myst``.
A resolved reference is a link (``<a class="reference internal" href=…>``).

The language switch of every page and its ``<link rel="alternate" hreflang>`` are links
like any other (``a`` and ``link``): a switch to a page missing in the other language
is a link to a missing page, and refused.

A site is checked as it will be served: ``mounts`` places a folder not yet published
(an edition's fresh Jupyter Book output) at its future path, so that links between
editions are followed to the right files.

With a public address (``base``), a link under it is a link into the site like any
other (every page's canonical link, the 404 page's links): it must reach a file. A
root-relative link (``/editions.html``) leaves the site, which may be served below a
path, except on a 404 page without a public address (served at any depth, it cannot
link relatively; see hemiplan.build.public). The sitemap's every address must reach a
page (:func:`check_sitemap`)."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from html import unescape
from urllib.parse import unquote, urlsplit

#: Attributes that point at another file of the site.
LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src", "source": "src"}

#: Folders of a Sphinx site that hold no pages: sources, and the theme's static files
#: (among them Jinja templates with unrendered links).
SKIPPED = {"_sources", "_static"}
#: The 404 page (hemiplan.build.public.NOT_FOUND), whose links are root-relative without a public address.
NOT_FOUND = "404.html"


@dataclass(frozen=True)
class Broken:
    """One problem: the page (path in the site), the link or reference, and why."""
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.reason}: {self.link}"


class _Scan(HTMLParser):
    """The ids, links and unresolved references of one HTML page, with line numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []
        self.unresolved: list[tuple[str, int]] = []
        self._in_a = 0
        self._xref: list[list] = []   # open unresolved references: [tag, depth, text, line]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        if tag in LINK_ATTRS and a.get(LINK_ATTRS[tag]):
            self.links.append((a[LINK_ATTRS[tag]], self.getpos()[0]))
        classes = (a.get("class") or "").split()
        if "xref" in classes and (self._in_a == 0 or "myst" in classes):
            self._xref.append([tag, 0, "", self.getpos()[0]])
        elif self._xref and self._xref[-1][0] == tag:
            self._xref[-1][1] += 1
        if tag == "a":
            self._in_a += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._in_a:
            self._in_a -= 1
        if self._xref and self._xref[-1][0] == tag:
            if self._xref[-1][1]:
                self._xref[-1][1] -= 1
            else:
                _, _, text, line = self._xref.pop()
                self.unresolved.append((text.strip(), line))

    def handle_data(self, data):
        for open_ref in self._xref:
            open_ref[2] += data


def scan(path: Path) -> _Scan:
    parser = _Scan()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


class Site:
    """The files of a site (``root``), with folders not yet in place mounted at the
    path they will have (``mounts``: path in the site → folder on disk)."""

    def __init__(self, root: Path, mounts: dict[str, Path] | None = None, base: str = ""):
        self.root = Path(root)
        self.base = base
        self.mounts = {k.strip("/"): Path(v) for k, v in (mounts or {}).items()}
        self._scans: dict[Path, _Scan] = {}

    def real(self, virtual: str) -> Path:
        """The file on disk that the site path ``virtual`` names."""
        for prefix, folder in self.mounts.items():
            if virtual == prefix or virtual.startswith(prefix + "/"):
                return folder / virtual[len(prefix):].lstrip("/")
        return self.root / virtual

    def pages(self, prefix: str) -> list[str]:
        """Every HTML page under the site path ``prefix`` ('' for the whole site)."""
        base = self.real(prefix) if prefix else self.root
        return sorted(posixpath.join(prefix, str(PurePosixPath(p.relative_to(base))))
                      for p in base.rglob("*.html") if not SKIPPED.intersection(p.relative_to(base).parts))

    def scanned(self, path: Path) -> _Scan:
        if path not in self._scans:
            self._scans[path] = scan(path)
        return self._scans[path]


def _target(site: Site, page: str, url: str) -> tuple[str, Path | None, str] | None:
    """(site path, file, fragment) a link of ``page`` points at; None for links that
    leave the site on purpose (a scheme, ``//host``) or stay on the page (``#``)."""
    public = bool(site.base) and url.startswith(site.base)
    if public:
        url = "/" + url[len(site.base):]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None
    if not parts.path:
        return (page, site.real(page), unquote(parts.fragment)) if parts.fragment else None
    if parts.path.startswith("/") and not (public or (not site.base and posixpath.basename(page) == NOT_FOUND)):
        return (parts.path, None, "")
    here = "" if parts.path.startswith("/") else posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(here, unquote(parts.path).lstrip("/")))
    if joined == ".." or joined.startswith("../"):
        return (joined, None, "")
    path = site.real(joined)
    if path.is_dir():
        joined, path = posixpath.join(joined, "index.html"), path / "index.html"
    return joined, path, unquote(parts.fragment)


def check_page(site: Site, page: str) -> list[Broken]:
    """Every problem of one page of the site."""
    found = site.scanned(site.real(page))
    problems = [Broken(page, text or "(empty)", f"unresolved reference (line {line})")
                for text, line in found.unresolved]
    for url, line in found.links:
        target = _target(site, page, url)
        if target is None:
            continue
        virtual, path, fragment = target
        if path is None:
            problems.append(Broken(page, url, f"link outside the site (line {line})"))
        elif not path.is_file():
            problems.append(Broken(page, url, f"link to a missing page {virtual} (line {line})"))
        elif fragment and path.suffix == ".html" and fragment not in site.scanned(path).ids:
            problems.append(Broken(page, url, f"link to a missing anchor #{fragment} of {virtual} (line {line})"))
    return problems


_LOC = re.compile(r"<loc>([^<]+)</loc>|<xhtml:link\b[^>]*\bhref=\"([^\"]+)\"")


def check_sitemap(site: Site, name: str, text: str) -> list[Broken]:
    """Every address of a sitemap (``name``, its text) lies under the public address
    and reaches a page of the site."""
    problems = []
    for line, row in enumerate(text.splitlines(), 1):
        for m in _LOC.finditer(row):
            url = unescape(m.group(1) or m.group(2))
            if not site.base or not url.startswith(site.base):
                problems.append(Broken(name, url, f"address outside the public address {site.base!r} (line {line})"))
            elif not site.real(unquote(url[len(site.base):])).is_file():
                problems.append(Broken(name, url, f"address of a missing page (line {line})"))
    return problems


def check(site: Site, prefixes: list[str]) -> list[Broken]:
    """Every problem of every page under the given site paths (an edition's folder,
    or '' for the whole site)."""
    problems: list[Broken] = []
    for prefix in prefixes:
        for page in site.pages(prefix):
            problems += check_page(site, page)
    return problems


def report(problems: list[Broken], limit: int = 30) -> str:
    """The refusal: how many problems, then each with its page and link."""
    lines = [f"the site was not published: {len(problems)} broken link(s) or reference(s) "
             "in the assembled HTML:"]
    lines += [f"  {p}" for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"  … and {len(problems) - limit} more")
    return "\n".join(lines)
