"""The training chapter's analyses (hemiplan.analysis.training), on small hand-made
tables and on the synthetic fixture (invented data)."""
from __future__ import annotations

import dataclasses
import math
from types import SimpleNamespace

import pandas as pd
import pytest

from hemiplan import data, language
from hemiplan.analysis import counting, participation, sections
from hemiplan.analysis import reconciliation as rec
from hemiplan.analysis import training as t
from hemiplan.analysis import training_text as tx
from hemiplan.analysis import training_where as tw
from hemiplan.analysis.sections import join_ids
from hemiplan.data import csvio, held, labels, schema
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


INDICATORS = pd.DataFrame({c: pd.Series(dtype=str) for c in (
    "indicator_id", "paragraph_id", "dependency", "unit", "covers", "qualifier")}).assign(value=pd.Series(dtype=float))
CHAPTER_SECTIONS = csvio.typed(csvio.read_text_table(schema.table_path("chapter_sections")), "chapter_sections")


def edition(activities: pd.DataFrame = ACTIVITIES, paragraphs: pd.DataFrame = PARAS, year: int = 9999):
    """A minimal edition for the section selector, its year's view split as loading does."""
    in_year, elsewhere = held.split(activities, year)
    return SimpleNamespace(year=year, paragraphs=paragraphs, activities=activities, held=in_year, elsewhere=elsewhere,
                           indicators=INDICATORS, chapter_sections=CHAPTER_SECTIONS)


Ed = edition()
NoTraining = edition(paragraphs=PARAS[PARAS["section"] != "V"])
SEC = sections.select(Ed, "training")


def section_with(qualifiers: dict, unstated: bool = True) -> sections.Section:
    """The training section with the participant qualifiers of some rows replaced
    ({"A003": "up_to"}); without ``unstated``, the one activity without a figure (A004)
    is left out, so that every activity gives one."""
    acts = ACTIVITIES.copy()
    for short, q in qualifiers.items():
        acts.loc[acts["activity_id"] == f"9999-{short}", "participants_qualifier"] = q
    if not unstated:
        acts = acts[acts["activity_id"] != "9999-A004"]
    return sections.select(edition(acts), "training")


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
    assert t.summary(sec, MEMBERS).section.activities == 0
    assert t.by_part(acts, paras, total=True).empty
    assert t.part_dependency(acts, paras, "events").empty
    assert t.by_program(acts).empty and t.by_type(acts).empty
    assert t.group_dependency(acts, "type", "events").empty
    assert tw.by_state(acts, MEMBERS).empty
    assert tw.attributed_by_subregion(acts, MEMBERS, 9999)["activities"].sum() == 0
    assert tw.attribution(acts) == tw.Attribution()
    assert t.qualifiers(acts)["activities"].sum() == 0
    assert t.per_event_stats(acts) == t.PerEvent()
    assert t.top_part(t.by_part(acts, paras, total=True)) == t.TopPart()
    assert t.largest(acts, MEMBERS).empty and t.partners(acts, ORGS).empty
    assert sec.indicators.empty


def test_summary(acts, paras):
    s = t.summary(SEC, MEMBERS)
    sec = s.section
    assert (sec.paragraphs, sec.subsections, sec.activities, sec.events) == (7, 3, 6, 10)
    assert (s.participants, sec.with_participants, s.without_participants) == (180, 5, 1)
    assert list(s.by_qualifier) == labels.qualifiers()  # every qualifier of the schema, in its order
    assert s.by_qualifier == {"exact": t.Stated(3, 60), "approx": t.Stated(1, 30), "more_than": t.Stated(1, 90),
                              "at_least": t.Stated(0, 0), "up_to": t.Stated(0, 0)}
    assert s.by_bound() == {"exact": t.Stated(3, 60), "estimate": t.Stated(1, 30), "lower": t.Stated(1, 90),
                            "upper": t.Stated(0, 0)}
    assert s.dependency_totals == (("CICAD", 3, 130), ("CICTE", 1, 30), ("DPS", 2, 20))
    assert (sec.states_reached, sec.members, s.drafts) == (4, 5, 1)
    # one approximate figure makes the total approximate (counting.sum_qualifier)
    assert (s.qualifier, t.total_kind(s)) == ("approx", "approximate")


@pytest.mark.parametrize("qualifiers, unstated, qualifier, kind", [
    ({"A002": "exact", "A003": "exact"}, False, "exact", "exact as stated"),
    ({"A002": "exact", "A003": "exact"}, True, "at_least", "a floor"),      # an activity gives no figure
    ({"A002": "exact", "A003": "more_than"}, True, "more_than", "a floor"),
    ({"A002": "exact", "A003": "at_least"}, False, "at_least", "a floor"),
    ({"A002": "at_least", "A003": "more_than"}, False, "more_than", "a floor"),
    ({"A002": "exact", "A003": "up_to"}, False, "up_to", "a ceiling"),
    ({"A002": "exact", "A003": "up_to"}, True, "approx", "approximate"),    # a ceiling and a missing figure
    ({"A002": "at_least", "A003": "up_to"}, False, "approx", "approximate"),
    ({"A002": "approx", "A003": "exact"}, False, "approx", "approximate"),
])
def test_total_kind_reads_the_qualifier_of_the_sum(qualifiers, unstated, qualifier, kind):
    s = t.summary(section_with(qualifiers, unstated), MEMBERS)
    assert (s.qualifier, t.total_kind(s)) == (qualifier, kind)


def test_summary_synthetic_year():
    ed = data.load(2031, SYNTHETIC_DATA)
    s = t.summary(sections.select(ed, "training"), ed.member_states)
    sec = s.section
    # 2031-A010 (held in 2030, 64 participants) is not counted; the multinational workshop's 48 are
    assert (sec.activities, sec.events, s.participants) == (8, 10, 441)
    assert ({q: n.figures for q, n in s.by_qualifier.items()}
            == {"exact": 3, "approx": 1, "more_than": 1, "at_least": 0, "up_to": 0})
    assert s.without_participants == 3
    assert (sec.states_reached, sec.members, sec.held_elsewhere) == (6, 34, 1)
    # CICTE's "more than 90" stands for its two workshops that state no figure; the one
    # approximate figure makes the sum approximate (counting.sum_qualifier)
    assert (sec.people.text, sec.people.basis) == ("approximately 531", "itemised and stated totals")
    assert ("Joint", 1, 0) in s.dependency_totals


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
    assert top.name == "b) Supply reduction" and top.participants == 102 and top.events == 5
    assert math.isclose(top.share, 102 / 180) and top.empty_parts == 1 and top.parts == 3


def test_the_parts_named_by_the_report_say_the_reports_language(acts, paras):
    """The subsections' titles and sub-headings are the report's words: marked with its
    language when the caller gives it (a Spanish page marks them lang="en"); the book's
    own labels (the whole section, a part before the first sub-heading) are not."""
    from hemiplan.present import marks

    p = t.by_part(acts, paras, total=True, report_language="en")
    langs = [marks.value_lang(v) for v in p["part"]]
    assert langs == ["en", "en", None, "en", "en", "en", None]
    assert marks.value_lang(p.loc[3, "name"]) == "en" and marks.value_lang(p.loc[2, "name"]) is None
    assert all(marks.value_lang(v) is None for v in t.by_part(acts, paras, total=True)["part"])
    ev = t.part_dependency(acts, paras, "events", report_language="es")
    assert {marks.value_lang(v) for v in ev.index} == {"es", None}
    assert [marks.value_lang(v) for v in ev.index if t.NO_HEADING in v] == [None]


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
    att = tw.attribution(acts)
    assert att == tw.Attribution(participants=180, single=tw.Placed(2, 52), several=tw.Placed(3, 128),
                                 none=tw.Placed(0, 0))
    st = tw.by_state(acts, MEMBERS).set_index("iso3")
    assert list(st.index) == ["PER", "GTM", "BRB", "JAM"]
    assert st.at["PER", "activities"] == 3 and st.at["PER", "participants_attributed"] == 40
    assert st.at["PER", "participants_shared"] == 98
    assert st.at["GTM", "attributed_events"] == 1 and pd.isna(st.at["BRB", "participants_attributed"])
    assert tw.attributed_values(tw.by_state(acts, MEMBERS)) == {"PER": 40.0, "GTM": 12.0}
    sub = tw.attributed_by_subregion(acts, MEMBERS, 9999).set_index("subregion")
    assert sub.at["Caribbean", "participants"] == 30 and sub.at["Caribbean", "states_reached"] == 2
    assert sub.at["Caribbean", "members"] == 2 and sub.at["Caribbean", "activities"] == 2
    assert sub.at["South America", "participants"] == 40
    assert sub.at["Central America", "participants"] == 12
    assert pd.isna(sub.at["North America", "participants"]) and sub.at["North America", "activities"] == 0
    assert sub.at[tw.SEVERAL_SUBREGIONS, "participants"] == 98
    assert sub.at[tw.NO_COUNTRY, "activities"] == 1
    assert sub["participants"].sum() == 180  # every stated participant lands in one row


def test_qualifiers(acts):
    q = t.qualifiers(acts).set_index("qualifier")
    assert list(q.index) == ["exact", "approximately", "more than", "at least", "up to", "not stated"]
    assert q["activities"].tolist() == [3, 1, 1, 0, 0, 1]
    assert q.at["exact", "participants"] == 60 and q.at["more than", "participants"] == 90
    assert q.at["more than", "share"] == 50.0
    assert pd.isna(q.at["not stated", "participants"])


def test_per_event_and_largest(acts):
    pe = t.per_event_stats(acts)
    assert (pe.activities, pe.participants, pe.events) == (5, 180, 9)
    assert math.isclose(pe.overall, 20.0) and pe.median == 20.0
    assert (pe.min, pe.min_title) == (4.0, "Regional course")
    assert (pe.max, pe.max_title) == (30.0, "Seminar three")
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
    multinational = edition(ACTIVITIES.assign(
        countries=ACTIVITIES["countries"].mask(ACTIVITIES["activity_id"] == "9999-A001", ""),
        host=ACTIVITIES["activity_id"].map({"9999-A001": "PER"}).fillna(""),
        attendance=ACTIVITIES["attendance"].mask(ACTIVITIES["activity_id"] == "9999-A001", "multinational")))

    a = t.activities(sections.select(multinational, "training"))
    att = tw.attribution(a)
    assert (att.single.participants, att.none.activities, att.none.participants) == (12, 1, 40)
    st = tw.by_state(a, MEMBERS).set_index("iso3")
    assert pd.isna(st.at["PER", "participants_attributed"])
    sub = tw.attributed_by_subregion(a, MEMBERS, 9999).set_index("subregion")
    assert pd.isna(sub.at["South America", "participants"]) and sub.at[tw.NO_COUNTRY, "participants"] == 40


def test_rows_of_another_year_are_not_the_sections():
    earlier = edition(ACTIVITIES.assign(held_year=ACTIVITIES["held_year"].mask(ACTIVITIES["activity_id"] == "9999-A003",
                                                                              9998)))

    sec = sections.select(earlier, "training")
    assert "9999-A003" not in set(sec.activities["activity_id"])
    assert list(sec.elsewhere["activity_id"]) == ["9999-A003"]
    assert t.summary(sec, MEMBERS).participants == 180 - 90
    assert t.summary(sec, MEMBERS).section.held_elsewhere == 1


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


# --- every qualifier of the schema survives ------------------------------------------------

EVERY_QUALIFIER = {"A002": "at_least", "A003": "up_to", "A005": "approx", "A007": "more_than"}


def test_every_qualifier_of_the_schema_survives_into_the_qualifiers_table():
    """Figures stated 'at least' or 'up to' are rows of their own: all 180 of 180
    participants are shown, and the shares of the stated rows add up to 100%."""
    a = t.activities(section_with(EVERY_QUALIFIER))
    q = t.qualifiers(a).set_index("qualifier")
    assert list(q.index) == [labels.qualifier_label(k) for k in labels.qualifiers()] + ["not stated"]
    assert q["participants"].sum() == 180 == a["participants"].sum()
    assert math.isclose(float(q["share"].sum()), 100.0, abs_tol=0.2)
    assert (q.at["at least", "participants"], q.at["up to", "participants"]) == (30, 90)
    assert q.at["at least", "activity_id"] == "9999-A002" and q.at["up to", "activities"] == 1
    assert list(a.set_index("activity_id").loc[["9999-A002", "9999-A003"], "qualifier_label"]) == ["at least", "up to"]
    s = t.summary(section_with(EVERY_QUALIFIER), MEMBERS)
    assert all(n.figures == 1 for k, n in s.by_qualifier.items() if k != "exact")
    assert s.by_bound()["lower"] == t.Stated(2, 38) and s.by_bound()["upper"] == t.Stated(1, 90)
    # the programme table states how each sum is known, in the schema's words
    prog = t.by_program(a).set_index("program")
    assert prog.at["Alpha", "stated_as"] == "up to"  # exact 40 + up to 90
    assert prog.at[t.NO_PROGRAM, "stated_as"] == "approximately"  # a floor, an estimate and an exact figure


def test_a_qualifier_outside_the_schema_raises():
    """No '.map(...).fillna(...)': a value without a label stops the chapter, naming it."""
    sec = section_with({"A002": "roughly"})
    for call in (lambda: t.activities(sec), lambda: t.summary(sec, MEMBERS), lambda: t.qualifiers(sec.activities)):
        with pytest.raises(labels.UnknownValue, match="roughly"):
            call()


def test_a_figure_stated_without_a_qualifier_counts_as_exact():
    a = t.activities(section_with({"A001": ""}))
    q = t.qualifiers(a).set_index("qualifier")
    assert q.at["exact", "participants"] == 60 and q["participants"].sum() == 180
    assert a.set_index("activity_id").at["9999-A001", "qualifier_label"] == "exact"


# --- the sentences of the chapter ----------------------------------------------------------------

SYNTHETIC = data.load(2031, SYNTHETIC_DATA)
NO_TOTALS = rec.summary(t.section_reconciliation(SYNTHETIC.indicators, SYNTHETIC.held, SYNTHETIC.paragraphs, None))
TOTALS = rec.summary(t.section_reconciliation(SYNTHETIC.indicators, SYNTHETIC.held, SYNTHETIC.paragraphs, "V"))


def changed(rs, **fields):
    """The reconciliation summary with some fields changed (a dict, or a dataclass of them)."""
    return {**rs, **fields} if isinstance(rs, dict) else dataclasses.replace(rs, **fields)


def only(*ids: str) -> sections.Section:
    """The training section with only the activities given (short ids)."""
    return sections.select(edition(ACTIVITIES[ACTIVITIES["activity_id"].isin([f"9999-{i}" for i in ids])]), "training")


def test_summary_text_many_activities():
    assert tx.summary_text(t.summary(SEC, MEMBERS), NO_TOTALS) == (
        "Section V of the 9999 report, *Training*, runs to 7 paragraphs in 3 subsections. It records **6 activities** "
        "amounting to **10 events**; by dependency, CICAD led 3 activities, CICTE led 1 activity, DPS led 2 activities. "
        "The report gives a participant figure for 5 of the activities held in 9999, adding up to 180 participants "
        "itemised. Of these figures, 2 are approximate or a floor, and 1 activity has no figure at all, so this total is "
        "approximate. The activities name 4 of the 5 member states among those whose officials took part or that they "
        "served. The section states no totals of its own. 1 activity of the section is still in draft, awaiting review "
        "against the text.")


def test_summary_text_one_activity_and_none():
    one = tx.summary_text(t.summary(only("A001"), MEMBERS), NO_TOTALS)
    assert "It records **1 activity** amounting to **2 events**; by dependency, CICAD led 1 activity." in one
    assert "a participant figure for the one activity held in 9999, adding up to 40 participants itemised." in one
    assert "The figure is exact, and every activity has one, so this total is exact as stated." in one
    assert "The activity names 1 of the 5 member states" in one and "draft" not in one
    unstated = tx.summary_text(t.summary(only("A004"), MEMBERS), NO_TOTALS)
    assert "The report gives no participant figure for the activities held in 9999." in unstated
    assert "Of these figures" not in unstated
    assert tx.summary_text(t.summary(only(), MEMBERS), NO_TOTALS) == (
        "Section V of the 9999 report, *Training*, runs to 7 paragraphs but records no activity with figures.")
    assert tx.summary_text(t.summary(sections.select(NoTraining, "training"), MEMBERS), NO_TOTALS) == (
        "*The 9999 report has no section on training, so this chapter has nothing to show for that year.*")


def test_summary_text_with_stated_totals_joint_work_and_rows_held_elsewhere():
    text = tx.summary_text(t.summary(sections.select(SYNTHETIC, "training"), SYNTHETIC.member_states), TOTALS)
    assert "CICAD led 5 activities, CICTE led 2 activities, 1 activity was led jointly." in text
    assert ("adding up to 441 participants itemised; with the 1 stated total that stands for activities it does not "
            "itemise, the section's participants come to **approximately 531** (itemised and stated totals).") in text
    assert "1 activity of the section was held in another year and is listed apart at the end of the chapter." in text
    assert ("The section also states 4 totals of its own: 1 agrees with the sum of the items recorded under them, "
            "2 differ and 1 cannot be compared (see the reconciliation below).") in text


@pytest.mark.parametrize("qualifiers, unstated, expected", [
    ({}, True, "Of these figures, 2 are approximate or a floor, and 1 activity has no figure at all, so this total "
               "is approximate."),
    ({"A002": "exact", "A003": "exact"}, False, "Of these figures, none is approximate or a bound, and every activity "
                                                "has one, so this total is exact as stated."),
    ({"A002": "exact", "A003": "up_to"}, False, "Of these figures, 1 is a ceiling, and every activity has one, so this "
                                                "total is a ceiling."),
    (EVERY_QUALIFIER, False, "Of these figures, 4 are approximate, a floor or a ceiling, and every activity has one, so "
                             "this total is approximate."),
])
def test_figures_sentence(qualifiers, unstated, expected):
    assert tx.figures_sentence(t.summary(section_with(qualifiers, unstated), MEMBERS)) == expected


def test_qualifiers_text():
    assert tx.qualifiers_text(t.summary(SEC, MEMBERS)) == (
        "3 figures are exact, 1 approximate (30 participants), 1 a floor (90 participants) and none a ceiling; "
        "1 activity gives no number. The stated total of 180 participants is therefore approximate.")
    assert tx.qualifiers_text(t.summary(section_with(EVERY_QUALIFIER, unstated=False), MEMBERS)) == (
        "1 figure is exact, 1 approximate (12 participants), 2 a floor (38 participants) and 1 a ceiling "
        "(90 participants); every activity gives a number. The stated total of 180 participants is therefore "
        "approximate.")
    assert tx.qualifiers_text(t.summary(only("A001"), MEMBERS)) == (
        "1 figure is exact and none approximate, a floor or a ceiling; every activity gives a number. The stated "
        "total of 40 participants is therefore exact as stated.")
    assert tx.qualifiers_text(t.summary(only("A002"), MEMBERS)).startswith("No figure is exact, 1 approximate")
    assert tx.qualifiers_text(t.summary(only("A004"), MEMBERS)) == "No activity of the section gives a participant number."


def test_attribution_text(acts):
    assert tx.attribution_text(tw.attribution(acts)) == (
        "Of the 180 stated participants, **52** (29%) took part in 2 activities whose people the text ties to a single "
        "member state, and can be attributed to it. **128** (71%) took part in 3 activities covering several member "
        "states and cannot be attributed to any one of them.")
    one = tx.attribution_text(tw.attribution(t.activities(only("A001"))))
    assert one == ("Of the 40 stated participants, **40** (100%) took part in 1 activity whose people the text ties to "
                   "a single member state, and can be attributed to it. No activity with a participant figure covers "
                   "several member states.")
    nobody = tw.Attribution(participants=40, none=tw.Placed(1, 40))
    assert tx.attribution_text(nobody) == (
        "None of the 40 stated participants can be attributed to a single member state: the text ties the people of "
        "no activity with a participant figure to one state. No activity with a participant figure covers several "
        "member states. 40 (100%) took part in 1 activity whose people the text does not tie to a named member state "
        "(events for officials of many states, or figures without their states).")
    assert tx.attribution_text(tw.Attribution()) == ""


def test_top_part_text(acts, paras):
    assert tx.top_part_text(t.top_part(t.by_part(acts, paras, total=True))) == (
        "The subsection with the most stated participants is *b\\) Supply reduction*, with 102 participants in "
        "5 events (57% of the section's stated participants). 1 subsection of 3 records no activity with figures.")
    every = tx.top_part_text(t.TopPart(name="a) One", participants=10, events=1, share=0.5, parts=2))
    assert every.endswith("(50% of the section's stated participants). Every subsection records at least one activity.")
    assert tx.top_part_text(t.TopPart(name="a) One", participants=10, events=1, share=1.0, parts=1)).endswith(
        "participants).")
    assert tx.top_part_text(t.TopPart(parts=3)) == ""


def test_per_event_text(acts):
    assert tx.per_event_text(t.per_event_stats(acts)) == (
        "Over the 5 activities that state participants, 180 participants attended 9 events: 20.0 per event on "
        "average. The median activity had 20.0 participants per event, from 4.0 (*Regional course*) to 30.0 "
        "(*Seminar three*).")
    assert tx.per_event_text(t.per_event_stats(t.activities(only("A001")))) == (
        "Over the 1 activity that states participants, 40 participants attended 2 events: 20.0 per event on average.")
    assert tx.per_event_text(t.PerEvent()) == ""


def test_largest_share_text(acts):
    s = t.summary(SEC, MEMBERS)
    assert tx.largest_share_text(t.largest(acts, MEMBERS, n=3), s) == (
        "These 3 activities account for 89% of the section's stated participants.")
    one = only("A001")
    assert tx.largest_share_text(t.largest(t.activities(one), MEMBERS), t.summary(one, MEMBERS)) == (
        "This activity accounts for 100% of the section's stated participants.")
    none = only("A004")
    assert tx.largest_share_text(t.largest(t.activities(none), MEMBERS), t.summary(none, MEMBERS)) == ""


def test_reconciliation_text():
    assert tx.reconciliation_text(TOTALS, lambda p: f"[{p}]") == (
        "The section states 4 totals, of which 3 can be set against itemised figures: 1 agrees exactly and 2 differ. "
        "In 2 the stated total is higher than its items; the differences come to 41 in absolute terms. The largest is "
        "in a total of participants stated as 137, 38 above the sum of its items ([2031-V.a-01]). 1 total cannot be "
        "compared, because no item with a figure is linked to it. In 2 totals every covered item has a figure and the "
        "stated total is still higher, so the difference can only come from events or people the report does not "
        "itemise.")
    below = changed(TOTALS, stated_higher=0, items_higher=2, largest_difference=-38.0, stated_higher_complete=0,
                    not_comparable=0, differ_with_missing=1, differ_missing_items=1)
    text = tx.reconciliation_text(below)
    assert "In 2 the items add up to more; the differences come to 41" in text and "In 0" not in text
    assert "38 below the sum of its items (2031-V.a-01)." in text
    assert "In 1 total that differs, some covered items give no figure (1 item in all)" in text
    assert text.endswith("either the total covers less than the activities linked to it or the report's own figures "
                         "do not agree with each other.")
    assert tx.reconciliation_text(NO_TOTALS) == ""
    assert tx.own_totals_sentence(NO_TOTALS) == "The section states no totals of its own."


def test_figure_alt_texts(acts, paras):
    st = tw.by_state(acts, MEMBERS)
    assert tx.participants_map_alt(st, 5) == (
        "Tile map of the 5 member states; 2 have participants attributed to them. The largest: Peru (40), Guatemala (12).")
    assert tx.activities_map_alt(st, 5) == (
        "Tile map of the 5 member states; 4 are named by at least one training activity. The most often: Guatemala (3), "
        "Peru (3), Barbados (2), Jamaica (2).")
    one = tw.by_state(t.activities(only("A001")), MEMBERS)
    assert tx.participants_map_alt(one, 5) == (
        "Tile map of the 5 member states; 1 has participants attributed to it. The largest: Peru (40).")
    assert tx.activities_map_alt(one, 5).startswith("Tile map of the 5 member states; 1 is named by")
    ev, pa = t.part_dependency(acts, paras, "events"), t.part_dependency(acts, paras, "participants")
    assert tx.pairs_alt("by part", ev, pa) == (
        f"Paired stacked bar charts of events and participants by part: {t.pairs_text(ev, pa)}.")


def test_double_note():
    s = t.summary(sections.select(SYNTHETIC, "training"), SYNTHETIC.member_states)
    assert tx.double_note(s.section.people) == ""  # one stated total: nothing is counted twice
    both = participation.People(
        value=10, qualifier="approx", basis="stated total", stated=10, totals=("i1", "i2"), double=(("i1", "i2"),),
        labels={"i1": "CICTE's stated total of 4 (V.a-01)", "i2": "CICAD's stated total of 6 (V.b-01)"},
        text="approximately 10")
    note = tx.double_note(both)
    assert note.startswith("Note: It adds both CICTE's stated total of 4 (V.a-01) and CICAD's stated total of 6 "
                           "(V.b-01)") and note.endswith(".")


# --- in Spanish ------------------------------------------------------------------------------------

def test_the_opening_paragraph_reads_in_spanish(spanish):
    assert tx.summary_text(t.summary(SEC, MEMBERS), NO_TOTALS, SYNTHETIC.dependency_names) == (
        "La sección V del informe de 9999, *Training*, abarca 7 párrafos distribuidos en 3 subsecciones. Registra "
        "**6 actividades**, con un total de **10 eventos**; por dependencia: SE-CICAD, 3 actividades; Secretaría del "
        "CICTE, 1 actividad; DSP, 2 actividades. El informe da una cifra de participantes para 5 de las actividades "
        "realizadas en 9999, con un total desglosado de 180 participantes. De estas cifras, 2 son aproximadas o mínimos "
        "y 1 actividad no tiene cifra alguna, por lo que este total es aproximado. Las actividades mencionan a 4 de los "
        "5 Estados Miembros como Estados cuyos funcionarios participaron o a los que se prestó servicio. La sección no "
        "declara totales propios. 1 actividad de la sección sigue en borrador, pendiente de cotejo con el texto.")
    text = tx.summary_text(t.summary(sections.select(SYNTHETIC, "training"), SYNTHETIC.member_states), TOTALS,
                           SYNTHETIC.dependency_names)
    assert "por dependencia: SE-CICAD, 5 actividades; Secretaría del CICTE, 2 actividades; 1 actividad conjunta." in text
    assert "1 actividad de la sección se realizó en otro año y figura por separado al final del capítulo." in text
    assert ("La sección también declara 4 totales propios: 1 coincide con la suma de sus partidas, 2 difieren y 1 no "
            "puede compararse (véase la conciliación más abajo).") in text
    marked = tx.summary_text(t.summary(SEC, MEMBERS), NO_TOTALS, report_language="en")
    assert marked.startswith('La sección V del informe de 9999, *<span lang="en">Training</span>*, abarca')
    one = tx.summary_text(t.summary(only("A001"), MEMBERS), NO_TOTALS)
    assert "Registra **1 actividad**, con un total de **2 eventos**; por dependencia: CICAD, 1 actividad." in one
    assert "La cifra es exacta y todas las actividades tienen una, por lo que este total es exacto tal como se declara." in one
    assert "La actividad menciona a 1 de los 5 Estados Miembros" in one


def test_the_sentences_under_the_tables_read_in_spanish(spanish, acts):
    assert tx.qualifiers_text(t.summary(section_with(EVERY_QUALIFIER, unstated=False), MEMBERS)) == (
        "1 cifra es exacta, 1 es aproximada (12 participantes), 2 son mínimos (38 participantes) y 1 es un máximo "
        "(90 participantes); todas las actividades dan un número. Por lo tanto, el total declarado de 180 participantes "
        "es aproximado.")
    assert tx.attribution_text(tw.attribution(acts)) == (
        "De los 180 participantes declarados, **52** (29\u00a0%) participaron en 2 actividades cuyos participantes el texto "
        "vincula a un único Estado Miembro, y pueden atribuirse a ese Estado. **128** (71\u00a0%) participaron en 3 "
        "actividades con varios Estados Miembros y no pueden atribuirse a ninguno de ellos en particular.")
    assert tx.per_event_text(t.per_event_stats(acts)) == (
        "En las 5 actividades que declaran participantes, hubo 180 participantes en 9 eventos: 20,0 por evento en "
        "promedio. La actividad mediana tuvo 20,0 participantes por evento, desde 4,0 (*Regional course*) hasta 30,0 "
        "(*Seminar three*).")
    assert tx.largest_share_text(t.largest(acts, MEMBERS, n=3), t.summary(SEC, MEMBERS)) == (
        "Estas 3 actividades representan el 89\u00a0% de los participantes declarados de la sección.")
    assert tx.reconciliation_text(TOTALS, lambda p: f"[{p}]").startswith(
        "La sección declara 4 totales, de los cuales 3 pueden cotejarse con cifras desglosadas: 1 coincide exactamente "
        "y 2 difieren. En 2 el total declarado es mayor que sus partidas; las diferencias suman 41 en términos "
        "absolutos.")
    below = changed(TOTALS, stated_higher=1, items_higher=2, largest_difference=-38.0)
    assert "En 1 el total declarado es mayor que sus partidas y en 2 las partidas suman más;" in tx.reconciliation_text(below)


def test_the_tables_labels_and_names_read_in_spanish(spanish, acts, paras):
    parts = t.by_part(acts, paras, total=True)
    assert "↳ (sin subtítulo)" in list(parts["part"]) and list(parts["part"])[-1] == "Toda la sección"
    assert list(t.by_program(acts)["program"])[-1] == "(sin programa indicado)"
    assert list(t.by_type(acts)["type"]) == ["Curso", "Seminario", "Taller", "Reunión"]
    assert list(t.by_program(acts, SYNTHETIC.dependency_names)["dependencies"]) == [
        "SE-CICAD", "SE-CICAD", "Secretaría del CICTE, DSP"]
    assert set(t.largest(acts, MEMBERS, dependency_names=SYNTHETIC.dependency_names)["dependency"]) == {
        "SE-CICAD", "Secretaría del CICTE", "DSP"}
    ev, pa = t.part_dependency(acts, paras, "events"), t.part_dependency(acts, paras, "participants")
    assert "a) Money laundering: 5 eventos, 78 participantes" in t.pairs_text(ev, pa)
    assert "sin cifra de participantes" in t.pairs_text(ev, pa)
    synthetic = t.activities(sections.select(SYNTHETIC, "training"))
    states = tw.by_state(synthetic, SYNTHETIC.member_states)
    assert tx.participants_map_alt(states, 35) == (
        "Mapa de mosaicos de los 35 Estados Miembros; 3 tienen participantes atribuidos. Los de más participantes: "
        "Haití (211), Suriname (83), Uruguay (59).")
    assert list(tw.attributed_by_subregion(synthetic, SYNTHETIC.member_states, 2031)["subregion"]) == [
        "América del Norte", "Centroamérica", "Caribe", "América del Sur",
        "(personas no vinculadas a un Estado Miembro determinado)"]
    # a state with no Spanish name in the table keeps its English one, marked as English
    peru = tw.by_state(acts, MEMBERS).set_index("iso3").at["PER", "name"]
    assert peru == "Peru" and peru.lang == "en"


def test_an_english_title_on_a_spanish_page_is_marked(spanish, acts):
    text = tx.per_event_text(t.per_event_stats(acts, SYNTHETIC.translations.iloc[0:0]))
    assert '(*<span lang="en">Regional course</span>*)' in text


def test_english_pages_are_unchanged_by_the_translations(acts):
    assert language.current() == "en"
    assert t.total_kind(t.summary(only("A001"), MEMBERS)) == "exact as stated"
    assert t.by_part(acts, SEC.paragraphs, total=True)["part"].iloc[-1] == t.TOTAL_LABEL
    assert tx.summary_text(t.summary(SEC, MEMBERS), NO_TOTALS, SYNTHETIC.dependency_names, "en") == \
        tx.summary_text(t.summary(SEC, MEMBERS), NO_TOTALS)
    assert list(t.by_program(acts, SYNTHETIC.dependency_names)["dependencies"]) == list(t.by_program(acts)["dependencies"])

