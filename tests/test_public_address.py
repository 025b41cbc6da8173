"""The site at its public address (issue 23, items 1, 6, 7), on small hand-written
sites (SYNTHETIC): the address normalised or refused; the sitemap lists every content
page of every edition in every language under the address, with its hreflang
alternates, and robots.txt points at it; the 404 page links from any depth (absolute
under the address, else root-relative) in both languages; the site check follows links
under the address and the sitemap's addresses; a page that leaves an edition leaves a
redirect; the landing page links each edition's PDF and data package."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hemiplan import language
from hemiplan.build import public, site, sitecheck
from hemiplan.build.jobs import BuildError

BASE = "https://reports.example.org/hemiplan/"
PAGE = '<!DOCTYPE html><html><head><title>{t}</title></head><body><h1 id="top">{t}</h1>{body}</body></html>'


def write(folder: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(body if body.startswith("<!DOCTYPE") else PAGE.format(t=name, body=body),
                                   encoding="utf-8")
    return folder


def edition(folder: Path) -> Path:
    return write(folder, {"index.html": "", "intro.html": "", "chapters/training.html": "",
                          "chapters/profiles/arg.html": "", "search.html": "", "genindex.html": "",
                          "_static/x.html": "", "latest-redirect.html": site.redirect("index.html", "x")})


def test_the_address_is_normalised_or_refused():
    assert public.normalise("https://reports.example.org/hemiplan") == BASE
    assert public.normalise(BASE) == BASE
    assert public.normalise("  ") == "" and public.normalise(None) == ""
    for bad in ("reports.example.org/hemiplan/", "ftp://example.org/", "/hemiplan/", "https://example.org/?q=1",
                "https://example.org/#top"):
        with pytest.raises(BuildError, match="not an absolute http"):
            public.normalise(bad)
    assert public.edition_base(BASE, 2014, "es") == f"{BASE}es/2014/"
    assert public.edition_base("", 2014, "en") == ""


def test_the_sitemap_lists_every_page_of_every_edition_in_every_language(tmp_path):
    html = tmp_path / "html"
    editions = {"en": {2014: edition(html / "2014"), 2015: edition(html / "2015")},
                "es": {2014: edition(html / "es" / "2014"), 2015: edition(html / "es" / "2015")}}
    text = public.sitemap(BASE, editions)
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    pages = ["chapters/profiles/arg.html", "chapters/training.html", "index.html", "intro.html"]
    want = {f"{BASE}{pre}{y}/{p}" for pre in ("", "es/") for y in (2014, 2015) for p in pages}
    want |= {f"{BASE}editions.html", f"{BASE}es/editions.html"}
    assert set(locs) == want and len(locs) == len(want)
    assert "search.html" not in text and "genindex" not in text and "_static" not in text and "redirect" not in text
    # each page names itself and its Spanish counterpart as alternates
    entry = next(e for e in text.split("</url>") if f"<loc>{BASE}es/2015/intro.html</loc>" in e)
    assert f'hreflang="en" href="{BASE}2015/intro.html"' in entry and f'hreflang="es" href="{BASE}es/2015/intro.html"' in entry
    robots = public.robots(BASE)
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()
    assert public.public_files("", editions) == {}
    # the site check follows every address of the sitemap to a page
    view = sitecheck.Site(html, base=BASE)
    write(html, {"editions.html": "", "es/editions.html": ""})
    assert sitecheck.check_sitemap(view, "sitemap.xml", text) == []
    (html / "es" / "2015" / "intro.html").unlink()
    found = [str(p) for p in sitecheck.check_sitemap(view, "sitemap.xml", text)]
    assert found and all("es/2015/intro.html" in p and "missing page" in p for p in found), found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_404_page_links_from_any_depth(lang):
    with language_of(lang):
        with_base = BeautifulSoup(site.not_found(BASE, ["en", "es"]), "html.parser")
        without = BeautifulSoup(site.not_found("", ["en", "es"]), "html.parser")
    pre = "" if lang == "en" else "es/"
    other = "es/" if lang == "en" else ""
    for soup, start in ((with_base, BASE), (without, "/")):
        hrefs = [a["href"] for a in soup.find_all("a")]
        assert hrefs and all(h.startswith(start) for h in hrefs), hrefs
        assert f"{start}{pre}editions.html" in hrefs and f"{start}{other}404.html" in hrefs
        assert soup.html["lang"] == lang and soup.h1.get_text()
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert soup.find("header", class_="hemiplan-site-header"), "the 404 page has the site's header"
        assert soup.find("style") and not soup.find("link", rel="stylesheet"), "its style is inlined: any depth"
    if lang == "es":
        assert with_base.h1.get_text() == "Página no encontrada"
        assert "Every edition" not in with_base.get_text()


class language_of:
    def __init__(self, lang):
        self.lang = lang

    def __enter__(self):
        language.use(self.lang)

    def __exit__(self, *exc):
        language.use("en")


def test_the_site_check_follows_links_under_the_address(tmp_path):
    html = write(tmp_path, {
        "2014/intro.html": f'<link rel="canonical" href="{BASE}2014/intro.html">'
                           f'<a href="{BASE}2014/gone.html">gone</a> <a href="/editions.html">root</a>',
        "404.html": '<a href="/2014/intro.html">ok</a> <a href="/2014/nothere.html">missing</a>',
        "editions.html": ""})
    found = [str(p) for p in sitecheck.check(sitecheck.Site(html), [""])]
    assert found == ["2014/intro.html: link outside the site (line 1): /editions.html",
                     "404.html: link to a missing page 2014/nothere.html (line 1): /2014/nothere.html"]
    found = [str(p) for p in sitecheck.check(sitecheck.Site(html, base=BASE), [""])]
    assert f"2014/intro.html: link to a missing page 2014/gone.html (line 1): {BASE}2014/gone.html" in found
    assert not any("canonical" in p or f"{BASE}2014/intro.html" in p.split(": ")[-1] for p in found)


def test_a_page_that_leaves_an_edition_leaves_a_redirect(tmp_path):
    published = edition(tmp_path / "published")
    (published / public.PAGES_RECORD).write_text(json.dumps(
        {"pages": ["chapters/profiles/arg.html", "chapters/profiles/bol.html", "chapters/training.html",
                   "index.html", "intro.html"]}), encoding="utf-8")
    fresh = edition(tmp_path / "fresh")
    (fresh / "chapters/profiles/arg.html").unlink()
    assert public.keep_permalinks(fresh, published, 2014, "es") == ["chapters/profiles/arg.html",
                                                                    "chapters/profiles/bol.html"]
    record = json.loads((fresh / public.PAGES_RECORD).read_text(encoding="utf-8"))["pages"]
    assert "chapters/profiles/bol.html" in record and "chapters/profiles/arg.html" in record
    moved = (fresh / "chapters/profiles/bol.html").read_text(encoding="utf-8")
    assert 'url=../../index.html"' in moved and 'lang="es"' in moved and "2014" in moved
    assert sitecheck.check(sitecheck.Site(fresh), [""]) == []
    # the next build keeps them: the record of the published folder goes on
    again = edition(tmp_path / "again")
    (again / "chapters/profiles/arg.html").unlink()
    assert public.keep_permalinks(again, fresh, 2014, "es") == ["chapters/profiles/arg.html",
                                                                "chapters/profiles/bol.html"]


def test_the_landing_page_links_each_editions_pdf_and_data():
    metas = {2031: {"status": "reviewed", "drafts": 0, "data_version": "abc", "headline": {}, "pdf": True,
                    "data_package": "downloads/hemiplan-2031-data.zip"},
             2032: {"status": "draft", "drafts": 3, "data_version": "def", "headline": {}, "pdf": False,
                    "data_package": "downloads/hemiplan-2032-data.zip"},
             2030: {"status": "reviewed", "drafts": 0, "data_version": "ghi", "headline": {}}}
    soup = BeautifulSoup(site.landing(metas, ["en", "es"]), "html.parser")
    cells = {r.th.get_text(" ", strip=True): r.find_all("td")[-1] for r in soup.tbody.find_all("tr")}
    assert [a["href"] for a in cells["The 2031 edition"].find_all("a")] == [
        "2031/downloads/hemiplan-2031.pdf", "2031/downloads/hemiplan-2031-data.zip"]
    assert [a["href"] for a in cells["The 2032 edition (draft)"].find_all("a")] == [
        "2032/downloads/hemiplan-2032-data.zip"], "an edition built without PDFs links none"
    assert [a["href"] for a in cells["The 2030 edition"].find_all("a")] == ["2030/downloads/hemiplan-2030.pdf"]
    assert soup.find("header", class_="hemiplan-site-header").a["href"] == "index.html"
    assert soup.thead.find_all("th")[-1].get_text() == "Downloads"


def test_hemiplan_serve_answers_a_missing_page_with_the_404_page(tmp_path):
    import functools
    import threading
    import urllib.error
    import urllib.request
    from http.server import ThreadingHTTPServer

    from hemiplan import cli

    write(tmp_path, {"404.html": site.not_found("", ["en", "es"]), "index.html": ""})
    with language_of("es"):
        write(tmp_path, {"es/404.html": site.not_found("", ["en", "es"])})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(cli._SiteHandler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        for path, heading in (("/2014/chapters/nothere.html", "Page not found"),
                              ("/es/2014/a/b/c.html", "Página no encontrada")):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(base + path, timeout=10)
            assert err.value.code == 404
            assert BeautifulSoup(err.value.read().decode("utf-8"), "html.parser").h1.get_text() == heading
        assert urllib.request.urlopen(base + "/index.html", timeout=10).status == 200
    finally:
        httpd.shutdown()
        httpd.server_close()
