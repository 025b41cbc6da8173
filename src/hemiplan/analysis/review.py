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


def _activity_checks(r: dict, year: int) -> list[str]:
    out = []
    if not str(r.get("dependency", "")).strip():
        out.append(_("no dependency named"))
    if not csvio.split_list(r.get("countries", "")) and str(r.get("attendance", "")) != "multinational":
        out.append(_("no member state named"))
    if str(r.get("activity_type", "")) == "other":
        out.append(_("type of activity not recognised (other)"))
    if str(r.get("participants_qualifier", "")) in _LOOSE:
        out.append(_("participants are {what}").format(what=_loose(r["participants_qualifier"])))
    if str(r.get("participants_basis", "")) == "inferred":
        out.append(_("number of participants inferred, not stated"))
    if str(r.get("events_basis", "")) == "inferred":
        out.append(_("number of events inferred, not stated"))
    held = str(r.get("held_year", "")).strip()
    if held and held != str(year):
        out.append(_("held in {held}, not in {year}: kept, but not an activity of the year").format(held=held, year=year))
    return out


def _indicator_checks(r: dict) -> list[str]:
    out = []
    if str(r.get("qualifier", "")) in _LOOSE:
        out.append(_("value is {what}").format(what=_loose(r["qualifier"])))
    if str(r.get("ref_year", "")).strip():
        out.append(_("refers to {year}").format(year=r["ref_year"]))
    return out


def _rows(df: pd.DataFrame, kind: str, id_col: str, year: int) -> list[dict]:
    out = []
    for r in df[df["status"].str.strip() == "draft"].to_dict("records"):
        checks = _activity_checks(r, year) if kind == "activity" else _indicator_checks(r)
        if str(r.get("note", "")).strip():
            checks.append(_("note: {note}").format(note=r["note"].strip()))
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
