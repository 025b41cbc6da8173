"""Member-state profiles: what one state got in the year, and the states not reached."""
from __future__ import annotations

import pandas as pd

from hemiplan import language
from hemiplan.analysis import counting, terms
from hemiplan.analysis.frames import countries_reached, dependency_labels, is_attributed, n_listed, partner_summary
from hemiplan.data import csvio, names
from hemiplan.data.labels import type_label
from hemiplan.data.membership import members_in_year
from hemiplan.analysis.headline import headline
from hemiplan.language import _, n_
from hemiplan.vocabulary import join_words, month_abbr, number


def _year(ed) -> pd.DataFrame:
    """The activities held in the edition's year (profiles count nothing else)."""
    return ed.held


def default_country(ed) -> str:
    """The state a profile shows when none is asked for: the one reached by most
    activities (ties broken by ISO code)."""
    reached = countries_reached(_year(ed))
    if reached.empty:
        return str(members_in_year(ed.member_states, ed.year)["iso3"].min())
    return str(reached.sort_values(["activities", "iso3"], ascending=[False, True]).iloc[0]["iso3"])


def states_with_activity(ed) -> list[str]:
    """Member states (in the year) reached by at least one activity of the year, or
    hosting one (for officials of other states: a state that only hosted has a
    profile too, which says so), by ISO code."""
    members = set(members_in_year(ed.member_states, ed.year)["iso3"])
    acts = _year(ed)
    hosts = {h for cell in acts["host"] for h in csvio.split_list(cell)} if "host" in acts else set()
    return sorted((set(countries_reached(acts)["iso3"]) | hosts) & members)


def activities_of(ed, iso3: str) -> pd.DataFrame:
    """The activities of the year that reached a state (it is in ``countries``: its
    officials took part, or the activity served it), in report order, with the number
    of other states named (``shared_with``) and whether its people are attributed to
    it (``attributed``)."""
    acts = _year(ed)
    mask = acts["countries"].map(lambda c: iso3 in csvio.split_list(c)).astype(bool)
    out = acts[mask].copy()
    out["shared_with"] = out["countries"].map(lambda c: n_listed(c) - 1)
    out["attributed"] = is_attributed(out) if len(out) else pd.Series(dtype=bool)
    return out.sort_values("activity_id").reset_index(drop=True)


def hosted_by(ed, iso3: str) -> pd.DataFrame:
    """The activities of the year held in a state (``host``) for officials of other or
    unnamed states (it is not in ``countries``), in report order."""
    acts = _year(ed)
    mask = (acts["host"].map(lambda c: iso3 in csvio.split_list(c))
            & ~acts["countries"].map(lambda c: iso3 in csvio.split_list(c))).astype(bool)
    return acts[mask].sort_values("activity_id").reset_index(drop=True)


def summary(ed, iso3: str, name: str) -> str:
    """The profile's opening sentences: the activities of the year that reached the
    state (national or shared), out of the edition's headline count of activities
    (:func:`~hemiplan.analysis.headline.headline`, as the overview gives it), the
    people the report ties to it alone, the dependencies involved, and what it hosted
    for others."""
    acts = activities_of(ed, iso3)
    hosted = hosted_by(ed, iso3)
    people = attributed_participants(ed, iso3)
    sub = terms.subregion_label(ed.member_states.set_index("iso3").at[iso3, "subregion"])
    whole = headline(ed).activities
    deps = {d for cell in acts["dependency"] + ";" + acts["joint_with"].fillna("") for d in csvio.split_list(cell)}
    if len(acts):
        national = int((acts["shared_with"] == 0).sum())
        short = dependency_labels(ed.dependency_names)
        text = (n_("In {year}, **{name}** ({subregion}) took part in, or was served by, **{n} of the {whole} activity** "
                   "held that year: {national} national and {shared} shared with other member states.",
                   "In {year}, **{name}** ({subregion}) took part in, or was served by, **{n} of the {whole} "
                   "activities** held that year: {national} national and {shared} shared with other member states.",
                   whole).format(year=ed.year, name=name, subregion=sub, n=number(len(acts)), whole=number(whole),
                                 national=national, shared=len(acts) - national) + " "
                + (_("The activities whose people the report ties to {name} alone trained or convened **{people} "
                     "people**.").format(name=name, people=number(people)) if people is not None
                   else _("The report states no participant figure that it ties to {name} alone.").format(name=name))
                + " " + _("The dependencies involved: {dependencies}.").format(
                    dependencies=join_words(short[d] for d in counting.dependency_order() if d in set(deps))))
    else:
        text = _("In {year}, no activity held that year names **{name}** ({subregion}) among the states whose officials "
                 "took part or which it served.").format(year=ed.year, name=name, subregion=sub)
    if len(hosted):
        text += " " + _hosted_sentence(name, len(hosted), also=bool(len(acts)))
    return text


def _hosted_sentence(name: str, n: int, also: bool) -> str:
    if also:
        return n_("{name} also hosted **{n} activity** for officials of other member states (listed below); their "
                  "participants came from several states and are not counted for {name}.",
                  "{name} also hosted **{n} activities** for officials of other member states (listed below); their "
                  "participants came from several states and are not counted for {name}.", n).format(
            name=name, n=number(n))
    return n_("{name} hosted **{n} activity** for officials of other member states (listed below); their participants "
              "came from several states and are not counted for {name}.",
              "{name} hosted **{n} activities** for officials of other member states (listed below); their participants "
              "came from several states and are not counted for {name}.", n).format(name=name, n=number(n))


def reached_text(reached: pd.DataFrame, missing: pd.DataFrame, members: pd.DataFrame, year: int) -> str:
    """The sentence that opens the member-states chapter."""
    return n_("**{reached} of the {members} member states** were reached by at least one activity in {year}; {n} was "
              "not.",
              "**{reached} of the {members} member states** were reached by at least one activity in {year}; {n} were "
              "not.", len(missing)).format(reached=number(len(reached)), members=number(len(members)), year=year,
                                           n=number(len(missing)))


def hosted_intro(name: str) -> str:
    """The sentence above the table of what a state hosted for others."""
    return "### " + _("Hosted for others") + "\n\n" + _(
        "Activities held in {name} for officials of other member states, or of states the report does not name. Where "
        "people met says nothing about where they came from, so these participants are not counted for {name}.").format(
        name=name)


def elsewhere_intro(year: int, name: str) -> str:
    """The sentence above a state's activities held in another year."""
    return "### " + _("Reported this year, held in another year") + "\n\n" + _(
        "The {year} report also describes activities held in another year that name {name}; they are not counted "
        "above.").format(year=year, name=name)


def series_intro(year: int, name: str, editions: int) -> str:
    """The sentence that opens a profile's series."""
    head = "## " + _("Across the years") + "\n\n"
    if editions < 2:
        return head + _("Only the {year} edition can be compared so far: {name}'s series appears here once two or more "
                        "reviewed editions exist.").format(year=year, name=name)
    return head + _("What the editions up to {year} record for {name}: the activities held in each report's year that "
                    "named it, and their events where the text places them in it (an activity naming several states "
                    "counts for each, but its events for none).").format(year=year, name=name)


def _scope(shared: int, attributed: bool, people) -> str:
    if shared:
        return n_("with {n} other state", "with {n} other states", shared).format(n=shared)
    return _("national") if attributed or pd.isna(people) else _("national; whose people took part is not stated")


def _report_words(text):
    """A name the report gives (a programme), marked English on a page of another language."""
    if language.current() == language.SOURCE or not isinstance(text, str) or not text:
        return text
    return names.English(text)


def _types(activity_types: pd.Series) -> pd.Series:
    """Activity types as a profile's tables show them (English: the id's words)."""
    if language.current() == language.SOURCE:
        return activity_types.str.replace("_", " ")
    return activity_types.map(type_label)


def activity_table(ed, iso3: str) -> pd.DataFrame:
    """The activities that reached a state, for a table: title, type, dependency (joint
    work named), programme, month, scope (national or shared), participants (with
    qualifier), source and the row id (a table links each row to its quote)."""
    a = activities_of(ed, iso3)
    a["title"] = names.titles(a, ed.translations, source=ed.language)
    a["type"] = _types(a["activity_type"])
    a["program"] = a["program"].map(_report_words)
    a["month"] = a["month"].map(month_abbr)
    a["scope"] = [_scope(n, att, p) for n, att, p in zip(a["shared_with"], a["attributed"], a["participants"])]
    a["dependency"] = counting.lead_label(a, detailed=True, acronyms=dependency_labels(ed.dependency_names))
    a["participants"] = counting.participants_text(a)
    return a[["title", "type", "dependency", "program", "month", "scope", "participants", "paragraph_id", "activity_id"]]


def hosted_table(ed, iso3: str) -> pd.DataFrame:
    """The activities a state hosted for others, for a table: title, type, dependency,
    month, participants (with qualifier; not attributed to the host), source and the
    row id (a table links each row to its quote)."""
    a = hosted_by(ed, iso3)
    return pd.DataFrame({"title": names.titles(a, ed.translations, source=ed.language), "type": _types(a["activity_type"]),
                         "dependency": counting.lead_label(a, detailed=True, acronyms=dependency_labels(ed.dependency_names)),
                         "month": a["month"].map(month_abbr),
                         "participants": counting.participants_text(a), "paragraph_id": a["paragraph_id"],
                         "activity_id": a["activity_id"]})


def attributed_participants(ed, iso3: str) -> int | None:
    """Participants the text ties to the state alone (None when none are stated)."""
    a = activities_of(ed, iso3)
    people = a.loc[a["attributed"], "participants"] if len(a) else pd.Series(dtype="Int64")
    return int(people.sum()) if people.notna().any() else None


def participants_vs_subregion(ed, iso3: str) -> pd.DataFrame:
    """Participants attributed to the state (:func:`is_attributed`) by program, next to the
    average over the member states of its subregion (states with none count as 0)."""
    ms = members_in_year(ed.member_states, ed.year)
    sub = ms.loc[ms["iso3"] == iso3, "subregion"]
    if sub.empty:
        return pd.DataFrame(columns=["program", "participants", "subregion_average"])
    peers = ms.loc[ms["subregion"] == sub.iloc[0], "iso3"].tolist()
    acts = _year(ed)
    single = acts[is_attributed(acts) & acts["participants"].notna()].copy()
    single["iso3"] = single["countries"]
    single["program"] = single["program"].replace("", _("(no program named)"))
    single = single[single["iso3"].isin(peers)]
    if single.empty:
        return pd.DataFrame(columns=["program", "participants", "subregion_average"])
    by = single.groupby(["program", "iso3"])["participants"].sum().unstack(fill_value=0)
    by = by.reindex(columns=peers, fill_value=0)
    out = pd.DataFrame({"participants": by[iso3] if iso3 in by.columns else 0,
                        "subregion_average": by.mean(axis=1).round(1)}).reset_index()
    out = out[(out["participants"] > 0) | (out["subregion_average"] > 0)]
    out = out[out["program"].isin(single.loc[single["iso3"] == iso3, "program"]) | (out["participants"] > 0)]
    return out.sort_values(["participants", "program"], ascending=[False, True]).reset_index(drop=True)


def partners_of(ed, iso3: str) -> pd.DataFrame:
    """Organisations that took part in, or funded, the state's activities."""
    out = partner_summary(activities_of(ed, iso3), ed.organizations)
    out["kind"] = out["kind"].map(terms.kind_label)
    return out[["organisation", "kind", "activities", "role", "paragraphs"]]


def mentions(ed, iso3: str) -> pd.DataFrame:
    """Paragraphs of the report that mention the state."""
    p = ed.paragraphs
    mask = p["countries"].map(lambda c: iso3 in csvio.split_list(c))
    out = p[mask][["paragraph_id", "section", "section_title", "text"]].copy()
    out["excerpt"] = out["text"].map(lambda t: t if len(t) <= 220 else t[:217].rsplit(" ", 1)[0] + " …")
    return out[["paragraph_id", "section", "excerpt"]].reset_index(drop=True)


def not_reached(ed) -> pd.DataFrame:
    """Member states with no activity in the year, with their subregion."""
    ms = members_in_year(ed.member_states, ed.year)
    reached = set(countries_reached(_year(ed))["iso3"])
    out = ms[~ms["iso3"].isin(reached)][["name", "iso3", "subregion", "participating"]].copy()
    out["name"] = out["iso3"].map(names.state_names(ms))
    out["subregion"] = out["subregion"].map(terms.subregion_label)
    out["note"] = out["participating"].map(lambda p: "" if p else _("does not participate in the OAS"))
    return out.drop(columns="participating").sort_values("name").reset_index(drop=True)


def reached_table(ed) -> pd.DataFrame:
    """Every state with activity: name (linked to its profile), subregion, activities,
    events, participants attributed to it (activities held in the year)."""
    ms = members_in_year(ed.member_states, ed.year).set_index("iso3")
    r = countries_reached(_year(ed))
    r = r[r["iso3"].isin(ms.index)].copy()
    r["name"] = r["iso3"].map(names.state_names(ms.reset_index()))
    r["subregion"] = r["iso3"].map(ms["subregion"]).map(terms.subregion_label)
    return r.sort_values("name")[["name", "iso3", "subregion", "activities", "events",
                                  "participants_attributed"]].reset_index(drop=True)
