"""Publishing an edition: Jupyter Book run on the assembled tree (in its own process,
warnings being errors), then the new site swapped in for ``_build/html/<year>/`` in
one rename, so that a failed build leaves the published site as it was. A stamp
holding the digest of the tree a site was built from lets an unchanged tree skip
both."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hemiplan import paths
from hemiplan.build.cache import hash_tree
from hemiplan.build.jobs import BuildError
from hemiplan.data.csvio import atomic_write_text

STAMP = ".hemiplan-build"
# Progress lines of Sphinx's log, left out of the end of the log shown on a failure.
_PROGRESS = re.compile(r"(copying images|reading sources|writing output|copying assets|pickling"
                       r"|checking consistency)\.\.\.")


def tree_digest(tree: Path) -> str:
    """Hash of every file of a build tree: equal digests publish equal sites."""
    h = hashlib.sha256()
    hash_tree(h, tree, "*")
    return h.hexdigest()


def site_dir(year: int, root: Path = paths.ROOT) -> Path:
    return root / "_build" / "html" / str(year)


def is_current(year: int, digest: str, root: Path = paths.ROOT) -> bool:
    """Whether the published site of ``year`` was built from a tree with ``digest``."""
    stamp = site_dir(year, root) / STAMP
    return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest


def jupyter_book_command(tree: Path, out: Path, *options: str) -> list[str]:
    """Jupyter Book's ``build`` of ``tree`` into ``out``, as a command for its own process."""
    return [sys.executable, "-c", "from jupyter_book.cli.main import main; main()", "build", str(tree),
            "--path-output", str(out), *options, "--builder", "html"]


def run_jupyter_book(tree: Path, out: Path, clean: bool = False) -> None:
    if clean and out.exists():
        shutil.rmtree(out)
    proc = subprocess.run(jupyter_book_command(tree, out, "-W", "-n", "--keep-going"), capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError(_failure(tree, proc.stdout + proc.stderr))


def _failure(tree: Path, log: str) -> str:
    """The causes first (Sphinx's warnings and errors, which -W turns into a failure),
    without colour codes; then the end of the log, without its progress lines."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", ln).rstrip() for ln in log.splitlines()]
    causes = list(dict.fromkeys(ln.strip() for ln in lines
                                if re.search(r"\b(WARNING|ERROR|CRITICAL|Exception|Error):", ln)))
    tail = [ln for ln in lines if ln.strip() and not _PROGRESS.match(ln)]
    return (f"Jupyter Book failed on {tree}:\n"
            + "".join(f"  {c}\n" for c in causes[:20])
            + (f"  … and {len(causes) - 20} more\n" if len(causes) > 20 else "")
            + "end of its log:\n" + "\n".join(tail[-15:]))


def publish(html_src: Path, year: int, root: Path = paths.ROOT) -> Path:
    """Replace _build/html/<year> with a new site atomically (rename, never half-copied)."""
    site = root / "_build" / "html"
    site.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{year}.new-", dir=site))
    shutil.copytree(html_src, staging, dirs_exist_ok=True)
    final = site / str(year)
    old = None
    if final.exists():
        old = site / f".{year}.old-{os.getpid()}"
        os.replace(final, old)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    _write_index(site)
    return final


def _write_index(site: Path) -> None:
    """index.html sends the reader to the latest edition."""
    latest = max(int(p.name) for p in site.iterdir() if p.is_dir() and p.name.isdigit())
    atomic_write_text(site / "index.html",
                      f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>hemiplan</title>'
                      f'<meta http-equiv="refresh" content="0; url={latest}/index.html"></head>'
                      f'<body><p><a href="{latest}/index.html">The {latest} edition</a></p></body></html>')
    (site / ".nojekyll").touch()


def publish_tree(tree: Path, year: int, digest: str, root: Path = paths.ROOT, clean: bool = False) -> Path:
    """Jupyter Book on the tree, stamped with its digest, then published."""
    jb_out = root / "_build" / "jb" / str(year)
    run_jupyter_book(tree, jb_out, clean=clean)
    html_out = jb_out / "_build" / "html"
    (html_out / STAMP).write_text(digest + "\n", encoding="utf-8")
    return publish(html_out, year, root)
