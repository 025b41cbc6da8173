"""DataFrame → matplotlib figure, in the house style. Every figure has a title and
labelled axes; captions and alt text are given by the chapter (hemiplan.book.figure)."""
from __future__ import annotations

import calendar

import numpy as np
import pandas as pd

from hemiplan.present import style


def _new(height: float | None = None):
    import matplotlib.pyplot as plt

    style.apply()
    return plt.subplots(figsize=(style.FIG_WIDTH, height or style.FIG_HEIGHT))


def _height_for(n: int) -> float:
    return max(2.2, min(9.0, 0.9 + 0.32 * n))


def wrap(label, width: int = 28) -> str:
    """Break a long category label over lines, so that the plot keeps its width."""
    import textwrap

    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _legend_below(ax, title: str = "", n: int = 4) -> None:
    ax.legend(title=title or None, loc="upper center", bbox_to_anchor=(0.5, -0.18 if n else -0.12),
              ncol=max(1, min(n, 4)), fontsize=8, title_fontsize=8)


def hbar(labels, values, *, title: str, xlabel: str, ylabel: str = "", colors=None,
         annotate: bool = True):
    """Horizontal bars, first label on top."""
    labels, values = list(labels), [float(v) for v in values]
    fig, ax = _new(_height_for(len(labels)))
    y = np.arange(len(labels))[::-1]
    ax.barh(y, values, color=colors or style.ACCENT)
    ax.set_yticks(y, [wrap(lab) for lab in labels])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    if annotate:
        top = max(values) if values else 0
        for yi, v in zip(y, values):
            ax.text(v + top * 0.01, yi, f"{v:,.0f}", va="center", fontsize=8)
        ax.set_xlim(0, top * 1.12 if top else 1)
    fig.tight_layout()
    return fig


def stacked_hbar(table: pd.DataFrame, *, title: str, xlabel: str, ylabel: str = "",
                 colors: dict[str, str] | None = None, legend_title: str = ""):
    """Horizontal stacked bars: one bar per index entry, one segment per column."""
    colors = colors or {}
    fig, ax = _new(_height_for(len(table)) + 0.6)
    y = np.arange(len(table))[::-1]
    left = np.zeros(len(table))
    for col in table.columns:
        vals = table[col].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, label=str(col), color=colors.get(col, None))
        left += vals
    ax.set_yticks(y, [wrap(i) for i in table.index])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    top = left.max() if len(left) else 0
    for yi, v in zip(y, left):
        ax.text(v + top * 0.01, yi, f"{v:,.0f}", va="center", fontsize=8)
    ax.set_xlim(0, top * 1.12 if top else 1)
    _legend_below(ax, legend_title, len(table.columns))
    fig.tight_layout()
    return fig


def by_month(counts: pd.DataFrame, *, title: str, ylabel: str, colors: dict[str, str] | None = None):
    """Stacked columns by month (index 1–12, columns are groups)."""
    colors = colors or {}
    counts = counts.reindex(range(1, 13), fill_value=0)
    fig, ax = _new()
    bottom = np.zeros(12)
    for col in counts.columns:
        vals = counts[col].to_numpy(dtype=float)
        ax.bar(range(1, 13), vals, bottom=bottom, label=str(col), color=colors.get(col, None))
        bottom += vals
    ax.set_xticks(range(1, 13), [calendar.month_abbr[m] for m in range(1, 13)])
    ax.set_xlabel("Month")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    from matplotlib.ticker import MaxNLocator
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if len(counts.columns) > 1:
        _legend_below(ax, "", len(counts.columns))
    fig.tight_layout()
    return fig


def timeline(events: pd.DataFrame, *, title: str, xlabel: str = "Year", ylabel: str = ""):
    """One row per label, a dot per year: columns ``label``, ``year``, optional ``kind``."""
    labels = list(dict.fromkeys(events["label"]))
    fig, ax = _new(_height_for(len(labels)))
    ypos = {lab: i for i, lab in enumerate(labels[::-1])}
    kinds = list(dict.fromkeys(events.get("kind", pd.Series(["event"] * len(events)))))
    palette = [style.ACCENT, "#D55E00", "#009E73", "#CC79A7", "#E69F00"]
    for k, kind in enumerate(kinds):
        sub = events[events.get("kind", pd.Series(["event"] * len(events))) == kind]
        ax.scatter(sub["year"].astype(float), [ypos[lab] for lab in sub["label"]], s=60,
                   color=palette[k % len(palette)], label=str(kind), zorder=3)
    ax.set_yticks(list(ypos.values()), [wrap(k) for k in ypos.keys()])
    years = events["year"].astype(int)
    ax.set_xlim(years.min() - 1, years.max() + 1)
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    if len(kinds) > 1:
        ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def line(series: pd.Series, *, title: str, xlabel: str, ylabel: str, label_points: bool = True):
    """A line with markers over an integer x (e.g. years)."""
    fig, ax = _new()
    x = series.index.astype(float)
    ax.plot(x, series.to_numpy(dtype=float), marker="o", color=style.ACCENT)
    if label_points:
        for xi, v in zip(x, series):
            ax.annotate(f"{v:,.0f}", (xi, v), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(axis="y", visible=True)
    fig.tight_layout()
    return fig


def heatmap(matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, cmap: str = style.SEQUENTIAL):
    """A matrix of counts with the count written in each non-zero cell."""
    fig, ax = _new(_height_for(len(matrix)))
    data = matrix.to_numpy(dtype=float)
    ax.imshow(np.where(data > 0, data, np.nan), cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns], rotation=0)
    ax.set_yticks(range(matrix.shape[0]), [wrap(i) for i in matrix.index])
    top = np.nanmax(data) if data.size else 0
    for (i, j), v in np.ndenumerate(data):
        if v > 0:
            ax.text(j, i, f"{v:,.0f}", ha="center", va="center", fontsize=8,
                    color="white" if v > top * 0.6 else style.TEXT)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(False)
    fig.tight_layout()
    return fig
