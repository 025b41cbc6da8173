"""Sixth round of drafting rules: new sentences of their own (not those of the synthetic years)."""
from __future__ import annotations

import pytest

from hemiplan.reading import lexicon


def credited(sentence: str, lang: str | None = None):
    from hemiplan.ingest import credit
    with lexicon.using(lang):
        c = credit.credit(sentence)
    return sorted(c.partners), sorted(c.funders)


@pytest.mark.parametrize("sentence, lang", [
    ("The seminar on maritime security, underwritten by the Inter-American Development Bank, met in Nassau.", None),
    ("El seminario sobre seguridad marítima, sufragado por el Banco Interamericano de Desarrollo, se celebró en Nassau.",
     "es"),
    ("La jornada, costeada por el Banco Interamericano de Desarrollo, reunió a 30 fiscales.", "es"),
])
def test_underwritten_by_names_a_funder(sentence, lang):
    assert credited(sentence, lang) == ([], ["idb"])


def test_made_possible_by_names_a_funder():
    assert credited("A forum on port security in Nassau, made possible by the Inter-American Development Bank.") == (
        [], ["idb"])


def test_gracias_a_una_contribucion_de_names_a_funder():
    assert credited("Gracias a una contribución del Banco Interamericano de Desarrollo, el DSP dictó un curso en Lima.",
                    "es") == ([], ["idb"])
