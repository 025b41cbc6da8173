"""Ingest's accuracy on the 2014 report, measured against the curated 2014 tables
(hemiplan.ingest.accuracy). The thresholds are the issue's: section assignment >= 98%,
member-state precision and recall >= 95%, participants found >= 90%, held year right
>= 90% (issue 11) of the curated rows that have a draft, and of those held in another
year, on the synthetic years."""
from __future__ import annotations

import subprocess
import sys

import pytest

from hemiplan.data import csvio
from hemiplan.ingest import accuracy, write

from .conftest import FIXTURES

#: A SYNTHETIC curated year whose report describes events of other years, multinational
#: events, joint work and qualified figures (tests/fixtures/reports/README.md).
WHEN_WHERE = FIXTURES / "reports" / "when_where"


@pytest.fixture(scope="module")
def measured():
    return accuracy.measure(2014)


def test_section_assignment(measured):
    assert measured.paragraphs >= 100
    assert measured.section >= 0.98, measured.misses["section"]


def test_member_states_precision_and_recall(measured):
    assert measured.ms_tp >= 150
    assert measured.ms_precision >= 0.95, measured.misses["member_states"]
    assert measured.ms_recall >= 0.95, measured.misses["member_states"]


def test_participants_found(measured):
    assert measured.participants_total >= 20
    assert measured.participants >= 0.90, measured.misses["participants"]


def test_held_year_right(measured):
    held = measured.held
    assert held.drafted >= 80 and held.other_total >= 1
    assert held.share >= 0.90, measured.misses["held_year"]


def test_held_year_right_on_a_synthetic_year_with_other_year_events():
    acc = accuracy.measure(2035, WHEN_WHERE)
    held = acc.held
    assert held.other_total == 6 and held.other_drafted >= 5
    assert held.share >= 0.90, acc.misses["held_year"]
    assert held.other_share >= 0.90, acc.misses["held_year"]
    assert held.flagged >= 5 and held.flagged_right / held.flagged >= 0.90
    assert acc.section == 1.0 and acc.participants >= 0.90


def test_measuring_writes_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("accuracy must not write")

    monkeypatch.setattr(csvio, "atomic_write_text", refuse)
    monkeypatch.setattr(write, "commit", refuse)   # where hemiplan.ingest.ingest looks it up
    assert accuracy.measure(2014).paragraphs > 0


def test_command_prints_the_table():
    proc = subprocess.run([sys.executable, "-m", "hemiplan.ingest.accuracy"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    for label in ("section assignment", "member states: precision", "member states: recall", "participants found",
                  "held year right", "held year right: other year", "other-year drafts right"):
        assert label in proc.stdout
    assert "%" in proc.stdout


@pytest.mark.parametrize("year", [2030, 2031])
def test_same_measures_on_the_synthetic_curated_years(year):
    """The synthetic years of tests/fixtures/synthetic were written and curated apart
    from ingest, in other words: the drafts still match them."""
    from .conftest import SYNTHETIC_DATA

    acc = accuracy.measure(year, SYNTHETIC_DATA)
    assert acc.section == 1.0
    assert acc.ms_precision >= 0.95 and acc.ms_recall >= 0.95
    assert acc.participants >= 0.90
    assert acc.held.drafted >= 3 and acc.held.share >= 0.90, acc.misses["held_year"]


def test_partners_and_funders_of_2014_as_measured(measured):
    """2014's drafts of with whom at what they measure after the tenth round (README's table:
    partners 51 of 73 drafted pairs right, 51 of 80 curated found; funders 4 of 4 both ways),
    so that a later round cannot make them worse. Below the issue's target: most false partners
    come from one list of meetings drafted as one row (2014-A035)."""
    f = measured.fields
    assert f.precision("partner") >= 51 / 73 - 1e-9 and f.recall("partner") >= 51 / 80 - 1e-9, f.misses
    assert f.precision("funder") == 1.0 and f.recall("funder") == 1.0, f.misses
