"""The editions as a series: whether an edition is a draft, its headline counts, and
the counts across the years.

An edition is a *draft* while any row of its activities or stated figures has
``status`` = draft. Headline counts take only the activities held in the report year
(``held_year`` = the year): a row the report mentions for another year is kept in the
data but is not an activity of that year."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis.frames import countries_reached
from hemiplan.data import membership
from hemiplan.data.years import draft_rows

__all__ = ["draft_rows", "headline", "held_in_year", "latest_reviewed", "status"]


def status(drafts: int) -> str:
    return "draft" if drafts else "reviewed"


def latest_reviewed(statuses: dict[int, str]) -> int | None:
    """The latest year whose edition is reviewed (no draft row), or None."""
    reviewed = [y for y, s in statuses.items() if s == "reviewed"]
    return max(reviewed) if reviewed else None


def held_in_year(activities: pd.DataFrame, year: int) -> pd.DataFrame:
    """The activities held in ``year`` (the others are mentioned by the report only)."""
    held = pd.to_numeric(activities["held_year"], errors="coerce")
    return activities[(held == int(year)).to_numpy()]


def headline(ed) -> dict:
    """Headline counts of an edition, activities held in its year only: activities,
    events, stated participants (with how many activities state them), member states
    reached (of the states that were members that year), stated figures."""
    acts = held_in_year(ed.activities, ed.year)
    members = membership.members_in_year(ed.member_states, ed.year)
    reached = countries_reached(acts)
    stated = acts["participants"].notna()
    return {
        "activities": len(acts),
        "mentioned_other_years": len(ed.activities) - len(acts),
        "events": int(acts["events"].sum(min_count=1)) if acts["events"].notna().any() else 0,
        "participants": int(acts.loc[stated, "participants"].sum()) if stated.any() else 0,
        "with_participants": int(stated.sum()),
        "states_reached": int(reached["iso3"].isin(members["iso3"]).sum()),
        "members": len(members),
        "stated_figures": len(ed.indicators),
    }


# --- across the years --------------------------------------------------------------------

def reviewed_editions(editions: dict) -> dict:
    """The editions (year → Edition) with no draft row, in year order."""
    return {y: e for y, e in sorted(editions.items())
            if not ((e.activities["status"] == "draft").any() or (e.indicators["status"] == "draft").any())}


def by_year_and_dependency(editions: dict) -> pd.DataFrame:
    """Per year and dependency, activities held in the year: activities, events, stated
    participants and the basis of the participant figure (how many activities state
    it, count it from a list, or infer it). Every dependency of a year's data listed."""
    rows = []
    for y, e in sorted(editions.items()):
        acts = held_in_year(e.activities, y)
        for dep, g in acts.groupby("dependency", sort=True):
            basis = g.loc[g["participants"].notna(), "participants_basis"].value_counts()
            rows.append({"year": y, "dependency": dep, "activities": len(g),
                         "events": int(g["events"].sum(min_count=1)) if g["events"].notna().any() else 0,
                         "participants": int(g["participants"].sum()) if g["participants"].notna().any() else pd.NA,
                         "with_participants": int(g["participants"].notna().sum()),
                         "basis": _basis_text(basis)})
    return pd.DataFrame(rows, columns=["year", "dependency", "activities", "events", "participants",
                                       "with_participants", "basis"])


def _basis_text(basis: pd.Series) -> str:
    """'3 stated, 1 counted': how the participant figures of a group were obtained."""
    return ", ".join(f"{int(n)} {b}" for b, n in basis.sort_index().items()) or "none stated"


def states_by_year(editions: dict) -> pd.DataFrame:
    """Member state × year: activities held in the year that reached the state (states
    that were members in none of the years left out; a state not a member in a year
    shows no count for it)."""
    cols = {}
    for y, e in sorted(editions.items()):
        reached = countries_reached(held_in_year(e.activities, y))
        members = membership.member_codes(e.member_states, y)
        cols[y] = reached[reached["iso3"].isin(members)].set_index("iso3")["activities"]
    matrix = pd.DataFrame(cols).fillna(0).astype(int)
    return matrix.sort_index()


def stated_totals(editions: dict) -> pd.DataFrame:
    """Every stated total (indicators named total_…) of every year, with its unit and
    qualifier and its paragraph, one row each."""
    frames = []
    for y, e in sorted(editions.items()):
        t = e.indicators[e.indicators["indicator"].str.startswith("total_")]
        frames.append(t.assign(year=y)[["year", "indicator", "value", "unit", "qualifier", "paragraph_id"]])
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=["year", "indicator", "value", "unit", "qualifier", "paragraph_id"])
    return pd.concat(frames, ignore_index=True)


def series_editions(editions: dict, year: int) -> dict:
    """The editions a chapter of ``year`` compares: the reviewed ones up to ``year``,
    and ``year``'s own edition whatever its status (its pages say when it is a draft)."""
    kept = reviewed_editions({y: e for y, e in editions.items() if y <= year})
    if year in editions:
        kept[year] = editions[year]
    return dict(sorted(kept.items()))


def activities_matrix(by_dep: pd.DataFrame) -> pd.DataFrame:
    """Year (as text, rows) × dependency (columns): activities held in the year."""
    if by_dep.empty:
        return pd.DataFrame()
    m = by_dep.pivot_table(index="year", columns="dependency", values="activities", aggfunc="sum", fill_value=0)
    m.index = [str(y) for y in m.index]
    return m


def year_totals(by_dep: pd.DataFrame) -> pd.DataFrame:
    """Per year: activities, events, stated participants and how many activities state them."""
    if by_dep.empty:
        return pd.DataFrame(columns=["year", "activities", "events", "participants", "with_participants"])
    g = by_dep.groupby("year", sort=True)
    out = pd.DataFrame({"activities": g["activities"].sum(), "events": g["events"].sum(),
                        "participants": g["participants"].sum(min_count=1).astype("Int64"),
                        "with_participants": g["with_participants"].sum()}).reset_index()
    return out


def change_text(totals: pd.DataFrame) -> str:
    """'from 144 activities in 2014 to 13 in 2033' for the first and last years."""
    first, last = totals.iloc[0], totals.iloc[-1]
    return (f"from {int(first['activities']):,} activities held in {int(first['year'])} "
            f"to {int(last['activities']):,} in {int(last['year'])}")


def state_series(editions: dict, iso3: str) -> pd.DataFrame:
    """One member state across the editions: per year, the activities held in the year
    that named it and their events."""
    rows = []
    for y, e in sorted(editions.items()):
        reached = countries_reached(held_in_year(e.activities, y)).set_index("iso3")
        hit = iso3 in reached.index
        rows.append({"year": str(y), "activities": int(reached.at[iso3, "activities"]) if hit else 0,
                     "events": reached.at[iso3, "events"] if hit else pd.NA})
    return pd.DataFrame(rows, columns=["year", "activities", "events"])
