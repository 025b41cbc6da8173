"""Accessibility basics on the built HTML of the test sites (SYNTHETIC years): every
image in the content has alt text, every page has exactly one <h1>, every table marks
its headers with <th scope>, and every page declares its language and has a title; in
English and in Spanish (whose pages declare lang="es").

The theme (sphinx-book-theme) repeats the page title in a print-only header
(``#jb-print-docs-body``, class ``onlyprint``: display:none on screen, and in print the
article's own <h1> is hidden instead), so that copy is not counted: each medium shows
exactly one <h1>.

Then the audit by the field's own rules: axe-core (through axe-playwright-python, in
Debian's chromium) on every kind of page (landing, front page, chapter, profile, source
text, 404, search) in both languages at 1280 and 390 px, against WCAG 2.2 A and AA: no
serious or critical violation (the review page of a draft edition is audited in
test_web_build.py); a deliberately bad page shows the audit catches what it should."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SCOPES = {"col", "row", "colgroup", "rowgroup"}
GENERATED = {"genindex.html", "search.html"}   # Sphinx's index and search pages


def pages(edition: Path) -> dict[str, BeautifulSoup]:
    """Every published page of an edition except redirects, parsed."""
    out = {}
    for path in sorted(edition.rglob("*.html")):
        rel = path.relative_to(edition)
        if {"_static", "_sources"} & set(rel.parts):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": lambda v: v and v.lower() == "refresh"}):
            continue
        out[str(rel)] = soup
    return out


def content(soup: BeautifulSoup):
    return soup.select_one("article.bd-article") or soup.body


def in_print_only(tag) -> bool:
    return any("onlyprint" in (p.get("class") or []) for p in tag.parents)


@pytest.fixture(scope="module", params=["synthetic_site", "hostile_site"])
def site_pages(request) -> dict[str, BeautifulSoup]:
    site = request.getfixturevalue(request.param)
    found = pages(site.edition)
    assert {"intro.html", "chapters/overview.html", "chapters/source_text.html"} <= set(found), sorted(found)
    spanish = pages(site.edition_in("es"))   # the same checks on the Spanish pages
    assert set(spanish) == set(found), sorted(set(spanish) ^ set(found))
    return {**found, **{f"es/{name}": soup for name, soup in spanish.items()}}


def test_every_image_has_alt_text(site_pages):
    problems, images = [], 0
    for name, soup in site_pages.items():
        in_content = {id(img) for img in content(soup).find_all("img")}
        for img in soup.find_all("img"):
            images += 1
            alt = img.get("alt")
            if alt is None:
                problems.append(f"{name}: <img src={img.get('src')!r}> has no alt attribute")
            elif not alt.strip() and id(img) in in_content:
                problems.append(f"{name}: <img src={img.get('src')!r}> in the content has empty alt text")
    assert images, "no images: the figures are missing"
    assert not problems, "\n".join(problems)


def test_exactly_one_h1_per_page(site_pages):
    problems = []
    for name, soup in site_pages.items():
        h1 = [h.get_text(" ", strip=True).removesuffix("#").strip() for h in soup.find_all("h1") if not in_print_only(h)]
        if len(h1) != 1:
            problems.append(f"{name}: {len(h1)} <h1> elements {h1}")
        elif not h1[0]:
            problems.append(f"{name}: the <h1> is empty")
    assert not problems, "\n".join(problems)


def test_tables_mark_their_headers(site_pages):
    problems, tables = [], 0
    for name, soup in site_pages.items():
        if name in GENERATED:
            continue
        for i, table in enumerate(content(soup).find_all("table")):
            tables += 1
            label = f"{name}, table {i} ({(table.caption.get_text(' ', strip=True) if table.caption else '')[:60]!r})"
            ths = table.find_all("th")
            if not ths:
                problems.append(f"{label}: no <th> header cells")
            elif not table.find("thead") or not table.thead.find("th"):
                problems.append(f"{label}: no header row (<thead> with <th>)")
            for th in ths:
                if th.get("scope") not in SCOPES:
                    problems.append(f"{label}: <th>{th.get_text(' ', strip=True)[:40]}</th> has scope "
                                    f"{th.get('scope')!r}, expected one of {sorted(SCOPES)}")
    assert tables, "no tables at all"
    assert not problems, "\n".join(problems[:40]) + (f"\n… and {len(problems) - 40} more" if len(problems) > 40 else "")


def test_pages_declare_language_and_title(site_pages):
    problems = []
    for name, soup in site_pages.items():
        want = "es" if name.startswith("es/") else "en"
        if not (soup.html and soup.html.get("lang") == want):
            problems.append(f"{name}: <html> has no lang attribute {want!r}")
        if not (soup.title and soup.title.get_text(strip=True)):
            problems.append(f"{name}: no <title>")
    assert not problems, "\n".join(problems)


# --- the audit by the field's own rules (issue 23, item 8): axe-core in the browser -------

def _kinds(site) -> dict[str, str]:
    """One page of every kind of the site (path in the site), in English; the review
    page, which only a draft edition has, is audited in test_web_build.py."""
    profiles = sorted(p.name for p in (site.edition / "chapters" / "profiles").glob("*.html"))
    assert profiles, "no member-state profile"
    y = site.year
    return {"landing": "editions.html", "front page": f"{y}/index.html", "chapter": f"{y}/chapters/training.html",
            "profile": f"{y}/chapters/profiles/{profiles[0]}", "source text": f"{y}/chapters/source_text.html",
            "404": "404.html", "search": f"{y}/search.html"}


@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_or_critical_axe_violation_on_any_kind_of_page(synthetic_site, browser, width):
    """axe-core (WCAG 2.2 A and AA, and Label in Name) on every kind of page in both
    languages; tests/browser_checks.AXE_WAIVED lists what is waived, with the reason."""
    from . import browser_checks as bc

    pages = _kinds(synthetic_site)
    for page in pages.values():
        assert (synthetic_site.html / page).is_file(), page
    with bc.serve(synthetic_site.html) as base:
        urls = [base + pre + page for pre in ("", "es/") for page in pages.values()]
        problems = bc.axe_audit(browser, urls, width)
    assert not problems, "\n".join(map(str, problems))


def test_the_audit_catches_what_it_is_meant_to(browser, tmp_path):
    """A page with a nameless <summary>, a button named otherwise than its text and an
    image without alt fails the audit, rule by rule."""
    from . import browser_checks as bc

    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>bad</title></head><body><main><h1>Bad</h1>'
        '<details><summary><span role="presentation"></span></summary><p>x</p></details>'
        '<button aria-label="Find">Search the book</button><img src="x.png"></main></body></html>', encoding="utf-8")
    with bc.serve(tmp_path) as base:
        found = bc.axe_audit(browser, [base + "bad.html"], 1280)
    rules = {p.detail.split(" ", 1)[0] for p in found}
    assert {"summary-name", "label-content-name-mismatch", "image-alt"} <= rules, found
