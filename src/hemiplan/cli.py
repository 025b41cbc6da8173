"""``python -m hemiplan …``: validate, ingest, build, serve, bench."""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
import time

from hemiplan import build, data, paths
from hemiplan.build.bench import add_parser as add_bench_parser
from hemiplan.data.validate import ValidationError, validate_all, validate_year
from hemiplan.ingest import add_parser as add_ingest_parser


def _cmd_validate(args) -> int:
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


def _cmd_build(args) -> int:
    start = time.perf_counter()
    try:
        if args.dry_run:
            p = build.plan(args.year, args.data_dir)
            for target, why in build.explain(p):
                print(f"{why:<40} {target}")
            return 0
        p, site = build.build(args.year, args.data_dir, jobs_n=args.jobs, clean=args.clean)
    except (data.YearNotFoundError, ValidationError, build.BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("the previously published site, if any, is unchanged", file=sys.stderr)
        return 1
    executed = [j for j in p.jobs if not j.cached]
    if executed:
        print(f"{'notebook':<44} {'seconds':>8}")
        for j in sorted(executed, key=lambda j: -j.seconds):
            print(f"{j.name:<44} {j.seconds:>8.1f}")
    print(f"{len(executed)} notebook(s) executed, {len(p.jobs) - len(executed)} from the cache; "
          f"{'published' if p.extra.get('published') else 'site already up to date'}: {site / 'index.html'} "
          f"({time.perf_counter() - start:.1f} s)")
    return 0


def _cmd_refresh(args) -> int:
    try:
        written = build.refresh(jobs_n=args.jobs)
    except build.BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for p in written:
        print(f"updated {p}")
    print(f"{len(written)} notebook(s) changed")
    return 0


def _cmd_serve(args) -> int:
    site = paths.BUILD / "html"
    if not (site / "index.html").is_file():
        print("error: no site in _build/html: run `make book` first", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as httpd:
        print(f"serving {site} on http://{args.host}:{args.port}/ (Ctrl-C to stop)")
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hemiplan", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="validate the data of one year (or every year) and the reference tables")
    v.add_argument("--year", help="year to validate (default: every year with data)")
    v.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    v.set_defaults(func=_cmd_validate)

    b = sub.add_parser("build", help="execute the chapters for a year and publish the book")
    b.add_argument("--year", help="year to build (default: the latest year with data)")
    b.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    b.add_argument("--jobs", type=int, default=None, help="notebooks executed in parallel (default: one per core)")
    b.add_argument("--clean", action="store_true", help="rebuild the site from scratch")
    b.add_argument("--dry-run", action="store_true", help="list what would be executed and why, execute nothing")
    b.set_defaults(func=_cmd_build)

    s = sub.add_parser("serve", help="preview the built site locally")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=_cmd_serve)

    add_bench_parser(sub)
    add_ingest_parser(sub)

    r = sub.add_parser("refresh", help="re-execute the committed chapters in place for the default year")
    r.add_argument("--jobs", type=int, default=None, help="notebooks executed in parallel")
    r.set_defaults(func=_cmd_refresh)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)
