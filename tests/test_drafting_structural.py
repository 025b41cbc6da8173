"""Drafting read by structure, not by lists of phrases (issue 22, items 3-5): done work
known by a finite past verb after its subject, the Secretariat's own clauses, joint work
and co-subjects by the verb's form, organisations named without a cue, the people who
gave a course in Spanish. Every sentence here is new (none is a fixture year's)."""
from __future__ import annotations

import pytest

from hemiplan.ingest import credit, done_work, draft, past_tense
from hemiplan.reading import lexicon

from .test_drafting import placed  # (host, countries, attendance) of one sentence


def drafted(text: str, lang: str | None = None):
    """The activity rows drafted from one paragraph of text."""
    body = ("I. INTRODUCTION\n\nOpening.\n\nII. NATIONAL STRATEGIES\n\n" if lang is None else
            "I. INTRODUCCIÓN\n\nApertura.\n\nII. ESTRATEGIAS NACIONALES\n\n") + text + "\n"
    return [r for r in draft.draft(body, 2052, language=lang).rows if r.table == "activities"]


def credited(sentence: str, lang: str | None = None):
    with lexicon.using(lang):
        c = credit.credit(sentence)
    return sorted(c.partners), sorted(c.funders), sorted((p.role, p.name) for p in c.proposals)


# --- a finite past verb, by its form ---------------------------------------------------------------

@pytest.mark.parametrize("word, english, past", [
    ("codified", True, True), ("overhauled", True, True), ("swore", True, True), ("withdrew", True, True),
    ("planned", True, False), ("postponed", True, False), ("need", True, False), ("hundred", True, False),
    ("suscribieron", False, True), ("reforzó", False, True), ("compusieron", False, True), ("dispuso", False, True),
    ("aplazó", False, False), ("solicitaron", False, False), ("taller", False, False),
])
def test_a_past_verb_is_known_by_its_form(word, english, past):
    assert past_tense.is_past(word, english) is past


@pytest.mark.parametrize("text, lang, yes", [
    ("The DPS and the Nordic Institute for Border Studies (NIBS) codified a protocol on container checks.", None,
     True),
    ("Acting together, the ES/CICAD and the CICTE Secretariat overhauled the regional curriculum.", None, True),
    ("The Secretary for Multidimensional Security and the Mayor of Quito unveiled a plaque.", None, True),
    ("With the support of the DPS, 30 wardens completed a course.", None, False),
    ("La SE-CICAD y la Fundación Horizonte Abierto suscribieron una carta de intención.", "es", True),
    ("La Secretaría del CICTE aplazó su visita a Belice.", "es", False),
])
def test_the_secretariat_as_subject_of_a_past_verb(text, lang, yes):
    with lexicon.using(lang):
        assert done_work.by_secretariat(text) is yes


# --- sentences without figures drafted by their structure ------------------------------------------

@pytest.mark.parametrize("text, lang, atype", [
    ("In Quito in May 2052, the CICTE Secretariat and the Andean Port Authority (APA) codified a protocol on "
     "container screening.", None, "agreement"),
    ("The SMS and Eurojust wrote down how they will share case files on human trafficking.", None, "agreement"),
    ("En Quito, la SSM y la Fundación Horizonte Abierto suscribieron una hoja de ruta sobre prevención del delito.",
     "es", "agreement"),
])
def test_work_the_secretariat_did_with_another_body_is_drafted(text, lang, atype):
    rows = drafted(text, lang)
    assert len(rows) == 1 and rows[0].values["activity_type"] == atype


def test_a_past_verb_after_a_noun_for_people_makes_a_reported_event_done_work():
    rows = drafted("Liaison officers of nine Caribbean States gathered online in June 2052 for the yearly "
                   "meeting of the regional network, which the SMS coordinates.")
    assert len(rows) == 1 and rows[0].values["activity_type"] == "meeting"


@pytest.mark.parametrize("text, lang", [
    ("The DPS postponed its mission to Belize until the following year.", None),
    ("The SMS planned a regional meeting on prison security.", None),
    ("La SSM aplazó la reunión regional sobre seguridad penitenciaria.", "es"),
])
def test_work_put_off_or_planned_is_not_drafted(text, lang):
    assert drafted(text, lang) == []


def test_two_dependencies_as_subject_of_any_past_verb_are_joint_work():
    rows = drafted("The ES/CICAD and the DPS coached 20 Paraguayan prosecutors in Asunción.")
    assert rows[0].values["joint_with"] == "DPS"


def test_missions_in_several_states_have_no_one_host():
    rows = drafted("The DPS carried out assessment missions in Belize, Guyana and Suriname.")
    assert rows[0].values["host"] == "" and rows[0].values["countries"] == "BLZ;GUY;SUR"


# --- who gave it, in Spanish -------------------------------------------------------------------------

def test_people_who_gave_a_course_are_not_its_participants_in_spanish():
    rows = drafted("La SE-CICAD ofreció en Lima un taller impartido por tres fiscales chilenos a 30 policías "
                   "peruanos.", "es")
    assert [r.values["participants"] for r in rows] == [30]


# --- organisations named without a cue ---------------------------------------------------------------

def test_an_organisation_named_without_a_cue_is_proposed():
    _, _, proposals = credited("Forty wardens from Belize finished a course in Belmopan that the DPS ran side by "
                               "side with the Scandinavian Correctional Academy; Norvik Data lent the servers.")
    assert proposals == [("partner", "Norvik Data"), ("partner", "Scandinavian Correctional Academy")]


def test_a_body_before_a_verb_of_money_is_a_funder():
    _, _, proposals = credited("The DPS trained 30 coast guards in Kingston; the Halvorsen Foundation bankrolled "
                               "the course.")
    assert proposals == [("funder", "Halvorsen Foundation")]


def test_a_name_closed_by_its_acronym_keeps_its_commas():
    _, _, proposals = credited("The DPS taught the course with the Office of Ports, Harbours and Waterways (OPHW).")
    assert proposals == [("partner", "Office of Ports, Harbours and Waterways")]


@pytest.mark.parametrize("sentence", [
    "The DPS ran a course for 25 officers of the Nordic Customs Agency (NCA) in Kingston.",       # whose people
    "At the request of the Andean Prosecutors Association (APA), the SMS reviewed its rules.",    # who asked
    "The DPS reviewed the prison rules of Belize for the Ministry of Home Affairs of Belize.",    # whom it served
    "Chile's Investigations Police sent 20 detectives to a course that the DPS gave in Lima.",   # a state's own
    "The DPS organized the First Summit of Police Academies (SPA) in Lima.",                     # an event
])
def test_whose_people_who_asked_and_events_are_not_proposed(sentence):
    assert credited(sentence)[2] == []


def test_an_organisation_named_without_a_cue_in_spanish():
    _, _, proposals = credited("La SE-CICAD congregó en Lima a 40 fiscales, con la orientación del Observatorio "
                               "Andino de Delitos y Mercados Ilícitos (OADMI).", "es")
    assert proposals == [("partner", "Observatorio Andino de Delitos y Mercados Ilícitos")]


# --- hosts and whose people, by the shape of the place --------------------------------------------



@pytest.mark.parametrize("sentence, people, lang, expected", [
    # a town the lists do not know, then its state
    ("The DPS ran a workshop in Villa Tercera, Panama, for 30 planners from Colombia and Ecuador.", 30, None,
     ("PAN", "COL;ECU", "named")),
    # a venue named after a town the lists know
    ("The DPS taught 25 wardens at the Police Academy of Guadalajara in May.", 25, None, ("MEX", "MEX", "unstated")),
    # a town no list knows, for the people of one state
    ("The DPS coached 18 Guatemalan police officers in Tzununá on violence prevention.", 18, None,
     ("GTM", "GTM", "named")),
    ("La SE-CICAD capacitó en Ixchiguán a 22 fiscales guatemaltecos.", 22, "es", ("GTM", "GTM", "named")),
    # a state's body, by its possessive, that sent its people
    ("Peru's National Prison Institute sent 35 prison officers to a course that the DPS gave online.", 35, None,
     ("", "PER", "named")),
])
def test_hosts_and_people_by_the_shape_of_the_place(sentence, people, lang, expected):
    assert placed(sentence, people, lang) == expected


@pytest.mark.parametrize("sentence, people, lang, expected", [
    # people named by an agent noun the lists do not hold, of a state's body
    ("The DPS met in Asunción with 14 cartographers of Paraguay's Ministry of Public Works on a risk map.", 14, None,
     ("PRY", "PRY", "named")),
    # people of a region after "de" and its article joined ("del Caribe")
    ("La SE-CICAD dictó en línea un curso que siguieron 35 auditores de los tribunales de cuentas del Caribe.", 35,
     "es", ("", "", "multinational")),
    # a state after a body's name and "de" is part of the name, not whose people took part
    ("En Quito, el DSP capacitó a 40 funcionarios de varios Estados Miembros con la ayuda de la Guardia Civil de "
     "México.", 40, "es", ("ECU", "", "multinational")),
])
def test_whose_people_by_agent_nouns_regions_and_names(sentence, people, lang, expected):
    assert placed(sentence, people, lang) == expected


def test_a_body_with_a_word_of_its_own_before_its_head_is_proposed_a_generic_one_not():
    _, _, proposals = credited("The DPS reviewed the prison rules of Belize; the Pacific Islands Secretariat lent "
                               "two advisers and the National Police hosted the visit.")
    assert proposals == [("partner", "Pacific Islands Secretariat")]


def test_a_name_joined_by_and_is_one_name_and_an_appositive_no_second_one():
    _, _, proposals = credited("The SMS ran a seminar in Lima together with Nordpol, the Nordic Police and Customs "
                               "Cooperation Office, for 30 officers.")
    assert proposals == [("partner", "Nordpol")]
    _, _, proposals = credited("The DPS trained 20 officers in Lima; the Andean Ports and Harbours Authority "
                               "provided the vessels.")
    assert proposals == [("partner", "Andean Ports and Harbours Authority")]


def test_a_foreign_government_before_a_verb_of_money_is_a_funder():
    _, _, proposals = credited("The DPS trained 25 customs officers in Lima, a course which the Government of "
                               "Norway paid for.")
    assert proposals == [("funder", "Government of Norway")]


def test_a_cost_met_by_a_body_makes_it_a_funder():
    assert credited("The SMS held a workshop for 30 judges in Quito; their travel was covered by the "
                    "Inter-American Development Bank.")[:2] == ([], ["idb"])


def test_a_dependency_that_did_the_work_with_another_is_joint_work():
    rows = drafted("The CICTE Secretariat partnered with the DPS to train 24 Jamaican port officers in Kingston.")
    assert rows[0].values["joint_with"] == "DPS"


def test_a_one_word_body_that_did_the_work_with_a_dependency_is_proposed():
    assert credited("In Oslo, the SMS and Nordpolis drew up a plan to share alerts on stolen vehicles.")[2] == [
        ("partner", "Nordpolis")]


def test_the_body_whose_people_gave_the_course_is_a_partner():
    assert credited("The DPS held a course in Lima for 30 officers, taught by officers of the Inter-American "
                    "Development Bank.")[0] == ["idb"]


def test_a_states_government_after_de_is_the_state_not_a_name():
    assert placed("El DSP capacitó en Lima a 30 policías peruanos en un curso auspiciado por el Gobierno de los "
                  "Estados Unidos.", 30, "es")[0] == "PER"


def test_work_called_off_is_neither_host_nor_served():
    assert placed("Three DPS auditors spent four days in each of Dominica, Jamaica and Guyana in May; the same "
                  "audit in Belize was called off by its authorities.") == ("", "DMA;GUY;JAM", "")


def test_a_regional_body_named_in_the_sentence_does_not_make_attendance_multinational():
    assert placed("In Belmopan, the DPS drilled 25 police officers, with equipment from the Caribbean Regional "
                  "Centre for Policing.", 25) == ("BLZ", "BLZ", "unstated")
