"""Names in each language as reference data (member states, organisations,
dependencies) and the reviewed Spanish titles of the 2014 activities; validation of
an optional translations table, whose problems name file, row, column and value."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hemiplan import paths
from hemiplan.data import csvio, schema
from hemiplan.data.validate import validate_year

YEAR = 2031  # the synthetic fixture year


def test_every_member_state_has_a_spanish_name():
    ms = csvio.read_text_table(paths.REFERENCE / "member_states.csv")
    assert len(ms) == 35
    assert ms["name_es"].str.strip().astype(bool).all(), list(ms.loc[~ms["name_es"].str.strip().astype(bool), "iso3"])
    assert ms["name_es"].is_unique
    named = dict(zip(ms["iso3"], ms["name_es"]))
    assert named["USA"] == "Estados Unidos" and named["KNA"] == "San Cristóbal y Nieves" and named["PER"] == "Perú"
    assert {"name_pt", "name_fr"} <= set(ms.columns)


def test_organisations_carry_optional_spanish_names():
    orgs = csvio.read_text_table(paths.REFERENCE / "organizations.csv").set_index("org_id")
    assert orgs.loc["unodc", "name_es"] == "Oficina de las Naciones Unidas contra la Droga y el Delito"
    assert orgs.loc["unodc", "acronym_es"] == "ONUDD"
    assert orgs.loc["oas-sms", "acronym_es"] == "SSM"
    # a Spanish acronym needs a Spanish name beside it
    assert not ((orgs["acronym_es"] != "") & (orgs["name_es"] == "")).any()


def test_dependency_names_cover_every_dependency_in_english_and_spanish():
    names = csvio.read_text_table(paths.REFERENCE / "dependency_names.csv")
    for lang in ("en", "es"):
        rows = names[names["language"] == lang]
        assert sorted(rows["dependency"]) == sorted(schema.dependencies()), lang
        assert rows["name"].str.strip().astype(bool).all() and rows["acronym"].str.strip().astype(bool).all()
    assert not names.duplicated(["dependency", "language"]).any()
    es = names[names["language"] == "es"].set_index("dependency")
    assert es.loc["CICAD", "acronym"] == "SE-CICAD" and es.loc["DPS", "acronym"] == "DSP"


def test_2014_translations_cover_every_activity_once():
    acts = csvio.read_text_table(schema.table_path("activities", 2014))
    tr = csvio.read_text_table(schema.table_path("translations", 2014))
    es = tr[tr["language"] == "es"]
    assert sorted(es["activity_id"]) == sorted(acts["activity_id"])
    assert es["activity_id"].is_unique
    assert (es["status"] == "reviewed").all()
    assert es["title"].str.strip().astype(bool).all()
    # a translation, not a copy of the English title
    english = dict(zip(acts["activity_id"], acts["title"]))
    assert sum(t == english[a] for a, t in zip(es["activity_id"], es["title"])) == 0


# --- validation of a translations table, on a copy of the synthetic data ---------------

def write_translations(folder: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = folder / str(YEAR) / "translations.csv"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(schema.columns("translations"))
    for activity_id, language, title in rows:
        w.writerow([activity_id, language, title, "reviewed", "test"])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_translations_are_optional(synthetic_copy):
    assert not (synthetic_copy / str(YEAR) / "translations.csv").exists()
    assert validate_year(YEAR, synthetic_copy) == []


def test_a_good_translation_passes(synthetic_copy):
    write_translations(synthetic_copy, [("2031-A001", "es", "Un título"), ("2031-A001", "fr", "Un titre"),
                                        ("2031-A002", "es", "Otro título")])
    assert validate_year(YEAR, synthetic_copy) == []


# (case, rows, bad row, column, value, message fragment)
BAD = [
    ("unknown activity", [("2031-A001", "es", "Un título"), ("2031-A999", "es", "Otro")], 2,
     "activity_id", "2031-A999", "no such activity"),
    ("duplicate", [("2031-A001", "es", "Un título"), ("2031-A002", "es", "Otro"), ("2031-A001", "es", "Repetido")], 3,
     "activity_id, language", "2031-A001, es", "repeats the key"),
    ("not an ISO 639-1 code", [("2031-A001", "xx", "Un título")], 1, "language", "xx", "not an ISO 639-1"),
    ("malformed code", [("2031-A001", "spa", "Un título")], 1, "language", "spa", "constraint error"),
    ("the report's own language", [("2031-A001", "en", "A title")], 1, "language", "en", "report's own language"),
    ("empty title", [("2031-A001", "es", "")], 1, "title", "", "constraint error"),
    ("blank title", [("2031-A001", "es", "   ")], 1, "title", "   ", "is blank"),
]


@pytest.mark.parametrize("case,rows,row,column,value,fragment", BAD, ids=[b[0] for b in BAD])
def test_a_bad_translation_is_named_by_file_row_column_and_value(synthetic_copy, case, rows, row, column, value,
                                                                  fragment):
    write_translations(synthetic_copy, rows)
    problems = validate_year(YEAR, synthetic_copy)
    assert len(problems) == 1, [str(p) for p in problems]
    p = problems[0]
    assert p.file.endswith(f"{YEAR}/translations.csv")
    assert (p.row, p.column, p.value) == (row, column, value)
    assert fragment in p.message
    assert f"row {row} (line {row + 1})" in str(p) and f"column {column}" in str(p) and repr(value) in str(p)


def test_a_language_that_names_only_some_dependencies_is_refused(synthetic_copy):
    ref = synthetic_copy / "reference" / "dependency_names.csv"
    text = (paths.REFERENCE / "dependency_names.csv").read_text(encoding="utf-8")
    ref.write_text(text + "CICAD,pt,Secretaria Executiva da CICAD,SE-CICAD\n", encoding="utf-8")
    problems = validate_year(None, synthetic_copy)
    assert [(p.column, p.value) for p in problems] == [("language", "pt")], [str(p) for p in problems]
    assert "CICTE, DPS, SMS" in problems[0].message
