"""The review workbench in Chromium (Debian's /usr/bin/chromium, through playwright),
against the real server (``hemiplan review --year Y --serve --port 0``, a subprocess)
on a scratch copy of a draft year: edit, save and reload; a bad value refused with the
file unchanged; accept a row and a paragraph; add and delete a row; a conflicting
change on disk; hostile report text shown literally; a keyboard-only pass; a request
from a foreign origin refused. Screenshots of the workbench and of a conflict, at 1280
and 390 px, are saved under ``_build/screenshots/`` (and in ``$HEMIPLAN_SHOTS`` when set)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser_checks import chromium, chromium_missing
from tests.conftest import HOSTILE_DATA, PROJECT, SCREENSHOTS, SYNTHETIC_DATA, snapshot
from tests.test_workbench import YEAR, drafted  # noqa: F401  (the session fixture: a drafted year)

pytestmark = pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or "")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@contextmanager
def serving(data: Path, year: int = YEAR):
    """The workbench of ``year`` on a free port of 127.0.0.1, as the command line starts it."""
    proc = subprocess.Popen([sys.executable, "-m", "hemiplan", "review", "--year", str(year), "--data-dir", str(data),
                             "--serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=PROJECT)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert m, f"the workbench printed {line!r}; stderr: {proc.stderr.read() if proc.poll() is not None else ''}"
        yield m.group(0).rstrip("/")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def data(drafted, tmp_path) -> Path:  # noqa: F811
    dest = tmp_path / "data"
    shutil.copytree(drafted, dest)
    return dest


@pytest.fixture
def browser_page():
    with chromium() as context:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
        page.errors = errors
        yield page


def shot(page, name: str) -> None:
    for folder in [SCREENSHOTS, *([Path(os.environ["HEMIPLAN_SHOTS"])] if os.environ.get("HEMIPLAN_SHOTS") else [])]:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"workbench-{name}.png"), full_page=False)


def cell(data: Path, table: str, rid: str, column: str) -> str:
    from hemiplan.data import csvio

    df = csvio.read_text_table(data / str(YEAR) / f"{table}.csv")
    hit = df[df.iloc[:, 0] == rid]
    return hit.iloc[0][column] if len(hit) else "<no row>"


def test_edit_save_and_reload(data, browser_page):
    page = browser_page
    with serving(data) as url:
        page.goto(f"{url}/")
        assert "0 of 16 rows reviewed" in page.inner_text(".wb-progress")
        shot(page, "index-1280")
        page.set_viewport_size(PHONE)
        shot(page, "index-390")
        page.set_viewport_size(DESKTOP)
        page.goto(f"{url}/p/2031-III.a-02")
        page.fill("#f-2031-A002-participants", "44")
        page.select_option("#f-2031-A002-attendance", "named")
        page.click("#row-2031-A002 .wb-save-button")
        page.wait_for_selector(".wb-done")
        assert "2031-A002 saved" in page.inner_text(".wb-done")
        assert cell(data, "activities", "2031-A002", "participants") == "44"
        page.reload()
        assert page.input_value("#f-2031-A002-participants") == "44"
        assert page.eval_on_selector("#f-2031-A002-attendance", "e => e.value") == "named"
        shot(page, "paragraph-1280")
        page.set_viewport_size(PHONE)
        page.reload()
        shot(page, "paragraph-390")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]   # nothing scrolls sideways
    assert page.errors == []


def test_a_bad_value_is_refused_with_the_file_unchanged(data, browser_page):
    page = browser_page
    with serving(data) as url:
        page.goto(f"{url}/p/2031-III.a-02")
        before = snapshot(data)
        page.fill("#f-2031-A002-participants", "-5")
        page.click("#row-2031-A002 .wb-save-button")
        page.wait_for_selector(".wb-error")
        assert snapshot(data) == before
        error = page.inner_text("#f-2031-A002-participants-error")
        assert "participants" in error and "'-5'" in error
        assert page.input_value("#f-2031-A002-participants") == "-5"        # kept, to correct
        shot(page, "refused-1280")


def test_accept_a_row_and_a_paragraph(data, browser_page):
    page = browser_page
    with serving(data) as url:
        page.goto(f"{url}/p/2031-V.a-02")
        page.click("#row-2031-A004 .wb-accept-button")
        page.wait_for_selector(".wb-done")
        assert cell(data, "activities", "2031-A004", "status") == "reviewed"
        assert cell(data, "activities", "2031-A005", "status") == "draft"
        page.goto(f"{url}/p/2031-V.a-03")
        page.click(".wb-accept-paragraph button")
        page.wait_for_selector(".wb-done")
        assert {cell(data, "activities", r, "status") for r in ("2031-A006", "2031-A007")} == {"reviewed"}
        assert "3 of 16 rows reviewed" in page.inner_text(".wb-progress")


def test_add_from_a_selection_and_delete(data, browser_page):
    page = browser_page
    with serving(data) as url:
        page.goto(f"{url}/p/2031-I-01")
        # select words of the paragraph, as a reviewer does with the mouse
        page.evaluate("""() => {
            const node = document.getElementById('paragraph-text').firstChild;
            const text = node.textContent, start = text.indexOf('the activities of the Secretariat');
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + 'the activities of the Secretariat'.length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        }""")
        page.wait_for_function("document.getElementById('add-quote').value.length > 0")
        assert page.input_value("#add-quote") == "the activities of the Secretariat"
        page.click(".wb-add button")
        page.wait_for_selector("#row-2031-A014")
        assert cell(data, "activities", "2031-A014", "quote") == "the activities of the Secretariat"
        page.click("#row-2031-A014 .wb-delete summary")
        page.fill("#row-2031-A014 .wb-delete input[name=reason]", "not an activity: the report's introduction")
        page.click("#row-2031-A014 .wb-delete button")
        page.wait_for_selector(".wb-done")
        assert cell(data, "activities", "2031-A014", "quote") == "<no row>"
        assert "2031-A014" in (data / str(YEAR) / "removed.csv").read_text(encoding="utf-8")


def test_a_conflicting_change_on_disk(data, browser_page):
    page = browser_page
    with serving(data) as url:
        page.goto(f"{url}/p/2031-III.a-02")
        path = data / str(YEAR) / "activities.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(",41,exact,", ",40,exact,", 1), encoding="utf-8")
        edited = path.read_bytes()
        page.fill("#f-2031-A002-participants", "45")
        page.click("#row-2031-A002 .wb-save-button")
        page.wait_for_selector(".wb-conflict")
        assert path.read_bytes() == edited
        row = page.inner_text("table.wb-both tr.wb-differs")
        assert "45" in row and "40" in row                      # both versions visible
        shot(page, "conflict-1280")
        page.set_viewport_size(PHONE)
        shot(page, "conflict-390")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.set_viewport_size(DESKTOP)
        page.click(".wb-keep button")                           # keep mine, knowingly
        page.wait_for_selector(".wb-done")
        assert cell(data, "activities", "2031-A002", "participants") == "45"


def test_hostile_report_text_is_shown_literally(tmp_path, browser_page):
    page = browser_page
    data = tmp_path / "data"
    shutil.copytree(HOSTILE_DATA, data)
    with serving(data, 2032) as url:
        page.goto(f"{url}/")
        pids = page.eval_on_selector_all(".wb-item > a", "els => els.map(e => e.getAttribute('href'))")
        seen = page.inner_text("main")
        for href in pids:
            page.goto(f"{url}{href}")
            seen += page.inner_text("main")
        assert "<script>alert(1)</script>" in seen and "<img src=x onerror=alert(1)>" in seen
        assert page.errors == []                                 # no dialog, no script ran


def test_a_keyboard_only_pass(data, browser_page):
    """j / k move between rows, Ctrl+S saves the row being edited, a accepts the current
    row and goes on to the next draft: the whole year reviewed without the mouse."""
    page = browser_page
    with serving(data) as url:
        page.goto(f"{url}/?status=draft")
        page.keyboard.press("Tab")
        page.goto(f"{url}/p/2031-II.a-01")
        first = page.eval_on_selector(".wb-current", "e => e.id")
        assert first == "row-2031-A001"
        with page.expect_navigation():
            page.keyboard.press("j")                             # one row only here: on to the next paragraph
        assert page.url.endswith("/p/2031-II.a-02")
        page.goto(f"{url}/p/2031-V.a-02")
        page.keyboard.press("j")
        assert page.eval_on_selector(".wb-current", "e => e.id") == "row-2031-A005"
        page.keyboard.press("k")
        assert page.eval_on_selector(".wb-current", "e => e.id") == "row-2031-A004"
        page.focus("#f-2031-A004-participants")
        page.keyboard.press("Control+a")
        page.keyboard.type("60")
        with page.expect_navigation():
            page.keyboard.press("Control+s")
        assert cell(data, "activities", "2031-A004", "participants") == "60"
        page.goto(f"{url}/p/2031-II.a-01")
        presses = 0
        while "16 of 16" not in page.inner_text(".wb-progress") and presses < 40:
            with page.expect_navigation():
                page.keyboard.press("a")
            presses += 1
        assert "16 of 16 rows reviewed" in page.inner_text(".wb-progress")
        assert presses == 16
    assert page.errors == []


def test_a_request_from_a_foreign_origin_is_refused(data, browser_page):
    page = browser_page
    with serving(data) as url:
        page.goto(f"{url}/p/2031-V.a-02")
        csrf = page.input_value("form.wb-accept input[name=csrf]")
        token = page.input_value("form.wb-accept input[name=token]")
        before = snapshot(data)
        page.goto("about:blank")
        page.set_content(f'<form method="post" action="{url}/row/activities/2031-A004/accept">'
                         f'<input name="csrf" value="{csrf}"><input name="token" value="{token}"></form>')
        with page.expect_navigation() as nav:
            page.eval_on_selector("form", "f => f.submit()")
        assert nav.value.status == 403
        assert snapshot(data) == before


# --- what a full review takes -------------------------------------------------------------

def _fill(page, rid: str, target: dict, count: dict) -> None:
    """Set a row's form to the values of ``target`` (a curated row), counting the clicks
    (a select: 2, open and choose; each option toggled in a multi-select: 1; a text or
    number field: 1, with its typing counted apart)."""
    for column, want in target.items():
        sel = f"#f-{rid}-{column}"
        el = page.query_selector(sel)
        if el is None:
            continue
        tag, multiple = el.evaluate("e => [e.tagName, e.multiple]")
        if tag == "SELECT" and multiple:
            have = set(el.evaluate("e => Array.from(e.selectedOptions).map(o => o.value)"))
            goal = {v for v in want.split(";") if v}
            if have != goal:
                page.select_option(sel, sorted(goal))
                count["clicks"] += len(have ^ goal)
        elif tag == "SELECT":
            if el.evaluate("e => e.value") != want:
                page.select_option(sel, want)
                count["clicks"] += 2
        elif el.input_value() != want:
            page.fill(sel, want)
            count["clicks"] += 1
            count["typed"] += 1


def _select_quote(page, quote: str) -> None:
    assert quote in page.inner_text("#paragraph-text"), (page.url, quote)
    page.evaluate("""(q) => {
        const node = document.getElementById('paragraph-text').firstChild;
        const start = node.textContent.indexOf(q);
        const range = document.createRange();
        range.setStart(node, start); range.setEnd(node, start + q.length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", quote)
    page.wait_for_function("document.getElementById('add-quote').value.length > 0")


def _overlap(a: str, b: str) -> int:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb)


def measure(curated: Path, year: int = YEAR) -> dict:
    """Review the drafts of ``year`` in the workbench, in the browser, until its
    activities are those of the curated tables (``curated``: a data folder with the
    year's reviewed tables): each draft matched to a curated row of its paragraph by its
    quote is corrected field by field, saved and accepted; a draft that matches none is
    deleted with a reason; a curated activity no draft holds is added from its sentence
    and completed (a figure likewise). Counts clicks and typed fields."""
    import tempfile
    import time

    from hemiplan.data import csvio
    from hemiplan.ingest.pipeline import ingest

    skip = {"activity_id", "indicator_id", "year", "paragraph_id", "status", "note"}
    count = {"clicks": 0, "typed": 0, "pages": 0, "edited_rows": 0, "added": 0, "deleted": 0}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        (data / "reference").mkdir(parents=True)
        if (curated / "reference" / "organizations.csv").is_file():
            shutil.copy(curated / "reference" / "organizations.csv", data / "reference")
        ingest(curated / "raw" / f"{year}.txt", year, data)
        want = {t: csvio.read_text_table(curated / str(year) / f"{t}.csv") for t in ("activities", "indicators")}
        start = time.monotonic()
        with serving(data, year) as url, chromium() as context:
            page = context.new_page()
            page.goto(f"{url}/")
            pids = page.eval_on_selector_all(".wb-item.wb-has-drafts > a", "els => els.map(e => e.getAttribute('href'))")
            pids = list(dict.fromkeys(pids + [f"/p/{p}" for p in want["activities"]["paragraph_id"]]))
            from hemiplan.analysis.sections import paragraph_key
            pids.sort(key=lambda h: paragraph_key(h.rsplit("/", 1)[1]))
            for href in pids:
                pid = href.rsplit("/", 1)[1]
                page.goto(f"{url}{href}")
                count["pages"] += 1
                count["clicks"] += 1                      # the link to the paragraph
                _review_paragraph(page, url, pid, want, skip, count)
            count["seconds"] = round(time.monotonic() - start, 1)
            page.goto(f"{url}/")
            count["progress"] = page.inner_text(".wb-progress").strip()
        count["curated_rows_reached"] = _reached(data, want, year, skip | {"covers"})
    return count


def _reached(data: Path, want: dict, year: int, skip: set) -> str:
    """How many curated rows the reviewed tables now hold, every field alike but ids and notes."""
    from hemiplan.data import csvio

    hit = total = 0
    for table, goal in want.items():
        have = csvio.read_text_table(data / str(year) / f"{table}.csv").to_dict("records")
        for g in goal.to_dict("records"):
            total += 1
            same = lambda h: all(str(h.get(c, "")) == str(v) for c, v in g.items() if c not in skip)  # noqa: E731
            hit += any(same(h) and h["status"] == "reviewed" for h in have)
    return f"{hit} of {total}"


def _review_paragraph(page, url: str, pid: str, want: dict, skip: set, count: dict) -> None:
    for table, id_col in (("activities", "activity_id"), ("indicators", "indicator_id")):
        goal = want[table][want[table]["paragraph_id"] == pid].to_dict("records")
        drafts = page.eval_on_selector_all(f"form[action^='/row/{table}/'].wb-save",
                                           "fs => fs.map(f => f.getAttribute('data-row'))")
        used = set()
        for rid in drafts:
            quote = page.input_value(f"#f-{rid}-quote")
            best = max((g for g in goal if g[id_col] not in used), key=lambda g: _overlap(g["quote"], quote),
                       default=None)
            if best is None or _overlap(best["quote"], quote) < 3:
                page.click(f"#row-{rid} .wb-delete summary")
                page.fill(f"#row-{rid} .wb-delete input[name=reason]", "not data of the report")
                with page.expect_navigation():
                    page.click(f"#row-{rid} .wb-delete button")
                count["clicks"] += 3
                count["typed"] += 1
                count["deleted"] += 1
                continue
            used.add(best[id_col])
            _correct(page, rid, {c: v for c, v in best.items() if c not in skip and c != "covers"}, count)
        for g in goal:
            if g[id_col] in used:
                continue
            _select_quote(page, g["quote"])
            with page.expect_navigation():
                page.click(f".wb-add button[value={table}]")
            count["clicks"] += 2                          # the selection, and Add
            count["added"] += 1
            rid = page.evaluate("location.hash.slice(5)")
            _correct(page, rid, {c: v for c, v in g.items() if c not in skip and c != "covers"}, count)
    if page.query_selector(".wb-accept-paragraph button"):
        with page.expect_navigation():
            page.click(".wb-accept-paragraph button")
        count["clicks"] += 1


def _correct(page, rid: str, target: dict, count: dict) -> None:
    before = dict(count)
    _fill(page, rid, target, count)
    if count["clicks"] != before["clicks"]:
        with page.expect_navigation():
            page.click(f"#row-{rid} .wb-save-button")
        count["clicks"] += 1
        count["edited_rows"] += 1
        problems = page.query_selector_all(".wb-error, .wb-problems")
        assert not problems, f"{rid}: " + "; ".join(p.inner_text() for p in problems)


if __name__ == "__main__":
    # .venv/bin/python -m tests.test_workbench_browser [DATA_DIR]: a full review of the year, measured
    import json

    print(json.dumps(measure(SYNTHETIC_DATA if len(sys.argv) < 2 else Path(sys.argv[1])), indent=1))
