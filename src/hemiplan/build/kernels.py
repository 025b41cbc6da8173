"""One long-lived Jupyter kernel per build worker.

Starting a kernel and importing pandas and matplotlib costs more than executing most
chapters. A worker therefore keeps one kernel and runs notebook after notebook in it
through papermill (engine ``hemiplan``): before each notebook the kernel's namespace
is reset (``%reset -f``), figures are closed, the working directory is set to the
notebook's folder and the execution counter restarts, so that outputs are exactly
those of a fresh kernel; what survives is only what makes it fast, the imported
modules and hemiplan's per-process caches (data loaded and validated once), which
are set aside from the cyclic garbage collector (``gc.freeze``) so that a reset and a
notebook's collections scan only that notebook's objects, not the whole heap: a reset
cost 0.13 s, most of it one collection of the imported modules' objects. A kernel
that failed or died is replaced. Kernels talk to the build over Unix sockets in a
private temporary folder (ZeroMQ's IPC transport): no TCP port is opened."""
from __future__ import annotations

import multiprocessing.util
import os
import shutil
import tempfile

from jupyter_client.manager import KernelManager
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.utils import merge_kwargs, remove_args

ENGINE = "hemiplan"
_KERNEL = None
#: This process's client of its kernel: its channels are started, and the kernel is
#: known to be ready, once; a notebook then costs no start-up handshake of its own.
_CLIENT = None


class KernelError(RuntimeError):
    pass


def kernel(cwd: str):
    """This process's kernel, started on first use (in ``cwd``)."""
    global _KERNEL, _CLIENT
    if _KERNEL is None or not _KERNEL.is_alive():
        # Unix sockets in a private folder (IPC transport), not TCP: no port is opened,
        # and IPKernelApp has no unencrypted TCP connection to warn about.
        sockets = tempfile.mkdtemp(prefix="hemiplan-kernel-")
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "kernel"))
        # No history database: a reused kernel restarts its execution counter, which
        # IPython's history would report as a clash on stdout.
        km.start_kernel(cwd=cwd, extra_arguments=["--HistoryManager.enabled=False"])
        _KERNEL = km
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        kc.allow_stdin = False
        _CLIENT = kc
        multiprocessing.util.Finalize(None, shutdown, exitpriority=10)
    return _KERNEL


def client(km):
    """The ready client of ``km``, this process's kernel."""
    if km is not _KERNEL or _CLIENT is None:
        raise KernelError("the kernel given is not this process's kernel")
    return _CLIENT


def shutdown() -> None:
    """Stop this process's kernel, if any."""
    global _KERNEL, _CLIENT
    km, _KERNEL = _KERNEL, None
    kc, _CLIENT = _CLIENT, None
    if kc is not None:
        kc.stop_channels()
    if km is not None:
        try:
            km.shutdown_kernel(now=True)
        except Exception:  # already gone
            pass
        shutil.rmtree(os.path.dirname(km.ip), ignore_errors=True)


def prepare(km, cwd: str, env: dict[str, str]) -> None:
    """Make the kernel as good as new for the next notebook."""
    lines = ["get_ipython().run_line_magic('reset', '-f')",
             "import os as _os",
             f"_os.chdir({cwd!r})"]
    lines += [f"_os.environ[{k!r}] = {v!r}" for k, v in env.items()]
    lines += ["import matplotlib.pyplot as _plt",
              "_plt.close('all')",
              "get_ipython().execution_count = 1",
              "del _os, _plt",
              # What is left is what lives on from notebook to notebook (modules, the
              # loaded data): set it aside from the cyclic garbage collector, so that
              # neither the next reset's collection (IPython's reset collects) nor the
              # collections during the notebook scan it again. The reset collected the
              # last notebook's garbage first; only what a notebook leaves is scanned.
              "import gc as _gc",
              "_gc.freeze()",
              "del _gc"]
    reply = client(km).execute_interactive("\n".join(lines), timeout=60, store_history=False,
                                           output_hook=lambda msg: None)
    if reply["content"]["status"] != "ok":
        raise KernelError(f"could not reset the kernel: {reply['content'].get('evalue')}")


class ReusedKernelEngine(NBClientEngine):
    """papermill's nbclient engine, running in a kernel it is given (``km``) through
    that kernel's ready client, which it leaves connected afterwards, instead of
    connecting a new client (whose readiness handshake idles 0.4 s a notebook) and
    shutting the kernel down."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                 stderr_file=None, start_timeout=60, execution_timeout=None, **kwargs):
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(safe_kwargs, timeout=execution_timeout if execution_timeout else -1,
                                    startup_timeout=start_timeout, kernel_name=kernel_name,
                                    log=None, log_output=log_output, stdout_file=stdout_file,
                                    stderr_file=stderr_file)
        final_kwargs.pop("log", None)
        nb_client = PapermillNotebookClient(nb_man, **final_kwargs)
        # Set after construction (NotebookClient's __init__ clears ``kc``). A second
        # client of the same kernel would share its session's identity, and the
        # kernel's replies would go to whichever connected last.
        nb_client.kc = client(final_kwargs["km"])
        try:
            return nb_client.execute()
        finally:
            nb_client.kc = None  # the kernel's client stays connected for the next notebook


papermill_engines.register(ENGINE, ReusedKernelEngine)
