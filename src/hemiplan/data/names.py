"""Names in the page's language, from the reference data: member states (``name_es``,
``name_pt``, ``name_fr`` beside ``name``), organisations (``name_es``, ``acronym_es``) and
the Secretariat's dependencies (``dependency_names.csv``). Where a table has no name in
the language, the English name is used and marked as English (:class:`English`), so
that a page can say so (``lang="en"``)."""
from __future__ import annotations

import pandas as pd

from hemiplan import language


class Foreign(str):
    """A name or title shown in another language than the page's (none exists in the
    page's language); ``lang`` says which, so that the page can mark it."""
    lang = ""

    def __new__(cls, text: str, lang: str = ""):
        out = super().__new__(cls, text)
        if lang:
            out.lang = lang
        return out


class English(Foreign):
    """A name shown in its English form on a page of another language (no name in that
    language exists in the reference data)."""
    lang = "en"


def _pick(frame: pd.DataFrame, base: str, lang: str) -> pd.Series:
    """Column ``base`` in ``lang`` (``base_<lang>``), the English value (marked) where
    that is empty or missing."""
    english = frame[base].fillna("").astype(str)
    if lang == language.SOURCE:
        return english
    own = frame.get(f"{base}_{lang}")
    if own is None:
        return english.map(English)
    own = own.fillna("").astype(str)
    return pd.Series([o if o else English(e) if e else e for o, e in zip(own, english)], index=frame.index, dtype=object)


def state_names(member_states: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """ISO code → the state's name in ``lang`` (the page's language by default)."""
    lang = lang or language.current()
    return dict(zip(member_states["iso3"], _pick(member_states, "name", lang)))


def org_names(organizations: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """Organisation id → its full name in ``lang``."""
    lang = lang or language.current()
    return dict(zip(organizations["org_id"], _pick(organizations, "name", lang)))


def org_labels(organizations: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """Organisation id → its acronym in ``lang`` (ONUDD), or its name when it has none."""
    lang = lang or language.current()
    names = _pick(organizations, "name", lang)
    acronyms = _pick(organizations, "acronym", lang)
    return {o: (a or n) for o, a, n in zip(organizations["org_id"], acronyms, names)}


def titles(activities: pd.DataFrame, translations: pd.DataFrame, lang: str | None = None,
           source: str = language.SOURCE) -> pd.Series:
    """Each activity's title in ``lang`` (a reviewed translation), or its title as the
    data give it, in the report's language ``source`` (marked as such) where it has
    none; indexed like ``activities``."""
    lang = lang or language.current()
    if lang == source:
        return activities["title"].astype(object)
    mine = translations[(translations["language"] == lang) & (translations["status"] == "reviewed")]
    own = dict(zip(mine["activity_id"], mine["title"]))
    mark = English if source == "en" else (lambda t: Foreign(t, source))
    return pd.Series([own.get(a) or mark(t) for a, t in zip(activities["activity_id"], activities["title"])],
                     index=activities.index, dtype=object)


def dependency_name(dependency_names: pd.DataFrame, dependency: str, lang: str | None = None) -> str:
    """A dependency's full name in ``lang`` (English, marked, where the table has none)."""
    return _dependency(dependency_names, dependency, "name", lang)


def dependency_acronym(dependency_names: pd.DataFrame, dependency: str, lang: str | None = None) -> str:
    """A dependency's acronym in ``lang``: 'SE-CICAD', 'DSP'."""
    return _dependency(dependency_names, dependency, "acronym", lang)


def _dependency(table: pd.DataFrame, dependency: str, column: str, lang: str | None) -> str:
    lang = lang or language.current()
    rows = table[table["dependency"] == dependency].set_index("language")[column]
    if lang in rows.index and rows[lang]:
        return str(rows[lang])
    if language.SOURCE not in rows.index:
        raise KeyError(f"dependency_names.csv has no name for dependency {dependency!r}")
    english = str(rows[language.SOURCE])
    return english if lang == language.SOURCE else English(english)
