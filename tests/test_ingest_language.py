"""Ingest and the report's language (issue 20): the language is detected (offline) or
given with --language and recorded in raw/<year>.meta.json; a Spanish report drafts
rows that validate, whose quotes are its own Spanish sentences and whose notes speak
English; a report in a language ingest cannot read is refused, naming it, with data/
unchanged."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import pytest

from hemiplan import ingest
from hemiplan.data import csvio, validate
from hemiplan.ingest import language

from .conftest import FIXTURES

ES = FIXTURES / "reports" / "es"
REFUSED = FIXTURES / "reports" / "refused"


def _tree(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def data_dir(tmp_path):
    """An empty data folder with one earlier raw report, so that 'unchanged' means something."""
    d = tmp_path / "data"
    (d / "raw").mkdir(parents=True)
    (d / "raw" / "2036.txt").write_text("I. Introduction\n· Officials from Peru met.\n", encoding="utf-8")
    return d


@pytest.mark.parametrize("name, language_name", [("pt_2037.txt", "Portuguese"), ("fr_2037.txt", "French")])
def test_a_report_in_a_language_ingest_cannot_read_is_refused(data_dir, name, language_name):
    before = _tree(data_dir)
    with pytest.raises(ingest.IngestError, match=rf"written in {language_name} \(\w\w,.*reads English \(en\), "
                                                 rf"Spanish \(es\) only"):
        ingest.ingest(REFUSED / name, 2037, data_dir)
    assert _tree(data_dir) == before


def test_the_command_refuses_it_with_exit_status_1(data_dir):
    before = _tree(data_dir)
    proc = subprocess.run([sys.executable, "-m", "hemiplan", "ingest", str(REFUSED / "pt_2037.txt"), "--year", "2037",
                           "--data-dir", str(data_dir)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Portuguese" in proc.stderr and "nothing was written" in proc.stderr
    assert _tree(data_dir) == before


def test_language_override(data_dir):
    with pytest.raises(ingest.IngestError, match=r"--language pt: ingest reads English \(en\), Spanish \(es\) only"):
        ingest.plan(REFUSED / "pt_2037.txt", 2037, data_dir, lang="pt")
    # forced, a text is read in the language given (here, Spanish read as English finds no activity)
    assert ingest.plan(ES / "raw" / "2037.txt", 2037, data_dir, lang="en").activities.empty
    assert not ingest.plan(ES / "raw" / "2037.txt", 2037, data_dir, lang="es").activities.empty


@pytest.mark.parametrize("path, code", [
    (ES / "raw" / "2037.txt", "es"), (ES / "raw" / "2038.txt", "es"),
    (FIXTURES / "reports" / "synthetic_2033.txt", "en"), (FIXTURES / "synthetic" / "data" / "raw" / "2031.txt", "en"),
])
def test_detection(path, code):
    assert language.detect(path.read_text(encoding="utf-8"))[0] == code


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    """The synthetic Spanish report of 2037 ingested into an empty data folder."""
    d = tmp_path_factory.mktemp("es") / "data"
    d.mkdir()
    plan = ingest.ingest(ES / "raw" / "2037.txt", 2037, d)
    return d, plan


def test_the_language_is_recorded(spanish):
    d, plan = spanish
    assert plan.language == "es"
    assert json.loads((d / "raw" / "2037.meta.json").read_text(encoding="utf-8"))["language"] == "es"
    assert "Spanish" in ingest.summary(plan).splitlines()[0]


def test_the_spanish_draft_edition_validates(spanish):
    d, _ = spanish
    assert validate.validate_year(2037, d) == []


def test_quotes_are_spanish_and_notes_english(spanish):
    d, plan = spanish
    paragraphs = csvio.read_text_table(d / "2037" / "paragraphs.csv")
    text = dict(zip(paragraphs["paragraph_id"], paragraphs["text"]))
    acts = csvio.read_text_table(d / "2037" / "activities.csv")
    assert len(acts) >= 40
    assert all(q in text[p] for p, q in zip(acts["paragraph_id"], acts["quote"]))
    notes = [n for n in acts["note"] if n]
    assert notes and all(n.startswith("Draft: ") for n in notes)
    multinational = acts[acts["attendance"] == "multinational"]
    assert any("(“de la región”)" in n for n in multinational["note"])
    joint = acts[acts["joint_with"] != ""]
    assert set(joint["joint_with"]) <= {"CICAD", "CICTE", "DPS"} and len(joint) >= 3
    assert any("(“En colaboración con el”)" in n for n in joint["note"])


def test_reingesting_unchanged_writes_nothing(spanish, tmp_path):
    d, _ = spanish
    copy = tmp_path / "copy"
    shutil.copytree(d, copy)
    plan = ingest.plan(ES / "raw" / "2037.txt", 2037, copy)
    assert plan.writes == []


def test_events_announced_for_later_are_not_drafted(spanish):
    d, _ = spanish
    acts = csvio.read_text_table(d / "2037" / "activities.csv")
    assert not any(w in q for q in acts["quote"] for w in ("se celebrará", "organizará"))
    recalled = acts[acts["held_year"] != "2037"]
    assert "2036" in set(recalled["held_year"])
    assert all(n.startswith(f"Draft: held in {y} per the text (“") for y, n in zip(recalled["held_year"], recalled["note"]))


def test_the_command_takes_the_language(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    proc = subprocess.run([sys.executable, "-m", "hemiplan", "ingest", str(ES / "raw" / "2038.txt"), "--year", "2038",
                           "--data-dir", str(d), "--language", "es"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Spanish" in proc.stdout.splitlines()[0]
    assert json.loads((d / "raw" / "2038.meta.json").read_text(encoding="utf-8"))["language"] == "es"
    assert validate.validate_year(2038, d) == []


def test_reingest_keeps_a_reviewed_spanish_row_and_does_not_draft_it_again(spanish, tmp_path):
    d, _ = spanish
    copy = tmp_path / "copy"
    shutil.copytree(d, copy)
    path = copy / "2037" / "activities.csv"
    acts = csvio.read_text_table(path)
    row = acts.index[acts["quote"].str.contains("cuarenta y dos policías")][0]
    acts.loc[row, "status"] = "reviewed"
    acts.loc[row, "title"] = "Curso de investigación criminal (revisado)"
    path.chmod(0o644)
    csvio.atomic_write_text(path, ingest.table_text(acts, "activities"))
    plan = ingest.ingest(ES / "raw" / "2037.txt", 2037, copy)
    again = plan.activities
    assert plan.kept_activities == 1
    assert len(again) == len(acts)
    assert (again["quote"].str.contains("cuarenta y dos policías")).sum() == 1
    assert "Curso de investigación criminal (revisado)" in set(again["title"])
