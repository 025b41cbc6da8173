"""A Sphinx extension for the book: each page lists each script once.

sphinx-thebe 0.3.1 (loaded by Jupyter Book 1.x even with thebe off) adds its inline
configuration script after the HTML builder has listed its scripts, and Sphinx 7.4
then lists it twice (once with filename None, once with ''), so every page declared
``THEBE_JS_URL`` twice and the browser logged an error."""
from __future__ import annotations


def _script_key(js) -> tuple:
    """What a script is, whatever the priority it was listed with: its file (None
    and '' both mean inline) and its attributes (an inline script's body among them)."""
    filename = getattr(js, "filename", js) or ""
    attrs = getattr(js, "attributes", {}) or {}
    return (str(filename), tuple(sorted((k, str(v)) for k, v in attrs.items())))


def dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        key = _script_key(js)
        if key not in seen:
            seen.add(key)
            kept.append(js)
    context["script_files"] = kept


def setup(app):
    app.connect("html-page-context", dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
