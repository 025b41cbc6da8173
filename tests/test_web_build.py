"""The site built for the web (issue 23), end to end in a scratch root with two
SYNTHETIC years made from the fixture year (hemiplan.build.bench_editions): 2040,
reviewed, and 2041, a draft (one row set back to draft).

On a fresh root, with the browser hidden from the build: ``build --year 2041`` without
--no-pdf is refused before anything executes, naming the browser and --no-pdf;
``build --year 2041 --no-pdf --base-url …`` builds 2041 and the unpublished 2040 its
pages link to, without PDFs (the pages say where they will be); then, with the browser,
the same build prints the PDFs and no link of any PDF points at a local server or a
file. With the address: a canonical link under it on every page of both languages,
a sitemap of every page, robots.txt, 404 pages; axe-core finds no serious or
critical violation on the draft edition's Review page at either width."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hemiplan.build import bench_editions, pdf, public

from . import browser_checks as bc
from .conftest import PROJECT, copy_book

BASE = "https://reports.example.org/hemiplan/"
REVIEWED, DRAFT = 2040, 2041
LOCAL = re.compile(r"127\.0\.0\.1|localhost|^file:|hemiplan\.invalid", re.I)

# The build in its own process, as `hemiplan build` runs it; the browser hidden by
# pointing the build's chromium at a path that does not exist.
BUILD = """
import sys
from pathlib import Path
from hemiplan import cli
from hemiplan.build import pdf
if sys.argv[1] == "hidden":
    pdf.CHROMIUM = Path("/nonexistent/chromium")
sys.exit(cli.main(sys.argv[2:]))
"""


def hemiplan_build(root: Path, data: Path, *options: str, browser: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BUILD, "shown" if browser else "hidden", "build", "--year",
                           str(DRAFT), "--data-dir", str(data), *options],
                          capture_output=True, text=True, timeout=1800, cwd=root,
                          env={**os.environ, "HEMIPLAN_ROOT": str(root)})


def two_synthetic_years(dest: Path) -> Path:
    years = bench_editions.make_editions(dest, 2)
    assert years == [REVIEWED, DRAFT]
    acts = dest / str(DRAFT) / "activities.csv"
    lines = acts.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",reviewed,", ",draft,", 1)
    acts.write_text("".join(lines), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """(root, data folder, the three runs): refused without a browser, built without
    PDFs, built with them; each run's completed process."""
    base = tmp_path_factory.mktemp("web")
    root = copy_book(base / "book")
    for shared in ("schema", "reference"):   # paths.ROOT is the scratch root: its schemas and reference tables
        shutil.copytree(PROJECT / "data" / shared, root / "data" / shared)
    data = two_synthetic_years(base / "data")
    runs = {"refused": hemiplan_build(root, data, browser=False)}
    cache = root / "_build" / "cache"
    runs["after-refused"] = {"executed": sorted(cache.rglob("*.ipynb")) if cache.exists() else [],
                             "published": (root / "_build" / "html" / "index.html").exists()}
    runs["no-pdf"] = hemiplan_build(root, data, "--no-pdf", "--base-url", BASE, browser=False)
    assert runs["no-pdf"].returncode == 0, runs["no-pdf"].stderr[-4000:]
    runs["no-pdf-site"] = snapshot_pages(root / "_build" / "html")
    runs["pdf"] = hemiplan_build(root, data, "--base-url", BASE)
    assert runs["pdf"].returncode == 0, runs["pdf"].stderr[-4000:]
    return root, data, runs


def snapshot_pages(html: Path) -> dict[str, str]:
    return {p.relative_to(html).as_posix(): p.read_text(encoding="utf-8") for p in html.rglob("*.html")
            if not {"_static", "_sources"} & set(p.relative_to(html).parts)}


def test_without_a_browser_the_build_stops_before_executing_and_names_no_pdf(web):
    root, _, runs = web
    refused = runs["refused"]
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "/nonexistent/chromium is missing" in refused.stderr and "hemiplan build --no-pdf" in refused.stderr
    after = runs["after-refused"]
    assert not after["executed"], f"the refused build executed {len(after['executed'])} notebook(s) first"
    assert not after["published"]


def test_a_year_brings_the_unpublished_edition_its_pages_link_to(web):
    root, _, runs = web
    assert f"edition {REVIEWED} is built too: the pages of {DRAFT} link to it and it is not published" in runs["no-pdf"].stderr
    html = root / "_build" / "html"
    for pre in ("", "es/"):
        for y in (REVIEWED, DRAFT):
            assert (html / f"{pre}{y}" / "index.html").is_file(), f"{pre}{y} was not published"
    # the front page is the reviewed edition; the draft has its Review page
    assert f'url={REVIEWED}/index.html"' in (html / "index.html").read_text(encoding="utf-8")
    assert (html / str(DRAFT) / "chapters" / "review.html").is_file()


def test_without_pdfs_the_pages_say_where_the_pdfs_will_be(web):
    _, _, runs = web
    pages = runs["no-pdf-site"]
    assert not [p for p in pages if p.endswith(".pdf")]
    front = BeautifulSoup(pages[f"{DRAFT}/intro.html"], "html.parser")   # the root page (index.html redirects to it)
    note = front.select_one(".hemiplan-pdf-pending")
    assert note is not None and f"downloads/hemiplan-{DRAFT}.pdf" in note.get_text()
    assert not front.select(".hemiplan-pdf-link a"), "a link to a PDF that was not printed"
    profile = next(p for p in pages if p.startswith(f"es/{DRAFT}/chapters/profiles/"))
    assert "sin sus PDF" in BeautifulSoup(pages[profile], "html.parser").select_one(".hemiplan-pdf-pending").get_text()
    landing = BeautifulSoup(pages["editions.html"], "html.parser")
    assert not [a for a in landing.find_all("a") if a["href"].endswith(".pdf")]
    assert [a["href"] for a in landing.find_all("a") if a["href"].endswith(".zip")] == [
        f"{DRAFT}/downloads/hemiplan-{DRAFT}-data.zip", f"{REVIEWED}/downloads/hemiplan-{REVIEWED}-data.zip"]


def test_every_page_has_its_canonical_address(web):
    root, _, _ = web
    html = root / "_build" / "html"
    missing, count = [], 0
    for page, text in snapshot_pages(html).items():
        if not re.match(r"(es/)?\d{4}/", page) or public.is_redirect(html / page):
            continue
        count += 1
        link = BeautifulSoup(text, "html.parser").find("link", rel="canonical")
        if link is None or link["href"] != BASE + page:
            missing.append(f"{page}: {link['href'] if link else 'no canonical link'}")
    assert count > 60 and not missing, missing[:10]
    cite = BeautifulSoup((html / "es" / str(REVIEWED) / "chapters" / "training.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert cite.select_one(".hemiplan-cite-url").get_text() == f"{BASE}es/{REVIEWED}/chapters/training.html"
    assert cite.find("meta", property="og:image")["content"].startswith(f"{BASE}es/{REVIEWED}/")


def test_the_sitemap_lists_every_page_and_robots_points_at_it(web):
    root, _, _ = web
    html = root / "_build" / "html"
    locs = set(re.findall(r"<loc>([^<]+)</loc>", (html / "sitemap.xml").read_text(encoding="utf-8")))
    pages = {BASE + p for p in snapshot_pages(html) if re.match(r"(es/)?\d{4}/", p)
             and not public.is_redirect(html / p) and p.rsplit("/", 1)[-1] not in public.UNLISTED}
    assert pages and pages <= locs, sorted(pages - locs)[:10]
    assert all(loc.startswith(BASE) and (html / loc[len(BASE):]).is_file() for loc in locs)
    assert f"Sitemap: {BASE}sitemap.xml" in (html / "robots.txt").read_text(encoding="utf-8")
    for pre in ("", "es/"):
        page = BeautifulSoup((html / pre / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert all(a["href"].startswith(BASE) for a in page.find_all("a"))


def test_no_pdf_link_points_at_a_local_server_or_a_file(web):
    root, _, runs = web
    html = root / "_build" / "html"
    found = {f.relative_to(html).as_posix(): pdf.links(f) for f in sorted(html.rglob("*.pdf"))}
    assert {f"{pre}{y}/downloads/hemiplan-{y}.pdf" for pre in ("", "es/") for y in (REVIEWED, DRAFT)} <= set(found)
    assert sum(map(len, found.values())) > 50, "the PDFs have (almost) no links"
    bad = [(name, uri) for name, links in found.items() for uri in links if LOCAL.search(uri)]
    assert not bad, bad[:10]
    spanish = [uri for uri in found[f"es/{DRAFT}/downloads/hemiplan-{DRAFT}.pdf"] if uri.startswith(BASE)]
    assert spanish and all(uri.startswith(f"{BASE}es/") for uri in spanish), spanish[:5]
    # a paragraph of the source text, at its public address
    assert any(re.match(rf"{re.escape(BASE)}es/{DRAFT}/chapters/source_text\.html#src-", u) for u in spanish)


@pytest.mark.parametrize("width", [bc.WIDE, bc.NARROW])
def test_the_review_page_passes_the_accessibility_audit(web, browser, width):
    root, _, _ = web
    with bc.serve(root / "_build" / "html") as base:
        urls = [f"{base}{pre}{DRAFT}/chapters/review.html" for pre in ("", "es/")]
        problems = bc.axe_audit(browser, urls, width)
    assert not problems, "\n".join(map(str, problems))
