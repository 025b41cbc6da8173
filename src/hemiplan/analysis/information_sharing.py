"""Section VI of the report, information sharing: networks and points of contact,
meetings and events, and the member states taking part.

Also holds small text helpers (plural, name lists, indicator labels) that the
cooperation chapter reuses. Functions ending in ``_text`` return Markdown; every
piece of data they put in it (titles, names, labels) is escaped with
:func:`hemiplan.book.literal`. Every function is pure: it reads the frames it is given
and returns a new frame, dict or string."""
from __future__ import annotations

import calendar
import re

import pandas as pd

from hemiplan.analysis import countries_reached, member_names, members_in_year, org_names, section_for, title_case, plural
from hemiplan.analysis.section_tools import ACRONYMS, country_names  # noqa: F401  (country_names is re-exported for cooperation)
from hemiplan.analysis.section_tools import org_list as _org_names_list
from hemiplan.data import csvio, schema
from hemiplan.present import provenance
from hemiplan.present.book import literal

CHAPTER = "information_sharing"

#: Keywords (regular expressions) that mark an indicator as a figure about a network
#: or its points of contact: focal points, points of contact, national authorities,
#: participating states, liaison officers, members or users of a network.
CONTACT_PATTERN = r"focal|contact|point|participat|network|authorit|liaison|node|member|user|registered"

#: Keywords (regular expressions) in an activity's title that mark it as a network,
#: directory or platform for exchanging information, for activities whose type is
#: not ``network`` (e.g. a list of national authorities kept current, recorded as
#: ``other``). Meetings and events are never counted as networks.
NETWORK_TITLE_PATTERN = r"network|focal point|points? of contact|directory|\blist\b|platform|registry|roster|mechanism"

#: Activity types that are meetings or events (gatherings with participants).
EVENT_TYPES = ("meeting", "conference", "seminar", "workshop", "exercise", "course")

QUALIFIER_WORDS = {"exact": "", "approx": "approximately", "more_than": "more than"}

ACTIVITY_TYPE_LABELS = {
    "course": "course", "workshop": "workshop", "seminar": "seminar", "conference": "conference",
    "meeting": "meeting", "exercise": "exercise", "mission": "mission", "assessment": "assessment",
    "technical_assistance": "technical assistance", "legislative_assistance": "legislative assistance",
    "plan": "plan or strategy", "publication": "publication", "agreement": "agreement",
    "network": "network", "destruction": "destruction", "donation": "donation", "other": "other",
}
#: Count nouns for each activity type, singular and plural, for computed prose.
ACTIVITY_TYPE_NOUNS = {
    "course": ("course", "courses"), "workshop": ("workshop", "workshops"), "seminar": ("seminar", "seminars"),
    "conference": ("conference", "conferences"), "meeting": ("meeting", "meetings"),
    "exercise": ("exercise", "exercises"), "mission": ("mission", "missions"),
    "assessment": ("assessment", "assessments"),
    "technical_assistance": ("technical assistance activity", "technical assistance activities"),
    "legislative_assistance": ("legislative assistance activity", "legislative assistance activities"),
    "plan": ("plan or strategy", "plans or strategies"), "publication": ("publication", "publications"),
    "agreement": ("agreement", "agreements"), "network": ("network", "networks"),
    "destruction": ("destruction operation", "destruction operations"), "donation": ("donation", "donations"),
    "other": ("other activity", "other activities"),
}


# --- text helpers -------------------------------------------------------------------


def some(n, singular: str, plural_form: str | None = None) -> str:
    """Like :func:`plural`, but 'no <singular>' for zero."""
    return f"no {singular}" if int(n) == 0 else plural(n, singular, plural_form)


def join_words(items) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items if str(i)]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


#: Further words shown in capitals in indicator labels (display vocabulary).
EXTRA_ACRONYMS = {"dtc": "DTC", "ameripol": "AMERIPOL", "impacs": "IMPACS", "caricom": "CARICOM"}


def indicator_label(name: str, countries: str = "", names: dict[str, str] | None = None) -> str:
    """A reader-facing label for a snake_case indicator name, acronyms in capitals:
    'focal_points' → 'Focal points'. A last word that is the ISO code of a member
    state the figure is about becomes its name in brackets:
    'firearms_destroyed_gtm' (countries 'GTM') → 'Firearms destroyed (Guatemala)'."""
    words = re.sub(r"_+", " ", str(name)).split()
    codes = set(csvio.split_list(countries))
    place = ""
    if len(words) > 1 and words[-1].upper() in codes:
        code = words.pop().upper()
        place = f" ({(names or {}).get(code, code)})"
    acr = {**ACRONYMS, **EXTRA_ACRONYMS}
    text = " ".join(acr.get(w.lower(), w) for w in words)
    return text[:1].upper() + text[1:] + place


def lower_first(label: str) -> str:
    """A label for the middle of a sentence: first letter lowered unless the first
    word is an acronym."""
    first = label.split(" ", 1)[0]
    return label if (len(first) > 1 and first.isupper()) else label[:1].lower() + label[1:]


def figure_phrase(value, label: str, unit: str) -> str:
    """A stated figure in a sentence: '28 major events focal points' when the label
    ends with the unit, else '3 machines (marking machines donated)'."""
    u = unit_label(unit).lower()
    lab = lower_first(label)
    if u and lab.lower().endswith(u):
        v = float(value)
        if v == 1 and lab.endswith("s") and not lab.endswith("ss"):
            lab = lab[:-1]
        return f"{v:,.0f} {lab}" if v.is_integer() else f"{v:,.1f} {lab}"
    return f"{quantity(value, unit)} ({lab})"


def blank_to_na(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with empty text cells as missing, so that a table shows an en dash."""
    out = df.copy()
    for c in out.columns:
        if not pd.api.types.is_numeric_dtype(out[c]):
            out[c] = out[c].map(lambda v: pd.NA if isinstance(v, str) and v == "" else v).astype(object)
    return out


def unit_label(unit: str) -> str:
    return re.sub(r"_+", " ", str(unit)).strip()


def quantity(value, unit: str) -> str:
    """'28 focal points', '1 machine', '9,061 metric tons': a value with its unit, the
    unit's last word made singular for a value of one."""
    label = unit_label(unit)
    v = float(value)
    if v == 1 and label.endswith("s") and not label.endswith("ss"):
        label = label[:-1]
    return f"{v:,.0f} {label}" if v.is_integer() else f"{v:,.1f} {label}"


def org_list(cell, organizations: pd.DataFrame) -> str:
    """A ;-list of organisation ids as their acronym (or name), alphabetical."""
    return _org_names_list(cell, org_names(organizations))


def type_counts_text(activities: pd.DataFrame) -> str:
    """'3 meetings, 1 network and 1 publication': activities per type, most frequent
    first (ties by type name)."""
    if activities.empty:
        return ""
    counts = activities["activity_type"].value_counts().rename("n").reset_index()
    counts = counts.sort_values(["n", "activity_type"], ascending=[False, True], kind="mergesort")
    return join_words(plural(r.n, *ACTIVITY_TYPE_NOUNS.get(r.activity_type, (r.activity_type, r.activity_type)))
                      for r in counts.itertuples(index=False))


def month_name(month) -> str:
    return "" if month is None or pd.isna(month) else calendar.month_name[int(month)]


def report_order(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """Rows sorted in report order of their ``paragraph_id``, ties broken by the given
    columns (stable)."""
    out = df.assign(_key=df["paragraph_id"].map(provenance.sort_key))
    return out.sort_values(["_key", *cols], kind="mergesort").drop(columns="_key").reset_index(drop=True)


# --- the section ----------------------------------------------------------------------

def section_frames(ed, chapter: str = CHAPTER) -> dict:
    """The chapter's section of the year's report: numeral and title (None when the
    report has no such section) and its paragraphs, activities and indicators (empty
    frames when it has none)."""
    found = section_for(ed.paragraphs, chapter)
    numeral, title = found if found else (None, None)
    pick = ed.paragraphs["section"] == numeral
    ids = set(ed.paragraphs.loc[pick, "paragraph_id"])
    return {
        "numeral": numeral,
        "title": title_case(title) if title else None,
        "paragraphs": ed.paragraphs[pick].reset_index(drop=True),
        "activities": ed.activities[ed.activities["paragraph_id"].isin(ids)].reset_index(drop=True),
        "indicators": ed.indicators[ed.indicators["paragraph_id"].isin(ids)].reset_index(drop=True),
    }


def subsections(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Subsections of a section in report order: letter, title, paragraphs."""
    if paragraphs.empty:
        return pd.DataFrame(columns=["subsection", "subsection_title", "paragraphs"])
    g = paragraphs.groupby(["subsection", "subsection_title"], sort=False).size().rename("paragraphs").reset_index()
    return g.sort_values("subsection", kind="mergesort").reset_index(drop=True)


def type_by_dependency(activities: pd.DataFrame) -> pd.DataFrame:
    """Activities per activity type (rows, most frequent first) and dependency (columns,
    in the vocabulary's order, only those present)."""
    if activities.empty:
        return pd.DataFrame()
    t = pd.crosstab(activities["activity_type"].map(ACTIVITY_TYPE_LABELS), activities["dependency"])
    t = t.reindex(columns=[d for d in schema.dependencies() if d in t.columns])
    order = t.sum(axis=1).rename("n").reset_index().sort_values(["n", "activity_type"], ascending=[False, True])
    t = t.loc[order["activity_type"]]
    t.index.name = "Activity type"
    t.columns.name = "Dependency"
    return t


# --- networks and points of contact ---------------------------------------------------

def contact_figures(indicators: pd.DataFrame, member_states: pd.DataFrame,
                    pattern: str = CONTACT_PATTERN) -> pd.DataFrame:
    """Stated figures about networks and points of contact (indicator name matching
    ``pattern``): what is counted, value, unit, member states concerned, the year the
    figure refers to (empty for the report year), and the paragraph."""
    cols = ["indicator_id", "what", "value", "unit", "states", "ref_year", "paragraph_id"]
    if indicators.empty:
        return pd.DataFrame(columns=cols)
    hit = indicators[indicators["indicator"].str.contains(pattern, case=False, regex=True)]
    names = member_names(member_states)
    out = pd.DataFrame({
        "indicator_id": hit["indicator_id"],
        "what": [indicator_label(n, c, names) for n, c in zip(hit["indicator"], hit["countries"])],
        "value": hit["value"].astype("Float64"),
        "unit": hit["unit"].map(unit_label),
        "states": hit["countries"].map(lambda c: country_names(c, names)),
        "ref_year": hit["ref_year"].map(lambda y: "" if pd.isna(y) else str(int(y))),
        "paragraph_id": hit["paragraph_id"],
    })
    return report_order(out, "indicator_id")[cols]


def networks(activities: pd.DataFrame, indicators: pd.DataFrame, member_states: pd.DataFrame,
             organizations: pd.DataFrame, paragraphs: pd.DataFrame | None = None,
             pattern: str = CONTACT_PATTERN, title_pattern: str = NETWORK_TITLE_PATTERN) -> pd.DataFrame:
    """Networks, directories and platforms for sharing information: activities of type
    ``network``, and activities of other non-event types whose title matches
    ``title_pattern``. For each: title, type, dependency, programme, member states,
    partners, the contact figures stated in the same paragraph (e.g. '28 focal
    points'), the part of the report (when ``paragraphs`` is given) and the paragraph."""
    cols = ["activity_id", "network", "type", "dependency", "program", "states", "n_states", "partners", "figures",
            "part", "paragraph_id"]
    by_type = activities["activity_type"] == "network"
    by_title = (~activities["activity_type"].isin(EVENT_TYPES)
                & activities["title"].str.contains(title_pattern, case=False, regex=True))
    net = activities[by_type | by_title]
    if net.empty:
        return pd.DataFrame(columns=cols)
    names = member_names(member_states)
    figs = contact_figures(indicators, member_states, pattern)
    figs["text"] = [figure_phrase(v, w, u) for v, w, u in zip(figs["value"], figs["what"], figs["unit"])]
    stated = figs.groupby("paragraph_id")["text"].agg("; ".join).to_dict()
    parts = {}
    if paragraphs is not None:
        parts = {p: s + (f".{sub}" if sub else "") for p, s, sub in
                 zip(paragraphs["paragraph_id"], paragraphs["section"], paragraphs["subsection"])}
    out = pd.DataFrame({
        "activity_id": net["activity_id"],
        "network": net["title"],
        "type": net["activity_type"].map(ACTIVITY_TYPE_LABELS),
        "dependency": net["dependency"],
        "program": net["program"],
        "states": net["countries"].map(lambda c: country_names(c, names)),
        "n_states": net["countries"].map(lambda c: len(csvio.split_list(c))).astype(int),
        "partners": net["partners"].map(lambda c: org_list(c, organizations)),
        "figures": net["paragraph_id"].map(lambda p: stated.get(p, "")),
        "part": net["paragraph_id"].map(lambda p: parts.get(p, "")),
        "paragraph_id": net["paragraph_id"],
    })
    return report_order(out, "activity_id")[cols]


def networks_text(nets: pd.DataFrame, numeral: str | None) -> str:
    """A computed sentence on the networks table: how many, how many in the section."""
    if nets.empty:
        return ""
    inside = int((nets["part"].str.split(".").str[0] == numeral).sum()) if numeral else 0
    named = int((nets["n_states"] > 0).sum())
    return (f"The report records {plural(len(nets), 'network, directory or platform', 'networks, directories or platforms')}"
            f", {inside} of them in this section; {named} "
            f"{'names' if named == 1 else 'name'} the member states taking part.")


# --- meetings and events --------------------------------------------------------------

def meetings(activities: pd.DataFrame, member_states: pd.DataFrame, types=EVENT_TYPES) -> pd.DataFrame:
    """Meetings and events (activities of the given types) in calendar order, undated
    last: month name, title, type, dependency, member states as names, events,
    participants with their qualifier, paragraph."""
    cols = ["activity_id", "month", "title", "type", "dependency", "states", "n_states", "events",
            "participants", "qualifier", "paragraph_id"]
    ev = activities[activities["activity_type"].isin(types)]
    if ev.empty:
        return pd.DataFrame(columns=cols)
    names = member_names(member_states)
    out = pd.DataFrame({
        "activity_id": ev["activity_id"],
        "month_no": ev["month"].astype("Float64").fillna(99),
        "month": ev["month"].map(month_name),
        "title": ev["title"],
        "type": ev["activity_type"].map(ACTIVITY_TYPE_LABELS),
        "dependency": ev["dependency"],
        "states": ev["countries"].map(lambda c: country_names(c, names)),
        "n_states": ev["countries"].map(lambda c: len(csvio.split_list(c))).astype(int),
        "events": ev["events"].astype("Int64"),
        "participants": ev["participants"].astype("Int64"),
        "qualifier": ev["participants_qualifier"].map(lambda q: QUALIFIER_WORDS.get(q, "")),
        "paragraph_id": ev["paragraph_id"],
    })
    out = out.sort_values(["month_no", "title", "activity_id"], kind="mergesort").reset_index(drop=True)
    return out[cols]


# --- member states taking part ----------------------------------------------------------

def states_taking_part(activities: pd.DataFrame, member_states: pd.DataFrame, year: int) -> pd.DataFrame:
    """Member states (of ``year``) named by the activities: name, subregion, activities,
    events, and the paragraphs, most activities first."""
    cols = ["iso3", "name", "subregion", "activities", "events", "paragraphs"]
    members = members_in_year(member_states, year)
    named = activities[activities["countries"].map(lambda c: len(csvio.split_list(c)) > 0)]
    if named.empty:  # countries_reached needs at least one state named
        return pd.DataFrame(columns=cols)
    reached = countries_reached(named)
    reached = reached[reached["iso3"].isin(members["iso3"])]
    if reached.empty:
        return pd.DataFrame(columns=cols)
    ex = activities.assign(iso3=activities["countries"].map(csvio.split_list)).explode("iso3")
    paras = ex.dropna(subset=["iso3"]).groupby("iso3")["paragraph_id"].agg(lambda s: ";".join(sorted(set(s))))
    out = reached.merge(members[["iso3", "name", "subregion"]], on="iso3", how="left")
    out["paragraphs"] = out["iso3"].map(paras)
    out = out.sort_values(["activities", "name"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    return out[cols]


def by_subregion(taking_part: pd.DataFrame, member_states: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per subregion (in schema order): member states, how many take part, and the
    share taking part (per cent, rounded)."""
    members = members_in_year(member_states, year)
    order = [s for s in schema.vocabulary("member_states", "subregion") if s in set(members["subregion"])]
    tot = members.groupby("subregion").size().reindex(order, fill_value=0)
    part = taking_part.groupby("subregion").size().reindex(order, fill_value=0) if len(taking_part) else 0
    out = pd.DataFrame({"subregion": order, "members": tot.to_numpy(dtype=int),
                        "taking_part": (part.to_numpy(dtype=int) if len(taking_part) else [0] * len(order))})
    out["share"] = (100.0 * out["taking_part"] / out["members"]).round(0)
    return out


# --- summary ------------------------------------------------------------------------------

def summary(sec: dict, member_states: pd.DataFrame, year: int) -> dict:
    """The section's figures for the opening paragraph."""
    acts, inds, paras = sec["activities"], sec["indicators"], sec["paragraphs"]
    subs = subsections(paras)
    part = states_taking_part(acts, member_states, year)
    figs = contact_figures(inds, member_states)
    types = acts["activity_type"].value_counts()
    ev = meetings(acts, member_states)
    return {
        "year": year,
        "numeral": sec["numeral"],
        "title": sec["title"],
        "paragraphs": len(paras),
        "subsections": [t for t in subs["subsection_title"] if t],
        "activities": len(acts),
        "events": int(acts["events"].sum()) if len(acts) else 0,
        "participants": int(acts["participants"].sum()) if acts["participants"].notna().any() else 0,
        "with_participants": int(acts["participants"].notna().sum()),
        "networks": int(types.get("network", 0)),
        "types": type_counts_text(acts),
        "meetings": len(ev),
        "meeting_events": int(ev["events"].sum()) if len(ev) else 0,
        "states": len(part),
        "members": len(members_in_year(member_states, year)),
        "dependencies": [d for d in schema.dependencies() if d in set(acts["dependency"])],
        "figures": len(inds),
        "contact_figures": [figure_phrase(r.value, r.what, r.unit) for r in figs.itertuples(index=False)],
    }


def summary_text(s: dict) -> str:
    """The opening paragraph of the chapter, computed from :func:`summary`."""
    if s["numeral"] is None:
        return f"The {s['year']} report has no section on information sharing."
    parts = [f"Section {s['numeral']} of the {s['year']} report (*{literal(s['title'])}*) runs to "
             f"{plural(s['paragraphs'], 'paragraph')}"]
    if s["subsections"]:
        parts[0] += (f" in {plural(len(s['subsections']), 'subsection')} "
                     f"({join_words(literal(t) for t in s['subsections'])})")
    parts[0] += "."
    if s["activities"]:
        parts.append(f"It records **{plural(s['activities'], 'activity')}** led by {join_words(s['dependencies'])} "
                     f"({s['types']}), amounting to {plural(s['events'], 'event')}.")
        if s["with_participants"]:
            parts.append(f"Participants are stated for {plural(s['with_participants'], 'activity')}, "
                         f"adding up to **{plural(s['participants'], 'participant')}**.")
        parts.append(f"The activities name **{s['states']} of the {s['members']} member states**."
                     if s["states"] else "No activity names a member state.")
    else:
        parts.append("It records no activities.")
    if s["figures"]:
        line = f"The section also states {plural(s['figures'], 'figure')}"
        items = [literal(i) for i in s["contact_figures"]]
        if items and len(items) == s["figures"]:
            line += (f", about networks and points of contact: {join_words(items)}" if s["figures"] == 1 else
                     f", all about networks and points of contact: {join_words(items)}")
        elif items:
            line += f", among them, on networks and points of contact, {join_words(items)}"
        parts.append(line + ".")
    return " ".join(parts)


def contacts_text(figs: pd.DataFrame, member_states: pd.DataFrame, year: int) -> str:
    """A computed sentence putting the contact figures against the number of member
    states of the year (as a share when the figure counts states)."""
    if figs.empty:
        return ""
    n = len(members_in_year(member_states, year))
    items = []
    for r in figs.itertuples(index=False):
        item = literal(figure_phrase(r.value, r.what, r.unit))
        notes = [f"as of {r.ref_year}"] if r.ref_year else []
        if "state" in r.unit and n:
            notes.append(f"{100.0 * float(r.value) / n:.0f}% of the member states")
        item += f" ({', '.join(notes)})" if notes else ""
        items.append(item)
    return (f"The section counts {join_words(items)}. For scale, the Organization had {n} member states in "
            f"{year}; a network can hold more than one contact per state, or none for some.")


def meetings_text(ev: pd.DataFrame) -> str:
    """One computed sentence on the meetings and events table."""
    if ev.empty:
        return ""
    dated = int((ev["month"] != "").sum())
    with_p = ev["participants"].notna()
    multi = int((ev["n_states"] > 1).sum())
    text = (f"The section records {plural(len(ev), 'meeting or event', 'meetings and events')}: "
            f"{dated} dated to the month, {multi} bringing together more than one member state")
    if with_p.any():
        n = int(with_p.sum())
        text += (f", and {n} with a stated attendance, which adds up to "
                 f"{plural(int(ev.loc[with_p, 'participants'].sum()), 'participant')}")
        rough = int((ev.loc[with_p, "qualifier"] != "").sum())
        if rough:
            text += (f" ({rough} of these attendances {'is' if rough == 1 else 'are'} stated as approximate "
                     f"or as a minimum)")
    return text + "."


# --- year over year -----------------------------------------------------------------------

def year_over_year(editions: dict) -> pd.DataFrame:
    """The section's headline figures for every year with data (empty with fewer than
    two years). Years are text so that tables do not format them as numbers."""
    if len(editions) < 2:
        return pd.DataFrame()
    rows = []
    for y, e in sorted(editions.items()):
        sec = section_frames(e)
        s = summary(sec, e.member_states, y)
        rows.append({"year": str(y), "present": "yes" if sec["numeral"] else "no", "activities": s["activities"],
                     "meetings": s["meetings"],
                     "participants": s["participants"] if s["with_participants"] else pd.NA,
                     "states": s["states"], "figures": s["figures"]})
    out = pd.DataFrame(rows)
    out["participants"] = out["participants"].astype("Int64")
    return out
