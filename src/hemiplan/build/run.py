"""The build's two entry points. ``build``: plan, execute what changed, assemble the
tree and publish it (see the package docstring for the layout under _build/).
``refresh``: execute the committed chapters in place for the default year."""
from __future__ import annotations

from pathlib import Path

import nbformat

from hemiplan import paths
from hemiplan.build import assembly, cache, execution, planning, profiles, publishing
from hemiplan.build.jobs import Job, Plan
from hemiplan.data import content_hash, default_year, table_files
from hemiplan.data.csvio import atomic_write_text


def build(year=None, data_dir=None, jobs_n: int | None = None, clean: bool = False,
          root: Path = paths.ROOT, progress: bool = True) -> tuple[Plan, Path]:
    """Plan, execute what changed, assemble the tree, and publish it, unless the tree
    is exactly the one the published site was built from (then nothing runs)."""
    p = planning.plan(year, data_dir, root)
    execution.execute(p, jobs_n, root, progress)
    tree = assembly.assemble_tree(p, root)
    digest = publishing.tree_digest(tree)
    if not clean and publishing.is_current(p.year, digest, root):
        p.extra["published"] = False
        return p, publishing.site_dir(p.year, root)
    site = publishing.publish_tree(tree, p.year, digest, root, clean)
    cache.write_manifest(p, root)
    p.extra["published"] = True
    return p, site


def refresh(root: Path = paths.ROOT, jobs_n: int | None = None, progress: bool = True) -> list[Path]:
    """Execute every committed chapter in place for the default year (no parameters
    injected: the defaults of the parameters cell build the canonical book), so that
    the committed outputs are what nbval expects."""
    y = default_year()
    data_hash = content_hash(table_files(y))
    code = cache.code_hash()
    toc = planning.read_toc(root)
    sources = [root / f"{f}.ipynb" for f in planning.toc_files(toc) if (root / f"{f}.ipynb").is_file()]
    if (root / profiles.TEMPLATE).is_file():
        sources.append(root / profiles.TEMPLATE)
    jobs = [Job(src, str(src.relative_to(root)), {}) for src in sources]
    for job in jobs:
        job.key = cache.job_key(job, data_hash + ":refresh", code)
    execution.execute(Plan(y, paths.DATA, jobs, {}, data_hash), jobs_n, root, progress)
    written = []
    for job in jobs:
        nb = cache.cached_notebook(job, root)
        nb.metadata.pop("hemiplan", None)
        text = nbformat.writes(nb)
        if job.source.read_text(encoding="utf-8") != text:
            atomic_write_text(job.source, text)
            written.append(job.source)
    return written
