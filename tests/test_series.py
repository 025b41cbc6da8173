"""A series of editions, built side by side in a scratch project root: a copy of the
2014 data (reviewed) and a SYNTHETIC year in draft, made at test time by ingesting
tests/fixtures/reports/synthetic_2033.txt (README there). The first build passes; an
independent link checker (BeautifulSoup, not hemiplan's own) finds nothing broken in
the assembled site; the draft edition carries its banner, "draft" in its titles and a
Review page, and is not the front page; after ``hemiplan accept``, the front page
moves to it. Also: ``hemiplan review`` and ``accept`` on their own."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
from bs4 import BeautifulSoup

from hemiplan import build, data
from hemiplan.analysis import series
from hemiplan.analysis.headline import headline
from hemiplan.build import public
from hemiplan.data import csvio

from . import site_agreement
from .conftest import SERIES_DRAFT as DRAFT
from .conftest import snapshot

BANNER = "Draft edition: "


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hemiplan", *args], capture_output=True, text=True, timeout=600)


# --- an independent link checker ------------------------------------------------------

def _ids(page: Path, cache: dict) -> set[str]:
    if page not in cache:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        cache[page] = {t["id"] for t in soup.find_all(id=True)} | {t["name"] for t in soup.find_all("a", attrs={"name": True})}
    return cache[page]


def broken_links(html: Path) -> list[str]:
    """Every internal link of every page (outside _static/ and _sources/) that names a
    missing file or anchor, and every cross-reference Sphinx left unresolved."""
    out, ids = [], {}
    for page in sorted(html.rglob("*.html")):
        rel = page.relative_to(html)
        if {"_static", "_sources"} & set(rel.parts):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for x in soup.select(".xref"):
            if x.find_parent("a") is None or "myst" in x.get("class", []):
                out.append(f"{rel}: unresolved {x.get_text()!r}")
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for el in soup.find_all(tag, attrs={attr: True}):
                url = urlsplit(el[attr])
                if url.scheme or url.netloc:
                    continue
                if url.path.startswith("/"):   # root-relative (the 404 pages): the test site is served at the root
                    target = (html / unquote(url.path).lstrip("/")).resolve()
                else:
                    target = page if not url.path else (page.parent / unquote(url.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if html.resolve() not in [target, *target.parents] or not target.is_file():
                    out.append(f"{rel}: {el[attr]} (no such file)")
                elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in _ids(target, ids):
                    out.append(f"{rel}: {el[attr]} (no such anchor)")
    return out


def front_page(html: Path) -> str:
    m = re.search(r'url=([^"]+)"', (html / "index.html").read_text(encoding="utf-8"))
    return m.group(1)


# --- the two editions built together --------------------------------------------------

def test_both_editions_are_built_on_the_first_run(series_site):
    root, data_dir, plans = series_site
    html = root / "_build" / "html"
    assert [p.key for p in plans] == [(2014, "en"), (2014, "es"), (DRAFT, "en"), (DRAFT, "es")]
    assert all(p.published for p in plans)
    meta = {y: json.loads((html / str(y) / "edition.json").read_text(encoding="utf-8")) for y in (2014, DRAFT)}
    assert meta[2014]["status"] == "reviewed" and meta[2014]["drafts"] == 0
    assert meta[DRAFT]["status"] == "draft" and meta[DRAFT]["drafts"] == series.draft_rows(DRAFT, data_dir) > 0


def test_no_broken_link_anywhere(series_site):
    root, _, _ = series_site
    html = root / "_build" / "html"
    assert broken_links(html) == []
    # the draft's chapters link figures of the 2014 report to the 2014 edition's page, by URL
    links = set(re.findall(r'href="([^"]*2014/chapters/source_text\.html#[^"]+)"',
                           (html / str(DRAFT) / "chapters" / "national_strategies.html").read_text(encoding="utf-8")))
    assert links and all(u.startswith("../../2014/chapters/source_text.html#src-2014-") for u in links), links


def test_the_draft_carries_its_banner_and_title_and_the_front_page_is_reviewed(series_site):
    root, data_dir, _ = series_site
    html = root / "_build" / "html"
    n = series.draft_rows(DRAFT, data_dir)
    draft_pages = [p for p in (html / str(DRAFT)).rglob("*.html")
                   if "_static" not in p.parts and 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8")]
    assert len(draft_pages) > 10
    for page in draft_pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert f"{BANNER}{n} rows not yet reviewed" in soup.get_text(), page
        assert "(draft)" in soup.title.get_text(), page
    for page in (html / "2014").rglob("*.html"):
        assert BANNER not in page.read_text(encoding="utf-8"), page
    assert front_page(html) == "2014/index.html"
    assert 'url=../2014/index.html"' in (html / "latest" / "index.html").read_text(encoding="utf-8")
    assert (html / str(DRAFT) / "chapters" / "review.html").is_file()
    assert not (html / "2014" / "chapters" / "review.html").exists()


def test_the_landing_page_lists_every_edition_with_its_counts(series_site):
    root, data_dir, _ = series_site
    soup = BeautifulSoup((root / "_build" / "html" / "editions.html").read_text(encoding="utf-8"), "html.parser")
    rows = {r.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in r.find_all("td")]
            for r in soup.tbody.find_all("tr")}
    assert list(rows) == [f"The {DRAFT} edition (draft)", "The 2014 edition"]
    for year, label in ((2014, "The 2014 edition"), (DRAFT, f"The {DRAFT} edition (draft)")):
        ed = data.load(year, data_dir)
        held = ed.held
        status, version, activities, events, participants = rows[label][:5]
        assert status == ("Reviewed" if year == 2014 else f"Draft: {series.draft_rows(year, data_dir)} rows not yet reviewed")
        assert version == ed.data_hash[:10]
        assert activities == f"{len(held):,}" and events == f"{int(held['events'].sum()):,}"
        # the one headline: the same participants, with the same qualifier, as the overview's
        people = headline(ed).people
        assert participants == (f"{people.text} ({people.basis})" if people.basis else "–")
    # 2014 mentions activities held in other years: they are not counted
    ed14 = data.load(2014, data_dir)
    assert (ed14.activities["held_year"] != 2014).any()


def test_every_figure_shown_on_two_pages_agrees(series_site):
    """The landing page, the overview, the series chapter, the member-states table and
    every profile give the same figures, for the reviewed edition and the draft beside it."""
    root, _, _ = series_site
    html = root / "_build" / "html"
    assert set(site_agreement.landing(html)) == {2014, DRAFT}
    assert site_agreement.member_states(html / "2014")  # the check reads real rows
    assert site_agreement.disagreements(html) == []


def test_the_agreement_check_finds_a_disagreement(series_site, tmp_path):
    root, _, _ = series_site
    html = tmp_path / "html"
    shutil.copytree(root / "_build" / "html", html)
    page = html / "editions.html"
    first = site_agreement.landing(html)[2014]["activities"]
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(f">{first:,}<", f">{first + 1:,}<", 1), encoding="utf-8")
    assert any("editions.html gives activities" in d for d in site_agreement.disagreements(html))


def test_review_lists_the_drafts_by_paragraph(series_site):
    _, data_dir, _ = series_site
    proc = cli("review", "--year", str(DRAFT), "--data-dir", str(data_dir))
    assert proc.returncode == 0, proc.stderr
    acts = csvio.read_text_table(data_dir / str(DRAFT) / "activities.csv")
    first = acts.iloc[0]
    out = proc.stdout
    assert out.startswith(f"{DRAFT}: {series.draft_rows(DRAFT, data_dir)} draft row(s) in ")
    block = out[out.index(f"\n{first['paragraph_id']} (section "):]
    assert f"  {first['activity_id']}  activity:" in block
    assert f"sentence: {' '.join(first['quote'].split())}" in block
    assert "check: participants are approximate" in out   # "Approximately 310 participants"


def test_accept_refuses_unknown_ids_and_changes_nothing(series_site, tmp_path):
    _, data_dir, _ = series_site
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    before = snapshot(copy)
    proc = cli("accept", "--year", str(DRAFT), f"{DRAFT}-A001", f"{DRAFT}-A999", "--data-dir", str(copy))
    assert proc.returncode == 1 and f"{DRAFT}-A999" in proc.stderr and "nothing was changed" in proc.stderr
    assert snapshot(copy) == before


def test_accept_moves_the_front_page(series_site):
    """Accepting every draft changes the status cells only; the next build publishes
    the new year as the front page, without its banner or Review page, and does not
    re-execute 2014."""
    root, data_dir, _ = series_site
    files = {t: data_dir / str(DRAFT) / f"{t}.csv" for t in ("activities", "indicators")}
    before = {t: csvio.read_text_table(f) for t, f in files.items()}
    groups = sorted(set(before["activities"]["paragraph_id"]) | set(before["indicators"]["paragraph_id"]))
    args = [a for pid in groups for a in ("--paragraph", pid)]
    proc = cli("accept", "--year", str(DRAFT), *args, "--data-dir", str(data_dir))
    assert proc.returncode == 0, proc.stderr
    assert f"0 draft row(s) left: the {DRAFT} edition is reviewed" in proc.stdout
    for t, f in files.items():
        after = csvio.read_text_table(f)
        assert (after["status"] == "reviewed").all()
        assert after.drop(columns="status").equals(before[t].drop(columns="status"))
    plans = build.build_editions(None, data_dir, root=root, progress=False)
    html = root / "_build" / "html"
    assert front_page(html) == f"{DRAFT}/index.html"
    assert 'url=../2033/index.html"' in (html / "latest" / "index.html").read_text(encoding="utf-8")
    # latest/ holds the new edition's pages only (2014's profiles of states 2033 does not reach are gone)
    # (the Review page the draft published is now a redirect to the edition's front page:
    # an edition's addresses stay; latest/ has no page for it)
    review = html / str(DRAFT) / "chapters" / "review.html"
    assert public.is_redirect(review) and 'url=../index.html"' in review.read_text(encoding="utf-8")
    latest = {p.relative_to(html / "latest").as_posix() for p in (html / "latest").rglob("*.html")}
    assert latest == {p.relative_to(html / str(DRAFT)).as_posix() for p in (html / str(DRAFT)).rglob("*.html")
                      if not p.relative_to(html / str(DRAFT)).parts[0].startswith("_") and p != review}
    assert 'url=../../2033/chapters/training.html"' in (html / "latest" / "chapters" / "training.html").read_text(
        encoding="utf-8")
    assert BANNER not in (html / str(DRAFT) / "intro.html").read_text(encoding="utf-8")
    # 2014's inputs do not include 2033's data: unless hemiplan's code changed meanwhile
    # (other work in a shared tree), nothing of 2014 re-executes or is published again
    first = {j.target: j.inputs for j in series_site[2][0].jobs}
    assert plans[0].key == (2014, "en")
    assert all(j.inputs["data"] == first[j.target]["data"] for j in plans[0].jobs)
    if all(j.inputs["code"] == first[j.target]["code"] for j in plans[0].jobs):
        assert all(j.cached for p in plans[:2] for j in p.jobs) and not any(p.published for p in plans[:2])
    assert broken_links(html) == []
    # and a second run with nothing changed publishes nothing
    again = build.build_editions(None, data_dir, root=root, progress=False)
    assert not any(p.published for p in again)


def test_an_edition_whose_data_are_gone_is_withdrawn(series_site):
    """Removing a year's data folder and building every year withdraws its edition:
    its folder, its line on the landing page and the front page go, and nothing
    left links to it. (Runs after the test above: the module's site, last.)"""
    root, data_dir, _ = series_site
    html = root / "_build" / "html"
    assert (html / str(DRAFT) / "index.html").exists()
    shutil.move(data_dir / str(DRAFT), data_dir.parent / f"removed-{DRAFT}")
    plans = build.build_editions(None, data_dir, root=root, progress=False)
    assert [p.key for p in plans] == [(2014, "en"), (2014, "es")]
    assert not (html / str(DRAFT)).exists() and not (html / "es" / str(DRAFT)).exists()
    assert str(DRAFT) not in (html / "es" / "editions.html").read_text(encoding="utf-8")
    assert str(DRAFT) not in (html / "editions.html").read_text(encoding="utf-8")
    assert front_page(html) == "2014/index.html"
    assert broken_links(html) == []


# --- without a build: counts, status, site pages, default year --------------------------

def test_headline_counts_only_activities_held_in_the_year(synthetic_copy):
    ed = data.load(2031, synthetic_copy)
    before = headline(ed)
    acts = ed.activities.copy()
    row = acts.index[acts["events"].fillna(0) > 0][0]
    events = int(acts.at[row, "events"])
    acts.loc[row, "held_year"] = 2030
    after = headline(ed.with_activities(acts))
    assert after.activities == before.activities - 1
    assert after.held_elsewhere == before.held_elsewhere + 1
    assert after.events == before.events - events
    # a row without held_year is the report's: counted, on the landing page as in the overview
    acts.loc[row, "held_year"] = pd.NA
    assert headline(ed.with_activities(acts)).activities == before.activities


def test_site_pages_send_the_reader_to_the_latest_reviewed_edition():
    from hemiplan.build import site

    meta = {2014: {"status": "reviewed", "drafts": 0, "data_version": "a", "counts": {}},
            2015: {"status": "reviewed", "drafts": 0, "data_version": "b", "counts": {}},
            2016: {"status": "draft", "drafts": 3, "data_version": "c", "counts": {}}}
    pages = site.pages(meta, ["chapters/training.html", "chapters/profiles/arg.html", "intro.html"])
    assert 'url=2015/index.html"' in pages["index.html"]
    assert 'url=../2015/index.html"' in pages["latest/index.html"]
    # every page of the latest reviewed edition has its stable address, anchor kept
    assert 'url=../../2015/chapters/training.html"' in pages["latest/chapters/training.html"]
    assert 'url=../../../2015/chapters/profiles/arg.html"' in pages["latest/chapters/profiles/arg.html"]
    assert '"../../2015/chapters/training.html" + location.hash' in pages["latest/chapters/training.html"]
    assert sorted(k for k in pages if k.startswith("latest/")) == [
        "latest/chapters/profiles/arg.html", "latest/chapters/training.html", "latest/index.html", "latest/intro.html"]
    assert "Draft: 3 rows not yet reviewed" in pages["editions.html"]
    assert pages["editions.html"].index("2016/index.html") < pages["editions.html"].index("2014/index.html")
    only_drafts = site.pages({2016: meta[2016]})
    assert 'url=editions.html"' in only_drafts["index.html"]
    assert 'url=../editions.html"' in only_drafts["latest/index.html"]


def test_the_default_year_is_the_latest_without_drafts(synthetic_copy):
    assert data.available_years(synthetic_copy) == [2030, 2031]   # two reviewed synthetic years
    assert data.default_year(synthetic_copy) == 2031
    acts = synthetic_copy / "2031" / "activities.csv"
    table = csvio.read_text_table(acts)
    table.loc[0, "status"] = "draft"
    acts.write_text(table.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    assert series.draft_rows(2031, synthetic_copy) == 1
    assert data.default_year(synthetic_copy) == 2030
