"""Member states and SMS dependencies found in text (hemiplan.entities): every trap
listed in DESIGN.md, and the gazetteer's own rules."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hemiplan.data import csvio
from hemiplan.reading import entities
from hemiplan import ingest, paths
from hemiplan.reading.entities import dependencies_in, member_states_in


@pytest.mark.parametrize("text,expected", [
    # Dominica is not the Dominican Republic
    ("a follow-up visit to Dominica in May", ["DMA"]),
    ("held in Dominican Republic in November", ["DOM"]),
    ("the Dominican Republic and Dominica", ["DMA", "DOM"]),
    ("Commonwealth of Dominica", ["DMA"]),
    # cities stand for their countries
    ("workshops in Washington, DC (October) and Bogota, Colombia (November)", ["COL", "USA"]),
    ("a workshop held in Bogota", ["COL"]),
    ("a seminar in Lima", ["PER"]),
    ("approved by the Commission during its meeting in Guatemala City", ["GTM"]),
    ("the working group met in Washington, DC", ["USA"]),
    ("met in Washington, D.C. in April", ["USA"]),
    ("a Regional Workshop held in Miami for Central American countries", ["USA"]),
    ("in cooperation with the association in Vancouver", ["CAN"]),
    ("a course in Port-of-Spain", ["TTO"]),
    # a currency is not a mention of its state
    ("a budget of US$4.2 million for its first year", []),
    ("EC$ 15,000 from the US and C$ 20,000 from Canada", ["CAN", "USA"]),
    ("a course in Port of Spain", ["TTO"]),
    ("the REDTRAC facility in Spanish Town", ["JAM"]),
    ("the REDTRAC facility in Spanish Town, Jamaica", ["JAM"]),
    # places that are not member states
    ("the Ministry of Defense of Spain", []),
    ("technical support from the Government of France", []),
    ("the French Customs Intelligence unit in Martinique", []),
    ("the Government of St. Maarten", []),
    ("the Meridian Conference in Tokyo, Japan", []),
    ("the WEF Annual Meeting (Davos, 2015)", []),
    ("the Summit on the Global Agenda (Dubai, 2014)", []),
    ("Bangkok, Thailand", []),
    ("French Guiana", []),
    # spellings
    ("St. Kitts and Nevis", ["KNA"]),
    ("St Kitts & Nevis", ["KNA"]),
    ("Saint Kitts and Nevis", ["KNA"]),
    ("Trinidad & Tobago", ["TTO"]),
    ("Trinidad and Tobago", ["TTO"]),
    ("The seminar took place in Trinidad", ["TTO"]),
    ("officers from The Bahamas", ["BHS"]),
    ("seminars in the Bahamas, Costa Rica and Peru", ["BHS", "CRI", "PER"]),
    ("Antigua and Barbuda, Bahamas, Guatemala", ["ATG", "BHS", "GTM"]),
    ("St. Lucia and St. Vincent and the Grenadines", ["LCA", "VCT"]),
    ("the Declaration of Antigua, Guatemala", ["GTM"]),
    # headings in capitals, demonyms, institutions
    ("SEMINAR IN TRINIDAD AND TOBAGO", ["TTO"]),
    ("the Colombian National Police", ["COL"]),
    ("a Canada-funded project", ["CAN"]),
    ("Georgetown University", ["USA"]),
    ("the Inter-American Development Bank and the Organization of American States", []),
    ("Mexico City and New Mexico", ["MEX", "USA"]),
])
def test_member_states(text, expected):
    assert member_states_in(text) == expected


def test_matching_is_case_sensitive_on_word_boundaries():
    assert member_states_in("the dominican order; peruvian food") == []
    assert member_states_in("Dominicans") == []
    assert member_states_in("Perus") == []


def test_only_member_states_are_returned():
    members = set(csvio.read_text_table(paths.REFERENCE / "member_states.csv")["iso3"])
    text = " ".join(csvio.read_text_table(paths.REFERENCE / "places.csv")["alias"])
    assert set(member_states_in(text)) <= members


def test_gazetteer_is_sorted_and_every_row_has_a_note():
    places = csvio.read_text_table(paths.REFERENCE / "places.csv")
    assert list(places["alias"]) == sorted(places["alias"])
    assert places["alias"].is_unique
    assert (places["note"].str.strip() != "").all()


def test_every_member_state_is_found_by_its_name():
    ms = csvio.read_text_table(paths.REFERENCE / "member_states.csv")
    for iso3, name in zip(ms["iso3"], ms["name"]):
        assert member_states_in(f"A seminar in {name} took place.") == [iso3], name


def test_membership_is_by_year():
    assert "NIC" in ingest.members_in_year(2014)
    assert "NIC" not in ingest.members_in_year(2025)
    table = ingest.paragraphs_table("I. Introduction\n· Officials from Nicaragua and Honduras met.\n", 2025,
                                    members=ingest.members_in_year(2025))
    assert table["countries"].tolist() == ["HND"]


@pytest.mark.parametrize("text,expected", [
    ("the ES/CICAD delivered", ["CICAD"]),
    ("ES-CICAD, through the Drug Treatment Courts", ["CICAD"]),
    ("the Executive Secretariat of the Inter-American Drug Abuse Control Commission", ["CICAD"]),
    ("the CICTE/UNICRI partnership", ["CICTE"]),
    ("the Committee against Terrorism (CICTE)", ["CICTE"]),
    ("the DSP has supported the Council", ["DPS"]),
    ("the Department of Public Security", ["DPS"]),
    ("the SMS/OAS developed", ["SMS"]),
    ("the OAS signed", []),
])
def test_dependencies(text, expected):
    assert dependencies_in(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_finders_never_crash(text):
    assert isinstance(member_states_in(text), list)
    assert isinstance(dependencies_in(text), list)
    for alias, code, offset in entities.country_matcher().find(text):
        assert text[offset:offset + len(alias)] == alias
