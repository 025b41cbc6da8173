"""Where things are. Every path in hemiplan is resolved here, anchored on this file,
never on the working directory (papermill, myst-nb and nbval all change it)."""
from __future__ import annotations

import os
from pathlib import Path

#: The project root: the folder that holds ``_config.yml``, ``data/`` and ``chapters/``.
ROOT = Path(os.environ.get("HEMIPLAN_ROOT", Path(__file__).resolve().parents[2]))
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
SCHEMAS = DATA / "schema"
CHAPTERS = ROOT / "chapters"
#: Build outputs and caches (HEMIPLAN_BUILD moves them, e.g. for the benchmark).
BUILD = Path(os.environ.get("HEMIPLAN_BUILD", ROOT / "_build"))


def data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """The data folder to use: ``data_dir`` if given (relative paths resolve against
    the project root), else the project's ``data/``."""
    if data_dir is None or str(data_dir) == "":
        return DATA
    p = Path(data_dir)
    return p if p.is_absolute() else (ROOT / p)


def year_dir(year: int, data_dir_: str | os.PathLike | None = None) -> Path:
    return data_dir(data_dir_) / str(int(year))


def raw_report(year: int, data_dir_: str | os.PathLike | None = None) -> Path:
    return data_dir(data_dir_) / "raw" / f"{int(year)}.txt"
