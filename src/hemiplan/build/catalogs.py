"""The translation catalogs: extracting the book's messages and keeping each language's
PO files in step with them, and checking that a language is complete.

Messages come from two places, and each source file has its own catalog,
``src/hemiplan/locale/<language>/LC_MESSAGES/<name>.po``:

- the package's modules (``hemiplan.analysis.overview`` → ``analysis.overview.po``): every
  call of ``_``, ``n_``, ``p_`` and ``np_`` of :mod:`hemiplan.language`;
- the chapter notebooks (``chapters/overview.ipynb`` → ``chapters.overview.po``): the same
  calls in their code cells, and each Markdown cell as one message (the build writes the
  translated cell into the page of that language, see :func:`translate_notebook`);
- the book's own files (``book.po``): the captions of ``_toc.yml`` (context 'table of
  contents'), the title, author and copyright of ``_config.yml`` (context 'book'), and
  each paragraph of the Markdown pages the table of contents lists, ``intro.md`` among
  them (context: the file's name; a paragraph is a block between blank lines, a fenced
  block whole), which the build writes translated into that language's tree (see
  :func:`translate_markdown`).

``python -m hemiplan catalogs update`` adds new messages to every language's catalogs
(keeping what is translated, marking nothing fuzzy by itself) and drops obsolete ones;
``python -m hemiplan catalogs check`` lists untranslated and fuzzy messages and
placeholders that differ between a message and its translation."""
from __future__ import annotations

import io
import re
from pathlib import Path

import nbformat
import yaml
from babel.messages import pofile
from babel.messages.catalog import Catalog
from babel.messages.extract import extract

from hemiplan import language, paths
from hemiplan.data import schema

#: The marking functions and their arguments (Babel's keyword spec).
KEYWORDS = {"_": None, "n_": (1, 2), "p_": ((1, "c"), 2), "np_": ((1, "c"), 2, 3)}
#: Named placeholders of a message: '{n}', '{year}', '{name!r}'.
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)(?:[!:][^{}]*)?\}(?!\})")
#: A Markdown cell of a notebook is one message with this context.
MARKDOWN = "notebook markdown"
SOURCE_DIR = paths.ROOT / "src" / "hemiplan"


def _python_messages(source: str, where: str) -> list[tuple]:
    """(message, context, where) of every marked call in Python source."""
    out = []
    for lineno, msg, comments, context in extract("python", io.BytesIO(source.encode("utf-8")), keywords=KEYWORDS,
                                                  options={"encoding": "utf-8"}):
        out.append((msg, context, f"{where}:{lineno}"))
    return out


def module_messages(path: Path) -> list[tuple]:
    return _python_messages(path.read_text(encoding="utf-8"), path.relative_to(paths.ROOT).as_posix())


def notebook_messages(path: Path) -> list[tuple]:
    nb = nbformat.read(path, as_version=4)
    where = path.relative_to(paths.ROOT).as_posix()
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and cell.source.strip():
            out.append((cell.source, MARKDOWN, f"{where}:cell {i}"))
        elif cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            out += _python_messages(cell.source, f"{where}:cell {i}")
    return out


def schema_messages() -> list[tuple]:
    """The reader-facing texts of the schemas: each table's description (context
    ``schema <table>``) and each column's title and description (context
    ``schema <table>.<column>``), which the data dictionary shows; and the labels of
    their vocabularies (``hemiplan:labels``, and the count nouns ``hemiplan:nouns`` as
    singular and plural), with their column as context (``activities.activity_type``;
    ``activities.activity_type noun`` for the count nouns, which a catalog keeps apart
    from the labels of the same words)."""
    out = []
    for table in schema.ALL_TABLES:
        where = f"data/schema/{table}.schema.json:1"
        if schema.descriptor(table).get("description"):
            out.append((schema.descriptor(table)["description"], schema.TEXT_CONTEXT.format(where=table), where))
        for f in schema.fields(table):
            context = f"{table}.{f['name']}"
            text_context = schema.TEXT_CONTEXT.format(where=context)
            out += [(f[key], text_context, where) for key in ("title", "description") if f.get(key)]
            out += [(label, context, where) for label in dict.fromkeys(f.get("hemiplan:labels", {}).values())]
            out += [(tuple(pair), f"{context} noun", where) for pair in f.get("hemiplan:nouns", {}).values()]
    return out


def markdown_blocks(text: str) -> list[str]:
    """The paragraphs of a Markdown page: blocks between blank lines, a fenced block
    (``` or :::) whole, each without its surrounding blank lines."""
    blocks, current, fence = [], [], None
    for line in text.splitlines():
        stripped = line.strip()
        if fence is None:
            if stripped.startswith(("```", ":::")):
                fence = stripped[:3]
        elif stripped.startswith(fence) and not stripped.lstrip(fence[0]).strip():
            fence = None
        if not stripped and fence is None:
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def translate_markdown(text: str, lang: str, context: str) -> str:
    """A Markdown page in ``lang``: each paragraph from the ``book`` catalog (context:
    the page's file name); a paragraph without a translation stays as it is, and
    ``check`` reports it. English is returned unchanged."""
    if lang == language.SOURCE:
        return text
    tr = language.translations(lang)
    return "\n\n".join(tr.pgettext(context, block) for block in markdown_blocks(text)) + "\n"


def book_messages(root: Path = paths.ROOT) -> list[tuple]:
    """The messages of the book's own files: the captions of ``_toc.yml``, the title,
    author and copyright of ``_config.yml``, and the paragraphs of its Markdown pages."""
    out = []
    toc_path, config_path = root / "_toc.yml", root / "_config.yml"
    if not toc_path.is_file():
        return out
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    files = [toc.get("root")]

    def walk(node):
        if isinstance(node, dict):
            if node.get("caption"):
                out.append((node["caption"], "table of contents", "_toc.yml:1"))
            if node.get("file"):
                files.append(node["file"])
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []) or []:
                    walk(child)
    walk(toc)
    if config_path.is_file():
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        out += [(config[k], "book", "_config.yml:1") for k in ("title", "author", "copyright") if config.get(k)]
    for f in files:
        page = root / f"{f}.md"
        if f and page.is_file():
            out += [(block, f"{f}.md", f"{f}.md:{i + 1}")
                    for i, block in enumerate(markdown_blocks(page.read_text(encoding="utf-8")))]
    return out


def sources() -> dict[str, list[tuple]]:
    """Catalog name → messages, for every module and chapter notebook that has some,
    the schemas' vocabularies (``data.schemas``) and the book's own files (``book``)."""
    out = {"data.schemas": schema_messages(), "book": book_messages()}
    for path in sorted(SOURCE_DIR.rglob("*.py")):
        name = ".".join(path.relative_to(SOURCE_DIR).with_suffix("").parts)
        found = module_messages(path)
        if found:
            out[name] = found
    for path in sorted(paths.CHAPTERS.glob("*.ipynb")):
        found = notebook_messages(path)
        if found:
            out[f"chapters.{path.stem}"] = found
    return out


def template(messages: list[tuple]) -> Catalog:
    cat = Catalog(project="hemiplan", charset="utf-8")
    for msg, context, where in messages:
        file, _, line = where.rpartition(":")
        # a notebook's location is its cell: written as the file and the cell's number
        cat.add(msg, locations=[(file, int(line.removeprefix("cell ")))], context=context)
    return cat


def catalog_path(lang: str, name: str) -> Path:
    return language.LOCALE_DIR / lang / "LC_MESSAGES" / f"{name}.po"


def read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as f:
        return pofile.read_po(f, locale=lang)


def write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    pofile.write_po(buf, catalog, width=100, sort_output=False, omit_header=False, include_previous=False)
    path.write_bytes(buf.getvalue())


def update(lang: str) -> list[Path]:
    """Bring every catalog of ``lang`` in step with the sources; returns the files written."""
    written = []
    for name, messages in sources().items():
        path = catalog_path(lang, name)
        tmpl = template(messages)
        cat = read(path, lang) if path.is_file() else Catalog(locale=lang, project="hemiplan", charset="utf-8")
        cat.update(tmpl, no_fuzzy_matching=True)
        cat.obsolete.clear()
        cat.fuzzy = False  # the header: a catalog is complete when its messages are
        write(path, cat)
        written.append(path)
    return written


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text or ""))


def check(lang: str) -> list[str]:
    """Every problem of ``lang``'s catalogs: a source without its catalog, a message
    missing from it, untranslated or fuzzy, a translation whose placeholders differ."""
    problems = []
    for name, messages in sources().items():
        path = catalog_path(lang, name)
        if not path.is_file():
            problems.append(f"{lang}: no catalog {path.name} for {len(messages)} message(s) of {name}")
            continue
        problems += check_catalog(read(path, lang), messages, path.name)
    return problems


def check_catalog(cat: Catalog, messages: list[tuple], label: str) -> list[str]:
    """The problems of one catalog against the messages of its source (see :func:`check`)."""
    problems = []
    for msg, context, where in messages:
        entry = cat.get(msg, context=context)
        if entry is None:
            problems.append(f"{label}: {where}: message not in the catalog: {_short(msg)}")
            continue
        strings = entry.string if isinstance(entry.string, (list, tuple)) else (entry.string,)
        ids = entry.id if isinstance(entry.id, (list, tuple)) else (entry.id,)
        if entry.fuzzy:
            problems.append(f"{label}: {where}: fuzzy: {_short(ids[0])}")
        if not all(strings):
            problems.append(f"{label}: {where}: untranslated: {_short(ids[0])}")
            continue
        want = set().union(*(placeholders(i) for i in ids))
        for text in strings:
            if placeholders(text) != want:
                problems.append(f"{label}: {where}: placeholders {sorted(placeholders(text))} in the translation, "
                                f"{sorted(want)} in the message: {_short(ids[0])}")
    return problems


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return repr(text if len(text) <= 70 else text[:67] + "…")


def translate_notebook(nb, lang: str):
    """The Markdown cells of a notebook in ``lang`` (from its catalog; a cell without a
    translation stays as it is, and ``check`` reports it)."""
    if lang == language.SOURCE:
        return nb
    tr = language.translations(lang)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            cell.source = tr.pgettext(MARKDOWN, cell.source)
    return nb
