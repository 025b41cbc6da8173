"""The editions as a series: whether an edition is a draft, its headline counts, and
the counts across the years.

An edition is a *draft* while any row of its activities or stated figures has
``status`` = draft. Every figure takes only the activities held in the report year
(``Edition.held``), and a year's figures are its headline
(:func:`hemiplan.analysis.headline.headline`), the same as its overview's."""
from __future__ import annotations

import pandas as pd

from hemiplan import language
from hemiplan.analysis import counting, participation, terms
from hemiplan.analysis.frames import countries_reached, dependency_labels
from hemiplan.analysis.headline import headline
from hemiplan.data import membership
from hemiplan.data.labels import qualifier_label
from hemiplan.data.years import draft_rows
from hemiplan.language import _, n_
from hemiplan.vocabulary import number

__all__ = ["draft_rows", "latest_reviewed", "status"]


def status(drafts: int) -> str:
    return "draft" if drafts else "reviewed"


def latest_reviewed(statuses: dict[int, str]) -> int | None:
    """The latest year whose edition is reviewed (no draft row), or None."""
    reviewed = [y for y, s in statuses.items() if s == "reviewed"]
    return max(reviewed) if reviewed else None


# --- across the years --------------------------------------------------------------------

def reviewed_editions(editions: dict) -> dict:
    """The editions (year → Edition) with no draft row, in year order."""
    return {y: e for y, e in sorted(editions.items()) if not e.drafts}


def by_year_and_dependency(editions: dict) -> pd.DataFrame:
    """Per year and dependency (work led jointly in a Joint row), activities held in the
    year: activities, events, participants (itemised figures and the stated totals that
    stand for un-itemised work, :func:`participation.by_dependency`: value and text
    with its qualifier) and their basis. Rows with no activity and no participants left out."""
    cols = ["year", "dependency", "activities", "events", "participants", "text", "basis"]
    rows = []
    for y, e in sorted(editions.items()):
        dep = participation.by_dependency(e.held, participation.totals_used(e.indicators, e.held))
        dep = dep[(dep["activities"] > 0) | dep["participants"].notna()]
        rows.append(dep.assign(year=y))
    rows = [r for r in rows if len(r)]
    if not rows:
        return pd.DataFrame(columns=cols)
    return pd.concat(rows, ignore_index=True)[cols]


def states_by_year(editions: dict) -> pd.DataFrame:
    """Member state × year: activities held in the year that reached the state (states
    that were members in none of the years left out; a state not a member in a year
    shows no count for it)."""
    cols = {}
    for y, e in sorted(editions.items()):
        reached = countries_reached(e.held)
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


def year_totals(editions: dict) -> pd.DataFrame:
    """Per year, its headline: activities, events and participants (qualified text)."""
    rows = []
    for y, e in sorted(editions.items()):
        h = headline(e)
        rows.append({"year": y, "activities": h.activities, "events": h.events, "participants": h.people.text or pd.NA})
    return pd.DataFrame(rows, columns=["year", "activities", "events", "participants"])


def change_text(totals: pd.DataFrame) -> str:
    """'from 144 activities in 2014 to 13 in 2033' for the first and last years."""
    first, last = totals.iloc[0], totals.iloc[-1]
    return _("from {first} activities held in {first_year} to {last} in {last_year}").format(
        first=number(int(first["activities"])), first_year=int(first["year"]), last=number(int(last["activities"])),
        last_year=int(last["year"]))


def intro_text(editions: dict, year: int, totals: pd.DataFrame) -> str:
    """The sentence that opens the series chapter."""
    if len(editions) < 2:
        return _("Only one edition can be compared so far, {year}: the comparisons appear here once two or more "
                 "reviewed editions exist. The figures of {year} alone follow.").format(year=year)
    draft = ("" if year in reviewed_editions(editions)
             else " " + _("The {year} edition is a draft: its figures may change.").format(year=year))
    return _("The {n} editions compared here ({years}) go {change}.").format(
        n=number(len(editions)), years=", ".join(map(str, editions)), change=change_text(totals)) + draft


def states_text(states: pd.DataFrame, year: int) -> str:
    """The sentence shown instead of the states figure when only one edition is compared."""
    n = int((states.sum(axis=1) > 0).sum()) if len(states) else 0
    return n_("Member states reached in {year}: {n} state.", "Member states reached in {year}: {n} states.", n).format(
        year=year, n=number(n))


def for_table(by_dep: pd.DataFrame, dependency_names: pd.DataFrame) -> pd.DataFrame:
    """:func:`by_year_and_dependency` as its table shows it: the year as text, the
    dependencies by their acronyms and the basis of each figure in the page's language."""
    short = dependency_labels(dependency_names)
    return by_dep.assign(year=by_dep["year"].astype(str), dependency=by_dep["dependency"].map(lambda d: short.get(d, d)),
                         basis=by_dep["basis"].map(counting.basis_label)).drop(columns="participants")


def totals_for_table(stated: pd.DataFrame) -> pd.DataFrame:
    """:func:`stated_totals` as its table shows it: the year as text; on a page of
    another language than English, the total, its unit and its qualifier in words of
    that language (the English page shows the ids as the data give them)."""
    out = stated.assign(year=stated["year"].astype(str))
    if language.current() == language.SOURCE:
        return out
    return out.assign(indicator=out["indicator"].map(terms.indicator_words), unit=out["unit"].map(terms.unit_words),
                      qualifier=out["qualifier"].map(qualifier_label))


def state_series(editions: dict, iso3: str) -> pd.DataFrame:
    """One member state across the editions: per year, the activities held in the year
    that named it and their events."""
    rows = []
    for y, e in sorted(editions.items()):
        reached = countries_reached(e.held).set_index("iso3")
        hit = iso3 in reached.index
        rows.append({"year": str(y), "activities": int(reached.at[iso3, "activities"]) if hit else 0,
                     "events": reached.at[iso3, "events"] if hit else pd.NA})
    return pd.DataFrame(rows, columns=["year", "activities", "events"])
