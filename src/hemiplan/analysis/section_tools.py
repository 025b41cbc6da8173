"""Helpers shared by the chapters that each cover one section of the report
(national strategies, legal instruments, law enforcement): the section's rows, the
computed one-paragraph summary, reader-facing labels and plural forms.

Everything here is computed from the edition passed in; nothing depends on the
wording, order or numbers of a particular year's report."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemiplan.analysis import countries_reached, in_section, members_in_year, section_for, title_case, with_context, plural
from hemiplan.data import csvio, schema

#: What each chapter's section is about, for sentences ("the report has no section on …").
TOPICS = {
    "national_strategies": "national strategies against transnational organized crime",
    "legal_instruments": "legal instruments",
    "law_enforcement": "law enforcement matters",
}

NO_SUBSECTION = "(no subsection)"

#: Words of snake_case names shown in capitals (a display vocabulary of the field's
#: acronyms, not data of any report).
ACRONYMS = {"aeo": "AEO", "aml": "AML", "cft": "CFT", "cicad": "CICAD", "cicte": "CICTE", "cifta": "CIFTA",
            "csirt": "CSIRT", "csirts": "CSIRTs", "ct": "CT", "dps": "DPS", "iacac": "IACAC", "iacat": "IACAT", "iact": "IACT",
            "mou": "MOU", "oas": "OAS", "sms": "SMS", "tf": "TF", "tip": "TIP", "un": "UN", "uncac": "UNCAC", "unscr": "UNSCR",
            "untoc": "UNTOC", "wmd": "WMD"}


@dataclass
class Section:
    """One chapter's section of one report: numeral and title (None and '' when the
    report has no such section), its paragraphs, and its activities and stated
    figures with the section, subsection and heading of their paragraph."""
    chapter: str
    year: int
    numeral: str | None
    title: str
    paragraphs: pd.DataFrame
    activities: pd.DataFrame
    indicators: pd.DataFrame

    @property
    def present(self) -> bool:
        return self.numeral is not None

    @property
    def label(self) -> str:
        """'II. National strategies …' (sentence case), or the chapter's topic."""
        if not self.present:
            return TOPICS.get(self.chapter, self.chapter)
        return f"{self.numeral}. {title_case(self.title)}"


def section_rows(ed, chapter: str) -> Section:
    """The section a chapter covers in edition ``ed`` (found with
    :func:`hemiplan.analysis.section_for`) and its rows (selected with
    :func:`hemiplan.analysis.in_section`). Empty frames, with every column, when the
    report has no such section."""
    found = section_for(ed.paragraphs, chapter)
    numeral, title = found if found is not None else (None, "")
    paras = ed.paragraphs[ed.paragraphs["section"] == numeral].reset_index(drop=True) if found else ed.paragraphs.iloc[0:0]
    acts = in_section(ed.activities, ed.paragraphs, numeral) if found else ed.activities.iloc[0:0]
    inds = in_section(ed.indicators, ed.paragraphs, numeral) if found else ed.indicators.iloc[0:0]
    return Section(chapter=chapter, year=ed.year, numeral=numeral, title=title, paragraphs=paras,
                   activities=in_report_order(with_context(acts, ed.paragraphs), ed.paragraphs, "activity_id"),
                   indicators=in_report_order(with_context(inds, ed.paragraphs), ed.paragraphs, "indicator_id"))


def in_report_order(df: pd.DataFrame, paragraphs: pd.DataFrame, id_column: str) -> pd.DataFrame:
    """Rows sorted in the order of the report (their paragraph's first line), ties
    broken by ``id_column``."""
    line = dict(zip(paragraphs["paragraph_id"], paragraphs["line_start"]))
    out = df.assign(_line=df["paragraph_id"].map(line).astype("Int64"))
    return out.sort_values(["_line", id_column], kind="stable").drop(columns="_line").reset_index(drop=True)



def humanize(name: str) -> str:
    """snake_case vocabulary or indicator name → reader-facing label, with known
    acronyms in capitals: 'ratifications_iacat' → 'Ratifications IACAT'."""
    words = [ACRONYMS.get(w.lower(), w) for w in str(name).replace("_", " ").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def years_as_text(df: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy with year columns as text ('2014', not '2,014'; missing stays missing),
    for tables."""
    out = df.copy()
    for c in columns:
        out[c] = out[c].map(lambda v: str(int(v)) if pd.notna(v) and v != "" else pd.NA).astype(object)
    return out


def or_missing(text):
    """'' → pd.NA, so that a table shows an en dash for an empty cell."""
    return text if text else pd.NA


def join_names(items) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def country_names(cell, names: dict[str, str]) -> str:
    """A ;-separated list of ISO codes → member-state names, sorted, comma-separated
    (empty string for an empty list)."""
    return ", ".join(sorted(names.get(c, c) for c in csvio.split_list(cell)))


def org_list(cell, names: dict[str, str]) -> str:
    """A ;-separated list of organisation ids → their names, sorted, comma-separated."""
    return ", ".join(sorted(names.get(o, o) for o in csvio.split_list(cell)))


def subsection_label(subsection: str, subsection_title: str) -> str:
    """'a) Strategies and assessments', or a placeholder for paragraphs outside any
    lettered subsection."""
    if subsection:
        return f"{subsection}) {title_case(subsection_title)}" if subsection_title else f"{subsection})"
    return title_case(subsection_title) if subsection_title else NO_SUBSECTION


def participants_text(participants, qualifier) -> str:
    """Stated participants with their qualifier: '41', 'approximately 40',
    'more than 170'; empty when none is stated."""
    if participants is None or pd.isna(participants):
        return ""
    q = "" if qualifier is None or pd.isna(qualifier) else str(qualifier)
    prefix = {"approx": "approximately ", "more_than": "more than "}.get(q, "")
    return f"{prefix}{int(participants):,}"


def summary(section: Section, member_states: pd.DataFrame) -> dict:
    """The size of a section for its year: paragraphs, lettered subsections,
    activities, events, stated participants (and how many activities state them),
    dependencies leading activities (in the book's order), member states reached
    (members in that year) and stated figures."""
    acts = section.activities
    members = members_in_year(member_states, section.year)
    reached = countries_reached(acts) if len(acts) else pd.DataFrame(columns=["iso3"])
    stated = acts["participants"].notna() if len(acts) else pd.Series([], dtype=bool)
    deps = [d for d in schema.dependencies() if d in set(acts["dependency"])]
    return {
        "paragraphs": len(section.paragraphs),
        "subsections": int(section.paragraphs.loc[section.paragraphs["subsection"] != "", "subsection"].nunique()),
        "activities": len(acts),
        "events": int(acts["events"].sum()) if len(acts) else 0,
        "participants": int(acts.loc[stated, "participants"].sum()) if stated.any() else 0,
        "with_participants": int(stated.sum()),
        "dependencies": deps,
        "activities_by_dependency": {d: int((acts["dependency"] == d).sum()) for d in deps},
        "states_reached": int(reached["iso3"].isin(members["iso3"]).sum()),
        "members": len(members),
        "stated_figures": len(section.indicators),
    }


def summary_text(section: Section, s: dict) -> str:
    """The one-paragraph summary that opens a chapter, computed from :func:`summary`."""
    if not section.present:
        return f"The {section.year} report has no section on {TOPICS.get(section.chapter, section.chapter)}."
    parts = [f"Section **{section.label}** of the {section.year} report runs to {plural(s['paragraphs'], 'paragraph')}"
             + (f" in {plural(s['subsections'], 'lettered subsection')}" if s["subsections"] else "") + "."]
    if s["activities"]:
        deps = s["activities_by_dependency"]
        if len(deps) == 1:
            by_dep = ("led by " if s["activities"] == 1 else "all led by ") + next(iter(deps))
        else:
            by_dep = join_names(f"{plural(n, 'activity', 'activities')} by {d}" for d, n in deps.items())
        parts.append(f"It records **{plural(s['activities'], 'activity', 'activities')}** "
                     f"({plural(s['events'], 'event')})" + (f", {by_dep}." if len(deps) == 1 else f": {by_dep}."))
        if s["with_participants"]:
            parts.append(f"Participants are stated for {plural(s['with_participants'], 'activity', 'activities')}, "
                         f"adding up to **{plural(s['participants'], 'participant')}**.")
        else:
            parts.append("No participant numbers are stated for "
                         + ("it." if s["activities"] == 1 else "them."))
        parts.append(f"The {'activity' if s['activities'] == 1 else 'activities'} reached "
                     f"**{s['states_reached']} of the {s['members']} member states**.")
    else:
        parts.append("It records no activities.")
    parts.append(f"Besides activities, the section states {plural(s['stated_figures'], 'figure')} "
                 "(counts, ratifications, totals)." if s["stated_figures"] else "The section states no other figures.")
    return " ".join(parts)


def size_by_year(editions: dict, chapter: str, up_to: int | None = None) -> pd.DataFrame:
    """The section's size in every year with data up to ``up_to`` (one row per year,
    zeros when a report lacks the section); empty with fewer than two years."""
    editions = {y: e for y, e in editions.items() if up_to is None or y <= up_to}
    if len(editions) < 2:
        return pd.DataFrame()
    rows = []
    for y, e in sorted(editions.items()):
        sec = section_rows(e, chapter)
        s = summary(sec, e.member_states)
        rows.append({"year": y, "section": sec.numeral or pd.NA, "paragraphs": s["paragraphs"],
                     "activities": s["activities"], "events": s["events"], "participants": s["participants"],
                     "states_reached": s["states_reached"], "stated_figures": s["stated_figures"]})
    return pd.DataFrame(rows)


def stated_figures(indicators: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Every stated figure of a section for a table: the figure (humanized name),
    value, unit, member states it is about, the year it refers to (empty for the
    report's year), and the source paragraph; in report order."""
    cols = ["figure", "value", "unit", "about", "refers_to", "paragraph_id"]
    if indicators.empty:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({
        "figure": indicators["indicator"].map(humanize),
        "value": indicators["value"],
        "unit": indicators["unit"].map(lambda u: str(u).replace("_", " ")),
        "about": indicators["countries"].map(lambda c: or_missing(country_names(c, names))),
        "refers_to": indicators["ref_year"],
        "paragraph_id": indicators["paragraph_id"],
    })
    return out[cols].reset_index(drop=True)
