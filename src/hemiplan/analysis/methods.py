"""The data-and-methods appendix: data dictionary, coverage of the report's numbers,
review status."""
from __future__ import annotations

import pandas as pd

from hemiplan.data import audit, schema


def data_dictionary(table: str) -> pd.DataFrame:
    """One row per column of a table, from its schema."""
    rows = []
    for f in schema.fields(table):
        c = f.get("constraints", {})
        rules = []
        if c.get("required"):
            rules.append("required")
        if c.get("unique"):
            rules.append("unique")
        if "enum" in c:
            rules.append("one of: " + ", ".join(map(str, c["enum"])))
        if "minimum" in c:
            rules.append(f"≥ {c['minimum']}")
        if "maximum" in c:
            rules.append(f"≤ {c['maximum']}")
        if "pattern" in c:
            rules.append(f"pattern {c['pattern']}")
        if "hemiplan:list_of" in f:
            rules.append(f"list of {f['hemiplan:list_of']}")
        if "hemiplan:substring_of" in f:
            rules.append(f"exact substring of {f['hemiplan:substring_of']}")
        rows.append({"column": f["name"], "title": f.get("title", ""), "type": f["type"],
                     "rules": "; ".join(rules), "description": f.get("description", "")})
    return pd.DataFrame(rows)


def table_sizes(ed) -> pd.DataFrame:
    """Rows per table of the edition, with the share reviewed by a person."""
    rows = []
    for name, df in ed.tables().items():
        reviewed = int((df["status"] == "reviewed").sum()) if "status" in df.columns else None
        rows.append({"table": f"{name}.csv", "rows": len(df), "reviewed": reviewed,
                     "description": schema.descriptor(name).get("description", "")})
    return pd.DataFrame(rows)


def number_coverage(ed, unrecorded: pd.DataFrame | None) -> pd.DataFrame:
    """How every number in the report's text is accounted for: inside the quote of
    an activity, of a stated figure, listed as not data (by reason), or not at all."""
    acts, inds = ed.activities, ed.indicators
    counts: dict[str, int] = {}
    listed = {}
    if unrecorded is not None:
        listed = {(p, n): r for p, n, r in zip(unrecorded["paragraph_id"], unrecorded["number"], unrecorded["reason"])}
    quotes = {"activity": {}, "stated figure": {}}
    for label, df in (("activity", acts), ("stated figure", inds)):
        for pid, q in zip(df["paragraph_id"], df["quote"]):
            quotes[label].setdefault(pid, []).append(q)
    for pid, text in zip(ed.paragraphs["paragraph_id"], ed.paragraphs["text"]):
        for n in audit.audited_numbers(text):
            where = None
            for label in ("activity", "stated figure"):
                for q in quotes[label].get(pid, []):
                    start = text.find(q)
                    while start >= 0 and where is None:
                        if start <= n.start and n.end <= start + len(q):
                            where = f"in the quote of an {label}" if label == "activity" else f"in the quote of a {label}"
                        start = text.find(q, start + 1)
            if where is None and (pid, n.text) in listed:
                where = "not data: " + listed[(pid, n.text)].replace("_", " ")
            counts[where or "unaccounted"] = counts.get(where or "unaccounted", 0) + 1
    out = pd.DataFrame(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["accounted", "numbers"])
    return out
