"""The build's entry points. ``build_editions``: for every year (or the years given)
and every language, plan, execute what changed (every edition in every language in
one pool) and assemble each (edition, language) tree as soon as its notebooks are
ready, then publish the changed ones after checking the assembled site of every
language; ``build``: the same for one edition (see the package docstring for the
layout under _build/).
``refresh``: execute the committed chapters in place for the default year."""
from __future__ import annotations

import os
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import nbformat

from hemiplan import paths
from hemiplan.build import assembly, cache, execution, languages, pdf, planning, printer, profiles, publishing, site
from hemiplan.build.jobs import BuildError, Job, Plan
from hemiplan.data import available_years, content_hash, default_year, resolve_year, table_files
from hemiplan.data import locks
from hemiplan.data.csvio import atomic_write_text

#: How long a second build waits for the first to finish before it gives up (seconds):
#: briefly, since a build takes minutes; it then says which build holds the site.
SITE_WAIT = 5.0


@contextmanager
def site_lock(root: Path, what: str = "build"):
    """The site's lock (``_build/.hemiplan-lock``): one build (or refresh) at a time;
    a second one waits SITE_WAIT seconds, then fails with a BuildError naming the
    first ("another build is running (pid 4242)")."""
    held = locks.locked(root / "_build", what, wait=SITE_WAIT)
    try:
        held.__enter__()
    except locks.Busy as exc:
        raise BuildError(str(exc)) from None
    try:
        yield
    finally:
        held.__exit__(None, None, None)


def _finish(p: Plan, clean: bool, root: Path, jobs_n: int | None) -> None:
    """Assemble the tree of an executed edition and, unless the published edition was
    built from exactly this tree, run Jupyter Book on it and print its PDFs (its HTML
    waits in ``p.html`` for the checked publish)."""
    tree = assembly.assemble_tree(p, root)
    digest = publishing.tree_digest(tree)
    if not clean and publishing.is_current(p.year, digest, root, p.language):
        publishing.restamp_inputs(p.year, p.inputs, root, p.language)
        return
    p.html = publishing.jupyter_book(tree, p.year, digest, p.meta, root, clean, p.inputs, p.language)
    if p.pdf:
        p.pdfs = pdf.render(p.html, planning.toc_files(p.toc), p.year, root, jobs_n,
                            mount=languages.label(p.year, p.language), base=p.base_url)


def _execute_and_finish(plans: list[Plan], jobs_n: int | None, clean: bool, root: Path, progress: bool) -> None:
    """Execute the editions' notebooks in one pool and finish each edition (assembly,
    Jupyter Book, PDFs) in a thread pool as soon as its notebooks are ready, while the
    next edition executes. Every failure is reported, in one BuildError."""
    errors: list[BuildError] = []
    # One browser prints the PDFs of every edition and language of the build, a page
    # per core at a time (hemiplan.build.printer).
    with printer.shared(pdf.launch, jobs_n), \
            ThreadPoolExecutor(max_workers=jobs_n or os.cpu_count() or 1, thread_name_prefix="edition") as pool:
        futures = []
        try:
            execution.execute_plans(plans, jobs_n, root, progress,
                                    done=lambda p: futures.append(pool.submit(_finish, p, clean, root, jobs_n)))
        except BuildError as exc:
            errors.append(exc)
        for fut in futures:
            try:
                fut.result()
            except BuildError as exc:
                errors.append(exc)
    if errors:
        raise BuildError("\n".join(map(str, errors)))


def build_editions(years=None, data_dir=None, jobs_n: int | None = None, clean: bool = False,
                   root: Path = paths.ROOT, progress: bool = True, langs=None, base_url: str | None = None,
                   pdfs: bool = True) -> list[Plan]:
    """Build the editions of ``years`` (default: every year with data), oldest first,
    in every language of ``langs`` (default: every language, English first), then
    publish those whose tree changed, all or none, after checking every page of the
    editions of this run in every language and the site pages (see
    ``publishing.publish_checked``). An (edition, language) whose published site was
    made from the same inputs costs its planning only; one whose assembled tree comes
    out unchanged is not given to Jupyter Book again. Building every year withdraws
    the published editions whose data folder is gone, in every language, and says so.
    One build at a time (the site's lock); the debris of an interrupted build is
    removed first. ``base_url``: the site's public address (default: _config.yml's
    ``html.baseurl``; see hemiplan.build.public). ``pdfs=False`` builds and publishes
    the site without its PDFs; with them, a missing browser stops the build before
    anything executes. The years given bring the earlier editions their pages link
    to, when those are not published (see :func:`linked_editions`)."""
    if pdfs and pdf.browser_missing():
        raise BuildError(pdf.browser_missing())
    with site_lock(root):
        publishing.clean_debris(root)
        return _build_editions(years, data_dir, jobs_n, clean, root, progress, langs, base_url, pdfs)


def linked_editions(years: list[int], listed: list[int], root: Path, langs, pdfs: bool = False) -> list[int]:
    """The editions that the pages of ``years`` link to (every earlier year with data:
    the chapters compare an edition with them, and link their paragraphs) and that are
    not published in every language of ``langs``, or (a build that prints PDFs) were
    published without their PDFs: a build of ``years`` builds them too, so that the
    site it publishes links no PDF that is not there."""
    published = {lang: site.published(languages.html_root(root, lang)) for lang in langs}

    def lacking(y: int, lang: str) -> bool:
        return y not in published[lang] or (pdfs and not published[lang][y].get("pdf", True))
    return [y for y in listed if y < max(years) and y not in years and any(lacking(y, lang) for lang in langs)]


def _build_editions(years, data_dir, jobs_n, clean, root, progress, langs, base_url=None, pdfs=True) -> list[Plan]:
    every = years is None
    listed = available_years(data_dir)
    years = listed if every else [resolve_year(y, data_dir, listed) for y in years]
    if not years:
        raise BuildError(f"no year has data in {paths.data_dir(data_dir)}")
    langs = list(langs or languages.available())
    base_url = planning.base_url(root, base_url)
    if not every:
        extra = linked_editions(years, listed, root, langs, pdfs)
        for y in extra:
            print(f"edition {y} is built too: the pages of {max(years)} link to it and it is not published"
                  + (" with its PDFs" if pdfs else ""), file=sys.stderr)
        years = sorted(set(years) | set(extra))
    if pdfs and not base_url:
        print("note: the site has no public address (html.baseurl in _config.yml, or --base-url): the PDFs' links "
              "go to their pages relative to each PDF's place in the site", file=sys.stderr)
    # A build of every year withdraws the published editions whose data are gone.
    published = {y for lang in languages.available() for y in site.published(languages.html_root(root, lang))}
    retired = sorted(y for y in published if y not in years) if every else []
    plans = [p for y in sorted(set(years)) for p in planning.plans(y, data_dir, root, listed, langs, base_url, pdfs)]
    todo = []
    for p in plans:
        p.inputs = assembly.inputs_digest(p, root)
        if not clean and publishing.inputs_current(p.year, p.inputs, root, p.language):
            for job in p.jobs:
                job.cached = True
        else:
            todo.append(p)
    _execute_and_finish(todo, jobs_n, clean, root, progress)
    fresh = {p.key: p.html for p in plans if p.html is not None}
    if fresh or retired:
        publishing.publish_checked(fresh, [p.key for p in plans], root, retired, base_url)
        for y in retired:
            print(f"edition {y} withdrawn: its data folder {paths.data_dir(data_dir) / str(y)} is gone",
                  file=sys.stderr)
        for p in plans:
            if p.key in fresh:
                cache.write_manifest(p, root)
                p.published = True
    return plans


def build(year=None, data_dir=None, jobs_n: int | None = None, clean: bool = False,
          root: Path = paths.ROOT, progress: bool = True, langs=None, base_url: str | None = None,
          pdfs: bool = True) -> tuple[Plan, Path]:
    """Build and publish one edition (default: the latest year with data) in every
    language (and the earlier editions it links to, if not published); see
    :func:`build_editions`. Returns the English plan and site of that edition."""
    y = resolve_year(year, data_dir)
    plans = build_editions([y], data_dir, jobs_n, clean, root, progress, langs, base_url, pdfs)
    first = next(p for p in plans if p.year == y)
    return first, publishing.site_dir(first.year, root, first.language)


def refresh(root: Path = paths.ROOT, jobs_n: int | None = None, progress: bool = True) -> list[Path]:
    """Execute every committed chapter in place for the default year (no parameters
    injected: the defaults of the parameters cell build the canonical book), so that
    the committed outputs are what nbval expects."""
    with site_lock(root, "refresh"):
        return _refresh(root, jobs_n, progress)


def _refresh(root: Path, jobs_n: int | None, progress: bool) -> list[Path]:
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
