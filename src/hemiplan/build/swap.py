"""Putting a new folder in the place of a published one with no moment without
either: on Linux, one ``renameat2(RENAME_EXCHANGE)`` system call swaps the two
folders atomically (a reader sees the old edition or the new one, never none);
elsewhere, or on a file system that does not support it, two renames (old aside, new
in), which leave a gap of one rename. What an interrupted swap leaves (the staged or
set-aside folder, named ``.<name>.new-…`` / ``.<name>.old-…``) is removed by the next
build (:func:`debris`)."""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from pathlib import Path

#: renameat2's flag that exchanges the two paths (linux/fs.h).
RENAME_EXCHANGE = 2
#: The "current working directory" file descriptor of the *at() system calls.
AT_FDCWD = -100

_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)


def exchange(a: Path, b: Path) -> bool:
    """Swap the folders ``a`` and ``b`` in one system call; False when the system
    cannot (no renameat2, or a file system without RENAME_EXCHANGE)."""
    if _renameat2 is None:
        return False
    if _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, f"could not exchange {a} and {b}: {os.strerror(err)}")


def set_aside(final: Path) -> Path | None:
    """Rename the folder ``final``, if any, out of the way (to be deleted)."""
    if not final.exists():
        return None
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    os.replace(final, old)
    return old


def swap_in(staging: Path, final: Path) -> Path:
    """Put the folder ``staging`` in the place of ``final`` (same file system):
    exchanged in one system call when ``final`` exists, so that the path always
    holds a whole folder, the old one or the new one; then the old one is deleted."""
    if final.exists() and exchange(staging, final):
        shutil.rmtree(staging, ignore_errors=True)  # now the old folder
        return final
    old = set_aside(final)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return final


def debris(folder: Path) -> list[Path]:
    """The folders and files an interrupted build left in ``folder`` (staged
    ``.<name>.new-…``, set aside ``.<name>.old-…``)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith(".") and (".new-" in p.name or ".old-" in p.name))


def clean(folders) -> list[Path]:
    """Remove the debris of an interrupted build from each of ``folders``; only
    under the site's lock (no other build can be using it). Returns what it removed."""
    gone = []
    for folder in folders:
        for p in debris(Path(folder)):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
            gone.append(p)
    return gone
