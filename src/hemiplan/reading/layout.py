"""The geometry of a PDF page → words, lines and columns in reading order.

Input is what pdfplumber gives per page (characters with positions, sizes and font
names; small drawn shapes), as plain dicts, so that this module needs no PDF library.
Output is a list of :class:`Line` in reading order, without running headers and
footers, with the footnotes of each page set apart:

* words are assembled from characters by their gaps (a space a PDF writer placed at a
  soft hyphen, overlapped by the next letter, is not a word break);
* running headers and footers: lines in the top or bottom band of the page (or first
  or last on it) that are a page number, or whose shape (digits aside) recurs there on
  half the pages; on a one-page document, lines in the band set smaller than the body;
* footnote reference marks (small digits set right after a word) are dropped;
  footnotes (small type below the body, starting with their number) are set apart;
* a page whose words leave a vertical gutter in its middle is read column by column
  (lines that cross the gutter, such as a title over both columns, split the page into
  bands read one after the other);
* bullets drawn as shapes rather than as a character (a browser's disc) become "•".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

BAND = 0.09          # the top and bottom share of a page where running lines live
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
PAGE_NUMBER = re.compile(
    r"^(?:page|pág\.?|pag\.?|p\.)?\s*[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|de|sur)\s*\d{1,4})?$", re.I)
_MARK = re.compile(r"^[\d*†‡§,]{1,4}$")
_ORDINAL = re.compile(r"^(?:st|nd|rd|th|er|e|o|a|º|ª)$")


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class Line:
    words: list[Word]
    page: int                 # 1-based
    column: int = 0           # 0 one column or spanning; 1 left; 2 right
    band: int = 0             # the band of the page (between spanning lines)
    bullet: bool = False      # a bullet drawn as a shape before the line
    left: float = 0.0         # the column's left and right edges
    right: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        """The size most of the line's letters are set in."""
        sizes: Counter = Counter()
        for w in self.words:
            sizes[round(w.size * 2) / 2] += len(w.text)
        return sizes.most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        letters = sum(len(w.text) for w in self.words)
        return sum(len(w.text) for w in self.words if w.bold) >= 0.8 * letters


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word]
    shapes: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, top, x1, bottom


# --- characters → words ------------------------------------------------------------------

def _baseline_rows(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped by the line they sit on (upright text), left to right."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        if rows and abs(rows[-1][-1]["bottom"] - c["bottom"]) <= 0.25 * max(c["size"], 1.0) \
                and abs(rows[-1][0]["bottom"] - c["bottom"]) <= 0.4 * max(c["size"], 1.0):
            rows[-1].append(c)
        else:
            rows.append([c])
    # a space placed at a soft hyphen shares its x with the next letter: space first
    return [sorted(r, key=lambda c: (round(c["x0"], 2), bool(c["text"].strip()))) for r in rows]


def _word(chars: list[dict]) -> Word:
    size = max(c["size"] for c in chars)
    bold = sum(1 for c in chars if _BOLD.search(c.get("fontname", ""))) * 2 > len(chars)
    return Word("".join(c["text"] for c in chars), chars[0]["x0"], max(c["x1"] for c in chars),
                min(c["top"] for c in chars), max(c["bottom"] for c in chars), size, bold)


def words_from_chars(chars: list[dict]) -> list[Word]:
    """Words from a page's characters: a break at a real space or a gap wider than a
    fifth of the type size; a change of size (a superscript) also breaks a word."""
    words: list[Word] = []
    for row in _baseline_rows([c for c in chars if c.get("upright", True)]):
        current: list[dict] = []
        space_at: float | None = None   # where a space character would end the word
        for c in row:
            if not c["text"].strip():
                space_at = c["x0"] + 0.5 * (c["x1"] - c["x0"])
                continue
            if current:
                prev = current[-1]
                gap = c["x0"] - prev["x1"]
                real_space = space_at is not None and c["x0"] >= space_at
                if real_space or gap > 0.2 * min(c["size"], prev["size"]) or abs(c["size"] - prev["size"]) > 1.0:
                    words.append(_word(current))
                    current = []
            current.append(c)
            space_at = None
        if current:
            words.append(_word(current))
    return words


def body_size(pages: list[Page]) -> float:
    """The type size most letters of the document are set in."""
    sizes: Counter = Counter()
    for p in pages:
        for w in p.words:
            sizes[round(w.size * 2) / 2] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _touching(w: Word, big: list[Word], body: float) -> Word | None:
    """The word of body size that ``w`` is set right after, if any."""
    return next((b for b in big if abs(w.x0 - b.x1) < 1.5 and abs(w.bottom - b.bottom) < 1.2 * body), None)


def drop_reference_marks(words: list[Word], body: float) -> list[Word]:
    """Footnote reference marks (small digits or signs set right after a word of body
    size; their boxes may sit above or below the line, depending on the writer) are
    dropped, and punctuation that followed the mark goes back onto the word; a raised
    ordinal ending ("21st", "2nd") goes back onto its number."""
    big = [w for w in words if w.size >= 0.95 * body]
    marks: list[tuple[Word, Word]] = []    # (mark, the word it was set after)
    out = []
    for w in words:
        before = _touching(w, big, body) if w.size < 0.9 * body else None
        if before is not None and _MARK.match(w.text):
            marks.append((w, before))
            continue
        if before is not None and _ORDINAL.match(w.text) and before.text[-1:].isdigit():
            before.text, before.x1 = before.text + w.text, w.x1
            continue
        out.append(w)
    joined = []
    for w in out:
        after = next((b for m, b in marks if abs(w.x0 - m.x1) < 1.5 and abs(w.bottom - b.bottom) < 0.3 * body), None)
        if after is not None and re.match(r"[,.;:!?)\]”’]", w.text):
            after.text, after.x1 = after.text + w.text, w.x1
            continue
        joined.append(w)
    return joined


# --- words → lines -----------------------------------------------------------------------

def group_lines(words: list[Word], page: int) -> list[Line]:
    """Words on the same line (their bottoms within a third of their size), top to
    bottom, each line left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if lines and abs(lines[-1][-1].bottom - w.bottom) <= 0.35 * min(w.size, lines[-1][-1].size):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(sorted(ws, key=lambda w: w.x0), page) for ws in lines]


def _shape_of(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _zone(line: Line, page: Page, index: int, count: int) -> tuple[str | None, bool]:
    """(top or bottom or None, whether in the page's margin band): a line in the top or
    bottom band, or the first or last line of the page (a header set lower)."""
    if line.bottom < BAND * page.height:
        return "top", True
    if line.top > (1 - BAND) * page.height:
        return "bottom", True
    return ("top" if index == 0 else "bottom" if index == count - 1 else None), False


def drop_running_lines(pages: list[Page], body: float) -> list[list[Line]]:
    """The lines of each page without its running header and footer: in the margin
    band or first or last on the page, a page number, or a line whose shape recurs
    there on half the pages; on a single page, small type in the band."""
    per_page = [group_lines(p.words, p.number) for p in pages]
    zones = [[_zone(ln, p, i, len(lines)) for i, ln in enumerate(lines)] for p, lines in zip(pages, per_page)]
    shapes: Counter = Counter()
    for lines, zs in zip(per_page, zones):
        shapes.update({(z, _shape_of(ln.text)) for ln, (z, _) in zip(lines, zs) if z})
    n = len(pages)
    out = []
    for lines, zs in zip(per_page, zones):
        kept = []
        for ln, (zone, band) in zip(lines, zs):
            if zone and (PAGE_NUMBER.match(ln.text.strip())
                         or (n >= 2 and shapes[(zone, _shape_of(ln.text))] >= max(2, n / 2))
                         or (n == 1 and band and ln.size < 0.95 * body)):
                continue
            kept.append(ln)
        out.append(kept)
    return out


# --- columns ------------------------------------------------------------------------------

def _coverage(lines: list[Line], width: float) -> list[int]:
    """How many words cover each point (1 pt bins) across the page."""
    bins = int(width) + 1
    cover = [0] * bins
    for ln in lines:
        for w in ln.words:
            for b in range(max(0, int(w.x0)), min(bins, int(w.x1) + 1)):
                cover[b] += 1
    return cover


def _longest_low_run(cover: list[int], lo: int, hi: int, allowed: int) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    start = None
    for b in range(lo, hi + 1):
        if b < hi and cover[b] <= allowed:
            start = b if start is None else start
        elif start is not None:
            if best is None or b - start > best[1] - best[0]:
                best = (start, b)
            start = None
    return best


def find_gutter(lines: list[Line], width: float) -> tuple[float, float] | None:
    """(x0, x1) of a vertical gap in the middle third of the page that the lines stop at,
    with at least three lines on each side and few lines (titles) across it; or None
    (one column)."""
    if len(lines) < 4:
        return None
    cover = _coverage(lines, width)
    lo, hi = int(0.3 * width), int(0.7 * width)
    # the least coverage a gap 6 pt wide can have: 0, or the few titles set across it
    least = min(max(cover[b:b + 6]) for b in range(lo, hi - 6))
    if least > max(2, 0.25 * len(lines)):
        return None
    run = _longest_low_run(cover, lo, hi, least)
    if run is None:
        return None
    g0, g1 = float(run[0]), float(run[1])
    apart = [ln for ln in lines if not _crosses(ln, g0, g1)]
    left = sum(1 for ln in apart if any(w.x1 <= g0 + 0.5 for w in ln.words))
    right = sum(1 for ln in apart if any(w.x0 >= g1 - 0.5 for w in ln.words))
    across = len(lines) - len(apart)
    return (g0, g1) if left >= 3 and right >= 3 and across <= 0.25 * len(lines) else None


def _crosses(line: Line, g0: float, g1: float) -> bool:
    """A line set across the gutter (a title over both columns): a word in the gutter,
    or words on both sides with no more than a wide word space between them."""
    if any(w.x1 > g0 + 0.5 and w.x0 < g1 - 0.5 for w in line.words):
        return True
    left = [w for w in line.words if w.x1 <= g0 + 0.5]
    right = [w for w in line.words if w.x0 >= g1 - 0.5]
    return bool(left and right) and right[0].x0 - left[-1].x1 < 0.6 * line.size


def _split_columns(lines: list[Line], gutter: tuple[float, float]) -> list[Line]:
    """Lines of a two-column page in reading order: band by band (bands separated by
    lines that cross the gutter), the left column then the right."""
    g0, g1 = gutter
    mid = (g0 + g1) / 2
    out: list[Line] = []
    band, pending = 0, {1: [], 2: []}

    def flush():
        for col in (1, 2):
            out.extend(pending[col])
            pending[col] = []

    for ln in lines:   # top to bottom
        crossing = _crosses(ln, g0, g1)
        if crossing:
            flush()
            band += 1
            ln.band, ln.column = band, 0
            out.append(ln)
            band += 1
            continue
        for col, ws in ((1, [w for w in ln.words if w.x1 <= mid]), (2, [w for w in ln.words if w.x0 >= mid])):
            if ws:
                pending[col].append(Line(ws, ln.page, col, band))
    flush()
    return out


def _gutter_fits(lines: list[Line], gutter: tuple[float, float] | None) -> bool:
    """The gutter of another page fits this one: no word crosses it, words on both sides."""
    if gutter is None:
        return False
    g0, g1 = gutter
    words = [w for ln in lines for w in ln.words]
    return not any(w.x0 < g1 and w.x1 > g0 for w in words) and any(w.x1 <= g0 for w in words) \
        and any(w.x0 >= g1 for w in words)


def reading_order(lines: list[Line], page: Page,
                  known: tuple[float, float] | None = None) -> tuple[list[Line], tuple[float, float] | None]:
    """(lines in reading order, the page's gutter or None for one column). ``known``: the
    gutter of an earlier page, tried on a page with too few lines to show its own."""
    gutter = find_gutter(lines, page.width)
    if gutter is None and _gutter_fits(lines, known):
        gutter = known
    ordered = _split_columns(lines, gutter) if gutter else lines
    _set_edges(ordered)
    return ordered, gutter


def _set_edges(lines: list[Line]) -> None:
    """Each line's column edges: the common left start and right end of the lines of
    its column on the page."""
    by_col: dict[int, list[Line]] = {}
    for ln in lines:
        by_col.setdefault(ln.column, []).append(ln)
    for col_lines in by_col.values():
        xs0 = Counter(round(ln.x0) for ln in col_lines)
        left = min(x for x, n in xs0.items() if n >= max(1, xs0.most_common(1)[0][1] // 3))
        ends = sorted(ln.x1 for ln in col_lines)
        right = ends[int(0.9 * (len(ends) - 1))]
        for ln in col_lines:
            ln.left, ln.right = left, right


# --- bullets drawn as shapes, footnotes ---------------------------------------------------

def mark_shape_bullets(lines: list[Line], page: Page, body: float) -> None:
    """A small filled shape just left of a line's first word, level with it: a bullet."""
    for x0, top, x1, bottom in page.shapes:
        if not (0.8 <= x1 - x0 <= 0.6 * body and 0.8 <= bottom - top <= 0.6 * body):
            continue
        cy = (top + bottom) / 2
        for ln in lines:
            if ln.top - 1 <= cy <= ln.bottom + 1 and 0 <= ln.x0 - x1 <= 2.5 * body:
                ln.bullet = True
                break


def split_footnotes(lines: list[Line], body: float) -> tuple[list[Line], list[str]]:
    """(body lines, footnotes of the page): small type at the end of a column that
    starts with its number, below the body."""
    notes: list[str] = []
    keep = list(lines)
    end = len(keep)
    start = end
    while start > 0 and keep[start - 1].size < 0.9 * body:
        start -= 1
    tail = keep[start:end]
    if tail and start > 0 and re.match(r"^[\d*†‡]", tail[0].text):
        current: list[str] = []
        for ln in tail:
            if re.match(r"^[\d*†‡]{1,3}\s", ln.text) and current:
                notes.append(" ".join(current))
                current = []
            current.append(ln.text)
        notes.append(" ".join(current))
        keep = keep[:start]
    return keep, notes
