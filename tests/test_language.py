"""The book's languages: messages from PO catalogs, numbers, lists and months by CLDR,
catalogs complete and consistent, and a new language added by catalogs alone."""
from __future__ import annotations

import io
import shutil

import pytest
from babel.messages import pofile
from babel.messages.catalog import Catalog

from hemiplan import language, vocabulary
from hemiplan.build import catalogs
from hemiplan.data import labels


def test_english_is_the_source_and_writes_as_the_book_always_has():
    language.use("en")
    assert vocabulary.number(1408) == "1,408" and vocabulary.number(2.5) == "2.5"
    assert vocabulary.join_words(["a", "b", "c"]) == "a, b and c"
    assert vocabulary.month_name(6) == "June" and vocabulary.month_abbr(9) == "Sep"
    assert labels.quantity(170, "more_than") == "more than 170"


def test_spanish_numbers_lists_months_and_labels_follow_cldr(spanish):
    assert vocabulary.number(24606) == "24.606" and vocabulary.number(2.5) == "2,5"
    assert language.percent(0.4) == "40\u00a0%"
    assert vocabulary.join_words(["Perú", "Chile", "México"]) == "Perú, Chile y México"
    assert vocabulary.join_words(["a", "b"], "or") == "a o b"
    assert vocabulary.month_name(6) == "junio"
    assert labels.quantity(1408, "approx") == "aproximadamente 1.408"
    assert labels.type_noun("workshop", 1) == "taller" and labels.type_noun("workshop", 3) == "talleres"


def test_an_unknown_language_is_refused():
    with pytest.raises(language.UnknownLanguage):
        language.use("xx")
    assert language.current() == "en"


def test_the_catalogs_of_every_language_are_complete():
    """No untranslated or fuzzy message, and no placeholder that differs, in any catalog."""
    for lang in language.available():
        if lang != language.SOURCE:
            assert catalogs.check(lang) == []


def test_a_placeholder_that_differs_is_found():
    cat = Catalog(locale="es")
    cat.add("{n} activities in {year}", "{n} actividades", context=None)
    cat.add("Source", "", context="table header")
    cat.add(("{n} event", "{n} events"), ("{n} evento", "{n} eventos", "eventos"))
    problems = catalogs.check_catalog(cat, [("{n} activities in {year}", None, "m.py:1"), ("Source", "table header", "m.py:2"),
                                            (("{n} event", "{n} events"), None, "m.py:3"), ("Gone", None, "m.py:4")], "x.po")
    assert any("placeholders ['n'] in the translation, ['n', 'year']" in p for p in problems)
    assert any("untranslated: 'Source'" in p for p in problems)
    assert any("placeholders [] in the translation" in p and "'{n} event'" in p for p in problems)
    assert any("message not in the catalog: 'Gone'" in p for p in problems)


def test_a_new_language_is_catalogs_and_names_only(tmp_path, monkeypatch):
    """Portuguese, from a small stub catalog: no code changes."""
    root = tmp_path / "locale"
    shutil.copytree(language.LOCALE_DIR, root)
    stub = Catalog(locale="pt")
    stub.add("workshop", "oficina", context="activities.participants_qualifier")
    stub.add("more than", "mais de", context="activities.participants_qualifier")
    (root / "pt" / "LC_MESSAGES").mkdir(parents=True)
    buf = io.BytesIO()
    pofile.write_po(buf, stub)
    (root / "pt" / "LC_MESSAGES" / "data.schemas.po").write_bytes(buf.getvalue())
    monkeypatch.setattr(language, "LOCALE_DIR", root)
    language.translations.cache_clear()
    try:
        assert "pt" in language.available()
        language.use("pt")
        assert labels.quantity(24606, "more_than") == "mais de 24.606"
        assert vocabulary.join_words(["a", "b", "c"]) == "a, b e c"
        assert vocabulary.month_name(6) == "junho"
    finally:
        language.use("en")
        language.translations.cache_clear()
