"""Section III, legal instruments: the international instruments the Secretariat
promotes, the stated figures on ratifications, laws and bills, and the legislative
assistance behind them.

Stated figures are classified by keyword patterns on their name and unit, and tied
to an instrument when its name or short name occurs in the figure's quote; nothing
depends on the ids, wording or numbers of one year's report."""
from __future__ import annotations

import re

import pandas as pd

from hemiplan import language
from hemiplan.analysis import sections
from hemiplan.analysis.frames import countries_reached, member_names, name_list, or_missing
from hemiplan.analysis.national_strategies import page_titles
from hemiplan.analysis.terms import humanize, unit_words
from hemiplan.data import csvio, membership
from hemiplan.data.labels import quantity
from hemiplan.data.names import English
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import join_words, number, section_label

#: (category, pattern on the indicator name or unit), first match wins, in this order.
CATEGORIES = (
    ("Ratifications", r"ratif|accession|accede|signat|party|parties"),
    ("Bills", r"bill|draft"),
    ("Laws and regulations", r"law|legislat|amend|regulat|decree|code"),
)
OTHER = "Other figures"
#: Order of the categories in tables and figures: ratified, enacted, pending.
DISPLAY_ORDER = ("Ratifications", "Laws and regulations", "Bills", OTHER)
#: Activity types that count as legislative assistance in the section; anywhere in
#: the report only ``legislative_assistance`` does.
SECTION_TYPES = ("legislative_assistance", "technical_assistance")
REPORT_TYPES = ("legislative_assistance",)
BODIES = {"UN": "United Nations", "OAS": "Organization of American States"}


def body_name(body: str) -> str:
    """The body that adopted an instrument, spelled out in the page's language."""
    return {"UN": p_("adopting body", "United Nations"),
            "OAS": p_("adopting body", "Organization of American States")}.get(body, body)


def _as_given(name: str) -> str:
    """An instrument's name as the reference list gives it (in English), marked as English
    on a page of another language (the list has no translated names)."""
    return name if language.current() == language.SOURCE or not name else English(name)


def category_name(category_: str) -> str:
    """A category of stated figures (CATEGORIES, OTHER) in the page's language."""
    return {"Ratifications": p_("legal category", "Ratifications"), "Bills": p_("legal category", "Bills"),
            "Laws and regulations": p_("legal category", "Laws and regulations"),
            OTHER: p_("legal category", "Other figures")}.get(category_, category_)


def _norm(text: str) -> str:
    """Lower case, straight quotes, single spaces: for matching names in text."""
    t = str(text).lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", t)


def _names_in(text: str, name: str, short_name: str) -> bool:
    """True when an instrument's full name, or its short name as a whole word, occurs in text."""
    t = _norm(text)
    if _norm(name) in t:
        return True
    short = _norm(short_name).strip()
    return bool(short) and re.search(r"(?<![\w])" + re.escape(short) + r"(?![\w])", t) is not None


def instruments_table(instruments: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The reference instruments sorted by year adopted, then name, with the body that
    adopted them spelled out and the paragraphs of ``paragraphs`` (the section) whose
    text or subsection title names them (full name, or short name as a word)."""
    cols = ["name", "short_name", "body", "adopted", "named", "paragraphs"]
    texts = list(zip(paragraphs["paragraph_id"], paragraphs["text"] + " " + paragraphs["subsection_title"]))
    rows = []
    for r in instruments.itertuples(index=False):
        ids = [pid for pid, text in texts if _names_in(text, r.name, r.short_name)]
        rows.append({"name": _as_given(r.name), "short_name": _as_given(r.short_name), "body": body_name(r.body),
                     "adopted": r.adopted, "named": bool(ids), "paragraphs": ";".join(ids)})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["adopted", "name"]).reset_index(drop=True)


def category(indicator: str, unit: str = "") -> str:
    """The category of a stated figure from its name, else its unit (see CATEGORIES)."""
    for text in (indicator, unit):
        for label, pattern in CATEGORIES:
            if re.search(pattern, str(text), flags=re.IGNORECASE):
                return label
    return OTHER


def instrument_of(quote: str, instruments: pd.DataFrame) -> str:
    """Short names of the instruments named in a quote (full name or short name), ';'-joined."""
    return ";".join(sorted(r.short_name for r in instruments.itertuples(index=False)
                           if _names_in(quote, r.name, r.short_name)))


def legal_figures(indicators: pd.DataFrame, instruments: pd.DataFrame, names: dict[str, str],
                  members: int) -> pd.DataFrame:
    """The stated figures of the section on ratifications, laws, bills and the like
    (see :func:`category`; figures of no legal category are left to
    :func:`other_figures`), with the instrument their quote names, the member states
    they are about and, for a count of ratifying states, its share of the ``members``
    member states that year. Sorted by category (DISPLAY_ORDER), then value
    (descending), figure, id."""
    cols = ["category", "figure", "value", "unit", "instrument", "share_of_members", "about", "refers_to",
            "paragraph_id", "indicator_id"]
    if indicators.empty:
        return pd.DataFrame(columns=cols)
    df = indicators.assign(category=[category(i, u) for i, u in zip(indicators["indicator"], indicators["unit"])])
    df = df[df["category"] != OTHER]
    if df.empty:
        return pd.DataFrame(columns=cols)
    states = (df["category"] == "Ratifications") & (df["unit"] == "states") & df["countries"].eq("")
    out = pd.DataFrame({
        "category": df["category"],
        "figure": df["indicator"].map(humanize),
        "value": df["value"],
        "unit": df["unit"].map(unit_words),
        "instrument": df["quote"].map(lambda q: or_missing(instrument_of(q, instruments).replace(";", ", "))),
        "share_of_members": (df["value"].astype(float) / members * 100).where(states & (members > 0)).round(0),
        "about": df["countries"].map(lambda c: or_missing(name_list(c, names))),
        "refers_to": df["ref_year"],
        "paragraph_id": df["paragraph_id"],
        "indicator_id": df["indicator_id"],
    })
    order = {label: i for i, label in enumerate(DISPLAY_ORDER)}
    out = out.assign(_c=out["category"].map(order), _v=-out["value"].astype(float))
    out = out.sort_values(["_c", "_v", "figure", "indicator_id"]).drop(columns=["_c", "_v"])
    out["share_of_members"] = out["share_of_members"].astype("Float64")
    return out[cols].reset_index(drop=True)


def figure_labels(legal: pd.DataFrame) -> pd.Series:
    """Bar labels for :func:`legal_figures`: the figure, with its unit in brackets
    unless the name already says it ('TF laws enacted', 'Treaty ratifications (states)')."""
    def label(figure: str, unit: str) -> str:
        head = str(unit).split(" ")[0].lower()
        return figure if head and head in figure.lower() else f"{figure} ({unit})"

    return pd.Series([label(f, u) for f, u in zip(legal["figure"], legal["unit"])], index=legal.index)


def other_figures(indicators: pd.DataFrame, legal: pd.DataFrame) -> pd.DataFrame:
    """The section's stated figures that :func:`legal_figures` did not classify."""
    return indicators[~indicators["indicator_id"].isin(legal["indicator_id"])]


def assistance_rows(activities_ctx: pd.DataFrame, section: str | None) -> pd.DataFrame:
    """The activities that count as legislative assistance: of type legislative or
    technical assistance in the section (numeral ``section``, None when the report
    has none), or of type legislative assistance anywhere in the report.
    ``activities_ctx`` carries the context of :func:`hemiplan.analysis.frames.with_context`."""
    keep = activities_ctx["activity_type"].isin(REPORT_TYPES)
    if section is not None:
        keep |= (activities_ctx["section"] == section) & activities_ctx["activity_type"].isin(SECTION_TYPES)
    return activities_ctx[keep]


def category_counts_text(legal: pd.DataFrame) -> str:
    """'2 on ratifications and 1 on laws and regulations' for :func:`legal_figures`."""
    counts = legal["category"].value_counts(sort=False)
    words = {"Ratifications": _("{n} on ratifications"), "Laws and regulations": _("{n} on laws and regulations"),
             "Bills": _("{n} on bills"), OTHER: _("{n} on other figures")}
    return join_words(words[c].format(n=number(int(counts[c]))) for c in DISPLAY_ORDER if c in counts.index)


def figures_text(legal: pd.DataFrame) -> str:
    """The sentence above the table of :func:`legal_figures`."""
    n = len(legal)
    return n_("The section states {n} figure on the legal framework: {counts}.",
              "The section states {n} figures on the legal framework: {counts}.", n).format(
        n=number(n), counts=category_counts_text(legal))


def instruments_text(instruments: pd.DataFrame, year: int, present: bool) -> str:
    """The sentence above the table of :func:`instruments_table`: how many instruments,
    adopted when, how many inter-American, how many the year's section names."""
    n = len(instruments)
    oas = int((instruments["body"] == body_name("OAS")).sum())
    text = n_("The reference list holds {n} instrument adopted between {first} and {last}, ",
              "The reference list holds {n} instruments adopted between {first} and {last}, ", n).format(
        n=number(n), first=instruments["adopted"].min(), last=instruments["adopted"].max())
    text += n_("{n} inter-American instrument among them. ", "{n} inter-American instruments among them. ", oas).format(
        n=number(oas))
    if present:
        return text + _("The {year} section names {named} of them.").format(year=year, named=int(instruments["named"].sum()))
    return text + _("The {year} report has no section on legal instruments to name them.").format(year=year)


def legislative_assistance(activities_ctx: pd.DataFrame, section: str | None, names: dict[str, str],
                           translations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Legislative assistance: activities of the section of type legislative or
    technical assistance, and activities of type legislative assistance anywhere in
    the report. ``activities_ctx`` is every activity of the report with its context
    (:func:`hemiplan.analysis.frames.with_context`). In report order, then activity id;
    titles in the page's language with ``translations``."""
    cols = ["where", "dependency", "type", "program", "title", "countries", "month", "events", "participants",
            "paragraph_id"]
    acts = assistance_rows(activities_ctx, section)
    if acts.empty:
        return pd.DataFrame(columns=cols)
    acts = sections.report_order(acts, "activity_id")
    out = pd.DataFrame({
        "where": [section_label(s, t) for s, t in zip(acts["section"], acts["section_title"])],
        "dependency": acts["dependency"],
        "type": acts["activity_type"].map(humanize),
        "program": acts["program"].map(or_missing),
        "title": page_titles(acts, translations),
        "countries": acts["countries"].map(lambda c: or_missing(name_list(c, names))),
        "month": acts["month"],
        "events": acts["events"],
        "participants": [or_missing(quantity(p, q)) for p, q in
                         zip(acts["participants"], acts["participants_qualifier"])],
        "paragraph_id": acts["paragraph_id"],
    })
    for c in ("countries", "program", "participants"):
        out[c] = out[c].astype(object)
    return out[cols].reset_index(drop=True)


def assistance_totals(activities_ctx: pd.DataFrame, section: str | None) -> dict:
    """Counts behind the legislative-assistance table: activities, events, stated
    participants (and how many state them), member states reached."""
    acts = assistance_rows(activities_ctx, section)
    stated = acts["participants"].notna()
    return {
        "activities": len(acts),
        "events": int(acts["events"].sum()) if len(acts) else 0,
        "participants": int(acts.loc[stated, "participants"].sum()) if stated.any() else 0,
        "with_participants": int(stated.sum()),
        "states": len(countries_reached(acts)) if len(acts) else 0,
        "outside_section": int((acts["section"] != section).sum()),
        "countries": sorted({c for cell in acts["countries"] for c in csvio.split_list(cell)}),
    }



def assistance_text(tot: dict) -> str:
    """The sentence above the legislative-assistance table, from :func:`assistance_totals`."""
    n, k = tot["activities"], tot["with_participants"]
    values = {
        "activities": n_("{n} legislative or technical assistance activity",
                         "{n} legislative or technical assistance activities", n).format(n=number(n)),
        "events": n_("{n} event", "{n} events", tot["events"]).format(n=number(tot["events"])),
        "states": n_("{n} member state", "{n} member states", tot["states"]).format(n=number(tot["states"])),
        "outside": number(tot["outside_section"]), "k": number(k),
        "participants": n_("{n} participant", "{n} participants", tot["participants"]).format(
            n=number(tot["participants"])),
    }
    if tot["outside_section"]:
        text = n_("The report records **{activities}** ({events}) reaching {states}; {outside} of it outside this section. ",
                  "The report records **{activities}** ({events}) reaching {states}; {outside} of them outside this "
                  "section. ", n)
    else:
        text = n_("The report records **{activities}** ({events}) reaching {states}. ",
                  "The report records **{activities}** ({events}) reaching {states}. ", n)
    if not k:
        text += n_("No participant number is stated for it.", "No participant numbers are stated for them.", n)
    elif n == 1:
        text += _("Participants are stated for it, adding up to **{participants}**.")
    elif k == n:
        text += _("Participants are stated for all of them, adding up to **{participants}**.")
    else:
        text += _("Participants are stated for {k} of them, adding up to **{participants}**.")
    return text.format(**values)


def figures_over_time(editions: dict, chapter: str = "legal_instruments", up_to: int | None = None) -> pd.DataFrame:
    """The legal figures of the section in every report with data up to ``up_to``
    (see :func:`legal_figures`), one row per statement with the year it refers to
    (``ref_year``, else the report's year); empty unless at least two reports state
    such figures (one report's figures are already in :func:`legal_figures`).
    Sorted by category, figure, year referred to, report year."""
    eds = {y: e for y, e in editions.items() if up_to is None or y <= up_to}
    cols = ["category", "figure", "unit", "year", "value", "report_year", "paragraph_id"]
    if len(eds) < 2:
        return pd.DataFrame(columns=cols)
    frames = []
    for y, e in sorted(eds.items()):
        sec = sections.select(e, chapter)
        f = legal_figures(sec.indicators, e.instruments, member_names(e.member_states),
                          len(membership.members_in_year(e.member_states, y)))
        if len(f):
            frames.append(f.assign(year=f["refers_to"].fillna(y).astype(int), report_year=y))
    if len(frames) < 2:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)
    order = {label: i for i, label in enumerate(DISPLAY_ORDER)}
    out = out.assign(_c=out["category"].map(order)).sort_values(["_c", "figure", "year", "report_year", "paragraph_id"])
    return out[cols].reset_index(drop=True)
