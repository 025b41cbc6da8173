"""The built site in a real browser (Debian's chromium, headless, through playwright):
every page of a book built for the SYNTHETIC year 2031 loads without console errors,
with every image, link and anchor working; the search finds "CICTE"; every member-state
profile is reachable from the navigation; no page scrolls sideways at a phone width.
A full-page screenshot of each chapter is saved under _build/screenshots/ (a CI
artifact). A fixture site with a broken link and a broken image proves the checks
catch them."""
from __future__ import annotations

import base64
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import browser_checks as bc
from .conftest import SCREENSHOTS, Site

NOT_CHAPTERS = {"genindex.html", "search.html"}


@dataclass
class Crawled:
    site: Site
    base: str            # URL of _build/html/
    crawl: bc.Crawl
    shots: Path

    @property
    def edition_url(self) -> str:
        return f"{self.base}{self.site.year}/"

    def edition_pages(self) -> set[str]:
        """Pages of the edition, as paths below it."""
        prefix = f"{self.site.year}/"
        return {p.removeprefix(prefix) for p in self.crawl.pages() if p.startswith(prefix)}


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
            path = bc.relative(base, v.url).removeprefix(prefix)
            if path not in NOT_CHAPTERS:
                page.screenshot(path=str(shots / bc.screenshot_name(path)), full_page=True)

        starts = ["index.html"] + [prefix + p for p in sorted(NOT_CHAPTERS)]
        yield Crawled(synthetic_site, base, bc.crawl(browser, base, starts, on_page=shoot), shots)


def _report(problems) -> str:
    return "\n".join(str(p) for p in problems)


def test_every_page_of_the_site_is_visited(crawled):
    on_disk = {str(p.relative_to(crawled.site.edition)) for p in crawled.site.edition.rglob("*.html")
               if not {"_static", "_sources"} & set(p.relative_to(crawled.site.edition).parts)}
    assert on_disk, "the build published no pages"
    assert on_disk == crawled.edition_pages(), (
        f"pages that no link reaches: {sorted(on_disk - crawled.edition_pages())}; "
        f"links to pages that do not exist: {sorted(crawled.edition_pages() - on_disk)}")


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


def test_a_screenshot_per_chapter(crawled):
    chapters = crawled.edition_pages() - NOT_CHAPTERS - {"index.html"}
    shots = {p: crawled.shots / bc.screenshot_name(p) for p in sorted(chapters)}
    missing = [p for p, shot in shots.items() if not (shot.is_file() and shot.stat().st_size)]
    assert not missing, f"no screenshot of {missing}"


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
