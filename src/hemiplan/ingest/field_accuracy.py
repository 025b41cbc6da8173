"""Whether ingest drafts an activity's other judged fields as a reviewer did: its
number of events, its host, whose people its participants were (attendance) and the
other dependencies of joint work.

Each curated activity is paired with its draft as for the held year
(:mod:`hemiplan.ingest.held_accuracy`: same paragraph, the most overlapping quote); of
the curated activities that have a draft:

* events right: the draft has the same ``events``;
* host right: the same ``host`` states;
* attendance right: of those with participants, the same ``attendance``;
* joint work right: the same ``joint_with`` (empty for work of one dependency).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from hemiplan.data import csvio
from hemiplan.ingest.held_accuracy import _best, _span

#: (measure, column) compared, in the order the table shows them.
FIELDS = (("events right", "events"), ("host right", "host"), ("attendance right", "attendance"),
          ("joint work right", "joint_with"))


def _same(column: str, curated: str, drafted) -> bool:
    if column == "events":
        return str(curated).strip() == str(drafted).strip()
    return csvio.split_list(str(curated)) == csvio.split_list("" if pd.isna(drafted) else str(drafted))


@dataclass
class Fields:
    right: dict[str, int] = field(default_factory=lambda: {c: 0 for _, c in FIELDS})
    total: dict[str, int] = field(default_factory=lambda: {c: 0 for _, c in FIELDS})
    misses: list = field(default_factory=list)

    def share(self, column: str) -> float:
        return self.right[column] / self.total[column] if self.total[column] else 1.0

    def rows(self) -> list[tuple[str, str, float]]:
        """(measure, counts, value) rows for the accuracy table."""
        return [(name, f"{self.right[c]}/{self.total[c]} drafted" + (" with participants" if c == "attendance" else ""),
                 self.share(c)) for name, c in FIELDS]


def measure(curated: pd.DataFrame, drafts: pd.DataFrame, draft_text: dict[str, str],
            draft_pid_of: dict[str, str]) -> Fields:
    """The field measures of the drafts against the curated activities (text tables)."""
    by_para: dict[str, list] = {}
    for d in drafts[drafts["status"] == "draft"].itertuples(index=False):
        span = _span(draft_text.get(d.paragraph_id, ""), d.quote)
        if span:
            by_para.setdefault(d.paragraph_id, []).append((span, d))
    out = Fields()
    for r in curated.itertuples(index=False):
        pid = draft_pid_of.get(r.paragraph_id, "")
        span = _span(draft_text.get(pid, ""), r.quote)
        d = _best(span, by_para.get(pid, [])) if span else None
        if d is None:
            continue
        for _, column in FIELDS:
            if column == "attendance" and not r.participants.strip():
                continue
            out.total[column] += 1
            if _same(column, getattr(r, column), getattr(d, column)):
                out.right[column] += 1
            else:
                out.misses.append((r.activity_id, column, getattr(r, column), f"draft {d.activity_id}: "
                                   f"{getattr(d, column)}", r.quote[:60]))
    return out
