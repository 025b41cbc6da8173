"""``python -m hemiplan bench --editions N``: a series of N SYNTHETIC editions built side
by side, in a scratch copy of the book (the project's files are never touched).

The editions are made from the synthetic fixture year (tests/fixtures/synthetic, an
invented report, never published): its 2031 data and raw text copied as 2040, 2041, …
with the year rewritten in ids, dates and text, so that every edition validates and
the later ones compare themselves with the earlier ones. Scenarios, in one run:

  cold            empty caches, every edition built and published
  no-op           the same build again
  one edition     one row of the latest edition's data changed: only that edition
                  re-executes (an earlier year's change also re-executes the later
                  editions, whose chapters compare with it)
  JB force        Jupyter Book executing every notebook of every edition itself
Peak memory is the largest resident set of this process or any process it started."""
from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from hemiplan import paths
from hemiplan.build import bench, run as build_run

SYNTHETIC = paths.ROOT / "tests" / "fixtures" / "synthetic" / "data"
SOURCE_YEAR = 2031
FIRST_YEAR = 2040


def make_editions(dest: Path, n: int) -> list[int]:
    """A data folder with ``n`` synthetic years made from the fixture's 2031."""
    shutil.copytree(SYNTHETIC / "reference", dest / "reference")
    (dest / "raw").mkdir(parents=True)
    years = [FIRST_YEAR + i for i in range(n)]
    for y in years:
        (dest / str(y)).mkdir()
        for f in (SYNTHETIC / str(SOURCE_YEAR)).glob("*.csv"):
            (dest / str(y) / f.name).write_text(f.read_text(encoding="utf-8").replace(str(SOURCE_YEAR), str(y)),
                                                encoding="utf-8")
        raw = (SYNTHETIC / "raw" / f"{SOURCE_YEAR}.txt").read_text(encoding="utf-8")
        (dest / "raw" / f"{y}.txt").write_text(raw.replace(str(SOURCE_YEAR), str(y)), encoding="utf-8")
    return years


def _timed_build(root: Path, data: Path, jobs: int | None) -> tuple[float, dict[int, int]]:
    start = time.perf_counter()
    plans = build_run.build_editions(None, data, jobs_n=jobs, root=root, progress=False)
    return time.perf_counter() - start, {p.year: sum(not j.cached for j in p.jobs) for p in plans}


def _jb_force(root: Path, data: Path, years: list[int], tmp: Path) -> tuple[float, int]:
    """Jupyter Book executing every edition's notebooks itself (execute_notebooks: force)."""
    total, notebooks = 0.0, 0
    for y in years:
        tree = bench._jb_tree(root, y, data, "force", tmp)
        notebooks += sum(1 for _ in tree.rglob("*.ipynb"))
        out = tmp / f"jb-out-{y}"
        start = time.perf_counter()
        bench._jb_build(tree, out)
        total += time.perf_counter() - start
        shutil.rmtree(out, ignore_errors=True)
    return total, notebooks


def _scenarios(root: Path, data: Path, years: list[int], jobs, skip_jb: bool, tmp: Path) -> list[tuple]:
    rows = []
    t, executed = _timed_build(root, data, jobs)
    rows.append(("cold build", t, f"{sum(executed.values())} notebooks executed in {len(years)} editions"))
    t, executed = _timed_build(root, data, jobs)
    rows.append(("no-op rebuild", t, f"{sum(executed.values())} executed"))
    bench._touch_row(data, years[-1], 0)
    t, executed = _timed_build(root, data, jobs)
    changed = {y: n for y, n in executed.items() if n}
    rows.append((f"one row of {years[-1]} changed", t,
                 f"{sum(changed.values())} executed, in edition(s) {', '.join(map(str, changed)) or 'none'}"))
    if not skip_jb:
        t, n = _jb_force(root, data, years, tmp)
        rows.append(("Jupyter Book, execute force", t, f"{n} notebooks in {len(years)} editions"))
    return rows


def run(n: int = 10, jobs: int | None = None, skip_jb: bool = False, out=sys.stdout) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="hemiplan-bench-editions-") as tmp:
        tmp = Path(tmp)
        years = make_editions(tmp / "source-data", n)
        root, data = bench._copy_book(tmp, tmp / "source-data")
        with bench.borrowed_build(root):
            rows = _scenarios(root, data, years, jobs, skip_jb, tmp)
    reference = next((t for name, t, _ in rows if name.startswith("Jupyter Book")), None)
    print(f"hemiplan bench: {n} synthetic editions ({years[0]}–{years[-1]}), {jobs or os.cpu_count()} worker(s), "
          f"{os.cpu_count()} cores", file=out)
    print(f"{'scenario':<36} {'seconds':>9} {'vs JB force':>12}  note", file=out)
    result = []
    for name, t, note in rows:
        ratio = f"{t / reference:.2f}x" if reference else "-"
        print(f"{name:<36} {t:>9.1f} {ratio:>12}  {note}", file=out)
        result.append({"scenario": name, "seconds": t, "ratio": t / reference if reference else None, "note": note})
    print(f"peak memory: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB, "
          f"largest child process {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB", file=out)
    return result
