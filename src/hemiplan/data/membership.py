"""Membership is data: who was a member state in a given year, from ``member_from`` and
``member_until`` of member_states.csv. The one place this is computed (validation,
ingest and the chapters all ask here)."""
from __future__ import annotations

import pandas as pd


def members_in_year(member_states: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of ``member_states`` (typed or read as text) that were members in ``year``."""
    start = pd.to_numeric(member_states["member_from"].replace("", pd.NA), errors="coerce").fillna(0)
    until = pd.to_numeric(member_states["member_until"].replace("", pd.NA), errors="coerce").fillna(9999)
    keep = (start <= int(year)) & (until >= int(year))
    return member_states[keep.to_numpy()].reset_index(drop=True)


def member_codes(member_states: pd.DataFrame, year: int) -> set[str]:
    """ISO3 codes of the member states in ``year``."""
    return set(members_in_year(member_states, year)["iso3"])
