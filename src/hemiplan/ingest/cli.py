"""``python -m hemiplan ingest REPORT --year Y [--data-dir D] [--force] [--language CODE]``."""
from __future__ import annotations

import sys

from hemiplan.data import locks
from hemiplan.ingest.errors import IngestError
from hemiplan.ingest.pipeline import ingest
from hemiplan.ingest.review import summary


def add_parser(sub) -> None:
    """The ``ingest`` subcommand (wired into hemiplan.cli)."""
    i = sub.add_parser("ingest", help="read a report (.txt, .docx, .pdf) and draft a year's tables",
                       description="Read a report (.txt in UTF-8, .docx or .pdf), store its text as "
                                   "data/raw/YEAR.txt and draft data/YEAR/{paragraphs,activities,indicators}.csv. "
                                   "Rows marked reviewed are kept; only drafts are regenerated.")
    i.add_argument("report", help="the report file")
    i.add_argument("--year", required=True, help="the year the report covers (4 digits)")
    i.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    i.add_argument("--force", action="store_true",
                   help="replace data/raw/YEAR.txt when it exists with different content")
    i.add_argument("--language", default=None, metavar="CODE",
                   help="the report's language as an ISO 639-1 code (en, es), instead of the one detected; "
                        "ingest refuses a report in a language it cannot read")
    i.set_defaults(func=run_cli)


def run_cli(args) -> int:
    try:
        p = ingest(args.report, args.year, args.data_dir, force=args.force, lang=args.language)
    except (IngestError, locks.Busy, locks.Changed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(summary(p))
    return 0
