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
