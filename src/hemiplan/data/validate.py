"""Validation of a year's tables and the reference tables against their schemas
and the cross-table rules of the data contract.

Every problem names the file, the row (data row, 1-based; the file line is row + 1),
the column and the offending value."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan import paths


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row} (line {self.row + 1})")
        if self.column:
            where.append(f"column {self.column}")
        if self.value is not None:
            where.append(f"value {self.value!r}")
        return ", ".join(where) + f": {self.message}"


class ValidationError(ValueError):
    """Raised by ``hemiplan.data.load`` when a year's data fail validation."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        head = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} validation problem(s):\n{head}{more}")


def display_path(path: Path) -> str:
    path = Path(path)
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def _frictionless_problems(path: Path, table: str) -> list[Problem]:
    from frictionless import Dialect, Resource, Schema
    from frictionless.formats import CsvControl

    # Foreign keys span tables: they are checked below, with the other cross-table rules.
    descriptor = {k: v for k, v in schema.descriptor(table).items() if k != "foreignKeys"}
    res = Resource(path=path.name, basepath=str(path.parent), schema=Schema.from_descriptor(descriptor),
                   format="csv", encoding="utf-8",
                   dialect=Dialect(controls=[CsvControl(delimiter=",")]))
    report = res.validate()
    problems = []
    shown = display_path(path)
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None)
            column = getattr(err, "field_name", None) or getattr(err, "label", None) or None
            cell = getattr(err, "cell", None)
            note = getattr(err, "note", "") or ""
            msg = f"{err.title.lower()}: {note}" if note else err.message
            if err.type in ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label"):
                expected = ", ".join(schema.columns(table))
                msg = f"{err.title.lower()} (the header must be: {expected})"
                cell = getattr(err, "label", cell)
                row = None
            problems.append(Problem(shown, (row - 1) if row else None, column, cell, msg))
    return problems


class _Checker:
    def __init__(self, year: int | None, data_dir):
        self.year = year
        self.data_dir = data_dir
        self.problems: list[Problem] = []
        self.frames: dict[str, pd.DataFrame] = {}
        self.files: dict[str, Path] = {}

    def add(self, table: str, row: int | None, column: str | None, value, message: str):
        self.problems.append(Problem(display_path(self.files[table]), row, column,
                                     None if value is None else str(value), message))

    def load(self, table: str, path: Path) -> bool:
        self.files[table] = path
        if not path.is_file():
            self.problems.append(Problem(display_path(path), None, None, None, f"missing file: the {table} table is required"))
            return False
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[: exc.start].count(b"\n") + 1
            self.problems.append(Problem(display_path(path), line - 1 if line > 1 else None, None,
                                         repr(path.read_bytes()[exc.start:exc.start + 4]),
                                         f"not UTF-8 text (byte {exc.start} on line {line})"))
            return False
        before = len(self.problems)
        self.problems.extend(_frictionless_problems(path, table))
        header_broken = any(p.row is None and "label" in p.message for p in self.problems[before:])
        if header_broken:
            return False
        try:
            self.frames[table] = csvio.read_text_table(path)
        except Exception as exc:  # a file frictionless accepted but pandas cannot parse
            self.problems.append(Problem(display_path(path), None, None, None, f"cannot be read as CSV: {exc}"))
            return False
        return True

    # --- cross-table rules -------------------------------------------------
    def check_lists(self, table: str, targets: dict[str, set[str]]):
        df = self.frames.get(table)
        if df is None:
            return
        for column, target in schema.list_columns(table).items():
            allowed = targets.get(target)
            for i, cell in enumerate(df[column], start=1):
                items = csvio.split_list(cell)
                if not items:
                    continue
                if cell != csvio.join_list(items):
                    self.add(table, i, column, cell, f"lists are ';'-separated, sorted and without repeats: expected {csvio.join_list(items)!r}")
                if allowed is None:
                    continue
                for item in items:
                    if item not in allowed:
                        self.add(table, i, column, item, f"does not resolve to {target}")

    def check_year(self, table: str):
        df = self.frames.get(table)
        if df is None or self.year is None:
            return
        key = schema.primary_key(table)
        for i, (y, ident) in enumerate(zip(df["year"], df[key]), start=1):
            if y.strip() and y.strip() != str(self.year):
                self.add(table, i, "year", y, f"rows of data/{self.year} must have year {self.year}")
            if ident and not ident.startswith(f"{self.year}-"):
                self.add(table, i, key, ident, f"ids of {self.year} start with '{self.year}-'")

    def check_paragraph_refs(self, table: str, para_text: dict[str, str]):
        df = self.frames.get(table)
        if df is None:
            return
        for i, (pid, quote) in enumerate(zip(df["paragraph_id"], df["quote"]), start=1):
            if pid not in para_text:
                self.add(table, i, "paragraph_id", pid, "no such paragraph in paragraphs.csv")
            elif quote and quote not in para_text[pid]:
                self.add(table, i, "quote", quote, f"is not an exact substring of the text of paragraph {pid}")


def validate_year(year: int | None, data_dir=None) -> list[Problem]:
    """Every problem in the reference tables and, if ``year`` is given, in that year's tables."""
    c = _Checker(year, data_dir)
    for table in schema.REFERENCE_TABLES:
        c.load(table, schema.table_path(table, data_dir=data_dir))
    if year is not None:
        ydir = paths.year_dir(year, data_dir)
        if not ydir.is_dir():
            from hemiplan.data import available_years
            years = available_years(data_dir)
            return [Problem(display_path(ydir), None, None, str(year),
                            f"no data for year {year}; years with data: {', '.join(map(str, years)) or 'none'}")]
        for table in schema.YEAR_TABLES:
            c.load(table, schema.table_path(table, year, data_dir))
        for table in schema.OPTIONAL_YEAR_TABLES:
            path = schema.table_path(table, year, data_dir)
            if path.is_file():
                c.load(table, path)

    ms = c.frames.get("member_states")
    members = set(ms["iso3"]) if ms is not None else set()
    if ms is not None and year is not None:
        t = csvio.typed(ms, "member_states")
        members_this_year = set(t.loc[(t.member_from <= year) & (t.member_until.isna() | (t.member_until >= year)), "iso3"])
    else:
        members_this_year = members
    orgs = set(c.frames["organizations"]["org_id"]) if "organizations" in c.frames else set()
    activity_ids = set(c.frames["activities"]["activity_id"]) if "activities" in c.frames else set()
    targets = {
        "member_states.iso3": members_this_year,
        "organizations.org_id": orgs,
        "dependencies": set(schema.dependencies()),
        "activities.activity_id": activity_ids,
    }
    places = c.frames.get("places")
    if places is not None and ms is not None:
        for i, code in enumerate(places["iso3"], start=1):
            if code and code not in members:
                c.add("places", i, "iso3", code, "is not a member state in member_states.csv")

    if year is not None:
        for table in schema.YEAR_TABLES:
            c.check_lists(table, targets)
            c.check_year(table)
        paras = c.frames.get("paragraphs")
        if paras is not None:
            text = dict(zip(paras["paragraph_id"], paras["text"]))
            for table in ("activities", "indicators"):
                c.check_paragraph_refs(table, text)
            unrec = c.frames.get("unrecorded")
            if unrec is not None:
                for i, (pid, num) in enumerate(zip(unrec["paragraph_id"], unrec["number"]), start=1):
                    if pid not in text:
                        c.add("unrecorded", i, "paragraph_id", pid, "no such paragraph in paragraphs.csv")
                    elif num not in text[pid]:
                        c.add("unrecorded", i, "number", num, f"does not occur in the text of paragraph {pid}")
            raw = paths.raw_report(year, data_dir)
            n_lines = len(raw.read_text(encoding="utf-8").splitlines()) if raw.is_file() else None
            for i, (a, b) in enumerate(zip(paras["line_start"], paras["line_end"]), start=1):
                if a.isdigit() and b.isdigit():
                    if int(b) < int(a):
                        c.add("paragraphs", i, "line_end", b, f"ends before it starts (line_start {a})")
                    if n_lines is not None and int(b) > n_lines:
                        c.add("paragraphs", i, "line_end", b, f"is past the end of {display_path(raw)} ({n_lines} lines)")
        acts = c.frames.get("activities")
        if acts is not None:
            for i, (p, q) in enumerate(zip(acts["participants"], acts["participants_qualifier"]), start=1):
                if p.strip() and not q.strip():
                    c.add("activities", i, "participants_qualifier", q, "is required when participants is given (exact, approx or more_than)")
                if q.strip() and not p.strip():
                    c.add("activities", i, "participants_qualifier", q, "must be empty when participants is empty")
    return c.problems


def validate_all(data_dir=None) -> dict[int | None, list[Problem]]:
    from hemiplan.data import available_years

    out: dict[int | None, list[Problem]] = {None: validate_year(None, data_dir)}
    for y in available_years(data_dir):
        out[y] = [p for p in validate_year(y, data_dir) if p not in out[None]]
    return out
