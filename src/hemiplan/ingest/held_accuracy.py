"""Whether ingest drafts the year an activity was held as a reviewer did.

Each curated activity is paired with the draft activity of the same paragraph (matched
by line span) whose quote overlaps its quote the most; a curated row with no
overlapping draft is "not drafted". The measures:

* held year right: of the curated activities that have a draft, the share whose
  draft has the same ``held_year``;
* the same for the curated activities held in another year than the report's;
* other-year drafts right: of the drafts held in another year that overlap a
  curated activity (same paragraph, the most overlapping quote), the share whose
  curated activity is held in that year too; the drafts held in another year that
  no curated row overlaps (rows the reviewer dropped or merged) are counted apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class HeldYear:
    total: int = 0              # curated activities
    drafted: int = 0            # … with an overlapping draft
    right: int = 0              # … whose draft has the same held_year
    other_total: int = 0        # curated activities held in another year
    other_drafted: int = 0
    other_right: int = 0
    flagged: int = 0            # drafts held in another year that overlap a curated row
    flagged_right: int = 0
    flagged_alone: int = 0      # drafts held in another year that overlap none
    misses: list = field(default_factory=list)

    @staticmethod
    def _share(n: int, d: int) -> float:
        return n / d if d else 1.0

    def rows(self) -> list[tuple[str, str, float]]:
        """(measure, counts, value) rows for the accuracy table."""
        return [
            ("held year right", f"{self.right}/{self.drafted} drafted ({self.total - self.drafted} of {self.total} "
                                f"not drafted)", self._share(self.right, self.drafted)),
            ("held year right: other year", f"{self.other_right}/{self.other_drafted} drafted "
                                            f"({self.other_total - self.other_drafted} of {self.other_total} "
                                            f"not drafted)",
             self._share(self.other_right, self.other_drafted)),
            ("other-year drafts right", f"{self.flagged_right}/{self.flagged} overlapping a curated row "
                                        f"({self.flagged_alone} more overlap none)",
             self._share(self.flagged_right, self.flagged)),
        ]

    @property
    def share(self) -> float:
        return self._share(self.right, self.drafted)

    @property
    def other_share(self) -> float:
        return self._share(self.other_right, self.other_drafted)


def _span(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote) if quote else -1
    return (at, at + len(quote)) if at >= 0 else None


def _best(span, rows: list[tuple[tuple[int, int], object]]):
    """The row whose quote overlaps ``span`` the most, or None."""
    best, most = None, 0
    for (a, b), d in rows:
        overlap = min(b, span[1]) - max(a, span[0])
        if overlap > most:
            best, most = d, overlap
    return best


def measure(year: int, curated: pd.DataFrame, drafts: pd.DataFrame, draft_text: dict[str, str],
            draft_pid_of: dict[str, str]) -> HeldYear:
    """The held-year measures of the drafts against the curated activities (text tables)."""
    by_para: dict[str, list] = {}
    for d in drafts[drafts["status"] == "draft"].itertuples(index=False):
        span = _span(draft_text.get(d.paragraph_id, ""), d.quote)
        if span:
            by_para.setdefault(d.paragraph_id, []).append((span, d))
    h = HeldYear()
    h.flagged, h.flagged_right, h.flagged_alone = _other_year_drafts(year, curated, by_para, draft_text, draft_pid_of)
    for r in curated.itertuples(index=False):
        pid = draft_pid_of.get(r.paragraph_id, "")
        other = r.held_year.strip() != str(year)
        h.total += 1
        h.other_total += other
        span = _span(draft_text.get(pid, ""), r.quote)
        d = _best(span, by_para.get(pid, [])) if span else None
        if d is None:
            h.misses.append((r.activity_id, r.paragraph_id, r.held_year, "not drafted", r.quote[:70]))
            continue
        h.drafted += 1
        h.other_drafted += other
        same = str(d.held_year) == r.held_year.strip()
        h.right += same
        h.other_right += other and same
        if not same:
            h.misses.append((r.activity_id, r.paragraph_id, r.held_year, f"draft {d.activity_id}: {d.held_year}",
                             r.quote[:70]))
    return h


def _other_year_drafts(year: int, curated: pd.DataFrame, drafts_by_para: dict[str, list],
                       draft_text: dict[str, str], draft_pid_of: dict[str, str]) -> tuple[int, int, int]:
    """(drafts held in another year that overlap a curated row, those whose curated
    row is held in that year, drafts held in another year that overlap none)."""
    cur_by_para: dict[str, list] = {}
    for r in curated.itertuples(index=False):
        pid = draft_pid_of.get(r.paragraph_id, "")
        span = _span(draft_text.get(pid, ""), r.quote)
        if span:
            cur_by_para.setdefault(pid, []).append((span, r))
    flagged = right = alone = 0
    for pid, drafts in drafts_by_para.items():
        for span, d in drafts:
            if str(d.held_year) == str(year):
                continue
            r = _best(span, cur_by_para.get(pid, []))
            if r is None:
                alone += 1
                continue
            flagged += 1
            right += r.held_year.strip() == str(d.held_year)
    return flagged, right, alone
