"""The workbench's writes: save a row, accept rows, add an activity from a sentence,
remove a row (and record a number that is not data), edit a paragraph's countries and
dependencies, add or reject a proposed organisation.

Every write is one transaction, the same as the command line's: it holds the year's
lock (and the reference folder's when it adds an organisation), finishes an
interrupted write first (:func:`hemiplan.ingest.guard.guarded`), refuses when the files
are no longer those the page was made from (:class:`Conflict`, naming them), applies the
change to the tables in memory, validates the result in a temporary copy with the
project's own validator (:func:`hemiplan.data.validate.validate_year`, the rules of
``hemiplan validate``) and refuses it when it adds a problem (:class:`Refused`, each
problem beside its column), and only then writes every file, the review log included,
at once through the journalled writer (:func:`hemiplan.ingest.guard.commit`)."""
from __future__ import annotations

import io
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from hemiplan import paths
from hemiplan.data import csvio, locks, schema
from hemiplan.data.validate import Problem, display_path, validate_year
from hemiplan.ingest import accept, guard, remove, removed, write
from hemiplan.ingest.errors import IngestError
from hemiplan.language import _, n_
from hemiplan.reading import numbers
from hemiplan.workbench import log, model
from hemiplan.workbench.forms import values_from


class Conflict(Exception):
    """The files changed on disk since the page was made from them."""

    def __init__(self, changed: list[str]):
        self.changed = changed
        super().__init__(_("changed on disk since the page was loaded: {files}; nothing was written").format(
            files=", ".join(changed)))


class Refused(Exception):
    """The change would not validate (or cannot be made): nothing was written.
    ``errors``: column → messages (beside its field); ``problems``: the others."""

    def __init__(self, errors: dict[str, list[str]] | None = None, problems: list[str] | None = None):
        self.errors = errors or {}
        self.problems = problems or []
        super().__init__("; ".join([m for ms in self.errors.values() for m in ms] + self.problems))


@dataclass
class Done:
    """What a write did: a sentence, and the row or paragraph it was about."""
    message: str
    paragraph: str = ""
    row: str = ""
    written: list[Path] = field(default_factory=list)


#: A change: (file → new content, log entries, the (table, row id) whose problems go beside its fields).
Change = tuple[dict[Path, str], list[log.Entry], tuple[str, str] | None]


def _key(p: Problem) -> tuple:
    return (Path(p.file).name, p.column, p.value, p.message)


def _problems_with(year: int, data_dir, writes: list[write.Write]) -> list[Problem]:
    """The problems the year would have with ``writes`` in place, in a temporary copy (as
    :func:`hemiplan.ingest.guard.problems_after`, but as problems, naming the real files)."""
    ddir = paths.data_dir(data_dir)
    with tempfile.TemporaryDirectory(prefix="hemiplan-workbench-") as tmp:
        t = Path(tmp)
        for f in model.watched(year, ddir):
            if f.is_file() and ddir in f.parents:
                (t / f.relative_to(ddir)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, t / f.relative_to(ddir))
        if (ddir / "reference").is_dir():
            shutil.copytree(ddir / "reference", t / "reference", dirs_exist_ok=True)
        for target, content, _mode in writes:
            dest = t / Path(target).relative_to(ddir)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(content, encoding="utf-8")
        shown = display_path(ddir)
        out = []
        for p in validate_year(year, t):
            fix = (lambda s: None if s is None else s.replace(str(t.resolve()), shown).replace(str(t), shown))
            out.append(replace(p, file=fix(p.file), message=fix(p.message)))
        return out


def _row_index(content: str, table: str, rid: str) -> int | None:
    """The data row (1-based, as problems count) of ``rid`` in a table's new content."""
    df = pd.read_csv(io.StringIO(content), dtype=str, keep_default_na=False, na_values=[])
    key = df.columns[0] if table not in schema.ALL_TABLES else schema.primary_key(table)
    hits = df.index[df[key] == rid].tolist()
    return hits[0] + 1 if hits else None


def _refusal(new: list[Problem], contents: dict[Path, str], focus) -> Refused:
    """The new problems, those of the focused row beside their columns."""
    errors: dict[str, list[str]] = {}
    rest = []
    row = None
    if focus is not None:
        target = next((c for p, c in contents.items() if p.name == f"{focus[0]}.csv"), None)
        row = None if target is None else _row_index(target, focus[0], focus[1])
    for p in new:
        if focus is not None and Path(p.file).name == f"{focus[0]}.csv" and p.row == row and p.column:
            value = "" if p.value is None else p.value
            errors.setdefault(p.column, []).append(
                _("{column}: value {value!r}: {message}").format(column=p.column, value=value, message=p.message))
        else:
            rest.append(str(p))
    return Refused(errors, rest)


def transact(year: int, data_dir, token: str, build, what: str, reference: bool = False) -> list[Path]:
    """Run one change (``build()`` → :data:`Change`) as a transaction (see the module's
    docstring); returns the files written."""
    with guard.guarded(year, data_dir, f"review workbench of {year}") as read:
        ref_lock = locks.locked(paths.data_dir(data_dir) / "reference", "review workbench") if reference else None
        if ref_lock is not None:
            ref_lock.__enter__()
        try:
            now = locks.digest(model.watched(year, data_dir))
            if model.token(now, data_dir) != token:
                raise Conflict(model.changed_files(token, model.token(now, data_dir)))
            contents, entries, focus = build()
            if entries:
                contents[log.path(year, data_dir)] = log.appended(log.path(year, data_dir), entries)
            writes, _same = write.changes(contents, write.umask_mode())
            if not writes:
                return []
            before = Counter(_key(p) for p in validate_year(year, data_dir))
            after = _problems_with(year, data_dir, writes)
            new, seen = [], Counter()
            for p in after:
                seen[_key(p)] += 1
                if seen[_key(p)] > before.get(_key(p), 0):
                    new.append(p)
            if new:
                raise _refusal(new, contents, focus)
            guard.commit(year, data_dir, writes, {**read, **now}, check=False)
            return [w[0] for w in writes]
        finally:
            if ref_lock is not None:
                ref_lock.__exit__(None, None, None)


# --- the changes ---------------------------------------------------------------------------

def _table(year: int, data_dir, table: str) -> tuple[Path, pd.DataFrame]:
    p = schema.table_path(table, year, data_dir)
    return p, csvio.read_text_table(p)


def _text(df: pd.DataFrame) -> str:
    """A table written back as ingest and accept write it (its own columns, in order)."""
    return df.to_csv(index=False, lineterminator="\n")


def _locate(df: pd.DataFrame, column: str, value: str, what: str):
    hits = df.index[df[column] == value].tolist()
    if not hits:
        raise Refused(problems=[_("no {what} has the id {value}: nothing was written").format(what=what, value=value)])
    return hits[0]


def save_row(year: int, data_dir, token: str, table: str, rid: str, form) -> Done:
    """Save the form of one row of activities or indicators."""
    id_col = model.TABLES[table][0]

    def build() -> Change:
        p, df = _table(year, data_dir, table)
        i = _locate(df, id_col, rid, table)
        current = df.loc[i].to_dict()
        new = values_from(table, form, current)
        for c in df.columns:
            df.loc[i, c] = new.get(c, "")
        return {p: _text(df)}, log.diff(table, rid, current, {c: new.get(c, "") for c in df.columns}), (table, rid)

    written = transact(year, data_dir, token, build, "save")
    return Done(_("{row} saved").format(row=rid) if written else _("{row}: nothing changed").format(row=rid),
                row=rid, written=written)


def accept_rows(year: int, data_dir, token: str, ids=(), paragraphs=()) -> Done:
    """Accept rows by id, or every row of paragraphs (:func:`hemiplan.ingest.accept.changes`)."""
    box = {}

    def build() -> Change:
        try:
            done, contents = accept.changes(year, list(ids), list(paragraphs), data_dir)
        except IngestError as exc:
            raise Refused(problems=[str(exc)]) from None
        box["done"] = done
        entries = [log.Entry("accept", "activities" if "-A" in r else "indicators", r, "status", "draft", "reviewed")
                   for r in done.accepted]
        return contents, entries, None

    written = transact(year, data_dir, token, build, "accept")
    n = len(box["done"].accepted)
    return Done(n_("{n} row accepted", "{n} rows accepted", n).format(n=n), written=written)


def _new_id(year: int, data_dir, table: str, df: pd.DataFrame) -> str:
    """The next id of a table, after every id it has or had (removed ids are never reused)."""
    letter = "A" if table == "activities" else "I"
    used = list(df[model.TABLES[table][0]]) + removed.id_numbers(
        removed.read(schema.table_path("removed", year, data_dir)), table)
    numbers = [int(u.rsplit(letter, 1)[1]) for u in used if u.rsplit(letter, 1)[-1].isdigit()]
    return f"{year}-{letter}{max(numbers, default=0) + 1:03d}"


def _new_row(table: str, columns, year: int, pid: str, quote: str, deps: list[str]) -> dict:
    """A new draft row of ``table`` for ``quote``, with what can be said of it before review."""
    row = {c: "" for c in columns}
    row.update({"year": str(year), "paragraph_id": pid, "status": "draft", "quote": quote,
                "dependency": deps[0] if len(deps) == 1 else ("SMS" if table == "activities" else "")})
    if table == "activities":
        row.update({"activity_type": "other", "title": quote.rstrip(".")[:120], "held_year": str(year),
                    "events": "1", "events_basis": "counted",
                    "note": "Added in the review workbench from a selected sentence: check every field."})
        return row
    found = numbers.find_numbers(quote)
    if not found:
        raise Refused({"quote": [_("quote: value {value!r}: holds no number: a figure's sentence states "
                                   "it").format(value=quote)]})
    value = found[0].value
    row.update({"indicator": "figure", "value": str(int(value)) if float(value).is_integer() else str(value),
                "qualifier": found[0].qualifier or "exact", "unit": "items",
                "note": "Added in the review workbench from a selected sentence: name the figure and its unit."})
    return row


def add_row(year: int, data_dir, token: str, pid: str, quote: str, table: str = "activities") -> Done:
    """Add a draft activity (or figure: ``table`` indicators) whose quote is a selected
    sentence of paragraph ``pid``."""
    if table not in model.TABLES:
        raise Refused(problems=[_("rows are added to activities or indicators, not {table}").format(table=table)])
    exact = str(quote or "").strip()
    box = {}

    def build() -> Change:
        _p, paras = _table(year, data_dir, "paragraphs")
        i = _locate(paras, "paragraph_id", pid, "paragraph")
        if not exact or exact not in paras.loc[i, "text"]:
            raise Refused({"quote": [_("quote: value {value!r}: is not an exact substring of the text of paragraph "
                                       "{pid}: select words of the paragraph").format(value=exact, pid=pid)]})
        path, df = _table(year, data_dir, table)
        rid = _new_id(year, data_dir, table, df)
        row = _new_row(table, df.columns, year, pid, exact, csvio.split_list(paras.loc[i, "dependencies"]))
        row[model.TABLES[table][0]] = rid
        box["rid"] = rid
        out = pd.concat([df, pd.DataFrame([row], dtype=object)], ignore_index=True)
        return {path: _text(out)}, [log.Entry("add", table, rid, "", "", exact)], (table, rid)

    written = transact(year, data_dir, token, build, "add")
    return Done(_("{row} added: complete its fields").format(row=box["rid"]), paragraph=pid, row=box["rid"],
                written=written)


def delete_row(year: int, data_dir, token: str, rid: str, reason: str, not_data=()) -> Done:
    """Remove a row with its reason (removed.csv); ``not_data``: (number, reason, note) of
    numbers of it that are not data (unrecorded.csv), as :func:`hemiplan.ingest.remove.removal`."""
    reason = str(reason or "").strip()
    if not reason:
        raise Refused({"reason": [_("reason: give the reason the row is not data of the report")]})

    def build() -> Change:
        try:
            done, contents = remove.removal(year, [rid], reason, data_dir, not_data)
        except IngestError as exc:
            raise Refused(problems=[str(exc)]) from None
        table = "activities" if "-A" in rid else "indicators"
        _p, df = _table(year, data_dir, table)
        i = _locate(df, model.TABLES[table][0], rid, table)
        entries = [log.Entry("remove", table, rid, "", df.loc[i, "quote"], reason)]
        entries += [log.Entry("add", "unrecorded", df.loc[i, "paragraph_id"], "number", "", str(n))
                    for n, _why, _note in not_data if str(n).strip()]
        return contents, entries, None

    written = transact(year, data_dir, token, build, "remove")
    return Done(_("{row} removed").format(row=rid), written=written)


def edit_paragraph(year: int, data_dir, token: str, pid: str, form) -> Done:
    """Save a paragraph's countries and dependencies."""

    def build() -> Change:
        path, df = _table(year, data_dir, "paragraphs")
        i = _locate(df, "paragraph_id", pid, "paragraph")
        before = df.loc[i].to_dict()
        for c in ("countries", "dependencies"):
            if c in form or f"{c}__present" in form:
                df.loc[i, c] = csvio.join_list(v.strip() for v in form.getlist(c) if v.strip())
        return {path: _text(df)}, log.diff("paragraphs", pid, before, df.loc[i].to_dict()), ("paragraphs", pid)

    written = transact(year, data_dir, token, build, "paragraph")
    return Done(_("paragraph {pid} saved").format(pid=pid) if written else
                _("paragraph {pid}: nothing changed").format(pid=pid), paragraph=pid, written=written)
