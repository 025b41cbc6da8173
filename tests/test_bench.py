"""The benchmark runs (a benchmark, not a test of speed): on the tiny SYNTHETIC year
2030, every scenario of our build and Jupyter Book's force executor are timed and the
table printed, and the project is untouched. (Without PDFs and without Jupyter Book's
cache scenarios, which `hemiplan bench` runs: they add minutes and no other code path
of the benchmark.)"""
from __future__ import annotations

import io

import pytest

from hemiplan.build import bench
from hemiplan import paths

from .conftest import SYNTHETIC_DATA, snapshot


def test_bench_runs_on_a_tiny_fixture():
    before = snapshot(paths.CHAPTERS)
    build_dir = paths.BUILD
    out = io.StringIO()
    rows = bench.run(2030, SYNTHETIC_DATA, runs=1, out=out, pdfs=False, jb_modes=("force",))
    assert paths.BUILD == build_dir  # the scratch build folder was only borrowed
    names = [r["scenario"] for r in rows]
    assert names[:4] == ["cold build", "no-op rebuild", "one data row changed", "one chapter changed"]
    assert "Jupyter Book, execute force" in names and bench.PDF_ROW not in names
    by = {r["scenario"]: r for r in rows}
    assert by["no-op rebuild"]["note"] == "0 executed"
    assert by["cold build"]["note"].endswith("no PDFs (--no-pdf)")
    assert by["one chapter changed"]["note"].startswith("2 executed")   # the chapter, in each language
    assert by["Jupyter Book, execute force"]["ratio"] == 1.0
    # English only and both languages side by side, with what the second language adds
    cold = by["cold build"]
    # (no timing compared: on a loaded machine the English run may take longer than both languages;
    # the benchmark measures speed, this test what it reports)
    assert cold["english_s"] > 0 and cold["both_s"] > 0
    assert cold["added"] == pytest.approx(cold["both_s"] / cold["english_s"] - 1)
    text = out.getvalue()
    assert "vs JB force" in text and "2nd lang" in text and "peak memory" in text
    assert snapshot(paths.CHAPTERS) == before
