"""The words of a report's language, and which language is being read.

English is read by the hand-tuned patterns of :mod:`hemiplan.reading.numbers`,
:mod:`~hemiplan.reading.dates` and the ingest rules, which keep their words in code.
Every other language that ingest reads has its words as data, in
``data/reference/lexicon.csv`` (one row per term: ``language``, ``kind``, ``term``,
``value``), read by the same stages through :mod:`hemiplan.reading.lexical`; adding a
language is adding its rows there (and its place names to ``places.csv``).

The language being read is set once, around a whole report, with :func:`using`; the
readers ask :func:`current`, so that the stages keep one signature for every language.
"""
from __future__ import annotations

import contextvars
import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from hemiplan import paths

ENGLISH = "en"


def alternation_of(terms) -> str:
    """A regular-expression alternation of ``terms``, longest first (spaces match any run
    of white space); never empty, so that a pattern built on it compiles. For a part of a
    kind's terms ("the qualifiers of one bound"); :meth:`Lexicon.alternation` for whole kinds."""
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered) or r"(?!x)x"


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The terms of one language, by kind (``number_word``, ``people_noun``,
    ``event_noun``…), each with its value (an activity type, a unit, a month…).
    Compared and hashed by identity: :func:`load` gives one per language, and the
    patterns built from it are cached on it."""
    code: str
    kinds: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def english(self) -> bool:
        return self.code == ENGLISH

    def of(self, kind: str) -> dict[str, str]:
        """term → value of one kind (lower-case terms are matched case-insensitively)."""
        return self.kinds.get(kind, {})

    def terms(self, kind: str) -> list[str]:
        """The terms of one kind, longest first (so that alternations prefer them)."""
        return sorted(self.of(kind), key=lambda t: (-len(t), t))

    def alternation(self, *kinds: str) -> str:
        """A regular-expression alternation of the terms of ``kinds`` (spaces match any
        run of white space); never empty, so that a pattern built on it compiles."""
        return alternation_of(t for k in kinds for t in self.of(k))

    def value(self, kind: str, term: str) -> str | None:
        """The value of a term as written (compared in lower case), or None."""
        table = self.of(kind)
        if term in table:
            return table[term]
        low = re.sub(r"\s+", " ", term.lower())
        return next((v for t, v in table.items() if t.lower() == low), None)


_ENGLISH = Lexicon(ENGLISH)


@lru_cache(maxsize=8)
def _rows(path: Path) -> tuple[tuple[str, str, str, str], ...]:
    with open(path, newline="", encoding="utf-8") as fh:
        return tuple((r["language"], r["kind"], r["term"], r["value"]) for r in csv.DictReader(fh))


def lexicon_path(reference_dir: Path | None = None) -> Path:
    ref = Path(reference_dir) if reference_dir else paths.REFERENCE
    own = ref / "lexicon.csv"
    return own if own.is_file() else paths.REFERENCE / "lexicon.csv"


@lru_cache(maxsize=8)
def load(code: str, reference_dir: Path | None = None) -> Lexicon:
    """The lexicon of a language (English: the built-in one, no terms)."""
    if code == ENGLISH:
        return _ENGLISH
    kinds: dict[str, dict[str, str]] = {}
    for language, kind, term, value in _rows(lexicon_path(reference_dir)):
        if language == code:
            kinds.setdefault(kind, {})[term] = value
    if not kinds:
        raise KeyError(f"no lexicon for language {code!r}")
    return Lexicon(code, kinds)


def readable(reference_dir: Path | None = None) -> list[str]:
    """The languages ingest reads: English and every language of lexicon.csv."""
    return [ENGLISH] + sorted({r[0] for r in _rows(lexicon_path(reference_dir))} - {ENGLISH})


_CURRENT: contextvars.ContextVar[Lexicon] = contextvars.ContextVar("hemiplan_lexicon", default=_ENGLISH)


def current() -> Lexicon:
    """The lexicon of the report being read (English unless :func:`using` says otherwise)."""
    return _CURRENT.get()


@contextmanager
def using(code: str | None, reference_dir: Path | None = None) -> Iterator[Lexicon]:
    """Read in language ``code`` (None: English) inside the ``with`` block."""
    token = _CURRENT.set(load(code or ENGLISH, reference_dir))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)
