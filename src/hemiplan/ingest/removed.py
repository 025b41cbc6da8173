"""Decisions that stay decided: the rows a reviewer removed (``data/<year>/removed.csv``)
and the numbers that are not data (``unrecorded.csv``) are not drafted again.

A draft is left out when its table, paragraph, quote and figure are those of a removed
row, or when every number it is about is listed in ``unrecorded.csv`` for its paragraph.
``hemiplan remove --year Y ID … --reason "…"`` (:mod:`.remove`) deletes rows and records
them here."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan.reading import numbers

#: The columns whose values a row states, per table, in the order ``figure`` names them.
_STATED = {"activities": ("events", "participants"), "indicators": ("value",)}


def _number_text(v) -> str:
    """'3.0', 3, '3' → '3'; '' and None → ''."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    s = str(v).strip()
    try:
        f = float(s)
    except ValueError:
        return s
    return str(int(f)) if f.is_integer() else repr(f)


def figure(table: str, values) -> str:
    """What a row states, as removed.csv records it: 'events 1; participants 40', 'value 3'."""
    get = values.get if hasattr(values, "get") else (lambda c, d="": getattr(values, c, d))
    parts = [f"{c} {_number_text(get(c, ''))}" for c in _STATED[table] if _number_text(get(c, ""))]
    return "; ".join(parts)


def read(path: Path) -> pd.DataFrame:
    """removed.csv as text (an empty table when there is none)."""
    if not Path(path).is_file():
        return pd.DataFrame(columns=schema.columns("removed"), dtype=object)
    return csvio.read_text_table(path)


def keys(removed: pd.DataFrame) -> set[tuple[str, str, str, str]]:
    """(table, paragraph_id, quote, figure) of every removed row."""
    return set(zip(removed["table"], removed["paragraph_id"], removed["quote"], removed["figure"]))


def listed_numbers(path: Path) -> set[tuple[str, str]]:
    """(paragraph_id, number) of every row of unrecorded.csv (none when there is no file)."""
    if not Path(path).is_file():
        return set()
    df = csvio.read_text_table(path)
    return set(zip(df["paragraph_id"], df["number"]))


def is_removed(row, removed_keys: set, unrecorded: set, text: str) -> bool:
    """Whether a draft row (``ingest.draft._Row``) was decided already: removed by the
    reviewer, or about numbers that are not data. Read in the report's language."""
    if (row.table, row.paragraph_id, row.quote, figure(row.table, row.values)) in removed_keys:
        return True
    if not row.figure or not unrecorded:
        return False
    inside = [n.text for n in numbers.find_numbers(text)
              if any(a <= n.start and n.end <= b for a, b in row.anchors)]
    return bool(inside) and all((row.paragraph_id, n) in unrecorded for n in inside)


def id_numbers(removed: pd.DataFrame, table: str) -> list[str]:
    """The ids removed from a table (new drafts never get them)."""
    return list(removed.loc[removed["table"] == table, "row_id"])
