"""Sentences of a paragraph: where each one starts and ends, so that a row can quote
an exact substring. Abbreviations ("St. Kitts", "U.S.", "No. 3") do not end a sentence.
In a language other than English, the lexicon's abbreviations ("núm.", "Sra.") do not
either, and a sentence may open with an accented capital or "¿", "¡"."""
from __future__ import annotations

import re

from hemiplan.reading import lexicon

_ABBREVIATIONS = frozenset("""
st mr mrs ms dr no nos jr sr inc ltd co corp gen gov hon amb prof vs e.g i.e u.s u.k d.c a.m p.m
jan feb mar apr jun jul aug sep sept oct nov dec approx art para vol rev res ser doc fig ca cf al
""".split())
_SENT_END_RE = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•·])")
_SENT_END_ANY_RE = re.compile(r"[.!?][\"'”’»)\]]*\s+(?=[\"'“‘«(\[¿¡]?[A-ZÀ-ÖØ-Þ0-9•·])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, so that ``text[start:end]`` is an
    exact substring (no surrounding spaces). Abbreviations such as "St. Kitts",
    "U.S." and "No. 3" do not end a sentence."""
    text = text or ""
    spans = []
    start = 0
    lex = lexicon.current()
    ends, abbreviations, closing = (_SENT_END_RE, _ABBREVIATIONS, "\"'”’)]") if lex.english else \
        (_SENT_END_ANY_RE, _ABBREVIATIONS | {t.lower().rstrip(".") for t in lex.of("abbreviation")}, "\"'”’»)]")
    for m in ends.finditer(text):
        word = re.search(r"([\w.]+)$", text[start:m.start()])
        w = word.group(1).lower().rstrip(".") if word else ""
        if w in abbreviations or re.fullmatch(r"[a-z]", w) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
            continue
        end = m.start() + 1
        while end < len(text) and text[end] in closing:
            end += 1
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
