"""Which years have data: the folders of ``data/`` holding a year's tables."""
from __future__ import annotations

from pathlib import Path

from hemiplan import paths
from hemiplan.data import schema
from hemiplan.data.csvio import read_text_table


class YearNotFoundError(LookupError):
    """No data folder for the requested year."""


class IncompleteYearError(YearNotFoundError):
    """A year's folder holds some of its tables but not all: a year is its tables, so
    the folder is neither a year nor nothing (a renamed or deleted table must not take an
    edition silently off the site)."""

    def __init__(self, folders: dict):
        self.folders = folders
        super().__init__("; ".join(
            f"{display_path(folder)} is missing "
            f"{', '.join(missing)} (a year's folder holds {', '.join(f'{t}.csv' for t in schema.YEAR_TABLES)}; "
            "restore the file, or remove the whole folder to withdraw the year)"
            for folder, missing in folders.items()))


def display_path(path) -> str:
    """A file or folder as messages name it: relative to the project when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def year_folders(data_dir=None) -> dict[int, list[str]]:
    """Every folder of ``data/`` named as a year, with the tables of a year it lacks."""
    root = paths.data_dir(data_dir)
    out = {}
    if root.is_dir():
        for p in sorted(root.iterdir()):
            if p.is_dir() and p.name.isdigit() and len(p.name) == 4:
                out[int(p.name)] = [f"{t}.csv" for t in schema.YEAR_TABLES if not (p / f"{t}.csv").is_file()]
    return out


def available_years(data_dir=None) -> list[int]:
    """Years with data (their folder holds paragraphs, activities and indicators).
    Raises :class:`IncompleteYearError`, naming the folder and the missing files, when a
    year's folder holds some of its tables but not all."""
    folders = year_folders(data_dir)
    # a folder with files in it but not all of a year's tables (an empty folder is nothing)
    incomplete = {paths.year_dir(y, data_dir): missing for y, missing in folders.items()
                  if missing and any(paths.year_dir(y, data_dir).iterdir())}
    if incomplete:
        raise IncompleteYearError(incomplete)
    return [y for y, missing in folders.items() if not missing]


def draft_rows(year: int, data_dir=None) -> int:
    """Rows of ``year`` whose ``status`` is draft (activities and stated figures), read
    from the CSV files as they are."""
    n = 0
    for table in ("activities", "indicators"):
        path = schema.table_path(table, year, data_dir)
        if path.is_file():
            n += int((read_text_table(path)["status"].str.strip() == "draft").sum())
    return n


def default_year(data_dir=None, years=None) -> int:
    """The latest year whose data hold no draft row (the edition the front page shows),
    or the latest year with data when every year still has drafts."""
    years = available_years(data_dir) if years is None else list(years)
    if not years:
        raise YearNotFoundError(f"no year has data in {paths.data_dir(data_dir)}")
    reviewed = [y for y in years if not draft_rows(y, data_dir)]
    return (reviewed or years)[-1]


def resolve_year(year, data_dir=None, years=None) -> int:
    """``year`` as an int, the default year when it is None or empty; raises
    YearNotFoundError, listing the years available, when it has no data. ``years``
    (the years with data, when the caller has listed them) spares a listing."""
    years = available_years(data_dir) if years is None else list(years)
    if year is None or str(year).strip() in ("", "None", "latest"):
        return default_year(data_dir, years)
    try:
        y = int(str(year).strip())
    except ValueError:
        raise YearNotFoundError(
            f"year {year!r} is not a year; years available in {paths.data_dir(data_dir)}: "
            f"{', '.join(map(str, years)) or 'none'}") from None
    if y not in years:
        raise YearNotFoundError(
            f"no data for year {y} in {paths.data_dir(data_dir)}; years available: "
            f"{', '.join(map(str, years)) or 'none'}")
    return y
