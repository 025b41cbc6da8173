"""Loading a year's data: validated, typed DataFrames.

    >>> from hemiplan import data
    >>> ed = data.load(2014)
    >>> ed.held.participants.sum()        # the activities held in 2014
    >>> ed.elsewhere                      # the rows the report describes, held in another year

Loading validates once per process and content: the same files are not validated
twice in one kernel.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from hemiplan import paths
from hemiplan.data import csvio, held, schema
from hemiplan.data.validate import ValidationError, validate_year
from hemiplan.data.years import available_years, resolve_year


@dataclass
class Edition:
    """The tables of one year, with the reference tables, and the year's view of them:
    ``activities`` holds every row of the year's table; ``held`` the activities held in
    the report year (what every count of the book counts) and ``elsewhere`` those held
    in another year (listed apart), split once by :func:`hemiplan.data.held.split`.
    ``unrecorded`` lists the report's numbers that are not data; ``translations`` the
    reviewed titles of activities in other languages; ``dependency_names`` the names of
    the Secretariat's dependencies in each language; ``years`` the years
    with data up to this one (an edition compares itself with those only);
    ``language`` the report's language (from ``raw/<year>.meta.json``; English when
    it does not say)."""
    year: int
    data_dir: Path
    paragraphs: pd.DataFrame
    activities: pd.DataFrame
    indicators: pd.DataFrame
    member_states: pd.DataFrame
    organizations: pd.DataFrame
    instruments: pd.DataFrame
    chapter_sections: pd.DataFrame
    unrecorded: pd.DataFrame
    translations: pd.DataFrame
    dependency_names: pd.DataFrame
    held: pd.DataFrame
    elsewhere: pd.DataFrame
    years: tuple[int, ...] = ()
    language: str = "en"
    data_hash: str = ""

    def tables(self) -> dict[str, pd.DataFrame]:
        return {t: getattr(self, t) for t in ("paragraphs", "activities", "indicators",
                                               "member_states", "organizations", "instruments")}

    @property
    def drafts(self) -> int:
        """Rows of activities and stated figures not yet reviewed."""
        return int((self.activities["status"] == "draft").sum() + (self.indicators["status"] == "draft").sum())

    def with_activities(self, activities: pd.DataFrame) -> "Edition":
        """The same edition with another activities table, its year's view split anew."""
        in_year, elsewhere = held.split(activities, self.year)
        return dataclasses.replace(self, activities=activities, held=in_year, elsewhere=elsewhere)

    def copy(self) -> "Edition":
        """A copy whose frames can be changed without touching the cached edition."""
        frames = {f.name: getattr(self, f.name).copy() for f in dataclasses.fields(self)
                  if isinstance(getattr(self, f.name), pd.DataFrame)}
        return dataclasses.replace(self, **frames)


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


def report_language(year: int, data_dir) -> str:
    """The language ``raw/<year>.meta.json`` records for the report (English when none)."""
    meta = paths.raw_report(year, data_dir).with_suffix(".meta.json")
    if meta.is_file():
        return str(json.loads(meta.read_text(encoding="utf-8")).get("language") or "en")
    return "en"


@lru_cache(maxsize=16)
def _load(year: int, data_dir: Path, digest: str, validate: bool, years: tuple[int, ...]) -> Edition:
    if validate:
        ensure_valid(year, data_dir)
    frames = {t: csvio.typed(csvio.read_text_table(schema.table_path(t, year, data_dir)), t)
              for t in ("paragraphs", "activities", "indicators", "member_states", "organizations", "instruments",
                        "chapter_sections")}
    unrecorded, translations = (csvio.read_text_table(p) if p.is_file() else pd.DataFrame(columns=schema.columns(t),
                                                                                            dtype=object)
                                for t, p in ((t, schema.table_path(t, year, data_dir))
                                             for t in ("unrecorded", "translations")))
    in_year, elsewhere = held.split(frames["activities"], year)
    names = csvio.read_text_table(schema.table_path("dependency_names", data_dir=data_dir))
    return Edition(year=year, data_dir=data_dir, data_hash=digest, unrecorded=unrecorded, translations=translations,
                   dependency_names=names, held=in_year,
                   elsewhere=elsewhere, years=tuple(y for y in years if y <= year),
                   language=report_language(year, data_dir), **frames)


def load(year=None, data_dir=None, validate: bool = True, years=None) -> Edition:
    """The validated, typed tables of ``year`` (default: the latest year with data).
    ``years`` (the years with data, when the caller has listed them) spares a listing."""
    root = paths.data_dir(data_dir).resolve()
    years = tuple(available_years(root)) if years is None else tuple(years)
    y = resolve_year(year, root, years)
    digest = content_hash(table_files(y, root))
    return _load(y, root, digest, validate, years).copy()


def load_all(data_dir=None, validate: bool = True) -> dict[int, Edition]:
    """Every year with data, for year-over-year comparisons."""
    years = tuple(available_years(data_dir))
    return {y: load(y, data_dir, validate, years) for y in years}
