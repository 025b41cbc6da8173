"""The fifth round of generic drafting rules (written looking at the SYNTHETIC year 2045's
misses; tests/fixtures/drafting/README.md): each rule on new sentences of its own, in
English and, where Spanish has the construction, Spanish."""
from __future__ import annotations

import pytest

from hemiplan.ingest import draft, setting
from hemiplan.ingest.rules import activity_type
from hemiplan.reading import entities, lexicon


def drafted(text: str, lang: str | None = None):
    """The activity rows drafted from one paragraph of text."""
    body = ("I. INTRODUCTION\n\nOpening.\n\nII. NATIONAL STRATEGIES\n\n" if lang is None else
            "I. INTRODUCCIÓN\n\nApertura.\n\nII. ESTRATEGIAS NACIONALES\n\n") + text + "\n"
    return [r for r in draft.draft(body, 2051, language=lang).rows if r.table == "activities"]


# --- done work read by more verbs ---------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, atype", [
    ("The SMS assisted the Congress of Guatemala in its revision of the cybercrime bill.", None, None),
    ("The DPS and Interpol agreed in Lyon in May 2051 on a common training calendar.", None, "agreement"),
    ("The ES/CICAD and the Colombo Plan exchanged letters on cooperation in drug prevention.", None, "agreement"),
    ("La SE-CICAD y el Plan Colombo intercambiaron cartas sobre la prevención del consumo de drogas.", "es",
     "agreement"),
    ("La Secretaría del CICTE y la Organización Mundial de Aduanas acordaron un calendario de capacitación.", "es",
     "agreement"),
])
def test_assisting_agreeing_and_exchanging_letters_are_done_work(text, lang, atype):
    rows = drafted(text, lang)
    assert [r.quote for r in rows] == [text]
    if atype:
        assert rows[0].values["activity_type"] == atype


def test_bringing_up_to_date_is_not_a_figure_over_several_years():
    text = "A DPS assessment mission visited Belize in June to bring its prison registry up to date."
    assert [r.quote for r in drafted(text)] == [text]
    # "to date" alone still is
    assert drafted("The DPS has trained officers of Belize in prison management to date.") == []


def test_a_list_of_states_after_visited_is_one_visit_each_and_no_host():
    text = ("In May a DPS team visited Belize, Guyana and Suriname to review their prison systems; "
            "a similar visit to Jamaica was deferred to the following year.")
    rows = drafted(text)
    assert len(rows) == 1
    v = rows[0].values
    assert (v["host"], v["countries"], v["events"], v["events_basis"]) == ("", "BLZ;GUY;SUR", 3, "inferred")


def test_a_list_of_states_after_visito_in_spanish():
    sentence = "En mayo un equipo del DSP visitó Belice, Guyana y Surinam; una visita a Jamaica fue aplazada."
    with lexicon.using("es"):
        s = setting.Setting()
        setting.where(s, sentence, entities.country_matcher().find(sentence), [], None, None)
    assert (s.values["host"], s.values["countries"]) == ([], ["BLZ", "GUY", "SUR"])


def test_agreed_alone_is_no_agreement_type():
    assert activity_type("The participants agreed that the course was useful.", strict=True)[0] != "agreement"


# --- participants -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, value, qualifier", [
    ("About 45 customs, coast guard and immigration inspectors attended a DPS course in Belmopan.", None, 45,
     "approx"),
    ("The SMS held a workshop in Santiago with some 15 of its legal advisers.", None, 15, "approx"),
    ("Thirty-one detectives attended a DPS course in Kingston.", None, 31, "exact"),
    ("La SE-CICAD capacitó a cerca de 40 detectives de la policía en Quito.", "es", 40, "approx"),
])
def test_participants_after_a_qualifier_a_list_of_modifiers_or_of_its(text, lang, value, qualifier):
    rows = drafted(text, lang)
    assert [(r.values["participants"], r.values["participants_qualifier"]) for r in rows] == [(value, qualifier)]


def test_the_people_who_taught_a_course_are_not_its_participants():
    text = "A DPS course in Nassau was taught by three prosecutors for 22 customs officers."
    assert [r.values["participants"] for r in drafted(text)] == [22]
    # people a course was attended by still are
    assert [r.values["participants"] for r in drafted("A DPS course in Nassau was attended by 22 officers.")] == [22]


# --- attendance ---------------------------------------------------------------------------------------

def placed(sentence: str, participants, lang: str | None = None):
    with lexicon.using(lang):
        s = setting.Setting()
        setting.where(s, sentence, entities.country_matcher().find(sentence), [], participants, None)
    return s.values["host"], s.values["countries"], s.values["attendance"]


@pytest.mark.parametrize("sentence, lang", [
    ("A course was given in May for 17 analysts of the Financial Intelligence Unit of the Belize Police "
     "Department.", None),
    ("Se capacitó a 17 analistas de la Unidad de Inteligencia Financiera de la Fuerza de Defensa de Belice.", "es"),
])
def test_people_of_a_states_named_body_are_that_states(sentence, lang):
    assert placed(sentence, 17, lang) == ([], ["BLZ"], "named")


def test_a_state_named_after_a_lower_case_phrase_is_not_the_peoples():
    sentence = "A course on the prisons of Belize was given for 17 analysts."
    assert placed(sentence, 17)[2] == "unstated"


# --- partners and funders -----------------------------------------------------------------------------

def credited(sentence: str, lang: str | None = None):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    return sorted(c.partners), sorted(c.funders), [(p.role, p.name, p.acronym) for p in c.proposals]


@pytest.mark.parametrize("sentence, lang, partners, funders, proposed", [
    ("The course was completed by 40 students with bursaries awarded by the Inter-American Development Bank.", None,
     [], ["idb"], []),
    ("The Konrad Adenauer Foundation covered the costs of the DPS workshop.", None, [], [],
     [("funder", "Konrad Adenauer Foundation", "")]),
    ("The course was taught by judges seconded by the Supreme Court of Ruritania.", None, [], [],
     [("partner", "Supreme Court of Ruritania", "")]),
    ("The DPS held a forum on port security with expert advice from UNODC.", None, ["unodc"], [], []),
    ("The DPS and the Agency to Combat Piracy of Ruritania (ACPR) ran a course in Kingston.", None, [], [],
     [("partner", "Agency to Combat Piracy of Ruritania", "ACPR")]),
    ("El curso se dictó con becas otorgadas por el Banco Interamericano de Desarrollo.", "es", [], ["idb"], []),
    ("La Fundación Konrad Adenauer cubrió los gastos del taller del DSP.", "es", [], [],
     [("funder", "Fundación Konrad Adenauer", "")]),
    ("El DSP celebró un foro con aportes técnicos de la ONUDD.", "es", ["unodc"], [], []),
])
def test_new_cues_of_partners_and_funders(sentence, lang, partners, funders, proposed):
    assert credited(sentence, lang) == (partners, funders, proposed)


# --- events -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("The DPS offered three editions of its online course on money laundering, which 90 officers completed.", None),
    ("La SE-CICAD ofreció tres ediciones de su curso virtual sobre lavado de activos.", "es"),
])
def test_editions_counted_by_a_number_are_events_of_the_activitys_type(text, lang):
    rows = drafted(text, lang)
    assert [(r.values["events"], r.values["activity_type"]) for r in rows] == [(3, "course")]


# --- places -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [("in Cusco", "PER"), ("in Puerto Limón", "CRI"), ("in Gonaïves", "HTI"),
                                         ("in Encarnación", "PRY"), ("in Freeport", "BHS"), ("en Paysandú", "URY")])
def test_more_secondary_cities_name_their_state(text, code):
    assert entities.member_states_in(text) == [code]


def test_a_states_foreign_ministry_by_its_own_name_is_its_government():
    assert credited("With a grant from Global Affairs Canada, the SMS held a seminar in Nassau.") == (
        [], ["gov-can"], [])


def test_people_of_a_named_bodys_own_are_its_states():
    sentence = "The SMS advised the Ministry of Justice of Belize in Belmopan, meeting 12 of its legal officers."
    assert placed(sentence, 12) == (["BLZ"], ["BLZ"], "named")
    assert placed("A seminar in Belmopan gathered 12 legal officers.", 12)[2] == "unstated"
    # two states named: whose body "its" is cannot be told
    assert placed("The SMS advised the Senate of Belize in Kingston, meeting 12 of its clerks.", 12)[2] == "unstated"


def test_a_share_of_a_bodys_own_people_in_spanish():
    from hemiplan.reading import numbers
    with lexicon.using("es"):
        got = [(c.kind, c.value, c.qualifier) for c in numbers.find_counts(
            "La SSM asesoró al Senado de Chile y trabajó con unos 15 de sus asesores jurídicos.")]
        # "de los" is no share of a body's own: the figure after it is the count
        other = [c.value for c in numbers.find_counts("Se capacitó a 12 de los 30 funcionarios.")]
    assert got == [("participants", 15, "approx")] and other == [30]


def test_agreeing_to_do_something_later_is_not_done_work():
    assert drafted("The DPS and Interpol agreed to hold a joint meeting on port security.") == []
