"""The presentation stage on small hand-made inputs: the figure options (whole-number
ticks for counts, legend placement, wrapped labels and the height they need), the
source-text page's headings and badges, and the table's source links."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from hemiplan.present import figures, sourcetext, style, tables


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_counts_get_whole_number_ticks_and_a_legend_where_asked():
    table = pd.DataFrame({"CICTE": [2, 1]}, index=["Plan", "Course"])
    for where in ("below", "right"):
        fig = figures.stacked_hbar(table, title="T", xlabel="Activities", ylabel="Type", counts=True,
                                   legend=where, legend_title="Dependency", colors=style.DEPENDENCY_COLORS)
        ax = fig.axes[0]
        assert ax.get_title(loc="left") == "T" and ax.get_xlabel() == "Activities" and ax.get_ylabel() == "Type"
        assert all(float(t).is_integer() for t in ax.get_xticks())
        assert _texts(ax) == ["CICTE"] and ax.get_legend().get_title().get_text() == "Dependency"
        below = ax.get_legend().get_window_extent().y1 < ax.get_window_extent().y0
        assert below == (where == "below")
    with pytest.raises(ValueError):
        figures.stacked_hbar(table, title="T", xlabel="x", legend="left")


def test_hbar_key_and_reference_line():
    fig = figures.hbar(["a", "b"], [60, 25], title="V", xlabel="Value", ylabel="Figure", counts=True,
                       key={"Ratifications": style.CATEGORY_COLORS["Ratifications"]}, reference=(35, "Members: 35"))
    ax = fig.axes[0]
    assert ax.get_xlim()[1] >= 35 and _texts(ax) == ["Ratifications", "Members: 35"]
    assert all(float(t).is_integer() for t in ax.get_xticks())


def test_paired_panels_share_rows_and_mark_missing_figures():
    left = pd.DataFrame({"CICAD": [3.0, 1.0]}, index=["a) A part with a rather long title that wraps", "b) Short"])
    right = pd.DataFrame({"CICAD": [float("nan"), 20.0]}, index=left.index)
    fig = figures.paired_stacked_hbar(left, right, title="P", left_label="Events", right_label="Participants",
                                      colors=style.DEPENDENCY_COLORS, legend_title="Dependency")
    ax1, ax2 = fig.axes
    assert [t.get_text() for t in ax1.get_yticklabels()][0].count("\n") == 1
    assert "no figure" in [t.get_text() for t in ax2.texts]
    assert all(float(t).is_integer() for ax in (ax1, ax2) for t in ax.get_xticks())


def test_wrap_and_height():
    assert figures.wrap("one two three four", width=9) == "one two\nthree\nfour"
    assert figures.wrap("one two three four", width=9, max_lines=2) == "one two\nthree…"
    assert figures.wrap("") == ""
    one_line = figures.height_for(["a"] * 5)
    assert figures.height_for(["a\nb\nc"] * 5) > one_line >= 2.2
    assert figures.height_for(["a"]) == 2.2 and figures.height_for(["a"], extra=0.6) == pytest.approx(2.8)


def test_month_ticks_use_the_vocabulary():
    fig = figures.by_month(pd.DataFrame({"CICAD": [1, 2]}, index=[1, 6]), title="M", ylabel="Activities")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()][:2] == ["Jan", "Feb"]


def _page(n_activities: int, n_figures: int) -> str:
    paragraphs = pd.DataFrame([{
        "paragraph_id": "2014-II.a-01", "section": "II", "section_title": "NATIONAL STRATEGIES",
        "subsection": "a", "subsection_title": "Strategies <b>and</b> plans", "heading": "",
        "line_start": 3, "line_end": 3, "text": "Some text {{ x }}"}])
    activities = pd.DataFrame({"paragraph_id": ["2014-II.a-01"] * n_activities})
    indicators = pd.DataFrame({"paragraph_id": ["2014-II.a-01"] * n_figures})
    return sourcetext.page_markdown(paragraphs, activities, indicators)


def test_source_text_badges_and_headings_use_the_vocabulary():
    page = _page(3, 1)
    assert '<span class="hemiplan-badge">3 activities</span>' in page
    assert '<span class="hemiplan-badge">1 figure</span>' in page
    assert "activitys" not in _page(2, 0) and "1 activity<" in _page(1, 0)
    assert ">II. National strategies</h2>" in page
    assert ">a) Strategies &lt;b&gt;and&lt;/b&gt; plans</h3>" in page
    assert "&#123;&#123; x &#125;&#125;" in page


def test_table_source_cell_names_how_many_more():
    ids = ";".join(f"2014-II.a-{i:02d}" for i in range(1, tables.SOURCE_LINKS + 3))
    markup = tables.html_table(pd.DataFrame({"what": ["x"], "paragraph_id": [ids]}), source="paragraph_id")
    assert "and 2 more paragraphs" in markup and markup.count("<a href=") == tables.SOURCE_LINKS
    one = ";".join(f"2014-II.a-{i:02d}" for i in range(1, tables.SOURCE_LINKS + 2))
    assert "and 1 more paragraph<" in tables.html_table(pd.DataFrame({"p": [one]}), source="p")
