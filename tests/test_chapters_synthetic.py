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

# Strings each chapter must show for the synthetic year (see the fixture's CSVs).
EXPECTED = {
    "chapters/overview": ["**9 activities**", "**11 events**", "**434 participants**", "9 of the 34 member states"],
    "chapters/member_states": ["9 of the 34 member states", "Haiti", "Guyana"],
    "chapters/national_strategies": ["27", "Paraguay"],
    "chapters/legal_instruments": ["31", "41"],
    "chapters/law_enforcement": ["Bolivia", "Ecuador"],
    "chapters/training": ["393", "137", "99"],
    "chapters/information_sharing": ["33"],
    "chapters/cooperation": ["4,321"],
    "chapters/data_and_methods": ["**12 numbers**", "hemiplan-2031-data.zip"],
    "chapters/source_text": ["2031-V.b-02", "More than 211 customs officers"],
    "chapters/profiles/hti": ["Haiti", "211"],
    "chapters/profiles/ury": ["Uruguay", "59"],
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
    # Nothing of the real report: no 2014, and no 2014 headline figure.
    code_free = re.sub(r"```.*?```", "", text, flags=re.S)
    assert "2014" not in code_free, f"{chapter} shows '2014' when built for {YEAR}"


def test_profiles_only_for_states_with_activity(executed):
    profiles = sorted(n.rsplit("/", 1)[1] for n in executed if n.startswith("chapters/profiles/"))
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
