"""Numbers and counts of a report in a language other than English, read with the
words of its :class:`~hemiplan.reading.lexicon.Lexicon` (``data/reference/lexicon.csv``):
the same answers as :mod:`hemiplan.reading.numbers` gives for English, from the same
shape of text, with no word of any language written here.

* digits with ``.``, ``,`` or a space as thousands separator before three digits
  ("3.450", "24 606", "1,245") and ``,`` or ``.`` as the decimal mark before one or two
  ("1,5", "2.5");
* cardinal words ("cincuenta y tres", "ciento treinta", "tres mil doscientos") read
  with text2num, after the lexicon's spellings (``number_variant``: "veintiún");
* qualifiers before (``qualifier``: "más de", "al menos", "hasta") and after a figure;
* what a figure counts: a noun for people, for an event (with its activity type) or a
  unit, right after it or after a few modifiers ("tres nuevos cursos"), in one word
  or several ("armas de fuego");
* numbers that are not counts: years, days of a date, durations, ordinals, list
  markers, document references, a figure restated in brackets.
"""
from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from hemiplan.reading import amounts, people
from hemiplan.reading.lexicon import Lexicon, alternation_of
from hemiplan.reading.quantities import Count, Number, is_money, snake_case

#: The qualifiers in order of precedence (as for English).
_QUALIFIER_ORDER = ("at_least", "up_to", "more_than", "approx")
_DIGITS = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d])|\d+[,.]\d{1,2}(?!\d)|\d+"
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*|\d[\w,.\-]*|[(),;:.!?\[\]]")
_NOUN_KINDS = (("people_noun", "participants"), ("event_noun", "events"), ("unit_noun", "other"))


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> dict:
    words = lex.alternation("number_word", "number_variant")
    join, last = lex.alternation("number_join"), lex.alternation("number_word_last")
    seq = rf"(?:{words})(?:\s+(?:(?:{join})\s+)?(?:{words}))*(?:\s+(?:{join})\s+(?:{last}))?"
    qualifiers = []
    for q in _QUALIFIER_ORDER:
        terms = [t for t, v in lex.of("qualifier").items() if v == q]
        if terms:
            qualifiers.append((re.compile(rf"(?<![\w.])(?:{alternation_of(terms)})\s+$", re.I), q))
    nouns = {kind: re.compile(rf"(?:{lex.alternation(kind)})(?![\w])", re.I) for kind, _ in _NOUN_KINDS}
    months = lex.alternation("month")
    return {
        "number": re.compile(rf"(?<![\w.,])(?:(?P<digits>{_DIGITS})(?![\w])|(?P<words>{seq})(?![\w]))", re.I),
        "qualifiers": qualifiers,
        "after": [(re.compile(rf"^\s*(?:{alternation_of(t for t, x in lex.of('qualifier_after').items() if x == v)})\b",
                              re.I), v) for v in sorted(set(lex.of("qualifier_after").values()))],
        "nouns": nouns,
        "date_after": re.compile(rf"^\s*(?:(?:{lex.alternation('span_join')}|[-–])\s*\d{{1,2}}\s+)?"
                                 rf"(?:{lex.alternation('date_of')})\s+(?:{months})\b", re.I),
        "duration": re.compile(rf"^\s*(?:{lex.alternation('time_unit')})(?![\w])", re.I),
        "document": re.compile(rf"(?:^|[\s(])(?:{lex.alternation('document_word')})\s*$", re.I),
        "reference": re.compile(rf"(?:^|[\s(])(?:{lex.alternation('reference_word')})\s*$", re.I),
        "months": re.compile(rf"(?<![\w])(?:{months})(?![\w])", re.I),
        "ordinal": re.compile(rf"(?:{lex.alternation('ordinal_suffix')})(?!\w)"),
    }


def parse_digits(text: str) -> float:
    """'3.450' → 3450, '24 606' → 24606, '1,5' → 1.5, '2.5' → 2.5 (a comma or a point
    before one or two digits is the decimal mark; before three, a thousands separator)."""
    s = text.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d+[,.]\d{1,2}", s):
        return float(s.replace(",", "."))
    return float(re.sub(r"[.,\s]", "", s))


def words_value(text: str, lex: Lexicon) -> int | None:
    """The value of a number written in words ('cincuenta y tres' → 53), or None."""
    words = [lex.value("number_variant", w) or w for w in text.lower().split()]
    try:
        return int(text2num(" ".join(words), lex.code))
    except ValueError:
        return None


def _word_numbers(m: re.Match, lex: Lexicon) -> list[tuple[int, int, int]]:
    """(value, start, end) of a run of number words: one number, or each word alone
    when together they are not one ("dos tres")."""
    value = words_value(m.group(0), lex)
    if value is not None:
        return [(value, m.start(), m.end())]
    out = []
    for w in re.finditer(r"\S+", m.group(0)):
        v = words_value(w.group(0), lex)
        if v is not None:
            out.append((v, m.start() + w.start(), m.start() + w.end()))
    return out


def qualifier_before(text: str, start: int, lex: Lexicon) -> str:
    """The qualifier written before a figure at ``start`` ("más de", "unos"), else exact."""
    before = text[max(0, start - 30):start]
    return next((q for rx, q in _patterns(lex)["qualifiers"] if rx.search(before)), "exact")


def _qualifier(text: str, start: int, end: int, pats: dict) -> str:
    before = text[max(0, start - 30):start]
    for rx, q in pats["qualifiers"]:
        if rx.search(before):
            return q
    for rx, q in pats["after"]:
        if rx.match(text[end:end + 12]):
            return q
    return "exact"


def find_numbers(text: str, lex: Lexicon) -> list[Number]:
    """Every number in text, in order, with its qualifier."""
    text = text or ""
    pats = _patterns(lex)
    out = []
    for m in pats["number"].finditer(text):
        if m.group("digits"):
            found = [(parse_digits(m.group("digits")), m.start(), m.end(), False)]
        else:
            found = [(float(v), a, b, True) for v, a, b in _word_numbers(m, lex)]
        for value, a, b, is_word in found:
            out.append(Number(value, text[a:b], a, b, _qualifier(text, a, b, pats), is_word))
    return out


def _tokens(text: str, at: int) -> list[tuple[str, int, int]]:
    tail = text[at:at + 160]
    return [(t.group(0), at + t.start(), at + t.end()) for t in _TOKEN_RE.finditer(tail)]


def _head(text: str, pos: int, lex: Lexicon, pats: dict) -> tuple[str, str, int] | None:
    """(kind, noun, end) when a noun of people, events or units starts at ``pos``."""
    for kind, counted in _NOUN_KINDS:
        m = pats["nouns"][kind].match(text, pos)
        if m:
            nxt = re.match(r"\s+([^\W\d_][\w-]*)", text[m.end():])
            if kind == "event_noun" and lex.value("mass_noun", m.group(0)) is not None and nxt \
                    and lex.value("stop_word", nxt.group(1)) is None:
                return None   # "capacitación policial": a topic, not an event
            return counted, m.group(0), m.end()
    return None


def _possessive(tok: str, lex: Lexicon) -> bool:
    """A small word after "de" that is neither an article nor a link of names ("sus")."""
    return lex.value("stop_word", tok) is not None and lex.value("article", tok) is None \
        and lex.value("name_link", tok) is None


def _noun_phrase(text: str, n: Number, lex: Lexicon) -> tuple[str, str, int] | None:
    """(kind, head noun, end offset) of the noun phrase a number opens."""
    pats = _patterns(lex)
    tokens = _tokens(text, n.end)
    i = 0
    if len(tokens) >= 3 and tokens[0][0] == "(" and tokens[2][0] == ")":
        inner = find_numbers(tokens[1][0], lex)
        if inner and inner[0].value == n.value:
            i = 3   # a figure restated in brackets: "seis (6) países"
    if len(tokens) >= 3 and lex.value("name_link", tokens[0][0]) is not None and _possessive(tokens[1][0], lex):
        i = 2       # a share of a body's own people: "unos 20 de sus asesores"
    for j in range(i, min(len(tokens), i + 4)):
        tok, start, _ = tokens[j]
        found = _head(text, start, lex, pats)
        if found:
            return found
        if not re.match(r"[^\W\d_]", tok) or lex.value("stop_word", tok) is not None:
            break
    if i < len(tokens):
        tok, _, end = tokens[i]
        low = tok.lower()
        if people.is_agent(tok, lex):     # a trade the lexicon does not list ("redactores")
            return "participants", tok, end
        if re.match(r"[^\W\d_]", tok) and lex.value("stop_word", tok) is None and len(low) > 3 and low.endswith("s"):
            return "other", tok, end
    return None


def _date_or_duration(text: str, n: Number, pats: dict) -> str | None:
    after = text[n.end:n.end + 40]
    if n.value <= 31 and not n.is_word and pats["date_after"].match(after):
        return "date"
    if pats["ordinal"].match(after):
        return "ordinal_or_edition"
    if pats["duration"].match(after):
        return "duration"
    return None


def non_count_reason(text: str, n: Number, lex: Lexicon) -> str | None:
    """Why a number is not a count, or None if it may be one (the reasons of
    :func:`hemiplan.reading.numbers.non_count_reason`)."""
    pats = _patterns(lex)
    before, after = text[max(0, n.start - 40):n.start], text[n.end:n.end + 40]
    if n.is_year_like:
        return "year"
    if before.endswith("(") and after.startswith(")"):
        prev = find_numbers(before[:-1].rstrip()[-25:], lex)
        if prev and prev[-1].value == n.value and before[:-1].rstrip().endswith(prev[-1].text):
            return "restated"
    if re.search(r"(?:19|20)\d\d\s*[-–/]\s*$", before) or re.match(r"\s*[-–]\s*(?:19|20)\d\d\b", after) and n.value < 100:
        return "date"
    reason = _date_or_duration(text, n, pats)
    if reason:
        return reason
    if re.match(r"\.?\)\s", after) and re.search(r"(?:^|[\s:;,])\(?$", before) \
            and (not re.search(r"[^\W\d_][\w.]*\s*\($", before) or re.search(r"(?:^|[:;,.]\s*)\($", before)):
        return "list_marker"
    if re.match(r"[./]\d", after) or re.search(r"\d[./]$", before) or re.search(r"/\s*$", before):
        return "document_reference"
    if not n.is_word and pats["document"].search(before):
        return "document_reference"   # "la resolución 2231 inspectores…": the number names the document
    if pats["reference"].search(before):
        phrase = _noun_phrase(text, n, lex)
        if phrase is None or phrase[0] == "other" and lex.value("unit_noun", phrase[1]) is None:
            return "document_reference"
    return None


def _people_word(low: str, lex: Lexicon) -> bool:
    """A noun for people of the lexicon, or one by its form ("redactores")."""
    return lex.value("people_noun", low) is not None or people.is_agent(low, lex)


def find_counts(text: str, lex: Lexicon) -> list[Count]:
    """Every number in ``text`` that counts something, with what it counts."""
    text = text or ""
    out: list[Count] = []
    for n in amounts.read(text, find_numbers(text, lex), lex, lambda t, at: qualifier_before(t, at, lex)):
        if out and n.start < out[-1].end or non_count_reason(text, n, lex):
            continue
        whole = people.total_of_people(text, n.start, n.end, lambda w: _people_word(w, lex), lex)
        if whole:     # "Fiscales de A y de B, 36 en total, …": the people named before it
            out.append(Count("participants", n.value, n.qualifier, whole[0], "participants", "",
                             text[n.start:whole[1]], n.start, whole[1], n))
            continue
        run = amounts.run_of(text, n, lex, lex.of("event_noun"))
        if run:    # "tres rondas de consultas": the runs of one kind of event
            out.append(Count("events", n.value, n.qualifier, run[0], "events", run[1], text[n.start:run[2]],
                             n.start, run[2], n))
            continue
        phrase = _noun_phrase(text, n, lex)
        if phrase is None:
            continue
        kind, head, end = phrase
        if kind != "other" and is_money(text, n):
            continue
        if kind == "participants":
            unit, atype = "participants", ""
        elif kind == "events":
            unit, atype = "events", lex.value("event_noun", head) or "other"
        else:
            unit, atype = lex.value("unit_noun", head) or snake_case(head), ""
        out.append(Count(kind, n.value, n.qualifier, head, unit, atype, text[n.start:end], n.start, end, n))
    return amounts.list_counts(text, lex, out)


def month_in(text: str, lex: Lexicon) -> int | None:
    """The month a text names, when it names exactly one."""
    found = {int(lex.value("month", m.group(0))) for m in _patterns(lex)["months"].finditer(text or "")}
    return found.pop() if len(found) == 1 else None
