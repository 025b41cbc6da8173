"""With whom, ninth round: the role of a body named without a cue read from its own part of
the clause, things given free, observers named by their acronym, money adverbs and
participles, beneficiaries of goods handed over, bodies named by a common noun, by one
word opening a clause or by their state's possessive. New sentences of their own, not the
synthetic years' nor the real report's; each shape in English and Spanish, with a
near-miss that must not fire."""
from __future__ import annotations

import pytest

from hemiplan.ingest import credit
from hemiplan.reading import lexicon


def read(sentence: str, lang: str | None = None) -> credit.Credit:
    with lexicon.using(lang):
        return credit.credit(sentence)


def proposed(c: credit.Credit) -> set[tuple[str, str]]:
    return {(p.role, p.name) for p in c.proposals}


# --- two bodies, each with its own verb, in one clause: each verb decides its body's role ------------

@pytest.mark.parametrize("sentence, lang, partner, funder", [
    ("The DPS trained 30 park rangers in Cobán; the Andean Heritage Institute drafted the syllabus and the "
     "Nordic Aid Agency (NAA) met the hotel costs.", None, "Andean Heritage Institute", "Nordic Aid Agency"),
    ("The DPS trained 30 park rangers in Cobán; the Andean Heritage Institute co-wrote the syllabus and the "
     "Nordic Aid Agency (NAA) paid the hotel costs.", None, "Andean Heritage Institute", "Nordic Aid Agency"),
    ("El DSP capacitó a 30 guardaparques en Cobán; la Fundación Horizonte Austral diseñó los módulos y la "
     "Agencia Báltica de Cooperación (ABC) pagó el hospedaje.", "es", "Fundación Horizonte Austral",
     "Agencia Báltica de Cooperación"),
])
def test_each_body_with_its_own_verb_owns_its_part_of_the_clause(sentence, lang, partner, funder):
    assert proposed(read(sentence, lang)) == {("partner", partner), ("funder", funder)}


@pytest.mark.parametrize("sentence, lang", [
    ("The DPS trained 30 park rangers in Cobán; Microsoft and the European Union paid the hotel costs.", None),
    ("El DSP capacitó a 30 guardaparques en Cobán; Microsoft y la Unión Europea pagaron el hospedaje.", "es"),
])
def test_two_subjects_of_one_verb_of_money_both_paid(sentence, lang):
    c = read(sentence, lang)
    assert c.funders == {"microsoft", "european-union"} and c.partners == set()


def test_two_known_bodies_each_with_its_own_verb():
    c = read("The DPS trained 30 park rangers in Cobán; Microsoft drafted the syllabus and the European Union "
             "paid the hotel costs.")
    assert c.partners == {"microsoft"} and c.funders == {"european-union"}


# --- a thing given free is no money: the body that gave it is a partner in kind ----------------------

@pytest.mark.parametrize("sentence, lang", [
    ("The CICTE Secretariat ran a webinar for 90 bank auditors; Microsoft lent its cloud lab at no cost.", None),
    ("The CICTE Secretariat ran a webinar for 90 bank auditors; Microsoft lent its cloud lab free of charge.", None),
    ("La Secretaría del CICTE dictó un seminario web a 90 auditores bancarios; Microsoft prestó sin cargo su "
     "laboratorio en la nube.", "es"),
    ("La Secretaría del CICTE dictó un seminario web a 90 auditores bancarios; Microsoft prestó de forma "
     "gratuita su laboratorio en la nube.", "es"),
])
def test_a_thing_given_free_makes_a_partner_not_a_funder(sentence, lang):
    c = read(sentence, lang)
    assert c.partners == {"microsoft"} and c.funders == set()


@pytest.mark.parametrize("sentence, lang", [
    ("The CICTE Secretariat ran a webinar for 90 bank auditors; Microsoft covered the cost of the cloud lab.", None),
    ("La Secretaría del CICTE dictó un seminario web a 90 auditores bancarios; Microsoft pagó el costo del "
     "laboratorio.", "es"),
])
def test_a_cost_that_was_paid_still_makes_a_funder(sentence, lang):
    assert read(sentence, lang).funders == {"microsoft"}


# --- an observer named by its acronym in brackets is no partner, nor a funder of the clause's money -----

@pytest.mark.parametrize("sentence, lang", [
    ("The SMS gathered 40 focal points in Quito; the Inter-American Development Bank (IDB) sat in as an "
     "observer and the European Union paid the delegates' airfares.", None),
    ("La SSM reunió a 40 puntos focales en Quito; el Banco Interamericano de Desarrollo (BID) estuvo presente "
     "como observador y la Unión Europea pagó los pasajes de los delegados.", "es"),
])
def test_an_observer_named_with_its_acronym_is_no_partner(sentence, lang):
    c = read(sentence, lang)
    assert c.funders == {"european-union"} and "idb" not in c.partners | c.funders


def test_a_body_with_its_acronym_that_did_work_is_still_a_partner():
    c = read("The SMS gathered 40 focal points in Quito; the Inter-American Development Bank (IDB) chaired "
             "the second panel.")
    assert c.partners == {"idb"}


# --- money said by an adverb or a participle after a body ----------------------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("The DPS held a forum on youth gangs in Tela; the Swedish Rural Agency (SRA) backed the forum "
     "financially.", None, "Swedish Rural Agency"),
    ("El DSP realizó un foro sobre pandillas juveniles en Tela; la Agencia Sueca de Desarrollo Rural (ASDR) "
     "apoyó financieramente el foro.", "es", "Agencia Sueca de Desarrollo Rural"),
    ("El DSP realizó un foro sobre pandillas juveniles en Tela; la Agencia Sueca de Desarrollo Rural (ASDR) "
     "respaldó económicamente el foro.", "es", "Agencia Sueca de Desarrollo Rural"),
])
def test_an_adverb_of_money_makes_a_funder(sentence, lang, name):
    assert proposed(read(sentence, lang)) == {("funder", name)}


def test_support_without_an_adverb_of_money_makes_a_partner():
    c = read("El DSP realizó un foro sobre pandillas juveniles en Tela; la Agencia Sueca de Desarrollo Rural "
             "(ASDR) apoyó el foro.", "es")
    assert proposed(c) == {("partner", "Agencia Sueca de Desarrollo Rural")}


@pytest.mark.parametrize("sentence, lang, name", [
    ("The DPS gave a course on port security in Colón, with the Andean Heritage Institute writing the cases "
     "and the Nordic Aid Agency covering the hotel bills.", None, "Nordic Aid Agency"),
    ("The DPS gave a course on port security in Colón; the Nordic Aid Agency (NAA) carried the entire expense "
     "of the trip.", None, "Nordic Aid Agency"),
    ("El DSP dictó un curso sobre seguridad portuaria en Colón, con la Fundación Horizonte Austral redactando "
     "los casos y la Agencia Báltica de Cooperación costeando los pasajes.", "es", "Agencia Báltica de Cooperación"),
])
def test_a_participle_or_a_verb_of_costs_after_a_body_makes_a_funder(sentence, lang, name):
    c = read(sentence, lang)
    assert ("funder", name) in proposed(c) and ("partner", name) not in proposed(c)


# --- a body that receives the goods the work handed over is a beneficiary --------------------------------

@pytest.mark.parametrize("sentence, lang", [
    ("In Belmopan the DPS delivered twelve radio sets to the Maritime Rescue Service of Belize, bought with "
     "funds from the European Union.", None),
    ("In Belmopan the DPS handed over twelve radio sets and two chargers to the Maritime Rescue Service.", None),
    ("En Belmopán el DSP donó a la Dirección Nacional de Rescate Marítimo de Belice doce radios, comprados con "
     "fondos de la Unión Europea.", "es"),
    ("En Belmopán el DSP hizo entrega de doce radios a la Dirección Nacional de Rescate Marítimo.", "es"),
])
def test_who_receives_the_goods_is_no_partner(sentence, lang):
    c = read(sentence, lang)
    assert c.partners == set() and not [p for p in c.proposals if p.role == "partner"]


def test_a_body_that_hands_goods_over_is_a_partner():
    c = read("In Belmopan the Caribbean Rescue Foundation delivered twelve radio sets to the trainees, "
             "with the DPS.")
    assert ("partner", "Caribbean Rescue Foundation") in proposed(c)


# --- a body named by a common noun for a body, or by one word opening a clause ---------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("The CICTE Secretariat trained 25 analysts in Lima, in a lab that the software firm Vantora lent.", None,
     "Vantora"),
    ("La Secretaría del CICTE capacitó a 25 analistas en Lima, en un laboratorio que prestó la empresa "
     "Aceros Patagónicos.", "es", "Aceros Patagónicos"),
    ("La Secretaría del CICTE capacitó a 25 analistas en Lima; la firma Vantora cedió sin cargo sus "
     "licencias.", "es", "Vantora"),
    ("The CICTE Secretariat trained 25 analysts in Lima; Vantora donated the server time.", None, "Vantora"),
    ("La Secretaría del CICTE capacitó a 25 analistas en Lima; Vantora prestó sus servidores.", "es", "Vantora"),
])
def test_a_body_named_by_a_noun_for_a_body_or_opening_a_clause_is_proposed(sentence, lang, name):
    assert proposed(read(sentence, lang)) == {("partner", name)}


@pytest.mark.parametrize("sentence, lang", [
    ("Participants received certificates from the DPS in Lima.", None),
    ("The CICTE Secretariat trained 25 analysts; Peru hosted the course.", None),
    ("La Secretaría del CICTE capacitó a 25 analistas de la empresa estatal de correos.", "es"),
])
def test_a_capitalised_word_or_a_noun_for_a_body_without_a_name_is_not_proposed(sentence, lang):
    assert read(sentence, lang).proposals == []


def test_one_word_giving_money_opening_a_clause_is_a_funder():
    c = read("The CICTE Secretariat trained 25 analysts in Lima; Vantora donated US$12,000 for the lab.")
    assert proposed(c) == {("funder", "Vantora")}


# --- a body of a state named by its possessive -------------------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("The DPS ran a course on illegal logging in Iquitos; Peru's National Forestry Service mapped the "
     "felling sites.", "National Forestry Service of Peru"),
    ("The DPS ran a course on illegal logging in Iquitos; Chile's National Forest Corporation (CONAF) mapped "
     "the felling sites.", "National Forest Corporation"),
    ("In Lima, the CICTE Secretariat and Peru's Digital Government Office signed a memorandum on cloud "
     "security.", "Digital Government Office of Peru"),
])
def test_a_body_of_a_state_by_its_possessive_doing_the_work_is_proposed_by_its_proper_name(sentence, name):
    assert proposed(read(sentence)) == {("partner", name)}


def test_a_body_of_a_state_by_its_possessive_sending_people_is_the_participants_own():
    c = read("The DPS ran a course on illegal logging in Iquitos; Peru's National Forestry Service sent "
             "40 rangers.")
    assert c.proposals == []


def test_a_body_of_a_state_by_its_possessive_paying_is_a_funder_under_its_proper_name():
    c = read("The DPS ran a course in Iquitos, with Norway's Ministry of Climate footing the travel bills.")
    assert proposed(c) == {("funder", "Ministry of Climate of Norway")}


# --- an observer said further on in the body's own predicate --------------------------------------------

@pytest.mark.parametrize("sentence, lang", [
    ("The SMS gathered 40 focal points in Quito; the Andean Heritage Institute attended the two days with "
     "observer status, and the European Union paid the airfares.", None),
    ("La SSM reunió a 40 puntos focales en Quito; el Instituto Andino del Patrimonio siguió las dos jornadas "
     "en calidad de observador, y la Unión Europea pagó los pasajes.", "es"),
])
def test_an_observer_said_further_in_its_predicate_is_no_partner(sentence, lang):
    c = read(sentence, lang)
    assert c.funders == {"european-union"} and [p for p in c.proposals if p.role == "partner"] == []


def test_an_observer_after_another_name_is_that_ones():
    c = read("The SMS gathered 40 focal points in Quito; the Andean Heritage Institute ran the sessions with "
             "Microsoft as an observer.")
    assert ("partner", "Andean Heritage Institute") in proposed(c)


# --- a state's body that names its state and is the subject of its own verb ----------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("In Tegucigalpa the DPS oversaw the melting of 900 rifles seized in Honduras; the Navy of Honduras "
     "loaded the furnace.", None, "Navy of Honduras"),
    ("En Tegucigalpa el DSP supervisó la fundición de 900 fusiles incautados en Honduras; la Armada de "
     "Honduras cargó el horno.", "es", "Armada de Honduras"),
])
def test_a_state_body_naming_its_state_doing_the_work_is_proposed(sentence, lang, name):
    assert ("partner", name) in proposed(read(sentence, lang))


def test_a_state_body_unnamed_doing_the_work_is_the_served_state_own():
    c = read("In Tegucigalpa the DPS oversaw the melting of 900 rifles seized in Honduras; the National "
             "Police loaded the furnace.")
    assert c.proposals == []
