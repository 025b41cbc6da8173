"""Whether ingest drafts an activity's other judged fields as a reviewer did: its
number of events, its host, whose people its participants were (attendance) and the
other dependencies of joint work, and its type (``activity_type``: workshop, course,
mission…).

Each curated activity is paired with its draft as for the held year
(:mod:`hemiplan.ingest.held_accuracy`: same paragraph, the most overlapping quote); of
the curated activities that have a draft:

* events right: the draft has the same ``events``;
* host right: the same ``host`` states;
* attendance right: of those with participants, the same ``attendance``;
* joint work right: the same ``joint_with`` (empty for work of one dependency);
* type right: the same ``activity_type``;
* partners and funders: micro precision and recall of (activity, organisation) pairs,
  an organisation being an id of ``partners``/``funders`` or a name the year's
  ``proposals.csv`` proposes for that activity in that role (names compared without
  case, spacing or a leading article).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from hemiplan.data import csvio
from hemiplan.ingest.held_accuracy import _best, _span

#: (measure, column) compared, in the order the table shows them.
FIELDS = (("events right", "events"), ("host right", "host"), ("attendance right", "attendance"),
          ("joint work right", "joint_with"), ("type right", "activity_type"))


def _same(column: str, curated: str, drafted) -> bool:
    if column in ("events", "activity_type"):
        return str(curated).strip() == str(drafted).strip()
    return csvio.split_list(str(curated)) == csvio.split_list("" if pd.isna(drafted) else str(drafted))


@dataclass
class Fields:
    right: dict[str, int] = field(default_factory=lambda: {c: 0 for _, c in FIELDS})
    total: dict[str, int] = field(default_factory=lambda: {c: 0 for _, c in FIELDS})
    misses: list = field(default_factory=list)
    credit: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in ROLES})  # tp, fp, fn
    credit_curated: bool = True      # False: the curated year records no partner, funder or proposal

    def precision(self, role: str) -> float:
        tp, fp, _ = self.credit[role]
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, role: str) -> float:
        tp, _, fn = self.credit[role]
        return tp / (tp + fn) if tp + fn else 1.0

    def share(self, column: str) -> float:
        return self.right[column] / self.total[column] if self.total[column] else 1.0

    def rows(self) -> list[tuple[str, str, float]]:
        """(measure, counts, value) rows for the accuracy table."""
        out = [(name, f"{self.right[c]}/{self.total[c]} drafted" + (" with participants" if c == "attendance" else ""),
                self.share(c)) for name, c in FIELDS]
        for role in ROLES if self.credit_curated else ():
            tp, fp, fn = self.credit[role]
            out += [(f"{role}s: precision", f"{tp}/{tp + fp} (activity, organisation) pairs", self.precision(role)),
                    (f"{role}s: recall", f"{tp}/{tp + fn} (activity, organisation) pairs", self.recall(role))]
        return out


ROLES = ("partner", "funder")


def _norm(name: str) -> str:
    return "proposed: " + re.sub(r"^(?:the|el|la|los|las)\s+", "", " ".join(str(name).split()).lower())


def _credited(row, role: str, proposals: pd.DataFrame | None) -> set[str]:
    """The organisations of one role a row names: ids, and names proposed for it."""
    out = set(csvio.split_list(str(getattr(row, role + "s"))))
    if proposals is not None and len(proposals):
        mine = proposals[(proposals["activity_id"] == row.activity_id) & (proposals["role"] == role)]
        out |= {_norm(n) for n in mine["name"]}
    return out


def _count_credit(out: "Fields", r, d, cur_props, draft_props) -> None:
    for role in ROLES:
        want, got = _credited(r, role, cur_props), _credited(d, role, draft_props)
        c = out.credit[role]
        c[0], c[1], c[2] = c[0] + len(want & got), c[1] + len(got - want), c[2] + len(want - got)
        if want != got:
            out.misses.append((r.activity_id, role + "s", ";".join(sorted(want)), f"draft {d.activity_id}: "
                               + ";".join(sorted(got)), r.quote[:60]))


def measure(curated: pd.DataFrame, drafts: pd.DataFrame, draft_text: dict[str, str],
            draft_pid_of: dict[str, str], curated_proposals: pd.DataFrame | None = None,
            draft_proposals: pd.DataFrame | None = None) -> Fields:
    """The field measures of the drafts against the curated activities (text tables),
    partners and funders with the proposals of each side (None: ids only)."""
    by_para: dict[str, list] = {}
    for d in drafts[drafts["status"] == "draft"].itertuples(index=False):
        span = _span(draft_text.get(d.paragraph_id, ""), d.quote)
        if span:
            by_para.setdefault(d.paragraph_id, []).append((span, d))
    out = Fields()
    out.credit_curated = curated_proposals is not None or any(
        (curated[c].str.strip() != "").any() for c in ("partners", "funders"))
    for r in curated.itertuples(index=False):
        pid = draft_pid_of.get(r.paragraph_id, "")
        span = _span(draft_text.get(pid, ""), r.quote)
        d = _best(span, by_para.get(pid, [])) if span else None
        if d is None:
            continue
        _count_credit(out, r, d, curated_proposals, draft_proposals)
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
