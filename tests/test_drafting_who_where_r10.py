"""Who and where (tenth round): places gone to one after another, a town that shares its name
with a member state, people tied to a state by a body of one of its provinces or towns or by
the institutions they work for, and regions that make attendance multinational. Every sentence
here is new (none is a fixture year's)."""
from __future__ import annotations

import pytest

from hemiplan.reading import entities

from .test_drafting_structural import drafted  # the activity rows of one paragraph


# --- visits one after another: one event per state, no host -----------------------------------------

@pytest.mark.parametrize("text, lang, visited", [
    ("In June a DPS pair travelled in turn to Belize, Honduras and Panama to review their prison registers.",
     None, ["BLZ", "HND", "PAN"]),
    ("Over the summer three CICTE engineers went successively to Paraguay, Uruguay and Chile to audit "
     "their emergency response teams.", None, ["CHL", "PRY", "URY"]),
    ("En abril, dos peritos del DSP viajaron sucesivamente a Honduras, Belice y Panamá para revisar los "
     "registros penitenciarios.", "es", ["BLZ", "HND", "PAN"]),
    ("En octubre, dos asesores de la SE-CICAD visitaron sucesivamente Ecuador, Colombia y Venezuela para revisar "
     "sus planes de prevención.", "es", ["COL", "ECU", "VEN"]),
])
def test_visits_one_after_another_are_one_event_per_state_with_no_host(text, lang, visited):
    [row] = drafted(text, lang)
    assert row.values["host"] == "" and row.values["countries"] == ";".join(visited)
    assert (row.values["events"], row.values["events_basis"]) == (len(visited), "inferred")


# --- a town named like a state, a capital or another state's town: the place after it says where ---

@pytest.mark.parametrize("text, lang, host", [
    # a province, state or department after the town
    ("The DPS gave a course in Kingston, Ontario, in May to 30 Jamaican and Canadian dispatchers.", None, "CAN"),
    ("The CICTE ran a drill in La Paz, Baja California Sur, in June for 25 Mexican harbour pilots.", None, "MEX"),
    # a noun of a place before it
    ("El DSP dictó en Trinidad, capital del departamento del Beni, un taller para 40 maestros en abril.",
     "es", "BOL"),
    ("El DSP dictó un taller en Villarrica, departamento del Guairá, para 30 guardaparques en mayo.",
     "es", "PRY"),
    # a state's own name, alone after the town
    ("The DPS held a course in Santiago, Dominican Republic, for 30 traffic wardens in March.", None, "DOM"),
])
def test_a_town_named_with_the_place_of_another_state_is_in_that_state(text, lang, host):
    [row] = drafted(text, lang)
    assert row.values["host"] == host


def test_a_list_of_states_is_no_town_of_the_next():
    [row] = drafted("The DPS trained 30 wardens from Trinidad, Jamaica and Barbados in May.")
    assert row.values["countries"] == "BRB;JAM;TTO" and row.values["attendance"] == "named"


def test_a_town_named_with_its_state_gives_that_state_to_its_other_mentions():
    """'the San Juan Municipal Guard … in San Juan, Argentina': the ambiguous name, settled once."""
    m = entities.country_matcher()
    found = m.find("Twelve officers of the San Juan Municipal Guard met in San Juan, Argentina.")
    assert [code for _, code, _ in found] == ["ARG", "ARG", "ARG"]


@pytest.mark.parametrize("text, lang, host", [
    ("Twenty patrol officers of Belize drilled in Belmopan, Belize, in May under DPS guidance, with radios "
     "lent by the IOM office in Panama.", None, "BLZ"),
    ("Treinta agentes de Guatemala practicaron en Flores, Guatemala, en mayo con el DSP, con lectores de la "
     "oficina regional en Panamá de la OIM.", "es", "GTM"),
])
def test_where_a_body_sits_is_not_where_the_work_was(text, lang, host):
    [row] = drafted(text, lang)
    assert row.values["host"] == host


# --- whose people: at work in a state's institutions, of a unit of its body, of a trade by name ------

@pytest.mark.parametrize("text, lang, countries", [
    ("Twelve statisticians working for the regional health agencies of Uruguay and Paraguay met at a DPS "
     "workshop in Montevideo in May.", None, "PRY;URY"),
    ("Eighteen chemists attached to the customs laboratories of Honduras joined a CICTE course in "
     "Tegucigalpa in June.", None, "HND"),
    ("The DPS trained 25 officers of the marine unit of the Belize Police Department in Belize City in "
     "April.", None, "BLZ"),
    ("The CICTE advised nine legal officers and court clerks of Grenada in St. George's in March.", None, "GRD"),
    ("Quince analistas que trabajan en las unidades de inteligencia financiera de Panamá y Costa Rica "
     "asistieron en mayo a un taller del DSP en San José.", "es", "CRI;PAN"),
    ("En abril, el DSP formó en Tela a 40 agentes de fronteras y migración hondureños.", "es", "HND"),
    ("Doce peritos que se desempeñan en los laboratorios forenses nacionales de Perú y Ecuador se formaron en "
     "Lima en julio en un curso del DSP.", "es", "ECU;PER"),
    ("La SE-CICAD capacitó en Managua a 20 oficiales de la unidad antinarcóticos de la Policía Nacional de "
     "Nicaragua en agosto.", "es", "NIC"),
])
def test_people_tied_to_a_state_by_where_they_work_are_its_people(text, lang, countries):
    [row] = drafted(text, lang)
    assert row.values["countries"] == countries and row.values["attendance"] == "named"


def test_a_body_named_with_its_acronym_keeps_its_state_out_of_the_people():
    [row] = drafted("En junio, el DSP capacitó en Tegucigalpa a 30 peritos de seis Estados Miembros de "
                    "Centroamérica, con instructores que envió la Administración de Control de Drogas (DEA) "
                    "de los Estados Unidos.", "es")
    assert row.values["attendance"] == "multinational" and row.values["countries"] == ""


# --- multinational: people of a region, its states not named -----------------------------------------

@pytest.mark.parametrize("text", [
    "In May the CICAD coached more than 90 school counsellors scattered across the Caribbean in an online course.",
    "The CICTE held a webinar in June for 200 bank compliance officers from throughout the hemisphere.",
    "Thirty-five coroners from the Andean subregion took a DPS course online in March.",
])
def test_people_of_a_region_whose_states_are_not_named_are_multinational(text):
    [row] = drafted(text)
    assert row.values["attendance"] == "multinational" and row.values["countries"] == ""


def test_at_sea_off_a_town_of_a_state_is_there():
    [row] = drafted("The DPS ran a boarding drill off Speightstown, Barbados, in July for 20 coast guard officers.")
    assert row.values["host"] == "BRB"
