"""Accuracy by format (issue 13): the same thresholds for text, Word and PDF alike, on
every curated SYNTHETIC year (tests/fixtures/synthetic), each as .txt, as an edited
.docx and as a PDF printed by Chromium in every layout (Letter and A4, one and two
columns, a footnote): sections >= 98%, member states precision and recall >= 95%,
participants found >= 90% (hemiplan.ingest.accuracy, paragraphs matched by text)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hemiplan.ingest import accuracy

from .conftest import SYNTHETIC_DATA

REPORTS = Path(__file__).parent / "fixtures" / "reports"
sys.path.insert(0, str(REPORTS))
import as_received  # noqa: E402
import printed  # noqa: E402

FORMATS = ["txt", "docx", *(f"pdf {layout}" for layout in printed.LAYOUTS), "pdf footnote"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return as_received.generated(tmp_path_factory)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("year", as_received.CURATED_YEARS)
def test_accuracy_holds_for_every_format(files, year, fmt):
    acc = accuracy.measure(year, SYNTHETIC_DATA, report=files[(year, fmt)])
    assert acc.paragraphs >= 4 and acc.ms_tp >= 3 and acc.participants_total >= 2   # something to measure
    assert acc.section >= 0.98, acc.misses["section"]
    assert acc.ms_precision >= 0.95 and acc.ms_recall >= 0.95, acc.misses["member_states"]
    assert acc.participants >= 0.90, acc.misses["participants"]


def test_a_misread_report_fails_the_measure(tmp_path):
    """The measure can fail: a report whose sections are shuffled and whose place names
    are gone scores below the thresholds."""
    text = as_received.source_text(2031).read_text(encoding="utf-8")
    broken = text.replace("II. NATIONAL", "II. XNATIONAL").replace("Guyana", "the country")
    broken = broken.replace("V. TRAINING", "VI. TRAINING").replace("VI. INFORMATION", "VII. INFORMATION")
    (tmp_path / "broken.txt").write_text(broken, encoding="utf-8")
    acc = accuracy.measure(2031, SYNTHETIC_DATA, report=tmp_path / "broken.txt")
    assert acc.section < 0.98 and acc.ms_recall < 0.95


def test_command_prints_a_table_by_format(files, capsys):
    reports = [str(files[(2031, fmt)]) for fmt in ("txt", "docx", "pdf two-column")]
    args = ["--year", "2031", "--data-dir", str(SYNTHETIC_DATA)]
    assert accuracy.main(args + [a for r in reports for a in ("--report", r)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("| report |") and len(out) == 2 + len(reports)
    assert all(row.count("100.0%") == 4 for row in out[2:]), out
