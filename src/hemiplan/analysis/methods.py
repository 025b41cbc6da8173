"""The data-and-methods appendix: data dictionary, coverage of the report's numbers,
review status."""
from __future__ import annotations

import pandas as pd

from hemiplan.analysis import frames, participation
from hemiplan.data import audit, csvio, schema
from hemiplan.vocabulary import plural


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


def rules(ed) -> pd.DataFrame:
    """The counting rules of the book (see :mod:`~hemiplan.analysis.counting` and
    :mod:`~hemiplan.analysis.participation`), each with the number of rows of the
    edition it affects, computed from the data: rule, rows, what the book does."""
    acts = ed.activities
    used = participation.totals_used(ed.indicators, ed.held)
    whole = participation.combine(ed.held, used)
    covered = {a for c in used["covered"] for a in c}
    multi = acts["attendance"] == "multinational"
    own = frames.secretariat_orgs(ed.organizations)
    named_own = sum(1 for cell in list(acts["partners"]) + list(acts["funders"])
                    for o in csvio.split_list(cell) if o in own)
    rows = [
        ("Held in another year", len(ed.elsewhere), "activities",
         "kept in the data and listed apart in each chapter; not counted in totals, maps or profiles"),
        ("Held over a span of years ending in the report year", int(acts["held_since"].notna().sum()), "activities",
         "counted as work of the report year, with a note"),
        ("Stated participant totals standing for un-itemised work", len(used), "stated totals",
         f"added to the itemised participants (they cover {plural(len(covered), 'activity', 'activities')} that state "
         "no participants of their own), counted for the dependency whose work they state"),
        ("Multinational attendance", int(multi.sum()), "activities",
         f"participants ({plural(int(acts.loc[multi, 'participants'].notna().sum()), 'row')} state them) not attributed "
         "to any state, "
         "the host included"),
        ("Joint work of several dependencies", int((acts["joint_with"].fillna("") != "").sum()), "activities",
         "counted in a Joint row of dependency tables, never as the lead's alone"),
        ("Events inferred by the reviewer", int((acts["events_basis"] == "inferred").sum()), "activities",
         "counted, and shown as inferred in the headline, the dependency tables and training's tables by part, "
         "programme and kind"),
        ("Participants inferred by the reviewer", int((acts["participants_basis"] == "inferred").sum()), "activities",
         "shown as inferred wherever the figure appears"),
        ("Participants attributed to one member state", int(frames.is_attributed(ed.held).sum()), "activities",
         "the text ties the people to the one state named; only these count on participant maps and profiles"),
        ("Events of activities naming several member states", int((ed.held["countries"].map(frames.n_listed) > 1).sum()),
         "activities", "each state named is reached by the activity, but its events are placed in none of them "
         "(the text does not say where they took place)"),
        ("Sums with an approximate part", int((ed.held["participants_qualifier"] == "approx").sum()), "activities",
         "any sum that includes one is approximate ('more than' only when every part is exact or a floor)"),
        ("Stated totals covering some of the same activities", len(whole.double), "pairs of totals",
         "both added, since each stands for work the other does not cover; the sum is then approximate, "
         "and the note under it names the two totals"),
        ("A dependency named as partner or funder", named_own, "mentions",
         "left out of partner tables and shown as collaboration between dependencies"),
    ]
    return pd.DataFrame(rows, columns=["rule", "rows", "of", "treatment"])
