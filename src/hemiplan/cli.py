"""``python -m hemiplan …``: validate, ingest, review, accept, remove, build, serve, bench."""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
import time
from pathlib import Path

from hemiplan import build, data, language, paths
from hemiplan.build import bench_editions, catalogs
from hemiplan.build import pdf as build_pdf
from hemiplan.build import planning as build_planning
from hemiplan.build import run as build_run
from hemiplan.build.bench import add_parser as add_bench_parser
from hemiplan.build.bench import run as bench_run
from hemiplan.analysis import review, series
from hemiplan.data import locks, schema
from hemiplan.data.csvio import read_text_table
from hemiplan.data.validate import ValidationError, validate_all, validate_year
from hemiplan.ingest import add_parser as add_ingest_parser
from hemiplan.ingest import guard
from hemiplan.ingest.accept import accept
from hemiplan.ingest.errors import IngestError
from hemiplan.ingest.remove import remove


def _cmd_validate(args) -> int:
    for note in guard.tidy(args.data_dir):   # an interrupted write is finished before it is judged
        print(f"note: {note}", file=sys.stderr)
    if args.year is not None:
        try:
            year = data.resolve_year(args.year, args.data_dir)
        except data.YearNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        results = {year: validate_year(year, args.data_dir)}
    else:
        results = validate_all(args.data_dir)
    n = 0
    for year, problems in results.items():
        label = "reference tables" if year is None else f"year {year}"
        for p in problems:
            print(f"error: {p}", file=sys.stderr)
        n += len(problems)
        print(f"{label}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if n else 0


def _edition(p) -> str:
    """An edition in a language, as the build's messages name it: '2014', 'es/2014 (draft)'."""
    return f"{'' if p.language == language.SOURCE else p.language + '/'}{p.year}{' (draft)' if p.drafts else ''}"


def _dry_run(years, data_dir, langs=None, base_url=None, pdfs=True, every=True) -> None:
    """What a build would execute, per edition and language (the earlier editions a
    single year's pages link to, when not published, among them), and a summary line."""
    total = runs = 0
    listed = data.available_years(data_dir)
    if not every:
        extra = build_run.linked_editions(years, listed, paths.ROOT, list(langs or language.available()), pdfs)
        for y in extra:
            print(f"edition {y} would be built too: the pages of {max(years)} link to it and it is not published"
                  + (" with its PDFs" if pdfs else ""))
        years = sorted(set(years) | set(extra))
    if pdfs and build_pdf.browser_missing():
        print(f"the build would stop before executing anything: {build_pdf.browser_missing()}")
    base = build_planning.base_url(paths.ROOT, base_url)
    print(f"public address: {base or '(none: canonical links, sitemap and robots.txt are left out)'}; "
          f"PDFs: {'printed' if pdfs else 'not printed (--no-pdf)'}")
    for y in years:
        for p in build.plans(y, data_dir, langs=langs, base=base_url, pdf=pdfs):
            explained = build.explain(p)
            n = sum(1 for _, why in explained if why != "cached")
            print(f"edition {_edition(p)}: {n} of {len(explained)} notebook(s) would execute")
            for target, why in explained:
                print(f"  {why:<40} {target}")
            total, runs = total + len(explained), runs + n
    print(f"dry run: {runs} of {total} notebook(s) would execute, "
          f"{total - runs} from the cache, in {len(years)} edition(s) and "
          f"{len(langs or language.available())} language(s); nothing was executed or published")


def _summary(plans, start: float) -> None:
    if plans and not plans[0].pdf:
        print("PDFs: not printed (--no-pdf); the pages say where each PDF will be")
    for p in plans:
        executed = [j for j in p.jobs if not j.cached]
        if executed:
            print(f"edition {_edition(p)}: {'notebook':<44} {'seconds':>8}")
            for j in sorted(executed, key=lambda j: -j.seconds):
                print(f"  {j.name:<56} {j.seconds:>8.1f}")
        state = "published" if p.published else "already up to date"
        print(f"edition {_edition(p)}: {len(executed)} notebook(s) "
              f"executed, {len(p.jobs) - len(executed)} from the cache; {state}")
    print(f"site: {paths.BUILD / 'html' / 'index.html'} ({time.perf_counter() - start:.1f} s)")


def _cmd_build(args) -> int:
    start = time.perf_counter()
    try:
        years = None if args.year is None else [data.resolve_year(args.year, args.data_dir)]
        if args.dry_run:
            _dry_run(years if years else data.available_years(args.data_dir), args.data_dir, args.language,
                     args.base_url, not args.no_pdf, every=years is None)
            return 0
        plans = build.build_editions(years, args.data_dir, jobs_n=args.jobs, clean=args.clean,
                                     progress=sys.stderr.isatty(), langs=args.language, base_url=args.base_url,
                                     pdfs=not args.no_pdf)
    except (data.YearNotFoundError, ValidationError, build.BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("the previously published site, if any, is unchanged", file=sys.stderr)
        return 1
    _summary(plans, start)
    return 0


def _cmd_refresh(args) -> int:
    try:
        written = build.refresh(jobs_n=args.jobs, progress=sys.stderr.isatty())
    except build.BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for p in written:
        print(f"updated {p}")
    print(f"{len(written)} notebook(s) changed")
    return 0


def _cmd_review(args) -> int:
    if args.serve:
        # the browser workbench (issue 22): its own package, imported only when asked for
        from hemiplan.workbench.server import run_cli as serve_workbench
        return serve_workbench(args)
    try:
        year = data.resolve_year(args.year, args.data_dir)
    except data.YearNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = validate_year(year, args.data_dir)   # a malformed table is reported as validate reports it
    if problems:
        for p in problems:
            print(f"error: {p}", file=sys.stderr)
        print(f"year {year}: {len(problems)} problem(s); fix them, then review again", file=sys.stderr)
        return 1
    tables = {t: read_text_table(schema.table_path(t, year, args.data_dir))
              for t in ("paragraphs", "activities", "indicators")}
    print(review.listing(review.pending(tables["paragraphs"], tables["activities"], tables["indicators"], year),
                         year))
    return 0


#: What a command that writes a year's data reports as an error (no traceback): no such
#: year, data that do not validate, a refused change, another writer, a change on disk.
WRITE_ERRORS = (data.YearNotFoundError, ValidationError, IngestError, locks.Busy, locks.Changed)


def _cmd_accept(args) -> int:
    try:
        done = accept(args.year, args.ids, args.paragraph, args.data_dir)
    except WRITE_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for rid in done.already:
        print(f"already reviewed: {rid}")
    for path in done.written:
        print(f"wrote {path}")
    left = series.draft_rows(done.year, args.data_dir)
    print(f"{done.year}: {len(done.accepted)} row(s) marked reviewed; {left} draft row(s) left"
          + ("" if left else f": the {done.year} edition is reviewed (run `make book`)"))
    return 0


def _cmd_remove(args) -> int:
    try:
        done = remove(args.year, args.ids, args.reason, args.data_dir)
    except WRITE_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in done.written:
        print(f"wrote {path}")
    with_tr = f", with {done.translations} translation(s) of their titles" if done.translations else ""
    print(f"{done.year}: {len(done.removed)} row(s) removed{with_tr} and recorded in removed.csv "
          f"({', '.join(done.removed)}): re-ingesting the report will not draft them again")
    return 0


def _cmd_bench(args) -> int:
    if args.editions:
        bench_editions.run(args.editions, args.jobs, args.skip_jb)
    else:
        bench_run(args.year, args.data_dir, args.runs, args.jobs, args.skip_jb)
    return 0


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """The site as a web host serves it: a missing page answers with the site's 404
    page (its language's, under es/), status 404."""

    def send_error(self, code, message=None, explain=None):
        root = Path(self.directory)
        page = root / ("es/404.html" if self.path.startswith("/es/") else "404.html")
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _cmd_serve(args) -> int:
    site = paths.BUILD / "html"
    if not (site / "index.html").is_file():
        print("error: no site in _build/html: run `make book` first", file=sys.stderr)
        return 1
    handler = functools.partial(_SiteHandler, directory=str(site))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as httpd:
        print(f"serving {site} on http://{args.host}:{args.port}/ (Ctrl-C to stop)")
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def _cmd_catalogs(args) -> int:
    langs = args.language or [lang for lang in language.available() if lang != language.SOURCE]
    if args.action == "update":
        for lang in langs:
            print(f"{lang}: {len(catalogs.update(lang))} catalog(s) written")
        return 0
    n = 0
    for lang in langs:
        problems = catalogs.check(lang)
        for p in problems:
            print(f"error: {p}", file=sys.stderr)
        n += len(problems)
        print(f"{lang}: {'complete' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if n else 0


def _add_build_parser(sub) -> None:
    """``hemiplan build``'s options."""
    b = sub.add_parser("build", help="execute the chapters of every edition (or one year) and publish the book")
    b.add_argument("--year", help="build this year's edition (and the earlier editions its pages link to, when they "
                                  "are not published; default: every year with data)")
    b.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    b.add_argument("--jobs", type=int, default=None, help="notebooks executed in parallel (default: one per core)")
    b.add_argument("--clean", action="store_true", help="rebuild the site from scratch")
    b.add_argument("--dry-run", action="store_true", help="list what would be executed and why, execute nothing")
    b.add_argument("--language", action="append", default=None, choices=language.available(),
                   help="build this language only (repeatable; default: every language, English first; "
                        "the pages' language switch links only the languages built)")
    b.add_argument("--base-url", default=None, metavar="URL",
                   help="the site's public address, e.g. https://reports.example.org/hemiplan/ (default: html.baseurl "
                        "in _config.yml): canonical links, sitemap.xml, robots.txt, absolute addresses in How to cite, "
                        "link previews and the PDFs' links")
    b.add_argument("--no-pdf", action="store_true",
                   help="build and publish the site without its PDFs (no browser needed); the pages say where the "
                        "PDFs will be")
    b.set_defaults(func=_cmd_build)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hemiplan", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="validate the data of one year (or every year) and the reference tables")
    v.add_argument("--year", help="year to validate (default: every year with data)")
    v.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    v.set_defaults(func=_cmd_validate)

    _add_build_parser(sub)

    s = sub.add_parser("serve", help="preview the built site locally")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=_cmd_serve)

    bench = add_bench_parser(sub)
    bench.add_argument("--editions", type=int, default=None, metavar="N",
                       help="benchmark N synthetic editions side by side instead (one run)")
    bench.set_defaults(func=_cmd_bench)
    add_ingest_parser(sub)

    rv = sub.add_parser("review", help="list the draft rows of a year to review, by paragraph")
    rv.add_argument("--year", required=True, help="the year to review")
    rv.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    rv.add_argument("--serve", action="store_true",
                    help="open the review workbench: a local web page on 127.0.0.1 to review the drafts in a browser")
    rv.add_argument("--port", type=int, default=8765, help="the workbench's port on 127.0.0.1 (default 8765; 0 picks a free one)")
    rv.set_defaults(func=_cmd_review)

    ac = sub.add_parser("accept", help="mark draft rows reviewed (after validation; nothing else changes)")
    ac.add_argument("--year", required=True, help="the year of the rows")
    ac.add_argument("ids", nargs="*", help="ids of the rows (activity_id or indicator_id)")
    ac.add_argument("--paragraph", action="append", default=[], metavar="PARAGRAPH_ID",
                    help="accept every draft row of this paragraph (repeatable)")
    ac.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    ac.set_defaults(func=_cmd_accept)

    rm = sub.add_parser("remove", help="delete rows that are not data and record them in removed.csv, with the reason")
    rm.add_argument("--year", required=True, help="the year of the rows")
    rm.add_argument("ids", nargs="+", help="ids of the rows (activity_id or indicator_id)")
    rm.add_argument("--reason", required=True, help="why the rows are not data of the report")
    rm.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    rm.set_defaults(func=_cmd_remove)

    c = sub.add_parser("catalogs", help="update or check the translation catalogs (PO files) of every language")
    c.add_argument("action", choices=("update", "check"))
    c.add_argument("--language", action="append", default=None,
                   help="a language to update or check (repeatable; default: every language but English)")
    c.set_defaults(func=_cmd_catalogs)

    r = sub.add_parser("refresh", help="re-execute the committed chapters in place for the default year")
    r.add_argument("--jobs", type=int, default=None, help="notebooks executed in parallel")
    r.set_defaults(func=_cmd_refresh)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)
