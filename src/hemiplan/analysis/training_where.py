"""Training, where: how the section's stated participants can be placed on the map
(attributed to the one member state the text ties them to, shared by the states of a
regional activity, or tied to none), per member state and per subregion.

Pure functions on the section's activities (:func:`hemiplan.analysis.training.activities`,
which adds ``n_countries`` and ``attributed``); empty results when there are none."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemiplan.analysis.frames import explode_list, rows_in_order
from hemiplan.analysis.sections import join_ids
from hemiplan.analysis.training_words import subregion as subregion_name
from hemiplan.data import csvio, membership, names, schema
from hemiplan.language import _

#: The English labels of the rows of participants placed in no one subregion (tables
#: show them in the page's language: :func:`no_country`, :func:`several_subregions`).
NO_COUNTRY = "(people not tied to a named member state)"
SEVERAL_SUBREGIONS = "(several subregions)"


def no_country() -> str:
    """:data:`NO_COUNTRY` in the page's language."""
    return _("(people not tied to a named member state)")


def several_subregions() -> str:
    """:data:`SEVERAL_SUBREGIONS` in the page's language."""
    return _("(several subregions)")


@dataclass(frozen=True)
class Placed:
    """Activities stating participants, and their participants, of one kind of placement."""
    activities: int = 0
    participants: int = 0


@dataclass(frozen=True)
class Attribution:
    """How the stated participants can be placed on the map (:func:`attribution`)."""
    participants: int = 0
    single: Placed = Placed()
    several: Placed = Placed()
    none: Placed = Placed()


def attribution(acts: pd.DataFrame) -> Attribution:
    """How stated participants can be placed on the map: attributed to the one member
    state the text ties them to (``single``), in activities naming several states
    (``several``), or not tied to any named state (``none``: multinational attendance,
    or the text does not say whose people they were): activities and participants of each."""
    with_p = acts[acts["participants"].notna()]
    if with_p.empty:
        return Attribution()
    att = with_p["attributed"].astype(bool)
    several = ~att & (with_p["n_countries"] > 1) & (with_p["attendance"] == "named")

    def part(mask) -> Placed:
        return Placed(int(mask.sum()), int(with_p.loc[mask, "participants"].sum()) if mask.any() else 0)

    return Attribution(participants=int(with_p["participants"].sum()), single=part(att), several=part(several),
                       none=part(~att & ~several))


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
    out["name"] = out["iso3"].map(names.state_names(member_states))
    out["subregion"] = out["iso3"].map(ms["subregion"]).map(subregion_name)
    out["_p"] = out["participants_attributed"].fillna(0)
    out = out.sort_values(["_p", "activities", "name"], ascending=[False, False, True])
    return out[cols].reset_index(drop=True)


def attributed_by_subregion(acts: pd.DataFrame, member_states: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per subregion: member states reached (of the members that year), activities
    naming at least one state of it, and participants attributable to it: those of
    activities whose people the text ties to named member states that all lie in
    the subregion (single-country or not). Participants of activities spanning several subregions, or naming no
    state, get a row of their own, so that the participant column adds up to the
    section's stated participants. Subregions in the vocabulary's order, named in the
    page's language."""
    cols = ["subregion", "states_reached", "members", "activities", "events", "participants", "paragraphs", "activity_id"]
    members = membership.members_in_year(member_states, year)
    sub_of = dict(zip(member_states["iso3"], member_states["subregion"]))
    order = schema.vocabulary("member_states", "subregion")
    a = acts.copy()
    a["_subs"] = [sorted({sub_of.get(i, "") for i in csvio.split_list(c)}) for c in a["countries"]]
    a["_home"] = [(s[0] if len(s) == 1 else several_subregions()) if s and named == "named" else no_country()
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
    for label in (several_subregions(), no_country()):
        home = a[a["_home"] == label]
        if len(home):
            rows.append({"subregion": label, "states_reached": pd.NA, "members": pd.NA, "activities": len(home),
                         "events": int(home["events"].sum()), "participants": home["participants"].sum(min_count=1),
                         "paragraphs": join_ids(home["paragraph_id"]), "activity_id": rows_in_order(home)})
    out = pd.DataFrame(rows, columns=cols)
    out["subregion"] = out["subregion"].map(subregion_name)
    for c in ("states_reached", "members", "participants"):
        out[c] = out[c].astype("Int64")
    out["activities"] = out["activities"].astype("int64")
    out["events"] = out["events"].astype("int64")
    return out


def attributed_values(states: pd.DataFrame) -> dict[str, float]:
    """iso3 → participants attributed to the state, from :func:`by_state`, for the map
    (states with none attributed left out: no figure, not zero)."""
    single = states[states["participants_attributed"].notna()]
    return dict(zip(single["iso3"], single["participants_attributed"].astype(float)))
