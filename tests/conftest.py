"""Shared fixtures. SYNTHETIC_DATA is invented data (see tests/fixtures/synthetic/README.md)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SYNTHETIC_DATA = FIXTURES / "synthetic" / "data"


@pytest.fixture
def synthetic_copy(tmp_path) -> Path:
    """A writable copy of the synthetic data folder."""
    dest = tmp_path / "data"
    shutil.copytree(SYNTHETIC_DATA, dest)
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes, to prove nothing on disk changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
