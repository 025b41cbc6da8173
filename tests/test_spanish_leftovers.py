"""The last Spanish leftovers of issue 19: the words hemiplan.js writes come from the page
(a JSON block the Sphinx extension writes from the catalogs), the sidebar's title wraps,
and the data dictionary's descriptions and values read in the page's language."""
from __future__ import annotations

import json
import re

from hemiplan import language, paths
from hemiplan.build import sphinx_ext

SCRIPT = paths.ROOT / "_static" / "hemiplan.js"
CSS = paths.ROOT / "_static" / "hemiplan.css"


def _english_fallback() -> dict[str, str]:
    """The ENGLISH object of hemiplan.js (its words where a page has no JSON block)."""
    body = re.search(r"var ENGLISH = \{(.*?)\};", SCRIPT.read_text(encoding="utf-8"), re.S).group(1)
    pairs = re.findall(r'(\w+):\s*"((?:[^"\\]|\\.)*)"', body)
    return {k: json.loads(f'"{v}"') for k, v in pairs}


def _block(text: str) -> dict[str, str]:
    m = re.fullmatch(r'<script type="application/json" id="hemiplan-strings">(.*)</script>\n', text, re.S)
    assert m, text
    return json.loads(m.group(1))


def test_the_script_writes_no_english_word_of_its_own():
    code = SCRIPT.read_text(encoding="utf-8")
    code = re.sub(r"var ENGLISH = \{.*?\};", "", code, flags=re.S)
    # every string the script shows goes through t(key): no literal is written into the page
    assert not re.search(r'textContent\s*=\s*"', code)
    assert not re.search(r'(search|zeroRecords|emptyTable)\s*:\s*"', code)
    assert 'getElementById("hemiplan-strings")' in code


def test_a_translation_that_reads_as_the_english_is_still_a_translation(spanish):
    assert language.has("schema places.alias", "Alias")
    assert not language.has("schema places.alias", "a message no catalog holds")


def test_english_pages_keep_the_words_they_had():
    language.use("en")
    strings = _block(sphinx_ext.script_strings_block())
    assert strings == _english_fallback()
    assert strings["scrollHint"] == "Scroll the table sideways for more columns \u2192"
    assert strings["search"] == "Filter rows:"


def test_spanish_pages_get_spanish_words_from_the_catalog(spanish):
    strings = _block(sphinx_ext.script_strings_block())
    english = _english_fallback()
    assert set(strings) == set(english)
    for key, text in strings.items():
        assert text and text != english[key], key
    assert strings["scrollHint"] == "Desplace la tabla hacia los lados para ver más columnas \u2192"
    assert strings["search"] == "Filtrar filas:"


def test_no_string_can_close_the_block(monkeypatch):
    language.use("en")
    monkeypatch.setattr(sphinx_ext, "script_strings", lambda: {"search": "</script><b>"})
    block = sphinx_ext.script_strings_block()
    assert block.count("</script>") == 1
    assert _block(block) == {"search": "</script><b>"}


def _rule(css: str, selector: str) -> str:
    m = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert m, f"no rule for {selector}"
    return m.group(1)


def test_the_sidebar_title_wraps_and_is_never_cut_off():
    css = CSS.read_text(encoding="utf-8")
    brand = _rule(css, ".bd-sidebar-primary .navbar-brand")
    title = _rule(css, ".bd-sidebar-primary .navbar-brand .logo__title")
    for rules in (brand, title):
        assert re.search(r"white-space:\s*normal", rules)
        assert re.search(r"overflow:\s*visible", rules)
    assert re.search(r"max-height:\s*none", brand)   # the theme's header height does not cut it
    assert re.search(r"overflow-wrap:\s*anywhere", title)   # a word too long for the column breaks


def _dictionaries():
    from hemiplan.analysis import methods
    from hemiplan.data import schema
    return {table: methods.data_dictionary(table) for table in schema.ALL_TABLES}


def test_the_data_dictionary_reads_in_spanish(spanish):
    from hemiplan.analysis import methods
    from hemiplan.build import catalogs
    from hemiplan.data import schema
    from hemiplan.data.names import English

    extracted = {(msg, ctx) for msg, ctx, _ in catalogs.schema_messages()}
    for table, d in _dictionaries().items():
        for f, title, description in zip(schema.fields(table), d["title"], d["description"]):
            for english, shown in ((f.get("title"), title), (f.get("description"), description)):
                if not english:
                    continue
                context = f"schema {table}.{f['name']}"
                assert (english, context) in extracted
                assert language.has(context, english), (table, f["name"], english)
                assert not isinstance(shown, English) and shown == language.p_(context, english)
        text = schema.descriptor(table)["description"]
        shown = methods.schema_text(table, text)
        assert (text, f"schema {table}") in extracted
        assert not isinstance(shown, English) and shown != text, table


def test_enumerated_values_keep_their_code_and_gain_the_readers_word(spanish):
    from hemiplan.data import labels, schema

    dictionaries = _dictionaries()
    checked = 0
    for table in schema.ALL_TABLES:
        rules = dict(zip(dictionaries[table]["column"], dictionaries[table]["rules"]))
        for f in schema.fields(table):
            for value, english in f.get("hemiplan:labels", {}).items():
                if value not in schema.vocabulary(table, f["name"]):
                    continue
                word = labels.label(table, f["name"], value)
                shown = f"{value} ({word})" if word != english else value
                assert shown in rules[f["name"]], (table, f["name"], value)
                checked += word != english
    assert checked, "no enumerated value with a Spanish word: the check checked nothing"


def test_the_english_data_dictionary_lists_the_codes_alone():
    from hemiplan.data import schema

    language.use("en")
    for table, d in _dictionaries().items():
        rules = dict(zip(d["column"], d["rules"]))
        for f in schema.fields(table):
            enum = f.get("constraints", {}).get("enum")
            if enum:
                assert "one of: " + ", ".join(map(str, enum)) in rules[f["name"]]
