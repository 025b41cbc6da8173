"""Executing the jobs whose notebook is not in the cache, of one edition or of
several at once, in every language: a pool of spawned worker processes, each running
notebook after notebook with papermill in one reused kernel (see
:mod:`hemiplan.build.kernels`); every executed notebook is normalised, its Markdown
cells translated into the page's language (:func:`catalogs.translate_notebook`), and
stored in the cache. A failure names the notebook and the cell as its author knows
them, and the language."""
from __future__ import annotations

import itertools
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat
from tqdm import tqdm

from hemiplan import language, paths
from hemiplan.build import cache, catalogs, lifeline, normalise, profiles
from hemiplan.build.jobs import BuildError, Job, Plan
from hemiplan.present.book import DOWNLOADS_ENV


def _where(job: Job, root: Path) -> str:
    """The notebook a job executes, as a chapter author knows it."""
    try:
        source = str(job.source.relative_to(root))
    except ValueError:
        source = str(job.source)
    lang = job.parameters.get("language", language.SOURCE)
    if source == job.target:
        return job.target + ("" if lang == language.SOURCE else f" (language={lang!r})")
    extra = ", ".join(f"{k}={v!r}" for k, v in job.parameters.items()
                      if k not in ("year", "data_dir") and (k != "language" or v != language.SOURCE))
    return f"{job.target} (from {source}{', ' + extra if extra else ''})"


def _cell(nb, executed_index: int) -> str:
    """A cell of an executed notebook, numbered as in the committed notebook (from 0,
    every cell counted) and shown by its first line: papermill inserts a cell after
    the one tagged ``parameters``, which the author's notebook does not have (and, in
    a notebook saved after a failure, banner cells that its cell index ignores)."""
    cells = [c for c in (nb.cells if nb is not None else [])
             if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
    injected = next((i for i, c in enumerate(cells) if "injected-parameters" in c.metadata.get("tags", [])), None)
    if injected is not None and executed_index == injected:
        return "the parameters cell injected by papermill"
    index = executed_index - 1 if injected is not None and executed_index > injected else executed_index
    first = ""
    if 0 <= executed_index < len(cells):
        first = next((ln.strip() for ln in cells[executed_index].source.splitlines() if ln.strip()), "")
    return f"cell {index}" + (f" ({first[:80]}{'…' if len(first) > 80 else ''})" if first else "")


def _run_papermill(job: Job, out: Path, downloads: Path, root: Path) -> None:
    """Execute ``job`` into ``out`` in this process's kernel; the chapter's CSV
    downloads go to ``downloads``."""
    # Deferred: papermill (which kernels imports too) is heavy, and only a worker
    # that executes a notebook needs it, not planning or a dry run.
    import papermill

    from hemiplan.build import kernels

    km = kernels.kernel(str(job.source.parent))
    try:
        kernels.prepare(km, str(job.source.parent), {DOWNLOADS_ENV: str(downloads)})
        papermill.execute_notebook(str(job.source), str(out), parameters=job.parameters,
                                   engine_name=kernels.ENGINE, km=km, kernel_name="python3",
                                   progress_bar=False, log_output=False, cwd=str(job.source.parent),
                                   # One write at the end (and on a failure), not one per cell.
                                   request_save_on_cell_execute=False)
    except papermill.PapermillExecutionError as exc:
        kernels.shutdown()  # never reuse a kernel after a failure
        try:  # papermill saves the notebook up to the failing cell
            failed = nbformat.read(out, as_version=4)
        except Exception:
            failed = None
        raise BuildError(f"{_where(job, root)}, {_cell(failed, exc.cell_index)}: "
                         f"raised {exc.ename}: {exc.evalue}") from None
    except Exception:
        kernels.shutdown()
        raise


def execute_job(job: Job, root_str: str) -> tuple[str, float]:
    """Execute one notebook (in a worker process), normalise it and store it in the
    cache with the downloads it wrote. Returns (key, seconds)."""
    root = Path(root_str)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hemiplan-exec-") as tmp:
        out = Path(tmp) / Path(job.target).name
        downloads = Path(tmp) / "downloads"
        _run_papermill(job, out, downloads, root)
        nb = nbformat.read(out, as_version=4)
        files = cache.downloads_dir(job, root).parent
        if files.exists():
            shutil.rmtree(files)
        if downloads.is_dir():
            shutil.copytree(downloads, cache.downloads_dir(job, root))
    try:
        normalise.postprocess(nb, job.target)
    except normalise.NotebookOutputError as exc:
        raise BuildError(f"{_where(job, root)}, {_cell(nb, exc.index)}: {exc.problem}") from None
    catalogs.translate_notebook(nb, job.parameters.get("language", language.SOURCE))
    if job.title:
        profiles.retitle(nb, job.title)
    cache.store(job, nb, root)
    return job.key, time.perf_counter() - start


def _attempt(job: Job, call) -> BuildError | None:
    """Run ``call`` (which executes ``job``) and note its seconds on the job; its
    failure, if any, as a BuildError."""
    try:
        _, job.seconds = call()
    except Exception as exc:
        return exc if isinstance(exc, BuildError) else BuildError(f"{job.target}: {exc}")
    return None


def _serially(todo: list[Job], root: Path):
    """(job, error or None) for each job, executed in this process."""
    # Deferred: kernels imports papermill (heavy), needed only when executing.
    from hemiplan.build import kernels

    try:
        for job in todo:
            yield job, _attempt(job, lambda: execute_job(job, str(root)))
    finally:
        kernels.shutdown()


def _in_pool(todo: list[Job], root: Path, workers: int):
    """(job, error or None) for each job, executed by ``workers`` processes, in the
    order they finish."""
    # Workers are spawned, not forked: a fork would copy this process's ZeroMQ
    # context (a kernel client of an earlier build) and hang the worker's kernel.
    # Each worker is killed if the build dies (lifeline), and its kernel follows it.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=lifeline.die_with_parent, initargs=(os.getpid(),)) as pool:
        futures = {pool.submit(execute_job, job, str(root)): job for job in todo}
        for fut in as_completed(futures):
            yield futures[fut], _attempt(futures[fut], fut.result)


def _progress(plans: list[Plan], total: int, progress: bool):
    if not progress:
        return None
    years = sorted(p.year for p in plans)
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return tqdm(total=total, desc=f"executing {span}", unit="nb", file=sys.stderr)


def execution_order(plans: list[Plan]) -> list[Job]:
    """The jobs of ``plans`` not in the cache, in the order the pool takes them: edition
    by edition (an edition is finished and published while the next executes), and the
    languages of one edition in turn, job by job, so that its languages finish together
    and their Jupyter Book builds and PDFs share the cores at the end of the build (one
    language after the other would leave a core idle while the last one's Jupyter Book
    runs alone)."""
    years = list(dict.fromkeys(p.year for p in plans))
    todo = []
    for year in years:
        queues = [[j for j in p.jobs if not j.cached] for p in plans if p.year == year]
        for turn in itertools.zip_longest(*queues):
            todo += [j for j in turn if j is not None]
    return todo


def execute_plans(plans: list[Plan], jobs_n: int | None = None, root: Path = paths.ROOT,
                  progress: bool = True, done=None) -> None:
    """Execute every job of ``plans`` whose cache entry is missing, all in one pool of
    workers (so that their kernels, imports and loaded data serve every edition), and
    call ``done(plan)`` as soon as every job of a plan is executed, in this thread (a
    plan with nothing to execute first, in order): the caller can assemble and
    publish an edition while the next one executes. A plan with a failed job is not
    passed to ``done``; every failure is named in one BuildError at the end."""
    for p in plans:
        for job in p.jobs:
            job.cached = cache.cached_notebook(job, root) is not None
    pending = {id(p): sum(not j.cached for j in p.jobs) for p in plans}
    owner = {id(j): p for p in plans for j in p.jobs}
    failed: set[int] = set()
    for p in plans:
        if not pending[id(p)] and done:
            done(p)
    todo = execution_order(plans)
    if not todo:
        return
    workers = max(1, min(jobs_n or os.cpu_count() or 1, len(todo)))
    bar = _progress(plans, len(todo), progress)
    errors = []
    for job, error in _serially(todo, root) if workers == 1 else _in_pool(todo, root, workers):
        p = owner[id(job)]
        pending[id(p)] -= 1
        if error is not None:
            errors.append(error)
            failed.add(id(p))
        elif not pending[id(p)] and id(p) not in failed and done:
            done(p)
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    if errors:
        raise BuildError("execution failed:\n" + "\n".join(f"  {e}" for e in errors))


def execute(plan_: Plan, jobs_n: int | None = None, root: Path = paths.ROOT, progress: bool = True) -> None:
    """Execute every job of one plan whose cache entry is missing, in parallel."""
    execute_plans([plan_], jobs_n, root, progress)
