"""Frames every chapter shares: activities with their context, totals, member states
reached, partners and funders, names for codes, activity types, subregions, and the
year-over-year table. Pure functions: they read the frames they are given and
return a new frame, dict or string."""
from __future__ import annotations

import re
from typing import Callable

import pandas as pd

from hemiplan import language
from hemiplan.analysis import terms
from hemiplan.analysis.terms import humanize
from hemiplan.data import csvio, names as names_, schema
from hemiplan.reading.report import roman_to_int
from hemiplan.data.labels import type_label, type_noun
from hemiplan.language import _, p_
from hemiplan.vocabulary import ACRONYMS, join_words, month_name, number

#: A stated total is an indicator whose name starts with this.
TOTAL_PREFIX = "total_"

def paragraph_key(paragraph_id: str) -> tuple:
    """Report order of paragraph ids (year, section, subsection, position)."""
    m = re.match(r"(\d{4})-([IVXLC]+)(?:\.([a-z]))?-(\d+)", str(paragraph_id))
    if not m:
        return (0, 0, "", 0)
    return (int(m.group(1)), roman_to_int(m.group(2)) or 0, m.group(3) or "", int(m.group(4)))


def rows_in_order(frame: pd.DataFrame, id_column: str = "activity_id") -> str:
    """The data-row ids of ``frame``, ;-joined in report order (by paragraph, then
    id), so that the first is a row quoted in the first of the paragraphs that
    :func:`join_ids` lists: an aggregated table's row links to that quote."""
    pairs = {(str(p), str(i)) for p, i in zip(frame["paragraph_id"], frame[id_column]) if str(i)}
    return ";".join(dict.fromkeys(i for _p, i in sorted(pairs, key=lambda t: (paragraph_key(t[0]), t[1]))))


# --- who led (the Joint rule) ------------------------------------------------------------------------------

def lead(activities: pd.DataFrame) -> pd.Series:
    """The dependency an activity counts for: its lead, or ``JOINT`` when it names
    other dependencies in ``joint_with``."""
    joint = activities["joint_with"].fillna("").astype(str) != ""
    return activities["dependency"].where(~joint, JOINT)


def lead_label(activities: pd.DataFrame, detailed: bool = False, acronyms: dict | None = None) -> pd.Series:
    """'CICAD', or for joint work 'Joint (CICAD, CICTE)' (or 'CICAD with CICTE' when
    ``detailed``), in the page's language; ``acronyms`` (code → acronym, see
    :func:`dependency_labels`) names the dependencies, their codes when not given."""
    short = acronyms or {}

    def label(dep, joint):
        others = [short.get(o, o) for o in csvio.split_list(joint)]
        lead_ = short.get(dep, dep)
        if not others:
            return lead_
        if detailed:
            return _("{lead} with {others}").format(lead=lead_, others=join_words(others))
        return _("Joint ({dependencies})").format(dependencies=", ".join([lead_, *others]))
    return pd.Series([label(d, j) for d, j in zip(activities["dependency"], activities["joint_with"].fillna(""))],
                     index=activities.index, dtype=object)


def joint_label() -> str:
    """How a table names the row of work led jointly: 'Joint' ('Conjunta')."""
    return p_("dependency table row", "Joint")


def dependency_labels(dependency_names: pd.DataFrame | None = None) -> dict[str, str]:
    """Dependency code (and ``JOINT``) → how a table names it in the page's language:
    its acronym ('CICAD', 'DSP'; the code itself when ``dependency_names`` is not
    given) and 'Joint' ('Conjunta')."""
    deps = schema.dependencies()
    if dependency_names is None or language.current() == language.SOURCE:
        out = {d: d for d in deps}
    else:
        out = {d: names_.dependency_acronym(dependency_names, d) for d in deps}
    return {**out, JOINT: joint_label()}


def dependency_full_name(dependency_names: pd.DataFrame, dependency: str) -> str:
    """A dependency's full name in the page's language (:func:`hemiplan.data.names.dependency_name`),
    or what the Joint row stands for."""
    if dependency == JOINT:
        return p_("dependency table row", "Led jointly by two or more dependencies")
    return names_.dependency_name(dependency_names, dependency)


def dependency_full_names(dependencies: pd.Series, dependency_names: pd.DataFrame) -> pd.Series:
    """:func:`dependency_full_name` of every value of a column (Joint included)."""
    return dependencies.map(lambda d: dependency_full_name(dependency_names, d))


#: The row of dependency tables for work led by several dependencies.
JOINT = "Joint"


def dependency_order() -> list[str]:
    """Rows of a dependency table: the dependencies in the book's order, then ``JOINT``."""
    return [*schema.dependencies(), JOINT]


# --- rows and their context -----------------------------------------------------------

def with_context(activities: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Rows (activities or indicators) with the section, subsection and heading of their paragraph."""
    cols = ["paragraph_id", "section", "section_title", "subsection", "subsection_title", "heading"]
    return activities.merge(paragraphs[cols], on="paragraph_id", how="left", validate="many_to_one")


def explode_list(df: pd.DataFrame, column: str, into: str | None = None) -> pd.DataFrame:
    """One row per item of a ;-separated list column (rows with an empty list dropped)."""
    into = into or column
    out = df.copy()
    out[into] = out[column].map(csvio.split_list)
    out = out.explode(into)
    return out[out[into].notna() & (out[into] != "")].reset_index(drop=True)


def n_listed(cell) -> int:
    """How many items a ;-separated list cell holds."""
    return len(csvio.split_list(cell))


def totals(activities: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Activities (rows), events and stated participants, grouped."""
    g = activities.groupby(by, dropna=False, sort=True)
    return pd.DataFrame({
        "activities": g.size(),
        "events": g["events"].sum(min_count=1).astype("Int64"),
        "participants": g["participants"].sum(min_count=1).astype("Int64"),
    }).reset_index()


def is_total(indicator: str, anywhere: bool = False) -> bool:
    """Whether an indicator name is a stated total: its name starts with ``total_``
    (with ``anywhere``, or contains 'total' anywhere, in any case)."""
    name = str(indicator)
    return name.startswith(TOTAL_PREFIX) or (anywhere and "total" in name.lower())


# --- names for codes --------------------------------------------------------------------

def member_names(member_states: pd.DataFrame) -> dict[str, str]:
    """ISO code → the state's name in the page's language (:func:`hemiplan.data.names.state_names`)."""
    return names_.state_names(member_states)


def org_names(organizations: pd.DataFrame) -> dict[str, str]:
    """Organisation id → acronym (or name when it has none), in the page's language."""
    return names_.org_labels(organizations)


def name_list(cell, names: dict[str, str]) -> str:
    """A ;-separated list of codes (ISO codes, organisation ids) → their names, sorted,
    comma-separated (empty string for an empty list)."""
    return ", ".join(sorted(names.get(c, c) for c in csvio.split_list(cell)))


def indicator_label(name: str, countries: str = "", names: dict[str, str] | None = None) -> str:
    """A reader-facing label for a snake_case indicator name, acronyms in capitals:
    'focal_points' → 'Focal points'. A last word that is the ISO code of a member
    state the figure is about becomes its name in brackets:
    'firearms_destroyed_gtm' (countries 'GTM') → 'Firearms destroyed (Guatemala)'."""
    words = re.sub(r"_+", " ", str(name)).split()
    codes = set(csvio.split_list(countries))
    if language.current() != language.SOURCE:
        base, code = terms.base_indicator(name, codes)
        label = terms.indicator_words(base)
        if not code:
            return label
        place = f"{label} ({(names or {}).get(code, code)})"
        return names_.English(place) if isinstance(label, names_.English) else place
    place = ""
    if len(words) > 1 and words[-1].upper() in codes:
        code = words.pop().upper()
        place = f" ({(names or {}).get(code, code)})"
    text = " ".join(ACRONYMS.get(w.lower(), w) for w in words)
    return text[:1].upper() + text[1:] + place


# --- for tables ---------------------------------------------------------------------------

def part_of(ids: pd.Series, paragraphs: pd.DataFrame) -> pd.Series:
    """The part of the report of each paragraph id: 'VII.c', or 'IV' without
    subsection ('' for an id missing from ``paragraphs``)."""
    lookup = {p: s + (f".{sub}" if sub else "") for p, s, sub in
              zip(paragraphs["paragraph_id"], paragraphs["section"], paragraphs["subsection"])}
    return ids.map(lambda p: lookup.get(p, ""))


def activity_table(activities: pd.DataFrame, member_states: pd.DataFrame, organizations: pd.DataFrame | None = None,
                   paragraphs: pd.DataFrame | None = None, translations: pd.DataFrame | None = None,
                   dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Activities for a table, in the order (and with the index) given: id, title (in
    the page's language when ``translations``, an edition's, is given), type (reader
    label), dependency (acronyms in the page's language when ``dependency_names`` is
    given), programme, month name, member states (names) and their number, partners
    and funders (acronyms, when ``organizations`` is given), the part of the report
    (when ``paragraphs`` is given, else '') and paragraph."""
    names = member_names(member_states)
    orgs = org_names(organizations) if organizations is not None else {}
    own = translations is not None and language.current() != language.SOURCE
    titles = names_.titles(activities, translations) if own else activities["title"]
    return pd.DataFrame({
        "activity_id": activities["activity_id"],
        "title": titles,
        "type": activities["activity_type"].map(type_label),
        "dependency": lead_label(activities, detailed=True,
                                 acronyms=dependency_labels(dependency_names) if dependency_names is not None else None),
        "program": activities["program"],
        "month": activities["month"].map(month_name),
        "states": activities["countries"].map(lambda c: name_list(c, names)),
        "n_states": activities["countries"].map(n_listed).astype(int),
        "partners": activities["partners"].map(lambda c: name_list(c, orgs)),
        "funders": activities["funders"].map(lambda c: name_list(c, orgs)),
        "section": part_of(activities["paragraph_id"], paragraphs) if paragraphs is not None else "",
        "paragraph_id": activities["paragraph_id"],
    })


def indicator_table(indicators: pd.DataFrame, member_states: pd.DataFrame) -> pd.DataFrame:
    """Stated figures for a table, in the order given: id, what is counted (label with
    the state it is about), value, unit, member states (names), the year it refers to
    (text; '' for the report's year) and paragraph."""
    names = member_names(member_states)
    return pd.DataFrame({
        "indicator_id": indicators["indicator_id"],
        "what": [indicator_label(n, c, names) for n, c in zip(indicators["indicator"], indicators["countries"])],
        "value": indicators["value"].astype("Float64"),
        "unit": indicators["unit"].map(terms.unit_words),
        "states": indicators["countries"].map(lambda c: name_list(c, names)),
        "refers_to": indicators["ref_year"].map(lambda y: "" if pd.isna(y) else str(int(y))),
        "paragraph_id": indicators["paragraph_id"],
    })


def or_missing(text):
    """'' → pd.NA, so that a table shows an en dash for an empty cell."""
    return text if text else pd.NA


def blank_to_na(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with empty text cells as missing, so that a table shows an en dash."""
    out = df.copy()
    for c in out.columns:
        if not pd.api.types.is_numeric_dtype(out[c]):
            out[c] = out[c].map(lambda v: pd.NA if isinstance(v, str) and v == "" else v).astype(object)
    return out


def years_as_text(df: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy with year columns as text ('2014', not '2,014'; missing stays missing),
    for tables."""
    out = df.copy()
    for c in columns:
        out[c] = out[c].map(lambda v: str(int(v)) if pd.notna(v) and v != "" else pd.NA).astype(object)
    return out


def stated_figures(indicators: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Every stated figure of a section for a table: the figure (humanized name),
    value, unit, member states it is about, the year it refers to (empty for the
    report's year), and the source paragraph; in the order given."""
    cols = ["figure", "value", "unit", "about", "refers_to", "paragraph_id"]
    if indicators.empty:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({
        "figure": indicators["indicator"].map(humanize),
        "value": indicators["value"],
        "unit": indicators["unit"].map(terms.unit_words),
        "about": indicators["countries"].map(lambda c: or_missing(name_list(c, names))),
        "refers_to": indicators["ref_year"],
        "paragraph_id": indicators["paragraph_id"],
    })
    return out[cols].reset_index(drop=True)


# --- activity types -------------------------------------------------------------------------

def type_by_dependency(activities: pd.DataFrame, label: Callable[[str], str] = humanize) -> pd.DataFrame:
    """Counts of activities: one row per activity type (``label`` of the type), one
    column per lead present (book order, work led jointly in a Joint column); rows
    sorted by total, descending, then label."""
    if activities.empty:
        return pd.DataFrame()
    t = activities.assign(type=activities["activity_type"].map(label), _lead=lead(activities)).pivot_table(
        index="type", columns="_lead", values="activity_id", aggfunc="count", fill_value=0)
    t = t.reindex(columns=[d for d in dependency_order() if d in t.columns])
    order = t.assign(_total=t.sum(axis=1)).reset_index().sort_values(["_total", "type"], ascending=[False, True])
    t = t.loc[order["type"]]
    t.columns.name = None
    return t


def type_counts_text(activities: pd.DataFrame) -> str:
    """'3 meetings, 1 network and 1 publication': activities per type, most frequent
    first (ties by type name)."""
    if activities.empty:
        return ""
    counts = activities["activity_type"].value_counts().rename("n").reset_index()
    counts = counts.sort_values(["n", "activity_type"], ascending=[False, True], kind="mergesort")
    return join_words(_("{n} {things}").format(n=number(r.n), things=type_noun(r.activity_type, r.n))
                      for r in counts.itertuples(index=False))


# --- member states reached ---------------------------------------------------------------

def is_attributed(activities: pd.DataFrame) -> pd.Series:
    """True where an activity's participants can be attributed to a state: the text
    ties them to the states it names (``attendance`` is ``named``) and it names exactly
    one. Where an event was held (``host``) says nothing about whose officials came."""
    return ((activities["attendance"] == "named") & (activities["countries"].map(n_listed) == 1)).astype(bool)


def countries_reached(activities: pd.DataFrame) -> pd.DataFrame:
    """Per member state named in ``countries`` (the states whose officials took part or
    that an activity served, not where it was held): activities, events, and the
    participants attributed to it (:func:`is_attributed`; people of activities naming
    several states, or whose states the text does not name, cannot be split).
    An activity's events count for a state only when it names that state alone: the
    events of an activity naming several states are not claimed for any one of them
    (the text does not place them), though each state is reached by it."""
    ex = explode_list(activities, "countries", "iso3")
    if ex.empty:
        return pd.DataFrame({"iso3": pd.Series(dtype=str), "activities": pd.Series(dtype=int),
                             "events": pd.Series(dtype="Int64"),
                             "participants_attributed": pd.Series(dtype="Int64")})
    ex["single"] = ex["activity_id"].map(dict(zip(activities["activity_id"], is_attributed(activities))))
    alone = ex["activity_id"].map(dict(zip(activities["activity_id"], activities["countries"].map(n_listed) == 1)))
    g = ex.groupby("iso3")
    out = pd.DataFrame({
        "activities": g.size(),
        "events": ex[alone.astype(bool)].groupby("iso3")["events"].sum(min_count=1).astype("Int64"),
        "participants_attributed": ex[ex["single"]].groupby("iso3")["participants"].sum(min_count=1).astype("Int64"),
    }).reset_index()
    out["events"] = out["events"].fillna(0).astype("Int64")
    return out


def states_named(activities: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Member states (of ``members``) named by the activities: name, subregion,
    activities, events, and the paragraphs, most activities first, then by name."""
    cols = ["iso3", "name", "subregion", "activities", "events", "paragraphs", "activity_id"]
    named = activities[activities["countries"].map(n_listed) > 0]
    if named.empty:  # countries_reached needs at least one state named
        return pd.DataFrame(columns=cols)
    reached = countries_reached(named)
    reached = reached[reached["iso3"].isin(members["iso3"])]
    if reached.empty:
        return pd.DataFrame(columns=cols)
    ex = explode_list(named, "countries", "iso3")
    paras = ex.groupby("iso3")["paragraph_id"].agg(lambda s: ";".join(sorted(set(s))))
    out = reached.merge(members[["iso3", "name", "subregion"]], on="iso3", how="left")
    out["paragraphs"] = out["iso3"].map(paras)
    out["activity_id"] = out["iso3"].map(ex.groupby("iso3")[["paragraph_id", "activity_id"]].apply(rows_in_order))
    out = out.sort_values(["activities", "name"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    return out[cols]


def by_subregion(states: pd.DataFrame, members: pd.DataFrame, column: str, alphabetical: bool = False) -> pd.DataFrame:
    """Per subregion (those with members, in the vocabulary's order or
    ``alphabetical``): member states (of ``members``) and how many of them are in
    ``states`` (a frame with ``iso3`` and ``subregion``), in a column named ``column``."""
    order = [s for s in schema.vocabulary("member_states", "subregion") if s in set(members["subregion"])]
    total = members.groupby("subregion").size().reindex(order, fill_value=0)
    inside = states[states["iso3"].isin(members["iso3"])]
    got = inside.groupby("subregion").size().reindex(order, fill_value=0) if len(inside) else 0
    out = pd.DataFrame({"subregion": order, "members": total.to_numpy(dtype=int),
                        column: got.to_numpy(dtype=int) if len(inside) else [0] * len(order)})
    return out.sort_values("subregion").reset_index(drop=True) if alphabetical else out


# --- partners and funders ----------------------------------------------------------------

def secretariat_orgs(organizations: pd.DataFrame) -> dict[str, str]:
    """Organisation id → dependency for the organisations that are the Secretariat's
    own dependencies (their acronym is one of the data contract's dependencies)."""
    deps = set(schema.dependencies())
    return {r.org_id: r.acronym for r in organizations.itertuples(index=False) if r.acronym in deps}


def partner_links(activities: pd.DataFrame, organizations: pd.DataFrame, unknown_kind: str = "unknown",
                  own: bool = False) -> pd.DataFrame:
    """One row per activity, organisation and role (partner or funder): activity,
    paragraph, dependency, activity type, organisation id, name, short label
    (acronym or name) and kind (``unknown_kind`` for an id missing from
    ``organizations``); by organisation, activity, role. The Secretariat's own
    dependencies are not partners (see :func:`secretariat_orgs`) and are left out
    unless ``own``."""
    cols = ["activity_id", "paragraph_id", "dependency", "activity_type", "org_id", "organisation", "label",
            "kind", "role"]
    if activities.empty:
        return pd.DataFrame(columns=cols)
    parts = [explode_list(activities, col, "org_id").assign(role=role)
             for col, role in (("partners", "partner"), ("funders", "funder"))]
    links = pd.concat(parts, ignore_index=True)
    links["dependency"] = lead(links)  # joint work counts for Joint, as in every dependency table
    if not own:
        links = links[~links["org_id"].isin(secretariat_orgs(organizations))]
    if links.empty:
        return pd.DataFrame(columns=cols)
    orgs = organizations.set_index("org_id")
    links["organisation"] = links["org_id"].map(names_.org_names(organizations)).fillna(links["org_id"])
    acr = links["org_id"].map(names_.org_labels(organizations)).fillna("")
    links["label"] = acr.where(acr != "", links["organisation"])
    links["kind"] = links["org_id"].map(orgs["kind"]).fillna(unknown_kind)
    links = links.sort_values(["org_id", "activity_id", "role"], kind="mergesort").reset_index(drop=True)
    return links[cols]


def org_summary(links: pd.DataFrame) -> pd.DataFrame:
    """Per organisation of :func:`partner_links`: name, kind, activities, activities as
    funder, roles ('funder and partner') and source paragraphs; most activities
    first, ties by name."""
    cols = ["org_id", "organisation", "kind", "activities", "as_funder", "role", "paragraphs", "activity_id"]
    if links.empty:
        return pd.DataFrame(columns=cols)
    funded = links[links["role"] == "funder"].groupby("org_id")["activity_id"].nunique()
    out = links.groupby("org_id").agg(
        organisation=("organisation", "first"), kind=("kind", "first"), activities=("activity_id", "nunique"),
        role=("role", terms.role_label),
        paragraphs=("paragraph_id", lambda s: ";".join(sorted(set(s))))).reset_index()
    out["activity_id"] = out["org_id"].map(links.groupby("org_id")[["paragraph_id", "activity_id"]].apply(rows_in_order))
    out["as_funder"] = out["org_id"].map(funded).fillna(0).astype(int)
    out = out.sort_values(["activities", "organisation"], ascending=[False, True])
    return out[cols].reset_index(drop=True)


def partner_summary(activities: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """Per organisation named as partner or funder of the activities (see :func:`org_summary`)."""
    return org_summary(partner_links(activities, organizations, unknown_kind=""))


# --- across years ------------------------------------------------------------------------

def year_over_year(editions: dict, row: Callable, year_as_text: bool = True) -> pd.DataFrame:
    """One row per year with data (``editions``: year → Edition), from ``row(edition)``
    (a dict of figures, or None to skip the year), after a ``year`` column (text, so
    that tables show no thousands separator, unless ``year_as_text`` is False).
    Empty with fewer than two years."""
    if len(editions) < 2:
        return pd.DataFrame()
    rows = []
    for y, e in sorted(editions.items()):
        figures = row(e)
        if figures is not None:
            rows.append({"year": str(y) if year_as_text else y, **figures})
    return pd.DataFrame(rows) if len(rows) >= 2 else pd.DataFrame()
