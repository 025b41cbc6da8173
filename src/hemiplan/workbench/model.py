"""What the workbench shows: a year's tables as they are on disk (every cell as text),
read with a token naming each file's digest, and the views of them the pages list: the
paragraphs in report order (or the uncertain rows first), each with its rows, their
flags and what is missing, filtered by section, flag and status, and the progress.

A page carries the token of the files it was made from; a write refuses to go ahead
when the files on disk no longer match it (:mod:`hemiplan.workbench.edits`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hemiplan import paths
from hemiplan.analysis import review
from hemiplan.analysis.sections import paragraph_key
from hemiplan.data import csvio, locks, schema
from hemiplan.ingest import guard
from hemiplan.present.sourcetext import find_quote

#: The tables whose rows are reviewed, their id columns and the kind of row they hold.
TABLES = {"activities": ("activity_id", "activity"), "indicators": ("indicator_id", "figure")}
#: The optional table of the drafting's proposed organisations (partners and funders).
PROPOSALS = "proposals"
#: Columns a reviewer does not edit in a row's form (shown, and kept as they are).
FIXED = {"activity_id", "indicator_id", "year", "paragraph_id", "status"}
#: The filters a view accepts, with their defaults.
FILTERS = {"order": "report", "section": "", "status": "", "flag": ""}


def proposals_path(year: int, data_dir=None) -> Path:
    return paths.year_dir(year, data_dir) / f"{PROPOSALS}.csv"


def organizations_target(data_dir=None) -> Path:
    """Where an added organisation is written: the data folder's own organizations.csv
    (a scratch data folder without one gets one, holding the project's rows and the new one)."""
    return paths.data_dir(data_dir) / "reference" / "organizations.csv"


def watched(year: int, data_dir=None) -> list[Path]:
    """Every file a workbench page is made from and a write may change: the year's files
    (as every writer of the year reads them), its proposals and organizations.csv."""
    files = guard.year_files(year, data_dir) + [proposals_path(year, data_dir),
                                                 schema.table_path("organizations", data_dir=data_dir)]
    return list(dict.fromkeys(files))


def token(digests: dict[str, str], data_dir=None) -> str:
    """The digests of the files as one string for a form: 'name=digest' per file, the
    name relative to the data folder (a missing file's digest is empty)."""
    root = paths.data_dir(data_dir)
    out = []
    for f, h in sorted(digests.items()):
        p = Path(f)
        try:
            name = str(p.relative_to(root))
        except ValueError:
            name = p.name
        out.append(f"{name}={h[:20]}")
    return ";".join(out)


def changed_files(old: str, new: str) -> list[str]:
    """The files whose digests differ between two tokens."""
    a = dict(x.split("=", 1) for x in old.split(";") if "=" in x)
    b = dict(x.split("=", 1) for x in new.split(";") if "=" in x)
    return sorted(f for f in set(a) | set(b) if a.get(f) != b.get(f))


@dataclass
class Row:
    """One row of activities or indicators as the workbench shows it."""
    table: str
    id: str
    kind: str
    values: dict
    flags: list[tuple[str, str]]
    missing: list[str]
    before: str = ""
    quote: str = ""
    after: str = ""
    found: bool = True

    @property
    def status(self) -> str:
        return str(self.values.get("status", "")).strip()

    @property
    def score(self) -> int:
        """How uncertain a draft row is: its flags, and twice each empty required field."""
        return 0 if self.status != "draft" else len(self.flags) + 2 * len(self.missing) + 1


@dataclass
class Paragraph:
    pid: str
    section: str
    section_title: str
    text: str
    countries: str
    dependencies: str
    rows: list[Row] = field(default_factory=list)
    proposals: list[dict] = field(default_factory=list)

    @property
    def drafts(self) -> int:
        return sum(r.status == "draft" for r in self.rows)

    @property
    def score(self) -> int:
        return max((r.score for r in self.rows), default=0)


@dataclass
class State:
    """A year's tables as read, with the token of the files they were read from."""
    year: int
    data_dir: object
    token: str
    tables: dict[str, pd.DataFrame]
    paragraphs: list[Paragraph]

    @property
    def rows(self) -> list[Row]:
        return [r for p in self.paragraphs for r in p.rows]

    def progress(self) -> tuple[int, int]:
        rows = self.rows
        return sum(r.status == "reviewed" for r in rows), len(rows)

    def paragraph(self, pid: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.pid == pid), None)

    def row(self, table: str, rid: str) -> Row | None:
        return next((r for r in self.rows if r.table == table and r.id == rid), None)

    def sections(self) -> list[tuple[str, str]]:
        return list(dict.fromkeys((p.section, p.section_title) for p in self.paragraphs))

    def flag_kinds(self) -> list[str]:
        return list(dict.fromkeys(k for r in self.rows for k, _ in r.flags)) + \
            (["missing"] if any(r.missing for r in self.rows) else [])


def _read(path: Path) -> pd.DataFrame | None:
    return csvio.read_text_table(path) if path.is_file() else None


def _missing(table: str, values: dict) -> list[str]:
    """Required columns left empty."""
    return [f["name"] for f in schema.fields(table)
            if f.get("constraints", {}).get("required") and not str(values.get(f["name"], "")).strip()]


def _row(table: str, values: dict, text: str, year: int) -> Row:
    id_col, kind = TABLES[table]
    r = Row(table, values[id_col], kind, values, review.flags(values, kind, year), _missing(table, values))
    span = find_quote(text, values.get("quote", ""))
    if span is None:
        r.before, r.found = text, False
    else:
        a, b = span
        r.before, r.quote, r.after = text[:a], text[a:b], text[b:]
    return r


def load(year: int, data_dir=None) -> State:
    """The year's tables as they are on disk, with the token of what was read (read
    again if a file changed while it was being read)."""
    files = watched(year, data_dir)
    for _attempt in range(5):
        before = locks.digest(files)
        tables = {t: _read(schema.table_path(t, year, data_dir)) for t in ("paragraphs", *TABLES)}
        tables[PROPOSALS] = _read(proposals_path(year, data_dir))
        if locks.digest(files) == before:
            break
    paras = []
    text = {}
    for r in tables["paragraphs"].to_dict("records"):
        text[r["paragraph_id"]] = r["text"]
        paras.append(Paragraph(r["paragraph_id"], r["section"], r["section_title"], r["text"], r["countries"],
                               r["dependencies"]))
    by_pid = {p.pid: p for p in paras}
    for table in TABLES:
        for values in tables[table].to_dict("records"):
            p = by_pid.get(values["paragraph_id"])
            if p is not None:
                p.rows.append(_row(table, values, p.text, year))
    if tables[PROPOSALS] is not None:
        pid_of = {r.id: p.pid for p in paras for r in p.rows}
        for prop in tables[PROPOSALS].to_dict("records"):
            pid = pid_of.get(prop.get("activity_id", ""))
            if pid is not None:
                by_pid[pid].proposals.append(prop)
    paras.sort(key=lambda p: paragraph_key(p.pid))
    return State(int(year), data_dir, token(before, data_dir), tables, paras)


def clean_filters(args) -> dict[str, str]:
    """The filters of a request's arguments (anything else dropped; unknown values reset)."""
    out = {k: str(args.get(k, d) or d) for k, d in FILTERS.items()}
    if out["order"] not in ("report", "uncertain"):
        out["order"] = "report"
    if out["status"] not in ("", "draft", "reviewed"):
        out["status"] = ""
    return out


def _keep(r: Row, f: dict) -> bool:
    if f["status"] and r.status != f["status"]:
        return False
    if f["flag"] == "missing":
        return bool(r.missing)
    return not f["flag"] or any(k == f["flag"] for k, _ in r.flags)


def view(state: State, filters: dict) -> list[Paragraph]:
    """The paragraphs a view lists, each with the rows it keeps: every paragraph in
    report order when no filter is set (a paragraph without rows too: the drafts may
    have missed an activity there); else only those with a row that passes."""
    f = clean_filters(filters)
    narrowed = bool(f["status"] or f["flag"])
    out = []
    for p in state.paragraphs:
        if f["section"] and p.section != f["section"]:
            continue
        rows = [r for r in p.rows if _keep(r, f)]
        if narrowed and not rows:
            continue
        if f["order"] == "uncertain":
            rows = sorted(rows, key=lambda r: -r.score)
        out.append(Paragraph(p.pid, p.section, p.section_title, p.text, p.countries, p.dependencies, rows,
                             p.proposals))
    if f["order"] == "uncertain":
        out.sort(key=lambda p: -p.score)     # stable: report order among equals
    return out


def neighbours(state: State, filters: dict, pid: str) -> tuple[str | None, str | None]:
    """The previous and next paragraph of a view."""
    ids = [p.pid for p in view(state, filters)]
    if pid not in ids:
        return None, ids[0] if ids else None
    i = ids.index(pid)
    return (ids[i - 1] if i else None), (ids[i + 1] if i + 1 < len(ids) else None)


def next_draft(state: State, filters: dict, pid: str) -> tuple[str, str | None]:
    """Where to go after a row or paragraph is done: (paragraph, row id) of the first draft
    row left in this paragraph, else in the next paragraphs of the view, else this one."""
    paras = view(state, filters)
    ids = [p.pid for p in paras]
    start = ids.index(pid) if pid in ids else 0
    for p in paras[start:] + paras[:start]:
        for r in p.rows:
            if r.status == "draft":
                return p.pid, r.id
    return pid, None
