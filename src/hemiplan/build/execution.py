"""Executing a plan's jobs whose notebook is not in the cache: a pool of spawned
worker processes, each running notebook after notebook with papermill in one reused
kernel (see :mod:`hemiplan.build.kernels`); every executed notebook is normalised and
stored in the cache. A failure names the notebook and the cell as its author knows
them."""
from __future__ import annotations

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

from hemiplan import paths
from hemiplan.build import cache, normalise, profiles
from hemiplan.build.jobs import BuildError, Job, Plan
from hemiplan.present.book import DOWNLOADS_ENV


def _where(job: Job, root: Path) -> str:
    """The notebook a job executes, as a chapter author knows it."""
    try:
        source = str(job.source.relative_to(root))
    except ValueError:
        source = str(job.source)
    if source == job.target:
        return job.target
    extra = ", ".join(f"{k}={v!r}" for k, v in job.parameters.items() if k not in ("year", "data_dir"))
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
                                   progress_bar=False, log_output=False, cwd=str(job.source.parent))
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
    """(job, error or None) for each job, executed by ``workers`` processes."""
    # Workers are spawned, not forked: a fork would copy this process's ZeroMQ
    # context (a kernel client of an earlier build) and hang the worker's kernel.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {pool.submit(execute_job, job, str(root)): job for job in todo}
        for fut in as_completed(futures):
            yield futures[fut], _attempt(futures[fut], fut.result)


def execute(plan_: Plan, jobs_n: int | None = None, root: Path = paths.ROOT, progress: bool = True) -> None:
    """Execute every job whose cache entry is missing, in parallel."""
    for job in plan_.jobs:
        job.cached = cache.cached_notebook(job, root) is not None
    todo = [job for job in plan_.jobs if not job.cached]
    if not todo:
        return
    workers = max(1, min(jobs_n or os.cpu_count() or 1, len(todo)))
    bar = tqdm(total=len(todo), desc=f"executing {plan_.year}", unit="nb", file=sys.stderr) if progress else None
    runs = _serially(todo, root) if workers == 1 else _in_pool(todo, root, workers)
    errors = []
    for _, error in runs:
        if error is not None:
            errors.append(error)
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    if errors:
        raise BuildError("execution failed:\n" + "\n".join(f"  {e}" for e in errors))
