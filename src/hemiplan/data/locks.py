"""One writer at a time: a lock on a year's data (ingest, accept, the review workbench)
or on the published site (a build).

The lock is an advisory ``flock`` on a small file (``data/<year>/.hemiplan-lock``,
``_build/.hemiplan-lock``) that records who holds it (command and pid). The system
releases it when its holder exits, however it exits, so the lock of a process that was
killed is taken over by the next writer without anything to clean up. A second writer
waits briefly, then fails with :class:`Busy` ("another accept is running (pid 4242)").

Writers also check, just before they write, that the files are still those they read
(:func:`digest`): a change made on disk meanwhile, by a hand edit or a program that
takes no lock, is never overwritten."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

#: The lock file's name, in the folder it guards.
LOCK_NAME = ".hemiplan-lock"
#: How long a second writer waits for the first, in seconds (an accept validates the
#: year while it holds the lock, which takes seconds on a busy machine).
WAIT = 60.0


class Busy(RuntimeError):
    """Another writer holds the lock."""


class Changed(RuntimeError):
    """A file changed on disk between reading and writing it."""


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096).decode("utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    what, pid = info.get("what", "writer"), info.get("pid")
    return f"another {what} is running" + (f" (pid {pid})" if pid else "")


@contextmanager
def locked(folder: Path, what: str, wait: float | None = None):
    """Hold the lock of ``folder`` (created if missing) while the block runs; ``what``
    names the holder in the message a second writer gets ('ingest of 2015')."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + (WAIT if wait is None else wait)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(f"{_holder(fd)} on {folder}; try again when it has finished") from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps({"what": what, "pid": os.getpid(), "since": time.time()}).encode("utf-8"))
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def digest(files) -> dict[str, str]:
    """File → SHA-256 of its bytes ('' for a missing file)."""
    out = {}
    for f in files:
        f = Path(f)
        out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest() if f.is_file() else ""
    return out


def unchanged(before: dict[str, str]) -> None:
    """Raise :class:`Changed`, naming the files, if any file differs from ``before``."""
    now = digest(before)
    moved = [f for f, h in before.items() if now[f] != h]
    if moved:
        raise Changed(f"{', '.join(moved)} changed on disk since it was read; nothing was written "
                      "(run the command again to work on the new content)")
