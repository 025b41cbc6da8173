"""Pure functions DataFrame → DataFrame behind the chapters. This module holds what
every chapter shares; each chapter's own analyses live in a submodule named after it."""
from __future__ import annotations

import pandas as pd

from hemiplan.data import csvio, schema

#: Each chapter's report section: found by keywords in the section title (so that a
#: report that renumbers its sections still lands right), else by numeral.
CHAPTER_SECTIONS = {
    "national_strategies": ("II", ("national strateg",)),
    "legal_instruments": ("III", ("legal instrument", "legal framework")),
    "law_enforcement": ("IV", ("law enforcement",)),
    "training": ("V", ("training",)),
    "information_sharing": ("VI", ("information sharing", "information exchange", "exchange of information")),
    "cooperation": ("VII", ("cooperation",)),
}


def sections(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The report's sections in order: numeral, title, number of paragraphs."""
    from hemiplan.reading.report import roman_to_int

    s = (paragraphs.groupby(["section", "section_title"], sort=False).size().rename("paragraphs").reset_index())
    s["order"] = s["section"].map(lambda r: roman_to_int(r) or 0)
    return s.sort_values("order").drop(columns="order").reset_index(drop=True)


def section_for(paragraphs: pd.DataFrame, chapter: str) -> tuple[str, str] | None:
    """(numeral, title) of the section a chapter covers, or None if the report has none."""
    numeral, keywords = CHAPTER_SECTIONS[chapter]
    secs = sections(paragraphs)
    for row in secs.itertuples(index=False):
        title = row.section_title.lower()
        if any(k in title for k in keywords):
            return row.section, row.section_title
    match = secs[secs["section"] == numeral]
    if len(match):
        return numeral, match.iloc[0]["section_title"]
    return None


def title_case(title: str) -> str:
    """Report titles set in capitals, shown in sentence case."""
    if title.isupper():
        t = title.lower()
        return t[:1].upper() + t[1:]
    return title


def with_context(activities: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Activities with the section, subsection and heading of their paragraph."""
    cols = ["paragraph_id", "section", "section_title", "subsection", "subsection_title", "heading"]
    return activities.merge(paragraphs[cols], on="paragraph_id", how="left", validate="many_to_one")


def in_section(df: pd.DataFrame, paragraphs: pd.DataFrame, numeral: str) -> pd.DataFrame:
    """Rows (activities or indicators) whose paragraph is in a section."""
    ids = set(paragraphs.loc[paragraphs["section"] == numeral, "paragraph_id"])
    return df[df["paragraph_id"].isin(ids)].copy()


def explode_list(df: pd.DataFrame, column: str, into: str | None = None) -> pd.DataFrame:
    """One row per item of a ;-separated list column (rows with an empty list dropped)."""
    into = into or column
    out = df.copy()
    out[into] = out[column].map(csvio.split_list)
    out = out.explode(into)
    return out[out[into].notna() & (out[into] != "")].reset_index(drop=True)


def totals(activities: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Activities (rows), events and stated participants, grouped."""
    g = activities.groupby(by, dropna=False, sort=True)
    out = pd.DataFrame({
        "activities": g.size(),
        "events": g["events"].sum(min_count=1).astype("Int64"),
        "participants": g["participants"].sum(min_count=1).astype("Int64"),
    }).reset_index()
    return out


def by_dependency(activities: pd.DataFrame) -> pd.DataFrame:
    """Totals per dependency, in the vocabulary's order, every dependency listed."""
    t = totals(activities, "dependency").set_index("dependency")
    t = t.reindex(schema.dependencies())
    t["activities"] = t["activities"].fillna(0).astype(int)
    return t.reset_index()


def plural(n, singular: str, plural_form: str | None = None) -> str:
    """'1 activity', '2 activities', '1,204 participants'."""
    if plural_form is None:
        if singular.endswith("y") and singular[-2:-1] not in "aeiou":
            plural_form = singular[:-1] + "ies"
        elif singular.endswith(("s", "x", "ch", "sh")):
            plural_form = singular + "es"
        else:
            plural_form = singular + "s"
    value = float(n)
    shown = f"{int(value):,}" if value.is_integer() else f"{value:,.1f}"
    return f"{shown} {singular if value == 1 else plural_form}"


def countries_reached(activities: pd.DataFrame) -> pd.DataFrame:
    """Per member state: activities that reached it and the participants of its
    single-country activities (participants of multi-country rows cannot be split)."""
    ex = explode_list(activities, "countries", "iso3")
    if ex.empty:
        return pd.DataFrame({"iso3": pd.Series(dtype=str), "activities": pd.Series(dtype=int),
                             "events": pd.Series(dtype="Int64"),
                             "participants_single_country": pd.Series(dtype="Int64")})
    n_countries = activities["countries"].map(lambda c: len(csvio.split_list(c)))
    ex["single"] = ex["activity_id"].map(dict(zip(activities["activity_id"], n_countries == 1)))
    g = ex.groupby("iso3")
    out = pd.DataFrame({
        "activities": g.size(),
        "events": g["events"].sum(min_count=1).astype("Int64"),
        "participants_single_country": ex[ex["single"]].groupby("iso3")["participants"].sum(min_count=1).astype("Int64"),
    }).reset_index()
    return out


def member_names(member_states: pd.DataFrame) -> dict[str, str]:
    return dict(zip(member_states["iso3"], member_states["name"]))


def members_in_year(member_states: pd.DataFrame, year: int) -> pd.DataFrame:
    """Member states in a year (by member_from / member_until)."""
    ms = member_states
    keep = (ms["member_from"] <= year) & (ms["member_until"].isna() | (ms["member_until"] >= year))
    return ms[keep].reset_index(drop=True)


def org_names(organizations: pd.DataFrame) -> dict[str, str]:
    return {r.org_id: (r.acronym or r.name) for r in organizations.itertuples(index=False)}


def partner_links(activities: pd.DataFrame) -> pd.DataFrame:
    """One row per (activity, organisation, role): partners and funders."""
    return pd.concat([explode_list(activities, "partners", "org_id").assign(role="partner"),
                      explode_list(activities, "funders", "org_id").assign(role="funder")], ignore_index=True)


def partner_summary(activities: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """Per organisation named as partner or funder: name, kind, activities, activities
    as funder, roles and source paragraphs; most activities first, ties by name."""
    both = partner_links(activities)
    cols = ["org_id", "organisation", "kind", "activities", "as_funder", "role", "paragraphs"]
    if both.empty:
        return pd.DataFrame(columns=cols)
    orgs = organizations.set_index("org_id")
    g = both.groupby("org_id")
    out = pd.DataFrame({
        "activities": g["activity_id"].nunique(),
        "as_funder": both[both.role == "funder"].groupby("org_id")["activity_id"].nunique(),
        "role": g["role"].agg(lambda s: " and ".join(sorted(set(s)))),
        "paragraphs": g["paragraph_id"].agg(lambda s: ";".join(sorted(set(s)))),
    }).fillna({"as_funder": 0}).reset_index()
    out["as_funder"] = out["as_funder"].astype(int)
    out["organisation"] = out["org_id"].map(lambda o: orgs.at[o, "name"] if o in orgs.index else o)
    out["kind"] = out["org_id"].map(lambda o: orgs.at[o, "kind"] if o in orgs.index else "")
    out = out.sort_values(["activities", "organisation"], ascending=[False, True])
    return out[cols].reset_index(drop=True)
