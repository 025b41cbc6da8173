"""``python -m hemiplan bench``: how long builds take, against Jupyter Book's own
executor, in a scratch copy of the book (the project's files are never touched), in
English only and in every language (English and Spanish), side by side, with what
the second language adds.

Scenarios, each timed over --runs runs (median shown), for each set of languages:
  cold            empty caches, full build
  no-op           the same build again
  one data row    one cell of the year's activities.csv changed
  one chapter     one Markdown cell of one chapter changed
  JB force        Jupyter Book executing every notebook itself (execute_notebooks: force),
                  once per language
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

from hemiplan import language, paths
from hemiplan.build import languages, planning, profiles, run as build_run
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


def _our_build(root: Path, year: int, data: Path, jobs: int | None, langs, pdfs: bool = True):
    """How many notebooks the build executed, and what its PDFs cost (see
    hemiplan.build.pdf), over the languages ``langs``."""
    plans = build_run.build_editions([year], data, jobs_n=jobs, root=root, progress=False, langs=langs, pdfs=pdfs)
    pdfs = {k: sum(p.pdfs.get(k, 0) for p in plans) for k in ("printed", "pages", "seconds")}
    return sum(1 for p in plans for j in p.jobs if not j.cached), pdfs


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


def _jb_tree(root: Path, year: int, data: Path, mode: str, dest: Path, lang: str = language.SOURCE) -> Path:
    """The same notebooks, unexecuted, parameters written into their parameters cell,
    for Jupyter Book to execute itself (in ``lang``: its parameter, its table of contents)."""
    p = planning.plan(year, data, root, lang=lang)
    tree = dest / f"jb-{mode}-{lang}"
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
JB_FORCE = "Jupyter Book, execute force"
ENGLISH, BOTH = "English", "both languages"


def _ours(root, data, y, runs, jobs, langs, tag, results, notes, pdfs=True) -> None:
    """The four scenarios of our build in the languages ``langs``, results under ``tag``."""
    def record(name, t, note):
        results.setdefault((name, tag), []).append(t)
        notes[(name, tag)] = note

    printing = []
    for i in range(runs):
        shutil.rmtree(root / "_build", ignore_errors=True)
        t, (n, printed) = _timed(lambda: _our_build(root, y, data, jobs, langs, pdfs))
        record("cold build", t, f"{n} notebooks executed" + ("" if pdfs else ", no PDFs (--no-pdf)"))
        if pdfs:
            printing.append((printed["seconds"], f"{printed['printed']} pages printed: +"
                             f"{printed['seconds'] / max(t - printed['seconds'], 1e-9):.0%} on the cold build without them"))
        t, (n, _) = _timed(lambda: _our_build(root, y, data, jobs, langs, pdfs))
        record("no-op rebuild", t, f"{n} executed")
        _touch_row(data, y, 100 * len(langs) + i)
        t, (n, _) = _timed(lambda: _our_build(root, y, data, jobs, langs, pdfs))
        record("one data row changed", t, f"{n} executed")
        name = _touch_chapter(root, 100 * len(langs) + i)
        t, (n, _) = _timed(lambda: _our_build(root, y, data, jobs, langs, pdfs))
        record("one chapter changed", t, f"{n} executed ({name})")
    for seconds, note in printing:   # after the four scenarios, as the table shows it
        record(PDF_ROW, seconds, note)


def _jupyter_book(root, data, y, runs, langs, tmp, results, modes=("force", "cache")) -> None:
    """Jupyter Book's own executor (each of ``modes``), once per language of ``langs``:
    English under ENGLISH, the times of every language added up under BOTH."""
    for mode in modes:
        name = f"Jupyter Book, execute {mode}" + (" (cold)" if mode == "cache" else "")
        trees = {lang: _jb_tree(root, y, data, mode, tmp, lang) for lang in langs}
        for _ in range(runs):
            cold, noop = {}, {}
            for lang, tree in trees.items():
                out_dir = tmp / f"jb-out-{tree.name}"
                shutil.rmtree(out_dir, ignore_errors=True)
                cold[lang] = _timed(lambda: _jb_build(tree, out_dir))[0]
                if mode == "cache":
                    noop[lang] = _timed(lambda: _jb_build(tree, out_dir))[0]
            for tag, these in ((ENGLISH, [language.SOURCE]), (BOTH, langs)):
                if tag == BOTH and len(langs) < 2:
                    continue
                results.setdefault((name, tag), []).append(sum(cold[la] for la in these))
                if mode == "cache":
                    results.setdefault(("Jupyter Book, execute cache (no-op)", tag), []).append(
                        sum(noop[la] for la in these))


def _scenarios(root, data, y, runs, jobs, skip_jb, tmp, results, notes, langs, pdfs=True,
               jb_modes=("force", "cache")) -> None:
    for tag, these in ((ENGLISH, [language.SOURCE]), (BOTH, langs)):
        if tag == BOTH and these == [language.SOURCE]:
            continue
        _ours(root, data, y, runs, jobs, these, tag, results, notes, pdfs)
    if not skip_jb:
        _jupyter_book(root, data, y, runs, langs, tmp, results, jb_modes)


def _table(results, notes) -> list[dict]:
    """One row per scenario: the median of each set of languages, what the second
    language adds, and the ratio to Jupyter Book's own executor (in the same languages)."""
    med = {k: statistics.median(v) for k, v in results.items()}
    rows = []
    for name in dict.fromkeys(n for n, _ in results):
        en, both = med.get((name, ENGLISH)), med.get((name, BOTH))
        ref = med.get((JB_FORCE, BOTH if both is not None else ENGLISH))
        main = both if both is not None else en
        rows.append({"scenario": name, "median_s": main, "english_s": en, "both_s": both,
                     "added": (both / en - 1) if en and both is not None else None,
                     "runs": len(results.get((name, BOTH), results.get((name, ENGLISH), []))),
                     "ratio": (main / ref) if ref else None,
                     "note": notes.get((name, BOTH), notes.get((name, ENGLISH), ""))})
    return rows


def run(year=None, data_dir=None, runs: int = 3, jobs: int | None = None, skip_jb: bool = False,
        out=sys.stdout, langs=None, pdfs: bool = True, jb_modes=("force", "cache")) -> list[dict]:
    """Time every scenario in English and in every language (``langs``, default all);
    print the table and return its rows (``median_s``: in every language). ``pdfs=False``
    times the builds without their PDFs (``--no-pdf``, as Jupyter Book prints none);
    ``jb_modes``: which of Jupyter Book's executors to time."""
    src_data = paths.data_dir(data_dir)
    y = resolve_year(year, src_data)
    langs = list(langs or languages.available())
    results: dict[tuple[str, str], list[float]] = {}
    notes: dict[tuple[str, str], str] = {}
    with tempfile.TemporaryDirectory(prefix="hemiplan-bench-") as tmp:
        tmp = Path(tmp)
        root, data = _copy_book(tmp, src_data)
        with borrowed_build(root):
            _scenarios(root, data, y, runs, jobs, skip_jb, tmp, results, notes, langs, pdfs, jb_modes)
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = _table(results, notes)
    print(f"hemiplan bench: year {y}, languages {' + '.join(langs)}, {runs} run(s) each, "
          f"{jobs or os.cpu_count()} worker(s), {os.cpu_count()} cores", file=out)
    print(f"{'scenario':<38} {'English s':>10} {'both s':>9} {'2nd lang':>9} {'vs JB force':>12}  note", file=out)

    def fmt(v, spec):
        return "-" if v is None else format(v, spec)
    for r in rows:
        print(f"{r['scenario']:<38} {fmt(r['english_s'], '10.2f')} {fmt(r['both_s'], '9.2f')} "
              f"{fmt(r['added'], '+9.0%') if r['added'] is not None else '-':>9} "
              f"{(fmt(r['ratio'], '.2f') + 'x') if r['ratio'] is not None else '-':>12}  {r['note']}", file=out)
    print("(both s: every language; 2nd lang: what the languages after English add; vs JB force: our build in "
          "every language against Jupyter Book's own executor run once per language)", file=out)
    print(f"peak memory: this process {self_peak:.0f} MiB, largest child process {child_peak:.0f} MiB", file=out)
    return rows


def add_parser(sub):
    b = sub.add_parser("bench", help="benchmark builds against Jupyter Book's own executor")
    b.add_argument("--year", default=None)
    b.add_argument("--data-dir", default=None)
    b.add_argument("--runs", type=int, default=3)
    b.add_argument("--jobs", type=int, default=None)
    b.add_argument("--skip-jb", action="store_true", help="skip the Jupyter Book comparisons")
    b.add_argument("--no-pdf", action="store_true", help="time the builds without their PDFs")
    b.set_defaults(func=lambda a: (run(a.year, a.data_dir, a.runs, a.jobs, a.skip_jb, pdfs=not a.no_pdf), 0)[1])
    return b
