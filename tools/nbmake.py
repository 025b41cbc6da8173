"""Authoring aid: turn a percent-format script into a chapter notebook.

    python tools/nbmake.py chapters/src/overview.py chapters/overview.ipynb

Cells start with ``# %%`` (code), ``# %% [markdown]`` (Markdown, each line prefixed
with ``# ``) or ``# %% tags=["parameters"]``. Outputs are empty: run
``python -m hemiplan refresh`` afterwards to execute the chapters for the default year.
"""
from __future__ import annotations

import json
import re
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HEADER = re.compile(r"^# %%(?P<md> \[markdown\])?(?: tags=(?P<tags>\[.*\]))?\s*$")


def convert(text: str):
    cells, kind, tags, buf = [], None, [], []

    def flush():
        if kind is None:
            return
        body = "\n".join(buf).strip("\n")
        if kind == "markdown":
            body = "\n".join(re.sub(r"^# ?", "", line) for line in body.splitlines())
            cells.append(new_markdown_cell(body))
        else:
            cell = new_code_cell(body)
            if tags:
                cell.metadata["tags"] = tags
            cells.append(cell)

    for line in text.splitlines():
        m = HEADER.match(line)
        if m:
            flush()
            kind = "markdown" if m.group("md") else "code"
            tags = json.loads(m.group("tags")) if m.group("tags") else []
            buf = []
        else:
            buf.append(line)
    flush()
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    return nb


if __name__ == "__main__":
    src, dest = sys.argv[1], sys.argv[2]
    nbformat.write(convert(open(src, encoding="utf-8").read()), dest)
