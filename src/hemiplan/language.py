"""The book's languages: which one a page is written in, its messages (gettext catalogs),
and how numbers, percentages, lists and months are written in it (CLDR data, Babel).

A foundation module like :mod:`hemiplan.paths`: every stage may use it. A page is built
in one language at a time: :func:`use` sets it (a chapter does so when it loads its
edition), and every message and number after that follows it.

Messages are English sentences marked for translation with named placeholders::

    _("{n} activities held in {year}").format(...)            # a sentence
    n_("{n} activity", "{n} activities", n).format(n=number(n))  # plural forms from the catalog
    p_("table header", "Source")                               # context where one English word has two translations

Catalogs are ordinary PO files, ``src/hemiplan/locale/<language>/LC_MESSAGES/<module>.po``
(one per module whose messages it holds), read with Babel; a language is available when
its folder exists. English is the source language and needs no catalog. Adding Portuguese
or French is adding ``locale/pt/`` or ``locale/fr/`` with their catalogs, and the names of
states and organisations in the reference data: no code changes."""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import get_month_names
from babel.lists import format_list
from babel.messages import mofile, pofile
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

#: Where the catalogs are.
LOCALE_DIR = Path(__file__).with_name("locale")
#: The source language of every message.
SOURCE = "en"
#: The CLDR locale of each language where it is not the language code itself.
CLDR: dict[str, str] = {}
#: The CLDR locale of lists where it differs: British English writes them without a
#: serial comma ("a, b and c"), as the book always has.
LIST_CLDR = {"en": "en_GB"}

_current = SOURCE


class UnknownLanguage(LookupError):
    """A language with no catalogs in ``locale/``."""


def available() -> list[str]:
    """The languages a book can be built in: English, and every language with catalogs."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if p.is_dir() and (p / "LC_MESSAGES").is_dir()) \
        if LOCALE_DIR.is_dir() else []
    return [SOURCE, *[lang for lang in found if lang != SOURCE]]


def catalog_files(lang: str) -> list[Path]:
    """The PO files of a language, sorted."""
    return sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po"))


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """Every catalog of ``lang`` merged into one (compiled in memory: no .mo file is kept)."""
    if lang == SOURCE:
        return NullTranslations()
    if lang not in available():
        raise UnknownLanguage(f"no catalogs for language {lang!r} in {LOCALE_DIR}; available: "
                              f"{', '.join(available())}")
    merged = None
    for path in catalog_files(lang):
        with path.open("rb") as f:
            catalog = pofile.read_po(f, locale=lang)
        buf = io.BytesIO()
        mofile.write_mo(buf, catalog)
        buf.seek(0)
        one = Translations(fp=buf)
        merged = one if merged is None else merged.merge(one)
    return merged or NullTranslations()


def use(lang: str | None) -> str:
    """Write every later message and number in ``lang`` (English when None); returns it."""
    global _current
    lang = lang or SOURCE
    translations(lang)  # an unknown language fails here, before anything is written in it
    _current = lang
    return lang


def current() -> str:
    """The language pages are being written in."""
    return _current


def cldr(lang: str | None = None) -> str:
    """The CLDR locale of a language (of the current one by default)."""
    lang = lang or _current
    return CLDR.get(lang, lang)


def name(lang: str, in_lang: str | None = None) -> str:
    """A language's own name, or its name in ``in_lang``: 'español', 'English'."""
    return Locale.parse(cldr(lang)).get_language_name(cldr(in_lang or lang))


# --- messages ------------------------------------------------------------------------------

def _(message: str) -> str:
    """A sentence in the current language."""
    return translations(_current).gettext(message)


def n_(singular: str, plural: str, n) -> str:
    """The form of a message that agrees with ``n`` (plural rules from the catalog)."""
    return translations(_current).ngettext(singular, plural, int(n) if float(n).is_integer() else 2)


def p_(context: str, message: str) -> str:
    """A message with a context (where one English word has several translations)."""
    return translations(_current).pgettext(context, message)


def np_(context: str, singular: str, plural: str, n) -> str:
    """A plural message with a context."""
    return translations(_current).npgettext(context, singular, plural, int(n) if float(n).is_integer() else 2)


def has(context: str | None, message: str) -> bool:
    """Whether the current language's catalogs translate ``message`` (in ``context``):
    a translation may read as the English does ('Alias'), which gettext alone cannot
    tell from a message the catalogs lack. Always true in the source language."""
    if _current == SOURCE:
        return True
    key = f"{context}\x04{message}" if context else message
    return bool(getattr(translations(_current), "_catalog", {}).get(key))


# --- numbers, lists, months ------------------------------------------------------------------

def number(n) -> str:
    """'1,204' (English), '1.204' (Spanish); a fractional value with one decimal."""
    value = float(n)
    return format_decimal(value, format="#,##0" if value.is_integer() else "#,##0.0", locale=cldr())


def percent(share: float, decimals: int = 0) -> str:
    """A share (0.4) as a percentage: '40%', '40 %'."""
    pattern = Locale.parse(cldr()).percent_formats[None].pattern  # '#,##0%', '#,##0 %'
    if decimals:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1) if "." not in pattern else pattern
    return format_percent(share, format=pattern, locale=cldr())


def join(items, style: str = "standard") -> str:
    """'a, b and c' / 'a, b y c' (empty items dropped); ``style`` 'or' for alternatives."""
    items = [str(i) for i in items if str(i)]
    if not items:
        return ""
    return format_list(items, style=style, locale=LIST_CLDR.get(_current, cldr()))


def month_name(month: int) -> str:
    """'June' / 'junio'."""
    return get_month_names("wide", context="stand-alone", locale=cldr())[int(month)]


def month_abbr(month: int) -> str:
    """'Jun' / 'jun'."""
    return get_month_names("abbreviated", context="stand-alone", locale=cldr())[int(month)].rstrip(".")
