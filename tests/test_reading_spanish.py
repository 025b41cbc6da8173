"""Reading a report written in Spanish (issue 20): numbers, qualifiers, what a figure
counts, dates of holding, member states, demonyms, cities and dependencies, read with
the Spanish words of data/reference/lexicon.csv; the English reading is untouched
outside ``lexicon.using("es")``."""
from __future__ import annotations

import csv
import json

import frictionless
import pytest

from hemiplan import paths
from hemiplan.data import schema
from hemiplan.ingest import rules, setting
from hemiplan.reading import dates, entities, lexicon, numbers


@pytest.fixture
def es():
    with lexicon.using("es") as lex:
        yield lex


@pytest.mark.parametrize("text, value", [
    ("3.450 kilogramos", 3450), ("24 606 armas", 24606), ("1,5 toneladas", 1.5), ("1.245 funcionarios", 1245),
    ("1,245 funcionarios", 1245), ("2.5 toneladas", 2.5), ("1.100.650 municiones", 1100650),
    ("cincuenta y tres funcionarios", 53), ("veintiún funcionarios", 21), ("ciento treinta oficiales", 130),
    ("tres mil doscientos docentes", 3200), ("Cuarenta y dos policías", 42), ("treinta y un jueces", 31),
])
def test_numbers_as_digits_and_words(es, text, value):
    found = numbers.find_numbers(text)
    assert [n.value for n in found] == [value]


@pytest.mark.parametrize("phrase, qualifier", [
    ("más de 250 jueces", "more_than"), ("cerca de 150 jueces", "approx"), ("alrededor de 45 participantes", "approx"),
    ("aproximadamente 300 fiscales", "approx"), ("unos 80 agentes", "approx"), ("unas 40 juezas", "approx"),
    ("al menos 14 funcionarios", "at_least"), ("por lo menos 60 inspectores", "at_least"),
    ("hasta 25 instructores", "up_to"), ("para 36 analistas", "exact"),
])
def test_qualifiers_map_to_the_schema_vocabulary(es, phrase, qualifier):
    (count,) = numbers.find_counts(phrase)
    assert count.kind == "participants" and count.qualifier == qualifier
    assert qualifier in schema.vocabulary("activities", "participants_qualifier")


@pytest.mark.parametrize("phrase, kind, unit, atype", [
    ("cuatro talleres sobre drogas", "events", "events", "workshop"),
    ("12 cursos de capacitación", "events", "events", "course"),
    ("dos misiones de asistencia técnica", "events", "events", "mission"),
    ("tres seminarios virtuales", "events", "events", "seminar"),
    ("dos reuniones con donantes", "events", "events", "meeting"),
    ("28 Estados Miembros", "other", "states", ""),
    ("24 606 armas de fuego", "other", "firearms", ""),
    ("18 instituciones nacionales", "other", "organizations", ""),
])
def test_what_a_figure_counts(es, phrase, kind, unit, atype):
    (count,) = numbers.find_counts(phrase)
    assert (count.kind, count.unit, count.activity_type) == (kind, unit, atype)


@pytest.mark.parametrize("text", ["Del 3 al 7 de junio, el DSP celebró", "durante tres semanas", "en 2037",
                                  "la resolución 1.234 del Consejo"])
def test_numbers_that_are_not_counts(es, text):
    assert numbers.find_counts(text) == []


@pytest.mark.parametrize("text, year, since, month, month_end", [
    ("en abril de 2019, la SE-CICAD", 2019, None, 4, None),
    ("Del 3 al 7 de junio, el DSP", None, None, 6, None),
    ("entre octubre de 2018 y enero de 2019", 2019, 2018, None, None),
    ("Entre febrero y marzo de 2038, la CICAD", 2038, None, 2, 3),
    ("Durante el primer semestre, el DSP", None, None, 1, 6),
    ("En 2035, la SE-CICAD había publicado", 2035, None, None, None),
    ("las reuniones (Ottawa, 2035; Asunción, 2036)", 2035, None, None, None),
])
def test_dates_of_holding(es, text, year, since, month, month_end):
    d = dates.held_dates(text)[0]
    assert (d.year, d.since, d.month, d.month_end) == (year, since, month, month_end)


def test_a_date_after_a_bound_is_not_a_date_of_holding(es):
    assert dates.held_dates("vigente desde 2030") == []
    assert [d.offset for d in dates.held_dates("El año anterior, la CICAD")] == [-1]


@pytest.mark.parametrize("text, expected", [
    ("para cuarenta y dos policías hondureños", ["HND"]),
    ("con 65 policías panameños", ["PAN"]),
    ("en Bogotá y en Bogota", ["COL"]),
    ("en Brasília y en Brasilia", ["BRA"]),
    ("en Ciudad de Panamá", ["PAN"]),
    ("a la República Dominicana y a Dominica", ["DMA", "DOM"]),
    ("en París, Roma y Bruselas", []),
    ("a San Vicente y las Granadinas y Granada", ["GRD", "VCT"]),
])
def test_member_states_in_spanish(es, text, expected):
    assert entities.member_states_in(text) == expected


def test_a_spanish_only_name_is_not_read_in_english():
    assert entities.member_states_in("a seminar in Granada, Nicaragua") == ["NIC"]
    with lexicon.using("es"):
        assert entities.member_states_in("un seminario en Granada") == ["GRD"]


@pytest.mark.parametrize("text, dependency", [
    ("la SE-CICAD", "CICAD"), ("la Secretaría Ejecutiva de la CICAD", "CICAD"), ("la Secretaría del CICTE", "CICTE"),
    ("el Comité Interamericano contra el Terrorismo", "CICTE"), ("el DSP", "DPS"),
    ("el Departamento de Seguridad Pública", "DPS"), ("la SSM", "SMS"),
])
def test_dependencies_by_their_spanish_names(es, text, dependency):
    assert entities.dependencies_in(text) == [dependency]


@pytest.mark.parametrize("sentence, atype", [
    ("El DSP destruyó 3.000 armas.", "destruction"), ("La SSM firmó un acuerdo de cooperación.", "agreement"),
    ("La CICAD publicó una guía.", "publication"), ("La CICAD realizó una evaluación del plan.", "assessment"),
    ("El CICTE realizó un ejercicio de simulación.", "exercise"), ("El DSP donó un sistema.", "donation"),
])
def test_activity_types_from_spanish_words(es, sentence, atype):
    assert rules.activity_type(sentence)[0] == atype
    assert atype in schema.vocabulary("activities", "activity_type")


def test_host_origin_multinational_and_joint_cues(es):
    quote = "El DSP celebró en Tegucigalpa un curso para cuarenta y dos policías hondureños."
    found = entities.country_matcher().find(quote)
    assert setting.roles(quote, found) == {"HND": {"host", "from"}}
    s = setting.Setting()
    setting.where(s, "La CICAD organizó en San José un seminario para unos 80 agentes de la región.",
                  entities.country_matcher().find("en San José"), [], 80, None)
    assert s.values["attendance"] == "multinational"
    s = setting.Setting()
    setting.joint(s, "En colaboración con el DSP, la SE-CICAD impartió un curso.", "", "CICAD",
                  entities.dependency_matcher())
    assert s.values["joint_with"] == ["DPS"] and "(“En colaboración con el”)" in s.notes[0]


def test_english_is_read_as_before_outside_spanish():
    assert lexicon.current().english
    assert [n.value for n in numbers.find_numbers("1,100,650 munitions and 3.5 tons")] == [1100650, 3.5]
    assert numbers.find_counts("cuatro talleres") == []


def test_the_lexicon_is_valid_against_its_schema_and_vocabularies():
    path = paths.REFERENCE / "lexicon.csv"
    descriptor = json.loads(schema.schema_path("lexicon").read_text(encoding="utf-8"))
    resource = frictionless.Resource(path=path.name, basepath=str(path.parent), format="csv", encoding="utf-8",
                                     schema=frictionless.Schema.from_descriptor(descriptor))
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    qualifiers = set(schema.vocabulary("activities", "participants_qualifier"))
    types = set(schema.vocabulary("activities", "activity_type"))
    for r in rows:
        if r["kind"] in ("qualifier", "qualifier_after"):
            assert r["value"] in qualifiers, r
        if r["kind"] in ("event_noun", "type_word"):
            assert r["value"] in types, r
        if r["kind"] == "month":
            assert 1 <= int(r["value"]) <= 12, r
    assert lexicon.readable() == ["en", "es"]


SPANISH_REPORT = """INFORME

I. INTRODUCCIÓN

Texto de introducción del informe.

II. Capacitación

a)
Control de drogas
1. La CICAD dictó un curso en Lima.
2. La CICAD dictó un taller en Quito.

B. Ciberseguridad

- El CICTE impartió un curso.

Otra asistencia técnica

El DSP realizó dos misiones a Haití y Jamaica, con el apoyo de la SSM, durante el año pasado en el marco del plan.
"""


def test_the_splitter_reads_spanish_headings_and_lists():
    from hemiplan.reading import report

    got = [(p.section, p.section_title, p.subsection, p.subsection_title, p.heading) for p in
           report.split_report(SPANISH_REPORT)]
    assert got == [("I", "INTRODUCCIÓN", "", "", ""),
                   ("II", "Capacitación", "a", "Control de drogas", ""), ("II", "Capacitación", "a", "Control de drogas", ""),
                   ("II", "Capacitación", "b", "Ciberseguridad", ""),
                   ("II", "Capacitación", "b", "Ciberseguridad", "Otra asistencia técnica")]


def test_sentences_and_titles(es):
    from hemiplan.reading.sentences import sentence_spans

    text = "La Sra. Pérez presentó el informe núm. 3 en Lima. Él lo aprobó. ¿Quién lo firmó? La SSM."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "La Sra. Pérez presentó el informe núm. 3 en Lima.", "Él lo aprobó.", "¿Quién lo firmó?", "La SSM."]
    assert rules.clean_title("En abril de 2037, la SE-CICAD realizó una misión.") == "La SE-CICAD realizó una misión"
    assert rules.clean_title("Asimismo, el DSP celebró una reunión.") == "El DSP celebró una reunión"
    assert numbers.snake_case("países andinos") == "paises_andinos"


def test_section_words_of_spanish_reports(es):
    from hemiplan.reading import report

    text = "INFORME\n\nSECCIÓN I: INTRODUCCIÓN\n\nTexto del informe.\n\nCapítulo II\nCapacitación\n\nLa CICAD dictó un curso.\n"
    assert [(p.section, p.section_title) for p in report.split_report(text)] == [("I", "INTRODUCCIÓN"),
                                                                               ("II", "Capacitación")]


def test_ordinals_are_not_counts(es):
    assert numbers.find_counts("la 12.ª reunión y el 3er taller") == []


def test_another_language_is_rows_of_the_lexicon(tmp_path):
    """Reading Portuguese would be adding its rows: a few of them, in a reference folder
    of its own, and the same readers count its figures."""
    rows = [("pt", "number_word", w, "", "") for w in ("dois", "quarenta", "cem")] + [
        ("pt", "number_join", "e", "", ""), ("pt", "people_noun", "policiais", "", ""),
        ("pt", "event_noun", "oficinas", "workshop", ""), ("pt", "qualifier", "mais de", "more_than", ""),
        ("pt", "stop_word", "de", "", "")]
    with open(tmp_path / "lexicon.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["language", "kind", "term", "value", "note"])
        writer.writerows(rows)
    assert lexicon.readable(tmp_path) == ["en", "pt"]
    with lexicon.using("pt", tmp_path):
        counts = numbers.find_counts("mais de quarenta e dois policiais em duas oficinas e 3 oficinas")
    assert [(c.kind, c.value, c.qualifier, c.activity_type) for c in counts] == [
        ("participants", 42, "more_than", ""), ("events", 3, "exact", "workshop")]
