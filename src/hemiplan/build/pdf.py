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
Pages are printed with scripts off (the print stylesheet needs none), from their print
copies (see :mod:`hemiplan.build.printcopy`): the pages of one folder together, a dozen
at a time, in one combined copy whose PDF is split back into one PDF per page at its
top-level bookmarks; several copies print side by side in one browser. A combined
copy whose bookmarks do not match its pages is printed again page by page. The PDFs
carry no page numbers: a page's numbers would be those of the combined copy.

Links: the pages are printed at the address they have in the site under a reserved
origin (``https://hemiplan.invalid/2014/chapters/…``, answered from the edition's
folder by the browser's request routing, so that no server is opened and a link
between editions resolves as it does on the site), and every link of a PDF written
into the site is then rewritten (:func:`relink`) to the public address of its target
when the site has one, else to the target relative to the PDF's own place in the site
(``../source_text.html#src-…`` from ``chapters/profiles/arg.pdf``). No link of a PDF
points at a local server or a file."""
from __future__ import annotations

import asyncio
import ctypes
import functools
import hashlib
import mimetypes
import os
import posixpath
import re
import shutil
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from hemiplan import paths
from hemiplan.build import printcopy, printer, public
from hemiplan.build.jobs import BuildError

#: PDFium is not thread-safe, not even across documents (pypdfium2's docs, "Incompatibility
#: with Threading"), and the editions of a build are finished in threads side by side:
#: every function here that calls it holds this lock.
_PDFIUM = threading.RLock()


def _pdfium_serialised(fn):
    @functools.wraps(fn)
    def locked(*args, **kwargs):
        with _PDFIUM:
            return fn(*args, **kwargs)
    return locked


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
#: Where the profiles are, inside an edition (see hemiplan.build.profiles).
PROFILES = "chapters/profiles/"
#: A4; at 80 % the page holds the width of the book's text column and of most tables.
PDF_OPTIONS = {"format": "A4", "print_background": True, "scale": 0.8,
               "margin": {"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"}}
#: A combined copy's options: with its headings as bookmarks, where it is split.
COMBINED_OPTIONS = {**PDF_OPTIONS, "outline": True, "tagged": True}
TIMEOUT_MS = 60_000
_ASSET = re.compile(r"""(?:href|src)=["']([^"'#?]+\.(?:css|png|svg|jpg|jpeg|gif|woff2?))["']""")
#: Pages printed together in one combined copy, at most: two or more copies of a
#: larger folder print side by side.
CHUNK = 12
#: The origin the pages are printed at (a reserved name: nothing answers it but the
#: browser's routing); every link of a printed PDF starts with it until :func:`relink`.
ORIGIN = "https://hemiplan.invalid/"


def pdf_path(page: str) -> str:
    """Where the PDF of a page goes: chapters/profiles/arg.html → chapters/profiles/arg.pdf."""
    return page.removesuffix(".html") + ".pdf"


def profile_pages(toc_files) -> list[str]:
    """The profile pages (``chapters/profiles/<iso3>.html``) among the book's files."""
    return sorted(f"{f}.html" for f in toc_files if str(f).startswith(PROFILES))


def _browser_id() -> str:
    """The browser and the printing code, for the cache key."""
    stat = CHROMIUM.stat()
    return f"{stat.st_size}:{int(stat.st_mtime)}:{metadata.version('playwright')}:{PDF_OPTIONS!r}:{ORIGIN}"


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


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser dropped a request it no longer needed


@contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) from a thread; yields the base
    URL, ending in a slash. (The browser tests serve their sites with it too.)"""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, name="pdf-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def _answer(html_dir: Path, mount: str, url: str) -> tuple[int, bytes, str]:
    """What the reserved origin answers for ``url``: the file of ``html_dir`` at that
    site path under ``mount`` (the edition's place in the site), else a 404."""
    path = unquote(urlsplit(url).path).lstrip("/")
    inside = path[len(mount) + 1:] if path.startswith(mount + "/") else None
    if inside is not None:
        f = (html_dir / (inside or "index.html")).resolve()
        if f.is_file() and f.is_relative_to(html_dir.resolve()):
            return 200, f.read_bytes(), mimetypes.guess_type(f.name)[0] or "application/octet-stream"
    return 404, b"", "text/plain"


def launch(pw):
    """The headless Chromium the PDFs are printed with (playwright's launch, awaitable)."""
    return pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=TIMEOUT_MS)


async def _print_all(browser, slots: asyncio.Semaphore, html_dir: Path, mount: str,
                     jobs: list[tuple[str, Path, dict]], workers: int) -> None:
    """Print each (page, PDF, options) of ``jobs`` in ``browser``, by ``workers`` tabs,
    each page holding one of ``slots`` while it prints (the build's limit on pages in
    print at once, shared by its editions: see hemiplan.build.printer), each page
    opened at its site path under :data:`ORIGIN` (see the module's docstring)."""
    async def route(r):
        if not r.request.url.startswith(ORIGIN):
            await r.abort()   # the print copies need nothing from the network
            return
        status, body, kind = _answer(html_dir, mount, r.request.url)
        await r.fulfill(status=status, body=body, content_type=kind)

    queue = list(jobs)

    async def worker():
        # A context per worker: pages of one origin in one context share a
        # renderer process, and would not print side by side.
        context = await browser.new_context(java_script_enabled=False)
        try:
            await context.route("**/*", route)
            page = await context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            await page.emulate_media(media="print")
            while queue:
                async with slots:
                    if not queue:
                        break
                    name, out, options = queue.pop(0)
                    response = await page.goto(f"{ORIGIN}{mount}/{name}", wait_until="load")
                    if response is None or response.status != 200:
                        raise BuildError(f"{name}: could not be opened to print it (HTTP "
                                         f"{response.status if response else '?'})")
                    await page.pdf(path=str(out), **options)
        finally:
            await context.close()

    tasks = [asyncio.ensure_future(worker()) for _ in range(max(1, min(workers, len(jobs))))]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for t in tasks:   # the browser may be the build's: stop this print's other tabs
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def _cache_dir(root: Path) -> Path:
    return root / "_build" / "cache" / "pdf"


@_pdfium_serialised
def split(combined: Path, outs: list[Path]) -> bool:
    """Split a combined copy's PDF into one PDF per part (``outs``, in order) at its
    top-level bookmarks; False, and nothing written, when they do not match the parts."""
    doc = pdfium.PdfDocument(str(combined))
    try:
        starts = [b.get_dest().get_index() for b in doc.get_toc() if b.level == 0 and b.get_dest() is not None]
        if len(starts) != len(outs) or not starts or starts[0] != 0 or any(a >= b for a, b in zip(starts, starts[1:])):
            return False
        for out, first, end in zip(outs, starts, starts[1:] + [len(doc)]):
            part = pdfium.PdfDocument.new()
            try:
                part.import_pages(doc, list(range(first, end)))
                part.save(str(out))
            finally:
                part.close()
        return True
    finally:
        doc.close()


def _print(html_dir: Path, mount: str, jobs: list[tuple[str, Path, dict]], workers: int | None) -> None:
    """Print ``jobs`` in the build's browser when one is shared (hemiplan.build.printer),
    else in a browser launched for them."""
    n = workers or os.cpu_count() or 1
    printer.run(lambda browser, slots: _print_all(browser, slots, html_dir, mount, jobs, n), launch, n)


def _print_pages(html_dir: Path, mount: str, todo: dict[str, Path], scratch: str, workers: int | None) -> None:
    """Print each page of ``todo`` (page → PDF) from print copies written beside the
    pages (and removed afterwards): combined copies where they split as expected,
    else one copy a page."""
    texts = {p: (html_dir / p).read_text(encoding="utf-8") for p in todo}
    made: list[Path] = []

    def write(name: str, text: str) -> str:
        made.append(html_dir / name)
        made[-1].write_text(text, encoding="utf-8")
        return name

    def single(page: str) -> tuple[str, Path, dict]:
        return write(printcopy.copy_name(page), printcopy.print_copy(texts[page], page)), todo[page], PDF_OPTIONS

    try:
        groups = [g for g in printcopy.chunks([p for p in todo if printcopy.combinable(texts[p])], CHUNK) if len(g) > 1]
        grouped = {p for g in groups for p in g}
        jobs = [single(p) for p in todo if p not in grouped]
        combined = []
        for i, group in enumerate(groups):
            name = write(printcopy.copy_name(group[0], f"{scratch}-{i}"), printcopy.combined_copy([texts[p] for p in group], group))
            combined.append((html_dir / f"{name}.pdf", group))
            made.append(combined[-1][0])
            jobs.append((name, combined[-1][0], COMBINED_OPTIONS))
        _print(html_dir, mount, jobs, workers)
        again = [p for pdf, group in combined if not split(pdf, [todo[p] for p in group]) for p in group]
        if again:
            _print(html_dir, mount, [single(p) for p in again], workers)
    finally:
        for f in made:
            f.unlink(missing_ok=True)


def browser_missing() -> str | None:
    """Why the PDFs cannot be printed here (the browser is missing), or None."""
    if CHROMIUM.is_file():
        return None
    return (f"{CHROMIUM} is missing, and the book's PDFs are printed with it: install Debian's chromium "
            "(`make browser`, or `apt-get install -y chromium` as root), or build the site without its PDFs "
            "(`hemiplan build --no-pdf`)")


def _print_cached(html_dir: Path, mount: str, pages: list[str], root: Path, workers: int | None) -> tuple[dict, int]:
    """Each page's PDF in the cache (printed when its content changed): page → path,
    and how many were printed."""
    missing_browser = browser_missing()
    if missing_browser:
        raise BuildError(missing_browser)
    missing = [p for p in pages if not (html_dir / p).is_file()]
    if missing:
        raise BuildError(f"no page to print for {', '.join(missing)} in {html_dir}")
    cache = _cache_dir(root)
    cache.mkdir(parents=True, exist_ok=True)
    browser = _browser_id()
    keys = {p: content_key(html_dir, p, browser) for p in pages}
    tag = f"{os.getpid()}-{threading.get_ident()}"
    todo = {p: cache / f".{keys[p]}.{tag}.tmp.pdf" for p in pages if not (cache / f"{keys[p]}.pdf").is_file()}
    if todo:
        try:
            _print_pages(html_dir, mount, todo, tag, workers)
            for p, tmp in todo.items():
                os.replace(tmp, cache / f"{keys[p]}.pdf")
        finally:
            for tmp in todo.values():
                tmp.unlink(missing_ok=True)
    return {p: cache / f"{keys[p]}.pdf" for p in pages}, len(todo)


def edition_pdf(year: int) -> str:
    """Where the whole edition's PDF goes, inside the edition."""
    return f"downloads/hemiplan-{int(year)}.pdf"


@_pdfium_serialised
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


def links(pdf: Path) -> list[str]:
    """The address of every link of a PDF (its link annotations' URI actions), in page order."""
    out: list[str] = []

    def note(uri: str) -> None:
        out.append(uri)
    _each_link(pdf, note)
    return out


@_pdfium_serialised
def _each_link(pdf: Path, change) -> bool:
    """Call ``change(uri)`` for every URI link of ``pdf``; where it returns a new
    address, the link is rewritten. True if any was."""
    doc = pdfium.PdfDocument(str(pdf))
    changed = False
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                for j in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
                    annot = pdfium_c.FPDFPage_GetAnnot(page.raw, j)
                    try:
                        uri = _uri(doc, annot)
                        new = change(uri) if uri is not None else None
                        if new is not None and new != uri:
                            changed = bool(pdfium_c.FPDFAnnot_SetURI(annot, new.encode("ascii"))) or changed
                    finally:
                        pdfium_c.FPDFPage_CloseAnnot(annot)
            finally:
                page.close()
        if changed:
            tmp = pdf.with_name(f".{pdf.name}.{os.getpid()}.relink.tmp")
            doc.save(str(tmp))
    finally:
        doc.close()
    if changed:
        os.replace(tmp, pdf)
    return changed


def _uri(doc, annot) -> str | None:
    """The URI of a link annotation, or None (not a link, or a link within the document)."""
    if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_LINK:
        return None
    link = pdfium_c.FPDFAnnot_GetLink(annot)
    action = pdfium_c.FPDFLink_GetAction(link) if link else None
    if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
        return None
    n = pdfium_c.FPDFAction_GetURIPath(doc.raw, action, None, 0)
    buf = ctypes.create_string_buffer(n)
    pdfium_c.FPDFAction_GetURIPath(doc.raw, action, buf, n)
    return bytes(buf).rstrip(b"\0").decode("utf-8", "replace")


def public_link(uri: str, pdf_site_path: str, base: str) -> str:
    """Where a printed link goes in a PDF at ``pdf_site_path``: the public address of
    its target with ``base``, else the target relative to the PDF (see the module's
    docstring); a link that does not start with :data:`ORIGIN` is left as it is."""
    if not uri.startswith(ORIGIN):
        return uri
    target = uri[len(ORIGIN):]
    return public.address(base, target) if base else public.relative_link(pdf_site_path, target)


def relink(pdf: Path, pdf_site_path: str, base: str) -> bool:
    """Rewrite every printed link of ``pdf`` (at ``pdf_site_path`` in the site) with
    :func:`public_link`."""
    return _each_link(pdf, lambda uri: public_link(uri, pdf_site_path, base))


def render(html_dir: Path, toc_files, year: int, root: Path = paths.ROOT, workers: int | None = None,
           mount: str | None = None, base: str = "") -> dict:
    """Print every page of the book listed in ``toc_files`` (in that order) from
    ``html_dir`` (the edition's HTML, to be served at ``mount``: '2014', 'es/2014'),
    from the cache when its content is unchanged; write each profile's PDF beside its
    page and the edition's PDF, their links rewritten for the public address ``base``
    (or relative to the PDF without one). Returns how many pages were printed and
    taken from the cache, the edition's page count, and the seconds it took."""
    start = time.perf_counter()
    mount = (mount or str(year)).strip("/")
    pages = [f"{f}.html" for f in dict.fromkeys(toc_files)]
    if not pages:
        return {"printed": 0, "cached": 0, "pages": 0, "seconds": 0.0}
    pdfs, printed = _print_cached(html_dir, mount, pages, root, workers)
    for p in profile_pages(toc_files):
        shutil.copyfile(pdfs[p], html_dir / pdf_path(p))
        relink(html_dir / pdf_path(p), f"{mount}/{pdf_path(p)}", base)
    n = merge([pdfs[p] for p in pages], html_dir / edition_pdf(year))
    relink(html_dir / edition_pdf(year), f"{mount}/{edition_pdf(year)}", base)
    return {"printed": printed, "cached": len(pages) - printed, "pages": n, "seconds": time.perf_counter() - start}
