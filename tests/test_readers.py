"""Reading reports as they arrive (issue 13): PDFs printed by Chromium in several
layouts and edited Word files, generated at test time from the SYNTHETIC reports
(tests/fixtures/reports/as_received.py), read into the text the splitter reads; and
the files a reader must refuse, with a message naming the file (and page), before
anything is written."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from hemiplan import cli
from hemiplan.reading import readers, report

from .conftest import snapshot

REPORTS = Path(__file__).parent / "fixtures" / "reports"
sys.path.insert(0, str(REPORTS))
import as_received  # noqa: E402
import printed  # noqa: E402
import word_files  # noqa: E402

YEARS = (*as_received.CURATED_YEARS, 2033)
LAYOUTS = [*printed.LAYOUTS, "footnote"]
TERMINAL = re.compile(r"[.!?:;][\"'”’)]*$")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return as_received.generated(tmp_path_factory)


def structure(text: str) -> list[tuple[str, str, str, bool]]:
    """What the splitter makes of a text: (section, subsection, paragraph, bulleted)."""
    return [(p.section, p.subsection, p.text, p.bulleted) for p in report.split_report(text)]


def raw_pages(path: Path, columns: int = 1) -> list[list[str]]:
    """The text lines of each page (or of each column, left then right, when
    ``columns`` is 2, without the top and bottom margins) as pdfplumber prints them."""
    import pdfplumber

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            w, h = float(page.width), float(page.height)
            boxes = [(0, 0, w, h)] if columns == 1 else [(0, 0.09 * h, w / 2, 0.91 * h), (w / 2, 0.09 * h, w, 0.91 * h)]
            out += [(page.crop(box).extract_text() or "").splitlines() for box in boxes]
    return out


# --- the fixtures are what they claim to be --------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS)
def test_printed_fixtures_have_running_headers_page_numbers_and_their_paper(files, layout):
    path = files[(2031, f"pdf {layout}")]
    pages = raw_pages(path)
    assert len(pages) >= 2
    paper = printed.LAYOUTS["letter" if layout == "footnote" else layout][0]
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        width = round(float(pdf.pages[0].width))
    assert width == {"Letter": 612, "A4": 596}[paper]
    for n, lines in enumerate(pages, start=1):
        assert lines[0].startswith("SMS/SYN.2031/Rev.1"), lines[0]
        assert lines[-1] == f"Page {n}"


def test_printed_fixtures_cross_pages_wrap_headings_and_hyphenate(files):
    """Across the layouts: a paragraph that runs on to the next page or column, a
    heading wrapped over two lines (in one layout across a column break), a word
    hyphenated at a line end."""
    crossing, heading_crossing, wrapped, hyphenated = set(), set(), set(), set()
    for (year, fmt), path in files.items():
        if not fmt.startswith("pdf"):
            continue
        source = as_received.source_text(year).read_text(encoding="utf-8")
        pages = raw_pages(path)
        columns = raw_pages(path, 2) if "two-column" in fmt else pages
        body_ends = [lines[-1] if "two-column" in fmt else lines[-2] for lines in columns[:-1] if lines]
        if any(not TERMINAL.search(end) and len(end) > 20 for end in body_ends):
            crossing.add(fmt)
        if any(re.fullmatch(r"[A-Z ]+ (AND|OF|THE|AGAINST)", end) for end in body_ends):
            heading_crossing.add(fmt)
        for lines in columns:
            for a, b in zip(lines, lines[1:]):
                if re.match(r"[IVX]+\. [A-Z ]+$", a) and a not in source.splitlines() and re.fullmatch(r"[A-Z ]+", b):
                    wrapped.add(fmt)
                if re.search(r"[a-z] ?\u2010$", a):   # Chromium's hyphen at a soft hyphen
                    hyphenated.add(fmt)
    assert {"pdf letter-large", "pdf two-column"} <= crossing, crossing
    assert "pdf a4-two-column" in heading_crossing, heading_crossing
    assert {"pdf letter-large", "pdf two-column", "pdf a4-two-column"} <= wrapped, wrapped
    assert len(hyphenated) >= 3, hyphenated


# --- PDF ------------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("year", YEARS)
def test_printed_report_reads_as_its_text(files, year, layout):
    """Sections, subsections, paragraphs word for word and bullets: as from the text."""
    got = readers.read_report(files[(year, f"pdf {layout}")])
    want = structure(as_received.source_text(year).read_text(encoding="utf-8"))
    assert structure(got.text) == want
    assert "SMS/SYN" not in got.text and not re.search(r"^Page \d+$", got.text, re.M)
    assert got.format == "pdf" and got.pages >= 1


@pytest.mark.parametrize("year", [2031, 2033])
def test_paragraphs_told_apart_by_indent_or_gap_alone(tmp_path, year):
    """Without bullets, consecutive paragraphs are told apart by a first-line indent and
    no gap (letter-large), by a gap and no indent (letter), in columns (two-column)."""
    text = re.sub(r"^• ", "\n", as_received.source_text(year).read_text(encoding="utf-8"), flags=re.M)
    want = structure(text)
    assert sum(1 for s in want if s[1] == "a") >= 3
    with printed.Printer() as pr:
        for layout in ("letter-large", "letter", "two-column"):
            pdf = printed.write_pdf(text, tmp_path / f"{layout}.pdf", layout, year, printer=pr)
            assert structure(readers.read_report(pdf).text) == want, layout


@pytest.mark.parametrize("layout", ["two-column", "a4-two-column"])
def test_two_column_pages_are_read_column_by_column(files, layout):
    got = readers.read_report(files[(2031, f"pdf {layout}")])
    assert got.two_column_pages == list(range(1, got.pages + 1))
    one = readers.read_report(files[(2031, "pdf letter")])
    assert one.two_column_pages == []


def test_footnotes_are_kept_apart_and_reference_marks_dropped(files):
    got = readers.read_report(files[(2031, "pdf footnote")])
    assert [page for page, _ in got.footnotes] == [1]
    assert got.footnotes[0][1].endswith(as_received.FOOTNOTE)
    assert "January of the next year" not in got.text
    assert "never seen.\n" in got.text          # no "seen.1": the reference mark is gone


def test_footnotes_are_kept_in_the_provenance_record(files, tmp_path):
    import json

    from hemiplan import ingest

    ingest.ingest(files[(2031, "pdf footnote")], 2031, tmp_path)
    record = json.loads((tmp_path / "raw" / "2031.meta.json").read_text(encoding="utf-8"))
    assert [n["page"] for n in record["footnotes"]] == [1]
    assert record["footnotes"][0]["text"].endswith(as_received.FOOTNOTE)
    assert as_received.FOOTNOTE not in (tmp_path / "raw" / "2031.txt").read_text(encoding="utf-8")


def test_raised_ordinals_join_their_number_and_reference_marks_go(tmp_path):
    document = ("<!doctype html><html><body style='font:12pt serif'><h1>V. TRAINING</h1>"
                "<p>The 21<sup>st</sup> regional course, held in Peru<sup>2</sup>, trained 30 officers; the "
                "2<sup>nd</sup> one trained 12 in Chile<sup>*</sup>.</p></body></html>")
    with printed.Printer() as pr:
        pdf = pr.pdf(document, tmp_path / "sup.pdf")
    text = readers.read_report(pdf).text
    assert "The 21st regional course, held in Peru, trained 30 officers; the 2nd one trained 12 in Chile." in text


@pytest.mark.parametrize("lines,joined", [
    (["a citizen security assess-", "ment mission"], "a citizen security assessment mission"),
    (["with the participation of forty-", "one officials"], "with the participation of forty-one officials"),
    (["the Inter-", "American Convention"], "the Inter-American Convention"),
    (["a cyber-", "security plan"], "a cyber-security plan"),         # the document writes "cyber-security"
    (["trained 59 pro\u2010", "secutors"], "trained 59 prosecutors"),  # Chromium's hyphen at a soft hyphen
    (["ends a sentence -", "a dash"], "ends a sentence - a dash"),
])
def test_words_hyphenated_at_a_line_end(lines, joined):
    from hemiplan.reading import blocks

    assert blocks.join_lines(lines, {"cyber-security", "officials"}) == joined


def test_running_lines_set_inside_the_page_are_found_by_repetition(tmp_path):
    """A header and footer set well inside the page (not in its margin band) are still
    running lines: first and last on every page, the same on each."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    import synthetic_formats

    text = (REPORTS / "synthetic_2033.txt").read_text(encoding="utf-8")
    lines = synthetic_formats.pdf_lines(text)
    pages = [lines[i:i + 28] for i in range(0, len(lines), 28)]
    with PdfPages(str(tmp_path / "inner.pdf")) as pdf:
        for n, page in enumerate(pages, start=1):
            fig = plt.figure(figsize=(8.5, 11))
            fig.text(0.08, 0.86, "Annual report of the SMS, synthetic edition", fontsize=9)
            for i, ln in enumerate(page):
                fig.text(0.08, 0.82 - 0.024 * i, ln, fontsize=9, va="top")
            fig.text(0.9, 0.13, f"- {n} -", ha="right", fontsize=9)
            pdf.savefig(fig)
            plt.close(fig)
    got = readers.read_report(tmp_path / "inner.pdf")
    assert got.pages >= 2 and "Annual report of the SMS" not in got.text and "- 1 -" not in got.text
    assert structure(got.text) == structure(text)


def test_matplotlib_pdf_of_plain_lines_still_reads(tmp_path):
    """A PDF of plain lines (no styles, one size, blank lines between blocks)."""
    import synthetic_formats

    text = (REPORTS / "synthetic_2033.txt").read_text(encoding="utf-8")
    got = readers.read_report(synthetic_formats.write_pdf(text, tmp_path / "r.pdf"))
    assert structure(got.text) == structure(text)


# --- Word -----------------------------------------------------------------------------------

@pytest.mark.parametrize("year", YEARS)
def test_edited_word_file_reads_as_its_text(files, year):
    """Section numerals and subsection letters from Word's numbering; tracked changes
    accepted; comments left out."""
    got = readers.read_report(files[(year, "docx")])
    want = structure(as_received.source_text(year).read_text(encoding="utf-8"))
    assert [(s, sub, t) for s, sub, t, _ in structure(got.text)] == [(s, sub, t) for s, sub, t, _ in want]
    assert word_files.DELETED.strip(", ") not in got.text
    assert word_files.COMMENT not in got.text and "Mexico" not in got.text


def test_word_file_tracked_change_is_really_in_the_xml(files):
    """The fixture holds what the test claims: w:ins, w:del and a comment."""
    import zipfile

    with zipfile.ZipFile(files[(2031, "docx")]) as z:
        body = z.read("word/document.xml").decode("utf-8")
        names = z.namelist()
    assert body.count("<w:ins ") == 3 and body.count("<w:del ") == 3 and "word/comments.xml" in names
    assert "<w:numPr>" in body and "Heading1" in body


def test_word_tables_row_by_row_with_tracked_changes(tmp_path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("V. TRAINING", style="Heading 1")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Country", "Officers"
    t.cell(1, 0).text, t.cell(1, 1).text = "Guyana", "12"
    p = t.cell(1, 1).paragraphs[0]
    p._p.append(parse_xml(f'<w:del xmlns:w="{word_files.W}" w:id="7" w:author="E"><w:r><w:delText>0'
                          f'</w:delText></w:r></w:del>'))
    d.save(str(tmp_path / "t.docx"))
    lines = [ln for ln in readers.read_report(tmp_path / "t.docx").text.splitlines() if ln]
    assert lines == ["V. TRAINING", "Country | Officers", "Guyana | 12"]


# --- bad input: a clear error naming the file (and page), nothing written ----------------------

def bad_file(kind: str, tmp_path: Path, files) -> Path:
    if kind == "scanned.pdf":
        return as_received.scanned_pdf(tmp_path / kind, as_received.source_text(2031).read_text(encoding="utf-8"))
    content = {"encrypted.pdf": as_received.encrypted_pdf(), "zero-pages.pdf": as_received.zero_page_pdf(),
               "old-word.doc": as_received.old_word_doc(), "empty.pdf": b"", "empty.docx": b""}[kind]
    (tmp_path / kind).write_bytes(content)
    return tmp_path / kind


BAD = {
    "encrypted.pdf": "the PDF is encrypted",
    "scanned.pdf": "page 3 has no text layer; OCR is not supported",
    "zero-pages.pdf": "the PDF has no pages",
    "old-word.doc": "an old binary Word .doc",
    "empty.pdf": "the file is empty",
    "empty.docx": "the file is empty",
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_files_stop_before_anything_is_written(files, synthetic_copy, tmp_path, capsys, kind):
    bad = bad_file(kind, tmp_path, files)
    before = snapshot(synthetic_copy)
    code = cli.main(["ingest", str(bad), "--year", "2031", "--data-dir", str(synthetic_copy), "--force"])
    err = capsys.readouterr().err
    assert code == 1
    assert BAD[kind] in err and str(bad) in err and "nothing was written" in err
    assert snapshot(synthetic_copy) == before
