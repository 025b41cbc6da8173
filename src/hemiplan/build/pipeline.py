"""``hemiplan build``: execute the committed chapters for one year with papermill
into a build tree (the committed notebooks are never modified), then publish that
tree with Jupyter Book. The new site replaces the previous one only when every
notebook executed and Jupyter Book succeeded.

Layout under _build/:
    tree/<year>/     the book sources for the edition, with executed notebooks
    cache/           executed notebooks keyed by a hash of everything they depend on
    jb/<year>/       Jupyter Book's own output (kept for its incremental build)
    html/<year>/     the published edition; html/index.html points to the latest
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hemiplan import paths

BOOK_FILES = ("_config.yml", "intro.md")
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole hemiplan package


class BuildError(RuntimeError):
    pass


@dataclass
class Job:
    """One notebook to execute: a chapter (or the profile template for one state)."""
    source: Path              # committed notebook
    target: str               # path inside the build tree, e.g. chapters/training.ipynb
    parameters: dict
    title: str = ""           # replaces the H1 of the executed copy (profiles)
    key: str = ""
    inputs: dict = field(default_factory=dict)
    cached: bool = False
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return self.target.removesuffix(".ipynb")


@dataclass
class Plan:
    year: int
    data_dir: Path
    jobs: list[Job]
    toc: dict
    data_hash: str
    extra: dict = field(default_factory=dict)


# --- planning ------------------------------------------------------------------------

def toc_files(toc: dict) -> list[str]:
    """Every ``file`` entry of a _toc.yml, in order."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                out.append(node["file"])
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []) or []:
                    walk(child)
    out.append(toc["root"])
    walk(toc)
    return out


def read_toc(root: Path = paths.ROOT) -> dict:
    return yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))


def _hash_tree(h, folder: Path, pattern: str) -> None:
    for p in sorted(folder.rglob(pattern)):
        if "__pycache__" in p.parts or not p.is_file():
            continue
        h.update(str(p.relative_to(folder)).encode())
        h.update(p.read_bytes())


def code_hash() -> str:
    """Hash of the hemiplan package source and the schemas."""
    h = hashlib.sha256()
    _hash_tree(h, PACKAGE_DIR, "*.py")
    _hash_tree(h, paths.SCHEMAS, "*.json")
    return h.hexdigest()


def job_key(job: Job, data_hash: str, code: str) -> str:
    h = hashlib.sha256()
    h.update(job.source.read_bytes())
    h.update(json.dumps(job.parameters, sort_keys=True, default=str).encode())
    h.update(job.title.encode())
    h.update(data_hash.encode())
    h.update(code.encode())
    h.update(sys.version.encode())
    return h.hexdigest()


def plan(year=None, data_dir=None, root: Path = paths.ROOT) -> Plan:
    """What a build of ``year`` would execute. Validates the data first: a year
    without data, or with data that fail validation, stops here."""
    from hemiplan import data as data_mod

    ddir = paths.data_dir(data_dir).resolve()
    y = data_mod.resolve_year(year, ddir)
    data_mod.ensure_valid(y, ddir)
    toc = read_toc(root)
    data_hash = data_mod.content_hash(data_mod.table_files(y, ddir))
    params = {"year": y, "data_dir": str(ddir)}
    jobs = []
    for f in toc_files(toc):
        src = root / f"{f}.ipynb"
        if src.is_file():
            jobs.append(Job(src, f"{f}.ipynb", dict(params)))
        elif not (root / f"{f}.md").is_file():
            raise BuildError(f"_toc.yml lists {f!r} but neither {f}.ipynb nor {f}.md exists")
    from hemiplan.build import profiles
    toc, profile_jobs = profiles.expand(toc, y, ddir, root)
    jobs += profile_jobs
    code = code_hash()
    for job in jobs:
        job.key = job_key(job, data_hash, code)
        job.inputs = job_inputs(job, data_hash, code)
    return Plan(y, ddir, jobs, toc, data_hash)


def job_inputs(job: Job, data_hash: str, code: str) -> dict[str, str]:
    """The parts of a job's cache key, kept to explain a cache miss."""
    return {
        "notebook": hashlib.sha256(job.source.read_bytes()).hexdigest()[:16],
        "parameters": hashlib.sha256(json.dumps(job.parameters, sort_keys=True, default=str).encode()
                                     + job.title.encode()).hexdigest()[:16],
        "data": data_hash[:16],
        "code": code[:16],
    }


def manifest_path(year: int, root: Path) -> Path:
    return cache_dir(root) / f"manifest-{year}.json"


def explain(plan_: Plan, root: Path = paths.ROOT) -> list[tuple[str, str]]:
    """For each job: 'cached', or why it would execute (what changed since the last
    build of this year, or 'new')."""
    try:
        last = json.loads(manifest_path(plan_.year, root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    out = []
    for job in plan_.jobs:
        if cached_notebook(job, root) is not None:
            out.append((job.target, "cached"))
            continue
        before = last.get(job.target)
        if not before:
            out.append((job.target, "execute: new (never built)"))
            continue
        changed = [k for k, v in job.inputs.items() if before.get(k) != v]
        out.append((job.target, "execute: " + (", ".join(f"{k} changed" for k in changed) or "cache entry missing")))
    return out


# --- execution -----------------------------------------------------------------------

def cache_dir(root: Path = paths.ROOT) -> Path:
    return root / "_build" / "cache"


def cached_notebook(job: Job, root: Path = paths.ROOT):
    """The cached executed notebook of a job, or None if absent, partial or corrupt."""
    import nbformat

    path = cache_dir(root) / f"{job.key}.ipynb"
    if not path.is_file():
        return None
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception:
        path.unlink(missing_ok=True)
        return None
    if nb.metadata.get("hemiplan", {}).get("cache_key") != job.key:
        path.unlink(missing_ok=True)
        return None
    return nb


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


def execute_job(job: Job, root_str: str) -> tuple[str, float]:
    """Execute one notebook with papermill (in a worker process) and store it in the
    cache. Returns (key, seconds)."""
    import nbformat
    import papermill

    from hemiplan.present import book
    from hemiplan.data.csvio import atomic_write_text

    root = Path(root_str)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hemiplan-exec-") as tmp:
        out = Path(tmp) / Path(job.target).name
        downloads = Path(tmp) / "downloads"
        from hemiplan.build import kernels

        km = kernels.kernel(str(job.source.parent))
        try:
            kernels.prepare(km, str(job.source.parent), {book.DOWNLOADS_ENV: str(downloads)})
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
        nb = nbformat.read(out, as_version=4)
        files = cache_dir(root) / f"{job.key}.files"
        if files.exists():
            shutil.rmtree(files)
        if downloads.is_dir():
            shutil.copytree(downloads, files / "downloads")
    try:
        book.postprocess(nb, job.target)
    except book.NotebookOutputError as exc:
        m = re.match(rf"{re.escape(job.target)}, cell (\d+): (.*)", str(exc), re.S)
        if m is None:
            raise BuildError(f"{_where(job, root)}: {exc}") from None
        raise BuildError(f"{_where(job, root)}, {_cell(nb, int(m.group(1)))}: {m.group(2)}") from None
    if job.title:
        from hemiplan.build.profiles import retitle
        retitle(nb, job.title)
    nb.metadata.setdefault("hemiplan", {})["cache_key"] = job.key
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    cache_dir(root).mkdir(parents=True, exist_ok=True)
    atomic_write_text(cache_dir(root) / f"{job.key}.ipynb", nbformat.writes(nb))
    return job.key, time.perf_counter() - start


def execute(plan_: Plan, jobs_n: int | None = None, root: Path = paths.ROOT, progress: bool = True) -> None:
    """Execute every job whose cache entry is missing, in parallel."""
    todo = []
    for job in plan_.jobs:
        job.cached = cached_notebook(job, root) is not None
        if not job.cached:
            todo.append(job)
    if not todo:
        return
    workers = max(1, min(jobs_n or os.cpu_count() or 1, len(todo)))
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), desc=f"executing {plan_.year}", unit="nb", file=sys.stderr)
    errors = []
    if workers == 1:
        from hemiplan.build import kernels
        try:
            for job in todo:
                try:
                    _, job.seconds = execute_job(job, str(root))
                except Exception as exc:
                    errors.append(exc if isinstance(exc, BuildError) else BuildError(f"{job.target}: {exc}"))
                if bar:
                    bar.update(1)
        finally:
            kernels.shutdown()
    else:
        # Workers are spawned, not forked: a fork would copy this process's ZeroMQ
        # context (a kernel client of an earlier build) and hang the worker's kernel.
        import multiprocessing

        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = {pool.submit(execute_job, job, str(root)): job for job in todo}
            for fut in as_completed(futures):
                job = futures[fut]
                try:
                    _, job.seconds = fut.result()
                except Exception as exc:
                    errors.append(exc if isinstance(exc, BuildError) else BuildError(f"{job.target}: {exc}"))
                if bar:
                    bar.update(1)
    if bar:
        bar.close()
    if errors:
        raise BuildError("execution failed:\n" + "\n".join(f"  {e}" for e in errors))


# --- the tree and the site -------------------------------------------------------------

def _write_if_changed(path: Path, text: str) -> None:
    """Write only when the content differs, so that Sphinx's incremental build sees
    unchanged files as unchanged."""
    from hemiplan.data.csvio import atomic_write_text

    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    atomic_write_text(path, text)


def _copy_if_changed(src: Path, dest: Path) -> None:
    if dest.is_file() and dest.read_bytes() == src.read_bytes():
        return
    shutil.copy2(src, dest)


def assemble_tree(plan_: Plan, root: Path = paths.ROOT) -> Path:
    """The book sources of one edition, with the executed notebooks."""
    import nbformat

    tree = root / "_build" / "tree" / str(plan_.year)
    tree.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    footer = (f'<p class="hemiplan-edition">Edition: report year {plan_.year} · data version '
              f'<code>{plan_.data_hash[:10]}</code></p>')
    config.setdefault("html", {})["extra_footer"] = footer
    config["title"] = f"{config.get('title', 'hemiplan')} — {plan_.year}"
    _write_if_changed(tree / "_config.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    _write_if_changed(tree / "_toc.yml", yaml.safe_dump(plan_.toc, sort_keys=False, allow_unicode=True))
    md_pages = [f"{f}.md" for f in toc_files(plan_.toc) if (root / f"{f}.md").is_file()]
    for name in dict.fromkeys(list(BOOK_FILES) + md_pages):
        src = root / name
        if src.is_file() and name != "_config.yml":
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            if src.suffix in (".md", ".yml"):
                _write_if_changed(tree / name, src.read_text(encoding="utf-8"))
            else:
                shutil.copy2(src, tree / name)
    static = root / "_static"
    if static.is_dir():
        shutil.copytree(static, tree / "_static", dirs_exist_ok=True)
    wanted = set()
    for job in plan_.jobs:
        nb = cached_notebook(job, root)
        if nb is None:
            raise BuildError(f"{job.target}: no executed notebook in the cache")
        wanted.add(job.target)
        _write_if_changed(tree / job.target, nbformat.writes(nb))
        files = cache_dir(root) / f"{job.key}.files" / "downloads"
        if files.is_dir():
            dest = (tree / job.target).parent / "downloads"
            dest.mkdir(parents=True, exist_ok=True)
            for f in files.iterdir():
                _copy_if_changed(f, dest / f.name)
    from hemiplan.data import package
    package.write_zip(plan_.year, tree / "downloads" / f"hemiplan-{plan_.year}-data.zip", plan_.data_dir)
    for stale in (tree / "chapters").rglob("*.ipynb") if (tree / "chapters").is_dir() else []:
        if str(stale.relative_to(tree)) not in wanted:
            stale.unlink()
    return tree


def run_jupyter_book(tree: Path, out: Path, clean: bool = False) -> None:
    if clean and out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()", "build", str(tree),
           "--path-output", str(out), "-W", "-n", "--keep-going", "--builder", "html"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        # The causes first (Sphinx's warnings and errors, which -W turns into a failure),
        # without colour codes; then the end of the log, without its progress lines.
        lines = [re.sub(r"\x1b\[[0-9;]*m", "", ln).rstrip() for ln in (proc.stdout + proc.stderr).splitlines()]
        causes = list(dict.fromkeys(ln.strip() for ln in lines
                                    if re.search(r"\b(WARNING|ERROR|CRITICAL|Exception|Error):", ln)))
        tail = [ln for ln in lines if ln.strip() and not re.match(r"(copying images|reading sources|writing output"
                                                                    r"|copying assets|pickling|checking consistency)\.\.\.", ln)]
        raise BuildError(f"Jupyter Book failed on {tree}:\n"
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
    latest = max(int(p.name) for p in site.iterdir() if p.is_dir() and p.name.isdigit())
    from hemiplan.data.csvio import atomic_write_text
    atomic_write_text(site / "index.html",
                      f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>hemiplan</title>'
                      f'<meta http-equiv="refresh" content="0; url={latest}/index.html"></head>'
                      f'<body><p><a href="{latest}/index.html">The {latest} edition</a></p></body></html>')
    (site / ".nojekyll").touch()
    return final


def refresh(root: Path = paths.ROOT, jobs_n: int | None = None, progress: bool = True) -> list[Path]:
    """Execute every committed chapter in place for the default year (no parameters
    injected: the defaults of the parameters cell build the canonical book), so that
    the committed outputs are what nbval expects."""
    import nbformat

    from hemiplan import data as data_mod
    from hemiplan.data.csvio import atomic_write_text

    y = data_mod.default_year()
    data_hash = data_mod.content_hash(data_mod.table_files(y))
    code = code_hash()
    sources = [root / f"{f}.ipynb" for f in toc_files(read_toc(root)) if (root / f"{f}.ipynb").is_file()]
    from hemiplan.build import profiles
    if (root / profiles.TEMPLATE).is_file():
        sources.append(root / profiles.TEMPLATE)
    jobs = [Job(src, str(src.relative_to(root)), {}) for src in sources]
    for job in jobs:
        job.key = job_key(job, data_hash + ":refresh", code)
    execute(Plan(y, paths.DATA, jobs, {}, data_hash), jobs_n, root, progress)
    written = []
    for job in jobs:
        nb = cached_notebook(job, root)
        nb.metadata.pop("hemiplan", None)
        text = nbformat.writes(nb)
        if job.source.read_text(encoding="utf-8") != text:
            atomic_write_text(job.source, text)
            written.append(job.source)
    return written


def tree_digest(tree: Path) -> str:
    """Hash of every file of a build tree: equal digests publish equal sites."""
    h = hashlib.sha256()
    _hash_tree(h, tree, "*")
    return h.hexdigest()


STAMP = ".hemiplan-build"


def build(year=None, data_dir=None, jobs_n: int | None = None, clean: bool = False,
          root: Path = paths.ROOT, progress: bool = True) -> tuple[Plan, Path]:
    """Plan, execute what changed, assemble the tree, and publish it, unless the tree
    is exactly the one the published site was built from (then nothing runs)."""
    p = plan(year, data_dir, root)
    execute(p, jobs_n, root, progress)
    tree = assemble_tree(p, root)
    site = root / "_build" / "html" / str(p.year)
    digest = tree_digest(tree)
    stamp = site / STAMP
    if not clean and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        p.extra["published"] = False
        return p, site
    jb_out = root / "_build" / "jb" / str(p.year)
    run_jupyter_book(tree, jb_out, clean=clean)
    html_out = jb_out / "_build" / "html"
    (html_out / STAMP).write_text(digest + "\n", encoding="utf-8")
    site = publish(html_out, p.year, root)
    manifest_path(p.year, root).write_text(
        json.dumps({j.target: j.inputs for j in p.jobs}, indent=1, sort_keys=True), encoding="utf-8")
    p.extra["published"] = True
    return p, site
