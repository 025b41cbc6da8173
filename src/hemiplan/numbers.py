"""Numbers in report text: digits ("45", "1,100,650", "24, 606", "(07)"), words
("seven", "Twenty-seven", "one thousand") and their qualifiers ("more than 170",
"approximately 300", "over 30")."""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_WORD_NUMBER = (rf"(?:(?:{_WORD})(?:[-\s](?:{_WORD}))?)(?:\s+(?:hundred|thousand|million)"
                rf"(?:\s+(?:and\s+)?(?:{_WORD})(?:[-\s](?:{_WORD}))?)?)*")
# digits with thousands separators, tolerating one stray space after a comma ("24, 606")
_DIGITS = r"\d{1,3}(?:,\s?\d{3})+(?!\d)|\d+(?:\.\d+)?"
NUMBER_RE = re.compile(rf"(?<![\w.])(?:(?P<digits>{_DIGITS})|(?P<words>{_WORD_NUMBER}))(?![\w])", re.IGNORECASE)

QUALIFIERS = [
    (re.compile(r"(?:more than|over|in excess of|upwards of|at least)\s+$", re.I), "more_than"),
    (re.compile(r"(?:approximately|about|around|nearly|almost|some|roughly|close to|an estimated)\s+$", re.I), "approx"),
]


@dataclass(frozen=True)
class Number:
    value: float
    text: str
    start: int
    end: int
    qualifier: str  # exact, approx, more_than
    is_word: bool

    @property
    def is_year_like(self) -> bool:
        return (not self.is_word and self.text.isdigit() and len(self.text) == 4
                and 1900 <= int(self.text) <= 2100)


def words_to_int(text: str) -> int | None:
    """'Twenty-seven' → 27, 'one thousand' → 1000, 'three hundred and five' → 305."""
    total = current = 0
    seen = False
    for tok in re.split(r"[\s-]+", text.lower().strip()):
        if tok == "and" or not tok:
            continue
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok in SCALES:
            scale = SCALES[tok]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_digits(text: str) -> float:
    return float(re.sub(r"[,\s]", "", text))


def find_numbers(text: str) -> list[Number]:
    """Every number in text, in order, with its qualifier."""
    out = []
    for m in NUMBER_RE.finditer(text or ""):
        if m.group("digits"):
            value, is_word = parse_digits(m.group("digits")), False
        else:
            v = words_to_int(m.group("words"))
            if v is None:
                continue
            value, is_word = float(v), True
        before = text[max(0, m.start() - 30):m.start()]
        qualifier = "exact"
        for rx, q in QUALIFIERS:
            if rx.search(before):
                qualifier = q
                break
        out.append(Number(value, m.group(0), m.start(), m.end(), qualifier, is_word))
    return out
