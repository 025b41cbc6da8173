"""The year at a glance."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import counting, frames, participation, terms
from hemiplan.analysis.headline import Headline, headline
from hemiplan.analysis.frames import partner_summary, with_context
from hemiplan.analysis.sections import report_sections
from hemiplan.data import names
from hemiplan.language import _, n_
from hemiplan.vocabulary import join_words, month_name, number, section_label


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
    out["kind"] = out["kind"].map(terms.kind_label)
    return out[["organisation", "kind", "activities", "as_funder", "paragraphs"]].reset_index(drop=True)


def not_reached_text(members: pd.DataFrame, reached: pd.DataFrame) -> str:
    """The sentence under the map: the member states no activity of the year reached."""
    missing = members[~members["iso3"].isin(reached["iso3"])]
    if missing.empty:
        return _("Every member state is reached by at least one activity.")
    named = names.state_names(missing)
    return n_("No activity is recorded for {n} member state: {states}.",
              "No activity is recorded for {n} member states: {states}.", len(missing)).format(
        n=number(len(missing)), states=", ".join(sorted(named[c] for c in missing["iso3"])))


def dated_text(activities: int, dated: int, busiest: str, year: int) -> str:
    """The sentence under the months figure."""
    held = n_("Of the {n} activity held in {year}", "Of the {n} activities held in {year}", activities).format(
        n=number(activities), year=year)
    return n_("{held}, {n} is dated to the month; the busiest month: {busiest}.",
              "{held}, {n} are dated to the month; the busiest month: {busiest}.", dated).format(
        held=held, n=number(dated), busiest=busiest)


def dependency_notes(table: pd.DataFrame) -> str:
    """The note under the dependency table: why a figure that adds totals covering the
    same activities is approximate ('' when none is)."""
    notes = sorted({d for d in table["double"] if isinstance(d, str) and d})
    return _("Note: {notes}.").format(notes="; ".join(n[:1].upper() + n[1:] for n in notes)) if notes else ""


def busiest_month(months: pd.DataFrame) -> str:
    """The busiest month of :func:`by_month`, ties named: 'October and November, 5
    activities each' ('' when no activity is dated)."""
    if months.empty:
        return ""
    per_month = {month_name(m): float(n) for m, n in months.sum(axis=1).items()}
    top = max(per_month.values(), default=0)
    if top <= 0:
        return ""
    tied = [m for m, n in per_month.items() if n == top]
    if len(tied) > 1:
        return n_("{months}, {n} activity each", "{months}, {n} activities each", top).format(
            months=join_words(tied), n=number(top))
    return n_("{months}, {n} activity", "{months}, {n} activities", top).format(months=tied[0], n=number(top))


def dependency_table(ed) -> pd.DataFrame:
    """Per dependency, then a Joint row for work led by several: activities, events
    (of which inferred), participants (qualified text), their basis and any note of
    double counting (see :func:`participation.by_dependency`)."""
    acts = ed.held
    out = participation.by_dependency(acts, participation.totals_used(ed.indicators, acts))
    out["basis"] = out["basis"].map(counting.basis_label)
    return out


def year_over_year(editions: dict) -> pd.DataFrame:
    """Headline figures for every year with data (empty with fewer than two years)."""
    def row(e) -> dict:
        h = headline(e)
        return {"activities": h.activities, "events": h.events, "participants": h.people.text or pd.NA,
                "states_reached": h.states_reached, "partners": h.partners}

    return frames.year_over_year(editions, row, year_as_text=False)


def headline_text(h: Headline, unreviewed: int = 0) -> str:
    """The headline paragraph (Markdown) from :func:`~hemiplan.analysis.headline.headline`:
    every figure with its qualifier and basis, inferred events and rows of other years
    said as such. With ``unreviewed`` draft activities (:func:`unreviewed_partners`), it
    says that their partners are not yet reviewed instead of giving a final count."""
    year = h.year
    inferred = (" " + n_("({n} of them inferred by the reviewer where the text gives no number)",
                         "({n} of them inferred by the reviewer where the text gives no number)",
                         h.inferred_events).format(n=number(h.inferred_events)) if h.inferred_events else "")
    opening = _("The {year} report describes **{activities}**, amounting to **{events}**{inferred}.").format(
        year=year, inferred=inferred,
        activities=n_("{n} activity held in {year}", "{n} activities held in {year}", h.activities).format(
            n=number(h.activities), year=year),
        events=n_("{n} event", "{n} events", h.events).format(n=number(h.events)))
    double = participation.double_note(h.people)
    away = (" " + n_("The report also describes {n} activity held in another year; it is listed apart below and not "
                     "counted here.",
                     "The report also describes {n} activities held in another year; they are listed apart below and "
                     "not counted here.", h.held_elsewhere).format(n=number(h.held_elsewhere))
            if h.held_elsewhere else "")
    reach = _reach(h, unreviewed)
    return f"{opening} {_people_clause(h)}" + (f" ({double})" if double else "") + f". {reach}" + away


def _reach(h: Headline, unreviewed: int) -> str:
    """The headline's sentence on the states reached, the partners and the other figures."""
    if unreviewed:
        pending = n_("The activities reached **{reached} of the {members} member states** (states whose officials took "
                     "part or that an activity served, not the places where events were held); their partner "
                     "organisations outside the Secretariat are not yet reviewed ({partners} named in the drafts so "
                     "far); the report also states {n} other figure (counts, ratifications, totals), which the "
                     "chapters examine.",
                     "The activities reached **{reached} of the {members} member states** (states whose officials took "
                     "part or that an activity served, not the places where events were held); their partner "
                     "organisations outside the Secretariat are not yet reviewed ({partners} named in the drafts so "
                     "far); the report also states {n} other figures (counts, ratifications, totals), which the "
                     "chapters examine.", h.stated_figures).format(
            reached=number(h.states_reached), members=number(h.members), partners=number(h.partners),
            n=number(h.stated_figures))
        return pending + " " + n_("The partners and funders of {n} draft activity are still to be reviewed.",
                                  "The partners and funders of {n} draft activities are still to be reviewed.",
                                  unreviewed).format(n=number(unreviewed))
    return n_("The activities reached **{reached} of the {members} member states** (states whose officials took part or "
               "that an activity served, not the places where events were held) and involved {partners} partner "
               "organisations outside the Secretariat; the report also states {n} other figure (counts, ratifications, "
               "totals), which the chapters examine.",
               "The activities reached **{reached} of the {members} member states** (states whose officials took part or "
               "that an activity served, not the places where events were held) and involved {partners} partner "
               "organisations outside the Secretariat; the report also states {n} other figures (counts, "
               "ratifications, totals), which the chapters examine.", h.stated_figures).format(
        reached=number(h.states_reached), members=number(h.members), partners=number(h.partners),
        n=number(h.stated_figures))


def unreviewed_partners(ed) -> int:
    """Activities of the year still drafts: their partners and funders are not yet reviewed."""
    return int((ed.held["status"] == "draft").sum())


def _people_clause(h: Headline) -> str:
    """The headline's clause on participants (without its full stop)."""
    p = h.people
    if p.basis == counting.BOTH:
        return n_("Adding the participants it itemises ({activities} activities state them, {itemised} people) to the "
                  "{n} stated total that stands for activities it does not itemise gives **{people} participants**",
                  "Adding the participants it itemises ({activities} activities state them, {itemised} people) to the "
                  "{n} stated totals that stand for activities it does not itemise gives **{people} participants**",
                  len(p.totals)).format(activities=number(h.with_participants), itemised=number(p.itemised),
                                        n=number(len(p.totals)), people=p.text)
    if p.basis:
        return n_("The participant figures it gives ({basis}, for {n} activity) add up to **{people} participants**",
                  "The participant figures it gives ({basis}, for {n} activities) add up to **{people} participants**",
                  h.with_participants).format(basis=counting.basis_label(p.basis), n=number(h.with_participants),
                                              people=p.text)
    return _("The report states no participant figure")
