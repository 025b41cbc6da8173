"""Training, in words: every sentence the training chapter prints, built from the
records of :mod:`hemiplan.analysis.training` and :mod:`hemiplan.analysis.training_where`.

Each function returns Markdown ('' when there is nothing to say); report text (titles,
names) is escaped with :func:`hemiplan.vocabulary.literal`. What a qualified figure is
(exact, an estimate, a floor, a ceiling) comes from the schema
(:func:`hemiplan.data.labels.bound`), never from a list kept here."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from hemiplan.analysis import participation
from hemiplan.analysis.frames import JOINT
from hemiplan.analysis.training import BOUND_WORDS as _WORDS
from hemiplan.analysis.training import PerEvent, TopPart, TrainingSummary, pairs_text, total_kind
from hemiplan.analysis.training_where import Attribution
from hemiplan.vocabulary import agree, join_words, literal, plural, title_case

#: How prose names a figure of each kind that is not exact (:data:`training.BOUND_WORDS`).
BOUND_WORDS = {kind: words for kind, words in _WORDS.items() if kind != "exact"}


# --- the year in brief -------------------------------------------------------------------

def summary_text(s: TrainingSummary, rs: dict) -> str:
    """The paragraph that opens the chapter, from :func:`training.summary` and the
    section's reconciliation (:func:`hemiplan.analysis.reconciliation.summary`)."""
    sec = s.section
    if sec.numeral is None:
        return f"*The {sec.year} report has no section on training, so this chapter has nothing to show for that year.*"
    opening = (f"Section {sec.numeral} of the {sec.year} report, *{literal(title_case(sec.title))}*, runs to "
               f"{plural(sec.paragraphs, 'paragraph')}")
    if sec.activities == 0:
        return f"{opening} but records no activity with figures."
    parts = [opening + (f" in {plural(sec.subsections, 'subsection')}." if sec.subsections else "."),
             activities_sentence(s), participants_sentence(s), figures_sentence(s),
             f"The {agree(sec.activities, 'activity names', 'activities name')} {sec.states_reached} of the "
             f"{sec.members} member states among those whose officials took part or that they served."]
    if sec.held_elsewhere:
        n = sec.held_elsewhere
        parts.append(f"{plural(n, 'activity')} of the section {agree(n, 'was', 'were')} held in another year and "
                     f"{agree(n, 'is', 'are')} listed apart at the end of the chapter.")
    parts.append(own_totals_sentence(rs))
    if s.drafts:
        parts.append(f"{plural(s.drafts, 'activity')} of the section {agree(s.drafts, 'is', 'are')} still in draft, "
                     "awaiting review against the text.")
    return " ".join(p for p in parts if p)


def activities_sentence(s: TrainingSummary) -> str:
    """'It records **81 activities** amounting to **112 events** (15 of them inferred
    …); by dependency, CICAD led 50 activities, 7 activities were led jointly, …'"""
    sec = s.section
    inferred = (f" ({sec.inferred_events:,} of them inferred by the reviewer where the text gives no number)"
                if sec.inferred_events else "")
    deps = ", ".join(f"{plural(n, 'activity')} {agree(n, 'was', 'were')} led jointly" if d == JOINT
                     else f"{d} led {plural(n, 'activity')}" for d, n, _ in s.dependency_totals)
    return (f"It records **{plural(sec.activities, 'activity')}** amounting to **{plural(sec.events, 'event')}**"
            f"{inferred}; by dependency, {deps}.")


def participants_sentence(s: TrainingSummary) -> str:
    """How many activities give a participant figure, their sum, and the stated totals
    that stand for the activities the report does not itemise (with the note on
    double counting when two of them cover the same activities)."""
    sec, people = s.section, s.section.people
    if sec.with_participants == 0:
        text = f"The report gives no participant figure for the activities held in {sec.year}"
    else:
        which = (f"the one activity held in {sec.year}" if sec.activities == 1
                 else f"{'all ' if s.without_participants == 0 else ''}{sec.with_participants:,} of the activities "
                      f"held in {sec.year}")
        text = (f"The report gives a participant figure for {which}, adding up to "
                f"{plural(sec.itemised_participants, 'participant')} itemised")
    if people.totals:
        n = len(people.totals)
        text += (f"; with the {plural(n, 'stated total')} that {agree(n, 'stands', 'stand')} for activities it does "
                 f"not itemise, the section's participants come to **{people.text}** ({people.basis})"
                 if sec.with_participants else
                 f"; the {plural(n, 'stated total')} that {agree(n, 'stands', 'stand')} for them "
                 f"{agree(n, 'comes', 'come')} to **{people.text}** ({people.basis})")
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
    kinds = [BOUND_WORDS[b] for b in BOUND_WORDS if by[b].figures]
    loose = sum(by[b].figures for b in BOUND_WORDS)
    if n == 1:
        how = f"The figure is {kinds[0] if kinds else 'exact'}"
    elif loose:
        how = f"Of these figures, {loose:,} {agree(loose, 'is', 'are')} {join_words(kinds, 'or')}"
    else:
        how = "Of these figures, none is approximate or a bound"
    missing = s.without_participants
    gap = (f"{plural(missing, 'activity')} {agree(missing, 'has', 'have')} no figure at all" if missing
           else "every activity has one")
    return f"{how}, and {gap}, so this total is {total_kind(s)}."


def double_note(people: participation.People) -> str:
    """The note under the parts table when the section's participants add two stated
    totals that cover some of the same activities (:func:`participation.double_note`);
    '' otherwise."""
    note = participation.double_note(people)
    return f"Note: {note[:1].upper()}{note[1:]}." if note else ""


def own_totals_sentence(rs: dict) -> str:
    """The section's own stated totals against their items, in one sentence, from
    :func:`hemiplan.analysis.reconciliation.summary`."""
    if not rs["totals"]:
        return "The section states no totals of its own."
    return (f"The section also states {plural(rs['totals'], 'total')} of its own: {rs['agree']} "
            f"{agree(rs['agree'], 'agrees', 'agree')} with the sum of the items recorded under "
            f"{agree(rs['totals'], 'it', 'them')}, {rs['differ']} {agree(rs['differ'], 'differs', 'differ')} "
            f"and {rs['not_comparable']} cannot be compared (see the reconciliation below).")


# --- parts, figures and maps ---------------------------------------------------------------

def top_part_text(tp: TopPart) -> str:
    """The subsection with the most stated participants and the subsections that record
    no activity, from :func:`training.top_part`; '' when no subsection states participants."""
    if tp.name is None:
        return ""
    text = (f"The subsection with the most stated participants is *{literal(tp.name)}*, with "
            f"{plural(tp.participants, 'participant')} in {plural(tp.events, 'event')} ({tp.share:.0%} of the "
            "section's stated participants).")
    if tp.empty_parts:
        text += (f" {plural(tp.empty_parts, 'subsection')} of {tp.parts} "
                 f"{agree(tp.empty_parts, 'records', 'record')} no activity with figures.")
    elif tp.parts > 1:
        text += " Every subsection records at least one activity."
    return text


def pairs_alt(subject: str, left: pd.DataFrame, right: pd.DataFrame) -> str:
    """The alt text of a pair of stacked bar charts of events and participants
    (``subject``: 'by kind of activity'), with every row's totals."""
    return f"Paired stacked bar charts of events and participants {subject}: {pairs_text(left, right)}."


def participants_map_alt(states: pd.DataFrame, members: int, n: int = 5) -> str:
    """The alt text of the map of participants attributed to one member state, from
    :func:`training_where.by_state`: how many states have some, the ``n`` largest."""
    single = states[states["participants_attributed"].notna()]
    largest = ", ".join(f"{r.name} ({r.participants_attributed:,})" for r in single.head(n).itertuples())
    return (f"Tile map of the {members} member states; {len(single)} {agree(len(single), 'has', 'have')} "
            f"participants attributed to {agree(len(single), 'it', 'them')}. The largest: {largest}.")


def activities_map_alt(states: pd.DataFrame, members: int, n: int = 5) -> str:
    """The alt text of the map of training activities naming each member state: how
    many states are named, the ``n`` named most often (ties by name)."""
    by_act = states.sort_values(["activities", "name"], ascending=[False, True])
    most = ", ".join(f"{r.name} ({r.activities})" for r in by_act.head(n).itertuples())
    return (f"Tile map of the {members} member states; {len(states)} {agree(len(states), 'is', 'are')} named by at "
            f"least one training activity. The most often: {most}.")


# --- where ----------------------------------------------------------------------------------

def attribution_text(att: Attribution) -> str:
    """How the stated participants can be placed on the map (attributed to one member
    state, shared by several, tied to none), with shares; '' when none is stated."""
    total = att.participants
    if total == 0:
        return ""

    def share(n: int) -> str:
        return f"{n / total:.0%}"

    one, several, none = att.single, att.several, att.none
    parts = [(f"Of the {plural(total, 'stated participant')}, **{one.participants:,}** ({share(one.participants)}) "
              f"took part in {plural(one.activities, 'activity')} whose people the text ties to a single member "
              "state, and can be attributed to it.") if one.activities else
             (f"None of the {plural(total, 'stated participant')} can be attributed to a single member state: the "
              "text ties the people of no activity with a participant figure to one state.")]
    parts.append(f"**{several.participants:,}** ({share(several.participants)}) took part in "
                 f"{plural(several.activities, 'activity')} covering several member states and cannot be attributed "
                 "to any one of them." if several.activities else
                 "No activity with a participant figure covers several member states.")
    if none.activities:
        parts.append(f"{none.participants:,} ({share(none.participants)}) took part in "
                     f"{plural(none.activities, 'activity')} whose people the text does not tie to a named member "
                     "state (events for officials of many states, or figures without their states).")
    return " ".join(parts)


# --- how exact, how large ----------------------------------------------------------------------

def qualifiers_text(s: TrainingSummary) -> str:
    """The sentence under the qualifiers table: how many itemised figures are exact,
    approximate, a floor or a ceiling (with their participants), how many activities
    give no number, and so how the total reads."""
    by = s.by_bound()
    if s.section.with_participants == 0:
        return "No activity of the section gives a participant number."
    exact = by["exact"].figures
    clauses = [f"{plural(exact, 'figure')} {agree(exact, 'is', 'are')} exact" if exact else "no figure is exact"]
    clauses += [f"{by[b].figures:,} {w} ({plural(by[b].participants, 'participant')})"
                for b, w in BOUND_WORDS.items() if by[b].figures]
    absent = [w for b, w in BOUND_WORDS.items() if not by[b].figures]
    if absent:
        clauses.append(f"none {join_words(absent, 'or')}")
    first = join_words(clauses)
    missing = s.without_participants
    gap = (f"{plural(missing, 'activity')} {agree(missing, 'gives', 'give')} no number" if missing
           else "every activity gives a number")
    return (f"{first[:1].upper()}{first[1:]}; {gap}. The stated total of {plural(s.participants, 'participant')} is "
            f"therefore {total_kind(s)}.")


def per_event_text(pe: PerEvent) -> str:
    """Participants per event over the activities that state both, the median activity,
    the smallest and the largest; '' when no activity states both."""
    if pe.activities == 0:
        return ""
    text = (f"Over the {plural(pe.activities, 'activity')} that {agree(pe.activities, 'states', 'state')} "
            f"participants, {plural(pe.participants, 'participant')} attended {plural(pe.events, 'event')}: "
            f"{pe.overall:,.1f} per event on average.")
    if pe.activities > 1:
        text += (f" The median activity had {pe.median:,.1f} participants per event, from {pe.min:,.1f} "
                 f"(*{literal(pe.min_title)}*) to {pe.max:,.1f} (*{literal(pe.max_title)}*).")
    return text


def largest_share_text(top: pd.DataFrame, s: TrainingSummary) -> str:
    """The sentence under the table of largest activities (:func:`training.largest`):
    their share of the section's itemised participants; '' when the table is empty."""
    if top.empty or not s.participants:
        return ""
    n, share = len(top), float(top["participants"].sum()) / float(s.participants)
    return (f"{agree(n, 'This activity accounts', f'These {n:,} activities account')} for {share:.0%} of the "
            "section's stated participants.")


# --- stated totals against the items ------------------------------------------------------------

def reconciliation_text(rs: dict, ref: Callable[[str], str] = str) -> str:
    """The paragraph under the reconciliation table, from
    :func:`hemiplan.analysis.reconciliation.summary`; ``ref`` writes the reference to
    a paragraph (the book's cross-reference); '' when the section states no total."""
    if not rs["totals"]:
        return ""
    parts = [f"The section states {plural(rs['totals'], 'total')}, of which {rs['comparable']:,} can be set against "
             f"itemised figures: {rs['agree']:,} {agree(rs['agree'], 'agrees', 'agree')} exactly and "
             f"{rs['differ']:,} {agree(rs['differ'], 'differs', 'differ')}."]
    if rs["differ"]:
        d = rs["largest_difference"]
        higher = ([f"in {rs['stated_higher']:,} the stated total is higher than its items"] if rs["stated_higher"]
                  else []) + ([f"in {rs['items_higher']:,} the items add up to more"] if rs["items_higher"] else [])
        first = ", ".join(higher)
        parts.append(f"{first[:1].upper()}{first[1:]}; the differences come to {rs['abs_difference']:,.0f} in absolute "
                     f"terms. The largest is in a total of {literal(rs['largest_what'])} stated as "
                     f"{rs['largest_stated']:,.0f}, {abs(d):,.0f} {'above' if d > 0 else 'below'} the sum of its items "
                     f"({ref(rs['largest_paragraph'])}).")
    if rs["not_comparable"]:
        n = rs["not_comparable"]
        parts.append(f"{plural(n, 'total')} cannot be compared, because no item with a figure is linked to "
                     f"{agree(n, 'it', 'them')}.")
    if rs["differ_with_missing"]:
        n = rs["differ_with_missing"]
        parts.append(f"In {plural(n, 'total')} that {agree(n, 'differs', 'differ')}, some covered items give no figure "
                     f"({plural(rs['differ_missing_items'], 'item')} in all), which explains at least part of the gap.")
    if rs["stated_higher_complete"]:
        parts.append(f"In {plural(rs['stated_higher_complete'], 'total')} every covered item has a figure and the "
                     "stated total is still higher, so the difference can only come from events or people the report "
                     "does not itemise.")
    if rs["items_higher"]:
        parts.append("Where the items add up to more than the stated total, either the total covers less than the "
                     "activities linked to it or the report's own figures do not agree with each other.")
    return " ".join(parts)
