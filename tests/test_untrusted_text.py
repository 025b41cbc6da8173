"""Report text is data, never markup. The SYNTHETIC hostile year 2032
(tests/fixtures/hostile, README there) puts script tags, an <img onerror>, MyST
substitutions and roles, backticks, a javascript: link, dollar signs and blank lines
into activity titles and programs, quotes, paragraph text, subsection titles, a
heading and an organisation name. Built into a site and opened in a browser: no
script runs, nothing becomes markup, and the text reads literally on the source-text
page, the profile tables and the partner table. On a Spanish page, where the report's
words and English names are marked ``lang="en"``, the marks wrap escaped text only."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from hemiplan import data, language
from hemiplan.data import names
from hemiplan.present import book, sourcetext, tables

from . import browser_checks as bc
from .conftest import HOSTILE_DATA, SCREENSHOTS

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SUBSTITUTION = "{{ title }}"
REF = "{ref}`x`"
DOWNLOAD = "{download}`y`"
BACKTICKS = "``double`` and `single` backticks"
LINK = "[a link](javascript:alert(1))"
DOLLARS = "US$ 5 or $6"
# Straight quotes, a double hyphen and three dots, which typography (docutils'
# smartquotes) would turn into “ ”, – and …: data is shown exactly as stored.
STRAIGHT = 'with "straight" quotes -- and ...'

# What each page must show literally (see tests/fixtures/hostile/data/2032/*.csv).
NEEDLES = {
    # Paragraph text (one paragraph carries every payload), subsection titles, a heading,
    # and a paragraph whose blank lines must not end the raw HTML block.
    "chapters/source_text.html": [SCRIPT, IMG, SUBSTITUTION, REF, DOWNLOAD, BACKTICKS, LINK, DOLLARS,
                                  f"Strategies {IMG} and {SUBSTITUTION}", f"Control of {DOWNLOAD} and {SCRIPT}",
                                  f"Courses with `backticks` and {REF}", "# Not a heading",
                                  "*not emphasis*, `not code` and 1. not a list"],
    # Activity titles and programs, the partner organisation's name, paragraph excerpts.
    "chapters/profiles/ury.html": [f"Project {DOWNLOAD} {BACKTICKS}", f"Course {IMG} {LINK}",
                                   f"Program {SUBSTITUTION} {BACKTICKS}",
                                   f"Synthetic entry: the {SCRIPT} {SUBSTITUTION} Agency {IMG} {STRAIGHT}",
                                   f"ran a project called {DOWNLOAD} in Uruguay with the support of the {SCRIPT} Agency"],
    "chapters/profiles/pry.html": [f"Mission {SCRIPT} {SUBSTITUTION} {REF}", f"Analysts {REF} {DOWNLOAD} {SUBSTITUTION}",
                                   f"carried out the {SCRIPT} assessment mission in Paraguay in April"],
    # The organisations named most often as partners.
    "chapters/overview.html": [f"Synthetic entry: the {SCRIPT} {SUBSTITUTION} Agency {IMG} {STRAIGHT}"],
}


@pytest.fixture(scope="module")
def served(hostile_site):
    with bc.serve(hostile_site.html) as base:
        yield base, f"{base}{hostile_site.year}/"


def test_no_script_runs_anywhere(served, browser):
    base, _ = served
    result = bc.crawl(browser, base, "index.html")
    assert len(result.pages()) > 5, "the hostile site has too few pages"
    assert not result.problems, "\n".join(map(str, result.problems))


@pytest.mark.parametrize("page", sorted(NEEDLES))
def test_text_reads_literally(served, browser, hostile_site, page):
    _, edition = served
    problems = bc.literal_text(browser, edition + page, NEEDLES[page])
    assert not problems, "\n".join(map(str, problems))


def test_screenshots_of_the_hostile_pages(served, browser, hostile_site):
    _, edition = served
    shots = SCREENSHOTS / f"hostile-{hostile_site.year}"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    page = browser.new_page()
    try:
        for path in sorted(NEEDLES):
            page.goto(edition + path, wait_until="load")
            page.screenshot(path=str(shots / bc.screenshot_name(path)), full_page=True)
    finally:
        page.close()
    assert len(list(shots.glob("*.png"))) == len(NEEDLES)


# --- the Spanish page's language marks wrap escaped text only (issue 19) ----------------------

@pytest.fixture
def spanish():
    language.use("es")
    yield
    language.use("en")


def test_the_spanish_source_text_marks_the_hostile_report_english_and_keeps_it_escaped(spanish):
    ed = data.load(2032, HOSTILE_DATA)
    page = sourcetext.page_markdown(ed.paragraphs, ed.activities, ed.indicators, report_language=ed.language,
                                    translations=ed.translations)
    assert "<script" not in page and "<img" not in page and "{{" not in page
    assert page.count('<p lang="en">') == len(ed.paragraphs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_english_name_with_markup_stays_text_inside_its_mark(spanish):
    cell = tables.html_table(pd.DataFrame({"Socio": [names.English(f"Agency {SCRIPT} {SUBSTITUTION}")]}))
    assert '<span lang="en">Agency &lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123; title &#125;&#125;</span>' in cell
    assert "<script>" not in cell
    hostile = names.English(f"Agency {SCRIPT} {SUBSTITUTION} {LINK}")
    md = book.marked(hostile)
    assert md.startswith('<span lang="en">Agency &lt;script&gt;') and md.endswith("</span>")
    assert "<script>" not in md and "[a link]" not in md
