"""When an activity was held: the one rule that decides whether a row is an activity
of the report year. A row without ``held_year`` is the report's own year; a row held
in another year stays in the data (the report describes it) but is not an activity of
that year. Every page takes the year's activities from :class:`~hemiplan.data.Edition`
(``held`` and ``elsewhere``), which apply this rule once, at loading."""
from __future__ import annotations

import pandas as pd


def held_in_year(activities: pd.DataFrame, year: int) -> pd.Series:
    """True for rows held in ``year`` (a row without ``held_year`` is taken as the report's)."""
    held = activities["held_year"]
    return (held.isna() | (held == int(year))).astype(bool)


def split(activities: pd.DataFrame, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The rows held in ``year`` and those held in another year (by id), each re-indexed."""
    keep = held_in_year(activities, year)
    held = activities[keep].reset_index(drop=True)
    elsewhere = activities[~keep].sort_values("activity_id").reset_index(drop=True)
    return held, elsewhere
