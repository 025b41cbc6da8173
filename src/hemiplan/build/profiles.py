"""Member-state profiles: the profile template executed once per member state with
activity in the year, listed under the ``chapters/member_states`` entry of
``_toc.yml`` by the build (so that ``_toc.yml`` stays the one table of contents)."""
from __future__ import annotations

import copy
from pathlib import Path

from hemiplan import language
from hemiplan.analysis.frames import member_names
from hemiplan.analysis.profiles import states_with_activity
from hemiplan.build.jobs import BuildError, Job
from hemiplan.data.names import state_names

TEMPLATE = "chapters/profile.ipynb"
PARENT = "chapters/member_states"


def _find(node, file: str):
    if isinstance(node, dict):
        if node.get("file") == file:
            return node
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key, []) or []:
                found = _find(child, file)
                if found is not None:
                    return found
    return None


def expand(toc: dict, ed, root: Path, lang: str = language.SOURCE):
    """The table of contents with one profile page per state of edition ``ed`` under
    the member-states chapter, and the jobs that execute them, in ``lang`` (each page
    titled with its state's name in that language, in that language's order)."""
    template = root / TEMPLATE
    if not template.is_file():
        return toc, []
    toc = copy.deepcopy(toc)
    parent = _find(toc, PARENT)
    if parent is None:
        raise BuildError(f"_toc.yml has no {PARENT!r} entry to hold the member-state profiles")
    names = member_names(ed.member_states) if lang == language.SOURCE else state_names(ed.member_states, lang)
    states = sorted(states_with_activity(ed), key=lambda s: names.get(s, s))
    parent["sections"] = [{"file": f"chapters/profiles/{s.lower()}"} for s in states]
    jobs = [Job(template, f"chapters/profiles/{s.lower()}.ipynb",
                {"year": int(ed.year), "data_dir": str(ed.data_dir), "country": s, "language": lang},
                title=str(names.get(s, s)))
            for s in states]
    return toc, jobs


def retitle(nb, title: str) -> None:
    """Give an executed profile its state's name as H1 (the page and navigation title)."""
    first = nb.cells[0]
    lines = first.source.splitlines()
    if lines and lines[0].startswith("# "):
        lines[0] = f"# {title}"
        first.source = "\n".join(lines)
