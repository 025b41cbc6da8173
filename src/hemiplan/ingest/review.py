"""The review summary ingest prints: counts per section, the draft rows whose fields
are uncertain, the numbers that produced no row, and what was written."""
from __future__ import annotations

import pandas as pd

from hemiplan.data.validate import display_path
from hemiplan.ingest import language
from hemiplan.ingest.pipeline import Plan
from hemiplan.vocabulary import join_words, plural


def _participants(acts: pd.DataFrame) -> int:
    return int(pd.to_numeric(acts["participants"].replace("", None), errors="coerce").sum())


def _per_section(p: Plan) -> list[str]:
    paras = p.paragraphs
    draft_a = p.activities[p.activities["status"] == "draft"]
    draft_i = p.indicators[p.indicators["status"] == "draft"]
    sec_of = dict(zip(paras["paragraph_id"], paras["section"]))
    titles = dict(zip(paras["section"], paras["section_title"]))
    out = [f"{'section':<52} {'paragraphs':>10} {'activities':>10} {'indicators':>10} {'participants':>12}"]
    for sec in dict.fromkeys(paras["section"]):
        a = draft_a[draft_a["paragraph_id"].map(sec_of) == sec]
        i = draft_i[draft_i["paragraph_id"].map(sec_of) == sec]
        label = f"{sec}. {titles[sec]}"[:52]
        out.append(f"{label:<52} {int((paras['section'] == sec).sum()):>10} {len(a):>10} {len(i):>10} "
                   f"{_participants(a):>12,}")
    out.append(f"{'total':<52} {len(paras):>10} {len(draft_a):>10} {len(draft_i):>10} "
               f"{_participants(draft_a):>12,}")
    return out


def _judgements(p: Plan) -> list[str]:
    """How many drafts rest on a judgement the reviewer must confirm (each has a note)."""
    a = p.activities[p.activities["status"] == "draft"]
    counts = [
        ("held in another year", int((a["held_year"].astype(str) != str(p.year)).sum())),
        ("held over a span of years", int((a["held_since"].astype(str).str.strip() != "").sum())),
        ("multinational (host only)", int((a["attendance"] == "multinational").sum())),
        ("joint work", int((a["joint_with"].str.strip() != "").sum())),
        ("events inferred", int((a["events_basis"] == "inferred").sum())),
    ]
    shown = [f"{n} {what}" for what, n in counts if n]
    return [f"judgement calls in the drafts (each with a draft note): {', '.join(shown) if shown else 'none'}"]


def _uncertain(p: Plan, limit: int) -> list[str]:
    uncertain = [r for r in p.result.rows if r.flags]
    out = [f"rows to check first ({len(uncertain)} of {len(p.result.rows)} drafts have uncertain fields):"]
    for r in uncertain[:limit]:
        rid = r.values.get("activity_id") or r.values.get("indicator_id")
        out.append(f"  {rid} ({r.paragraph_id}): {'; '.join(r.flags)}")
    if len(uncertain) > limit:
        out.append(f"  … and {len(uncertain) - limit} more")
    return out


def _numbers_without_row(p: Plan, limit: int) -> list[str]:
    by_para: dict[str, list[str]] = {}
    for pid, num, _ in p.result.unused_numbers:
        by_para.setdefault(pid, []).append(num)
    out = [f"paragraphs with numbers that produced no row ({len(by_para)}): record them, or list them "
           f"in unrecorded.csv with a reason"]
    for pid, nums in list(by_para.items())[:limit]:
        out.append(f"  {pid}: {', '.join(repr(n) for n in nums)}")
    if len(by_para) > limit:
        out.append(f"  … and {len(by_para) - limit} more")
    return out


def _pages_read(src) -> str:
    """A PDF's pages read, those read in two columns, the footnotes set apart."""
    out = f"{plural(src.pages, 'page')} read"
    cols = src.two_column_pages
    if cols:
        out += (", all in two columns" if len(cols) == src.pages else
                f", {'pages' if len(cols) > 1 else 'page'} {join_words(cols)} in two columns")
    if src.footnotes:
        out += f"; {plural(len(src.footnotes), 'footnote')} set apart, not in the text"
    return out


def summary(p: Plan, limit: int = 40) -> str:
    """What a reviewer needs: counts per section, the draft rows whose fields are
    uncertain, and the numbers that produced no row."""
    src = p.source
    extent = (_pages_read(src) if src.pages else
              f"{src.paragraphs} paragraphs" if src.paragraphs else f"{src.lines} lines")
    out = [f"ingested {src.source} ({src.format}, {extent}, {language.name(p.language)}) as the {p.year} report", ""]
    out += _per_section(p)
    out.append("")
    out.append(f"kept as reviewed: {p.kept_activities} activities, {p.kept_indicators} indicators"
               + (f"; {p.kept_paragraph_reviews} hand-reviewed paragraph cells" if p.kept_paragraph_reviews else ""))
    out.append("")
    out += _judgements(p)
    out += _uncertain(p, limit)
    out.append("")
    out += _numbers_without_row(p, limit)
    out += [f"warning: {w}" for w in p.warnings]
    out.append("")
    out += [f"wrote {display_path(path)}" for path, _, _ in p.writes]
    out += [f"unchanged {display_path(path)}" for path in p.unchanged]
    out.append(next_steps(p.year, _drafts(p)))
    return "\n".join(out)


def _drafts(p: Plan) -> int:
    """The draft rows the year's tables hold after this ingest."""
    return sum(int((t["status"] == "draft").sum()) for t in (p.activities, p.indicators)
               if t is not None and "status" in t)


def next_steps(y: int, drafts: int) -> str:
    """What the analyst does next: review the drafts in the workbench (or by hand), or,
    with no draft left, build the edition."""
    if not drafts:
        return (f"next: no draft row to review: the {y} edition is reviewed; `make book` builds every edition "
                f"(`make book YEAR={y}` builds {y} only)")
    return (f"next: review the {plural(drafts, 'draft row')} in the browser with `make review YEAR={y}` "
            f"(the workbench: edit, accept, add, remove, beside each sentence), or list them with "
            f"`.venv/bin/python -m hemiplan review --year {y}`, correct the CSV files and "
            f"`.venv/bin/python -m hemiplan accept --year {y} ID …` (or `--paragraph PARAGRAPH_ID`); then "
            f"`make book` builds every edition, {y} as a draft until all its rows are reviewed "
            f"(`make book YEAR={y}` builds {y} only)")
