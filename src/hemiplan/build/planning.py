"""What a build of one year would execute: the data validated first, then, for each
language, one job per notebook of ``_toc.yml``, per member-state profile and, for a
draft edition, the Review page, each with its cache key (which covers the data of the
year and of every earlier year, that chapters compare it with, the page's language and
that language's catalogs); the table of contents and the texts around the pages
(title, footer, banner, the landing page's record) in that language; and, for a dry
run, why each job would execute."""
from __future__ import annotations

import copy
import os
from pathlib import Path

import yaml

from hemiplan import language, paths
from hemiplan.analysis import series
from hemiplan.analysis.headline import headline
from hemiplan.build import cache, languages, profiles, public
from hemiplan.build.jobs import BuildError, Job, Plan
from hemiplan.data import available_years, content_hash, load, resolve_year, table_files
from hemiplan.language import _, n_, p_

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
    toc.setdefault("parts", []).append({"caption": p_("table of contents", "Draft"),
                                        "chapters": [{"file": REVIEW_PAGE.removesuffix(".ipynb")}]})
    return toc


def translated_toc(toc: dict) -> dict:
    """The table of contents with its captions in the current language (each caption
    is a message of the ``book`` catalog, context 'table of contents')."""
    toc = copy.deepcopy(toc)

    def walk(node):
        if isinstance(node, dict):
            if node.get("caption"):
                node["caption"] = p_("table of contents", node["caption"])
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []) or []:
                    walk(child)
    walk(toc)
    return toc


def draft_banner(drafts: int) -> str:
    """The banner on every page of a draft edition."""
    return n_("Draft edition: {n} row not yet reviewed. Its figures may change; "
              "the front page shows the latest reviewed edition.",
              "Draft edition: {n} rows not yet reviewed. Its figures may change; "
              "the front page shows the latest reviewed edition.", drafts).format(n=language.number(drafts))


def book_config(root: Path = paths.ROOT) -> dict:
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))


def texts(config: dict, year: int, data_hash: str, drafts: int) -> dict:
    """The texts the build writes around an edition's pages, in the current language:
    the book's title (with the edition), author and copyright (messages of the ``book``
    catalog, context 'book'), the footer and, for a draft, the banner."""
    title = p_("book", config.get("title", "hemiplan")) + f" — {year}"
    if drafts:
        title = _("{title} (draft)").format(title=title)
    footer = _("Edition: report year {year} · data version {version}").format(
        year=year, version=f"<code>{data_hash[:10]}</code>")
    out = {"title": title, "footer": f'<p class="hemiplan-edition">{footer}</p>',
           "banner": draft_banner(drafts) if drafts else ""}
    for key in ("author", "copyright"):
        if config.get(key):
            out[key] = p_("book", config[key])
    return out


#: The environment variable that gives the site's public address to ``make book`` (the
#: Pages workflow sets it from the address GitHub Pages serves the site at).
BASE_URL_ENV = "HEMIPLAN_BASE_URL"


def base_url(root: Path = paths.ROOT, given: str | None = None) -> str:
    """The site's public address: ``given`` (``hemiplan build --base-url``) when not
    None, else the environment's HEMIPLAN_BASE_URL when set, else ``html.baseurl`` of
    _config.yml; '' for none (see hemiplan.build.public)."""
    if given is None:
        given = os.environ.get(BASE_URL_ENV) or (book_config(root).get("html") or {}).get("baseurl") or ""
    return public.normalise(given)


def plan(year=None, data_dir=None, root: Path = paths.ROOT, years=None, lang: str = language.SOURCE,
         edition=None, langs=None, base: str | None = None, pdf: bool = True) -> Plan:
    """What a build of ``year`` in ``lang`` would execute. Loads the edition once (unless
    ``edition`` is given: the same edition serves every language), which validates and
    hashes its data: a year without data, or with data that fail validation, stops
    here. ``years`` (the years with data, when the caller has listed them) spares a
    listing; ``langs``, the languages of the build, are those the pages' switch links;
    ``base``, the public address (default: _config.yml's, see :func:`base_url`); ``pdf``,
    whether the PDFs are printed."""
    ddir = paths.data_dir(data_dir).resolve()
    years = available_years(ddir) if years is None else list(years)
    y = resolve_year(year, ddir, years)
    ed = edition if edition is not None else load(y, ddir, years=years)
    params = {"year": y, "data_dir": str(ddir), "language": lang}
    with languages.using(lang):
        toc = translated_toc(read_toc(root))
        jobs = _chapter_jobs(toc, params, root)
        toc, profile_jobs = profiles.expand(toc, ed, root, lang)
        jobs += profile_jobs
        drafts = ed.drafts
        if drafts and (root / REVIEW_PAGE).is_file():
            toc = _with_review_page(toc)
            jobs.append(Job(root / REVIEW_PAGE, REVIEW_PAGE, dict(params)))
        words = texts(book_config(root), y, ed.data_hash, drafts)
        meta = {"year": y, "status": series.status(drafts), "drafts": drafts,
                "data_version": ed.data_hash[:10], "headline": headline(ed).record(), "pdf": pdf,
                "data_package": f"downloads/hemiplan-{y}-data.zip"}
    code = cache.code_hash(lang)
    # A chapter compares its year with the earlier ones: their data are inputs too.
    inputs_hash = content_hash([f for earlier in ed.years for f in table_files(earlier, ddir)])
    for job in jobs:
        job.key = cache.job_key(job, inputs_hash, code)
        job.inputs = cache.job_inputs(job, inputs_hash, code)
    return Plan(y, ddir, jobs, toc, ed.data_hash, edition=ed, drafts=drafts, language=lang, texts=words,
                meta=meta, languages=tuple(langs or (lang,)), base_url=base_url(root, base), pdf=pdf)


def plans(year=None, data_dir=None, root: Path = paths.ROOT, years=None, langs=None, base: str | None = None,
          pdf: bool = True) -> list[Plan]:
    """The plans of one edition, one per language of ``langs`` (default: every
    language, English first), from one loading of its data; ``base`` and ``pdf`` as
    for :func:`plan`."""
    langs = list(langs or languages.available())
    first = plan(year, data_dir, root, years, langs[0], langs=langs, base=base, pdf=pdf)
    return [first] + [plan(first.year, data_dir, root, years, lang, edition=first.edition, langs=langs,
                           base=base, pdf=pdf) for lang in langs[1:]]


def explain(plan_: Plan, root: Path = paths.ROOT) -> list[tuple[str, str]]:
    """For each job: 'cached', or why it would execute (what changed since the last
    build of this year in this language, or 'new')."""
    last = cache.read_manifest(plan_.year, root, plan_.language)
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
