"""Names in the page's language, from the reference data: member states (``name_es``,
``name_pt``, ``name_fr`` beside ``name``), organisations (``name_es``, ``acronym_es``) and
the Secretariat's dependencies (``dependency_names.csv``). Where a table has no name in
the language, the English name is used and marked as English (:class:`English`), so
that a page can say so (``lang="en"``)."""
from __future__ import annotations

import pandas as pd

from hemiplan import language


class English(str):
    """A name shown in its English form on a page of another language (no name in that
    language exists in the reference data); ``lang`` says so."""
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
