"""Munitions and firearms destroyed, for the cooperation chapter: the stated figures
about destruction (totals and items), the destruction operations, what was
destroyed in the year, and the report's arithmetic checked (a stated total against
the sum of its items in the same paragraph).

Functions ending in ``_text`` return Markdown, with every piece of data escaped by
:func:`hemiplan.vocabulary.literal`."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import frames, terms
from hemiplan.analysis.frames import dependency_labels, indicator_label, is_total, lead_label, name_list
from hemiplan.analysis.sections import paragraph_key, report_order
from hemiplan.data import csvio, names
from hemiplan.language import _, n_, np_, p_
from hemiplan.language import SOURCE, current
from hemiplan.vocabulary import amount, join_words, literal, number, unit_label

#: Keywords (regular expressions, matched on the indicator name and on its unit) that
#: mark a stated figure as one about the destruction of munitions or firearms.
DESTRUCTION_PATTERN = r"destr|munition|firearm|shell|explosive|metric_ton"
#: Figures that mention firearms but are about something else (donated marking machines).
DESTRUCTION_EXCLUDE = r"donat|marking"


def unit_words(unit) -> str:
    """A unit as a table shows it, in the page's language (:func:`hemiplan.analysis.terms.unit_words`):
    ``unit`` is the data's name ('metric_tons') or its English words ('metric tons')."""
    return terms.unit_words(str(unit).strip().replace(" ", "_"))


def amount_text(value, unit) -> str:
    """'1,102,751 munitions', '9,061 metric tons', '1 machine': a value with its unit in
    the page's language (exactly :func:`hemiplan.vocabulary.amount` in English)."""
    code = str(unit).strip().replace(" ", "_")
    n = float(value)
    if code in ("munitions", "firearms", "metric_tons"):
        return _counted(code, n).format(n=number(n))
    if current() == SOURCE:
        return amount(value, unit)
    return (_counted(code, n) or "{n} " + unit_words(code)).format(n=number(n))


def _counted(unit: str, n: float) -> str:
    """The message of a count of ``unit`` (one of the data's units) agreeing with ``n``;
    '' for a unit the book has no message for."""
    forms = {
        "munitions": lambda: np_("unit", "{n} munition", "{n} munitions", n),
        "firearms": lambda: np_("unit", "{n} firearm", "{n} firearms", n),
        "metric_tons": lambda: np_("unit", "{n} metric ton", "{n} metric tons", n),
        "machines": lambda: np_("unit", "{n} machine", "{n} machines", n),
        "focal_points": lambda: np_("unit", "{n} focal point", "{n} focal points", n),
        "states": lambda: np_("unit", "{n} state", "{n} states", n),
        "countries": lambda: np_("unit", "{n} country", "{n} countries", n),
        "participants": lambda: np_("unit", "{n} participant", "{n} participants", n),
        "officers": lambda: np_("unit", "{n} officer", "{n} officers", n),
        "organizations": lambda: np_("unit", "{n} organization", "{n} organizations", n),
        "events": lambda: np_("unit", "{n} event", "{n} events", n),
        "missions": lambda: np_("unit", "{n} mission", "{n} missions", n),
        "teams": lambda: np_("unit", "{n} team", "{n} teams", n),
        "laws": lambda: np_("unit", "{n} law", "{n} laws", n),
        "bills": lambda: np_("unit", "{n} bill", "{n} bills", n),
        "ratifications": lambda: np_("unit", "{n} ratification", "{n} ratifications", n),
    }
    return forms[unit]() if unit in forms else ""


def holds_label(holds: str) -> str:
    """How a table shows the verdict of :func:`check_totals` ('yes', 'no', 'no items')."""
    return {"yes": p_("adds up", "yes"), "no": p_("adds up", "no"), "no items": p_("adds up", "no items")}.get(holds, holds)


def localized(out: pd.DataFrame, activities: pd.DataFrame, translations: pd.DataFrame | None = None,
              dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """A table of :func:`hemiplan.analysis.frames.activity_table` (same index as
    ``activities``) with the titles in the page's language (with ``translations``,
    :func:`hemiplan.data.names.titles`) and the dependencies by their acronyms in it
    (with ``dependency_names``, :func:`hemiplan.analysis.frames.dependency_labels`)."""
    if translations is not None:
        out = out.assign(title=names.titles(activities, translations))
    if dependency_names is not None:
        out = out.assign(dependency=lead_label(activities, detailed=True,
                                               acronyms=dependency_labels(dependency_names)))
    return out


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
        role=d["is_total"].map({True: p_("figure role", "stated total"), False: p_("figure role", "item")}),
        section=frames.part_of(d["paragraph_id"], paragraphs))
    return report_order(out, "indicator_id")[cols]


def destruction_activities(activities: pd.DataFrame, indicators: pd.DataFrame, organizations: pd.DataFrame,
                           member_states: pd.DataFrame, paragraphs: pd.DataFrame,
                           pattern: str = DESTRUCTION_PATTERN, translations: pd.DataFrame | None = None,
                           dependency_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Destruction operations (activity type ``destruction``) anywhere in the report, in
    report order: title, dependency, member states, partners and funders, the
    destruction figures stated in the same paragraph, section and paragraph (names in
    the page's language: see :func:`localized`)."""
    cols = ["activity_id", "title", "dependency", "states", "n_states", "supporters", "figures", "section",
            "paragraph_id"]
    de = activities[activities["activity_type"] == "destruction"]
    if de.empty:
        return pd.DataFrame(columns=cols)
    orgs = names.org_labels(organizations)
    per = destroyed_per_paragraph(indicators, pattern)
    per["text"] = [amount_text(q, u) for q, u in zip(per["quantity"], per["unit"])]
    figs = per.groupby("paragraph_id", sort=False)["text"].agg("; ".join).to_dict() if len(per) else {}
    out = localized(frames.activity_table(de, member_states, organizations, paragraphs), de, translations,
                    dependency_names)
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
    states = names.state_names(member_states) if member_states is not None else {}
    rows = []
    for t in tots.itertuples(index=False):
        comp = items[(items["paragraph_id"] == t.paragraph_id) & (items["unit"] == t.unit)].sort_values("indicator_id")
        n = len(comp)
        computed = float(comp["value"].sum()) if n else None
        rows.append({
            "indicator_id": t.indicator_id,
            "paragraph_id": t.paragraph_id,
            "unit": unit_words(t.unit),
            "total": indicator_label(t.indicator, t.countries, states),
            "stated": float(t.value),
            "components": "; ".join(f"{indicator_label(c.indicator, c.countries, states)}: {number(round(c.value))}"
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
    items = join_words(f"**{literal(amount_text(r.quantity, r.unit))}**" + (f" ({literal(r.states)})" if r.states else "")
                       for r in ds.itertuples())
    return _("Destroyed in the year, as stated: {items}.").format(items=items)


def _figure(value, unit: str) -> str:
    """'1,102,751 munitions' from a total and its unit's words (already in the page's language)."""
    return f"{number(round(value))} {literal(unit)}"


def _all_hold_text(check: pd.DataFrame) -> str:
    """The verdict when every stated total equals the sum of its items."""
    sums = join_words(n_("{figure} from {n} item", "{figure} from {n} items", r.n_components).format(
        figure=_figure(r.stated, r.unit), n=number(r.n_components)) for r in check.itertuples())
    return n_("The report states {n} total of munitions or firearms destroyed, and it equals the sum of the itemised "
              "figures in the same paragraph exactly: {sums}. The report's arithmetic holds.",
              "The report states {n} totals of munitions or firearms destroyed, and each equals the sum of the "
              "itemised figures in the same paragraph exactly: {sums}. The report's arithmetic holds.",
              len(check)).format(n=number(len(check)), sums=sums)


def check_text(check: pd.DataFrame) -> str:
    """A computed verdict on the arithmetic of the destruction figures."""
    if check.empty:
        return _("No destruction figure comes with a stated total in the same paragraph as its items, "
                 "so there is no arithmetic to check.")
    ok = check[check["holds"] == "yes"]
    bad = check[check["holds"] == "no"]
    none = check[check["holds"] == "no items"]
    if len(ok) == len(check):
        return _all_hold_text(check)
    parts = [n_("The report states {n} total of munitions or firearms destroyed.",
                "The report states {n} totals of munitions or firearms destroyed.", len(check)).format(n=number(len(check)))]
    if len(ok):
        totals = join_words(f"{literal(r.total.lower())}: {_figure(r.stated, r.unit)}" for r in ok.itertuples())
        parts.append(_("For {n} of them the itemised figures in the same paragraph add up exactly ({totals}).").format(
            n=number(len(ok)), totals=totals))
    if len(bad):
        wrong = join_words(_("{total} is stated as {figure} but its items sum to {computed} (stated minus items: "
                             "{difference})").format(total=literal(r.total.lower()), figure=_figure(r.stated, r.unit),
                                                     computed=number(round(r.computed)),
                                                     difference=_signed(r.difference)) for r in bad.itertuples())
        parts.append(_("For {n} the items do not add up to the stated total: {items}.").format(n=number(len(bad)),
                                                                                            items=wrong))
    if len(none):
        parts.append(_("For {n} no itemised figure of the same unit appears in the same paragraph, "
                       "so the total cannot be checked.").format(n=number(len(none))))
    if len(bad) == 0 and len(ok):
        parts.append(_("The report's arithmetic holds wherever it can be checked."))
    elif len(bad):
        parts.append(_("Both figures are shown; neither is corrected."))
    return " ".join(parts)


def _signed(value) -> str:
    """'+1,200', '-3', '+0': a difference with its sign, in the page's language."""
    v = round(float(value))
    return ("-" if v < 0 else "+") + number(abs(v))


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
    states = names.state_names(member_states)
    out = per.groupby("unit").agg(
        quantity=("quantity", "sum"),
        states=("countries", lambda s: name_list(csvio.join_list(c for v in s for c in csvio.split_list(v)), states)),
        paragraphs=("paragraph_id", lambda s: ";".join(sorted(set(s))))).reset_index()
    out["unit"] = out["unit"].map(unit_label)
    out["quantity"] = out["quantity"].astype("Float64")
    return out.sort_values(["quantity", "unit"], ascending=[False, True], kind="mergesort")[cols].reset_index(drop=True)
