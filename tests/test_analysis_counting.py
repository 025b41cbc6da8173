"""The counting rules every chapter shares (hemiplan.analysis.counting and
participation): the year's activities, stated totals standing for un-itemised work,
qualifiers and basis, joint work, attribution to a state, partners, ties. On small
hand-made tables and on the SYNTHETIC year 2031 (invented data)."""
from __future__ import annotations

import pandas as pd
import pytest

from hemiplan import data
from hemiplan.analysis import counting, frames, methods, overview, participation, profiles
from hemiplan.analysis.headline import headline
from hemiplan.vocabulary import leaders

from .conftest import SYNTHETIC_DATA
from .contract_defaults import with_contract_defaults


def acts(rows: list[dict]) -> pd.DataFrame:
    base = {"activity_id": "", "paragraph_id": "9999-V.a-01", "dependency": "CICAD", "title": "", "countries": "",
            "activity_type": "course",
            "events": 1, "participants": pd.NA, "participants_qualifier": "", "partners": "", "funders": "",
            "subsection": "a"}
    df = pd.DataFrame([{**base, **r} for r in rows])
    for c in ("events", "participants", "held_year", "month", "month_end", "held_since"):
        if c in df:
            df[c] = df[c].astype("Int64")
    return with_contract_defaults(df)


def totals(rows: list[dict]) -> pd.DataFrame:
    base = {"indicator_id": "", "paragraph_id": "9999-V.a-01", "dependency": "CICAD", "unit": "participants",
            "covers": "", "value": 0.0, "qualifier": "exact"}
    return pd.DataFrame([{**base, **r} for r in rows])


ORGS = pd.DataFrame({"org_id": ["oas-cicte", "un-x"], "name": ["Secretariat of CICTE", "UN X"],
                     "acronym": ["CICTE", "UNX"], "kind": ["OAS body", "UN body"]})


@pytest.fixture(scope="module")
def ed31():
    return data.load(2031, SYNTHETIC_DATA)


# --- the year's activities ----------------------------------------------------------------

def test_rows_held_in_another_year_are_set_apart(ed31):
    assert "2031-A010" not in set(ed31.held["activity_id"])
    assert list(ed31.elsewhere["activity_id"]) == ["2031-A010"]
    assert len(ed31.held) + len(ed31.elsewhere) == len(ed31.activities)
    # a row without held_year is the report's own year
    acts = ed31.activities.copy()
    acts.loc[acts["activity_id"] == "2031-A010", "held_year"] = pd.NA
    assert "2031-A010" in set(ed31.with_activities(acts).held["activity_id"])
    table = counting.elsewhere_table(ed31)
    assert table.loc[0, "held"] == "June 2030" and table.loc[0, "participants"] == "64"
    assert counting.elsewhere_table(ed31, state="JAM").shape[0] == 1
    assert counting.elsewhere_table(ed31, state="HTI").empty
    assert counting.elsewhere_table(ed31, ["2031-V.a-01"]).empty


def test_when_held_reads_spans():
    a = acts([{"activity_id": "A1", "held_year": 2014, "held_since": 2012},
              {"activity_id": "A2", "held_year": 2014, "month": 3, "month_end": 4},
              {"activity_id": "A3", "held_year": 2013}])
    assert [counting.when_held(r) for r in a.itertuples()] == ["2012–2014", "March–April 2014", "2013"]


# --- participants: itemised and stated totals ------------------------------------------------

def test_a_total_stands_only_for_activities_without_figures():
    a = acts([{"activity_id": "A1"}, {"activity_id": "A2"},
              {"activity_id": "A3", "participants": 30, "participants_qualifier": "exact"},
              {"activity_id": "A4", "participants": 20, "participants_qualifier": "exact"}])
    t = totals([{"indicator_id": "I1", "covers": "A1;A2", "value": 170, "qualifier": "more_than", "dependency": "CICTE"},
                {"indicator_id": "I2", "covers": "A3;A4", "value": 60},  # items state figures: itemised wins
                {"indicator_id": "I3", "covers": "A9", "value": 99},  # covers nothing of the year
                {"indicator_id": "I4", "covers": "A1", "value": 5, "unit": "events"}])  # not participants
    used = participation.totals_used(t, a)
    assert list(used["indicator_id"]) == ["I1"]
    fig = participation.combine(a, used)
    assert (fig.value, fig.qualifier, fig.basis, fig.text) == (220, "more_than", counting.BOTH, "more than 220")
    alone = participation.combine(a[a["activity_id"].isin(["A1", "A2"])], used)
    assert (alone.basis, alone.text) == (counting.STATED_TOTAL, "more than 170")
    none = participation.combine(a[a["activity_id"] == "A1"].iloc[0:0], used.iloc[0:0])
    assert (none.basis, none.text, none.value) == ("", "", None)
    # an approximate itemised figure makes the whole approximate: "more than" is not supported
    a.loc[a["activity_id"] == "A3", "participants_qualifier"] = "approx"
    assert participation.combine(a, used).text == "approximately 220"


def test_two_used_totals_on_the_same_activities_make_the_sum_approximate_and_say_why():
    a = acts([{"activity_id": "A1"}, {"activity_id": "A2"}, {"activity_id": "A3"}])
    t = totals([{"indicator_id": "I1", "covers": "A1;A2", "value": 100, "dependency": "CICAD"},
                {"indicator_id": "I2", "covers": "A2;A3", "value": 50, "dependency": "CICTE"}])
    used = participation.totals_used(t, a)
    fig = participation.combine(a, used)
    assert fig.double == (("I1", "I2"),) and fig.text == "approximately 150"
    note = participation.double_note(fig)
    assert note.startswith("it adds both CICAD's stated total of 100 (V.a-01) and CICTE's stated total of 50 (V.a-01)")
    assert "counted twice" in note and "approximate" in note
    by_dep = participation.by_dependency(a, used).set_index("dependency")
    # each dependency's row carries its own total, exact: within one row nothing overlaps
    assert by_dep.at["CICAD", "text"] == "100" and by_dep.at["CICTE", "text"] == "50"
    assert by_dep.at["CICAD", "double"] == "" and by_dep["participants"].sum() == fig.value


def test_joint_work_has_its_own_row_and_a_total_counts_for_its_dependency():
    a = acts([{"activity_id": "A1", "dependency": "CICAD", "joint_with": "CICTE",
               "participants": 40, "participants_qualifier": "approx"},
              {"activity_id": "A2", "dependency": "CICTE", "events": 3, "events_basis": "inferred"},
              {"activity_id": "A3", "dependency": "CICAD", "participants": 10, "participants_qualifier": "exact"}])
    used = participation.totals_used(totals([{"indicator_id": "I1", "covers": "A2", "value": 25,
                                              "dependency": "CICTE"}]), a)
    dep = participation.by_dependency(a, used).set_index("dependency")
    assert dep.at[counting.JOINT, "activities"] == 1 and dep.at[counting.JOINT, "text"] == "approximately 40"
    assert dep.at["CICAD", "activities"] == 1 and dep.at["CICAD", "text"] == "10"  # not the joint 40
    assert dep.at["CICTE", "text"] == "25" and dep.at["CICTE", "basis"] == counting.STATED_TOTAL
    assert dep.at["CICTE", "inferred_events"] == 3
    assert list(counting.lead_label(a)) == ["Joint (CICAD, CICTE)", "CICTE", "CICAD"]


def test_by_subsection_places_a_total_with_the_activities_it_covers():
    a = acts([{"activity_id": "A1", "subsection": "b"}, {"activity_id": "A2", "subsection": "b"},
              {"activity_id": "A3", "subsection": "a", "participants": 7, "participants_qualifier": "exact"}])
    used = participation.totals_used(totals([{"indicator_id": "I1", "covers": "A1;A2", "value": 80,
                                              "paragraph_id": "9999-III-01"}]), a)
    paras = pd.DataFrame({"paragraph_id": ["9999-III-01"], "subsection": [""]})
    sub = participation.by_subsection(a, used, paras).set_index("group")
    assert sub.at["b", "text"] == "80" and sub.at["a", "text"] == "7"


def test_qualifiers_and_inferred_counts_are_shown():
    a = acts([{"activity_id": "A1", "participants": 170, "participants_qualifier": "more_than"},
              {"activity_id": "A2", "participants": 12, "participants_qualifier": "exact",
               "participants_basis": "inferred", "events": 7, "events_basis": "inferred"}])
    assert list(counting.participants_text(a)) == ["more than 170", "12 (inferred)"]
    assert list(counting.events_text(a)) == ["1", "7 (inferred)"]
    assert counting.inferred_events(a) == 7
    assert counting.sum_qualifier(["exact", "approx"]) == "approx"
    # an approximate part makes the sum approximate, whatever the floors beside it
    assert counting.sum_qualifier(["approx", "more_than"]) == "approx"
    assert counting.sum_qualifier(["exact", "more_than", "at_least"]) == "more_than"
    assert counting.sum_qualifier(["exact", "at_least"]) == "at_least"
    assert counting.sum_qualifier(["exact", "up_to"]) == "up_to"
    assert counting.sum_qualifier(["more_than", "up_to"]) == "approx"  # a floor and a ceiling: neither
    assert counting.sum_qualifier(["exact", ""]) == "exact"
    with pytest.raises(KeyError):
        counting.sum_qualifier(["fewer_than"])  # a qualifier the schema does not have


# --- where people came from ---------------------------------------------------------------------

def test_people_are_attributed_only_where_the_text_ties_them_to_one_state():
    a = acts([{"activity_id": "A1", "countries": "PER", "attendance": "named", "participants": 20},
              {"activity_id": "A2", "host": "PER", "countries": "", "attendance": "multinational", "participants": 71},
              {"activity_id": "A3", "countries": "PER", "attendance": "unstated", "participants": 5},
              {"activity_id": "A4", "countries": "PER;COL", "attendance": "named", "participants": 9}])
    assert list(frames.is_attributed(a)) == [True, False, False, False]
    reached = frames.countries_reached(a).set_index("iso3")
    assert reached.at["PER", "participants_attributed"] == 20 and reached.at["PER", "activities"] == 3


def test_a_host_gets_no_participants_and_its_profile_shows_what_it_hosted(ed31):
    assert profiles.attributed_participants(ed31, "PRY") is None
    hosted = profiles.hosted_table(ed31, "PRY")
    assert list(hosted["participants"]) == ["48"]
    assert "PRY" not in set(frames.countries_reached(ed31.held)
                            .dropna(subset=["participants_attributed"])["iso3"])
    # a regional course hosted by Saint Lucia (A005): its 40 analysts are not Saint Lucia's
    assert profiles.attributed_participants(ed31, "LCA") is None
    assert "JAM" not in profiles.states_with_activity(ed31)  # named only by the 2030 seminar


# --- partners, collaboration, ties ---------------------------------------------------------------

def test_dependencies_are_not_partners_but_collaboration():
    a = acts([{"activity_id": "A1", "dependency": "CICAD", "partners": "oas-cicte;un-x"},
              {"activity_id": "A2", "dependency": "CICAD", "joint_with": "CICTE"},
              {"activity_id": "A3", "dependency": "CICTE", "funders": "oas-cicte"}])  # its own: not collaboration
    assert frames.secretariat_orgs(ORGS) == {"oas-cicte": "CICTE"}
    assert set(frames.partner_links(a, ORGS)["org_id"]) == {"un-x"}
    assert set(frames.partner_links(a, ORGS, own=True)["org_id"]) == {"oas-cicte", "un-x"}
    collab = counting.collaboration(a, ORGS)
    assert collab.to_dict("records") == [{"dependency": "CICAD", "with": "CICTE", "how": "led jointly and named as partner",
                                          "activities": 2, "paragraphs": "9999-V.a-01",
                                          "activity_id": "A1;A2"}]


def test_ties_are_named():
    assert leaders({"October": 5, "November": 5, "June": 3}, "activity", "activities") == \
        "October and November, 5 activities each"
    assert leaders({"June": 2, "May": 1}, "activity", "activities") == "June, 2 activities"
    assert leaders({}, "activity") == ""


# --- the synthetic year, end to end -----------------------------------------------------------------

def test_headline_of_the_synthetic_year(ed31):
    h = headline(ed31)
    assert (h.activities, h.events, h.states_reached, h.held_elsewhere) == (13, 15, 9, 1)
    # A005's "approximately 40" makes the sum approximate, beside A007's "more than 211"
    assert h.people.text == "approximately 572" and h.people.itemised == 482
    assert overview.busiest_month(overview.by_month(ed31)).endswith("1 activity each")
    dep = overview.dependency_table(ed31).set_index("dependency")
    assert dep.at["CICTE", "text"] == "more than 131" and dep.at[counting.JOINT, "activities"] == 1
    assert dep.at["CICAD", "text"] == "approximately 441"


def test_methods_counts_the_rows_each_rule_affects(ed31):
    rules = methods.rules(ed31).set_index("rule")["rows"]
    assert rules["Held in another year"] == 1
    assert rules["Stated participant totals standing for un-itemised work"] == 1
    assert rules["Multinational attendance"] == 2  # A005 and A011
    assert rules["Joint work of several dependencies"] == 1
    assert rules["Events inferred by the reviewer"] == 0
    assert rules["Participants attributed to one member state"] == 4  # not A005 (multinational)


def test_a_state_that_only_hosted_has_a_profile_that_says_so(ed31):
    """A member state that hosted an activity of the year for others, and was reached
    by none, gets a profile: it says that no activity named it and what it hosted,
    and attributes none of the participants to it. Hosting an activity held in
    another year gives no profile."""
    acts = ed31.activities.copy()
    acts.loc[acts["activity_id"] == "2031-A011", "host"] = "CAN"   # the multinational workshop, moved to Canada
    ed = ed31.with_activities(acts)
    assert "CAN" not in profiles.states_with_activity(ed31)
    assert "CAN" in profiles.states_with_activity(ed)
    text = profiles.summary(ed, "CAN", "Canada")
    assert text.startswith("In 2031, no activity held that year names **Canada**")
    assert "Canada hosted **1 activity** for officials of other member states" in text
    assert profiles.attributed_participants(ed, "CAN") is None
    # a state reached by activities and hosting one for others: both said
    paraguay = profiles.summary(ed31, "PRY", "Paraguay")
    assert "took part in, or was served by" in paraguay and "Paraguay also hosted **1 activity**" in paraguay
    other_year = acts["held_year"] != ed31.year
    acts.loc[other_year, "host"] = "BRA"
    assert "BRA" not in profiles.states_with_activity(ed31.with_activities(acts))
