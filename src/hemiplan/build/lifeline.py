"""Processes of a build that end with it. A build starts worker processes (which
start Jupyter kernels), Jupyter Book and Chromium; if the build is killed (SIGTERM,
SIGKILL, a closed terminal), none of them may live on. Each child the build starts
asks the kernel to kill it when its parent dies (Linux's ``PR_SET_PDEATHSIG``), and
a kernel's own parent poller (ipykernel) ends the kernel within a second of its
worker's death. On a system without prctl, nothing is set (the children then end
when their pipes to the build close)."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal

#: prctl's option that sets the signal a process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1

_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def die_with_parent(parent: int | None = None) -> None:
    """Ask to be killed when the process (strictly: the thread) that started this
    one ends; if ``parent`` (its pid) is already gone, end now. Called first thing in
    a child: a pool's initializer, or ``preexec_fn`` of a subprocess."""
    prctl = getattr(_libc, "prctl", None)
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:  # the parent died before prctl
        os._exit(1)
