"""Report → data/raw/<year>.txt and data/<year>/paragraphs.csv (and draft rows).

Re-running ingest never loses a person's work: rows marked ``reviewed`` are kept as
they are, only drafts are regenerated; every file is written atomically."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import csvio, entities, paths, report


def paragraphs_table(text: str, year: int, reference_dir: Path | None = None) -> pd.DataFrame:
    """One row per paragraph of a report's text, with the member states and
    dependencies it mentions."""
    paras = report.split_report(text)
    ids = report.paragraph_ids(paras, year)
    rows = []
    for pid, p in zip(ids, paras):
        body = p.text
        rows.append({
            "paragraph_id": pid, "year": int(year), "section": p.section,
            "section_title": p.section_title, "subsection": p.subsection,
            "subsection_title": p.subsection_title, "heading": p.heading,
            "line_start": p.line_start, "line_end": p.line_end, "text": body,
            "countries": csvio.join_list(entities.member_states_in(body, reference_dir)),
            "dependencies": csvio.join_list(entities.dependencies_in(body, reference_dir)),
        })
    return pd.DataFrame(rows)


def add_parser(sub) -> None:
    """The ``ingest`` subcommand (wired into hemiplan.cli)."""
    i = sub.add_parser("ingest", help="read a report (.txt, .docx, .pdf) and draft a year's tables")
    i.add_argument("report", help="the report file")
    i.add_argument("--year", required=True, type=int, help="the year the report covers")
    i.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    i.set_defaults(func=run_cli)


def run_cli(args) -> int:
    raise SystemExit("ingest: not implemented yet")
