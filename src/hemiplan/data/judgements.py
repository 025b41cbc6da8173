"""The data contract's rules on when, where, who and how a figure is known: every row
that rests on a reviewer's judgement (held in another year or over a span, an inferred
count, joint work, multinational attendance) must say why in its ``note``, and the
fields that qualify a figure must agree with it.

Each rule yields (row, column, value, message) for the validator to report; rows are
1-based data rows of the text table (every cell a string)."""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

Finding = tuple[int, str, str, str]


def _blank(value: str) -> bool:
    return not str(value).strip()


def _needs_note(row, why: str, column: str, value: str, i: int) -> Iterator[Finding]:
    if _blank(row.note):
        yield i, column, value, f"{why}: a note must say why (the reviewer's reading of the text)"


def _when(row, i: int, year: int | None) -> Iterator[Finding]:
    held = row.held_year.strip()
    if year is not None and held.isdigit() and int(held) != year:
        yield from _needs_note(row, f"held in {held}, not in the report year {year}", "held_year", held, i)
    since = row.held_since.strip()
    if since:
        if held.isdigit() and since.isdigit() and int(since) >= int(held):
            yield i, "held_since", since, f"must be earlier than held_year ({held})"
        yield from _needs_note(row, "held over a span of years", "held_since", since, i)
    end = row.month_end.strip()
    if end:
        start = row.month.strip()
        if not start:
            yield i, "month_end", end, "needs month (the first month of the span)"
        elif start.isdigit() and end.isdigit() and int(end) < int(start):
            yield i, "month_end", end, f"is before month ({start})"


def _counts(row, i: int) -> Iterator[Finding]:
    people = row.participants.strip()
    basis = row.participants_basis.strip()
    if people and not basis:
        yield i, "participants_basis", basis, "is required when participants is given (stated, counted or inferred)"
    if basis and not people:
        yield i, "participants_basis", basis, "must be empty when participants is empty"
    if people and _blank(row.attendance):
        yield i, "attendance", row.attendance, ("is required when participants is given "
                                                "(named, multinational or unstated): whose people were they?")
    for column in ("events_basis", "participants_basis"):
        if getattr(row, column).strip() == "inferred":
            yield from _needs_note(row, "an inferred count", column, "inferred", i)


def _who(row, i: int) -> Iterator[Finding]:
    joint = row.joint_with.strip()
    if joint:
        if row.dependency in joint.split(";"):
            yield i, "joint_with", joint, f"names the lead dependency {row.dependency} again"
        yield from _needs_note(row, "joint work", "joint_with", joint, i)
    if row.attendance.strip() == "multinational":
        yield from _needs_note(row, "multinational attendance", "attendance", "multinational", i)


def activity_findings(activities: pd.DataFrame, year: int | None) -> Iterator[Finding]:
    """Every judgement rule broken by a row of activities.csv."""
    for i, row in enumerate(activities.itertuples(index=False), start=1):
        yield from _when(row, i, year)
        yield from _counts(row, i)
        yield from _who(row, i)


def indicator_findings(indicators: pd.DataFrame) -> Iterator[Finding]:
    """A stated total must say whose work it states, so that it can stand for it."""
    for i, row in enumerate(indicators.itertuples(index=False), start=1):
        if row.covers.strip() and _blank(row.dependency):
            yield i, "dependency", row.dependency, "is required for a stated total (covers is given)"
