"""Removing an activity removes the organisations its drafts proposed (proposals.csv):
a proposal whose activity is gone would leave the year invalid, and the removal was
refused ("no such activity"), so that a draft with a proposal could not be removed at
all. Run on a copy of the SYNTHETIC drafting fixtures."""
from __future__ import annotations

import shutil
from pathlib import Path

from hemiplan.data import csvio
from hemiplan.data.validate import validate_year
from hemiplan.ingest.remove import remove

DRAFTING = Path(__file__).parent / "fixtures" / "drafting"


def test_removing_an_activity_takes_its_proposals_with_it(tmp_path):
    data = tmp_path / "d"
    shutil.copytree(DRAFTING, data, ignore=shutil.ignore_patterns("curate", "*.md"))
    proposals = csvio.read_text_table(data / "2041" / "proposals.csv")
    target = proposals["activity_id"].iloc[0]
    others = proposals[proposals["activity_id"] != target]
    done = remove(2041, [target], "synthetic: not an activity", data)
    assert done.removed == [target] and done.proposals == int((proposals["activity_id"] == target).sum()) >= 1
    after = csvio.read_text_table(data / "2041" / "proposals.csv")
    assert list(after["proposal_id"]) == list(others["proposal_id"])
    assert target not in set(csvio.read_text_table(data / "2041" / "activities.csv")["activity_id"])
    validate_year(2041, data)
