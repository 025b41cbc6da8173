"""Every chapter computes from the data of its year: executed with papermill on the
SYNTHETIC year 2031 (tests/fixtures/synthetic), each shows the fixture's numbers and
nothing of 2014. A chapter that printed a constant would fail here."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from hemiplan import build, paths

from .conftest import SYNTHETIC_DATA

YEAR = 2031

# Strings each chapter must show for the synthetic year (see the fixture's CSVs). The
# fixture's 2031 holds one row of each counting rule: 2031-A010 held in 2030 (64
# participants, Jamaica), 2031-A011 a multinational workshop hosted by Paraguay (48
# participants), 2031-A012 joint work of CICAD and CICTE, and 2031-I007 "more than 90"
# participants stated by CICTE for two workshops it itemises without figures.
EXPECTED = {
    "chapters/overview": [
        "**13 activities held in 2031**", "**15 events**",
        # itemised 482 (the 48 of the multinational workshop included, the 64 of 2030 not) + more than 90;
        # A005's "approximately 40" makes the sum approximate
        "**approximately 572 participants**",
        "9 of the 34 member states",  # Jamaica, named only by the 2030 seminar, is not reached
        "Reported this year, held in another year", "June 2030",
        "Led jointly by two or more dependencies",  # the joint row of the dependency table
        "more than 131",  # CICTE: 41 itemised and the stated total, with its qualifier
        "1 activity each"],  # every tied month named
    "chapters/member_states": ["9 of the 34 member states", "Haiti", "Guyana"],
    "chapters/national_strategies": ["27", "Paraguay"],
    "chapters/legal_instruments": ["31", "41"],
    "chapters/law_enforcement": ["Bolivia", "Ecuador"],
    # 353 people tied to one named state (A005's 40 are multinational, hosted by Saint Lucia)
    "chapters/training": ["353", "137", "99", "approximately 531", "more than 90", "stated total",
                          "Led jointly by two or more dependencies", "1 activity was led jointly",
                          "Reported this year, held in another year", "June 2030"],
    "chapters/information_sharing": ["33 focal points", "34 member states in 2031"],
    "chapters/cooperation": ["4,321 firearms", "**2 activities** led by DPS and SMS", "UNODC"],
    "chapters/data_and_methods": ["**16 numbers**", "hemiplan-2031-data.zip", "Held in another year",
                                  "Multinational attendance", "Joint work of several dependencies"],
    "chapters/source_text": ["2031-V.b-02", "More than 211 customs officers"],
    "chapters/series": ["2030", "2031", "137"],  # both years, and a figure stated in 2031
    "chapters/profiles/hti": ["Haiti", "211"],
    "chapters/profiles/ury": ["Uruguay", "59"],
    "chapters/profiles/pry": ["Paraguay", "Hosted for others", "Synthetic sub-regional workshop",
                              "The report states no participant figure that it ties to Paraguay alone"],
    # A005 is a regional course hosted by Saint Lucia (multinational): its 40 are not Saint Lucia's.
    "chapters/profiles/lca": ["Saint Lucia", "CICAD with CICTE", "Hosted for others",
                              "no participant figure that it ties to Saint Lucia"],
}

# Strings a chapter must NOT show: figures that would count a row against its rule.
FORBIDDEN = {
    "chapters/overview": ["546", "636"],  # the 2030 seminar's 64 added to the year
    "chapters/training": ["Paraguay (48)", "Jamaica (64)"],  # the host, or another year, on the participant map
    "chapters/profiles/pry": ["**48 people**"],  # the multinational workshop's people given to its host
}


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Executed notebooks of the synthetic year, by build target (without the .ipynb)."""
    root = tmp_path_factory.mktemp("book")
    for name in ("_config.yml", "_toc.yml", "intro.md"):
        shutil.copy2(paths.ROOT / name, root / name)
    shutil.copytree(paths.CHAPTERS, root / "chapters")
    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(SYNTHETIC_DATA, data)
    plan = build.plan(YEAR, data, root)
    build.execute(plan, root=root, progress=False)
    out = {}
    for job in plan.jobs:
        out[job.name] = build.cached_notebook(job, root)
    return out


def text_of(nb) -> str:
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            for mime in ("text/markdown", "text/html", "text/plain"):
                if mime in data:
                    parts.append(str(data[mime]))
            if o.get("output_type") == "stream":
                parts.append(o.get("text", ""))
            if "hemiplan" in o.get("metadata", {}):
                parts.append(o["metadata"]["hemiplan"]["caption"])
    return "\n".join(parts)


def test_every_chapter_has_expectations(executed):
    chapters = [name for name in executed if not name.startswith("chapters/profiles/")]
    missing = [c for c in chapters if c not in EXPECTED]
    assert not missing, f"add the synthetic-year expectations of {missing} to EXPECTED"


@pytest.mark.parametrize("chapter", sorted(EXPECTED))
def test_chapter_shows_the_synthetic_year(executed, chapter):
    if chapter not in executed:
        pytest.fail(f"{chapter} was not built for the synthetic year")
    text = text_of(executed[chapter])
    for expected in EXPECTED[chapter]:
        assert expected in text, f"{chapter}: expected {expected!r} in the outputs for {YEAR}"
    for forbidden in FORBIDDEN.get(chapter, []):
        assert forbidden not in text, f"{chapter}: {forbidden!r} counts a row against its rule"
    # Nothing of the real report: no 2014, and no 2014 headline figure.
    code_free = re.sub(r"```.*?```", "", text, flags=re.S)
    assert "2014" not in code_free, f"{chapter} shows '2014' when built for {YEAR}"


def test_profiles_only_for_states_with_activity(executed):
    profiles = sorted(n.rsplit("/", 1)[1] for n in executed if n.startswith("chapters/profiles/"))
    # Jamaica, named only by a seminar held in 2030, has no profile for 2031.
    assert profiles == ["bol", "ecu", "guy", "hnd", "hti", "lca", "pry", "sur", "ury"]


def test_profile_pages_are_titled_by_state(executed):
    nb = executed["chapters/profiles/hti"]
    assert nb.cells[0].source.startswith("# Haiti")


def test_outputs_are_clean(executed):
    for name, nb in executed.items():
        for cell in nb.cells:
            for o in cell.get("outputs", []):
                assert not (o.get("output_type") == "stream" and o.get("name") == "stderr"), name
                assert o.get("output_type") != "error", name
