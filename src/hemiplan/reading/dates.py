"""When a sentence says something was held: the dates a report writes around an event
("in June 2013", "December 4-5, 2014", "From March-April 2014", "(Davos, 2015)",
"Dominican Republic, 2011", "Between 2012 and 2014", "during 2013", "the year before").

:func:`held_dates` finds them with their span in the text; which one dates a given
activity, and against which report year, is the drafter's call. A year after "since",
"by", "until", "before" or "after" is a bound, not a date of holding, and is skipped;
so is a year inside a document reference or a range such as "2014-2018".
"""
from __future__ import annotations

import re

from hemiplan.reading import lexical_dates, lexicon
from hemiplan.reading.numbers import MONTHS
from hemiplan.reading.quantities import HeldDate

_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}
_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
      r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_Y = r"(?:19|20)\d\d"
_DAYS = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
_NOT_RANGE = r"(?!\s*[-–/]\s*\d)(?!\d)"
_SPAN_WORDS = r"(?:[-–]|to|until|through|thru)"

#: The forms, most specific first; each names its groups.
_FORMS = [
    ("years", re.compile(rf"\b(?:[Bb]etween|[Ff]rom)\s+(?P<since>{_Y})\s*(?:and|{_SPAN_WORDS})\s*(?P<year>{_Y})\b")),
    ("months", re.compile(rf"\b(?P<m1>{_M})(?:\s+{_DAYS})?\s*{_SPAN_WORDS}\s*(?P<m2>{_M})(?:\s+{_DAYS})?,?\s+"
                          rf"(?:of\s+)?(?P<year>{_Y}){_NOT_RANGE}")),
    ("two_months", re.compile(rf"\b(?P<m1>{_M})\s+and\s+(?P<m2>{_M}),?\s+(?:of\s+)?(?P<year>{_Y}){_NOT_RANGE}")),
    ("month", re.compile(rf"\b(?P<m1>{_M})(?:\s+{_DAYS})?,?\s+(?:of\s+)?(?P<year>{_Y}){_NOT_RANGE}")),
    ("day_month", re.compile(rf"\b{_DAYS}\s+(?:of\s+)?(?P<m1>{_M}),?\s+(?P<year>{_Y}){_NOT_RANGE}")),
    ("place", re.compile(rf"(?P<place>\b[A-Z][\w.’'-]*(?:\s+(?:of|and|the|de|del|[A-Z][\w.’'-]*)){{0,4}}),\s+"
                         rf"(?P<year>{_Y})(?=\s*[);,.]|\s+and\b|\s*$)")),
    ("in_year", re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?:(?:early|mid|late)\s*-?\s*|the\s+(?:first|"
                           rf"second|third|fourth|last)\s+(?:half|quarter|semester)\s+of\s+)?(?P<year>{_Y})"
                           rf"{_NOT_RANGE}")),
]
_RELATIVE = [
    (re.compile(r"\b(?:the\s+(?:year\s+before|previous\s+year|preceding\s+year|prior\s+year)|last\s+year|"
                r"a\s+year\s+(?:earlier|before))\b", re.I), -1),
    (re.compile(r"\b(?:the\s+(?:following|next)\s+year|next\s+year|the\s+year\s+after)\b", re.I), 1),
]
#: Words before a relative year that make it a comparison, not the time of holding
#: ("more than the year before", "compared with last year").
_COMPARED_RE = re.compile(r"\b(?:than|compared\s+(?:with|to)|since|over|from|of|versus|vs\.?)\s+$", re.I)
#: Words before a date that make it a bound, not the time of holding.
_BOUND_RE = re.compile(r"\b(?:since|by|until|till|before|after|prior\s+to|as\s+of)\s+(?:the\s+end\s+of\s+)?$",
                       re.I)


def month_number(name: str) -> int:
    """'June' → 6, 'Sept.' → 9."""
    low = name.lower().rstrip(".")
    return MONTHS.get(low) or _MONTH_ABBR[low]


def _date(kind: str, m: re.Match) -> HeldDate | None:
    g = m.groupdict()
    if kind == "place" and (re.fullmatch(_M, g["place"].split()[-1]) or g["place"].split()[0] in ("In", "During")):
        return None   # "March, 2014" is a month; "In 2013, ..." is not a place
    m1 = month_number(g["m1"]) if g.get("m1") else None
    m2 = month_number(g["m2"]) if g.get("m2") else None
    month, month_end = m1, None
    if kind == "months" and m1 and m2 and m2 > m1:
        month_end = m2
    elif kind in ("months", "two_months"):
        month = None if m1 != m2 else m1   # "June and October 2014": two events, no one month
    since = int(g["since"]) if g.get("since") else None
    year = int(g["year"])
    if since is not None and since >= year:
        return None
    return HeldDate(year, since, month, month_end, m.group(0), m.start(), m.end(), kind=kind)


def held_dates(text: str) -> list[HeldDate]:
    """Every date of holding in ``text``, in order of position (overlaps resolved in
    favour of the more specific form)."""
    lex = lexicon.current()
    if not lex.english:
        return lexical_dates.held_dates(text, lex)
    text = text or ""
    found: list[HeldDate] = []
    for kind, rx in _FORMS:
        for m in rx.finditer(text):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            if _BOUND_RE.search(text[max(0, m.start() - 24):m.start()]) and kind != "years":
                continue
            d = _date(kind, m)
            if d is not None:
                found.append(d)
    for rx, offset in _RELATIVE:
        for m in rx.finditer(text):
            if not _COMPARED_RE.search(text[max(0, m.start() - 24):m.start()]):
                found.append(HeldDate(None, None, None, None, m.group(0), m.start(), m.end(), offset, "relative"))
    return sorted(found, key=lambda d: d.start)
