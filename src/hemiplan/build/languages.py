"""The languages the site is published in, and where each language's pages live.

English, the source language, keeps the site's root (``_build/html/2014/…``,
``latest/``, ``editions.html``); every other language has a folder of its own with the
same layout (``_build/html/es/2014/…``, ``es/latest/``, ``es/editions.html``). A page
and its translation have the same path inside their language's folder, so that the
language switch of a page is a relative link to the same path under the other
language's folder."""
from __future__ import annotations

import posixpath
from contextlib import contextmanager
from pathlib import Path

from hemiplan import language, paths


def available() -> list[str]:
    """The languages of a build: English first, then every language with catalogs."""
    return language.available()


def prefix(lang: str) -> str:
    """The folder of a language's pages inside the site: '' for English, 'es/' for Spanish."""
    return "" if lang == language.SOURCE else f"{lang}/"


def html_root(root: Path = paths.ROOT, lang: str = language.SOURCE) -> Path:
    """Where a language's pages are published."""
    base = root / "_build" / "html"
    return base / lang if prefix(lang) else base


def label(year: int, lang: str) -> str:
    """An edition in a language as a reader of the build's messages knows it: '2014', 'es/2014'."""
    return f"{prefix(lang)}{year}"


def counterpart(page: str, lang: str, other: str) -> str:
    """The relative link from ``page`` (a path inside ``lang``'s folder, e.g.
    ``2014/chapters/training.html``) to the same page in ``other``'s folder."""
    here = prefix(lang) + page
    there = prefix(other) + page
    return posixpath.relpath(there, posixpath.dirname(here) or ".")


def own_name(lang: str) -> str:
    """A language's name in itself, as a switch shows it: 'English', 'Español'."""
    name = language.name(lang)
    return name[:1].upper() + name[1:]


@contextmanager
def using(lang: str):
    """Write the messages of the block in ``lang``, and go back to the language before."""
    saved = language.current()
    language.use(lang)
    try:
        yield lang
    finally:
        language.use(saved)
