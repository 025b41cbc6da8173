"""A year without data: `hemiplan build --year Y` and `hemiplan validate --year Y` say so,
list the years available, exit non-zero without a traceback, and change nothing on
disk. Run as commands, in a temporary project root (HEMIPLAN_ROOT) holding the
SYNTHETIC data and a published site, so that the real project is never touched."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hemiplan import paths

from .conftest import SYNTHETIC_DATA, copy_book, snapshot


@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_book(tmp_path / "project")
    shutil.copytree(SYNTHETIC_DATA, root / "data")
    site = root / "_build" / "html"
    (site / "2031").mkdir(parents=True)
    (site / "2031" / "index.html").write_text("<p>the published 2031 edition</p>", encoding="utf-8")
    (site / "index.html").write_text('<meta http-equiv="refresh" content="0; url=2031/index.html">', encoding="utf-8")
    return root


def hemiplan(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HEMIPLAN_ROOT": str(root)}
    return subprocess.run([sys.executable, "-m", "hemiplan", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("data_dir", [False, True], ids=["default data", "--data-dir"])
@pytest.mark.parametrize("command,code", [("build", 1), ("validate", 2)])
def test_a_year_without_data(project, command, code, data_dir):
    before = snapshot(project)
    args = [command, "--year", "1999"] + (["--data-dir", str(project / "data")] if data_dir else [])
    proc = hemiplan(project, *args)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "no data for year 1999" in proc.stderr and "years available: 2030, 2031" in proc.stderr, proc.stderr
    if command == "build":
        assert "the previously published site, if any, is unchanged" in proc.stderr, proc.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_year_that_is_not_a_number(project, command):
    before = snapshot(project)
    proc = hemiplan(project, command, "--year", "abc")
    assert snapshot(project) == before
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "abc" in proc.stderr and "2030, 2031" in proc.stderr, proc.stderr


@pytest.mark.parametrize("command", [["build"], ["validate"], ["build", "--year", "2030"], ["validate", "--year", "2030"]])
def test_a_year_missing_one_of_its_tables_is_an_error_not_a_withdrawal(project, command):
    """A year is its tables: with activities.csv renamed (as a file manager does), the
    year is not silently dropped: validate and build name the missing file, exit
    non-zero, and the published edition stays."""
    shutil.copytree(paths.SCHEMAS, project / "data" / "schema")
    folder = project / "data" / "2031"
    (folder / "activities.csv").rename(folder / "activities (1).csv")
    before = snapshot(project)
    proc = hemiplan(project, *command)
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "2031" in proc.stderr and "activities.csv" in proc.stderr and "missing" in proc.stderr, proc.stderr
    assert snapshot(project) == before
    assert (project / "_build" / "html" / "2031" / "index.html").is_file()


def test_an_empty_year_folder_is_not_a_year(synthetic_copy):
    from hemiplan import data

    (synthetic_copy / "2099").mkdir()
    assert data.available_years(synthetic_copy) == [2030, 2031]
    (synthetic_copy / "2099" / "notes.txt").write_text("a file in it", encoding="utf-8")
    with pytest.raises(data.YearNotFoundError, match="2099 is missing paragraphs.csv, activities.csv, indicators.csv"):
        data.available_years(synthetic_copy)
