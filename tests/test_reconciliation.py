"""Reconciliation of stated totals against itemised figures: hand-made tables and
the synthetic fixture (tests/fixtures/synthetic, invented data)."""
from __future__ import annotations

import pandas as pd
import pytest

from hemiplan import data
from hemiplan.analysis import reconciliation as rec
from hemiplan.analysis.frames import is_total

from .conftest import SYNTHETIC_DATA


def activities(rows):
    cols = ["activity_id", "paragraph_id", "events", "participants", "participants_qualifier"]
    df = pd.DataFrame(rows, columns=cols)
    df["events"] = df["events"].astype("Int64")
    df["participants"] = df["participants"].astype("Int64")
    df["participants_qualifier"] = df["participants_qualifier"].fillna("")
    return df


def indicators(rows):
    cols = ["indicator_id", "paragraph_id", "indicator", "value", "unit", "covers"]
    df = pd.DataFrame(rows, columns=cols)
    df["value"] = df["value"].astype("Float64")
    return df


PARAGRAPHS = pd.DataFrame({
    "paragraph_id": ["9999-V.a-01", "9999-V.a-02", "9999-VII-01"],
    "section": ["V", "V", "VII"],
    "subsection": ["a", "a", ""],
})

ACTS = activities([
    ("9999-A001", "9999-V.a-02", 1, 20, "exact"),
    ("9999-A002", "9999-V.a-02", 2, 30, "approx"),
    ("9999-A003", "9999-V.a-02", 1, None, None),
    ("9999-A004", "9999-V.a-02", 3, 40, "more_than"),
])


@pytest.mark.parametrize("name, unit, expected", [
    ("total_participants", "participants", "participants"),
    ("total_participants", "judges", "participants"),
    ("total_trained", "officers", "participants"),
    ("total_events", "events", "events"),
    ("total_courses", "", "events"),
    ("total_activities", "activities", "activities"),
    ("total_participating_states", "states", None),
    ("total_munitions_destroyed", "munitions", None),
    ("total_missions", "missions", None),
])
def test_measure_of(name, unit, expected):
    assert rec.measure_of(name, unit) == expected


def test_is_total_and_label():
    assert is_total("total_participants") and not is_total("participants_total")
    assert rec.what_label("total_firearms_destroyed") == "firearms destroyed"


def test_reconcile_synthetic_year():
    ed = data.load(2031, SYNTHETIC_DATA)
    r = rec.reconcile(ed.indicators, ed.activities).set_index("indicator_id")
    assert list(r.index) == ["2031-I003", "2031-I004", "2031-I007", "2031-I008"]
    assert r.loc["2031-I003", "stated"] == 5 and r.loc["2031-I003", "items_sum"] == 2
    assert r.loc["2031-I003", "difference"] == 3
    assert r.loc["2031-I004", "stated"] == 137 and r.loc["2031-I004", "items_sum"] == 99
    assert r.loc["2031-I004", "difference"] == 38
    assert r.loc["2031-I004", "items"] == 2
    assert r.loc["2031-I004", "items_not_exact"] == 1  # the approximate course
    assert set(r.loc[["2031-I003", "2031-I004"], "status"]) == {rec.STATUS_STATED_HIGHER}
    # "more than 90" for two workshops itemised without figures: nothing to compare with
    assert pd.isna(r.loc["2031-I007", "items_sum"]) and r.loc["2031-I007", "items_missing"] == 2
    assert r.loc["2031-I008", "difference"] == 0
    assert set(r["basis"]) == {rec.BASIS_COVERS}
    assert set(r["paragraph_id"]) == {"2031-V.a-01", "2031-V.a-02"}


def test_items_without_figure_are_counted_not_guessed():
    inds = indicators([
        ("9999-I001", "9999-V.a-01", "total_participants", 100, "participants", "9999-A001;9999-A002;9999-A003"),
        ("9999-I002", "9999-V.a-01", "total_events", 4, "events", "9999-A001;9999-A002;9999-A003"),
    ])
    r = rec.reconcile(inds, ACTS).set_index("indicator")
    p = r.loc["total_participants"]
    assert (p["items"], p["items_sum"], p["difference"], p["items_missing"]) == (3, 50, 50, 1)
    assert p["items_not_exact"] == 1
    e = r.loc["total_events"]
    assert (e["items_sum"], e["difference"], e["status"]) == (4, 0, rec.STATUS_AGREES)


def test_items_adding_up_to_more_and_no_figures():
    inds = indicators([
        ("9999-I001", "9999-V.a-01", "total_participants", 50, "participants", "9999-A001;9999-A004"),
        ("9999-I002", "9999-V.a-02", "total_participants", 10, "participants", "9999-A003"),
    ])
    r = rec.reconcile(inds, ACTS)
    assert r.loc[0, "difference"] == -10 and r.loc[0, "status"] == rec.STATUS_ITEMS_HIGHER
    assert pd.isna(r.loc[1, "items_sum"]) and pd.isna(r.loc[1, "difference"])
    assert r.loc[1, "status"] == rec.STATUS_NO_FIGURES and r.loc[1, "items_missing"] == 1


def test_components_in_same_paragraph_when_covers_is_empty():
    inds = indicators([
        ("9999-I001", "9999-VII-01", "total_firearms_destroyed", 120, "firearms", ""),
        ("9999-I002", "9999-VII-01", "firearms_destroyed_a", 70, "firearms", ""),
        ("9999-I003", "9999-VII-01", "firearms_destroyed_b", 45, "firearms", ""),
        ("9999-I004", "9999-VII-01", "firearms_weight", 3, "metric_tons", ""),
        ("9999-I005", "9999-V.a-01", "firearms_elsewhere", 9, "firearms", ""),
        ("9999-I006", "9999-V.a-01", "total_states", 9, "states", ""),
    ])
    r = rec.reconcile(inds, ACTS).set_index("indicator_id")
    f = r.loc["9999-I001"]
    assert f["basis"] == rec.BASIS_COMPONENTS and f["items"] == 2
    assert (f["items_sum"], f["difference"]) == (115, 5)
    assert f["item_ids"] == "9999-I002;9999-I003"
    s = r.loc["9999-I006"]
    assert s["status"] == rec.STATUS_NO_ITEMS and s["items"] == 0 and pd.isna(s["items_sum"])


def test_section_filter_and_report_order():
    inds = indicators([
        ("9999-I001", "9999-VII-01", "total_events", 1, "events", "9999-A001"),
        ("9999-I002", "9999-V.a-02", "total_events", 3, "events", "9999-A004"),
        ("9999-I003", "9999-V.a-01", "total_events", 6, "events", "9999-A001;9999-A002;9999-A004"),
        ("9999-I004", "9999-V.a-01", "csirts", 6, "teams", ""),
    ])
    everything = rec.reconcile(inds, ACTS)
    assert list(everything["indicator_id"]) == ["9999-I003", "9999-I002", "9999-I001"]
    only_v = rec.reconcile(inds, ACTS, PARAGRAPHS, section="V")
    assert list(only_v["indicator_id"]) == ["9999-I003", "9999-I002"]
    assert list(only_v["difference"]) == [0, 0]
    with pytest.raises(ValueError):
        rec.reconcile(inds, ACTS, section="V")


def test_summary_counts():
    inds = indicators([
        ("9999-I001", "9999-V.a-01", "total_participants", 100, "participants", "9999-A001;9999-A002;9999-A003"),
        ("9999-I002", "9999-V.a-01", "total_participants", 60, "participants", "9999-A001;9999-A002"),
        ("9999-I003", "9999-V.a-01", "total_events", 4, "events", "9999-A001;9999-A004"),
        ("9999-I004", "9999-V.a-02", "total_participants", 50, "participants", "9999-A001;9999-A004"),
        ("9999-I005", "9999-V.a-02", "total_participants", 5, "participants", "9999-A003"),
    ])
    s = rec.summary(rec.reconcile(inds, ACTS))
    assert s.totals == 5 and s.comparable == 4 and s.not_comparable == 1
    assert s.agree == 1 and s.differ == 3
    assert s.stated_higher == 2 and s.items_higher == 1
    assert s.abs_difference == 50 + 10 + 10
    assert s.largest_difference == 50 and s.largest_stated == 100
    assert s.differ_with_missing == 1 and s.differ_missing_items == 1
    assert s.stated_higher_complete == 1
    assert s.with_not_exact == 3


def test_empty_and_display():
    empty = rec.reconcile(indicators([]), ACTS)
    assert empty.empty and list(empty.columns) == rec.COLUMNS
    assert rec.summary(empty).totals == 0 and rec.summary(empty).largest_what is None
    inds = indicators([("9999-I001", "9999-V.a-01", "total_events", 7, "events", "9999-A001")])
    shown = rec.display_table(rec.reconcile(inds, ACTS), PARAGRAPHS)
    assert list(shown.columns) == ["part", "what", "stated", "items", "items_sum", "difference", "items_missing",
                                   "status", "paragraph_id"]
    assert shown.loc[0, "part"] == "V.a" and shown.loc[0, "difference"] == 6
    assert set(shown.columns) <= set(rec.DISPLAY_HEADERS)


def test_summary_text_and_statuses_follow_the_page_language():
    ed = data.load(2031, SYNTHETIC_DATA)
    recon = rec.reconcile(ed.indicators, ed.activities, ed.paragraphs)
    rs = rec.summary(recon)
    assert rec.summary_text(rs, 2031) == (
        "The 2031 report states 4 totals; 3 can be set against itemised figures, of which 1 agree exactly and 2 differ"
        " (by 41 in all, in absolute terms); 1 total cannot be compared for want of itemised figures.")
    assert set(rec.display_table(recon)["status"]) == set(recon["status"])
    from hemiplan import language
    language.use("es")
    try:
        assert rec.status_label(rec.STATUS_AGREES) == "coincide"
        assert rec.summary_text(rs, 2031).endswith("1 total no puede compararse por falta de cifras desglosadas.")
    finally:
        language.use("en")
    assert rec.status_label(rec.STATUS_AGREES) == "agrees"
