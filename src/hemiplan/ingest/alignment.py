"""Draft paragraphs of a report read from any format ↔ the curated paragraphs of its
year, by their text, so that accuracy can be measured on a .docx or .pdf whose lines
are not those of data/raw/<year>.txt.

Paragraphs are matched in order: the next draft paragraph with the same text (spaces
normalised), else, within the next few, the most similar one if at least
:data:`SIMILAR` alike (a word read differently still leaves the paragraph's place).
A matched draft paragraph takes the curated paragraph's line span, which is how
:func:`hemiplan.ingest.accuracy.measure` pairs paragraphs; an unmatched one gets a
span of its own, so that whatever it holds counts against precision.
"""
from __future__ import annotations

import difflib

import pandas as pd

from hemiplan.reading.report import normalise_space

SIMILAR = 0.9
WINDOW = 6


def _match(curated: list[str], drafted: list[str]) -> dict[int, int]:
    """curated index → draft index."""
    out: dict[int, int] = {}
    taken: set[int] = set()
    j = 0
    for i, text in enumerate(curated):
        k = next((k for k in range(j, len(drafted)) if k not in taken and drafted[k] == text), None)
        if k is None:
            window = [k for k in range(j, min(len(drafted), j + WINDOW)) if k not in taken]
            scored = [(difflib.SequenceMatcher(None, text, drafted[k]).ratio(), k) for k in window]
            best = max(scored, default=(0.0, None))
            k = best[1] if best[0] >= SIMILAR else None
        if k is not None:
            out[i] = k
            taken.add(k)
            j = k + 1
    return out


def on_curated_spans(drafts: pd.DataFrame, curated: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """(draft paragraphs keyed by the line spans of the curated paragraphs they match,
    number of matched paragraphs whose text is identical)."""
    cur_text = [normalise_space(t) for t in curated["text"]]
    draft_text = [normalise_space(t) for t in drafts["text"]]
    match = _match(cur_text, draft_text)
    starts = [f"-{k + 1}" for k in range(len(drafts))]
    ends = list(starts)
    for i, k in match.items():
        starts[k], ends[k] = curated["line_start"].iloc[i], curated["line_end"].iloc[i]
    out = drafts.copy()
    out["line_start"], out["line_end"] = starts, ends
    identical = sum(1 for i, k in match.items() if cur_text[i] == draft_text[k])
    return out, identical
