"""PDFs whose links work away from the site (issue 23, item 2): the pages are printed
at their site path under a reserved origin and every link of a PDF is rewritten to the
public address of its target, or, with no public address, to the target relative to
the PDF's own place in the site. No link points at a local server or a file.

The site here is a few hand-written pages (SYNTHETIC), printed by Debian's chromium."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from hemiplan.build import pdf

BASE = "https://reports.example.org/hemiplan/"
LOCAL = re.compile(r"127\.0\.0\.1|localhost|^file:|hemiplan\.invalid", re.I)

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><article class="bd-article"><h1>{title}</h1>{body}</article></body></html>"""


def write_site(html: Path) -> Path:
    pages = {
        "intro.html": '<p><a href="chapters/source_text.html#src-2031-i-01">the source</a></p>',
        "chapters/source_text.html": '<p id="src-2031-i-01">A paragraph.</p><p><a href="#src-2031-i-01">here</a></p>',
        "chapters/profiles/arg.html": (
            '<p><a href="../source_text.html#src-2031-i-01">paragraph</a> '
            '<a href="../../intro.html">the front page</a> '
            '<a href="../../../2030/chapters/source_text.html#src-2030-i-01">the 2030 edition</a> '
            '<a href="#top">top</a> <a href="https://www.oas.org/">OAS</a></p>'),
        "chapters/profiles/bra.html": '<p><a href="arg.html">Argentina</a></p>',
    }
    for name, body in pages.items():
        (html / name).parent.mkdir(parents=True, exist_ok=True)
        (html / name).write_text(PAGE.format(title=name.split("/")[-1], body=body), encoding="utf-8")
    return html


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The same pages printed twice: with a public address, and without."""
    if pdf.browser_missing():
        pytest.fail(pdf.browser_missing())
    out = {}
    for label, base in (("public", BASE), ("relative", "")):
        root = tmp_path_factory.mktemp(label)
        html = write_site(root / "html")
        pdf.render(html, ["intro", "chapters/source_text", "chapters/profiles/arg", "chapters/profiles/bra"],
                   2031, root, workers=1, mount="es/2031", base=base)
        out[label] = html
    return out


def test_profile_links_go_to_the_public_address(printed):
    links = pdf.links(printed["public"] / "chapters/profiles/arg.pdf")
    assert links == [f"{BASE}es/2031/chapters/source_text.html#src-2031-i-01", f"{BASE}es/2031/intro.html",
                     f"{BASE}es/2030/chapters/source_text.html#src-2030-i-01",
                     f"{BASE}es/2031/chapters/profiles/arg.html#top", "https://www.oas.org/"]


def test_without_an_address_links_are_relative_to_the_pdf(printed):
    assert pdf.links(printed["relative"] / "chapters/profiles/arg.pdf") == [
        "../source_text.html#src-2031-i-01", "../../intro.html", "../../../2030/chapters/source_text.html#src-2030-i-01",
        "arg.html#top", "https://www.oas.org/"]
    # the edition's PDF lives in downloads/: its links are relative to that folder
    book = pdf.links(printed["relative"] / pdf.edition_pdf(2031))
    assert "../chapters/source_text.html#src-2031-i-01" in book
    assert "../chapters/profiles/arg.html" in book


@pytest.mark.parametrize("label", ["public", "relative"])
def test_no_pdf_link_points_at_a_local_server_or_a_file(printed, label):
    found = {f.relative_to(printed[label]).as_posix(): pdf.links(f) for f in sorted(printed[label].rglob("*.pdf"))}
    assert set(found) == {"chapters/profiles/arg.pdf", "chapters/profiles/bra.pdf", "downloads/hemiplan-2031.pdf"}
    assert all(found.values()), found
    bad = [(name, uri) for name, links in found.items() for uri in links if LOCAL.search(uri)]
    assert not bad, bad


def test_links_of_a_printed_pdf_are_rewritten_in_place(printed, tmp_path):
    """relink on a PDF as the browser printed it (the cache holds those): each link of
    the reserved origin becomes its public address; others are left alone."""
    cached = sorted((printed["public"].parent / "_build" / "cache" / "pdf").glob("*.pdf"))
    assert cached
    raw = [uri for f in cached for uri in pdf.links(f)]
    assert any(uri.startswith(pdf.ORIGIN) for uri in raw), raw
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(cached[0].read_bytes())
    pdf.relink(copy, "es/2031/x.pdf", BASE)
    assert not any(uri.startswith(pdf.ORIGIN) for uri in pdf.links(copy))


THEME_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>
<div class="bd-header-announcement container-fluid" id="old">
  <div class="bd-header-announcement__content">Draft edition (old theme markup).</div>
</div>
<aside class="bd-header-announcement" aria-label="Announcement">
  <div class="bd-header-announcement__content">Draft edition: 1 row not yet reviewed.</div>
</aside>
<header id="pst-header" class="bd-header navbar d-print-none"><div><button>Search</button></div></header>
<main><article class="bd-article"><h1>Saint Lucia</h1><p>The profile.</p></article></main></body></html>"""


def test_a_print_copy_keeps_the_draft_banner_and_the_article_not_the_header():
    """The theme's announcement is an <aside> now (a <div> before): the print copy holds
    it and the article, never the header that follows it (a draft profile's PDF once
    held its banner alone)."""
    from hemiplan.build import printcopy

    for markup in (THEME_PAGE, THEME_PAGE.replace('<div class="bd-header-announcement container-fluid" id="old">\n'
                                                  '  <div class="bd-header-announcement__content">Draft edition (old theme markup).</div>\n</div>\n', "")):
        copy = printcopy.print_copy(markup, "chapters/profiles/lca.html")
        assert "Draft edition" in copy and "<h1>Saint Lucia</h1>" in copy
        assert "pst-header" not in copy and "Search" not in copy
    old_only = THEME_PAGE.replace('<aside class="bd-header-announcement" aria-label="Announcement">\n'
                                  '  <div class="bd-header-announcement__content">Draft edition: 1 row not yet reviewed.</div>\n</aside>\n', "")
    copy = printcopy.print_copy(old_only)
    assert "old theme markup" in copy and "pst-header" not in copy
