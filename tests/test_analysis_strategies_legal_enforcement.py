"""Analyses of the section chapters II–IV (national strategies, legal instruments, law
enforcement): pure functions tested on small hand-made frames and on the SYNTHETIC
fixture years (2031 has the three sections, 2030 has none of them); the chapters
themselves are executed on both synthetic years and checked for their numbers."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest

from hemiplan import data, paths
from hemiplan.analysis import law_enforcement as le
from hemiplan.analysis import legal_instruments as li
from hemiplan.analysis import frames, sections
from hemiplan.analysis import national_strategies as ns
from hemiplan.analysis.frames import member_names, with_context
from hemiplan.data.membership import members_in_year
from hemiplan import vocabulary
from hemiplan.data import labels

from .conftest import SYNTHETIC_DATA
from .contract_defaults import with_contract_defaults

NAMES = {"BOL": "Bolivia", "ECU": "Ecuador", "MEX": "Mexico", "PAN": "Panama", "JAM": "Jamaica", "HND": "Honduras"}


@pytest.fixture(scope="module")
def ed31():
    return data.load(2031, SYNTHETIC_DATA)


@pytest.fixture(scope="module")
def ed30():
    return data.load(2030, SYNTHETIC_DATA)


def acts(rows: list[dict]) -> pd.DataFrame:
    """Activities with every column, defaults for those a test does not set."""
    base = {"activity_id": "", "year": 2040, "paragraph_id": "2040-II-01", "status": "reviewed", "dependency": "CICTE",
            "program": "", "activity_type": "course", "title": "", "countries": "", "month": pd.NA, "events": 1,
            "participants": pd.NA, "participants_qualifier": "", "partners": "", "funders": "", "quote": "",
            "section": "II", "section_title": "NATIONAL STRATEGIES", "subsection": "", "subsection_title": "",
            "heading": ""}
    df = pd.DataFrame([{**base, **r} for r in rows])
    for c in ("events", "participants", "month", "year"):
        df[c] = df[c].astype("Int64")
    return with_contract_defaults(df, year=2040)


def inds(rows: list[dict]) -> pd.DataFrame:
    base = {"indicator_id": "", "year": 2040, "paragraph_id": "2040-II-01", "status": "reviewed", "indicator": "",
            "value": 0.0, "unit": "", "covers": "", "countries": "", "ref_year": pd.NA, "quote": ""}
    df = pd.DataFrame([{**base, **r} for r in rows])
    df["value"] = df["value"].astype("Float64")
    df["ref_year"] = df["ref_year"].astype("Int64")
    df["year"] = df["year"].astype("Int64")
    return df


# --- sections, frames, vocabulary -----------------------------------------------------------------

def test_plural_and_labels():
    assert vocabulary.plural(1, "activity", "activities") == "1 activity"
    assert vocabulary.plural(2, "activity", "activities") == "2 activities"
    assert vocabulary.plural(1250, "firearm") == "1,250 firearms"
    assert vocabulary.humanize("ratifications_iacat") == "Ratifications IACAT"
    assert vocabulary.humanize("csirts_decade_start") == "CSIRTs decade start"
    assert vocabulary.join_words(["a", "b", "c"]) == "a, b and c"
    assert vocabulary.join_words(["a"]) == "a"
    assert frames.name_list("ECU;BOL", NAMES) == "Bolivia, Ecuador"
    assert vocabulary.subsection_label("b", "COUNTER-TERRORISM EFFORTS") == "b) Counter-terrorism efforts"
    assert vocabulary.subsection_label("", "") == vocabulary.NO_SUBSECTION
    assert labels.quantity(170, "more_than") == "more than 170"
    assert labels.quantity(40, "approx") == "approximately 40"
    assert labels.quantity(pd.NA, "") == ""


def test_years_as_text_keeps_missing():
    df = pd.DataFrame({"y": pd.array([2014, pd.NA], dtype="Int64")})
    out = frames.years_as_text(df, "y")
    assert out["y"].iloc[0] == "2014" and pd.isna(out["y"].iloc[1])


def test_select_synthetic(ed31):
    sec = sections.select(ed31, "national_strategies")
    assert sec.present and sec.numeral == "II"
    assert len(sec.paragraphs) == 2
    assert list(sec.activities["activity_id"]) == ["2031-A001"]
    assert list(sec.indicators["indicator_id"]) == ["2031-I001"]
    assert {"section", "subsection", "subsection_title"} <= set(sec.activities.columns)


def test_select_missing_section(ed30):
    sec = sections.select(ed30, "law_enforcement")
    assert not sec.present and sec.numeral is None
    assert sec.activities.empty and sec.indicators.empty and sec.paragraphs.empty
    assert "activity_id" in sec.activities.columns
    s = sections.summary(sec, ed30.member_states)
    assert s.activities == 0 and s.states_reached == 0
    assert sections.summary_text(sec, s) == "The 2030 report has no section on law enforcement matters."


def test_summary_synthetic_legal(ed31):
    sec = sections.select(ed31, "legal_instruments")
    s = sections.summary(sec, ed31.member_states)
    assert s.paragraphs == 2 and s.subsections == 1
    assert s.activities == 1 and s.events == 1
    assert s.itemised_participants == 41 and s.people.text == "41" and s.with_participants == 1
    assert s.dependencies == ("CICTE",)
    assert s.states_reached == 1
    assert s.members == len(members_in_year(ed31.member_states, 2031))
    assert s.stated_figures == 1
    text = sections.summary_text(sec, s)
    assert "**III. Legal instruments**" in text and "**41 participants**" in text and "(1 event), led by CICTE." in text


def test_size_by_year(ed30, ed31):
    out = sections.size_by_year({2030: ed30, 2031: ed31}, "law_enforcement")
    assert list(out["year"]) == [2030, 2031]
    assert list(out["activities"]) == [0, 1]
    assert list(out["states_reached"]) == [0, 2]
    assert sections.size_by_year({2030: ed30, 2031: ed31}, "law_enforcement", up_to=2030).empty
    assert sections.size_by_year({2031: ed31}, "law_enforcement").empty


def test_stated_figures():
    df = inds([{"indicator_id": "I1", "indicator": "firearms_destroyed", "value": 98, "unit": "firearms",
                "countries": "HND", "ref_year": 2013}])
    out = frames.stated_figures(df, NAMES)
    assert out.loc[0, "figure"] == "Firearms destroyed" and out.loc[0, "about"] == "Honduras"
    assert out.loc[0, "refers_to"] == 2013 and out.loc[0, "value"] == 98


# --- national strategies ------------------------------------------------------------

def test_by_subsection_type_and_type_by_dependency():
    df = acts([
        {"activity_id": "A1", "subsection": "a", "subsection_title": "Strategies", "activity_type": "plan",
         "dependency": "CICTE", "paragraph_id": "2040-II.a-01"},
        {"activity_id": "A2", "subsection": "a", "subsection_title": "Strategies", "activity_type": "plan",
         "dependency": "CICTE", "paragraph_id": "2040-II.a-02", "participants": 12, "events": 2},
        {"activity_id": "A3", "subsection": "b", "subsection_title": "Other", "activity_type": "course",
         "dependency": "CICAD", "paragraph_id": "2040-II.b-01"},
        {"activity_id": "A4", "subsection": "a", "subsection_title": "Strategies", "activity_type": "mission",
         "dependency": "SMS", "paragraph_id": "2040-II.a-03"},
    ])
    t = ns.by_subsection_type(df)
    assert list(t["subsection"]) == ["a) Strategies", "a) Strategies", "b) Other"]
    first = t.iloc[0]
    assert (first["dependency"], first["type"], first["activities"], first["events"], first["participants"]) == \
        ("CICTE", "Plan", 2, 3, 12)
    assert first["paragraphs"] == "2040-II.a-01;2040-II.a-02"
    m = frames.type_by_dependency(df)
    assert list(m.index) == ["Plan", "Course", "Mission"]
    assert list(m.columns) == ["CICAD", "CICTE", "SMS"]
    assert m.loc["Plan", "CICTE"] == 2 and m.loc["Course", "CICAD"] == 1


def test_csirt_points_use_ref_year():
    df = inds([{"indicator_id": "I1", "indicator": "csirts_decade_start", "value": 4, "unit": "teams", "ref_year": 2030},
               {"indicator_id": "I2", "indicator": "national_CSIRTs", "value": 15, "unit": "teams"},
               {"indicator_id": "I3", "indicator": "focal_points", "value": 30, "unit": "focal_points"}])
    p = ns.csirt_points(df, 2040)
    assert list(p["year"]) == [2030, 2040]
    assert list(p["value"]) == [4.0, 15.0]
    assert list(p["report_year"]) == [2040, 2040]


def test_csirt_history_and_series_latest_report_wins():
    e1 = SimpleNamespace(indicators=inds([{"indicator_id": "2040-I1", "indicator": "csirts", "value": 10, "year": 2040}]))
    e2 = SimpleNamespace(indicators=inds([
        {"indicator_id": "2041-I1", "indicator": "csirts", "value": 13, "year": 2041},
        {"indicator_id": "2041-I2", "indicator": "csirts_last_year", "value": 11, "year": 2041, "ref_year": 2040}]))
    h = ns.csirt_history({2040: e1, 2041: e2})
    assert list(zip(h["year"], h["report_year"], h["value"])) == [(2040, 2040, 10.0), (2040, 2041, 11.0), (2041, 2041, 13.0)]
    s = ns.csirt_series(h)
    assert s.to_dict() == {2040: 11.0, 2041: 13.0}
    assert ns.trend_text(s) == "rose from 11 in 2040 to 13 in 2041"
    only_first = ns.csirt_history({2040: e1, 2041: e2}, up_to=2040)
    assert list(only_first["value"]) == [10.0]
    assert ns.trend_text(ns.csirt_series(only_first)) == "stood at 10 in 2040"


def test_csirt_history_synthetic(ed30, ed31):
    h = ns.csirt_history({2030: ed30, 2031: ed31})
    assert list(h["value"]) == [27.0] and list(h["year"]) == [2031]


def test_strategy_records_selection():
    a = acts([
        {"activity_id": "A1", "activity_type": "plan", "program": "Cyber Security", "title": "Plan for X",
         "countries": "JAM", "paragraph_id": "2040-II-01"},
        {"activity_id": "A2", "activity_type": "course", "program": "Cyber Security", "title": "Course", "countries": "PAN"},
        {"activity_id": "A3", "activity_type": "assessment", "title": "Study for a Strategic Trade system", "countries": "MEX"},
        {"activity_id": "A4", "activity_type": "technical_assistance", "title": "National strategy support", "countries": ""},
    ])
    i = inds([
        {"indicator_id": "I1", "indicator": "national_cyber_strategies_adopted", "value": 1, "countries": "PAN",
         "ref_year": 2038, "unit": "states"},
        {"indicator_id": "I2", "indicator": "cyber_exercise_states", "value": 8, "unit": "states"},
        {"indicator_id": "I3", "indicator": "csirts", "value": 20, "unit": "teams", "countries": "JAM"},
    ])
    out = ns.strategy_records(a, i, NAMES)
    assert list(out["country"].fillna("")) == ["Jamaica", "Panama", ""]
    assert list(out["year"]) == [2040, 2038, 2040]
    assert list(out["kind"]) == ["Plan", "Stated figure", "Technical assistance"]
    assert ns.strategies_sentence(out) == "The records concern 2 member states, between 2038 and 2040."


def test_assessment_plan_events_and_dodge():
    a = acts([
        {"activity_id": "A1", "activity_type": "assessment", "program": "Citizen Security Model", "title": "Assessments",
         "countries": "HND;PAN"},
        {"activity_id": "A2", "activity_type": "mission", "title": "Second citizen-security evaluation", "countries": "HND"},
        {"activity_id": "A3", "activity_type": "plan", "program": "UNSCR 1540", "title": "National Action Plan",
         "countries": "MEX"},
        {"activity_id": "A4", "activity_type": "course", "title": "Port security course", "countries": "MEX"},
    ])
    i = inds([{"indicator_id": "I1", "indicator": "citizen_security_assessments", "value": 1, "unit": "missions",
               "countries": "JAM", "ref_year": 2037}])
    ev = ns.assessment_plan_events(a, i, NAMES)
    assert len(ev) == 5
    assert list(ev["label"]) == ["Honduras · Citizen security", "Honduras · Citizen security",
                                 "Jamaica · Citizen security", "Panama · Citizen security", "Mexico · UNSCR 1540"]
    assert list(ev["year"]) == [2040, 2040, 2037, 2040, 2040]
    assert list(ev["kind"])[:3] == ["Assessment", "Mission", "Stated figure"]
    pts = ns.timeline_points(ev)
    hnd = pts[pts["label"] == "Honduras · Citizen security"]
    assert list(hnd["year"]) == [2040.0, 2040.15]
    assert len(pts) == 5


def test_reached_and_subregions(ed31):
    sec = sections.select(ed31, "national_strategies")
    members = members_in_year(ed31.member_states, 2031)
    r = ns.reached_with_names(sec.activities, members)
    assert list(r["name"]) == ["Paraguay"] and list(r["activities"]) == [1]
    sub = frames.by_subregion(r, members, "reached", alphabetical=True).set_index("subregion")
    assert sub.loc["South America", "reached"] == 1
    assert sub["members"].sum() == len(members)


# --- legal instruments --------------------------------------------------------------

INSTRUMENTS = pd.DataFrame({
    "instrument_id": ["a", "b", "c"],
    "name": ["Inter-American Convention against Terrorism", "Convention on Things", "Old Treaty"],
    "short_name": ["IACAT", "CT", "Old"],
    "body": ["OAS", "UN", "UN"],
    "adopted": pd.array([2002, 1990, 1961], dtype="Int64"),
})


def test_instruments_table_names_and_order():
    paras = pd.DataFrame({"paragraph_id": ["2040-III-01", "2040-III-02"],
                          "text": ["States ratified the Inter-American  Convention against Terrorism.",
                                   "The CTX and the Oldest rule do not count; the IACAT does."],
                          "subsection_title": ["", ""]})
    t = li.instruments_table(INSTRUMENTS, paras)
    assert list(t["adopted"]) == [1961, 1990, 2002]
    assert list(t["named"]) == [False, False, True]
    assert t.loc[2, "paragraphs"] == "2040-III-01;2040-III-02"
    assert t.loc[2, "body"] == "Organization of American States"


def test_category_and_instrument_of():
    assert li.category("iact_ratifying_states", "states") == "Ratifications"
    assert li.category("tf_bills_under_discussion", "bills") == "Bills"
    assert li.category("tf_laws_enacted", "laws") == "Laws and regulations"
    assert li.category("something", "laws") == "Laws and regulations"
    assert li.category("total_participants", "participants") == li.OTHER
    assert li.instrument_of("31 states ratified the Inter-American Convention against Terrorism", INSTRUMENTS) == "IACAT"


def test_legal_figures_share_and_order():
    i = inds([
        {"indicator_id": "I1", "indicator": "tf_laws_enacted", "value": 9, "unit": "laws"},
        {"indicator_id": "I2", "indicator": "iacat_ratifying_states", "value": 25, "unit": "states",
         "quote": "25 have ratified the Inter-American Convention against Terrorism"},
        {"indicator_id": "I3", "indicator": "bills_pending", "value": 8, "unit": "bills"},
        {"indicator_id": "I4", "indicator": "total_participants", "value": 170, "unit": "participants"},
    ])
    out = li.legal_figures(i, INSTRUMENTS, NAMES, members=35)
    assert list(out["indicator_id"]) == ["I2", "I1", "I3"]
    assert out.loc[0, "share_of_members"] == 71 and out.loc[0, "instrument"] == "IACAT"
    assert pd.isna(out.loc[1, "share_of_members"])
    assert li.category_counts_text(out) == "1 on ratifications, 1 on laws and regulations and 1 on bills"
    assert list(li.other_figures(i, out)["indicator_id"]) == ["I4"]
    assert list(li.figure_labels(out)) == ["IACAT ratifying states", "TF laws enacted", "Bills pending"]


def test_legislative_assistance_synthetic(ed31):
    ctx = with_context(ed31.activities, ed31.paragraphs)
    la = li.legislative_assistance(ctx, "III", member_names(ed31.member_states))
    assert list(la["paragraph_id"]) == ["2031-III.a-02"]
    assert la.loc[0, "countries"] == "Guyana" and la.loc[0, "participants"] == "41"
    tot = li.assistance_totals(ctx, "III")
    assert (tot["activities"], tot["participants"], tot["states"], tot["outside_section"]) == (1, 41, 1, 0)
    assert li.assistance_text(tot).endswith("Participants are stated for it, adding up to **41 participants**.")


def test_legislative_assistance_outside_section():
    a = acts([
        {"activity_id": "A1", "activity_type": "legislative_assistance", "section": "V", "section_title": "TRAINING",
         "paragraph_id": "2040-V-01", "countries": "MEX", "participants": 30, "participants_qualifier": "more_than"},
        {"activity_id": "A2", "activity_type": "technical_assistance", "section": "III", "section_title": "LEGAL",
         "paragraph_id": "2040-III-01"},
        {"activity_id": "A3", "activity_type": "technical_assistance", "section": "V", "section_title": "TRAINING",
         "paragraph_id": "2040-V-02"},
    ])
    la = li.legislative_assistance(a, "III", NAMES)
    assert list(la["paragraph_id"]) == ["2040-III-01", "2040-V-01"]
    assert la.loc[1, "participants"] == "more than 30"
    tot = li.assistance_totals(a, "III")
    assert (tot["activities"], tot["outside_section"], tot["with_participants"]) == (2, 1, 1)
    assert list(li.legislative_assistance(a, None, NAMES)["paragraph_id"]) == ["2040-V-01"]


def test_figures_over_time_needs_two_reports(ed30, ed31):
    assert li.figures_over_time({2030: ed30, 2031: ed31}).empty
    later = SimpleNamespace(**{**ed31.__dict__})
    assert li.figures_over_time({2031: ed31}).empty
    both = li.figures_over_time({2031: ed31, 2032: later})
    assert list(both["report_year"]) == [2031, 2032] and list(both["value"]) == [31.0, 31.0]


# --- law enforcement ----------------------------------------------------------------

ORGS = pd.DataFrame({"org_id": ["ameripol", "idb", "uni"], "name": ["American Police Community", "IDB Bank", "A University"],
                     "acronym": ["AMERIPOL", "IDB", ""], "kind": ["regional organisation", "international organisation", "academic"],
                     "country": ["", "", ""]})


def le_acts() -> pd.DataFrame:
    return acts([
        {"activity_id": "A1", "dependency": "DPS", "activity_type": "technical_assistance", "title": "Victims project",
         "countries": "BOL;ECU", "partners": "ameripol;uni", "paragraph_id": "2040-IV-01", "section": "IV"},
        {"activity_id": "A2", "dependency": "DPS", "activity_type": "network", "title": "Police network",
         "countries": "ECU", "partners": "ameripol", "funders": "idb;unknown", "paragraph_id": "2040-IV-02", "section": "IV"},
        {"activity_id": "A3", "dependency": "CICAD", "activity_type": "meeting", "title": "Meeting", "countries": "",
         "paragraph_id": "2040-IV-03", "section": "IV"},
    ])


def test_projects_table():
    p = le.projects(le_acts(), NAMES, ORGS)
    assert list(p["activity_id"]) == ["A3", "A1", "A2"]
    row = p.set_index("activity_id").loc["A1"]
    assert row["beneficiaries"] == "Bolivia, Ecuador" and row["n_beneficiaries"] == 2
    assert row["partners"] == "A University, American Police Community"
    assert p.set_index("activity_id").loc["A2", "funders"] == "IDB Bank, unknown"


def test_beneficiaries_and_subregions():
    ms = pd.DataFrame({"iso3": ["BOL", "ECU", "MEX"], "name": ["Bolivia", "Ecuador", "Mexico"],
                       "subregion": ["South America", "South America", "North America"]})
    b = le.beneficiaries(le_acts(), ms)
    assert list(b["name"]) == ["Ecuador", "Bolivia"]
    assert list(b["projects"]) == [2, 1] and list(b["single_country"]) == [1, 0]
    sub = frames.by_subregion(b, ms, "beneficiaries", alphabetical=True).set_index("subregion")
    assert sub.loc["South America", "beneficiaries"] == 2 and sub.loc["North America", "beneficiaries"] == 0


def test_partners_by_kind_and_list():
    inv = le.involvement(le_acts(), ORGS)
    assert len(inv) == 5
    assert set(inv.loc[inv["org_id"] == "unknown", "kind"]) == {"Not in the reference list"}
    k = le.partners_by_kind(inv).set_index("kind")
    assert k.loc["Regional organisation", "projects"] == 2
    assert k.loc["International organisation", "as_funder"] == 1
    lst = le.partner_list(inv)
    assert lst.iloc[0]["organisation"] == "American Police Community" and lst.iloc[0]["projects"] == 2
    assert set(lst["roles"]) == {"partner", "funder"}


def test_projects_text_synthetic(ed31):
    sec = sections.select(ed31, "law_enforcement")
    members = members_in_year(ed31.member_states, 2031)
    p = le.projects(sec.activities, member_names(ed31.member_states), ed31.organizations)
    b = le.beneficiaries(sec.activities, members)
    inv = le.involvement(sec.activities, ed31.organizations)
    text = le.projects_text(p, b, inv, len(members))
    assert text.startswith("The section describes **1 project or activity**. It names 2 beneficiary member states")
    assert f"**2 of the {len(members)} member states**" in text
    assert text.endswith("1 partner or funder organisation for it.")
    assert list(le.partners_by_kind(inv)["kind"]) == ["Regional organisation"]


# --- the chapters, executed ---------------------------------------------------------

CHAPTERS = ["national_strategies", "legal_instruments", "law_enforcement"]


def _run(chapter: str, year: int, tmp_path: Path):
    papermill = pytest.importorskip("papermill")
    out = tmp_path / f"{chapter}-{year}.ipynb"
    papermill.execute_notebook(str(paths.CHAPTERS / f"{chapter}.ipynb"), str(out),
                               parameters={"year": year, "data_dir": str(SYNTHETIC_DATA)},
                               kernel_name="python3", progress_bar=False, cwd=str(paths.CHAPTERS))
    nb = nbformat.read(out, as_version=4)
    texts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert o.get("output_type") != "error"
            assert not (o.get("output_type") == "stream" and o.get("name") == "stderr"), o.get("text")
            d = o.get("data", {})
            texts.append(str(d.get("text/markdown", "")) + str(d.get("text/html", "")) + str(d.get("text/plain", "")))
    return "\n".join(texts)


@pytest.mark.parametrize("chapter,expected", [
    ("national_strategies", ["27", "Paraguay", "1 of the 34 member states", "Citizen security"]),
    ("legal_instruments", ["**41 participants**", ">31<", ">91<", "Guyana", "Inter-American Convention against Terrorism"]),
    ("law_enforcement", ["Bolivia, Ecuador", "2 of the 34 member states", "Regional organisation"]),
])
def test_chapter_computes_from_synthetic_year(chapter, expected, tmp_path):
    text = _run(chapter, 2031, tmp_path)
    for e in expected:
        assert e in text, f"{chapter}: {e!r} not in the outputs for 2031"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_without_its_section(chapter, tmp_path):
    text = _run(chapter, 2030, tmp_path)
    assert "The 2030 report has no section on" in text


def test_sentences_in_english_and_spanish(ed31):
    """The sentences of the three chapters, in English as the book has always written
    them, and in Spanish on a Spanish page (more in tests/test_spanish_sections.py)."""
    from hemiplan import language
    series = pd.Series([6.0, 19.0], index=[2004, 2014])
    assert ns.csirt_text(series) == "By the reports' own counts, the number of national CSIRTs rose from 6 in 2004 to 19 in 2014."
    sec = sections.select(ed31, "legal_instruments")
    table = li.instruments_table(ed31.instruments, sec.paragraphs)
    assert li.instruments_text(table, 2031, True) == (
        "The reference list holds 12 instruments adopted between 1961 and 2003, 4 inter-American instruments among "
        "them. The 2031 section names 1 of them.")
    language.use("es")
    try:
        assert ns.csirt_text(series) == ("Según los recuentos de los propios informes, el número de CSIRT nacionales "
                                         "pasó de 6 en 2004 a 19 en 2014.")
        assert li.instruments_text(table, 2031, False).endswith(
            "El informe de 2031 no tiene una sección sobre instrumentos jurídicos que los mencione.")
    finally:
        language.use("en")
