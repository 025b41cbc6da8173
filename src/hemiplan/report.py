"""Report text → sections and paragraphs.

The splitter reads the plain text of a report (any line endings) and returns one
record per paragraph, bullet or numbered item, with the section, subsection and
unlettered sub-heading it falls under and its line span in the text. It relies on
the shape of a report, never on a year's wording:

* sections are roman numerals (``II. National strategies``, ``V. TRAINING``);
* subsections are letters in sequence (``a)``, ``a.``, or the letter alone on a line
  with its title on the next);
* unlettered sub-headings are short, unpunctuated lines standing alone;
* bullets may be ``·``, ``•``, ``-``, ``*``, numbers, or absent; a paragraph may be
  wrapped over several lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_RE = re.compile(r"^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

SECTION_RE = re.compile(r"^(?:SECTION\s+|Section\s+)?(?P<num>[IVXLC]{1,7})\s*[.)\-–:]\s*(?P<title>\S.*)?$")
SUB_RE = re.compile(r"^\(?(?P<letter>[a-zA-Z])\s*[.)]\s*(?P<title>\S.*)?$")
BULLET_RE = re.compile(r"^(?P<marker>[·•▪◦●○■□➢►‣⁃∙\-\*–—]+|\(?\d{1,2}[.)](?!\d)|\(\d{1,2}\))\s*(?P<rest>.*)$")
TERMINAL_RE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
MAX_HEADING_WORDS = 16
MAX_HEADING_CHARS = 120
MAX_TITLE_CHARS = 260


class ReportStructureError(ValueError):
    """The text has no recognisable report structure."""


def roman_to_int(numeral: str) -> int | None:
    """Value of an upper-case roman numeral, or None if it is not a well-formed one."""
    if not numeral or not _ROMAN_RE.match(numeral):
        return None
    total, prev = 0, 0
    for ch in reversed(numeral):
        v = ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


@dataclass
class Paragraph:
    section: str
    section_title: str
    subsection: str
    subsection_title: str
    heading: str
    line_start: int
    line_end: int
    lines: list[str] = field(default_factory=list)
    bulleted: bool = False

    @property
    def text(self) -> str:
        return normalise_space(" ".join(self.lines))


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _clean_title(title: str) -> str:
    return normalise_space(title).rstrip(":").strip()


def _is_heading_like(line: str) -> bool:
    """A short, unpunctuated line that reads as a title."""
    s = line.strip()
    if not s or len(s) > MAX_HEADING_CHARS or len(s.split()) > MAX_HEADING_WORDS:
        return False
    if not (s[0].isupper() or s[0].isdigit()) or s[-1] in ".,;!?\"”’)":
        return False
    if BULLET_RE.match(s) and not s[0].isalpha():
        return False
    letters = [c for c in s if c.isalpha()]
    return bool(letters)


def _section_match(line: str, current: int) -> tuple[str, str] | None:
    m = SECTION_RE.match(line)
    if not m:
        return None
    num, title = m.group("num"), (m.group("title") or "").strip()
    value = roman_to_int(num)
    if value is None or not title or len(title) > MAX_HEADING_CHARS:
        return None
    if not (current < value <= 30):
        return None
    if not title[0].isalpha() or not title[0].isupper() or title.endswith((".", ",", ";")):
        return None
    return num, _clean_title(title)


def _expected_letters(current: str) -> list[str]:
    start = ord(current) + 1 if current else ord("a")
    return [chr(c) for c in range(start, min(start + 3, ord("z") + 1))]


def split_report(text: str) -> list[Paragraph]:
    """Split report text into paragraphs. Raises ReportStructureError when no
    roman-numeral section heading is found."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    paragraphs: list[Paragraph] = []
    section = section_title = subsection = subsection_title = heading = ""
    section_value = 0
    current: Paragraph | None = None

    def flush():
        nonlocal current
        if current is not None and current.text:
            paragraphs.append(current)
        current = None

    def next_nonblank(i: int) -> int | None:
        for j in range(i + 1, len(lines)):
            if lines[j].strip():
                return j
        return None

    i = 0
    while i < len(lines):
        raw = lines[i]
        s = raw.strip()
        lineno = i + 1
        if not s:
            flush()
            i += 1
            continue
        sec = _section_match(s, section_value)
        if sec:
            flush()
            section, section_title = sec
            section_value = roman_to_int(section) or 0
            subsection = subsection_title = heading = ""
            i += 1
            continue
        if section:
            m = SUB_RE.match(s)
            if m and m.group("letter").lower() in _expected_letters(subsection):
                letter = m.group("letter").lower()
                title = (m.group("title") or "").strip()
                if not title:
                    j = next_nonblank(i)
                    if j is not None and j - i <= 2 and not BULLET_RE.match(lines[j].strip()) \
                            and len(lines[j].strip()) <= MAX_TITLE_CHARS:
                        flush()
                        subsection, subsection_title, heading = letter, _clean_title(lines[j]), ""
                        i = j + 1
                        continue
                elif len(title) <= MAX_TITLE_CHARS and not title.endswith((".", ";", ",")) and title[0].isupper():
                    flush()
                    subsection, subsection_title, heading = letter, _clean_title(title), ""
                    i += 1
                    continue
        if not section:
            i += 1  # preamble (title page, table of contents) before the first section
            continue
        b = BULLET_RE.match(s)
        prev_blank = i == 0 or not lines[i - 1].strip()
        nxt = next_nonblank(i)
        next_blank_or_bullet = nxt is None or nxt > i + 1 or bool(BULLET_RE.match(lines[nxt].strip()))
        if not b and prev_blank and next_blank_or_bullet and current is None and _is_heading_like(s):
            heading = _clean_title(s)
            i += 1
            continue
        if b:
            flush()
            current = Paragraph(section, section_title, subsection, subsection_title, heading,
                                lineno, lineno, [b.group("rest")], bulleted=True)
        elif current is not None and (not TERMINAL_RE.search(current.lines[-1].strip())
                                      or not (s[0].isupper() or s[0].isdigit() or s[0] in "“\"'(")):
            current.lines.append(s)
            current.line_end = lineno
        else:
            flush()
            current = Paragraph(section, section_title, subsection, subsection_title, heading,
                                lineno, lineno, [s])
        i += 1
    flush()
    if not section:
        raise ReportStructureError(
            "no section heading found: a report's sections start with a roman numeral, "
            "e.g. 'I. Introduction' or 'V. TRAINING'")
    return paragraphs


def paragraph_ids(paragraphs: list[Paragraph], year: int) -> list[str]:
    """Stable ids: <year>-<section>[.<subsection>]-<position>, counted within the
    (sub)section."""
    counts: dict[tuple[str, str], int] = {}
    ids = []
    for p in paragraphs:
        key = (p.section, p.subsection)
        counts[key] = counts.get(key, 0) + 1
        sub = f".{p.subsection}" if p.subsection else ""
        ids.append(f"{int(year)}-{p.section}{sub}-{counts[key]:02d}")
    return ids
