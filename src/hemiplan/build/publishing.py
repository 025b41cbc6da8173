"""Publishing editions: Jupyter Book run on each assembled tree (in its own process,
warnings being errors), the assembled HTML checked for broken links and unresolved
references (``sitecheck``), then each new edition swapped in for
``_build/html/<year>/`` in one rename and the site pages (``site``) rewritten, so
that a failed or refused build leaves the published site as it was. A stamp holding
the digest of the tree a site was built from lets an unchanged tree skip all this."""
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
from hemiplan.build import site, sitecheck
from hemiplan.build.cache import hash_tree
from hemiplan.build.jobs import BuildError
from hemiplan.data.csvio import atomic_write_text

STAMP = ".hemiplan-build"
#: Beside STAMP: the digest of the inputs the tree was assembled from (see
#: assembly.inputs_digest), with which an unchanged edition skips even its assembly.
INPUTS_STAMP = ".hemiplan-inputs"
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


def _stamped(year: int, stamp: str, value: str, root: Path) -> bool:
    """Whether the published site of ``year`` holds ``value`` in its ``stamp`` file
    and carries its edition.json (a site published without one is rebuilt)."""
    path = site_dir(year, root) / stamp
    return (path.is_file() and path.read_text(encoding="utf-8").strip() == value
            and site.read_meta(site_dir(year, root)) is not None)


def is_current(year: int, digest: str, root: Path = paths.ROOT) -> bool:
    """Whether the published site of ``year`` was built from a tree with ``digest``."""
    return _stamped(year, STAMP, digest, root)


def inputs_current(year: int, inputs: str, root: Path = paths.ROOT) -> bool:
    """Whether the published site of ``year`` was made from a tree assembled from
    ``inputs``."""
    return _stamped(year, INPUTS_STAMP, inputs, root)


def restamp_inputs(year: int, inputs: str, root: Path = paths.ROOT) -> None:
    """Record on the published site of ``year`` that ``inputs`` assemble its tree too
    (new inputs, e.g. a code change, that changed no file of the tree)."""
    atomic_write_text(site_dir(year, root) / INPUTS_STAMP, inputs + "\n")


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
                                if re.search(r"\b(WARNING|ERROR|CRITICAL|\w*Exception|\w*Error|Extension error):", ln)))
    tail = [ln for ln in lines if ln.strip() and not _PROGRESS.match(ln)]
    return (f"Jupyter Book failed on {tree}:\n"
            + "".join(f"  {c}\n" for c in causes[:20])
            + (f"  … and {len(causes) - 20} more\n" if len(causes) > 20 else "")
            + "end of its log:\n" + "\n".join(tail[-15:]))


def _set_aside(final: Path) -> Path | None:
    """Rename the folder ``final``, if any, out of the way (to be deleted)."""
    if not final.exists():
        return None
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    os.replace(final, old)
    return old


def _swap_in(staging: Path, final: Path) -> Path:
    """Put the folder ``staging`` in the place of ``final`` (same file system) by
    renames: ``final`` is never half-replaced."""
    old = _set_aside(final)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return final


def publish(html_src: Path, year: int, root: Path = paths.ROOT) -> Path:
    """Replace _build/html/<year> with a new site atomically (rename, never half-copied)."""
    site = root / "_build" / "html"
    site.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{year}.new-", dir=site))
    shutil.copytree(html_src, staging, dirs_exist_ok=True)
    return _swap_in(staging, site / str(year))


def withdraw(year: int, root: Path = paths.ROOT) -> None:
    """Remove the published edition of ``year`` (one rename, then the copy is deleted)."""
    old = _set_aside(site_dir(year, root))
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


#: Pages Sphinx writes that have no source document.
SPHINX_PAGES = {"genindex", "search", "index", "py-modindex"}


def prune(tree: Path, html_out: Path) -> list[Path]:
    """Remove the pages whose document left the book (a Review page once the edition
    is reviewed, the profile of a state without activity any more): Sphinx's
    incremental build never deletes an output, and a stale page would be published."""
    removed = []
    for page in html_out.rglob("*.html"):
        rel = page.relative_to(html_out)
        if rel.parts[0].startswith("_"):
            continue
        doc = str(rel.with_suffix(""))
        if doc not in SPHINX_PAGES and not any((tree / f"{doc}{ext}").is_file() for ext in (".ipynb", ".md")):
            page.unlink()
            removed.append(page)
            for source in (html_out / "_sources").glob(f"{doc}.*"):
                source.unlink()
    return removed


def jupyter_book(tree: Path, year: int, digest: str, meta: dict, root: Path = paths.ROOT,
                 clean: bool = False, inputs: str = "") -> Path:
    """Jupyter Book on the tree; its HTML, stamped with the tree's digest, the
    digest of its inputs and the edition's metadata, waits under _build/jb/<year>/
    for :func:`publish_checked`."""
    jb_out = root / "_build" / "jb" / str(year)
    run_jupyter_book(tree, jb_out, clean=clean)
    html_out = jb_out / "_build" / "html"
    prune(tree, html_out)
    (html_out / STAMP).write_text(digest + "\n", encoding="utf-8")
    (html_out / INPUTS_STAMP).write_text(inputs + "\n", encoding="utf-8")
    site.write_meta(html_out, meta)
    return html_out


def edition_pages(folder: Path) -> list[str]:
    """The pages of an edition's site (paths inside it), without Sphinx's sources
    and static files."""
    return sorted(str(p.relative_to(folder).as_posix()) for p in folder.rglob("*.html")
                  if not p.relative_to(folder).parts[0].startswith(("_", ".")))


def _stage_site_pages(html: Path, metas: dict[int, dict], fresh: dict[int, Path]) -> tuple[Path, dict[str, Path]]:
    """The site pages written to a staging folder, with where each will be served."""
    staging = Path(tempfile.mkdtemp(prefix=".site.new-", dir=html))
    latest = site.latest_year(metas)
    folder = fresh.get(latest, html / str(latest)) if latest is not None else None
    mounts = {}
    for name, text in site.pages(metas, edition_pages(folder) if folder is not None and folder.is_dir() else ()).items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_text(text, encoding="utf-8")
        mounts[name] = staging / name
    return staging, mounts


def _unpublished_hint(problems: list, metas: dict[int, dict]) -> str:
    """A line for links into editions that are not published (a single-year build
    whose chapters link an earlier edition that was never built)."""
    missing = sorted({int(m.group(1)) for p in problems
                      for m in [re.search(r"missing page (\d{4})/", p.reason)] if m and int(m.group(1)) not in metas})
    if not missing:
        return ""
    return (f"\nthe edition(s) {', '.join(map(str, missing))} linked to are not published: build every edition "
            "(`make book`, or `hemiplan build` without --year)")


def publish_checked(fresh: dict[int, Path], checked: list[int], root: Path = paths.ROOT,
                    retired: list[int] = ()) -> None:
    """Publish the editions built afresh (year → Jupyter Book's HTML) and the site
    pages, and withdraw the ``retired`` editions (published, but whose data are
    gone), after checking the assembled site as it will be served: every page of the
    editions in ``checked`` and of the site pages. Any broken link or unresolved
    reference (a link into a retired edition included) refuses the whole publish
    (BuildError naming page and link), leaving the published site as it was;
    nothing of Sphinx's incremental state is trusted."""
    html = root / "_build" / "html"
    html.mkdir(parents=True, exist_ok=True)
    metas = {**site.published(html), **{y: site.read_meta(out) for y, out in fresh.items()}}
    for y in retired:
        metas.pop(y, None)
    staging, pages = _stage_site_pages(html, metas, fresh)
    try:
        gone = staging / ".retired"  # an empty folder where each retired edition was
        gone.mkdir()
        view = sitecheck.Site(html, {**{str(y): gone for y in retired},
                                     **{str(y): out for y, out in fresh.items()}, **pages})
        problems = sitecheck.check(view, [str(y) for y in sorted(checked)])
        for page in sorted(pages):
            problems += sitecheck.check_page(view, page)
        if problems:
            raise BuildError(sitecheck.report(problems) + _unpublished_hint(problems, metas))
        for y, out in sorted(fresh.items()):
            publish(out, y, root)
        for y in retired:
            withdraw(y, root)
        for name, path in pages.items():
            if not name.startswith("latest/"):
                atomic_write_text(html / name, path.read_text(encoding="utf-8"))
        _swap_in(staging / "latest", html / "latest")  # whole: no page of an earlier latest edition stays
        (html / ".nojekyll").touch()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
