"""A PDF report → plain text the splitter reads, from the layout of its pages.

pdfplumber gives each page's characters (position, size, font) and drawn shapes;
:mod:`hemiplan.reading.layout` turns them into lines in reading order without running
headers, footers and footnotes, and :mod:`hemiplan.reading.blocks` into paragraphs and
headings, one per line with a blank line between them.

A PDF that cannot be read stops with :class:`ReportReadError` naming the file and,
where it applies, the page: a password, a page without a text layer (a scan: OCR is
not supported), no pages at all, a damaged file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hemiplan.reading import blocks, layout
from hemiplan.reading.readerror import ReportReadError


@dataclass
class PdfText:
    text: str
    pages: int
    two_column_pages: list[int] = field(default_factory=list)
    footnotes: list[tuple[int, str]] = field(default_factory=list)   # (page, text)


def _cause(exc: BaseException) -> str:
    """The name of the pdfminer error behind a pdfplumber one (pdfplumber wraps them)."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__cause__ or exc
    return type(inner).__name__


def _open_error(path: Path, exc: Exception) -> ReportReadError:
    cause = _cause(exc)
    if "Password" in cause or "Encrypt" in cause:
        return ReportReadError(f"{path}: the PDF is encrypted (it asks for a password); save an unprotected "
                               f"copy (or print it to PDF) and ingest that")
    return ReportReadError(f"{path}: cannot be read as PDF ({cause}: {exc})")


def _shapes(page) -> list[tuple[float, float, float, float]]:
    """Small drawn shapes (candidate bullets): curves and rectangles."""
    return [(float(o["x0"]), float(o["top"]), float(o["x1"]), float(o["bottom"]))
            for o in list(page.curves) + list(page.rects)
            if float(o["x1"]) - float(o["x0"]) < 12 and float(o["bottom"]) - float(o["top"]) < 12]


def _page(path: Path, page, number: int) -> layout.Page:
    chars = [{"text": c["text"], "x0": float(c["x0"]), "x1": float(c["x1"]), "top": float(c["top"]),
              "bottom": float(c["bottom"]), "size": float(c["size"]), "fontname": c.get("fontname", ""),
              "upright": c.get("upright", True)} for c in page.chars]
    if not any(c["text"].strip() for c in chars) and page.images:
        raise ReportReadError(f"{path}: page {number} has no text layer; OCR is not supported (the page is "
                              f"an image: a scan?). Give the report as .docx, or as a PDF with text")
    return layout.Page(number, float(page.width), float(page.height), layout.words_from_chars(chars),
                       _shapes(page))


def _pages(path: Path) -> list[layout.Page]:
    try:
        import pdfplumber  # deferred: pdfplumber is heavy, needed only for .pdf reports

        with pdfplumber.open(str(path)) as pdf:
            if not pdf.pages:
                raise ReportReadError(f"{path}: the PDF has no pages")
            return [_page(path, page, n) for n, page in enumerate(pdf.pages, start=1)]
    except ReportReadError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged or encrypted files
        raise _open_error(path, exc) from None


def read_pdf(path) -> PdfText:
    """The text of a PDF report, read from the layout of its pages."""
    path = Path(path)
    pages = _pages(path)
    if not any(p.words for p in pages):
        raise ReportReadError(f"{path}: page 1 has no text layer; OCR is not supported (no page has any "
                              f"text). Give the report as .docx, or as a PDF with text")
    body = layout.body_size(pages)
    for p in pages:
        p.words = layout.drop_reference_marks(p.words, body)
    ordered: list[layout.Line] = []
    two_column: list[int] = []
    footnotes: list[tuple[int, str]] = []
    gutter = None
    for p, lines in zip(pages, layout.drop_running_lines(pages, body)):
        if not lines:
            continue
        lines, columns = layout.reading_order(lines, p, gutter)
        if columns:
            two_column.append(p.number)
            gutter = columns
        lines, notes = layout.split_footnotes(lines, body)
        footnotes += [(p.number, n) for n in notes]
        layout.mark_shape_bullets(lines, p, body)
        ordered += lines
    if not ordered:
        raise ReportReadError(f"{path}: no text in the PDF besides running headers and page numbers")
    text = blocks.blocks_text(blocks.group_blocks(ordered, body), ordered)
    return PdfText(text, len(pages), two_column, footnotes)
