"""Section VII of the report, international cooperation and assistance: partner
organisations (across the whole report) by kind and dependency, agreements, funders,
donations and the technical assistance of the section. The destruction of munitions
and firearms, with the report's arithmetic checked, is in
:mod:`hemiplan.analysis.destruction`.

Every function is pure: it reads the frames it is given and returns a new frame,
record or string. Functions ending in ``_text`` return Markdown, with every piece of
data escaped by :func:`hemiplan.vocabulary.literal`."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemiplan.analysis import frames, sections
from hemiplan.analysis.destruction import destruction_indicators
from hemiplan.analysis.frames import JOINT, dependency_order, member_names, name_list, partner_links, rows_in_order
from hemiplan.analysis.sections import paragraph_key, report_order
from hemiplan.data import csvio
from hemiplan.data.labels import type_label
from hemiplan.vocabulary import agree, amount, join_words, literal, plural, some, title_case

CHAPTER = "cooperation"

#: Keywords that mark a stated figure as one about donated equipment.
DONATION_PATTERN = r"donat|machine|equipment|computer|vehicle|kit"

#: Activity types counted as technical assistance.
ASSISTANCE_TYPES = ("technical_assistance", "legislative_assistance", "mission", "assessment")

#: Table headers for the per-dependency columns (the abbreviations as written).
DEPENDENCY_HEADERS = {d: d for d in dependency_order()}


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
    return out.head(n)[cols].reset_index(drop=True)


def _leaders(counts: pd.Series) -> tuple[list[str], int]:
    """The labels sharing the highest count (sorted), and that count."""
    if counts.empty:
        return [], 0
    top = int(counts.max())
    return sorted(str(k) for k, v in counts.items() if int(v) == top), top


def org_matrix(top: pd.DataFrame) -> pd.DataFrame:
    """The organisation × dependency matrix of :func:`org_by_dependency`, indexed by
    the organisation's short label, for a heat map."""
    m = top.set_index("label")[dependency_order()]
    m.index.name = "Partner or funder"
    m.columns.name = "Dependency"
    return m


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


def partner_figures(links: pd.DataFrame, activities: pd.DataFrame) -> PartnerFigures:
    """Figures for the sentence on partners: organisations, kinds, activities with a
    named partner or funder and their share of all activities, the most frequent
    kind(s) by organisations, the dependency or dependencies (by the lead rule of
    :func:`hemiplan.analysis.frames.partner_links`, Joint included) with most distinct
    partners."""
    n_all = len(activities)
    if links.empty:
        return PartnerFigures(organisations=0, kinds=0, activities=0, all_activities=n_all, share=0)
    kinds, kn = _leaders(links.groupby("kind")["org_id"].nunique())
    deps, dn = _leaders(links.groupby("dependency")["org_id"].nunique())
    n_act = int(links["activity_id"].nunique())
    return PartnerFigures(
        organisations=int(links["org_id"].nunique()), kinds=int(links["kind"].nunique()), activities=n_act,
        all_activities=n_all, share=round(100.0 * n_act / n_all) if n_all else 0,
        top_kinds=tuple(kinds), top_kind_orgs=kn, top_dependencies=tuple(deps), top_dependency_orgs=dn)


def partners_text(p: PartnerFigures, year: int) -> str:
    """The computed sentences on partners across the whole report (ties named as such)."""
    if not p.organisations:
        return f"The {year} report names no partner or funder organisation for any activity."
    text = (f"Across the whole {year} report, **{plural(p.organisations, 'organisation')}** of "
            f"{plural(p.kinds, 'kind')} {agree(p.organisations, 'is', 'are')} named as partners or "
            f"funders of {plural(p.activities, 'activity')}, {p.share}% of the {p.all_activities:,} "
            f"recorded. ")
    kinds = join_words(f"*{literal(k)}*" for k in p.top_kinds)
    if len(p.top_kinds) == 1:
        text += f"The most frequent kind is {kinds} ({plural(p.top_kind_orgs, 'organisation')})"
    else:
        text += f"The most frequent kinds are {kinds} ({plural(p.top_kind_orgs, 'organisation')} each)"
    deps = join_words(p.top_dependencies)
    if len(p.top_dependencies) == 1:
        text += f"; {deps} works with the widest range of partners ({plural(p.top_dependency_orgs, 'organisation')})."
    else:
        text += f"; {deps} each work with {plural(p.top_dependency_orgs, 'organisation')}, the widest range."
    return text


def kinds_alt(kinds: pd.DataFrame) -> str:
    """The alternative text of the kind × dependency heat map (:func:`kind_by_dependency`):
    each kind with the dependencies it works with (cells that are not zero)."""
    return ("Heat map of activities with partners by kind and dependency: "
            + "; ".join(f"{k}: " + ", ".join(f"{d} {int(v)}" for d, v in row.items() if v)
                        for k, row in kinds.iterrows()) + ".")


def top_partners_alt(top: pd.DataFrame) -> str:
    """The alternative text of the heat map of the most frequent partners
    (:func:`org_by_dependency`)."""
    return "Heat map of the most frequent partners: " + "; ".join(f"{r.label}: {r.activities}" for r in top.itertuples()) + "."


def collaboration_text(collab: pd.DataFrame) -> str:
    """The sentence above the table of collaboration between dependencies
    (:func:`hemiplan.analysis.counting.collaboration`); '' when there is none."""
    if collab.empty:
        return ""
    return ("The Secretariat's own dependencies are not counted among the partners above. When the report names one of "
            "them as a partner of another, or says they led an activity together, it is collaboration between "
            "dependencies:")


# --- agreements, funders, donations (whole report) ----------------------------------------

def agreements(activities: pd.DataFrame, organizations: pd.DataFrame, member_states: pd.DataFrame,
               paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Agreements (activity type ``agreement``) anywhere in the report, in report
    order: title, with whom (partners), their kinds, dependency, member states, month,
    section and paragraph."""
    cols = ["activity_id", "title", "with_whom", "kinds", "dependency", "states", "month", "section",
            "paragraph_id"]
    ag = activities[activities["activity_type"] == "agreement"]
    if ag.empty:
        return pd.DataFrame(columns=cols)
    kinds = dict(zip(organizations["org_id"], organizations["kind"]))
    out = frames.activity_table(ag, member_states, organizations, paragraphs).rename(columns={"partners": "with_whom"})
    out["kinds"] = ag["partners"].map(lambda c: ", ".join(sorted({kinds.get(o, "unknown") for o in csvio.split_list(c)})))
    return report_order(out, "activity_id")[cols]


def funders(activities: pd.DataFrame, organizations: pd.DataFrame, member_states: pd.DataFrame,
            paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Who funds what: one row per funder and funded activity, by funder name, then
    report order: funder, kind, activity, type, dependency, member states, section,
    paragraph."""
    cols = ["funder", "kind", "activity", "type", "dependency", "states", "section", "activity_id", "paragraph_id"]
    links = partner_links(activities, organizations)
    links = links[links["role"] == "funder"]
    if links.empty:
        return pd.DataFrame(columns=cols)
    acts = activities.set_index("activity_id")
    names = member_names(member_states)
    out = pd.DataFrame({
        "funder": links["organisation"],
        "kind": links["kind"],
        "activity": links["activity_id"].map(acts["title"]),
        "type": links["activity_type"].map(type_label),
        "dependency": links["dependency"],
        "states": links["activity_id"].map(acts["countries"]).map(lambda c: name_list(c, names)),
        "section": frames.part_of(links["paragraph_id"], paragraphs),
        "activity_id": links["activity_id"],
        "paragraph_id": links["paragraph_id"],
    })
    out["_key"] = out["paragraph_id"].map(paragraph_key)
    out = out.sort_values(["funder", "_key", "activity_id"], kind="mergesort").drop(columns="_key")
    return out[cols].reset_index(drop=True)


def agreements_text(ag: pd.DataFrame) -> str:
    """A computed sentence on the agreements table."""
    if ag.empty:
        return ""
    named = int((ag["with_whom"] != "").sum())
    deps = join_words(d for d in dependency_order() if d in set(ag["dependency"]))
    parts = sorted(set(ag["section"]), key=lambda x: paragraph_key(f"0000-{x}-01"))
    where = f"part {literal(parts[0])}" if len(parts) == 1 else f"parts {join_words(literal(x) for x in parts)}"
    if len(ag) == 1:
        counterpart = "with a named counterpart organisation" if named else "with no named counterpart organisation"
    else:
        counterpart = f"{named} of them with a named counterpart organisation"
    return (f"The report records {plural(len(ag), 'agreement')} (in {where} of the report), {counterpart}; "
            f"{deps} {agree(len(set(ag['dependency'])), 'is', 'are')} the signing side.")


def funders_text(f: pd.DataFrame, activities: pd.DataFrame) -> str:
    """A computed sentence on funders."""
    if f.empty:
        return ""
    per = f.groupby("funder")["activity_id"].nunique()
    leaders, top = _leaders(per)
    n_act = f["activity_id"].nunique()
    share = round(100.0 * n_act / len(activities)) if len(activities) else 0
    text = (f"{plural(len(per), 'funder')} {agree(len(per), 'is', 'are')} named for "
            f"{plural(n_act, 'activity')}, {share:.0f}% of all activities of the year")
    if len(per) > 1 and len(leaders) == 1:
        text += f"; {literal(leaders[0])} funds the most ({plural(top, 'activity')})"
    elif len(per) > 1 and len(leaders) == len(per):
        text += f"; each funds {plural(top, 'activity')}"
    elif len(per) > 1:
        text += f"; {join_words(literal(x) for x in leaders)} fund the most ({plural(top, 'activity')} each)"
    return text[:1].upper() + text[1:] + "."


def donations(activities: pd.DataFrame, indicators: pd.DataFrame, organizations: pd.DataFrame,
              member_states: pd.DataFrame, paragraphs: pd.DataFrame, pattern: str = DONATION_PATTERN) -> pd.DataFrame:
    """Donations (activity type ``donation``) anywhere in the report, in report order:
    title, dependency, member states (names and count), funders, partners, quantities
    stated in the same paragraph (indicator name or unit matching ``pattern``), section
    and paragraph."""
    cols = ["activity_id", "title", "dependency", "states", "n_states", "funders", "partners", "quantities",
            "section", "paragraph_id"]
    don = activities[activities["activity_type"] == "donation"]
    if don.empty:
        return pd.DataFrame(columns=cols)
    names = member_names(member_states)
    hit = indicators[indicators["indicator"].str.contains(pattern, case=False, regex=True)
                     | indicators["unit"].str.contains(pattern, case=False, regex=True)]

    def stated_with(pid: str, countries: str) -> str:
        same = hit[hit["paragraph_id"] == pid].sort_values("indicator_id")
        own = same[same["countries"] == countries] if countries else same.iloc[0:0]
        use = own if len(own) else same
        return "; ".join(amount(v, u) + (f" ({name_list(c, names)})" if c and not len(own) else "")
                         for v, u, c in zip(use["value"], use["unit"], use["countries"]))

    out = frames.activity_table(don, member_states, organizations, paragraphs)
    out["quantities"] = [stated_with(p, c) for p, c in zip(don["paragraph_id"], don["countries"])]
    return report_order(out, "activity_id")[cols]


def donations_text(don: pd.DataFrame) -> str:
    """A computed sentence on the donations table."""
    if don.empty:
        return ""
    states = sorted({x for cell in don["states"] for x in cell.split(", ") if x})
    text = f"The report records {plural(len(don), 'donation')}"
    if states:
        text += f" to {plural(len(states), 'member state')} ({join_words(literal(x) for x in states)})"
    funded = int((don["funders"] != "").sum())
    if not funded:
        return text + "; none names a funder."
    if len(don) == 1:
        return text + "; it names a funder."
    return text + f"; {funded} {agree(funded, 'names', 'name')} a funder."


# --- technical assistance in the section ------------------------------------------------------

def technical_assistance(activities: pd.DataFrame, organizations: pd.DataFrame, member_states: pd.DataFrame,
                         types=ASSISTANCE_TYPES) -> pd.DataFrame:
    """Technical assistance (activities of the given types), in report order: title,
    type, dependency, programme, member states, partners, funders, paragraph."""
    cols = ["activity_id", "title", "type", "dependency", "program", "states", "n_states", "partners", "funders",
            "paragraph_id"]
    ta = activities[activities["activity_type"].isin(types)]
    if ta.empty:
        return pd.DataFrame(columns=cols)
    out = frames.activity_table(ta, member_states, organizations)
    return report_order(out, "activity_id")[cols]


def assistance_text(ta: pd.DataFrame, numeral: str) -> str:
    """A computed sentence on the technical assistance of the section."""
    if ta.empty:
        return ""
    counts = ta["type"].value_counts().rename("n").reset_index()
    counts = counts.sort_values(["n", "type"], ascending=[False, True], kind="mergesort")
    kinds = join_words(f"{r.n} {literal(r.type)}" for r in counts.itertuples(index=False))
    named = int((ta["n_states"] > 0).sum())
    if len(ta) == 1:
        served = "it names the member states served" if named else "it names no member state"
    else:
        served = f"{named} of them {agree(named, 'names', 'name')} the member states served"
    return (f"Section {numeral} records "
            f"{plural(len(ta), 'technical assistance activity', 'technical assistance activities')} ({kinds}); "
            f"{served}.")


# --- summary ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CooperationSummary:
    """The figures of the chapter's opening paragraph (:func:`summary`): the section's
    size and its activity types, partners, agreements, technical assistance and
    destruction figures."""
    section: sections.SectionSummary
    types: str
    partners: int
    partnered: int
    agreements: int
    assistance: int
    destruction_figures: int


def summary(sec: sections.Section, ed) -> CooperationSummary:
    """The section's figures for the opening paragraph (:func:`hemiplan.analysis.sections.summary`
    and activity types, partners, agreements, technical assistance, destruction figures)."""
    acts = sec.activities
    links = partner_links(acts, ed.organizations)
    return CooperationSummary(
        section=sections.summary(sec, ed.member_states),
        types=frames.type_counts_text(acts),
        partners=int(links["org_id"].nunique()) if len(links) else 0,
        partnered=int(links["activity_id"].nunique()) if len(links) else 0,
        agreements=int((acts["activity_type"] == "agreement").sum()),
        assistance=int(acts["activity_type"].isin(ASSISTANCE_TYPES).sum()),
        destruction_figures=len(destruction_indicators(sec.indicators)),
    )


def led_by(dependencies) -> str:
    """'led by CICAD and DPS', 'led by CICAD, or jointly', 'led jointly': who leads a
    section's activities, with the Joint rule of :func:`hemiplan.analysis.frames.lead`."""
    own = [d for d in dependencies if d != JOINT]
    if not own:
        return "led jointly"
    return f"led by {join_words(own)}" + (", or jointly" if len(own) < len(dependencies) else "")


def _figures_sentence(stated: int, destruction: int) -> str:
    """'It also states 9 figures, 8 of them about munitions or firearms destroyed.'"""
    if destruction == stated:
        about = ", about munitions or firearms destroyed" if stated == 1 else ", all about munitions or firearms destroyed"
    elif destruction:
        about = f", {destruction} of them about munitions or firearms destroyed"
    else:
        about = ""
    return f"It also states {plural(stated, 'figure')}{about}."


def summary_text(s: CooperationSummary) -> str:
    """The opening paragraph of the chapter, computed from :func:`summary`."""
    sec = s.section
    if sec.numeral is None:
        return (f"The {sec.year} report has no section on {sec.topic}; "
                f"the analyses below that span the whole report still apply.")
    first = (f"Section {sec.numeral} of the {sec.year} report (*{literal(title_case(sec.title))}*) runs to "
             f"{plural(sec.paragraphs, 'paragraph')}")
    if sec.subsection_titles:
        first += f" in {plural(len(sec.subsection_titles), 'subsection')}"
    parts = [first + "."]
    if sec.activities:
        parts.append(f"It records **{plural(sec.activities, 'activity')}** {led_by(sec.dependencies)} "
                     f"({s.types}).")
        states = plural(sec.states_reached, "member state") if sec.states_reached else "no member state"
        partners = (f"{plural(s.partners, 'partner or funder organisation')} "
                    f"(for {plural(s.partnered, 'activity')})" if s.partners else "no partner or funder")
        parts.append(f"They name {states} and {partners}.")
        if s.agreements or s.assistance:
            parts.append(f"The section holds {some(s.agreements, 'agreement')} and "
                         f"{some(s.assistance, 'technical assistance activity', 'technical assistance activities')}.")
    else:
        parts.append("It records no activities.")
    if sec.stated_figures:
        parts.append(_figures_sentence(sec.stated_figures, s.destruction_figures))
    return " ".join(parts)


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
