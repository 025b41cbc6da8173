"""The build cache under ``_build/cache/``: each executed notebook is stored under a
key hashing everything it depends on (the committed notebook, its parameters, the
data, hemiplan's code and schemas, Python's version), with the CSV downloads it
wrote beside it; the manifest of a year's last build explains a cache miss."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import nbformat

from hemiplan import language, paths
from hemiplan.build.jobs import Job, Plan
from hemiplan.data.csvio import atomic_write_text

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole hemiplan package


def hash_tree(h, folder: Path, pattern: str) -> None:
    """Feed ``h`` every file under ``folder`` matching ``pattern``: its path and bytes."""
    for p in sorted(folder.rglob(pattern)):
        if "__pycache__" in p.parts or not p.is_file():
            continue
        h.update(str(p.relative_to(folder)).encode())
        h.update(p.read_bytes())


def code_hash(lang: str = language.SOURCE) -> str:
    """Hash of the hemiplan package source and the schemas, and, for a language other
    than English, of its catalogs (which its pages' messages come from)."""
    h = hashlib.sha256()
    hash_tree(h, PACKAGE_DIR, "*.py")
    hash_tree(h, paths.SCHEMAS, "*.json")
    if lang != language.SOURCE and (language.LOCALE_DIR / lang).is_dir():
        hash_tree(h, language.LOCALE_DIR / lang, "*.po")
    return h.hexdigest()


def _parameters(job: Job) -> bytes:
    return json.dumps(job.parameters, sort_keys=True, default=str).encode()


def job_key(job: Job, data_hash: str, code: str) -> str:
    h = hashlib.sha256()
    h.update(job.source.read_bytes())
    h.update(_parameters(job))
    h.update(job.title.encode())
    h.update(data_hash.encode())
    h.update(code.encode())
    h.update(sys.version.encode())
    return h.hexdigest()


def job_inputs(job: Job, data_hash: str, code: str) -> dict[str, str]:
    """The parts of a job's cache key, kept to explain a cache miss."""
    return {
        "notebook": hashlib.sha256(job.source.read_bytes()).hexdigest()[:16],
        "parameters": hashlib.sha256(_parameters(job) + job.title.encode()).hexdigest()[:16],
        "data": data_hash[:16],
        "code": code[:16],
    }


def cache_dir(root: Path = paths.ROOT) -> Path:
    return root / "_build" / "cache"


def downloads_dir(job: Job, root: Path = paths.ROOT) -> Path:
    """Where the CSV downloads written by a job's execution are kept."""
    return cache_dir(root) / f"{job.key}.files" / "downloads"


def cached_notebook(job: Job, root: Path = paths.ROOT):
    """The cached executed notebook of a job, or None if absent, partial or corrupt."""
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


def store(job: Job, nb, root: Path = paths.ROOT) -> None:
    """Put a job's executed (and normalised) notebook in the cache, marked with its key."""
    nb.metadata.setdefault("hemiplan", {})["cache_key"] = job.key
    cache_dir(root).mkdir(parents=True, exist_ok=True)
    atomic_write_text(cache_dir(root) / f"{job.key}.ipynb", nbformat.writes(nb))


def manifest_path(year: int, root: Path, lang: str = language.SOURCE) -> Path:
    return cache_dir(root) / (f"manifest-{year}.json" if lang == language.SOURCE else f"manifest-{year}-{lang}.json")


def read_manifest(year: int, root: Path, lang: str = language.SOURCE) -> dict:
    """The inputs of every job of the last published build of ``year`` in ``lang`` (or {})."""
    try:
        return json.loads(manifest_path(year, root, lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_manifest(plan_: Plan, root: Path) -> None:
    manifest_path(plan_.year, root, plan_.language).write_text(
        json.dumps({j.target: j.inputs for j in plan_.jobs}, indent=1, sort_keys=True), encoding="utf-8")
