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
