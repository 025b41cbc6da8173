"""A report file (.txt, .docx, .pdf) → its plain text, one paragraph or line of the
report per line, ready for :func:`hemiplan.report.split_report`.

* Plain text must be UTF-8 (a byte-order mark is dropped); CRLF, CR and the other
  Unicode line separators become ``\\n``.
* ``.docx`` (:mod:`hemiplan.reading.word`): paragraphs and table rows in document
  order with their list labels, tracked changes accepted, comments left out.
* ``.pdf`` (:mod:`hemiplan.reading.pdf`): read from the layout of the pages, one
  paragraph or heading per line: running headers, footers and page numbers dropped,
  columns read one after the other, paragraphs joined across pages, footnotes set
  apart (in :attr:`ReportText.footnotes`, not in the text).

The format is told by the file's content first (a PDF named ``.txt`` is still a PDF)
and its extension second. Every failure raises :class:`ReportReadError` with a message
that names the file.
"""
from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from hemiplan.reading import pdf, word
from hemiplan.reading.readerror import ReportReadError

__all__ = ["ReportReadError", "ReportText", "normalise_newlines", "read_report", "sniff_format"]

_LINE_SEPARATORS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass
class ReportText:
    text: str                 # normalised text: "\n" line ends, no BOM
    source: Path
    format: str               # txt, docx, pdf
    source_sha256: str
    pages: int | None = None  # PDF pages
    paragraphs: int | None = None  # .docx paragraphs (and table rows) read
    two_column_pages: list[int] = field(default_factory=list)   # PDF pages read column by column
    footnotes: list[tuple[int, str]] = field(default_factory=list)  # PDF (page, footnote), not in the text

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def lines(self) -> int:
        return len(self.text.splitlines())


def normalise_newlines(text: str) -> str:
    """CRLF, CR and other line separators → "\\n"; no BOM. Nothing else changes (not
    even a missing final newline), so that a UTF-8 text with "\\n" line ends is kept
    byte for byte and re-ingesting data/raw/<year>.txt finds it identical."""
    text = text.lstrip("\ufeff")
    return _LINE_SEPARATORS.sub("\n", text)


def sniff_format(path: Path, head: bytes) -> str:
    """txt, docx or pdf, from the content first and the extension second."""
    ext = path.suffix.lower().lstrip(".")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile:
            raise ReportReadError(f"{path}: a damaged ZIP archive, not a report (.txt, .docx or .pdf)") from None
        if "word/document.xml" in names:
            return "docx"
        raise ReportReadError(f"{path}: a ZIP archive but not a Word .docx document; give the report as "
                              f".txt, .docx or .pdf")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReportReadError(f"{path}: an old binary Word .doc (or other OLE) file, which is not read; "
                              f"save it as .docx (or .pdf, .txt) first")
    if ext == "pdf":
        raise ReportReadError(f"{path}: named .pdf but is not a PDF (it does not start with %PDF-)")
    if ext == "docx":
        raise ReportReadError(f"{path}: named .docx but is not a Word document (not a ZIP archive)")
    return "txt"


def read_report(path) -> ReportText:
    """Read a report file into normalised text. Raises ReportReadError."""
    path = Path(path)
    if not path.exists():
        raise ReportReadError(f"{path}: no such file")
    if path.is_dir():
        raise ReportReadError(f"{path}: is a folder, not a report file")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip().lstrip(b"\xef\xbb\xbf").strip():
        raise ReportReadError(f"{path}: the file is empty")
    fmt = sniff_format(path, data[:8])
    if fmt == "pdf":
        got = pdf.read_pdf(path)
        out = ReportText(got.text, path, "pdf", digest, pages=got.pages, two_column_pages=got.two_column_pages,
                         footnotes=got.footnotes)
    elif fmt == "docx":
        text, n = word.read_docx(path)
        out = ReportText(text, path, "docx", digest, paragraphs=n)
    else:
        out = ReportText(_decode_text(path, data), path, "txt", digest)
    out.text = normalise_newlines(out.text)
    if not out.text.strip():
        raise ReportReadError(f"{path}: no text in the {fmt} file" +
                              (" (a scanned PDF without a text layer? run OCR first)" if fmt == "pdf" else ""))
    return out


# --- plain text ----------------------------------------------------------------------------

def _decode_text(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReportReadError(f"{path}: UTF-16 text; save it as UTF-8")
    if b"\x00" in data[:65536]:
        offset = data.index(b"\x00")
        raise ReportReadError(f"{path}: a binary file, not text (NUL byte at offset {offset}); "
                              f"give the report as .txt (UTF-8), .docx or .pdf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start:exc.start + 4]
        raise ReportReadError(
            f"{path}: not UTF-8 text: byte {exc.start} (line {line}, column {col}) is "
            f"{bad[:1].hex(' ')} ({bad!r}...); save the file as UTF-8") from None
    control = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\x0b\x0c")
    if control > max(8, 0.05 * min(len(text), 65536)):
        raise ReportReadError(f"{path}: a binary file, not text ({control} control characters); "
                              f"give the report as .txt (UTF-8), .docx or .pdf")
    return text
