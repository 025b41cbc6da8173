"""Who, where, how many and whether (issue 22): people tied to a state through a body's name
in its own language, a public audience that a word of a name does not make national, a
town's state after a comma at the start of a sentence or in brackets, verbs of going that
make a list of states the places visited (one event each), multinational attendance said
by an amount without a number or by a part of a region, asides between a subject and its
verb, a figure that totals the people named before it, a date "in the last days of" a
month, and days apart counted as sessions. Every sentence here is new (none is a fixture
year's)."""
from __future__ import annotations

import pytest

from hemiplan.ingest import done_work, draft, sentence_cues
from hemiplan.reading import lexicon, numbers

from .test_drafting import placed  # (host, countries, attendance) of one sentence
from .test_drafting_structural import drafted  # the activity rows of one paragraph


# --- whose people, where ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, people, lang, expected", [
    # a body's name with its own links ("de", "do") in an English text: its state's people
    ("A seminar in Lima gathered 25 officers of the Policía Nacional de Colombia.", 25, None,
     ("PER", "COL", "named")),
    # "Nacional" inside a university's name is not a national event's word: the public, unstated
    ("El foro que la SSM organizó con la Universidad Nacional de Asunción, en Asunción, reunió a 200 "
     "estudiantes.", 200, "es", ("PRY", "PRY", "unstated")),
    # an unknown town, a comma and its state, at the start of the sentence
    ("In Chimbote, Peru, the DPS gave a workshop to 30 fishermen.", 30, None, ("PER", "PER", "unstated")),
    # an unknown town and its state in brackets
    ("A workshop was held in Chimbote (Peru) for 30 fishermen.", 30, None, ("PER", "PER", "unstated")),
    ("Un taller celebrado en Chimbote (Perú) reunió a 30 pescadores.", 30, "es", ("PER", "PER", "unstated")),
    # a real city of a member state the place list now knows
    ("A workshop was held in Rosario for 20 prosecutors.", 20, None, ("ARG", "ARG", "unstated")),
    # a list of states joined by "and of"
    ("A course trained 30 wardens of Belize and of Guatemala.", 30, None, ("", "BLZ;GTM", "named")),
])
def test_whose_people_and_where(sentence, people, lang, expected):
    assert placed(sentence, people, lang) == expected


@pytest.mark.parametrize("sentence, people, lang, expected", [
    ("A seminar in Quito trained 60 nurses from a dozen countries.", 60, None, ("ECU", "", "multinational")),
    ("A seminar in Quito trained 60 nurses from several countries.", 60, None, ("ECU", "", "multinational")),
    ("A forum in Quito heard 60 judges representing nine states.", 60, None, ("ECU", "", "multinational")),
    ("A course in Castries enrolled 25 wardens of the Eastern Caribbean.", 25, None,
     ("LCA", "", "multinational")),
    ("Un taller en Managua reunió a 40 fiscales de toda Centroamérica.", 40, "es", ("NIC", "", "multinational")),
])
def test_multinational_attendance_without_a_number_or_by_a_part_of_a_region(sentence, people, lang, expected):
    assert placed(sentence, people, lang) == expected


# --- missions by a verb of going --------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, countries", [
    ("The ES/CICAD auditors flew on to Belize, Honduras and Panama to review the records of drug courts.",
     None, "BLZ;HND;PAN"),
    ("En mayo, auditores de la SE-CICAD viajaron a Belice, Honduras y Panamá para revisar los registros de los "
     "tribunales; la visita a Haití se aplazó.", "es", "BLZ;HND;PAN"),
])
def test_a_verb_of_going_to_several_states_is_a_mission_to_each(text, lang, countries):
    rows = drafted(text, lang)
    assert len(rows) == 1
    v = rows[0].values
    assert (v["activity_type"], v["host"], v["countries"], v["events"], v["events_basis"]) == \
        ("mission", "", countries, 3, "inferred")


# --- whether: drafted at all ------------------------------------------------------------------------

def test_the_secretariats_own_past_verb_drafts_an_event_noun_far_from_its_article():
    rows = drafted("The DPS walked wardens of the Belize Forest Department through field drills in Belmopan.")
    assert [(r.values["activity_type"], r.values["host"]) for r in rows] == [("exercise", "BLZ")]


def test_the_last_days_of_a_month_are_a_date_not_years():
    rows = drafted("In the last weeks of June, the CICAD held a workshop in Lima for 30 judges.")
    assert [(r.values["participants"], r.values["host"]) for r in rows] == [(30, "PER")]


@pytest.mark.parametrize("text, lang", [
    ("The surveyors inspected the border posts of the north.", None),             # an agent noun as subject
    ("Wardens of Belize and of Guatemala, 30 in all, patrolled the reserve.", None),   # a figure as an aside
    ("La red, cuya presidencia ejerce la SSM, sesionó en línea.", "es"),           # a relative clause as an aside
])
def test_a_past_clause_past_an_agent_noun_or_an_aside(text, lang):
    with lexicon.using(lang):
        assert done_work.past_clause(text)


# --- how many -------------------------------------------------------------------------------------

def test_a_figure_that_totals_the_people_named_before_it():
    counts = numbers.find_counts("Wardens of Belize and of Guatemala, 30 in all, patrolled the reserve.")
    assert [(c.kind, c.value) for c in counts] == [("participants", 30)]


def test_days_apart_are_sessions():
    counts = numbers.find_counts("The DPS ran the course over three weekends in Lima.")
    assert [(c.kind, c.value) for c in counts] == [("events", 3)]
    assert sentence_cues.historical("in the last three years, 40 courses") is not None


# --- second round: capitalised nouns for people, counts of states after "of", regions "across" ---

@pytest.mark.parametrize("sentence, people, expected", [
    # a known noun for people as the sentence's first word, then a body named after its state
    ("Wardens of the Belize Forest Department attended a course in Belmopan.", 20, ("BLZ", "BLZ", "named")),
    ("The meeting in Quito gathered 60 delegates of 20 countries.", 60, ("ECU", "", "multinational")),
    ("Some 40 nurses from clinics across the Caribbean met in Nassau.", 40, ("BHS", "", "multinational")),
])
def test_whose_people_second_round(sentence, people, expected):
    assert placed(sentence, people) == expected


@pytest.mark.parametrize("text, countries, events", [
    # the event noun opens the sentence, its "to" six words on
    ("Technical missions were sent by the DPS to Belize, Guyana and Suriname.", "BLZ;GUY;SUR", 3),
    # "visited" after a subject the past-clause reading does not know ("team")
    ("The CICAD's review team visited Bolivia and Uruguay in March.", "BOL;URY", 2),
])
def test_missions_without_an_event_verb_or_a_known_subject(text, countries, events):
    rows = drafted(text)
    assert [(r.values["activity_type"], r.values["countries"], r.values["events"]) for r in rows] == \
        [("mission", countries, events)]


def test_an_event_named_before_does_not_open_a_new_activity():
    rows = drafted("The DPS held a workshop in Lima for 30 judges. These workshops were held in May. "
                   "In these workshops, judges were trained on evidence.")
    assert len(rows) == 1


# --- third round: Spanish ---------------------------------------------------------------------------

def test_the_de_of_a_cue_of_a_host_is_not_from():
    assert placed("Un curso en la ciudad de Cochabamba, Bolivia, formó a 28 bomberos bolivianos.", 28, "es") == \
        ("BOL", "BOL", "named")


@pytest.mark.parametrize("text, expected", [
    ("Instruyó a 28 gendarmes en el control de fronteras.", [("participants", 28)]),     # a noun the list lacked
])
def test_spanish_counts_of_people(text, expected):
    with lexicon.using("es"):
        assert [(c.kind, c.value) for c in numbers.find_counts(text)] == expected


# --- fourth round: regions' adjectives, a second leg of one trip, workshops delivered on a trip -----

@pytest.mark.parametrize("sentence, people, lang, expected", [
    ("The seminar in Lima trained 40 Central American prosecutors.", 40, None, ("PER", "", "multinational")),
    ("A forum in Lima heard the heads of the customs services of the Andean countries.", None, None,
     ("PER", "", "multinational")),
    ("El DSP reunió en Lima a 40 fiscales sudamericanos.", 40, "es", ("PER", "", "multinational")),
])
def test_people_named_by_a_regions_adjective_or_countries(sentence, people, lang, expected):
    assert placed(sentence, people, lang) == expected


def test_a_second_leg_of_one_trip():
    assert placed("The review team flew to Belize in March and then to Panama in June.") == ("", "BLZ;PAN", "")


def test_workshops_delivered_on_a_trip_are_held_where_it_went():
    assert placed("The trainers travelled to Belize in March and to Panama in June to deliver two workshops.") == \
        ("BLZ;PAN", "BLZ;PAN", "")
