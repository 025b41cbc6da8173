"""Munitions and firearms destroyed, for the cooperation chapter: the stated figures
about destruction (totals and items), the destruction operations, what was
destroyed in the year, and the report's arithmetic checked (a stated total against
the sum of its items in the same paragraph).

Functions ending in ``_text`` return Markdown, with every piece of data escaped by
:func:`hemiplan.vocabulary.literal`."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import frames
from hemiplan.analysis.frames import indicator_label, is_total, member_names, name_list, org_names
from hemiplan.analysis.sections import paragraph_key, report_order
from hemiplan.data import csvio
from hemiplan.vocabulary import amount, join_words, literal, plural, unit_label

#: Keywords (regular expressions, matched on the indicator name and on its unit) that
#: mark a stated figure as one about the destruction of munitions or firearms.
DESTRUCTION_PATTERN = r"destr|munition|firearm|shell|explosive|metric_ton"
#: Figures that mention firearms but are about something else (donated marking machines).
DESTRUCTION_EXCLUDE = r"donat|marking"


def destruction_indicators(indicators: pd.DataFrame, pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """Stated figures about munitions or firearms destroyed: indicators whose name or
    unit matches ``pattern``, with a flag for stated totals."""
    if indicators.empty:
        return indicators.assign(is_total=pd.Series(dtype=bool))
    name, unit = indicators["indicator"], indicators["unit"]
    keep = ((name.str.contains(pattern, case=False, regex=True) | unit.str.contains(pattern, case=False, regex=True))
            & ~name.str.contains(DESTRUCTION_EXCLUDE, case=False, regex=True))
    hit = indicators[keep]
    totals = hit["indicator"].map(lambda i: is_total(i, anywhere=True)).astype(bool)
    return hit.assign(is_total=totals).reset_index(drop=True)


def destruction_table(indicators: pd.DataFrame, member_states: pd.DataFrame, paragraphs: pd.DataFrame,
                      pattern: str = DESTRUCTION_PATTERN) -> pd.DataFrame:
    """The destruction figures for readers, in report order: what, value, unit,
    whether it is a stated total, member states, section, paragraph."""
    cols = ["indicator_id", "what", "value", "unit", "role", "states", "refers_to", "section", "paragraph_id"]
    d = destruction_indicators(indicators, pattern)
    if d.empty:
        return pd.DataFrame(columns=cols)
    out = frames.indicator_table(d, member_states).assign(
        role=d["is_total"].map({True: "stated total", False: "item"}), section=frames.part_of(d["paragraph_id"], paragraphs))
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
    orgs = org_names(organizations)
    per = destroyed_per_paragraph(indicators, pattern)
    per["text"] = [amount(q, u) for q, u in zip(per["quantity"], per["unit"])]
    figs = per.groupby("paragraph_id", sort=False)["text"].agg("; ".join).to_dict() if len(per) else {}
    out = frames.activity_table(de, member_states, organizations, paragraphs)
    out["supporters"] = [name_list(csvio.join_list(csvio.split_list(p) + csvio.split_list(f)), orgs)
                         for p, f in zip(de["partners"], de["funders"])]
    out["figures"] = de["paragraph_id"].map(lambda p: figs.get(p, ""))
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
        f"**{literal(amount(r.quantity, r.unit))}**" + (f" ({literal(r.states)})" if r.states else "")
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
    out = out.assign(_k=out["paragraph_id"].map(paragraph_key), _q=-out["quantity"])
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
        states=("countries", lambda s: name_list(csvio.join_list(c for v in s for c in csvio.split_list(v)), names)),
        paragraphs=("paragraph_id", lambda s: ";".join(sorted(set(s))))).reset_index()
    out["unit"] = out["unit"].map(unit_label)
    out["quantity"] = out["quantity"].astype("Float64")
    return out.sort_values(["quantity", "unit"], ascending=[False, True], kind="mergesort")[cols].reset_index(drop=True)
