"""How many: a stated amount as a report writes it, in any language, on top of the plain
numbers of :mod:`hemiplan.reading.numbers` (English) or :mod:`~hemiplan.reading.lexical`
(the others). Each amount is one :class:`~hemiplan.reading.quantities.Number` that spans
all its words and keeps its qualifier (the schema's ``exact``, ``approx``, ``more_than``,
``at_least``, ``up_to``), so that what a figure counts is read from the word after it:

* a range: two figures of one form joined by a range word, with or without an opener
  ("60 to 65", "60–65", "between 300 and 350", "two or three"; "de 60 a 65", "entre 40
  y 50"): its low end, ``at_least``. "from 20 to 35" after a verb of change ("rose
  from…", "pasó de…") is a change, not a range: left to the plain numbers;
* a collective number word: after an indefinite article, a figure or "half a"
  ("a dozen", "two dozen", "half a dozen", "a score of", "a couple of"; "una docena de",
  "un centenar de", "medio centenar de", "una veintena de"): its value and qualifier; in
  the plural before "of" ("dozens of", "hundreds of"; "decenas de"), more than one unit;
* a qualifier written after the figure ("40 or so", "150-odd", "40 or more", "40-plus";
  "cuarenta y pico", "40 o más"), as well as the one before it (read by the number
  finders: "some", "upwards of", "just under", "poco más de").

:func:`each_of` reads event counts said by a list: "a week in each of A, B and C" (one
event per place listed; "en cada uno de"), "to A, B and C in turn".

English words are kept here, as the English readers keep theirs in code; every other
language's are rows of ``data/reference/lexicon.csv`` (kinds ``range_pair``,
``range_join``, ``change_word``, ``collective``, ``collective_plural``, ``indefinite``,
``half``, ``scale``, ``qualifier_after``, ``each_of``, ``in_turn``, ``run_noun``,
``run_target``, ``possessive``).

Also here: an amount times a collective or scale word after it ("a couple of dozen",
"1.2 million"), "several hundred" (more than one unit), the size of a group written
against its figure (:func:`sized_group`: "a 40-strong delegation") and runs of an event
(:func:`run_of`: "three rounds of consultations", "dos ediciones del diplomado")."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from hemiplan.reading import entities
from hemiplan.reading.lexicon import Lexicon, alternation_of
from hemiplan.reading.quantities import Count, Number
from hemiplan.reading.sentences import sentence_spans

#: The qualifier of a range: curated as at least its low end.
RANGE_QUALIFIER = "at_least"


@dataclass(frozen=True)
class Words:
    """The words of one language for amounts."""
    range_pairs: dict[str, str]        # opener → its join ("between" → "and")
    range_joins: tuple[str, ...]       # joins with no opener ("to", "or")
    change: tuple[str, ...]            # words after which "from X to Y" is a change
    collectives: dict[str, tuple[float, str]]   # "dozen" → (12, exact)
    plurals: dict[str, float]          # "dozens" → 12 (more than one unit)
    indefinite: tuple[str, ...]        # "a", "an"
    half: tuple[str, ...]              # "half a"
    of: tuple[str, ...]                # "of" (after a collective)
    after: dict[str, str]              # "or so" → approx (after a figure)
    each_of: tuple[str, ...]           # "in each of"
    in_turn: tuple[str, ...]           # "in turn"
    to: tuple[str, ...]                # "to" (before the list of places of "in turn")
    list_links: tuple[str, ...]        # small words inside a list of names ("and", "the")
    joins: tuple[str, ...] = ()        # the words that join the last item of a list ("and")
    several: tuple[str, ...] = ()      # "several" (before a collective: more than one unit)
    scales: dict[str, float] | None = None  # scale words read as collectives after "several"
    sized: tuple[str, ...] = ()        # "-strong", "-member": a group's size written against its figure
    groups: tuple[str, ...] = ()       # the groups so sized ("delegation", "team")
    runs: tuple[str, ...] = ()         # nouns of a run of one event ("rounds", "editions")
    run_targets: dict[str, str] | None = None  # what a run may be of, besides event nouns ("talks" → meeting)
    determiners: tuple[str, ...] = ()  # "the", "its" (between "of" and the event)


ENGLISH = Words(
    range_pairs={"between": "and", "from": "to"},
    range_joins=("to", "or"),
    change=tuple("rose risen increased grew grown went fell fallen dropped climbed jumped expanded reduced "
                 "decreased declined doubled up down moved shifted".split()),
    collectives={"dozen": (12.0, "exact"), "score": (20.0, "exact"), "couple": (2.0, "approx"), "pair": (2.0, "exact"),
                 "half-dozen": (6.0, "exact"), "half dozen": (6.0, "exact")},
    plurals={"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1000.0},
    indefinite=("a", "an"),
    half=("half a", "half an"),
    of=("of",),
    after={"or so": "approx", "odd": "approx", "or thereabouts": "approx", "or more": "more_than",
           "and more": "more_than", "plus": "more_than", "or over": "more_than"},
    each_of=("in each of", "to each of", "at each of"),
    in_turn=("in turn", "one after another", "one after the other", "successively"),
    to=("to",),
    list_links=("and", "the", "of", "&"),
    joins=("and", "&"),
    several=("several", "a few", "many"),
    scales={"hundred": 100.0, "thousand": 1000.0, "million": 1e6},
    sized=("strong", "member", "person", "people", "man", "woman"),
    groups=tuple("delegation delegations team teams group groups contingent contingents class classes cohort cohorts "
                 "crew crews panel panels squad squads".split()),
    runs=tuple("rounds editions cohorts cycles iterations waves runs sittings instalments installments sessions "
               "modules series".split()),
    run_targets={"talks": "meeting", "negotiations": "meeting", "discussions": "meeting", "hearings": "meeting"},
    determiners=tuple("the its their his her our this that these those a an".split()),
)


def _collective(value: str) -> tuple[float, str]:
    """A lexicon value "12 exact" → (12.0, "exact")."""
    number, _, qualifier = value.partition(" ")
    return float(number), qualifier.strip() or "exact"


@lru_cache(maxsize=8)
def words_of(lex: Lexicon) -> Words:
    """The amount words of a language: :data:`ENGLISH`, or the lexicon's rows."""
    if lex.english:
        return ENGLISH
    return Words(
        range_pairs=dict(lex.of("range_pair")), range_joins=tuple(lex.of("range_join")),
        change=tuple(lex.of("change_word")),
        collectives={t: _collective(v) for t, v in lex.of("collective").items()},
        plurals={t: float(v) for t, v in lex.of("collective_plural").items()},
        indefinite=tuple(lex.of("indefinite")), half=tuple(lex.of("half")),
        of=tuple(t for t in lex.of("name_link") if " " not in t and lex.value("article", t) is None),
        after=dict(lex.of("qualifier_after")), each_of=tuple(lex.of("each_of")),
        in_turn=tuple(lex.of("in_turn")), to=tuple(lex.of("trip_to")),
        list_links=tuple(lex.of("list_join")) + tuple(lex.of("name_link")),
        joins=tuple(t for t in lex.of("list_join") if " " not in t), several=tuple(lex.of("some")),
        scales={t: float(v) for t, v in lex.of("scale").items()},
        runs=tuple(lex.of("run_noun")), run_targets=dict(lex.of("run_target")),
        determiners=tuple(lex.of("article")) + tuple(lex.of("possessive")))


_alt = alternation_of


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> dict:
    w = words_of(lex)
    join_any = _alt(set(w.range_joins) | set(w.range_pairs.values()))
    units = _alt(set(w.collectives) | set(w.scales or {}))
    every_unit = _alt(set(w.collectives) | set(w.plurals) | set(w.scales or {}))
    return {
        "join": re.compile(rf"^\s*(?:(?P<word>{join_any})\s+|(?P<dash>[-–—])\s*)$", re.I),
        "opener": re.compile(rf"(?<![\w])(?P<open>{_alt(w.range_pairs)})\s+$", re.I),
        "change": re.compile(rf"(?<![\w])(?:{_alt(w.change)})\s+(?:{_alt(w.range_pairs)})\s+$", re.I),
        "coll": re.compile(rf"(?<![\w])(?:(?P<half>{_alt(w.half)})\s+|(?P<art>{_alt(w.indefinite)})\s+)?"
                           rf"(?P<coll>{_alt(w.collectives)})(?P<of>\s+(?:{_alt(w.of)}))?(?![\w])", re.I),
        "several": re.compile(rf"(?<![\w])(?:{_alt(w.several)})\s+(?P<coll>{units})"
                              rf"(?:\s+(?:{_alt(w.of)}))?(?![\w])", re.I),
        "times": re.compile(rf"\s+(?P<coll>{every_unit})"
                            rf"(?:\s+(?:{_alt(w.of)}))?(?![\w])", re.I),
        "plural": re.compile(rf"(?<![\w])(?P<coll>{_alt(w.plurals)})\s+(?:{_alt(w.of)})(?![\w])", re.I),
        "after": re.compile(rf"^(?:\s+|\s*-)(?P<q>{_alt(w.after)})(?![\w-])", re.I),
        "each": re.compile(rf"(?<![\w])(?:{_alt(w.each_of)})\s+", re.I),
        "in_turn": re.compile(rf"^[\s,]*(?:{_alt(w.in_turn)})(?![\w])", re.I),
        "to": re.compile(rf"(?<![\w])(?:{_alt(w.to)})\s+(?=[^\W\d_])", re.I),
    }


def _ranges(text: str, nums: list[Number], w: Words, pats: dict) -> list[tuple[Number, Number]]:
    """Pairs of figures that make a range."""
    out = []
    for a, b in zip(nums, nums[1:]):
        m = pats["join"].match(text[a.end:b.start])
        if not m or a.is_word != b.is_word or a.is_year_like or b.is_year_like or not a.value < b.value:
            continue
        before = text[max(0, a.start - 40):a.start]
        opener = pats["opener"].search(before)
        join = (m.group("word") or "").lower()
        if opener:
            wanted = w.range_pairs.get(opener.group("open").lower())
            if m.group("word") and wanted is not None and join != wanted.lower() and join not in w.range_joins:
                continue
            if pats["change"].search(before):
                continue      # "rose from 20 to 35": a change
        elif join and join not in [j.lower() for j in w.range_joins]:
            continue          # "and" joins a range only after "between"
        if out and out[-1][1] is a:
            continue
        out.append((a, b))
    return out


def _number_before(nums: list[Number], text: str, start: int) -> Number | None:
    for n in nums:
        if n.end <= start and not text[n.end:start].strip():
            return n
    return None


def read(text: str, nums: list[Number], lex: Lexicon, qualifier_before: Callable[[str, int], str]) -> list[Number]:
    """The amounts of ``text``: ``nums`` (its plain numbers, in order) with ranges joined,
    collective number words read and qualifiers after a figure taken in, in order.
    ``qualifier_before(text, start)`` gives the qualifier written before a position."""
    text = text or ""
    w = words_of(lex)
    pats = _patterns(lex)
    absorbed: set[int] = set()
    made: list[Number] = []
    for a, b in _ranges(text, nums, w, pats):
        opener = pats["opener"].search(text[max(0, a.start - 40):a.start])
        start = a.start - len(opener.group(0)) if opener else a.start
        absorbed |= {a.start, b.start}
        made.append(Number(a.value, text[start:b.end], start, b.end, RANGE_QUALIFIER, a.is_word))
    for m in pats["coll"].finditer(text):
        said = re.sub(r"\s+", " ", m.group("coll").lower())
        unit, qualifier = w.collectives[next(k for k in w.collectives if k.lower() == said)]
        times = _number_before(nums, text, m.start())
        if m.group("half"):
            value, start = unit / 2, m.start()
        elif m.group("art"):
            value, start = unit, m.start()
        elif times is not None and times.start not in absorbed:
            value, start = times.value * unit, times.start
            absorbed.add(times.start)
        else:
            continue
        prefix = qualifier_before(text, start)
        if times is not None and times.start == start and times.qualifier != "exact":
            prefix = times.qualifier
        made.append(Number(value, text[start:m.end()], start, m.end(),
                           prefix if prefix != "exact" else qualifier, True))
    units = {k.lower(): v for k, v in {**(w.scales or {}), **{k: u for k, (u, _) in w.collectives.items()}}.items()}
    for m in pats["several"].finditer(text):    # "several hundred", "a few dozen": more than one unit
        made = [x for x in made if not (x.start < m.end() and m.start() < x.end)]
        made.append(Number(units[re.sub(r"\s+", " ", m.group("coll").lower())], m.group(0), m.start(), m.end(),
                           "more_than", True))
    for m in pats["plural"].finditer(text):
        unit = w.plurals[next(k for k in w.plurals if k.lower() == m.group("coll").lower())]
        times = _number_before(nums, text, m.start())
        if times is None:     # "dozens of": more than one unit
            made.append(Number(unit, m.group(0), m.start(), m.end(), "more_than", True))
        elif times.start not in absorbed and times.value > 1:    # "dos docenas de"
            absorbed.add(times.start)
            made.append(Number(times.value * unit, text[times.start:m.end()], times.start, m.end(),
                               times.qualifier, True))
    inside = [(x.start, x.end) for x in made]
    out: list[Number] = []
    for n in sorted([n for n in nums if n.start not in absorbed and not any(a <= n.start < b for a, b in inside)]
                    + made, key=lambda n: n.start):
        if not out or n.start >= out[-1].end:   # else swallowed by the amount before it
            out.append(_with_after(text, _times(text, n, pats, w), pats, w))
    return out


def _times(text: str, n: Number, pats: dict, w: Words) -> Number:
    """The amount times a collective or scale word right after it: "a couple of dozen",
    "two or three dozen", "1.5 million"; "un par de docenas de"."""
    m = pats["times"].match(text, n.end)
    if not m:
        return n
    low = re.sub(r"\s+", " ", m.group("coll").lower())
    unit, own = next(((u, q) for k, (u, q) in w.collectives.items() if k.lower() == low), (None, "exact"))
    if unit is None:
        unit = next(v for k, v in {**w.plurals, **(w.scales or {})}.items() if k.lower() == low)
    qualifier = n.qualifier if n.qualifier != "exact" else own
    return replace(n, value=n.value * unit, text=text[n.start:m.end()], end=m.end(), qualifier=qualifier)


def _with_after(text: str, n: Number, pats: dict, w: Words) -> Number:
    """The amount with a qualifier written after it taken in ("40 or so", "150-odd")."""
    m = pats["after"].match(text[n.end:n.end + 24])
    if not m:
        return n
    q = next(v for k, v in w.after.items() if k.lower() == re.sub(r"\s+", " ", m.group("q").lower()))
    end = n.end + m.end()
    # a qualifier before the figure, or a range's, says more than one after it
    qualifier = q if n.qualifier == "exact" else n.qualifier
    return replace(n, text=text[n.start:end], end=end, qualifier=qualifier)


# --- events said by a list --------------------------------------------------------------

def _list_items(text: str, at: int, w: Words, reference_dir=None) -> tuple[int, int]:
    """(how many names, where the list ends) of a list of names from ``at``: "Saint Lucia,
    Grenada and Barbados in April" → (3, end of "Barbados")."""
    links = {t.lower() for t in w.list_links}
    end = at
    for m in re.finditer(r"[^\W\d_][\w'’.-]*|,|\S", text[at:]):
        tok = m.group(0)
        if tok == "," or tok.lower() in links or tok[:1].isupper():
            if tok[:1].isupper():   # a name's closing point is the sentence's, unless "D.C."
                end = at + m.end() - (tok.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", tok))
            continue
        break
    span = text[at:end]
    places = entities.country_matcher(reference_dir).find(span)
    if len(places) >= 2:
        return len(places), end
    parts = [p for p in re.split(rf"\s*,\s*|\s+(?:{_alt(w.joins)})\s+", span) if p.strip()]
    return (len(parts), end) if len(parts) >= 2 and all(p.strip()[:1].isupper() for p in parts) else (0, at)


def each_of(text: str, lex: Lexicon) -> list[tuple[int, int, int]]:
    """Event counts said by a list of places: (how many, start, end) for "in each of A, B
    and C" and "to A, B and C in turn" (one event in each)."""
    text = text or ""
    w = words_of(lex)
    pats = _patterns(lex)
    out = []
    for m in pats["each"].finditer(text):
        k, end = _list_items(text, m.end(), w)
        if k >= 2:
            out.append((k, m.start(), end))
    for m in pats["to"].finditer(text):
        k, end = _list_items(text, m.end(), w)
        turn = pats["in_turn"].match(text[end:]) if k >= 2 else None
        if turn:
            out.append((k, m.start(), end + turn.end()))
    return sorted(out, key=lambda x: x[1])


def sized_group(text: str, n: Number, lex: Lexicon) -> tuple[str, int] | None:
    """(group noun, end) when a figure gives the size of a group of people: "a 40-strong
    delegation", "a 12-member team of auditors" (English: Spanish says "de 40 miembros")."""
    w = words_of(lex)
    if not w.sized:
        return None
    m = re.match(rf"-(?:{_alt(w.sized)})\s+(?:[^\W\d_][\w-]*\s+){{0,2}}?(?P<g>{_alt(w.groups)})(?![\w-])",
                 text[n.end:n.end + 80], re.I)
    return (m.group("g"), n.end + m.end()) if m else None


# --- events counted by their runs, and by a list of places ---------------------------------

@lru_cache(maxsize=16)
def _run_pattern(lex: Lexicon, nouns: tuple[str, ...]) -> re.Pattern:
    w = words_of(lex)
    targets = set(nouns) | set(w.run_targets or {})
    word = r"[^\W\d_][\w-]*\s+"
    return re.compile(rf"^\s+(?:{word}){{0,2}}?(?P<run>{_alt(w.runs)})\s+(?:{_alt(w.of)})\s+"
                      rf"(?:(?:{_alt(w.determiners)})\s+)?(?:{word}){{0,3}}?(?P<noun>{_alt(targets)})(?![\w-])", re.I)


def run_of(text: str, n: Number, lex: Lexicon, nouns: dict[str, str]) -> tuple[str, str, int] | None:
    """(run noun, activity type, end) when a figure counts the runs of an event: "three
    rounds of consultations" (meeting), "two editions of its course" (course); ``nouns``
    are the language's event nouns with their types. "500 rounds of ammunition" is not."""
    w = words_of(lex)
    if not w.runs:
        return None
    m = _run_pattern(lex, tuple(sorted(nouns)))
    m = m.match(text[n.end:n.end + 160])
    if not m:
        return None
    noun = m.group("noun").lower()
    atype = next((v for k, v in {**(w.run_targets or {}), **nouns}.items() if k.lower() == noun), "") or "other"
    return m.group("run"), atype, n.end + m.end()


def list_counts(text: str, lex: Lexicon, taken: list[Count]) -> list[Count]:
    """``taken`` (the counts read from figures) with the event counts said by a list of
    places (:func:`each_of`) that do not overlap them, in order."""
    out = list(taken)
    spans = sentence_spans(text)
    for k, a, b in each_of(text, lex):
        if any(c.start < b and a < c.end for c in out):
            continue
        x, y = next(((x, y) for x, y in spans if x <= a < y), (0, len(text)))
        if any(c.kind == "events" and x <= c.start < y for c in taken):
            continue      # "two workshops, one in each of A and B": the figure says how many
        n = Number(float(k), text[a:b], a, b, "exact", True)
        out.append(Count("events", float(k), "exact", text[a:b].split()[0], "events", "other", text[a:b], a, b, n))
    return sorted(out, key=lambda c: c.start)
