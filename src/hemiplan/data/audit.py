"""Completeness of a year's data: every number in the report is either supported by
the quote of an activity or indicator, or listed in unrecorded.csv with a reason."""
from __future__ import annotations

import sys
from dataclasses import dataclass

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan.data.years import resolve_year
from hemiplan.reading import numbers


@dataclass(frozen=True)
class Unaccounted:
    paragraph_id: str
    number: str
    context: str

    def __str__(self) -> str:
        return f"{self.paragraph_id}: {self.number!r} in “…{self.context}…”"


def audited_numbers(text: str) -> list[numbers.Number]:
    """Numbers that must be accounted for: digits other than plain years, and number
    words of two or more ("one" is too often not a count)."""
    return [n for n in numbers.find_numbers(text)
            if not n.is_year_like and not (n.is_word and n.value < 2)]


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, start = [], text.find(quote)
    while quote and start >= 0:
        out.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return out


def unaccounted(paragraphs: pd.DataFrame, activities: pd.DataFrame, indicators: pd.DataFrame,
                unrecorded: pd.DataFrame | None = None) -> list[Unaccounted]:
    quotes: dict[str, list[str]] = {}
    for df in (activities, indicators):
        for pid, q in zip(df["paragraph_id"], df["quote"]):
            quotes.setdefault(pid, []).append(q)
    listed = set()
    if unrecorded is not None:
        listed = set(zip(unrecorded["paragraph_id"], unrecorded["number"]))
    out = []
    for pid, text in zip(paragraphs["paragraph_id"], paragraphs["text"]):
        spans = [s for q in quotes.get(pid, []) for s in _spans(text, q)]
        for n in audited_numbers(text):
            if any(a <= n.start and n.end <= b for a, b in spans) or (pid, n.text) in listed:
                continue
            out.append(Unaccounted(pid, n.text, text[max(0, n.start - 40):n.end + 40]))
    return out


def unaccounted_in_year(year: int, data_dir=None) -> list[Unaccounted]:
    frames = {t: csvio.read_text_table(schema.table_path(t, year, data_dir)) for t in schema.YEAR_TABLES}
    path = schema.table_path("unrecorded", year, data_dir)
    unrec = csvio.read_text_table(path) if path.is_file() else None
    return unaccounted(frames["paragraphs"], frames["activities"], frames["indicators"], unrec)


if __name__ == "__main__":
    items = unaccounted_in_year(resolve_year(sys.argv[1] if len(sys.argv) > 1 else None))
    for u in items:
        print(u)
    print(f"{len(items)} number(s) unaccounted for")
