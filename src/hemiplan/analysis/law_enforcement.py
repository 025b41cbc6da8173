"""Section IV, law enforcement matters: the projects of the section, the member
states that benefit from them, and the partners and funders behind them by kind of
organisation. Everything is computed from the section's rows and the reference
tables; nothing depends on the ids, wording or numbers of one year's report."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis.frames import dependency_order, explode_list, lead, n_listed, name_list, or_missing, org_summary, partner_links
from hemiplan.analysis.national_strategies import page_titles
from hemiplan.analysis.terms import humanize, kind_label
from hemiplan.data import names as localnames
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import number

UNKNOWN_KIND = "not in the reference list"


def _kind(kind: str) -> str:
    """A kind of organisation for a table, capitalised, in the page's language."""
    word = p_("organisation kind", "not in the reference list") if kind == UNKNOWN_KIND else kind_label(kind)
    return word[:1].upper() + word[1:]


def projects(activities: pd.DataFrame, names: dict[str, str], organizations: pd.DataFrame,
             translations: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per activity of the section: dependency, programme, type, title,
    beneficiary member states (names) and their number, partners and funders
    (organisation names), source paragraph. ``activities`` is in report order; rows
    are sorted by dependency (book order), then kept in report order, then by id.
    Names, types and (with ``translations``) titles are in the page's language."""
    cols = ["dependency", "program", "type", "title", "beneficiaries", "n_beneficiaries", "partners", "funders",
            "paragraph_id", "activity_id"]
    if activities.empty:
        return pd.DataFrame(columns=cols)
    orgs = localnames.org_names(organizations)
    dep_order = {d: i for i, d in enumerate(dependency_order())}
    out = pd.DataFrame({
        "dependency": lead(activities),
        "program": activities["program"].map(or_missing),
        "type": activities["activity_type"].map(humanize),
        "title": page_titles(activities, translations),
        "beneficiaries": activities["countries"].map(lambda c: or_missing(name_list(c, names))),
        "n_beneficiaries": activities["countries"].map(n_listed),
        "partners": activities["partners"].map(lambda c: or_missing(name_list(c, orgs))),
        "funders": activities["funders"].map(lambda c: or_missing(name_list(c, orgs))),
        "paragraph_id": activities["paragraph_id"],
        "activity_id": activities["activity_id"],
        "_pos": range(len(activities)),
    })
    out = out.assign(_d=out["dependency"].map(dep_order)).sort_values(["_d", "_pos", "activity_id"])
    out = out[cols].reset_index(drop=True)
    for c in ("program", "beneficiaries", "partners", "funders"):
        out[c] = out[c].astype(object)
    return out


def beneficiaries(activities: pd.DataFrame, member_states: pd.DataFrame) -> pd.DataFrame:
    """Member states named as beneficiaries of the section's projects: iso3, name,
    subregion, projects, projects that name only this state, source paragraphs;
    sorted by projects (descending), then name. ``member_states`` gives names and
    subregions (codes missing from it keep their code)."""
    cols = ["iso3", "name", "subregion", "projects", "single_country", "paragraphs"]
    ex = explode_list(activities, "countries", "iso3")
    if ex.empty:
        return pd.DataFrame(columns=cols)
    n = dict(zip(activities["activity_id"], activities["countries"].map(n_listed)))
    ex["single"] = ex["activity_id"].map(n) == 1
    g = ex.groupby("iso3")
    out = pd.DataFrame({
        "projects": g["activity_id"].nunique(),
        "single_country": g["single"].sum().astype(int),
        "paragraphs": g["paragraph_id"].agg(lambda s: ";".join(sorted(set(s)))),
    }).reset_index()
    ms = member_states.set_index("iso3")
    own = localnames.state_names(member_states)
    out["name"] = out["iso3"].map(lambda c: own[c] if c in ms.index else c)
    out["subregion"] = out["iso3"].map(lambda c: ms.at[c, "subregion"] if c in ms.index else "")
    return out.sort_values(["projects", "name"], ascending=[False, True])[cols].reset_index(drop=True)


def involvement(activities: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """One row per (activity, organisation, role): every partner and funder named by
    the section's activities, with the organisation's name and kind (from the
    reference list, capitalised for display; ids missing from it are kept with kind
    UNKNOWN_KIND)."""
    cols = ["activity_id", "paragraph_id", "org_id", "role", "organisation", "kind"]
    both = partner_links(activities, organizations, unknown_kind=UNKNOWN_KIND)
    if both.empty:
        return pd.DataFrame(columns=cols)
    both["kind"] = both["kind"].map(_kind)
    return both[cols].sort_values(["org_id", "role", "activity_id"]).reset_index(drop=True)


def partners_by_kind(involved: pd.DataFrame) -> pd.DataFrame:
    """Partners and funders by kind of organisation, from :func:`involvement`:
    organisations, projects they take part in, of which as funder, the organisations'
    names, source paragraphs; sorted by organisations, then projects (both
    descending), then kind."""
    cols = ["kind", "organisations", "projects", "as_funder", "names", "paragraphs"]
    if involved.empty:
        return pd.DataFrame(columns=cols)
    g = involved.groupby("kind")
    out = pd.DataFrame({
        "organisations": g["org_id"].nunique(),
        "projects": g["activity_id"].nunique(),
        "as_funder": involved[involved["role"] == "funder"].groupby("kind")["activity_id"].nunique(),
        "names": g["organisation"].agg(lambda s: ", ".join(sorted(set(s)))),
        "paragraphs": g["paragraph_id"].agg(lambda s: ";".join(sorted(set(s)))),
    }).reset_index()
    out["as_funder"] = out["as_funder"].fillna(0).astype(int)
    return out.sort_values(["organisations", "projects", "kind"], ascending=[False, False, True])[cols].reset_index(drop=True)


def partner_list(involved: pd.DataFrame) -> pd.DataFrame:
    """Every partner or funder of the section, from :func:`involvement`: organisation,
    kind, roles, projects, source paragraphs; sorted by projects (descending), then name."""
    out = org_summary(involved).rename(columns={"role": "roles", "activities": "projects"})
    return out[["organisation", "kind", "roles", "projects", "paragraphs"]]


def projects_text(table: pd.DataFrame, benef: pd.DataFrame, involved: pd.DataFrame, members: int) -> str:
    """A sentence on the projects: how many, how many name beneficiaries, member
    states reached (of ``members``), organisations involved."""
    n = len(table)
    with_b = int((table["n_beneficiaries"] > 0).sum())
    multi = int((table["n_beneficiaries"] > 1).sum())
    orgs = involved["org_id"].nunique() if len(involved) else 0
    values = {"n": number(n), "with_b": number(with_b), "multi": number(multi), "reached": len(benef),
              "members": members, "orgs": number(orgs)}
    text = n_("The section describes **{n} project or activity**. ",
              "The section describes **{n} projects or activities**. ", n)
    if n == 1:
        k = int(table["n_beneficiaries"].iloc[0])
        values["k"] = number(k)
        text += n_("It names {k} beneficiary member state", "It names {k} beneficiary member states", k) if k \
            else _("It names no beneficiary member state")
    elif multi:
        text += _("{with_b} of them name beneficiary member states ({multi} more than one)")
    else:
        text += _("{with_b} of them name beneficiary member states")
    text += _(", reaching **{reached} of the {members} member states** in all. ") if with_b else ". "
    if orgs:
        text += (n_("The report names {orgs} partner or funder organisation for it.",
                    "The report names {orgs} partner or funder organisations for it.", orgs) if n == 1 else
                 n_("The report names {orgs} partner or funder organisation for them.",
                    "The report names {orgs} partner or funder organisations for them.", orgs))
    else:
        text += n_("The report names no partner or funder organisations for it.",
                   "The report names no partner or funder organisations for them.", n)
    return text.format(**values)
