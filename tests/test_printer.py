"""One browser for every PDF of a build (hemiplan.build.printer): within ``shared``,
the prints of several threads (the editions and languages of a build) use one browser,
launched once on the first print, and no more than ``workers`` pages print at once,
whichever thread they come from; outside it, each print has a browser of its own."""
from __future__ import annotations

import asyncio
import threading

from hemiplan.build import printer


class FakeBrowser:
    def __init__(self, log):
        self.log = log

    async def close(self):
        self.log.append("closed")


def fake_launch(log):
    async def launch(pw):
        log.append("launched")
        return FakeBrowser(log)
    return launch


def pages(n, busy):
    """A print of ``n`` pages, four tabs, each page holding a slot for a moment."""
    async def fn(browser, slots):
        async def tab(queue):
            while queue:
                async with slots:
                    if not queue:
                        break
                    queue.pop()
                    busy["now"] += 1
                    busy["most"] = max(busy["most"], busy["now"])
                    await asyncio.sleep(0.01)
                    busy["now"] -= 1
        queue = list(range(n))
        await asyncio.gather(*(tab(queue) for _ in range(4)))
        return browser
    return fn


def test_the_prints_of_a_build_share_one_browser_and_its_slots():
    log, busy, seen = [], {"now": 0, "most": 0}, []
    with printer.shared(fake_launch(log), workers=2):
        threads = [threading.Thread(target=lambda: seen.append(printer.run(pages(6, busy), None, 8)))
                   for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert log == ["launched"]
    assert log == ["launched", "closed"]
    assert len(seen) == 3 and len({id(b) for b in seen}) == 1
    assert busy["most"] == 2   # three prints of four tabs each, two pages at a time


def test_a_print_outside_a_build_has_a_browser_of_its_own():
    log, busy = [], {"now": 0, "most": 0}
    first = printer.run(pages(3, busy), fake_launch(log), 3)
    second = printer.run(pages(3, busy), fake_launch(log), 3)
    assert first is not second
    assert log == ["launched", "closed", "launched", "closed"]
    assert busy["most"] == 3


def test_a_build_that_prints_nothing_launches_no_browser():
    log = []
    with printer.shared(fake_launch(log), workers=2):
        pass
    assert log == []
