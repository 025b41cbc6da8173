"""Shared fixtures. SYNTHETIC_DATA is invented data (see tests/fixtures/synthetic/README.md)."""
from __future__ import annotations

import fcntl
import os
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
    """Every file under folder with its bytes, to prove nothing on disk changed. A
    writer's lock file (empty once released, git-ignored; see hemiplan.data.locks) is no
    data and is left out."""
    from hemiplan.data.locks import LOCK_NAME

    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != LOCK_NAME}


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
    """A book built by ``hemiplan.build.build`` in a temporary project root, in every
    language (English at the root of the site, Spanish under ``es/``)."""
    root: Path
    data_dir: Path
    year: int

    @property
    def html(self) -> Path:
        """What the build publishes: ``<year>/`` and an index.html pointing to it, and
        the same under ``es/``."""
        return self.root / "_build" / "html"

    @property
    def edition(self) -> Path:
        return self.html / str(self.year)

    def html_in(self, lang: str) -> Path:
        """Where the pages of a language are: the site's root for English, ``es/`` for Spanish."""
        return self.html if lang == "en" else self.html / lang

    def edition_in(self, lang: str) -> Path:
        return self.html_in(lang) / str(self.year)


def build_site(base: Path, data: Path, year: int) -> Site:
    from hemiplan import build

    root = copy_book(base / "book")
    data_dir = base / "data"
    shutil.copytree(data, data_dir)
    build.build(year, data_dir=data_dir, root=root, progress=False)
    return Site(root, data_dir, year)


def shared_site(tmp_path_factory, name: str, data: Path, year: int) -> Site:
    """A site that tests only read, built once for the whole run: the suite runs on
    every core (pytest-xdist, ``-n auto --dist loadfile`` in pyproject.toml), and the
    first worker to need the site builds it in the run's shared temporary folder while
    the others wait on its lock (the recipe of pytest-xdist's documentation, with
    ``fcntl``), then reuse it. Without xdist, it is built in this session's folder."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return build_site(tmp_path_factory.mktemp(name), data, year)
    base = tmp_path_factory.getbasetemp().parent / name
    with open(f"{base}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (base / ".built").is_file():
            shutil.rmtree(base, ignore_errors=True)   # a build that failed in another worker
            base.mkdir()
            build_site(base, data, year)
            (base / ".built").touch()
    return Site(base / "book", base / "data", year)


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory) -> Site:
    """The book built once per session for the SYNTHETIC year 2031, outside the
    project's own _build. Tests must not modify it: copy it first."""
    return shared_site(tmp_path_factory, "synthetic-site", SYNTHETIC_DATA, 2031)


SERIES_REPORT = FIXTURES / "reports" / "synthetic_2033.txt"
SERIES_DRAFT = 2033


def two_years(base: Path) -> Path:
    """A data folder with the 2014 data and the synthetic 2033 report ingested (drafts)."""
    from hemiplan import ingest, paths

    data_dir = base / "data"
    shutil.copytree(paths.DATA / "2014", data_dir / "2014")
    (data_dir / "raw").mkdir()
    for f in (paths.DATA / "raw").glob("2014*"):
        shutil.copy2(f, data_dir / "raw" / f.name)
    ingest.ingest(SERIES_REPORT, SERIES_DRAFT, data_dir)
    return data_dir


@pytest.fixture(scope="session")
def series_site(tmp_path_factory):
    """Two editions built side by side once per session, in every language: 2014
    (reviewed) and the SYNTHETIC draft 2033 (tests/fixtures/reports/synthetic_2033.txt).
    (root, data folder, plans). Only test_series.py's last two tests change it (they
    accept the draft, then withdraw it): they run after every other test of it, and
    pytest runs test_series.py after the other modules that use it."""
    from hemiplan import build

    base = tmp_path_factory.mktemp("series")
    root = copy_book(base / "book")
    data_dir = two_years(base)
    plans = build.build_editions(None, data_dir, root=root, progress=False)
    return root, data_dir, plans


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Site:
    """The book built once per session for the SYNTHETIC hostile year 2032
    (tests/fixtures/hostile/README.md)."""
    return shared_site(tmp_path_factory, "hostile-site", HOSTILE_DATA, 2032)


@pytest.fixture(scope="module")
def browser():
    """A headless Debian chromium (fresh profile) for the tests of one module."""
    from . import browser_checks

    missing = browser_checks.chromium_missing()
    if missing:
        pytest.fail(missing)
    with browser_checks.chromium() as context:
        yield context


@pytest.fixture
def spanish():
    """The page's language is Spanish for one test (English again after it)."""
    from hemiplan import language

    language.use("es")
    try:
        yield
    finally:
        language.use("en")


@pytest.fixture
def es(spanish):
    """The same as ``spanish``, by its short name."""
    yield
