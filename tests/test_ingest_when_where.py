"""Ingest drafts when, where, by whom and for whom an activity was held, how its counts
are known and how its figures are qualified, with a note on every judgement so that
drafts validate. The report is SYNTHETIC (tests/fixtures/reports/when_where, see the
folder's README): its places, years and wording are invented."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hemiplan import cli
from hemiplan.data import csvio
from hemiplan.data.validate import validate_year
from hemiplan.ingest import setting
from hemiplan.reading import entities
from hemiplan.reading.dates import held_dates

FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "when_where"
REPORT = FIXTURE / "raw" / "2035.txt"
YEAR = 2035


# --- dates of holding ----------------------------------------------------------------------

@pytest.mark.parametrize("text, year, since, month, month_end", [
    ("a seminar held in Quito in August 2029 for prosecutors", 2029, None, 8, None),
    ("the regional meeting (Belmopan, 2027) agreed", 2027, None, None, None),
    ("the first forum, Trinidad and Tobago, 2026, was a success", 2026, None, None, None),
    ("Between 2026 and 2028 the team assessed three prisons", 2028, 2026, None, None),
    ("From 2025 to 2027, the program ran", 2027, 2025, None, None),
    ("From July-September 2030, a mission", 2030, None, 7, 9),
    ("held on March 2-4, 2031 in Lima", 2031, None, 3, None),
    ("held on 9 May 2031 in Lima", 2031, None, 5, None),
    ("During 2029 the DPS trained", 2029, None, None, None),
    ("meetings in April and June 2030", 2030, None, None, None),
])
def test_dates_of_holding(text, year, since, month, month_end):
    found = held_dates(text)
    assert len(found) == 1, found
    d = found[0]
    assert (d.year, d.since, d.month, d.month_end) == (year, since, month, month_end)
    assert d.text in text


@pytest.mark.parametrize("text", ["Since March 2029 the network has grown", "By the end of 2030, 31 states",
                                  "the 2029-2031 work plan", "Resolution 2870 (2029)", "until 2030",
                                  "After 2028, no reports", "30 more officers than the year before",
                                  "twice as many as compared with last year"])
def test_bounds_and_references_are_not_dates_of_holding(text):
    assert held_dates(text) == []


def test_a_relative_year_is_counted_from_the_report_year():
    (d,) = held_dates("The year before, a course was run")
    assert d.year is None and d.offset == -1
    s = setting.Setting()
    setting.when(s, "The year before, a course was run", [], 2040)
    assert s.values["held_year"] == 2039 and "held in 2039" in s.notes[0]


def test_a_year_long_before_the_report_is_history_not_a_date_of_holding():
    s = setting.Setting()
    setting.when(s, "A workshop on the convention adopted in 1997 was held in Lima in May.", [], 2040)
    assert (s.values["held_year"], s.values["month"], s.notes) == (2040, 5, [])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_the_date_reader_never_crashes(text):
    for d in held_dates(text):
        assert text[d.start:d.end] == d.text
        assert d.year is not None or d.offset in (-1, 1)


# --- where, whose people, with whom: sentence by sentence ----------------------------------------

def placed(sentence: str, participants=None) -> tuple[str, str, str, list[str]]:
    s = setting.Setting()
    found = entities.country_matcher().find(sentence)
    setting.where(s, sentence, found, [], participants, None)
    v = s.values
    return ";".join(v["host"]), ";".join(v["countries"]), v["attendance"], s.notes


@pytest.mark.parametrize("sentence, participants, host, countries, attendance", [
    ("A regional workshop was held in Belize for 30 analysts.", 30, "BLZ", "", "multinational"),
    ("Officials from the member states met in Quito.", None, "ECU", "", "multinational"),
    ("The course, hosted by the Government of Panama, trained 25 officers from Panama and Peru.", 25,
     "PAN", "PAN;PER", "named"),
    ("A course for Caribbean countries (Jamaica, Barbados) took place in Kingston.", None, "JAM", "BRB;JAM", ""),
    ("A national seminar took place in Guyana with 40 participants.", 40, "GUY", "GUY", "named"),
    ("Three courses were delivered in Peru with funding support from Canada; 50 officers attended.", 50,
     "PER", "PER", "unstated"),
    ("The team's visit to Haiti reviewed 3 prisons.", None, "HTI", "HTI", ""),
])
def test_host_apart_from_whose_people(sentence, participants, host, countries, attendance):
    got = placed(sentence, participants)
    assert got[:3] == (host, countries, attendance)
    assert bool(got[3]) == (attendance == "multinational")   # a note exactly where a judgement is made


@pytest.mark.parametrize("sentence, lead, joint_with", [
    ("In coordination with CICTE, the DPS trained 20 officers.", "DPS", ["CICTE"]),
    ("CICTE and the DPS organized a workshop in Lima.", "CICTE", ["DPS"]),
    ("CICAD delivered it jointly with the DPS and CICTE.", "CICAD", ["CICTE", "DPS"]),
    ("The DPS, with the other two dependencies, ran five courses.", "DPS", []),          # not a joint cue
    ("In partnership with the other two dependencies, CICAD ran five courses.", "CICAD", ["CICTE", "DPS"]),
    ("CICAD and CICTE held two seminars after the DPS's course.", "CICAD", ["CICTE"]),
    ("The DPS signed an agreement with UNODC.", "DPS", []),
])
def test_joint_work_sentence_by_sentence(sentence, lead, joint_with):
    s = setting.Setting()
    setting.joint(s, sentence, "", lead, entities.dependency_matcher())
    assert s.values["joint_with"] == joint_with
    assert bool(s.notes) == bool(joint_with)


@pytest.mark.parametrize("sentence, hosts, events, basis", [
    ("A workshop on risk analysis was held in Belize.", ["BLZ"], None, "counted"),
    ("Workshops were delivered in Belize and Guatemala.", ["BLZ", "GTM"], 2, "inferred"),
    ("Various meetings took place with the ministries.", [], None, "inferred"),
    ("The DPS launched its new platform.", [], None, "counted"),
])
def test_basis_of_an_unprinted_number_of_events(sentence, hosts, events, basis):
    s = setting.Setting(values={"host": hosts})
    setting.events_basis(s, sentence, None)
    assert (s.values.get("events"), s.values["events_basis"]) == (events, basis)
    assert bool(s.notes) == (basis == "inferred")


# --- the drafts of the synthetic report --------------------------------------------------------

@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    data = tmp_path_factory.mktemp("when-where") / "data"
    assert cli.main(["ingest", str(REPORT), "--year", str(YEAR), "--data-dir", str(data)]) == 0
    acts = csvio.read_text_table(data / str(YEAR) / "activities.csv")
    inds = csvio.read_text_table(data / str(YEAR) / "indicators.csv")
    return data, acts, inds


def one(acts: pd.DataFrame, pid: str, contains: str = "") -> pd.Series:
    rows = acts[(acts["paragraph_id"] == pid) & acts["quote"].str.contains(contains, regex=False)]
    assert len(rows) == 1, (pid, contains, rows["quote"].tolist())
    return rows.iloc[0]


def test_every_draft_validates(drafted):
    data, acts, _ = drafted
    assert validate_year(YEAR, data) == []
    assert set(acts["status"]) == {"draft"}


def test_when_held(drafted):
    _, acts, _ = drafted
    cols = ["held_year", "held_since", "month", "month_end"]
    assert one(acts, "2035-II.a-01")[cols].tolist() == ["2035", "2033", "", ""]      # Between … and …
    assert one(acts, "2035-II.a-02")[cols].tolist() == ["2035", "", "5", "6"]        # From May-June
    assert one(acts, "2035-IV-01")[cols].tolist() == ["2034", "", "11", ""]          # in November 2034
    assert one(acts, "2035-IV-02")[cols].tolist() == ["2035", "", "10", ""]          # October 14-16, 2035
    assert one(acts, "2035-IV-03")[cols].tolist() == ["2035", "", "2", ""]           # a doctrine of 2030 is not it
    assert one(acts, "2035-V.b-01")[cols].tolist() == ["2034", "", "", ""]           # the year before
    listed = acts[acts["paragraph_id"] == "2035-VII.a-01"]
    assert sorted(zip(listed["quote"], listed["held_year"])) == [("Panama City, 2033", "2033"),
                                                                 ("Tegucigalpa, 2034", "2034")]


def test_a_row_held_in_another_year_says_so_in_its_note(drafted):
    _, acts, _ = drafted
    other = acts[acts["held_year"] != str(YEAR)]
    assert len(other) == 6
    for note, held in zip(other["note"], other["held_year"]):
        assert f"held in {held}" in note and "check" in note
    span = one(acts, "2035-II.a-01")
    assert "2033-2035" in span["note"]


def test_where_held_and_whose_people(drafted):
    _, acts, _ = drafted
    cols = ["host", "countries", "attendance"]
    # "from the member states": multinational, the host is not credited with the people
    assert one(acts, "2035-IV-01")[cols].tolist() == ["ECU", "", "multinational"]
    assert one(acts, "2035-V.a-02")[cols].tolist() == ["PER", "", "multinational"]    # sub-regional, for … countries
    assert one(acts, "2035-V.b-02")[cols].tolist() == ["CRI", "", "multinational"]      # multinational course
    # "hosted by the Government of", "participants from <states>"
    assert one(acts, "2035-IV-02")[cols].tolist() == ["PRY", "ARG;BOL;PRY", "named"]
    # "from the host country"
    assert one(acts, "2035-V.a-01")[cols].tolist() == ["ECU", "ECU", "named"]
    assert one(acts, "2035-IV-03")[cols].tolist() == ["HTI", "HTI", "named"]
    # where the text does not say whose people they were
    assert one(acts, "2035-V.b-01")[cols].tolist() == ["BLZ", "BLZ", "unstated"]
    for note in acts.loc[acts["attendance"] == "multinational", "note"]:
        assert "multinational attendance" in note and "no state credited" in note


def test_joint_work(drafted):
    _, acts, _ = drafted
    jointly = one(acts, "2035-V.a-01")                  # "CICAD and CICTE jointly delivered"
    assert (jointly["dependency"], jointly["joint_with"]) == ("CICAD", "CICTE")
    partnership = one(acts, "2035-V.b-02")              # "In partnership with the DPS, the ES/CICAD …"
    assert (partnership["dependency"], partnership["joint_with"]) == ("CICAD", "DPS")
    assert "joint work of CICAD with DPS" in partnership["note"]
    assert set(acts.loc[~acts["paragraph_id"].isin(["2035-V.a-01", "2035-V.b-02", "2035-III.a-02"]), "joint_with"]) == {""}


def test_qualifiers_on_counts_and_on_indicators(drafted):
    _, acts, inds = drafted
    got = {r.paragraph_id: (r.participants, r.participants_qualifier, r.participants_basis)
           for r in acts[acts["participants"] != ""].itertuples()}
    assert got["2035-III.a-01"] == ("150", "more_than", "stated")
    assert got["2035-IV-02"] == ("40", "at_least", "stated")
    assert got["2035-V.a-02"] == ("60", "approx", "stated")
    assert got["2035-V.b-02"] == ("35", "up_to", "stated")
    assert got["2035-IV-01"] == ("64", "exact", "stated")
    (ind,) = inds.itertuples()
    assert (ind.value, ind.qualifier) == ("20", "at_least")


def test_basis_of_the_number_of_events(drafted):
    _, acts, _ = drafted
    assert one(acts, "2035-V.a-01")[["events", "events_basis"]].tolist() == ["4", "stated"]   # "four … courses"
    assert one(acts, "2035-V.a-02")[["events", "events_basis"]].tolist() == ["1", "counted"]  # "A … workshop"
    several = one(acts, "2035-V.a-03")                                                       # "several workshops"
    assert several[["events", "events_basis"]].tolist() == ["1", "inferred"]
    assert "number of workshops is not stated" in several["note"]


def test_the_review_summary_flags_the_judgements(tmp_path, capsys):
    assert cli.main(["ingest", str(REPORT), "--year", str(YEAR), "--data-dir", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    for flag in ("held in 2034?", "held 2033-2035?", "multinational: host only", "joint with CICTE",
                 "joint with DPS", "events inferred (workshops)", "participants a lower bound (at least)",
                 "participants an upper bound (up to)", "several years named (2030, 2035)"):
        assert flag in out, flag
    assert ("judgement calls in the drafts (each with a draft note): 6 held in another year, "
            "1 held over a span of years, 3 multinational (host only), 3 joint work, 1 events inferred") in out


# --- the curated fixture (measured in tests/test_accuracy.py) -------------------------------------------------------

def test_the_curated_fixture_validates():
    assert validate_year(YEAR, FIXTURE) == []
