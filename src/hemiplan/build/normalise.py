"""The post-execution normaliser, run on every executed notebook before it enters the
cache: code hidden, papermill's injected cell removed from the page, figure metadata
(which :func:`hemiplan.present.book.figure` puts in the output's metadata) moved into
the cell's ``mystnb`` metadata so that Jupyter Book renders a numbered figure with a
caption and alt text, the run's own metadata dropped, and any stderr or error output
rejected (outputs must be deterministic)."""
from __future__ import annotations

from hemiplan.present.book import META_KEY


class NotebookOutputError(RuntimeError):
    """An executed cell's outputs break a rule; ``index`` is the cell's index in the
    executed notebook."""

    def __init__(self, path: str, index: int, problem: str):
        super().__init__(f"{path}, cell {index}: {problem}")
        self.index = index
        self.problem = problem


def postprocess(nb, path: str = "notebook") -> None:
    """Normalise an executed notebook in place, in one place."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tags = set(cell.metadata.get("tags", []))
        if "injected-parameters" in tags or "parameters" in tags:
            tags.add("remove-cell")
        else:
            tags.add("remove-input")
        cell.metadata["tags"] = sorted(tags)
        # Figure metadata is derived from this execution's outputs only: a cell that
        # showed a figure in another year may show none in this one.
        cell.metadata.pop("mystnb", None)
        for out in cell.get("outputs", []):
            problem = _problem(out, cell)
            if problem:
                raise NotebookOutputError(path, index, problem)
            meta = out.get("metadata", {}).get(META_KEY)
            if meta:
                cell.metadata["mystnb"] = {
                    "figure": {"caption": meta["caption"], "name": meta["name"]},
                    "image": {"alt": meta["alt"]},
                }
    _drop_run_metadata(nb)


def _problem(out, cell) -> str | None:
    """What is wrong with one output of a cell, if anything."""
    if out.get("output_type") == "stream" and out.get("name") == "stderr":
        return f"output on stderr: {''.join(out.get('text', ''))[:500]}"
    if out.get("output_type") == "error":
        return f"{out.get('ename')}: {out.get('evalue')}"
    meta = out.get("metadata", {}).get(META_KEY)
    if meta and len(cell.get("outputs", [])) != 1:
        return (f"the figure {meta['name']!r} shares its cell with other outputs; "
                "a figure must be alone in its cell (the cell becomes the figure)")
    return None


def _drop_run_metadata(nb) -> None:
    """papermill's and nbclient's records of the run (timings, status) differ on every run."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
