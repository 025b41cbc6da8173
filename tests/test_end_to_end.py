"""From a report file to a published edition: ingest → validate → build, on a
SYNTHETIC report (tests/fixtures/reports, README there), in a temporary project root
so that the real book and data are untouched. Not skipped anywhere: it runs in
`make test`."""
from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

import pytest

from hemiplan import build, ingest, paths
from hemiplan.data import csvio
from hemiplan.data.validate import validate_year

REPORTS = Path(__file__).parent / "fixtures" / "reports"
SYNTHETIC = REPORTS / "synthetic_2033.txt"
YEAR = 2033
sys.path.insert(0, str(REPORTS))
import as_received  # noqa: E402
import synthetic_formats  # noqa: E402


def book_root(dest: Path) -> Path:
    """A copy of the book's sources (configuration, introduction, chapters)."""
    dest.mkdir()
    for name in ("_config.yml", "_toc.yml", "intro.md", *build.BOOK_FILES):
        if (paths.ROOT / name).is_file():
            shutil.copy2(paths.ROOT / name, dest / name)
    for folder in ("chapters", "_static"):
        if (paths.ROOT / folder).is_dir():
            shutil.copytree(paths.ROOT / folder, dest / folder)
    return dest


def page_text(path: Path) -> str:
    """The visible text of an HTML page, whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_word_and_pdf_reports_ingest_and_validate(tmp_path, fmt):
    source = tmp_path / f"synthetic.{fmt}"
    (synthetic_formats.write_docx if fmt == "docx" else synthetic_formats.write_pdf)(
        SYNTHETIC.read_text(encoding="utf-8"), source)
    data_dir = tmp_path / "data"
    ingest.ingest(source, YEAR, data_dir)
    assert validate_year(YEAR, data_dir) == []
    acts = csvio.read_text_table(data_dir / str(YEAR) / "activities.csv")
    assert sum(int(p) for p in acts["participants"] if p) == 1962


@pytest.mark.parametrize("fmt", ["docx", "pdf letter-large", "pdf two-column", "pdf footnote"])
def test_reports_as_they_arrive_ingest_like_the_text(tmp_path_factory, tmp_path, fmt):
    """An edited Word file and PDFs printed by Chromium (running headers, page numbers,
    paragraphs across pages and columns, a footnote) give the drafts the text gives."""
    source = as_received.generated(tmp_path_factory)[(YEAR, fmt)]
    a, b = tmp_path / "from_text", tmp_path / "as_received"
    ingest.ingest(SYNTHETIC, YEAR, a)
    p = ingest.ingest(source, YEAR, b)
    assert validate_year(YEAR, b) == []
    for name in ("paragraphs", "activities", "indicators"):
        want, got = (csvio.read_text_table(d / str(YEAR) / f"{name}.csv") for d in (a, b))
        cols = [c for c in want.columns if c not in ("line_start", "line_end")]
        assert got[cols].equals(want[cols]), name
    acts = csvio.read_text_table(b / str(YEAR) / "activities.csv")
    assert sum(int(v) for v in acts["participants"] if v) == 1962
    summary = ingest.summary(p)
    if fmt.startswith("pdf"):
        assert f"(pdf, {p.source.pages} pages read" in summary
        assert ("in two columns" in summary) == ("two-column" in fmt)
        assert ("1 footnote set apart" in summary) == (fmt == "pdf footnote")


def test_report_to_published_edition(tmp_path):
    root = book_root(tmp_path / "book")
    data_dir = tmp_path / "data"
    committed = {p: p.read_bytes() for p in sorted((root / "chapters").glob("*.ipynb"))}

    p = ingest.ingest(SYNTHETIC, YEAR, data_dir)
    assert "V. TRAINING" in ingest.summary(p)
    assert validate_year(YEAR, data_dir) == []   # drafts validate: no review needed to build

    plan, site = build.build(YEAR, data_dir=data_dir, root=root, progress=False)
    assert plan.year == YEAR and site == root / "_build" / "html" / str(YEAR)
    assert (root / "_build" / "html" / "index.html").is_file()

    overview = page_text(site / "chapters" / "overview.html")
    # the participants the drafts state: 45 + 1,245 + 86 + 160 + 310 + 52 + 29 + 20 + 15
    assert "1,962 participants" in overview
    assert f"The {YEAR} report describes" in overview
    source = page_text(site / "chapters" / "source_text.html")
    for sentence in ("Approximately 310 participants took part in three port control seminars",
                     "A total of 86 participants attended these workshops",
                     "12, 480 firearms in Guyana (12,000) and Belize (480)"):
        assert sentence in source
    # the same edition in Spanish, beside it: the report's own words stay the report's
    spanish = root / "_build" / "html" / "es" / str(YEAR)
    assert '<html lang="es"' in (spanish / "chapters" / "overview.html").read_text(encoding="utf-8")
    assert "Approximately 310 participants took part in three port control seminars" in page_text(
        spanish / "chapters" / "source_text.html")
    # nothing of the real book leaked in, and the build left the chapters it read untouched
    assert "2014" not in overview.replace(str(YEAR), "")
    assert {p: p.read_bytes() for p in committed} == committed
