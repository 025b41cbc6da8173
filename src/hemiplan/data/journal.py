"""The journal of a swap of files (:func:`hemiplan.ingest.write.commit`), so that a
write killed between two renames leaves the old state or the new one, never a mix.

Once every new file is staged (``.<name>.ingest-<pid>.new``) and every file to be
replaced has a second link (``.<name>.ingest-<pid>.old``), ``data/<year>/.hemiplan-journal``
is written (atomically): from then on the swap is *forward*. A failure that the writer
catches turns it *back* (rolling back), then removes it. If the writer is killed,
the journal stays, and :func:`recover` (run by the next ingest, accept or remove of the
year under its lock, and by ``hemiplan validate``) finishes it: forward renames the
staged files still there, back puts the second links back. Staged files without a
journal were never swapped in, and second links without one are of a finished swap:
both are removed."""
from __future__ import annotations

import json
import os
from pathlib import Path

from hemiplan import paths
from hemiplan.data import csvio

#: The journal's name, in the year's folder.
NAME = ".hemiplan-journal"


def _rel(path: Path, root: Path) -> str:
    return str(Path(path).relative_to(root))


def record(journal: Path, state: str, staged: list[tuple[Path, Path]],
           backups: list[tuple[Path, Path | None]]) -> None:
    """Write the journal: the swap's direction and, per file, where it is staged and its
    second link (paths relative to the data folder, the journal's grandparent)."""
    root = Path(journal).parent.parent
    old = dict(backups)
    entries = [{"target": _rel(path, root), "staged": _rel(tmp, root),
                "backup": None if old.get(path) is None else _rel(old[path], root)} for tmp, path in staged]
    csvio.atomic_write_text(journal, json.dumps({"state": state, "pid": os.getpid(), "files": entries}, indent=1))


def pending(year: int, data_dir=None) -> Path | None:
    """The journal of an unfinished swap of the year's files, if any."""
    j = paths.year_dir(year, data_dir) / NAME
    return j if j.is_file() else None


def debris(year: int, data_dir=None) -> list[Path]:
    """Files a write of the year left staged (none while a swap is pending: they are its)."""
    folder, raw = paths.year_dir(year, data_dir), paths.data_dir(data_dir) / "raw"
    found = [p for p in folder.glob(".*.ingest-*") if p.is_file()] if folder.is_dir() else []
    found += [p for p in folder.glob(f".{NAME}.*.tmp")] if folder.is_dir() else []
    for pattern in (f".{int(year)}.*.ingest-*", f"..{int(year)}.*.ingest-*"):   # staged, and staging
        found += [p for p in raw.glob(pattern) if p.is_file()] if raw.is_dir() else []
    return sorted(found)


def recover(year: int, data_dir=None) -> list[str]:
    """Finish (forward) or undo (back) an interrupted swap of the year's files and remove
    what was staged; call it holding the year's lock. What was done, as sentences."""
    done = []
    j = pending(year, data_dir)
    if j is not None:
        root = j.parent.parent
        entry = json.loads(j.read_text(encoding="utf-8"))
        for f in entry["files"]:
            target, staged = root / f["target"], root / f["staged"]
            backup = root / f["backup"] if f["backup"] else None
            if entry["state"] == "forward" and staged.exists():
                os.replace(staged, target)
            elif entry["state"] == "back":
                if backup is not None and backup.exists():
                    os.replace(backup, target)
                elif backup is None and target.exists() and not staged.exists():
                    target.unlink()       # a new file that had been swapped in
        j.unlink()
        how = "finished" if entry["state"] == "forward" else "rolled back"
        done.append(f"an interrupted write of {year} (pid {entry.get('pid')}) was {how}: "
                    f"{', '.join(f['target'] for f in entry['files'])}")
    left = debris(year, data_dir)
    for p in left:
        p.unlink(missing_ok=True)
    if left:
        done.append(f"removed {len(left)} staged file(s) left by an interrupted write of {year}")
    return done
