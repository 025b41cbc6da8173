"""One writer at a time (issue 21): concurrent accepts on one year lose no update, a
second writer waits and then names the first, a killed holder's lock is taken over, and
a change made on disk between reading and writing is never overwritten. In scratch
copies of the SYNTHETIC data."""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time

import pytest

from hemiplan.data import csvio, locks
from hemiplan.ingest.accept import accept


def _draft(folder, n: int) -> list[str]:
    """Make the first ``n`` activities of 2031 drafts; returns their ids."""
    path = folder / "2031" / "activities.csv"
    df = csvio.read_text_table(path)
    ids = list(df["activity_id"][:n])
    df.loc[df["activity_id"].isin(ids), "status"] = "draft"
    path.write_text(df.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    return ids


def _accept_one(args):
    data_dir, rid = args
    accept(2031, [rid], data_dir=data_dir)
    return rid


def test_concurrent_accepts_lose_no_update(synthetic_copy):
    ctx = mp.get_context("fork")
    for _round in range(10):
        ids = _draft(synthetic_copy, 4)
        with ctx.Pool(4) as pool:
            done = pool.map(_accept_one, [(synthetic_copy, i) for i in ids])
        assert sorted(done) == sorted(ids)
        df = csvio.read_text_table(synthetic_copy / "2031" / "activities.csv")
        assert (df.loc[df["activity_id"].isin(ids), "status"] == "reviewed").all(), f"round {_round}: an update was lost"


def test_a_second_writer_waits_then_names_the_first(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from hemiplan.data import locks\n"
        f"with locks.locked({str(tmp_path)!r}, 'ingest of 2031'):\n"
        "    print('held', flush=True); time.sleep(30)")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        with pytest.raises(locks.Busy, match=rf"another ingest of 2031 is running \(pid {holder.pid}\)"):
            with locks.locked(tmp_path, "accept of 2031", wait=0.5):
                pass
        assert time.monotonic() - start >= 0.5
        # the holder is killed: its lock is taken over at once, nothing to clean up
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
        with locks.locked(tmp_path, "accept of 2031", wait=0.5):
            pass
    finally:
        if holder.poll() is None:
            holder.kill()


def test_a_change_on_disk_since_reading_is_not_overwritten(tmp_path):
    f = tmp_path / "activities.csv"
    f.write_text("a\n1\n", encoding="utf-8")
    before = locks.digest([f])
    f.write_text("a\n2\n", encoding="utf-8")  # a hand edit meanwhile
    with pytest.raises(locks.Changed, match="changed on disk since it was read; nothing was written"):
        locks.unchanged(before)
    locks.unchanged(locks.digest([f]))  # unchanged: no error
