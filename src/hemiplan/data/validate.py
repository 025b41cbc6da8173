"""Validation of a year's tables and the reference tables against their schemas
and the cross-table rules of the data contract.

Every problem names the file, the row (data row, 1-based; the file line is row + 1),
the column and the offending value."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycountry

from hemiplan import paths
from hemiplan.data import csvio, journal, judgements, membership, schema
from hemiplan.data.years import IncompleteYearError, available_years, display_path, year_folders


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


#: Frictionless's own words for a row, turned into the convention of every problem here.
_POSITION_RE = re.compile(r'(?:the )?row at position "?(\d+)"?', re.I)
_LABEL_ERRORS = ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label")


def _lines(note: str) -> str:
    """'the same as in the row at position 3' → 'the same as in row 2 (line 3)'."""
    return _POSITION_RE.sub(lambda m: f"row {int(m.group(1)) - 1} (line {m.group(1)})", note)


def _header_problems(path: Path, table: str) -> list[Problem]:
    """A header that is not the schema's: one problem per missing or extra column (or one
    for columns out of order); its rows are then not checked, since every cell would be
    misplaced."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    expected = schema.columns(table)
    must = f"(the header must be: {', '.join(expected)}); the rows were not checked"
    shown = display_path(path)
    out = [Problem(shown, None, c, None, f"missing label: the header has no column {c} {must}")
           for c in expected if c not in header]
    out += [Problem(shown, None, None, c, f"extra label: {c or 'a blank name'} is not a column of {table} {must}")
            for c in header if c not in expected]
    return out or [Problem(shown, None, None, ", ".join(header), f"incorrect label: the columns are out of order {must}")]


def _frictionless_problems(path: Path, table: str) -> list[Problem]:
    # deferred: frictionless is heavy, and a chapter whose data passed validation before
    # (ensure_valid's marker) never needs it
    from frictionless import Dialect, Resource, Schema
    from frictionless.formats import CsvControl

    # Foreign keys span tables: they are checked below, with the other cross-table rules.
    descriptor = {k: v for k, v in schema.descriptor(table).items() if k != "foreignKeys"}
    res = Resource(path=path.name, basepath=str(path.parent), schema=Schema.from_descriptor(descriptor),
                   format="csv", encoding="utf-8",
                   dialect=Dialect(controls=[CsvControl(delimiter=",")]))
    report = res.validate()
    errors = [err for task in report.tasks for err in task.errors]
    if any(err.type in _LABEL_ERRORS for err in errors):
        return _header_problems(path, table)
    key = schema.descriptor(table)["primaryKey"]
    header = schema.columns(table)
    # a row with missing or extra cells is one problem, not one per cell and constraint
    odd_rows: dict[int, list[str]] = {}
    for err in errors:
        if err.type in ("missing-cell", "extra-cell"):
            odd_rows.setdefault(err.row_number, []).append(getattr(err, "field_name", "") or "")
    problems = []
    shown = display_path(path)
    for n, names in odd_rows.items():
        missing = [x for x in names if x in header]
        msg = (f"has too few cells (missing {', '.join(missing)}): a row has {len(header)} cells, as the header"
               if missing else f"has more cells than the header's {len(header)}")
        problems.append(Problem(shown, n - 1, None, None, msg))
    for err in errors:
        row = getattr(err, "row_number", None)
        if row in odd_rows or (err.type == "unique-error" and getattr(err, "field_name", None) in key):
            continue   # reported once above, or as the repeated key below
        column = getattr(err, "field_name", None) or getattr(err, "label", None) or None
        cell = getattr(err, "cell", None)
        note = _lines(getattr(err, "note", "") or "")
        if err.type == "primary-key":
            note = note.replace("the same as in ", "")
        msg = f"{err.title.lower()}: {note}" if note else _lines(err.message)
        if err.type == "primary-key":
            # a repeated key: name its columns and values, like the other problems
            cells = list(getattr(err, "cells", None) or [])
            column = ", ".join(key)
            cell = ", ".join(cells[header.index(k)] if header.index(k) < len(cells) else "" for k in key)
            msg = f"is not unique: repeats the key ({column}) of {note}" if note else "is not unique: repeats the key of an earlier row"
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
        self.check_invisible(table)
        return True

    def check_invisible(self, table: str):
        """No cell holds a control character or an invisible format character (ESC, BEL,
        DEL, U+202E…): each is named with its position in the cell."""
        df = self.frames[table]
        for column in df.columns:
            for i, cell in enumerate(df[column], start=1):
                found = csvio.invisible(cell)
                if found:
                    where = ", ".join(f"{csvio.char_name(ch)} at character {pos + 1}" for pos, ch in found[:5])
                    more = f" and {len(found) - 5} more" if len(found) > 5 else ""
                    self.add(table, i, column, cell, f"holds {where}{more}: control and invisible characters "
                             "are refused (they change how a text reads or prints without showing)")

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

    def check_unrecorded(self, para_text: dict[str, str]):
        unrec = self.frames.get("unrecorded")
        if unrec is None:
            return
        for i, (pid, num) in enumerate(zip(unrec["paragraph_id"], unrec["number"]), start=1):
            if pid not in para_text:
                self.add("unrecorded", i, "paragraph_id", pid, "no such paragraph in paragraphs.csv")
            elif num not in para_text[pid]:
                self.add("unrecorded", i, "number", num, f"does not occur in the text of paragraph {pid}")

    def check_removed(self, para_text: dict[str, str]):
        """A removed row names the table it left by its id, is in no table any more,
        and quotes its paragraph exactly."""
        rem = self.frames.get("removed")
        if rem is None:
            return
        live = set().union(*(set(self.frames[t].iloc[:, 0]) for t in ("activities", "indicators") if t in self.frames))
        letter = {"activities": "A", "indicators": "I"}
        for i, (rid, table, pid, quote) in enumerate(zip(rem["row_id"], rem["table"], rem["paragraph_id"],
                                                         rem["quote"]), start=1):
            if rid and not rid.startswith(f"{self.year}-"):
                self.add("removed", i, "row_id", rid, f"ids of {self.year} start with '{self.year}-'")
            elif table in letter and rid and not rid.startswith(f"{self.year}-{letter[table]}"):
                self.add("removed", i, "row_id", rid, f"is not an id of {table} ({self.year}-{letter[table]}…)")
            if rid in live:
                self.add("removed", i, "row_id", rid, "is still a row of its table: a row is kept or removed, "
                         "not both")
            if pid not in para_text:
                self.add("removed", i, "paragraph_id", pid, "no such paragraph in paragraphs.csv")
            elif quote and quote not in para_text[pid]:
                self.add("removed", i, "quote", quote, f"is not an exact substring of the text of paragraph {pid}")

    def check_proposals(self, para_text: dict[str, str], org_ids: set[str]):
        """Organisations proposed by ingest (proposals.csv): the activity resolves, the
        quote is in its paragraph, and an added one names its organisation in
        organizations.csv (role, kind and status are checked against the schema)."""
        props, acts = self.frames.get("proposals"), self.frames.get("activities")
        if props is None or acts is None:
            return
        para_of = dict(zip(acts["activity_id"], acts["paragraph_id"]))
        for i, r in enumerate(props.itertuples(index=False), start=1):
            if r.proposal_id and not r.proposal_id.startswith(f"{self.year}-"):
                self.add("proposals", i, "proposal_id", r.proposal_id, f"ids of {self.year} start with '{self.year}-'")
            if r.activity_id not in para_of:
                self.add("proposals", i, "activity_id", r.activity_id, f"no such activity in the activities of {self.year}")
            elif r.quote and r.quote not in para_text.get(para_of[r.activity_id], ""):
                self.add("proposals", i, "quote", r.quote,
                         f"is not an exact substring of the text of paragraph {para_of[r.activity_id]}")
            if r.status == "added" and not r.org_id:
                self.add("proposals", i, "org_id", r.org_id, "is required when status is added")
            elif r.org_id and r.org_id not in org_ids:
                self.add("proposals", i, "org_id", r.org_id, "does not resolve to organizations.org_id")

    def check_line_spans(self, paras: pd.DataFrame):
        raw = paths.raw_report(self.year, self.data_dir)
        n_lines = len(raw.read_text(encoding="utf-8").splitlines()) if raw.is_file() else None
        for i, (a, b) in enumerate(zip(paras["line_start"], paras["line_end"]), start=1):
            if a.isdigit() and b.isdigit():
                if int(b) < int(a):
                    self.add("paragraphs", i, "line_end", b, f"ends before it starts (line_start {a})")
                if n_lines is not None and int(b) > n_lines:
                    self.add("paragraphs", i, "line_end", b,
                             f"is past the end of {display_path(raw)} ({n_lines} lines)")

    def check_participants(self):
        acts = self.frames.get("activities")
        if acts is None:
            return
        for i, (p, q) in enumerate(zip(acts["participants"], acts["participants_qualifier"]), start=1):
            if p.strip() and not q.strip():
                self.add("activities", i, "participants_qualifier", q,
                         "is required when participants is given (exact, approx, more_than, at_least or up_to)")
            if q.strip() and not p.strip():
                self.add("activities", i, "participants_qualifier", q, "must be empty when participants is empty")

    def check_judgements(self):
        acts = self.frames.get("activities")
        if acts is not None:
            for row, column, value, message in judgements.activity_findings(acts, self.year):
                self.add("activities", row, column, value, message)
        inds = self.frames.get("indicators")
        if inds is not None:
            for row, column, value, message in judgements.indicator_findings(inds):
                self.add("indicators", row, column, value, message)

    def check_places(self, members: set[str]):
        places = self.frames.get("places")
        if places is None or "member_states" not in self.frames:
            return
        for i, code in enumerate(places["iso3"], start=1):
            if code and code not in members:
                self.add("places", i, "iso3", code, "is not a member state in member_states.csv")

    def report_language(self) -> str:
        """The language ``raw/<year>.meta.json`` records for the report (English when none),
        as ``hemiplan.data.edition.report_language`` reads it (that module imports this one)."""
        meta = paths.raw_report(self.year, self.data_dir).with_suffix(".meta.json")
        if meta.is_file():
            return str(json.loads(meta.read_text(encoding="utf-8")).get("language") or "en")
        return "en"

    def check_translations(self, report_language: str):
        """Every translation names an activity of the year, in a language (ISO 639-1)
        other than the report's, with a title; (activity_id, language) is unique (the
        table's primary key, checked with the schema)."""
        tr = self.frames.get("translations")
        acts = self.frames.get("activities")
        if tr is None:
            return
        ids = set(acts["activity_id"]) if acts is not None else None
        for i, (aid, lang, title) in enumerate(zip(tr["activity_id"], tr["language"], tr["title"]), start=1):
            if ids is not None and aid.strip() and aid not in ids:
                self.add("translations", i, "activity_id", aid, f"no such activity in the activities of {self.year}")
            self.check_language("translations", i, lang)
            if lang == report_language:
                self.add("translations", i, "language", lang,
                         f"is the report's own language ({report_language}): its titles need no translation")
            if title and not title.strip():
                self.add("translations", i, "title", title, "is blank: a translation needs a title")

    def check_language(self, table: str, row: int, code: str):
        """An ISO 639-1 code; a value the schema's pattern already refused is not reported twice."""
        if len(code) != 2 or not code.isascii() or not code.islower():
            return
        try:
            known = pycountry.languages.get(alpha_2=code) is not None
        except KeyError:
            known = False
        if not known:
            self.add(table, row, "language", code, "is not an ISO 639-1 language code")

    def check_dependency_names(self):
        """Every language of dependency_names names every dependency of the schema."""
        names = self.frames.get("dependency_names")
        if names is None:
            return
        for i, code in enumerate(names["language"], start=1):
            self.check_language("dependency_names", i, code)
        wanted = schema.dependencies()
        for lang in dict.fromkeys(names["language"]):
            have = set(names.loc[names["language"] == lang, "dependency"])
            missing = [d for d in wanted if d not in have]
            if missing:
                self.add("dependency_names", None, "language", lang,
                         f"names only some dependencies in this language: add {', '.join(missing)}")

    # --- the whole -----------------------------------------------------------------------
    def load_all(self) -> bool:
        """Load the reference tables and the year's; False when the year has no folder."""
        for table in schema.REFERENCE_TABLES:
            self.load(table, schema.table_path(table, data_dir=self.data_dir))
        if self.year is None:
            return True
        if not paths.year_dir(self.year, self.data_dir).is_dir():
            return False
        for table in schema.YEAR_TABLES:
            self.load(table, schema.table_path(table, self.year, self.data_dir))
        for table in schema.OPTIONAL_YEAR_TABLES:
            path = schema.table_path(table, self.year, self.data_dir)
            if path.is_file():
                self.load(table, path)
        return True

    def list_targets(self) -> dict[str, set[str]]:
        """What the items of each list column must resolve to."""
        ms = self.frames.get("member_states")
        members = set(ms["iso3"]) if ms is not None else set()
        if ms is not None and self.year is not None:
            members = membership.member_codes(ms, self.year)
        orgs = self.frames.get("organizations")
        acts = self.frames.get("activities")
        return {
            "member_states.iso3": members,
            "organizations.org_id": set(orgs["org_id"]) if orgs is not None else set(),
            "dependencies": set(schema.dependencies()),
            # a table that could not be read is one problem, not one per row that names it
            "activities.activity_id": set(acts["activity_id"]) if acts is not None else None,
        }

    def check_year_tables(self):
        targets = self.list_targets()
        for table in schema.YEAR_TABLES:
            self.check_lists(table, targets)
            self.check_year(table)
        paras = self.frames.get("paragraphs")
        if paras is not None:
            text = dict(zip(paras["paragraph_id"], paras["text"]))
            for table in ("activities", "indicators"):
                self.check_paragraph_refs(table, text)
            self.check_unrecorded(text)
            self.check_removed(text)
            self.check_proposals(text, targets["organizations.org_id"])
            self.check_line_spans(paras)
        self.check_participants()
        self.check_judgements()
        if "translations" in self.frames:
            self.check_translations(self.report_language())


def validate_year(year: int | None, data_dir=None) -> list[Problem]:
    """Every problem in the reference tables and, if ``year`` is given, in that year's tables."""
    c = _Checker(year, data_dir)
    if not c.load_all():
        years = available_years(data_dir)
        return [Problem(display_path(paths.year_dir(year, data_dir)), None, None, str(year),
                        f"no data for year {year}; years with data: {', '.join(map(str, years)) or 'none'}")]
    pending = None if year is None else journal.pending(year, data_dir)
    if pending is not None:
        c.problems.append(Problem(display_path(pending), None, None, None,
                                  f"a write of {year} was interrupted while replacing its files: its tables may be "
                                  "a mix of old and new; `hemiplan validate` (or the next ingest, accept or "
                                  "remove of the year) finishes it"))
    ms = c.frames.get("member_states")
    c.check_places(set(ms["iso3"]) if ms is not None else set())
    c.check_dependency_names()
    if year is not None:
        c.check_year_tables()
    return c.problems


def validate_all(data_dir=None) -> dict[int | None, list[Problem]]:
    """The problems of the reference tables (key None) and of every year; a year's folder
    that lacks one of its tables is a problem of that year, naming the missing file."""
    out: dict[int | None, list[Problem]] = {None: validate_year(None, data_dir)}
    try:
        years = available_years(data_dir)
    except IncompleteYearError as exc:
        for folder, missing in exc.folders.items():
            out[int(folder.name)] = [Problem(display_path(folder / m), None, None, m,
                                             "the table is missing: a year's folder holds all its tables "
                                             "(restore the file, or remove the folder to withdraw the year)")
                                     for m in missing]
        years = [y for y, miss in year_folders(data_dir).items() if not miss]
    for y in years:
        out[y] = [p for p in validate_year(y, data_dir) if p not in out[None]]
    return {None: out.pop(None), **dict(sorted(out.items()))}
