"""Section II, national strategies against transnational organized crime: what the
dependencies did by subsection and type, the count of national CSIRTs over time,
national cyber-security strategies and action plans, citizen-security assessments
and UNSCR 1540 national plans, and the member states reached.

Rows are selected by keyword patterns on the data (programme, title, indicator
name), never by the ids, wording or numbers of one year's report."""
from __future__ import annotations

import pandas as pd

from hemiplan import language
from hemiplan.analysis import frames
from hemiplan.analysis.frames import or_missing
from hemiplan.analysis.terms import humanize, unit_words
from hemiplan.data import csvio
from hemiplan.data import names as localnames
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import number, subsection_label

#: Indicators counting Computer Security Incident Response Teams.
CSIRT_PATTERN = r"csirt"
#: Programmes, titles or indicator names about national cyber-security strategies
#: and action plans ("strategy" or "strategies", not "strategic").
STRATEGY_PATTERN = r"cyber|strateg(?:y|ies)"
#: Activity types that stand for a strategy or plan being supported.
STRATEGY_TYPES = ("plan", "technical_assistance", "assessment")
#: Topics of the timeline: (reader label in English, pattern on programme, title or
#: indicator name); :func:`topic_label` gives the label in the page's language.
TIMELINE_TOPICS = (
    ("Citizen security", r"citizen[\W_]*security"),
    ("UNSCR 1540", r"1540"),
)
STATED_FIGURE = "stated figure"


def topic_label(topic: str) -> str:
    """A topic of ``TIMELINE_TOPICS`` in the page's language."""
    return {"Citizen security": p_("timeline topic", "Citizen security"),
            "UNSCR 1540": p_("timeline topic", "UNSCR 1540")}.get(topic, topic)


def stated_figure_kind() -> str:
    """'Stated figure', the kind of a row that is a stated figure, not an activity."""
    return p_("kind of record", "Stated figure")


def page_titles(activities: pd.DataFrame, translations: pd.DataFrame | None) -> list[str]:
    """The activities' titles in the page's language (as given, without translations)."""
    if translations is None or language.current() == language.SOURCE:
        return list(activities["title"])
    return list(localnames.titles(activities, translations))


def _text_matches(df: pd.DataFrame, columns, pattern: str) -> pd.Series:
    """True where any of ``columns`` matches ``pattern`` (case-insensitive regex)."""
    hit = pd.Series(False, index=df.index)
    for c in columns:
        hit |= df[c].fillna("").astype(str).str.contains(pattern, case=False, regex=True)
    return hit


def by_subsection_type(activities: pd.DataFrame) -> pd.DataFrame:
    """Activities of the section by subsection, dependency and activity type, with
    events, stated participants and source paragraphs. ``activities`` carries the
    context columns of :func:`hemiplan.analysis.frames.with_context`, in report order;
    subsections keep that order, dependencies the book's order, types the
    alphabetical order of their labels."""
    cols = ["subsection", "dependency", "type", "activities", "events", "participants", "paragraphs"]
    if activities.empty:
        return pd.DataFrame(columns=cols)
    df = activities.assign(
        subsection=[subsection_label(s, t) for s, t in zip(activities["subsection"], activities["subsection_title"])],
        type=activities["activity_type"].map(humanize), dependency=frames.lead(activities))
    sub_order = {s: i for i, s in enumerate(dict.fromkeys(df["subsection"]))}
    dep_order = {d: i for i, d in enumerate(frames.dependency_order())}
    g = df.groupby(["subsection", "dependency", "type"], sort=False)
    out = pd.DataFrame({
        "activities": g.size(),
        "events": g["events"].sum(min_count=1).astype("Int64"),
        "participants": g["participants"].sum(min_count=1).astype("Int64"),
        "paragraphs": g["paragraph_id"].agg(lambda s: ";".join(dict.fromkeys(s))),
    }).reset_index()
    out = out.assign(_s=out["subsection"].map(sub_order), _d=out["dependency"].map(dep_order))
    return out.sort_values(["_s", "_d", "type"]).drop(columns=["_s", "_d"])[cols].reset_index(drop=True)


def csirt_points(indicators: pd.DataFrame, report_year: int) -> pd.DataFrame:
    """The CSIRT counts one report states (indicators whose name contains 'csirt',
    anywhere in the report: a count of teams is a hemispheric fact wherever it is
    stated). ``year`` is the year the count refers to: ``ref_year`` when given, else
    the report's year."""
    cols = ["year", "value", "figure", "unit", "report_year", "indicator", "indicator_id", "paragraph_id"]
    hit = indicators[indicators["indicator"].str.contains(CSIRT_PATTERN, case=False, regex=True)]
    if hit.empty:
        return pd.DataFrame(columns=cols)
    out = hit.assign(year=hit["ref_year"].fillna(report_year).astype(int), report_year=int(report_year),
                     value=hit["value"].astype(float), figure=hit["indicator"].map(humanize),
                     unit=hit["unit"].map(unit_words))
    return out[cols].sort_values(["year", "indicator_id"]).reset_index(drop=True)


def csirt_history(editions: dict, up_to: int | None = None) -> pd.DataFrame:
    """CSIRT counts stated in every report with data (``editions``: year → Edition),
    up to report year ``up_to`` when given (an edition does not show later reports);
    one row per statement, sorted by the year referred to, then report and id."""
    frames = [csirt_points(e.indicators, y) for y, e in sorted(editions.items()) if up_to is None or y <= up_to]
    frames = [f for f in frames if len(f)]
    if not frames:
        return csirt_points(pd.DataFrame(columns=["indicator", "ref_year", "value"]), 0)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["year", "report_year", "indicator_id"]).reset_index(drop=True)


def csirt_series(points: pd.DataFrame) -> pd.Series:
    """One count per year referred to, from :func:`csirt_history`: when several
    statements refer to the same year, the latest report wins (it is the most recent
    word on it), then the last indicator id. Indexed by year, ascending."""
    if points.empty:
        return pd.Series(dtype=float, name="value")
    last = points.sort_values(["year", "report_year", "indicator_id"]).groupby("year").tail(1)
    return last.set_index("year")["value"].sort_index()


def trend_text(series: pd.Series, unit: str = "") -> str:
    """'rose from 6 in 2004 to 19 in 2014' (or fell, or stayed at) for a series
    indexed by year with at least one value."""
    first_year, last_year = series.index[0], series.index[-1]
    first, last = float(series.iloc[0]), float(series.iloc[-1])
    u = f" {unit}" if unit else ""
    values = {"first": number(round(first)), "last": number(round(last)), "unit": u,
              "first_year": first_year, "last_year": last_year}
    if len(series) == 1:
        return _("stood at {last}{unit} in {last_year}").format(**values)
    if last > first:
        return _("rose from {first} in {first_year} to {last}{unit} in {last_year}").format(**values)
    if last < first:
        return _("fell from {first} in {first_year} to {last}{unit} in {last_year}").format(**values)
    return _("stayed at {last}{unit} from {first_year} to {last_year}").format(**values)


def csirt_text(series: pd.Series) -> str:
    """The sentence under the CSIRT table ('' without counts)."""
    if len(series) >= 2:
        return _("By the reports' own counts, the number of national CSIRTs {trend}.").format(trend=trend_text(series))
    if len(series) == 1:
        return _("Only one count of national CSIRTs is stated: the number {trend}. "
                 "A trend needs at least two counts.").format(trend=trend_text(series))
    return ""


def csirt_alt(series: pd.Series) -> str:
    """Alt text of the CSIRT line chart."""
    n = len(series)
    return n_("Line chart of {n} stated count: the number of national CSIRTs {trend}.",
              "Line chart of {n} stated counts: the number of national CSIRTs {trend}.", n).format(
        n=number(n), trend=trend_text(series))


def strategy_records(activities: pd.DataFrame, indicators: pd.DataFrame, names: dict[str, str],
                     translations: pd.DataFrame | None = None) -> pd.DataFrame:
    """National cyber-security strategies and action plans by country and year:
    activities of type plan, technical assistance or assessment whose programme or
    title mentions cyber or strategy, and stated figures whose name does and that
    name member states or an earlier year (``ref_year``), e.g. a strategy adopted
    in an earlier year; hemispheric counts (a number of states trained in cyber
    exercises) and CSIRT counts are left to the other tables.
    One row per member state named (a row without states is kept, country empty);
    year is ``ref_year`` for a stated figure when given, else the report's year.
    Sorted by country (rows without one last), year, record. With ``translations``
    (the edition's), titles are in the page's language."""
    cols = ["country", "year", "record", "kind", "dependency", "value", "paragraph_id"]
    acts = activities[activities["activity_type"].isin(STRATEGY_TYPES)
                      & _text_matches(activities, ["program", "title"], STRATEGY_PATTERN)]
    specific = (indicators["countries"].fillna("") != "") | indicators["ref_year"].notna()
    inds = indicators[indicators["indicator"].str.contains(STRATEGY_PATTERN, case=False, regex=True)
                      & ~indicators["indicator"].str.contains(CSIRT_PATTERN, case=False, regex=True) & specific]
    rows = []
    for r, title in zip(acts.itertuples(index=False), page_titles(acts, translations)):
        for c in (csvio.split_list(r.countries) or [""]):
            rows.append({"country": names.get(c, c), "year": int(r.year), "record": title,
                         "kind": humanize(r.activity_type), "dependency": r.dependency, "value": pd.NA,
                         "paragraph_id": r.paragraph_id})
    for r in inds.itertuples(index=False):
        year = int(r.ref_year) if pd.notna(r.ref_year) else int(r.year)
        for c in (csvio.split_list(r.countries) or [""]):
            rows.append({"country": names.get(c, c), "year": year, "record": humanize(r.indicator),
                         "kind": stated_figure_kind(), "dependency": "", "value": r.value,
                         "paragraph_id": r.paragraph_id})
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(rows)
    out["value"] = out["value"].astype("Float64")
    out = out.assign(_none=out["country"] == "").sort_values(["_none", "country", "year", "record", "paragraph_id"])
    out = out[cols].reset_index(drop=True)
    for c in ("country", "dependency"):
        out[c] = out[c].map(or_missing).astype(object)
    return out


def assessment_plan_events(activities: pd.DataFrame, indicators: pd.DataFrame, names: dict[str, str],
                           translations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Citizen-security assessments and UNSCR 1540 national plans, for
    :func:`hemiplan.figures.timeline`: activities whose programme or title, and
    stated figures whose name, match a topic of ``TIMELINE_TOPICS``. One row per
    member state named: ``label`` is 'country · topic' (the programme or title, or
    the figure's name, when no state is named), ``year`` the figure's ``ref_year``
    or the report's year, ``kind`` the activity type (or 'Stated figure').
    Sorted by topic, label, year, kind. Topics, kinds and (with ``translations``)
    titles are in the page's language."""
    cols = ["label", "year", "kind", "topic", "country", "record", "paragraph_id"]
    rows = []
    for english, pattern in TIMELINE_TOPICS:
        topic = topic_label(english)
        acts = activities[_text_matches(activities, ["program", "title"], pattern)]
        for r, title in zip(acts.itertuples(index=False), page_titles(acts, translations)):
            for c in csvio.split_list(r.countries) or [""]:
                base = names.get(c, c) if c else (r.program or title)
                rows.append({"label": f"{base} · {topic}", "year": int(r.year), "kind": humanize(r.activity_type),
                             "topic": topic, "country": names.get(c, c), "record": title,
                             "paragraph_id": r.paragraph_id})
        inds = indicators[indicators["indicator"].str.contains(pattern, case=False, regex=True)]
        for r in inds.itertuples(index=False):
            year = int(r.ref_year) if pd.notna(r.ref_year) else int(r.year)
            for c in csvio.split_list(r.countries) or [""]:
                base = names.get(c, c) if c else humanize(r.indicator)
                rows.append({"label": f"{base} · {topic}", "year": year, "kind": stated_figure_kind(),
                             "topic": topic, "country": names.get(c, c),
                             "record": f"{humanize(r.indicator)}: {number(round(float(r.value)))} "
                                       f"{unit_words(r.unit)}",
                             "paragraph_id": r.paragraph_id})
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(rows).drop_duplicates()
    out = out.sort_values(["topic", "label", "year", "kind", "record"])[cols].reset_index(drop=True)
    out["country"] = out["country"].map(or_missing).astype(object)
    return out


def timeline_points(events: pd.DataFrame, step: float = 0.15) -> pd.DataFrame:
    """The dots of the timeline, from :func:`assessment_plan_events`: one per label,
    year and kind (several records of one kind in one year make one dot), and
    when one label has several kinds in the same year their dots are set ``step``
    of a year apart (to the right of the year), so that no dot hides another.
    Columns label, year (float), kind, records; in the events' order."""
    cols = ["label", "year", "kind", "records"]
    if events.empty:
        return pd.DataFrame(columns=cols)
    g = events.groupby(["label", "year", "kind"], sort=False).size().rename("records").reset_index()
    offset = g.groupby(["label", "year"], sort=False).cumcount() * step
    g["year"] = g["year"].astype(float) + offset
    return g[cols]


def reached_with_names(activities: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Member states (of ``members``) reached by the section's activities: iso3, name
    (in the page's language), subregion, activities and source paragraphs; sorted by
    activities (descending), then name."""
    members = members.assign(name=members["iso3"].map(localnames.state_names(members)))
    return frames.states_named(activities, members)[["iso3", "name", "subregion", "activities", "paragraphs"]]


def strategies_sentence(records: pd.DataFrame) -> str:
    """A sentence on the strategies table: how many member states and years it covers."""
    states = sorted(set(records["country"].dropna()))
    years = sorted(set(records["year"]))
    n, first, last = len(states), years[0], years[-1]
    if not states:
        text = (_("The records concern no named member state, in {first}.") if len(years) == 1
                else _("The records concern no named member state, between {first} and {last}."))
    elif len(years) == 1:
        text = n_("The records concern {n} member state, in {first}.",
                  "The records concern {n} member states, in {first}.", n)
    else:
        text = n_("The records concern {n} member state, between {first} and {last}.",
                  "The records concern {n} member states, between {first} and {last}.", n)
    return text.format(n=number(n), first=first, last=last)

