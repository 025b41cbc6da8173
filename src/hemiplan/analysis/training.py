"""Training (the report's section on training): who trained how many people, in
which parts of the section, under which programmes, in which kinds of activity,
where, and how far the participant figures can be trusted.

Every function is pure (DataFrames in, DataFrame or dict out) and returns an empty
result, never an error, when the year's report has no training section."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import counting, frames, reconciliation, sections
from hemiplan.analysis.frames import explode_list, member_names, n_listed, partner_links, totals
from hemiplan.analysis.frames import rows_in_order
from hemiplan.analysis.sections import join_ids
from hemiplan.data import csvio, membership, schema
from hemiplan.vocabulary import QUALIFIER_WORDS, humanize, plural, shorten, subsection_label

NO_PROGRAM = "(no programme named)"
NO_HEADING = "(no sub-heading)"
NO_COUNTRY = "(people not tied to a named member state)"
SEVERAL_SUBREGIONS = "(several subregions)"
TOTAL_LABEL = "Whole section"

#: Participant qualifiers, in display order, with reader-facing labels.
QUALIFIER_LABELS = {"exact": "exact", "approx": "approximately", "more_than": "more than", "": "not stated"}


# --- the section ---------------------------------------------------------------------

def activities(sec: sections.Section) -> pd.DataFrame:
    """Activities of the section with their subsection and heading, the number of
    member states each names (``n_countries``) and a display label for the
    participant qualifier, by id; empty (same columns) when the section is missing."""
    out = sec.activities.copy()
    out["n_countries"] = out["countries"].map(n_listed).astype("int64")
    out["attributed"] = frames.is_attributed(out) if len(out) else pd.Series(dtype=bool)
    out["qualifier_label"] = out["participants_qualifier"].fillna("").map(QUALIFIER_LABELS).fillna("not stated")
    return out.sort_values("activity_id").reset_index(drop=True)


def section_reconciliation(indicators: pd.DataFrame, activities: pd.DataFrame, paragraphs: pd.DataFrame,
                           numeral: str | None) -> pd.DataFrame:
    """The stated totals of the section against their items
    (:func:`hemiplan.analysis.reconciliation.reconcile`); empty, with the same
    columns, when the section is missing."""
    if numeral is None:
        return reconciliation.reconcile(indicators.iloc[0:0], activities)
    return reconciliation.reconcile(indicators, activities, paragraphs, section=numeral)


def summary(sec: sections.Section, member_states: pd.DataFrame) -> dict:
    """Headline figures of the section (:func:`hemiplan.analysis.sections.summary`),
    with how many participant figures are floors or approximations, activities
    without a participant figure, activities and itemised participants per dependency
    (joint work as ``Joint``; most participants first: ``dependency_totals``) and drafts."""
    acts = sec.activities
    with_p = acts[acts["participants"].notna()]
    qual = with_p["participants_qualifier"].fillna("")
    dep = (totals(acts.assign(dependency=counting.lead(acts)), "dependency") if len(acts)
           else pd.DataFrame(columns=["dependency", "activities", "events", "participants"]))
    dep = dep.assign(p=dep["participants"].fillna(0)).sort_values(["p", "activities", "dependency"],
                                                                    ascending=[False, False, True])
    return {
        **sections.summary(sec, member_states),
        "without_participants": len(acts) - len(with_p),
        "exact": int((qual == "exact").sum()),
        "approx": int((qual == "approx").sum()),
        "more_than": int((qual == "more_than").sum()),
        "approx_participants": int(with_p.loc[qual == "approx", "participants"].sum()),
        "more_than_participants": int(with_p.loc[qual == "more_than", "participants"].sum()),
        "dependency_totals": [(r.dependency, int(r.activities), int(r.p)) for r in dep.itertuples(index=False)],
        "drafts": int((acts["status"] == "draft").sum()) if len(acts) else 0,
    }


def total_kind(s: dict) -> str:
    """How to read the stated participant total of a :func:`summary`: 'a floor'
    when a figure is a floor ('more than') or an activity gives none,
    'approximate' when some figures are approximations, else 'exact as stated'."""
    if s.get("more_than", 0) or s.get("without_participants", 0):
        return "a floor"
    if s.get("approx", 0):
        return "approximate"
    return "exact as stated"


# --- parts of the section --------------------------------------------------------------

def parts(paras: pd.DataFrame) -> pd.DataFrame:
    """The section's structure in report order: one row per (subsection, heading)
    with its label and first paragraph. Headings are the unlettered sub-headings
    inside a subsection; paragraphs before the first heading form a part of their own."""
    if paras.empty:
        return pd.DataFrame(columns=["subsection", "subsection_title", "heading", "first_paragraph"])
    p = sections.report_order(paras)
    out = (p.groupby(["subsection", "heading"], sort=False)
           .agg(subsection_title=("subsection_title", "first"), first_paragraph=("paragraph_id", "first"))
           .reset_index())
    return out[["subsection", "subsection_title", "heading", "first_paragraph"]]


def _part_row(label: str, level: int, sub: pd.DataFrame, fallback_paragraph: str, key: str,
              name: str | None = None) -> dict:
    has_p = sub["participants"].notna()
    return {
        "part": label, "name": name or label, "level": level, "key": key,
        "activities": len(sub),
        "events": int(sub["events"].sum()) if len(sub) else 0,
        "inferred_events": counting.inferred_events(sub) if len(sub) else 0,
        "participants": (int(sub.loc[has_p, "participants"].sum()) if has_p.any() else pd.NA),
        "without_participants": int((~has_p).sum()),
        "paragraphs": join_ids(sub["paragraph_id"]) or fallback_paragraph,
    }


def by_part(acts: pd.DataFrame, paras: pd.DataFrame, total: bool = False) -> pd.DataFrame:
    """Activities, events and stated participants per subsection (level 0, labelled
    'a) Title') and, inside a subsection with unlettered headings, per heading
    (level 1, labelled '↳ Heading'; ``name`` without the arrow), in report order. Every part of the section is
    listed, including parts without activities. ``key`` identifies the part
    ('b' or 'b|Heading'). With ``total``, a last row (level -1) sums the section."""
    structure = parts(paras)
    rows = []
    for subsection, group in structure.groupby("subsection", sort=False):
        title = group["subsection_title"].iloc[0]
        in_sub = acts[acts["subsection"] == subsection]
        rows.append(_part_row(subsection_label(subsection, title), 0, in_sub, group["first_paragraph"].iloc[0],
                              subsection))
        if (group["heading"] != "").any():
            for g in group.itertuples(index=False):
                sub = in_sub[in_sub["heading"] == g.heading]
                rows.append(_part_row("↳ " + (g.heading or NO_HEADING), 1, sub, g.first_paragraph,
                                      f"{subsection}|{g.heading}", name=g.heading or NO_HEADING))
    if total and rows:
        whole = _part_row(TOTAL_LABEL, -1, acts, "", "")
        whole["paragraphs"] = ""
        rows.append(whole)
    out = pd.DataFrame(rows, columns=["part", "name", "level", "key", "activities", "events", "inferred_events",
                                      "participants", "without_participants", "paragraphs"])
    out["participants"] = out["participants"].astype("Int64")
    return out


def top_part(table: pd.DataFrame) -> dict:
    """From :func:`by_part`: the subsection with the most stated participants (ties:
    first in report order), its events and share of the section's stated
    participants, and how many subsections record no activity."""
    p = table[table["level"] == 0].reset_index(drop=True)
    empty = int((p["activities"] == 0).sum())
    with_p = p[p["participants"].notna()]
    if with_p.empty:
        return {"name": None, "parts": len(p), "empty_parts": empty}
    best = with_p.assign(_pos=with_p.index).sort_values(["participants", "_pos"], ascending=[False, True]).iloc[0]
    total = p["participants"].sum()
    return {"name": best["name"], "participants": int(best["participants"]), "events": int(best["events"]),
            "share": float(best["participants"]) / float(total) if total else 0.0,
            "parts": len(p), "empty_parts": empty}


def part_dependency(acts: pd.DataFrame, paras: pd.DataFrame, value: str, width: int = 58) -> pd.DataFrame:
    """Events or participants (``value``) per leaf part of the section (a subsection,
    or a heading inside one) and dependency: rows in report order labelled
    'b · Heading' or 'a) Title' (shortened to ``width``), columns the dependencies
    present, in the vocabulary's order; a row is NaN when no activity of the part
    states the value (no figure, as opposed to zero). For the stacked bars."""
    structure = parts(paras)
    if structure.empty or acts.empty:
        return pd.DataFrame()
    with_heads = set(structure.loc[structure["heading"] != "", "subsection"])
    labels, keys = [], []
    for g in structure.itertuples(index=False):
        if g.subsection in with_heads:
            labels.append(shorten(f"{g.subsection} · {g.heading or NO_HEADING}" if g.subsection
                                  else (g.heading or NO_HEADING), width))
        else:
            labels.append(subsection_label(g.subsection, g.subsection_title, width))
        keys.append(_leaf_key(g.subsection, g.heading, with_heads))
    a = acts.assign(_key=[_leaf_key(s, h, with_heads) for s, h in zip(acts["subsection"], acts["heading"])],
                    _value=acts[value].astype("Float64").fillna(0).astype(float))
    deps = [d for d in counting.dependency_order() if d in set(a["dependency"])]
    table = (a.pivot_table(index="_key", columns="dependency", values="_value", aggfunc="sum", fill_value=0.0)
             .reindex(index=keys, columns=deps, fill_value=0.0).astype(float))
    stated = acts[value].notna().groupby(a["_key"]).sum().reindex(keys, fill_value=0)
    table.loc[stated.to_numpy() == 0, :] = float("nan")
    table.index = pd.Index(_unique_labels(labels), name="part")
    table.columns.name = None
    return table


def _leaf_key(subsection: str, heading: str, with_heads: set) -> str:
    return f"{subsection}|{heading if subsection in with_heads else ''}"


def _unique_labels(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for lab in labels:
        seen[lab] = seen.get(lab, 0) + 1
        out.append(lab if seen[lab] == 1 else f"{lab} ({seen[lab]})")
    return out


def pairs_text(left: pd.DataFrame, right: pd.DataFrame, left_unit: str = "event",
               right_unit: str = "participant") -> str:
    """Alt-text fragment for a pair of stacked bar tables: 'label: 3 events,
    no participant figure; …' (row totals, NaN rows read as 'no … figure')."""
    parts_ = []
    for label in left.index:
        lv = left.loc[label].sum(min_count=1)
        rv = right.loc[label].sum(min_count=1) if label in right.index else float("nan")
        lt = plural(lv, left_unit) if pd.notna(lv) else f"no {left_unit} figure"
        rt = plural(rv, right_unit) if pd.notna(rv) else f"no {right_unit} figure"
        parts_.append(f"{label}: {lt}, {rt}")
    return "; ".join(parts_)


# --- programmes and activity types ----------------------------------------------------

def _grouped(acts: pd.DataFrame, key: pd.Series, name: str) -> pd.DataFrame:
    a = acts.assign(**{name: key})
    g = a.groupby(name, sort=True)
    out = pd.DataFrame({
        "dependencies": g["dependency"].agg(lambda s: ", ".join(d for d in schema.dependencies() if d in set(s))),
        "activities": g.size(),
        "events": g["events"].sum().astype("int64"),
        "inferred_events": g[["events", "events_basis"]].apply(counting.inferred_events).astype("int64"),
        "participants": g["participants"].sum(min_count=1).astype("Int64"),
        "stated_as": g["participants_qualifier"].agg(lambda s: QUALIFIER_WORDS[counting.sum_qualifier(s)] or "exact"),
        "without_participants": g["participants"].agg(lambda s: int(s.isna().sum())).astype("int64"),
        "paragraphs": g["paragraph_id"].agg(join_ids),
        "activity_id": g[["paragraph_id", "activity_id"]].apply(rows_in_order),
    }).reset_index()
    out["stated_as"] = out["stated_as"].where(out["participants"].notna(), pd.NA)
    return out


def by_program(acts: pd.DataFrame) -> pd.DataFrame:
    """Per programme named in the report (empty names grouped as one row, listed
    last): dependencies, activities, events (and how many the reviewer inferred),
    stated participants, activities without a participant figure, source paragraphs.
    Sorted by participants, events, name."""
    cols = ["program", "dependencies", "activities", "events", "inferred_events", "participants", "stated_as",
            "without_participants", "paragraphs", "activity_id"]
    if acts.empty:
        return pd.DataFrame(columns=cols)
    key = acts["program"].fillna("").str.strip().replace("", NO_PROGRAM)
    out = _grouped(acts, key, "program")
    out["_unnamed"] = out["program"] == NO_PROGRAM
    out["_p"] = out["participants"].fillna(0)
    out = out.sort_values(["_unnamed", "_p", "events", "program"], ascending=[True, False, False, True])
    return out[cols].reset_index(drop=True)


def by_type(acts: pd.DataFrame) -> pd.DataFrame:
    """Per activity type: dependencies, activities, events (and how many the reviewer
    inferred), stated participants, activities without a participant figure, and
    participants per event counted
    over the activities that state participants (``per_event``). Sorted by events,
    participants, type."""
    cols = ["type", "dependencies", "activities", "events", "inferred_events", "participants", "stated_as",
            "without_participants", "per_event", "paragraphs", "activity_id"]
    if acts.empty:
        return pd.DataFrame(columns=cols)
    out = _grouped(acts, acts["activity_type"].map(humanize), "type")
    with_p = acts[acts["participants"].notna()]
    ev = with_p.groupby(with_p["activity_type"].map(humanize))["events"].sum()
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
        key = acts["program"].fillna("").str.strip().replace("", NO_PROGRAM)
    elif group == "type":
        key = acts["activity_type"].map(humanize)
    else:
        key = acts[group].astype(str)
    a = acts.assign(_group=key, _value=acts[value].astype("Float64").fillna(0).astype(float))
    table = a.pivot_table(index="_group", columns="dependency", values="_value", aggfunc="sum", fill_value=0.0)
    table = table.reindex(columns=[d for d in counting.dependency_order() if d in table.columns]).astype(float)
    stated = acts[value].notna().groupby(key).sum().reindex(table.index, fill_value=0)
    table.loc[stated.to_numpy() == 0, :] = float("nan")
    if order is None:
        tot = table.sum(axis=1).fillna(-1)
        order = sorted(table.index, key=lambda k: (-tot[k], k))
    table = table.reindex([o for o in order if o in table.index])
    table.index = pd.Index(_unique_labels([shorten(i, width) for i in table.index]), name=group)
    table.columns.name = None
    return table.astype(float)


# --- where ----------------------------------------------------------------------------

def attribution(acts: pd.DataFrame) -> dict:
    """How stated participants can be placed on the map: attributed to the one member
    state the text ties them to (``attributed``), in activities naming several states,
    or not tied to any named state (multinational attendance, or the text does not
    say whose people they were): activities and participants of each."""
    with_p = acts[acts["participants"].notna()]
    att = with_p["attributed"] if len(with_p) else pd.Series(dtype=bool)
    n = with_p["n_countries"] if len(with_p) else pd.Series(dtype="int64")

    def part(mask):
        return len(with_p[mask]), int(with_p.loc[mask, "participants"].sum()) if mask.any() else 0

    single = part(att)
    several = part(~att & (n > 1) & (with_p["attendance"] == "named"))
    none = part(~att & ~((n > 1) & (with_p["attendance"] == "named")))
    return {
        "participants": int(with_p["participants"].sum()) if len(with_p) else 0,
        "single_activities": single[0], "single_participants": single[1],
        "several_activities": several[0], "several_participants": several[1],
        "none_activities": none[0], "none_participants": none[1],
    }


def by_state(acts: pd.DataFrame, member_states: pd.DataFrame) -> pd.DataFrame:
    """Per member state reached: name, subregion, activities reaching it, of which
    attributed (the text ties the people to this one state), events and participants
    attributed to it, and participants of the activities naming it with others (not
    attributable to one state). Sorted by attributed participants, activities, name."""
    cols = ["iso3", "name", "subregion", "activities", "attributed_activities", "attributed_events",
            "participants_attributed", "participants_shared", "paragraphs", "activity_id"]
    ex = explode_list(acts, "countries", "iso3") if len(acts) else pd.DataFrame()
    if ex.empty:
        return pd.DataFrame(columns=cols)
    ex["single"] = ex["attributed"]
    g = ex.groupby("iso3")
    single = ex[ex["single"]].groupby("iso3")
    shared = ex[~ex["single"] & (ex["n_countries"] > 1)].groupby("iso3")
    out = pd.DataFrame({
        "activities": g.size(),
        "attributed_activities": single.size(),
        "attributed_events": single["events"].sum(),
        "participants_attributed": single["participants"].sum(min_count=1),
        "participants_shared": shared["participants"].sum(min_count=1),
        "paragraphs": g["paragraph_id"].agg(join_ids),
        "activity_id": g[["paragraph_id", "activity_id"]].apply(rows_in_order),
    }).reset_index()
    for c in ("attributed_activities", "attributed_events"):
        out[c] = out[c].fillna(0).astype("int64")
    for c in ("participants_attributed", "participants_shared"):
        out[c] = out[c].astype("Int64")
    ms = member_states.set_index("iso3")
    out["name"] = out["iso3"].map(ms["name"])
    out["subregion"] = out["iso3"].map(ms["subregion"])
    out["_p"] = out["participants_attributed"].fillna(0)
    out = out.sort_values(["_p", "activities", "name"], ascending=[False, False, True])
    return out[cols].reset_index(drop=True)


def attributed_by_subregion(acts: pd.DataFrame, member_states: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per subregion: member states reached (of the members that year), activities
    naming at least one state of it, and participants attributable to it: those of
    activities whose people the text ties to named member states that all lie in
    the subregion (single-country or not). Participants of activities spanning several subregions, or naming no
    state, get a row of their own, so that the participant column adds up to the
    section's stated participants. Subregions in the vocabulary's order."""
    cols = ["subregion", "states_reached", "members", "activities", "events", "participants", "paragraphs", "activity_id"]
    members = membership.members_in_year(member_states, year)
    sub_of = dict(zip(member_states["iso3"], member_states["subregion"]))
    order = schema.vocabulary("member_states", "subregion")
    a = acts.copy()
    a["_subs"] = [sorted({sub_of.get(i, "") for i in csvio.split_list(c)}) for c in a["countries"]]
    a["_home"] = [(s[0] if len(s) == 1 else SEVERAL_SUBREGIONS) if s and named == "named" else NO_COUNTRY
                  for s, named in zip(a["_subs"], a["attendance"])]
    rows = []
    for sub in order:
        touching = a[pd.Series([sub in s for s in a["_subs"]], index=a.index, dtype=bool)]
        home = a[a["_home"] == sub]
        reached = {i for c in touching["countries"] for i in csvio.split_list(c) if sub_of.get(i) == sub}
        rows.append({
            "subregion": sub,
            "states_reached": len(reached & set(members["iso3"])),
            "members": int((members["subregion"] == sub).sum()),
            "activities": len(touching),
            "events": int(home["events"].sum()) if len(home) else 0,
            "participants": home["participants"].sum(min_count=1),
            "paragraphs": join_ids(touching["paragraph_id"]),
            "activity_id": rows_in_order(touching),
        })
    for label in (SEVERAL_SUBREGIONS, NO_COUNTRY):
        home = a[a["_home"] == label]
        if len(home):
            rows.append({"subregion": label, "states_reached": pd.NA, "members": pd.NA, "activities": len(home),
                         "events": int(home["events"].sum()), "participants": home["participants"].sum(min_count=1),
                         "paragraphs": join_ids(home["paragraph_id"]), "activity_id": rows_in_order(home)})
    out = pd.DataFrame(rows, columns=cols)
    for c in ("states_reached", "members", "participants"):
        out[c] = out[c].astype("Int64")
    out["activities"] = out["activities"].astype("int64")
    out["events"] = out["events"].astype("int64")
    return out


# --- how far the figures can be trusted ------------------------------------------------

def qualifiers(acts: pd.DataFrame) -> pd.DataFrame:
    """Activities and participants by how the report states the number: exact,
    approximately, more than (a floor), or not at all; with each row's share of the
    stated participants (percent). Always the four rows, in that order."""
    q = acts["participants_qualifier"].fillna("").where(acts["participants"].notna(), "")
    stated = acts["participants"].sum(min_count=1)
    rows = []
    for key, label in QUALIFIER_LABELS.items():
        sub = acts[q == key]
        p = sub["participants"].sum(min_count=1) if key else pd.NA
        share = (float(p) / float(stated) * 100) if key and pd.notna(p) and pd.notna(stated) and stated else pd.NA
        rows.append({"qualifier": label, "activities": len(sub), "participants": p,
                     "share": share, "paragraphs": join_ids(sub["paragraph_id"]), "activity_id": rows_in_order(sub)})
    out = pd.DataFrame(rows)
    out["participants"] = out["participants"].astype("Int64")
    out["share"] = out["share"].astype("Float64").round(1)
    out["activities"] = out["activities"].astype("int64")
    return out


def per_event_stats(acts: pd.DataFrame) -> dict:
    """Participants per event over activities that state participants: the overall
    ratio, the median activity, the smallest and largest (with their titles)."""
    with_p = acts[acts["participants"].notna() & (acts["events"] > 0)].copy()
    if with_p.empty:
        return {"activities": 0}
    with_p["per_event"] = with_p["participants"].astype(float) / with_p["events"].astype(float)
    ordered = with_p.sort_values(["per_event", "activity_id"])
    return {
        "activities": len(with_p),
        "participants": int(with_p["participants"].sum()),
        "events": int(with_p["events"].sum()),
        "overall": float(with_p["participants"].sum()) / float(with_p["events"].sum()),
        "median": float(with_p["per_event"].median()),
        "min": float(ordered["per_event"].iloc[0]), "min_title": ordered["title"].iloc[0],
        "max": float(ordered["per_event"].iloc[-1]), "max_title": ordered["title"].iloc[-1],
    }


def largest(acts: pd.DataFrame, member_states: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` activities with the most stated participants: title, dependency,
    type, member states (names; a count beyond three), events, participants with
    the qualifier, participants per event, source paragraph. Ties broken by id."""
    cols = ["title", "dependency", "type", "states", "events", "participants", "qualifier", "per_event", "paragraph_id",
            "activity_id"]
    with_p = acts[acts["participants"].notna()]
    if with_p.empty:
        return pd.DataFrame(columns=cols)
    names = member_names(member_states)
    top = with_p.sort_values(["participants", "activity_id"], ascending=[False, True]).head(n).copy()

    def states(cell):
        codes = csvio.split_list(cell)
        if not codes:
            return "–"
        if len(codes) > 3:
            return f"{len(codes)} member states"
        return ", ".join(sorted(names.get(c, c) for c in codes))

    top["type"] = top["activity_type"].map(humanize)
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
        s = summary(sec, e.member_states)
        figures = {k: s[k] for k in ("activities", "events", "participants", "with_participants", "states_reached")}
        return {**figures, "people": s["people"]["text"] or pd.NA}

    return frames.year_over_year(editions, row)
