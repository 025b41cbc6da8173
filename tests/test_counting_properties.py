"""Properties of the counting rules over generated editions (hypothesis): whatever the
rows, the parts of a table add up to the headline, no state is credited with more
events than the activities that reached it, every qualifier of the schema survives
into the figures shown, and a sum claims no more than its parts support.
The generated rows are synthetic."""
from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from hemiplan.analysis import counting, frames, participation
from hemiplan.data import labels, schema

from .contract_defaults import with_contract_defaults

STATES = ["ARG", "BRA", "CHL", "COL", "GTM", "JAM", "MEX", "PER"]
DEPENDENCIES = schema.dependencies()
QUALIFIERS = labels.qualifiers()


@st.composite
def activity_rows(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    rows = []
    for i in range(n):
        dep = draw(st.sampled_from(DEPENDENCIES))
        joint = draw(st.sampled_from(["", *[d for d in DEPENDENCIES if d != dep]]))
        countries = sorted(draw(st.sets(st.sampled_from(STATES), max_size=4)))
        has_people = draw(st.booleans())
        rows.append({
            "activity_id": f"A{i:03d}", "paragraph_id": f"9999-V.a-{i % 3 + 1:02d}", "dependency": dep,
            "joint_with": joint, "countries": ";".join(countries), "activity_type": "course", "title": f"t{i}",
            "events": draw(st.integers(min_value=0, max_value=9)),
            "participants": draw(st.integers(min_value=0, max_value=500)) if has_people else pd.NA,
            "participants_qualifier": draw(st.sampled_from(QUALIFIERS)) if has_people else "",
            "attendance": draw(st.sampled_from(["named", "multinational", "unstated"])),
            "partners": "", "funders": "", "subsection": "a",
        })
    df = pd.DataFrame(rows)
    for c in ("events", "participants"):
        df[c] = df[c].astype("Int64")
    return with_contract_defaults(df)


@st.composite
def editions(draw):
    acts = draw(activity_rows())
    ids = list(acts["activity_id"])
    totals = []
    for j in range(draw(st.integers(min_value=0, max_value=3))):
        covers = sorted(draw(st.sets(st.sampled_from(ids), min_size=1, max_size=len(ids))))
        totals.append({"indicator_id": f"I{j}", "paragraph_id": "9999-V.a-01", "unit": "participants",
                       "dependency": draw(st.sampled_from(DEPENDENCIES)), "covers": ";".join(covers),
                       "value": float(draw(st.integers(min_value=1, max_value=900))),
                       "qualifier": draw(st.sampled_from(QUALIFIERS))})
    cols = ["indicator_id", "paragraph_id", "unit", "dependency", "covers", "value", "qualifier"]
    return acts, pd.DataFrame(totals, columns=cols)


@settings(max_examples=150, deadline=None)
@given(editions())
def test_dependency_rows_add_up_to_the_headline(edition):
    acts, inds = edition
    used = participation.totals_used(inds, acts)
    whole = participation.combine(acts, used)
    rows = participation.by_dependency(acts, used)
    assert rows["activities"].sum() == len(acts)
    assert rows["events"].sum() == int(acts["events"].sum())
    assert int(rows["participants"].fillna(0).sum()) == (whole.value or 0)
    # joint work counts in the Joint row only
    joint = (acts["joint_with"] != "").sum()
    got = rows.set_index("dependency")["activities"].get(counting.JOINT, 0)
    assert got == joint


@settings(max_examples=150, deadline=None)
@given(activity_rows())
def test_no_state_gets_more_events_than_the_activities_that_reached_it(acts):
    reached = frames.countries_reached(acts).set_index("iso3")
    for iso3, row in reached.iterrows():
        named = acts[acts["countries"].map(lambda c: iso3 in c.split(";"))]
        assert row["activities"] == len(named)
        assert row["events"] <= int(named["events"].sum())
        # only the events of activities naming it alone are placed in it
        alone = named[named["countries"] == iso3]
        assert row["events"] == int(alone["events"].sum())


@settings(max_examples=100, deadline=None)
@given(activity_rows())
def test_every_qualifier_survives_into_the_figures_shown(acts):
    shown = counting.participants_text(acts)
    for q, text in zip(acts["participants_qualifier"], shown):
        if isinstance(text, str):
            assert text.startswith(labels.qualifier_words(q))
    stated = acts["participants"].notna()
    people = participation.combine(acts, pd.DataFrame(columns=participation.COLUMNS))
    assert (people.value or 0) == int(acts.loc[stated, "participants"].sum())
    # the sum's qualifier is one of the schema's, and its text carries that qualifier's words
    assert people.qualifier in ["exact", *QUALIFIERS]
    if people.basis:
        assert people.text.startswith(labels.qualifier_words(people.qualifier))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", *QUALIFIERS]), max_size=6))
def test_a_sum_claims_no_more_than_its_parts_support(quals):
    q = counting.sum_qualifier(quals)
    parts = {labels.bound(p) for p in quals if p and p != "exact"}
    if q in ("more_than", "at_least"):
        assert parts and parts <= {"lower"}
    if q == "up_to":
        assert parts == {"upper"}
    if q == "exact":
        assert not parts
    if "estimate" in parts:
        assert q == "approx"


def test_every_value_of_a_vocabulary_has_a_label():
    for table in ("activities", "indicators"):
        for f in schema.fields(table):
            if f.get("constraints", {}).get("enum") and "hemiplan:labels" in f:
                assert set(labels.labels(table, f["name"])) == set(f["constraints"]["enum"])
    assert labels.quantity(170, "at_least") == "at least 170" and labels.quantity(9, "up_to") == "up to 9"
