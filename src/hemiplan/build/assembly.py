"""The book sources of one edition in one language, under ``_build/tree/<year>/``
(English) or ``_build/tree/<lang>/<year>/``: the configuration with the edition's
title, footer and banner in that language (and, for a language other than English,
Sphinx's ``language``, which gives the theme's own strings, ``<html lang>`` and the
search in that language), the table of contents with the profiles, the Markdown pages
(translated through the ``book`` catalog) and static files, the executed notebooks
from the cache with the CSV downloads they wrote, and the data package. A file is
written only when its content changed, so that Sphinx's incremental build sees
unchanged files as unchanged."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import nbformat
import yaml

from hemiplan import language, paths
from hemiplan.build import cache, catalogs, languages, public
from hemiplan.build.cache import hash_tree
from hemiplan.build.jobs import BuildError, Plan
from hemiplan.build.planning import toc_files
from hemiplan.data import package
from hemiplan.data.csvio import atomic_write_text

BOOK_FILES = ("_config.yml", "intro.md")


def _write_if_changed(path: Path, text: str) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    atomic_write_text(path, text)


def _copy_if_changed(src: Path, dest: Path) -> None:
    if dest.is_file() and dest.read_bytes() == src.read_bytes():
        return
    shutil.copy2(src, dest)


def tree_dir(year: int, lang: str = language.SOURCE, root: Path = paths.ROOT) -> Path:
    """Where the book sources of an edition in a language are assembled."""
    return root / "_build" / "tree" / f"{languages.prefix(lang)}{year}"


def _write_config(plan_: Plan, root: Path, tree: Path) -> None:
    """_config.yml with the edition's title, author, footer and banner in the plan's
    language (see planning.texts), and the plan's _toc.yml."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    words = plan_.texts
    config.setdefault("html", {})["extra_footer"] = words["footer"]
    config["title"] = words["title"]
    for key in ("author", "copyright"):
        if key in words:
            config[key] = words[key]
    # The edition for the "How to cite" block of every page, and the languages of the
    # language switch (hemiplan.build.sphinx_ext).
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config.update(hemiplan_year=plan_.year, hemiplan_data_version=plan_.data_hash[:10],
                         hemiplan_language=plan_.language, hemiplan_languages=list(plan_.languages),
                         hemiplan_pdf=plan_.pdf)
    # The edition's public address (Sphinx's html_baseurl: every page's canonical link,
    # its "How to cite" and link-preview addresses), under the site's (hemiplan.build.public).
    config["html"]["baseurl"] = public.edition_base(plan_.base_url, plan_.year, plan_.language)
    if plan_.language != language.SOURCE:
        sphinx_config["language"] = plan_.language
    if words.get("banner"):
        config["html"]["announcement"] = words["banner"]
    _write_if_changed(tree / "_config.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    _write_if_changed(tree / "_toc.yml", yaml.safe_dump(plan_.toc, sort_keys=False, allow_unicode=True))


def _page_files(plan_: Plan, root: Path) -> list[str]:
    """The book's own files and the Markdown pages the table of contents lists."""
    md_pages = [f"{f}.md" for f in toc_files(plan_.toc) if (root / f"{f}.md").is_file()]
    return list(dict.fromkeys(list(BOOK_FILES) + md_pages))


def _copy_pages(plan_: Plan, root: Path, tree: Path) -> None:
    """The book's own files and Markdown pages, and _static/."""
    for name in _page_files(plan_, root):
        src = root / name
        if src.is_file() and name != "_config.yml":
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            if src.suffix == ".md":
                text = catalogs.translate_markdown(src.read_text(encoding="utf-8"), plan_.language, name)
                _write_if_changed(tree / name, text)
            elif src.suffix == ".yml":
                _write_if_changed(tree / name, src.read_text(encoding="utf-8"))
            else:
                shutil.copy2(src, tree / name)
    static = root / "_static"
    if static.is_dir():
        shutil.copytree(static, tree / "_static", dirs_exist_ok=True)


def _write_notebooks(plan_: Plan, root: Path, tree: Path) -> None:
    """Every job's executed notebook and downloads; notebooks no job wrote (a state
    without activity this time) are removed."""
    wanted = set()
    for job in plan_.jobs:
        nb = cache.cached_notebook(job, root)
        if nb is None:
            raise BuildError(f"{job.target}: no executed notebook in the cache")
        wanted.add(job.target)
        _write_if_changed(tree / job.target, nbformat.writes(nb))
        files = cache.downloads_dir(job, root)
        if files.is_dir():
            dest = (tree / job.target).parent / "downloads"
            dest.mkdir(parents=True, exist_ok=True)
            for f in files.iterdir():
                _copy_if_changed(f, dest / f.name)
    for stale in (tree / "chapters").rglob("*.ipynb") if (tree / "chapters").is_dir() else []:
        if str(stale.relative_to(tree)) not in wanted:
            stale.unlink()


def inputs_digest(plan_: Plan, root: Path = paths.ROOT) -> str:
    """Hash of everything :func:`assemble_tree` makes an edition's tree from, without
    making it: the edition's year, table of contents and draft count, its public
    address and whether its PDFs are printed, the key of
    every executed notebook (which covers its source, parameters, data and
    hemiplan's code), the data, the book's own files, Markdown pages and _static/.
    A published edition built from equal inputs is up to date."""
    h = hashlib.sha256(json.dumps({
        "year": plan_.year, "toc": plan_.toc, "drafts": plan_.drafts, "data": plan_.data_hash,
        "language": plan_.language, "languages": plan_.languages, "texts": plan_.texts,
        "code": cache.code_hash(plan_.language), "notebooks": sorted((j.target, j.key) for j in plan_.jobs),
        "base_url": plan_.base_url, "pdf": plan_.pdf,
    }, sort_keys=True, default=str).encode())
    for name in _page_files(plan_, root):
        h.update(name.encode())
        h.update((root / name).read_bytes() if (root / name).is_file() else b"")
    if (root / "_static").is_dir():
        hash_tree(h, root / "_static", "*")
    return h.hexdigest()


def assemble_tree(plan_: Plan, root: Path = paths.ROOT) -> Path:
    """The book sources of one edition, with the executed notebooks."""
    tree = tree_dir(plan_.year, plan_.language, root)
    tree.mkdir(parents=True, exist_ok=True)
    _write_config(plan_, root, tree)
    _copy_pages(plan_, root, tree)
    _write_notebooks(plan_, root, tree)
    package.write_zip(plan_.year, tree / "downloads" / f"hemiplan-{plan_.year}-data.zip", plan_.data_dir)
    return tree
