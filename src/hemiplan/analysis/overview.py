"""The year at a glance."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import counting, frames, participation
from hemiplan.analysis.headline import Headline, headline
from hemiplan.analysis.frames import partner_summary, with_context
from hemiplan.analysis.sections import report_sections
from hemiplan.vocabulary import agree, leaders, month_name, number, plural, section_label


def by_section(ed) -> pd.DataFrame:
    """Activities held in the year per report section and dependency (joint work as
    ``Joint``; sections in report order)."""
    ctx = with_context(ed.held, ed.paragraphs)
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
    acts = ed.held
    dated = acts[acts["month"].notna()]
    if dated.empty:
        return pd.DataFrame()
    t = dated.assign(dependency=counting.lead(dated)).pivot_table(
        index="month", columns="dependency", values="activity_id", aggfunc="count", fill_value=0)
    return t.reindex(columns=[d for d in counting.dependency_order() if d in t.columns])


def top_partners(ed, n: int = 10) -> pd.DataFrame:
    """Organisations named most often as partners or funders."""
    out = partner_summary(ed.held, ed.organizations).head(n)
    return out[["organisation", "kind", "activities", "as_funder", "paragraphs"]].reset_index(drop=True)


def not_reached_text(members: pd.DataFrame, reached: pd.DataFrame) -> str:
    """The sentence under the map: the member states no activity of the year reached."""
    missing = members[~members["iso3"].isin(reached["iso3"])]
    if missing.empty:
        return "Every member state is reached by at least one activity."
    return f"No activity is recorded for {plural(len(missing), 'member state')}: {', '.join(sorted(missing['name']))}."


def dated_text(activities: int, dated: int, busiest: str, year: int) -> str:
    """The sentence under the months figure."""
    return (f"Of the {plural(activities, 'activity', 'activities')} held in {year}, {dated:,} "
            f"{agree(dated, 'is', 'are')} dated to the month; the busiest month: {busiest}.")


def dependency_notes(table: pd.DataFrame) -> str:
    """The note under the dependency table: why a figure that adds totals covering the
    same activities is approximate ('' when none is)."""
    notes = sorted({d for d in table["double"] if isinstance(d, str) and d})
    return ("Note: " + "; ".join(n[:1].upper() + n[1:] for n in notes) + ".") if notes else ""


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
    acts = ed.held
    return participation.by_dependency(acts, participation.totals_used(ed.indicators, acts))


def year_over_year(editions: dict) -> pd.DataFrame:
    """Headline figures for every year with data (empty with fewer than two years)."""
    def row(e) -> dict:
        h = headline(e)
        return {"activities": h.activities, "events": h.events, "participants": h.people.text or pd.NA,
                "states_reached": h.states_reached, "partners": h.partners}

    return frames.year_over_year(editions, row, year_as_text=False)


def headline_text(h: Headline) -> str:
    """The headline paragraph (Markdown) from :func:`~hemiplan.analysis.headline.headline`:
    every figure with its qualifier and basis, inferred events and rows of other years
    said as such."""
    p, year = h.people, h.year
    inferred = (f" ({h.inferred_events:,} of them inferred by the reviewer where the text gives no number)"
                if h.inferred_events else "")
    if p.basis == counting.BOTH:
        people = (f"Adding the participants it itemises ({h.with_participants:,} activities state them, "
                  f"{number(p.itemised)} people) to the {plural(len(p.totals), 'stated total')} that "
                  f"{agree(len(p.totals), 'stands', 'stand')} for activities it does not itemise gives "
                  f"**{p.text} participants**")
    elif p.basis:
        people = (f"The participant figures it gives ({p.basis}, for {h.with_participants:,} "
                  f"{agree(h.with_participants, 'activity', 'activities')}) add up to **{p.text} participants**")
    else:
        people = "The report states no participant figure"
    double = participation.double_note(p)
    one = h.held_elsewhere == 1
    away = (f" The report also describes {plural(h.held_elsewhere, 'activity', 'activities')} held in another "
            f"year; {'it is' if one else 'they are'} listed apart below and not counted here." if h.held_elsewhere else "")
    return (f"The {year} report describes **{plural(h.activities, 'activity', 'activities')} held in {year}**, "
            f"amounting to **{plural(h.events, 'event')}**{inferred}. {people}"
            + (f" ({double})" if double else "") + ". "
            f"The activities reached **{h.states_reached} of the {h.members} member states** (states whose "
            f"officials took part or that an activity served, not the places where events were held) and involved "
            f"{h.partners:,} partner organisations outside the Secretariat; the report also states "
            f"{plural(h.stated_figures, 'other figure')} (counts, ratifications, totals), which the chapters examine." + away)
