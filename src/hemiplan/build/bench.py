"""``python -m hemiplan bench``: how long builds take, against Jupyter Book's own
executor, in a scratch copy of the book (the project's files are never touched).

Scenarios, each timed over --runs runs (median shown):
  cold            empty caches, full build
  no-op           the same build again
  one data row    one cell of the year's activities.csv changed
  one chapter     one Markdown cell of one chapter changed
  JB force        Jupyter Book executing every notebook itself (execute_notebooks: force)
  JB cache cold   Jupyter Book with its jupyter-cache, empty
  JB cache no-op  the same again
Peak memory is the largest resident set of this process or any process it started.
"""
from __future__ import annotations

import csv
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat
import yaml

from hemiplan import paths
from hemiplan.build import planning, profiles, run as build_run
from hemiplan.build.publishing import jupyter_book_command
from hemiplan.data import package, resolve_year


@contextmanager
def borrowed_build(root: Path):
    """Point the build folder (HEMIPLAN_BUILD and paths.BUILD) at ``root/_build`` for the
    duration, and restore both afterwards, whatever happens."""
    saved = (os.environ.get("HEMIPLAN_BUILD"), paths.BUILD)
    os.environ["HEMIPLAN_BUILD"] = str(root / "_build")
    paths.BUILD = root / "_build"
    try:
        yield
    finally:
        paths.BUILD = saved[1]
        if saved[0] is None:
            os.environ.pop("HEMIPLAN_BUILD", None)
        else:
            os.environ["HEMIPLAN_BUILD"] = saved[0]


def _copy_book(dest: Path, data_dir: Path) -> tuple[Path, Path]:
    root = dest / "book"
    root.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml", "intro.md"):
        shutil.copy2(paths.ROOT / name, root / name)
    for folder in ("chapters", "_static"):
        if (paths.ROOT / folder).is_dir():
            shutil.copytree(paths.ROOT / folder, root / folder)
    data = dest / "data"
    shutil.copytree(data_dir, data)
    return root, data


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _our_build(root: Path, year: int, data: Path, jobs: int | None):
    """How many notebooks the build executed, and what its PDFs cost (see hemiplan.build.pdf)."""
    p, _ = build_run.build(year, data, jobs_n=jobs, root=root, progress=False)
    return sum(1 for j in p.jobs if not j.cached), p.pdfs


def _touch_row(data: Path, year: int, n: int) -> None:
    path = data / str(year) / "activities.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = list(csv.reader(io.StringIO(lines[1])))
    header = next(csv.reader(io.StringIO(lines[0])))
    rows[0][header.index("title")] = rows[0][header.index("title")].split(" [bench")[0] + f" [bench {n}]"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(rows[0])
    lines[1] = buf.getvalue()
    path.write_text("".join(lines), encoding="utf-8")


def _touch_chapter(root: Path, n: int) -> str:
    entries = [e for e in planning.toc_files(planning.read_toc(root)) if (root / f"{e}.ipynb").is_file()]
    target = root / f"{entries[-1]}.ipynb"
    nb = nbformat.read(target, as_version=4)
    md = next(c for c in nb.cells if c.cell_type == "markdown")
    md.source = md.source.split("\n\n<!-- bench")[0] + f"\n\n<!-- bench {n} -->"
    nbformat.write(nb, target)
    return entries[-1]


def _jb_tree(root: Path, year: int, data: Path, mode: str, dest: Path) -> Path:
    """The same notebooks, unexecuted, parameters written into their parameters cell,
    for Jupyter Book to execute itself."""
    p = planning.plan(year, data, root)
    tree = dest / f"jb-{mode}"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["execute"] = {"execute_notebooks": mode, "timeout": 600}
    (tree / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (tree / "_toc.yml").write_text(yaml.safe_dump(p.toc, sort_keys=False), encoding="utf-8")
    shutil.copy2(root / "intro.md", tree / "intro.md")
    if (root / "_static").is_dir():
        shutil.copytree(root / "_static", tree / "_static")
    for job in p.jobs:
        nb = nbformat.read(job.source, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.metadata.pop("mystnb", None)
                cell.outputs = []
                cell.execution_count = None
                if "parameters" in cell.metadata.get("tags", []):
                    cell.source = "\n".join(f"{k} = {v!r}" for k, v in job.parameters.items())
        if job.title:
            profiles.retitle(nb, job.title)
        out = tree / job.target
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out)
    (tree / "downloads").mkdir(exist_ok=True)
    package.write_zip(p.year, tree / "downloads" / f"hemiplan-{p.year}-data.zip", data)
    return tree


def _jb_build(tree: Path, out: Path) -> None:
    proc = subprocess.run(jupyter_book_command(tree, out), capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("Jupyter Book failed:\n" + "\n".join((proc.stdout + proc.stderr).splitlines()[-30:]))


PDF_ROW = "PDFs, within the cold build"


def _scenarios(root, data, y, runs, jobs, skip_jb, tmp, results, notes) -> None:
    pdf_times: list[float] = []
    for i in range(runs):
        shutil.rmtree(root / "_build", ignore_errors=True)
        t, (n, pdfs) = _timed(lambda: _our_build(root, y, data, jobs))
        results.setdefault("cold build", []).append(t)
        notes["cold build"] = f"{n} notebooks executed"
        pdf_times.append(pdfs["seconds"])
        notes[PDF_ROW] = (f"{pdfs['printed']} pages printed (the profiles, and the edition of {pdfs.get('pages', 0)} "
                          f"PDF pages): +{pdfs['seconds'] / max(t - pdfs['seconds'], 1e-9):.0%} on the cold build without them")
        t, (n, _) = _timed(lambda: _our_build(root, y, data, jobs))
        results.setdefault("no-op rebuild", []).append(t)
        notes["no-op rebuild"] = f"{n} executed"
        _touch_row(data, y, i)
        t, (n, _) = _timed(lambda: _our_build(root, y, data, jobs))
        results.setdefault("one data row changed", []).append(t)
        notes["one data row changed"] = f"{n} executed"
        name = _touch_chapter(root, i)
        t, (n, _) = _timed(lambda: _our_build(root, y, data, jobs))
        results.setdefault("one chapter changed", []).append(t)
        notes["one chapter changed"] = f"{n} executed ({name})"
    results[PDF_ROW] = pdf_times
    if not skip_jb:
        for mode in ("force", "cache"):
            tree = _jb_tree(root, y, data, mode, tmp)
            for _ in range(runs):
                out_dir = tmp / f"jb-out-{mode}"
                shutil.rmtree(out_dir, ignore_errors=True)
                t, _ = _timed(lambda: _jb_build(tree, out_dir))
                results.setdefault(f"Jupyter Book, execute {mode}" + (" (cold)" if mode == "cache" else ""),
                                   []).append(t)
                if mode == "cache":
                    t, _ = _timed(lambda: _jb_build(tree, out_dir))
                    results.setdefault("Jupyter Book, execute cache (no-op)", []).append(t)


def run(year=None, data_dir=None, runs: int = 3, jobs: int | None = None, skip_jb: bool = False,
        out=sys.stdout) -> list[dict]:
    src_data = paths.data_dir(data_dir)
    y = resolve_year(year, src_data)
    results: dict[str, list[float]] = {}
    notes: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="hemiplan-bench-") as tmp:
        tmp = Path(tmp)
        root, data = _copy_book(tmp, src_data)
        with borrowed_build(root):
            _scenarios(root, data, y, runs, jobs, skip_jb, tmp, results, notes)
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    reference = statistics.median(results["Jupyter Book, execute force"]) if "Jupyter Book, execute force" in results else None
    rows = []
    for name, times in results.items():
        med = statistics.median(times)
        rows.append({"scenario": name, "median_s": med, "runs": len(times),
                     "ratio": (med / reference) if reference else None, "note": notes.get(name, "")})
    print(f"hemiplan bench: year {y}, {runs} run(s) each, {jobs or os.cpu_count()} worker(s), "
          f"{os.cpu_count()} cores", file=out)
    print(f"{'scenario':<38} {'median s':>9} {'runs':>5} {'vs JB force':>12}  note", file=out)
    for r in rows:
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
        print(f"{r['scenario']:<38} {r['median_s']:>9.2f} {r['runs']:>5} {ratio:>12}  {r['note']}", file=out)
    print(f"peak memory: this process {self_peak:.0f} MiB, largest child process {child_peak:.0f} MiB", file=out)
    return rows


def add_parser(sub):
    b = sub.add_parser("bench", help="benchmark builds against Jupyter Book's own executor")
    b.add_argument("--year", default=None)
    b.add_argument("--data-dir", default=None)
    b.add_argument("--runs", type=int, default=3)
    b.add_argument("--jobs", type=int, default=None)
    b.add_argument("--skip-jb", action="store_true", help="skip the Jupyter Book comparisons")
    b.set_defaults(func=lambda a: (run(a.year, a.data_dir, a.runs, a.jobs, a.skip_jb), 0)[1])
    return b
