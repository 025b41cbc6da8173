"""A Word .docx report → plain text, one paragraph (or table row) per line.

* Body paragraphs and tables in document order (also inside content controls); a
  blank line between them.
* List paragraphs get their label back (Word keeps it out of the text): "•" for
  bullets, "V." / "a)" / "1." for numbered lists, computed from the document's
  numbering definitions (also numbering a heading style carries).
* Tables row by row, the cells of a row joined with " | " (merged cells once).
* Tracked changes accepted: inserted text (``w:ins``) is kept, deleted text
  (``w:del``, ``w:moveFrom``) dropped; comments and field codes are not text.
"""
from __future__ import annotations

import re
from pathlib import Path

from hemiplan.reading.readerror import ReportReadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DELETED = {f"{_W}del", f"{_W}moveFrom"}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# not text: deleted runs, field codes, comment marks, and the fallback copy of a text box
_SKIPPED = _DELETED | {f"{_W}instrText", f"{_W}delInstrText", f"{_W}commentReference", f"{_W}annotationRef",
                       f"{_MC}Fallback"}


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


def paragraph_text(p) -> str:
    """The text of a ``w:p`` element with tracked changes accepted: runs inside
    ``w:ins`` kept, inside ``w:del`` / ``w:moveFrom`` dropped; tabs and breaks become
    spaces; no field codes, no comments."""
    out: list[str] = []

    def walk(el):
        for child in el:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                out.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            elif tag == f"{_W}pPr":
                continue
            else:
                walk(child)
    walk(p)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _table_rows(tbl) -> list[str]:
    rows = []
    for tr in tbl.iter(f"{_W}tr"):
        cells: list[str] = []
        for tc in tr.findall(f"{_W}tc"):
            t = " ".join(x for x in (paragraph_text(p) for p in tc.iter(f"{_W}p")) if x)
            if t and (not cells or cells[-1] != t):
                cells.append(t)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def _body_elements(el):
    """Paragraphs and tables of the body in order, looking into content controls."""
    for child in el.iterchildren():
        if child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_elements(content)
        elif child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child


def read_docx(path) -> tuple[str, int]:
    """(text, paragraphs and table rows read) of a .docx report."""
    path = Path(path)
    try:
        import docx  # deferred: python-docx is heavy, needed only for .docx reports
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds on a damaged file
        raise ReportReadError(f"{path}: cannot be read as a Word .docx document ({exc})") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    for el in _body_elements(document.element.body):
        if el.tag == f"{_W}tbl":
            lines += _table_rows(el)
            continue
        text = paragraph_text(el)
        if text:
            label = numbering.label(Paragraph(el, document))
            lines.append(f"{label} {text}" if label else text)
    return "\n\n".join(lines) + "\n", len(lines)
