"""Which years have data: the folders of ``data/`` holding a year's tables."""
from __future__ import annotations

from hemiplan import paths
from hemiplan.data import schema
from hemiplan.data.csvio import read_text_table


class YearNotFoundError(LookupError):
    """No data folder for the requested year."""


def available_years(data_dir=None) -> list[int]:
    """Years with a complete data folder (paragraphs, activities and indicators)."""
    root = paths.data_dir(data_dir)
    years = []
    if root.is_dir():
        for p in root.iterdir():
            if p.is_dir() and p.name.isdigit() and all((p / f"{t}.csv").is_file() for t in schema.YEAR_TABLES):
                years.append(int(p.name))
    return sorted(years)


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
