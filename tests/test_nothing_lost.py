"""Nothing lost, nothing half-done (issue 21, the ingest side), as fault-injection tests
in scratch copies: decisions stay decided (re-ingesting an unchanged report drafts
nothing; removed rows are recorded and stay removed), ingest never leaves invalid data,
the files of one write are swapped in together whatever rename a kill interrupts, and
commands fail cleanly on malformed tables, control characters and oversized reports.
The 2014 data are the project's; the other reports are SYNTHETIC."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from hemiplan import cli, ingest, paths
from hemiplan.data import csvio, journal, locks
from hemiplan.data.validate import validate_year
from hemiplan.ingest import guard, source

from .conftest import SYNTHETIC_DATA, snapshot

REPORTS = Path(__file__).parent / "fixtures" / "reports"
SYNTHETIC = REPORTS / "synthetic_2033.txt"
YEAR = 2033


def files(folder: Path) -> dict[str, bytes]:
    """Every file but the lock file (which a writer creates and leaves empty)."""
    return {k: v for k, v in snapshot(folder).items() if not k.endswith(locks.LOCK_NAME)}


def table(data_dir, name, year=YEAR) -> pd.DataFrame:
    return csvio.read_text_table(Path(data_dir) / str(year) / f"{name}.csv")


@pytest.fixture
def data_2014(tmp_path) -> Path:
    """A scratch data folder holding the project's 2014 data and raw report."""
    d = tmp_path / "data"
    shutil.copytree(paths.DATA / "2014", d / "2014")
    (d / "raw").mkdir()
    for f in (paths.DATA / "raw").glob("2014*"):
        shutil.copy2(f, d / "raw" / f.name)
    return d


@pytest.fixture
def reviewed(tmp_path) -> Path:
    """The synthetic 2033 report ingested, every draft accepted."""
    d = tmp_path / "data"
    ingest.ingest(SYNTHETIC, YEAR, d)
    ids = list(table(d, "activities")["activity_id"]) + list(table(d, "indicators")["indicator_id"])
    cli.main(["accept", "--year", str(YEAR), "--data-dir", str(d), *ids])
    return d


# --- decisions stay decided ---------------------------------------------------------------

def test_reingesting_the_unchanged_2014_report_drafts_nothing(data_2014):
    """The probe: before, 25 drafts came back (17 activities, 8 indicators); now none,
    every file is left as it was, and the edition stays reviewed."""
    before = files(data_2014)
    p = ingest.ingest(data_2014 / "raw" / "2014.txt", 2014, data_2014)
    assert p.result.rows == [] and p.writes == []
    assert set(p.activities["status"]) == {"reviewed"} and set(p.indicators["status"]) == {"reviewed"}
    assert files(data_2014) == before
    # and the summary says there is nothing to review, not to go and review
    from hemiplan.ingest import review

    last = review.summary(p).splitlines()[-1]
    assert last.startswith("next: no draft row to review: the 2014 edition is reviewed") and "make review" not in last


def test_removed_2014_rows_are_recorded_with_their_reason():
    removed = csvio.read_text_table(paths.DATA / "2014" / "removed.csv")
    # 25 drafts removed in the 2014 review, and 2 that the structural drafting rules of
    # December 2026 drafted on the same text (restating rows 2014-A010 and 2014-A100)
    assert len(removed) == 27 and removed["reason"].str.strip().ne("").all()
    assert (removed["table"] == "activities").sum() == 19
    # a number unrecorded.csv marks as not data carries its reason
    three = removed[removed["row_id"] == "2014-I053"].iloc[0]
    assert "unrecorded.csv" in three["reason"] and "three" in three["reason"]


def test_a_changed_report_drafts_only_what_changed(data_2014, tmp_path):
    text = (data_2014 / "raw" / "2014.txt").read_text(encoding="utf-8")
    anchor = "The Group of Experts for the Control of Money Laundering met twice during 2014."
    assert anchor in text
    new = "In 2014, CICAD held a workshop in Lima with 35 prosecutors."
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace(anchor, f"{anchor} {new}"), encoding="utf-8")
    p = ingest.ingest(changed, 2014, data_2014, force=True)
    assert p.result.rows and all(r.quote == new for r in p.result.rows), [r.quote for r in p.result.rows]
    assert validate_year(2014, data_2014) == []


def test_remove_records_the_row_and_a_reingest_keeps_it_removed(reviewed, capsys):
    acts = table(reviewed, "activities")
    rid = acts["activity_id"].iloc[0]
    code = cli.main(["remove", "--year", str(YEAR), rid, "--reason", "not an activity of the report",
                     "--data-dir", str(reviewed)])
    assert code == 0, capsys.readouterr().err
    assert "1 row(s) removed" in capsys.readouterr().out
    removed = table(reviewed, "removed")
    assert list(removed["row_id"]) == [rid] and removed["reason"][0] == "not an activity of the report"
    assert rid not in set(table(reviewed, "activities")["activity_id"])
    assert validate_year(YEAR, reviewed) == []
    before = files(reviewed)
    p = ingest.ingest(SYNTHETIC, YEAR, reviewed)
    assert p.result.rows == [] and files(reviewed) == before     # still reviewed, nothing drafted
    # a removed row's id is never given again, and a row cannot be both kept and removed
    assert guard.problems_after(YEAR, reviewed, [(reviewed / str(YEAR) / "removed.csv",
                                                 (reviewed / str(YEAR) / "removed.csv").read_text()
                                                 .replace(rid, acts["activity_id"].iloc[1]), 0o644)])


def test_remove_refuses_unknown_ids_a_missing_reason_and_covered_rows(reviewed, capsys):
    inds = table(reviewed, "indicators")
    covered = next(c for c in inds["covers"] if c).split(";")[0]
    before = files(reviewed)
    for args in (["2033-A999", "--reason", "x"], [covered, "--reason", " "], [covered, "--reason", "x"]):
        assert cli.main(["remove", "--year", str(YEAR), *args, "--data-dir", str(reviewed)]) == 1
    err = capsys.readouterr().err
    assert "2033-A999" in err and "give the reason" in err and f"covers {covered}" in err
    assert files(reviewed) == before


# --- ingest never leaves invalid data -------------------------------------------------------

def test_a_reingest_that_would_not_validate_is_refused_and_changes_nothing(reviewed, tmp_path, capsys):
    acts = table(reviewed, "activities")
    row = acts[acts["quote"].str.len() > 30].iloc[0]
    text = SYNTHETIC.read_text(encoding="utf-8")
    first_words = row["quote"][:25]
    assert first_words in text
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace(first_words, first_words.upper(), 1), encoding="utf-8")
    before = files(reviewed)
    assert cli.main(["ingest", str(changed), "--year", str(YEAR), "--data-dir", str(reviewed), "--force"]) == 1
    err = capsys.readouterr().err
    assert "would not validate" in err and row["activity_id"] not in ("",) and "quote" in err
    assert "nothing was changed" in err and "Traceback" not in err
    assert files(reviewed) == before


# --- all the files of one write, or none, whatever a kill interrupts --------------------------

def _changed_report(tmp_path) -> Path:
    changed = tmp_path / "changed.txt"
    changed.write_text(SYNTHETIC.read_text(encoding="utf-8").replace("52 officers", "57 officers"), encoding="utf-8")
    return changed


def _killed_at(data_dir: Path, report: Path, n: int) -> int:
    """Run the ingest in a child process that dies (os._exit, as SIGKILL: no clean-up)
    at its n-th rename; its exit status (9 when it was killed, 0 when it finished)."""
    pid = os.fork()
    if pid == 0:   # pragma: no cover (the child)
        real, calls = os.replace, {"n": 0}

        def dying(src, dst):
            calls["n"] += 1
            if calls["n"] == n:
                os._exit(9)
            return real(src, dst)

        os.replace = dying
        try:
            ingest.ingest(report, YEAR, data_dir, force=True)
        finally:
            os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_a_kill_at_every_rename_leaves_the_old_state_or_the_new(tmp_path):
    base = tmp_path / "base"
    ingest.ingest(SYNTHETIC, YEAR, base)
    report = _changed_report(tmp_path)
    old = files(base)
    done = tmp_path / "done"
    shutil.copytree(base, done)
    ingest.ingest(report, YEAR, done, force=True)
    new = files(done)
    assert new != old
    outcomes = []
    for n in range(1, 40):
        d = tmp_path / f"kill-{n}"
        shutil.copytree(base, d)
        status = _killed_at(d, report, n)
        if status == 0:
            break
        assert status == 9
        if journal.pending(YEAR, d) is not None:   # mid-swap: no reader is given the mix
            assert any("interrupted" in str(p) for p in validate_year(YEAR, d))
        guard.tidy(d)                             # what the next ingest, accept or validate does
        state = files(d)
        assert state in (old, new), f"kill at rename {n}: a mix of old and new files"
        assert not journal.debris(YEAR, d) and journal.pending(YEAR, d) is None
        outcomes.append("new" if state == new else "old")
    assert "old" in outcomes and "new" in outcomes, outcomes   # both sides of the commit point were hit


def test_a_failure_at_every_rename_rolls_back_to_the_old_state(tmp_path, monkeypatch):
    """An error the writer sees (disk full, permission) at any rename: the old files,
    nothing staged left, no journal."""
    base = tmp_path / "base"
    ingest.ingest(SYNTHETIC, YEAR, base)
    report = _changed_report(tmp_path)
    old = files(base)
    real = os.replace
    for n in range(1, 40):
        d = tmp_path / f"fail-{n}"
        shutil.copytree(base, d)
        calls = {"n": 0}

        def failing(src, dst):
            calls["n"] += 1
            if calls["n"] == n:
                raise OSError(f"rename {n} failed (simulated)")
            return real(src, dst)

        monkeypatch.setattr(os, "replace", failing)
        try:
            ingest.ingest(report, YEAR, d, force=True)
        except OSError:
            pass
        else:
            break
        finally:
            monkeypatch.setattr(os, "replace", real)
        assert files(d) == old, f"failure at rename {n}"
        assert not journal.debris(YEAR, d) and journal.pending(YEAR, d) is None
    assert n > 5   # the staging renames, the journal and the swaps were all hit


def test_staged_files_left_behind_are_removed_and_ignored_by_git(reviewed, capsys):
    leftovers = [reviewed / str(YEAR) / ".activities.csv.ingest-4242.new",
                 reviewed / str(YEAR) / ".indicators.csv.ingest-4242.old",
                 reviewed / "raw" / f".{YEAR}.txt.ingest-4242.new"]
    for f in leftovers:
        f.write_text("debris", encoding="utf-8")
    assert cli.main(["validate", "--year", str(YEAR), "--data-dir", str(reviewed)]) == 0
    assert "removed 3 staged file(s)" in capsys.readouterr().err
    assert not any(f.exists() for f in leftovers)
    names = [".activities.csv.ingest-4242.new", ".indicators.csv.ingest-4242.old", ".hemiplan-journal",
             f"raw/.{YEAR}.txt.ingest-4242.new"]
    ignored = subprocess.run(["git", "check-ignore", *[f"data/{YEAR}/{n}" if "/" not in n else f"data/{n}"
                                                        for n in names]],
                             cwd=paths.ROOT, capture_output=True, text=True).stdout.split()
    assert len(ignored) == len(names), ignored


def test_ingest_holds_the_years_lock_and_checks_what_it_read(tmp_path, monkeypatch):
    reviewed = tmp_path / "data"
    ingest.ingest(SYNTHETIC, YEAR, reviewed)
    monkeypatch.setattr(locks, "WAIT", 0.2)
    with locks.locked(reviewed / str(YEAR), f"accept of {YEAR}"):
        with pytest.raises(locks.Busy, match=f"another accept of {YEAR} is running \\(pid {os.getpid()}\\)"):
            ingest.ingest(_changed_report(reviewed.parent), YEAR, reviewed, force=True)
    real = ingest.pipeline.plan

    def edited_meanwhile(*args, **kwargs):
        p = real(*args, **kwargs)
        with (reviewed / str(YEAR) / "activities.csv").open("a", encoding="utf-8") as fh:
            fh.write("")
        (reviewed / str(YEAR) / "unrecorded.csv").write_text("paragraph_id,number,reason,note\n", encoding="utf-8")
        return p

    monkeypatch.setattr(ingest.pipeline, "plan", edited_meanwhile)
    before = files(reviewed)
    with pytest.raises(locks.Changed, match="unrecorded.csv changed on disk"):
        ingest.ingest(_changed_report(reviewed.parent), YEAR, reviewed, force=True)
    assert {k: v for k, v in files(reviewed).items() if "unrecorded" not in k} == before


# --- clean failures ---------------------------------------------------------------------------

@pytest.fixture
def year_2031(synthetic_copy) -> Path:
    return synthetic_copy


def _drop_column(path: Path, name: str) -> None:
    df = csvio.read_text_table(path)
    path.write_text(df.drop(columns=[name]).to_csv(index=False, lineterminator="\n"), encoding="utf-8")


@pytest.mark.parametrize("command", ["review", "accept", "remove"])
@pytest.mark.parametrize("damage", ["unclosed quote", "no status column"])
def test_review_accept_and_remove_report_a_malformed_table_as_validate_does(year_2031, capsys, command, damage):
    path = year_2031 / "2031" / "activities.csv"
    if damage == "unclosed quote":
        with path.open("a", encoding="utf-8") as fh:
            fh.write('2031-A999,2031,"unclosed\n')
    else:
        _drop_column(path, "status")
    before = files(year_2031)
    extra = {"review": [], "accept": ["2031-A001"], "remove": ["2031-A001", "--reason", "x"]}[command]
    assert cli.main([command, "--year", "2031", "--data-dir", str(year_2031), *extra]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "KeyError" not in err and "ParserError" not in err
    assert "activities.csv" in err
    if damage == "no status column":
        problems = validate_year(2031, year_2031)
        assert len(problems) == 1 and "missing label" in problems[0].message and problems[0].column == "status"
    assert files(year_2031) == before


def test_a_repeated_id_and_a_short_row_are_named_by_line(year_2031):
    path = year_2031 / "2031" / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, lines[2])                 # line 4 repeats line 3's id
    lines.append(lines[1].split(",")[0][:-3] + "999,2031\n")
    path.write_text("".join(lines), encoding="utf-8")
    shown = [str(p) for p in validate_year(2031, year_2031) if "indicators.csv" in p.file]
    assert any("row 3 (line 4)" in s and "of row 2 (line 3)" in s and "unique" in s for s in shown), shown
    short = [s for s in shown if "too few cells" in s]
    assert len(short) == 1 and "None" not in short[0] and "position" not in " ".join(shown), shown


@pytest.mark.parametrize("char,name", [("\x1b", "ESCAPE"), ("\x07", "BELL"), ("\x7f", "DELETE"),
                                       ("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u200b", "ZERO WIDTH SPACE")])
def test_control_and_invisible_characters_are_refused_with_their_position(year_2031, char, name):
    path = year_2031 / "2031" / "activities.csv"
    df = csvio.read_text_table(path)
    df.loc[0, "title"] = "Cyber" + char + "security"
    path.write_text(df.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    problems = [p for p in validate_year(2031, year_2031) if p.column == "title"]
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].row == 1 and f"U+{ord(char):04X}" in problems[0].message and name in problems[0].message
    assert "at character 6" in problems[0].message
    assert char not in str(problems[0])        # the message shows the value escaped


def test_a_report_with_a_control_character_is_refused_naming_line_and_column(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("I. Introduction\n\n• CICTE held a workshop \x1b[31mwith 20 officials.\n", encoding="utf-8")
    with pytest.raises(ingest.IngestError, match=r"line 3, column 25 holds U\+001B \(ESCAPE\)"):
        ingest.ingest(report, 2040, tmp_path / "d")
    assert not (tmp_path / "d").exists()


# --- large input --------------------------------------------------------------------------------

def test_a_report_far_above_the_limit_is_refused_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_CHARS", 5_000)
    big = tmp_path / "big.txt"
    big.write_text(SYNTHETIC.read_text(encoding="utf-8") * 3, encoding="utf-8")
    with pytest.raises(ingest.IngestError, match="ingest reads reports of up to 5,000 characters.*memory budget"):
        ingest.ingest(big, YEAR, tmp_path / "d")
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(ingest.IngestError, match="big.txt is 0.0 MB; ingest reads reports of up to 0 MB"):
        ingest.ingest(big, YEAR, tmp_path / "d")
    assert not (tmp_path / "d").exists()


def test_a_report_that_repeats_its_sections_or_is_far_too_long_is_warned_about(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "WARN_CHARS", 1_000)
    text = SYNTHETIC.read_text(encoding="utf-8")
    twice = tmp_path / "twice.txt"
    twice.write_text(text + "\n" + text[text.index("VII."):], encoding="utf-8")
    p = ingest.plan(twice, YEAR, tmp_path / "d")
    assert any("times the 2014 report" in w for w in p.warnings), p.warnings
    assert any("repeat earlier ones word for word" in w for w in p.warnings), p.warnings


def test_a_removal_whose_sentence_is_gone_is_dropped_with_a_warning(reviewed, tmp_path):
    acts, inds = table(reviewed, "activities"), table(reviewed, "indicators")
    quotes = list(acts["quote"]) + list(inds["quote"])
    rid = next(r.activity_id for r in acts.itertuples() if quotes.count(r.quote) == 1 and len(r.quote) > 30)
    assert cli.main(["remove", "--year", str(YEAR), rid, "--reason", "not data", "--data-dir", str(reviewed)]) == 0
    quote = table(reviewed, "removed")["quote"][0]
    changed = tmp_path / "changed.txt"
    changed.write_text(SYNTHETIC.read_text(encoding="utf-8").replace(quote, quote[:20].upper() + quote[20:]),
                       encoding="utf-8")
    p = ingest.ingest(changed, YEAR, reviewed, force=True)
    assert any(f"the removal of {rid} no longer applies" in w for w in p.warnings), p.warnings
    assert table(reviewed, "removed").empty and validate_year(YEAR, reviewed) == []
