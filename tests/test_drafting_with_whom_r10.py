"""With whom, tenth round: a body's acronym in brackets judged with its name, money
"resourced by", people who taught ("under the guidance of officers of X"), a body of its
own named with a known parent inside and closed by its own acronym, a government that paid
for work in its own state, bodies headed by "Force"/"Fuerza" or "Servicio", and who was
equipped ("dotó a la X de radios"). New sentences of their own, not the synthetic years'
nor the real report's; each shape in English and Spanish, with a near-miss that must not
fire."""
from __future__ import annotations

import pytest

from hemiplan.ingest import credit, paragraph_credit
from hemiplan.reading import lexicon


def read(sentence: str, lang: str | None = None) -> credit.Credit:
    with lexicon.using(lang):
        return credit.credit(sentence)


def proposed(c: credit.Credit) -> set[tuple[str, str]]:
    return {(p.role, p.name) for p in c.proposals}


# --- a known body's acronym in brackets is the same mention as its name ------------------------------

@pytest.mark.parametrize("sentence, lang", [
    ("The DPS coached 19 analysts of the Directorate of Intelligence of the Colombian National Police (DIPOL) "
     "in Pasto on geographic profiling.", None),
    ("El DSP capacitó a 19 analistas de la Dirección de Inteligencia Policial de la Policía Nacional de Colombia "
     "(DIPOL) en Pasto sobre perfiles geográficos.", "es"),
])
def test_a_bodys_acronym_in_brackets_is_judged_with_its_name(sentence, lang):
    c = read(sentence, lang)
    assert "col-dipol" not in c.partners | c.funders


def test_a_known_acronym_alone_is_still_a_partner():
    c = read("The DPS ran a crime-mapping clinic in Pasto together with DIPOL.")
    assert "col-dipol" in c.partners


# --- "resourced by": money -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("Forty rangers rehearsed a flood rescue in Belmopan; the drill was resourced by the Maple Relief Foundation.",
     None, "Maple Relief Foundation"),
    ("Cuarenta guardaparques ensayaron un rescate en Tikal; el simulacro fue dotado de recursos por la Fundación "
     "Quetzal Verde.", "es", "Fundación Quetzal Verde"),
])
def test_resourced_by_makes_a_funder(sentence, lang, name):
    assert ("funder", name) in proposed(read(sentence, lang))


def test_resources_named_without_a_body_make_no_funder():
    c = read("Forty rangers rehearsed a flood rescue in Belmopan with resources of their own.")
    assert not c.funders and not [p for p in c.proposals if p.role == "funder"]


# --- people teaching under a body's name ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("The DPS trained 14 harbour pilots of Saint Lucia under the guidance of instructors of the Nordic Maritime "
     "Service.", None, "Nordic Maritime Service"),
    ("El DSP formó a 14 prácticos de Santa Lucía bajo la tutela de instructores del Servicio Marítimo Nórdico.",
     "es", "Servicio Marítimo Nórdico"),
])
def test_people_of_a_body_under_whose_teaching_the_work_was_make_it_a_partner(sentence, lang, name):
    assert ("partner", name) in proposed(read(sentence, lang))


@pytest.mark.parametrize("sentence, lang, name", [
    ("The DPS trained 14 harbour pilots of the Nordic Maritime Service in Castries.", None,
     "Nordic Maritime Service"),
    ("El DSP formó a 14 prácticos del Servicio Marítimo Nórdico en Castries.", "es", "Servicio Marítimo Nórdico"),
])
def test_a_bodys_people_who_were_trained_make_it_no_partner(sentence, lang, name):
    assert ("partner", name) not in proposed(read(sentence, lang))


# --- a body named with a known parent inside, closed by its own acronym -------------------------------

@pytest.mark.parametrize("sentence, lang, name, acronym", [
    ("The course in Quito had lecturers from the Agency of the European Union for Border Data Exchange (EUBDX).",
     None, "Agency of the European Union for Border Data Exchange", "EUBDX"),
    ("El curso en Quito tuvo ponentes de la Agencia de la Unión Europea para el Intercambio de Datos Fronterizos "
     "(AUEDF).", "es", "Agencia de la Unión Europea para el Intercambio de Datos Fronterizos", "AUEDF"),
])
def test_a_unit_closed_by_its_own_acronym_is_a_body_of_its_own(sentence, lang, name, acronym):
    c = read(sentence, lang)
    assert "european-union" not in c.partners
    assert [(p.name, p.acronym) for p in c.proposals] == [(name, acronym)]


def test_a_unit_of_a_known_body_without_an_acronym_stays_the_parents():
    c = read("The course in Quito had lecturers from the Agency of the European Union.")
    assert "european-union" in c.partners


# --- a government that paid for work in its own state --------------------------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("The ES/CICAD trained 30 customs officers of Guyana in Georgetown; their meals and lodging were left in the "
     "hands of the Government of Guyana.", None, "Government of Guyana"),
    ("La SE-CICAD capacitó a 30 aduaneros de Guyana en Georgetown; el hospedaje y las comidas quedaron a cargo "
     "del Gobierno de Guyana.", "es", "Gobierno de Guyana"),
])
def test_a_government_paying_for_work_in_its_own_state_is_a_funder(sentence, lang, name):
    c = read(sentence, lang)
    found = proposed(c) | {("funder", f) for f in c.funders}
    assert ("funder", name) in found or ("funder", "gov-guy") in found


def test_a_government_of_the_state_served_that_paid_nothing_is_no_funder():
    c = read("The ES/CICAD trained 30 customs officers of Guyana in Georgetown at the request of the Government "
             "of Guyana.")
    assert not c.funders and not [p for p in c.proposals if p.role == "funder"]


# --- bodies headed by Force / Fuerza; who was equipped -------------------------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("The DPS and the Royal Montserrat Police Force signed a letter of intent on firearms tracing.", None,
     "Royal Montserrat Police Force"),
    ("En Plymouth, el DSP y la Real Fuerza Policial de Montserrat suscribieron una carta de intención sobre "
     "rastreo de armas.", "es", "Real Fuerza Policial de Montserrat"),
])
def test_a_force_signing_with_a_dependency_is_a_partner(sentence, lang, name):
    assert ("partner", name) in proposed(read(sentence, lang))


@pytest.mark.parametrize("sentence, lang, payer, equipped", [
    ("The DPS equipped the Island Police Force of Grenada with 40 radios, whose purchase was paid for by the "
     "Government of Portugal.", None, "Government of Portugal", "Island Police Force of Grenada"),
    ("El DSP equipó a la Fuerza Policial Insular de Granada con 40 radios, cuya compra pagó el Gobierno de "
     "Portugal.", "es", "Gobierno de Portugal", "Fuerza Policial Insular de Granada"),
    ("El DSP dotó a la Fuerza Policial Insular de Granada de 40 radios, cuya compra pagó el Gobierno de "
     "Portugal.", "es", "Gobierno de Portugal", "Fuerza Policial Insular de Granada"),
])
def test_who_is_equipped_is_a_beneficiary_and_who_paid_a_funder(sentence, lang, payer, equipped):
    c = read(sentence, lang)
    names = {n for _, n in proposed(c)}
    assert ("funder", payer) in proposed(c) and equipped not in names


# --- a noun of partners opening their list; a state's body by its possessive, the table's by name ------

@pytest.mark.parametrize("sentence, lang", [
    ("In 2030 the DPS met the key partners of the project (the Tidewater Police College, Mexico’s Federal Police "
     "and the Coastal Rescue Foundation) to plan the drills.", None),
    ("En 2030 el DSP reunió a los socios estratégicos del proyecto (la Escuela Policial del Litoral, la Policía "
     "Federal de México y la Fundación Rescate Costero) para planear los simulacros.", "es"),
])
def test_a_noun_of_partners_opens_their_list(sentence, lang):
    c = read(sentence, lang)
    assert "mex-federal-police" in c.partners
    assert {n for r, n in proposed(c) if r == "partner"} >= {"Coastal Rescue Foundation"} or \
        {n for r, n in proposed(c) if r == "partner"} >= {"Fundación Rescate Costero"}


def test_a_state_possessive_naming_people_sent_stays_the_participants_own():
    c = read("In 2030 the DPS trained 40 officers of Mexico’s Federal Police in Toluca.")
    assert "mex-federal-police" not in c.partners


# --- a known name with a word out of case ---------------------------------------------------------------

@pytest.mark.parametrize("sentence, lang, org", [
    ("The CICTE Secretariat and the Secretariat of tourism of Mexico co-hosted a resort safety clinic in Tulum.",
     None, "mex-sectur"),
    ("La Secretaría de la CICTE y la Secretaría de turismo de México organizaron una clínica de seguridad "
     "hotelera en Tulum.", "es", "mex-sectur"),
])
def test_a_known_name_written_with_a_word_out_of_case_is_that_body(sentence, lang, org):
    assert org in read(sentence, lang).partners


def test_a_name_out_of_case_opening_lower_is_no_body():
    c = read("The clinic in Tulum covered how the secretariat of tourism of Mexico registers hotels.")
    assert "mex-sectur" not in c.partners


def test_a_known_name_with_a_hyphen_for_a_space_is_that_body():
    c = read("The CICTE Secretariat ran the clinic in Tulum with the Pan-American Health Organization.")
    assert "paho" in c.partners


# --- a paragraph's sentence that drafts no row: its credit goes to the rows it speaks for ---------------

class _Row:
    def __init__(self, quote: str):
        self.table, self.quote, self.flags = "activities", quote, []
        self.values = {"partners": "", "funders": "", "note": ""}


class _Work:
    def __init__(self, sentences: list[str], drafted: list[int]):
        self.text = " ".join(sentences)
        self.spans, at = [], 0
        for s in sentences:
            self.spans.append((at, at + len(s)))
            at += len(s) + 1
        self.rows = [_Row(sentences[i]) for i in drafted]

    def sentence(self, si: int) -> str:
        a, b = self.spans[si]
        return self.text[a:b]


def spread(sentences, drafted, lang=None) -> _Work:
    work = _Work(sentences, drafted)
    with lexicon.using(lang):
        paragraph_credit.spread(work)
    return work


@pytest.mark.parametrize("sentences, lang", [
    (["The DPS, in partnership with the Pan American Health Organization, is running a programme on "
      "prison health in the Andes.", "In May 2030 the first round table with wardens took place in Sucre."], None),
    (["El DSP, en colaboración con la Organización Panamericana de la Salud, ejecuta un programa sobre salud "
      "penitenciaria en los Andes.", "En mayo de 2030 se realizó en Sucre la primera mesa redonda con alcaides."],
     "es"),
])
def test_a_framing_opening_sentence_credits_the_paragraphs_rows(sentences, lang):
    row = spread(sentences, [1], lang).rows[0]
    assert row.values["partners"] == "paho"
    assert "opening sentence" in row.values["note"] and paragraph_credit.FLAG in row.flags


@pytest.mark.parametrize("sentences, lang", [
    (["In 2030 the DPS carried out a regional workshop on prison health funded by the Pan American Health "
      "Organization.", "A mission later assessed two prisons in Sucre."], None),
    (["En 2030 el DSP realizó un taller regional sobre salud penitenciaria financiado por la Organización "
      "Panamericana de la Salud.", "Una misión evaluó después dos cárceles en Sucre."], "es"),
])
def test_an_opening_sentence_telling_an_event_of_its_own_keeps_its_credit(sentences, lang):
    row = spread(sentences, [1], lang).rows[0]
    assert not row.values["partners"] and not row.values["funders"] and not row.flags


@pytest.mark.parametrize("sentences, lang", [
    (["The ES/CICAD opened a toxicology course in Cusco.", "A mission assessed two labs in Lima.",
      "This mission was made possible by funds from the Pan American Health Organization."], None),
    (["La SE-CICAD abrió un curso de toxicología en Cusco.", "Una misión evaluó dos laboratorios en Lima.",
      "Esta misión se realizó con fondos de la Organización Panamericana de la Salud."], "es"),
])
def test_a_sentence_referring_back_credits_the_rows_of_the_sentence_before(sentences, lang):
    course, mission = spread(sentences, [0, 1], lang).rows
    assert mission.values["funders"] == "paho" and "refers back" in mission.values["note"]
    assert not course.values["funders"] and not course.flags


def test_a_sentence_with_a_row_of_its_own_keeps_its_credit():
    work = spread(["The DPS, in partnership with the Pan American Health Organization, held a forum in Sucre.",
                   "In May 2030 the first round table with wardens took place in Potosí."], [0, 1])
    assert not work.rows[1].values["partners"]


@pytest.mark.parametrize("sentence, lang", [
    ("The ES/CICAD continued to work with the Pan American Health Organization to set up a toxicology school.", None),
    ("La SE-CICAD siguió trabajando con la Organización Panamericana de la Salud para crear una escuela de "
     "toxicología.", "es"),
])
def test_work_carried_on_with_a_body_makes_it_a_partner_by_its_cue(sentence, lang):
    with lexicon.using(lang):
        assert "paho" in credit.cued_only(sentence).partners


def test_a_body_merely_named_near_work_is_no_cued_partner():
    assert "paho" not in credit.cued_only("The ES/CICAD set up a toxicology school; the Pan American Health "
                                          "Organization was informed.").partners
