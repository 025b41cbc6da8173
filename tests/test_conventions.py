"""Convention tests: the table of contents, the chapters and the data folder follow
the project's rules (chapters/README.md, data/schema)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from hemiplan import build, paths
from hemiplan.build import normalise
from hemiplan.data import schema

TOC = build.read_toc()
ENTRIES = build.toc_files(TOC)
NOTEBOOKS = sorted(paths.CHAPTERS.glob("*.ipynb"))


def test_every_toc_entry_exists():
    for entry in ENTRIES:
        assert (paths.ROOT / f"{entry}.ipynb").is_file() or (paths.ROOT / f"{entry}.md").is_file(), entry


def test_every_chapter_is_in_the_toc_or_is_the_profile_template():
    listed = {f"{e}.ipynb" for e in ENTRIES}
    for nb in NOTEBOOKS:
        rel = str(nb.relative_to(paths.ROOT))
        # the build lists the profile template per state and the Review page in draft editions
        assert rel in listed or rel in ("chapters/profile.ipynb", "chapters/review.ipynb"), f"{rel} is not in _toc.yml"


def test_file_names_carry_no_order_prefix():
    for nb in NOTEBOOKS:
        assert not re.match(r"^\d", nb.name), nb.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_chapter_shape(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    h1 = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines() if line.startswith("# ")]
    assert len(h1) == 1 and first.source.startswith("# "), f"{path.name}: exactly one H1, in the first cell"
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1, f"{path.name}: exactly one parameters cell"
    names = {t.id for t in ast.walk(ast.parse(params[0].source)) if isinstance(t, ast.Name)}
    assert {"year", "data_dir"} <= names
    assert "year = None" in params[0].source and "data_dir = None" in params[0].source
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        defs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
        assert not defs, f"{path.name}: logic belongs in hemiplan, not in the notebook ({cell.source[:60]!r})"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_outputs_are_clean(path):
    """Committed outputs exist, carry no errors, warnings, memory addresses or absolute paths."""
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])]
    assert any(c.outputs for c in code), f"{path.name} has no committed outputs: run `python -m hemiplan refresh`"
    for c in code:
        for out in c.outputs:
            assert out.output_type != "error"
            assert not (out.output_type == "stream" and out.name == "stderr"), f"{path.name}: stderr output"
            text = str(out.get("data", {}).get("text/plain", "")) + str(out.get("text", ""))
            assert not re.search(r"0x[0-9a-f]{6,}", text), f"{path.name}: memory address in output"
            assert str(paths.ROOT) not in text, f"{path.name}: absolute path in output"
    normalise.postprocess(nb, path.name)  # raises on a figure sharing its cell, stderr or errors


def test_every_data_table_has_a_schema():
    for csv in sorted(paths.DATA.rglob("*.csv")):
        table = csv.stem
        assert schema.schema_path(table).is_file(), f"{csv} has no schema in data/schema/"


def test_every_schema_field_is_described():
    for table in schema.ALL_TABLES:
        for f in schema.fields(table):
            assert f.get("description"), f"{table}.{f['name']} has no description"
            assert f.get("title"), f"{table}.{f['name']} has no reader-facing title"


def test_raw_reports_have_provenance_records():
    for raw in sorted(paths.RAW.glob("*.txt")):
        meta = raw.with_suffix(".meta.json")
        assert meta.is_file(), f"{raw} has no {meta.name} (source, checksum)"
        import hashlib
        import json
        record = json.loads(meta.read_text(encoding="utf-8"))
        assert record["text_sha256"] == hashlib.sha256(raw.read_bytes()).hexdigest(), f"{raw} differs from its record"
