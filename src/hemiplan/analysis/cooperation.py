"""Section VII of the report, international cooperation and assistance: partner
organisations (across the whole report) by kind and dependency, agreements, funders,
donations, the destruction of munitions and firearms with the report's arithmetic
checked, and the technical assistance of the section.

Every function is pure: it reads the frames it is given and returns a new frame,
dict or string. Functions ending in ``_text`` return Markdown, with every piece of
data escaped by :func:`hemiplan.book.literal`."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import explode_list, member_names
from hemiplan.analysis.information_sharing import ACTIVITY_TYPE_LABELS, country_names, indicator_label, join_words, month_name, org_list, plural, quantity, report_order, section_frames, some, states_taking_part, subsections, type_counts_text, unit_label
from hemiplan.data import csvio, schema
from hemiplan.present import provenance
from hemiplan.present.book import literal

CHAPTER = "cooperation"

#: Keywords (regular expressions, matched on the indicator name and on its unit) that
#: mark a stated figure as one about the destruction of munitions or firearms.
DESTRUCTION_PATTERN = r"destr|munition|firearm|shell|explosive|metric_ton"
#: Figures that mention firearms but are about something else (donated marking machines).
DESTRUCTION_EXCLUDE = r"donat|marking"

#: Keywords that mark a stated figure as one about donated equipment.
DONATION_PATTERN = r"donat|machine|equipment|computer|vehicle|kit"

#: Activity types counted as technical assistance.
ASSISTANCE_TYPES = ("technical_assistance", "legislative_assistance", "mission", "assessment")

ROLES = {"partners": "partner", "funders": "funder"}

#: Table headers for the per-dependency columns (the abbreviations as written).
DEPENDENCY_HEADERS = {d: d for d in schema.dependencies()}


def is_total(name: str) -> bool:
    """A stated total: an indicator whose name starts with ``total_`` or contains 'total'."""
    name = str(name).lower()
    return name.startswith("total_") or "total" in name


def _sections(ids: pd.Series, paragraphs: pd.DataFrame) -> pd.Series:
    """The part of the report of each paragraph id: 'VII.c', or 'IV' without subsection."""
    lookup = {p: s + (f".{sub}" if sub else "") for p, s, sub in
              zip(paragraphs["paragraph_id"], paragraphs["section"], paragraphs["subsection"])}
    return ids.map(lambda p: lookup.get(p, ""))


# --- partners across the whole report --------------------------------------------------

def partner_links(activities: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """One row per activity, organisation and role (partner or funder): activity,
    paragraph, dependency, activity type, organisation id, name, short label
    (acronym or name) and kind."""
    cols = ["activity_id", "paragraph_id", "dependency", "activity_type", "org_id", "organisation", "label",
            "kind", "role"]
    parts = [explode_list(activities, col, "org_id").assign(role=role) for col, role in ROLES.items()]
    links = pd.concat(parts, ignore_index=True)
    if links.empty:
        return pd.DataFrame(columns=cols)
    orgs = organizations.set_index("org_id")
    links["organisation"] = links["org_id"].map(orgs["name"]).fillna(links["org_id"])
    acr = links["org_id"].map(orgs["acronym"]).fillna("")
    links["label"] = acr.where(acr != "", links["organisation"])
    links["kind"] = links["org_id"].map(orgs["kind"]).fillna("unknown")
    links = links.sort_values(["org_id", "activity_id", "role"], kind="mergesort").reset_index(drop=True)
    return links[cols]


def kind_by_dependency(links: pd.DataFrame) -> pd.DataFrame:
    """Matrix: kind of organisation (rows, most activities first) × dependency (every
    dependency, in the vocabulary's order); cells count the distinct activities of the
    dependency with at least one partner or funder of that kind."""
    deps = schema.dependencies()
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
    cols = ["kind", "organisations", *schema.dependencies(), "activities", "paragraphs"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    g = links.groupby("kind")
    out = m.reset_index().rename(columns={"Kind of organisation": "kind"})
    out.columns.name = None
    out["organisations"] = out["kind"].map(g["org_id"].nunique()).astype(int)
    out["activities"] = out["kind"].map(g["activity_id"].nunique()).astype(int)
    out["paragraphs"] = out["kind"].map(g["paragraph_id"].agg(lambda s: ";".join(sorted(set(s)))))
    return out[cols].reset_index(drop=True)


def org_by_dependency(links: pd.DataFrame, n: int = 12) -> pd.DataFrame:
    """The ``n`` organisations named with most activities (ties by name): label, kind,
    activities per dependency (every dependency), total activities, activities as
    funder, and the source paragraphs."""
    deps = schema.dependencies()
    cols = ["org_id", "label", "organisation", "kind", *deps, "activities", "as_funder", "paragraphs"]
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
    m = top.set_index("label")[schema.dependencies()]
    m.index.name = "Partner or funder"
    m.columns.name = "Dependency"
    return m


def partner_summary(links: pd.DataFrame, activities: pd.DataFrame) -> dict:
    """Figures for the sentence on partners: organisations, kinds, activities with a
    named partner or funder and their share of all activities, the most frequent
    kind(s) by organisations, the dependency or dependencies with most distinct partners."""
    n_all = len(activities)
    if links.empty:
        return {"organisations": 0, "kinds": 0, "activities": 0, "all_activities": n_all, "share": 0,
                "top_kinds": [], "top_kind_orgs": 0, "top_dependencies": [], "top_dependency_orgs": 0}
    kinds, kn = _leaders(links.groupby("kind")["org_id"].nunique())
    deps, dn = _leaders(links.groupby("dependency")["org_id"].nunique())
    n_act = links["activity_id"].nunique()
    return {
        "organisations": int(links["org_id"].nunique()),
        "kinds": int(links["kind"].nunique()),
        "activities": int(n_act),
        "all_activities": n_all,
        "share": round(100.0 * n_act / n_all) if n_all else 0,
        "top_kinds": kinds, "top_kind_orgs": kn,
        "top_dependencies": deps, "top_dependency_orgs": dn,
    }


def partners_text(p: dict, year: int) -> str:
    """The computed sentences on partners across the whole report (ties named as such)."""
    if not p["organisations"]:
        return f"The {year} report names no partner or funder organisation for any activity."
    text = (f"Across the whole {year} report, **{plural(p['organisations'], 'organisation')}** of "
            f"{plural(p['kinds'], 'kind')} {'is' if p['organisations'] == 1 else 'are'} named as partners or "
            f"funders of {plural(p['activities'], 'activity')}, {p['share']}% of the {p['all_activities']:,} "
            f"recorded. ")
    kinds = join_words(f"*{literal(k)}*" for k in p["top_kinds"])
    if len(p["top_kinds"]) == 1:
        text += f"The most frequent kind is {kinds} ({plural(p['top_kind_orgs'], 'organisation')})"
    else:
        text += f"The most frequent kinds are {kinds} ({plural(p['top_kind_orgs'], 'organisation')} each)"
    deps = join_words(p["top_dependencies"])
    if len(p["top_dependencies"]) == 1:
        text += f"; {deps} works with the widest range of partners ({plural(p['top_dependency_orgs'], 'organisation')})."
    else:
        text += f"; {deps} each work with {plural(p['top_dependency_orgs'], 'organisation')}, the widest range."
    return text


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
    names = member_names(member_states)
    out = pd.DataFrame({
        "activity_id": ag["activity_id"],
        "title": ag["title"],
        "with_whom": ag["partners"].map(lambda c: org_list(c, organizations)),
        "kinds": ag["partners"].map(lambda c: ", ".join(sorted({kinds.get(o, "unknown") for o in csvio.split_list(c)}))),
        "dependency": ag["dependency"],
        "states": ag["countries"].map(lambda c: country_names(c, names)),
        "month": ag["month"].map(month_name),
        "section": _sections(ag["paragraph_id"], paragraphs),
        "paragraph_id": ag["paragraph_id"],
    })
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
        "type": links["activity_type"].map(ACTIVITY_TYPE_LABELS),
        "dependency": links["dependency"],
        "states": links["activity_id"].map(acts["countries"]).map(lambda c: country_names(c, names)),
        "section": _sections(links["paragraph_id"], paragraphs),
        "activity_id": links["activity_id"],
        "paragraph_id": links["paragraph_id"],
    })
    out["_key"] = out["paragraph_id"].map(provenance.sort_key)
    out = out.sort_values(["funder", "_key", "activity_id"], kind="mergesort").drop(columns="_key")
    return out[cols].reset_index(drop=True)


def agreements_text(ag: pd.DataFrame) -> str:
    """A computed sentence on the agreements table."""
    if ag.empty:
        return ""
    named = int((ag["with_whom"] != "").sum())
    deps = join_words(d for d in schema.dependencies() if d in set(ag["dependency"]))
    parts = sorted(set(ag["section"]), key=lambda x: provenance.sort_key(f"0000-{x}-01"))
    where = f"part {literal(parts[0])}" if len(parts) == 1 else f"parts {join_words(literal(x) for x in parts)}"
    return (f"The report records {plural(len(ag), 'agreement')} (in {where} of the report), "
            f"{named} of them with a named counterpart organisation; {deps} "
            f"{'is' if len(set(ag['dependency'])) == 1 else 'are'} the signing side.")


def funders_text(f: pd.DataFrame, activities: pd.DataFrame) -> str:
    """A computed sentence on funders."""
    if f.empty:
        return ""
    per = f.groupby("funder")["activity_id"].nunique()
    leaders, top = _leaders(per)
    n_act = f["activity_id"].nunique()
    share = round(100.0 * n_act / len(activities)) if len(activities) else 0
    text = (f"{plural(len(per), 'funder')} {'is' if len(per) == 1 else 'are'} named for "
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
        return "; ".join(quantity(v, u) + (f" ({country_names(c, names)})" if c and not len(own) else "")
                         for v, u, c in zip(use["value"], use["unit"], use["countries"]))

    out = pd.DataFrame({
        "activity_id": don["activity_id"],
        "title": don["title"],
        "dependency": don["dependency"],
        "states": don["countries"].map(lambda c: country_names(c, names)),
        "n_states": don["countries"].map(lambda c: len(csvio.split_list(c))).astype(int),
        "funders": don["funders"].map(lambda c: org_list(c, organizations)),
        "partners": don["partners"].map(lambda c: org_list(c, organizations)),
        "quantities": [stated_with(p, c) for p, c in zip(don["paragraph_id"], don["countries"])],
        "section": _sections(don["paragraph_id"], paragraphs),
        "paragraph_id": don["paragraph_id"],
    })
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
    return text + f"; {funded} {'names' if funded == 1 else 'name'} a funder."


# --- destruction of munitions and firearms ----------------------------------------------------

def destruction_indicators(indicators: pd.DataFrame, pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """Stated figures about munitions or firearms destroyed: indicators whose name or
    unit matches ``pattern``, with a flag for stated totals."""
    if indicators.empty:
        return indicators.assign(is_total=pd.Series(dtype=bool))
    name, unit = indicators["indicator"], indicators["unit"]
    keep = ((name.str.contains(pattern, case=False, regex=True) | unit.str.contains(pattern, case=False, regex=True))
            & ~name.str.contains(DESTRUCTION_EXCLUDE, case=False, regex=True))
    hit = indicators[keep]
    return hit.assign(is_total=hit["indicator"].map(is_total).astype(bool)).reset_index(drop=True)


def destruction_table(indicators: pd.DataFrame, member_states: pd.DataFrame, paragraphs: pd.DataFrame,
                      pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """The destruction figures for readers, in report order: what, value, unit,
    whether it is a stated total, member states, section, paragraph."""
    cols = ["indicator_id", "what", "value", "unit", "role", "states", "refers_to", "section", "paragraph_id"]
    d = destruction_indicators(indicators, pattern)
    if d.empty:
        return pd.DataFrame(columns=cols)
    names = member_names(member_states)
    out = pd.DataFrame({
        "indicator_id": d["indicator_id"],
        "what": [indicator_label(n, c, names) for n, c in zip(d["indicator"], d["countries"])],
        "value": d["value"].astype("Float64"),
        "unit": d["unit"].map(unit_label),
        "role": d["is_total"].map({True: "stated total", False: "item"}),
        "states": d["countries"].map(lambda c: country_names(c, names)),
        "refers_to": d["ref_year"].map(lambda y: "" if pd.isna(y) else str(int(y))),
        "section": _sections(d["paragraph_id"], paragraphs),
        "paragraph_id": d["paragraph_id"],
    })
    return report_order(out, "indicator_id")[cols]


def destruction_activities(activities: pd.DataFrame, indicators: pd.DataFrame, organizations: pd.DataFrame,
                           member_states: pd.DataFrame, paragraphs: pd.DataFrame,
                           pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """Destruction operations (activity type ``destruction``) anywhere in the report, in
    report order: title, dependency, member states, partners and funders, the
    destruction figures stated in the same paragraph, section and paragraph."""
    cols = ["activity_id", "title", "dependency", "states", "n_states", "supporters", "figures", "section",
            "paragraph_id"]
    de = activities[activities["activity_type"] == "destruction"]
    if de.empty:
        return pd.DataFrame(columns=cols)
    names = member_names(member_states)
    per = destroyed_per_paragraph(indicators, pattern)
    per["text"] = [quantity(q, u) for q, u in zip(per["quantity"], per["unit"])]
    figs = per.groupby("paragraph_id", sort=False)["text"].agg("; ".join).to_dict() if len(per) else {}
    out = pd.DataFrame({
        "activity_id": de["activity_id"],
        "title": de["title"],
        "dependency": de["dependency"],
        "states": de["countries"].map(lambda c: country_names(c, names)),
        "n_states": de["countries"].map(lambda c: len(csvio.split_list(c))).astype(int),
        "supporters": [org_list(csvio.join_list(csvio.split_list(p) + csvio.split_list(f)), organizations)
                       for p, f in zip(de["partners"], de["funders"])],
        "figures": de["paragraph_id"].map(lambda p: figs.get(p, "")),
        "section": _sections(de["paragraph_id"], paragraphs),
        "paragraph_id": de["paragraph_id"],
    })
    return report_order(out, "activity_id")[cols]


def check_totals(indicators: pd.DataFrame, member_states: pd.DataFrame | None = None,
                 pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """The report's arithmetic on destruction figures. For every stated total (see
    :func:`is_total`) among the destruction indicators: its components are the other
    non-total destruction indicators of the same unit in the same paragraph. Returns,
    per total: paragraph, unit, total's label and stated value, the components listed,
    their number and sum, the difference (stated − sum of items, the book's sign
    convention; empty when there are no components) and ``holds`` ('yes', 'no', or
    'no items' when nothing can be added up). ``member_states`` (optional) names the
    states in the components' labels."""
    cols = ["indicator_id", "total", "unit", "stated", "components", "n_components", "computed", "difference",
            "holds", "paragraph_id"]
    d = destruction_indicators(indicators, pattern)
    tots = d[d["is_total"]] if len(d) else d
    if tots.empty:
        return pd.DataFrame(columns=cols)
    items = d[~d["is_total"]]
    names = member_names(member_states) if member_states is not None else {}
    rows = []
    for t in tots.itertuples(index=False):
        comp = items[(items["paragraph_id"] == t.paragraph_id) & (items["unit"] == t.unit)].sort_values("indicator_id")
        n = len(comp)
        computed = float(comp["value"].sum()) if n else None
        rows.append({
            "indicator_id": t.indicator_id,
            "paragraph_id": t.paragraph_id,
            "unit": unit_label(t.unit),
            "total": indicator_label(t.indicator, t.countries, names),
            "stated": float(t.value),
            "components": "; ".join(f"{indicator_label(c.indicator, c.countries, names)}: {c.value:,.0f}"
                                    for c in comp.itertuples(index=False)),
            "n_components": n,
            "computed": computed,
            "difference": (float(t.value) - computed) if n else None,
            "holds": ("yes" if abs(computed - float(t.value)) < 1e-9 else "no") if n else "no items",
        })
    out = pd.DataFrame(rows)
    for c in ("stated", "computed", "difference"):
        out[c] = out[c].astype("Float64")
    return report_order(out, "indicator_id")[cols]


def destruction_text(ds: pd.DataFrame) -> str:
    """A computed sentence with what was destroyed, per unit."""
    if ds.empty:
        return ""
    return "Destroyed in the year, as stated: " + join_words(
        f"**{literal(quantity(r.quantity, r.unit))}**" + (f" ({literal(r.states)})" if r.states else "")
        for r in ds.itertuples()) + "."


def check_text(check: pd.DataFrame) -> str:
    """A computed verdict on the arithmetic of the destruction figures."""
    if check.empty:
        return ("No destruction figure comes with a stated total in the same paragraph as its items, "
                "so there is no arithmetic to check.")
    ok = check[check["holds"] == "yes"]
    bad = check[check["holds"] == "no"]
    none = check[check["holds"] == "no items"]
    if len(ok) == len(check):
        return (f"The report states {plural(len(check), 'total')} of munitions or firearms destroyed, and "
                f"{'it equals' if len(check) == 1 else 'each equals'} the sum of the itemised figures in the same "
                f"paragraph exactly: "
                + join_words(f"{r.stated:,.0f} {literal(r.unit)} from {plural(r.n_components, 'item')}"
                             for r in ok.itertuples())
                + ". The report's arithmetic holds.")
    parts = [f"The report states {plural(len(check), 'total')} of munitions or firearms destroyed."]
    if len(ok):
        parts.append(f"For {len(ok)} of them the itemised figures in the same paragraph add up exactly "
                     f"({join_words(f'{literal(r.total.lower())}: {r.stated:,.0f} {literal(r.unit)}' for r in ok.itertuples())}).")
    if len(bad):
        parts.append(f"For {len(bad)} the items do not add up to the stated total: "
                     + join_words(f"{literal(r.total.lower())} is stated as {r.stated:,.0f} {literal(r.unit)} but its items sum to "
                                  f"{r.computed:,.0f} (stated minus items: {r.difference:+,.0f})"
                                  for r in bad.itertuples()) + ".")
    if len(none):
        parts.append(f"For {len(none)} no itemised figure of the same unit appears in the same paragraph, "
                     f"so the total cannot be checked.")
    if len(bad) == 0 and len(ok):
        parts.append("The report's arithmetic holds wherever it can be checked.")
    elif len(bad):
        parts.append("Both figures are shown; neither is corrected.")
    return " ".join(parts)


def destroyed_per_paragraph(indicators: pd.DataFrame, pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """What each paragraph says was destroyed, per unit: the stated total of the unit
    when the paragraph gives one (the largest, if several), else the sum of its items.
    Figures that refer to another year (``ref_year`` set) are left out. Columns:
    paragraph_id, unit (snake_case), quantity, countries (;-list), in report order."""
    cols = ["paragraph_id", "unit", "quantity", "countries"]
    d = destruction_indicators(indicators, pattern)
    if len(d):
        d = d[d["ref_year"].isna()]
    if d.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for (para, unit), g in d.groupby(["paragraph_id", "unit"], sort=True):
        qty = g.loc[g["is_total"], "value"].max() if g["is_total"].any() else g["value"].sum()
        codes = csvio.join_list(c for cell in g["countries"] for c in csvio.split_list(cell))
        rows.append({"paragraph_id": para, "unit": unit, "quantity": float(qty), "countries": codes})
    out = pd.DataFrame(rows, columns=cols)
    out = out.assign(_k=out["paragraph_id"].map(provenance.sort_key), _q=-out["quantity"])
    return out.sort_values(["_k", "_q", "unit"], kind="mergesort").drop(columns=["_k", "_q"]).reset_index(drop=True)


def destruction_summary(indicators: pd.DataFrame, member_states: pd.DataFrame,
                        pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """What was destroyed in the report's year, per unit, summed over paragraphs (see
    :func:`destroyed_per_paragraph`), largest first: unit, quantity, member states
    named, paragraphs."""
    cols = ["unit", "quantity", "states", "paragraphs"]
    per = destroyed_per_paragraph(indicators, pattern)
    if per.empty:
        return pd.DataFrame(columns=cols)
    names = member_names(member_states)
    out = per.groupby("unit").agg(
        quantity=("quantity", "sum"),
        states=("countries", lambda s: country_names(csvio.join_list(c for v in s for c in csvio.split_list(v)), names)),
        paragraphs=("paragraph_id", lambda s: ";".join(sorted(set(s))))).reset_index()
    out["unit"] = out["unit"].map(unit_label)
    out["quantity"] = out["quantity"].astype("Float64")
    return out.sort_values(["quantity", "unit"], ascending=[False, True], kind="mergesort")[cols].reset_index(drop=True)


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
    names = member_names(member_states)
    out = pd.DataFrame({
        "activity_id": ta["activity_id"],
        "title": ta["title"],
        "type": ta["activity_type"].map(ACTIVITY_TYPE_LABELS),
        "dependency": ta["dependency"],
        "program": ta["program"],
        "states": ta["countries"].map(lambda c: country_names(c, names)),
        "n_states": ta["countries"].map(lambda c: len(csvio.split_list(c))).astype(int),
        "partners": ta["partners"].map(lambda c: org_list(c, organizations)),
        "funders": ta["funders"].map(lambda c: org_list(c, organizations)),
        "paragraph_id": ta["paragraph_id"],
    })
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
        served = f"{named} of them {'names' if named == 1 else 'name'} the member states served"
    return (f"Section {numeral} records "
            f"{plural(len(ta), 'technical assistance activity', 'technical assistance activities')} ({kinds}); "
            f"{served}.")


# --- summary ------------------------------------------------------------------------------------

def summary(sec: dict, ed) -> dict:
    """The section's figures for the opening paragraph."""
    acts, inds, paras = sec["activities"], sec["indicators"], sec["paragraphs"]
    links = partner_links(acts, ed.organizations)
    part = states_taking_part(acts, ed.member_states, ed.year)
    dest = destruction_indicators(inds)
    return {
        "year": ed.year,
        "numeral": sec["numeral"],
        "title": sec["title"],
        "paragraphs": len(paras),
        "subsections": [t for t in subsections(paras)["subsection_title"] if t],
        "activities": len(acts),
        "types": type_counts_text(acts),
        "dependencies": [d for d in schema.dependencies() if d in set(acts["dependency"])],
        "events": int(acts["events"].sum()) if len(acts) else 0,
        "states": len(part),
        "partners": links["org_id"].nunique() if len(links) else 0,
        "partnered": links["activity_id"].nunique() if len(links) else 0,
        "agreements": int((acts["activity_type"] == "agreement").sum()),
        "assistance": int(acts["activity_type"].isin(ASSISTANCE_TYPES).sum()),
        "figures": len(inds),
        "destruction_figures": len(dest),
    }


def summary_text(s: dict) -> str:
    """The opening paragraph of the chapter, computed from :func:`summary`."""
    if s["numeral"] is None:
        return (f"The {s['year']} report has no section on international cooperation and assistance; "
                f"the analyses below that span the whole report still apply.")
    first = (f"Section {s['numeral']} of the {s['year']} report (*{literal(s['title'])}*) runs to "
             f"{plural(s['paragraphs'], 'paragraph')}")
    if s["subsections"]:
        first += f" in {plural(len(s['subsections']), 'subsection')}"
    parts = [first + "."]
    if s["activities"]:
        parts.append(f"It records **{plural(s['activities'], 'activity')}** led by {join_words(s['dependencies'])} "
                     f"({s['types']}).")
        states = plural(s["states"], "member state") if s["states"] else "no member state"
        partners = (f"{plural(s['partners'], 'partner or funder organisation')} "
                    f"(for {plural(s['partnered'], 'activity')})" if s["partners"] else "no partner or funder")
        parts.append(f"They name {states} and {partners}.")
        if s["agreements"] or s["assistance"]:
            parts.append(f"The section holds {some(s['agreements'], 'agreement')} and "
                         f"{some(s['assistance'], 'technical assistance activity', 'technical assistance activities')}.")
    else:
        parts.append("It records no activities.")
    if s["figures"]:
        if s["destruction_figures"] == s["figures"]:
            about = (", about munitions or firearms destroyed" if s["figures"] == 1
                     else ", all about munitions or firearms destroyed")
        elif s["destruction_figures"]:
            about = f", {s['destruction_figures']} of them about munitions or firearms destroyed"
        else:
            about = ""
        parts.append(f"It also states {plural(s['figures'], 'figure')}{about}.")
    return " ".join(parts)


def year_over_year(editions: dict) -> pd.DataFrame:
    """Cooperation figures for every year with data (empty with fewer than two years):
    section activities, partner organisations and partnered activities in the whole
    report, agreements, funded activities, donations. Years are text."""
    if len(editions) < 2:
        return pd.DataFrame()
    rows = []
    for y, e in sorted(editions.items()):
        sec = section_frames(e, CHAPTER)
        links = partner_links(e.activities, e.organizations)
        rows.append({
            "year": str(y),
            "section_activities": len(sec["activities"]),
            "partners": links["org_id"].nunique() if len(links) else 0,
            "partnered": links["activity_id"].nunique() if len(links) else 0,
            "agreements": int((e.activities["activity_type"] == "agreement").sum()),
            "funded": links.loc[links["role"] == "funder", "activity_id"].nunique() if len(links) else 0,
            "donations": int((e.activities["activity_type"] == "donation").sum()),
        })
    return pd.DataFrame(rows)
