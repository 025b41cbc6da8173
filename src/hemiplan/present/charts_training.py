"""Chart types first needed by the training chapter, in the house style.

``paired_stacked_hbar`` draws two stacked horizontal bar panels side by side that
share their rows (e.g. events and participants per part of a section, one segment
per dependency), so that a reader compares volume of activity with reach."""
from __future__ import annotations

import numpy as np
import pandas as pd

from hemiplan.present import style


def _height_for(n: int, lines: int = 1) -> float:
    return max(2.8, min(11.0, 1.5 + (0.3 + 0.16 * lines) * n))


def _wrap(label: str, width: int = 30, max_lines: int = 2) -> str:
    import textwrap

    lines = textwrap.wrap(str(label), width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,;:") + "…"
    return "\n".join(lines)


def _stack(ax, table: pd.DataFrame, colors: dict[str, str], y) -> None:
    left = np.zeros(len(table))
    missing = table.isna().all(axis=1).to_numpy()
    for col in table.columns:
        vals = np.nan_to_num(table[col].to_numpy(dtype=float))
        ax.barh(y, vals, left=left, label=str(col), color=colors.get(col, style.MUTED))
        left += vals
    top = left.max() if len(left) else 0
    for yi, v, none in zip(y, left, missing):
        ax.text(v + top * 0.02, yi, "no figure" if none else f"{v:,.0f}", va="center", fontsize=8,
                color="#777777" if none else style.TEXT, fontstyle="italic" if none else "normal")
    ax.set_xlim(0, top * 1.22 if top else 1)
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))


def paired_stacked_hbar(left: pd.DataFrame, right: pd.DataFrame, *, title: str, left_label: str,
                        right_label: str, ylabel: str = "", colors: dict[str, str] | None = None,
                        legend_title: str = ""):
    """Two stacked horizontal bar panels with the same rows (index) in the same
    order, first row on top; columns are the stacked groups (same in both). A row
    that is NaN throughout is labelled 'no figure' rather than drawn as zero. Each
    panel has its own x axis label; the legend lists the groups once."""
    import matplotlib.pyplot as plt

    style.apply()
    colors = colors or {}
    right = right.reindex(index=left.index, columns=left.columns, fill_value=0.0)
    labels_y = [_wrap(i) for i in left.index]
    lines = max((lab.count("\n") + 1 for lab in labels_y), default=1)
    fig, (ax1, ax2) = plt.subplots(1, 2, sharey=True, figsize=(style.FIG_WIDTH, _height_for(len(left), lines)))
    y = np.arange(len(left))[::-1]
    _stack(ax1, left, colors, y)
    _stack(ax2, right, colors, y)
    ax1.set_yticks(y, labels_y, fontsize=9)
    ax1.set_ylim(-0.6, len(left) - 0.4)
    ax1.set_xlabel(left_label)
    ax2.set_xlabel(right_label)
    ax1.set_ylabel(ylabel)
    ax2.tick_params(axis="y", left=False)
    fig.suptitle(title, x=0.01, y=0.99, ha="left", va="top", fontsize=12, fontweight="bold")
    handles, labels = ax1.get_legend_handles_labels()
    height = fig.get_figheight()
    # Title on the first line, the legend (groups side by side) below it, then the panels.
    fig.legend(handles, labels, title=legend_title or None, loc="upper left", ncol=max(len(labels), 1),
               fontsize=8, title_fontsize=8, bbox_to_anchor=(0.0, 1 - 0.3 / height))
    fig.tight_layout(rect=(0, 0, 1, 1 - (0.42 if legend_title else 0.2) / height))
    return fig
