"""The built site in a real browser (Debian's chromium, headless, through playwright):
every page of a book built for the SYNTHETIC year 2031 loads without console errors,
with every image, link and anchor working; the search finds "CICTE"; every member-state
profile is reachable from the navigation; no page scrolls sideways at a phone width.
A full-page screenshot of each chapter is saved under _build/screenshots/ (a CI
artifact). A fixture site with a broken link and a broken image proves the checks
catch them.

On that site and on the 2014 edition (built from the project's data): no table is cut
off at 1280 px; at 390 px tables that scroll sideways keep their first column in view
and say that they scroll; a long table sorts and filters; every quote anchor of the
source text is highlighted and reached from the book; every profile has a PDF that
names its state; a profile prints without sidebars (a print-media screenshot is kept).

Both languages: the crawl starts from the English front page and reaches the Spanish
pages through the language switch of every page, so that every check of the crawl
(console, images, links, anchors, phone width) covers both; the checks of chapters
(clipping, sticky columns, sorting, PDFs) run on the chapters of both languages."""
from __future__ import annotations

import base64
import html
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import browser_checks as bc
from .conftest import SCREENSHOTS, Site

NOT_CHAPTERS = {"genindex.html", "search.html"}
#: The folder of each language's pages in a site (see hemiplan.build.languages).
PREFIXES = {"en": "", "es": "es/"}


@dataclass
class Crawled:
    site: Site
    base: str            # URL of _build/html/
    crawl: bc.Crawl
    shots: Path

    @property
    def edition_url(self) -> str:
        return f"{self.base}{self.site.year}/"

    def edition_pages(self, lang: str = "en") -> set[str]:
        """Pages of the edition in a language, as paths below it."""
        prefix = f"{PREFIXES[lang]}{self.site.year}/"
        return {p.removeprefix(prefix) for p in self.crawl.pages() if p.startswith(prefix)}

    def editions(self):
        """(language, folder of the edition in it, its path in the site) for every language."""
        return [(lang, self.site.edition_in(lang), f"{pre}{self.site.year}") for lang, pre in PREFIXES.items()]


@pytest.fixture(scope="module")
def crawled(synthetic_site, browser):
    """The synthetic site served over HTTP and crawled once from _build/html/index.html
    (and from the edition's search and index pages, which the theme reaches through its
    search box rather than by links), with a full-page screenshot of every chapter."""
    shots = SCREENSHOTS / f"synthetic-{synthetic_site.year}"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    prefix = f"{synthetic_site.year}/"

    with bc.serve(synthetic_site.html) as base:
        def shoot(page, v):
            rel = bc.relative(base, v.url)
            path = rel.removeprefix(prefix)
            if posixpath.basename(path) not in NOT_CHAPTERS and not rel.startswith("es/latest/"):
                page.screenshot(path=str(shots / bc.screenshot_name(path)), full_page=True)

        starts = ["index.html"] + [prefix + p for p in sorted(NOT_CHAPTERS)]
        # the edition's pages and the site's own (the earlier edition its build brings
        # along is the same code: its pages are checked as files its links reach)
        within = [f"{pre}{where}" for pre in PREFIXES.values()
                  for where in (prefix, "latest/", "index.html", "editions.html", "404.html")]
        yield Crawled(synthetic_site, base, bc.crawl(browser, base, starts, on_page=shoot, within=within), shots)


@pytest.fixture(scope="module")
def crawled_2014(series_site, browser):
    """The 2014 edition as the series site publishes it (beside the draft 2033, which
    is not visited: its pages are the series tests'), crawled from the site's front
    page, which leads to 2014, the latest reviewed edition."""
    root, data_dir, _ = series_site
    site = Site(root, data_dir, 2014)
    with bc.serve(site.html) as base:
        prefix = f"{site.year}/"
        starts = ["index.html"] + [prefix + p for p in sorted(NOT_CHAPTERS)]
        within = [f"{pre}{where}" for pre in PREFIXES.values()
                  for where in (prefix, "latest/", "index.html", "editions.html")]
        yield Crawled(site, base, bc.crawl(browser, base, starts, within=within), SCREENSHOTS / "edition-2014")


@pytest.fixture(params=["synthetic", "2014"])
def edition(request):
    """The crawled synthetic site, then the crawled 2014 edition."""
    return request.getfixturevalue("crawled" if request.param == "synthetic" else "crawled_2014")


def _chapter_urls(c: Crawled) -> list[str]:
    """The chapters of the edition, in every language."""
    out = []
    for _lang, _folder, where in c.editions():
        out += [c.base + p for p in c.crawl.pages()
                if c.crawl.visits[p].redirect is None and p.startswith(f"{where}/")
                and p.removeprefix(f"{where}/") not in NOT_CHAPTERS]
    return out


def _report(problems) -> str:
    return "\n".join(str(p) for p in problems)


def test_every_page_of_the_site_is_visited(crawled):
    for lang, edition, _ in crawled.editions():
        on_disk = {str(p.relative_to(edition)) for p in edition.rglob("*.html")
                   if not {"_static", "_sources"} & set(p.relative_to(edition).parts)}
        assert on_disk, f"the build published no pages in {lang}"
        assert on_disk == crawled.edition_pages(lang), (
            f"{lang}: pages that no link reaches: {sorted(on_disk - crawled.edition_pages(lang))}; "
            f"links to pages that do not exist: {sorted(crawled.edition_pages(lang) - on_disk)}")


def test_no_console_errors(crawled):
    problems = crawled.crawl.of_kind("console", "exception", "dialog", "request")
    assert not problems, _report(problems)


def test_every_image_loads(crawled):
    images = sum(len(v.images) for v in crawled.crawl.visits.values())
    assert images > 0, "no images at all: the figures are missing"
    problems = crawled.crawl.of_kind("image")
    assert not problems, _report(problems)


def test_every_internal_link_and_anchor_resolves(crawled):
    problems = crawled.crawl.of_kind("link", "anchor")
    assert not problems, _report(problems)
    anchors = [h for v in crawled.crawl.visits.values() for h in v.links
               if "#src-" in h and "source_text.html" in h]
    assert anchors, "no link to a paragraph of the source text: provenance links are missing"


def test_search_finds_cicte(crawled, browser):
    results, problems = bc.search(browser, crawled.edition_url, "CICTE")
    assert not problems, _report(problems)
    assert results, "the search for CICTE returned nothing"


def test_every_profile_is_reachable_from_the_navigation(crawled):
    profiles = {f"chapters/profiles/{p.name}" for p in (crawled.site.edition / "chapters" / "profiles").glob("*.html")}
    assert profiles, "the build published no member-state profile"
    start = f"{crawled.site.year}/intro.html"
    reached = {p.removeprefix(f"{crawled.site.year}/") for p in bc.reachable_by_navigation(crawled.crawl, start)}
    assert profiles <= reached, f"profiles missing from the navigation: {sorted(profiles - reached)}"


def test_no_horizontal_scroll_at_phone_width(crawled, browser):
    urls = [crawled.base + p for p in crawled.crawl.pages() if crawled.crawl.visits[p].redirect is None]
    problems = bc.horizontal_overflow(browser, urls, bc.PHONE_WIDTH)
    assert not problems, _report(problems)


def test_the_header_search_stays_above_the_sidebar_at_every_desktop_width(crawled, browser):
    """The theme's sidebar is a fifth of the window: at its narrowest (992px) the search
    button with its label and keyboard hint, longer in Spanish, must still fit above it."""
    urls = [crawled.base + f"{pre}{crawled.site.year}/chapters/training.html" for pre in PREFIXES.values()]
    problems = bc.header_past_sidebar(browser, urls, (992, 1100, 1200, 1280))
    assert not problems, _report(problems)


def test_a_screenshot_per_chapter(crawled):
    chapters = crawled.edition_pages() - NOT_CHAPTERS - {"index.html"}
    shots = {p: crawled.shots / bc.screenshot_name(p) for p in sorted(chapters)}
    missing = [p for p, shot in shots.items() if not (shot.is_file() and shot.stat().st_size)]
    assert not missing, f"no screenshot of {missing}"


# --- tables that fit, sorting, quotes, PDFs and print (issue 14) ---------------------------

#: Of the 2014 edition's member-state profiles (one template, a page per state), the
#: layout checks open the ones with the most content in each language: the widest tables.
PROFILES_SAMPLED = 4
_LAYOUTS: dict[str, bc.Layout] = {}


def _layout_urls(c: Crawled) -> list[str]:
    """The chapters whose tables are checked: every chapter of the synthetic site; of
    2014's, every chapter but the profiles, and its PROFILES_SAMPLED largest profiles
    in each language (every profile is crawled for links, console and images)."""
    urls = _chapter_urls(c)
    if c.site.year != 2014:
        return urls
    profiles = [u for u in urls if "/chapters/profiles/" in u]
    size = {u: (c.site.html / bc.relative(c.base, u)).stat().st_size for u in profiles}
    keep = set()
    for pre in PREFIXES.values():
        mine = [u for u in profiles if bc.relative(c.base, u).startswith(f"{pre}2014/")]
        keep |= set(sorted(mine, key=lambda u: (-size[u], u))[:PROFILES_SAMPLED])
    return [u for u in urls if u not in profiles or u in keep]


def _layout(edition: Crawled, browser) -> bc.Layout:
    """Both layout checks of an edition, from one visit of each page (see bc.layout)."""
    key = str(edition.site.html / str(edition.site.year))
    if key not in _LAYOUTS:
        _LAYOUTS[key] = bc.layout(browser, _layout_urls(edition))
    return _LAYOUTS[key]


def test_no_table_is_clipped_at_desktop_width(edition, browser):
    urls = _layout_urls(edition)
    assert any("training.html" in u for u in urls), "the training chapter was not crawled"
    assert any("/es/" in u for u in urls) and any("/chapters/profiles/" in u for u in urls)
    problems = _layout(edition, browser).clipped
    assert not problems, _report(problems)


def test_tables_scroll_with_a_sticky_first_column_at_phone_width(edition, browser):
    found = _layout(edition, browser)
    assert found.scrolling, "no table scrolls sideways at 390px: the check checked nothing"
    assert not found.sticky, _report(found.sticky)


def test_a_long_table_sorts_and_filters(edition, browser):
    pages = [u for u in _chapter_urls(edition)
             if "hemiplan-sortable" in (edition.site.html / bc.relative(edition.base, u)).read_text(encoding="utf-8")]
    assert pages, "no table of 10 rows or more is marked sortable"
    for url in pages:   # the first page with a long table in view that has numbers
        problems = bc.sorting(browser, url)
        if [p.detail for p in problems] != [bc.NO_SORTABLE]:
            break
    assert not problems, _report(problems)


def test_every_quote_is_highlighted_and_reached_from_the_book(edition, browser):
    counts, problems = bc.quote_anchors(browser, edition.crawl, f"{edition.site.year}/chapters/source_text.html")
    assert counts.get("quotes"), "the source text marks no quote"
    assert counts["linked"] + counts["through paragraph"], "no table row or caption leads to a quote"
    assert not problems, _report(problems)


def test_every_profile_has_a_pdf_that_names_its_state(edition):
    profiles = sorted(p for _, folder, _ in edition.editions() for p in (folder / "chapters" / "profiles").glob("*.html"))
    assert profiles, "no profile to check"
    problems = []
    for page in profiles:
        text = page.read_text(encoding="utf-8")
        name = re.search(r"<h1>([^<]*)<a class=\"headerlink\"", text)
        assert name, f"{page.name}: no title"
        state = html.unescape(re.sub(r"<[^>]+>", "", name.group(1))).strip()
        assert f'href="{page.stem}.pdf"' in text, f"{page.name}: no Download PDF link"
        problems += bc.pdf_problems(page.with_suffix(".pdf"), state)
    assert not problems, _report(problems)


@pytest.mark.parametrize("lang, title", [("en", "Introduction"), ("es", "Introducción")])
def test_the_whole_edition_has_a_pdf(edition, lang, title):
    import pypdfium2 as pdfium

    folder = edition.site.edition_in(lang)
    front = (folder / "intro.html").read_text(encoding="utf-8")
    link = f"downloads/hemiplan-{edition.site.year}.pdf"
    assert f'href="{link}"' in front, "the front page does not link to the edition's PDF"
    book = folder / link
    profiles = list((folder / "chapters" / "profiles").glob("*.pdf"))
    doc = pdfium.PdfDocument(str(book))
    try:
        pages = len(doc)
    finally:
        doc.close()
    # every page of the book is in it: the profiles (one page or more each) and the chapters
    assert pages > len(profiles) + 5, f"the edition's PDF has {pages} pages for {len(profiles)} profiles"
    assert not bc.pdf_problems(book, title)


def test_a_profile_prints_without_sidebars(edition, browser):
    profile = sorted((edition.site.edition / "chapters" / "profiles").glob("*.html"))[0]
    url = f"{edition.base}{edition.site.year}/chapters/profiles/{profile.name}"
    shot = edition.shots / f"print-chapters-profiles-{profile.stem}.png"
    problems = bc.print_view(browser, url, shot)
    assert not problems, _report(problems)
    assert shot.is_file() and shot.stat().st_size


# --- the checks themselves catch what they are for ------------------------------------------

PNG_1x1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

BROKEN_SITE = {
    "index.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>
<link rel="icon" href="data:,"></head><body><h1 id="top">A deliberately broken fixture site</h1>
<p><a href="page.html">a good link</a>, <a href="page.html#here">a good anchor</a>,
<a href="#top">an anchor on this page</a>, <img src="good.png" alt="a good image"></p>
<p><a href="missing.html">a broken link</a>, <a href="page.html#nowhere">a broken anchor</a>,
<img src="missing.png" alt="a broken image"></p>
<p><a href="wide.html">wide</a> <a href="script.html">script</a></p></body></html>""",
    "page.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page</title>
<link rel="icon" href="data:,"></head><body><h1 id="here">A page</h1><p><a href="index.html">back</a></p></body></html>""",
    "wide.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Wide</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body><h1>Too wide for a phone</h1><div style="width: 900px">x</div></body></html>""",
    "script.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Script</title>
<link rel="icon" href="data:,"></head><body><h1>A failing script</h1>
<script>alert("dialog"); throw new Error("deliberately thrown");</script></body></html>""",
}


def test_checks_catch_a_broken_link_image_anchor_script_and_width(tmp_path, browser):
    for name, text in BROKEN_SITE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "good.png").write_bytes(PNG_1x1)
    with bc.serve(tmp_path) as base:
        result = bc.crawl(browser, base, "index.html")
        overflow = bc.horizontal_overflow(browser, [base + "index.html", base + "wide.html"])
    found = {(p.page, p.kind) for p in result.problems}
    text = _report(result.problems)
    assert ("index.html", "link") in found and "missing.html does not exist (HTTP 404)" in text, text
    assert ("index.html", "image") in found and "'missing.png' did not load" in text, text
    assert ("index.html", "anchor") in found and "page.html has no element with id 'nowhere'" in text, text
    assert ("index.html", "console") in found, text          # the 404 of missing.png
    assert ("script.html", "exception") in found and "deliberately thrown" in text, text
    assert ("script.html", "dialog") in found, text
    # Nothing else: the good link, anchors and image raise nothing, page.html is clean.
    assert all(p.page in ("index.html", "script.html") for p in result.problems), text
    assert not any(p.kind in ("link", "anchor") and ("page.html#here" in p.detail or "top" in p.detail)
                   for p in result.problems), text
    assert sorted(result.pages()) == ["index.html", "page.html", "script.html", "wide.html"]
    assert [p.page for p in overflow] == ["/wide.html"], _report(overflow)


def test_checks_catch_breakage_in_a_copy_of_the_built_site(synthetic_site, browser, tmp_path):
    html = tmp_path / "html"
    shutil.copytree(synthetic_site.html, html)
    page = html / str(synthetic_site.year) / "chapters" / "overview.html"
    text = page.read_text(encoding="utf-8")
    image = text.index('src="../_images/')
    text = text[:image] + 'src="../_images/missing.png' + text[text.index('"', image + 5):]
    assert 'href="member_states.html"' in text and "source_text.html#src-" in text
    text = text.replace('href="member_states.html"', 'href="member_state.html"', 1)
    text = text.replace("source_text.html#src-", "source_text.html#nosuch-src-", 1)
    page.write_text(text, encoding="utf-8")
    with bc.serve(html) as base:
        result = bc.crawl(browser, base, "index.html")
    broken = f"{synthetic_site.year}/chapters/overview.html"
    found = {(p.page, p.kind) for p in result.problems}
    assert {(broken, k) for k in ("image", "link", "anchor", "console", "request")} == found, _report(result.problems)


TABLE_SITE = {
    # A table cut off by a box that scrolls on its own, and one that fits.
    "clipped.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clipped</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body><article class="bd-article"><div style="width: 300px; overflow-x: auto">
<table class="hemiplan-table"><caption>Too wide</caption><tr><td style="min-width: 800px">x</td></tr></table></div>
<div class="hemiplan-table-wrap"><table class="hemiplan-table"><caption>Fits</caption><tr><td>x</td></tr></table></div>
</article></body></html>""",
    # A table that scrolls at a phone width, with neither a sticky first column nor a cue.
    "loose.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Loose</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body><div class="hemiplan-table-wrap" style="overflow-x: auto; max-width: 100%"><table class="hemiplan-table">
<caption>Loose</caption><tbody><tr><th>first</th><td style="min-width: 900px">second</td></tr></tbody></table></div></body></html>""",
    # A quote that is not highlighted, a link to a quote that does not exist, sidebars in print.
    "source.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Source</title>
<link rel="icon" href="data:,"><style>mark.hemiplan-quote { background: yellow; } mark.plain { background: none; }</style></head>
<body><div class="bd-sidebar-primary">navigation</div>
<p><mark class="hemiplan-quote" id="q-2014-a001">a highlighted quote</mark>
<mark class="hemiplan-quote plain" id="q-2014-a002">a quote left plain</mark></p></body></html>""",
    "links.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Links</title>
<link rel="icon" href="data:,"></head><body><h1>Links</h1><p><a href="source.html#q-2014-a001">one</a>
<a href="source.html#q-2014-a009">missing</a></p></body></html>""",
}


def test_table_quote_and_print_checks_catch_what_they_are_for(tmp_path, browser):
    for name, text in TABLE_SITE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with bc.serve(tmp_path) as base:
        found = bc.layout(browser, [base + "clipped.html", base + "loose.html"])
        clipped, scrolling, loose = found.clipped, found.scrolling, found.sticky
        result = bc.crawl(browser, base, "links.html")
        counts, quotes = bc.quote_anchors(browser, result, "source.html")
        printed = bc.print_view(browser, base + "source.html")
    assert len(clipped) == 1 and clipped[0].detail.startswith("table 'Too wide' is cut off at 1280px by div"), \
        _report(clipped)
    assert scrolling == 1 and {p.detail for p in loose} == {
        "Loose: the first column moves away when the table scrolls",
        "Loose: no visible cue that the table scrolls sideways"}, _report(loose)
    assert {p.detail for p in quotes} == {"#q-2014-a002: its quote is not highlighted",
                                          "#q-2014-a009: no element with this id",
                                          "opening #q-2014-a001 does not outline its quote (none rgb(255, 255, 0))"}, \
        _report(quotes)
    assert counts["quotes"] == 2 and counts["linked"] == 1 and counts["unreached"] == ["q-2014-a002"]
    assert [p.detail for p in printed] == [".bd-sidebar-primary is shown in print"], _report(printed)


def test_pdf_check_needs_a_pdf_that_names_the_state(tmp_path, browser):
    page = browser.new_page()
    try:
        page.set_content("<h1>Profile of Atlantis</h1><p>Activities reaching Atlantis.</p>")
        page.pdf(path=str(tmp_path / "atl.pdf"))
    finally:
        page.close()
    assert bc.pdf_problems(tmp_path / "atl.pdf", "Atlantis") == []
    assert [p.detail for p in bc.pdf_problems(tmp_path / "atl.pdf", "Lemuria")] == [
        "does not name 'Lemuria' on its first pages"]
    assert [p.detail for p in bc.pdf_problems(tmp_path / "none.pdf", "Atlantis")] == ["missing or empty"]


def _page(title: str, body: str, h1s: int = 1) -> str:
    heads = "".join(f"<h1>{title}</h1>" for _ in range(h1s))
    return (f'<!DOCTYPE html><html><head><title>{title}</title><script>var x;</script></head><body>'
            f'<nav>navigation</nav><article class="bd-article">{heads}<p>{body}</p></article></body></html>')


def test_pages_printed_together_are_split_back_into_their_own_pdfs(tmp_path, browser):
    """Pages of one folder are printed in one combined copy and split at their
    headings: each PDF holds its own page, all of it, and nothing of the others; a
    page with two top-level headings is printed alone; no print copy is left."""
    import pypdfium2 as pdfium

    from hemiplan.build import pdf, printcopy

    (tmp_path / "p").mkdir()
    pages = {"p/a.html": _page("Atlantis", "alpha"), "p/b.html": _page("Lemuria", "beta " * 4000),
             "p/c.html": _page("Mu", "gamma"), "p/d.html": _page("Hyperborea", "delta", h1s=2)}
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert [printcopy.combinable(t) for t in pages.values()] == [True, True, True, False]
    assert "navigation" not in printcopy.print_copy(pages["p/a.html"])
    assert "<script" not in printcopy.combined_copy(list(pages.values()))
    todo = {name: tmp_path / f"{Path(name).stem}.pdf" for name in pages}
    pdf._print_pages(tmp_path, "2099", todo, "test", 2)
    titles = {"a": "Atlantis", "b": "Lemuria", "c": "Mu", "d": "Hyperborea"}
    for stem, title in titles.items():
        doc = pdfium.PdfDocument(str(tmp_path / f"{stem}.pdf"))
        text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        assert text.lstrip().startswith(title), stem
        assert not any(other in text for other in titles.values() if other != title), stem
        if stem == "b":
            assert len(doc) > 1 and text.count("beta") == 4000  # all of a long page
        doc.close()
    assert not list((tmp_path / "p").glob(".print*"))
    # bookmarks that do not match the parts: no split, nothing written
    assert pdf.split(tmp_path / "b.pdf", [tmp_path / "x.pdf", tmp_path / "y.pdf"]) is False
    assert not (tmp_path / "x.pdf").exists()
