"""Who and where (tenth round): places gone to one after another, a town that shares its name
with a member state, people tied to a state by a body of one of its provinces or towns or by
the institutions they work for, and regions that make attendance multinational. Every sentence
here is new (none is a fixture year's)."""
from __future__ import annotations

import pytest

from .test_drafting_structural import drafted  # the activity rows of one paragraph


# --- visits one after another: one event per state, no host -----------------------------------------

@pytest.mark.parametrize("text, lang, visited", [
    ("In June a DPS pair travelled in turn to Belize, Honduras and Panama to review their prison registers.",
     None, ["BLZ", "HND", "PAN"]),
    ("Over the summer three CICTE engineers went successively to Paraguay, Uruguay and Chile to audit "
     "their emergency response teams.", None, ["CHL", "PRY", "URY"]),
    ("En abril, dos peritos del DSP viajaron sucesivamente a Honduras, Belice y Panamá para revisar los "
     "registros penitenciarios.", "es", ["BLZ", "HND", "PAN"]),
    ("En octubre, dos asesores de la SE-CICAD visitaron sucesivamente Ecuador, Colombia y Venezuela para revisar "
     "sus planes de prevención.", "es", ["COL", "ECU", "VEN"]),
])
def test_visits_one_after_another_are_one_event_per_state_with_no_host(text, lang, visited):
    [row] = drafted(text, lang)
    assert row.values["host"] == "" and row.values["countries"] == ";".join(visited)
    assert (row.values["events"], row.values["events_basis"]) == (len(visited), "inferred")
