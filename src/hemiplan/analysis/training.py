"""Training (the report's section on training): who trained how many people, in
which parts of the section, under which programmes, in which kinds of activity,
where, and how far the participant figures can be trusted.

Every function is pure (DataFrames in, DataFrame or a small typed record out) and
returns an empty result, never an error, when the year's report has no training
section. The sentences the chapter prints are built from these records in
:mod:`hemiplan.analysis.training_text`. Qualifiers and their words come from the
schema (:mod:`hemiplan.data.labels`): every qualifier it defines shows in every table."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemiplan.analysis import counting, frames, reconciliation, sections
from hemiplan.analysis.frames import dependency_labels, n_listed, partner_links, rows_in_order, totals
from hemiplan.analysis.sections import SectionSummary, join_ids
from hemiplan.analysis.training_parts import TopPart, by_part, part_dependency, parts, top_part, unique_labels  # noqa: F401 (the chapter's)
from hemiplan.analysis.training_words import no_program, org_kind, total_words, type_name
from hemiplan import language
from hemiplan.data import csvio, labels, names, schema
from hemiplan.language import _, n_
from hemiplan.vocabulary import shorten

#: The English labels of the rows without a programme or heading and of the total row
#: (tables show them in the page's language: :mod:`training_words`).
NO_PROGRAM = "(no programme named)"
NO_HEADING = "(no sub-heading)"
TOTAL_LABEL = "Whole section"


# --- the section ---------------------------------------------------------------------

def stated_qualifier(acts: pd.DataFrame) -> pd.Series:
    """Each row's participant qualifier as the schema names it ('exact' for a figure
    stated without one), '' where no figure is stated; a value outside the schema's
    vocabulary raises :class:`hemiplan.data.labels.UnknownValue`."""
    if acts.empty:
        return pd.Series([], index=acts.index, dtype=object)
    q = acts["participants_qualifier"].fillna("").astype(str).where(acts["participants"].notna(), "")
    q = q.mask(acts["participants"].notna() & (q == ""), "exact")
    unknown = sorted(set(q) - set(labels.qualifiers()) - {""})
    if unknown:
        labels.qualifier_label(unknown[0])  # raises, naming the value and the vocabulary
    return q


def activities(sec: sections.Section) -> pd.DataFrame:
    """Activities of the section with their subsection and heading, the number of
    member states each names (``n_countries``) and the reader-facing label of the
    participant qualifier (``qualifier_label``, from the schema), by id; empty (same
    columns) when the section is missing."""
    out = sec.activities.copy()
    out["n_countries"] = out["countries"].map(n_listed).astype("int64")
    out["attributed"] = frames.is_attributed(out) if len(out) else pd.Series(dtype=bool)
    out["qualifier_label"] = stated_qualifier(out).map(labels.qualifier_label).astype(object)
    return out.sort_values("activity_id").reset_index(drop=True)


def section_reconciliation(indicators: pd.DataFrame, activities: pd.DataFrame, paragraphs: pd.DataFrame,
                           numeral: str | None) -> pd.DataFrame:
    """The stated totals of the section against their items
    (:func:`hemiplan.analysis.reconciliation.reconcile`); empty, with the same
    columns, when the section is missing."""
    if numeral is None:
        return reconciliation.reconcile(indicators.iloc[0:0], activities)
    return reconciliation.reconcile(indicators, activities, paragraphs, section=numeral)


@dataclass(frozen=True)
class Stated:
    """The participant figures stated with one qualifier: how many, and their people."""
    figures: int = 0
    participants: int = 0


@dataclass(frozen=True)
class TrainingSummary:
    """The training section's size (:func:`summary`): the generic section summary, the
    activities without a participant figure, the itemised figures per qualifier of the
    schema (``by_qualifier``, every qualifier in the schema's order, zeros included),
    activities and itemised participants per lead dependency (most participants
    first) and the rows still in draft."""
    section: SectionSummary
    without_participants: int
    by_qualifier: dict
    dependency_totals: tuple[tuple[str, int, int], ...]
    drafts: int

    @property
    def participants(self) -> int:
        """The itemised participants (the sum of the figures stated activity by activity)."""
        return self.section.itemised_participants

    def by_bound(self) -> dict:
        """The itemised figures per kind of figure (:func:`hemiplan.data.labels.bound`:
        exact, estimate, lower, upper), every kind present, in that order."""
        out = {k: Stated() for k in BOUNDS}
        for q, n in self.by_qualifier.items():
            b = labels.bound(q)
            out[b] = Stated(out[b].figures + n.figures, out[b].participants + n.participants)
        return out

    @property
    def qualifier(self) -> str:
        """The qualifier the itemised total supports (:func:`counting.sum_qualifier`),
        an activity without a figure counting as a floor ('at least' none): the people
        it trained are missing from the total."""
        parts = [q for q, n in self.by_qualifier.items() if n.figures]
        return counting.sum_qualifier(parts + (["at_least"] if self.without_participants else []))


#: How prose names each kind of stated figure (:func:`hemiplan.data.labels.bound`), in
#: English and in order (:func:`training_words.bound_words`: in the page's language).
BOUND_WORDS = {"exact": "exact", "estimate": "approximate", "lower": "a floor", "upper": "a ceiling"}
BOUNDS = tuple(BOUND_WORDS)


def summary(sec: sections.Section, member_states: pd.DataFrame) -> TrainingSummary:
    """Headline figures of the section (:func:`hemiplan.analysis.sections.summary`),
    with the itemised figures per qualifier of the schema, activities without a
    participant figure, activities and itemised participants per dependency (joint
    work as ``Joint``; most participants first: ``dependency_totals``) and drafts."""
    acts = sec.activities
    q = stated_qualifier(acts)
    by_q = {k: Stated(int((q == k).sum()), int(acts.loc[q == k, "participants"].sum()) if (q == k).any() else 0)
            for k in labels.qualifiers()}
    dep = (totals(acts.assign(dependency=frames.lead(acts)), "dependency") if len(acts)
           else pd.DataFrame(columns=["dependency", "activities", "events", "participants"]))
    dep = dep.assign(p=dep["participants"].fillna(0)).sort_values(["p", "activities", "dependency"],
                                                                    ascending=[False, False, True])
    return TrainingSummary(
        section=sections.summary(sec, member_states),
        without_participants=int((q == "").sum()),
        by_qualifier=by_q,
        dependency_totals=tuple((r.dependency, int(r.activities), int(r.p)) for r in dep.itertuples(index=False)),
        drafts=int((acts["status"] == "draft").sum()) if len(acts) else 0,
    )


def total_kind(s: TrainingSummary) -> str:
    """How to read the itemised participant total of a :func:`summary`, from the
    qualifier its parts support (:attr:`TrainingSummary.qualifier`): 'a floor' when
    every figure is exact or a floor (or an activity gives none), 'a ceiling' when
    every figure is exact or a ceiling ('up to') and every activity gives one,
    'approximate' when a figure is an approximation or floors and ceilings are mixed,
    else 'exact as stated'."""
    return total_words()[labels.bound(s.qualifier)]


def pairs_text(left: pd.DataFrame, right: pd.DataFrame) -> str:
    """Alt-text fragment for a pair of stacked bar tables of events (left) and
    participants (right): 'label: 3 events, no participant figure; …' (row totals, NaN
    rows read as 'no … figure'), in the page's language."""
    parts_ = []
    for label in left.index:
        lv = left.loc[label].sum(min_count=1)
        rv = right.loc[label].sum(min_count=1) if label in right.index else float("nan")
        lt = (n_("{n} event", "{n} events", lv).format(n=language.number(lv)) if pd.notna(lv)
              else _("no event figure"))
        rt = (n_("{n} participant", "{n} participants", rv).format(n=language.number(rv)) if pd.notna(rv)
              else _("no participant figure"))
        parts_.append(_("{label}: {events}, {participants}").format(label=label, events=lt, participants=rt))
    return "; ".join(parts_)


# --- programmes and activity types ----------------------------------------------------

def _grouped(acts: pd.DataFrame, key: pd.Series, name: str, dependency_names=None) -> pd.DataFrame:
    g, lab = acts.assign(**{name: key}).groupby(name, sort=True), dependency_labels(dependency_names)
    out = pd.DataFrame({
        "dependencies": g["dependency"].agg(lambda s: ", ".join(lab[d] for d in schema.dependencies() if d in set(s))),
        "activities": g.size(),
        "events": g["events"].sum().astype("int64"),
        "inferred_events": g[["events", "events_basis"]].apply(counting.inferred_events).astype("int64"),
        "participants": g["participants"].sum(min_count=1).astype("Int64"),
        "stated_as": g["participants_qualifier"].agg(lambda s: labels.qualifier_label(counting.sum_qualifier(s))),
        "without_participants": g["participants"].agg(lambda s: int(s.isna().sum())).astype("int64"),
        "paragraphs": g["paragraph_id"].agg(join_ids),
        "activity_id": g[["paragraph_id", "activity_id"]].apply(rows_in_order),
    }).reset_index()
    out["stated_as"] = out["stated_as"].where(out["participants"].notna(), pd.NA)
    return out


def by_program(acts: pd.DataFrame, dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per programme named in the report (empty names grouped as one row, listed last):
    dependencies (acronyms of ``dependency_names`` when given), activities, events (and how
    many the reviewer inferred), stated participants, activities without a participant figure, source paragraphs.
    Sorted by participants, events, name."""
    cols = ["program", "dependencies", "activities", "events", "inferred_events", "participants", "stated_as",
            "without_participants", "paragraphs", "activity_id"]
    if acts.empty:
        return pd.DataFrame(columns=cols)
    key = acts["program"].fillna("").str.strip().replace("", no_program())
    out = _grouped(acts, key, "program", dependency_names)
    out["_unnamed"] = out["program"] == no_program()
    out["_p"] = out["participants"].fillna(0)
    out = out.sort_values(["_unnamed", "_p", "events", "program"], ascending=[True, False, False, True])
    return out[cols].reset_index(drop=True)


def by_type(acts: pd.DataFrame, dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per activity type: dependencies, activities, events (and how many the reviewer
    inferred), stated participants, activities without a participant figure, and
    participants per event counted
    over the activities that state participants (``per_event``). Sorted by events,
    participants, type."""
    cols = ["type", "dependencies", "activities", "events", "inferred_events", "participants", "stated_as",
            "without_participants", "per_event", "paragraphs", "activity_id"]
    if acts.empty:
        return pd.DataFrame(columns=cols)
    out = _grouped(acts, acts["activity_type"].map(type_name), "type", dependency_names)
    with_p = acts[acts["participants"].notna()]
    ev = with_p.groupby(with_p["activity_type"].map(type_name))["events"].sum()
    out["per_event"] = (out["participants"].astype("Float64") / out["type"].map(ev).astype("Float64")).round(1)
    out["_p"] = out["participants"].fillna(0)
    out = out.sort_values(["events", "_p", "type"], ascending=[False, False, True])
    return out[cols].reset_index(drop=True)


def group_dependency(acts: pd.DataFrame, group: str, value: str, width: int = 58, order=None) -> pd.DataFrame:
    """``value`` (events or participants) per group (``program`` or ``type``) and
    dependency, rows in ``order`` (default: by total, descending, then name), labels
    shortened to ``width``; a row is NaN when no activity of the group states the
    value. For the stacked bars."""
    if acts.empty:
        return pd.DataFrame()
    if group == "program":
        key = acts["program"].fillna("").str.strip().replace("", no_program())
    elif group == "type":
        key = acts["activity_type"].map(type_name)
    else:
        key = acts[group].astype(str)
    a = acts.assign(_group=key, _value=acts[value].astype("Float64").fillna(0).astype(float))
    table = a.pivot_table(index="_group", columns="dependency", values="_value", aggfunc="sum", fill_value=0.0)
    table = table.reindex(columns=[d for d in frames.dependency_order() if d in table.columns]).astype(float)
    stated = acts[value].notna().groupby(key).sum().reindex(table.index, fill_value=0)
    table.loc[stated.to_numpy() == 0, :] = float("nan")
    if order is None:
        tot = table.sum(axis=1).fillna(-1)
        order = sorted(table.index, key=lambda k: (-tot[k], k))
    table = table.reindex([o for o in order if o in table.index])
    table.index = pd.Index(unique_labels([shorten(i, width) for i in table.index]), name=group)
    table.columns.name = None
    return table.astype(float)


# --- how far the figures can be trusted ------------------------------------------------

def qualifiers(acts: pd.DataFrame) -> pd.DataFrame:
    """Activities and participants by how the report states the number: one row per
    qualifier of the schema, in its order (exact, approximately, more than, at least,
    up to), then 'not stated'; with each row's share of the stated participants
    (percent). Always every row, so that the shares of the stated rows add up to 100."""
    q = stated_qualifier(acts)
    stated = acts["participants"].sum(min_count=1)
    rows = []
    for key in [*labels.qualifiers(), ""]:
        sub = acts[q == key]
        p = sub["participants"].sum(min_count=1) if key else pd.NA
        share = (float(p) / float(stated) * 100) if key and pd.notna(p) and pd.notna(stated) and stated else pd.NA
        rows.append({"qualifier": labels.qualifier_label(key), "activities": len(sub), "participants": p,
                     "share": share, "paragraphs": join_ids(sub["paragraph_id"]), "activity_id": rows_in_order(sub)})
    out = pd.DataFrame(rows)
    out["participants"] = out["participants"].astype("Int64")
    out["share"] = out["share"].astype("Float64").round(1)
    out["activities"] = out["activities"].astype("int64")
    return out


@dataclass(frozen=True)
class PerEvent:
    """Participants per event over the activities that state both (:func:`per_event_stats`);
    ``activities`` is 0, and the rest empty, when none does."""
    activities: int = 0
    participants: int = 0
    events: int = 0
    overall: float = 0.0
    median: float = 0.0
    min: float = 0.0
    min_title: str = ""
    max: float = 0.0
    max_title: str = ""


def _titled(acts: pd.DataFrame, translations: pd.DataFrame | None) -> pd.DataFrame:
    """``acts`` with each title in the page's language (:func:`hemiplan.data.names.titles`)
    when the year's ``translations`` are given; as they are otherwise."""
    if translations is None or acts.empty:
        return acts
    return acts.assign(title=names.titles(acts, translations))


def per_event_stats(acts: pd.DataFrame, translations: pd.DataFrame | None = None) -> PerEvent:
    """Participants per event over activities that state participants: the overall
    ratio, the median activity, the smallest and largest (with their titles, in the
    page's language when the year's ``translations`` are given)."""
    with_p = _titled(acts[acts["participants"].notna() & (acts["events"] > 0)], translations).copy()
    if with_p.empty:
        return PerEvent()
    with_p["per_event"] = with_p["participants"].astype(float) / with_p["events"].astype(float)
    ordered = with_p.sort_values(["per_event", "activity_id"])
    return PerEvent(
        activities=len(with_p),
        participants=int(with_p["participants"].sum()),
        events=int(with_p["events"].sum()),
        overall=float(with_p["participants"].sum()) / float(with_p["events"].sum()),
        median=float(with_p["per_event"].median()),
        min=float(ordered["per_event"].iloc[0]), min_title=ordered["title"].iloc[0],
        max=float(ordered["per_event"].iloc[-1]), max_title=ordered["title"].iloc[-1],
    )


def largest(acts: pd.DataFrame, member_states: pd.DataFrame, n: int = 10, translations: pd.DataFrame | None = None,
            dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``n`` activities with the most stated participants: title (in the page's
    language when the year's ``translations`` are given), dependency, type, member
    states (names; a count beyond three), events, participants with the qualifier,
    participants per event, source paragraph. Ties broken by id."""
    cols = ["title", "dependency", "type", "states", "events", "participants", "qualifier", "per_event", "paragraph_id",
            "activity_id"]
    with_p = acts[acts["participants"].notna()]
    if with_p.empty:
        return pd.DataFrame(columns=cols)
    state = names.state_names(member_states)
    top = _titled(with_p.sort_values(["participants", "activity_id"], ascending=[False, True]).head(n),
                  translations).copy()

    def states(cell):
        codes = csvio.split_list(cell)
        if not codes:
            return "–"
        if len(codes) > 3:
            return n_("{n} member state", "{n} member states", len(codes)).format(n=language.number(len(codes)))
        return ", ".join(sorted(state.get(c, c) for c in codes))

    lab = dependency_labels(dependency_names)  # acronyms in the page's language when the names are given
    top["type"], top["dependency"] = top["activity_type"].map(type_name), top["dependency"].map(lambda d: lab[d])
    top["states"] = top["countries"].map(states)
    top["qualifier"] = top["qualifier_label"]
    top["per_event"] = (top["participants"].astype("Float64") / top["events"].astype("Float64").replace(0, pd.NA)).round(1)
    return top[cols].reset_index(drop=True)


# --- with whom -------------------------------------------------------------------------

def partners(acts: pd.DataFrame, organizations: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """Organisations named most often as partners or funders of the section's
    activities: name, kind, activities, of which as funder, participants of those
    activities, source paragraphs. Sorted by activities, then name."""
    cols = ["organisation", "kind", "activities", "as_funder", "participants", "paragraphs", "activity_id"]
    both = partner_links(acts, organizations, unknown_kind="")
    if both.empty:
        return pd.DataFrame(columns=cols)
    both = both.assign(organisation=both["org_id"].map(names.org_names(organizations)).fillna(both["organisation"]),
                       kind=both["kind"].map(org_kind))
    uniq = both.drop_duplicates(["org_id", "activity_id"])
    uniq = uniq.assign(participants=uniq["activity_id"].map(acts.set_index("activity_id")["participants"]))
    g = uniq.groupby("org_id")
    funders = both[both["role"] == "funder"].groupby("org_id")["activity_id"].nunique()
    out = pd.DataFrame({
        "organisation": g["organisation"].first(),
        "kind": g["kind"].first(),
        "activities": g.size(),
        "participants": g["participants"].sum(min_count=1).astype("Int64"),
        "paragraphs": g["paragraph_id"].agg(join_ids),
        "activity_id": g[["paragraph_id", "activity_id"]].apply(rows_in_order),
    }).reset_index()
    out["as_funder"] = out["org_id"].map(funders).fillna(0).astype("int64")
    out = out.sort_values(["activities", "organisation"], ascending=[False, True]).head(n)
    return out[cols].reset_index(drop=True)


# --- across years ----------------------------------------------------------------------

def year_over_year(editions: dict) -> pd.DataFrame:
    """The section's headline figures for every year with data whose report has a
    training section (empty with fewer than two such years); ``year`` is text, so
    that it is shown without a thousands separator."""
    def row(e) -> dict | None:
        sec = sections.select(e, "training")
        if not sec.present:
            return None
        s = summary(sec, e.member_states).section
        return {"activities": s.activities, "events": s.events, "participants": s.itemised_participants,
                "with_participants": s.with_participants, "states_reached": s.states_reached,
                "people": s.people.text or pd.NA}

    return frames.year_over_year(editions, row)
