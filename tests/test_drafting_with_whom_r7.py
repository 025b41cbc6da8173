"""With whom, seventh round: funders told by the money of their clause, and bodies that are
no partners (who asked, an observer). New sentences of their own, not the synthetic years'."""
from __future__ import annotations

import pytest

from hemiplan.reading import lexicon


def credited(sentence: str, lang: str | None = None):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    return sorted(c.partners), sorted(c.funders)


def proposed(sentence: str, lang: str | None = None):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    return sorted((p.role, p.name) for p in c.proposals)


# --- a body named without a cue, in a clause of money or costs, paid ---------------------

@pytest.mark.parametrize("sentence, lang", [
    ("In Quito the DPS ran a course on gang prevention; the Inter-American Development Bank took charge of the "
     "participants' airfares, and INTERPOL lent two analysts.", None),
    ("El DSP dictó en Quito un curso sobre prevención de pandillas; el Banco Interamericano de Desarrollo se hizo "
     "cargo de los pasajes aéreos de los asistentes, y la INTERPOL prestó dos analistas.", "es"),
])
def test_a_body_in_a_clause_of_costs_is_a_funder(sentence, lang):
    assert credited(sentence, lang) == (["interpol"], ["idb"])


def test_costs_that_fell_to_a_body_make_it_a_funder():
    assert credited("Twelve coroners of Belize trained in Belmopan, and the hotel costs fell to the European "
                    "Union.") == ([], ["european-union"])


def test_a_new_body_before_footed_the_bill_is_a_proposed_funder():
    assert proposed("The DPS held a clinic on arson investigation in Cayenne; the Amazon Fire Trust (AFT) footed "
                    "the bill.") == [("funder", "Amazon Fire Trust")]


def test_costs_borne_by_a_body_in_spanish_make_it_a_funder():
    assert credited("La SE-CICAD reunió en Lima a 20 químicos forenses; los viáticos corrieron por cuenta de la "
                    "Unión Europea.", "es") == ([], ["european-union"])


def test_pagadas_por_names_a_funder():
    assert credited("Las cuotas de inscripción fueron pagadas por el Banco Interamericano de Desarrollo.",
                    "es") == ([], ["idb"])


@pytest.mark.parametrize("sentence", [
    "The CICTE Secretariat reviewed money-laundering typologies with the Inter-American Development Bank in Lima.",
    "The CICTE Secretariat went through the bill on terrorism financing with the Inter-American Development Bank.",
])
def test_the_crimes_and_laws_of_the_work_are_no_money(sentence):
    assert credited(sentence) == (["idb"], [])


def test_money_named_with_its_own_funder_leaves_the_others_partners():
    assert credited("INTERPOL wrote the scenarios, and the drill took place thanks to a grant from the Government "
                    "of Canada.") == (["interpol"], ["gov-can"])
    assert credited("Ingenieros de la INTERPOL idearon las pruebas y la jornada se hizo gracias a una subvención "
                    "del Gobierno del Canadá.", "es") == (["interpol"], ["gov-can"])


# --- a noun of money opens a list of funders after "de" (Spanish) ---------------------

@pytest.mark.parametrize("sentence", [
    "El curso se dictó en Tegucigalpa gracias a una subvención voluntaria del Banco Interamericano de Desarrollo.",
    "Mediante una aportación de la Unión Europea, el DSP formó a 30 custodios penitenciarios.",
    "Una donación del Gobierno de México permitió equipar el laboratorio.",
])
def test_a_noun_of_money_opens_a_list_of_funders(sentence):
    funders = credited(sentence, "es")[1]
    assert funders and credited(sentence, "es")[0] == []


def test_a_donation_of_things_names_no_funder():
    assert credited("La Secretaría del CICTE hizo una donación de equipos a la Policía Nacional.", "es")[1] == []


def test_money_from_names_a_funder():
    assert credited("With money from the European Union, the DPS trained 40 wardens in Kingston.") == (
        [], ["european-union"])


# --- who asked for the work, or only observed it, is no partner --------------------------

@pytest.mark.parametrize("sentence, lang", [
    ("Following a request by the Government of Mexico, the DPS reviewed the prison census.", None),
    ("As the Government of Mexico had requested, the DPS reviewed the prison census.", None),
    ("A pedido del Gobierno de México, el DSP revisó el censo penitenciario.", "es"),
    ("A instancias del Gobierno de México, el DSP revisó el censo penitenciario.", "es"),
])
def test_who_asked_is_no_partner(sentence, lang):
    assert credited(sentence, lang) == ([], [])


@pytest.mark.parametrize("sentence, lang", [
    ("Thirty port officers met online in March, and INTERPOL took part as an observer.", None),
    ("Treinta oficiales portuarios sesionaron en marzo y la INTERPOL asistió en calidad de observadora.", "es"),
])
def test_an_observer_is_no_partner(sentence, lang):
    assert credited(sentence, lang) == ([], [])


# --- names ------------------------------------------------------------------------------

def test_a_name_of_two_parts_closed_by_its_acronym_is_one_body():
    assert proposed("El DSP trabajó en coordinación con la Oficina de Aduanas y Protección Fronteriza (CBP).",
                    "es") == []
    assert credited("El DSP trabajó en coordinación con la Oficina de Aduanas y Protección Fronteriza (CBP).",
                    "es") == (["cbp"], [])


def test_gafilat_by_its_spanish_name():
    assert credited("La SE-CICAD elaboró la guía en coordinación con el Grupo de Acción Financiera de "
                    "Latinoamérica.", "es") == (["gafilat"], [])


# --- people who gave the classes; the author of a standard ---------------------------------

def test_the_body_of_the_teachers_in_charge_is_a_partner():
    assert proposed("El DSP formó en Oruro a 22 enfermeras, cuyas clínicas estuvieron a cargo de médicos de la "
                    "Universidad Técnica de Oruro.", "es") == [("partner", "Universidad Técnica de Oruro")]
    assert proposed("The DPS trained 22 nurses in Oruro, the sessions in charge of physicians of the Oruro "
                    "Technical University.") == [("partner", "Oruro Technical University")]


@pytest.mark.parametrize("sentence, lang", [
    ("The DPS advised the authorities of Grenada on their prison rules, in line with the standards of the "
     "Inter-American Development Bank.", None),
    ("El DSP asesoró a las autoridades de Granada sobre sus reglamentos, conforme a las recomendaciones del "
     "Banco Interamericano de Desarrollo.", "es"),
])
def test_the_author_of_a_standard_is_no_partner(sentence, lang):
    assert credited(sentence, lang) == ([], [])


def test_stop_think_connect_by_its_name():
    assert credited("The CICTE Secretariat ran a week of talks in Lima with the campaign Stop. Think. Connect "
                    "for 300 students.")[0] == ["stop-think-connect"]


def test_a_new_body_before_a_verb_of_paying_and_a_possessive():
    assert proposed("The DPS trained 30 wardens in Nassau, and the Harbour Safety Foundation covered the participants' "
                    "travel.") == [("funder", "Harbour Safety Foundation")]
    assert proposed("El DSP formó a 30 custodios en Nassau; la Fundación Puerto Seguro asumió los gastos.",
                    "es") == [("funder", "Fundación Puerto Seguro")]


def test_financial_backing_names_a_funder():
    assert credited("With the financial backing of the European Union, the DPS trained 40 wardens.") == (
        [], ["european-union"])
    assert credited("Con el respaldo financiero de la Unión Europea, el DSP formó a 40 custodios.", "es") == (
        [], ["european-union"])


# --- more words of money: funds, an amount, a clause's first word; a cue of money that names nobody

@pytest.mark.parametrize("sentence, lang", [
    ("The European Union provided the funds for a clinic on arson in Cayenne.", None),
    ("The European Union put US$40,000 into a clinic on arson in Cayenne.", None),
    ("Funding for the clinic on arson in Cayenne came from the European Union.", None),
    ("The European Union bankrolled the clinic on arson in Cayenne.", None),
    ("La Unión Europea puso los fondos de la clínica sobre incendios en Cayena.", "es"),
    ("La Unión Europea aportó 40.000 dólares a la clínica sobre incendios en Cayena.", "es"),
    ("La clínica sobre incendios en Cayena fue auspiciada por la Unión Europea.", "es"),
])
def test_more_words_of_money(sentence, lang):
    assert credited(sentence, lang) == ([], ["european-union"])


def test_seized_funds_are_no_money():
    assert credited("The DPS traced seized funds in Cayenne with INTERPOL.") == (["interpol"], [])


def test_at_a_bodys_request_is_no_partner():
    assert credited("The DPS reviewed the arson law at INTERPOL's formal request.") == ([], [])


@pytest.mark.parametrize("sentence, lang", [
    ("The Ministry of Justice of Guyana formally requested the DPS to review its arson law.", None),
    ("The Inter-American Defense Board sent an observer to the drill in Cayenne.", None),
    ("El Ministerio de Justicia de Guyana solicitó al DSP revisar su ley sobre incendios.", "es"),
    ("La Junta Interamericana de Defensa envió un observador al simulacro de Cayena.", "es"),
])
def test_a_body_that_asked_or_sent_an_observer_is_proposed_as_no_partner(sentence, lang):
    assert proposed(sentence, lang) == [] and credited(sentence, lang) == ([], [])


def test_a_body_that_trained_people_who_asked_is_a_partner():
    assert credited("INTERPOL trained the thirty officers who requested it in Cayenne.") == (["interpol"], [])


@pytest.mark.parametrize("sentence, lang", [
    ("The Secretariat thanks the donations made available for the arson clinic by the European Union.", None),
    ("La Secretaría agradece el financiamiento otorgado para la clínica sobre incendios por la Unión Europea.",
     "es"),
])
def test_money_given_a_few_words_before_by_names_a_funder(sentence, lang):
    assert credited(sentence, lang) == ([], ["european-union"])


# --- a body whose people gave the work, named by one word ------------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("The DPS held a clinic on card skimming in Cusco for 60 shopkeepers, with fraud engineers of Visa among "
     "the speakers.", None, "Visa"),
    ("El DSP dictó en Cusco una clínica sobre clonación de tarjetas para 60 comerciantes, con ingenieros de "
     "Visa entre los ponentes.", "es", "Visa"),
])
def test_a_body_of_the_speakers_is_a_partner(sentence, lang, name):
    assert proposed(sentence, lang) == [("partner", name)]


def test_a_known_body_of_the_instructors_is_a_partner():
    assert credited("The DPS trained 40 wardens in Nassau, with two officers of INTERPOL as instructors.") == (
        ["interpol"], [])


def test_a_body_of_the_participants_stays_no_partner():
    assert credited("The DPS trained 40 officers of INTERPOL in Nassau.") == ([], [])
