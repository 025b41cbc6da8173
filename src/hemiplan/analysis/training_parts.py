"""The parts of the report's section on training (its lettered subsections and the
sub-headings inside them): activities, events and participants per part, the part with
the most participants, and events or participants per part and dependency for the
stacked bars. Pure functions, as :mod:`hemiplan.analysis.training`, which uses them."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hemiplan.analysis import counting, frames, sections
from hemiplan.analysis.sections import join_ids
from hemiplan.analysis.training_words import no_heading, total_label
from hemiplan.data import names
from hemiplan.vocabulary import shorten, subsection_label

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


def _reports(label: str, report_language: str | None) -> str:
    """A label made of the report's own headings, marked as written in ``report_language``
    (names.Foreign: a page in another language marks it lang="…"); unmarked without one."""
    return names.Foreign(label, report_language) if report_language else label


def by_part(acts: pd.DataFrame, paras: pd.DataFrame, total: bool = False,
            report_language: str | None = None) -> pd.DataFrame:
    """Activities, events and stated participants per subsection (level 0, labelled
    'a) Title') and, inside a subsection with unlettered headings, per heading
    (level 1, labelled '↳ Heading'; ``name`` without the arrow), in report order. Every part of the section is
    listed, including parts without activities. ``key`` identifies the part
    ('b' or 'b|Heading'). With ``total``, a last row (level -1) sums the section. The
    labels that are the report's headings are marked with ``report_language`` when
    given (the book's own words, the whole section and a part without a sub-heading,
    are not)."""
    structure = parts(paras)
    rows = []
    for subsection, group in structure.groupby("subsection", sort=False):
        title = group["subsection_title"].iloc[0]
        in_sub = acts[acts["subsection"] == subsection]
        label = subsection_label(subsection, title)
        rows.append(_part_row(_reports(label, report_language if title else None), 0, in_sub,
                              group["first_paragraph"].iloc[0], subsection))
        if (group["heading"] != "").any():
            for g in group.itertuples(index=False):
                sub = in_sub[in_sub["heading"] == g.heading]
                lang = report_language if g.heading else None
                rows.append(_part_row(_reports("↳ " + (g.heading or no_heading()), lang), 1, sub, g.first_paragraph,
                                      f"{subsection}|{g.heading}", name=_reports(g.heading or no_heading(), lang)))
    if total and rows:
        whole = _part_row(total_label(), -1, acts, "", "")
        whole["paragraphs"] = ""
        rows.append(whole)
    out = pd.DataFrame(rows, columns=["part", "name", "level", "key", "activities", "events", "inferred_events",
                                      "participants", "without_participants", "paragraphs"])
    out["participants"] = out["participants"].astype("Int64")
    return out


@dataclass(frozen=True)
class TopPart:
    """The subsection with the most stated participants (:func:`top_part`); ``name``
    is None when no subsection states participants."""
    name: str | None = None
    participants: int = 0
    events: int = 0
    share: float = 0.0
    parts: int = 0
    empty_parts: int = 0


def top_part(table: pd.DataFrame) -> TopPart:
    """From :func:`by_part`: the subsection with the most stated participants (ties:
    first in report order), its events and share of the section's stated
    participants, and how many subsections record no activity."""
    p = table[table["level"] == 0].reset_index(drop=True)
    empty = int((p["activities"] == 0).sum())
    with_p = p[p["participants"].notna()]
    if with_p.empty:
        return TopPart(parts=len(p), empty_parts=empty)
    best = with_p.assign(_pos=with_p.index).sort_values(["participants", "_pos"], ascending=[False, True]).iloc[0]
    total = p["participants"].sum()
    return TopPart(name=best["name"], participants=int(best["participants"]), events=int(best["events"]),
                   share=float(best["participants"]) / float(total) if total else 0.0,
                   parts=len(p), empty_parts=empty)


def part_dependency(acts: pd.DataFrame, paras: pd.DataFrame, value: str, width: int = 58,
                    report_language: str | None = None) -> pd.DataFrame:
    """Events or participants (``value``) per leaf part of the section (a subsection,
    or a heading inside one) and dependency: rows in report order labelled
    'b · Heading' or 'a) Title' (shortened to ``width``), columns the dependencies
    present, in the vocabulary's order; a row is NaN when no activity of the part
    states the value (no figure, as opposed to zero). For the stacked bars. Labels of
    the report's headings are marked with ``report_language`` when given (as
    :func:`by_part`)."""
    structure = parts(paras)
    if structure.empty or acts.empty:
        return pd.DataFrame()
    with_heads = set(structure.loc[structure["heading"] != "", "subsection"])
    rows, keys, langs = [], [], []
    for g in structure.itertuples(index=False):
        langs.append(report_language if (g.heading if g.subsection in with_heads else g.subsection_title) else None)
        if g.subsection in with_heads:
            rows.append(shorten(f"{g.subsection} · {g.heading or no_heading()}" if g.subsection
                                else (g.heading or no_heading()), width))
        else:
            rows.append(subsection_label(g.subsection, g.subsection_title, width))
        keys.append(_leaf_key(g.subsection, g.heading, with_heads))
    a = acts.assign(_key=[_leaf_key(s, h, with_heads) for s, h in zip(acts["subsection"], acts["heading"])],
                    _value=acts[value].astype("Float64").fillna(0).astype(float))
    deps = [d for d in frames.dependency_order() if d in set(a["dependency"])]
    table = (a.pivot_table(index="_key", columns="dependency", values="_value", aggfunc="sum", fill_value=0.0)
             .reindex(index=keys, columns=deps, fill_value=0.0).astype(float))
    stated = acts[value].notna().groupby(a["_key"]).sum().reindex(keys, fill_value=0)
    table.loc[stated.to_numpy() == 0, :] = float("nan")
    table.index = pd.Index([_reports(lab, lang) for lab, lang in zip(unique_labels(rows), langs)],
                           name="part", dtype=object)
    table.columns.name = None
    return table


def _leaf_key(subsection: str, heading: str, with_heads: set) -> str:
    return f"{subsection}|{heading if subsection in with_heads else ''}"


def unique_labels(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for lab in labels:
        seen[lab] = seen.get(lab, 0) + 1
        out.append(lab if seen[lab] == 1 else f"{lab} ({seen[lab]})")
    return out
