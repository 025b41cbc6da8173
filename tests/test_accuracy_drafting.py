"""Ingest's drafts of who, where and with whom, measured on the SYNTHETIC drafting
fixtures (tests/fixtures/drafting, see its README): 2041 (English) and 2042 (Spanish),
written before the rules of issue 22, and 2043 and 2044, written and curated after them
and held out. The targets are the issue's: attendance >= 85%, host >= 90%, events, participants
and held year >= 95%, partners and funders precision >= 90% and recall >= 80%. The
held-out year is asserted at what it measured, so that a change that makes it worse
fails; its figures are the honest ones (the README's table)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hemiplan.ingest import accuracy

DRAFTING = Path(__file__).parent / "fixtures" / "drafting"


@pytest.fixture(scope="module", params=[2041, 2042])
def measured(request):
    return accuracy.measure(request.param, DRAFTING)


def test_the_fixture_years_are_large_enough_to_measure(measured):
    assert measured.fields.total["host"] >= 9 and measured.participants_total >= 8
    assert measured.fields.credit_curated
    assert sum(measured.fields.credit["partner"]) >= 6 and sum(measured.fields.credit["funder"]) >= 3


def test_who_and_where_meet_the_targets(measured):
    f = measured.fields
    assert f.share("attendance") >= 0.85, f.misses
    assert f.share("host") >= 0.90, f.misses
    assert f.share("events") >= 0.95, f.misses
    assert measured.participants >= 0.95, measured.misses["participants"]
    assert measured.held.share >= 0.95 and measured.held.drafted == measured.held.total, measured.misses["held_year"]


def test_partners_and_funders_meet_the_targets(measured):
    f = measured.fields
    for role in ("partner", "funder"):
        assert f.precision(role) >= 0.90, f.misses
        assert f.recall(role) >= 0.80, f.misses


#: The held-out years, with the floors they are held to (each at what it measures now, so
#: that a change that makes it worse fails; their first figures are in the README's table):
#: 2043 and 2044 after the fourth round of rules (written looking at them); 2045 after the
#: fifth (written looking at it); 2046 (English) and 2047 (Spanish), written without reading
#: the rules, after the sixth round (three funder cues written looking at their misses);
#: 2048, written without reading the rules and measured first after the sixth round: the
#: honest figures, far from the targets. All raised after the structural drafting rules
#: (done work by a past verb after its subject, organisations named without a cue, hosts by
#: the shape of the place), written looking at 2046-2048's misses, and the generic reading
#: of numbers: what they measure now. "held" is the share of drafted activities whose
#: held year is right, "drafted" the share of curated activities drafted at all.
HELD_OUT = {
    2043: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 1.0, "host": 1.0,
           "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    2044: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 0.90, "host": 1.0,
           "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    2045: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 1.0, "host": 1.0,
           "partner": (1.0, 0.875), "funder": (1.0, 1.0)},
    2046: {"participants": 1.0, "held": 16 / 17, "drafted": 1.0, "events": 1.0, "attendance": 11 / 12,
           "host": 16 / 17, "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    2047: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 1.0, "host": 1.0,
           "partner": (12 / 13, 1.0), "funder": (1.0, 5 / 6)},
    2048: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 1.0, "host": 1.0,
           "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    # Held out from the structural rules of December 2026 (never read by their authors) and
    # read by the next round (3 December 2026): what they measure now (first figures in the README).
    2049: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 1.0, "host": 1.0,
           "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    2050: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 1.0, "host": 1.0,
           "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    # Held out from the first round of 3 December 2026, read by the second and by the tenth
    # rounds (4 December 2026): what they measure now.
    2051: {"participants": 1.0, "held": 1.0, "drafted": 17 / 18, "events": 14 / 17, "attendance": 1.0,
           "host": 16 / 17, "partner": (1.0, 1.0), "funder": (1.0, 1.0), "states": (1.0, 1.0)},
    2052: {"participants": 11 / 13, "held": 1.0, "drafted": 1.0, "events": 17 / 18, "attendance": 12 / 13,
           "host": 1.0, "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    # Held out from both rounds of 3 December 2026 (never read by their authors; their honest
    # figures, measured once when the second round was done, are in the README), then read by
    # the ninth and tenth rounds (4 December 2026): what they measure now.
    2053: {"participants": 1.0, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 1.0,
           "host": 1.0, "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    2054: {"participants": 9 / 10, "held": 1.0, "drafted": 1.0, "events": 1.0, "attendance": 9 / 10,
           "host": 16 / 17, "partner": (1.0, 1.0), "funder": (1.0, 1.0)},
    # Written by other hands and held out from the ninth and tenth rounds (never read by their
    # authors): what they measure after the tenth (their honest figures after each round are in
    # the README), so that a later round cannot make them worse.
    2055: {"participants": 12 / 14, "held": 1.0, "drafted": 15 / 19, "events": 14 / 15, "attendance": 10 / 12,
           "host": 12 / 15, "partner": (6 / 9, 6 / 11), "funder": (4 / 5, 4 / 5), "states": (29 / 33, 1.0)},
    2056: {"participants": 7 / 11, "held": 1.0, "drafted": 16 / 18, "events": 13 / 16, "attendance": 7 / 11,
           "host": 10 / 16, "partner": (8 / 13, 8 / 11), "funder": (1.0, 1 / 5), "states": (24 / 28, 1.0)},
}


@pytest.mark.parametrize("year", sorted(HELD_OUT))
def test_the_held_out_years_as_measured(year):
    """Asserted at what they measure, so that a change that makes them worse fails
    (their first figures are in tests/fixtures/drafting/README.md and the README's table)."""
    floor = HELD_OUT[year]
    acc = accuracy.measure(year, DRAFTING)
    f = acc.fields
    eps = 1e-9
    states_precision, states_recall = floor.get("states", (1.0, 1.0))
    assert acc.section == 1.0
    assert acc.ms_precision >= states_precision - eps and acc.ms_recall >= states_recall - eps
    assert acc.participants >= floor["participants"] - eps, acc.misses["participants"]
    assert acc.held.share >= floor["held"] - eps, acc.misses["held_year"]
    assert acc.held.drafted / acc.held.total >= floor["drafted"] - eps, acc.misses["held_year"]
    assert f.share("events") >= floor["events"] - eps and f.share("host") >= floor["host"] - eps, f.misses
    assert f.share("attendance") >= floor["attendance"] - eps, f.misses
    for role in ("partner", "funder"):
        precision, recall = floor[role]
        assert f.precision(role) >= precision - eps and f.recall(role) >= recall - eps, f.misses


def test_a_miss_is_counted_against_recall_and_a_wrong_draft_against_precision(tmp_path):
    """The measure can fail: a curated partner the drafts miss lowers recall, one they
    add lowers precision."""
    import shutil

    from hemiplan.data import csvio

    data = tmp_path / "d"
    shutil.copytree(DRAFTING, data, ignore=shutil.ignore_patterns("curate", "*.md"))
    path = data / "2041" / "activities.csv"
    acts = csvio.read_text_table(path)
    acts.loc[acts["partners"] == "unodc", "partners"] = "interpol"
    acts.to_csv(path, index=False)
    f = accuracy.measure(2041, data).fields
    base = accuracy.measure(2041, DRAFTING).fields
    assert f.precision("partner") < base.precision("partner") and f.recall("partner") < base.recall("partner")


def test_the_command_prints_partners_and_funders():
    proc = subprocess.run([sys.executable, "-m", "hemiplan.ingest.accuracy", "--year", "2042", "--data-dir",
                           str(DRAFTING)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    for label in ("host right", "attendance right", "joint work right", "type right", "partners: precision", "partners: recall",
                  "funders: precision", "funders: recall"):
        assert label in proc.stdout


def test_a_year_that_records_no_partners_is_not_measured_for_them():
    acc = accuracy.measure(2035, Path(__file__).parent / "fixtures" / "reports" / "when_where")
    assert not acc.fields.credit_curated
    assert "partners and funders: not measured" in acc.table() and "partners: precision" not in acc.table()


def test_the_activity_type_is_measured_and_a_wrong_one_counts_against_it(tmp_path):
    """"type right" compares ``activity_type`` of each curated activity with its draft's:
    a curated type changed to another makes one miss, named in the misses."""
    import shutil

    from hemiplan.data import csvio

    base = accuracy.measure(2041, DRAFTING)
    assert base.fields.total["activity_type"] == base.fields.total["host"] and base.fields.share("activity_type") >= 0.95
    assert "type right" in base.table()
    data = tmp_path / "d"
    shutil.copytree(DRAFTING, data, ignore=shutil.ignore_patterns("curate", "*.md"))
    path = data / "2041" / "activities.csv"
    acts = csvio.read_text_table(path)
    first = acts.index[0]
    acts.loc[first, "activity_type"] = "publication" if acts.loc[first, "activity_type"] != "publication" else "mission"
    acts.to_csv(path, index=False)
    f = accuracy.measure(2041, data).fields
    assert f.right["activity_type"] == base.fields.right["activity_type"] - 1
    assert any(m[0] == acts.loc[first, "activity_id"] and m[1] == "activity_type" for m in f.misses)
