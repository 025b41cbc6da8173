"""The presentation stage in Spanish (issue 19): the Edition box, figure captions, tables,
the source-text page and the Review page read in Spanish; the report's words keep the
report's language (``lang`` on their element, and one sentence saying so); a name with no
Spanish form (``names.English``) is marked ``lang="en"`` in tables and in Markdown; and
on English pages nothing of this is added."""
from __future__ import annotations

from types import SimpleNamespace

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from hemiplan import language
from hemiplan.analysis import review as review_analysis
from hemiplan.data import names
from hemiplan.present import book, figures, marks, provenance, review, sourcetext, style, tables


@pytest.fixture
def es():
    language.use("es")
    yield
    language.use("en")
    plt.close("all")


def _shown(monkeypatch) -> list:
    shown = []
    monkeypatch.setattr(book, "_display", lambda bundle, metadata=None: shown.append((bundle, metadata)))
    return shown


def _edition(report_language: str = "en"):
    return SimpleNamespace(year=2014, data_hash="0123456789abcdef", years=[2014], language=report_language,
                           paragraphs=pd.DataFrame(index=range(101)), activities=pd.DataFrame(index=range(150)),
                           indicators=pd.DataFrame(index=range(52)))


def test_the_edition_box_reads_in_spanish_and_says_the_translation_is_the_projects(es, monkeypatch):
    shown = _shown(monkeypatch)
    book.edition(_edition())
    text = shown[0][0]["text/markdown"]
    assert text.startswith(":::{admonition} Edición\n:class: note\n")
    assert ("Informe del año **2014** · versión de los datos `0123456789` · 101 párrafos, 150 actividades y "
            "52 cifras declaradas · años con datos: 2014.") in text
    assert "traducción del proyecto, nunca un texto de la OEA" in text


def test_the_english_edition_box_is_as_it_was(monkeypatch):
    shown = _shown(monkeypatch)
    book.edition(_edition())
    assert shown[0][0]["text/markdown"] == (
        ":::{admonition} Edition\n:class: note\nReport year **2014** · data version `0123456789` · 101 paragraphs, "
        "150 activities and 52 stated figures · years with data: 2014.\n:::")


def test_captions_downloads_and_no_data_in_spanish(es, monkeypatch, tmp_path):
    shown = _shown(monkeypatch)
    monkeypatch.setenv(book.DOWNLOADS_ENV, str(tmp_path))
    book.figure(figures.hbar(["a"], [3], title="V", xlabel="Valor", ylabel="Cifra"), name="fig-x",
                caption="Capacitación por tipo.", alt="Barras.", sources=["2014-V.a-01"])
    caption = shown[-1][1][book.META_KEY]["caption"]
    assert caption.startswith("Capacitación por tipo. Fuente: párrafos del informe {ref}`2014-V.a-01 <src-2014-v-a-01>`.")
    assert caption.endswith("{download}`Los datos de este gráfico (CSV) <downloads/fig-x.csv>`")
    book.table(pd.DataFrame({"a": [1]}), caption="T", download="t-x")
    assert shown[-1][0]["text/markdown"] == "{download}`Descargar esta tabla en CSV <downloads/t-x.csv>`"
    book.no_data("acuerdos")
    assert shown[-1][0]["text/markdown"] == "*El informe de este año no recoge acuerdos.*"
    assert provenance.refs([f"2014-V.a-{i:02d}" for i in range(1, 5)], limit=2).endswith(" y 2 más")


def test_a_name_without_a_spanish_form_is_marked_english_in_a_table(es):
    df = pd.DataFrame({"Organización": [names.English("Inter-American <Bank>"), "Oficina de las Naciones Unidas"],
                       "n": [12040, 3]})
    markup = tables.html_table(df)
    assert '<th scope="row"><span lang="en">Inter-American &lt;Bank&gt;</span></th>' in markup
    assert '<th scope="row">Oficina de las Naciones Unidas</th>' in markup
    # numbers by CLDR
    assert '<td class="num" data-order="12040.0">12.040</td>' in markup
    long = names.English("A very long English title of an activity that has no reviewed Spanish title at all")
    markup = tables.html_table(pd.DataFrame({"Título": [long]}))
    assert markup.count(' lang="en"') == 2  # the short text on screen and the full text in print
    assert tables.format_value(True) == "sí"


def test_english_tables_add_no_mark():
    df = pd.DataFrame({"Organisation": [names.English("Inter-American Bank")], "n": [12040]})
    markup = tables.html_table(df)
    assert "lang=" not in markup and '<td class="num" data-order="12040.0">12,040</td>' in markup


def test_spanish_numbers_written_as_text_sort_as_numbers(es):
    markup = tables.html_table(pd.DataFrame({"Qué": ["a", "b"], "Participantes": ["más de 1.200", "unos 300"]}))
    assert 'data-order="1200.0">más de 1.200</td>' in markup and 'data-order="300.0">unos 300</td>' in markup


def test_marked_wraps_english_names_for_markdown_only_on_other_pages(es):
    assert book.marked(names.English("Course on *drugs*")) == '<span lang="en">Course on \\*drugs\\*</span>'
    assert book.marked("Curso sobre drogas") == "Curso sobre drogas"
    language.use("en")
    assert book.marked(names.English("Course on *drugs*")) == "Course on \\*drugs\\*"


def test_the_quote_note_says_the_quotes_are_in_the_reports_language(es):
    assert book.quote_note(_edition("en")) == "Cita en el idioma original del informe (inglés)."
    assert book.quote_note(_edition("es")) == ""
    language.use("en")
    assert book.quote_note(_edition("en")) == ""
    assert marks.quote_note("es") == "Quoted in the report's original language (Spanish)."


def _page(report_language="en", translations=None) -> str:
    paragraphs = pd.DataFrame([{
        "paragraph_id": "2014-V.a-01", "section": "V", "section_title": "TRAINING", "subsection": "a",
        "subsection_title": "Courses", "heading": "", "line_start": 3, "line_end": 4,
        "text": "CICAD held two courses in Lima."}])
    activities = pd.DataFrame([{"activity_id": "2014-A001", "paragraph_id": "2014-V.a-01", "quote": "two courses",
                                "title": "Courses in Lima", "events": 2, "participants": 40,
                                "participants_qualifier": "approx"}])
    indicators = pd.DataFrame([{"indicator_id": "2014-I001", "paragraph_id": "2014-V.a-01", "quote": "in Lima",
                                "indicator": "courses", "value": 2, "unit": "courses", "qualifier": "exact"}])
    return sourcetext.page_markdown(paragraphs, activities, indicators, report_language=report_language,
                                    translations=translations)


def test_the_source_text_reads_in_spanish_around_the_reports_words_marked_english(es):
    page = _page()
    assert page.startswith('<p class="hemiplan-lang-note">El texto del informe se reproduce en su idioma original '
                           "(inglés).</p>")
    assert '<h2 class="hemiplan-src-section" lang="en">V. Training</h2>' in page
    assert '<h3 class="hemiplan-src-subsection" lang="en">a) Courses</h3>' in page
    assert '<p lang="en">CICAD held <mark' in page
    assert '<span class="hemiplan-lines">líneas 3–4</span> <span class="hemiplan-badge">1 actividad</span>' in page
    assert "<summary>2 filas de datos extraídas de este párrafo</summary>" in page
    assert ("· actividad · <span lang=\"en\">Courses in Lima</span> · 2 eventos · 40 participantes "
            "(aproximadamente)</li>") in page
    assert '· cifra declarada · <span lang="en">courses: 2 courses</span> (exacto)</li>' in page
    translations = pd.DataFrame([{"activity_id": "2014-A001", "language": "es", "status": "reviewed",
                                  "title": "Cursos en Lima"}])
    assert "· actividad · Cursos en Lima · 2 eventos" in _page(translations=translations)


def test_the_english_source_text_of_an_english_report_has_no_mark():
    page = _page()
    assert "lang=" not in page and "hemiplan-lang-note" not in page
    assert "· activity · Courses in Lima · 2 events · 40 participants (approx)</li>" in page


def test_a_spanish_report_on_an_english_page_is_marked_spanish():
    page = _page(report_language="es")
    assert "The report&#x27;s text is shown in its original language (Spanish)." in page
    assert '<p lang="es">CICAD held' in page and '<span lang="es">Courses in Lima</span>' in page


def test_the_review_page_reads_in_spanish_with_its_quotes_marked(es, monkeypatch):
    group = {"paragraph_id": "2014-V.a-01", "text": "CICAD held two courses in Lima.",
             "rows": [{"id": "2014-A001", "kind": "activity", "what": "Courses in Lima", "quote": "two courses",
                       "checks": [review_analysis._activity_checks({"dependency": "", "countries": "",
                                                                     "participants_qualifier": "more_than"}, 2014)[0]]}]}
    markup = review._group(group, "en")
    assert "<h2>Párrafo <a" in markup and '<span class="hemiplan-badge">1 fila en borrador</span>' in markup
    assert '· actividad: <span lang="en">Courses in Lima</span>' in markup
    assert '<blockquote class="hemiplan-review-text" lang="en">CICAD held <mark>two courses</mark>' in markup
    assert "<p>Qué verificar:</p><ul><li>no se nombra ninguna dependencia</li></ul>" in markup
    checks = review_analysis._activity_checks({"dependency": "CICAD", "countries": "PER", "participants_qualifier":
                                               "more_than", "held_year": "2013"}, 2014)
    assert checks == ["la cifra de participantes es un mínimo (más de)",
                      "realizada en 2013, no en 2014: se conserva, pero no es una actividad del año"]


def test_dependency_names_follow_the_page(es):
    assert style.dependency_name("CICAD") == "Secretaría Ejecutiva de la CICAD (drogas)"
    assert style.dependency_name("Joint") == "Dirigidas conjuntamente por dos o más dependencias"
    only_english = pd.DataFrame([{"dependency": "DPS", "language": "en", "name": "Department of Public Security",
                                  "acronym": "DPS"}])
    name = style.dependency_name("DPS", only_english)
    assert isinstance(name, names.English) and name == "Department of Public Security"
    language.use("en")
    assert style.dependency_name("CICAD") == "Executive Secretariat of CICAD (drugs)"
    assert style.dependency_name("Joint") == style.JOINT_NAME


def test_figure_words_in_spanish(es):
    months = getattr(figures.by_month(pd.DataFrame({"CICAD": [1200, 2]}, index=[1, 6]), title="M", ylabel="n"),
                     figures.DATA_ATTR)
    assert list(months.columns) == ["Mes", "CICAD"] and months["Mes"].tolist()[:2] == ["ene", "feb"]
    fig = figures.hbar(["a", "b"], [12040, 3], title="V", xlabel="x")
    assert "12.040" in [t.get_text() for t in fig.axes[0].texts]
    assert figures.whole(2.5) == "2"


def test_a_figure_s_data_keeps_its_english_marks_in_the_table_under_it(es, monkeypatch, tmp_path):
    """A CSV keeps no mark: the figure's data file has the languages of its cells beside
    it, and the table the book shows under the figure marks them again."""
    from types import SimpleNamespace

    from hemiplan.build import sphinx_ext
    from hemiplan.present import marks

    _shown(monkeypatch)
    downloads = tmp_path / "chapters" / "downloads"
    monkeypatch.setenv(book.DOWNLOADS_ENV, str(downloads))
    fig = figures.hbar([names.English("Ocean Guard Unit"), "Policía Nacional"], [7, 3], title="V",
                       xlabel="Participantes", ylabel="Organización")
    book.figure(fig, name="fig-orgs", caption="Organizaciones.", alt="Barras.")
    assert (downloads / f"fig-orgs.csv{marks.MARKS_SUFFIX}").is_file()
    app = SimpleNamespace(srcdir=str(tmp_path))
    context = {"body": '<figure class="align-default" id="fig-orgs"><img src="x.png" alt="Barras."></figure>'}
    sphinx_ext.figure_data(app, "chapters/training", "page.html", context, None)
    assert '<span lang="en">Ocean Guard Unit</span>' in context["body"]
    assert '<span lang="en">Policía Nacional</span>' not in context["body"] and "Policía Nacional" in context["body"]
    # without the marks file (an English page's figure: nothing to mark), the same table unmarked
    (downloads / f"fig-orgs.csv{marks.MARKS_SUFFIX}").unlink()
    context = {"body": '<figure class="align-default" id="fig-orgs"><img src="x.png" alt="Barras."></figure>'}
    sphinx_ext.figure_data(app, "chapters/training", "page.html", context, None)
    assert 'lang="en"' not in context["body"] and "Ocean Guard Unit" in context["body"]


def test_a_figure_without_a_qualifier_reads_in_spanish(es):
    """The training chapter's row of activities without a participant figure."""
    from hemiplan.data import labels

    assert labels.qualifier_label("") == "sin cifra declarada"
    assert labels.qualifier_label("more_than") == "más de"
