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
from functools import lru_cache

from hemiplan.reading import lexicon
from hemiplan.reading.lexicon import Lexicon

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_RE = re.compile(r"^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

SECTION_RE = re.compile(r"^(?:SECTION\s+|Section\s+|PART\s+|Part\s+)?(?P<num>[IVXLC]{1,7})\s*[.)\-–—:]\s*(?P<title>\S.*)?$")
#: The numeral alone on a line (its title on the next), and what to strip to keep the numeral.
_ALONE_RE = re.compile(r"(?:SECTION\s+|Section\s+)?[IVXLC]{1,7}\s*[.)\-–—:]?")
_ALONE_STRIP_RE = re.compile(r"^(?:SECTION|Section)\s+|[\s.)\-–—:]")
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


@lru_cache(maxsize=8)
def _section_forms(lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(heading, numeral alone, what to strip from it) in the language being read: the
    English words before a numeral ("SECTION V:", "Part V."), and the language's own
    (``section_word``: "SECCIÓN V:", "Capítulo V.")."""
    if lex.english:
        return SECTION_RE, _ALONE_RE, _ALONE_STRIP_RE
    words = "|".join(["SECTION", "Section", "PART", "Part"] + [re.escape(w) for w in lex.terms("section_word")])
    return (re.compile(rf"^(?:(?:{words})\s+)?(?P<num>[IVXLC]{{1,7}})\s*[.)\-–—:]\s*(?P<title>\S.*)?$"),
            re.compile(rf"(?:(?:{words})\s+)?[IVXLC]{{1,7}}\s*[.)\-–—:]?"),
            re.compile(rf"^(?:{words})\s+|[\s.)\-–—:]"))


def _section_re() -> re.Pattern:
    return _section_forms(lexicon.current())[0]


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
    m = _section_re().match(line)
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
    return _Splitter((text or "").lstrip("\ufeff")).run()


class _Splitter:
    """Reads the lines of a report one by one, keeping the headings it is under."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.width = _wrap_width(self.lines)
        self.paragraphs: list[Paragraph] = []
        self.section = self.section_title = self.subsection = self.subsection_title = self.heading = ""
        self.section_value = 0
        self.current: Paragraph | None = None
        self.last_title = ""  # "section" or "subsection" when the previous line was that heading

    def run(self) -> list[Paragraph]:
        i = 0
        while i < len(self.lines):
            i = self.step(i)
        self.flush()
        if not self.section:
            raise ReportStructureError(
                "no section heading found: a report's sections start with a roman numeral, "
                "e.g. 'I. Introduction' or 'V. TRAINING'")
        return self.paragraphs

    def step(self, i: int) -> int:
        """Read line ``i``; the index of the next line to read."""
        s = self.lines[i].strip()
        if not s:
            self.flush()
            return i + 1
        prev_blank = i == 0 or not self.lines[i - 1].strip()
        after_title, self.last_title = self.last_title, ""
        nxt = self.title_continued(i, s, prev_blank, after_title)
        if nxt is None and TOC_RE.search(s) and (_section_re().match(s) or SUB_RE.match(s) or not self.section):
            nxt = i + 1  # a table-of-contents entry ("II. National strategies ........ 3")
        if nxt is None:
            nxt = self.section_heading(i, s, prev_blank)
        if nxt is None and self.section:
            nxt = self.subsection_heading(i, s)
        if nxt is None and not self.section:
            nxt = i + 1  # preamble (title page, table of contents) before the first section
        if nxt is None and self.unlettered_heading(i, s, prev_blank, after_title):
            nxt = i + 1
        if nxt is None:
            self.body_line(i, s)
            nxt = i + 1
        return nxt

    # --- state ---------------------------------------------------------------------------
    def flush(self) -> None:
        if self.current is not None and self.current.text:
            self.paragraphs.append(self.current)
        self.current = None

    def next_nonblank(self, i: int) -> int | None:
        for j in range(i + 1, len(self.lines)):
            if self.lines[j].strip():
                return j
        return None

    def start_section(self, numeral: str, title: str) -> None:
        self.flush()
        self.section, self.section_title = numeral, title
        self.section_value = roman_to_int(numeral) or 0
        self.subsection = self.subsection_title = self.heading = ""
        self.last_title = "section"

    def start_subsection(self, letter: str, title: str) -> None:
        self.flush()
        self.subsection, self.subsection_title, self.heading = letter, _clean_title(title), ""
        self.last_title = "subsection"

    # --- the kinds of line -----------------------------------------------------------------
    def title_continued(self, i: int, s: str, prev_blank: bool, after_title: str) -> int | None:
        """A section or subsection title wrapped over two lines: its second line."""
        if not after_title or prev_blank or self.current is not None or BULLET_RE.match(s) \
                or SUB_RE.match(s) or _section_re().match(s) or len(s) > MAX_TITLE_CHARS:
            return None
        title = self.section_title if after_title == "section" else self.subsection_title
        last_word = re.sub(r"[^\w]", "", title.split()[-1] if title.split() else "").lower()
        if not (s[0].islower() or last_word in _TRAILING_FUNCTION_WORDS):
            return None
        if after_title == "section":
            self.section_title = _clean_title(f"{self.section_title} {s}")
        else:
            self.subsection_title = _clean_title(f"{self.subsection_title} {s}")
        self.last_title = after_title
        return i + 1

    def section_heading(self, i: int, s: str, prev_blank: bool) -> int | None:
        # a table of contents without leaders: headings and no paragraph yet
        restart = not self.paragraphs and self.current is None
        sec = _section_match(s, self.section_value, restart=restart, lax=prev_blank and self.current is None)
        _, alone, strip = _section_forms(lexicon.current())
        if sec is None and alone.fullmatch(s):
            # the numeral alone on a line, the title on the next
            j = self.next_nonblank(i)
            if j is not None and j - i <= 2 and _is_heading_like(self.lines[j]):
                num = strip.sub("", s)
                cand = _section_match(f"{num}. {self.lines[j].strip()}", self.section_value, restart=restart)
                if cand:
                    self.start_section(*cand)
                    return j + 1
        if sec:
            self.start_section(*sec)
            return i + 1
        return None

    def subsection_heading(self, i: int, s: str) -> int | None:
        m = SUB_RE.match(s)
        if not m or m.group("letter").lower() not in _expected_letters(self.subsection):
            return None
        letter = m.group("letter").lower()
        title = (m.group("title") or "").strip()
        if not title:
            # the letter alone on a line, the title on the next
            j = self.next_nonblank(i)
            if j is not None and j - i <= 2 and not BULLET_RE.match(self.lines[j].strip()) \
                    and len(self.lines[j].strip()) <= MAX_TITLE_CHARS:
                self.start_subsection(letter, self.lines[j])
                return j + 1
        elif len(title) <= MAX_TITLE_CHARS and not title.endswith((".", ";", ",")) and title[0].isupper():
            self.start_subsection(letter, title)
            return i + 1
        return None

    def unlettered_heading(self, i: int, s: str, prev_blank: bool, after_title: str) -> bool:
        """A short line standing alone, or directly above a much longer paragraph."""
        if BULLET_RE.match(s) or not (prev_blank or after_title) or self.current is not None \
                or not _is_heading_like(s):
            return False
        nxt = self.next_nonblank(i)
        if nxt is None or nxt > i + 1 or BULLET_RE.match(self.lines[nxt].strip()):
            self.heading = _clean_title(s)
            return True
        nxt_line = self.lines[nxt].strip()
        if _reads_as_title(s) and not SUB_RE.match(nxt_line) and nxt_line[:1].isupper() \
                and self.heads_paragraph(s, nxt_line):
            self.heading = _clean_title(s)
            return True
        return False

    def heads_paragraph(self, s: str, nxt_line: str) -> bool:
        """Whether the title-like line ``s`` is a heading over ``nxt_line`` rather than
        the first line of its paragraph."""
        if self.width is not None:
            nxt_first = nxt_line.split()[0] if nxt_line.split() else ""
            return len(s) + 1 + len(nxt_first) <= self.width and not TERMINAL_RE.search(s)
        return len(nxt_line) > 2 * len(s) and bool(TERMINAL_RE.search(nxt_line))

    def body_line(self, i: int, s: str) -> None:
        """A line of a paragraph: a bullet starts one, other lines continue or start one."""
        lineno = i + 1
        b = BULLET_RE.match(s)
        head = (self.section, self.section_title, self.subsection, self.subsection_title, self.heading)
        if b:
            self.flush()
            self.current = Paragraph(*head, lineno, lineno, [b.group("rest")], bulleted=True)
        elif self.current is not None and _continues(self.current.lines[-1], s, self.width):
            self.current.lines.append(s)
            self.current.line_end = lineno
        else:
            self.flush()
            self.current = Paragraph(*head, lineno, lineno, [s])


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
