"""Member-state profiles: the profile template executed once per member state with
activity in the year, added to the table of contents as a generated part."""
from __future__ import annotations

from pathlib import Path

TEMPLATE = "chapters/profile.ipynb"


def expand(toc: dict, year: int, data_dir: Path, root: Path):
    """The table of contents with a "Member states" part, and one job per state."""
    template = root / TEMPLATE
    if not template.is_file():
        return toc, []
    raise NotImplementedError
