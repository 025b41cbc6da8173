"""The presentation stage on small hand-made inputs: the figure options (whole-number
ticks for counts, legend placement, wrapped labels and the height they need) and the
data each figure keeps; the source-text page's headings, badges, marked quotes and
row lists; the tables (scroll box, compact source links, shortened text, numbers,
sortable long tables); and the book's citation block and the profiles' PDF helpers."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from hemiplan import vocabulary
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
    activities = pd.DataFrame({"activity_id": [f"2014-A{i:03d}" for i in range(n_activities)],
                               "paragraph_id": ["2014-II.a-01"] * n_activities, "quote": "Some text"})
    indicators = pd.DataFrame({"indicator_id": [f"2014-I{i:03d}" for i in range(n_figures)],
                               "paragraph_id": ["2014-II.a-01"] * n_figures, "quote": "text"})
    return sourcetext.page_markdown(paragraphs, activities, indicators)


def test_source_text_badges_and_headings_use_the_vocabulary():
    page = _page(3, 1)
    assert '<span class="hemiplan-badge">3 activities</span>' in page
    assert '<span class="hemiplan-badge">1 figure</span>' in page
    assert "activitys" not in _page(2, 0) and "1 activity<" in _page(1, 0)
    assert ">II. National strategies</h2>" in page
    assert ">a) Strategies &lt;b&gt;and&lt;/b&gt; plans</h3>" in page
    assert "&#123;&#123; x &#125;&#125;" in page


# --- tables that fit, sortable long tables (issue 14) -----------------------------------------

def _rows(n: int, first=None) -> pd.DataFrame:
    return pd.DataFrame({"what": first or [f"row {i}" for i in range(n)], "count": list(range(n)),
                         "paragraph_id": [f"2014-V.a-{i + 1:02d}" for i in range(n)]})


def test_a_table_sits_in_its_own_scroll_box_with_a_sticky_caption_and_no_ids():
    markup = tables.html_table(_rows(3), source="paragraph_id", caption="Rows <b>")
    assert markup.startswith('<div class="hemiplan-table-wrap" role="region" tabindex="0" aria-label="Rows &lt;b&gt;">')
    assert '<caption><span class="hemiplan-caption">Rows &lt;b&gt;</span></caption>' in markup
    assert markup.endswith("</table></div>")
    # deterministic, for strict nbval: the same table gives the same markup, with no id
    assert markup == tables.html_table(_rows(3), source="paragraph_id", caption="Rows <b>")
    assert " id=" not in markup


def test_numbers_are_right_aligned_and_sort_by_value_missing_lowest():
    df = pd.DataFrame({"what": ["a", "b", "c"], "n": [1200.0, None, 3.0],
                       "stated": ["about 300", None, "1,204"], "word": ["x", "12", "y"]})
    markup = tables.html_table(df)
    assert '<td class="num" data-order="1200.0">1,200</td>' in markup
    assert '<td class="num" data-order="-1e300">–</td>' in markup
    # numbers written as text (with a qualifier) align and sort as numbers too ...
    assert '<td class="num" data-order="300.0">about 300</td>' in markup
    assert '<td class="num" data-order="1204.0">1,204</td>' in markup
    # ... but not a text column that merely holds one number
    assert "<td>12</td>" in markup
    assert markup.count('<th scope="col" class="num">') == 2


def test_one_compact_source_link_per_row_naming_the_others():
    ids = "2014-V.a-03;2014-V.a-01;2014-V.a-02"
    markup = tables.html_table(pd.DataFrame({"what": ["x"], "src": [ids]}), source="src", depth=1)
    assert markup.count("<a ") == 1
    assert 'href="../source_text.html#src-2014-v-a-01"' in markup and ">V.a-01</a>" in markup
    assert 'title="Read it in the report: 2014-V.a-01, 2014-V.a-02, 2014-V.a-03"' in markup
    assert '<span class="hemiplan-more" title="Read it in the report: 2014-V.a-01, 2014-V.a-02, 2014-V.a-03">+2</span>' in markup
    assert "hemiplan-more" not in tables.html_table(pd.DataFrame({"w": ["x"], "s": ["2014-V.a-01"]}), source="s")


def test_a_row_naming_its_data_row_links_to_that_quote():
    df = pd.DataFrame({"what": ["x"], "activity_id": ["2014-A007"], "paragraph_id": ["2014-V.a-02"]})
    markup = tables.html_table(df, source="paragraph_id")
    assert 'href="source_text.html#q-2014-a007"' in markup and ">V.a-02</a>" in markup
    assert "A007" not in markup.split("title=")[0] and "Activity id" not in markup


def test_long_text_is_shortened_at_a_word_with_the_full_text_on_hover():
    title = "Seminars on implementing the Authorized Economic Operator program in Colombia, Mexico and Paraguay"
    assert tables.shorten(title) == "Seminars on implementing the Authorized Economic Operator…"
    assert tables.shorten("short") == "short"
    markup = tables.html_table(pd.DataFrame({"title": [title], "n": [1]}))
    assert (f'<span class="hemiplan-short" title="{title}">Seminars on implementing the Authorized Economic Operator…'
            f'</span><span class="hemiplan-full">{title}</span>') in markup


def test_tables_of_ten_rows_or_more_are_sortable_unless_they_have_sub_rows():
    assert "hemiplan-sortable" in tables.html_table(_rows(tables.SORTABLE_ROWS))
    assert "hemiplan-sortable" not in tables.html_table(_rows(tables.SORTABLE_ROWS - 1))
    nested = [f"row {i}" for i in range(12)]
    nested[3] = "↳ a sub-heading"
    assert "hemiplan-sortable" not in tables.html_table(_rows(12, nested))
    # a total row does not count, and is set apart in the table's foot (never sorted)
    total = tables.html_table(_rows(tables.SORTABLE_ROWS), total_row=True)
    assert "hemiplan-sortable" not in total
    assert '<tfoot><tr class="total"><td><strong>row 9</strong></td>' in total


# --- highlighted sources (issue 14) -------------------------------------------------------------

def _source_page(text: str, quotes: list[tuple[str, str]], figures_=()) -> str:
    paragraphs = pd.DataFrame([{
        "paragraph_id": "2014-V.a-01", "section": "V", "section_title": "TRAINING", "subsection": "a",
        "subsection_title": "Courses", "heading": "", "line_start": 3, "line_end": 4, "text": text}])
    activities = pd.DataFrame([{"activity_id": i, "paragraph_id": "2014-V.a-01", "quote": q, "title": f"Course {i}",
                                "events": 2, "participants": 40, "participants_qualifier": "approximately"}
                               for i, q in quotes],
                              columns=["activity_id", "paragraph_id", "quote", "title", "events", "participants",
                                       "participants_qualifier"])
    indicators = pd.DataFrame([{"indicator_id": i, "paragraph_id": "2014-V.a-01", "quote": q, "indicator": "courses",
                                "value": 5, "unit": "courses", "qualifier": "exact"} for i, q in figures_],
                              columns=["indicator_id", "paragraph_id", "quote", "indicator", "value", "unit", "qualifier"])
    return sourcetext.page_markdown(paragraphs, activities, indicators)


def test_each_quote_is_marked_in_its_paragraph_with_its_own_anchor():
    text = "The Secretariat held two courses\nin Lima. It also <b>met</b> partners. Five courses ran."
    page = _source_page(text, [("2014-A001", "held two courses in Lima"), ("2014-A002", "also <b>met</b> partners")],
                        [("2014-I001", "Five courses ran")])
    # whatever the line breaks between the words, the quote is found and marked
    assert '<mark class="hemiplan-quote" id="q-2014-a001" title="2014-A001">held two courses&#10;in Lima</mark>' in page
    assert '<mark class="hemiplan-quote" id="q-2014-a002" title="2014-A002">also &lt;b&gt;met&lt;/b&gt; partners</mark>' in page
    assert 'id="q-2014-i001"' in page
    # Sphinx labels, so that captions can refer to a quote
    assert "(q-2014-a001)=\n" in page and "(src-2014-v-a-01)=\n" in page
    # the rows drawn from the paragraph, in a small expandable block
    assert '<details class="hemiplan-rows"><summary>3 data rows drawn from this paragraph</summary>' in page
    assert ('<li><a href="#q-2014-a001">2014-A001</a> · activity · Course 2014-A001 · 2 events · '
            "40 participants (approximately)</li>") in page
    assert "<li><a href=\"#q-2014-i001\">2014-I001</a> · stated figure · courses: 5 courses (exact)</li>" in page


def test_overlapping_quotes_share_a_mark_and_a_missing_quote_keeps_its_anchor():
    text = "CICAD trained 40 judges and 30 prosecutors in Quito."
    page = _source_page(text, [("2014-A001", "trained 40 judges"), ("2014-A002", "40 judges and 30 prosecutors"),
                               ("2014-A003", "a sentence that is not there")])
    assert ('<mark class="hemiplan-quote" id="q-2014-a001" title="2014-A001, 2014-A002">'
            '<span class="hemiplan-qanchor" id="q-2014-a002"></span>trained 40 judges and 30 prosecutors</mark>') in page
    assert '<span id="q-2014-a003">2014-A003</span> (quote not found in the text)' in page
    assert page.count('id="q-2014-a00') == 3


def test_provenance_links_paragraphs_and_data_rows():
    from hemiplan.present import provenance

    assert provenance.href("2014-V.a-02", 1) == "../source_text.html#src-2014-v-a-02"
    assert provenance.href("2014-A012") == "source_text.html#q-2014-a012"
    assert provenance.ref("2014-I003") == "{ref}`2014-I003 <q-2014-i003>`"
    assert vocabulary.short_id("2014-V.a-02") == "V.a-02"
    ordered = sorted(["2014-A001", "2014-V.a-02", "2014-II.a-01"], key=provenance.order_key)
    assert ordered == ["2014-II.a-01", "2014-V.a-02", "2014-A001"]


# --- each figure's data (issue 14) ---------------------------------------------------------------

def test_figures_keep_the_table_they_plot():
    table = pd.DataFrame({"CICTE": [2, 1], "DPS": [0, 3]}, index=["Plan", "Course"])
    data = getattr(figures.stacked_hbar(table, title="T", xlabel="Activities", ylabel="Type"), figures.DATA_ATTR)
    assert data.to_dict("list") == {"Type": ["Plan", "Course"], "CICTE": [2, 1], "DPS": [0, 3]}
    data = getattr(figures.hbar(["a", "b"], [3, 4], title="V", xlabel="Value", ylabel="Figure"), figures.DATA_ATTR)
    assert data.to_dict("list") == {"Figure": ["a", "b"], "Value": [3.0, 4.0]}
    months = getattr(figures.by_month(pd.DataFrame({"CICAD": [1, 2]}, index=[1, 6]), title="M", ylabel="n"),
                     figures.DATA_ATTR)
    assert months["Month"].tolist()[:2] == ["Jan", "Feb"] and months["CICAD"].sum() == 3


def test_a_map_keeps_each_member_state_and_its_value():
    from hemiplan.present import maps

    ms = pd.DataFrame({"iso3": ["BRA", "ARG"], "name": ["Brazil", "Argentina"], "tile_row": [0, 1], "tile_col": [0, 1]})
    data = getattr(maps.tile_map(ms, {"BRA": 3}, title="T", legend_label="Activities"), figures.DATA_ATTR)
    assert data["Member state"].tolist() == ["Argentina", "Brazil"]
    assert data["Activities"].isna().tolist() == [True, False] and data["Activities"].iloc[1] == 3


def test_book_figure_writes_its_data_and_links_it_from_the_caption(tmp_path, monkeypatch):
    from hemiplan.present import book

    shown = []
    monkeypatch.setattr(book, "_display", lambda bundle, metadata=None: shown.append(metadata))
    monkeypatch.setenv(book.DOWNLOADS_ENV, str(tmp_path))
    fig = figures.hbar(["a"], [3], title="V", xlabel="Value", ylabel="Figure")
    book.figure(fig, name="fig-Training_by-type", caption="Training by type.", alt="Bars.", sources=["2014-V.a-01"])
    caption = shown[0][book.META_KEY]["caption"]
    assert caption.endswith("{download}`The data of this figure (CSV) <downloads/fig-training-by-type.csv>`")
    assert (tmp_path / "fig-training-by-type.csv").read_text(encoding="utf-8") == "Figure,Value\na,3.0\n"


# --- the book's Sphinx extension and the profiles' PDFs (issue 14) --------------------------------

def _app(**config):
    from types import SimpleNamespace

    defaults = {"html_title": "The plan in data — 2014", "project": "", "html_baseurl": "", "hemiplan_year": 2014,
                "hemiplan_data_version": "abc123", "root_doc": "intro"}
    return SimpleNamespace(config=SimpleNamespace(**{**defaults, **config}))


def test_how_to_cite_names_the_page_book_edition_version_and_address():
    from hemiplan.build import sphinx_ext

    block = sphinx_ext.citation(_app(), "chapters/profiles/arg", "Argentina <&>")
    assert "<h2 id=\"hemiplan-cite-h\">How to cite</h2>" in block
    assert ("hemiplan. “Argentina &lt;&amp;&gt;”. In: <em>The plan in data</em>, 2014 edition, data version "
            "<code>abc123</code>.") in block
    assert '<a class="hemiplan-cite-url" href="arg.html">chapters/profiles/arg.html</a>' in block
    absolute = sphinx_ext.citation(_app(html_baseurl="https://example.org/2014/"), "chapters/training", "Training")
    assert ">https://example.org/2014/chapters/training.html</a>" in absolute
    assert sphinx_ext.book_title(_app(html_title="T — 2031 (draft)")) == "T"


def test_pdf_pages_paths_and_a_cache_key_that_follows_the_content(tmp_path):
    from hemiplan.build import pdf

    assert pdf.profile_pages(["chapters/training", "chapters/profiles/arg", "chapters/profiles/bol"]) == [
        "chapters/profiles/arg.html", "chapters/profiles/bol.html"]
    assert pdf.pdf_path("chapters/profiles/arg.html") == "chapters/profiles/arg.pdf"
    (tmp_path / "chapters" / "profiles").mkdir(parents=True)
    (tmp_path / "_static").mkdir()
    page = tmp_path / "chapters" / "profiles" / "arg.html"
    page.write_text('<link href="../../_static/a.css" rel="stylesheet"><img src="../../_images/m.png">')
    (tmp_path / "_static" / "a.css").write_text("h1 {}")
    key = pdf.content_key(tmp_path, "chapters/profiles/arg.html", "browser 1")
    assert key == pdf.content_key(tmp_path, "chapters/profiles/arg.html", "browser 1")
    assert key != pdf.content_key(tmp_path, "chapters/profiles/arg.html", "browser 2")
    (tmp_path / "_static" / "a.css").write_text("h1 { color: red }")
    assert key != pdf.content_key(tmp_path, "chapters/profiles/arg.html", "browser 1")


def test_the_edition_pdf_binds_the_pages_in_order(tmp_path):
    import pypdfium2 as pdfium

    from hemiplan.build import pdf

    parts = []
    for name, n in (("a", 2), ("b", 1)):
        doc = pdfium.PdfDocument.new()
        for _ in range(n):
            doc.new_page(200 if name == "a" else 300, 400)
        doc.save(str(tmp_path / f"{name}.pdf"))
        doc.close()
        parts.append(tmp_path / f"{name}.pdf")
    dest = tmp_path / "downloads" / pdf.edition_pdf(2031).split("/")[-1]
    assert pdf.merge(parts, dest) == 3
    book = pdfium.PdfDocument(str(dest))
    assert [round(book[i].get_width()) for i in range(len(book))] == [200, 200, 300]
    book.close()
    assert pdf.edition_pdf(2031) == "downloads/hemiplan-2031.pdf"
    assert not list(dest.parent.glob(".*tmp"))


# --- languages (issue 19) -------------------------------------------------------------------------

def test_the_source_text_and_tables_read_in_spanish_and_english_pages_add_no_mark():
    from hemiplan import language
    from hemiplan.data import names

    english = _page(3, 1)
    assert "lang=" not in english and "hemiplan-lang-note" not in english
    assert "lang=" not in tables.html_table(pd.DataFrame({"Name": [names.English("Inter-American Bank")]}))
    language.use("es")
    try:
        page = _page(3, 1)
        assert '<span class="hemiplan-badge">3 actividades</span>' in page
        assert '<span class="hemiplan-badge">1 cifra</span>' in page
        assert "(inglés)" in page and '<h2 class="hemiplan-src-section" lang="en">' in page
        markup = tables.html_table(_rows(2), source="paragraph_id")
        assert '<th scope="col">Fuente</th>' in markup and 'title="Léalo en el informe: 2014-V.a-01"' in markup
    finally:
        language.use("en")
