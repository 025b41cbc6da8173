"""Organisations proposed for the reference table (``data/<year>/proposals.csv``): every
name a draft's sentence gives a partner or funder that ``organizations.csv`` does not
know (:mod:`.credit`), with its role, a guessed kind and the words that name it, for
the reviewer to add (status ``added``, with its ``org_id``) or reject.

Decisions stay decided, as for ``removed.csv``: re-ingesting keeps every proposal that
is added or rejected, and every proposal of a kept (reviewed) activity, as it is (id
too). A draft naming the same organisation in the same words (role, name and quote) is
not proposed again: an added one puts its ``org_id`` into the draft's partners or
funders, a rejected one is left out. Draft proposals of draft rows are proposed
afresh, with ids after the kept ones. A decided proposal whose draft row was drafted
again under another id follows it (the row whose quote holds its words); one whose
words no draft holds any more is dropped, with a warning."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, schema

DECIDED = ("added", "rejected")


def read(path: Path) -> pd.DataFrame:
    """proposals.csv as text (an empty table when there is none)."""
    if not Path(path).is_file():
        return pd.DataFrame(columns=schema.columns("proposals"), dtype=object)
    return csvio.read_text_table(path)


def _number(pid: str) -> int:
    m = re.search(r"-P(\d+)$", str(pid))
    return int(m.group(1)) if m else 0


def _add(values: dict, role: str, org_id: str) -> None:
    column = "funders" if role == "funder" else "partners"
    values[column] = csvio.join_list(set(csvio.split_list(values.get(column, ""))) | {org_id})


def _follow(kept: pd.DataFrame, rows: list, kept_ids: set[str], warnings: list[str]) -> pd.DataFrame:
    """Decided proposals of rows drafted again point to the row drafted now (or are dropped)."""
    out = []
    for p in kept.to_dict("records"):
        if p["activity_id"] in kept_ids:
            out.append(p)
            continue
        row = next((r for r in rows if r.table == "activities" and p["quote"] in r.quote), None)
        if row is None:
            warnings.append(f"proposals.csv: {p['proposal_id']} ({p['name']}, {p['status']}) no longer applies: no "
                            f"draft quotes its words any more; dropped")
            continue
        out.append({**p, "activity_id": row.values["activity_id"]})
    return pd.DataFrame(out, columns=schema.columns("proposals"))


def merged(rows: list, year: int, old: pd.DataFrame | None, kept_ids: set[str],
           warnings: list[str] | None = None) -> pd.DataFrame:
    """proposals.csv after this ingest: the kept proposals, then the new drafts'
    (``rows``: draft rows with ids, whose ``proposals`` :mod:`.credit` found)."""
    warnings = [] if warnings is None else warnings
    old = old if old is not None else read(Path("/nonexistent"))
    keep = old[old["status"].isin(DECIDED) | old["activity_id"].isin(kept_ids)]
    keep = _follow(keep, rows, kept_ids, warnings)
    decided = {(p.role, p.name): p for p in keep.itertuples(index=False) if p.status in DECIDED}
    n = max([_number(i) for i in keep["proposal_id"]] + [0]) + 1    # drafts numbered afresh: unchanged stays unchanged
    new = []
    for r in rows:
        for prop in getattr(r, "proposals", []):
            d = decided.get((prop.role, prop.name))
            if d is not None and d.quote in r.quote:
                if d.status == "added" and d.org_id:
                    _add(r.values, prop.role, d.org_id)
                continue
            new.append({"proposal_id": f"{int(year)}-P{n:03d}", "activity_id": r.values["activity_id"],
                        "role": prop.role, "name": prop.name, "acronym": prop.acronym, "kind": prop.kind,
                        "quote": prop.quote, "status": "draft", "org_id": ""})
            n += 1
    out = pd.concat([keep, pd.DataFrame(new, columns=schema.columns("proposals"))], ignore_index=True)
    return out.astype(str)
