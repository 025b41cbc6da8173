"""A build that cleans up after itself (issue 21, the build's side), in a temporary
project root holding the SYNTHETIC data (tests/fixtures/synthetic/README.md):

- one build at a time: a second build, started while one runs, fails at once with
  "another build is running (pid N)", never a bogus error of the first's files; the
  lock of a killed build is taken over by the next;
- a build killed with SIGKILL (while its kernels execute, and while Jupyter Book runs)
  leaves no worker, kernel or Jupyter Book process alive 10 s later;
- the publish swap never leaves a moment without the edition (one renameat2 exchange),
  and a failure injected at any step of it leaves the old edition or the new one whole;
- the next build removes what an interrupted one left (``.<year>.new-…``,
  ``.<year>.old-…``, ``.site.new-…``)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from hemiplan.build import publishing, run, swap
from hemiplan.build.jobs import BuildError

from .conftest import PROJECT, SYNTHETIC_DATA, copy_book


@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_book(tmp_path / "project")
    for shared in ("schema", "reference"):  # the project's schemas and reference tables
        shutil.copytree(PROJECT / "data" / shared, root / "data" / shared)
    shutil.copytree(SYNTHETIC_DATA, root / "data", dirs_exist_ok=True)
    return root


def _marked(marker: str) -> list[tuple[int, str]]:
    """(pid, command line) of every live process whose environment carries ``marker``
    (a build's children inherit it: workers, kernels, Jupyter Book, the browser)."""
    out = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if marker.encode() not in (proc / "environ").read_bytes():
                continue
            state = next((ln for ln in (proc / "status").read_text().splitlines() if ln.startswith("State:")), "")
            if "Z" in state.split()[1:2]:  # a zombie is dead; only its parent's wait is missing
                continue
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        out.append((int(proc.name), cmd))
    return out


def _start_build(root: Path, marker: str) -> subprocess.Popen:
    env = {**os.environ, "HEMIPLAN_ROOT": str(root), "HEMIPLAN_TEST_MARKER": marker}
    return subprocess.Popen([sys.executable, "-m", "hemiplan", "build", "--year", "2031", "--language", "en",
                             "--jobs", "2"], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_for(marker: str, what: str, build: subprocess.Popen, timeout: float = 400) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(what in cmd for _, cmd in _marked(marker)):
            return
        if build.poll() is not None:
            pytest.fail(f"the build ended (exit {build.returncode}) before any {what!r} process ran: "
                        f"{build.stderr.read()[-2000:]}")
        time.sleep(0.2)
    build.kill()
    pytest.fail(f"no {what!r} process within {timeout} s")


@pytest.mark.parametrize("moment", ["ipykernel", "jupyter_book"], ids=["while kernels execute", "in Jupyter Book"])
def test_a_killed_build_leaves_no_process_and_its_lock_is_taken_over(project, moment):
    marker = f"hemiplan-kill-{uuid.uuid4().hex}"
    build = _start_build(project, marker)
    try:
        _wait_for(marker, moment, build)
        if moment == "ipykernel":
            # a second build meanwhile is refused at once, naming the first
            env = {**os.environ, "HEMIPLAN_ROOT": str(project)}
            second = subprocess.run([sys.executable, "-m", "hemiplan", "build", "--year", "2031"], cwd=project,
                                    env=env, capture_output=True, text=True, timeout=120)
            assert second.returncode == 1, second.stderr
            assert f"another build is running (pid {build.pid})" in second.stderr, second.stderr
            assert "Traceback" not in second.stderr and "HTTP 404" not in second.stderr, second.stderr
        children = [pid for pid, _ in _marked(marker) if pid != build.pid]
        assert children, "the build had started no process of its own"
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=10)
        time.sleep(10)
        left = _marked(marker)
        assert left == [], f"alive 10 s after the build was killed: {left}"
    finally:
        if build.poll() is None:
            build.kill()
        for pid, _ in _marked(marker):
            os.kill(pid, signal.SIGKILL)
    with run.site_lock(project):  # the dead build's lock is taken over at once
        pass


def test_a_second_build_in_this_process_is_refused(project, monkeypatch):
    monkeypatch.setattr(run, "SITE_WAIT", 0.2)
    with run.site_lock(project):
        with pytest.raises(BuildError, match=rf"another build is running \(pid {os.getpid()}\)"):
            run.build_editions([2031], project / "data", root=project, progress=False)


def _edition(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_the_swap_exchanges_in_one_call(tmp_path, monkeypatch):
    """While the new edition goes in, the path always holds a whole edition: the swap
    is one exchange (no rename that takes the old one away first)."""
    final = _edition(tmp_path / "2031", "old")
    staging = _edition(tmp_path / ".2031.new-x", "new")
    renames = []
    monkeypatch.setattr(swap.os, "replace", lambda *a: renames.append(a))
    swap.swap_in(staging, final)
    assert renames == []
    assert (final / "index.html").read_text() == "new"
    assert not staging.exists()


class Killed(Exception):
    """A failure injected into the swap, as a kill at that moment would stop it."""


@pytest.mark.parametrize("step", ["exchange", "remove the old"])
def test_a_swap_stopped_at_any_step_leaves_one_whole_edition(tmp_path, monkeypatch, step):
    final = _edition(tmp_path / "2031", "old")
    staging = _edition(tmp_path / ".2031.new-x", "new")
    if step == "exchange":
        monkeypatch.setattr(swap, "exchange", lambda a, b: (_ for _ in ()).throw(Killed()))
    else:
        monkeypatch.setattr(swap.shutil, "rmtree", lambda *a, **k: (_ for _ in ()).throw(Killed()))
    with pytest.raises(Killed):
        swap.swap_in(staging, final)
    assert (final / "index.html").read_text() == ("old" if step == "exchange" else "new")
    # what is left over is debris, removed by the next build
    assert swap.debris(tmp_path) == [staging]


def test_the_fallback_keeps_a_whole_edition_when_exchange_is_unsupported(tmp_path, monkeypatch):
    final = _edition(tmp_path / "2031", "old")
    staging = _edition(tmp_path / ".2031.new-x", "new")
    monkeypatch.setattr(swap, "exchange", lambda a, b: False)
    swap.swap_in(staging, final)
    assert (final / "index.html").read_text() == "new"
    assert swap.debris(tmp_path) == []


def test_the_next_build_removes_the_debris_of_an_interrupted_one(project, monkeypatch):
    html = project / "_build" / "html"
    published = _edition(html / "2031", "published")
    debris = [_edition(html / ".2031.new-abc", "staged"), _edition(html / ".2031.old-4242", "set aside"),
              _edition(html / ".site.new-q1", "site pages"), _edition(html / "es" / ".2031.new-zz", "staged")]
    seen = []
    monkeypatch.setattr(run, "_build_editions", lambda *a: seen.append([p.exists() for p in debris]) or [])
    run.build_editions([2031], project / "data", root=project, progress=False)
    assert seen == [[False] * len(debris)], "debris left when the build began"
    assert (published / "index.html").read_text() == "published"
    assert publishing.clean_debris(project) == []


def test_debris_is_git_ignored():
    """What an interrupted build leaves is under _build/, which git ignores."""
    proc = subprocess.run(["git", "check-ignore", "-q", "_build/html/.2031.new-abc/index.html"],
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0
