"""Who, where, how many and whether (issue 22), eighth step: a Spanish figure set off by a
comma that totals the people named before it (the lexicon's ``in_all`` rows). Every sentence
here is new (none is a fixture year's)."""
from __future__ import annotations

import pytest

from hemiplan.ingest import rules
from hemiplan.reading import lexicon, numbers

from .test_drafting_structural import drafted  # the activity rows of one paragraph


# --- how many -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Guardaparques de Belice y de Honduras, 30 en total, recorrieron la reserva.", 30),
    ("Enfermeras de Bolivia y del Paraguay, 45 en conjunto, practicaron los protocolos.", 45),
])
def test_a_spanish_figure_that_totals_the_people_named_before_it(text, value):
    with lexicon.using("es"):
        counts = numbers.find_counts(text)
    assert [(c.kind, c.value) for c in counts] == [("participants", value)]


def test_a_spanish_total_of_people_drafts_them_as_participants():
    rows = drafted("Guardaparques de Belice y de Honduras, 30 en total, recorrieron en abril un taller de la SSM "
                   "en Belmopán.", "es")
    assert [r.values["participants"] for r in rows] == [30]


# --- where ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, host", [
    # a venue named by common nouns before "of"/"de", after a cue of a host, then the town and its state
    ("The DPS gave a talk at the town hall of Santa Tecla, El Salvador, in May for 40 residents.", None, "SLV"),
    ("El DSP dictó una charla en el ayuntamiento de Chimbote, Perú, en mayo, para 40 vecinos.", "es", "PER"),
    # without a cue of a host the town's state is not where it was held
    ("The DPS trained 40 wardens of the national park of Rivas, Nicaragua, in May.", None, ""),
])
def test_a_town_after_a_venue_of_common_nouns_and_its_state(text, lang, host):
    assert [r.values["host"] for r in drafted(text, lang)] == [host]


# --- what type ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, strict, expected", [
    ("In May the DPS handed over to the coast guard twelve radios bought with a grant.", None, True, "donation"),
    ("El DSP hizo entrega a la policía de doce radios.", "es", True, "donation"),
    ("The CICTE and the Coast Guard entered into a data-sharing protocol in June.", None, True, "agreement"),
    ("The DPS gave a public talk on road safety to 80 pupils.", None, False, "seminar"),
    ("El DSP ofreció una charla sobre seguridad vial a 80 alumnos.", "es", False, "seminar"),
    # talks between parties are no seminar
    ("The delegations held talks on the border in June.", None, False, "other"),
])
def test_types_said_by_a_verb_of_giving_a_pact_or_a_talk(text, lang, strict, expected):
    with lexicon.using(lang):
        assert rules.activity_type(text, strict=strict)[0] == expected
