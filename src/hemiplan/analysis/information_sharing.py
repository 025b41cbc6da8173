"""Section VI of the report, information sharing: networks and points of contact,
meetings and events, and the member states taking part.

Functions ending in ``_text`` return Markdown; every piece of data they put in it
(titles, names, labels) is escaped with :func:`hemiplan.vocabulary.literal`. Every
function is pure: it reads the frames it is given and returns a new frame, record or
string."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from hemiplan import language
from hemiplan.analysis import counting, frames, sections, terms
from hemiplan.analysis.cooperation_summary import opening_sentence, page_dependencies
from hemiplan.analysis.frames import JOINT
from hemiplan.analysis.destruction import amount_text, localized
from hemiplan.analysis.sections import report_order
from hemiplan.data import membership
from hemiplan.data.labels import qualifier_words, quantity
from hemiplan.language import _, n_, p_, percent
from hemiplan.vocabulary import join_words, literal, number, unit_label

CHAPTER = "information_sharing"

#: Keywords (regular expressions) that mark an indicator as a figure about a network
#: or its points of contact: focal points, points of contact, national authorities,
#: participating states, liaison officers, members or users of a network.
CONTACT_PATTERN = r"focal|contact|point|participat|network|authorit|liaison|node|member|user|registered"

#: Keywords (regular expressions) in an activity's title that mark it as a network,
#: directory or platform for exchanging information, for activities whose type is
#: not ``network`` (e.g. a list of national authorities kept current, recorded as
#: ``other``). Meetings and events are never counted as networks.
NETWORK_TITLE_PATTERN = r"network|focal point|points? of contact|directory|\blist\b|platform|registry|roster|mechanism"

#: Activity types that are meetings or events (gatherings with participants).
EVENT_TYPES = ("meeting", "conference", "seminar", "workshop", "exercise", "course")


def lower_first(label: str) -> str:
    """A label for the middle of a sentence: first letter lowered unless the first
    word is an acronym."""
    first = label.split(" ", 1)[0]
    return label if (len(first) > 1 and first.isupper()) else label[:1].lower() + label[1:]


def figure_phrase(value, label: str, unit: str) -> str:
    """A stated figure in a sentence: '28 major events focal points' when the label
    ends with the unit, else '3 machines (marking machines donated)'."""
    u = unit_label(unit).lower()
    lab = lower_first(label)
    if u and language.current() != language.SOURCE and (lab.lower().startswith(u) or lab.lower().endswith(u)):
        return f"{number(value)} {lab}"  # 'puntos focales de grandes eventos': the unit may come first
    if u and lab.lower().endswith(u):
        v = float(value)
        if v == 1 and lab.endswith("s") and not lab.endswith("ss"):
            lab = lab[:-1]
        return f"{number(v)} {lab}"
    return f"{amount_text(value, unit)} ({lab})"


# --- networks and points of contact ---------------------------------------------------

def contact_figures(indicators: pd.DataFrame, member_states: pd.DataFrame,
                    pattern: str = CONTACT_PATTERN) -> pd.DataFrame:
    """Stated figures about networks and points of contact (indicator name matching
    ``pattern``): what is counted, value, unit, member states concerned, the year the
    figure refers to (empty for the report year), and the paragraph."""
    cols = ["indicator_id", "what", "value", "unit", "states", "ref_year", "paragraph_id"]
    if indicators.empty:
        return pd.DataFrame(columns=cols)
    hit = indicators[indicators["indicator"].str.contains(pattern, case=False, regex=True)]
    out = frames.indicator_table(hit, member_states).rename(columns={"refers_to": "ref_year"})
    return report_order(out, "indicator_id")[cols]


def networks(activities: pd.DataFrame, indicators: pd.DataFrame, member_states: pd.DataFrame,
             organizations: pd.DataFrame, paragraphs: pd.DataFrame | None = None,
             pattern: str = CONTACT_PATTERN, title_pattern: str = NETWORK_TITLE_PATTERN,
             translations: pd.DataFrame | None = None, dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Networks, directories and platforms for sharing information: activities of type
    ``network``, and activities of other non-event types whose title matches
    ``title_pattern``. For each: title, type, dependency, programme, member states,
    partners, the contact figures stated in the same paragraph (e.g. '28 focal
    points'), the part of the report (when ``paragraphs`` is given) and the paragraph.
    Names are in the page's language (titles and dependencies too, with ``translations``
    and ``dependency_names``: :func:`hemiplan.analysis.destruction.localized`)."""
    cols = ["activity_id", "network", "type", "dependency", "program", "states", "n_states", "partners", "figures",
            "part", "paragraph_id"]
    by_type = activities["activity_type"] == "network"
    by_title = (~activities["activity_type"].isin(EVENT_TYPES)
                & activities["title"].str.contains(title_pattern, case=False, regex=True))
    net = activities[by_type | by_title]
    if net.empty:
        return pd.DataFrame(columns=cols)
    figs = contact_figures(indicators, member_states, pattern)
    figs["text"] = [figure_phrase(v, w, u) for v, w, u in zip(figs["value"], figs["what"], figs["unit"])]
    stated = figs.groupby("paragraph_id")["text"].agg("; ".join).to_dict()
    out = localized(frames.activity_table(net, member_states, organizations, paragraphs), net, translations,
                    dependency_names)
    out = out.rename(columns={"title": "network", "section": "part"})
    out["figures"] = out["paragraph_id"].map(lambda p: stated.get(p, ""))
    return report_order(out, "activity_id")[cols]


def networks_text(nets: pd.DataFrame, numeral: str | None) -> str:
    """A computed sentence on the networks table: how many, how many in the section."""
    if nets.empty:
        return ""
    inside = int((nets["part"].str.split(".").str[0] == numeral).sum()) if numeral else 0
    named = int((nets["n_states"] > 0).sum())
    networks = n_("{n} network, directory or platform", "{n} networks, directories or platforms",
                  len(nets)).format(n=number(len(nets)))
    return n_("The report records {networks}, {inside} of them in this section; {n} names the member states taking part.",
              "The report records {networks}, {inside} of them in this section; {n} name the member states taking part.",
              named).format(networks=networks, inside=number(inside), n=number(named))


# --- meetings and events --------------------------------------------------------------

def meetings(activities: pd.DataFrame, member_states: pd.DataFrame, types=EVENT_TYPES,
             translations: pd.DataFrame | None = None, dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Meetings and events (activities of the given types) in calendar order, undated
    last: month name, title (in the page's language with ``translations``, and the
    dependency with ``dependency_names``), type,
    dependency, member states as names, events,
    participants with their qualifier (in words, and as the schema's code in
    ``participants_qualifier``, for sums), paragraph."""
    cols = ["activity_id", "month", "title", "type", "dependency", "states", "n_states", "events",
            "participants", "qualifier", "participants_qualifier", "paragraph_id"]
    ev = activities[activities["activity_type"].isin(types)]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    out = localized(frames.activity_table(ev, member_states), ev, translations, dependency_names).assign(
        month_no=ev["month"].astype("Float64").fillna(99),
        events=ev["events"].astype("Int64"),
        participants=ev["participants"].astype("Int64"),
        qualifier=ev["participants_qualifier"].map(qualifier_words),
        participants_qualifier=ev["participants_qualifier"])
    out = out.sort_values(["month_no", "title", "activity_id"], kind="mergesort").reset_index(drop=True)
    return out[cols]


# --- summary ------------------------------------------------------------------------------

def by_subregion(taking_part: pd.DataFrame, member_states: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per subregion (in schema order, named in the page's language): member states,
    how many take part, and the share taking part (per cent, rounded)."""
    out = frames.by_subregion(taking_part, membership.members_in_year(member_states, year), "taking_part")
    out["share"] = (100.0 * out["taking_part"] / out["members"]).round(0)
    return out.assign(subregion=out["subregion"].map(terms.subregion_label))


@dataclass(frozen=True)
class SharingSummary:
    """The figures of the chapter's opening paragraph (:func:`summary`): the section's
    size and its networks, activity types, meetings and the figures on networks and
    contacts (each as a phrase, '30 focal points')."""
    section: sections.SectionSummary
    networks: int
    types: str
    meetings: int
    meeting_events: int
    contact_figures: tuple[str, ...] = ()
    #: dependency code → how the page names it (its acronym in the page's language); codes where empty
    dependency_words: dict = field(default_factory=dict)
    #: the report's language (its headings are quoted in it)
    report_language: str | None = None


def summary(sec: sections.Section, member_states: pd.DataFrame, dependency_names: pd.DataFrame | None = None,
            report_language: str | None = None) -> SharingSummary:
    """The section's figures for the opening paragraph (:func:`hemiplan.analysis.sections.summary`
    and networks, activity types, meetings and the figures on networks and contacts);
    with ``dependency_names`` its sentences name the dependencies by their acronyms in
    the page's language, with ``report_language`` they mark the report's headings with it."""
    acts = sec.activities
    figs = contact_figures(sec.indicators, member_states)
    ev = meetings(acts, member_states)
    return SharingSummary(
        section=sections.summary(sec, member_states),
        networks=int((acts["activity_type"] == "network").sum()),
        types=frames.type_counts_text(acts),
        meetings=len(ev),
        meeting_events=int(ev["events"].sum()) if len(ev) else 0,
        contact_figures=tuple(figure_phrase(r.value, r.what, r.unit) for r in figs.itertuples(index=False)),
        dependency_words=page_dependencies(dependency_names),
        report_language=report_language,
    )


def participants_sentence(s: sections.SectionSummary) -> str:
    """'Participants are stated for 2 activities, adding up to **approximately 75
    participants**.': the section's combined participant figure (itemised, and the
    stated totals standing for work not itemised) with the qualifier its parts
    support; '' when none is stated."""
    people = s.people
    if not people.basis:
        return ""
    values = dict(activities=n_("{n} activity", "{n} activities", s.with_participants).format(
        n=number(s.with_participants)), text=people.text,
        totals=n_("{n} stated total", "{n} stated totals", len(people.totals)).format(n=number(len(people.totals))))
    if people.totals:
        text = n_("Participants are stated for {activities} and by {totals} standing for activities not itemised, "
                  "adding up to **{text} participant**.",
                  "Participants are stated for {activities} and by {totals} standing for activities not itemised, "
                  "adding up to **{text} participants**.", 1 if people.value == 1 else 2)
    else:
        text = n_("Participants are stated for {activities}, adding up to **{text} participant**.",
                  "Participants are stated for {activities}, adding up to **{text} participants**.",
                  1 if people.value == 1 else 2)
    return text.format(**values)


def _figures_sentence(stated: int, items: list[str]) -> str:
    """'The section also states 2 figures, all about networks and points of contact: …'"""
    values = dict(figures=n_("{n} figure", "{n} figures", stated).format(n=number(stated)), items=join_words(items))
    if items and len(items) == stated:
        text = n_("The section also states {figures}, about networks and points of contact: {items}.",
                  "The section also states {figures}, all about networks and points of contact: {items}.", stated)
    elif items:
        text = _("The section also states {figures}, among them, on networks and points of contact, {items}.")
    else:
        text = _("The section also states {figures}.")
    return text.format(**values)


def _records_sentence(sec: sections.SectionSummary, types: str, words: dict) -> str:
    """'It records **5 activities** led by CICAD and DPS (…), amounting to 6 events.'
    (``words`` names the dependencies, their codes where it has none)"""
    own = [words.get(d, d) for d in sec.dependencies if d != JOINT]
    values = dict(n=number(sec.activities), dependencies=join_words(own), types=types,
                  events=n_("{n} event", "{n} events", sec.events).format(n=number(sec.events)))
    if not own:
        text = n_("It records **{n} activity** led jointly ({types}), amounting to {events}.",
                  "It records **{n} activities** led jointly ({types}), amounting to {events}.", sec.activities)
    elif len(own) < len(sec.dependencies):
        text = n_("It records **{n} activity** led by {dependencies}, or jointly ({types}), amounting to {events}.",
                  "It records **{n} activities** led by {dependencies}, or jointly ({types}), amounting to {events}.",
                  sec.activities)
    else:
        text = n_("It records **{n} activity** led by {dependencies} ({types}), amounting to {events}.",
                  "It records **{n} activities** led by {dependencies} ({types}), amounting to {events}.",
                  sec.activities)
    return text.format(**values)


def summary_text(s: SharingSummary) -> str:
    """The opening paragraph of the chapter, computed from :func:`summary`."""
    sec = s.section
    if sec.numeral is None:
        return _("The {year} report has no section on {topic}.").format(year=sec.year, topic=sec.topic)
    parts = [opening_sentence(sec, sec.subsection_titles, s.report_language)]
    if sec.activities:
        parts.append(_records_sentence(sec, s.types, s.dependency_words))
        parts += [t for t in [participants_sentence(sec)] if t]
        parts.append(_("The activities name **{n} of the {members} member states**.").format(
            n=number(sec.states_reached), members=number(sec.members))
            if sec.states_reached else _("No activity names a member state."))
    else:
        parts.append(_("It records no activities."))
    if sec.stated_figures:
        parts.append(_figures_sentence(sec.stated_figures, [literal(i) for i in s.contact_figures]))
    return " ".join(parts)


def _counts_states(unit: str) -> bool:
    """Whether a figure's unit (as :func:`contact_figures` gives it, in the page's
    language) counts states."""
    return "state" in unit or unit == terms.unit_words("states")


def contacts_text(figs: pd.DataFrame, member_states: pd.DataFrame, year: int) -> str:
    """A computed sentence putting the contact figures against the number of member
    states of the year (as a share when the figure counts states)."""
    if figs.empty:
        return ""
    n = len(membership.members_in_year(member_states, year))
    items = []
    for r in figs.itertuples(index=False):
        item = literal(figure_phrase(r.value, r.what, r.unit))
        notes = [_("as of {year}").format(year=r.ref_year)] if r.ref_year else []
        if _counts_states(r.unit) and n:
            notes.append(_("{share} of the member states").format(share=percent(float(r.value) / n)))
        item += f" ({', '.join(notes)})" if notes else ""
        items.append(item)
    return _("The section counts {items}. For scale, the Organization had {n} member states in {year}; a network can "
             "hold more than one contact per state, or none for some.").format(items=join_words(items), n=number(n),
                                                                               year=year)


def _together(n: int) -> str:
    """'1 bringing together more than one member state' (of the meetings and events)."""
    return n_("{n} bringing together more than one member state", "{n} bringing together more than one member state",
              n).format(n=number(n))


def meetings_text(ev: pd.DataFrame) -> str:
    """One computed sentence on the meetings and events table (:func:`meetings`); the
    sum of the stated attendances carries the qualifier its parts support
    (:func:`hemiplan.analysis.counting.sum_qualifier`)."""
    if ev.empty:
        return ""
    with_p = ev["participants"].notna()
    values = dict(events=n_("{n} meeting or event", "{n} meetings and events", len(ev)).format(n=number(len(ev))),
                  dated=number(int((ev["month"] != "").sum())), multi=_together(int((ev["n_states"] > 1).sum())))
    if not with_p.any():
        return _("The section records {events}: {dated} dated to the month, {multi}.").format(**values)
    total = int(ev.loc[with_p, "participants"].sum())
    qualifier = counting.sum_qualifier(ev.loc[with_p, "participants_qualifier"])
    rough = int((ev.loc[with_p, "qualifier"] != "").sum())
    values.update(n=number(int(with_p.sum())), rough=number(rough), attendance=n_(
        "{total} participant", "{total} participants", total).format(total=quantity(total, qualifier)))
    if not rough:
        return _("The section records {events}: {dated} dated to the month, {multi}, and {n} with a stated "
                 "attendance, which adds up to {attendance}.").format(**values)
    return n_("The section records {events}: {dated} dated to the month, {multi}, and {n} with a stated attendance, "
              "which adds up to {attendance} ({rough} of these attendances is not stated exactly).",
              "The section records {events}: {dated} dated to the month, {multi}, and {n} with a stated attendance, "
              "which adds up to {attendance} ({rough} of these attendances are not stated exactly).",
              rough).format(**values)


# --- year over year -----------------------------------------------------------------------

def year_over_year(editions: dict) -> pd.DataFrame:
    """The section's headline figures for every year with data (empty with fewer than
    two years); participants are the section's combined figure with its qualifier
    ('approximately 75'), as :func:`hemiplan.analysis.sections.size_by_year` gives it.
    Years are text so that tables do not format them as numbers."""
    def row(e) -> dict:
        sec = sections.select(e, CHAPTER)
        s = summary(sec, e.member_states)
        size = s.section
        return {"present": p_("section in report", "yes") if sec.present else p_("section in report", "no"), "activities": size.activities, "meetings": s.meetings,
                "participants": size.people.text or pd.NA, "states": size.states_reached,
                "figures": size.stated_figures}

    return frames.year_over_year(editions, row)
