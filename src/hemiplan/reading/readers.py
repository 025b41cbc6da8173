"""A report file (.txt, .docx, .pdf) → its plain text, one paragraph or line of the
report per line, ready for :func:`hemiplan.report.split_report`.

* Plain text must be UTF-8 (a byte-order mark is dropped); CRLF, CR and the other
  Unicode line separators become ``\\n``.
* ``.docx`` (python-docx): body paragraphs and table rows in document order, one per
  line with a blank line between them. List paragraphs get their label back (Word
  keeps it out of the text): "•" for bullets, "V." / "a)" / "1." for numbered lists,
  computed from the document's numbering definitions.
* ``.pdf`` (pdfplumber): text lines in reading order, page by page; running headers
  and footers (page numbers, a title repeated on every page) are dropped; words
  hyphenated at a line end are rejoined; a larger vertical gap becomes a blank line.

The format is told by the file's content first (a PDF named ``.txt`` is still a PDF)
and its extension second. Every failure raises :class:`ReportReadError` with a message
that names the file.
"""
from __future__ import annotations

import hashlib
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_LINE_SEPARATORS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}


class ReportReadError(ValueError):
    """The report file cannot be read as a report."""


@dataclass
class ReportText:
    text: str                 # normalised text: "\n" line ends, no BOM
    source: Path
    format: str               # txt, docx, pdf
    source_sha256: str
    pages: int | None = None  # PDF pages
    paragraphs: int | None = None  # .docx paragraphs (and table rows) read

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
        raise ReportReadError(f"{path}: a legacy Word .doc (or other OLE) file; save it as .docx or .txt first")
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
        text, pages = _read_pdf(path)
        out = ReportText(text, path, "pdf", digest, pages=pages)
    elif fmt == "docx":
        text, n = _read_docx(path)
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


# --- Word -----------------------------------------------------------------------------------

def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def _format_number(n: int, fmt: str) -> str:
    return {"upperRoman": _roman(n), "lowerRoman": _roman(n).lower(), "upperLetter": _letters(n).upper(),
            "lowerLetter": _letters(n), "decimalZero": f"{n:02d}"}.get(fmt, str(n))


class _Numbering:
    """Labels of numbered and bulleted Word paragraphs, from numbering.xml."""

    def __init__(self, document):
        from docx.oxml.ns import qn  # deferred: python-docx is heavy, needed only for .docx reports

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (fmt, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for an in root.findall(qn("w:abstractNum")):
            lv = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl")) or 0)
                fmt = lvl.find(qn("w:numFmt"))
                txt = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                lv[ilvl] = (fmt.get(qn("w:val")) if fmt is not None else "decimal",
                            txt.get(qn("w:val")) if txt is not None else "%1.",
                            int(start.get(qn("w:val"))) if start is not None else 1)
            abstract[an.get(qn("w:abstractNumId"))] = lv
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in abstract:
                self.levels[num.get(qn("w:numId"))] = abstract[ref.get(qn("w:val"))]
                self.abstract_of[num.get(qn("w:numId"))] = ref.get(qn("w:val"))

    def _num_pr(self, paragraph):
        qn = self.qn
        ppr = paragraph._p.pPr
        node = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = paragraph.style
        while node is None and style is not None:
            sppr = style.element.find(qn("w:pPr"))
            node = sppr.find(qn("w:numPr")) if sppr is not None else None
            style = style.base_style
        if node is None:
            return None
        num_id = node.find(qn("w:numId"))
        ilvl = node.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
            return None
        return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0

    def label(self, paragraph) -> str:
        pr = self._num_pr(paragraph)
        style_name = (paragraph.style.name if paragraph.style is not None else "") or ""
        if pr is None:
            if "List Bullet" in style_name:
                return "•"
            return ""
        num_id, ilvl = pr
        levels = self.levels.get(num_id, {})
        fmt, text, _ = levels.get(ilvl, ("bullet" if "Bullet" in style_name else "decimal", "%1.", 1))
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, {})
        counters[ilvl] = counters.get(ilvl, levels.get(ilvl, (0, 0, 1))[2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def sub(m):
            k = int(m.group(1)) - 1
            lvl_fmt = levels.get(k, (fmt, "", 1))[0]
            return _format_number(counters.get(k, levels.get(k, (0, 0, 1))[2]), lvl_fmt)
        return re.sub(r"%(\d)", sub, text).strip()


def _read_docx(path: Path) -> tuple[str, int]:
    try:
        import docx  # deferred: python-docx is heavy, needed only for .docx reports
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds on a damaged file
        raise ReportReadError(f"{path}: cannot be read as a Word .docx document ({exc})") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    count = 0
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(child, document)
            text = re.sub(r"[\n\t\r\v]+", " ", p.text).strip()
            if not text:
                continue
            label = numbering.label(p)
            lines.append(f"{label} {text}" if label else text)
            count += 1
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    t = re.sub(r"\s+", " ", cell.text).strip()
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                if cells:
                    lines.append(" | ".join(cells))
                    count += 1
    return "\n\n".join(lines) + "\n", count


# --- PDF ------------------------------------------------------------------------------------

_PAGE_NUMBER_RE = re.compile(
    r"^(?:page|pág\.?|pag\.?|p\.)?\s*[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|de|sur)\s*\d{1,4})?$", re.I)
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                          "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                          "eighty ninety hundred thousand multi half".split())
_BULLET_START = re.compile(r"^(?:[·•▪◦●○■□➢►‣⁃∙\-\*–—\uf0b7\uf0a7]|\(?\d{1,2}[.)]|\(?[a-z][.)]\s)")


def _read_pdf(path: Path) -> tuple[str, int]:
    try:
        import pdfplumber  # deferred: pdfplumber is heavy, needed only for .pdf reports

        pages = []
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                lines = page.extract_text_lines(layout=False, strip=True, return_chars=False)
                pages.append((float(page.height), [
                    {"text": ln["text"], "top": float(ln["top"]), "bottom": float(ln["bottom"]),
                     "x0": float(ln["x0"])} for ln in lines if ln["text"].strip()]))
    except ReportReadError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged or encrypted files
        raise ReportReadError(f"{path}: cannot be read as PDF ({type(exc).__name__}: {exc})") from None
    if not any(lines for _, lines in pages):
        raise ReportReadError(f"{path}: the PDF has no text layer (a scanned document?); run OCR first")
    pages = _drop_running_lines(pages)
    return _pdf_lines_to_text(pages), len(pages)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _drop_running_lines(pages):
    """Drop page numbers and running headers/footers: lines in the top or bottom band
    of a page that are a page number, or whose shape (digits aside) recurs in the same
    band on at least half the pages."""
    band = 0.09
    shapes: Counter = Counter()
    for height, lines in pages:
        seen = set()
        for ln in lines:
            zone = "top" if ln["top"] < band * height else "bottom" if ln["bottom"] > (1 - band) * height else None
            if zone:
                seen.add((zone, _shape(ln["text"])))
        shapes.update(seen)
    n = len(pages)
    out = []
    for height, lines in pages:
        kept = []
        for idx, ln in enumerate(lines):
            zone = "top" if ln["top"] < band * height else "bottom" if ln["bottom"] > (1 - band) * height else None
            first_or_last = idx == 0 or idx == len(lines) - 1
            if _PAGE_NUMBER_RE.match(ln["text"].strip()) and (zone or first_or_last):
                continue
            if zone and n >= 2 and shapes[(zone, _shape(ln["text"]))] >= max(2, n / 2):
                continue
            kept.append(ln)
        out.append((height, kept))
    return out


def _pdf_lines_to_text(pages) -> str:
    pitches = []
    for _, lines in pages:
        for a, b in zip(lines, lines[1:]):
            d = b["top"] - a["top"]
            if d > 0:
                pitches.append(d)
    # the line pitch inside a paragraph: the lower quartile of the distances between
    # lines (paragraph gaps are larger, and in a report of short bullets they can be
    # as frequent as the lines themselves)
    pitches.sort()
    pitch = pitches[len(pitches) // 4] if pitches else 12.0
    out: list[str] = []
    for p, (_, lines) in enumerate(pages):
        for i, ln in enumerate(lines):
            text = "".join(_LIGATURES.get(c, c) for c in ln["text"]).strip()
            if i == 0 and p > 0 and out and out[-1] != "":
                # a page break: a paragraph ended if the last line closed a sentence
                if _TERMINAL.search(out[-1]) or _BULLET_START.match(text):
                    out.append("")
            elif i > 0 and ln["top"] - lines[i - 1]["top"] > 1.45 * pitch:
                out.append("")
            # a word hyphenated at the end of the previous line
            if out and out[-1] and re.search(r"[^\W_][-\u00ad]$", out[-1]) and re.match(r"[a-z]", text):
                word, _, rest = text.partition(" ")
                prefix = re.search(r"([\w]+)[-\u00ad]$", out[-1]).group(1).lower()
                if out[-1].endswith("-") and (prefix[-1].isdigit() or prefix in _NUMBER_WORDS):
                    out[-1] = out[-1] + word          # "three-" + "week": a compound keeps its hyphen
                else:
                    out[-1] = out[-1][:-1] + word     # "organi-" + "zation"
                text = rest.strip()
                if not text:
                    continue
            out.append(text)
    return "\n".join(out).strip("\n") + "\n"
