"""Words on a page that are not in the page's language, marked as such: a name with no
form in the page's language (:class:`hemiplan.data.names.English`), and the report's own
words (quotes, the source text), which stay in the report's language. An element in
another language carries ``lang="…"`` (for screen readers, search and the reader); on a
page in the same language nothing is added, so English pages are as they were."""
from __future__ import annotations

import html

from hemiplan import language
from hemiplan.language import _


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
