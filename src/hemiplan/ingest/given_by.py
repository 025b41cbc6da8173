"""People a course was given by, not its participants ("taught by two prosecutors",
"impartido por dos fiscales", "dictado por tres expertos"): the words right before a
count of people that make them those who gave the activity. English's pattern is
here; another language's is built from its lexicon (the ``credit_partner`` cues that
end in its word for "by": "impartido por", "dictado por"), by :mod:`.cues`."""
from __future__ import annotations

import re

from hemiplan.ingest import cues

GIVEN_BY = cues.Cue("given_by", re.compile(r"\b(?:taught|led|instructed|moderated|lectured)\s+by\s+$", re.I))


def gave_it(before: str) -> bool:
    """Whether the text right before a count of people makes them who gave the activity."""
    return bool(GIVEN_BY.search(before))
