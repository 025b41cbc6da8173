"""Validation: the shipped data pass, and each rule of the data contract catches one
small broken fixture with a message naming file, row, column and value."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hemiplan import cli
from hemiplan.data import schema
from hemiplan.data.validate import validate_year

from .conftest import snapshot

YEAR = 2031


def edit_cell(folder: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell (row is the 1-based data row) of a synthetic table."""
    path = folder / str(YEAR) / f"{table}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row - 1][column] = value
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


# (rule, table, row, column, bad value, expected message fragment)
CELL_CASES = [
    ("wrong type", "activities", 4, "participants", "many", "type error"),
    ("negative count", "activities", 4, "participants", "-4", "constraint error"),
    ("negative events", "activities", 6, "events", "-1", "constraint error"),
    ("month out of range", "activities", 4, "month", "13", "constraint error"),
    ("outside vocabulary", "activities", 1, "activity_type", "lecture", "constraint error"),
    ("unknown dependency", "activities", 1, "dependency", "OAS", "constraint error"),
    ("duplicate id", "activities", 2, "activity_id", "2031-A001", "unique"),
    ("dangling paragraph", "activities", 2, "paragraph_id", "2031-IX-01", "no such paragraph"),
    ("unknown country code", "activities", 1, "countries", "XYZ", "does not resolve to member_states.iso3"),
    ("non-member country", "activities", 1, "countries", "FRA", "does not resolve to member_states.iso3"),
    ("not a member that year", "activities", 1, "countries", "NIC", "does not resolve to member_states.iso3"),
    ("unknown organisation", "activities", 3, "partners", "nobody", "does not resolve to organizations.org_id"),
    ("unsorted list", "activities", 3, "countries", "ECU;BOL", "sorted"),
    ("quote not in paragraph", "activities", 4, "quote", "60 prosecutors were trained", "not an exact substring"),
    ("qualifier without participants", "activities", 1, "participants_qualifier", "exact", "must be empty"),
    ("participants without qualifier", "activities", 4, "participants_qualifier", "", "is required"),
    ("wrong year", "activities", 1, "year", "2030", "must have year 2031"),
    ("id of another year", "indicators", 1, "indicator_id", "2030-I001", "start with '2031-'"),
    ("negative indicator", "indicators", 1, "value", "-27", "constraint error"),
    ("indicator quote", "indicators", 1, "quote", "reached 72", "not an exact substring"),
    ("dangling covers", "indicators", 3, "covers", "2031-A004;2031-A099", "does not resolve to activities.activity_id"),
    ("duplicate paragraph id", "paragraphs", 2, "paragraph_id", "2031-I-01", "unique"),
    ("line span reversed", "paragraphs", 2, "line_end", "1", "ends before it starts"),
    ("line past end of report", "paragraphs", 2, "line_end", "999", "past the end"),
    ("paragraph country", "paragraphs", 2, "countries", "ESP", "does not resolve"),
    ("unrecorded number not in text", "unrecorded", 1, "number", "seventy", "does not occur"),
    # when, where, who and how known (the judgement rules: data/judgements.py)
    ("held in another year without a note", "activities", 1, "held_year", "2030", "held in 2030, not in the report year"),
    ("held year outside range", "activities", 1, "held_year", "1800", "constraint error"),
    ("span without a note", "activities", 1, "held_since", "2029", "held over a span of years"),
    ("span that does not end later", "activities", 1, "held_since", "2031", "must be earlier than held_year"),
    ("end month without a month", "activities", 3, "month_end", "6", "needs month"),
    ("end month before month", "activities", 1, "month_end", "2", "is before month"),
    ("inferred events without a note", "activities", 1, "events_basis", "inferred", "an inferred count"),
    ("inferred participants without a note", "activities", 4, "participants_basis", "inferred", "an inferred count"),
    ("basis outside vocabulary", "activities", 1, "events_basis", "guessed", "constraint error"),
    ("participants without a basis", "activities", 4, "participants_basis", "", "is required when participants is given"),
    ("basis without participants", "activities", 1, "participants_basis", "stated", "must be empty when participants is empty"),
    ("participants without attendance", "activities", 4, "attendance", "", "whose people were they"),
    ("attendance outside vocabulary", "activities", 4, "attendance", "crowd", "constraint error"),
    ("multinational without a note", "activities", 4, "attendance", "multinational", "multinational attendance"),
    ("joint work without a note", "activities", 1, "joint_with", "CICTE", "joint work"),
    ("joint with itself", "activities", 4, "joint_with", "CICAD", "names the lead dependency CICAD again"),
    ("joint with an unknown dependency", "activities", 1, "joint_with", "OAS", "constraint error"),
    ("unknown host", "activities", 1, "host", "XYZ", "does not resolve to member_states.iso3"),
    ("qualifier outside vocabulary", "activities", 4, "participants_qualifier", "roughly", "constraint error"),
    ("stated total without a dependency", "indicators", 3, "dependency", "", "is required for a stated total"),
    ("indicator qualifier outside vocabulary", "indicators", 1, "qualifier", "roughly", "constraint error"),
    ("indicator without a qualifier", "indicators", 1, "qualifier", "", "constraint error"),
]


def test_shipped_data_pass():
    from hemiplan import data
    for year in data.available_years():
        assert validate_year(year) == [], f"data/{year} fails validation"


def test_synthetic_data_pass(synthetic_copy):
    for year in (2030, 2031):
        assert validate_year(year, synthetic_copy) == []


@pytest.mark.parametrize("rule,table,row,column,value,fragment", CELL_CASES, ids=[c[0] for c in CELL_CASES])
def test_rule_is_enforced(synthetic_copy, capsys, rule, table, row, column, value, fragment):
    if table == "unrecorded":
        (synthetic_copy / str(YEAR) / "unrecorded.csv").write_text(
            "paragraph_id,number,reason,note\n2031-I-01,two,other,x\n", encoding="utf-8")
    edit_cell(synthetic_copy, table, row, column, value)
    before = snapshot(synthetic_copy)
    problems = validate_year(YEAR, synthetic_copy)
    matching = [p for p in problems if fragment in p.message and p.column == column]
    assert matching, f"{rule}: no problem mentioning {fragment!r} on {column}; got {[str(p) for p in problems]}"
    p = matching[0]
    assert p.file.endswith(f"{YEAR}/{table}.csv")
    assert p.row == row
    bad_item = value.split(";")[-1] if table != "indicators" or column != "covers" else "2031-A099"
    assert p.value in (value, bad_item) or (p.value or "").startswith(value[:3])
    # The command line says the same, exits non-zero, and changes nothing on disk.
    assert cli.main(["validate", "--year", str(YEAR), "--data-dir", str(synthetic_copy)]) == 1
    err = capsys.readouterr().err
    assert f"{table}.csv, row {row} (line {row + 1}), column {column}" in err
    assert snapshot(synthetic_copy) == before


def rewrite_header(folder: Path, table: str, transform) -> None:
    path = folder / str(YEAR) / f"{table}.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = transform(lines)
    path.write_text("".join(lines), encoding="utf-8")


def test_missing_column(synthetic_copy):
    def drop_last(lines):
        return [",".join(line.rstrip("\n").split(",")[:-1]) + "\n" if i == 0 else line for i, line in enumerate(lines)]
    rewrite_header(synthetic_copy, "indicators", drop_last)
    dropped = schema.columns("indicators")[-1]
    problems = validate_year(YEAR, synthetic_copy)
    assert any("indicators.csv" in p.file and "missing label" in p.message and p.column == dropped for p in problems), \
        [str(p) for p in problems]


def test_extra_column(synthetic_copy):
    def add(lines):
        return [line.rstrip("\n") + (",comment\n" if i == 0 else ",x\n") for i, line in enumerate(lines)]
    rewrite_header(synthetic_copy, "activities", add)
    problems = validate_year(YEAR, synthetic_copy)
    assert any("activities.csv" in p.file and "extra label" in p.message and p.value == "comment" for p in problems), \
        [str(p) for p in problems]


def test_not_utf8(synthetic_copy):
    path = synthetic_copy / str(YEAR) / "indicators.csv"
    path.write_bytes(path.read_bytes().replace("CSIRTs".encode(), "CSIRT\xe9s".encode("latin-1")))
    problems = validate_year(YEAR, synthetic_copy)
    assert any("indicators.csv" in p.file and "not UTF-8" in p.message and p.row == 1 for p in problems), \
        [str(p) for p in problems]


def test_missing_table(synthetic_copy):
    (synthetic_copy / str(YEAR) / "indicators.csv").unlink()
    problems = validate_year(YEAR, synthetic_copy)
    assert any("indicators.csv" in p.file and "missing file" in p.message for p in problems)


def test_year_without_data(synthetic_copy, capsys):
    assert cli.main(["validate", "--year", "1999", "--data-dir", str(synthetic_copy)]) == 2
    err = capsys.readouterr().err
    assert "no data for year 1999" in err and "2030, 2031" in err
