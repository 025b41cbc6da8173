"""Chart helpers for the information-sharing and cooperation chapters.

``count_bars`` is :func:`hemiplan.figures.stacked_hbar` for small counts: integer
ticks on the count axis (no '0.2 activities') and the legend placed a fixed distance
below the axis label, so that it does not overlap it on short figures."""
from __future__ import annotations

import pandas as pd

from hemiplan.present import figures


def count_bars(table: pd.DataFrame, *, title: str, xlabel: str, ylabel: str = "",
               colors: dict[str, str] | None = None, legend_title: str = ""):
    """Stacked horizontal bars of counts (one bar per index entry, one segment per
    column), in the house style, with a title, labelled axes and a legend below."""
    from matplotlib.ticker import MaxNLocator

    fig = figures.stacked_hbar(table, title=title, xlabel=xlabel, ylabel=ylabel, colors=colors,
                               legend_title=legend_title)
    ax = fig.axes[0]
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    height_in = ax.get_position().height * fig.get_figheight()
    offset = 0.62 / max(height_in, 0.1)  # 0.62 inch below the axis, whatever the figure's height
    ax.legend(title=legend_title or None, loc="upper center", bbox_to_anchor=(0.5, -offset),
              ncol=max(1, min(len(table.columns), 4)), fontsize=8, title_fontsize=8)
    fig.tight_layout()
    return fig
