"""What a build of one year would execute: the data validated first, then one job
per notebook of ``_toc.yml``, per member-state profile and, for a draft edition, the
Review page, each with its cache key (which covers the data of the year and of every
earlier year, that chapters compare it with); and, for a dry run, why each job would
execute."""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

from hemiplan import paths
from hemiplan.build import cache, profiles
from hemiplan.build.jobs import BuildError, Job, Plan
from hemiplan.data import available_years, content_hash, load, resolve_year, table_files

#: The page a draft edition gains: every draft row beside its sentence (not in _toc.yml:
#: the build lists it for draft editions only).
REVIEW_PAGE = "chapters/review.ipynb"


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


def _chapter_jobs(toc: dict, params: dict, root: Path) -> list[Job]:
    """One job per notebook the table of contents lists; a listed file that exists
    neither as a notebook nor as a Markdown page stops the build."""
    jobs = []
    for f in toc_files(toc):
        src = root / f"{f}.ipynb"
        if src.is_file():
            jobs.append(Job(src, f"{f}.ipynb", dict(params)))
        elif not (root / f"{f}.md").is_file():
            raise BuildError(f"_toc.yml lists {f!r} but neither {f}.ipynb nor {f}.md exists")
    return jobs


def _with_review_page(toc: dict) -> dict:
    """The table of contents with a last part holding the Review page."""
    toc = copy.deepcopy(toc)
    toc.setdefault("parts", []).append({"caption": "Draft", "chapters": [{"file": REVIEW_PAGE.removesuffix(".ipynb")}]})
    return toc


def plan(year=None, data_dir=None, root: Path = paths.ROOT, years=None) -> Plan:
    """What a build of ``year`` would execute. Loads the edition once, which validates
    and hashes its data: a year without data, or with data that fail validation, stops
    here. ``years`` (the years with data, when the caller has listed them) spares a listing."""
    ddir = paths.data_dir(data_dir).resolve()
    years = available_years(ddir) if years is None else list(years)
    y = resolve_year(year, ddir, years)
    ed = load(y, ddir, years=years)
    toc = read_toc(root)
    jobs = _chapter_jobs(toc, {"year": y, "data_dir": str(ddir)}, root)
    toc, profile_jobs = profiles.expand(toc, ed, root)
    jobs += profile_jobs
    drafts = ed.drafts
    if drafts and (root / REVIEW_PAGE).is_file():
        toc = _with_review_page(toc)
        jobs.append(Job(root / REVIEW_PAGE, REVIEW_PAGE, {"year": y, "data_dir": str(ddir)}))
    code = cache.code_hash()
    # A chapter compares its year with the earlier ones: their data are inputs too.
    inputs_hash = content_hash([f for earlier in ed.years for f in table_files(earlier, ddir)])
    for job in jobs:
        job.key = cache.job_key(job, inputs_hash, code)
        job.inputs = cache.job_inputs(job, inputs_hash, code)
    return Plan(y, ddir, jobs, toc, ed.data_hash, edition=ed, drafts=drafts)


def explain(plan_: Plan, root: Path = paths.ROOT) -> list[tuple[str, str]]:
    """For each job: 'cached', or why it would execute (what changed since the last
    build of this year, or 'new')."""
    last = cache.read_manifest(plan_.year, root)
    out = []
    for job in plan_.jobs:
        if cache.cached_notebook(job, root) is not None:
            out.append((job.target, "cached"))
            continue
        before = last.get(job.target)
        if not before:
            out.append((job.target, "execute: new (never built)"))
            continue
        changed = [k for k, v in job.inputs.items() if before.get(k) != v]
        out.append((job.target, "execute: " + (", ".join(f"{k} changed" for k in changed) or "cache entry missing")))
    return out
