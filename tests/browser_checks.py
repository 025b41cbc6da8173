"""Browser checks over a static site, shared by the browser tests (test helpers, not
tests). Debian's chromium (/usr/bin/chromium) is driven headless through playwright;
nothing downloads a browser of its own.

Every check returns problems (each names the page, the kind of problem and what is
wrong), so that a test asserts there are none, and a negative test asserts that a
deliberately broken site produces exactly the expected ones.
"""
from __future__ import annotations

import functools
import posixpath
import re
import tempfile
import threading
import urllib.error
import urllib.request
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

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

class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) from a thread; yields the base
    URL, ending in a slash."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


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


def crawl(context, base: str, start="index.html", on_page=None, limit: int = 2000) -> Crawl:
    """Visit every page reachable from ``start`` (a path below ``base``, or several)
    through internal links (and meta refreshes). On every page: no console error, no uncaught exception, no dialog, no
    failed request, every image loaded (naturalWidth > 0). For every internal link:
    the target exists (pages are visited, other files fetched) and, for a ``#anchor``,
    the target page has an element with that id (or an <a name>)."""
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
            if _is_page(rel) and rel not in seen:
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


def horizontal_overflow(context, urls, width: int = PHONE_WIDTH) -> list[Problem]:
    """Pages whose body scrolls horizontally at a phone width
    (document.documentElement.scrollWidth > window.innerWidth), naming the elements
    that stick out and are not inside a box that scrolls on its own."""
    problems = []
    page = context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            page.goto(url, wait_until="load")
            o = page.evaluate(_OVERFLOW)
            if o:
                problems.append(Problem(urlsplit(url).path, "overflow",
                                        f"scrolls horizontally at {width}px (scrollWidth {o['scrollWidth']} > "
                                        f"innerWidth {o['innerWidth']}); sticking out: {', '.join(o['culprits'])}"))
    finally:
        page.close()
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
  return {problems: out, text: main.innerText};
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
