"""Writing every file of an ingest (or an accept, or a removal) at once: each new
content is staged next to its file, then all are swapped in; any failure restores the
previous files, so a failed command leaves the data as they were.

A kill between two renames cannot be caught, so the swap is journalled
(:mod:`hemiplan.data.journal`): once everything is staged, ``data/<year>/.hemiplan-journal`` names
the files to swap, and the next writer of the year (or ``hemiplan validate``) finishes
an interrupted swap, or undoes one that was rolling back, and removes what was staged.
A reader never sees a new report with old tables: validation refuses a year whose swap
is unfinished (see :func:`hemiplan.data.journal.pending`)."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan.data import journal as journals

#: A file to write: (path, content, permission bits).
Write = tuple[Path, str, int]


def table_text(df: pd.DataFrame, table: str) -> str:
    """CSV text of a table of strings, in schema column order (values written as they are)."""
    buf = io.StringIO()
    df.reindex(columns=schema.columns(table)).fillna("").to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def mode_of(path: Path, default: int) -> int:
    """The permission bits of an existing file (kept when it is replaced), else ``default``."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return default


def umask_mode(base: int = 0o666) -> int:
    """The permission bits a new file gets under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return base & ~mask


def changes(contents: dict[Path, str], file_mode: int) -> tuple[list[Write], list[Path]]:
    """(files to write, files already holding that content)."""
    writes, unchanged = [], []
    for path, content in contents.items():
        if path.is_file() and path.read_bytes() == content.encode("utf-8"):
            unchanged.append(path)
        else:
            writes.append((path, content, mode_of(path, file_mode)))
    return writes, unchanged


def commit(writes: list[Write], journal: Path | None = None) -> None:
    """Write every file or none: each new content is staged next to its file (with
    :func:`hemiplan.data.csvio.atomic_write_text`), the files to be replaced get a second
    link, ``journal`` (when given: the year folder's :data:`hemiplan.data.journal.NAME`) records the
    swap, then all are swapped in; any failure restores the previous files and removes
    what was staged. A kill is finished by :func:`hemiplan.data.journal.recover`."""
    staged: list[tuple[Path, Path]] = []
    swapped: list[tuple[Path, Path | None]] = []
    made_dirs: list[Path] = []
    tag = f"{os.getpid()}"
    backups: list[tuple[Path, Path | None]] = []
    journalled = False
    try:
        for path, content, mode in writes:
            _stage(path, content, mode, tag, staged, made_dirs)
        backups += [(path, _backup(path, tag)) for _, path in staged]
        if journal is not None:
            journals.record(journal, "forward", staged, backups)
            journalled = True
        for (tmp, path), (_, backup) in zip(staged, backups):
            swapped.append((path, backup))
            os.replace(tmp, path)
    except BaseException:
        if journalled:
            try:   # a kill while rolling back is then undone, not finished, by the next writer
                journals.record(journal, "back", staged, backups)
            except OSError:
                pass
        _roll_back(swapped, staged, made_dirs, [b for _, b in backups if b is not None])
        if journalled:
            journal.unlink(missing_ok=True)
        raise
    if journalled:
        journal.unlink(missing_ok=True)
    for _, backup in swapped:
        if backup is not None and backup.exists():
            backup.unlink()


def _stage(path: Path, content: str, mode: int, tag: str, staged: list, made_dirs: list) -> None:
    """Write ``content`` next to ``path``, making (and recording) the folders it needs."""
    for parent in reversed(path.parents):
        if not parent.exists():
            parent.mkdir()
            made_dirs.append(parent)
    tmp = path.with_name(f".{path.name}.ingest-{tag}.new")
    csvio.atomic_write_text(tmp, content)
    staged.append((tmp, path))
    os.chmod(tmp, mode)


def _backup(path: Path, tag: str) -> Path | None:
    """A second link to the file about to be replaced (None when there is none)."""
    if not path.exists():
        return None
    backup = path.with_name(f".{path.name}.ingest-{tag}.old")
    if backup.exists():
        backup.unlink()
    os.link(path, backup)
    return backup


def _roll_back(swapped: list, staged: list, made_dirs: list, backups: list | None = None) -> None:
    """Put the previous files back, remove what was staged, the second links not used
    and the folders made."""
    for path, backup in reversed(swapped):
        try:
            if backup is None:
                if path.exists():
                    path.unlink()
            elif path.exists() and os.path.samefile(backup, path):
                backup.unlink()   # never replaced (rename between two links of one file does nothing)
            else:
                os.replace(backup, path)
        except OSError:
            pass
    for tmp in [t for t, _ in staged] + list(backups or []):
        if tmp.exists():
            tmp.unlink()
    for d in reversed(made_dirs):
        try:
            d.rmdir()
        except OSError:
            pass
