"""Which words of a sentence decide the role of a body named without a cue.

A body named without a cue is a funder when its clause speaks of money (credit's
``paid``). Two shapes make the clause too wide or its money no money:

* **two bodies, each with its own verb, in one clause**: "the X Institute drafted the
  syllabus and the Y Agency met the travel costs", "la Fundación X diseñó los módulos y
  la Agencia Y costeó los pasajes". A body that is the subject of its own finite verb owns
  only the words from the body named before it to the body named after it: the costs are
  Y's, not X's;
* **a good or a service given free**: "free of charge", "at no cost", "pro bono", "in
  kind"; "sin costo", "sin cargo", "de forma gratuita" (the lexicon's ``credit_funder``
  rows of value "free"): "X lent its servers at no cost" names a cost that nobody paid,
  so X is a partner in kind, not a funder.

The patterns here are English's; another language's free words are its lexicon rows."""
from __future__ import annotations

import re
from functools import lru_cache

from hemiplan.ingest import past_tense
from hemiplan.reading import lexicon

_FREE_EN = (r"free\s+of\s+(?:any\s+)?charge|(?:at|for)\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge|fee)|"
            r"without\s+(?:any\s+)?(?:cost|charge|fee)|cost[\s-]free|pro\s+bono|for\s+free|in[\s-]kind|gratis")
_BRACKET_RE = re.compile(r"\s*\([^()]{1,20}\)")
_PREFIX_RE = re.compile(r"^(\s+(?:[^\W\d_]+\s+)?)[^\W\d_]{2,5}-(?=[^\W\d_]{3,})")


@lru_cache(maxsize=8)
def _free(lex: lexicon.Lexicon) -> re.Pattern:
    if lex.english:
        return re.compile(rf"(?<!\w)(?:{_FREE_EN})(?!\w)", re.I)
    terms = [t for t, v in lex.of("credit_funder").items() if v == "free"]
    return re.compile(rf"(?<!\w)(?:{lexicon.alternation_of(terms)})(?!\w)", re.I)


def without_free(text: str) -> str:
    """``text`` with its words of a thing given free blanked out ("at no cost", "sin
    costo"): what is left of money in it was paid."""
    return _free(lexicon.current()).sub(lambda m: " " * len(m.group(0)), text)


def is_subject(quote: str, e: int) -> bool:
    """Whether the body named up to ``e`` is the subject of its own finite verb (its
    acronym in brackets may stand between: "the X Agency (XA) met")."""
    m = _BRACKET_RE.match(quote[e:])
    rest = quote[e + (m.end() if m else 0):]
    # a verb with a prefix is its verb ("co-designed", "re-drafted", "co-organizó")
    return past_tense.verb_follows(rest) or past_tense.verb_follows(_PREFIX_RE.sub(r"\1", rest, count=1))


def own_part(quote: str, s: int, e: int, a: int, b: int, bodies=()) -> tuple[int, int]:
    """The part of the clause quote[a:b] that speaks of the body named at quote[s:e]:
    the whole clause, unless the body is the subject of its own verb; then from the end of
    the body named before it in the clause to the start of the body named after it
    (``bodies``: (start, end) of every body the quote names)."""
    if not is_subject(quote, e):
        return a, b
    m = _BRACKET_RE.match(quote[e:])
    own_end = e + (m.end() if m else 0)     # its acronym is its own, not another body
    before = [be for bs, be in bodies if a <= bs and be <= s]
    after = [bs for bs, be in bodies if own_end <= bs < b]
    return max([a] + before), min([b] + after)
