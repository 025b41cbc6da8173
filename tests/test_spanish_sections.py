"""The chapters on national strategies, legal instruments, law enforcement and data and
methods in Spanish (issue 19): their sentences, statuses, headers and the data
dictionary read in Spanish on a Spanish page, and in English again afterwards; the
chapters execute in Spanish on the SYNTHETIC year 2031 with Spanish headers and
captions and no English sentence of theirs left."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from hemiplan import data, language, paths
from hemiplan.analysis import law_enforcement as le
from hemiplan.analysis import legal_instruments as li
from hemiplan.analysis import methods, sections
from hemiplan.analysis import national_strategies as ns
from hemiplan.analysis import reconciliation as rec
from hemiplan.analysis.frames import member_names, with_context
from hemiplan.data.membership import members_in_year
from hemiplan.data.names import English

from .conftest import SYNTHETIC_DATA


@pytest.fixture(scope="module")
def ed31():
    return data.load(2031, SYNTHETIC_DATA)


def test_csirt_sentences_in_spanish(es):
    series = pd.Series([6.0, 1204.0], index=[2004, 2014])
    assert ns.trend_text(series) == "pasó de 6 en 2004 a 1.204 en 2014"
    assert ns.csirt_text(series) == ("Según los recuentos de los propios informes, el número de CSIRT nacionales "
                                     "pasó de 6 en 2004 a 1.204 en 2014.")
    assert ns.csirt_alt(series).startswith("Gráfico de líneas de 2 recuentos declarados")
    assert ns.csirt_text(pd.Series([27.0], index=[2031])).startswith(
        "Solo se declara un recuento de CSIRT nacionales: el número se situaba en 27 en 2031.")


def test_strategies_sentence_in_spanish(es):
    records = pd.DataFrame({"country": ["Jamaica", "Panamá"], "year": [2038, 2040]})
    assert ns.strategies_sentence(records) == "Los registros se refieren a 2 Estados Miembros, entre 2038 y 2040."
    one = pd.DataFrame({"country": ["Jamaica"], "year": [2040]})
    assert ns.strategies_sentence(one) == "Los registros se refieren a 1 Estado Miembro, en 2040."
    assert ns.topic_label("Citizen security") == "Seguridad ciudadana"
    assert ns.stated_figure_kind() == "Cifra declarada"


def test_legal_sentences_in_spanish(es, ed31):
    ctx = with_context(ed31.activities, ed31.paragraphs)
    assert li.assistance_text(li.assistance_totals(ctx, "III")) == (
        "El informe registra **1 actividad de asistencia legislativa o técnica** (1 evento), que llega a "
        "1 Estado Miembro. Se declaran participantes para ella, que suman **41 participantes**.")
    sec = sections.select(ed31, "legal_instruments")
    members = members_in_year(ed31.member_states, 2031)
    legal = li.legal_figures(sec.indicators, ed31.instruments, member_names(ed31.member_states), len(members))
    assert li.figures_text(legal) == "La sección declara 1 cifra sobre el marco jurídico: 1 sobre ratificaciones."
    table = li.instruments_table(ed31.instruments, sec.paragraphs)
    assert set(table["body"]) == {"Naciones Unidas", "Organización de los Estados Americanos"}
    assert li.instruments_text(table, 2031, True).startswith("La lista de referencia reúne 12 instrumentos adoptados")
    assert li.category_name("Laws and regulations") == "Leyes y reglamentos"


def test_legal_categories_stay_english_for_the_colours(es, ed31):
    """The categories of the figures are keys (colours, order): only their display is translated."""
    sec = sections.select(ed31, "legal_instruments")
    legal = li.legal_figures(sec.indicators, ed31.instruments, member_names(ed31.member_states), 34)
    assert set(legal["category"]) <= set(li.DISPLAY_ORDER)


def test_projects_text_in_spanish(es, ed31):
    sec = sections.select(ed31, "law_enforcement")
    members = members_in_year(ed31.member_states, 2031)
    p = le.projects(sec.activities, member_names(ed31.member_states), ed31.organizations, ed31.translations)
    text = le.projects_text(p, le.beneficiaries(sec.activities, members),
                            le.involvement(sec.activities, ed31.organizations), len(members))
    assert text == ("La sección describe **1 proyecto o actividad**. Menciona 2 Estados Miembros beneficiarios, con lo "
                    f"que se llega en total a **2 de los {len(members)} Estados Miembros**. El informe menciona "
                    "1 organización socia o financiadora para él.")


def test_methods_in_spanish(es, ed31):
    rules = methods.rules(ed31)
    assert rules.loc[0, "rule"] == "Realizadas en otro año" and rules.loc[0, "of"] == "actividades"
    coverage = methods.number_coverage(ed31, ed31.unrecorded)
    assert set(coverage["accounted"]) <= {"en la cita de una actividad", "en la cita de una cifra declarada",
                                          "sin contabilizar"} | {a for a in coverage["accounted"]
                                                                 if a.startswith("no es un dato: ")}
    assert methods.coverage_text(coverage, 2031).startswith("El texto de 2031 contiene **")
    row = methods.data_dictionary("activities").iloc[0]
    assert row["rules"].startswith("obligatoria; única; patrón ")
    # the catalogs give the schemas' titles and descriptions: Spanish, not marked English
    assert row["title"] == "Actividad" and not isinstance(row["title"], English)


def test_data_dictionary_in_english_is_unmarked(ed31):
    row = methods.data_dictionary("activities").iloc[0]
    assert type(row["title"]) is str and row["rules"].startswith("required; unique; pattern ")


def test_reconciliation_in_spanish_and_back(es, ed31):
    recon = rec.reconcile(ed31.indicators, ed31.activities, ed31.paragraphs)
    text = rec.summary_text(rec.summary(recon), 2031)
    assert text.startswith("El informe de 2031 declara 4 totales; de ellos, es posible comparar 3 con cifras "
                           "desglosadas: 1 sin diferencia y 2 con diferencias (que suman 41 en valor absoluto)")
    assert set(rec.display_table(recon)["status"]) <= {"coincide", "total declarado mayor", "las partidas suman más",
                                                       "las partidas no dan cifra", "sin partidas vinculadas"}
    assert set(recon["status"]) <= {rec.STATUS_AGREES, rec.STATUS_STATED_HIGHER, rec.STATUS_ITEMS_HIGHER,
                                    rec.STATUS_NO_FIGURES, rec.STATUS_NO_ITEMS}
    assert rec.DISPLAY_HEADERS["status"] == "Lectura" and rec.DISPLAY_HEADERS.get("stated") == "Total declarado"
    language.use("en")
    assert rec.DISPLAY_HEADERS["status"] == "Reading"


# --- the chapters, executed in Spanish ---------------------------------------------------

#: chapter → a caption or header its Spanish page shows on the synthetic year 2031, and
#: English words of its own that must not be left.
CHAPTERS = {
    "national_strategies": ("Recuentos de CSIRT nacionales declarados en los informes", "Member states reached by"),
    "legal_instruments": ("Instrumentos jurídicos internacionales promovidos en el marco del Plan de Acción",
                          "The reference list holds"),
    "law_enforcement": ("La sección describe **1 proyecto o actividad**", "The section describes"),
    "data_and_methods": ("Las reglas de conteo y las filas de los datos de 2031", "The counting rules"),
}


def _outputs(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    texts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", out.get("evalue")
            d = out.get("data", {})
            texts += ["".join(d.get(k, "")) for k in ("text/markdown", "text/html")]
            meta = out.get("metadata", {}).get("hemiplan")
            if meta:
                texts += [meta["caption"], meta["alt"]]
    return "\n".join(texts)


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_chapter_in_spanish(chapter, tmp_path):
    papermill = pytest.importorskip("papermill")
    out = tmp_path / f"{chapter}-es.ipynb"
    papermill.execute_notebook(str(paths.CHAPTERS / f"{chapter}.ipynb"), str(out),
                               parameters={"year": 2031, "data_dir": str(SYNTHETIC_DATA), "language": "es"},
                               kernel_name="python3", cwd=str(paths.CHAPTERS), progress_bar=False)
    text = _outputs(out)
    spanish, english = CHAPTERS[chapter]
    assert spanish in text
    assert english not in text
    assert ">Fuente<" in text or chapter == "data_and_methods"
