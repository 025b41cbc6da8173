"""What the readers find in a report's text, in any language: a number with its
qualifier, a count (a number and what it counts) and a date of holding."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hemiplan.reading import lexicon


@dataclass(frozen=True)
class Number:
    value: float
    text: str
    start: int
    end: int
    qualifier: str  # exact, approx, more_than, at_least, up_to
    is_word: bool

    @property
    def is_year_like(self) -> bool:
        return (not self.is_word and self.text.isdigit() and len(self.text) == 4
                and 1900 <= int(self.text) <= 2100)


@dataclass(frozen=True)
class Count:
    """A number and what it counts."""
    kind: str          # participants, events, other
    value: float
    qualifier: str     # exact, approx, more_than, at_least, up_to
    noun: str          # head noun as written ("officers", "seminars", "states")
    unit: str          # normalised unit (participants, events, states, firearms...)
    activity_type: str  # for events: the type the noun suggests, else ""
    phrase: str        # the number and its noun phrase as written
    start: int
    end: int
    number: Number

    @property
    def int_value(self) -> int:
        return int(round(self.value))


@dataclass(frozen=True)
class HeldDate:
    """A date of holding in a text: the year (the last of a span), the first year of
    a span of years, the month and the last month of a span of months (or None), and
    where it is written."""
    year: int | None        # None for a relative year ("the year before"): see offset
    since: int | None
    month: int | None
    month_end: int | None
    text: str
    start: int
    end: int
    offset: int = 0         # for a relative year: years from the report's
    kind: str = ""          # which form: years, months, two_months, month, day_month, place, in_year, relative


def snake_case(text: str) -> str:
    """A name made of a noun phrase: "Police officers" → "police_officers"; in a language
    other than English, accents are dropped first ("países" → "paises")."""
    if not lexicon.current().english:
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    if not s or not s[0].isalpha():
        s = "n_" + s if s else "count"
    return s



#: A currency sign or ISO code written before a figure ("US$ 60", "€300", "USD 250,000"),
#: in any language.
CURRENCY_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:US|C|R|RD|J|EC|BDS|TT|N|A)?\$|€|£|¥|(?<![A-Za-z])"
                             r"(?:USD|EUR|GBP|CAD|MXN|BRL|CHF|JPY|ARS|CLP|COP|PEN))\s?$")


def is_money(text: str, n: Number) -> bool:
    """Whether a figure is an amount of money by the currency written before it: never a
    number of people or events ("US$ 60 participants" is a price per head)."""
    return bool(CURRENCY_BEFORE.search(text[max(0, n.start - 5):n.start]))
