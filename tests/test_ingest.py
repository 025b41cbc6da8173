"""``hemiplan ingest``: formats, errors that change nothing, re-runs that keep a
person's work, atomic writes. Reports here are SYNTHETIC (tests/fixtures/reports)."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from hemiplan import cli, ingest
from hemiplan.data import csvio
from hemiplan.reading import readers
from hemiplan.data.validate import validate_year

from .conftest import snapshot

REPORTS = Path(__file__).parent / "fixtures" / "reports"
SYNTHETIC = REPORTS / "synthetic_2033.txt"
YEAR = 2033
sys.path.insert(0, str(REPORTS))
import synthetic_formats  # noqa: E402


@pytest.fixture
def data(tmp_path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def run(report, data_dir, year=YEAR, *extra) -> int:
    return cli.main(["ingest", str(report), "--year", str(year), "--data-dir", str(data_dir), *extra])


def table(data_dir, name, year=YEAR) -> pd.DataFrame:
    return csvio.read_text_table(Path(data_dir) / str(year) / f"{name}.csv")


# --- a report in, tables out ----------------------------------------------------------------

def test_ingest_writes_raw_text_record_and_draft_tables(data, capsys):
    assert run(SYNTHETIC, data) == 0
    out = capsys.readouterr().out
    raw = data / "raw" / f"{YEAR}.txt"
    assert raw.read_bytes() == SYNTHETIC.read_bytes()
    record = json.loads((data / "raw" / f"{YEAR}.meta.json").read_text(encoding="utf-8"))
    assert record["source_file"] == SYNTHETIC.name and record["format"] == "txt"
    assert record["source_sha256"] == hashlib.sha256(SYNTHETIC.read_bytes()).hexdigest()
    assert record["text_sha256"] == hashlib.sha256(raw.read_bytes()).hexdigest()
    paras, acts, inds = table(data, "paragraphs"), table(data, "activities"), table(data, "indicators")
    assert len(paras) == 16
    assert sorted(set(paras["section"])) == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert set(acts["status"]) == {"draft"} and set(inds["status"]) == {"draft"}
    assert validate_year(YEAR, data) == []
    # every draft row quotes its paragraph
    text = dict(zip(paras["paragraph_id"], paras["text"]))
    for df in (acts, inds):
        for pid, quote in zip(df["paragraph_id"], df["quote"]):
            assert quote and quote in text[pid]
    # the review summary
    assert "V. TRAINING" in out and "rows to check first" in out and "participants approximate" in out
    assert "paragraphs with numbers that produced no row" in out
    assert "NIC, not a member state in 2033" in out


def test_drafted_figures_of_the_synthetic_report(data):
    run(SYNTHETIC, data)
    acts, inds = table(data, "activities"), table(data, "indicators")
    part = acts[acts["participants"] != ""]
    got = {(pid, int(p), q) for pid, p, q in zip(part["paragraph_id"], part["participants"],
                                                 part["participants_qualifier"])}
    assert got == {("2033-IV-01", 45, "exact"), ("2033-V.a-01", 1245, "exact"), ("2033-V.a-02", 86, "exact"),
                   ("2033-V.b-01", 160, "more_than"), ("2033-V.b-02", 310, "approx"), ("2033-V.b-03", 52, "exact"),
                   ("2033-V.c-01", 29, "exact"), ("2033-V.c-01", 20, "exact"), ("2033-V.c-01", 15, "exact")}
    assert sum(int(p) for p in part["participants"]) == 1962
    row = acts[acts["participants"] == "86"].iloc[0]   # "Two workshops ... A total of 86 participants attended these workshops"
    assert (row["events"], row["activity_type"], row["countries"], row["month"]) == ("2", "workshop", "TTO", "5")
    items = acts[acts["paragraph_id"] == "2033-V.c-01"]
    assert dict(zip(items["countries"], items["participants"])) == {"GUY": "29", "BLZ": "20", "LCA": "15"}
    total = inds[inds["indicator"] == "total_participants"].iloc[0]
    assert (total["value"], total["covers"]) == ("64", ";".join(sorted(items["activity_id"])))
    firearms = inds[inds["unit"] == "firearms"]
    assert sorted(zip(firearms["indicator"], firearms["value"], firearms["countries"])) == [
        ("firearms_blz", "480", "BLZ"), ("firearms_guy", "12000", "GUY"), ("total_firearms", "12480", "BLZ;GUY")]
    assert "33" in set(inds["value"]) and "31" in set(inds["value"])
    # non-member places are not countries; Nicaragua is not a member state in 2033
    last = table(data, "paragraphs").set_index("paragraph_id").loc["2033-VII.a-03"]
    assert last["countries"] == ""


def test_drafted_place_attendance_and_basis_of_the_synthetic_report(data):
    """Issue 11: host apart from whose people took part, and how each count is known."""
    run(SYNTHETIC, data)
    acts = table(data, "activities").set_index("paragraph_id", drop=False)
    cols = ["host", "countries", "attendance", "events_basis", "participants_basis"]
    # officials "from" two named states, at a seminar "held in" one of them
    assert acts.loc["2033-V.b-01", cols].tolist() == ["TTO", "KNA;TTO", "named", "counted", "stated"]
    # people "from the region": nobody's state is credited, and the note says why
    region = acts.loc["2033-V.a-01"]
    assert region[cols].tolist() == ["", "", "multinational", "stated", "stated"]
    assert "multinational attendance" in region["note"]
    # "three port control seminars that the ES/CICAD delivered in Belize"
    assert acts.loc["2033-V.b-02", cols].tolist() == ["BLZ", "BLZ", "unstated", "stated", "stated"]
    # the report describes no event of another year and no joint work
    assert set(acts["held_year"]) == {"2033"} and set(acts["joint_with"]) == {""}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_docx_and_pdf_give_the_same_tables_as_text(tmp_path, fmt):
    text = SYNTHETIC.read_text(encoding="utf-8")
    source = tmp_path / f"report.{fmt}"
    (synthetic_formats.write_docx if fmt == "docx" else synthetic_formats.write_pdf)(text, source)
    a, b = tmp_path / "a", tmp_path / "b"
    ingest.ingest(SYNTHETIC, YEAR, a)
    p = ingest.ingest(source, YEAR, b)
    cols = ["paragraph_id", "section", "section_title", "subsection", "subsection_title", "heading", "text",
            "countries", "dependencies"]
    pd.testing.assert_frame_equal(table(a, "paragraphs")[cols], table(b, "paragraphs")[cols])
    acols = ["activity_id", "paragraph_id", "dependency", "activity_type", "countries", "events", "participants",
             "participants_qualifier", "quote"]
    pd.testing.assert_frame_equal(table(a, "activities")[acols], table(b, "activities")[acols])
    pd.testing.assert_frame_equal(table(a, "indicators"), table(b, "indicators"))
    record = json.loads((b / "raw" / f"{YEAR}.meta.json").read_text(encoding="utf-8"))
    assert record["format"] == fmt
    if fmt == "pdf":
        assert record["pages"] == p.source.pages >= 2
    else:
        assert record["source_paragraphs"] == p.source.paragraphs > 16
    assert validate_year(YEAR, b) == []


def test_docx_list_paragraphs_get_their_labels(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("V. TRAINING", style="Heading 1")
    d.add_paragraph("a) Courses", style="Heading 2")
    d.add_paragraph("First bullet about Peru.", style="List Bullet")
    d.add_paragraph("Second bullet about Chile.", style="List Bullet")
    d.add_paragraph("Numbered one.", style="List Number")
    d.add_paragraph("Numbered two.", style="List Number")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Guatemala", "12 officers"
    d.add_paragraph("After the table.")
    d.save(str(tmp_path / "r.docx"))
    text = readers.read_report(tmp_path / "r.docx").text
    lines = [ln for ln in text.splitlines() if ln]
    assert lines == ["V. TRAINING", "a) Courses", "• First bullet about Peru.", "• Second bullet about Chile.",
                     "1. Numbered one.", "2. Numbered two.", "Guatemala | 12 officers", "After the table."]


def test_pdf_running_headers_page_numbers_and_hyphenation(tmp_path):
    text = SYNTHETIC.read_text(encoding="utf-8")
    pdf = synthetic_formats.write_pdf(text, tmp_path / "r.pdf")
    lines = synthetic_formats.pdf_lines(text)
    hyphenated = next(ln for ln in lines if ln.endswith("-") and ln[-2].isalpha())
    got = readers.read_report(pdf)
    assert got.pages >= 2
    assert synthetic_formats.HEADER not in got.text
    assert "Page 1 of" not in got.text and "Page 2 of" not in got.text
    assert hyphenated not in got.text
    assert "national plan against trafficking" in got.text.replace("\n", " ")


@pytest.mark.parametrize("eol,bom", [("\r\n", False), ("\r", False), ("\n", True), ("\r\n", True)])
def test_line_endings_and_byte_order_mark(tmp_path, eol, bom):
    text = SYNTHETIC.read_text(encoding="utf-8")
    source = tmp_path / "r.txt"
    source.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", eol).encode("utf-8"))
    ingest.ingest(source, YEAR, tmp_path / "d")
    assert (tmp_path / "d" / "raw" / f"{YEAR}.txt").read_bytes() == SYNTHETIC.read_bytes()


# --- errors change nothing ------------------------------------------------------------------------

@pytest.fixture
def ingested(data) -> Path:
    """A data folder after one ingest of the synthetic report."""
    ingest.ingest(SYNTHETIC, YEAR, data)
    return data


BAD_FILES = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b"  \n\n\t\n", "is empty"),
    "bom-only.txt": (b"\xef\xbb\xbf\n", "is empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "latin1.txt": ("I. Introduction\nCooperation with Canadá and Perú\n".encode("latin-1"), "not UTF-8"),
    "utf16.txt": ("I. Introduction\n".encode("utf-16"), "UTF-16"),
    "fake.pdf": (b"I. Introduction\nNot a PDF.\n", "not a PDF"),
    "fake.docx": (b"I. Introduction\nNot Word.\n", "not a Word document"),
    "nostructure.txt": (b"A report without any section.\nJust lines.\n", "no section heading"),
    "broken.pdf": (b"%PDF-1.4\n%garbage that is not a pdf\n", "cannot be read as PDF"),
    "headings-only.txt": (b"I. Introduction\nII. Strategies\n", "no paragraph under them"),
    "archive.zip": (b"PK\x03\x04" + bytes(60), "ZIP archive"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_report_files_stop_with_a_message_naming_the_file(ingested, tmp_path, capsys, name):
    content, message = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    before = snapshot(ingested)
    assert run(bad, ingested) == 1
    err = capsys.readouterr().err
    assert message in err and name in err and "nothing was written" in err
    assert snapshot(ingested) == before


def test_non_utf8_message_gives_byte_and_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("I. Introduction\nCooperation with Canad\xe1\n".encode("latin-1"))
    with pytest.raises(ingest.IngestError, match=r"latin1\.txt: not UTF-8 text: byte 38 \(line 2, column 23\)"):
        ingest.plan(bad, YEAR, tmp_path / "d")


def test_missing_file(data, capsys):
    assert run(data / "nope.txt", data) == 1
    assert "nope.txt: no such file" in capsys.readouterr().err
    assert list(data.iterdir()) == []


@pytest.mark.parametrize("year", ["14", "20x4", "12345", "1850", "abcd", " "])
def test_year_must_have_four_digits(ingested, capsys, year):
    before = snapshot(ingested)
    assert run(SYNTHETIC, ingested, year) == 1
    assert "4-digit year" in capsys.readouterr().err
    assert snapshot(ingested) == before


def test_raw_report_is_immutable(ingested, tmp_path, capsys):
    changed = tmp_path / "changed.txt"
    changed.write_text(SYNTHETIC.read_text(encoding="utf-8").replace("forty-five officers", "fifty officers"),
                       encoding="utf-8")
    before = snapshot(ingested)
    assert run(changed, ingested) == 1
    err = capsys.readouterr().err
    assert f"raw/{YEAR}.txt already exists with different content" in err and "--force" in err
    assert "line 21" in err
    assert snapshot(ingested) == before
    # identical content is fine, and a re-run changes nothing at all
    assert run(SYNTHETIC, ingested) == 0
    assert "unchanged" in capsys.readouterr().out
    assert snapshot(ingested) == before
    # --force replaces the raw text and regenerates the drafts
    assert run(changed, ingested, YEAR, "--force") == 0
    assert (ingested / "raw" / f"{YEAR}.txt").read_bytes() == changed.read_bytes()
    assert "50" in set(table(ingested, "activities")["participants"])


# --- a person's work survives ------------------------------------------------------------------------

def review(data_dir) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mark some drafts reviewed (editing them), delete others, add a hand-made row."""
    acts = table(data_dir, "activities")
    keep = acts["paragraph_id"].isin(["2033-V.a-02", "2033-V.c-01"])
    acts.loc[keep, "status"] = "reviewed"
    acts.loc[keep, "title"] = acts.loc[keep, "title"] + " (checked)"
    acts.loc[keep & (acts["participants"] == "86"), "note"] = "two workshops, one figure"
    hand = acts[keep].iloc[0].copy()
    hand["activity_id"], hand["title"], hand["participants"] = f"{YEAR}-A090", "Hand-made row", ""
    hand["participants_qualifier"] = hand["participants_basis"] = hand["attendance"] = ""
    acts = pd.concat([acts, hand.to_frame().T], ignore_index=True)
    inds = table(data_dir, "indicators")
    inds.loc[inds["indicator"] == "total_participants", "status"] = "reviewed"
    csvio.atomic_write_text(data_dir / str(YEAR) / "activities.csv", ingest.table_text(acts, "activities"))
    csvio.atomic_write_text(data_dir / str(YEAR) / "indicators.csv", ingest.table_text(inds, "indicators"))
    paras = table(data_dir, "paragraphs")
    paras.loc[paras["paragraph_id"] == "2033-VII.a-02", "countries"] = "GUY"   # a hand review
    csvio.atomic_write_text(data_dir / str(YEAR) / "paragraphs.csv", ingest.table_text(paras, "paragraphs"))
    return acts[acts["status"] == "reviewed"], inds[inds["status"] == "reviewed"]


def test_rerun_keeps_reviewed_rows_and_hand_review(ingested, capsys):
    n_drafts = len(table(ingested, "activities"))
    reviewed_a, reviewed_i = review(ingested)
    assert run(SYNTHETIC, ingested) == 0
    assert "kept as reviewed: 5 activities, 1 indicators; 1 hand-reviewed paragraph cells" in capsys.readouterr().out
    acts, inds = table(ingested, "activities"), table(ingested, "indicators")
    pd.testing.assert_frame_equal(acts[acts["status"] == "reviewed"].reset_index(drop=True),
                                  reviewed_a.reset_index(drop=True).astype(str))
    pd.testing.assert_frame_equal(inds[inds["status"] == "reviewed"].reset_index(drop=True),
                                  reviewed_i.reset_index(drop=True).astype(str))
    assert acts["activity_id"].is_unique and inds["indicator_id"].is_unique
    drafts = acts[acts["status"] == "draft"]
    top = max(int(i.split("-A")[1]) for i in reviewed_a["activity_id"])
    assert all(int(i.split("-A")[1]) > top for i in drafts["activity_id"])
    # figures a reviewed row quotes are not drafted again
    assert not drafts["paragraph_id"].isin(["2033-V.a-02", "2033-V.c-01"]).any()
    assert len(drafts) == n_drafts - 4   # the four drafts of V.a-02 and V.c-01 were reviewed
    assert table(ingested, "paragraphs").set_index("paragraph_id").loc["2033-VII.a-02", "countries"] == "GUY"
    assert validate_year(YEAR, ingested) == []
    # and a second re-run is a no-op
    before = snapshot(ingested)
    assert run(SYNTHETIC, ingested) == 0
    assert snapshot(ingested) == before


def test_hand_review_is_dropped_only_where_the_paragraph_changed(ingested, tmp_path):
    review(ingested)
    changed = tmp_path / "changed.txt"
    text = SYNTHETIC.read_text(encoding="utf-8")
    changed.write_text(text.replace("(12,000) and Belize (480)", "(12,000) and Belize (480) in July"), encoding="utf-8")
    ingest.ingest(changed, YEAR, ingested, force=True)
    paras = table(ingested, "paragraphs").set_index("paragraph_id")
    assert paras.loc["2033-VII.a-02", "countries"] == "BLZ;GUY"   # text changed: regenerated


def test_reviewed_row_whose_paragraph_disappears_stops_ingest(ingested, tmp_path, capsys):
    review(ingested)
    shorter = tmp_path / "shorter.txt"
    text = SYNTHETIC.read_text(encoding="utf-8")
    shorter.write_text(text.replace("c) Arms and munitions\n", "").replace(
        "• The DPS trained a total of 64 national personnel", "• Nothing else. The DPS trained a total of 64 "
        "national personnel").split("c) Arms")[0].replace(
        text[text.index("• The DPS trained"):text.index("VI. INFORMATION")], ""), encoding="utf-8")
    before = snapshot(ingested)
    assert run(shorter, ingested, YEAR, "--force") == 1
    err = capsys.readouterr().err
    assert "reviewed row" in err and "2033-V.c-01" in err and "nothing was changed" in err
    assert snapshot(ingested) == before


def test_unknown_status_is_kept_not_regenerated(ingested):
    acts = table(ingested, "activities")
    acts.loc[0, "status"] = "Reviewed"
    csvio.atomic_write_text(ingested / str(YEAR) / "activities.csv", ingest.table_text(acts, "activities"))
    p = ingest.ingest(SYNTHETIC, YEAR, ingested)
    assert "Reviewed" in set(table(ingested, "activities")["status"])
    assert any("neither draft nor reviewed" in w for w in p.warnings)


def test_a_table_without_status_stops_ingest(ingested, capsys):
    acts = table(ingested, "activities").drop(columns=["status"])
    (ingested / str(YEAR) / "activities.csv").write_text(acts.to_csv(index=False), encoding="utf-8")
    before = snapshot(ingested)
    assert run(SYNTHETIC, ingested) == 1
    assert "no status or paragraph_id column" in capsys.readouterr().err
    assert snapshot(ingested) == before


def test_extra_columns_stop_ingest_rather_than_drop_them(ingested, capsys):
    acts = table(ingested, "activities")
    acts["my_notes"] = "x"
    (ingested / str(YEAR) / "activities.csv").write_text(acts.to_csv(index=False), encoding="utf-8")
    before = snapshot(ingested)
    assert run(SYNTHETIC, ingested) == 1
    assert "my_notes" in capsys.readouterr().err
    assert snapshot(ingested) == before


# --- atomic: all files or none ------------------------------------------------------------------------

def _changed_report(tmp_path) -> Path:
    changed = tmp_path / "changed.txt"
    changed.write_text(SYNTHETIC.read_text(encoding="utf-8").replace("52 officers", "57 officers"), encoding="utf-8")
    return changed


def test_a_failing_write_leaves_the_previous_files(ingested, tmp_path, monkeypatch):
    before = snapshot(ingested)
    calls = {"n": 0}
    real = csvio.atomic_write_text

    def flaky(path, text, encoding="utf-8"):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full (simulated)")
        return real(path, text, encoding)

    monkeypatch.setattr(csvio, "atomic_write_text", flaky)
    with pytest.raises(OSError, match="simulated"):
        ingest.ingest(_changed_report(tmp_path), YEAR, ingested, force=True)
    assert snapshot(ingested) == before   # no new file, no temporary file left behind


def test_a_failure_while_swapping_files_in_rolls_back(ingested, tmp_path, monkeypatch):
    before = snapshot(ingested)
    calls = {"n": 0}
    real = os.replace

    def flaky(src, dst):
        if str(src).endswith(".new"):
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError("crash while swapping (simulated)")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OSError, match="simulated"):
        ingest.ingest(_changed_report(tmp_path), YEAR, ingested, force=True)
    monkeypatch.setattr(os, "replace", real)
    assert snapshot(ingested) == before


def test_a_failure_on_a_fresh_year_leaves_no_folder(data, monkeypatch):
    def boom(path, text, encoding="utf-8"):
        raise OSError("simulated")

    monkeypatch.setattr(csvio, "atomic_write_text", boom)
    with pytest.raises(OSError):
        ingest.ingest(SYNTHETIC, YEAR, data)
    assert list(data.iterdir()) == []


# --- the command line ----------------------------------------------------------------------------------

def test_command_line(tmp_path):
    cmd = [sys.executable, "-m", "hemiplan", "ingest", str(SYNTHETIC), "--year", str(YEAR),
           "--data-dir", str(tmp_path / "d")]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "as the 2033 report" in proc.stdout and "wrote" in proc.stdout
    drafts = sum((csvio.read_text_table(tmp_path / "d" / "2033" / f"{t}.csv")["status"] == "draft").sum()
                 for t in ("activities", "indicators"))
    assert drafts and f"next: review the {drafts} draft rows in the browser with `make review YEAR=2033`" in proc.stdout
    bad = subprocess.run(cmd[:-4] + ["--year", "33", "--data-dir", str(tmp_path / "d")], capture_output=True, text=True)
    assert bad.returncode == 1 and "4-digit year" in bad.stderr


def test_numbers_without_a_row_are_listed(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("I. Introduction\n\n• The CICTE network grew from six to nine, and 14 were planned.\n",
                      encoding="utf-8")
    assert run(report, tmp_path / "d", 2040) == 0
    out = capsys.readouterr().out
    assert "2040-I-01: 'six', 'nine', '14'" in out


def test_a_hard_wrapped_report_with_a_table_of_contents(tmp_path):
    """Another SYNTHETIC report, with other conventions: a table of contents, lines
    hard-wrapped at a fixed width, '-' bullets, '(a)' subsections, CRLF line ends."""
    text = (REPORTS / "synthetic_wrapped_2034.txt").read_text(encoding="utf-8")
    source = tmp_path / "wrapped.txt"
    source.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    p = ingest.ingest(source, 2034, tmp_path / "d")
    paras = p.paragraphs
    assert list(paras["paragraph_id"]) == ["2034-I-01", "2034-II.a-01", "2034-V.a-01", "2034-V.a-02", "2034-V.a-03",
                                           "2034-V.b-01", "2034-VII-01"]
    assert paras.iloc[0]["text"].endswith("as this one now does. The paragraph goes on after such a sentence, "
                                          "and ends on a short line.")
    assert (paras.iloc[0]["line_start"], paras.iloc[0]["line_end"]) == ("12", "15")
    acts = p.activities
    got = sorted(zip(acts["paragraph_id"], acts["participants"], acts["participants_qualifier"], acts["events"],
                     acts["countries"]))
    assert got == [("2034-II.a-01", "", "", "1", "PRY"),
                   ("2034-V.a-01", "45", "exact", "1", "BOL;ECU"),
                   ("2034-V.a-02", "38", "exact", "1", "JAM"),
                   ("2034-V.a-03", "78", "exact", "2", "BHS;BRB"),
                   ("2034-V.b-01", "120", "approx", "4", "GTM;HND;SLV")]   # Managua: Nicaragua left in 2023
    items = p.indicators.set_index("indicator")["value"].to_dict()
    assert items == {"total_firearms_marking_machines": "14", "firearms_marking_machines_hnd": "9",
                     "firearms_marking_machines_pan": "5"}
    assert validate_year(2034, tmp_path / "d") == []
