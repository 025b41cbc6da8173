"""Hand-made activity tables for analysis tests: the data contract's fields on when,
where, who and how a count is known, filled with the plain reading (held in the
table's report year, no host apart, people of the named states, one dependency,
counts as stated), so that a test sets only the fields it is about."""
from __future__ import annotations

import pandas as pd


def with_contract_defaults(df: pd.DataFrame, year: int = 9999) -> pd.DataFrame:
    """A copy of ``df`` with every missing contract column added at its plain value."""
    out = df.copy()
    people = out["participants"].notna() if "participants" in out else pd.Series(False, index=out.index)
    defaults = {
        "joint_with": "", "host": "", "note": "", "quote": "", "status": "reviewed",
        "attendance": people.map(lambda p: "named" if p else ""),
        "held_year": pd.array([year] * len(out), dtype="Int64"),
        "held_since": pd.array([None] * len(out), dtype="Int64"),
        "month": pd.array([None] * len(out), dtype="Int64"),
        "month_end": pd.array([None] * len(out), dtype="Int64"),
        "events_basis": "counted",
        "participants_basis": people.map(lambda p: "stated" if p else ""),
    }
    for column, value in defaults.items():
        if column not in out:
            out[column] = value
    return out
