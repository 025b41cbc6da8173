"""With whom, eighth round: the bodies a sentence announcing several events credits reach
the rows of the sentences after it that tell those events. New sentences of their own, not
the synthetic years' nor the real report's."""
from __future__ import annotations

import pytest

from hemiplan.data import csvio
from hemiplan.ingest import draft
from hemiplan.reading import lexicon


def drafted(text: str, lang: str | None = None):
    """The activity rows drafted from one paragraph of text."""
    body = ("I. INTRODUCTION\n\nOpening.\n\nII. NATIONAL STRATEGIES\n\n" if lang is None else
            "I. INTRODUCCIÓN\n\nApertura.\n\nII. ESTRATEGIAS NACIONALES\n\n") + text + "\n"
    with lexicon.using(lang):
        return [r for r in draft.draft(body, 2051, language=lang).rows if r.table == "activities"]


def credit_of(row):
    return csvio.split_list(row.values["partners"]), csvio.split_list(row.values["funders"])


@pytest.mark.parametrize("text, lang, told, partner", [
    ("With financial support from Canada and technical support from INTERPOL, two workshops on cargo "
     "profiling were given by the DPS. The DPS held a workshop in Tegucigalpa for 22 customs officers. "
     "The DPS then held a workshop in Managua for 18 port officials.", None,
     ("Tegucigalpa", "Managua"), "interpol"),
    ("Con el apoyo financiero del Canadá y el apoyo técnico de INTERPOL, el DSP dictó dos talleres sobre "
     "perfilamiento de carga. El DSP realizó un taller en Tegucigalpa para 22 oficiales de aduanas. Luego el DSP "
     "realizó un taller en Managua para 18 funcionarios portuarios.", "es", ("Tegucigalpa", "Managua"), None),
])
def test_bodies_of_a_sentence_announcing_events_reach_the_rows_telling_them(text, lang, told, partner):
    rows = drafted(text, lang)
    for place in told:
        mine = [r for r in rows if place in r.quote and not r.quote.startswith(("With", "Con"))]
        assert mine, place
        partners, funders = credit_of(mine[0])
        assert "gov-can" in funders and (partner is None or partner in partners)
        # and it says so: the body comes from another sentence than the row's quote
        assert "gov-can" in mine[0].values["note"] and text.split(".")[0] in mine[0].values["note"]
        assert "partners or funders from another sentence" in mine[0].flags


def test_a_later_event_of_another_kind_is_not_credited():
    rows = drafted("With financial support from Canada, two workshops on cargo profiling were given by the "
                   "DPS in Lima. The DPS later held a conference in Quito for 60 officials.")
    quito = [r for r in rows if "Quito" in r.quote]
    assert quito and credit_of(quito[0]) == ([], [])


# --- a town and its state or island in brackets is no body and its acronym ----------------------------

@pytest.mark.parametrize("sentence, lang", [
    ("The training was given at a camp near Juchitán (Oaxaca) to 40 agents, with UNODC.", None),
    ("The DPS held a tabletop exercise in early May in Chetumal (Quintana), with UNODC.", None),
    ("El curso tuvo lugar en la localidad de San Rafael (Mendoza) junto con la UNODC.", "es"),
    ("En Oranjestad (Aruba), el DSP capacitó a 14 prácticos de puerto junto con la UNODC.", "es"),
])
def test_a_town_with_its_state_in_brackets_is_not_proposed(sentence, lang):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    assert [p.name for p in c.proposals] == [] and c.partners == {"unodc"}


# --- a name of commas and "and" closed by its acronym, after a cue, is one body ------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("The DPS gave a course on wildlife trafficking in Belmopan, with trainers from the Office of Forests, "
     "Fisheries and Wildlife Protection (OFFWP).", None, "Office of Forests, Fisheries and Wildlife Protection"),
    ("El DSP dictó un curso sobre tráfico de fauna en Belmopán, con instructores de la Dirección de Bosques, "
     "Pesca y Vida Silvestre (DBPVS).", "es", "Dirección de Bosques, Pesca y Vida Silvestre"),
])
def test_a_name_of_commas_closed_by_its_acronym_is_one_body(sentence, lang, name):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    assert [(p.role, p.name) for p in c.proposals] == [("partner", name)]


# --- a present verb of money after the name: it pays ------------------------------------------------

@pytest.mark.parametrize("verb", ["finances", "bankrolls", "underwrites"])
def test_a_body_that_finances_the_work_in_the_present_is_a_funder(verb):
    from hemiplan.ingest import credit
    c = credit.credit(f"The DPS trained 30 customs officers in Belize City; the course belongs to a border "
                      f"programme that the Inter-American Development Bank {verb}.")
    assert (sorted(c.partners), sorted(c.funders)) == ([], ["idb"])


# --- a body of a loose head after the verb of money of its clause paid --------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("El DSP donó 40 chalecos antibalas a la Policía de Santa Lucía en Castries, cuya compra pagó el Gobierno "
     "de Japón.", "es", "Gobierno de Japón"),
    ("El DSP donó 40 chalecos antibalas a la Policía de Santa Lucía en Castries, cuyo costo pagó la Embajada "
     "de Italia.", "es", "Embajada de Italia"),
    ("La SE-CICAD capacitó a 25 fiscales; los pasajes corrieron por cuenta de la Embajada de Suiza.", "es",
     "Embajada de Suiza"),
])
def test_a_government_named_after_the_verb_of_money_is_a_funder(sentence, lang, name):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    assert [(p.role, p.name) for p in c.proposals] == [("funder", name)]


# --- the rent of the room is a cost --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, lang, name", [
    ("El DSP dictó un taller en Colón; la Cámara de Comercio de Colón asumió el alquiler del salón.", "es",
     "Cámara de Comercio de Colón"),
    ("The DPS gave a workshop in Colón; the Colón Chamber of Commerce took on the rental of the hall.", None,
     "Colón Chamber of Commerce"),
])
def test_a_body_that_took_on_the_rent_of_the_room_is_a_funder(sentence, lang, name):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    assert [(p.role, p.name) for p in c.proposals] == [("funder", name)]
