"""The year at a glance."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import frames
from hemiplan.analysis.frames import countries_reached, partner_summary, with_context
from hemiplan.analysis.sections import report_sections
from hemiplan.data import csvio, membership, schema
from hemiplan.vocabulary import section_label


def headline(ed) -> dict:
    """The year's headline figures."""
    acts = ed.activities
    reached = countries_reached(acts)
    members = membership.members_in_year(ed.member_states, ed.year)
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
    order = report_sections(ed.paragraphs)
    ctx["section_label"] = [section_label(s, t) for s, t in zip(ctx["section"], ctx["section_title"])]
    table = ctx.pivot_table(index="section_label", columns="dependency", values="activity_id",
                            aggfunc="count", fill_value=0)
    labels = [section_label(s, t) for s, t in zip(order["section"], order["section_title"])]
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
    """Activities, events and stated participants per dependency (every dependency)."""
    return frames.by_dependency(ed.activities)


def year_over_year(editions: dict) -> pd.DataFrame:
    """Headline figures for every year with data (empty with fewer than two years)."""
    def row(e) -> dict:
        h = headline(e)
        return {k: h[k] for k in ("activities", "events", "participants", "states_reached", "partners")}

    return frames.year_over_year(editions, row, year_as_text=False)
