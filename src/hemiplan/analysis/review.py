"""What a reviewer of a draft edition has to check: the draft rows, grouped by
paragraph in report order, each with its quote and the fields that need a look (read
from the row itself, so that the list holds whoever drafted the row)."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis.sections import paragraph_key
from hemiplan.data import csvio
from hemiplan.language import _, p_

#: Qualifiers that make a number approximate (the English words; :func:`_loose` gives
#: them in the page's language).
_LOOSE = {"approx": "approximate", "more_than": "a floor (more than)", "at_least": "a floor (at least)",
          "up_to": "a ceiling (up to)"}


def _loose(qualifier: str) -> str:
    """What a loose qualifier makes a number, in the page's language."""
    words = {"approx": p_("review check", "approximate"), "more_than": p_("review check", "a floor (more than)"),
             "at_least": p_("review check", "a floor (at least)"), "up_to": p_("review check", "a ceiling (up to)")}
    return words[qualifier]


def activity_flags(r: dict, year: int) -> list[tuple[str, str]]:
    """What to check in an activity row, as (kind, sentence): the kind is a stable key
    (``dependency``, ``no_state``, ``other_type``, ``loose``, ``inferred``,
    ``held_elsewhere``) that the review workbench filters by."""
    out = []
    if not str(r.get("dependency", "")).strip():
        out.append(("dependency", _("no dependency named")))
    if not csvio.split_list(r.get("countries", "")) and str(r.get("attendance", "")) != "multinational":
        out.append(("no_state", _("no member state named")))
    if str(r.get("activity_type", "")) == "other":
        out.append(("other_type", _("type of activity not recognised (other)")))
    if str(r.get("participants_qualifier", "")) in _LOOSE:
        out.append(("loose", _("participants are {what}").format(what=_loose(r["participants_qualifier"]))))
    if str(r.get("participants_basis", "")) == "inferred":
        out.append(("inferred", _("number of participants inferred, not stated")))
    if str(r.get("events_basis", "")) == "inferred":
        out.append(("inferred", _("number of events inferred, not stated")))
    held = str(r.get("held_year", "")).strip()
    if held and held != str(year):
        out.append(("held_elsewhere", _("held in {held}, not in {year}: kept, but not an activity of the "
                                        "year").format(held=held, year=year)))
    return out


def _activity_checks(r: dict, year: int) -> list[str]:
    """The sentences of :func:`activity_flags` (what the Review page lists)."""
    return [sentence for _kind, sentence in activity_flags(r, year)]


def indicator_flags(r: dict) -> list[tuple[str, str]]:
    """What to check in a figure (indicators) row, as (kind, sentence): ``loose``, ``ref_year``."""
    out = []
    if str(r.get("qualifier", "")) in _LOOSE:
        out.append(("loose", _("value is {what}").format(what=_loose(r["qualifier"]))))
    if str(r.get("ref_year", "")).strip():
        out.append(("ref_year", _("refers to {year}").format(year=r["ref_year"])))
    return out


def flags(r: dict, kind: str, year: int) -> list[tuple[str, str]]:
    """Every (kind, sentence) to check in a row of either table, its draft note last
    (kind ``note``: where ingest writes its judgements)."""
    out = activity_flags(r, year) if kind == "activity" else indicator_flags(r)
    if str(r.get("note", "")).strip():
        out.append(("note", _("note: {note}").format(note=str(r["note"]).strip())))
    return out


def _rows(df: pd.DataFrame, kind: str, id_col: str, year: int) -> list[dict]:
    out = []
    for r in df[df["status"].str.strip() == "draft"].to_dict("records"):
        checks = [sentence for _kind, sentence in flags(r, kind, year)]
        what = r.get("title") if kind == "activity" else f"{r.get('indicator', '')} = {r.get('value', '')} {r.get('unit', '')}"
        out.append({"id": r[id_col], "kind": kind, "paragraph_id": r["paragraph_id"], "what": str(what).strip(),
                    "quote": r.get("quote", ""), "checks": checks})
    return out


def pending(paragraphs: pd.DataFrame, activities: pd.DataFrame, indicators: pd.DataFrame,
            year: int) -> list[dict]:
    """The draft rows grouped by paragraph, in report order: one dict per paragraph
    (``paragraph_id``, ``section``, ``text``, ``rows``), each row with its id, kind,
    what it records, its quote and the checks it needs. Tables as read from the CSV
    files (text cells)."""
    rows = _rows(activities, "activity", "activity_id", year) + _rows(indicators, "figure", "indicator_id", year)
    text = dict(zip(paragraphs["paragraph_id"], paragraphs["text"]))
    section = dict(zip(paragraphs["paragraph_id"], paragraphs["section"]))
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["paragraph_id"], []).append(r)
    return [{"paragraph_id": pid, "section": section.get(pid, ""), "text": text.get(pid, ""),
             "rows": sorted(groups[pid], key=lambda r: r["id"])}
            for pid in sorted(groups, key=paragraph_key)]


def listing(groups: list[dict], year: int) -> str:
    """The review list as plain text (``hemiplan review``)."""
    n = sum(len(g["rows"]) for g in groups)
    if not n:
        return f"{year}: no draft row: the edition is reviewed"
    out = [f"{year}: {n} draft row(s) in {len(groups)} paragraph(s) to review"]
    for g in groups:
        out.append("")
        out.append(f"{g['paragraph_id']} (section {g['section']})")
        for r in g["rows"]:
            out.append(f"  {r['id']}  {r['kind']}: {r['what']}")
            out.append(f"      sentence: {' '.join(str(r['quote']).split())}")
            for c in r["checks"]:
                out.append(f"      check: {c}")
    out.append("")
    out.append(f"accept after checking: hemiplan accept --year {year} ID … | --paragraph PARAGRAPH_ID")
    return "\n".join(out)


#: The columns of the review log as the Review page shows them, in its order.
LOG_COLUMNS = ("time", "action", "row_id", "column", "old", "new")


def log_entries(log: pd.DataFrame | None) -> pd.DataFrame:
    """The review log (``review_log.csv`` as text, or None when there is none) as the
    Review page lists it: one row per change, in the order written, with the time,
    the action, the row (``table/row_id`` for a table other than activities and
    indicators), the column and the values before and after."""
    if log is None or log.empty:
        return pd.DataFrame(columns=list(LOG_COLUMNS))
    out = log.copy()
    out["order"] = pd.to_numeric(out["entry"], errors="coerce")
    out = out.sort_values("order", kind="stable")
    own = out["table"].isin(["activities", "indicators"])
    out.loc[~own, "row_id"] = out.loc[~own, "table"] + "/" + out.loc[~own, "row_id"]
    return out.loc[:, list(LOG_COLUMNS)].reset_index(drop=True)
