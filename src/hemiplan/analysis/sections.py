"""The one section model: which section of a report feeds a chapter (reference data,
``data/reference/chapter_sections.csv``), the :class:`Section` value every chapter
works on, report order, and the generic size of a section.

Everything here is computed from the edition passed in; nothing depends on the
wording, order or numbers of a particular year's report."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from hemiplan.analysis import counting, frames, participation
from hemiplan.analysis.frames import paragraph_key
from hemiplan.data import csvio, membership
from hemiplan.reading.report import roman_to_int
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import join_words, number, section_label


# --- report order ------------------------------------------------------------------

def report_order(df: pd.DataFrame, *ties: str) -> pd.DataFrame:
    """Rows sorted in the order of the report (their ``paragraph_id``), ties broken by
    the given columns (stable)."""
    out = df.assign(_key=df["paragraph_id"].map(paragraph_key))
    return out.sort_values(["_key", *ties], kind="mergesort").drop(columns="_key").reset_index(drop=True)


def join_ids(values) -> str:
    """Sorted, de-duplicated ;-joined paragraph ids (report order)."""
    return ";".join(sorted({str(v) for v in values if str(v)}, key=paragraph_key))


def report_sections(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The report's sections in order: numeral, title, number of paragraphs."""
    s = (paragraphs.groupby(["section", "section_title"], sort=False).size().rename("paragraphs").reset_index())
    s["order"] = s["section"].map(lambda r: roman_to_int(r) or 0)
    return s.sort_values("order").drop(columns="order").reset_index(drop=True)


# --- the section of a chapter ----------------------------------------------------------

@dataclass
class Section:
    """One chapter's section of one report: numeral and title (None and '' when the
    report has no such section), what it is about (``topic``), its paragraphs, and its
    activities and stated figures with the section, subsection and heading of their
    paragraph, in report order."""
    chapter: str
    year: int
    numeral: str | None
    title: str
    topic: str
    paragraphs: pd.DataFrame
    activities: pd.DataFrame
    indicators: pd.DataFrame
    #: Rows of the section held in another year than the report's (not in ``activities``).
    elsewhere: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: Every stated participant total of the report (a total stated elsewhere may cover
    #: this section's activities).
    stated_totals: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def present(self) -> bool:
        return self.numeral is not None

    @property
    def label(self) -> str:
        """'II. National strategies …' (sentence case), or the chapter's topic."""
        return section_label(self.numeral, self.title) if self.present else self.topic


def find(paragraphs: pd.DataFrame, chapter_sections: pd.DataFrame, chapter: str) -> tuple[str, str] | None:
    """(numeral, title) of the section a chapter covers: the first section whose title
    contains one of the chapter's keywords, else the section with its usual numeral;
    None if the report has neither."""
    row = chapter_sections.set_index("chapter").loc[chapter]
    keywords = csvio.split_list(row["keywords"])
    secs = report_sections(paragraphs)
    for r in secs.itertuples(index=False):
        if any(k in r.section_title.lower() for k in keywords):
            return r.section, r.section_title
    match = secs[secs["section"] == row["numeral"]]
    if len(match):
        return row["numeral"], match.iloc[0]["section_title"]
    return None


def select(ed, chapter: str) -> Section:
    """The section chapter ``chapter`` covers in edition ``ed`` and its rows. Empty
    frames, with every column, when the report has no such section."""
    found = find(ed.paragraphs, ed.chapter_sections, chapter)
    topic = topic_words(ed.chapter_sections.set_index("chapter").at[chapter, "topic"])
    numeral, title = found if found is not None else (None, "")
    pick = ed.paragraphs["section"] == numeral
    ids = set(ed.paragraphs.loc[pick, "paragraph_id"])

    def rows(df: pd.DataFrame, id_column: str) -> pd.DataFrame:
        return report_order(frames.with_context(df[df["paragraph_id"].isin(ids)], ed.paragraphs), id_column)

    return Section(chapter=chapter, year=ed.year, numeral=numeral, title=title, topic=topic,
                   paragraphs=ed.paragraphs[pick].reset_index(drop=True),
                   activities=rows(ed.held, "activity_id"), indicators=rows(ed.indicators, "indicator_id"),
                   elsewhere=rows(ed.elsewhere, "activity_id"),
                   stated_totals=participation.stated_totals(ed.indicators))


def topic_words(topic: str) -> str:
    """What a chapter's section is about (``chapter_sections.csv``), in the page's language."""
    return {"national strategies against transnational organized crime":
            p_("section topic", "national strategies against transnational organized crime"),
            "legal instruments": p_("section topic", "legal instruments"),
            "law enforcement matters": p_("section topic", "law enforcement matters"),
            "training": p_("section topic", "training"),
            "information sharing": p_("section topic", "information sharing"),
            "international cooperation and assistance": p_("section topic", "international cooperation and assistance"),
            }.get(topic, topic)


def subsections(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Subsections of a section in report order: letter, title, paragraphs."""
    if paragraphs.empty:
        return pd.DataFrame(columns=["subsection", "subsection_title", "paragraphs"])
    g = paragraphs.groupby(["subsection", "subsection_title"], sort=False).size().rename("paragraphs").reset_index()
    return g.sort_values("subsection", kind="mergesort").reset_index(drop=True)


# --- its size ----------------------------------------------------------------------

def used_totals(section: Section) -> pd.DataFrame:
    """The stated participant totals that stand for un-itemised work of the section's
    activities (see :mod:`~hemiplan.analysis.participation`)."""
    if section.stated_totals.empty or section.activities.empty:
        return pd.DataFrame(columns=participation.COLUMNS)
    return participation.totals_used(section.stated_totals, section.activities)


def people(section: Section) -> dict:
    """The section's participants: itemised figures and the stated totals that stand
    for un-itemised work, with qualifier and basis (:func:`participation.combine`)."""
    return participation.combine(section.activities, used_totals(section))


@dataclass(frozen=True)
class SectionSummary:
    """The size of a section for its year (:func:`summary`)."""
    year: int
    numeral: str | None
    title: str
    topic: str
    paragraphs: int
    subsections: int
    subsection_titles: tuple[str, ...]
    activities: int
    events: int
    inferred_events: int
    itemised_participants: int
    people: participation.People
    held_elsewhere: int
    with_participants: int
    dependencies: tuple[str, ...]
    activities_by_dependency: dict
    states_reached: int
    members: int
    stated_figures: int


def summary(section: Section, member_states: pd.DataFrame) -> SectionSummary:
    """The size of a section for its year: paragraphs, lettered subsections (and the
    titles of all subsections), activities, events, itemised participants and the
    combined participant figure (``people``), how many activities state participants,
    dependencies leading activities (in the book's order, Joint included), member
    states reached (members in that year) and stated figures. Chapters wrap it in a
    record of their own."""
    acts, paras = section.activities, section.paragraphs
    members = membership.members_in_year(member_states, section.year)
    reached = frames.countries_reached(acts) if len(acts) else pd.DataFrame(columns=["iso3"])
    stated = acts["participants"].notna() if len(acts) else pd.Series([], dtype=bool)
    leads = counting.lead(acts) if len(acts) else pd.Series([], dtype=object)
    deps = tuple(d for d in counting.dependency_order() if d in set(leads))
    return SectionSummary(
        year=section.year, numeral=section.numeral, title=section.title, topic=section.topic,
        paragraphs=len(paras),
        subsections=int(paras.loc[paras["subsection"] != "", "subsection"].nunique()),
        subsection_titles=tuple(t for t in subsections(paras)["subsection_title"] if t),
        activities=len(acts),
        events=int(acts["events"].sum()) if len(acts) else 0,
        inferred_events=counting.inferred_events(acts) if len(acts) else 0,
        itemised_participants=int(acts.loc[stated, "participants"].sum()) if stated.any() else 0,
        people=people(section),
        held_elsewhere=len(section.elsewhere),
        with_participants=int(stated.sum()),
        dependencies=deps,
        activities_by_dependency={d: int((leads == d).sum()) for d in deps},
        states_reached=int(reached["iso3"].isin(members["iso3"]).sum()),
        members=len(members),
        stated_figures=len(section.indicators),
    )


def summary_text(section: Section, s: SectionSummary) -> str:
    """The one-paragraph summary that opens a chapter, computed from :func:`summary`."""
    if not section.present:
        return _("The {year} report has no section on {topic}.").format(year=section.year, topic=section.topic)
    paragraphs = n_("{n} paragraph", "{n} paragraphs", s.paragraphs).format(n=number(s.paragraphs))
    if s.subsections:
        parts = [_("Section **{label}** of the {year} report runs to {paragraphs} in {subsections}.").format(
            label=section.label, year=section.year, paragraphs=paragraphs,
            subsections=n_("{n} lettered subsection", "{n} lettered subsections", s.subsections).format(n=number(s.subsections)))]
    else:
        parts = [_("Section **{label}** of the {year} report runs to {paragraphs}.").format(
            label=section.label, year=section.year, paragraphs=paragraphs)]
    if s.activities:
        parts += _activity_sentences(s)
    else:
        parts.append(_("It records no activities."))
    parts.append(n_("Besides activities, the section states {n} figure (counts, ratifications, totals).",
                    "Besides activities, the section states {n} figures (counts, ratifications, totals).",
                    s.stated_figures).format(n=number(s.stated_figures))
                 if s.stated_figures else _("The section states no other figures."))
    return " ".join(parts)


def _records_sentence(s: SectionSummary) -> str:
    """'It records **5 activities** (7 events, 2 of them inferred): 3 activities by CICAD and …'."""
    activities = n_("{n} activity", "{n} activities", s.activities).format(n=number(s.activities))
    events = n_("{n} event", "{n} events", s.events).format(n=number(s.events)) + (
        n_(", {n} of them inferred", ", {n} of them inferred", s.inferred_events).format(n=number(s.inferred_events)) if s.inferred_events else "")
    deps = s.activities_by_dependency
    if len(deps) == 1:
        only = next(iter(deps))
        if only == counting.JOINT:
            return n_("It records **{activities}** ({events}), led jointly.",
                      "It records **{activities}** ({events}), all led jointly.", s.activities).format(
                activities=activities, events=events)
        return n_("It records **{activities}** ({events}), led by {dependency}.",
                  "It records **{activities}** ({events}), all led by {dependency}.", s.activities).format(
            activities=activities, events=events, dependency=only)
    by_dep = join_words(n_("{n} activity led jointly", "{n} activities led jointly", n).format(n=number(n)) if d == counting.JOINT
                        else n_("{n} activity by {dependency}", "{n} activities by {dependency}", n).format(
                            n=number(n), dependency=d) for d, n in deps.items())
    return _("It records **{activities}** ({events}): {by_dependency}.").format(
        activities=activities, events=events, by_dependency=by_dep)


def _activity_sentences(s: SectionSummary) -> list[str]:
    """The sentences of :func:`summary_text` on a section's activities."""
    parts = [_records_sentence(s)]
    people = s.people
    if people.basis:
        activities = n_("{n} activity", "{n} activities", s.with_participants).format(n=number(s.with_participants))
        basis = counting.basis_label(people.basis)
        if people.totals:
            parts.append(_("Participants are stated for {activities} and by {totals} standing for activities not "
                           "itemised, adding up to **{people} participants** ({basis}).").format(
                activities=activities, totals=n_("{n} stated total", "{n} stated totals", len(people.totals)).format(n=number(len(people.totals))),
                people=people.text, basis=basis))
        else:
            parts.append(_("Participants are stated for {activities}, adding up to **{people} participants** "
                           "({basis}).").format(activities=activities, people=people.text, basis=basis))
    else:
        parts.append(n_("No participant numbers are stated for it.", "No participant numbers are stated for them.",
                        s.activities))
    parts.append(n_("The activity reached **{reached} of the {members} member states**.",
                    "The activities reached **{reached} of the {members} member states**.", s.activities).format(
        reached=number(s.states_reached), members=number(s.members)))
    if s.held_elsewhere:
        parts.append(n_("{n} further activity of the section was held in another year and is listed apart.",
                        "{n} further activities of the section were held in another year and are listed apart.",
                        s.held_elsewhere).format(n=number(s.held_elsewhere)))
    return parts


def size_by_year(editions: dict, chapter: str, up_to: int | None = None) -> pd.DataFrame:
    """The section's size in every year with data up to ``up_to`` (one row per year,
    zeros when a report lacks the section); empty with fewer than two years."""
    editions = {y: e for y, e in editions.items() if up_to is None or y <= up_to}

    def row(e) -> dict:
        sec = select(e, chapter)
        s = summary(sec, e.member_states)
        return {"section": sec.numeral or pd.NA, "paragraphs": s.paragraphs, "activities": s.activities,
                "events": s.events, "participants": s.people.text or pd.NA, "states_reached": s.states_reached,
                "stated_figures": s.stated_figures}

    return frames.year_over_year(editions, row, year_as_text=False)
