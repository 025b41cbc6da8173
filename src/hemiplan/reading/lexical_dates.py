"""When a sentence in a language other than English says something was held, read
with the words of its lexicon (months, ``span_start``/``span_join`` such as "entre …
y", "del 3 al 7", ``date_of`` "de", ``date_in`` "en", "durante", half years and
quarters, relative years, bounds such as "desde" or "hasta"): the same
:class:`~hemiplan.reading.quantities.HeldDate` records as
:func:`hemiplan.reading.dates.held_dates` gives for English. A date written without
a year ("del 3 al 7 de junio", "durante el primer semestre") is a date of the report's
year: a relative date with offset 0.
"""
from __future__ import annotations

import re
from functools import lru_cache

from hemiplan.reading.lexicon import Lexicon
from hemiplan.reading.quantities import HeldDate

_Y = r"(?:19|20)\d\d"
_D = r"\d{1,2}"
_NOT_RANGE = r"(?!\s*[-–/]\s*\d)(?!\d)"
_CAPITAL = "A-ZÀ-ÖØ-Þ"   # Latin capitals, accented ones included


@lru_cache(maxsize=8)
def _forms(lex: Lexicon) -> list[tuple[str, re.Pattern]]:
    """The forms of a date, most specific first; each names its groups."""
    m = f"(?i:{lex.alternation('month')})"
    of, start, join = (f"(?i:{lex.alternation(k)})" for k in ("date_of", "span_start", "span_join"))
    inn, period = f"(?i:{lex.alternation('date_in')})", f"(?i:{lex.alternation('period')})"
    small = f"(?i:{lex.alternation('article', 'date_of', 'list_join')})"
    day = rf"(?:{_D}\s+{of}\s+)"
    return [
        ("years", re.compile(rf"\b{start}\s+(?P<since>{_Y})\s+{join}\s+(?P<year>{_Y})\b")),
        ("across", re.compile(rf"\b{start}\s+{day}?(?P<m1>{m})\s+{of}\s+(?P<since>{_Y})\s+{join}\s+(?:{small}\s+)?"
                              rf"{day}?(?P<m2>{m})\s+{of}\s+(?P<year>{_Y}){_NOT_RANGE}")),
        ("months", re.compile(rf"\b{start}\s+{day}?(?P<m1>{m})\s+{join}\s+(?:{small}\s+)?{day}?(?P<m2>{m})"
                              rf"(?:\s+{of}\s+(?P<year>{_Y}){_NOT_RANGE})?")),
        ("day_month", re.compile(rf"\b(?:{start}\s+)?(?:{small}\s+)?{_D}(?:\s*(?:{join}|[-–])\s*(?:{small}\s+)?{_D})?"
                                 rf"\s+{of}\s+(?P<m1>{m})(?:\s+{of}\s+(?P<year>{_Y}){_NOT_RANGE})?")),
        ("month", re.compile(rf"\b(?P<m1>{m})\s+{of}\s+(?P<year>{_Y}){_NOT_RANGE}")),
        ("period", re.compile(rf"\b(?P<period>{period})(?:\s+{of}\s+(?P<year>{_Y}){_NOT_RANGE})?")),
        ("place", re.compile(rf"(?P<place>\b[{_CAPITAL}][\w.’'-]*(?:\s+(?:{small}|[{_CAPITAL}][\w.’'-]*)){{0,4}}),\s+"
                             rf"(?P<year>{_Y})(?=\s*[);,.]|\s+{small}\b|\s*$)")),
        ("in_year", re.compile(rf"\b{inn}\s+(?P<year>{_Y}){_NOT_RANGE}")),
    ]


@lru_cache(maxsize=8)
def _around(lex: Lexicon) -> dict[str, re.Pattern]:
    art = lex.alternation("article")
    return {
        "relative": re.compile(rf"(?<![\w])(?:{lex.alternation('relative_year')})(?![\w])", re.I),
        "compared": re.compile(rf"(?<![\w])(?:{lex.alternation('compared')})\s+$", re.I),
        "bound": re.compile(rf"(?<![\w])(?:{lex.alternation('date_bound')})\s+(?:(?:{art})\s+)?$", re.I),
        "in_word": re.compile(rf"(?:{lex.alternation('date_in')})", re.I),
    }


def _months(lex: Lexicon, g: dict) -> tuple[int | None, int | None]:
    """(month, month_end) of a match's groups."""
    if g.get("period"):
        a, b = (int(x) for x in (lex.value("period", g["period"]) or "").split("-"))
        return a, b
    m1 = int(lex.value("month", g["m1"])) if g.get("m1") else None
    m2 = int(lex.value("month", g["m2"])) if g.get("m2") else None
    if m1 and m2:
        return (m1, m2) if m2 > m1 else (None, None) if m2 != m1 else (m1, None)
    return m1, None


def _date(kind: str, m: re.Match, lex: Lexicon) -> HeldDate | None:
    g = m.groupdict()
    if kind == "place":
        words = g["place"].split()
        if lex.value("month", words[-1]) or _around(lex)["in_word"].fullmatch(words[0]):
            return None   # "marzo, 2037" is a month; "En 2036, …" is not a place
    year = int(g["year"]) if g.get("year") else None
    since = int(g["since"]) if g.get("since") else None
    if since is not None and year is not None and since >= year:
        if kind != "across" or since > year:
            return None
        since = None   # "entre febrero de 2038 y marzo de 2038": months of one year
        kind = "months"
    month, month_end = (None, None) if kind in ("years", "across") else _months(lex, g)
    kind = "years" if kind == "across" else kind
    if year is None:
        return HeldDate(None, None, month, month_end, m.group(0), m.start(), m.end(), 0, kind)
    return HeldDate(year, since, month, month_end, m.group(0), m.start(), m.end(), kind=kind)


def held_dates(text: str, lex: Lexicon) -> list[HeldDate]:
    """Every date of holding in ``text``, in order of position (overlaps resolved in
    favour of the more specific form); dates after a bound ("desde", "hasta") skipped."""
    text = text or ""
    around = _around(lex)
    found: list[HeldDate] = []
    for kind, rx in _forms(lex):
        for m in rx.finditer(text):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            if kind != "years" and around["bound"].search(text[max(0, m.start() - 24):m.start()]):
                continue
            d = _date(kind, m, lex)
            if d is not None:
                found.append(d)
    for m in around["relative"].finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        if not around["compared"].search(text[max(0, m.start() - 24):m.start()]):
            offset = int(lex.value("relative_year", m.group(0)) or 0)
            found.append(HeldDate(None, None, None, None, m.group(0), m.start(), m.end(), offset, "relative"))
    return sorted(found, key=lambda d: d.start)
