"""The build's entry points. ``build_editions``: for every year (or the years given),
plan, execute what changed and assemble the tree, then publish the changed editions
after checking the assembled site; ``build``: the same for one edition (see the
package docstring for the layout under _build/).
``refresh``: execute the committed chapters in place for the default year."""
from __future__ import annotations

from pathlib import Path

import nbformat

from hemiplan import paths
from hemiplan.analysis import series
from hemiplan.build import assembly, cache, execution, pdf, planning, profiles, publishing
from hemiplan.build.jobs import BuildError, Job, Plan
from hemiplan.data import available_years, content_hash, default_year, load, resolve_year, table_files
from hemiplan.data.csvio import atomic_write_text


def _prepare(year, data_dir, jobs_n: int | None, clean: bool, root: Path, progress: bool) -> Plan:
    """Plan, execute what changed and assemble the tree of one edition; unless the
    published edition was built from exactly this tree, run Jupyter Book on it (its
    HTML waits in ``plan.extra["html"]`` for the checked publish)."""
    p = planning.plan(year, data_dir, root)
    execution.execute(p, jobs_n, root, progress)
    tree = assembly.assemble_tree(p, root)
    digest = publishing.tree_digest(tree)
    p.extra["published"] = False
    if clean or not publishing.is_current(p.year, digest, root):
        meta = {"year": p.year, "status": series.status(p.extra["drafts"]), "drafts": p.extra["drafts"],
                "data_version": p.data_hash[:10], "counts": series.headline(load(p.year, p.data_dir))}
        p.extra["html"] = publishing.jupyter_book(tree, p.year, digest, meta, root, clean)
        p.extra["pdfs"] = pdf.render(p.extra["html"], planning.toc_files(p.toc), p.year, root, jobs_n)
    return p


def build_editions(years=None, data_dir=None, jobs_n: int | None = None, clean: bool = False,
                   root: Path = paths.ROOT, progress: bool = True) -> list[Plan]:
    """Build the editions of ``years`` (default: every year with data), oldest first,
    then publish those whose tree changed, all or none, after checking every page of
    the editions of this run and the site pages (see ``publishing.publish_checked``).
    Editions whose tree is unchanged cost their planning only."""
    years = available_years(data_dir) if years is None else [resolve_year(y, data_dir) for y in years]
    if not years:
        raise BuildError(f"no year has data in {paths.data_dir(data_dir)}")
    plans = [_prepare(y, data_dir, jobs_n, clean, root, progress) for y in sorted(set(years))]
    fresh = {p.year: p.extra["html"] for p in plans if "html" in p.extra}
    if fresh:
        publishing.publish_checked(fresh, [p.year for p in plans], root)
        for p in plans:
            if p.year in fresh:
                cache.write_manifest(p, root)
                p.extra["published"] = True
    return plans


def build(year=None, data_dir=None, jobs_n: int | None = None, clean: bool = False,
          root: Path = paths.ROOT, progress: bool = True) -> tuple[Plan, Path]:
    """Build and publish one edition (default: the latest year with data); see
    :func:`build_editions`."""
    [p] = build_editions([resolve_year(year, data_dir)], data_dir, jobs_n, clean, root, progress)
    return p, publishing.site_dir(p.year, root)


def refresh(root: Path = paths.ROOT, jobs_n: int | None = None, progress: bool = True) -> list[Path]:
    """Execute every committed chapter in place for the default year (no parameters
    injected: the defaults of the parameters cell build the canonical book), so that
    the committed outputs are what nbval expects."""
    y = default_year()
    data_hash = content_hash(table_files(y))
    code = cache.code_hash()
    toc = planning.read_toc(root)
    sources = [root / f"{f}.ipynb" for f in planning.toc_files(toc) if (root / f"{f}.ipynb").is_file()]
    for extra in (profiles.TEMPLATE, planning.REVIEW_PAGE):
        if (root / extra).is_file():
            sources.append(root / extra)
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
