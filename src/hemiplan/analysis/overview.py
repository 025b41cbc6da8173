"""The year at a glance."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import by_dependency, countries_reached, members_in_year, partner_summary, sections, title_case, with_context
from hemiplan.data import csvio, schema


def headline(ed) -> dict:
    """The year's headline figures."""
    acts = ed.activities
    reached = countries_reached(acts)
    members = members_in_year(ed.member_states, ed.year)
    return {
        "activities": len(acts),
        "events": int(acts["events"].sum()),
        "participants": int(acts["participants"].sum()) if acts["participants"].notna().any() else 0,
        "with_participants": int(acts["participants"].notna().sum()),
        "states_reached": int(reached["iso3"].isin(members["iso3"]).sum()),
        "members": len(members),
        "partners": len(set(x for c in acts["partners"] for x in csvio.split_list(c))),
        "stated_figures": len(ed.indicators),
    }


def by_section(ed) -> pd.DataFrame:
    """Activities per report section and dependency (sections in report order)."""
    ctx = with_context(ed.activities, ed.paragraphs)
    order = sections(ed.paragraphs)
    ctx["section_label"] = ctx["section"] + ". " + ctx["section_title"].map(title_case)
    table = ctx.pivot_table(index="section_label", columns="dependency", values="activity_id",
                            aggfunc="count", fill_value=0)
    labels = [f"{s}. {title_case(t)}" for s, t in zip(order["section"], order["section_title"])]
    table = table.reindex([lab for lab in labels if lab in table.index])
    return table.reindex(columns=[d for d in schema.dependencies() if d in table.columns])


def by_month(ed) -> pd.DataFrame:
    """Activities with a stated month, per month and dependency."""
    dated = ed.activities[ed.activities["month"].notna()]
    if dated.empty:
        return pd.DataFrame()
    t = dated.pivot_table(index="month", columns="dependency", values="activity_id", aggfunc="count", fill_value=0)
    return t.reindex(columns=[d for d in schema.dependencies() if d in t.columns])


def top_partners(ed, n: int = 10) -> pd.DataFrame:
    """Organisations named most often as partners or funders."""
    out = partner_summary(ed.activities, ed.organizations).head(n)
    return out[["organisation", "kind", "activities", "as_funder", "paragraphs"]].reset_index(drop=True)


def dependency_table(ed) -> pd.DataFrame:
    t = by_dependency(ed.activities)
    return t


def year_over_year(editions: dict) -> pd.DataFrame:
    """Headline figures for every year with data (empty with fewer than two years)."""
    if len(editions) < 2:
        return pd.DataFrame()
    rows = []
    for y, e in sorted(editions.items()):
        h = headline(e)
        rows.append({"year": y, **{k: h[k] for k in ("activities", "events", "participants", "states_reached", "partners")}})
    return pd.DataFrame(rows)
