"""The review log of a year, ``data/<year>/review_log.csv`` (its schema:
``data/schema/review_log.schema.json``): every change the workbench writes, one entry
per changed cell or decision, appended in the same write as the change itself, so that
the log and the tables never disagree. The draft edition's Review page lists it
(:func:`hemiplan.analysis.review.log_entries`)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan.ingest import write

TABLE = "review_log"


@dataclass(frozen=True)
class Entry:
    action: str          # edit, accept, add, remove
    table: str
    row_id: str
    column: str = ""
    old: str = ""
    new: str = ""


def path(year: int, data_dir=None) -> Path:
    return schema.table_path(TABLE, year, data_dir)


def now() -> str:
    """The time of a change: UTC, ISO 8601 to the second."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read(log_path: Path) -> pd.DataFrame:
    """The log as text (an empty table when there is none)."""
    if not Path(log_path).is_file():
        return pd.DataFrame(columns=schema.columns(TABLE), dtype=object)
    return csvio.read_text_table(log_path)


def appended(log_path: Path, entries: list[Entry], when: str | None = None) -> str:
    """The log's text with ``entries`` added at its end, numbered on from its last entry."""
    before = read(log_path)
    last = pd.to_numeric(before["entry"], errors="coerce").max() if len(before) else 0
    start = int(last) + 1 if pd.notna(last) else len(before) + 1
    when = when or now()
    rows = [{"entry": str(start + i), "time": when, "action": e.action, "table": e.table, "row_id": e.row_id,
             "column": e.column, "old": e.old, "new": e.new} for i, e in enumerate(entries)]
    return write.table_text(pd.concat([before, pd.DataFrame(rows, dtype=object)], ignore_index=True), TABLE)


def diff(table: str, row_id: str, before: dict, after: dict) -> list[Entry]:
    """One edit entry per column whose value changed, in the table's column order."""
    cols = list(before) + [c for c in after if c not in before]
    return [Entry("edit", table, row_id, c, str(before.get(c, "")), str(after.get(c, "")))
            for c in cols if str(before.get(c, "")) != str(after.get(c, ""))]
