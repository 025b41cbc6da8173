"""How well ingest's drafts match a curated year: measured, not assumed.

    python -m hemiplan.ingest.accuracy            # 2014, the curated year
    python -m hemiplan.ingest.accuracy --year Y [--data-dir D] [--misses]
    python -m hemiplan.ingest.accuracy --year Y --report R.pdf [--report R.docx ...]
    python -m hemiplan.ingest.accuracy --year Y --data-dir D --language en   # not the detected language

Ingest runs in memory on ``data/raw/<Y>.txt`` (nothing is written) and is compared
with the curated tables of that year:

* section assignment: share of curated paragraphs for which the draft paragraph with
  the same line span has the same section and subsection;
* member states: micro precision and recall of (paragraph, ISO3) pairs, paragraphs
  matched by line span, against the curated ``countries`` column of paragraphs.csv;
* participants: share of curated activities with participants for which a draft
  activity in the same paragraph has the same participants value;
* held year: share of curated activities whose draft (same paragraph, overlapping
  quote) has the same ``held_year``, overall and for the rows held in another year
  (see :mod:`hemiplan.ingest.held_accuracy`);
* events, host, attendance, joint work and type: share of the curated activities with a
  draft whose draft has the same value; partners and funders: precision and recall of
  (activity, organisation) pairs, the organisations proposed for the reference table
  (``proposals.csv``, when the curated year has one) included
  (:mod:`hemiplan.ingest.field_accuracy`).

The report is read in the language ingest detects (:mod:`hemiplan.ingest.language`),
as ingest reads it.

With ``--report`` the given file (.txt, .docx or .pdf) is read as ingest reads it, and
its paragraphs are matched to the curated ones by their text
(:mod:`hemiplan.ingest.alignment`) instead of by line span: the same measures, by
format. Several ``--report`` files print one Markdown row each.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from hemiplan import paths
from hemiplan.data import csvio, schema
from hemiplan.ingest import field_accuracy, held_accuracy, language
from hemiplan.ingest.alignment import on_curated_spans
from hemiplan.ingest.merge import draft_tables
from hemiplan.ingest.paragraphs import members_in_year
from hemiplan.reading import readers
from hemiplan.vocabulary import plural


@dataclass
class Accuracy:
    year: int
    paragraphs: int
    section_correct: int
    ms_tp: int
    ms_fp: int
    ms_fn: int
    participants_total: int
    participants_found: int
    draft_activities: int
    draft_indicators: int
    misses: dict = field(default_factory=dict)
    held: held_accuracy.HeldYear = field(default_factory=held_accuracy.HeldYear)
    source: str = ""                 # the report measured (data/raw/<year>.txt unless --report)
    identical: int | None = None     # paragraphs read word for word (a report in another format)
    fields: field_accuracy.Fields = field(default_factory=field_accuracy.Fields)
    language: str = "en"             # the language the report was read in (detected)

    @property
    def section(self) -> float:
        return self.section_correct / self.paragraphs if self.paragraphs else 1.0

    @property
    def ms_precision(self) -> float:
        d = self.ms_tp + self.ms_fp
        return self.ms_tp / d if d else 1.0

    @property
    def ms_recall(self) -> float:
        d = self.ms_tp + self.ms_fn
        return self.ms_tp / d if d else 1.0

    @property
    def participants(self) -> float:
        return self.participants_found / self.participants_total if self.participants_total else 1.0

    def table(self) -> str:
        rows = [
            ("section assignment", f"{self.section_correct}/{self.paragraphs} curated paragraphs", self.section),
            ("member states: precision", f"{self.ms_tp}/{self.ms_tp + self.ms_fp} (paragraph, state) pairs",
             self.ms_precision),
            ("member states: recall", f"{self.ms_tp}/{self.ms_tp + self.ms_fn} (paragraph, state) pairs",
             self.ms_recall),
            ("participants found", f"{self.participants_found}/{self.participants_total} curated activities",
             self.participants),
        ]
        rows += self.held.rows()
        rows += self.fields.rows()
        out = [f"ingest accuracy on {self.source or f'data/raw/{self.year}.txt'} against the curated "
               f"{self.year} tables",
               f"({self.draft_activities} draft activities, {self.draft_indicators} draft indicators)", "",
               f"{'measure':<28} {'counts':<40} {'value':>7}"]
        out += [f"{name:<28} {counts:<40} {value:>7.1%}" for name, counts, value in rows]
        if not self.fields.credit_curated:
            out.append("partners and funders: not measured (the curated tables record none)")
        return "\n".join(out)


def _drafts(year: int, data_dir, report, lang: str | None = None):
    """(draft paragraphs, activities, indicators, what was read) from the year's raw
    text, or from ``report`` (.txt, .docx or .pdf) read as ingest reads it."""
    if report is None:
        text, source = paths.raw_report(year, data_dir).read_text(encoding="utf-8"), ""
    else:
        got = readers.read_report(report)
        text, source = got.text, f"{got.source.name} ({got.format}" + (f", {plural(got.pages, 'page')})"
                                                                        if got.pages else ")")
    code = language.choose(text, lang, source=source or f"raw/{year}.txt")
    paras, acts, inds, res = draft_tables(text, year, members=members_in_year(year, data_dir), language=code)
    return paras.astype(str), acts, inds, source, code, res.proposals


def measure(year: int = 2014, data_dir=None, report=None, lang: str | None = None) -> Accuracy:
    """Run ingest in memory on a year's raw text (or on ``report``, any format, its
    paragraphs matched to the curated ones by text: :mod:`hemiplan.ingest.alignment`)
    and compare with the year's curated tables; ``lang`` reads it in that language
    instead of the one detected."""
    paras, acts, inds, source, code, draft_props = _drafts(year, data_dir, report, lang)
    props_path = schema.table_path("proposals", year, data_dir)
    cur_props = csvio.read_text_table(props_path) if props_path.is_file() else None
    cur_p = csvio.read_text_table(schema.table_path("paragraphs", year, data_dir))
    cur_a = csvio.read_text_table(schema.table_path("activities", year, data_dir))
    identical = None
    if report is not None:
        paras, identical = on_curated_spans(paras, cur_p)

    by_span = {(r.line_start, r.line_end): r for r in paras.itertuples(index=False)}
    draft_pid_of = {}   # curated paragraph id → draft paragraph id (same line span)
    misses: dict[str, list] = {"section": [], "member_states": [], "participants": []}
    correct = 0
    for r in cur_p.itertuples(index=False):
        d = by_span.get((r.line_start, r.line_end))
        if d is not None:
            draft_pid_of[r.paragraph_id] = d.paragraph_id
            if (d.section, d.subsection) == (r.section, r.subsection):
                correct += 1
                continue
        misses["section"].append((r.paragraph_id, r.section, r.subsection,
                                  None if d is None else (d.section, d.subsection)))

    cur_pairs = {((r.line_start, r.line_end), c) for r in cur_p.itertuples(index=False)
                 for c in csvio.split_list(r.countries)}
    draft_pairs = {((r.line_start, r.line_end), c) for r in paras.itertuples(index=False)
                   for c in csvio.split_list(r.countries)}
    tp, fp, fn = len(cur_pairs & draft_pairs), len(draft_pairs - cur_pairs), len(cur_pairs - draft_pairs)
    misses["member_states"] = ([("extra",) + p for p in sorted(draft_pairs - cur_pairs)]
                               + [("missing",) + p for p in sorted(cur_pairs - draft_pairs)])

    drafted: dict[str, set[str]] = {}
    for pid, v in zip(acts["paragraph_id"], acts["participants"]):
        if v.strip():
            drafted.setdefault(pid, set()).add(str(int(float(v))))
    with_p = cur_a[cur_a["participants"].str.strip() != ""]
    found = 0
    for r in with_p.itertuples(index=False):
        want = str(int(float(r.participants)))
        if want in drafted.get(draft_pid_of.get(r.paragraph_id, ""), set()):
            found += 1
        else:
            misses["participants"].append((r.activity_id, r.paragraph_id, want, r.quote[:80]))
    draft_text = dict(zip(paras["paragraph_id"], paras["text"]))
    held = held_accuracy.measure(year, cur_a, acts, draft_text, draft_pid_of)
    fields = field_accuracy.measure(cur_a, acts, draft_text, draft_pid_of, cur_props, draft_props)
    misses["held_year"], misses["fields"] = held.misses, fields.misses
    return Accuracy(year, len(cur_p), correct, tp, fp, fn, len(with_p), found,
                    int((acts["status"] == "draft").sum()), int((inds["status"] == "draft").sum()), misses, held,
                    source, identical, fields, code)


def format_table(results: list[tuple[str, "Accuracy"]]) -> str:
    """One row per report measured (a label such as "2031 pdf letter"), as Markdown."""
    out = ["| report | paragraphs read word for word | sections | member states: precision | "
           "member states: recall | participants found |", "| --- | --- | --- | --- | --- | --- |"]
    for label, a in results:
        same = "all (the raw text)" if a.identical is None else f"{a.identical}/{a.paragraphs}"
        out.append(f"| {label} | {same} | {a.section:.1%} | {a.ms_precision:.1%} | {a.ms_recall:.1%} | "
                   f"{a.participants:.1%} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hemiplan.ingest.accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument("--year", type=int, default=2014, help="a curated year (default 2014)")
    parser.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    parser.add_argument("--language", default=None, metavar="CODE",
                        help="read the report in this language (en, es) instead of the one detected")
    parser.add_argument("--report", action="append", default=[],
                        help="measure this report file (.txt, .docx, .pdf) instead of the raw text; repeatable")
    args = parser.parse_args(argv)
    if len(args.report) > 1:
        print(format_table([(r, measure(args.year, args.data_dir, r, args.language)) for r in args.report]))
        return 0
    acc = measure(args.year, args.data_dir, args.report[0] if args.report else None, args.language)
    print(acc.table())
    if args.misses:
        for name, items in acc.misses.items():
            if items:
                print(f"\n{name}:")
                for it in items:
                    print("  ", *it)
    return 0


if __name__ == "__main__":
    sys.exit(main())
