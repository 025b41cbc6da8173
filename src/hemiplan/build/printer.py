"""One browser for every PDF of a build. The editions of a build, and the languages of
one edition, are finished side by side in threads (see :mod:`hemiplan.build.run`),
and each prints its pages when its HTML is made. Each launching a browser of its own
put twice as many pages in print as there are cores (four renderers on two cores
printed the English pages of 2014 in 6.7 s, two in 3.9 s). Within :func:`shared`,
every print of the build goes to one browser, launched on the first print, where at
most ``workers`` pages print at once whichever edition they belong to; outside it, a
print launches its own browser (a single ``pdf.render``, the tests). The browser runs
in an event loop on a thread of its own, so that a caller already running an event
loop (playwright's sync API does, in the browser tests) can print."""
from __future__ import annotations

import asyncio
import os
import threading
from contextlib import contextmanager

#: The browser of the build, while :func:`shared` is open (else None).
_SHARED: "Printer | None" = None
_SHARED_LOCK = threading.Lock()


class Printer:
    """A browser, launched on first use with ``launch(playwright) -> browser``, and a
    limit of ``workers`` pages printing at once; :meth:`run` runs a coroutine function
    ``fn(browser, slots)`` on its loop and waits for it."""

    def __init__(self, launch, workers: int):
        self._launch = launch
        self.workers = max(1, workers)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="printer", daemon=True)
        self._thread.start()
        self._ready = threading.Lock()
        self._browser = self._pw = self._slots = None

    async def _start(self):
        # Deferred: playwright is heavy, and only a build that prints needs it.
        from playwright.async_api import async_playwright

        self._pw = await async_playwright().start()
        try:
            self._browser = await self._launch(self._pw)
        except BaseException:
            await self._pw.stop()
            self._pw = None
            raise
        self._slots = asyncio.Semaphore(self.workers)

    def _call(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def run(self, fn):
        with self._ready:
            if self._browser is None:
                self._call(self._start())
        return self._call(fn(self._browser, self._slots))

    def close(self) -> None:
        async def stop():
            if self._browser is not None:
                await self._browser.close()
            if self._pw is not None:
                await self._pw.stop()
        try:
            self._call(stop())
        except Exception:  # a browser that died is gone already; the build's own error, if any, stands
            pass
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)
            self._loop.close()


@contextmanager
def shared(launch, workers: int | None = None):
    """Every print made in any thread while this is open uses one browser (launched
    by ``launch`` on the first print), ``workers`` pages at a time (default: one per
    core); it is closed at the end. Nested: the outer one is used."""
    global _SHARED
    with _SHARED_LOCK:
        outer = _SHARED is not None
        if not outer:
            _SHARED = Printer(launch, workers or os.cpu_count() or 1)
        mine = _SHARED
    try:
        yield mine
    finally:
        if not outer:
            with _SHARED_LOCK:
                _SHARED = None
            mine.close()


def run(fn, launch, workers: int):
    """``fn(browser, slots)`` on the build's shared browser if :func:`shared` is open,
    else on a browser of its own, launched for it and closed afterwards."""
    current = _SHARED
    if current is not None:
        return current.run(fn)
    own = Printer(launch, workers)
    try:
        return own.run(fn)
    finally:
        own.close()
