"""Report text → sections and paragraphs.

The splitter reads the plain text of a report (any line endings) and returns one
record per paragraph, bullet or numbered item, with the section, subsection and
unlettered sub-heading it falls under and its line span in the text. It relies on
the shape of a report, never on a year's wording:

* sections are roman numerals (``II. National strategies``, ``V. TRAINING``,
  ``SECTION V: TRAINING``, ``V TRAINING`` when it is the next section, or the numeral
  alone on a line with the title on the next); a table of contents before the body
  (dot leaders and page numbers, or headings with no paragraph between them) is
  skipped;
* subsections are letters in sequence (``a)``, ``a.``, ``(a)``, ``A.``, or the letter
  alone on a line with its title on the next);
* unlettered sub-headings are short, unpunctuated lines standing alone (or directly
  above a much longer paragraph);
* bullets may be ``·``, ``•``, ``-``, ``*``, ``–``, Word's private-use bullet
  glyphs, numbers (``1.``, ``1)``, ``(1)``), or absent;
* a paragraph may be one long line or wrapped over several lines: when the text is
  hard-wrapped (most lines stop near one width and continue on the next), a line that
  ends a sentence at the margin does not end the paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_RE = re.compile(r"^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

SECTION_RE = re.compile(r"^(?:SECTION\s+|Section\s+|PART\s+|Part\s+)?(?P<num>[IVXLC]{1,7})\s*[.)\-–—:]\s*(?P<title>\S.*)?$")
# the lax form "V TRAINING": accepted only for the next section, standing alone
SECTION_LAX_RE = re.compile(r"^(?P<num>[IVXLC]{1,7})\s+(?P<title>[A-Z].*)$")
SUB_RE = re.compile(r"^\(?(?P<letter>[a-zA-Z])\s*[.)]\s*(?P<title>\S.*)?$")
_BULLET_CHARS = "·•▪◦●○■□➢►‣⁃∙\\-\\*–—\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8❖➤✓✔"
BULLET_RE = re.compile(rf"^(?P<marker>[{_BULLET_CHARS}]+|\(?\d{{1,2}}[.)]\)?(?!\d)|\(\d{{1,2}}\))\s*(?P<rest>.*)$")
TERMINAL_RE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
# a table-of-contents entry: dot leaders or a tab before a page number
TOC_RE = re.compile(r"(?:\.{3,}|…+|·{3,}|_{3,}|\t)\s*\d{1,3}\s*$")
MAX_HEADING_WORDS = 16
MAX_HEADING_CHARS = 120
MAX_TITLE_CHARS = 260
_TRAILING_FUNCTION_WORDS = {"the", "of", "and", "or", "in", "on", "to", "for", "a", "an", "with", "by",
                            "from", "at", "as", "that", "which", "its", "their"}


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


def _reads_as_title(line: str) -> bool:
    """Stricter than heading-like: a title does not stop on a function word."""
    s = line.strip()
    if not _is_heading_like(s) or len(s.split()) > 12:
        return False
    last = re.sub(r"[^\w]", "", s.split()[-1]).lower()
    return last not in _TRAILING_FUNCTION_WORDS


def _section_title_ok(title: str) -> bool:
    return bool(title) and len(title) <= MAX_HEADING_CHARS and title[0].isalpha() and title[0].isupper() \
        and not title.endswith((".", ",", ";"))


def _section_match(line: str, current: int, restart: bool = False,
                   lax: bool = False) -> tuple[str, str] | None:
    """(numeral, title) if ``line`` is a section heading after section ``current``.
    ``restart`` accepts any value (a table of contents came first); ``lax`` accepts
    "V TRAINING" (no punctuation) for the next section only."""
    m = SECTION_RE.match(line)
    if not m and lax:
        m = SECTION_LAX_RE.match(line)
        if m:
            value = roman_to_int(m.group("num"))
            if value is None or value != current + 1 or not _is_heading_like(m.group("title")):
                return None
    if not m:
        return None
    num, title = m.group("num"), (m.group("title") or "").strip()
    value = roman_to_int(num)
    if value is None or not _section_title_ok(title):
        return None
    if not (0 < value <= 30) or (not restart and value <= current):
        return None
    return num, _clean_title(title)


def _expected_letters(current: str) -> list[str]:
    start = ord(current) + 1 if current else ord("a")
    return [chr(c) for c in range(start, min(start + 3, ord("z") + 1))]


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text is wrapped at, or None if paragraphs are long
    lines. Wrapped: most lines are of similar, modest length, and many lines run on
    into the next (no sentence end, or the next starts in lower case)."""
    body = [ln.strip() for ln in lines if ln.strip()]
    if len(body) < 8:
        return None
    lengths = sorted(len(b) for b in body)
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    if p90 > 200 or p90 < 30:
        return None
    runs: list[int] = []
    pairs = 0
    for a, b in zip(lines, lines[1:]):
        a, b = a.strip(), b.strip()
        if not a or not b or BULLET_RE.match(b):
            continue
        pairs += 1
        if not TERMINAL_RE.search(a) or b[0].islower():
            runs.append(len(a))
    if pairs < 3 or len(runs) < max(3, 0.3 * pairs):
        return None
    # the lines that run on were broken at the margin: the longest of them is the width
    return max(runs)


def split_report(text: str) -> list[Paragraph]:
    """Split report text into paragraphs. Raises ReportStructureError when no
    roman-numeral section heading is found."""
    text = (text or "").lstrip("\ufeff")
    lines = text.splitlines()
    width = _wrap_width(lines)
    paragraphs: list[Paragraph] = []
    section = section_title = subsection = subsection_title = heading = ""
    section_value = 0
    current: Paragraph | None = None
    last_title = ""  # "section" or "subsection" when the previous line was that heading

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
        prev_blank = i == 0 or not lines[i - 1].strip()
        after_title, last_title = last_title, ""
        if after_title and not prev_blank and current is None and not BULLET_RE.match(s) \
                and not SUB_RE.match(s) and not SECTION_RE.match(s) and len(s) <= MAX_TITLE_CHARS:
            title = section_title if after_title == "section" else subsection_title
            if s[0].islower() or re.sub(r"[^\w]", "", title.split()[-1] if title.split() else "").lower() \
                    in _TRAILING_FUNCTION_WORDS:
                # a title wrapped over two lines
                if after_title == "section":
                    section_title = _clean_title(f"{section_title} {s}")
                else:
                    subsection_title = _clean_title(f"{subsection_title} {s}")
                last_title = after_title
                i += 1
                continue
        if TOC_RE.search(s) and (SECTION_RE.match(s) or SUB_RE.match(s) or not section):
            i += 1  # a table-of-contents entry ("II. National strategies ........ 3")
            continue
        # a table of contents without leaders: headings and no paragraph yet
        restart = not paragraphs and current is None
        sec = _section_match(s, section_value, restart=restart, lax=prev_blank and current is None)
        if sec is None and re.fullmatch(r"(?:SECTION\s+|Section\s+)?[IVXLC]{1,7}\s*[.)\-–—:]?", s):
            # the numeral alone on a line, the title on the next
            j = next_nonblank(i)
            if j is not None and j - i <= 2 and _is_heading_like(lines[j]):
                num = re.sub(r"^(?:SECTION|Section)\s+|[\s.)\-–—:]", "", s)
                cand = _section_match(f"{num}. {lines[j].strip()}", section_value, restart=restart)
                if cand:
                    flush()
                    section, section_title = cand
                    section_value = roman_to_int(section) or 0
                    subsection = subsection_title = heading = ""
                    last_title = "section"
                    i = j + 1
                    continue
        if sec:
            flush()
            section, section_title = sec
            section_value = roman_to_int(section) or 0
            subsection = subsection_title = heading = ""
            last_title = "section"
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
                        last_title = "subsection"
                        i = j + 1
                        continue
                elif len(title) <= MAX_TITLE_CHARS and not title.endswith((".", ";", ",")) and title[0].isupper():
                    flush()
                    subsection, subsection_title, heading = letter, _clean_title(title), ""
                    last_title = "subsection"
                    i += 1
                    continue
        if not section:
            i += 1  # preamble (title page, table of contents) before the first section
            continue
        b = BULLET_RE.match(s)
        nxt = next_nonblank(i)
        next_blank_or_bullet = nxt is None or nxt > i + 1 or bool(BULLET_RE.match(lines[nxt].strip()))
        if not b and (prev_blank or after_title) and current is None and _is_heading_like(s):
            if next_blank_or_bullet:
                heading = _clean_title(s)
                i += 1
                continue
            nxt_line = lines[nxt].strip()
            if _reads_as_title(s) and not SUB_RE.match(nxt_line) and nxt_line[:1].isupper():
                if width is not None:
                    nxt_first = nxt_line.split()[0] if nxt_line.split() else ""
                    is_heading = len(s) + 1 + len(nxt_first) <= width and not TERMINAL_RE.search(s)
                else:
                    is_heading = len(nxt_line) > 2 * len(s) and bool(TERMINAL_RE.search(nxt_line))
                if is_heading:
                    heading = _clean_title(s)
                    i += 1
                    continue
        if b:
            flush()
            current = Paragraph(section, section_title, subsection, subsection_title, heading,
                                lineno, lineno, [b.group("rest")], bulleted=True)
        elif current is not None and _continues(current.lines[-1], s, width):
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


def _continues(previous: str, line: str, width: int | None) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``previous``."""
    prev = previous.strip()
    if not TERMINAL_RE.search(prev) or not (line[0].isupper() or line[0].isdigit() or line[0] in "“\"'("):
        return True
    # hard-wrapped text: a sentence that ends at the margin does not end the paragraph;
    # it ended the paragraph if the next line's first word would have fitted after it
    if width is None:
        return False
    first_word = line.split()[0] if line.split() else ""
    return len(prev) + 1 + len(first_word) > width


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
