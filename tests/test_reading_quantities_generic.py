"""How many people and how many events, read generically (hemiplan.reading.amounts): ranges,
collective number words, qualifiers after a figure, runs of an event and events said by a
list of places, in English and Spanish; and numbers that are not counts of people stay so.
Every sentence here is new: none is copied from a fixture report."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hemiplan.data import schema
from hemiplan.reading import lexicon, numbers


def counts(text, code=None):
    with lexicon.using(code):
        return numbers.find_counts(text)


def people(text, code=None):
    found = [c for c in counts(text, code) if c.kind == "participants"]
    assert len(found) == 1, (text, found)
    return found[0].value, found[0].qualifier


def events(text, code=None):
    return [(c.value, c.activity_type) for c in counts(text, code) if c.kind == "events"]


QUALIFIERS = set(schema.vocabulary("activities", "participants_qualifier"))


# --- ranges: the low end, at least ------------------------------------------------------------

@pytest.mark.parametrize("text, code, value", [
    ("The school enrolled 25 to 30 forensic chemists for the term.", None, 25),
    ("A clinic coached 80–95 border guards on document fraud.", None, 80),
    ("Roughly between 140 and 160 harbour inspectors joined the drill.", None, 140),
    ("Eighteen to twenty magistrates met in the capital.", None, 18),
    ("El curso reunió de 35 a 38 peritos contables.", "es", 35),
    ("Participaron entre 120 y 130 inspectores del litoral.", "es", 120),
    ("Asistieron entre quince y veinte defensores públicos.", "es", 15),
])
def test_a_range_of_people_is_at_least_its_low_end(text, code, value):
    assert people(text, code) == (value, "at_least")


@pytest.mark.parametrize("text, code, value", [
    ("Its roll of volunteers rose from 20 to 35 members over the year.", None, 35),
    ("La red pasó de 12 a 19 miembros activos.", "es", 19),
])
def test_a_change_from_one_figure_to_another_is_not_a_range(text, code, value):
    assert people(text, code) == (value, "exact")


# --- collective number words ------------------------------------------------------------------

@pytest.mark.parametrize("text, code, value, qualifier", [
    ("The unit hosted a dozen wildlife inspectors.", None, 12, "exact"),
    ("It coached two dozen coastguard cadets.", None, 24, "exact"),
    ("Half a dozen auditors reviewed the ledgers.", None, 6, "exact"),
    ("About a dozen auditors attended.", None, 12, "approx"),
    ("A score of technicians signed up.", None, 20, "exact"),
    ("A couple of archivists catalogued the files.", None, 2, "approx"),
    ("Hundreds of volunteers followed the broadcast.", None, 100, "more_than"),
    ("Dozens of schoolteachers took the online module.", None, 12, "more_than"),
    ("El taller formó a una docena de fiscales.", "es", 12, "exact"),
    ("Acudieron un centenar de bomberos forestales.", "es", 100, "approx"),
    ("Medio centenar de agentes forestales completó el curso.", "es", 50, "approx"),
    ("Una veintena de peritos balísticos se capacitó.", "es", 20, "approx"),
    ("Decenas de investigadores siguieron la transmisión.", "es", 10, "more_than"),
    ("Unas dos docenas de archivistas asistieron.", "es", 24, "approx"),
])
def test_collective_number_words(text, code, value, qualifier):
    assert people(text, code) == (value, qualifier)


# --- qualifiers after the figure, and before it -------------------------------------------------

@pytest.mark.parametrize("text, code, value, qualifier", [
    ("The drill drew 70 or so firefighters.", None, 70, "approx"),
    ("Some 200-odd volunteers registered.", None, 200, "approx"),
    ("The forum hosted 90 odd curators.", None, 90, "approx"),
    ("It certified 45 or more dispatchers.", None, 45, "more_than"),
    ("The call reached 300-plus pharmacists.", None, 300, "more_than"),
    ("Upwards of 55 surveyors took part.", None, 55, "more_than"),
    ("Well over 400 cadets marched.", None, 400, "more_than"),
    ("Just under 30 translators were hired.", None, 30, "approx"),
    ("No fewer than 16 negotiators sat at the table.", None, 16, "at_least"),
    ("Se formaron cuarenta y pico guardias penitenciarios.", "es", 40, "approx"),
    ("Asistieron 60 o más inspectores sanitarios.", "es", 60, "more_than"),
    ("Poco más de 70 peritos acudieron.", "es", 70, "more_than"),
    ("Alrededor de 25 fiscales asistieron.", "es", 25, "approx"),
])
def test_qualifiers_around_a_figure_are_kept(text, code, value, qualifier):
    got = people(text, code)
    assert got == (value, qualifier) and qualifier in QUALIFIERS


# --- events: runs of one event, and one event in each place listed -----------------------------

@pytest.mark.parametrize("text, code, expected", [
    ("It held four rounds of talks with the prosecutors.", None, [(4, "meeting")]),
    ("Two further editions of the seminar were streamed.", None, [(2, "seminar")]),
    ("Three cohorts of the course graduated.", None, [(3, "course")]),
    ("Se celebraron tres rondas de negociaciones.", "es", [(3, "meeting")]),
    ("Se ofrecieron dos ediciones del diplomado.", "es", [(2, "course")]),
    ("Hubo cuatro jornadas de capacitación en la frontera.", "es", [(4, "course")]),
])
def test_runs_of_an_event_are_events_of_its_type(text, code, expected):
    assert events(text, code) == expected


def test_rounds_of_ammunition_stay_munitions():
    (c,) = counts("Police destroyed 900 rounds of ammunition.")
    assert (c.kind, c.unit) == ("other", "munitions")


@pytest.mark.parametrize("text, code, value", [
    ("An adviser spent ten days in each of Jamaica, Haiti and Belize.", None, 3),
    ("The trainers stopped at each of Kingston, Castries, Roseau and Bridgetown.", None, 4),
    ("A small team went to Peru, Chile and Bolivia in turn to inspect the labs.", None, 3),
    ("Un asesor pasó una semana en cada uno de Honduras, Panamá y Colombia.", "es", 3),
    ("El equipo viajó a Perú, Chile y Bolivia sucesivamente.", "es", 3),
])
def test_one_event_in_each_place_listed(text, code, value):
    assert events(text, code) == [(value, "other")]


def test_each_of_without_a_list_of_names_is_no_count():
    assert events("Officials in each of the ministries, agencies and courts were consulted.") == []


# --- numbers that are not counts of people -------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("The 2046–2048 programmes trained 40 inspectors.", None),
])
def test_a_span_of_years_is_no_range(text, code):
    assert [(c.value, c.kind) for c in counts(text, code)] == [(40, "participants")]


@pytest.mark.parametrize("text, code", [
    ("From 10 to 12 June officers from the ports met in the capital.", None),
    ("For 3 to 5 weeks trainees rotated through the units.", None),
    ("From 2045 to 2048 inspectors visited each port.", None),
    ("Between 9 and 11 March analysts from the unit met.", None),
    ("Durante 3 a 5 semanas fiscales adjuntos rotaron por las unidades.", "es"),
    ("De 2045 a 2048 inspectores visitaron los puertos.", "es"),
])
def test_a_range_of_dates_durations_or_years_is_no_count_of_people(text, code):
    assert [c for c in counts(text, code) if c.kind in ("participants", "events")] == []


@pytest.mark.parametrize("text, code", [
    ("After a couple of weeks officers returned to the border.", None),
    ("Half a dozen years inspectors had waited for the law.", None),
    ("Tras un par de semanas agentes de aduana volvieron.", "es"),
])
def test_a_collective_of_time_is_a_duration(text, code):
    assert [c for c in counts(text, code) if c.kind in ("participants", "events")] == []


@pytest.mark.parametrize("text, code, value, qualifier", [
    ("A hundred and forty cadets paraded.", None, 140, "exact"),
    ("Nearly a thousand schoolteachers tuned in.", None, 1000, "approx"),
    ("Several hundred volunteers registered.", None, 100, "more_than"),
    ("A few dozen inspectors were certified.", None, 12, "more_than"),
    ("Varias docenas de inspectores fueron certificados.", "es", 12, "more_than"),
])
def test_scale_words_after_an_article_or_several(text, code, value, qualifier):
    assert people(text, code) == (value, qualifier)


@pytest.mark.parametrize("text, code, value, qualifier", [
    ("Upward of 85 dispatchers enrolled.", None, 85, "more_than"),
    ("No more than 20 auditors were admitted.", None, 20, "up_to"),
    ("Not less than 14 mediators took part.", None, 14, "at_least"),
    ("At most 9 analysts could attend.", None, 9, "up_to"),
    ("In the region of 250 volunteers signed.", None, 250, "approx"),
    ("No más de 20 auditores fueron admitidos.", "es", 20, "up_to"),
    ("A lo sumo 9 analistas asistieron.", "es", 9, "up_to"),
    ("Del orden de 250 voluntarios firmaron.", "es", 250, "approx"),
])
def test_more_bounds_before_a_figure(text, code, value, qualifier):
    assert people(text, code) == (value, qualifier)


@pytest.mark.parametrize("text, code, value, qualifier", [
    ("A couple of dozen security guards enrolled.", None, 24, "approx"),
    ("A couple hundred volunteers signed up.", None, 200, "approx"),
    ("Two or three dozen inspectors came.", None, 24, "at_least"),
    ("Some 1.2 million people watched the broadcast.", None, 1_200_000, "approx"),
    ("Un par de docenas de inspectores asistió.", "es", 24, "exact"),
    ("Unos 2,5 millones de personas vieron la campaña.", "es", 2_500_000, "approx"),
])
def test_an_amount_times_a_collective_or_scale_word(text, code, value, qualifier):
    assert people(text, code) == (value, qualifier)


@pytest.mark.parametrize("text, code", [
    ("Each seat cost US$ 60 participants paid themselves.", None),
    ("A fee of €300 trainees could not meet was waived.", None),
    ("The budget of USD 1,200 officers shared was spent.", None),
    ("La cuota de US$ 60 funcionarios la pagaron ellos mismos.", "es"),
])
def test_money_is_no_count_of_people(text, code):
    assert [c for c in counts(text, code) if c.kind in ("participants", "events")] == []


@pytest.mark.parametrize("text, code", [
    ("In 2046 officers of the unit reviewed the plan.", None),
    ("Under Resolution 2231 inspectors may board vessels.", None),
    ("On 14 March officers from the port met.", None),
    ("En 2046 funcionarios de la unidad revisaron el plan.", "es"),
    ("El 14 de marzo funcionarios del puerto se reunieron.", "es"),
])
def test_years_dates_and_document_numbers_are_no_count_of_people(text, code):
    assert [c for c in counts(text, code) if c.kind in ("participants", "events")] == []


@pytest.mark.parametrize("text, code", [
    ("Bajo la resolución 2231 inspectores pueden abordar buques.", "es"),
    ("Según los artículos 14 a 19 jueces pueden ordenar el decomiso.", "es"),
    ("Under Articles 14 to 19 judges may order forfeiture.", None),
])
def test_a_figure_after_a_document_word_names_the_document(text, code):
    assert [c for c in counts(text, code) if c.kind in ("participants", "events")] == []


def test_a_list_of_places_adds_no_events_to_a_stated_number():
    assert events("It held two workshops, one in each of Guyana and Belize.") == [(2, "workshop")]


@pytest.mark.parametrize("text, value", [
    ("A 25-strong delegation of judges toured the courts.", 25),
    ("A nine-member team of auditors reviewed the accounts.", 9),
])
def test_the_size_of_a_group_of_people(text, value):
    assert people(text) == (value, "exact")



@settings(max_examples=60, deadline=None)
@given(low=st.integers(2, 1800), gap=st.integers(1, 90),
       form=st.sampled_from([("{a} to {b} inspectors", None), ("between {a} and {b} inspectors", None),
                             ("{a}–{b} inspectors", None), ("de {a} a {b} inspectores", "es"),
                             ("entre {a} y {b} inspectores", "es")]))
def test_any_range_of_people_is_at_least_its_low_end(low, gap, form):
    text, code = form
    assert people("They trained " + text.format(a=low, b=low + gap) + ".", code) == (low, "at_least")


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 1899), form=st.sampled_from([
    ("{n} or so inspectors", None, "approx"), ("{n}-odd inspectors", None, "approx"),
    ("{n} or more inspectors", None, "more_than"), ("upwards of {n} inspectors", None, "more_than"),
    ("{n} o más inspectores", "es", "more_than"), ("unos {n} inspectores", "es", "approx")]))
def test_any_figure_keeps_its_qualifier(n, form):
    text, code, qualifier = form
    assert people("They trained " + text.format(n=n) + ".", code) == (n, qualifier)


@pytest.mark.parametrize("text, value", [
    ("Se formó a 30 mediadoras comunitarias.", 30),
    ("Asistieron 14 supervisoras de turno.", 14),
    ("Participaron 22 conductoras de ambulancia.", 22),
])
def test_a_feminine_agent_noun_names_people(text, value):
    assert people(text, "es") == (value, "exact")


@pytest.mark.parametrize("text", [
    "Se donaron 20 impresoras y 12 lectoras biométricas.",
    "Llegaron 8 fotocopiadoras nuevas.",
])
def test_machines_with_a_feminine_agent_ending_are_not_people(text):
    assert [c for c in counts(text, "es") if c.kind == "participants"] == []


@pytest.mark.parametrize("text, value", [
    ("The fisheries service trained 20 fishermen.", 20),
    ("A forum gathered 12 businesswomen.", 12),
    ("It certified 8 chairpersons of review boards.", 8),
    ("The drill involved 15 nurses.", 15),
])
def test_more_english_nouns_for_people(text, value):
    assert people(text) == (value, "exact")


def test_a_singular_in_men_is_not_people():
    assert [c.kind for c in counts("The lab kept 5 specimen jars.")] != ["participants"]


@pytest.mark.parametrize("text, code", [
    ("The academy ran two cohorts of 30 cadets.", None),
    ("La academia formó dos cohortes de 30 cadetes.", "es"),
])
def test_cohorts_are_runs_of_a_course(text, code):
    assert events(text, code) == [(2, "course")] and people(text, code) == (30, "exact")


@pytest.mark.parametrize("text, value, qualifier", [
    ("A half-dozen inspectors joined.", 6, "exact"),
    ("A hundred-odd cadets paraded.", 100, "approx"),
])
def test_hyphenated_collectives(text, value, qualifier):
    assert people(text) == (value, qualifier)



def test_a_collective_of_two_words_written_with_more_white_space():
    assert people("A half  dozen inspectors joined.") == (6, "exact")
