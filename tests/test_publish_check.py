"""The publish guarantee holds on every run: the publish step checks the assembled
HTML itself (hemiplan.build.sitecheck), independent of Sphinx's incremental state, and
refuses a site with an unresolved reference, a link to a missing page or a missing
#anchor, naming page and link; a re-run after a refused build is refused again.

The first tests feed the checker small hand-written sites, as Sphinx writes them
(what an unresolved {ref} becomes was found by building one: a
``<span class="xref std std-ref">`` outside any link). The last ones build a copy of
the session's SYNTHETIC site."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hemiplan.build import publishing, sitecheck
from hemiplan.build import site as site_pages
from hemiplan.build.jobs import BuildError

from .conftest import snapshot
from .test_build_atomic import BUILD, clone

PAGE = '<!DOCTYPE html><html><body><section id="top"><h1 id="title">{title}</h1>{body}</section></body></html>'


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(PAGE.format(title=name, body=body), encoding="utf-8")
    return root


def problems(root: Path, prefix: str = "", mounts=None) -> list[str]:
    return [str(p) for p in sitecheck.check(sitecheck.Site(root, mounts), [prefix])]


def test_a_sound_site_passes(tmp_path):
    root = write_site(tmp_path, {
        "index.html": '<a href="chapters/a.html#p1">a</a> <a href="#title">up</a> <a href="https://example.org/x">x</a>',
        "chapters/a.html": '<p id="p1">one</p><a class="reference internal" href="../index.html#top">'
                           '<span class="std std-ref">resolved</span></a><img src="../_images/f.png" alt="f">',
        "_images/f.png": "",
        "chapters/sub/index.html": '<a href="..">up</a>'})
    (root / "chapters" / "index.html").write_text(PAGE.format(title="i", body=""), encoding="utf-8")
    assert problems(root) == []


def test_an_unresolved_reference_is_refused_with_page_and_text(tmp_path):
    root = write_site(tmp_path, {"intro.html": 'See <span class="xref std std-ref">src-2014-ii-b-01</span>. '
                                               'And <code class="xref std std-numref">fig-x</code>.'})
    found = problems(root)
    assert found == ["intro.html: unresolved reference (line 1): src-2014-ii-b-01",
                     "intro.html: unresolved reference (line 1): fig-x"]


def test_an_unresolved_markdown_link_is_refused(tmp_path):
    # MyST leaves an unresolved [text](target) as a link to "#target" with class "xref myst"
    root = write_site(tmp_path, {"intro.html": '<a class="reference internal" href="#nothere.md">'
                                               '<span class="xref myst">md link</span></a>'})
    found = problems(root)
    assert "intro.html: unresolved reference (line 1): md link" in found
    assert any("missing anchor #nothere.md" in p for p in found), found


def test_missing_pages_and_anchors_are_refused(tmp_path):
    root = write_site(tmp_path, {"2016/chapters/a.html": (
        '<a href="source_text.html#src-2014-ii-b-01">1</a> <a href="b.html#p2">2</a> '
        '<a href="../../2014/chapters/source_text.html#src-2014-ii-b-01">3</a> <a href="../../../x.html">4</a>'),
        "2016/chapters/b.html": '<p id="p1"></p>'})
    found = problems(root, "2016")
    assert found == [
        "2016/chapters/a.html: link to a missing page 2016/chapters/source_text.html (line 1): "
        "source_text.html#src-2014-ii-b-01",
        "2016/chapters/a.html: link to a missing anchor #p2 of 2016/chapters/b.html (line 1): b.html#p2",
        "2016/chapters/a.html: link to a missing page 2014/chapters/source_text.html (line 1): "
        "../../2014/chapters/source_text.html#src-2014-ii-b-01",
        "2016/chapters/a.html: link outside the site (line 1): ../../../x.html"]


def test_links_between_editions_follow_the_mounts(tmp_path):
    """An edition not yet published is checked at the place it will have."""
    published = write_site(tmp_path / "html", {"2014/chapters/source_text.html": '<div id="src-2014-ii-b-01"></div>'})
    fresh = write_site(tmp_path / "jb", {"chapters/a.html": (
        '<a href="../../2014/chapters/source_text.html#src-2014-ii-b-01">ok</a> '
        '<a href="../../2014/chapters/source_text.html#src-2014-ii-b-99">gone</a>')})
    found = problems(published, "2016", {"2016": fresh})
    assert found == ["2016/chapters/a.html: link to a missing anchor #src-2014-ii-b-99 of "
                     "2014/chapters/source_text.html (line 1): ../../2014/chapters/source_text.html#src-2014-ii-b-99"]


def run_build(site) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BUILD, str(site.year), str(site.data_dir), str(site.root)],
                          capture_output=True, text=True, timeout=900)


def test_a_refused_build_is_refused_again(synthetic_site, tmp_path):
    """The issue's case: an unresolved {ref}. The first run is refused; so is the second,
    with nothing changed, for the same reason, whether Sphinx's incremental build
    reports the warning again or not: the HTML it leaves is refused by the check
    itself, independent of Sphinx (shown by running the publish step alone on it)."""
    site = clone(synthetic_site, tmp_path / "book")
    intro = site.root / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nSee {ref}`a figure <src-2014-ii-b-01>`.\n",
                     encoding="utf-8")
    before = snapshot(site.html)
    for attempt in range(2):
        proc = run_build(site)
        assert proc.returncode == 3, f"run {attempt + 1} published:\n{proc.stderr[-3000:]}"
        assert "src-2014-ii-b-01" in proc.stderr or "a figure" in proc.stderr, proc.stderr[-3000:]
        assert snapshot(site.html) == before
    html_out = site.root / "_build" / "jb" / str(site.year) / "_build" / "html"
    assert "xref std std-ref" in (html_out / "intro.html").read_text(encoding="utf-8")
    site_pages.write_meta(html_out, {"year": site.year, "status": "reviewed", "drafts": 0, "data_version": "x",
                                     "counts": {}})
    with pytest.raises(BuildError) as refused:
        publishing.publish_checked({(site.year, "en"): html_out}, [(site.year, "en")], site.root)
    assert f"{site.year}/intro.html: unresolved reference (line " in str(refused.value), str(refused.value)
    assert "): a figure" in str(refused.value)
    assert snapshot(site.html) == before


def test_a_missing_anchor_sphinx_does_not_see_is_refused(synthetic_site, tmp_path):
    """A raw HTML link to a missing anchor passes Sphinx (-W and all) but not the check."""
    site = clone(synthetic_site, tmp_path / "book")
    intro = site.root / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8")
                     + '\n<p><a href="chapters/overview.html#no-such-anchor">overview</a></p>\n', encoding="utf-8")
    before = snapshot(site.html)
    proc = run_build(site)
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert (f"{site.year}/intro.html: link to a missing anchor #no-such-anchor of "
            f"{site.year}/chapters/overview.html") in proc.stderr, proc.stderr[-3000:]
    assert "chapters/overview.html#no-such-anchor" in proc.stderr
    assert snapshot(site.html) == before


# --- the site at its public address (issue 23): publish_checked on hand-written editions ---

BASE = "https://reports.example.org/hemiplan/"


def fresh_edition(folder: Path, year: int, lang: str, pages: list[str]) -> Path:
    """An edition's HTML as Jupyter Book leaves it for the publish (SYNTHETIC pages)."""
    other = "es" if lang == "en" else "en"
    for name in pages:
        up = "../" * name.count("/")
        there = ("es/" if lang == "en" else "../") + f"{year}/{name}"
        switch = f'<a href="{up}../{there}">{other}</a>'
        body = switch + (f'<a href="{up}chapters/a.html">a</a>' if name == "index.html" else "")
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(PAGE.format(title=name, body=body), encoding="utf-8")
    site_pages.write_meta(folder, {"year": year, "status": "reviewed", "drafts": 0, "data_version": "abc",
                                   "headline": {}, "pdf": False})
    return folder


def test_the_publish_writes_sitemap_robots_and_404_and_keeps_permalinks(tmp_path):
    root = tmp_path / "root"
    pages = ["index.html", "chapters/a.html", "chapters/profiles/bol.html"]
    fresh = {(2031, lang): fresh_edition(tmp_path / f"jb-{lang}", 2031, lang, pages) for lang in ("en", "es")}
    publishing.publish_checked(fresh, sorted(fresh), root, address=BASE)
    html = root / "_build" / "html"
    sitemap = (html / "sitemap.xml").read_text(encoding="utf-8")
    for pre in ("", "es/"):
        for page in pages:
            assert f"<loc>{BASE}{pre}2031/{page}</loc>" in sitemap
        assert f"<loc>{BASE}{pre}editions.html</loc>" in sitemap
        assert (html / pre / "404.html").is_file()
    assert f"Sitemap: {BASE}sitemap.xml" in (html / "robots.txt").read_text(encoding="utf-8")
    # the profile leaves the edition: its address now leads to the edition's front page
    fresh = {(2031, lang): fresh_edition(tmp_path / f"jb2-{lang}", 2031, lang, pages[:2]) for lang in ("en", "es")}
    publishing.publish_checked(fresh, sorted(fresh), root, address=BASE)
    for pre in ("", "es/"):
        moved = (html / pre / "2031/chapters/profiles/bol.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh" content="0; url=../../index.html"' in moved
    assert f"<loc>{BASE}2031/chapters/profiles/bol.html</loc>" not in (html / "sitemap.xml").read_text(encoding="utf-8")
    # without an address: no sitemap of the earlier one stays, and the 404 page links root-relatively
    fresh = {(2031, lang): fresh_edition(tmp_path / f"jb3-{lang}", 2031, lang, pages[:2] + ["extra.html"])
             for lang in ("en", "es")}
    publishing.publish_checked(fresh, sorted(fresh), root)
    assert not (html / "sitemap.xml").exists() and not (html / "robots.txt").exists()
    assert 'href="/editions.html"' in (html / "404.html").read_text(encoding="utf-8")
    assert (html / "2031/chapters/profiles/bol.html").is_file(), "the permalink survives later publishes"


def test_a_broken_link_under_the_address_is_refused(tmp_path):
    root = tmp_path / "root"
    out = fresh_edition(tmp_path / "jb", 2031, "en", ["index.html", "chapters/a.html"])
    (out / "chapters/a.html").write_text(PAGE.format(title="a", body=f'<a href="{BASE}2031/nothere.html">x</a>'),
                                         encoding="utf-8")
    with pytest.raises(BuildError) as refused:
        publishing.publish_checked({(2031, "en"): out}, [(2031, "en")], root, address=BASE)
    assert f"2031/chapters/a.html: link to a missing page 2031/nothere.html (line 1): {BASE}2031/nothere.html" in str(
        refused.value)
    assert not (root / "_build" / "html" / "2031").exists()
