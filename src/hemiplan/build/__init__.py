"""Stage 6, the build: ``hemiplan build`` executes the committed chapters for each year
with papermill into a build tree (the committed notebooks are never modified), then
publishes that tree with Jupyter Book. The new site replaces the previous one only
when every notebook executed and Jupyter Book succeeded.

Modules, in the order a build uses them: ``planning`` (table of contents, jobs, dry
run; ``profiles`` adds a job per member state) → ``cache`` (keys, executed notebooks,
manifest) → ``execution`` (worker pool; ``kernels``: one reused kernel per worker) →
``normalise`` (each executed notebook) → ``assembly`` (the book tree) → ``publishing``
(Jupyter Book; the assembled HTML checked by ``sitecheck``; atomic publish; the landing
and front pages by ``site``); ``run`` holds ``build_editions``, ``build`` and
``refresh``; ``jobs`` the types they share. Also ``bench`` and ``sphinx_ext``, the
book's Sphinx extension.

Every edition is built in every language (``languages``: English, then each language
with catalogs), each (edition, language) a plan of its own; English keeps the root of
every folder below, another language has a folder of its own in each (``es/``).

Layout under _build/:
    tree/<year>/, tree/es/<year>/   the book sources for the edition, with executed notebooks
    cache/           executed notebooks keyed by a hash of everything they depend on
    jb/<year>/, jb/es/<year>/       Jupyter Book's own output (kept for its incremental build)
    html/<year>/, html/es/<year>/   the published edition, with edition.json (status,
                     data version, counts)
    html/editions.html, html/es/editions.html  the landing page: every edition;
                     index.html and latest/ (es/index.html, es/latest/) send the
                     reader to the latest reviewed edition
"""
from hemiplan.build.assembly import BOOK_FILES
from hemiplan.build.cache import cached_notebook
from hemiplan.build.execution import execute
from hemiplan.build.jobs import BuildError, Job, Plan
from hemiplan.build.planning import explain, plan, plans, read_toc, toc_files
from hemiplan.build.run import build, build_editions, refresh

__all__ = ["BOOK_FILES", "BuildError", "Job", "Plan", "build", "build_editions", "cached_notebook", "execute",
           "explain", "plan", "plans", "read_toc", "refresh", "toc_files"]
