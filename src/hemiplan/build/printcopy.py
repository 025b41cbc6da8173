"""What the book's pages are printed from (see :mod:`hemiplan.build.pdf`).

A *print copy* of a page keeps its head without scripts and without the theme's
stylesheets (layout, navigation, colour modes, code cells, buttons: hidden in print
anyway, they cost a third of the printing time; hemiplan.css's ``.hemiplan-print``
rules stand in for the theme's typography), and a body holding the draft banner (if
any) and the page's article. A *combined copy* puts the articles of several pages of
one folder (so that their relative links are alike) in one document, each part from a
new page: printing it once costs a third of printing its pages one by one, and its
PDF is split back into one PDF per page at the part's heading (each part has exactly
one ``<h1>``, which Chromium makes a top-level bookmark).

A link within a page (``href="#…"``) is written, in its copy, as a link to the page
itself (``arg.html#…``): the copy is not the page, and a PDF split from a combined copy
keeps no link into another part (see :func:`hemiplan.build.pdf.relink`)."""
from __future__ import annotations

import posixpath
import re

#: The theme's stylesheets, left out of a print copy.
_THEME_CSS = re.compile(r"""<link\b[^>]*href=["'][^"']*(?:pydata-sphinx-theme|sphinx-book-theme|styles/theme|pygments|"""
                        r"""togglebutton|copybutton|sphinx-thebe)[^"']*\.css[^>]*>\s*""")
_SCRIPT = re.compile(r"<script\b.*?</script>\s*", re.S)
_PRELOAD = re.compile(r"""<link\b[^>]*rel=["']preload["'][^>]*>\s*""")
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
#: The theme's announcement (the draft banner): an ``<aside>`` (a ``<div>`` in older
#: releases of the theme) around one ``__content`` div; nothing else of the header.
_BANNER = re.compile(r"""<(div|aside)\b[^>]*class=["']bd-header-announcement\b[^"']*["'][^>]*>\s*"""
                     r"""<div\b[^>]*bd-header-announcement__content[^>]*>.*?</div>\s*</\1>""", re.S)
_H1 = re.compile(r"<h1\b")
#: The language switch of a page (hemiplan.build.sphinx_ext), and its line of script: not printed.
_SAME_PAGE = re.compile(r"""(<a\b[^>]*?\bhref=)(["'])#""")
_SWITCH = re.compile(r"""<nav\b[^>]*class=["']hemiplan-language["'].*?</nav>(?:\s*<script>.*?</script>)?""", re.S)


def _head(html: str) -> str:
    head, _, _ = html.partition("<body")
    return _PRELOAD.sub("", _THEME_CSS.sub("", _SCRIPT.sub("", head)))


def _part(html: str, page: str = "") -> str:
    """The draft banner (if any) and the article of a page (at ``page``, a path in
    its folder: its links within itself name it)."""
    article = _ARTICLE.search(html)
    banner = _BANNER.search(html)
    text = _SWITCH.sub("", article.group(0)) if article else ""
    if page:
        name = posixpath.basename(page)
        text = _SAME_PAGE.sub(lambda m: f"{m.group(1)}{m.group(2)}{name}#", text)
    return f'{banner.group(0) if banner else ""}\n{text}'


def print_copy(html: str, page: str = "") -> str:
    """What one page (at ``page``) is printed from (the page itself if it has no article)."""
    if _ARTICLE.search(html) is None:
        return html
    return f'{_head(html)}<body class="hemiplan-print">\n<main>{_part(html, page)}</main>\n</body>\n</html>\n'


def combinable(html: str) -> bool:
    """Whether a page can be printed in a combined copy: an article with exactly one
    top-level heading, where its PDF is split."""
    article = _ARTICLE.search(html)
    return article is not None and len(_H1.findall(article.group(0))) == 1


def combined_copy(pages_html: list[str], pages=None) -> str:
    """What several pages of one folder (at ``pages``) are printed from together, in
    the order given, each from a new page."""
    names = list(pages) if pages is not None else [""] * len(pages_html)
    parts = "".join(f'<section class="hemiplan-print-part">{_part(h, p)}</section>\n' for h, p in zip(pages_html, names))
    return f'{_head(pages_html[0])}<body class="hemiplan-print">\n<main>\n{parts}</main>\n</body>\n</html>\n'


def copy_name(page: str, tag: str = "") -> str:
    """A print copy's name, beside its page (so that relative links still resolve)."""
    folder, name = posixpath.split(page)
    return posixpath.join(folder, f".print-{tag or name}" + (".html" if tag else ""))


def chunks(pages: list[str], size: int) -> list[list[str]]:
    """``pages`` in runs of at most ``size`` pages of one folder, in order of first
    appearance of the folder."""
    folders: dict[str, list[str]] = {}
    for p in pages:
        folders.setdefault(posixpath.dirname(p), []).append(p)
    return [run[i:i + size] for run in folders.values() for i in range(0, len(run), size)]
