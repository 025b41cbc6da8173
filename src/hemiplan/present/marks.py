"""Words on a page that are not in the page's language, marked as such: a name with no
form in the page's language (:class:`hemiplan.data.names.English`), and the report's own
words (quotes, the source text), which stay in the report's language. An element in
another language carries ``lang="…"`` (for screen readers, search and the reader); on a
page in the same language nothing is added, so English pages are as they were."""
from __future__ import annotations

import html

from hemiplan import language
from hemiplan.data.names import Foreign
from hemiplan.language import _


#: The language of the report the page shows (set by ``book.load`` from ``ed.language``):
#: what a column of the report's own words (:data:`REPORT_TEXT`) is written in.
_PAGE = {"report": language.SOURCE}
#: Columns of a table that hold the report's own words (a paragraph's excerpt, a data
#: row's quote): on a page in another language they are marked with the report's
#: language, and the table says the quotes are in the original language.
REPORT_TEXT = ("excerpt", "quote", "passage")
#: Columns of a table that hold names the report gives (a programme's), in the report's
#: language like its words; the book's own placeholder for a missing one is written in
#: parentheses ('(sin programa)') and stays unmarked.
REPORT_NAMES = ("program",)


def is_placeholder(text: str) -> bool:
    """Whether a cell of a :data:`REPORT_NAMES` column is the book's own words for a
    missing name ('(no programme named)'), not a name of the report."""
    text = str(text).strip()
    return text.startswith("(") and text.endswith(")")


def set_report_language(lang: str | None) -> None:
    """The language of the report the page being made shows (English when None)."""
    _PAGE["report"] = lang or language.SOURCE


def report_language() -> str:
    """The language of the report the page being made shows."""
    return _PAGE["report"]


def other(lang: str | None) -> str | None:
    """``lang`` when it is set and differs from the page's language, else None."""
    return lang if lang and lang != language.current() else None


def lang_attr(lang: str | None) -> str:
    """' lang="en"' for an element in another language than the page's; '' otherwise."""
    lang = other(lang)
    return f' lang="{html.escape(lang, quote=True)}"' if lang else ""


def lang_span(markup: str, lang: str | None) -> str:
    """``markup`` (already safe HTML) inside ``<span lang="…">`` when ``lang`` is not the
    page's language; unchanged otherwise."""
    return f"<span{lang_attr(lang)}>{markup}</span>" if other(lang) else markup


def value_lang(value) -> str | None:
    """The language a value says it is in (``names.English`` says 'en'), or None."""
    lang = getattr(value, "lang", None)
    return lang if isinstance(lang, str) else None


def quote_note(report_language: str | None) -> str:
    """The one sentence that says the report's words on the page are quoted as written,
    in the page's language: '' on a page in the report's language; on a Spanish page of
    an English report, 'Cita en el idioma original del informe (inglés).'"""
    report = report_language or language.SOURCE
    if not other(report):
        return ""
    return _("Quoted in the report's original language ({language}).").format(
        language=language.name(report, language.current()))


def text_note(report_language: str | None) -> str:
    """As :func:`quote_note`, for a page that shows the report's text itself: 'El texto
    del informe se reproduce en su idioma original (inglés).'"""
    report = report_language or language.SOURCE
    if not other(report):
        return ""
    return _("The report's text is shown in its original language ({language}).").format(
        language=language.name(report, language.current()))


class Marked(str):
    """Text known to be in a language (``lang``), such as the report's words shown on a
    page of another language; :func:`value_lang` reads it like ``names.English``."""

    def __new__(cls, text, lang: str | None):
        obj = super().__new__(cls, text)
        obj.lang = lang
        return obj


#: Beside a figure's data file (``<id>.csv``), the languages of its cells that are not
#: the page's (``<id>.csv.lang.json``: [[row, column, lang], …]): a CSV keeps no mark,
#: and the table the book shows under the figure marks them again.
MARKS_SUFFIX = ".lang.json"


def cell_langs(df) -> list[list]:
    """[row position, column, language] of every cell of ``df`` that says it is in
    another language than the page's."""
    return [[i, str(col), value_lang(v)] for col in df.columns
            for i, v in enumerate(df[col].tolist()) if other(value_lang(v))]


def remark(df, langs: list[list]):
    """``df`` (read back from CSV) with the cells of ``langs`` marked again (names.Foreign)."""
    out = df.astype({col: object for _i, col, _l in langs if col in df.columns})
    for i, col, lang in langs:
        if col in out.columns and i < len(out) and isinstance(out[col].iat[i], str):
            out.iat[i, out.columns.get_loc(col)] = Foreign(out[col].iat[i], lang)
    return out
