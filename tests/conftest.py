"""Shared fixtures. SYNTHETIC_DATA is invented data (see tests/fixtures/synthetic/README.md)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
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


# --- built sites (browser, accessibility, untrusted-text and atomic-publish tests) -----

PROJECT = Path(__file__).resolve().parents[1]
HOSTILE_DATA = FIXTURES / "hostile" / "data"
BOOK_SOURCES = ("_config.yml", "_toc.yml", "intro.md", "_static", "chapters")
#: Full-page screenshots of the built test sites, kept as CI artifacts.
SCREENSHOTS = PROJECT / "_build" / "screenshots"


def copy_book(dest: Path) -> Path:
    """A copy of the project's book sources in ``dest`` (a project root for the build)."""
    dest.mkdir(parents=True)
    for name in BOOK_SOURCES:
        src = PROJECT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


@dataclass(frozen=True)
class Site:
    """A book built by ``hemiplan.build.build`` in a temporary project root."""
    root: Path
    data_dir: Path
    year: int

    @property
    def html(self) -> Path:
        """What the build publishes: ``<year>/`` and an index.html pointing to it."""
        return self.root / "_build" / "html"

    @property
    def edition(self) -> Path:
        return self.html / str(self.year)


def build_site(base: Path, data: Path, year: int) -> Site:
    from hemiplan import build

    root = copy_book(base / "book")
    data_dir = base / "data"
    shutil.copytree(data, data_dir)
    build.build(year, data_dir=data_dir, root=root, progress=False)
    return Site(root, data_dir, year)


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory) -> Site:
    """The book built once per session for the SYNTHETIC year 2031, outside the
    project's own _build. Tests must not modify it: copy it first."""
    return build_site(tmp_path_factory.mktemp("synthetic-site"), SYNTHETIC_DATA, 2031)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Site:
    """The book built once per session for the SYNTHETIC hostile year 2032
    (tests/fixtures/hostile/README.md)."""
    return build_site(tmp_path_factory.mktemp("hostile-site"), HOSTILE_DATA, 2032)


@pytest.fixture(scope="module")
def browser():
    """A headless Debian chromium (fresh profile) for the tests of one module."""
    from . import browser_checks

    missing = browser_checks.chromium_missing()
    if missing:
        pytest.fail(missing)
    with browser_checks.chromium() as context:
        yield context
