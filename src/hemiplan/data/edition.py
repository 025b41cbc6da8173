"""Loading a year's data: validated, typed DataFrames.

    >>> from hemiplan import data
    >>> ed = data.load(2014)
    >>> ed.activities.participants.sum()

Loading validates once per process and content: the same files are not validated
twice in one kernel.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from hemiplan import paths
from hemiplan.data import csvio, schema
from hemiplan.data.validate import ValidationError, validate_year
from hemiplan.data.years import available_years, resolve_year


@dataclass
class Edition:
    """The tables of one year, with the reference tables."""
    year: int
    data_dir: Path
    paragraphs: pd.DataFrame
    activities: pd.DataFrame
    indicators: pd.DataFrame
    member_states: pd.DataFrame
    organizations: pd.DataFrame
    instruments: pd.DataFrame
    chapter_sections: pd.DataFrame
    data_hash: str = ""
    extra: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {t: getattr(self, t) for t in ("paragraphs", "activities", "indicators",
                                               "member_states", "organizations", "instruments")}


def table_files(year: int | None, data_dir=None) -> list[Path]:
    files = [schema.table_path(t, data_dir=data_dir) for t in schema.REFERENCE_TABLES]
    if year is not None:
        files += [schema.table_path(t, year, data_dir) for t in schema.YEAR_TABLES + schema.OPTIONAL_YEAR_TABLES]
        files.append(paths.raw_report(year, data_dir))
    return files


def content_hash(files) -> str:
    """SHA-256 over the names and bytes of files (missing files count as empty)."""
    h = hashlib.sha256()
    for f in files:
        f = Path(f)
        h.update(f.name.encode())
        h.update(f.read_bytes() if f.is_file() else b"")
    return h.hexdigest()


def _validation_key(year: int, data_dir) -> str:
    """Content of everything validation depends on: the tables, the schemas and the
    validator itself."""
    validator = [Path(__file__).with_name(m) for m in ("validate.py", "membership.py", "years.py")]
    extra = sorted(paths.SCHEMAS.glob("*.json")) + validator
    return content_hash(table_files(year, data_dir) + extra)


def ensure_valid(year: int, data_dir=None) -> None:
    """Validate a year once per content: a marker in _build/cache/validated/ records
    that exactly these files passed, so that every chapter of a build (each in its own
    kernel) does not validate them again. Raises ValidationError."""
    key = _validation_key(year, data_dir)
    marker = paths.BUILD / "cache" / "validated" / key
    if marker.is_file():
        return
    problems = validate_year(year, data_dir)
    if problems:
        raise ValidationError(problems)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:  # a read-only checkout validates every time, which is only slower
        pass


@lru_cache(maxsize=16)
def _load(year: int, data_dir: Path, digest: str, validate: bool) -> Edition:
    if validate:
        ensure_valid(year, data_dir)
    frames = {t: csvio.typed(csvio.read_text_table(schema.table_path(t, year, data_dir)), t)
              for t in ("paragraphs", "activities", "indicators", "member_states", "organizations", "instruments",
                        "chapter_sections")}
    unrec = schema.table_path("unrecorded", year, data_dir)
    extra = {"unrecorded": csvio.read_text_table(unrec)} if unrec.is_file() else {}
    return Edition(year=year, data_dir=data_dir, data_hash=digest, extra=extra, **frames)


def load(year=None, data_dir=None, validate: bool = True) -> Edition:
    """The validated, typed tables of ``year`` (default: the latest year with data)."""
    y = resolve_year(year, data_dir)
    root = paths.data_dir(data_dir).resolve()
    digest = content_hash(table_files(y, root))
    ed = _load(y, root, digest, validate)
    return Edition(**{**ed.__dict__, "extra": dict(ed.extra), "chapter_sections": ed.chapter_sections.copy(),
                      **{t: df.copy() for t, df in ed.tables().items()}})


def load_all(data_dir=None, validate: bool = True) -> dict[int, Edition]:
    """Every year with data, for year-over-year comparisons."""
    return {y: load(y, data_dir, validate) for y in available_years(data_dir)}
