"""The data-and-methods appendix: data dictionary, coverage of the report's numbers,
review status."""
from __future__ import annotations

import pandas as pd

from hemiplan import language
from hemiplan.analysis import frames, participation
from hemiplan.data import audit, csvio, labels, schema
from hemiplan.data.names import English
from hemiplan.language import _, n_, p_
from hemiplan.vocabulary import number

#: The context of a schema's text (a table's description, a column's title or
#: description) in the catalogs: 'schema activities', 'schema activities.title'.
SCHEMA_CONTEXT = schema.TEXT_CONTEXT
#: How :func:`number_coverage` names a number found nowhere (in English; see
#: :func:`unaccounted_label`).
UNACCOUNTED = "unaccounted"


def schema_text(where: str, text: str) -> str:
    """A title or description of the schemas in the page's language: its catalog message
    (context ``schema <table>.<column>``, or ``schema <table>`` for a table), else the
    English text, marked as English on a page of another language."""
    if not text or language.current() == language.SOURCE:
        return text
    context = SCHEMA_CONTEXT.format(where=where)
    return language.p_(context, text) if language.has(context, text) else English(text)


def _enum_value(table: str, f: dict, value) -> str:
    """A value of a vocabulary as the dictionary lists it: the raw value (what the CSV
    holds), with its label in the page's language after it where that label reads
    otherwise than the schema's own (English) label: 'course (curso)' on a Spanish page,
    'course' on an English one. A column without labels lists its raw values."""
    english = f.get("hemiplan:labels", {}).get(str(value))
    if english is None:
        return str(value)
    word = labels.label(table, f["name"], value)
    return str(value) if word == english else _("{value} ({label})").format(value=value, label=word)


def _rules(table: str, f: dict) -> str:
    """The constraints of a schema field, in words."""
    c = f.get("constraints", {})
    rules = []
    if c.get("required"):
        rules.append(p_("schema rule", "required"))
    if c.get("unique"):
        rules.append(p_("schema rule", "unique"))
    if "enum" in c:
        rules.append(_("one of: {values}").format(values=", ".join(_enum_value(table, f, v) for v in c["enum"])))
    if "minimum" in c:
        rules.append(f"≥ {c['minimum']}")
    if "maximum" in c:
        rules.append(f"≤ {c['maximum']}")
    if "pattern" in c:
        rules.append(_("pattern {pattern}").format(pattern=c["pattern"]))
    if "hemiplan:list_of" in f:
        rules.append(_("list of {table}").format(table=f["hemiplan:list_of"]))
    if "hemiplan:substring_of" in f:
        rules.append(_("exact substring of {column}").format(column=f["hemiplan:substring_of"]))
    return "; ".join(rules)


def data_dictionary(table: str) -> pd.DataFrame:
    """One row per column of a table, from its schema; titles and descriptions in the
    page's language where the catalogs have them (see :func:`schema_text`)."""
    rows = []
    for f in schema.fields(table):
        where = f"{table}.{f['name']}"
        rows.append({"column": f["name"], "title": schema_text(where, f.get("title", "")), "type": f["type"],
                     "rules": _rules(table, f), "description": schema_text(where, f.get("description", ""))})
    return pd.DataFrame(rows)


def table_sizes(ed) -> pd.DataFrame:
    """Rows per table of the edition, with the share reviewed by a person."""
    rows = []
    for name, df in ed.tables().items():
        reviewed = int((df["status"] == "reviewed").sum()) if "status" in df.columns else None
        rows.append({"table": f"{name}.csv", "rows": len(df), "reviewed": reviewed,
                     "description": schema_text(name, schema.descriptor(name).get("description", ""))})
    return pd.DataFrame(rows)


def _reason(reason: str) -> str:
    """A reason a number is not data (``unrecorded.reason``), in words."""
    words = {"date": p_("unrecorded reason", "date"), "duration": p_("unrecorded reason", "duration"),
             "ordinal_or_edition": p_("unrecorded reason", "ordinal or edition"),
             "document_reference": p_("unrecorded reason", "document reference"),
             "name_part": p_("unrecorded reason", "name part"), "list_marker": p_("unrecorded reason", "list marker"),
             "historical": p_("unrecorded reason", "historical"), "restated": p_("unrecorded reason", "restated"),
             "other": p_("unrecorded reason", "other")}
    return words.get(reason, str(reason).replace("_", " "))


def unaccounted_label() -> str:
    """How :func:`number_coverage` names the numbers found nowhere, in the page's language."""
    return p_("number coverage", "unaccounted")


def number_coverage(ed, unrecorded: pd.DataFrame | None) -> pd.DataFrame:
    """How every number in the report's text is accounted for: inside the quote of
    an activity, of a stated figure, listed as not data (by reason), or not at all."""
    acts, inds = ed.activities, ed.indicators
    counts: dict[str, int] = {}
    listed = {}
    if unrecorded is not None:
        listed = {(p, n): r for p, n, r in zip(unrecorded["paragraph_id"], unrecorded["number"], unrecorded["reason"])}
    quotes = {"activity": {}, "stated figure": {}}
    for label, df in (("activity", acts), ("stated figure", inds)):
        for pid, q in zip(df["paragraph_id"], df["quote"]):
            quotes[label].setdefault(pid, []).append(q)
    for pid, text in zip(ed.paragraphs["paragraph_id"], ed.paragraphs["text"]):
        for n in audit.audited_numbers(text):
            where = None
            for label in ("activity", "stated figure"):
                for q in quotes[label].get(pid, []):
                    start = text.find(q)
                    while start >= 0 and where is None:
                        if start <= n.start and n.end <= start + len(q):
                            where = (_("in the quote of an activity") if label == "activity"
                                     else _("in the quote of a stated figure"))
                        start = text.find(q, start + 1)
            if where is None and (pid, n.text) in listed:
                where = _("not data: {reason}").format(reason=_reason(listed[(pid, n.text)]))
            where = where or unaccounted_label()
            counts[where] = counts.get(where, 0) + 1
    out = pd.DataFrame(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["accounted", "numbers"])
    return out


def rules(ed) -> pd.DataFrame:
    """The counting rules of the book (see :mod:`~hemiplan.analysis.counting` and
    :mod:`~hemiplan.analysis.participation`), each with the number of rows of the
    edition it affects, computed from the data: rule, rows, what the book does."""
    acts = ed.activities
    used = participation.totals_used(ed.indicators, ed.held)
    whole = participation.combine(ed.held, used)
    covered = {a for c in used["covered"] for a in c}
    multi = acts["attendance"] == "multinational"
    own = frames.secretariat_orgs(ed.organizations)
    named_own = sum(1 for cell in list(acts["partners"]) + list(acts["funders"])
                    for o in csvio.split_list(cell) if o in own)
    attributed_multi = int(acts.loc[multi, "participants"].notna().sum())
    activities, totals = p_("counted in", "activities"), p_("counted in", "stated totals")
    rows = [
        (_("Held in another year"), len(ed.elsewhere), activities,
         _("kept in the data and listed apart in each chapter; not counted in totals, maps or profiles")),
        (_("Held over a span of years ending in the report year"), int(acts["held_since"].notna().sum()), activities,
         _("counted as work of the report year, with a note")),
        (_("Stated participant totals standing for un-itemised work"), len(used), totals,
         n_("added to the itemised participants (they cover {n} activity that state no participants of their own), "
            "counted for the dependency whose work they state",
            "added to the itemised participants (they cover {n} activities that state no participants of their own), "
            "counted for the dependency whose work they state", len(covered)).format(n=number(len(covered)))),
        (_("Multinational attendance"), int(multi.sum()), activities,
         n_("participants ({n} row state them) not attributed to any state, the host included",
            "participants ({n} rows state them) not attributed to any state, the host included",
            attributed_multi).format(n=number(attributed_multi))),
        (_("Joint work of several dependencies"), int((acts["joint_with"].fillna("") != "").sum()), activities,
         _("counted in a Joint row of dependency tables, never as the lead's alone")),
        (_("Events inferred by the reviewer"), int((acts["events_basis"] == "inferred").sum()), activities,
         _("counted, and shown as inferred in the headline, the dependency tables and training's tables by part, "
           "programme and kind")),
        (_("Participants inferred by the reviewer"), int((acts["participants_basis"] == "inferred").sum()), activities,
         _("shown as inferred wherever the figure appears")),
        (_("Participants attributed to one member state"), int(frames.is_attributed(ed.held).sum()), activities,
         _("the text ties the people to the one state named; only these count on participant maps and profiles")),
        (_("Events of activities naming several member states"),
         int((ed.held["countries"].map(frames.n_listed) > 1).sum()), activities,
         _("each state named is reached by the activity, but its events are placed in none of them "
           "(the text does not say where they took place)")),
        (_("Sums with an approximate part"), int((ed.held["participants_qualifier"] == "approx").sum()), activities,
         _("any sum that includes one is approximate ('more than' only when every part is exact or a floor)")),
        (_("Stated totals covering some of the same activities"), len(whole.double), p_("counted in", "pairs of totals"),
         _("both added, since each stands for work the other does not cover; the sum is then approximate, "
           "and the note under it names the two totals")),
        (_("A dependency named as partner or funder"), named_own, p_("counted in", "mentions"),
         _("left out of partner tables and shown as collaboration between dependencies")),
    ]
    return pd.DataFrame(rows, columns=["rule", "rows", "of", "treatment"])


def coverage_text(coverage: pd.DataFrame, year: int) -> str:
    """The sentence above the table of :func:`number_coverage`: how many numbers, and
    whether every one is accounted for."""
    total = int(coverage["numbers"].sum())
    missing = int(coverage.loc[coverage["accounted"] == unaccounted_label(), "numbers"].sum())
    values = {"year": year, "total": number(total), "missing": number(missing)}
    if missing == 0:
        return n_("The {year} text contains **{total} number** other than plain years; every one of them is "
                  "accounted for.",
                  "The {year} text contains **{total} numbers** other than plain years; every one of them is "
                  "accounted for.", total).format(**values)
    return n_("The {year} text contains **{total} number** other than plain years; **{missing}** are not yet "
              "accounted for.",
              "The {year} text contains **{total} numbers** other than plain years; **{missing}** are not yet "
              "accounted for.", total).format(**values)
