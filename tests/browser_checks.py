"""Browser checks over a static site, shared by the browser tests (test helpers, not
tests). Debian's chromium (/usr/bin/chromium) is driven headless through playwright;
nothing downloads a browser of its own.

Every check returns problems (each names the page, the kind of problem and what is
wrong), so that a test asserts there are none, and a negative test asserts that a
deliberately broken site produces exactly the expected ones.
"""
from __future__ import annotations

import posixpath
import re
import tempfile
import urllib.error
import urllib.request
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from hemiplan.build.pdf import serve  # the build's own loopback server, which the tests use too

CHROMIUM = Path("/usr/bin/chromium")
# --headless is added by playwright (headless=True), and --user-data-dir is the fresh
# temporary profile given to launch_persistent_context.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE_WIDTH = 375
TIMEOUT_MS = 30_000

#: Errors thrown by third-party code that the project's own files cannot fix, with the
#: reason. Only these exact messages are tolerated; any other console error or
#: uncaught exception is a problem. Remove an entry once its cause is fixed.
KNOWN_ERRORS: dict[str, str] = {}


def known(message: str) -> bool:
    m = message.strip()
    return m in KNOWN_ERRORS or m.removeprefix("SyntaxError: ") in KNOWN_ERRORS


@dataclass(frozen=True)
class Problem:
    page: str
    kind: str       # console, exception, dialog, request, image, link, anchor, overflow, search, markup, text
    detail: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind}: {self.detail}"


def kinds(problems) -> set[str]:
    return {p.kind for p in problems}


# --- serving and launching -------------------------------------------------------------

def chromium_missing() -> str | None:
    if not CHROMIUM.is_file():
        return (f"{CHROMIUM} is missing: install Debian's chromium (`make browser`, or "
                "`apt-get install -y chromium chromium-driver` as root)")
    return None


@contextmanager
def chromium():
    """A browser context of Debian's chromium, headless, with a fresh profile."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="hemiplan-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport=DESKTOP, timeout=TIMEOUT_MS)
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()


# --- one page ----------------------------------------------------------------------------

@dataclass
class Visit:
    """What one page load showed."""
    url: str
    status: int | None = None
    redirect: str | None = None
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    nav_links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def problems(self, page: str) -> list[Problem]:
        out = [Problem(page, "console", m) for m in self.console_errors if not known(m)]
        out += [Problem(page, "exception", m) for m in self.page_errors if not known(m)]
        out += [Problem(page, "dialog", m) for m in self.dialogs]
        out += [Problem(page, "request", m) for m in self.failed_requests]
        out += [Problem(page, "image", f"{img['src']!r} did not load (naturalWidth {img['naturalWidth']})")
                for img in self.images if not img["ok"]]
        return out


_META_REFRESH = re.compile(r"""<meta\s+http-equiv=["']?refresh["']?\s+content=["']?\s*\d+\s*;\s*url=([^"'>]+)""",
                           re.I)

_COLLECT = """() => {
  const ids = Array.from(document.querySelectorAll('[id]')).map(e => e.id)
    .concat(Array.from(document.querySelectorAll('a[name]')).map(a => a.getAttribute('name')));
  const images = Array.from(document.images).map(i => ({
    src: i.getAttribute('src'), naturalWidth: i.naturalWidth, ok: i.complete && i.naturalWidth > 0}));
  return {
    links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href).filter(Boolean),
    nav: Array.from(document.querySelectorAll('.bd-sidebar-primary a[href]')).map(a => a.href),
    ids, images};
}"""

_IMAGES_SETTLED = "() => Array.from(document.images).every(i => i.complete)"


def _is_page(path: str) -> bool:
    return path.endswith(".html") or path.endswith("/")


def _get(url: str, method: str = "GET") -> tuple[int, str]:
    """HTTP status and, for a GET of a page, its text; without the browser."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as r:
            text = r.read().decode("utf-8", "replace") if method == "GET" and _is_page(urlsplit(url).path) else ""
            return r.status, text
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def watch(page, v: Visit) -> None:
    """Record on ``v`` what goes wrong while ``page`` shows ``v.url``: console errors,
    uncaught exceptions, dialogs (dismissed, so a script cannot block the page) and
    failed requests to the site."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(v.url))
    favicon = origin + "/favicon.ico"

    def on_console(m):
        # The browser's own probe for /favicon.ico (made when a page declares no
        # icon) is not a request of the page.
        if m.type == "error" and (m.location or {}).get("url") != favicon:
            v.console_errors.append(m.text)

    def on_dialog(d):
        v.dialogs.append(f"{d.type}({d.message!r})")
        d.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda e: v.page_errors.append(str(e)))
    page.on("dialog", on_dialog)
    page.on("requestfailed", lambda r: v.failed_requests.append(f"{r.url} ({r.failure})")
            if r.url.startswith(origin) and r.url != favicon else None)
    page.on("response", lambda r: v.failed_requests.append(f"{r.url} (HTTP {r.status})")
            if r.status >= 400 and r.url.startswith(origin) and r.url not in (v.url, favicon) else None)


def visit(context, url: str, on_page=None) -> Visit:
    """Load ``url`` in a new tab, wait until every image has settled (lazy images made
    eager) and collect what went wrong, the images, links, navigation links and
    element ids. A meta-refresh page is not opened: its one link is its target.
    ``on_page(page, visit)`` runs while the page is open (e.g. for a screenshot)."""
    v = Visit(url)
    status, body = _get(url)
    if status != 200:
        v.status = status
        return v
    refresh = _META_REFRESH.search(body)
    if refresh:
        v.status, v.redirect = status, urljoin(url, refresh.group(1).strip())
        v.links = [v.redirect]
        return v
    page = context.new_page()
    watch(page, v)
    try:
        response = page.goto(url, wait_until="load")
        v.status = response.status if response else None
        page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        try:
            page.wait_for_function(_IMAGES_SETTLED, timeout=10_000)
        except Exception:  # reported as images that did not load
            pass
        data = page.evaluate(_COLLECT)
        v.links, v.nav_links, v.ids, v.images = data["links"], data["nav"], set(data["ids"]), data["images"]
        if on_page is not None:
            on_page(page, v)
    finally:
        page.close()
    return v


# --- a whole site --------------------------------------------------------------------------

@dataclass
class Crawl:
    base: str
    visits: dict[str, Visit] = field(default_factory=dict)   # path below base → what it showed
    problems: list[Problem] = field(default_factory=list)

    def pages(self) -> list[str]:
        """Pages that loaded (status 200), redirects included."""
        return sorted(p for p, v in self.visits.items() if v.status == 200)

    def of_kind(self, *names: str) -> list[Problem]:
        return [p for p in self.problems if p.kind in names]


def relative(base: str, url: str) -> str | None:
    """The path of ``url`` below ``base`` (fragment dropped), or None outside the site."""
    u, b = urlsplit(url), urlsplit(base)
    if (u.scheme, u.netloc) != (b.scheme, b.netloc) or not u.path.startswith(b.path):
        return None
    rel = unquote(u.path[len(b.path):])
    return posixpath.normpath(rel) if rel else "index.html"


def crawl(context, base: str, start="index.html", on_page=None, limit: int = 2000, within=None) -> Crawl:
    """Visit every page reachable from ``start`` (a path below ``base``, or several)
    through internal links (and meta refreshes). On every page: no console error, no uncaught exception, no dialog, no
    failed request, every image loaded (naturalWidth > 0). For every internal link:
    the target exists (pages are visited, other files fetched) and, for a ``#anchor``,
    the target page has an element with that id (or an <a name>). ``within``: the
    site paths (prefixes) whose pages are visited; a link to a page outside them is
    checked as a file (it exists), not visited."""
    result = Crawl(base)
    starts = [start] if isinstance(start, str) else list(start)
    queue, seen = deque(starts), set(starts)
    links: list[tuple[str, str]] = []           # (page, absolute href)
    while queue and len(result.visits) < limit:
        path = queue.popleft()
        v = visit(context, urljoin(base, path), on_page)
        result.visits[path] = v
        if v.status != 200:
            continue
        result.problems += v.problems(path)
        for href in v.links:
            rel = relative(base, urldefrag(href)[0])
            if rel is None:
                continue
            links.append((path, href))
            if _is_page(rel) and rel not in seen and (within is None or rel.startswith(tuple(within))):
                seen.add(rel)
                queue.append(rel)
    fetched: dict[str, int] = {}
    for page, href in links:
        target, fragment = urldefrag(href)
        rel = relative(base, target)
        if rel in result.visits:
            status = result.visits[rel].status
        else:
            if target not in fetched:
                fetched[target] = _get(target, "HEAD")[0]
            status = fetched[target]
        if status != 200:
            result.problems.append(Problem(page, "link", f"{rel} does not exist (HTTP {status})"))
        elif fragment and rel in result.visits and result.visits[rel].redirect is None \
                and unquote(fragment) not in result.visits[rel].ids:
            result.problems.append(Problem(page, "anchor", f"{rel} has no element with id {unquote(fragment)!r}"))
    return result


def reachable_by_navigation(crawl_: Crawl, start: str) -> set[str]:
    """Pages reached from ``start`` by following only links of the navigation sidebar
    (as rendered in the browser), page after page."""
    reached, queue = {start}, deque([start])
    while queue:
        v = crawl_.visits.get(queue.popleft())
        for href in (v.nav_links if v else []):
            rel = relative(crawl_.base, urldefrag(href)[0])
            if rel is not None and _is_page(rel) and rel not in reached:
                reached.add(rel)
                queue.append(rel)
    return reached


# --- single-page checks ---------------------------------------------------------------------

_OVERFLOW = """() => {
  const W = window.innerWidth, doc = document.documentElement;
  if (doc.scrollWidth <= W) return null;
  const boxed = (e) => { for (let p = e.parentElement; p && p !== document.body && p !== doc; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  const culprits = Array.from(document.body.querySelectorAll('*')).filter(e => {
      const r = e.getBoundingClientRect(); return r.width > 0 && r.right > W + 1 && !boxed(e); })
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
      ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)');
  return {scrollWidth: doc.scrollWidth, innerWidth: W, culprits};
}"""


@contextmanager
def sized_page(context, width: int, height: int = 800):
    """A new page of ``context`` with a ``width`` × ``height`` viewport, closed afterwards."""
    page = context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": height})
        yield page
    finally:
        page.close()


def horizontal_overflow(context, urls, width: int = PHONE_WIDTH) -> list[Problem]:
    """Pages whose body scrolls horizontally at a phone width
    (document.documentElement.scrollWidth > window.innerWidth), naming the elements
    that stick out and are not inside a box that scrolls on its own."""
    problems = []
    with sized_page(context, width) as page:
        for url in urls:
            page.goto(url, wait_until="load")
            o = page.evaluate(_OVERFLOW)
            if o:
                problems.append(Problem(urlsplit(url).path, "overflow",
                                        f"scrolls horizontally at {width}px (scrollWidth {o['scrollWidth']} > "
                                        f"innerWidth {o['innerWidth']}); sticking out: {', '.join(o['culprits'])}"))
    return problems


_HEADER_OVER_SIDEBAR = """() => {
  const side = document.querySelector('.bd-sidebar-primary');
  const button = document.querySelector('.navbar-persistent--container .search-button-field');
  if (!side || !button || !side.getBoundingClientRect().width || !button.getBoundingClientRect().width) return null;
  return {button: Math.round(button.getBoundingClientRect().right), sidebar: Math.round(side.getBoundingClientRect().right)};
}"""


def header_past_sidebar(context, urls, widths) -> list[Problem]:
    """Pages whose header search button (which stands above the primary sidebar on
    wide screens) reaches past the sidebar's right edge at one of ``widths``, in any
    language (its label and keyboard hint are longer in some)."""
    problems = []
    for width in widths:
        with sized_page(context, width) as page:
            for url in urls:
                page.goto(url, wait_until="load")
                edges = page.evaluate(_HEADER_OVER_SIDEBAR)
                if edges and edges["button"] > edges["sidebar"]:
                    problems.append(Problem(urlsplit(url).path, "clipped",
                                            f"at {width}px the header's search button ends at {edges['button']}px, "
                                            f"past the sidebar's edge at {edges['sidebar']}px"))
    return problems


_SEARCH_DONE = """() => { const s = document.querySelector('#search-results .search-summary');
  return Boolean(s) && /found|did not match/i.test(s.textContent); }"""


def search(context, site_url: str, query: str) -> tuple[list[str], list[Problem]]:
    """Run the Sphinx search page of the site at ``site_url`` for ``query`` and wait
    for it to finish; returns (result links, problems)."""
    v = Visit(urljoin(site_url, f"search.html?q={query}"))
    page = context.new_page()
    watch(page, v)
    results: list[str] = []
    problems: list[Problem] = []
    try:
        page.goto(v.url, wait_until="load")
        try:
            page.wait_for_function(_SEARCH_DONE, timeout=TIMEOUT_MS)
            results = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(a => a.href)")
        except Exception as exc:
            problems.append(Problem("search.html", "search", f"the search for {query!r} never finished ({exc})"))
    finally:
        page.close()
    problems = v.problems("search.html") + problems
    if not results and not problems:
        problems.append(Problem("search.html", "search", f"no results for {query!r}"))
    return results, problems


_UNTRUSTED_DOM = """() => {
  const out = [];
  const show = (e) => e.outerHTML.slice(0, 120);
  document.querySelectorAll('script').forEach(s => {
    if (/alert\\(/.test(s.textContent)) out.push('a <script> element made from text: ' + show(s)); });
  document.querySelectorAll('*').forEach(e => { for (const a of e.attributes) {
    if (/^on/i.test(a.name) && /alert\\(/.test(a.value)) out.push('an event-handler attribute made from text: ' + show(e)); } });
  document.querySelectorAll('img[src="x"]').forEach(e => out.push('an <img src=x> made from text: ' + show(e)));
  document.querySelectorAll('a[href^="javascript:" i]').forEach(e => out.push('a javascript: link made from text: ' + show(e)));
  const main = document.querySelector('article.bd-article') || document.body;
  const h1 = main.querySelectorAll('h1').length;
  if (h1 !== 1) out.push(h1 + ' <h1> elements in the article (text made into headings?)');
  // A long cell shows a shortened text on screen; its full text (hidden, shown in print) counts too.
  const full = Array.from(main.querySelectorAll('.hemiplan-full')).map(e => e.textContent);
  return {problems: out, text: [main.innerText].concat(full).join(' | ')};
}"""


def literal_text(context, url: str, needles) -> list[Problem]:
    """Problems on a page that shows untrusted text whose payloads call ``alert(``: a
    script ran (dialog, console error, uncaught exception), markup was made from the
    text (a script or event-handler attribute calling alert, an <img src=x>, a
    javascript: link, an extra <h1>), or one of ``needles`` is not in the article's
    text as it reads on screen."""
    found: dict = {}
    v = visit(context, url, lambda page, _v: found.update(page.evaluate(_UNTRUSTED_DOM)))
    label = urlsplit(url).path
    problems = v.problems(label) + [Problem(label, "markup", p) for p in found.get("problems", [])]
    text = found.get("text", "")
    problems += [Problem(label, "text", f"{n!r} does not appear literally") for n in needles if n not in text]
    return problems


def screenshot_name(path: str) -> str:
    """A file name for the screenshot of a page: chapters/profiles/bol.html → chapters-profiles-bol.png."""
    return path.removesuffix(".html").replace("/", "-") + ".png"


# --- tables, quotes, print (issue 14) ----------------------------------------------------------

WIDE = 1280
NARROW = 390

#: Whether an element is shown: laid out, and not inside a closed <details>.
_SHOWN = "const shown = (e) => e.getClientRects().length > 0 && !e.closest('details:not([open])');"

_CLIPPED = """() => { """ + _SHOWN + """ return Array.from(document.querySelectorAll('table.hemiplan-table')).filter(shown)
  .map(t => {
    const boxes = [];
    for (let p = t.parentElement; p && p.tagName !== 'ARTICLE' && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible' && p.scrollWidth > p.clientWidth + 1)
        boxes.push((p.className || p.tagName.toLowerCase()) + ' (scrollWidth ' + p.scrollWidth + ' > clientWidth ' + p.clientWidth + ')');
    }
    const r = t.getBoundingClientRect();
    if (r.right > window.innerWidth + 1) boxes.push('the window (right edge ' + Math.round(r.right) + 'px)');
    return {caption: t.caption ? t.caption.textContent.trim().slice(0, 70) : '(no caption)', boxes};
  }).filter(t => t.boxes.length); }"""


_STICKY = """() => { """ + _SHOWN + """
  const wraps = Array.from(document.querySelectorAll('.hemiplan-table-wrap'))
    .filter(w => shown(w) && w.scrollWidth > w.clientWidth + 1);
  if (!wraps.length) return {scrolling: 0, problems: []};
  const problems = [];
  for (const w of wraps) {
    const t = w.querySelector('table');
    const cap = t.caption ? t.caption.textContent.trim().slice(0, 60) : '(no caption)';
    const first = t.tBodies[0] && t.tBodies[0].rows[0] && t.tBodies[0].rows[0].cells[0];
    const second = t.tBodies[0] && t.tBodies[0].rows[0] && t.tBodies[0].rows[0].cells[1];
    if (!first || !second) continue;
    w.scrollLeft = 0;
    const before = first.getBoundingClientRect().left, secondBefore = second.getBoundingClientRect().left;
    w.scrollLeft = Math.min(150, w.scrollWidth - w.clientWidth);
    const moved = secondBefore - second.getBoundingClientRect().left;
    const stayed = Math.abs(first.getBoundingClientRect().left - before) <= 1;
    if (moved < 1) problems.push(cap + ': the table does not scroll sideways');
    else if (!stayed) problems.push(cap + ': the first column moves away when the table scrolls');
    const hint = w.previousElementSibling;
    if (!hint || !hint.classList.contains('hemiplan-scroll-hint') || hint.offsetParent === null)
      problems.push(cap + ': no visible cue that the table scrolls sideways');
    w.scrollLeft = 0;
  }
  return {scrolling: wraps.length, problems};
}"""


@dataclass
class Layout:
    """What :func:`layout` found on a set of pages: tables cut off at the wide width,
    how many tables scroll sideways at the narrow one, and their sticky-column problems."""
    clipped: list[Problem] = field(default_factory=list)
    scrolling: int = 0
    sticky: list[Problem] = field(default_factory=list)


_RESIZED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"""


def layout(context, urls, wide: int = WIDE, narrow: int = NARROW) -> Layout:
    """Each page opened once. At ``wide``: tables of the book cut off, a table (shown,
    not in a closed toggle) whose scroll box, or any box around it up to the article,
    is narrower than its content (scrollWidth > clientWidth), or which reaches past
    the window. Then, the window narrowed to ``narrow`` (after the page's own resize
    handler has run): every table that scrolls sideways keeps its first column in view
    while it scrolls, and shows a cue that it scrolls."""
    found = Layout()
    with sized_page(context, wide, 900) as page:
        for url in urls:
            page.set_viewport_size({"width": wide, "height": 900})
            page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            path = urlsplit(url).path
            for t in page.evaluate(_CLIPPED):
                found.clipped.append(Problem(path, "clipped",
                                             f"table {t['caption']!r} is cut off at {wide}px by {', '.join(t['boxes'])}"))
            page.set_viewport_size({"width": narrow, "height": 800})
            page.evaluate(_RESIZED)   # two frames: the resize event and its handler have run
            sticky = page.evaluate(_STICKY)
            found.scrolling += sticky["scrolling"]
            found.sticky += [Problem(path, "sticky", p) for p in sticky["problems"]]
    return found


NO_SORTABLE = "no sortable table with a numeric column is in view"

_COLUMN_ORDER = """([index, col]) => {
  const t = document.querySelectorAll('table.hemiplan-sortable')[index];
  return Array.from(t.tBodies[0].rows).map(r => {
    const c = r.cells[col]; const v = c.getAttribute('data-order');
    return v === null ? c.textContent.trim() : parseFloat(v); });
}"""


def sorting(context, url: str) -> list[Problem]:
    """On the page's first sortable table: the sorting library is in place, and a click
    on a numeric column's header sorts the rows by it (ascending, then descending), and
    typing in the filter box narrows the rows."""
    v = Visit(url)
    page = context.new_page()
    watch(page, v)
    label = urlsplit(url).path
    problems: list[Problem] = []
    try:
        page.goto(url, wait_until="load")
        try:
            page.wait_for_selector("table.hemiplan-sortable.dataTable", state="attached", timeout=10_000)
        except Exception:
            return v.problems(label) + [Problem(label, "sorting", "the long table never became sortable")]
        # The first sortable table in view (not one in a closed toggle) with a numeric column.
        index, col = page.evaluate("""() => { """ + _SHOWN + """
          const ts = Array.from(document.querySelectorAll('table.hemiplan-sortable'));
          for (let i = 0; i < ts.length; i++) {
            const c = Array.from(ts[i].tHead.rows[0].cells).findIndex(th => th.classList.contains('num'));
            if (shown(ts[i]) && c >= 0) return [i, c]; }
          return [-1, -1]; }""")
        if index < 0:
            return [Problem(label, "sorting", NO_SORTABLE)]
        header = page.locator("table.hemiplan-sortable").nth(index).locator("thead th").nth(col)
        for direction in ("ascending", "descending"):
            header.click()
            try:  # the library sorts after the click has been handled
                page.wait_for_function("([i, c, d]) => document.querySelectorAll('table.hemiplan-sortable')[i]"
                                       ".tHead.rows[0].cells[c].getAttribute('aria-sort') === d",
                                       arg=[index, col, direction], timeout=5_000)
            except Exception:
                problems.append(Problem(label, "sorting", f"a click on the header did not sort it {direction}"))
            values = page.evaluate(_COLUMN_ORDER, [index, col])
            expected = sorted(values, reverse=direction == "descending")
            if values != expected:
                problems.append(Problem(label, "sorting", f"after a click the column is not {direction}: {values[:8]}…"))
        rows = page.evaluate(f"() => document.querySelectorAll('table.hemiplan-sortable')[{index}].tBodies[0].rows.length")
        first = page.evaluate(f"""() => document.querySelectorAll('table.hemiplan-sortable')[{index}]
            .tBodies[0].rows[0].cells[0].textContent.trim()""")
        page.locator("table.hemiplan-sortable").nth(index).locator(
            "xpath=ancestor::div[contains(@class, 'dt-container')]").locator(".dt-search input").fill(first)
        after = page.evaluate(f"() => document.querySelectorAll('table.hemiplan-sortable')[{index}].tBodies[0].rows.length")
        if not 1 <= after < rows:
            problems.append(Problem(label, "sorting", f"filtering on {first!r} left {after} of {rows} rows"))
    finally:
        page.close()
    return v.problems(label) + problems


_QUOTES = """(ids) => ids.map(id => {
  const e = document.getElementById(id);
  if (!e) return [id, 'no element with this id'];
  const mark = e.closest('mark.hemiplan-quote');
  if (!mark) return [id, 'not inside a marked quote'];
  const bg = getComputedStyle(mark).backgroundColor;
  if (!bg || bg === 'transparent' || bg === 'rgba(0, 0, 0, 0)') return [id, 'its quote is not highlighted'];
  if (!mark.textContent.trim()) return [id, 'its quote is empty'];
  return [id, null];
})"""

_TARGETED = """() => { const t = document.querySelector(':target'); if (!t) return null;
  const m = t.closest('mark.hemiplan-quote'); if (!m) return 'none';
  const s = getComputedStyle(m); return s.outlineStyle + ' ' + s.backgroundColor; }"""


def quote_anchors(context, crawl_: Crawl, source_page: str) -> tuple[dict, list[Problem]]:
    """Every quote anchor (``#q-…``) of the source-text page, and every one a page of
    the crawl links to, lies in a highlighted <mark>; opening a quote's link outlines
    that quote. Returns problems and counts: quotes on the page, quotes a table row or
    caption links to, quotes reached through a link to their paragraph, and the quotes
    no page leads to (data rows that no table shows)."""
    src = crawl_.visits.get(source_page)
    if src is None or src.status != 200:
        return {}, [Problem(source_page, "quote", "the source-text page was not visited")]
    quote_ids = sorted(i for i in src.ids if i.startswith("q-"))
    linked_q, linked_p = set(), set()
    for path, v in crawl_.visits.items():
        if path == source_page:
            continue
        for href in v.links:
            target, fragment = urldefrag(href)
            if relative(crawl_.base, target) == source_page and fragment:
                (linked_q if fragment.startswith("q-") else linked_p).add(unquote(fragment))
    page = context.new_page()
    problems: list[Problem] = []
    try:
        page.goto(urljoin(crawl_.base, source_page), wait_until="load")
        checked = page.evaluate(_QUOTES, quote_ids + sorted(linked_q - set(quote_ids)))
        problems += [Problem(source_page, "quote", f"#{i}: {why}") for i, why in checked if why]
        # The quotes of each paragraph, to know which are reached through their paragraph.
        by_paragraph = page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll(
            '.hemiplan-src-paragraph')).map(p => [p.id, Array.from(p.querySelectorAll('mark.hemiplan-quote, .hemiplan-qanchor'))
            .map(m => m.id)]))""")
        through = {q for p in linked_p for q in by_paragraph.get(p, [])}
        unreached = [q for q in quote_ids if q not in linked_q and q not in through]
        probe = sorted(linked_q)[0] if linked_q else next((q for q in quote_ids if q in through), None)
        if probe:
            page.goto(urljoin(crawl_.base, source_page) + "#" + probe, wait_until="load")
            style = page.evaluate(_TARGETED)
            if not style or style == "none" or style.startswith("none "):
                problems.append(Problem(source_page, "quote", f"opening #{probe} does not outline its quote ({style})"))
    finally:
        page.close()
    counts = {"quotes": len(quote_ids), "linked": len(set(quote_ids) & linked_q),
              "through paragraph": len([q for q in quote_ids if q not in linked_q and q in through]),
              "unreached": unreached}
    return counts, problems


_PRINT = """() => {
  const out = [];
  for (const sel of ['.bd-sidebar-primary', '.bd-sidebar-secondary', '.bd-header']) {
    const e = document.querySelector(sel);
    if (e && e.offsetParent !== null && getComputedStyle(e).display !== 'none') out.push(sel + ' is shown in print');
  }
  document.querySelectorAll('.hemiplan-table-wrap').forEach(w => {
    if (w.scrollWidth > w.clientWidth + 1) out.push('a table is cut off in print: ' +
      (w.querySelector('caption') ? w.querySelector('caption').textContent.trim().slice(0, 60) : ''));
  });
  const article = document.querySelector('article.bd-article');
  document.querySelectorAll('article img').forEach(i => {
    if (article && i.getBoundingClientRect().width > article.getBoundingClientRect().width + 1)
      out.push('a figure is wider than the page: ' + i.getAttribute('src'));
  });
  return out;
}"""


def print_view(context, url: str, screenshot: Path | None = None, width: int = 794) -> list[Problem]:
    """The page as printed (print media, an A4 width): no sidebars or header, no table
    cut off, no figure wider than the page; optionally a full-page screenshot."""
    with sized_page(context, width, 1123) as page:
        page.emulate_media(media="print")
        page.goto(url, wait_until="load")
        found = page.evaluate(_PRINT)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
    return [Problem(urlsplit(url).path, "print", p) for p in found]


def pdf_problems(pdf: Path, name: str) -> list[Problem]:
    """A profile's PDF exists, has at least one page and names its state (pdfplumber)."""
    import pdfplumber  # deferred: only the PDF checks need it

    label = pdf.name
    if not pdf.is_file() or not pdf.stat().st_size:
        return [Problem(label, "pdf", "missing or empty")]
    with pdfplumber.open(pdf) as doc:
        if not doc.pages:
            return [Problem(label, "pdf", "has no page")]
        text = " ".join((p.extract_text() or "") for p in doc.pages[:2])
    if name not in " ".join(text.split()):
        return [Problem(label, "pdf", f"does not name {name!r} on its first pages")]
    return []


# --- accessibility audit (issue 23): axe-core, through axe-playwright-python ------------------

#: The rules of WCAG 2.2 levels A and AA, as axe-core tags them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
#: WCAG 2.5.3 (Label in Name) is an experimental rule of axe-core: enabled explicitly.
AXE_RULES = {"label-content-name-mismatch": {"enabled": True}}
#: What fails the audit.
AXE_IMPACTS = {"serious", "critical"}
#: Violations waived, by rule id, with the reason. Remove an entry once its cause is fixed.
AXE_WAIVED: dict[str, str] = {}


def axe_audit(context, urls, width: int) -> list[Problem]:
    """axe-core on each page of ``urls`` at ``width`` px: every serious or critical
    violation of WCAG 2.2 A and AA (each rule once a page, with how many elements and
    the first of them), except the waived ones."""
    from axe_playwright_python.sync_playwright import Axe  # deferred: only the audit needs it

    axe = Axe()
    problems = []
    with sized_page(context, width, 900) as page:
        for url in urls:
            page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "rules": AXE_RULES})
            for v in result.response["violations"]:
                if v["impact"] in AXE_IMPACTS and v["id"] not in AXE_WAIVED:
                    node = v["nodes"][0]
                    problems.append(Problem(urlsplit(url).path, "axe", f"{v['id']} ({v['impact']}) at {width}px on "
                                            f"{len(v['nodes'])} element(s), e.g. {node['html'][:160]}: {v['help']}"))
    return problems
