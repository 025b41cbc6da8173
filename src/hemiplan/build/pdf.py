"""A PDF of every member-state profile and of the whole edition, printed by Debian's
Chromium (the browser the tests use, driven by playwright's ``page.pdf``) from the
edition's HTML once Jupyter Book has made it and before it is published, with the
site's print stylesheet.

Each profile's PDF is written next to its page (``chapters/profiles/arg.html`` →
``chapters/profiles/arg.pdf``), where the page's "Download PDF" link (added by the
book's Sphinx extension) points; the edition's PDF, every page of the book in the
order of its table of contents, is ``downloads/hemiplan-<year>.pdf``, linked from the
front page. Each page is printed once; PDFs are cached under ``_build/cache/pdf/`` by the
content they are printed from: the page, every stylesheet and image it uses, the
browser and the print options; an unchanged page is not printed again.
Pages are printed with scripts off (the print stylesheet needs none), several at a
time in one browser, each from its *print copy*: the page's article (with the draft
banner, if any) and the stylesheets of its content, without the theme's navigation,
scripts and stylesheets, which the print stylesheet hides anyway and which cost a
third of the printing time (hemiplan.css's ``.hemiplan-print`` rules stand in for the
theme's typography). Print copies sit beside their page while it prints, then go."""
from __future__ import annotations

import asyncio
import functools
import hashlib
import os
import posixpath
import re
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote

import pypdfium2 as pdfium

from hemiplan import paths
from hemiplan.build.jobs import BuildError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
#: Where the profiles are, inside an edition (see hemiplan.build.profiles).
PROFILES = "chapters/profiles/"
#: A4; at 80 % the page holds the width of the book's text column and of most tables.
PDF_OPTIONS = {"format": "A4", "print_background": True, "scale": 0.8,
               "margin": {"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
               "display_header_footer": True, "header_template": "<span></span>",
               "footer_template": ('<div style="font-size:8px;width:100%;text-align:center;color:#666">'
                                   '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')}
TIMEOUT_MS = 60_000
_ASSET = re.compile(r"""(?:href|src)=["']([^"'#?]+\.(?:css|png|svg|jpg|jpeg|gif|woff2?))["']""")
#: The theme's stylesheets (layout, navigation, colour modes, code cells, buttons),
#: left out of a print copy.
_THEME_CSS = re.compile(r"""<link\b[^>]*href=["'][^"']*(?:pydata-sphinx-theme|sphinx-book-theme|styles/theme|pygments|"""
                        r"""togglebutton|copybutton|sphinx-thebe)[^"']*\.css[^>]*>\s*""")
_SCRIPT = re.compile(r"<script\b.*?</script>\s*", re.S)
_PRELOAD = re.compile(r"""<link\b[^>]*rel=["']preload["'][^>]*>\s*""")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_BANNER = re.compile(r"""<div\b[^>]*class=["'][^"']*bd-header-announcement.*?</div>\s*</div>""", re.S)


def pdf_path(page: str) -> str:
    """Where the PDF of a page goes: chapters/profiles/arg.html → chapters/profiles/arg.pdf."""
    return page.removesuffix(".html") + ".pdf"


def profile_pages(toc_files) -> list[str]:
    """The profile pages (``chapters/profiles/<iso3>.html``) among the book's files."""
    return sorted(f"{f}.html" for f in toc_files if str(f).startswith(PROFILES))


def _browser_id() -> str:
    """The browser and the printing code, for the cache key."""
    stat = CHROMIUM.stat()
    return f"{stat.st_size}:{int(stat.st_mtime)}:{metadata.version('playwright')}:{PDF_OPTIONS!r}"


def content_key(html_dir: Path, page: str, browser: str) -> str:
    """Hash of what a page's PDF is printed from: the page, every stylesheet and image
    it links to (read from the site), and the browser."""
    h = hashlib.sha256(browser.encode())
    text = (html_dir / page).read_bytes()
    h.update(text)
    here = posixpath.dirname(page)
    for ref in sorted(set(_ASSET.findall(text.decode("utf-8", "replace")))):
        if "://" in ref or ref.startswith("data:"):
            continue
        asset = html_dir / posixpath.normpath(posixpath.join(here, unquote(ref)))
        h.update(ref.encode())
        h.update(asset.read_bytes() if asset.is_file() else b"(missing)")
    return h.hexdigest()


def print_copy(html: str) -> str:
    """What a page is printed from: its head without scripts and the theme's
    stylesheets, and a body holding the draft banner (if any) and the article."""
    head, _, _ = html.partition("<body")
    article = _ARTICLE.search(html)
    if article is None:
        return html
    head = _PRELOAD.sub("", _THEME_CSS.sub("", _SCRIPT.sub("", head)))
    banner = _BANNER.search(html)
    return (f'{head}<body class="hemiplan-print">\n{banner.group(0) if banner else ""}\n'
            f'<main>{article.group(0)}</main>\n</body>\n</html>\n')


def _copy_name(page: str) -> str:
    """A print copy's name, beside its page (so that relative links still resolve)."""
    folder, name = posixpath.split(page)
    return posixpath.join(folder, f".print-{name}")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser dropped a request it no longer needed


@contextmanager
def _serve(directory: Path):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, name="pdf-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


async def _print_all(base: str, todo: dict[str, Path], workers: int) -> None:
    # Deferred: playwright is heavy, and only a build that prints needs it.
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=TIMEOUT_MS)
        try:
            queue = list(todo.items())

            async def worker():
                # A context per worker: pages of one origin in one context share a
                # renderer process, and would not print side by side.
                context = await browser.new_context(java_script_enabled=False)
                page = await context.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                await page.emulate_media(media="print")
                while queue:
                    name, out = queue.pop(0)
                    response = await page.goto(base + name, wait_until="load")
                    if response is None or response.status != 200:
                        raise BuildError(f"{name}: could not be opened to print it (HTTP "
                                         f"{response.status if response else '?'})")
                    await page.pdf(path=str(out), **PDF_OPTIONS)
                await context.close()

            await asyncio.gather(*(worker() for _ in range(max(1, min(workers, len(todo))))))
        finally:
            await browser.close()


def _cache_dir(root: Path) -> Path:
    return root / "_build" / "cache" / "pdf"


def _print_cached(html_dir: Path, pages: list[str], root: Path, workers: int | None) -> tuple[dict, int]:
    """Each page's PDF in the cache (printed when its content changed): page → path,
    and how many were printed."""
    if not CHROMIUM.is_file():
        raise BuildError(f"{CHROMIUM} is missing, and the book's PDFs are printed with it: install Debian's "
                         "chromium (`make browser`, or `apt-get install -y chromium` as root)")
    missing = [p for p in pages if not (html_dir / p).is_file()]
    if missing:
        raise BuildError(f"no page to print for {', '.join(missing)} in {html_dir}")
    cache = _cache_dir(root)
    cache.mkdir(parents=True, exist_ok=True)
    browser = _browser_id()
    keys = {p: content_key(html_dir, p, browser) for p in pages}
    tag = f"{os.getpid()}-{threading.get_ident()}"
    todo = {p: cache / f".{keys[p]}.{tag}.tmp.pdf" for p in pages if not (cache / f"{keys[p]}.pdf").is_file()}
    copies = {p: html_dir / _copy_name(p) for p in todo}
    if todo:
        try:
            for p, copy in copies.items():
                copy.write_text(print_copy((html_dir / p).read_text(encoding="utf-8")), encoding="utf-8")
            # In a thread of its own: the caller may be running an event loop already
            # (playwright's sync API does, e.g. in the browser tests).
            with _serve(html_dir) as base, ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(asyncio.run, _print_all(base, {_copy_name(p): out for p, out in todo.items()},
                                                    workers or os.cpu_count() or 1)).result()
            for p, tmp in todo.items():
                os.replace(tmp, cache / f"{keys[p]}.pdf")
        finally:
            for tmp in list(todo.values()) + list(copies.values()):
                tmp.unlink(missing_ok=True)
    return {p: cache / f"{keys[p]}.pdf" for p in pages}, len(todo)


def edition_pdf(year: int) -> str:
    """Where the whole edition's PDF goes, inside the edition."""
    return f"downloads/hemiplan-{int(year)}.pdf"


def merge(parts: list[Path], dest: Path) -> int:
    """One PDF of ``parts`` in order (written atomically); returns its page count."""
    book = pdfium.PdfDocument.new()
    try:
        for part in parts:
            src = pdfium.PdfDocument(str(part))
            try:
                book.import_pages(src)
            finally:
                src.close()
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
        book.save(str(tmp))
        os.replace(tmp, dest)
        return len(book)
    finally:
        book.close()


def render(html_dir: Path, toc_files, year: int, root: Path = paths.ROOT, workers: int | None = None) -> dict:
    """Print every page of the book listed in ``toc_files`` (in that order) from
    ``html_dir``, from the cache when its content is unchanged; write each profile's
    PDF beside its page and the edition's PDF. Returns how many pages were printed and
    taken from the cache, the edition's page count, and the seconds it took."""
    start = time.perf_counter()
    pages = [f"{f}.html" for f in dict.fromkeys(toc_files)]
    if not pages:
        return {"printed": 0, "cached": 0, "pages": 0, "seconds": 0.0}
    pdfs, printed = _print_cached(html_dir, pages, root, workers)
    for p in profile_pages(toc_files):
        shutil.copyfile(pdfs[p], html_dir / pdf_path(p))
    n = merge([pdfs[p] for p in pages], html_dir / edition_pdf(year))
    return {"printed": printed, "cached": len(pages) - printed, "pages": n, "seconds": time.perf_counter() - start}
