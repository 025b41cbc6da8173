"""Training, in words: every sentence the training chapter prints, built from the
records of :mod:`hemiplan.analysis.training` and :mod:`hemiplan.analysis.training_where`,
in the page's language.

Each function returns Markdown ('' when there is nothing to say); report text (titles,
names) is escaped with :func:`hemiplan.vocabulary.literal`. What a qualified figure is
(exact, an estimate, a floor, a ceiling) comes from the schema
(:func:`hemiplan.data.labels.bound`), never from a list kept here. Every sentence is one
message of the catalog (plural forms with ``n_``): a count inside it is a noun phrase of
its own ('{n} activities'), never an English word glued to a number."""
from __future__ import annotations

import dataclasses
from typing import Callable

import pandas as pd
from babel.numbers import format_decimal

from hemiplan import language
from hemiplan.analysis import counting, participation
from hemiplan.analysis.frames import JOINT, dependency_labels
from hemiplan.analysis.training import BOUND_WORDS as _WORDS
from hemiplan.analysis.training import PerEvent, TopPart, TrainingSummary, pairs_text, total_kind
from hemiplan.analysis.training_where import Attribution
from hemiplan.analysis.training_words import bound_words
from hemiplan.data import names
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import join_words, literal, number, title_case

#: The kinds of a figure that is not exact, in the order prose names them (:data:`training.BOUND_WORDS`).
BOUND_WORDS = {kind: words for kind, words in _WORDS.items() if kind != "exact"}


def activities_count(n) -> str:
    """'1 activity', '81 activities' ('81 actividades'): a count as a noun phrase."""
    return n_("{n} activity", "{n} activities", n).format(n=number(n))


def events_count(n) -> str:
    """'112 events'."""
    return n_("{n} event", "{n} events", n).format(n=number(n))


def participants_count(n) -> str:
    """'1,408 participants'."""
    return n_("{n} participant", "{n} participants", n).format(n=number(n))


def totals_count(n) -> str:
    """'3 totals'."""
    return n_("{n} total", "{n} totals", n).format(n=number(n))


def _share(share: float) -> str:
    return language.percent(share)


def _one_decimal(value: float) -> str:
    """'12.0', '1,204.5' ('12,0' in Spanish): a ratio always with one decimal."""
    return format_decimal(float(value), format="#,##0.0", locale=language.cldr())


def _upper_first(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}"


def _title(title, lang: str | None = None) -> str:
    """A title for Markdown (:func:`literal`), inside ``<span lang="…">`` when it is not in
    the page's language: a :class:`hemiplan.data.names.English` title, or the report's own
    words (a section's or subsection's title) in the report's language ``lang``."""
    lang = getattr(title, "lang", None) or lang
    text = literal(title)
    return f'<span lang="{lang}">{text}</span>' if lang and lang != language.current() else text


def _fields(rs) -> dict:
    """The reconciliation summary as a dict (a dict, or a dataclass of the same fields)."""
    return rs if isinstance(rs, dict) else dataclasses.asdict(rs)


def _acronym(dependency: str, dependency_names: pd.DataFrame | None) -> str:
    """A dependency as prose names it: its acronym in the page's language when the
    edition's ``dependency_names`` are given ('SE-CICAD'), its code otherwise."""
    return dependency_labels(dependency_names).get(dependency, dependency)


# --- the year in brief -------------------------------------------------------------------

def summary_text(s: TrainingSummary, rs, dependency_names: pd.DataFrame | None = None,
                 report_language: str | None = None) -> str:
    """The paragraph that opens the chapter, from :func:`training.summary` and the
    section's reconciliation (:func:`hemiplan.analysis.reconciliation.summary`);
    dependencies named by their acronyms in ``dependency_names`` when given, the
    section's title marked as the report's words when ``report_language`` is not the page's."""
    sec = s.section
    if sec.numeral is None:
        return _("*The {year} report has no section on training, so this chapter has nothing to show for that "
                 "year.*").format(year=sec.year)
    fields = {"numeral": sec.numeral, "year": sec.year, "title": _title(title_case(sec.title), report_language),
              "paragraphs": n_("{n} paragraph", "{n} paragraphs", sec.paragraphs).format(n=number(sec.paragraphs))}
    if sec.activities == 0:
        return _("Section {numeral} of the {year} report, *{title}*, runs to {paragraphs} but records no activity "
                 "with figures.").format(**fields)
    if sec.subsections:
        opening = _("Section {numeral} of the {year} report, *{title}*, runs to {paragraphs} in "
                    "{subsections}.").format(subsections=n_("{n} subsection", "{n} subsections", sec.subsections)
                                             .format(n=number(sec.subsections)), **fields)
    else:
        opening = _("Section {numeral} of the {year} report, *{title}*, runs to {paragraphs}.").format(**fields)
    parts = [opening, activities_sentence(s, dependency_names), participants_sentence(s), figures_sentence(s),
             n_("The activity names {reached} of the {members} member states among those whose officials took part "
                "or that they served.",
                "The activities name {reached} of the {members} member states among those whose officials took part "
                "or that they served.", sec.activities).format(reached=number(sec.states_reached),
                                                                members=number(sec.members))]
    if sec.held_elsewhere:
        parts.append(n_("{n} activity of the section was held in another year and is listed apart at the end of the "
                        "chapter.",
                        "{n} activities of the section were held in another year and are listed apart at the end of "
                        "the chapter.", sec.held_elsewhere).format(n=number(sec.held_elsewhere)))
    parts.append(own_totals_sentence(rs))
    if s.drafts:
        parts.append(n_("{n} activity of the section is still in draft, awaiting review against the text.",
                        "{n} activities of the section are still in draft, awaiting review against the text.",
                        s.drafts).format(n=number(s.drafts)))
    return " ".join(p for p in parts if p)


def activities_sentence(s: TrainingSummary, dependency_names: pd.DataFrame | None = None) -> str:
    """'It records **81 activities** amounting to **112 events** (15 of them inferred
    …); by dependency, CICAD led 50 activities, 7 activities were led jointly, …'"""
    sec = s.section
    deps = p_("list of dependencies", ", ").join(
        n_("{n} activity was led jointly", "{n} activities were led jointly", n).format(n=number(n)) if d == JOINT
        else n_("{dependency} led {n} activity", "{dependency} led {n} activities", n).format(
            dependency=_acronym(d, dependency_names), n=number(n))
        for d, n, _p in s.dependency_totals)
    fields = {"activities": activities_count(sec.activities), "events": events_count(sec.events),
              "dependencies": deps}
    if sec.inferred_events:
        return n_("It records **{activities}** amounting to **{events}** ({n} of them inferred by the reviewer where "
                  "the text gives no number); by dependency, {dependencies}.",
                  "It records **{activities}** amounting to **{events}** ({n} of them inferred by the reviewer where "
                  "the text gives no number); by dependency, {dependencies}.",
                  sec.inferred_events).format(n=number(sec.inferred_events), **fields)
    return _("It records **{activities}** amounting to **{events}**; by dependency, {dependencies}.").format(**fields)


def participants_sentence(s: TrainingSummary) -> str:
    """How many activities give a participant figure, their sum, and the stated totals
    that stand for the activities the report does not itemise (with the note on
    double counting when two of them cover the same activities)."""
    sec, people = s.section, s.section.people
    if sec.with_participants == 0:
        text = _("The report gives no participant figure for the activities held in {year}").format(year=sec.year)
    else:
        fields = {"year": sec.year, "n": number(sec.with_participants),
                  "participants": participants_count(sec.itemised_participants)}
        if sec.activities == 1:
            text = _("The report gives a participant figure for the one activity held in {year}, adding up to "
                     "{participants} itemised").format(**fields)
        elif s.without_participants == 0:
            text = _("The report gives a participant figure for all {n} of the activities held in {year}, adding up "
                     "to {participants} itemised").format(**fields)
        else:
            text = _("The report gives a participant figure for {n} of the activities held in {year}, adding up to "
                     "{participants} itemised").format(**fields)
    if people.totals:
        n = len(people.totals)
        fields = {"n": number(n), "people": people.text, "basis": counting.basis_label(people.basis)}
        text += "; " + (n_("with the {n} stated total that stands for activities it does not itemise, the section's "
                           "participants come to **{people}** ({basis})",
                           "with the {n} stated totals that stand for activities it does not itemise, the section's "
                           "participants come to **{people}** ({basis})", n) if sec.with_participants else
                        n_("the {n} stated total that stands for them comes to **{people}** ({basis})",
                           "the {n} stated totals that stand for them come to **{people}** ({basis})", n)
                        ).format(**fields)
    if people.double:
        text += f" ({participation.double_note(people)})"
    return text + "."


def figures_sentence(s: TrainingSummary) -> str:
    """How far the itemised figures can be taken at face value: how many are not exact
    (approximate, a floor, a ceiling), how many activities give none, and so how the
    total reads (:func:`training.total_kind`); '' when no activity gives a figure."""
    n = s.section.with_participants
    if n == 0:
        return ""
    by = s.by_bound()
    present = [b for b in BOUND_WORDS if by[b].figures]
    loose = sum(by[b].figures for b in BOUND_WORDS)
    if n == 1:
        how = _("The figure is {kind}").format(kind=bound_words(1)[present[0] if present else "exact"])
    elif loose:
        words = bound_words(loose)
        how = n_("Of these figures, {n} is {kinds}", "Of these figures, {n} are {kinds}", loose).format(
            n=number(loose), kinds=join_words([words[b] for b in present], "or"))
    else:
        how = _("Of these figures, none is approximate or a bound")
    missing = s.without_participants
    gap = (n_("{n} activity has no figure at all", "{n} activities have no figure at all", missing)
           .format(n=number(missing)) if missing else _("every activity has one"))
    return _("{how}, and {gap}, so this total is {kind}.").format(how=how, gap=gap, kind=total_kind(s))


def double_note(people: participation.People) -> str:
    """The note under the parts table when the section's participants add two stated
    totals that cover some of the same activities (:func:`participation.double_note`);
    '' otherwise."""
    note = participation.double_note(people)
    return _("Note: {note}.").format(note=_upper_first(note)) if note else ""


def own_totals_sentence(rs) -> str:
    """The section's own stated totals against their items, in one sentence, from
    :func:`hemiplan.analysis.reconciliation.summary`."""
    r = _fields(rs)
    if not r["totals"]:
        return _("The section states no totals of its own.")
    a = r["agree"]
    agreeing = (n_("{n} agrees with the sum of the items recorded under it",
                   "{n} agree with the sum of the items recorded under it", a) if r["totals"] == 1 else
                n_("{n} agrees with the sum of the items recorded under them",
                   "{n} agree with the sum of the items recorded under them", a)).format(n=number(a))
    return n_("The section also states {n} total of its own: {agree}, {differ} and {not_comparable} (see the "
              "reconciliation below).",
              "The section also states {n} totals of its own: {agree}, {differ} and {not_comparable} (see the "
              "reconciliation below).", r["totals"]).format(
        n=number(r["totals"]), agree=agreeing,
        differ=n_("{n} differs", "{n} differ", r["differ"]).format(n=number(r["differ"])),
        not_comparable=n_("{n} cannot be compared", "{n} cannot be compared", r["not_comparable"])
        .format(n=number(r["not_comparable"])))


# --- parts, figures and maps ---------------------------------------------------------------

def top_part_text(tp: TopPart, report_language: str | None = None) -> str:
    """The subsection with the most stated participants and the subsections that record
    no activity, from :func:`training.top_part`; '' when no subsection states participants
    (its name marked as the report's words when ``report_language`` is not the page's)."""
    if tp.name is None:
        return ""
    text = _("The subsection with the most stated participants is *{name}*, with {participants} in {events} "
             "({share} of the section's stated participants).").format(
        name=_title(tp.name, report_language), participants=participants_count(tp.participants), events=events_count(tp.events),
        share=_share(tp.share))
    if tp.empty_parts:
        text += " " + n_("{n} subsection of {parts} records no activity with figures.",
                         "{n} subsections of {parts} record no activity with figures.",
                         tp.empty_parts).format(n=number(tp.empty_parts), parts=number(tp.parts))
    elif tp.parts > 1:
        text += " " + _("Every subsection records at least one activity.")
    return text


def pairs_alt(subject: str, left: pd.DataFrame, right: pd.DataFrame) -> str:
    """The alt text of a pair of stacked bar charts of events and participants
    (``subject``: 'by kind of activity', in the page's language), with every row's totals."""
    return _("Paired stacked bar charts of events and participants {subject}: {rows}.").format(
        subject=subject, rows=pairs_text(left, right))


def participants_map_alt(states: pd.DataFrame, members: int, n: int = 5) -> str:
    """The alt text of the map of participants attributed to one member state, from
    :func:`training_where.by_state`: how many states have some, the ``n`` largest."""
    single = states[states["participants_attributed"].notna()]
    largest = ", ".join(f"{r.name} ({number(r.participants_attributed)})" for r in single.head(n).itertuples())
    return n_("Tile map of the {members} member states; {n} has participants attributed to it. The largest: "
              "{largest}.",
              "Tile map of the {members} member states; {n} have participants attributed to them. The largest: "
              "{largest}.", len(single)).format(members=number(members), n=number(len(single)), largest=largest)


def activities_map_alt(states: pd.DataFrame, members: int, n: int = 5) -> str:
    """The alt text of the map of training activities naming each member state: how
    many states are named, the ``n`` named most often (ties by name)."""
    by_act = states.sort_values(["activities", "name"], ascending=[False, True])
    most = ", ".join(f"{r.name} ({number(r.activities)})" for r in by_act.head(n).itertuples())
    return n_("Tile map of the {members} member states; {n} is named by at least one training activity. The most "
              "often: {most}.",
              "Tile map of the {members} member states; {n} are named by at least one training activity. The most "
              "often: {most}.", len(states)).format(members=number(members), n=number(len(states)), most=most)


# --- where ----------------------------------------------------------------------------------

def attribution_text(att: Attribution) -> str:
    """How the stated participants can be placed on the map (attributed to one member
    state, shared by several, tied to none), with shares; '' when none is stated."""
    total = att.participants
    if total == 0:
        return ""

    def fields(placed) -> dict:
        return {"n": number(placed.participants), "share": _share(placed.participants / total),
                "activities": activities_count(placed.activities),
                "total": n_("{n} stated participant", "{n} stated participants", total).format(n=number(total))}

    one, several, none = att.single, att.several, att.none
    parts = [n_("Of the {total}, **{n}** ({share}) took part in {activities} whose people the text ties to a single "
                "member state, and can be attributed to it.",
                "Of the {total}, **{n}** ({share}) took part in {activities} whose people the text ties to a single "
                "member state, and can be attributed to it.", one.participants).format(**fields(one))
             if one.activities else
             _("None of the {total} can be attributed to a single member state: the text ties the people of no "
               "activity with a participant figure to one state.").format(**fields(one))]
    parts.append(n_("**{n}** ({share}) took part in {activities} covering several member states and cannot be "
                    "attributed to any one of them.",
                    "**{n}** ({share}) took part in {activities} covering several member states and cannot be "
                    "attributed to any one of them.", several.participants).format(**fields(several))
                 if several.activities else _("No activity with a participant figure covers several member states."))
    if none.activities:
        parts.append(n_("{n} ({share}) took part in {activities} whose people the text does not tie to a named "
                        "member state (events for officials of many states, or figures without their states).",
                        "{n} ({share}) took part in {activities} whose people the text does not tie to a named "
                        "member state (events for officials of many states, or figures without their states).",
                        none.participants).format(**fields(none)))
    return " ".join(parts)


# --- how exact, how large ----------------------------------------------------------------------

def qualifiers_text(s: TrainingSummary) -> str:
    """The sentence under the qualifiers table: how many itemised figures are exact,
    approximate, a floor or a ceiling (with their participants), how many activities
    give no number, and so how the total reads."""
    by = s.by_bound()
    if s.section.with_participants == 0:
        return _("No activity of the section gives a participant number.")
    exact = by["exact"].figures
    clauses = [n_("{n} figure is exact", "{n} figures are exact", exact).format(n=number(exact)) if exact
               else _("no figure is exact")]
    clauses += [n_("{n} {kind} ({participants})", "{n} {kind} ({participants})", by[b].figures).format(
        n=number(by[b].figures), kind=bound_words(by[b].figures)[b], participants=participants_count(by[b].participants))
        for b in BOUND_WORDS if by[b].figures]
    absent = [bound_words(1)[b] for b in BOUND_WORDS if not by[b].figures]
    if absent:
        clauses.append(_("none {kinds}").format(kinds=join_words(absent, "or")))
    missing = s.without_participants
    gap = (n_("{n} activity gives no number", "{n} activities give no number", missing).format(n=number(missing))
           if missing else _("every activity gives a number"))
    return _("{clauses}; {gap}. The stated total of {participants} is therefore {kind}.").format(
        clauses=_upper_first(join_words(clauses)), gap=gap, participants=participants_count(s.participants),
        kind=total_kind(s))


def per_event_text(pe: PerEvent) -> str:
    """Participants per event over the activities that state both, the median activity,
    the smallest and the largest; '' when no activity states both."""
    if pe.activities == 0:
        return ""
    text = n_("Over the {activities} that states participants, {participants} attended {events}: {overall} per event "
              "on average.",
              "Over the {activities} that state participants, {participants} attended {events}: {overall} per event "
              "on average.", pe.activities).format(
        activities=activities_count(pe.activities), participants=participants_count(pe.participants),
        events=events_count(pe.events), overall=_one_decimal(pe.overall))
    if pe.activities > 1:
        text += " " + _("The median activity had {median} participants per event, from {min} (*{min_title}*) to "
                        "{max} (*{max_title}*).").format(
            median=_one_decimal(pe.median), min=_one_decimal(pe.min), min_title=_title(pe.min_title),
            max=_one_decimal(pe.max), max_title=_title(pe.max_title))
    return text


def largest_share_text(top: pd.DataFrame, s: TrainingSummary) -> str:
    """The sentence under the table of largest activities (:func:`training.largest`):
    their share of the section's itemised participants; '' when the table is empty."""
    if top.empty or not s.participants:
        return ""
    n, share = len(top), _share(float(top["participants"].sum()) / float(s.participants))
    if n == 1:
        return _("This activity accounts for {share} of the section's stated participants.").format(share=share)
    return _("These {n} activities account for {share} of the section's stated participants.").format(
        n=number(n), share=share)


# --- stated totals against the items ------------------------------------------------------------

def reconciliation_text(rs, ref: Callable[[str], str] = str) -> str:
    """The paragraph under the reconciliation table, from
    :func:`hemiplan.analysis.reconciliation.summary`; ``ref`` writes the reference to
    a paragraph (the book's cross-reference); '' when the section states no total."""
    r = _fields(rs)
    if not r["totals"]:
        return ""
    parts = [n_("The section states {totals}, of which {n} can be set against itemised figures: {agree} and "
                "{differ}.",
                "The section states {totals}, of which {n} can be set against itemised figures: {agree} and "
                "{differ}.", r["comparable"]).format(
        totals=totals_count(r["totals"]), n=number(r["comparable"]),
        agree=n_("{n} agrees exactly", "{n} agree exactly", r["agree"]).format(n=number(r["agree"])),
        differ=n_("{n} differs", "{n} differ", r["differ"]).format(n=number(r["differ"])))]
    if r["differ"]:
        parts.append(_differences(r, ref))
    if r["not_comparable"]:
        n = r["not_comparable"]
        parts.append(n_("{n} total cannot be compared, because no item with a figure is linked to it.",
                        "{n} totals cannot be compared, because no item with a figure is linked to them.", n)
                     .format(n=number(n)))
    if r["differ_with_missing"]:
        n = r["differ_with_missing"]
        parts.append(n_("In {n} total that differs, some covered items give no figure ({items} in all), which "
                        "explains at least part of the gap.",
                        "In {n} totals that differ, some covered items give no figure ({items} in all), which "
                        "explains at least part of the gap.", n).format(
            n=number(n), items=n_("{n} item", "{n} items", r["differ_missing_items"])
            .format(n=number(r["differ_missing_items"]))))
    if r["stated_higher_complete"]:
        n = r["stated_higher_complete"]
        parts.append(n_("In {n} total every covered item has a figure and the stated total is still higher, so the "
                        "difference can only come from events or people the report does not itemise.",
                        "In {n} totals every covered item has a figure and the stated total is still higher, so the "
                        "difference can only come from events or people the report does not itemise.", n)
                     .format(n=number(n)))
    if r["items_higher"]:
        parts.append(_("Where the items add up to more than the stated total, either the total covers less than the "
                       "activities linked to it or the report's own figures do not agree with each other."))
    return " ".join(parts)


def _differences(r: dict, ref: Callable[[str], str]) -> str:
    """The sentences of :func:`reconciliation_text` on the totals that differ: in which
    direction, by how much, and the largest difference."""
    d = r["largest_difference"]
    higher = ([_("in {n} the stated total is higher than its items").format(n=number(r["stated_higher"]))]
              if r["stated_higher"] else []) + \
             ([_("in {n} the items add up to more").format(n=number(r["items_higher"]))] if r["items_higher"] else [])
    fields = {"first": _upper_first(p_("clauses on the totals that differ", ", ").join(higher)), "total": number(round(r["abs_difference"])),
              "what": literal(r["largest_what"]), "stated": number(round(r["largest_stated"])),
              "difference": number(round(abs(d))), "ref": ref(r["largest_paragraph"])}
    if d > 0:
        return _("{first}; the differences come to {total} in absolute terms. The largest is in a total of {what} "
                 "stated as {stated}, {difference} above the sum of its items ({ref}).").format(**fields)
    return _("{first}; the differences come to {total} in absolute terms. The largest is in a total of {what} "
             "stated as {stated}, {difference} below the sum of its items ({ref}).").format(**fields)
