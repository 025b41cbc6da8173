"""Stage 5, analysis: pure functions DataFrame → DataFrame behind the chapters.

- :mod:`~hemiplan.analysis.sections`: the one section model (which report section
  feeds which chapter, from ``data/reference/chapter_sections.csv``), report order
  and the generic size of a section;
- :mod:`~hemiplan.analysis.frames`: the frames every chapter shares (totals, member
  states reached, partners, names, subregions, year over year);
- :mod:`~hemiplan.analysis.counting`: the counting rules every chapter applies (only
  activities held in the year; rows of other years listed apart; joint work; inferred
  counts; collaboration between dependencies), and
  :mod:`~hemiplan.analysis.participation`: participants from itemised figures and the
  stated totals that stand for un-itemised work, with qualifier and basis;
- one module per chapter holding only what is specific to it (no chapter module
  imports another), and :mod:`~hemiplan.analysis.reconciliation` and
  :mod:`~hemiplan.analysis.destruction`, which check a report's arithmetic."""
