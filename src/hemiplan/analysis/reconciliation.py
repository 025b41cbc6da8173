"""Reconciliation of the totals a report states against the figures it itemises.

A stated total is an indicator whose name starts with ``total_`` ("24 courses …
804 participants"). Its ``covers`` column lists the activities it sums; the
reconciliation adds up the matching figure of those activities (participants for a
total of participants, events for a total of events) and shows the difference. When
``covers`` is empty, the items are the other figures stated in the same paragraph
in the same unit (e.g. a total of people trained followed by one figure per
country). Nothing is forced to agree: a difference is data about the report.

The functions work on the whole report; pass ``section`` (a roman numeral) with
the paragraphs table to keep the totals stated in one section.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from hemiplan import language
from hemiplan.analysis import frames, sections, terms
from hemiplan.analysis.frames import TOTAL_PREFIX, is_total
from hemiplan.data import csvio
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import number

#: Activity figures a stated total can be compared with. The unit decides first
#: (keywords, e.g. a unit "officers" counts participants); when the unit names none,
#: a word of the indicator's name does (``total_participants``, ``total_events``),
#: so that ``total_participating_states`` is not mistaken for participants.
#: ``activities`` counts the covered rows themselves.
MEASURE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "participants": ("particip", "trainee", "officer", "official", "people", "person", "attendee"),
    "events": ("event", "course", "seminar", "workshop", "session"),
    "activities": ("activit",),
}
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "participants": ("participant", "participants", "trainee", "trainees", "trained", "people", "persons",
                     "officers", "officials", "attendees"),
    "events": ("event", "events", "course", "courses", "seminar", "seminars", "workshop", "workshops",
               "session", "sessions", "trainings"),
    "activities": ("activity", "activities"),
}

STATUS_AGREES = "agrees"
STATUS_STATED_HIGHER = "stated total higher"
STATUS_ITEMS_HIGHER = "items add up to more"
STATUS_NO_FIGURES = "items give no figure"
STATUS_NO_ITEMS = "no items linked"

BASIS_COVERS = "activities listed in covers"
BASIS_COMPONENTS = "figures in the same paragraph"
BASIS_NONE = "none"

COLUMNS = ["indicator_id", "paragraph_id", "indicator", "what", "unit", "measure", "stated", "basis",
           "items", "items_sum", "difference", "items_missing", "items_not_exact", "item_ids", "status"]


def measure_of(indicator: str, unit: str = "") -> str | None:
    """The activity figure a stated total counts: 'participants', 'events',
    'activities', or None when activities carry no comparable figure (munitions,
    states, …). The unit decides first, then the words of the name."""
    unit = str(unit or "").lower()
    for measure, keywords in MEASURE_KEYWORDS.items():
        if any(k in unit for k in keywords):
            return measure
    name = str(indicator).lower()
    name = name[len(TOTAL_PREFIX):] if name.startswith(TOTAL_PREFIX) else name
    words = set(name.split("_"))
    for measure, ws in MEASURE_WORDS.items():
        if words & set(ws):
            return measure
    return None


def what_label(indicator: str) -> str:
    """Reader-facing name of what a total counts: ``total_participants`` → 'participants'."""
    name = str(indicator)
    name = name[len(TOTAL_PREFIX):] if is_total(name) else name
    return name.replace("_", " ").strip() or name


def stated_totals(indicators: pd.DataFrame, paragraphs: pd.DataFrame | None = None,
                  section: str | None = None) -> pd.DataFrame:
    """The indicators that are stated totals, optionally only those of one section."""
    out = indicators[indicators["indicator"].map(is_total)]
    if section is not None:
        if paragraphs is None:
            raise ValueError("filtering by section needs the paragraphs table")
        ids = set(paragraphs.loc[paragraphs["section"] == section, "paragraph_id"])
        out = out[out["paragraph_id"].isin(ids)]
    return out.copy()


def _activity_items(total, activities: pd.DataFrame, measure: str | None):
    ids = csvio.split_list(total.get("covers", ""))
    items = activities[activities["activity_id"].isin(ids)]
    n = len(ids)
    if measure is None:
        return n, pd.NA, 0, 0, ids
    if measure == "activities":
        return n, n, 0, 0, ids
    values = items[measure]
    missing = int(values.isna().sum()) + (n - len(items))
    not_exact = 0
    if measure == "participants" and "participants_qualifier" in items.columns:
        q = items.loc[values.notna(), "participants_qualifier"].fillna("")
        not_exact = int(q.isin(["approx", "more_than"]).sum())
    total_sum = values.sum(min_count=1)
    return n, (pd.NA if pd.isna(total_sum) else int(total_sum)), missing, not_exact, ids


def _component_items(total, indicators: pd.DataFrame):
    same = indicators[(indicators["paragraph_id"] == total["paragraph_id"])
                      & (indicators["indicator_id"] != total["indicator_id"])
                      & (~indicators["indicator"].map(is_total))
                      & (indicators["unit"] == total["unit"])]
    if same.empty:
        return 0, pd.NA, 0, 0, []
    values = same["value"]
    s = values.sum(min_count=1)
    return len(same), (pd.NA if pd.isna(s) else float(s)), int(values.isna().sum()), 0, sorted(same["indicator_id"])


def _status(items: int, items_sum, difference) -> str:
    if items == 0:
        return STATUS_NO_ITEMS
    if pd.isna(items_sum):
        return STATUS_NO_FIGURES
    if difference == 0:
        return STATUS_AGREES
    return STATUS_STATED_HIGHER if difference > 0 else STATUS_ITEMS_HIGHER


def reconcile(indicators: pd.DataFrame, activities: pd.DataFrame, paragraphs: pd.DataFrame | None = None,
              section: str | None = None) -> pd.DataFrame:
    """One row per stated total: what it counts, the stated value, the items it is
    compared with (``basis``: the activities in ``covers``, else the figures of the
    same paragraph in the same unit), their number and sum, the difference (stated
    minus items), how many items lack the figure, how many item figures are
    approximate or floors, and a ``status``. Sorted in report order, then by id."""
    totals = stated_totals(indicators, paragraphs, section)
    rows = []
    for total in totals.to_dict("records"):
        measure = measure_of(total["indicator"], total["unit"])
        covers = csvio.split_list(total.get("covers", ""))
        basis = BASIS_NONE
        items, items_sum, missing, not_exact, ids = 0, pd.NA, 0, 0, []
        if covers and measure is not None:
            basis = BASIS_COVERS
            items, items_sum, missing, not_exact, ids = _activity_items(total, activities, measure)
        else:
            comp = _component_items(total, indicators)
            if comp[0]:
                basis = BASIS_COMPONENTS
                items, items_sum, missing, not_exact, ids = comp
            elif covers:
                basis = BASIS_COVERS
                items, items_sum, missing, not_exact, ids = _activity_items(total, activities, None)
        stated = float(total["value"])
        difference = pd.NA if pd.isna(items_sum) else stated - float(items_sum)
        rows.append({
            "indicator_id": total["indicator_id"], "paragraph_id": total["paragraph_id"],
            "indicator": total["indicator"], "what": what_label(total["indicator"]), "unit": total["unit"],
            "measure": measure or "", "stated": stated, "basis": basis, "items": items,
            "items_sum": items_sum if pd.isna(items_sum) else float(items_sum),
            "difference": difference, "items_missing": missing, "items_not_exact": not_exact,
            "item_ids": csvio.join_list(ids), "status": _status(items, items_sum, difference),
        })
    out = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("stated", "items_sum", "difference"):
        out[col] = pd.array(out[col].tolist(), dtype="Float64") if len(out) else pd.Series(dtype="Float64")
    for col in ("items", "items_missing", "items_not_exact"):
        out[col] = out[col].astype("int64")
    return sections.report_order(out, "indicator_id") if len(out) else out.reset_index(drop=True)


@dataclass(frozen=True)
class Summary:
    """Counts for prose from :func:`reconcile` (see :func:`summary`)."""
    totals: int  # stated totals
    comparable: int  # that can be set against itemised figures
    agree: int
    differ: int
    stated_higher: int
    items_higher: int
    not_comparable: int
    no_items: int  # totals with no item linked
    abs_difference: float  # sum of the absolute differences
    largest_what: str | None  # the largest absolute difference: what it counts, ...
    largest_difference: float | None
    largest_stated: float | None
    largest_paragraph: str | None
    with_missing: int  # comparisons including items without the figure
    differ_with_missing: int
    missing_items: int
    differ_missing_items: int
    with_not_exact: int  # comparisons including approximate item figures
    stated_higher_complete: int  # a stated total above complete items: only what is not itemised explains it


def summary(recon: pd.DataFrame) -> Summary:
    """Counts for prose: totals, how many could be compared, agree or differ (and in
    which direction), the largest absolute difference, and how many comparisons
    include items without the figure or with approximate figures."""
    comparable = recon[recon["items_sum"].notna()]
    differ = comparable[comparable["difference"] != 0]
    largest = None
    if len(differ):
        d = differ.assign(_abs=differ["difference"].abs()).sort_values(["_abs", "indicator_id"],
                                                                         ascending=[False, True])
        largest = d.iloc[0]
    return Summary(
        totals=len(recon),
        comparable=len(comparable),
        agree=int((comparable["difference"] == 0).sum()),
        differ=len(differ),
        stated_higher=int((differ["difference"] > 0).sum()),
        items_higher=int((differ["difference"] < 0).sum()),
        not_comparable=len(recon) - len(comparable),
        no_items=int((recon["status"] == STATUS_NO_ITEMS).sum()),
        abs_difference=float(differ["difference"].abs().sum()) if len(differ) else 0.0,
        largest_what=None if largest is None else largest["what"],
        largest_difference=None if largest is None else float(largest["difference"]),
        largest_stated=None if largest is None else float(largest["stated"]),
        largest_paragraph=None if largest is None else largest["paragraph_id"],
        with_missing=int((comparable["items_missing"] > 0).sum()),
        differ_with_missing=int((differ["items_missing"] > 0).sum()),
        missing_items=int(recon["items_missing"].sum()),
        differ_missing_items=int(differ["items_missing"].sum()),
        with_not_exact=int((comparable["items_not_exact"] > 0).sum()),
        stated_higher_complete=int(((differ["difference"] > 0) & (differ["items_missing"] == 0)).sum()),
    )


def display_table(recon: pd.DataFrame, paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reconciliation as shown to readers: where the total stands (section and
    subsection, when ``paragraphs`` is given), what is counted, stated total, items
    linked, sum of items, difference, items lacking the figure, reading, source."""
    out = recon.copy()
    out["status"] = out["status"].map(status_label)
    if language.current() != language.SOURCE:  # what the total counts, as the page names its figure
        out["what"] = out["indicator"].map(terms.indicator_words)
    cols = ["what", "stated", "items", "items_sum", "difference", "items_missing", "status", "paragraph_id"]
    if paragraphs is not None:
        out["part"] = frames.part_of(out["paragraph_id"], paragraphs)
        cols = ["part"] + cols
    return out[cols].reset_index(drop=True)


def status_label(status: str) -> str:
    """A status of :func:`reconcile` ('agrees', …) in the page's language."""
    return {STATUS_AGREES: p_("reconciliation status", "agrees"),
            STATUS_STATED_HIGHER: p_("reconciliation status", "stated total higher"),
            STATUS_ITEMS_HIGHER: p_("reconciliation status", "items add up to more"),
            STATUS_NO_FIGURES: p_("reconciliation status", "items give no figure"),
            STATUS_NO_ITEMS: p_("reconciliation status", "no items linked")}.get(status, status)


def display_headers() -> dict[str, str]:
    """The headers of :func:`display_table` in the page's language."""
    return {
        "part": _("Part of the report"), "what": _("What is counted"), "stated": _("Stated total"),
        "items": _("Items linked"), "items_sum": _("Sum of items"), "difference": _("Difference (stated − items)"),
        "items_missing": _("Items without the figure"), "status": p_("reconciliation", "Reading"),
        "paragraph_id": p_("table header", "Source"),
    }


class _Headers(Mapping):
    """The headers of :func:`display_table`, read in the page's language at the moment
    they are read (a chapter passes ``DISPLAY_HEADERS`` after choosing its language)."""

    def __getitem__(self, key: str) -> str:
        return display_headers()[key]

    def __iter__(self):
        return iter(display_headers())

    def __len__(self) -> int:
        return len(display_headers())


DISPLAY_HEADERS: Mapping[str, str] = _Headers()


def summary_text(rs: Summary, year: int) -> str:
    """The sentence above the reconciliation of the whole report, from :func:`summary`."""
    values = {"year": year, "comparable": number(rs.comparable), "agree": number(rs.agree),
              "differ": number(rs.differ), "abs": number(round(rs.abs_difference)),
              "not_comparable": number(rs.not_comparable)}
    text = n_("The {year} report states {totals}; {comparable} can be set against itemised figures, of which "
              "{agree} agree exactly and {differ} differ",
              "The {year} report states {totals}; {comparable} can be set against itemised figures, of which "
              "{agree} agree exactly and {differ} differ", rs.differ)
    values["totals"] = n_("{n} total", "{n} totals", rs.totals).format(n=number(rs.totals))
    if rs.differ:
        text += _(" (by {abs} in all, in absolute terms)")
    if rs.not_comparable:
        text += n_("; {not_comparable} total cannot be compared for want of itemised figures.",
                   "; {not_comparable} totals cannot be compared for want of itemised figures.", rs.not_comparable)
    else:
        text += "."
    return text.format(**values)
