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

Pure functions on the edition's frames. Which rows are the year's activities is decided
once, at loading (:mod:`hemiplan.data.held`): an edition's ``held`` frame holds them,
its ``elsewhere`` frame the others."""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

# Who led (the Joint rule) is defined in frames, which every table that groups by dependency
# uses; it is named here too because it is one of the counting rules chapters refer to.
from hemiplan.analysis.frames import JOINT, dependency_order, lead, lead_label  # noqa: F401
from hemiplan.analysis.frames import dependency_labels, explode_list, rows_in_order, secretariat_orgs
from hemiplan.data import csvio, names
from hemiplan.data.labels import bound, quantity
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import join_words, month_name, number

#: How a participant figure is known.
ITEMISED, STATED_TOTAL, BOTH = "itemised", "stated total", "itemised and stated totals"


def basis_label(basis) -> str:
    """How a participant figure is known (:data:`ITEMISED`, :data:`STATED_TOTAL`,
    :data:`BOTH`), in the page's language; '' or missing stays as it is."""
    if not isinstance(basis, str) or not basis:
        return basis
    return {ITEMISED: p_("participant basis", "itemised"), STATED_TOTAL: p_("participant basis", "stated total"),
            BOTH: p_("participant basis", "itemised and stated totals")}.get(basis, basis)


# --- the year's activities held elsewhere ------------------------------------------------

def when_held(row) -> str:
    """'June 2013', '2011', '2012–2014', 'March–April 2014'."""
    year = "" if pd.isna(row.held_year) else str(int(row.held_year))
    if not pd.isna(row.held_since):
        year = f"{int(row.held_since)}–{year}"
    month = month_name(row.month)
    if month and not pd.isna(row.month_end):
        month = f"{month}–{month_name(row.month_end)}"
    if not month or not year:
        return f"{month} {year}".strip()
    return _("{month} {year}").format(month=month, year=year)


def elsewhere_table(ed, paragraph_ids=None, state: str | None = None) -> pd.DataFrame:
    """'Reported this year, held in another year': title, when held, lead dependency
    (and joint partners), participants with their qualifier, source paragraph and row
    id (a table links each row to its quote); only
    rows of ``paragraph_ids``, or naming ``state`` (as host or among ``countries``),
    when given. Empty when there are none."""
    rows = ed.elsewhere
    if paragraph_ids is not None:
        rows = rows[rows["paragraph_id"].isin(set(paragraph_ids))]
    if state is not None:
        named = (rows["host"] + ";" + rows["countries"]).map(csvio.split_list)
        rows = rows[named.map(lambda codes: state in codes).astype(bool)]
    return pd.DataFrame({
        "title": names.titles(rows, ed.translations, source=ed.language) if len(rows) else rows["title"],
        "held": [when_held(r) for r in rows.itertuples(index=False)],
        "dependency": lead_label(rows, detailed=True, acronyms=dependency_labels(ed.dependency_names)),
        "participants": participants_text(rows),
        "paragraph_id": rows["paragraph_id"],
        "activity_id": rows["activity_id"],
    }).reset_index(drop=True)


def elsewhere_intro(n: int, year: int) -> str:
    """The sentence above :func:`elsewhere_table`."""
    return n_("The {year} report also describes {n} activity held in another year: an event recalled as background, "
              "the previous edition of a series, or one still to come. It is kept in the data, because the report "
              "describes it, but not counted among the work of {year}: not in the totals, the maps or the "
              "member-state profiles.",
              "The {year} report also describes {n} activities held in another year: an event recalled as background, "
              "the previous edition of a series, or one still to come. They are kept in the data, because the report "
              "describes them, but not counted among the work of {year}: not in the totals, the maps or the "
              "member-state profiles.", n).format(year=year, n=number(n))


class Headers(Mapping):
    """Reader-facing headers of a table, written in the page's language each time they
    are read (a chapter passes the mapping as it is: ``headers=counting.ELSEWHERE_HEADERS``)."""

    def __init__(self, make):
        self._make = make

    def __getitem__(self, key):
        return self._make()[key]

    def __iter__(self):
        return iter(self._make())

    def __len__(self):
        return len(self._make())


def elsewhere_headers() -> dict[str, str]:
    """Reader-facing headers of :func:`elsewhere_table`."""
    return {"title": p_("table header", "Activity"), "held": p_("table header", "When held"),
            "dependency": p_("table header", "Dependency"),
            "participants": p_("table header", "Participants (stated)"), "paragraph_id": p_("table header", "Source")}


#: Reader-facing headers of :func:`elsewhere_table` (in the page's language).
ELSEWHERE_HEADERS = Headers(elsewhere_headers)


def collaboration(activities: pd.DataFrame, organizations: pd.DataFrame,
                  dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Collaboration between the Secretariat's dependencies: per lead, other dependency
    and how (led jointly, from ``joint_with``; named as partner or funder, when a
    partner or funder is one of the dependencies): activities and source paragraphs.
    The dependencies are named by their acronyms in the page's language when
    ``dependency_names`` is given (their codes otherwise)."""
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
    out = g.agg(how=("how", lambda s: join_words(how_words(h) for h in sorted(set(s)))),
                activities=("activity_id", "nunique"),
                paragraphs=("paragraph_id", lambda s: ";".join(sorted(set(s))))).reset_index()
    out["activity_id"] = g[["paragraph_id", "activity_id"]].apply(rows_in_order).to_numpy()
    out = out.sort_values(["activities", "dependency", "with"], ascending=[False, True, True])[cols].reset_index(drop=True)
    if dependency_names is not None:
        short = dependency_labels(dependency_names)
        out["dependency"], out["with"] = out["dependency"].map(lambda d: short.get(d, d)), out["with"].map(
            lambda d: short.get(d, d))
    return out


def how_words(how: str) -> str:
    """How two dependencies worked together, in the page's language."""
    return {"led jointly": p_("collaboration", "led jointly"),
            "named as partner": p_("collaboration", "named as partner"),
            "named as funder": p_("collaboration", "named as funder")}.get(how, how)


def collaboration_headers() -> dict[str, str]:
    """Reader-facing headers of :func:`collaboration`."""
    return {"dependency": p_("table header", "Dependency"), "with": p_("table header", "With"),
            "how": p_("table header", "How"), "activities": p_("table header", "Activities"),
            "paragraphs": p_("table header", "Source")}


#: Reader-facing headers of :func:`collaboration` (in the page's language).
COLLABORATION_HEADERS = Headers(collaboration_headers)


# --- qualified figures ------------------------------------------------------------------

def sum_qualifier(qualifiers) -> str:
    """The qualifier a sum of qualified figures supports (what each qualifier is comes
    from the schema, :func:`hemiplan.data.labels.bound`): exact when every part is;
    approximate when any part is an estimate, or when floors and ceilings are mixed;
    a floor ('more than', else 'at least') only when every part is exact or a floor;
    'up to' only when every part is exact or a ceiling."""
    present = {str(q) for q in qualifiers if isinstance(q, str) and q and q != "exact"}
    bounds = {bound(q) for q in present}
    if not bounds:
        return "exact"
    if bounds == {"lower"}:
        return "more_than" if "more_than" in present else "at_least"
    if bounds == {"upper"}:
        return "up_to"
    return "approx"


def participants_text(activities: pd.DataFrame) -> pd.Series:
    """Each row's stated participants with their qualifier ('more than 170'), marked
    '(inferred)' when the reviewer inferred them; missing when none are stated."""
    def text(n, qual, basis):
        if pd.isna(n):
            return pd.NA
        shown = quantity(n, qual if isinstance(qual, str) else None)
        return _("{n} (inferred)").format(n=shown) if basis == "inferred" else shown
    return pd.Series([text(n, q, b) for n, q, b in zip(activities["participants"], activities["participants_qualifier"],
                                                       activities["participants_basis"])],
                     index=activities.index, dtype=object)


def events_text(activities: pd.DataFrame) -> pd.Series:
    """Each row's events, '7 (inferred)' where the reviewer inferred them."""
    return pd.Series([pd.NA if pd.isna(n) else (_("{n} (inferred)").format(n=number(n)) if b == "inferred" else number(n))
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
    each = join_words(f"{r[label]} {number(r['inferred_events'])}" for _i, r in rows.iterrows())
    total = int(rows["inferred_events"].sum())
    return n_("Of these events, the reviewer inferred {n} where the text gives no number: {each}.",
              "Of these events, the reviewer inferred {n} where the text gives no number: {each}.",
              total).format(n=number(total), each=each)
