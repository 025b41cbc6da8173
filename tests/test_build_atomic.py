"""Atomic publish: a build that fails (a chapter raises, a chapter warns, Jupyter Book
fails, the table of contents names a missing file) leaves the previously published
site byte for byte as it was, and says what failed: the notebook, the cell (numbered
as in the committed notebook) and the exception.

Each test works on a copy of the session's SYNTHETIC site (its project root with
_build/, so that the cache spares re-executing the unchanged chapters)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

from .conftest import Site, snapshot


def clone(site: Site, dest: Path) -> Site:
    shutil.copytree(site.root, dest, symlinks=True)
    return Site(dest, site.data_dir, site.year)


def insert_after_load(notebook: Path, source: str) -> int:
    """Insert a code cell right after the cell that loads the edition (the code cell
    after the one tagged ``parameters``); returns its index in the notebook."""
    nb = nbformat.read(notebook, as_version=4)
    params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    load = next(i for i in range(params + 1, len(nb.cells)) if nb.cells[i].cell_type == "code")
    nb.cells.insert(load + 1, nbformat.v4.new_code_cell(source))
    nbformat.write(nb, notebook)
    return load + 1


# The build runs in its own process, as `hemiplan build` would, so that the kernels and
# workers of a failing build share nothing with the test process.
BUILD = """
import sys
from pathlib import Path
from hemiplan import build
try:
    build.build(int(sys.argv[1]), data_dir=Path(sys.argv[2]), root=Path(sys.argv[3]), progress=False)
except build.BuildError as exc:
    print(f"BuildError: {exc}", file=sys.stderr)
    sys.exit(3)
"""


def failed_build(site: Site) -> str:
    """Build ``site`` again, expecting hemiplan.build.BuildError; returns its message."""
    before = snapshot(site.html)
    assert before, "nothing was published before the failing build"
    proc = subprocess.run([sys.executable, "-c", BUILD, str(site.year), str(site.data_dir), str(site.root)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 3, f"expected a BuildError, got exit code {proc.returncode}:\n{proc.stderr[-4000:]}"
    assert snapshot(site.html) == before, "the failing build changed the published site"
    return proc.stderr[proc.stderr.index("BuildError: "):]


def test_a_chapter_that_raises(synthetic_site, tmp_path):
    site = clone(synthetic_site, tmp_path / "book")
    index = insert_after_load(site.root / "chapters" / "overview.ipynb", 'raise RuntimeError("deliberately broken")')
    message = failed_build(site)
    assert "chapters/overview.ipynb" in message, message
    assert f"cell {index} (raise RuntimeError" in message, message
    assert "RuntimeError: deliberately broken" in message, message


def test_a_chapter_that_fails_in_spanish_only_publishes_no_language(synthetic_site, tmp_path):
    """Every language or none: a chapter that raises in its Spanish run only leaves
    the English edition unpublished too (the published site, both languages, as it was)."""
    site = clone(synthetic_site, tmp_path / "book")
    insert_after_load(site.root / "chapters" / "training.ipynb",
                      'if language == "es":\n    raise RuntimeError("deliberately broken in Spanish")')
    message = failed_build(site)
    assert "chapters/training.ipynb (language='es')" in message, message
    assert "RuntimeError: deliberately broken in Spanish" in message, message
    assert "(language='en')" not in message


def test_a_chapter_that_warns(synthetic_site, tmp_path):
    site = clone(synthetic_site, tmp_path / "book")
    index = insert_after_load(site.root / "chapters" / "member_states.ipynb",
                              'import warnings\nwarnings.warn("deliberate warning")')
    message = failed_build(site)
    assert f"chapters/member_states.ipynb, cell {index} (import warnings)" in message, message
    assert "stderr" in message and "deliberate warning" in message, message


def test_a_jupyter_book_failure(synthetic_site, tmp_path):
    site = clone(synthetic_site, tmp_path / "book")
    intro = site.root / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nSee {ref}`no-such-label`.\n", encoding="utf-8")
    message = failed_build(site)
    assert "Jupyter Book failed" in message and "no-such-label" in message, message


def test_a_toc_entry_for_a_missing_file(synthetic_site, tmp_path):
    site = clone(synthetic_site, tmp_path / "book")
    toc_path = site.root / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    toc["parts"][-1]["chapters"].append({"file": "chapters/no_such_chapter"})
    toc_path.write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    message = failed_build(site)
    assert "'chapters/no_such_chapter'" in message and "_toc.yml" in message, message
