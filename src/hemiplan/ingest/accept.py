"""Accepting reviewed drafts: ``hemiplan accept --year Y ID … | --paragraph PID`` sets
``status`` to reviewed on the rows named, after checking that the year's data
validate and that every id names a row of the year, and changes nothing else: the
other cells and rows are written back as they were read, and both tables are written
at once or not at all (:mod:`hemiplan.ingest.write`, journalled: :mod:`.guard`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, resolve_year, schema
from hemiplan.data.validate import ValidationError, validate_year
from hemiplan.ingest import guard, write
from hemiplan.ingest.errors import IngestError

#: Table → its id column, for the tables whose rows are reviewed.
ID_COLUMNS = {"activities": "activity_id", "indicators": "indicator_id"}


@dataclass
class Accepted:
    """What an accept did: rows set to reviewed, rows that already were, files written."""
    year: int
    accepted: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def _select(tables: dict[str, pd.DataFrame], ids: list[str], paragraphs: list[str], year: int) -> dict[str, pd.Series]:
    """Per table, which rows are named; an id or paragraph that names no row stops."""
    chosen, found_ids, found_pids = {}, set(), set()
    for table, df in tables.items():
        mask = df[ID_COLUMNS[table]].isin(ids) | df["paragraph_id"].isin(paragraphs)
        chosen[table] = mask
        found_ids |= set(df.loc[mask, ID_COLUMNS[table]])
        found_pids |= set(df.loc[mask, "paragraph_id"])
    unknown = [i for i in ids if i not in found_ids] + [p for p in paragraphs if p not in found_pids]
    if unknown:
        raise IngestError(f"no row of {year} has the id or paragraph {', '.join(unknown)}: nothing was changed")
    return chosen


def accept(year, ids=(), paragraphs=(), data_dir=None) -> Accepted:
    """Mark the draft rows with the given ids, or of the given paragraphs, reviewed,
    holding the year's lock (one writer at a time: a second waits, then fails with
    :class:`~hemiplan.data.locks.Busy`) and writing only if the tables are still those
    it read."""
    ids, paragraphs = [str(i).strip() for i in ids], [str(p).strip() for p in paragraphs]
    if not ids and not paragraphs:
        raise IngestError("name the rows to accept: their ids, or --paragraph PARAGRAPH_ID")
    y = resolve_year(year, data_dir)
    with guard.guarded(y, data_dir, f"accept of {y}") as read:
        return _accept(y, ids, paragraphs, data_dir, read)


def _accept(y: int, ids: list[str], paragraphs: list[str], data_dir, read: dict[str, str]) -> Accepted:
    problems = validate_year(y, data_dir)
    if problems:
        raise ValidationError(problems)
    done, contents = changes(y, ids, paragraphs, data_dir)
    writes, _ = write.changes(contents, write.umask_mode())
    # a hand edit made meanwhile is never overwritten; a status change cannot break validity
    guard.commit(y, data_dir, writes, read, check=False)
    done.written = [w[0] for w in writes]
    return done


def changes(y: int, ids: list[str], paragraphs: list[str], data_dir) -> tuple[Accepted, dict[Path, str]]:
    """What accepting the rows would write, without writing it: (what it does, file →
    new content). The review workbench writes it together with its review log."""
    paths = {t: schema.table_path(t, y, data_dir) for t in ID_COLUMNS}
    tables = {t: csvio.read_text_table(p) for t, p in paths.items()}
    chosen = _select(tables, ids, paragraphs, y)
    done = Accepted(y)
    contents = {}
    for table, df in tables.items():
        rows = chosen[table]
        draft = rows & (df["status"].str.strip() == "draft")
        done.accepted += list(df.loc[draft, ID_COLUMNS[table]])
        done.already += list(df.loc[rows & ~draft, ID_COLUMNS[table]])
        if draft.any():
            out = df.copy()
            out.loc[draft, "status"] = "reviewed"
            # the file's own columns, in its order, written as ingest writes tables
            contents[Path(paths[table])] = out.to_csv(index=False, lineterminator="\n")
    return done, contents
