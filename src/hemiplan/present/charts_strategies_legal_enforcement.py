"""Count charts for the section chapters (national strategies, legal instruments, law
enforcement): the shared bar charts of hemiplan.figures, with whole-number ticks on
the count axis (a count of 1 should not show ticks at 0.2, 0.4 …) and the legend
outside the bars, so that it never hides a short bar. House style, title and
labelled axes as in hemiplan.figures."""
from __future__ import annotations

import pandas as pd

from hemiplan.present import figures


def _integer_counts(ax, axis: str = "x") -> None:
    from matplotlib.ticker import MaxNLocator

    getattr(ax, f"{axis}axis").set_major_locator(MaxNLocator(integer=True))


def _fit_height(fig, ax) -> None:
    """Grow the figure so that category labels wrapped over several lines
    (hemiplan.figures.wrap) do not overlap."""
    lines = sum(t.get_text().count("\n") + 1 for t in ax.get_yticklabels())
    w, h = fig.get_size_inches()
    need = 1.3 + 0.3 * lines
    if need > h:
        fig.set_size_inches(w, need)


def counts_stacked_hbar(table: pd.DataFrame, *, title: str, xlabel: str, ylabel: str = "",
                        colors: dict[str, str] | None = None, legend_title: str = ""):
    """Horizontal stacked bars of counts (see hemiplan.figures.stacked_hbar), integer
    ticks, legend to the right of the plot."""
    fig = figures.stacked_hbar(table, title=title, xlabel=xlabel, ylabel=ylabel, colors=colors,
                               legend_title=legend_title)
    ax = fig.axes[0]
    _integer_counts(ax)
    ax.legend(title=legend_title or None, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    _fit_height(fig, ax)
    fig.tight_layout()
    return fig


def counts_hbar(labels, values, *, title: str, xlabel: str, ylabel: str = "", colors=None):
    """Horizontal bars of counts (see hemiplan.figures.hbar) with integer ticks."""
    fig = figures.hbar(labels, values, title=title, xlabel=xlabel, ylabel=ylabel, colors=colors)
    _integer_counts(fig.axes[0])
    _fit_height(fig, fig.axes[0])
    fig.tight_layout()
    return fig


def value_hbar(labels, values, *, title: str, xlabel: str, ylabel: str = "", colors=None,
               legend: dict[str, str] | None = None, reference: tuple[float, str] | None = None):
    """Horizontal bars of stated figures (values of different units side by side),
    with an optional colour legend ``legend`` (label → colour) and an optional
    dashed reference line ``reference`` = (value, label), e.g. the number of member
    states against counts of ratifying states."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    fig = figures.hbar(labels, values, title=title, xlabel=xlabel, ylabel=ylabel, colors=colors)
    ax = fig.axes[0]
    _integer_counts(ax)
    handles = [Patch(color=c, label=lab) for lab, c in (legend or {}).items()]
    if reference is not None:
        ref, ref_label = reference
        ax.axvline(float(ref), color="#555555", linestyle="--", linewidth=1)
        left, right = ax.get_xlim()
        ax.set_xlim(left, max(right, float(ref) * 1.08))
        handles.append(Line2D([0], [0], color="#555555", linestyle="--", linewidth=1, label=ref_label))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    _fit_height(fig, ax)
    fig.tight_layout()
    return fig
