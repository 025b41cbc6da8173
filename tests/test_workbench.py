"""The review workbench without a browser: every endpoint through Flask's test client,
in a scratch copy of a draft year (the synthetic report of 2031, ingested afresh, so
that every row is a draft with ingest's own notes), and the hostile year 2032."""
from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from hemiplan.data import csvio
from hemiplan.data.validate import validate_year
from tests.conftest import HOSTILE_DATA, SYNTHETIC_DATA, snapshot

YEAR = 2031
WORKBENCH_DATA = Path(__file__).parent / "fixtures" / "workbench" / "data"
BASE = "http://127.0.0.1:8765"


@pytest.fixture(scope="session")
def drafted(tmp_path_factory) -> Path:
    """A data folder holding 2031 as ingest drafted it (SYNTHETIC), with a proposals table.
    The drafts are committed (tests/fixtures/workbench/data: the synthetic report of 2031
    ingested by the rules of December 2026, before the structural rules), so that these
    tests of the workbench do not change with the drafting rules, which their own tests
    measure."""
    root = tmp_path_factory.mktemp("workbench") / "data"
    shutil.copytree(WORKBENCH_DATA, root)
    (root / str(YEAR) / "proposals.csv").write_text(
        "proposal_id,activity_id,role,name,acronym,kind,quote,status,org_id\n"
        "2031-P001,2031-A012,partner,Synthetic Customs Council,SCC,regional organisation,"
        "memorandum of understanding,draft,\n"
        "2031-P002,2031-A012,funder,Nobody In Particular,,civil society,memorandum of understanding,draft,\n",
        encoding="utf-8")
    return root


@pytest.fixture
def data(drafted, tmp_path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(drafted, dest)
    return dest


@pytest.fixture
def client(data):
    from hemiplan.workbench.server import create_app

    app = create_app(YEAR, data, port=8765)
    return app.test_client()


def get(client, url: str, **kw):
    return client.get(url, base_url=BASE, **kw)


def form_of(html: str, action: str) -> dict:
    """The fields of the form posting to ``action`` (hidden ones and the visible widgets'
    current values), as a browser would submit it."""
    m = re.search(r'<form method="post" action="' + re.escape(action) + r'"(.*?)</form>', html, re.S)
    assert m, f"no form posts to {action}"
    body = m.group(1)
    out: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', body):
        out.setdefault(name, []).append(unescape(value))
    for name, inner in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
        chosen = re.findall(r'<option value="([^"]*)" selected>', inner)
        multiple = re.search(r'<select[^>]*name="' + re.escape(name) + r'"[^>]*multiple', body)
        out[name] = [unescape(v) for v in chosen] if multiple else [unescape(chosen[0] if chosen else "")]
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', body, re.S):
        out[name] = [unescape(value)]
    return out


def post(client, url: str, fields: dict, **kw):
    return client.post(url, data={k: v for k, v in fields.items()}, base_url=BASE, **kw)


def page(client, pid: str) -> str:
    r = get(client, f"/p/{pid}")
    assert r.status_code == 200
    return r.get_data(as_text=True)


def row(data: Path, table: str, rid: str) -> dict:
    df = csvio.read_text_table(data / str(YEAR) / f"{table}.csv")
    hit = df[df.iloc[:, 0] == rid]
    return hit.iloc[0].to_dict() if len(hit) else {}


# --- reading ------------------------------------------------------------------------------

def test_the_rows_in_report_order_with_progress_and_filters(client, data):
    html = get(client, "/").get_data(as_text=True)
    assert "0 of 16 rows reviewed" in html
    pids = re.findall(r'<a href="/p/([^"?]+)"><strong>', html)
    from hemiplan.analysis.sections import paragraph_key
    assert pids == sorted(pids, key=paragraph_key) and "2031-I-01" in pids      # every paragraph, rows or not
    drafts = re.findall(r'<a href="/p/([^"?]+)[^"]*"><strong>', get(client, "/?status=draft").get_data(as_text=True))
    assert "2031-I-01" not in drafts and "2031-V.a-02" in drafts                    # only paragraphs with drafts
    first = re.findall(r'<a href="/p/([^"?]+)[^"]*"><strong>', get(client, "/?order=uncertain").get_data(as_text=True))
    # the paragraph of the rows with ingest's notes (multinational attendance, held in 2030) comes first
    assert first[0] in ("2031-V.a-03", "2031-V.b-01") and first.index(first[0]) < first.index("2031-II.a-01")
    only = re.findall(r'<a href="/p/([^"?]+)[^"]*"><strong>', get(client, "/?section=V").get_data(as_text=True))
    assert only and all("-V." in p for p in only)
    held = get(client, "/?flag=held_elsewhere").get_data(as_text=True)
    assert "2031-A009" in held and "2031-A001" not in held


def test_each_row_editor_is_a_form_naming_its_row_beside_its_highlighted_sentence(client):
    html = page(client, "2031-V.a-02")
    assert 'action="/row/activities/2031-A004/save"' in html and 'action="/row/activities/2031-A005/save"' in html
    assert "<mark>59 prosecutors were trained in Uruguay in May.</mark>" in html
    f = form_of(html, "/row/activities/2031-A005/save")
    assert f["attendance"] == ["unstated"] and f["host"] == ["BOL", "ECU"] and f["participants"] == ["90"]
    assert re.search(r'<select id="f-2031-A005-attendance" name="attendance"', html)            # a vocabulary: a select
    assert re.search(r'name="countries" multiple', html) and ">Bolivia (BOL)<" in html        # states by name
    assert re.search(r'name="participants" type="number"[^>]*min="0"', html)                  # a count: a number
    assert 'name="partners" multiple' in html and "wb-filter" in html                         # organisations, filterable
    assert "not stated</option>" in html or "not stated (unstated)" in html                   # the schema's labels


# --- writing ------------------------------------------------------------------------------

def test_save_writes_the_changed_cells_only_and_logs_them(client, data):
    path = data / str(YEAR) / "activities.csv"
    before = path.read_text(encoding="utf-8").splitlines()
    f = form_of(page(client, "2031-III.a-02"), "/row/activities/2031-A002/save")
    f["attendance"], f["participants"] = ["named"], ["42"]
    r = post(client, "/row/activities/2031-A002/save", f)
    assert r.status_code == 303, r.get_data(as_text=True)
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after) and len(changed) == 1
    assert row(data, "activities", "2031-A002")["attendance"] == "named"
    assert row(data, "activities", "2031-A002")["participants"] == "42"
    log = csvio.read_text_table(data / str(YEAR) / "review_log.csv")
    assert list(zip(log["row_id"], log["column"], log["old"], log["new"])) == [
        ("2031-A002", "attendance", "unstated", "named"), ("2031-A002", "participants", "41", "42")]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", log["time"][0])
    assert validate_year(YEAR, data) == []
    # reloaded, the page shows the saved values and the log page the change
    assert form_of(page(client, "2031-III.a-02"), "/row/activities/2031-A002/save")["participants"] == ["42"]
    log_page = get(client, "/log").get_data(as_text=True)
    assert "2031-A002" in log_page and "<td>41</td><td>42</td>" in log_page


@pytest.mark.parametrize("column, value, shown", [
    ("participants", "-5", "participants: value '-5'"),
    ("events", "two", "events: value 'two'"),
    ("participants", "", "participants_qualifier"),       # a qualifier without its number
])
def test_a_bad_value_is_refused_beside_its_field_and_nothing_is_written(client, data, column, value, shown):
    before = snapshot(data)
    f = form_of(page(client, "2031-III.a-02"), "/row/activities/2031-A002/save")
    f[column] = [value]
    r = post(client, "/row/activities/2031-A002/save", f)
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert snapshot(data) == before
    assert "Nothing was written" in html
    err = re.findall(r'<p class="wb-error" role="alert" id="f-2031-A002-([a-z_]+)-error">(.*?)</p>', html)
    assert err and any(shown in unescape(msg) for _, msg in err), err
    assert any(c == (column if column != "participants" or value else "participants_qualifier") for c, _ in err)
    # the submitted value is kept in the form, to correct
    assert form_of(html, "/row/activities/2031-A002/save")[column] == [value]


def test_accept_a_row_then_a_paragraph(client, data):
    html = page(client, "2031-V.a-02")
    r = post(client, "/row/activities/2031-A004/accept", form_of(html, "/row/activities/2031-A004/accept"))
    assert r.status_code == 303 and r.headers["Location"].endswith("#row-2031-A005")   # on to the next draft
    assert row(data, "activities", "2031-A004")["status"] == "reviewed"
    assert row(data, "activities", "2031-A005")["status"] == "draft"
    html = page(client, "2031-VII.a-02")
    r = post(client, "/p/2031-VII.a-02/accept", form_of(html, "/p/2031-VII.a-02/accept"))
    assert r.status_code == 303
    assert row(data, "activities", "2031-A013")["status"] == "reviewed"
    assert row(data, "indicators", "2031-I003")["status"] == "reviewed"
    assert "3 of 16 rows reviewed" in get(client, "/").get_data(as_text=True)
    log = csvio.read_text_table(data / str(YEAR) / "review_log.csv")
    assert list(log["action"]) == ["accept"] * 3 and list(log["entry"]) == ["1", "2", "3"]


def test_add_an_activity_from_a_selected_sentence(client, data):
    html = page(client, "2031-I-01")
    f = form_of(html, "/p/2031-I-01/add")
    before = snapshot(data)
    f["quote"] = ["not a sentence of this paragraph"]
    r = post(client, "/p/2031-I-01/add", f)
    assert r.status_code == 422 and snapshot(data) == before
    assert "is not an exact substring" in r.get_data(as_text=True)
    f["quote"] = ["the activities of the Secretariat"]
    r = post(client, "/p/2031-I-01/add", f)
    assert r.status_code == 303 and r.headers["Location"].endswith("#row-2031-A014")
    new = row(data, "activities", "2031-A014")
    assert new["quote"] == "the activities of the Secretariat" and new["status"] == "draft"
    assert new["paragraph_id"] == "2031-I-01"
    assert validate_year(YEAR, data) == []
    assert 'action="/row/activities/2031-A014/save"' in page(client, "2031-I-01")


def test_add_a_figure_from_a_selected_sentence(client, data):
    f = form_of(page(client, "2031-II.a-02"), "/p/2031-II.a-02/add")
    before = snapshot(data)
    r = post(client, "/p/2031-II.a-02/add", f | {"quote": ["The CICTE Cyber Security program"], "table": "indicators"})
    assert r.status_code == 422 and snapshot(data) == before and "holds no number" in r.get_data(as_text=True)
    r = post(client, "/p/2031-II.a-02/add", f | {"quote": ["the number of national CSIRTs reached 27"],
                                                 "table": "indicators"})
    assert r.status_code == 303 and r.headers["Location"].endswith("#row-2031-I004")
    new = row(data, "indicators", "2031-I004")
    assert (new["value"], new["qualifier"], new["status"]) == ("27", "exact", "draft")
    assert validate_year(YEAR, data) == []


def test_delete_a_row_with_its_reason_and_a_number_that_is_not_data(client, data):
    html = page(client, "2031-V.b-01")
    f = form_of(html, "/row/activities/2031-A009/delete")
    before = snapshot(data)
    r = post(client, "/row/activities/2031-A009/delete", f)          # no reason
    assert r.status_code == 422 and snapshot(data) == before
    f |= {"reason": ["a past edition, not an activity of 2031"], "not_data": ["64"], "not_data_reason": ["historical"]}
    r = post(client, "/row/activities/2031-A009/delete", f)
    assert r.status_code == 303
    assert row(data, "activities", "2031-A009") == {}
    rem = csvio.read_text_table(data / str(YEAR) / "removed.csv")
    assert list(rem["row_id"]) == ["2031-A009"] and rem["reason"][0] == "a past edition, not an activity of 2031"
    unrec = csvio.read_text_table(data / str(YEAR) / "unrecorded.csv")
    assert ("2031-V.b-01", "64", "historical") in set(zip(unrec["paragraph_id"], unrec["number"], unrec["reason"]))
    assert validate_year(YEAR, data) == []
    log = csvio.read_text_table(data / str(YEAR) / "review_log.csv")
    assert ("remove", "2031-A009") in set(zip(log["action"], log["row_id"]))


def test_edit_a_paragraphs_countries_and_dependencies(client, data):
    html = page(client, "2031-II.a-01")
    f = form_of(html, "/p/2031-II.a-01/edit")
    f["countries"] = ["URY", "PRY"]
    f["dependencies"] = ["SMS", "DPS"]
    r = post(client, "/p/2031-II.a-01/edit", f)
    assert r.status_code == 303
    df = csvio.read_text_table(data / str(YEAR) / "paragraphs.csv")
    got = df[df["paragraph_id"] == "2031-II.a-01"].iloc[0]
    assert (got["countries"], got["dependencies"]) == ("PRY;URY", "DPS;SMS")
    f["countries"] = ["ZZZ"]
    before = snapshot(data)
    assert post(client, "/p/2031-II.a-01/edit", form_of(page(client, "2031-II.a-01"), "/p/2031-II.a-01/edit")
                | {"countries": ["ZZZ"]}).status_code == 422
    assert snapshot(data) == before


def test_a_change_on_disk_since_the_page_was_loaded_is_a_conflict_never_overwritten(client, data):
    html = page(client, "2031-III.a-02")
    f = form_of(html, "/row/activities/2031-A002/save")
    path = data / str(YEAR) / "activities.csv"
    # a hand edit meanwhile: the title of the row
    title = '"CICTE delivered legislative assistance to Guyana in October, with the participation of forty-one officials",'
    assert title in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(title, "Edited by hand,", 1), encoding="utf-8")
    edited = path.read_bytes()
    f["participants"] = ["43"]
    r = post(client, "/row/activities/2031-A002/save", f)
    body = r.get_data(as_text=True)
    assert r.status_code == 409
    assert path.read_bytes() == edited                          # the hand edit is kept, nothing written
    assert "2031/activities.csv" in body
    assert "<td>43</td><td>41</td>" in body                     # both versions visible: mine and on disk
    assert "Edited by hand" in body
    assert not (data / str(YEAR) / "review_log.csv").exists()
    # keeping mine is a new, explicit write over the current version
    keep = form_of(body, "/row/activities/2031-A002/save")
    r = post(client, "/row/activities/2031-A002/save", keep)
    assert r.status_code == 303
    assert row(data, "activities", "2031-A002")["participants"] == "43"


def test_accept_after_a_change_on_disk_is_a_conflict(client, data):
    html = page(client, "2031-V.a-02")
    f = form_of(html, "/row/activities/2031-A004/accept")
    (data / str(YEAR) / "indicators.csv").write_text(
        (data / str(YEAR) / "indicators.csv").read_text(encoding="utf-8") + "", encoding="utf-8")
    para = data / str(YEAR) / "paragraphs.csv"
    para.write_bytes(para.read_bytes().replace(b"This synthetic report", b"This synthetic  report", 1))
    before = snapshot(data)
    r = post(client, "/row/activities/2031-A004/accept", f)
    assert r.status_code == 409 and "2031/paragraphs.csv" in r.get_data(as_text=True)
    assert snapshot(data) == before


# --- safety -------------------------------------------------------------------------------

def test_a_foreign_host_or_origin_or_a_missing_token_is_refused(client, data):
    html = page(client, "2031-V.a-02")
    f = form_of(html, "/row/activities/2031-A004/accept")
    before = snapshot(data)
    assert client.get("/", base_url="http://evil.example:8765").status_code == 403          # DNS rebinding
    assert client.get("/", base_url="http://127.0.0.1:9999").status_code == 403
    assert client.post("/row/activities/2031-A004/accept", data=f,
                       base_url="http://attacker.example").status_code == 403
    r = client.post("/row/activities/2031-A004/accept", data=f, base_url=BASE,
                    headers={"Origin": "http://attacker.example"})
    assert r.status_code == 403
    r = client.post("/row/activities/2031-A004/accept", data=f, base_url=BASE,
                    headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert post(client, "/row/activities/2031-A004/accept", {**f, "csrf": "guess"}).status_code == 403
    assert post(client, "/row/activities/2031-A004/accept", {k: v for k, v in f.items() if k != "csrf"}).status_code == 403
    assert client.get("/row/activities/2031-A004/accept", base_url=BASE).status_code == 405   # writes are POSTs
    assert snapshot(data) == before
    ok = client.post("/row/activities/2031-A004/accept", data=f, base_url=BASE, headers={"Origin": BASE})
    assert ok.status_code == 303
    csp = get(client, "/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_hostile_report_text_is_shown_literally(tmp_path):
    from hemiplan.workbench.server import create_app

    data = tmp_path / "data"
    shutil.copytree(HOSTILE_DATA, data)
    c = create_app(2032, data, port=8765).test_client()
    pages = [get(c, "/").get_data(as_text=True)]
    pids = re.findall(r'<a href="/p/([^"?]+)"><strong>', pages[0])
    pages += [get(c, f"/p/{p}").get_data(as_text=True) for p in pids]
    everything = "\n".join(pages)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in everything
    assert "&lt;img src=x onerror=alert(1)&gt;" in everything
    assert "<script>alert" not in everything and "<img src=x" not in everything
    scripts = re.findall(r"<script[^>]*>", everything)
    assert set(scripts) == {'<script src="/static/workbench.js" defer>'}


def test_the_server_listens_on_loopback_only():
    from hemiplan.workbench import server

    assert server.HOST == "127.0.0.1"


# --- proposals ----------------------------------------------------------------------------

def test_a_proposed_organisation_added_or_rejected(client, data):
    drafted_partners = csvio.split_list(row(data, "activities", "2031-A012")["partners"])   # whatever ingest found
    html = page(client, "2031-VII.a-01")
    assert "Synthetic Customs Council" in html and "Nobody In Particular" in html
    f = form_of(html, "/proposal/2031-P001/add")
    assert f["org_id"] == ["scc"] and f["kind"] == ["regional organisation"]
    r = post(client, "/proposal/2031-P001/add", f)
    assert r.status_code == 303, r.get_data(as_text=True)
    orgs = csvio.read_text_table(data / "reference" / "organizations.csv")
    assert ("scc", "Synthetic Customs Council", "SCC") in set(zip(orgs["org_id"], orgs["name"], orgs["acronym"]))
    assert csvio.split_list(row(data, "activities", "2031-A012")["partners"]) == sorted(drafted_partners + ["scc"])
    props = csvio.read_text_table(data / str(YEAR) / "proposals.csv")
    assert list(zip(props["status"], props["org_id"])) == [("added", "scc"), ("draft", "")]
    r = post(client, "/proposal/2031-P002/reject", form_of(page(client, "2031-VII.a-01"), "/proposal/2031-P002/reject"))
    assert r.status_code == 303
    props = csvio.read_text_table(data / str(YEAR) / "proposals.csv")
    assert list(props["status"]) == ["added", "rejected"]
    assert validate_year(YEAR, data) == []


def test_an_organisation_id_already_taken_is_refused(client, data):
    f = form_of(page(client, "2031-VII.a-01"), "/proposal/2031-P001/add")
    orgs = csvio.read_text_table(data / "reference" / "organizations.csv")
    f["org_id"] = [orgs["org_id"][0]]
    before = snapshot(data)
    r = post(client, "/proposal/2031-P001/add", f)
    assert r.status_code == 422 and snapshot(data) == before
    assert "org_id" in r.get_data(as_text=True)


def test_without_proposals_nothing_is_shown(client, data):
    (data / str(YEAR) / "proposals.csv").unlink()
    html = page(client, "2031-VII.a-01")
    assert "Organisations proposed" not in html and "/proposal/" not in html


@pytest.mark.parametrize("with_table", [True, False])
def test_an_organisation_the_drafting_missed_is_named_then_added(client, data, with_table):
    """From the row, with or without a proposals table: proposed with the activity's
    quote, then added to the organisations like a drafted proposal; a nameless one is
    refused with nothing written."""
    if not with_table:
        (data / str(YEAR) / "proposals.csv").unlink()
    f = form_of(page(client, "2031-VII.a-01"), "/row/activities/2031-A012/propose")
    before = snapshot(data)
    r = post(client, "/row/activities/2031-A012/propose", {**f, "name": ["  "]})
    assert r.status_code == 422 and snapshot(data) == before
    f = form_of(page(client, "2031-VII.a-01"), "/row/activities/2031-A012/propose")
    f.update(name=["Synthetic Coast Watch"], acronym=["SCW"], role=["funder"])
    r = post(client, "/row/activities/2031-A012/propose", f)
    assert r.status_code == 303, r.get_data(as_text=True)
    props = csvio.read_text_table(data / str(YEAR) / "proposals.csv")
    new = props[props["name"] == "Synthetic Coast Watch"].iloc[0]
    assert (new["activity_id"], new["role"], new["status"]) == ("2031-A012", "funder", "draft")
    assert new["quote"] == row(data, "activities", "2031-A012")["quote"]
    assert new["proposal_id"] == (f"{YEAR}-P003" if with_table else f"{YEAR}-P001")
    html = page(client, "2031-VII.a-01")
    f = form_of(html, f"/proposal/{new['proposal_id']}/add")
    assert f["org_id"] == ["scw"]
    assert post(client, f"/proposal/{new['proposal_id']}/add", f).status_code == 303
    assert "scw" in csvio.split_list(row(data, "activities", "2031-A012")["funders"])
    assert validate_year(YEAR, data) == []


# --- the Review page ----------------------------------------------------------------------

def test_the_review_page_lists_the_log_escaped(client, data):
    from hemiplan.present.review import log_table
    from hemiplan.workbench import log

    f = form_of(page(client, "2031-III.a-02"), "/row/activities/2031-A002/save")
    f["title"] = ["<b>bold</b> & co"]
    assert post(client, "/row/activities/2031-A002/save", f).status_code == 303
    table = log_table(log.read(data / str(YEAR) / "review_log.csv"))
    assert "<td>2031-A002</td><td>title</td>" in table
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in table and "<b>bold" not in table
    assert log_table(None) == ""
