"""A report's text → the paragraphs table: one row per paragraph, with the member
states of the report's year and the SMS dependencies it names."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, membership, schema
from hemiplan.reading import entities, lexicon, report


def members_in_year(year: int, data_dir=None) -> set[str]:
    """ISO3 codes of the member states in ``year`` (membership is data:
    member_states.csv has member_from and member_until)."""
    member_states = csvio.read_text_table(schema.table_path("member_states", data_dir=data_dir))
    return membership.member_codes(member_states, year)


def paragraphs_table(text: str, year: int, reference_dir: Path | None = None,
                     members: set[str] | None = None, language: str | None = None) -> pd.DataFrame:
    """One row per paragraph of a report's text, with the member states (of that
    year, when ``members`` is given) and dependencies it mentions, named in the
    report's ``language`` (English when None)."""
    with lexicon.using(language):
        return _table(text, year, reference_dir, members)


def _table(text: str, year: int, reference_dir: Path | None, members: set[str] | None) -> pd.DataFrame:
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
            "countries": csvio.join_list(c for c in entities.member_states_in(body, reference_dir)
                                         if members is None or c in members),
            "dependencies": csvio.join_list(entities.dependencies_in(body, reference_dir)),
        })
    return pd.DataFrame(rows, columns=schema.columns("paragraphs"))
