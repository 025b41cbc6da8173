"""Lines of a PDF in reading order → paragraphs and headings, one per line of text.

A new block (paragraph, bullet or heading) starts where

* the type changes (size or weight): a heading and the text under it;
* the vertical gap to the previous line is clearly wider than the line pitch;
* a line starts with a bullet (a glyph, a drawn shape, or a number such as ``1.``) or
  with a heading's label (``b.``, ``(c)``, ``V.``);
* a line is indented against the previous one (a first-line indent), or comes back to
  the margin after a bullet's hanging indent;
* the previous line ends a sentence and the next line's first word would have fitted
  on it (so the previous line was the short last line of its paragraph).

At a page or column break the paragraph goes on when its last line runs to the margin
without ending a sentence (or the next line starts in lower case), and the next line
has the same type, no bullet and no first-line indent; a heading goes on when its line
runs to the margin without a full stop. Lines of a block are joined with a space; a
word hyphenated at a line end is rejoined (the hyphen kept when the hyphenated form is
the one the document uses, after a number word, or before a capital: "forty-one",
"Inter-American").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from hemiplan.reading.layout import Line

TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$")
BULLET_GLYPH = re.compile(r"^(?:[·•▪◦●○■□➢►‣⁃∙*–—\uf0b7\uf0a7]|-(?=\s))")
NUMBERED = re.compile(r"^\(?\d{1,2}[.)]$")
LABEL = re.compile(r"^(?:\(?[a-zA-Z][.)]|[IVXLC]{1,7}\.)$")     # "b.", "(c)", "V." before a title
_HYPHEN_END = re.compile(r"([^\W\d_]+)[-\u00ad\u2010]$")
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                         "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                         "eighty ninety hundred thousand multi half".split())
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def bullet(self) -> bool:
        return starts_item(self.lines[0])


def starts_item(line: Line) -> bool:
    """A bullet or numbered item starts on this line."""
    first = line.words[0].text
    second = line.words[1].text if len(line.words) > 1 else ""
    return line.bullet or bool(BULLET_GLYPH.match(first)) or (bool(NUMBERED.match(first)) and bool(second)) \
        or (bool(LABEL.match(first)) and (not second or second[:1].isupper()))


def line_pitches(lines: list[Line]) -> dict[float, float]:
    """Per type size, the distance between the baselines of two lines of a paragraph:
    the lower quartile of the distances between consecutive lines of that size
    (gaps between paragraphs are larger)."""
    dists: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:]):
        if (a.page, a.column, a.band) == (b.page, b.column, b.band) and abs(a.size - b.size) <= 0.6:
            d = b.bottom - a.bottom
            if 0 < d < 3 * a.size:
                dists.setdefault(a.size, []).append(d)
    return {s: sorted(ds)[len(ds) // 4] for s, ds in dists.items()}


def _heading_like(line: Line, body: float) -> bool:
    return line.bold or line.size >= 1.1 * body


def _same_type(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= 0.6 and a.bold == b.bold


def _first_word_fits(prev: Line, line: Line) -> bool:
    w = line.words[0]
    return prev.x1 + 0.3 * prev.size + (w.x1 - w.x0) < prev.right - 1


def _continues_across(block: Block, prev: Line, line: Line, body: float) -> bool:
    """At a page or column break: whether ``line`` goes on with the block (a paragraph,
    or a heading wrapped at the foot of a column)."""
    if not _same_type(prev, line) or starts_item(line) or _first_word_fits(prev, line):
        return False        # another type, an item, or the last line stopped short
    if _heading_like(prev, body):
        return not TERMINAL.search(prev.text)
    if not block.bullet and line.x0 > line.left + 0.5 * line.size:
        return False        # an indented first line
    return not TERMINAL.search(prev.text) or line.text[:1].islower()


def _breaks(block: Block, prev: Line, line: Line, pitch: float, body: float) -> bool:
    """Whether ``line`` (same page and column as ``prev``) starts a new block."""
    if not _same_type(prev, line) or line.bottom - prev.bottom > 1.25 * pitch or starts_item(line):
        return True
    if _heading_like(line, body):
        return False            # a heading wraps (centred lines move left and right)
    tolerance = 0.5 * line.size
    if line.x0 > prev.x0 + tolerance and not block.bullet:
        return True             # a first-line indent
    if line.x0 < prev.x0 - tolerance and block.bullet:
        return True             # back at the margin after a hanging indent
    return bool(TERMINAL.search(prev.text)) and (line.text[:1].isupper() or line.text[:1].isdigit()) \
        and _first_word_fits(prev, line)


def group_blocks(lines: list[Line], body: float) -> list[Block]:
    """Lines in reading order → blocks."""
    pitches = line_pitches(lines)
    blocks: list[Block] = []
    for line in lines:
        if blocks:
            block = blocks[-1]
            prev = block.lines[-1]
            if (prev.page, prev.column, prev.band) != (line.page, line.column, line.band):
                new = not _continues_across(block, prev, line, body)
            else:
                new = _breaks(block, prev, line, pitches.get(prev.size, 1.2 * prev.size), body)
            if not new:
                block.lines.append(line)
                continue
        blocks.append(Block([line]))
    return blocks


def vocabulary(lines: list[Line]) -> set[str]:
    """The words of the document, lower case, hyphenated compounds whole."""
    return {w.text.lower().strip(".,;:()“”\"'") for ln in lines for w in ln.words}


def join_lines(texts: list[str], words: set[str]) -> str:
    """The lines of a block as one line, words hyphenated at a line end rejoined."""
    out = ""
    for text in texts:
        text = "".join(_LIGATURES.get(c, c) for c in text).strip()
        m = _HYPHEN_END.search(out)
        if out and m and text[:1].isalpha():
            first = re.match(r"[\w\u00ad-]+", text).group(0) if re.match(r"\w", text) else ""
            prefix = m.group(1).lower()
            hyphenated = f"{prefix}-{first.lower()}"
            keep = (text[:1].isupper() or prefix in NUMBER_WORDS or hyphenated in words
                    or any(w.endswith(hyphenated) for w in words))
            out = (out[:-1] + "-" if keep else out[:-1]) + text
        else:
            out = f"{out} {text}" if out else text
    return re.sub(r"[ \t\u00a0]+", " ", out.replace("\u00ad", "")).strip()


def blocks_text(blocks: list[Block], lines: list[Line]) -> str:
    """The blocks as text: one line each, a blank line between them."""
    words = vocabulary(lines)
    out = []
    for b in blocks:
        text = join_lines([ln.text for ln in b.lines], words)
        if b.lines[0].bullet:
            text = f"• {text}"
        out.append(text)
    return "\n\n".join(out) + "\n"
