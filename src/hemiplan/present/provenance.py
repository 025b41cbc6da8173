"""Links from numbers to the sentence of the report they came from.

The source-text page (chapters/source_text) renders the year's report with one
anchor per paragraph, and inside each paragraph one marked quote per data row (an
activity or a stated figure) with an anchor of its own; every table row and figure
caption links to one or the other. A source is named either by a paragraph id
(``2014-V.a-02``) or by a data row's id (``2014-A001``, ``2014-I007``)."""
from __future__ import annotations

import re

from hemiplan.analysis.sections import paragraph_key
from hemiplan.language import n_
from hemiplan.vocabulary import number

SOURCE_PAGE = "source_text"
_PARAGRAPH = re.compile(r"\d{4}-[IVXLC]+(?:\.[a-z])?-\d+")
_ROW = re.compile(r"\d{4}-[A-Z]+\d+")


def is_row_id(source_id: str) -> bool:
    """Whether ``source_id`` names a data row (an activity or a stated figure)."""
    return bool(_ROW.fullmatch(str(source_id)))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def anchor(paragraph_id: str) -> str:
    """HTML id of a paragraph on the source-text page (what Sphinx makes of its label)."""
    return "src-" + _slug(paragraph_id)


def quote_anchor(row_id: str) -> str:
    """HTML id of a data row's marked quote on the source-text page."""
    return "q-" + _slug(row_id)


def target(source_id: str) -> str:
    """The anchor a source links to: its quote for a data row, else its paragraph."""
    return quote_anchor(source_id) if is_row_id(source_id) else anchor(source_id)


def order_key(source_id: str) -> tuple:
    """Report order: paragraphs as in the report, data rows after them by id."""
    if _PARAGRAPH.match(str(source_id)):
        return (0, paragraph_key(source_id), "")
    return (1, (0, 0, "", 0), str(source_id))


#: The edition (report year) of the page being made; set by ``book.load``. A paragraph
#: of another edition is linked by URL to that edition's source page, never through a
#: label, which exists in its own edition only.
_PAGE = {"edition": None}


def set_page_edition(year) -> None:
    _PAGE["edition"] = None if year is None else int(year)


def edition_of(source_id: str) -> int | None:
    """The edition (report year) a paragraph or data row belongs to: its id starts
    with the year (see the schemas)."""
    m = re.match(r"(\d{4})-", str(source_id))
    return int(m.group(1)) if m else None


def _elsewhere(paragraph_id: str, edition) -> int | None:
    """The paragraph's edition when it is not the page's, else None."""
    year = int(edition) if edition is not None else edition_of(paragraph_id)
    page = _PAGE["edition"]
    return year if page is not None and year is not None and year != page else None


def href(paragraph_id: str, depth: int = 0, edition: int | None = None) -> str:
    """Link to a paragraph from a page ``depth`` folders below chapters/; a paragraph
    of another edition (``edition``, default: the year its id starts with) links to
    that edition's page: ``../../<year>/chapters/source_text.html#…`` from chapters/."""
    other = _elsewhere(paragraph_id, edition)
    if other is not None:
        return "../" * (depth + 2) + f"{other}/chapters/{SOURCE_PAGE}.html#{target(paragraph_id)}"
    return "../" * depth + f"{SOURCE_PAGE}.html#{target(paragraph_id)}"


def ref(paragraph_id: str, depth: int = 0, edition: int | None = None) -> str:
    """A reference to a paragraph, for Markdown (captions, prose): a MyST
    cross-reference within the edition, a plain HTML link to another edition."""
    if _elsewhere(paragraph_id, edition) is not None:
        return f'<a href="{href(paragraph_id, depth, edition)}">{paragraph_id}</a>'
    return f"{{ref}}`{paragraph_id} <{target(paragraph_id)}>`"


def refs(paragraph_ids, limit: int = 12, depth: int = 0) -> str:
    """Comma-separated references to paragraphs, in report order, at most ``limit``."""
    ids = sorted(dict.fromkeys(str(p) for p in paragraph_ids if str(p)), key=order_key)
    shown = ", ".join(ref(p, depth) for p in ids[:limit])
    if len(ids) <= limit:
        return shown
    more = len(ids) - limit
    return n_("{references} and {n} more", "{references} and {n} more", more).format(references=shown, n=number(more))
