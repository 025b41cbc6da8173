"""The whole ingest, in order, holding the year's lock: plan everything (read, check,
draft, merge) without writing, check that the result validates (in a temporary copy)
and that nothing changed on disk meanwhile, then write every file at once."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hemiplan import paths
from hemiplan.data import csvio, schema
from hemiplan.ingest import guard, language, merge, proposals, removed, source, write
from hemiplan.ingest.draft import DraftResult
from hemiplan.ingest.errors import IngestError
from hemiplan.ingest.paragraphs import members_in_year, paragraphs_table
from hemiplan.reading import entities, lexicon, readers, report


@dataclass
class Plan:
    """Everything ingest will write, computed and checked; nothing written yet."""
    year: int
    source: readers.ReportText
    data_dir: Path
    paragraphs: pd.DataFrame
    activities: pd.DataFrame
    indicators: pd.DataFrame
    result: DraftResult
    kept_activities: int
    kept_indicators: int
    kept_paragraph_reviews: int
    writes: list[write.Write]
    unchanged: list[Path]
    warnings: list[str] = field(default_factory=list)
    language: str = "en"             # ISO 639-1 code of the report's language


def _paragraphs(src: readers.ReportText, year: int, reference_dir: Path | None, members: set[str],
                code: str) -> pd.DataFrame:
    try:
        paragraphs = paragraphs_table(src.text, year, reference_dir, members, code)
    except report.ReportStructureError as exc:
        raise IngestError(f"{src.source}: {exc}") from None
    if paragraphs.empty:
        raise IngestError(f"{src.source}: section headings but no paragraph under them; is this the whole report?")
    return paragraphs


def _drop_listed_unrecorded(result: DraftResult, year: int, data_dir: Path) -> None:
    """Numbers already listed in unrecorded.csv (with a reason) are not reported again."""
    path = schema.table_path("unrecorded", year, data_dir)
    if path.is_file():
        listed = set(zip(*[csvio.read_text_table(path)[c] for c in ("paragraph_id", "number")]))
        result.unused_numbers = [u for u in result.unused_numbers if (u[0], u[1]) not in listed]


def _removals(year: int, data_dir: Path, paragraphs: pd.DataFrame, warnings: list[str]
               ) -> tuple[pd.DataFrame, str | None]:
    """The rows the reviewer removed that still apply (their quote is still in their
    paragraph), and removed.csv's new text when some no longer do (None: unchanged)."""
    path = schema.table_path("removed", year, data_dir)
    rows = removed.read(path)
    text_of = dict(zip(paragraphs["paragraph_id"], paragraphs["text"]))
    live = pd.Series([q in text_of.get(pid, "") for pid, q in zip(rows["paragraph_id"], rows["quote"])],
                     index=rows.index, dtype=bool)
    gone = rows[~live]
    for rid, pid in zip(gone["row_id"], gone["paragraph_id"]):
        warnings.append(f"{path}: the removal of {rid} no longer applies (its sentence is no longer in "
                        f"paragraph {pid}): dropped from removed.csv")
    if gone.empty:
        return rows, None
    return rows[live], write.table_text(rows[live], "removed")


def _non_members_named(paragraphs: pd.DataFrame, year: int, members: set[str],
                       reference_dir: Path | None, code: str) -> list[str]:
    with lexicon.using(code):
        outside = sorted({(pid, state) for pid, body in zip(paragraphs["paragraph_id"], paragraphs["text"])
                          for state in entities.member_states_in(body, reference_dir) if state not in members})
    return [f"{pid} names {state}, not a member state in {year}: left out of its countries" for pid, state in outside]


def _proposals_file(result: DraftResult, year: int, data_dir: Path) -> dict[Path, str]:
    """proposals.csv's new text: written when there is a proposal, or a file to update."""
    path = schema.table_path("proposals", year, data_dir)
    props = result.proposals
    if (props is None or props.empty) and not path.is_file():
        return {}
    return {path: write.table_text(props if props is not None else proposals.read(path), "proposals")}


def plan(report_path, year, data_dir=None, force: bool = False,
         reference_dir: Path | None = None, lang: str | None = None) -> Plan:
    """Read, check and draft everything; raise IngestError (naming the file) when
    ingest cannot go on (a report in a language it cannot read included: ``lang``
    overrides the detected language). Writes nothing."""
    y = source.parse_year(year)
    src = source.read_source(report_path)
    code = language.choose(src.text, lang, source=str(src.source), reference_dir=reference_dir)
    ddir = paths.data_dir(data_dir)
    members = members_in_year(y, ddir)
    paragraphs = _paragraphs(src, y, reference_dir, members, code)
    file_mode = write.umask_mode()
    writes, unchanged = source.raw_files(src, y, ddir, len(paragraphs), force, file_mode, code)
    warnings: list[str] = source.size_warnings(src, paragraphs)

    # a person's work: reviewed rows, hand-reviewed paragraph columns
    files = {t: schema.table_path(t, y, ddir) for t in schema.YEAR_TABLES}
    kept_reviews = merge.keep_paragraph_reviews(paragraphs, merge.read_existing(files["paragraphs"], "paragraphs"))
    kept = merge.kept_rows(files, warnings)
    merge.check_nothing_lost(kept, paragraphs, files, warnings)
    decided, removed_text = _removals(y, ddir, paragraphs, warnings)
    paras, acts, inds, result = merge.draft_tables(
        src.text, y, reference_dir, kept["activities"], kept["indicators"], paragraphs=paragraphs.astype(str),
        members=members, language=code, removed=decided,
        unrecorded=removed.listed_numbers(schema.table_path("unrecorded", y, ddir)),
        proposals=proposals.read(schema.table_path("proposals", y, ddir)), warnings=warnings)
    _drop_listed_unrecorded(result, y, ddir)
    warnings += _non_members_named(paragraphs, y, members, reference_dir, code)

    table_writes, table_unchanged = write.changes({
        files["paragraphs"]: write.table_text(paras, "paragraphs"),
        files["activities"]: write.table_text(acts, "activities"),
        files["indicators"]: write.table_text(inds, "indicators"),
        **({schema.table_path("removed", y, ddir): removed_text} if removed_text is not None else {}),
        **_proposals_file(result, y, ddir),
    }, file_mode)
    n_kept = {t: 0 if df is None else len(df) for t, df in kept.items()}
    return Plan(y, src, ddir, paras, acts, inds, result, n_kept["activities"], n_kept["indicators"],
                kept_reviews, writes + table_writes, unchanged + table_unchanged, warnings, code)


def ingest(report_path, year, data_dir=None, force: bool = False, reference_dir: Path | None = None,
           lang: str | None = None) -> Plan:
    """Plan, then write everything at once, holding the year's lock (a second writer
    waits, then fails with :class:`~hemiplan.data.locks.Busy`), only if the result
    validates (else IngestError naming the rows, and nothing written) and the year's
    files are still those read (else :class:`~hemiplan.data.locks.Changed`). Returns
    the plan (for the summary)."""
    y = source.parse_year(year)
    with guard.guarded(y, data_dir, f"ingest of {y}") as read:
        p = plan(report_path, y, data_dir, force, reference_dir, lang)
        try:
            guard.commit(y, data_dir, p.writes, read)
        except IngestError as exc:
            if not p.warnings:
                raise
            raise IngestError("\n".join([str(exc)] + [f"warning: {w}" for w in p.warnings])) from None
    return p
