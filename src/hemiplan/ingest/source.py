"""The report and its raw text: the year it covers, reading the file, and the raw copy
``data/raw/<year>.txt``, which is never edited, with its provenance record."""
from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path

from hemiplan import paths
from hemiplan.data import csvio
from hemiplan.ingest.errors import IngestError
from hemiplan.ingest.write import Write, mode_of
from hemiplan.reading import readers

YEAR_MIN, YEAR_MAX = 1990, 2100

#: The size of a report's text, in characters: the reports of the series are tens of
#: thousands (2014: 66,537 characters, 101 paragraphs). Above WARN_CHARS ingest warns;
#: above MAX_CHARS it refuses, so that it stays within its memory budget (README, "Add
#: a new year": about 300 MiB at the limit).
EXPECTED_CHARS = 66_537
WARN_CHARS = 500_000
MAX_CHARS = 2_000_000
#: A file larger than this is refused before it is read (a text of MAX_CHARS is at most
#: 4 bytes a character; a PDF or Word file of a report is a few MB).
MAX_FILE_BYTES = 4 * MAX_CHARS


def parse_year(value) -> int:
    """A 4-digit report year, or IngestError."""
    s = str(value).strip()
    if not re.fullmatch(r"\d{4}", s) or not (YEAR_MIN <= int(s) <= YEAR_MAX):
        raise IngestError(f"--year must be a 4-digit year between {YEAR_MIN} and {YEAR_MAX} "
                          f"(the year the report covers, e.g. 2015), not {value!r}")
    return int(s)


def _too_large(what: str, size: str, limit: str) -> IngestError:
    return IngestError(f"{what} is {size}; ingest reads reports of up to {limit} (a report of the series is "
                       f"tens of thousands of characters: 2014's is {EXPECTED_CHARS:,}), so that it stays within its "
                       f"memory budget; is this the report, or several reports or a repeated text in one file?")


def read_source(report_path) -> readers.ReportText:
    """The report's plain text; IngestError (naming the file) when it cannot be read or
    is far larger than a report (MAX_FILE_BYTES before reading, MAX_CHARS after)."""
    path = Path(report_path)
    if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
        raise _too_large(str(path), f"{path.stat().st_size / 1e6:.1f} MB", f"{MAX_FILE_BYTES / 1e6:.0f} MB")
    try:
        src = readers.read_report(report_path)
    except readers.ReportReadError as exc:
        raise IngestError(str(exc)) from None
    if len(src.text) > MAX_CHARS:
        raise _too_large(f"the text of {src.source}", f"{len(src.text):,} characters", f"{MAX_CHARS:,} characters")
    bad = csvio.invisible(src.text)
    if bad:
        at, ch = bad[0]
        line = src.text.count("\n", 0, at) + 1
        column = at - (src.text.rfind("\n", 0, at) + 1) + 1
        raise IngestError(f"{src.source}: line {line}, column {column} holds {csvio.char_name(ch)}, a control "
                          f"or invisible character "
                          f"({len(bad)} in all): the data never hold one, so ingest stops; remove them from the "
                          "report's text")
    return src


def size_warnings(src: readers.ReportText, paragraphs) -> list[str]:
    """Warnings for a report far larger than expected, or one that repeats its own paragraphs."""
    out = []
    if len(src.text) > WARN_CHARS:
        out.append(f"{src.source}: {len(src.text):,} characters, {len(src.text) / EXPECTED_CHARS:.0f} times the "
                   f"2014 report: check that the file holds one report, once")
    seen: dict[str, str] = {}
    repeats = []
    for pid, text in zip(paragraphs["paragraph_id"], paragraphs["text"]):
        if len(text) >= 60 and text in seen:
            repeats.append(f"{pid} repeats {seen[text]}")
        seen.setdefault(text, pid)
    if repeats:
        out.append(f"{src.source}: {len(repeats)} paragraph(s) repeat earlier ones word for word "
                   f"({'; '.join(repeats[:3])}{'; …' if len(repeats) > 3 else ''}): is a section of the report "
                   "repeated?")
    return out


def _first_difference(old: bytes, text: str) -> str:
    try:
        old_text = old.decode("utf-8")
    except UnicodeDecodeError:
        return "the existing file is not UTF-8"
    old_lines, new_lines = old_text.splitlines(), text.splitlines()
    where = next((i + 1 for i, (x, z) in enumerate(zip(old_lines, new_lines)) if x != z),
                 min(len(old_lines), len(new_lines)) + 1)
    return f"first difference on line {where}"


def _record(src: readers.ReportText, year: int, n_paragraphs: int, language: str) -> str:
    """The provenance record of the raw text (data/raw/<year>.meta.json)."""
    record = {
        "year": year, "source_file": src.source.name, "format": src.format, "language": language,
        "source_sha256": src.source_sha256, "text_sha256": src.text_sha256, "lines": src.lines,
        "pages": src.pages, "source_paragraphs": src.paragraphs, "report_paragraphs": n_paragraphs,
        "ingested": _dt.date.today().isoformat(),
        **({"two_column_pages": src.two_column_pages,
            "footnotes": [{"page": page, "text": text} for page, text in src.footnotes]} if src.format == "pdf" else {}),
        "note": f"Text extracted by `hemiplan ingest` from the {src.format} file; never edited.",
    }
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def _same_text_recorded(meta: Path, src: readers.ReportText, language: str) -> bool:
    if not meta.is_file():
        return False
    try:
        old_meta = json.loads(meta.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        old_meta = {}
    return old_meta.get("text_sha256") == src.text_sha256 and old_meta.get("language", "en") == language


def raw_files(src: readers.ReportText, year: int, data_dir: Path, n_paragraphs: int, force: bool,
              file_mode: int, language: str = "en") -> tuple[list[Write], list[Path]]:
    """(files to write, files unchanged) for the raw text and its record. An existing raw
    text with different content stops ingest unless ``force``."""
    text = src.text
    raw = paths.raw_report(year, data_dir)
    meta = raw.with_suffix(".meta.json")
    raw_same = False
    if raw.is_file():
        old = raw.read_bytes()
        raw_same = old == text.encode("utf-8")
        if not raw_same and not force:
            raise IngestError(f"{raw} already exists with different content ({_first_difference(old, text)}); "
                              f"the raw report is never edited. Pass --force to replace it (reviewed rows are "
                              f"kept only if their paragraphs still exist).")
    writes: list[Write] = []
    unchanged: list[Path] = []
    if raw_same:
        unchanged.append(raw)
    else:
        writes.append((raw, text, 0o444))
    if raw_same and _same_text_recorded(meta, src, language):
        unchanged.append(meta)
    else:
        writes.append((meta, _record(src, year, n_paragraphs, language), mode_of(meta, file_mode)))
    return writes, unchanged
