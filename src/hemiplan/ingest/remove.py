"""Removing rows that are not data: ``hemiplan remove --year Y ID … --reason "…"``
deletes the rows from activities.csv or indicators.csv and records each in
``data/<year>/removed.csv`` with the reason, so that re-ingesting the report does not
draft them again (:mod:`.removed`). The translations of a removed activity's title, and the
organisations its drafts proposed (proposals.csv), go with it; a stated total that covers a
removed activity stops the removal (remove or correct the total first). Like accept, it
holds the year's lock, validates first and
writes every file at once or none."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, resolve_year, schema
from hemiplan.data.validate import ValidationError, validate_year
from hemiplan.ingest import guard, removed, write
from hemiplan.ingest.accept import ID_COLUMNS
from hemiplan.ingest.errors import IngestError


@dataclass
class Removed:
    """What a removal did: the rows removed, the translations that went with them, files written."""
    year: int
    removed: list[str] = field(default_factory=list)
    translations: int = 0
    proposals: int = 0
    written: list[Path] = field(default_factory=list)


def _covering(indicators: pd.DataFrame, gone: set[str]) -> list[str]:
    """Stated totals that cover a removed activity and are not removed themselves."""
    out = []
    for iid, covers in zip(indicators["indicator_id"], indicators["covers"]):
        hit = sorted(set(csvio.split_list(covers)) & gone)
        if hit and iid not in gone:
            out.append(f"{iid} covers {', '.join(hit)}")
    return out


def remove(year, ids, reason: str, data_dir=None) -> Removed:
    """Delete the rows with the given ids and record them in removed.csv with ``reason``."""
    ids, reason = list(dict.fromkeys(str(i).strip() for i in ids if str(i).strip())), str(reason or "").strip()
    if not ids:
        raise IngestError("name the rows to remove: their ids (activity_id or indicator_id)")
    if not reason:
        raise IngestError('give the reason: --reason "not an activity of the report: …"')
    y = resolve_year(year, data_dir)
    with guard.guarded(y, data_dir, f"remove of {y}") as read:
        problems = validate_year(y, data_dir)
        if problems:
            raise ValidationError(problems)
        return _remove(y, ids, reason, data_dir, read)


def _remove(y: int, ids: list[str], reason: str, data_dir, read: dict[str, str]) -> Removed:
    done, contents = removal(y, ids, reason, data_dir)
    writes, _ = write.changes(contents, write.umask_mode())
    guard.commit(y, data_dir, writes, read)
    done.written = [w[0] for w in writes]
    return done


def _not_data(path: Path, records: list[dict], not_data) -> str | None:
    """unrecorded.csv with a row for each (number, reason) of ``not_data`` in the
    paragraph of each removed row (None when there is nothing to add)."""
    new = [{"paragraph_id": r["paragraph_id"], "number": str(number).strip(), "reason": why, "note": note}
           for r in records for number, why, note in not_data if str(number).strip()]
    if not new:
        return None
    before = csvio.read_text_table(path) if path.is_file() else pd.DataFrame(columns=schema.columns("unrecorded"))
    have = set(zip(before["paragraph_id"], before["number"]))
    new = [n for n in new if (n["paragraph_id"], n["number"]) not in have]
    return write.table_text(pd.concat([before, pd.DataFrame(new, dtype=object)], ignore_index=True), "unrecorded")


def removal(y: int, ids: list[str], reason: str, data_dir, not_data=()) -> tuple[Removed, dict[Path, str]]:
    """What removing the rows would write, without writing it: (what it does, file → new
    content). ``not_data``: (number, reason, note) of numbers of the removed rows that are
    not data, recorded in unrecorded.csv for their paragraph (the review workbench's
    "a number that is not data")."""
    paths = {t: schema.table_path(t, y, data_dir) for t in (*ID_COLUMNS, "removed", "translations", "unrecorded", "proposals")}
    tables = {t: csvio.read_text_table(paths[t]) for t in ID_COLUMNS}
    found = {t: df[df[ID_COLUMNS[t]].isin(ids)] for t, df in tables.items()}
    unknown = [i for i in ids if not any(i in set(f[ID_COLUMNS[t]]) for t, f in found.items())]
    if unknown:
        raise IngestError(f"no row of {y} has the id {', '.join(unknown)}: nothing was changed")
    blocking = _covering(tables["indicators"], set(ids))
    if blocking:
        raise IngestError(f"stated totals cover rows to remove ({'; '.join(blocking)}): remove or correct them "
                          "first (or name them too); nothing was changed")
    records = [{"row_id": getattr(r, ID_COLUMNS[t]), "table": t, "paragraph_id": r.paragraph_id, "quote": r.quote,
                "figure": removed.figure(t, r), "reason": reason}
               for t, f in found.items() for r in f.itertuples(index=False)]
    before = removed.read(paths["removed"])
    contents = {paths[t]: df[~df[ID_COLUMNS[t]].isin(ids)].to_csv(index=False, lineterminator="\n")
                for t, df in tables.items() if len(found[t])}
    contents[paths["removed"]] = write.table_text(pd.concat([before, pd.DataFrame(records)], ignore_index=True),
                                                  "removed")
    unrecorded = _not_data(paths["unrecorded"], records, not_data)
    if unrecorded is not None:
        contents[paths["unrecorded"]] = unrecorded
    done = Removed(y, [r["row_id"] for r in records])
    if paths["translations"].is_file():
        tr = csvio.read_text_table(paths["translations"])
        gone = tr["activity_id"].isin(ids)
        if gone.any():
            done.translations = int(gone.sum())
            contents[paths["translations"]] = tr[~gone].to_csv(index=False, lineterminator="\n")
    if paths["proposals"].is_file():   # the organisations its drafts proposed go with a removed activity
        pr = csvio.read_text_table(paths["proposals"])
        gone = pr["activity_id"].isin(ids)
        if gone.any():
            done.proposals = int(gone.sum())
            contents[paths["proposals"]] = pr[~gone].to_csv(index=False, lineterminator="\n")
    return done, contents
