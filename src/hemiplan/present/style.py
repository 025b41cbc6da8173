"""The house style for figures: one font, one palette per dependency, one size. Every
colour a figure uses is named here."""
from __future__ import annotations

from functools import lru_cache

import matplotlib
import pandas as pd

from hemiplan import language, paths
from hemiplan.analysis.frames import JOINT
from hemiplan.data import csvio, names
from hemiplan.language import _

#: One colour per SMS dependency (colour-blind safe, from the Okabe–Ito palette).
DEPENDENCY_COLORS = {
    "CICAD": "#0072B2",
    "CICTE": "#D55E00",
    "DPS": "#009E73",
    "SMS": "#6F6F6F",
}
DEPENDENCY_NAMES = {
    "CICAD": "Executive Secretariat of CICAD (drugs)",
    "CICTE": "Secretariat of CICTE (terrorism, cyber, border and tourism security)",
    "DPS": "Department of Public Security",
    "SMS": "Secretariat for Multidimensional Security",
}
#: How a table names the row of work led jointly by several dependencies (the message;
#: :func:`dependency_name` gives it in the page's language).
JOINT_NAME = "Led jointly by two or more dependencies"


def dependency_name(dependency: str, dependency_names: pd.DataFrame | None = None) -> str:
    """The full name of a dependency of the schema, or of the Joint row, in the page's
    language: in English the names above; in another language the name of
    ``dependency_names`` (the edition's ``ed.dependency_names``; by default the
    reference table), through :func:`hemiplan.data.names.dependency_name` (the English
    name, marked, where it has none). An unknown value raises (a dependency added to the
    schema needs its name here)."""
    if dependency == JOINT:
        return _("Led jointly by two or more dependencies")
    if dependency not in DEPENDENCY_NAMES:
        raise KeyError(f"no name for dependency {dependency!r}; add it to style.DEPENDENCY_NAMES")
    if language.current() == language.SOURCE:
        return DEPENDENCY_NAMES[dependency]
    table = _reference_names() if dependency_names is None else dependency_names
    return names.dependency_name(table, dependency)


@lru_cache(maxsize=1)
def _reference_names() -> pd.DataFrame:
    return csvio.read_text_table(paths.REFERENCE / "dependency_names.csv")


SUBREGION_COLORS = {
    "North America": "#CC79A7",
    "Central America": "#E69F00",
    "Caribbean": "#56B4E9",
    "South America": "#009E73",
}
#: The legal-instruments chapter's categories of stated figures
#: (hemiplan.analysis.legal_instruments.DISPLAY_ORDER); Okabe–Ito, distinct from the
#: dependency colours.
CATEGORY_COLORS = {
    "Ratifications": "#56B4E9",
    "Bills": "#E69F00",
    "Laws and regulations": "#CC79A7",
    "Other figures": "#999999",
}
#: Colours for groups with no palette of their own (e.g. the kinds of a timeline), in order.
CATEGORICAL = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00")
ACCENT = "#0072B2"
MUTED = "#BBBBBB"
TEXT = "#222222"
#: Notes under a figure and reference lines.
NOTE = "#555555"
#: The 'no figure' label of a row without a value.
NO_FIGURE = "#777777"
#: Text on a dark fill, and the gaps between tiles.
ON_DARK = "white"
#: A map tile without a value.
NO_VALUE = (0.93, 0.93, 0.93, 1.0)
SEQUENTIAL = "Blues"

FIG_WIDTH = 7.5
FIG_HEIGHT = 4.2
DPI = 110

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.edgecolor": "#888888",
    "axes.labelcolor": TEXT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#E5E5E5",
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "legend.frameon": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.figsize": (FIG_WIDTH, FIG_HEIGHT),
    "svg.hashsalt": "hemiplan",
}


def apply() -> None:
    """Apply the house style to matplotlib (non-interactive backend)."""
    matplotlib.use("Agg")
    matplotlib.rcParams.update(RC)
