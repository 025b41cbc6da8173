"""What every writer of a year's data does around its write (ingest, accept, remove):
hold the year's lock (:mod:`hemiplan.data.locks`), finish or undo a write that was
killed (:mod:`hemiplan.data.journal`), write only if the files are still those it
read, and, for ingest and remove, only if the result validates, checked in a
temporary copy of the year before anything is written."""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from hemiplan import paths
from hemiplan.data import journal, locks, schema
from hemiplan.data.validate import display_path, validate_year
from hemiplan.ingest import write
from hemiplan.ingest.errors import IngestError


def year_files(year: int, data_dir=None) -> list[Path]:
    """Every file of a year that its writers read: its tables, the raw text and its record."""
    raw = paths.raw_report(year, data_dir)
    return [schema.table_path(t, year, data_dir) for t in schema.YEAR_TABLES + schema.OPTIONAL_YEAR_TABLES] + \
        [raw, raw.with_suffix(".meta.json")]


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and those of its parents that do not exist yet, innermost first."""
    out = []
    for p in [folder, *folder.parents]:
        if p.exists():
            break
        out.append(p)
    return out


def _forget(made: list[Path]) -> None:
    """A first write of a year that failed: remove the lock file and the folders the lock
    made, if nothing else is in them (an empty year folder with a lock file in it would
    be a year with none of its tables)."""
    if not made:
        return
    (made[0] / locks.LOCK_NAME).unlink(missing_ok=True)
    for d in made:
        try:
            d.rmdir()
        except OSError:
            break


@contextmanager
def guarded(year: int, data_dir, what: str):
    """Hold the year's lock ('another ingest of 2015 is running (pid N)'), recover an
    interrupted write first; yields the digest of the year's files as they are, for
    :func:`commit`."""
    folder = paths.year_dir(year, data_dir)
    made = _missing_folders(folder)
    with locks.locked(folder, what):
        try:
            journal.recover(year, data_dir)
            yield locks.digest(year_files(year, data_dir))
        except BaseException:
            _forget(made)
            raise


def problems_after(year: int, data_dir, writes: list[write.Write]) -> list[str]:
    """The validation problems the year would have with ``writes`` in place, found in a
    temporary copy of the year (its tables, raw text and the data folder's own reference
    tables); messages name the real files."""
    ddir = paths.data_dir(data_dir)
    with tempfile.TemporaryDirectory(prefix="hemiplan-staged-") as tmp:
        t = Path(tmp)
        for f in year_files(year, ddir):
            if f.is_file():
                (t / f.relative_to(ddir)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, t / f.relative_to(ddir))
        if (ddir / "reference").is_dir():
            shutil.copytree(ddir / "reference", t / "reference")
        for path, content, _ in writes:
            dest = t / Path(path).relative_to(ddir)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(content, encoding="utf-8")
        (t / str(year)).mkdir(exist_ok=True)
        problems = validate_year(year, t)
        shown = display_path(ddir)
        return [str(p).replace(str(t), shown).replace(str(t.resolve()), shown) for p in problems]


def commit(year: int, data_dir, writes: list[write.Write], read: dict[str, str], check: bool = True) -> None:
    """Write everything at once, journalled, if the result validates (``check``) and the
    files are still those read (``read``, from :func:`guarded`); else IngestError or
    :class:`~hemiplan.data.locks.Changed`, and nothing is written."""
    if not writes:
        return
    if check:
        problems = problems_after(year, data_dir, writes)
        if problems:
            more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
            raise IngestError(f"the result would not validate ({len(problems)} problem(s)), so nothing was "
                              "changed:\n  " + "\n  ".join(problems[:20]) + more)
    locks.unchanged(read)
    write.commit(writes, paths.year_dir(year, data_dir) / journal.NAME)


def tidy(data_dir=None, years=None) -> list[str]:
    """Finish the interrupted writes and remove the staged files left in every year
    folder (or in ``years``), each under its lock (a year whose writer is running is
    left to it); what was done, as sentences. ``hemiplan validate`` runs it first."""
    done = []
    root = paths.data_dir(data_dir)
    folders = [paths.year_dir(y, root) for y in years] if years is not None else \
        [p for p in sorted(root.iterdir()) if p.is_dir() and p.name.isdigit() and len(p.name) == 4] \
        if root.is_dir() else []
    for folder in folders:
        y = int(folder.name)
        if journal.pending(y, root) is None and not journal.debris(y, root):
            continue
        try:
            with locks.locked(folder, f"validate of {y}", wait=2.0):
                done += journal.recover(y, root)
        except locks.Busy as exc:
            done.append(f"left an unfinished write of {y} to its writer: {exc}")
    return done
