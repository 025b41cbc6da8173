"""Section VII of the report, international cooperation and assistance: partner
organisations (across the whole report) by kind and dependency, agreements, funders,
donations and the technical assistance of the section. The destruction of munitions
and firearms, with the report's arithmetic checked, is in
:mod:`hemiplan.analysis.destruction`.

Every function is pure: it reads the frames it is given and returns a new frame,
record or string. Functions ending in ``_text`` return Markdown, with every piece of
data escaped by :func:`hemiplan.vocabulary.literal`."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

from hemiplan.analysis import cooperation_summary, frames, sections
from hemiplan.analysis.cooperation_summary import CooperationSummary, in_language, led_by, summary, summary_text  # noqa: F401
from hemiplan.analysis.destruction import amount_text, localized
from hemiplan.analysis.frames import dependency_labels, dependency_order, name_list, partner_links, rows_in_order
from hemiplan.analysis.sections import paragraph_key, report_order
from hemiplan.analysis.terms import kind_label
from hemiplan.data import csvio, names
from hemiplan.data.labels import type_label
from hemiplan.language import _, n_, percent
from hemiplan.vocabulary import join_words, literal, number

CHAPTER = "cooperation"

#: Keywords that mark a stated figure as one about donated equipment.
DONATION_PATTERN = r"donat|machine|equipment|computer|vehicle|kit"

#: Activity types counted as technical assistance.
ASSISTANCE_TYPES = cooperation_summary.ASSISTANCE_TYPES

def named(name) -> str:
    """A name for Markdown (escaped), marked with its language where it is not the
    page's (a :class:`hemiplan.data.names.English` name on a Spanish page)."""
    return in_language(name, getattr(name, "lang", None))


# --- partners across the whole report --------------------------------------------------

def kind_by_dependency(links: pd.DataFrame) -> pd.DataFrame:
    """Matrix: kind of organisation (rows, most activities first) × dependency (every
    dependency, in the vocabulary's order); cells count the distinct activities of the
    dependency with at least one partner or funder of that kind."""
    deps = dependency_order()
    if links.empty:
        return pd.DataFrame(columns=deps)
    distinct = links.drop_duplicates(["kind", "activity_id"])
    m = pd.crosstab(distinct["kind"], distinct["dependency"]).reindex(columns=deps, fill_value=0)
    order = m.sum(axis=1).rename("n").reset_index().sort_values(["n", "kind"], ascending=[False, True])
    m = m.loc[order["kind"]]
    m.index.name = "Kind of organisation"
    m.columns.name = "Dependency"
    return m


def kind_table(links: pd.DataFrame) -> pd.DataFrame:
    """The kind × dependency matrix as a table, with the number of distinct
    organisations and activities of each kind and the source paragraphs."""
    m = kind_by_dependency(links)
    cols = ["kind", "organisations", *dependency_order(), "activities", "paragraphs", "activity_id"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    g = links.groupby("kind")
    out = m.reset_index().rename(columns={"Kind of organisation": "kind"})
    out.columns.name = None
    out["organisations"] = out["kind"].map(g["org_id"].nunique()).astype(int)
    out["activities"] = out["kind"].map(g["activity_id"].nunique()).astype(int)
    out["paragraphs"] = out["kind"].map(g["paragraph_id"].agg(lambda s: ";".join(sorted(set(s)))))
    out["activity_id"] = out["kind"].map(g[["paragraph_id", "activity_id"]].apply(rows_in_order))
    out["kind"] = out["kind"].map(kind_label)
    return out[cols].reset_index(drop=True)


def org_by_dependency(links: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """The ``n`` organisations named with most activities (ties by name): label, kind,
    activities per dependency (every dependency), total activities, activities as
    funder, and the source paragraphs."""
    deps = dependency_order()
    cols = ["org_id", "label", "organisation", "kind", *deps, "activities", "as_funder", "paragraphs", "activity_id"]
    if links.empty:
        return pd.DataFrame(columns=cols)
    distinct = links.drop_duplicates(["org_id", "activity_id"])
    m = pd.crosstab(distinct["org_id"], distinct["dependency"]).reindex(columns=deps, fill_value=0)
    m.columns.name = None
    out = m.reset_index()
    first = links.drop_duplicates("org_id").set_index("org_id")
    for c in ("label", "organisation", "kind"):
        out[c] = out["org_id"].map(first[c])
    out["activities"] = out[deps].sum(axis=1).astype(int)
    funded = links[links["role"] == "funder"].groupby("org_id")["activity_id"].nunique()
    out["as_funder"] = out["org_id"].map(funded).fillna(0).astype(int)
    out["paragraphs"] = out["org_id"].map(links.groupby("org_id")["paragraph_id"].agg(lambda s: ";".join(sorted(set(s)))))
    out["activity_id"] = out["org_id"].map(links.groupby("org_id")[["paragraph_id", "activity_id"]].apply(rows_in_order))
    out = out.sort_values(["activities", "organisation", "org_id"], ascending=[False, True, True], kind="mergesort")
    out["kind"] = out["kind"].map(kind_label)
    return out.head(n)[cols].reset_index(drop=True)


def _leaders(counts: pd.Series) -> tuple[list[str], int]:
    """The labels sharing the highest count (sorted), and that count."""
    if counts.empty:
        return [], 0
    top = int(counts.max())
    return sorted((k for k, v in counts.items() if int(v) == top), key=str), top


def org_matrix(top: pd.DataFrame, dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """The organisation × dependency matrix of :func:`org_by_dependency`, indexed by
    the organisation's short label, for a heat map (the dependencies by their acronyms
    in the page's language with ``dependency_names``)."""
    m = top.set_index("label")[dependency_order()]
    m.index.name = "Partner or funder"
    m.columns.name = "Dependency"
    return m.rename(columns=_axis_words(dependency_names)) if dependency_names is not None else m


def _axis_words(dependency_names: pd.DataFrame) -> dict:
    """Dependency code → its acronym for the axis of a heat map, a long one on two lines
    ('Secretaría\\ndel CICTE') so that neighbouring labels do not overlap."""
    return {d: textwrap.fill(w, 12) for d, w in dependency_labels(dependency_names).items()}


def kind_matrix(kinds: pd.DataFrame, dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """The matrix of :func:`kind_by_dependency` with its kinds (and, with ``dependency_names``,
    its dependencies) in the page's language, for a heat map."""
    m = kinds.rename(index=kind_label)
    return m.rename(columns=_axis_words(dependency_names)) if dependency_names is not None else m


@dataclass(frozen=True)
class PartnerFigures:
    """The figures of the sentence on partners (:func:`partner_figures`)."""
    organisations: int
    kinds: int
    activities: int
    all_activities: int
    share: int
    top_kinds: tuple[str, ...] = ()
    top_kind_orgs: int = 0
    top_dependencies: tuple[str, ...] = ()
    top_dependency_orgs: int = 0


def partner_figures(links: pd.DataFrame, activities: pd.DataFrame,
                    dependency_names: pd.DataFrame | None = None) -> PartnerFigures:
    """Figures for the sentence on partners: organisations, kinds, activities with a
    named partner or funder and their share of all activities, the most frequent
    kind(s) by organisations, the dependency or dependencies (by the lead rule of
    :func:`hemiplan.analysis.frames.partner_links`, Joint included) with most distinct
    partners (by their acronyms in the page's language with ``dependency_names``)."""
    n_all = len(activities)
    if links.empty:
        return PartnerFigures(organisations=0, kinds=0, activities=0, all_activities=n_all, share=0)
    kinds, kn = _leaders(links.groupby("kind")["org_id"].nunique())
    deps, dn = _leaders(links.groupby("dependency")["org_id"].nunique())
    n_act = int(links["activity_id"].nunique())
    return PartnerFigures(
        organisations=int(links["org_id"].nunique()), kinds=int(links["kind"].nunique()), activities=n_act,
        all_activities=n_all, share=round(100.0 * n_act / n_all) if n_all else 0,
        top_kinds=tuple(kinds), top_kind_orgs=kn, top_dependency_orgs=dn,
        top_dependencies=tuple(_dependency_words(deps, dependency_names)))


def _dependency_words(codes, dependency_names: pd.DataFrame | None) -> list[str]:
    """Dependency codes as a sentence names them: their acronyms in the page's language
    with ``dependency_names`` (:func:`hemiplan.analysis.frames.dependency_labels`), else the codes."""
    if dependency_names is None:
        return list(codes)
    words = dependency_labels(dependency_names)
    return [words.get(c, c) for c in codes]


def _orgs(n: int) -> str:
    """'24 organisations'."""
    return n_("{n} organisation", "{n} organisations", n).format(n=number(n))


def _acts(n: int) -> str:
    """'59 activities'."""
    return n_("{n} activity", "{n} activities", n).format(n=number(n))


def _leaders_sentence(p: PartnerFigures) -> str:
    """'The most frequent kind is *national government agency* (27 organisations); CICTE
    works with the widest range of partners (24 organisations).' (ties named as such)"""
    kinds = join_words(f"*{literal(kind_label(k))}*" for k in p.top_kinds)
    deps = join_words(p.top_dependencies)
    if len(p.top_kinds) == 1 and len(p.top_dependencies) == 1:
        text = _("The most frequent kind is {kinds} ({orgs}); {deps} works with the widest range of partners "
                 "({dep_orgs}).")
    elif len(p.top_kinds) == 1:
        text = _("The most frequent kind is {kinds} ({orgs}); {deps} each work with {dep_orgs}, the widest range.")
    elif len(p.top_dependencies) == 1:
        text = _("The most frequent kinds are {kinds} ({orgs} each); {deps} works with the widest range of partners "
                 "({dep_orgs}).")
    else:
        text = _("The most frequent kinds are {kinds} ({orgs} each); {deps} each work with {dep_orgs}, the widest "
                 "range.")
    return text.format(kinds=kinds, orgs=_orgs(p.top_kind_orgs), deps=deps, dep_orgs=_orgs(p.top_dependency_orgs))


def partners_text(p: PartnerFigures, year: int) -> str:
    """The computed sentences on partners across the whole report (ties named as such)."""
    if not p.organisations:
        return _("The {year} report names no partner or funder organisation for any activity.").format(year=year)
    first = n_("Across the whole {year} report, **{n} organisation** of {kinds} is named as partners or funders of "
               "{activities}, {share} of the {all} recorded.",
               "Across the whole {year} report, **{n} organisations** of {kinds} are named as partners or funders of "
               "{activities}, {share} of the {all} recorded.", p.organisations).format(
        year=year, n=number(p.organisations), kinds=n_("{n} kind", "{n} kinds", p.kinds).format(n=number(p.kinds)),
        activities=_acts(p.activities), share=percent(p.share / 100), all=number(p.all_activities))
    return first + " " + _leaders_sentence(p)


def kinds_alt(kinds: pd.DataFrame, dependency_names: pd.DataFrame | None = None) -> str:
    """The alternative text of the kind × dependency heat map (:func:`kind_by_dependency`):
    each kind with the dependencies it works with (cells that are not zero)."""
    cells = "; ".join(f"{kind_label(k)}: " + ", ".join(f"{w} {number(int(v))}" for w, v in zip(
        _dependency_words(row.index, dependency_names), row.to_list()) if v) for k, row in kinds.iterrows())
    return _("Heat map of activities with partners by kind and dependency: {cells}.").format(cells=cells)


def top_partners_alt(top: pd.DataFrame) -> str:
    """The alternative text of the heat map of the most frequent partners
    (:func:`org_by_dependency`)."""
    items = "; ".join(f"{r.label}: {number(r.activities)}" for r in top.itertuples())
    return _("Heat map of the most frequent partners: {items}.").format(items=items)


def collaboration_text(collab: pd.DataFrame) -> str:
    """The sentence above the table of collaboration between dependencies
    (:func:`hemiplan.analysis.counting.collaboration`); '' when there is none."""
    if collab.empty:
        return ""
    return _("The Secretariat's own dependencies are not counted among the partners above. When the report names one "
             "of them as a partner of another, or says they led an activity together, it is collaboration between "
             "dependencies:")


# --- agreements, funders, donations (whole report) ----------------------------------------

def agreements(activities: pd.DataFrame, organizations: pd.DataFrame, member_states: pd.DataFrame,
               paragraphs: pd.DataFrame, translations: pd.DataFrame | None = None,
               dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Agreements (activity type ``agreement``) anywhere in the report, in report
    order: title, with whom (partners), their kinds, dependency, member states, month,
    section and paragraph (titles and dependencies in the page's language with
    ``translations`` and ``dependency_names``: :func:`hemiplan.analysis.destruction.localized`)."""
    cols = ["activity_id", "title", "with_whom", "kinds", "dependency", "states", "month", "section",
            "paragraph_id"]
    ag = activities[activities["activity_type"] == "agreement"]
    if ag.empty:
        return pd.DataFrame(columns=cols)
    kinds = dict(zip(organizations["org_id"], organizations["kind"]))
    out = localized(frames.activity_table(ag, member_states, organizations, paragraphs), ag, translations,
                    dependency_names).rename(columns={"partners": "with_whom"})
    out["kinds"] = ag["partners"].map(lambda c: ", ".join(kind_label(k) for k in sorted(
        {kinds.get(o, "unknown") for o in csvio.split_list(c)})))
    return report_order(out, "activity_id")[cols]


def funders(activities: pd.DataFrame, organizations: pd.DataFrame, member_states: pd.DataFrame,
            paragraphs: pd.DataFrame, translations: pd.DataFrame | None = None,
            dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who funds what: one row per funder and funded activity, by funder name, then
    report order: funder, kind, activity (its title, in the page's language with
    ``translations``), type, dependency (its acronym in the page's language with
    ``dependency_names``), member states, section, paragraph."""
    cols = ["funder", "kind", "activity", "type", "dependency", "states", "section", "activity_id", "paragraph_id"]
    links = partner_links(activities, organizations)
    links = links[links["role"] == "funder"]
    if links.empty:
        return pd.DataFrame(columns=cols)
    acts = activities.set_index("activity_id")
    titles = names.titles(activities, translations).set_axis(activities["activity_id"]) \
        if translations is not None else acts["title"]
    states = frames.member_names(member_states)
    out = pd.DataFrame({
        "funder": links["organisation"],
        "kind": links["kind"].map(kind_label),
        "activity": links["activity_id"].map(titles),
        "type": links["activity_type"].map(type_label),
        "dependency": _dependency_words(links["dependency"], dependency_names),
        "states": links["activity_id"].map(acts["countries"]).map(lambda c: name_list(c, states)),
        "section": frames.part_of(links["paragraph_id"], paragraphs),
        "activity_id": links["activity_id"],
        "paragraph_id": links["paragraph_id"],
    })
    out["_key"] = out["paragraph_id"].map(paragraph_key)
    out = out.sort_values(["funder", "_key", "activity_id"], kind="mergesort").drop(columns="_key")
    return out[cols].reset_index(drop=True)


def agreements_text(ag: pd.DataFrame, dependency_names: pd.DataFrame | None = None) -> str:
    """A computed sentence on the agreements table (of :func:`agreements` with the same
    ``dependency_names``)."""
    if ag.empty:
        return ""
    named = int((ag["with_whom"] != "").sum())
    signing = [w for w in _dependency_words(dependency_order(), dependency_names) if w in set(ag["dependency"])]
    parts = sorted(set(ag["section"]), key=lambda x: paragraph_key(f"0000-{x}-01"))
    where = n_("part {parts}", "parts {parts}", len(parts)).format(parts=join_words(literal(x) for x in parts))
    values = dict(agreements=n_("{n} agreement", "{n} agreements", len(ag)).format(n=number(len(ag))), where=where,
                  named=number(named), deps=join_words(signing))
    if len(ag) == 1 and named:
        text = _("The report records {agreements} (in {where} of the report), with a named counterpart "
                 "organisation; {deps} is the signing side.")
    elif len(ag) == 1:
        text = _("The report records {agreements} (in {where} of the report), with no named counterpart "
                 "organisation; {deps} is the signing side.")
    else:
        text = n_("The report records {agreements} (in {where} of the report), {named} of them with a named "
                  "counterpart organisation; {deps} is the signing side.",
                  "The report records {agreements} (in {where} of the report), {named} of them with a named "
                  "counterpart organisation; {deps} are the signing side.", len(signing))
    return text.format(**values)


def funders_text(f: pd.DataFrame, activities: pd.DataFrame) -> str:
    """A computed sentence on funders."""
    if f.empty:
        return ""
    per = f.groupby("funder")["activity_id"].nunique()
    leaders, top = _leaders(per)
    first = {o: o for o in f["funder"]}  # the names as given (marked English where they are)
    leaders = [first.get(x, x) for x in leaders]
    n_act = f["activity_id"].nunique()
    share = round(100.0 * n_act / len(activities)) if len(activities) else 0
    values = dict(n=number(len(per)), activities=_acts(n_act), share=percent(share / 100), top=_acts(top),
                  leaders=join_words(named(x) for x in leaders))
    if len(per) == 1:
        text = _("{n} funder is named for {activities}, {share} of all activities of the year.")
    elif len(leaders) == 1:
        text = _("{n} funders are named for {activities}, {share} of all activities of the year; {leaders} funds the "
                 "most ({top}).")
    elif len(leaders) == len(per):
        text = _("{n} funders are named for {activities}, {share} of all activities of the year; each funds {top}.")
    else:
        text = _("{n} funders are named for {activities}, {share} of all activities of the year; {leaders} fund the "
                 "most ({top} each).")
    return text.format(**values)


def donations(activities: pd.DataFrame, indicators: pd.DataFrame, organizations: pd.DataFrame,
              member_states: pd.DataFrame, paragraphs: pd.DataFrame, pattern: str = DONATION_PATTERN,
              translations: pd.DataFrame | None = None, dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Donations (activity type ``donation``) anywhere in the report, in report order:
    title (in the page's language with ``translations``, and the dependency with
    ``dependency_names``: :func:`hemiplan.analysis.destruction.localized`), dependency, member states
    (names and count), funders, partners, quantities stated in the same paragraph
    (indicator name or unit matching ``pattern``), section and paragraph."""
    cols = ["activity_id", "title", "dependency", "states", "n_states", "funders", "partners", "quantities",
            "section", "paragraph_id"]
    don = activities[activities["activity_type"] == "donation"]
    if don.empty:
        return pd.DataFrame(columns=cols)
    states = frames.member_names(member_states)
    hit = indicators[indicators["indicator"].str.contains(pattern, case=False, regex=True)
                     | indicators["unit"].str.contains(pattern, case=False, regex=True)]

    def stated_with(pid: str, countries: str) -> str:
        same = hit[hit["paragraph_id"] == pid].sort_values("indicator_id")
        own = same[same["countries"] == countries] if countries else same.iloc[0:0]
        use = own if len(own) else same
        return "; ".join(amount_text(v, u) + (f" ({name_list(c, states)})" if c and not len(own) else "")
                         for v, u, c in zip(use["value"], use["unit"], use["countries"]))

    out = localized(frames.activity_table(don, member_states, organizations, paragraphs), don, translations,
                    dependency_names)
    out["quantities"] = [stated_with(p, c) for p, c in zip(don["paragraph_id"], don["countries"])]
    return report_order(out, "activity_id")[cols]


def donations_text(don: pd.DataFrame) -> str:
    """A computed sentence on the donations table."""
    if don.empty:
        return ""
    listed = sorted({x for cell in don["states"] for x in cell.split(", ") if x})
    funded = int((don["funders"] != "").sum())
    values = dict(n=number(len(don)), donations=n_("{n} donation", "{n} donations", len(don)).format(n=number(len(don))),
                  states=n_("{n} member state ({names})", "{n} member states ({names})", len(listed)).format(
                      n=number(len(listed)), names=join_words(literal(x) for x in listed)),
                  funded=number(funded))
    if not funded:
        text = (n_("The report records {n} donation to {states}; none names a funder.",
                   "The report records {n} donations to {states}; none names a funder.", len(don)) if listed else
                n_("The report records {n} donation; none names a funder.",
                   "The report records {n} donations; none names a funder.", len(don)))
    elif len(don) == 1:
        text = (_("The report records {donations} to {states}; it names a funder.") if listed else
                _("The report records {donations}; it names a funder."))
    else:
        text = (n_("The report records {donations} to {states}; {funded} names a funder.",
                   "The report records {donations} to {states}; {funded} name a funder.", funded) if listed else
                n_("The report records {donations}; {funded} names a funder.",
                   "The report records {donations}; {funded} name a funder.", funded))
    return text.format(**values)


# --- technical assistance in the section ------------------------------------------------------

def technical_assistance(activities: pd.DataFrame, organizations: pd.DataFrame, member_states: pd.DataFrame,
                         types=ASSISTANCE_TYPES, translations: pd.DataFrame | None = None,
                         dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Technical assistance (activities of the given types), in report order: title
    (in the page's language with ``translations``), type, dependency, programme,
    member states, partners, funders, paragraph."""
    cols = ["activity_id", "title", "type", "dependency", "program", "states", "n_states", "partners", "funders",
            "paragraph_id"]
    ta = activities[activities["activity_type"].isin(types)]
    if ta.empty:
        return pd.DataFrame(columns=cols)
    out = localized(frames.activity_table(ta, member_states, organizations), ta, translations, dependency_names)
    return report_order(out, "activity_id")[cols]


def assistance_text(ta: pd.DataFrame, numeral: str) -> str:
    """A computed sentence on the technical assistance of the section."""
    if ta.empty:
        return ""
    counts = ta["type"].value_counts().rename("n").reset_index()
    counts = counts.sort_values(["n", "type"], ascending=[False, True], kind="mergesort")
    kinds = join_words(f"{number(r.n)} {literal(r.type)}" for r in counts.itertuples(index=False))
    named = int((ta["n_states"] > 0).sum())
    values = dict(numeral=numeral, kinds=kinds, n=number(named), activities=n_(
        "{n} technical assistance activity", "{n} technical assistance activities", len(ta)).format(n=number(len(ta))))
    if len(ta) == 1 and named:
        text = _("Section {numeral} records {activities} ({kinds}); it names the member states served.")
    elif len(ta) == 1:
        text = _("Section {numeral} records {activities} ({kinds}); it names no member state.")
    else:
        text = n_("Section {numeral} records {activities} ({kinds}); {n} of them names the member states served.",
                  "Section {numeral} records {activities} ({kinds}); {n} of them name the member states served.", named)
    return text.format(**values)


def year_over_year(editions: dict) -> pd.DataFrame:
    """Cooperation figures for every year with data (empty with fewer than two years):
    section activities, partner organisations and partnered activities in the whole
    report, agreements, funded activities, donations, activities held in each year
    only. Years are text."""
    def row(e) -> dict:
        links = partner_links(e.held, e.organizations)
        return {
            "section_activities": len(sections.select(e, CHAPTER).activities),
            "partners": links["org_id"].nunique() if len(links) else 0,
            "partnered": links["activity_id"].nunique() if len(links) else 0,
            "agreements": int((e.held["activity_type"] == "agreement").sum()),
            "funded": links.loc[links["role"] == "funder", "activity_id"].nunique() if len(links) else 0,
            "donations": int((e.held["activity_type"] == "donation").sum()),
        }

    return frames.year_over_year(editions, row)
