"""The overview, member-state profiles, series and the shared sentences of counting,
participation, sections and frames in Spanish (issue 19): on the SYNTHETIC year 2031
(invented data) and on small hand-made tables. Each test writes in Spanish and the
fixture sets English back, so that no other test sees Spanish."""
from __future__ import annotations

import pandas as pd
import pytest

from hemiplan import data, language
from hemiplan.analysis import counting, frames, overview, participation, profiles, sections, series, terms
from hemiplan.analysis.headline import headline
from hemiplan.data import names

from .conftest import SYNTHETIC_DATA


@pytest.fixture(scope="module")
def ed31():
    return data.load(2031, SYNTHETIC_DATA)


def test_headline_reads_in_spanish(ed31, es):
    text = overview.headline_text(headline(ed31))
    assert text.startswith("El informe de 2031 describe **")
    assert "actividades realizadas en 2031**" in text and "Estados Miembros**" in text
    assert "activities" not in text and "member states" not in text


def test_headline_is_unchanged_in_english(ed31):
    text = overview.headline_text(headline(ed31))
    assert text.startswith("The 2031 report describes **") and "held in 2031**" in text


def test_the_overview_sentences_in_spanish(es):
    members = pd.DataFrame({"iso3": ["CAN", "USA", "MEX"], "name": ["Canada", "United States", "Mexico"],
                            "name_es": ["Canadá", "Estados Unidos", "México"]})
    reached = pd.DataFrame({"iso3": ["MEX"]})
    assert overview.not_reached_text(members, reached) == (
        "No se registra ninguna actividad para 2 Estados Miembros: Canadá, Estados Unidos.")
    assert overview.dated_text(144, 40, "octubre", 2014) == (
        "De las 144 actividades realizadas en 2014, 40 tienen fecha con mes; el mes de mayor actividad: octubre.")
    months = pd.DataFrame({"CICAD": [5, 5, 1]}, index=[10, 11, 3])
    assert overview.busiest_month(months) == "octubre y noviembre, 5 actividades cada uno"


def test_the_profile_opening_names_the_state_and_titles_in_spanish(ed31, es):
    iso3 = profiles.default_country(ed31)
    name = names.state_names(ed31.member_states)[iso3]
    text = profiles.summary(ed31, iso3, name)
    assert text.startswith(f"En 2031, **{name}** (")
    assert "Dependencias participantes:" in text and "took part" not in text
    table = profiles.activity_table(ed31, iso3)
    assert set(table["scope"]) <= {"nacional", "nacional; no se indica de dónde eran los participantes"} | {
        s for s in table["scope"] if s.startswith("con ")}
    assert profiles.elsewhere_intro(2031, name).startswith("### Registradas este año, realizadas en otro año")
    assert profiles.reached_text(pd.DataFrame(index=range(26)), pd.DataFrame(index=range(9)),
                                 pd.DataFrame(index=range(35)), 2014) == (
        "**26 de los 35 Estados Miembros** recibieron al menos una actividad en 2014; 9 no la recibieron.")


def test_rows_of_another_year_in_spanish(ed31, es):
    table = counting.elsewhere_table(ed31)
    assert table.loc[0, "held"] == "junio de 2030"
    assert counting.elsewhere_intro(1, 2031).startswith("El informe de 2031 describe además 1 actividad realizada en")
    assert dict(counting.ELSEWHERE_HEADERS)["held"] == "Cuándo se realizó"
    assert counting.COLLABORATION_HEADERS["with"] == "Con"


def test_headers_follow_the_language_each_time_they_are_read():
    assert counting.ELSEWHERE_HEADERS["title"] == "Activity"
    language.use("es")
    try:
        assert counting.ELSEWHERE_HEADERS["title"] == "Actividad"
    finally:
        language.use("en")
    assert counting.ELSEWHERE_HEADERS["title"] == "Activity"


def test_section_summary_in_spanish(ed31, es):
    sec = sections.select(ed31, "training")
    text = sections.summary_text(sec, sections.summary(sec, ed31.member_states))
    assert text.startswith("La sección **") and "Registra **" in text and "Estados Miembros**" in text
    assert sec.topic == "capacitación"


def test_double_note_and_total_label_in_spanish(es):
    label = participation.total_label("CICTE", 170, "more_than", "2014-III.b-02")
    assert label == "el total declarado por el CICTE, de más de 170 (III.b-02)"
    figure = participation.People(double=(("a", "b"),), labels={"a": "A", "b": "B"})
    assert participation.double_note(figure).startswith("suma a la vez A y B, ya que")


def test_frames_words_in_spanish(es):
    joint = pd.DataFrame({"dependency": ["CICAD", "DPS"], "joint_with": ["CICTE", ""]})
    assert list(frames.lead_label(joint)) == ["Conjunta (CICAD, CICTE)", "DPS"]
    assert list(frames.lead_label(joint, detailed=True, acronyms={"CICAD": "SE-CICAD", "CICTE": "Secretaría del CICTE",
                                                                  "DPS": "DSP"})) == [
        "SE-CICAD con Secretaría del CICTE", "DSP"]
    assert frames.indicator_label("firearms_destroyed_gtm", "GTM", {"GTM": "Guatemala"}) == (
        "Armas de fuego destruidas (Guatemala)")
    unknown = frames.indicator_label("seized_boats")
    assert unknown == "Seized boats" and isinstance(unknown, names.English)
    assert frames.humanize("technical_assistance") == "Asistencia técnica"
    assert terms.kind_label("UN body") == "órgano de las Naciones Unidas"
    assert terms.subregion_label("Caribbean") == "Caribe"
    assert terms.role_label(["partner", "funder"]) == "financiador y socio"
    assert counting.basis_label(counting.BOTH) == "detalladas y totales declarados"


def test_frames_words_unchanged_in_english():
    assert frames.indicator_label("firearms_destroyed_gtm", "GTM", {"GTM": "Guatemala"}) == "Firearms destroyed (Guatemala)"
    assert frames.humanize("technical_assistance") == "Technical assistance"
    assert terms.role_label(["partner", "funder"]) == "funder and partner"
    assert terms.kind_label("UN body") == "UN body" and counting.basis_label(counting.BOTH) == counting.BOTH


def test_series_sentences_in_spanish(ed31, es):
    editions = {2031: ed31}
    assert series.intro_text(editions, 2031, series.year_totals(editions)).startswith(
        "Por ahora solo puede compararse una edición, la de 2031")
    assert series.states_text(pd.DataFrame({2031: [1, 0, 2]}), 2031) == (
        "Estados Miembros que recibieron actividades en 2031: 2 Estados.")
    totals = pd.DataFrame({"year": [2030, 2031], "activities": [12, 1408]})
    assert series.change_text(totals) == "de 12 actividades realizadas en 2030 a 1.408 en 2031"


def test_activity_table_in_spanish_when_given_the_names(ed31, es):
    table = frames.activity_table(ed31.held, ed31.member_states, ed31.organizations, ed31.paragraphs,
                                  ed31.translations, ed31.dependency_names)
    assert "Secretaría del CICTE" in set(table["dependency"]) or "SE-CICAD" in set(table["dependency"])
    assert all(isinstance(t, names.English) for t in table["title"])  # 2031 has no reviewed Spanish titles
