"""Partners and funders a paragraph names in a sentence that drafts no row of its own.

A row's quote is its own sentence, so a body the paragraph credits elsewhere is lost to
it. Two sentence shapes credit the work of other sentences (generically, by the place of
the sentence and its reference, not by its words):

* the paragraph's **opening sentence**, when it drafts no row and reports no event of
  its own ("carrying out a Hemispheric Workshop … funded by X": X is that workshop's): it frames the paragraph
  ("The DPS, in collaboration with X, is implementing a project … In August the first
  meeting took place"; "ES/CICAD continued its collaboration with Y regarding seminars …
  A national seminar was delivered in Peru"): its bodies are credited to every activity
  row of the paragraph;
* a sentence that **refers back** to the work of the sentence before it ("These
  activities were carried out in collaboration with …"; "Estas actividades se realizaron
  en colaboración con …"), drafting no row: its bodies are credited to the rows of that
  sentence.

Only bodies credited by a cue that ``organizations.csv`` knows are passed on (a name the
table does not know stays the sentence's, and no row is made to hold it); a body is
never both partner and funder of a row. Each row given a body says so in its note
(the sentence quoted) and is flagged for the reviewer ("partners or funders from another
sentence"), as the credit of a sentence announcing several events is
(:meth:`hemiplan.ingest.draft._Drafter._paragraph_credit`), through :func:`give`.

``work`` is the drafter's paragraph at work: its ``text``, its sentence ``spans``,
``sentence(si)`` and its ``rows`` (each with ``table``, ``quote``, ``values`` and
``flags``)."""
from __future__ import annotations

import re

from hemiplan.data import csvio
from hemiplan.ingest import credit, sentence_cues, setting

FLAG = "partners or funders from another sentence"


def _sentences_of(work, quote: str) -> set[int]:
    """The sentences of the paragraph a row's quote spans."""
    at = work.text.find(quote)
    if at < 0:
        return set()
    end = at + len(quote)
    return {si for si, (a, b) in enumerate(work.spans) if a < end and at < b}


def give(row, who: credit.Credit, said: str) -> None:
    """Credit ``who`` to a row drafted from another sentence: a body is never both partner and
    funder of it; what is added is named in its note ("X credited from <said>") and flagged."""
    v = row.values
    partners, funders = set(csvio.split_list(v["partners"])), set(csvio.split_list(v["funders"]))
    added = sorted((who.funders - partners) - funders) + sorted((who.partners - funders) - partners)
    if not added:
        return
    funders |= who.funders - partners
    partners |= who.partners - funders
    v["partners"], v["funders"] = csvio.join_list(sorted(partners)), csvio.join_list(sorted(funders))
    v["note"] = f"{v['note']} {', '.join(added)} credited from {said}".strip()
    if FLAG not in row.flags:
        row.flags.append(FLAG)


def _one_event(sentence: str) -> bool:
    """Whether a sentence names one event of its own ("carrying out a Hemispheric Workshop";
    "realizó un taller regional"), not work in general ("regarding seminars")."""
    return bool(re.search(rf"(?i)\b(?:a|an|one|un|una)\s+(?:[\w-]+\s+){{0,3}}?(?:{sentence_cues.EVENT_WORD_RE.pattern})",
                          sentence))


def spread(work, reference_dir=None) -> None:
    """Credit the bodies of the paragraph's opening sentence, and of a sentence referring
    back to the one before it, to the activity rows they speak for, when neither drafts a
    row of its own."""
    acts = [(r, _sentences_of(work, r.quote)) for r in work.rows if r.table == "activities"]
    covered = set().union(*(s for _, s in acts)) if acts else set()
    for si in range(len(work.spans)):
        if si in covered:
            continue
        sentence = work.sentence(si).strip()
        if si == 0 and not _one_event(sentence):
            rows, said = [r for r, _ in acts], f"the paragraph's opening sentence: \"{sentence}\""
        elif setting.refers_back(sentence) and si - 1 in covered:
            rows, said = [r for r, s in acts if si - 1 in s], f"the next sentence, which refers back to it: \"{sentence}\""
        else:
            continue
        # the opening sentence by its cues; a sentence about the rows' own work by every known body it credits
        who = (credit.cued_only if si == 0 else credit.credit)(sentence, reference_dir) if rows else None
        for r in rows if who and (who.partners or who.funders) else ():
            give(r, who, said)
