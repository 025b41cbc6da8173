"""The tile-grid map: all 35 member states as equal square tiles placed roughly
geographically (positions in data/reference/member_states.csv), coloured by any
measure, labelled with ISO codes. Fully offline: no shapes, no downloads."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.colors import BoundaryNorm, ListedColormap, Normalize
from matplotlib.patches import Rectangle

from hemiplan import language
from hemiplan.data import names
from hemiplan.language import _, p_
from hemiplan.present import figures, style


def _scale(cmap: str, vmax: float, integer: bool):
    """The colours of the values: one shade per value for a few whole numbers
    (1 … 8), else a continuous scale. Returns (colormap, norm, value → colour, discrete)."""
    colormap = colormaps[cmap]
    if integer and 0 < vmax <= 8 and float(vmax).is_integer():
        k = int(vmax)
        shades = [colormap(0.3 + 0.7 * (i / max(k - 1, 1))) if k > 1 else colormap(0.8) for i in range(k)]
        return (ListedColormap(shades), BoundaryNorm(np.arange(0.5, k + 1.0, 1.0), k),
                lambda v: shades[int(round(v)) - 1], True)
    scale = ListedColormap([colormap(0.3 + 0.7 * t) for t in np.linspace(0, 1, 256)])
    norm = Normalize(vmin=0, vmax=vmax if vmax > 0 else 1)
    return scale, norm, lambda v: scale(norm(v)), False


def _tiles(ax, ms: pd.DataFrame, colour, highlight: str | None, n_rows: int) -> None:
    for row in ms.itertuples(index=False):
        x, y = row.tile_col, n_rows - 1 - row.tile_row
        face = colour(row.value) if row.value > 0 else style.NO_VALUE
        edge = style.TEXT if row.iso3 == highlight else style.ON_DARK
        ax.add_patch(Rectangle((x + 0.04, y + 0.04), 0.92, 0.92, facecolor=face, edgecolor=edge,
                               linewidth=2.5 if row.iso3 == highlight else 1.0))
        light = (0.299 * face[0] + 0.587 * face[1] + 0.114 * face[2]) > 0.55
        ax.text(x + 0.5, y + 0.5, row.iso3, ha="center", va="center", fontsize=8,
                fontweight="bold" if row.iso3 == highlight else "normal",
                color=style.TEXT if light else style.ON_DARK)


def tile_map(member_states: pd.DataFrame, values: pd.Series | dict | None = None, *, title: str,
             legend_label: str, source_note: str = "", highlight: str | None = None,
             cmap: str = style.SEQUENTIAL, integer: bool = True):
    """A tile-grid map. ``values`` maps iso3 → number; states without a value (or 0)
    are drawn in grey. ``highlight`` outlines one state."""
    style.apply()
    values = pd.Series(values if values is not None else {}, dtype="float64")
    ms = member_states.copy()
    ms["value"] = ms["iso3"].map(values).fillna(0.0)
    n_rows = int(ms["tile_row"].max()) + 1
    n_cols = int(ms["tile_col"].max()) + 1
    fig, ax = plt.subplots(figsize=(style.FIG_WIDTH, style.FIG_WIDTH * n_rows / (n_cols + 2.2)))
    vmax = float(ms["value"].max())
    scale, norm, colour, discrete = _scale(cmap, vmax, integer)
    _tiles(ax, ms, colour, highlight, n_rows)
    ax.set_xlim(0, n_cols)
    ax.set_ylim(0, n_rows)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, loc="left")
    if vmax > 0:
        cbar = fig.colorbar(ScalarMappable(norm=norm, cmap=scale), ax=ax, shrink=0.6, pad=0.02)
        cbar.set_label(legend_label)
        if discrete:
            cbar.set_ticks(list(range(1, int(vmax) + 1)))
        elif integer:
            cbar.locator = figures.integer_locator()
            cbar.update_ticks()
    ax.text(0, -0.35, _("Grey: no value.") + " " + source_note, transform=ax.transData, fontsize=8, color=style.NOTE,
            va="top")
    fig.tight_layout()
    cols = ["name", "iso3"] if "name" in ms.columns else ["iso3"]
    if "name" in ms.columns and language.current() != language.SOURCE:
        ms["name"] = ms["iso3"].map(names.state_names(member_states)).astype(str)
    data = ms.sort_values(cols[0])[cols].assign(value=ms["iso3"].map(values))
    data.columns = ([p_("map data", "Member state"), p_("map data", "Code")] if len(cols) == 2
                    else [p_("map data", "Code")]) + [legend_label]
    return figures.attach_data(fig, data)
