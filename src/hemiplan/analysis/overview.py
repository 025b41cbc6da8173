"""The year at a glance."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import counting, frames, participation
from hemiplan.analysis.frames import countries_reached, partner_links, partner_summary, with_context
from hemiplan.analysis.sections import report_sections
from hemiplan.data import membership
from hemiplan.vocabulary import agree, leaders, month_name, number, plural, section_label


def headline(ed) -> dict:
    """The year's headline figures, counting only the activities held in the year:
    activities, events (and how many of them the reviewer inferred), participants
    (itemised and stated totals that stand for un-itemised work: ``people``, see
    :mod:`~hemiplan.analysis.participation`), member states reached (named in
    ``countries``), partners (the Secretariat's own dependencies excluded), stated
    figures, and the rows held in another year."""
    year = counting.of_year(ed)
    acts = year.activities
    reached = countries_reached(acts)
    members = membership.members_in_year(ed.member_states, ed.year)
    people = participation.combine(acts, participation.totals_used(ed.indicators, acts))
    return {
        "activities": len(acts),
        "events": int(acts["events"].sum()),
        "inferred_events": counting.inferred_events(acts),
        "participants": people["value"] or 0,
        "people": people,
        "with_participants": int(acts["participants"].notna().sum()),
        "states_reached": int(reached["iso3"].isin(members["iso3"]).sum()),
        "members": len(members),
        "partners": int(partner_links(acts, ed.organizations)["org_id"].nunique()),
        "stated_figures": len(ed.indicators),
        "held_elsewhere": len(year.extra[counting.HELD_ELSEWHERE]),
    }


def by_section(ed) -> pd.DataFrame:
    """Activities held in the year per report section and dependency (joint work as
    ``Joint``; sections in report order)."""
    ctx = with_context(counting.of_year(ed).activities, ed.paragraphs)
    ctx["dependency"] = counting.lead(ctx)
    order = report_sections(ed.paragraphs)
    ctx["section_label"] = [section_label(s, t) for s, t in zip(ctx["section"], ctx["section_title"])]
    table = ctx.pivot_table(index="section_label", columns="dependency", values="activity_id",
                            aggfunc="count", fill_value=0)
    labels = [section_label(s, t) for s, t in zip(order["section"], order["section_title"])]
    table = table.reindex([lab for lab in labels if lab in table.index])
    return table.reindex(columns=[d for d in counting.dependency_order() if d in table.columns])


def by_month(ed) -> pd.DataFrame:
    """Activities with a stated month, per month and dependency."""
    acts = counting.of_year(ed).activities
    dated = acts[acts["month"].notna()]
    if dated.empty:
        return pd.DataFrame()
    t = dated.assign(dependency=counting.lead(dated)).pivot_table(
        index="month", columns="dependency", values="activity_id", aggfunc="count", fill_value=0)
    return t.reindex(columns=[d for d in counting.dependency_order() if d in t.columns])


def top_partners(ed, n: int = 10) -> pd.DataFrame:
    """Organisations named most often as partners or funders."""
    out = partner_summary(counting.of_year(ed).activities, ed.organizations).head(n)
    return out[["organisation", "kind", "activities", "as_funder", "paragraphs"]].reset_index(drop=True)


def busiest_month(months: pd.DataFrame) -> str:
    """The busiest month of :func:`by_month`, ties named: 'October and November, 5
    activities each' ('' when no activity is dated)."""
    if months.empty:
        return ""
    per_month = months.sum(axis=1)
    return leaders({month_name(m): n for m, n in per_month.items()}, "activity", "activities")


def dependency_table(ed) -> pd.DataFrame:
    """Per dependency, then a Joint row for work led by several: activities, events
    (of which inferred), participants (qualified text), their basis and any note of
    double counting (see :func:`participation.by_dependency`)."""
    acts = counting.of_year(ed).activities
    return participation.by_dependency(acts, participation.totals_used(ed.indicators, acts))


def year_over_year(editions: dict) -> pd.DataFrame:
    """Headline figures for every year with data (empty with fewer than two years)."""
    def row(e) -> dict:
        h = headline(e)
        row = {k: h[k] for k in ("activities", "events", "participants", "states_reached", "partners")}
        return {**row, "participants": h["people"]["text"] or pd.NA}

    return frames.year_over_year(editions, row, year_as_text=False)


def headline_text(h: dict, year: int) -> str:
    """The headline paragraph (Markdown) from :func:`headline`: every figure with its
    qualifier and basis, inferred events and rows of other years said as such."""
    p = h["people"]
    inferred = (f" ({h['inferred_events']:,} of them inferred by the reviewer where the text gives no number)"
                if h["inferred_events"] else "")
    if p["basis"] == counting.BOTH:
        people = (f"Adding the participants it itemises ({h['with_participants']:,} activities state them, "
                  f"{number(p['itemised'])} people) to the {plural(len(p['totals']), 'stated total')} that "
                  f"{agree(len(p['totals']), 'stands', 'stand')} for activities it does not itemise gives "
                  f"**{p['text']} participants**")
    elif p["basis"]:
        people = (f"The participant figures it gives ({p['basis']}, for {h['with_participants']:,} "
                  f"{agree(h['with_participants'], 'activity', 'activities')}) add up to **{p['text']} participants**")
    else:
        people = "The report states no participant figure"
    double = participation.double_note(p)
    one = h["held_elsewhere"] == 1
    away = (f" The report also describes {plural(h['held_elsewhere'], 'activity', 'activities')} held in another "
            f"year; {'it is' if one else 'they are'} listed apart below and not counted here." if h["held_elsewhere"] else "")
    return (f"The {year} report describes **{plural(h['activities'], 'activity', 'activities')} held in {year}**, "
            f"amounting to **{plural(h['events'], 'event')}**{inferred}. {people}"
            + (f" ({double})" if double else "") + ". "
            f"The activities reached **{h['states_reached']} of the {h['members']} member states** (states whose "
            f"officials took part or that an activity served, not the places where events were held) and involved "
            f"{h['partners']:,} partner organisations outside the Secretariat; the report also states "
            f"{plural(h['stated_figures'], 'other figure')} (counts, ratifications, totals), which the chapters examine." + away)

