"""The training chapter's analyses (hemiplan.analysis.training), on small hand-made
tables and on the synthetic fixture (invented data)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from hemiplan import data
from hemiplan.analysis import counting, sections
from hemiplan.analysis import training as t
from hemiplan.analysis.sections import join_ids
from hemiplan.data import csvio, schema
from hemiplan.vocabulary import NO_SUBSECTION, humanize, plural, shorten, subsection_label

from .conftest import SYNTHETIC_DATA
from .contract_defaults import with_contract_defaults

PARAS = pd.DataFrame({
    "paragraph_id": ["9999-V.a-01", "9999-V.a-02", "9999-V.b-01", "9999-V.b-02", "9999-V.b-03", "9999-V.b-04",
                     "9999-V.c-01", "9999-VI-01"],
    "section": ["V"] * 7 + ["VI"],
    "section_title": ["TRAINING"] * 7 + ["INFORMATION SHARING"],
    "subsection": ["a", "a", "b", "b", "b", "b", "c", ""],
    "subsection_title": ["Money laundering", "Money laundering", "Supply reduction", "Supply reduction",
                         "Supply reduction", "Supply reduction", "Firearms", ""],
    "heading": ["", "", "", "Chemicals", "Chemicals", "Maritime", "", ""],
})


def _acts(rows):
    cols = ["activity_id", "paragraph_id", "status", "dependency", "program", "activity_type", "title", "countries",
            "events", "participants", "participants_qualifier", "partners", "funders"]
    df = pd.DataFrame(rows, columns=cols)
    df["events"] = df["events"].astype("Int64")
    df["participants"] = df["participants"].astype("Int64")
    for c in ("participants_qualifier", "program", "countries", "partners", "funders"):
        df[c] = df[c].fillna("")
    return with_contract_defaults(df)


ACTIVITIES = _acts([
    ("9999-A001", "9999-V.a-02", "reviewed", "CICAD", "Alpha", "course", "Course one", "PER", 2, 40, "exact", "org-x", ""),
    ("9999-A002", "9999-V.a-02", "draft", "CICTE", "", "workshop", "Workshop two", "BRB;JAM", 1, 30, "approx", "", "org-y"),
    ("9999-A003", "9999-V.b-01", "reviewed", "CICAD", "Alpha", "seminar", "Seminar three", "GTM;PER", 3, 90, "more_than", "org-x", "org-x"),
    ("9999-A004", "9999-V.b-02", "reviewed", "CICAD", "Beta", "meeting", "Meeting four", "", 1, None, None, "", ""),
    ("9999-A005", "9999-V.b-04", "reviewed", "DPS", "", "course", "Course five", "GTM", 1, 12, "exact", "", ""),
    ("9999-A006", "9999-VI-01", "reviewed", "DPS", "", "course", "Course elsewhere", "PER", 1, 500, "exact", "", ""),
    ("9999-A007", "9999-V.a-01", "reviewed", "DPS", "", "course", "Regional course", "BRB;GTM;JAM;PER", 2, 8, "exact", "", ""),
])

MEMBERS = pd.DataFrame({
    "iso3": ["BRB", "GTM", "JAM", "PER", "USA"],
    "name": ["Barbados", "Guatemala", "Jamaica", "Peru", "United States"],
    "subregion": ["Caribbean", "Central America", "Caribbean", "South America", "North America"],
    "member_from": [1967, 1951, 1969, 1954, 1951],
    "member_until": pd.array([None, None, None, None, None], dtype="Int64"),
})
ORGS = pd.DataFrame({"org_id": ["org-x", "org-y"], "name": ["Org X", "Org Y"], "acronym": ["X", ""],
                     "kind": ["UN body", "private sector"]})


class Ed:
    """A minimal edition for the section selector."""
    year = 9999
    paragraphs = PARAS
    activities = ACTIVITIES
    indicators = pd.DataFrame({c: pd.Series(dtype=str) for c in (
        "indicator_id", "paragraph_id", "dependency", "unit", "covers", "qualifier")}).assign(value=pd.Series(dtype=float))
    chapter_sections = csvio.typed(csvio.read_text_table(schema.table_path("chapter_sections")), "chapter_sections")


class NoTraining(Ed):
    paragraphs = PARAS[PARAS["section"] != "V"]


SEC = sections.select(Ed, "training")


@pytest.fixture
def acts():
    return t.activities(SEC)


@pytest.fixture
def paras():
    return SEC.paragraphs


def test_plural_and_labels():
    assert plural(1, "activity") == "1 activity"
    assert plural(2, "activity") == "2 activities"
    assert plural(0, "event") == "0 events"
    assert plural(1204, "participant") == "1,204 participants"
    assert plural(3, "day") == "3 days"
    assert plural(2, "training activity", "training activities") == "2 training activities"
    assert shorten("Support for the control of arms and munitions", 20) == "Support for the…"
    assert shorten("Short", 20) == "Short"
    assert humanize("technical_assistance") == "Technical assistance"
    assert subsection_label("b", "SUPPLY REDUCTION") == "b) Supply reduction"
    assert subsection_label("", "") == NO_SUBSECTION
    assert join_ids(["9999-V.b-01", "9999-V.a-02", "9999-V.b-01", ""]) == "9999-V.a-02;9999-V.b-01"


def test_section_activities(acts):
    assert list(acts["activity_id"]) == ["9999-A001", "9999-A002", "9999-A003", "9999-A004", "9999-A005", "9999-A007"]
    assert list(acts["n_countries"]) == [1, 2, 2, 0, 1, 4]
    assert list(acts["qualifier_label"])[:4] == ["exact", "approximately", "more than", "not stated"]
    assert acts.set_index("activity_id").at["9999-A004", "heading"] == "Chemicals"


def test_missing_section_gives_empty_results():
    sec = sections.select(NoTraining, "training")
    acts = t.activities(sec)
    paras = sec.paragraphs
    assert acts.empty and "n_countries" in acts.columns and paras.empty
    assert t.summary(sec, MEMBERS)["activities"] == 0
    assert t.by_part(acts, paras, total=True).empty
    assert t.part_dependency(acts, paras, "events").empty
    assert t.by_program(acts).empty and t.by_type(acts).empty
    assert t.group_dependency(acts, "type", "events").empty
    assert t.by_state(acts, MEMBERS).empty
    assert t.attributed_by_subregion(acts, MEMBERS, 9999)["activities"].sum() == 0
    assert t.attribution(acts)["participants"] == 0
    assert t.qualifiers(acts)["activities"].sum() == 0
    assert t.per_event_stats(acts) == {"activities": 0}
    assert t.largest(acts, MEMBERS).empty and t.partners(acts, ORGS).empty
    assert sec.indicators.empty


def test_summary(acts, paras):
    s = t.summary(SEC, MEMBERS)
    assert (s["paragraphs"], s["subsections"], s["activities"], s["events"]) == (7, 3, 6, 10)
    assert (s["participants"], s["with_participants"], s["without_participants"]) == (180, 5, 1)
    assert (s["exact"], s["approx"], s["more_than"]) == (3, 1, 1)
    assert (s["approx_participants"], s["more_than_participants"]) == (30, 90)
    assert s["dependency_totals"] == [("CICAD", 3, 130), ("CICTE", 1, 30), ("DPS", 2, 20)]
    assert (s["states_reached"], s["members"], s["drafts"]) == (4, 5, 1)
    assert t.total_kind(s) == "a floor"
    assert t.total_kind({"approx": 1}) == "approximate"
    assert t.total_kind({"exact": 3}) == "exact as stated"


def test_summary_synthetic_year():
    ed = data.load(2031, SYNTHETIC_DATA)
    s = t.summary(sections.select(ed, "training"), ed.member_states)
    # 2031-A010 (held in 2030, 64 participants) is not counted; the multinational workshop's 48 are
    assert (s["activities"], s["events"], s["participants"]) == (8, 10, 441)
    assert (s["exact"], s["approx"], s["more_than"], s["without_participants"]) == (3, 1, 1, 3)
    assert (s["states_reached"], s["members"], s["held_elsewhere"]) == (6, 34, 1)
    # CICTE's "more than 90" stands for its two workshops that state no figure
    assert (s["people"]["text"], s["people"]["basis"]) == ("more than 531", "itemised and stated totals")
    assert ("Joint", 1, 0) in s["dependency_totals"]


def test_by_part_structure_and_total(acts, paras):
    p = t.by_part(acts, paras, total=True)
    assert list(p["part"]) == ["a) Money laundering", "b) Supply reduction", "↳ " + t.NO_HEADING, "↳ Chemicals",
                               "↳ Maritime", "c) Firearms", t.TOTAL_LABEL]
    assert list(p["level"]) == [0, 0, 1, 1, 1, 0, -1]
    assert list(p["activities"]) == [3, 3, 1, 1, 1, 0, 6]
    assert list(p["events"]) == [5, 5, 3, 1, 1, 0, 10]
    assert p["participants"].tolist()[:2] == [78, 102]
    assert pd.isna(p.loc[3, "participants"]) and pd.isna(p.loc[5, "participants"])
    assert p.loc[6, "participants"] == 180 and p.loc[6, "without_participants"] == 1
    assert p.loc[5, "paragraphs"] == "9999-V.c-01"  # a part without activities links to where it starts
    assert p.loc[3, "name"] == "Chemicals"
    top = t.top_part(p)
    assert top["name"] == "b) Supply reduction" and top["participants"] == 102
    assert math.isclose(top["share"], 102 / 180) and top["empty_parts"] == 1 and top["parts"] == 3


def test_part_dependency(acts, paras):
    ev = t.part_dependency(acts, paras, "events")
    pa = t.part_dependency(acts, paras, "participants")
    assert list(ev.index) == ["a) Money laundering", "b · " + t.NO_HEADING, "b · Chemicals", "b · Maritime",
                              "c) Firearms"]
    assert list(ev.columns) == ["CICAD", "CICTE", "DPS"]
    assert ev.loc["a) Money laundering"].tolist() == [2.0, 1.0, 2.0]
    assert pa.loc["a) Money laundering"].tolist() == [40.0, 30.0, 8.0]
    assert pa.loc["b · Chemicals"].isna().all()  # no figure, not zero
    assert ev.loc["c) Firearms"].sum() == 0
    assert "no participant figure" in t.pairs_text(ev, pa)
    assert "a) Money laundering: 5 events, 78 participants" in t.pairs_text(ev, pa)


def test_by_program_and_type(acts):
    prog = t.by_program(acts)
    assert list(prog["program"]) == ["Alpha", "Beta", t.NO_PROGRAM]
    alpha = prog.iloc[0]
    assert (alpha["activities"], alpha["events"], alpha["participants"], alpha["dependencies"]) == (2, 5, 130, "CICAD")
    assert pd.isna(prog.iloc[1]["participants"]) and prog.iloc[1]["without_participants"] == 1
    assert prog.iloc[2]["dependencies"] == "CICTE, DPS"
    types = t.by_type(acts).set_index("type")
    assert list(types.index) == ["Course", "Seminar", "Workshop", "Meeting"]
    assert types.at["Course", "events"] == 5 and types.at["Course", "participants"] == 60
    assert types.at["Course", "per_event"] == 12.0
    assert types.at["Seminar", "per_event"] == 30.0
    assert pd.isna(types.at["Meeting", "per_event"])


def test_group_dependency(acts):
    order = list(t.by_program(acts)["program"])
    ev = t.group_dependency(acts, "program", "events", order=order)
    pa = t.group_dependency(acts, "program", "participants", order=order)
    assert list(ev.index) == order
    assert ev.loc["Alpha", "CICAD"] == 5 and ev.loc[t.NO_PROGRAM].sum() == 4
    assert pa.loc["Beta"].isna().all()
    default = t.group_dependency(acts, "type", "participants")
    assert list(default.index) == ["Seminar", "Course", "Workshop", "Meeting"]


def test_where(acts):
    att = t.attribution(acts)
    assert att == {"participants": 180, "single_activities": 2, "single_participants": 52,
                   "several_activities": 3, "several_participants": 128,
                   "none_activities": 0, "none_participants": 0}
    st = t.by_state(acts, MEMBERS).set_index("iso3")
    assert list(st.index) == ["PER", "GTM", "BRB", "JAM"]
    assert st.at["PER", "activities"] == 3 and st.at["PER", "participants_attributed"] == 40
    assert st.at["PER", "participants_shared"] == 98
    assert st.at["GTM", "attributed_events"] == 1 and pd.isna(st.at["BRB", "participants_attributed"])
    sub = t.attributed_by_subregion(acts, MEMBERS, 9999).set_index("subregion")
    assert sub.at["Caribbean", "participants"] == 30 and sub.at["Caribbean", "states_reached"] == 2
    assert sub.at["Caribbean", "members"] == 2 and sub.at["Caribbean", "activities"] == 2
    assert sub.at["South America", "participants"] == 40
    assert sub.at["Central America", "participants"] == 12
    assert pd.isna(sub.at["North America", "participants"]) and sub.at["North America", "activities"] == 0
    assert sub.at[t.SEVERAL_SUBREGIONS, "participants"] == 98
    assert sub.at[t.NO_COUNTRY, "activities"] == 1
    assert sub["participants"].sum() == 180  # every stated participant lands in one row


def test_qualifiers(acts):
    q = t.qualifiers(acts).set_index("qualifier")
    assert list(q.index) == ["exact", "approximately", "more than", "not stated"]
    assert q["activities"].tolist() == [3, 1, 1, 1]
    assert q.at["exact", "participants"] == 60 and q.at["more than", "participants"] == 90
    assert q.at["more than", "share"] == 50.0
    assert pd.isna(q.at["not stated", "participants"])


def test_per_event_and_largest(acts):
    pe = t.per_event_stats(acts)
    assert (pe["activities"], pe["participants"], pe["events"]) == (5, 180, 9)
    assert math.isclose(pe["overall"], 20.0) and pe["median"] == 20.0
    assert (pe["min"], pe["min_title"]) == (4.0, "Regional course")
    assert (pe["max"], pe["max_title"]) == (30.0, "Seminar three")
    top = t.largest(acts, MEMBERS, n=3)
    assert list(top["title"]) == ["Seminar three", "Course one", "Workshop two"]
    assert list(top["states"]) == ["Guatemala, Peru", "Peru", "Barbados, Jamaica"]
    assert list(top["qualifier"]) == ["more than", "exact", "approximately"]
    assert top.loc[0, "per_event"] == 30.0
    assert t.largest(acts, MEMBERS).iloc[-1]["states"] == "4 member states"


def test_partners(acts):
    p = t.partners(acts, ORGS)
    assert list(p["organisation"]) == ["Org X", "Org Y"]
    assert p.loc[0, "activities"] == 2 and p.loc[0, "as_funder"] == 1 and p.loc[0, "participants"] == 130
    assert p.loc[1, "as_funder"] == 1 and p.loc[1, "kind"] == "private sector"


def test_year_over_year_synthetic():
    eds = data.load_all(SYNTHETIC_DATA)
    yoy = t.year_over_year(eds)
    assert list(yoy["year"]) == ["2030", "2031"]
    assert yoy.set_index("year").at["2031", "participants"] == 441  # itemised, held in 2031
    assert t.year_over_year({2031: eds[2031]}).empty


def test_section_reconciliation_synthetic():
    ed = data.load(2031, SYNTHETIC_DATA)
    r = t.section_reconciliation(ed.indicators, ed.activities, ed.paragraphs, "V")
    assert sorted(r["difference"].dropna().tolist()) == [0, 3, 38]
    assert r["difference"].isna().sum() == 1  # "more than 90": its workshops give no figure
    assert t.section_reconciliation(ed.indicators, ed.activities, ed.paragraphs, "II").empty
    assert t.section_reconciliation(ed.indicators, ed.activities, ed.paragraphs, None).empty


def test_a_multinational_event_is_not_attributed_to_its_host():
    """'Attended by 40 officials from the Member States', held in Peru: Peru hosts, and
    the 40 are not Peru's on the map, the table by state or the subregion table."""
    class Multinational(Ed):
        activities = ACTIVITIES.assign(
            countries=ACTIVITIES["countries"].mask(ACTIVITIES["activity_id"] == "9999-A001", ""),
            host=ACTIVITIES["activity_id"].map({"9999-A001": "PER"}).fillna(""),
            attendance=ACTIVITIES["attendance"].mask(ACTIVITIES["activity_id"] == "9999-A001", "multinational"))

    a = t.activities(sections.select(Multinational, "training"))
    att = t.attribution(a)
    assert (att["single_participants"], att["none_activities"], att["none_participants"]) == (12, 1, 40)
    st = t.by_state(a, MEMBERS).set_index("iso3")
    assert pd.isna(st.at["PER", "participants_attributed"])
    sub = t.attributed_by_subregion(a, MEMBERS, 9999).set_index("subregion")
    assert pd.isna(sub.at["South America", "participants"]) and sub.at[t.NO_COUNTRY, "participants"] == 40


def test_rows_of_another_year_are_not_the_sections():
    class Earlier(Ed):
        activities = ACTIVITIES.assign(held_year=ACTIVITIES["held_year"].mask(ACTIVITIES["activity_id"] == "9999-A003",
                                                                             9998))

    sec = sections.select(Earlier, "training")
    assert "9999-A003" not in set(sec.activities["activity_id"])
    assert list(sec.elsewhere["activity_id"]) == ["9999-A003"]
    assert t.summary(sec, MEMBERS)["participants"] == 180 - 90


def test_inferred_events_are_counted_apart_in_the_part_programme_and_kind_tables(acts, paras):
    """Events the reviewer inferred are shown in their own column wherever training
    counts events by part, programme or kind (here: Seminar three's 3 events and
    Course five's 1 are inferred)."""
    a = acts.copy()
    a["events_basis"] = a["activity_id"].map({"9999-A003": "inferred", "9999-A005": "inferred"}).fillna("stated")
    parts = t.by_part(a, paras, total=True).set_index("part")
    assert parts.at[t.TOTAL_LABEL, "inferred_events"] == 4 and parts.at[t.TOTAL_LABEL, "events"] == 10
    assert parts.at["b) Supply reduction", "inferred_events"] == 4 and parts.at["a) Money laundering", "inferred_events"] == 0
    prog = t.by_program(a).set_index("program")
    assert prog.at["Alpha", "inferred_events"] == 3 and prog.at[t.NO_PROGRAM, "inferred_events"] == 1
    types = t.by_type(a).set_index("type")
    assert types.at["Seminar", "inferred_events"] == 3 and types.at["Course", "inferred_events"] == 1
    assert types["inferred_events"].sum() == 4
    # the kind table is too wide for the column: a sentence under it says the same
    assert counting.inferred_note(t.by_type(a), "type") == (
        "Of these events, the reviewer inferred 4 where the text gives no number: Course 1 and Seminar 3.")
    assert counting.inferred_note(t.by_type(acts.assign(events_basis="stated")), "type") == ""
