"""Publishing editions: Jupyter Book run on each assembled tree (in its own process,
warnings being errors), the assembled HTML of every language checked for broken links
(the language switch of every page among them) and unresolved references
(``sitecheck``), then each new (edition, language) swapped in for
``_build/html/<year>/`` or ``_build/html/<lang>/<year>/`` in one rename and the site
pages (``site``) of every language rewritten, so that a failed or refused build, in
any language, leaves the published site as it was. A stamp holding the digest of the
tree a site was built from lets an unchanged tree skip all this."""
from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hemiplan import language, paths
from hemiplan.build import languages, lifeline, public, site, sitecheck, swap
from hemiplan.build.cache import hash_tree
from hemiplan.build.jobs import BuildError
from hemiplan.data.csvio import atomic_write_text

STAMP = ".hemiplan-build"
#: Beside STAMP: the digest of the inputs the tree was assembled from (see
#: assembly.inputs_digest), with which an unchanged edition skips even its assembly.
INPUTS_STAMP = ".hemiplan-inputs"
# Progress lines of Sphinx's log, left out of the end of the log shown on a failure.
_PROGRESS = re.compile(r"(copying images|reading sources|writing output|copying assets|pickling"
                       r"|checking consistency)\.\.\.")


def tree_digest(tree: Path) -> str:
    """Hash of every file of a build tree: equal digests publish equal sites."""
    h = hashlib.sha256()
    hash_tree(h, tree, "*")
    return h.hexdigest()


def site_dir(year: int, root: Path = paths.ROOT, lang: str = language.SOURCE) -> Path:
    return languages.html_root(root, lang) / str(year)


def _stamped(year: int, stamp: str, value: str, root: Path, lang: str) -> bool:
    """Whether the published site of ``year`` in ``lang`` holds ``value`` in its
    ``stamp`` file and carries its edition.json (a site published without one is rebuilt)."""
    path = site_dir(year, root, lang) / stamp
    return (path.is_file() and path.read_text(encoding="utf-8").strip() == value
            and site.read_meta(site_dir(year, root, lang)) is not None)


def is_current(year: int, digest: str, root: Path = paths.ROOT, lang: str = language.SOURCE) -> bool:
    """Whether the published site of ``year`` in ``lang`` was built from a tree with ``digest``."""
    return _stamped(year, STAMP, digest, root, lang)


def inputs_current(year: int, inputs: str, root: Path = paths.ROOT, lang: str = language.SOURCE) -> bool:
    """Whether the published site of ``year`` in ``lang`` was made from a tree
    assembled from ``inputs``."""
    return _stamped(year, INPUTS_STAMP, inputs, root, lang)


def restamp_inputs(year: int, inputs: str, root: Path = paths.ROOT, lang: str = language.SOURCE) -> None:
    """Record on the published site of ``year`` in ``lang`` that ``inputs`` assemble
    its tree too (new inputs, e.g. a code change, that changed no file of the tree)."""
    atomic_write_text(site_dir(year, root, lang) / INPUTS_STAMP, inputs + "\n")


def jupyter_book_command(tree: Path, out: Path, *options: str) -> list[str]:
    """Jupyter Book's ``build`` of ``tree`` into ``out``, as a command for its own process."""
    return [sys.executable, "-c", "from jupyter_book.cli.main import main; main()", "build", str(tree),
            "--path-output", str(out), *options, "--builder", "html"]


def run_jupyter_book(tree: Path, out: Path, clean: bool = False) -> None:
    if clean and out.exists():
        shutil.rmtree(out)
    # Jupyter Book ends with the build, however the build ends (lifeline).
    proc = subprocess.run(jupyter_book_command(tree, out, "-W", "-n", "--keep-going"), capture_output=True, text=True,
                          preexec_fn=functools.partial(lifeline.die_with_parent, os.getpid()))
    if proc.returncode != 0:
        raise BuildError(_failure(tree, proc.stdout + proc.stderr))


def _failure(tree: Path, log: str) -> str:
    """The causes first (Sphinx's warnings and errors, which -W turns into a failure),
    without colour codes; then the end of the log, without its progress lines."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", ln).rstrip() for ln in log.splitlines()]
    causes = list(dict.fromkeys(ln.strip() for ln in lines
                                if re.search(r"\b(WARNING|ERROR|CRITICAL|\w*Exception|\w*Error|Extension error):", ln)))
    tail = [ln for ln in lines if ln.strip() and not _PROGRESS.match(ln)]
    return (f"Jupyter Book failed on {tree}:\n"
            + "".join(f"  {c}\n" for c in causes[:20])
            + (f"  … and {len(causes) - 20} more\n" if len(causes) > 20 else "")
            + "end of its log:\n" + "\n".join(tail[-15:]))


def publish(html_src: Path, year: int, root: Path = paths.ROOT, lang: str = language.SOURCE) -> Path:
    """Replace _build/html/[<lang>/]<year> with a new site atomically (rename, never half-copied)."""
    site = languages.html_root(root, lang)
    site.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{year}.new-", dir=site))
    shutil.copytree(html_src, staging, dirs_exist_ok=True)
    return swap.swap_in(staging, site / str(year))


def clean_debris(root: Path = paths.ROOT) -> list[Path]:
    """Remove what an interrupted build left in the site (staged ``.<year>.new-…`` and
    set-aside ``.<year>.old-…`` folders, the staged site pages), in every language's
    folder; only under the site's lock (see run.build_editions)."""
    return swap.clean(languages.html_root(root, lang) for lang in languages.available())


def withdraw(year: int, root: Path = paths.ROOT) -> None:
    """Remove the published edition of ``year`` in every language (one rename each,
    then the copy is deleted)."""
    for lang in languages.available():
        old = swap.set_aside(site_dir(year, root, lang))
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


#: Pages Sphinx writes that have no source document.
SPHINX_PAGES = {"genindex", "search", "index", "py-modindex"}


def prune(tree: Path, html_out: Path) -> list[Path]:
    """Remove the pages whose document left the book (a Review page once the edition
    is reviewed, the profile of a state without activity any more): Sphinx's
    incremental build never deletes an output, and a stale page would be published."""
    removed = []
    for page in html_out.rglob("*.html"):
        rel = page.relative_to(html_out)
        if rel.parts[0].startswith("_"):
            continue
        doc = str(rel.with_suffix(""))
        if doc not in SPHINX_PAGES and not any((tree / f"{doc}{ext}").is_file() for ext in (".ipynb", ".md")):
            page.unlink()
            removed.append(page)
            for source in (html_out / "_sources").glob(f"{doc}.*"):
                source.unlink()
    return removed


def jupyter_book(tree: Path, year: int, digest: str, meta: dict, root: Path = paths.ROOT,
                 clean: bool = False, inputs: str = "", lang: str = language.SOURCE) -> Path:
    """Jupyter Book on the tree; its HTML, stamped with the tree's digest, the
    digest of its inputs and the edition's metadata, waits under
    _build/jb/[<lang>/]<year>/ for :func:`publish_checked`."""
    jb_out = root / "_build" / "jb" / languages.label(year, lang)
    run_jupyter_book(tree, jb_out, clean=clean)
    html_out = jb_out / "_build" / "html"
    prune(tree, html_out)
    (html_out / STAMP).write_text(digest + "\n", encoding="utf-8")
    (html_out / INPUTS_STAMP).write_text(inputs + "\n", encoding="utf-8")
    site.write_meta(html_out, meta)
    return html_out


def edition_pages(folder: Path) -> list[str]:
    """The pages of an edition's site (paths inside it), without Sphinx's sources
    and static files."""
    return sorted(str(p.relative_to(folder).as_posix()) for p in folder.rglob("*.html")
                  if not p.relative_to(folder).parts[0].startswith(("_", ".")))


def _stage_site_pages(html: Path, staging: Path, lang: str, metas: dict[int, dict],
                      fresh: dict[int, Path], langs: list[str], address: str = "") -> dict[str, Path]:
    """The site pages of one language written to ``staging``, with where each will be
    served (path in the site); their switches link the languages ``langs``; the 404
    page links under the public ``address`` (see hemiplan.build.public)."""
    latest = site.latest_year(metas)
    base = languages.html_root(html.parents[1], lang)
    folder = fresh.get(latest, base / str(latest)) if latest is not None else None
    pre = languages.prefix(lang)
    mounts = {}
    with languages.using(lang):
        made = site.pages(metas, edition_pages(folder) if folder is not None and folder.is_dir() else (), lang, langs,
                          base=address)
    for name, text in made.items():
        (staging / pre / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / pre / name).write_text(text, encoding="utf-8")
        mounts[pre + name] = staging / pre / name
    return mounts


def _unpublished_hint(problems: list, metas: dict[int, dict]) -> str:
    """A line for links into editions that are not published (a single-year build
    whose chapters link an earlier edition that was never built)."""
    missing = sorted({int(m.group(1)) for p in problems
                      for m in [re.search(r"missing page (?:[a-z]{2}/)?(\d{4})/", p.reason)]
                      if m and int(m.group(1)) not in metas})
    if not missing:
        return ""
    return (f"\nthe edition(s) {', '.join(map(str, missing))} linked to are not published: build them with "
            + " and ".join(f"`hemiplan build --year {y}`" for y in missing)
            + " (or every edition: `make book`, `hemiplan build` without --year)")


def _languages_metas(html: Path, fresh: dict[tuple[int, str], Path], retired) -> dict[str, dict[int, dict]]:
    """Language → the editions it will publish (year → edition.json): those published
    and those built afresh, without the retired ones."""
    root = html.parents[1]
    langs = list(dict.fromkeys([*languages.available(), *(lang for _, lang in fresh)]))
    out = {}
    for lang in langs:
        metas = {**site.published(languages.html_root(root, lang)),
                 **{y: site.read_meta(o) for (y, la), o in fresh.items() if la == lang}}
        for y in retired:
            metas.pop(y, None)
        if metas or lang == language.SOURCE:
            out[lang] = metas
    return out


def _stage_public(html: Path, staging: Path, fresh: dict[tuple[int, str], Path], by_lang: dict[str, dict],
                  address: str) -> dict[str, Path]:
    """Permalinks kept in every fresh edition (a redirect for each page it published
    once and no longer has), and, with a public ``address``, the sitemap of every
    edition of every language and robots.txt, staged (see hemiplan.build.public)."""
    root = html.parents[1]
    for (y, lang), out in fresh.items():
        public.keep_permalinks(out, site_dir(y, root, lang), y, lang)
    editions = {lang: {y: fresh.get((y, lang), site_dir(y, root, lang)) for y in metas} for lang, metas in by_lang.items()}
    staged = {}
    for name, text in public.public_files(address, editions).items():
        (staging / name).write_text(text, encoding="utf-8")
        staged[name] = staging / name
    return staged


def publish_checked(fresh: dict[tuple[int, str], Path], checked: list[tuple[int, str]], root: Path = paths.ROOT,
                    retired: list[int] = (), address: str = "") -> None:
    """Publish the (edition, language) pairs built afresh (→ Jupyter Book's HTML) and
    the site pages of every language, and withdraw the ``retired`` editions
    (published, but whose data are gone) in every language, after checking the
    assembled site as it will be served: every page of the (edition, language) pairs
    in ``checked`` and of the site pages. Any broken link or unresolved reference (a
    language switch to a missing page, a link into a retired edition included)
    refuses the whole publish, every language of it (BuildError naming page and
    link), leaving the published site as it was; nothing of Sphinx's incremental
    state is trusted. With the public ``address``, links under it are checked as
    links into the site, and the sitemap's every address reaches a page; a page that
    left an edition leaves a redirect (hemiplan.build.public)."""
    html = root / "_build" / "html"
    html.mkdir(parents=True, exist_ok=True)
    by_lang = _languages_metas(html, fresh, retired)
    staging = Path(tempfile.mkdtemp(prefix=".site.new-", dir=html))
    try:
        gone = staging / ".retired"  # an empty folder where each retired edition was
        gone.mkdir()
        pages: dict[str, Path] = {}
        mounts: dict[str, Path] = {}
        for lang, metas in by_lang.items():
            pre = languages.prefix(lang)
            pages.update(_stage_site_pages(html, staging, lang, metas,
                                           {y: o for (y, la), o in fresh.items() if la == lang}, list(by_lang),
                                           address))
            mounts.update({f"{pre}{y}": gone for y in retired})
        mounts.update({languages.label(y, lang): out for (y, lang), out in fresh.items()})
        pages.update(_stage_public(html, staging, fresh, by_lang, address))
        view = sitecheck.Site(html, {**mounts, **pages}, base=address)
        problems = sitecheck.check(view, [languages.label(y, lang) for y, lang in sorted(checked)])
        for page in sorted(pages):
            problems += (sitecheck.check_page(view, page) if page.endswith(".html") else
                         sitecheck.check_sitemap(view, page, pages[page].read_text(encoding="utf-8"))
                         if page == public.SITEMAP else [])
        if problems:
            every = {y: m for metas in by_lang.values() for y, m in metas.items()}
            raise BuildError(sitecheck.report(problems) + _unpublished_hint(problems, every))
        for (y, lang), out in sorted(fresh.items()):
            publish(out, y, root, lang)
        for y in retired:
            withdraw(y, root)
        for name, path in pages.items():
            if "latest/" not in name:
                (html / name).parent.mkdir(parents=True, exist_ok=True)
                atomic_write_text(html / name, path.read_text(encoding="utf-8"))
        for name in (public.SITEMAP, public.ROBOTS):  # no address: no sitemap of an earlier one stays
            if name not in pages:
                (html / name).unlink(missing_ok=True)
        for lang in by_lang:  # whole: no page of an earlier latest edition stays
            pre = languages.prefix(lang)
            swap.swap_in(staging / pre / "latest", html / pre / "latest")
        (html / ".nojekyll").touch()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
