"""Chart types first needed by the training chapter, in the house style.

``paired_stacked_hbar`` draws two stacked horizontal bar panels side by side that
share their rows (e.g. events and participants per part of a section, one segment
per dependency), so that a reader compares volume of activity with reach."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import style


def _height_for(n: int) -> float:
    return max(2.4, min(9.5, 1.2 + 0.36 * n))


def _stack(ax, table: pd.DataFrame, colors: dict[str, str], y) -> None:
    left = np.zeros(len(table))
    for col in table.columns:
        vals = table[col].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, label=str(col), color=colors.get(col, style.MUTED))
        left += vals
    top = left.max() if len(left) else 0
    for yi, v in zip(y, left):
        ax.text(v + top * 0.02, yi, f"{v:,.0f}", va="center", fontsize=8)
    ax.set_xlim(0, top * 1.22 if top else 1)


def paired_stacked_hbar(left: pd.DataFrame, right: pd.DataFrame, *, title: str, left_label: str,
                        right_label: str, ylabel: str = "", colors: dict[str, str] | None = None,
                        legend_title: str = ""):
    """Two stacked horizontal bar panels with the same rows (index) in the same
    order, first row on top; columns are the stacked groups (same in both). Each
    panel has its own x axis label; the legend lists the groups once."""
    import matplotlib.pyplot as plt

    style.apply()
    colors = colors or {}
    right = right.reindex(index=left.index, columns=left.columns, fill_value=0.0)
    fig, (ax1, ax2) = plt.subplots(1, 2, sharey=True, figsize=(style.FIG_WIDTH, _height_for(len(left))))
    y = np.arange(len(left))[::-1]
    _stack(ax1, left, colors, y)
    _stack(ax2, right, colors, y)
    ax1.set_yticks(y, [str(i) for i in left.index])
    ax1.set_xlabel(left_label)
    ax2.set_xlabel(right_label)
    ax1.set_ylabel(ylabel)
    ax2.tick_params(axis="y", left=False)
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    handles, labels = ax1.get_legend_handles_labels()
    if len(labels) > 1 or legend_title:
        fig.legend(handles, labels, title=legend_title or None, loc="lower center", ncol=max(len(labels), 1),
                   fontsize=8, bbox_to_anchor=(0.5, -0.01))
        fig.tight_layout(rect=(0, 0.07, 1, 1))
    else:
        fig.tight_layout()
    return fig
