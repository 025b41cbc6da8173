"""The role of a body credit finds named without a cue, read from the words around it.

* **paid**: its clause has a word of money or costs and no cue of money naming another
  body (:func:`paid`; the clause narrowed by :mod:`.clause_roles`);
* **named again by its acronym**: "27 analysts of the Directorate of X (DX)": the acronym
  in brackets is the same mention as the name before it, judged with it (whose people
  took part: no partner), never a second mention judged alone (:func:`acronym_of_name`)."""
from __future__ import annotations

import re

from hemiplan.ingest import clause_roles, org_mentions


def paid(quote: str, s: int, e: int, w, funder_spans=(), bodies=()) -> bool:
    """Whether the body named at quote[s:e] without a cue paid: its clause has a word of
    money or costs ("the running costs fell to X", "X took charge of their lodging") and
    no cue of money naming another body ("with funds from Y": the money is Y's). A body
    with its own verb owns only its part of the clause, and a thing given free is no
    money (:mod:`.clause_roles`)."""
    a, b = org_mentions.clause(quote, s, e)
    if any(a <= fs < b for fs, _ in funder_spans):
        return False
    a, b = clause_roles.own_part(quote, s, e, a, b, bodies)
    before = clause_roles.without_free(quote[a:s]).lstrip()
    before = before[:1].lower() + before[1:]     # "Funding for the course came from X": a clause's first word
    return bool(w.money.search(before) or w.money.search(clause_roles.without_free(quote[e:b])))


def acronym_of_name(quote: str, off: int, known: dict) -> bool:
    """Whether the known name at ``off`` is the acronym in brackets of the same
    organisation's name right before it ("the Directorate of X (DX)")."""
    org = known[off][1]
    m = re.search(r"\s*\(\s*$", quote[:off])
    return bool(org and m and any(o + len(a) == m.start() and g == org for o, (a, g) in known.items()))
