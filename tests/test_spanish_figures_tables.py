"""Spanish figures and tables (issue 19): the numbers of a figure's axes are written as
Spanish writes them (CLDR: '10.000', '2,5'; years as '2014'), the report's own words in
a table (a paragraph's excerpt) are marked with the report's language with one sentence
saying so, and the member states' Spanish names are the CLDR (UN) names except where
the OAS writes them otherwise; English figures and tables are as they were."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from babel import Locale
from matplotlib.ticker import ScalarFormatter

from hemiplan import language, paths
from hemiplan.data import csvio, names
from hemiplan.present import figures, maps, marks, tables


@pytest.fixture
def es():
    language.use("es")
    yield
    language.use("en")
    marks.set_report_language(None)
    plt.close("all")


def _ticks(axis) -> list[str]:
    axis.figure.canvas.draw()
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


def test_a_spanish_figure_writes_its_axis_numbers_by_cldr(es):
    fig = figures.hbar(["a", "b"], [12040, 3], title="T", xlabel="Participantes")
    ticks = _ticks(fig.axes[0].xaxis)
    assert "10.000" in ticks and "0" in ticks, ticks
    assert not any("," in t for t in ticks), ticks
    line = figures.line(pd.Series([1.5, 2.25, 3.0], index=[2012, 2013, 2014]), title="T", xlabel="Año", ylabel="n")
    years, values = _ticks(line.axes[0].xaxis), _ticks(line.axes[0].yaxis)
    assert "2014" in years and not any("." in y for y in years), years
    # the ticks of one axis share their decimals, with a decimal comma
    assert "2,0" in values and "2,2" in values and not any("." in v for v in values), values


def test_a_spanish_timeline_and_map_colour_scale_follow_the_page(es):
    events = pd.DataFrame({"label": ["a", "b"], "year": [2012, 2014]})
    assert "2014" in _ticks(figures.timeline(events, title="T").axes[0].xaxis)
    members = csvio.read_text_table(paths.REFERENCE / "member_states.csv")
    members = members.assign(tile_row=members["tile_row"].astype(int), tile_col=members["tile_col"].astype(int))
    fig = maps.tile_map(members, {"MEX": 12000, "PER": 300}, title="T", legend_label="Participantes",
                        integer=False)
    colour_scale = fig.axes[-1].yaxis
    assert any("." in t for t in _ticks(colour_scale)), _ticks(colour_scale)


def test_tick_labels_by_cldr(es):
    assert figures.tick_label(1234.5) == "1.234,5"
    assert figures.tick_label(-0.0001) == "0"
    assert figures.tick_label(2, decimals=1) == "2,0"
    assert figures.year_label(2014.0) == "2014"


def test_english_figures_keep_matplotlibs_own_tick_labels():
    language.use("en")
    fig = figures.hbar(["a", "b"], [12040, 3], title="T", xlabel="Participants")
    assert isinstance(fig.axes[0].xaxis.get_major_formatter(), ScalarFormatter)
    assert "10000" in _ticks(fig.axes[0].xaxis)
    plt.close("all")


EXCERPT = "CICTE trained 59 prosecutors in Uruguay in May."


def _mentions() -> pd.DataFrame:
    return pd.DataFrame({"paragraph_id": ["2031-V.a-02"], "section": ["V"], "excerpt": [EXCERPT]})


def test_the_reports_words_in_a_spanish_table_are_marked_with_its_language(es):
    marks.set_report_language("en")
    markup = tables.html_table(_mentions(), source="paragraph_id", caption="Párrafos que nombran a Bolivia")
    assert f'<td><span lang="en">{EXCERPT}</span></td>' in markup
    assert '<caption><span class="hemiplan-caption">Párrafos que nombran a Bolivia</span></caption>' in markup
    assert markup.endswith('</table></div><p class="hemiplan-lang-note"><em>Cita en el idioma original del informe '
                           '(inglés).</em></p>')
    # a Spanish report on a Spanish page: nothing to mark
    marks.set_report_language("es")
    markup = tables.html_table(_mentions(), source="paragraph_id", caption="Párrafos")
    assert "lang=" not in markup and "hemiplan-lang-note" not in markup


def test_a_long_excerpt_is_marked_on_screen_and_in_print(es):
    marks.set_report_language("en")
    long = pd.DataFrame({"excerpt": [EXCERPT + " " + EXCERPT]})
    markup = tables.html_table(long)
    assert markup.count(' lang="en"') == 2
    assert "<caption>" not in markup and markup.count('class="hemiplan-lang-note"') == 1


def test_english_tables_of_the_reports_words_are_as_they_were():
    language.use("en")
    marks.set_report_language("en")
    markup = tables.html_table(_mentions(), source="paragraph_id", caption="Paragraphs naming Bolivia")
    assert "lang=" not in markup and "hemiplan-lang-note" not in markup
    assert '<caption><span class="hemiplan-caption">Paragraphs naming Bolivia</span></caption>' in markup


#: Where the OAS's Spanish name of a member state differs from CLDR's (the UN's
#: terminology writes "Suriname" too).
OAS_SPELLINGS = {"SUR": "Suriname"}
#: The member states' ISO 3166 two-letter codes, by which CLDR names territories.
ISO2 = {"ATG": "AG", "ARG": "AR", "BHS": "BS", "BRB": "BB", "BLZ": "BZ", "BOL": "BO", "BRA": "BR",
        "CAN": "CA", "CHL": "CL", "COL": "CO", "CRI": "CR", "CUB": "CU", "DMA": "DM", "DOM": "DO",
        "ECU": "EC", "SLV": "SV", "GRD": "GD", "GTM": "GT", "GUY": "GY", "HTI": "HT", "HND": "HN",
        "JAM": "JM", "MEX": "MX", "NIC": "NI", "PAN": "PA", "PRY": "PY", "PER": "PE", "KNA": "KN",
        "LCA": "LC", "VCT": "VC", "SUR": "SR", "TTO": "TT", "USA": "US", "URY": "UY", "VEN": "VE"}


def test_the_spanish_names_of_the_member_states_are_the_official_ones():
    ms = csvio.read_text_table(paths.REFERENCE / "member_states.csv")
    assert sorted(ms["iso3"]) == sorted(ISO2)
    cldr = Locale("es").territories
    expected = {iso3: OAS_SPELLINGS.get(iso3) or cldr[ISO2[iso3]] for iso3 in ms["iso3"]}
    wrong = {i: (n, expected[i]) for i, n in zip(ms["iso3"], ms["name_es"]) if n != expected[i]}
    assert not wrong, wrong
    named = dict(zip(ms["iso3"], ms["name_es"]))
    assert (named["BLZ"], named["GRD"], named["KNA"]) == ("Belice", "Granada", "San Cristóbal y Nieves")


def test_the_programmes_the_report_names_are_marked_but_the_books_placeholder_is_not(es):
    marks.set_report_language("en")
    df = pd.DataFrame({"program": ["Program of Assistance for the Control of Arms and Munitions",
                                   "(ningún programa nombrado)", names.English("Tourism Security")],
                       "activities": [3, 2, 1]})
    markup = tables.html_table(df, caption="Por programa")
    assert '<th scope="row"><span lang="en">Program of Assistance for the Control of Arms and Munitions</span></th>' in markup
    assert '<th scope="row">(ningún programa nombrado)</th>' in markup
    assert '<th scope="row"><span lang="en">Tourism Security</span></th>' in markup
    assert "hemiplan-lang-note" not in markup  # names, not quotes: no note
    language.use("en")
    assert "lang=" not in tables.html_table(df, caption="By programme")
