"""DataFrame → matplotlib figure, in the house style. Every figure has a title and
labelled axes; captions and alt text are given by the chapter (hemiplan.present.book.figure).

What several charts share is written once here and chosen by option:

- ``counts=True``: the values are counts, so the value axis has whole-number ticks
  (no '0.2 activities'): :func:`integer_ticks`;
- ``legend="below"`` (centred a fixed distance under the axis label, whatever the
  figure's height) or ``legend="right"`` (beside the plot, never hiding a short bar);
- category labels are wrapped (:func:`wrap`) and the figure is as tall as its bars
  and their wrapped labels need (:func:`height_for`).

Colours come from :mod:`hemiplan.present.style` only. On a page in another language than
English, the numbers of every axis are written as that language writes them (CLDR, by
Babel: '1.200', '0,5'; years without a separator): :func:`localize`, which
:func:`attach_data` applies to every figure."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from babel.numbers import format_decimal
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator, ScalarFormatter

from hemiplan import language, vocabulary
from hemiplan.language import p_
from hemiplan.present import style

#: Distance (inches) from the bottom of the axes to a legend placed below it: clears
#: the tick labels and the axis label on figures of any height.
LEGEND_GAP = 0.62


def whole(value) -> str:
    """A value rounded to a whole number, with the page's thousands separator: '1,204'
    ('1.204' in Spanish); a value that is not a finite number as Python writes it."""
    value = float(value)
    return vocabulary.number(round(value)) if np.isfinite(value) else f"{value:,.0f}"


def _new(height: float | None = None, ncols: int = 1, **kwargs):
    style.apply()
    return plt.subplots(1, ncols, figsize=(style.FIG_WIDTH, height or style.FIG_HEIGHT), **kwargs)


def wrap(label, width: int = 28, max_lines: int | None = None) -> str:
    """Break a long category label over lines, so that the plot keeps its width; with
    ``max_lines``, cut after that many lines with '…'."""
    lines = textwrap.wrap(str(label), width) or [str(label)]
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,;:") + "…"
    return "\n".join(lines)


def height_for(labels, *, margin: float = 0.9, per_bar: float = 0.32, per_line: float = 0.0,
               low: float = 2.2, high: float = 9.0, extra: float = 0.0) -> float:
    """Figure height (inches) for one row per (wrapped) label: margins plus room per bar
    (``per_line`` more per line of the longest label), within ``low``–``high``, plus
    ``extra`` (room for a legend); never less than 0.3 inch per line of label text, so
    that wrapped labels do not overlap."""
    lines = [str(lab).count("\n") + 1 for lab in labels]
    rows = margin + len(lines) * (per_bar + per_line * max(lines, default=1))
    return max(max(low, min(high, rows)) + extra, 1.3 + 0.3 * sum(lines))


def integer_locator(nbins: int = 10) -> MaxNLocator:
    """Tick positions at whole numbers only (counts, years)."""
    return MaxNLocator(integer=True, nbins=nbins)


def integer_ticks(axis, nbins: int = 10) -> None:
    """Whole-number ticks on an axis of counts or years."""
    axis.set_major_locator(integer_locator(nbins))


def tick_label(value, pos=None, decimals: int | None = None) -> str:
    """A tick's number as the page's language writes it (CLDR): '1.200', '0,25' in
    Spanish; with ``decimals`` that many, else up to three (none on a whole number)."""
    value = float(value)
    if not np.isfinite(value):
        return ""
    value = 0.0 if round(value, 3) == 0 else value  # no '-0'
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0" if decimals == 0 else "#,##0.###"
    return format_decimal(round(value, 3), format=pattern, locale=language.cldr())


def _decimals(values) -> int:
    """The fewest decimals (at most three) that write every value exactly."""
    for n in range(4):
        if all(abs(round(float(v), n) - float(v)) < 1e-9 for v in values):
            return n
    return 3


class LocaleFormatter(Formatter):
    """Tick labels in the page's language: the ticks of an axis all with the same number
    of decimals, as matplotlib writes them ('1,5', '2,0', '2,5'), with CLDR's separators."""

    def __call__(self, value, pos=None) -> str:
        return tick_label(value)

    def format_ticks(self, values) -> list[str]:
        decimals = _decimals(values)
        return [tick_label(v, decimals=decimals) for v in values]


def year_label(value, pos=None) -> str:
    """A tick on an axis of years: '2014', never '2.014'."""
    value = float(value)
    return f"{value:.0f}" if value.is_integer() else tick_label(value)


def year_ticks(axis) -> None:
    """Mark an axis as one of years (whole-number ticks, written without a thousands
    separator in every language)."""
    integer_ticks(axis)
    if language.current() != language.SOURCE:
        axis.set_major_formatter(FuncFormatter(year_label))


def localize(fig):
    """On a page in another language than English, every axis whose ticks matplotlib
    writes itself (its default number formatter) written by :func:`tick_label`; an axis
    of category labels or of years (:func:`year_ticks`) is left as it is, and English
    figures are unchanged. Returns ``fig``."""
    if language.current() == language.SOURCE:
        return fig
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if isinstance(axis.get_major_formatter(), ScalarFormatter):
                axis.set_major_formatter(LocaleFormatter())
    return fig


DATA_ATTR = "hemiplan_data"


def attach_data(fig, data: pd.DataFrame):
    """Keep the table a figure plots on the figure itself (``fig.hemiplan_data``), so that
    :func:`hemiplan.present.book.figure` can offer it under the figure as a table and a
    CSV; its axes' numbers in the page's language (:func:`localize`). Returns ``fig``."""
    setattr(fig, DATA_ATTR, data.reset_index(drop=True))
    return localize(fig)


def _text(label) -> str:
    """A label as text, keeping the language a name says it is in (names.English)."""
    return label if isinstance(label, str) else str(label)


def _labelled(table: pd.DataFrame, label: str) -> pd.DataFrame:
    """A plotted table with its index as a first, named column."""
    out = table.copy()
    out.index = [_text(i) for i in out.index]
    out.index.name = label or p_("figure data", "Category")
    out.columns = [str(c) for c in out.columns]
    return out.reset_index()


def _legend(fig, ax, where: str | None, *, title: str = "", ncol: int = 1, handles=None) -> None:
    """The one placement of a single-axes legend: "below", "right" or None (none)."""
    kwargs = {"title": title or None, "fontsize": 8, "title_fontsize": 8}
    if handles is not None:
        kwargs["handles"] = handles
    if where == "below":
        fig.tight_layout()  # the axes' final height sets how far below it the gap reaches
        offset = LEGEND_GAP / max(ax.get_position().height * fig.get_figheight(), 0.1)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -offset), ncol=max(1, min(ncol, 4)), **kwargs)
    elif where == "right":
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), **kwargs)
    elif where is not None:
        raise ValueError(f"legend {where!r}: use 'below', 'right' or None")


def _label_bars(ax, y, totals, *, missing=(), pad: float = 0.01, room: float = 0.12) -> None:
    """Write each bar's total at its end ('no figure' where the row has none) and leave
    ``room`` (a share of the longest bar) for the text."""
    top = max(totals) if len(totals) else 0
    missing = list(missing) or [False] * len(totals)
    for yi, v, none in zip(y, totals, missing):
        ax.text(v + top * pad, yi, p_("figure bar", "no figure") if none else whole(v), va="center", fontsize=8,
                color=style.NO_FIGURE if none else style.TEXT, fontstyle="italic" if none else "normal")
    ax.set_xlim(0, top * (1 + room) if top else 1)


def _stack(ax, table: pd.DataFrame, colors: dict[str, str], y, **label_options) -> None:
    """Stacked horizontal bars (one per row of ``table``, a segment per column) with
    their totals; a row that is NaN throughout is labelled 'no figure'."""
    left = np.zeros(len(table))
    for col in table.columns:
        vals = np.nan_to_num(table[col].to_numpy(dtype=float))
        ax.barh(y, vals, left=left, label=str(col), color=colors.get(col, style.MUTED))
        left += vals
    _label_bars(ax, y, left, missing=table.isna().all(axis=1).to_numpy(), **label_options)


def _axes_text(ax, *, title: str = "", xlabel: str = "", ylabel: str = "") -> None:
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)


def hbar(labels, values, *, title: str, xlabel: str, ylabel: str = "", colors=None, annotate: bool = True,
         counts: bool = False, key: dict[str, str] | None = None, reference: tuple[float, str] | None = None):
    """Horizontal bars, first label on top. ``counts``: whole-number ticks. ``key``
    (label → colour) explains the bars' colours in a legend on the right;
    ``reference`` = (value, label) draws a dashed line, e.g. the number of member
    states against counts of ratifying states."""
    data = pd.DataFrame({ylabel or p_("figure data", "Category"): [_text(lab) for lab in labels],
                         xlabel or p_("figure data", "Value"): [float(v) for v in values]})
    labels, values = [wrap(lab) for lab in labels], [float(v) for v in values]
    fig, ax = _new(height_for(labels))
    y = np.arange(len(labels))[::-1]
    ax.barh(y, values, color=colors or style.ACCENT)
    ax.set_yticks(y, labels)
    _axes_text(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    if annotate:
        _label_bars(ax, y, values)
    if counts:
        integer_ticks(ax.xaxis)
    handles = [Patch(color=c, label=lab) for lab, c in (key or {}).items()]
    if reference is not None:
        ref, ref_label = float(reference[0]), reference[1]
        ax.axvline(ref, color=style.NOTE, linestyle="--", linewidth=1)
        ax.set_xlim(ax.get_xlim()[0], max(ax.get_xlim()[1], ref * 1.08))
        handles.append(Line2D([0], [0], color=style.NOTE, linestyle="--", linewidth=1, label=ref_label))
    if handles:
        _legend(fig, ax, "right", handles=handles)
    fig.tight_layout()
    return attach_data(fig, data)


def stacked_hbar(table: pd.DataFrame, *, title: str, xlabel: str, ylabel: str = "",
                 colors: dict[str, str] | None = None, legend_title: str = "", counts: bool = False,
                 legend: str | None = "below"):
    """Horizontal stacked bars: one bar per index entry, one segment per column.
    ``counts``: whole-number ticks; ``legend``: "below", "right" or None."""
    labels = [wrap(i) for i in table.index]
    fig, ax = _new(height_for(labels, extra=0.6))
    y = np.arange(len(table))[::-1]
    _stack(ax, table, colors or {}, y)
    ax.set_yticks(y, labels)
    _axes_text(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    if counts:
        integer_ticks(ax.xaxis)
    _legend(fig, ax, legend, title=legend_title, ncol=len(table.columns))
    fig.tight_layout()
    return attach_data(fig, _labelled(table, ylabel))


def paired_stacked_hbar(left: pd.DataFrame, right: pd.DataFrame, *, title: str, left_label: str,
                        right_label: str, ylabel: str = "", colors: dict[str, str] | None = None,
                        legend_title: str = ""):
    """Two stacked horizontal bar panels side by side that share their rows (index, first
    row on top) and their groups (columns), e.g. events and participants per part of a
    section, one segment per dependency, so that a reader compares volume with reach.
    A row NaN throughout is labelled 'no figure' rather than drawn as zero; whole-number
    ticks; the legend lists the groups once, under the title."""
    right = right.reindex(index=left.index, columns=left.columns, fill_value=0.0)
    labels = [wrap(i, width=30, max_lines=2) for i in left.index]
    # Each bar gets more room than in a single panel: the panels are half as wide.
    height = height_for(labels, margin=1.5, per_bar=0.3, per_line=0.16, low=2.8, high=11.0)
    fig, (ax1, ax2) = _new(height, ncols=2, sharey=True)
    y = np.arange(len(left))[::-1]
    for ax, table, label in ((ax1, left, left_label), (ax2, right, right_label)):
        _stack(ax, table, colors or {}, y, pad=0.02, room=0.22)
        integer_ticks(ax.xaxis, nbins=5)
        ax.set_xlabel(label)
    ax1.set_yticks(y, labels, fontsize=9)
    ax1.set_ylim(-0.6, len(left) - 0.4)
    ax1.set_ylabel(ylabel)
    ax2.tick_params(axis="y", left=False)
    fig.suptitle(title, x=0.01, y=0.99, ha="left", va="top", fontsize=12, fontweight="bold")
    handles, names = ax1.get_legend_handles_labels()
    # Title on the first line, the legend (groups side by side) below it, then the panels.
    fig.legend(handles, names, title=legend_title or None, loc="upper left", ncol=max(len(names), 1),
               fontsize=8, title_fontsize=8, bbox_to_anchor=(0.0, 1 - 0.3 / height))
    fig.tight_layout(rect=(0, 0, 1, 1 - (0.42 if legend_title else 0.2) / height))
    both = pd.concat([left.add_prefix(f"{left_label}: "), right.add_prefix(f"{right_label}: ")], axis=1)
    return attach_data(fig, _labelled(both, ylabel))


def by_month(counts: pd.DataFrame, *, title: str, ylabel: str, colors: dict[str, str] | None = None):
    """Stacked columns of counts by month (index 1–12, columns are groups)."""
    colors = colors or {}
    counts = counts.reindex(range(1, 13), fill_value=0)
    fig, ax = _new()
    bottom = np.zeros(12)
    for col in counts.columns:
        vals = counts[col].to_numpy(dtype=float)
        ax.bar(range(1, 13), vals, bottom=bottom, label=str(col), color=colors.get(col, style.MUTED))
        bottom += vals
    ax.set_xticks(range(1, 13), [vocabulary.month_abbr(m) for m in range(1, 13)])
    _axes_text(ax, title=title, xlabel=p_("figure axis", "Month"), ylabel=ylabel)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    integer_ticks(ax.yaxis)
    _legend(fig, ax, "below" if len(counts.columns) > 1 else None, ncol=len(counts.columns))
    fig.tight_layout()
    monthly = counts.set_axis([vocabulary.month_abbr(m) for m in range(1, 13)])
    return attach_data(fig, _labelled(monthly, p_("figure axis", "Month")))


def timeline(events: pd.DataFrame, *, title: str, xlabel: str | None = None, ylabel: str = ""):
    """One row per label, a dot per year: columns ``label``, ``year``, optional ``kind``;
    the x axis reads 'Year' (in the page's language) unless ``xlabel`` says otherwise."""
    xlabel = p_("figure axis", "Year") if xlabel is None else xlabel
    labels = list(dict.fromkeys(events["label"]))
    wrapped = [wrap(lab) for lab in labels[::-1]]
    fig, ax = _new(height_for(wrapped))
    ypos = {lab: i for i, lab in enumerate(labels[::-1])}
    kind = events["kind"] if "kind" in events else pd.Series(["event"] * len(events), index=events.index)
    kinds = list(dict.fromkeys(kind))
    for k, name in enumerate(kinds):
        sub = events[kind == name]
        ax.scatter(sub["year"].astype(float), [ypos[lab] for lab in sub["label"]], s=60,
                   color=style.CATEGORICAL[k % len(style.CATEGORICAL)], label=str(name), zorder=3)
    ax.set_yticks(list(ypos.values()), wrapped)
    years = events["year"].astype(int)
    ax.set_xlim(years.min() - 1, years.max() + 1)
    year_ticks(ax.xaxis)
    _axes_text(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    if len(kinds) > 1:
        ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    cols = [c for c in ("label", "year", "kind") if c in events]
    return attach_data(fig, events[cols].rename(columns={"label": ylabel or p_("figure data", "Label"),
                                                         "year": xlabel or p_("figure axis", "Year"),
                                                         "kind": p_("figure data", "Kind")}))


def line(series: pd.Series, *, title: str, xlabel: str, ylabel: str, label_points: bool = True):
    """A line with markers over an integer x (years: written without a thousands separator)."""
    fig, ax = _new()
    x = series.index.astype(float)
    ax.plot(x, series.to_numpy(dtype=float), marker="o", color=style.ACCENT)
    if label_points:
        for xi, v in zip(x, series):
            ax.annotate(whole(v), (xi, v), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
    year_ticks(ax.xaxis)
    _axes_text(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    ax.grid(axis="y", visible=True)
    fig.tight_layout()
    return attach_data(fig, pd.DataFrame({xlabel or "x": list(series.index),
                                          ylabel or p_("figure data", "Value"): list(series)}))


def heatmap(matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, cmap: str = style.SEQUENTIAL):
    """A matrix of counts with the count written in each non-zero cell."""
    labels = [wrap(i) for i in matrix.index]
    fig, ax = _new(height_for(labels))
    data = matrix.to_numpy(dtype=float)
    ax.imshow(np.where(data > 0, data, np.nan), cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns], rotation=0)
    ax.set_yticks(range(matrix.shape[0]), labels)
    top = np.nanmax(data) if data.size else 0
    for (i, j), v in np.ndenumerate(data):
        if v > 0:
            ax.text(j, i, whole(v), ha="center", va="center", fontsize=8,
                    color=style.ON_DARK if v > top * 0.6 else style.TEXT)
    _axes_text(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    ax.grid(False)
    fig.tight_layout()
    return attach_data(fig, _labelled(matrix, ylabel))
