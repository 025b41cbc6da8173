"""Participants as the report gives them: itemised figures combined with the stated
totals that stand for work it does not itemise.

The rule: a stated participant total (an indicator with unit ``participants`` and a
non-empty ``covers``) whose covered activities held in the year state no participants
of their own *stands for them* and is added; otherwise the itemised figures are used
(the reconciliation shows how they differ from the total). A sum carries the qualifier
its parts support (:func:`hemiplan.analysis.counting.sum_qualifier`: one approximate
part makes it approximate; "more than" only when every part is exact or a floor) and
its basis (itemised, stated total, or both). Where two totals that are used cover some
of the same activities, both are added, because each stands for work the other does not
cover; people of the shared activities may then be counted twice, so the sum is
approximate and its note names the two totals and says why. A used total counts for its
``dependency`` and for the part of the report of the activities it covers."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from hemiplan.analysis import counting
from hemiplan.data import csvio
from hemiplan.data.labels import quantity
from hemiplan.language import _, p_
from hemiplan.vocabulary import join_words, short_id

COLUMNS = ["indicator_id", "dependency", "value", "qualifier", "covered", "paragraph_id", "overlaps", "labels"]


def total_label(dependency, value, qualifier, paragraph_id) -> str:
    """A stated total as a reader knows it: "CICTE's stated total of more than 170 (V.a-01)"."""
    figure = quantity(value, qualifier)
    where = short_id(paragraph_id) if isinstance(paragraph_id, str) and paragraph_id else ""
    if isinstance(dependency, str) and dependency:
        text = _("{dependency}'s stated total of {figure}").format(dependency=_owner(dependency), figure=figure)
    else:
        text = _("the stated total of {figure}").format(figure=figure)
    return text + (f" ({where})" if where else "")


def _owner(dependency: str) -> str:
    """A dependency as the owner of a stated total: 'CICTE' ('el CICTE', with the article
    Spanish needs)."""
    return {"CICAD": p_("dependency owning a total", "CICAD"), "CICTE": p_("dependency owning a total", "CICTE"),
            "DPS": p_("dependency owning a total", "DPS"), "SMS": p_("dependency owning a total", "SMS"),
            }.get(dependency, dependency)


def stated_totals(indicators: pd.DataFrame) -> pd.DataFrame:
    """Stated participant totals: unit participants, with the activities they cover."""
    return indicators[(indicators["unit"] == "participants") & (indicators["covers"].fillna("") != "")]


def totals_used(indicators: pd.DataFrame, activities: pd.DataFrame) -> pd.DataFrame:
    """The stated totals that stand for un-itemised work among ``activities`` (the
    year's): id, dependency, value, qualifier, covered activity ids (of ``activities``),
    paragraph, and the other used totals that cover one of the same activities."""
    with_p = dict(zip(activities["activity_id"], activities["participants"].notna()))
    rows = []
    for r in stated_totals(indicators).itertuples(index=False):
        covered = [a for a in csvio.split_list(r.covers) if a in with_p]
        if covered and not any(with_p[a] for a in covered):
            rows.append({"indicator_id": r.indicator_id, "dependency": r.dependency, "value": r.value,
                         "qualifier": r.qualifier or "exact", "covered": covered, "paragraph_id": r.paragraph_id})
    out = pd.DataFrame(rows, columns=COLUMNS[:-2])
    out["overlaps"] = [[o.indicator_id for o in out.itertuples() if o.indicator_id != r.indicator_id
                        and set(o.covered) & set(r.covered)] for r in out.itertuples()]
    # Each total's label and those of the totals it overlaps, for the note a reader sees.
    label = {r.indicator_id: total_label(r.dependency, r.value, r.qualifier, r.paragraph_id) for r in out.itertuples()}
    out["labels"] = [{i: label[i] for i in [r.indicator_id, *r.overlaps]} for r in out.itertuples()]
    return out.reset_index(drop=True)[COLUMNS]


@dataclass(frozen=True)
class People:
    """One participant figure: its value (None when nothing is stated), the qualifier
    its parts support, its basis, the itemised part and the stated totals added (ids),
    the pairs of added totals that cover some of the same activities, each total's
    label, and the text a reader sees ('approximately 1,973')."""
    value: int | None = None
    qualifier: str = "exact"
    basis: str = ""
    itemised: int = 0
    stated: int = 0
    totals: tuple[str, ...] = ()
    double: tuple[tuple[str, str], ...] = ()
    labels: dict = field(default_factory=dict)
    text: str = ""


def combine(activities: pd.DataFrame, used: pd.DataFrame) -> People:
    """One participant figure for ``activities`` plus the ``used`` totals given (see
    the module's rule); two used totals that cover the same activity make it approximate."""
    has = activities["participants"].notna()
    itemised = int(activities.loc[has, "participants"].sum())
    stated = int(used["value"].sum()) if len(used) else 0
    basis = (counting.BOTH if has.any() and len(used) else counting.STATED_TOTAL if len(used)
             else counting.ITEMISED if has.any() else "")
    pairs = tuple(sorted({tuple(sorted((r.indicator_id, o))) for r in used.itertuples() for o in r.overlaps
                          if o in set(used["indicator_id"])}))
    # People of activities covered by two added totals may be counted twice: an estimate.
    quals = list(activities.loc[has, "participants_qualifier"]) + list(used["qualifier"]) + (["approx"] if pairs else [])
    value = itemised + stated if basis else None
    qualifier = counting.sum_qualifier(quals)
    labels = {i: text for r in used.itertuples() for i, text in r.labels.items()}
    return People(value=value, qualifier=qualifier, basis=basis, itemised=itemised, stated=stated,
                  totals=tuple(sorted(used["indicator_id"])), double=pairs, labels=labels,
                  text=quantity(value, qualifier) if basis else "")


def double_note(figure: People) -> str:
    """'' or why a figure that adds two totals covering the same activities is
    approximate: "it adds both CICTE's stated total of more than 170 (III.b-02) and
    CICAD's stated total of 395 (V.a-01), since each stands for work the other does not
    cover, but both count the people of 2014-A044 and 2014-A045, who may be counted
    twice"."""
    if not figure.double:
        return ""
    name = figure.labels
    pairs = join_words(_("{first} and {second}").format(first=name.get(a, a), second=name.get(b, b))
                       for a, b in figure.double)
    return _("it adds both {totals}, since each stands for work the other does not cover, but they share some "
             "activities, whose people may be counted twice; the sum is therefore approximate").format(totals=pairs)


def by_group(activities: pd.DataFrame, used: pd.DataFrame, act_key: pd.Series, total_key: pd.Series,
             order=None) -> pd.DataFrame:
    """The combined figure per group: ``act_key`` gives each activity's group and
    ``total_key`` each used total's. Columns: group, participants (number or missing),
    qualifier, basis, text (qualified, missing when none), double (a note)."""
    groups = list(order) if order is not None else sorted(set(act_key) | set(total_key))
    rows = []
    for g in groups:
        f = combine(activities[act_key == g], used[total_key == g] if len(used) else used)
        rows.append({"group": g, "participants": f.value, "qualifier": f.qualifier if f.basis else "",
                     "basis": f.basis, "text": f.text or pd.NA, "double": double_note(f)})
    out = pd.DataFrame(rows, columns=["group", "participants", "qualifier", "basis", "text", "double"])
    out["participants"] = out["participants"].astype("Int64")
    return out


def by_dependency(activities: pd.DataFrame, used: pd.DataFrame) -> pd.DataFrame:
    """Per dependency (then ``Joint``): activities, events (inferred events apart),
    participants (text with qualifier), basis and any note of double counting. Joint
    work counts in the Joint row; a used total counts for its dependency."""
    key = counting.lead(activities)
    order = counting.dependency_order()
    people = by_group(activities, used, key, used["dependency"] if len(used) else pd.Series(dtype=object),
                      order=order).set_index("group")
    g = activities.assign(_key=key, _inf=activities["events"].where(activities["events_basis"] == "inferred", 0))
    g = g.groupby("_key")
    out = pd.DataFrame({"dependency": order})
    out["activities"] = out["dependency"].map(g.size()).fillna(0).astype(int)
    out["events"] = out["dependency"].map(g["events"].sum()).fillna(0).astype(int)
    out["inferred_events"] = out["dependency"].map(g["_inf"].sum()).fillna(0).astype(int)
    for c in ("participants", "text", "basis", "double"):
        out[c] = out["dependency"].map(people[c])
    out = out[(out["dependency"] != counting.JOINT) | (out["activities"] > 0)]
    return out.reset_index(drop=True)


def total_part(used: pd.DataFrame, activities: pd.DataFrame, part_of_activity: pd.Series,
               part_of_paragraph: dict) -> pd.Series:
    """The part of the report (e.g. subsection) each used total counts for: that of
    the activities it covers when they all lie in one, else that of its own paragraph."""
    part = dict(zip(activities["activity_id"], part_of_activity))
    out = []
    for r in used.itertuples():
        parts = {part.get(a) for a in r.covered}
        out.append(parts.pop() if len(parts) == 1 else part_of_paragraph.get(r.paragraph_id, ""))
    return pd.Series(out, index=used.index, dtype=object)


def by_subsection(activities: pd.DataFrame, used: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The combined figure per subsection of ``activities`` (which carry a
    ``subsection`` column): a used total counts for the subsection of the activities
    it covers (see :func:`total_part`). Columns as :func:`by_group`, ``group`` the
    subsection letter."""
    by_para = dict(zip(paragraphs["paragraph_id"], paragraphs["subsection"]))
    parts = total_part(used, activities, activities["subsection"], by_para)
    return by_group(activities, used, activities["subsection"], parts)


def on_parts(parts: pd.DataFrame, per_subsection: pd.DataFrame, whole: People) -> pd.DataFrame:
    """A parts table (rows with ``level`` 0 for a subsection keyed by its letter, 1 for
    a heading, -1 for the whole) with the combined participant figure (``people``,
    qualified text) and its ``basis`` on subsection rows and the whole row."""
    out = parts.copy()
    by = per_subsection.set_index("group") if len(per_subsection) else None
    def pick(column, key, level):
        if level == -1:
            return (whole.text if column == "text" else whole.basis) or pd.NA
        if level != 0 or by is None or key not in by.index:
            return pd.NA
        value = by.at[key, column]
        return value if isinstance(value, str) and value else pd.NA
    out["people"] = [pick("text", k, lv) for k, lv in zip(out["key"], out["level"])]
    out["basis"] = [pick("basis", k, lv) for k, lv in zip(out["key"], out["level"])]
    return out
