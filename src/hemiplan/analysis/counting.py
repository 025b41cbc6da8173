"""The counting rules every chapter shares, so that a number means what a reader thinks:

- *the year's activities*: only rows held in the report year (``held_year``) count in
  totals, maps, profiles and "states reached"; rows the report describes but that were
  held in another year are listed apart (:func:`elsewhere_table`);
- *who led*: an activity with ``joint_with`` counts in a "Joint" row, never as the lead's;
- *participants*: itemised figures, plus every stated participant total whose covered
  activities (held in the year) state no participants of their own — the total then
  stands for them; the result carries its qualifier ("more than 1,973") and its basis;
- *attribution*: people count for a state only where ``attendance`` is ``named`` and
  ``countries`` holds exactly that state;
- *inferred counts* are marked as such.

Pure functions on the edition's frames; :func:`of_year` gives an edition holding only
the year's activities (the others kept in its ``extra``)."""
from __future__ import annotations

import dataclasses

import pandas as pd

from hemiplan.analysis.frames import explode_list, rows_in_order, secretariat_orgs
from hemiplan.data import csvio, schema
from hemiplan.vocabulary import agree, join_words, month_name, number, quantity

#: Where :func:`of_year` keeps the rows held in another year.
HELD_ELSEWHERE = "held_elsewhere"
#: The row of dependency tables for work led by several dependencies.
JOINT = "Joint"
#: How a participant figure is known.
ITEMISED, STATED_TOTAL, BOTH = "itemised", "stated total", "itemised and stated totals"
#: Qualifiers of a sum, strongest first: a sum with a floor in it is a floor.
_SUM_QUALIFIERS = ("more_than", "at_least", "approx", "up_to")


# --- the year's activities --------------------------------------------------------------

def held_in_year(activities: pd.DataFrame, year: int) -> pd.Series:
    """True for rows held in ``year`` (a row without ``held_year`` is taken as the report's)."""
    held = activities["held_year"]
    return (held.isna() | (held == year)).astype(bool)


def of_year(ed):
    """A copy of the edition whose ``activities`` are those held in its year; the rows
    held in another year are kept in ``extra[HELD_ELSEWHERE]``. Idempotent."""
    keep = held_in_year(ed.activities, ed.year)
    extra = {**ed.extra, HELD_ELSEWHERE: held_elsewhere(ed)}
    return dataclasses.replace(ed, activities=ed.activities[keep].reset_index(drop=True), extra=extra)


def held_elsewhere(ed) -> pd.DataFrame:
    """The rows the report describes that were held in another year (all of them,
    whether or not ``ed`` went through :func:`of_year`), by id."""
    before = getattr(ed, "extra", {}).get(HELD_ELSEWHERE, ed.activities.iloc[0:0])
    rows = pd.concat([before, ed.activities[~held_in_year(ed.activities, ed.year)]], ignore_index=True)
    return rows.drop_duplicates("activity_id").sort_values("activity_id").reset_index(drop=True)


def when_held(row) -> str:
    """'June 2013', '2011', '2012–2014', 'March–April 2014'."""
    year = "" if pd.isna(row.held_year) else str(int(row.held_year))
    if not pd.isna(row.held_since):
        year = f"{int(row.held_since)}–{year}"
    month = month_name(row.month)
    if month and not pd.isna(row.month_end):
        month = f"{month}–{month_name(row.month_end)}"
    return f"{month} {year}".strip()


def elsewhere_table(ed, paragraph_ids=None, state: str | None = None) -> pd.DataFrame:
    """'Reported this year, held in another year': title, when held, lead dependency
    (and joint partners), participants with their qualifier, source paragraph and row
    id (a table links each row to its quote); only
    rows of ``paragraph_ids``, or naming ``state`` (as host or among ``countries``),
    when given. Empty when there are none."""
    rows = held_elsewhere(ed)
    if paragraph_ids is not None:
        rows = rows[rows["paragraph_id"].isin(set(paragraph_ids))]
    if state is not None:
        names = (rows["host"] + ";" + rows["countries"]).map(csvio.split_list)
        rows = rows[names.map(lambda codes: state in codes).astype(bool)]
    return pd.DataFrame({
        "title": rows["title"],
        "held": [when_held(r) for r in rows.itertuples(index=False)],
        "dependency": lead_label(rows, detailed=True),
        "participants": participants_text(rows),
        "paragraph_id": rows["paragraph_id"],
        "activity_id": rows["activity_id"],
    }).reset_index(drop=True)


def elsewhere_intro(n: int, year: int) -> str:
    """The sentence above :func:`elsewhere_table`."""
    rows = "activity" if n == 1 else "activities"
    return (f"The {year} report also describes {n:,} {rows} held in another year: an event recalled as background, "
            f"the previous edition of a series, or one still to come. {'It is' if n == 1 else 'They are'} kept in the "
            f"data, because the report describes {agree(n, 'it', 'them')}, but not counted among the work of {year}: "
            "not in the totals, the maps or the member-state profiles.")


#: Reader-facing headers of :func:`elsewhere_table`.
ELSEWHERE_HEADERS = {"title": "Activity", "held": "When held", "dependency": "Dependency",
                     "participants": "Participants (stated)", "paragraph_id": "Source"}


# --- who led ------------------------------------------------------------------------------

def lead(activities: pd.DataFrame) -> pd.Series:
    """The dependency an activity counts for: its lead, or ``JOINT`` when it names
    other dependencies in ``joint_with``."""
    joint = activities["joint_with"].fillna("").astype(str) != ""
    return activities["dependency"].where(~joint, JOINT)


def lead_label(activities: pd.DataFrame, detailed: bool = False) -> pd.Series:
    """'CICAD', or for joint work 'Joint (CICAD, CICTE)' (or 'CICAD with CICTE' when ``detailed``)."""
    def label(dep, joint):
        others = csvio.split_list(joint)
        if not others:
            return dep
        return f"{dep} with {join_words(others)}" if detailed else f"{JOINT} ({', '.join([dep, *others])})"
    return pd.Series([label(d, j) for d, j in zip(activities["dependency"], activities["joint_with"].fillna(""))],
                     index=activities.index, dtype=object)


def collaboration(activities: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """Collaboration between the Secretariat's dependencies: per lead, other dependency
    and how (led jointly, from ``joint_with``; named as partner or funder, when a
    partner or funder is one of the dependencies): activities and source paragraphs."""
    cols = ["dependency", "with", "how", "activities", "paragraphs", "activity_id"]
    own = secretariat_orgs(organizations)
    parts = [explode_list(activities, "joint_with", "with").assign(how="led jointly")]
    for column, role in (("partners", "named as partner"), ("funders", "named as funder")):
        ex = explode_list(activities, column, "org")
        ex = ex[ex["org"].isin(own)]
        parts.append(ex.assign(**{"with": ex["org"].map(own), "how": role}))
    rows = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else None
    if rows is None:
        return pd.DataFrame(columns=cols)
    rows = rows[rows["with"] != rows["dependency"]]
    g = rows.groupby(["dependency", "with"])
    out = g.agg(how=("how", lambda s: join_words(sorted(set(s)))), activities=("activity_id", "nunique"),
                paragraphs=("paragraph_id", lambda s: ";".join(sorted(set(s))))).reset_index()
    out["activity_id"] = g[["paragraph_id", "activity_id"]].apply(rows_in_order).to_numpy()
    return out.sort_values(["activities", "dependency", "with"], ascending=[False, True, True])[cols].reset_index(drop=True)


#: Reader-facing headers of :func:`collaboration`.
COLLABORATION_HEADERS = {"dependency": "Dependency", "with": "With", "how": "How",
                         "activities": "Activities", "paragraphs": "Source"}


def dependency_order() -> list[str]:
    """Rows of a dependency table: the dependencies in the book's order, then ``JOINT``."""
    return [*schema.dependencies(), JOINT]


# --- qualified figures ------------------------------------------------------------------

def sum_qualifier(qualifiers) -> str:
    """The qualifier of a sum of qualified figures: a floor ('more than') if any part
    is one, else 'at least', 'approx', 'up to', else exact."""
    present = {str(q) for q in qualifiers if isinstance(q, str) and q}
    return next((q for q in _SUM_QUALIFIERS if q in present), "exact")


def participants_text(activities: pd.DataFrame) -> pd.Series:
    """Each row's stated participants with their qualifier ('more than 170'), marked
    '(inferred)' when the reviewer inferred them; missing when none are stated."""
    def text(n, qual, basis):
        if pd.isna(n):
            return pd.NA
        shown = quantity(n, qual if isinstance(qual, str) else None)
        return f"{shown} (inferred)" if basis == "inferred" else shown
    return pd.Series([text(n, q, b) for n, q, b in zip(activities["participants"], activities["participants_qualifier"],
                                                       activities["participants_basis"])],
                     index=activities.index, dtype=object)


def events_text(activities: pd.DataFrame) -> pd.Series:
    """Each row's events, '7 (inferred)' where the reviewer inferred them."""
    return pd.Series([pd.NA if pd.isna(n) else (f"{number(n)} (inferred)" if b == "inferred" else number(n))
                      for n, b in zip(activities["events"], activities["events_basis"])],
                     index=activities.index, dtype=object)


def inferred_events(activities: pd.DataFrame) -> int:
    """Events of the rows whose count the reviewer inferred."""
    return int(activities.loc[activities["events_basis"] == "inferred", "events"].sum())


def inferred_note(table: pd.DataFrame, label: str) -> str:
    """'' or a sentence on the events the reviewer inferred, per row of a table with
    an ``inferred_events`` column (``label`` its first column), for a table too wide
    for a column of its own: "Of these events, the reviewer inferred 15 where the
    text gives no number: Course 14 and Meeting 1." """
    rows = table[table["inferred_events"] > 0] if len(table) else table
    if rows.empty:
        return ""
    each = join_words(f"{r[label]} {number(r['inferred_events'])}" for _, r in rows.iterrows())
    return (f"Of these events, the reviewer inferred {number(rows['inferred_events'].sum())} where the text gives "
            f"no number: {each}.")
