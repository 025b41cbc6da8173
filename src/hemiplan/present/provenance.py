"""Links from numbers to the sentence of the report they came from.

The source-text page (chapters/source_text) renders the year's report with one
anchor per paragraph; every table row and figure caption links to it."""
from __future__ import annotations

import re

from hemiplan.analysis.sections import paragraph_key

SOURCE_PAGE = "source_text"


def anchor(paragraph_id: str) -> str:
    """HTML id of a paragraph on the source-text page (what Sphinx makes of its label)."""
    return "src-" + re.sub(r"[^a-z0-9]+", "-", str(paragraph_id).lower()).strip("-")


def href(paragraph_id: str, depth: int = 0) -> str:
    """Link to a paragraph from a page ``depth`` folders below chapters/."""
    return "../" * depth + f"{SOURCE_PAGE}.html#{anchor(paragraph_id)}"


def ref(paragraph_id: str) -> str:
    """A MyST cross-reference to a paragraph, for Markdown (captions, prose)."""
    return f"{{ref}}`{paragraph_id} <{anchor(paragraph_id)}>`"


def refs(paragraph_ids, limit: int = 12) -> str:
    """Comma-separated references to paragraphs, in report order, at most ``limit``."""
    ids = sorted(dict.fromkeys(str(p) for p in paragraph_ids if str(p)), key=paragraph_key)
    shown = ", ".join(ref(p) for p in ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")

