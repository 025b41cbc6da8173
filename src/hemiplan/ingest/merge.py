"""A person's work survives a re-run: drafts are merged with the rows a person marked
``reviewed`` (kept as they are, ids too), new drafts get ids that do not collide, a
draft whose figure a kept row already quotes is not drafted again, and the
hand-reviewed ``countries``/``dependencies`` of an unchanged paragraph are kept."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan.ingest import proposals as proposed
from hemiplan.ingest import removed as removals
from hemiplan.ingest.draft import DraftResult, draft
from hemiplan.ingest.errors import IngestError
from hemiplan.reading import lexicon, numbers

#: A paragraph is unchanged when these are.
_PARAGRAPH_KEY = ("paragraph_id", "text", "line_start", "line_end")


# --- the existing tables ---------------------------------------------------------------------

def read_existing(path: Path, table: str) -> pd.DataFrame | None:
    """The table as it is on disk (None when there is none); IngestError when it cannot
    be read or has columns ingest would drop."""
    if not path.is_file():
        return None
    try:
        df = csvio.read_text_table(path)
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 (byte {exc.start}); fix it before re-running ingest") from None
    except Exception as exc:
        raise IngestError(f"{path}: cannot be read as CSV ({exc}); fix it before re-running ingest") from None
    extra = [c for c in df.columns if c not in schema.columns(table)]
    if extra:
        raise IngestError(f"{path}: columns not in the {table} schema: {', '.join(extra)}; ingest would drop "
                          f"them, so it stops (move that information elsewhere, or add the columns to "
                          f"data/schema/{table}.schema.json)")
    return df


def keep_paragraph_reviews(paragraphs: pd.DataFrame, old: pd.DataFrame | None) -> int:
    """Copy the hand-reviewed ``countries``/``dependencies`` of every paragraph whose id,
    text and line span are unchanged into ``paragraphs`` (in place); how many cells."""
    if old is None or not set(_PARAGRAPH_KEY) <= set(old.columns):
        return 0
    old_by_key = {(r.paragraph_id, r.text, str(r.line_start), str(r.line_end)): r
                  for r in old.itertuples(index=False)}
    kept = 0
    for i, r in enumerate(paragraphs.itertuples(index=False)):
        o = old_by_key.get((r.paragraph_id, r.text, str(r.line_start), str(r.line_end)))
        if o is None:
            continue
        for col in ("countries", "dependencies"):
            if col in old.columns and getattr(o, col) != paragraphs.at[i, col]:
                paragraphs.at[i, col] = getattr(o, col)
                kept += 1
    return kept


def kept_rows(files: dict[str, Path], warnings: list[str]) -> dict[str, pd.DataFrame | None]:
    """The rows of activities and indicators that are not drafts, per table (None when
    the table does not exist yet)."""
    kept: dict[str, pd.DataFrame | None] = {}
    for table in ("activities", "indicators"):
        df = read_existing(files[table], table)
        if df is None:
            kept[table] = None
            continue
        if "status" not in df.columns or "paragraph_id" not in df.columns:
            raise IngestError(f"{files[table]}: no status or paragraph_id column, so ingest cannot tell a "
                              f"person's rows from drafts; fix the header before re-running ingest")
        keep = df[df["status"].str.strip() != "draft"].copy()
        odd = sorted(set(keep["status"]) - {"reviewed"})
        if odd:
            warnings.append(f"{files[table]}: status {', '.join(map(repr, odd))} is neither draft nor reviewed; "
                            f"those rows were kept as they are")
        kept[table] = keep
    return kept


def check_nothing_lost(kept: dict[str, pd.DataFrame | None], paragraphs: pd.DataFrame,
                       files: dict[str, Path], warnings: list[str]) -> None:
    """IngestError when a kept row's paragraph is gone from the new text; a warning when
    its quote is no longer in its paragraph."""
    text_of = dict(zip(paragraphs["paragraph_id"], paragraphs["text"]))
    lost = []
    for table, df in kept.items():
        if df is None:
            continue
        key = schema.primary_key(table)
        for r in df.itertuples(index=False):
            pid = getattr(r, "paragraph_id", "")
            rid = getattr(r, key, "")
            if pid not in text_of:
                lost.append(f"{files[table]}: reviewed row {rid} refers to paragraph {pid}, which the new "
                            f"text does not have")
            elif getattr(r, "quote", "") and r.quote not in text_of[pid]:
                warnings.append(f"{files[table]}: reviewed row {rid}: its quote is no longer in the text of "
                                f"paragraph {pid}")
    if lost:
        more = f"\n  … and {len(lost) - 10} more" if len(lost) > 10 else ""
        raise IngestError("reviewed rows would lose their paragraph, so nothing was changed:\n  "
                          + "\n  ".join(lost[:10]) + more)


# --- drafts and kept rows together -----------------------------------------------------------

def _id_number(ident: str) -> int:
    m = re.search(r"-[AI](\d+)$", str(ident))
    return int(m.group(1)) if m else 0


def _to_text(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def _spans_of(text: str, quote: str) -> list[tuple[int, int]]:
    out, start = [], text.find(quote) if quote else -1
    while start >= 0:
        out.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return out


def _number_covered(text: str, number: str, spans: list[tuple[int, int]]) -> bool:
    """Every occurrence of ``number`` in ``text`` lies inside one of ``spans``."""
    hits = [n for n in numbers.find_numbers(text) if n.text == number]
    return bool(hits) and bool(spans) and all(any(x <= n.start and n.end <= y for x, y in spans) for n in hits)


def _quoted_spans(para_text: dict[str, str], *kept: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Per paragraph, the spans of its text that kept rows quote."""
    covered: dict[str, list[tuple[int, int]]] = {}
    for df in kept:
        for pid, q in zip(df.get("paragraph_id", []), df.get("quote", [])):
            covered.setdefault(pid, []).extend(_spans_of(para_text.get(pid, ""), q))
    return covered


def _is_covered(r, spans: list[tuple[int, int]]) -> bool:
    """Whether a kept row already quotes what a draft row is about."""
    if not r.figure:
        # a sentence without figures: covered when a kept row quotes any of it
        a, b = r.anchors[0]
        return any(x < b and a < y for x, y in spans)
    return bool(r.anchors) and all(any(x <= a and b <= y for x, y in spans) for a, b in r.anchors)


def _allocate_ids(rows: list, year: int, kept_a: pd.DataFrame, kept_i: pd.DataFrame,
                  removed: pd.DataFrame) -> None:
    """Give the drafts ids after the kept rows' and the removed rows' (activities first,
    so that an indicator's ``covers`` can name them)."""
    taken_a = list(kept_a.get("activity_id", [])) + removals.id_numbers(removed, "activities")
    taken_i = list(kept_i.get("indicator_id", [])) + removals.id_numbers(removed, "indicators")
    next_a = max([_id_number(i) for i in taken_a] + [0]) + 1
    next_i = max([_id_number(i) for i in taken_i] + [0]) + 1
    ids: dict[int, str] = {}
    for r in rows:
        if r.table == "activities":
            ids[r.key] = f"{int(year)}-A{next_a:03d}"
            next_a += 1
    for r in rows:
        if r.table == "indicators":
            ids[r.key] = f"{int(year)}-I{next_i:03d}"
            next_i += 1
            r.values["covers"] = csvio.join_list(ids[k] for k in r.covers_keys if k in ids)
    for r in rows:
        r.values["activity_id" if r.table == "activities" else "indicator_id"] = ids[r.key]


def _frame(table: str, kept: pd.DataFrame, drafts: list) -> pd.DataFrame:
    """The kept rows as they are, then the drafts, as text in schema column order."""
    cols = schema.columns(table)
    kept = kept.copy()
    for c in cols:
        if c not in kept.columns:
            kept[c] = ""
    kept = kept.astype(str)
    d = pd.DataFrame([{c: _to_text(r.values.get(c, "")) for c in cols} for r in drafts], columns=cols)
    return pd.concat([kept[cols], d], ignore_index=True) if len(kept) else d


def draft_tables(text: str, year: int, reference_dir: Path | None = None,
                 kept_activities: pd.DataFrame | None = None, kept_indicators: pd.DataFrame | None = None,
                 paragraphs: pd.DataFrame | None = None, members: set[str] | None = None,
                 language: str | None = None, removed: pd.DataFrame | None = None,
                 unrecorded: set[tuple[str, str]] | None = None, proposals: pd.DataFrame | None = None,
                 warnings: list[str] | None = None
                 ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, DraftResult]:
    """(paragraphs, activities, indicators, result) as text DataFrames: the kept
    (reviewed) rows first, as they are, then the drafts with fresh ids. Drafts whose
    figures a kept row already quotes in the same paragraph are left out, and so are
    the numbers a kept row quotes from the list of numbers without a row; so are the
    drafts the reviewer removed (``removed``, removed.csv) and those about numbers
    listed as not data (``unrecorded``: (paragraph_id, number) pairs of unrecorded.csv).
    ``result.proposals`` is proposals.csv after the merge (``proposals``: the one on disk;
    :mod:`.proposals`), its warnings added to ``warnings``."""
    res = draft(text, year, reference_dir, paragraphs, members, language)
    with lexicon.using(language):   # the numbers a kept row quotes are read in the report's language
        return _merged(res, year, kept_activities, kept_indicators, removed, unrecorded or set(), proposals,
                       warnings)


def _merged(res: DraftResult, year: int, kept_activities: pd.DataFrame | None, kept_indicators: pd.DataFrame | None,
            removed: pd.DataFrame | None, unrecorded: set[tuple[str, str]], proposals: pd.DataFrame | None = None,
            warnings: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, DraftResult]:
    kept_a = kept_activities if kept_activities is not None else pd.DataFrame(columns=schema.columns("activities"))
    kept_i = kept_indicators if kept_indicators is not None else pd.DataFrame(columns=schema.columns("indicators"))
    removed = removed if removed is not None else pd.DataFrame(columns=schema.columns("removed"))
    para_text = dict(zip(res.paragraphs["paragraph_id"], res.paragraphs["text"]))
    covered = _quoted_spans(para_text, kept_a, kept_i)
    decided = removals.keys(removed)
    rows = [r for r in res.rows if not _is_covered(r, covered.get(r.paragraph_id, []))
            and not removals.is_removed(r, decided, unrecorded, para_text.get(r.paragraph_id, ""))]
    res.unused_numbers = [u for u in res.unused_numbers
                          if not _number_covered(para_text.get(u[0], ""), u[1], covered.get(u[0], []))]
    _allocate_ids(rows, year, kept_a, kept_i, removed)
    res.proposals = proposed.merged(rows, year, proposals, set(kept_a.get("activity_id", [])), warnings)
    res.rows = rows
    acts = _frame("activities", kept_a, [r for r in rows if r.table == "activities"])
    inds = _frame("indicators", kept_i, [r for r in rows if r.table == "indicators"])
    return res.paragraphs, acts, inds, res
