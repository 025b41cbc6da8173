"""Numbers in report text: digits ("45", "1,100,650", "24, 606", "(07)", "9,061mt"),
words ("seven", "Twenty-seven", "one thousand") and their qualifiers ("more than 170",
"approximately 300", "over 30", "at least 12", "up to 40").

On top of the plain number finder, :func:`find_counts` reads what a number counts,
from the words that follow it and never from a year's wording:

* participants: a number, up to a few modifiers, then a noun for people
  ("trained 45 officers", "45 officers were trained", "a total of 78 participants",
  "with the participation of forty-five officers", "80 police officers",
  "45 customs and immigration officers", "(05 participants)");
* events: a number, modifiers, then a noun for an event ("9 seminars",
  "three three-week multinational courses", "12 anti-money laundering training events",
  "eleven technical assistance missions");
* other: any other counted noun ("25 member states", "Nine national laws",
  "1,100,650 different types and sizes of munitions", "9,061mt").

Numbers that are not counts (years, dates, durations such as "three-week" or
"18 months", ordinals, list markers, document numbers, a figure restated in brackets
as in "six (6)") are told apart by :func:`non_count_reason`.
"""
from __future__ import annotations

import re

from text_to_num import text2num

from hemiplan.reading import amounts, lexical, lexicon, people
from hemiplan.reading.quantities import Count, Number, is_money, snake_case

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_UNIT_WORD = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORD = "|".join(sorted(TENS, key=len, reverse=True))
# "twenty-seven" / "twenty seven" / "twenty" / "seventeen": a compound is tens + one
# only, so "three three-week courses" is two numbers, not six.
_SMALL = rf"(?:(?:{_TENS_WORD})(?:[-\s](?:{_ONES})(?![\w-]))?|(?:{_UNIT_WORD}))"
# "a hundred", "a thousand and fifty": the article stands for one before a scale word
_WORD_NUMBER = (rf"(?:{_SMALL}|an?(?=\s+(?:hundred|thousand|million)(?![\w])))"
                rf"(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?{_SMALL})?)*")
# digits with thousands separators, tolerating one stray space after a comma ("24, 606")
_DIGITS = r"\d{1,3}(?:,\s?\d{3})+(?!\d)|\d+(?:\.\d+)?"
# a unit written against the figure ("9,061mt", "105MM") does not hide the number
_ATTACHED_UNIT = r"(?:mt|MT|Mt|kg|Kg|KG|km|mm|MM|cm|ml|lbs?|t|m)"
NUMBER_RE = re.compile(
    rf"(?<![\w.])(?:(?P<digits>{_DIGITS})(?:(?![\w])|(?={_ATTACHED_UNIT}\b))|(?P<words>{_WORD_NUMBER})(?![\w]))",
    re.IGNORECASE)

QUALIFIERS = [
    (re.compile(r"(?<![\w.])(?:at least|no fewer than|no less than|not fewer than|not less than|a minimum of)\s+$",
                re.I), "at_least"),
    (re.compile(r"(?<![\w.])(?:up to|as many as|a maximum of|no more than|not more than|at most)\s+$", re.I), "up_to"),
    (re.compile(r"(?<![\w.])(?:more than|over|in excess of|upwards? of)\s+$", re.I), "more_than"),
    (re.compile(r"(?<![\w.])(?:approximately|approx\.|about|around|nearly|almost|some|roughly|close to|an estimated|"
                r"estimated|circa|ca\.|fewer than|less than|under|in the region of|in the order of|on the order of|"
                r"shy of|more or less|something like|give or take|close on)\s+$", re.I), "approx"),
]
_AFTER_QUALIFIERS = [
    (re.compile(r"^\s*(?:\+|or more\b|plus\b)", re.I), "more_than"),
]


def words_to_int(text: str) -> int | None:
    """'Twenty-seven' → 27, 'one thousand' → 1000, 'three hundred and five' → 305,
    'a hundred and twenty' → 120: read with text2num, as the other languages are."""
    words = re.sub(r"^an?\s+", "one ", re.sub(r"\s+", " ", text.lower().strip()))
    try:
        return int(text2num(words, "en"))
    except ValueError:
        return None


def parse_digits(text: str) -> float:
    return float(re.sub(r"[,\s]", "", text))


def qualifier_before(text: str, start: int) -> str:
    """The qualifier written before a figure at ``start`` ("more than", "some"), else exact."""
    before = text[max(0, start - 30):start]
    return next((q for rx, q in QUALIFIERS if rx.search(before)), "exact")


def find_numbers(text: str) -> list[Number]:
    """Every number in text, in order, with its qualifier."""
    lex = lexicon.current()
    if not lex.english:
        return lexical.find_numbers(text, lex)
    text = text or ""
    out = []
    for m in NUMBER_RE.finditer(text):
        if m.group("digits"):
            value, is_word = parse_digits(m.group("digits")), False
        else:
            v = words_to_int(m.group("words"))
            if v is None:
                continue
            value, is_word = float(v), True
        qualifier = qualifier_before(text, m.start())
        if qualifier == "exact":
            for rx, q in _AFTER_QUALIFIERS:
                if rx.match(text[m.end():m.end() + 12]):
                    qualifier = q
                    break
        out.append(Number(value, m.group(0), m.start(), m.end(), qualifier, is_word))
    return out


# --- what a number counts ---------------------------------------------------------------

#: Nouns for people: a number followed by one of these (after a few modifiers) is a
#: participant count.
PEOPLE_NOUNS = frozenset("""
participants participant attendees attendee officers officer officials official analysts analyst
judges judge prosecutors prosecutor detectives detective personnel authorities agents agent people persons person
experts expert trainers trainer trainees trainee students student representatives representative
delegates delegate investigators investigator inspectors inspector magistrates magistrate
defenders defender professionals professional practitioners practitioner specialists specialist
technicians technician staff members member policemen policewomen women men youths youth
individuals individual instructors instructor facilitators facilitator leaders leader managers
manager employees employee workers worker functionaries functionary servants servant journalists
legislators legislator parliamentarians diplomats diplomat guards guard soldiers soldier cadets
cadet stakeholders candidates graduates graduate researchers researcher teachers teacher doctors
counselors counsellors commanders commander chiefs chief directors director heads
lawyers lawyer attorneys attorney police policymakers decision-makers operators operator
auditors auditor examiners examiner screeners screener volunteers volunteer providers
nurses pilots wardens notaries paramedics surgeons architects deputies envoys consuls scholars academics
interns recruits apprentices sheriffs marshals coaches chaplains midwives coastguards bodyguards lifeguards
""".split())

#: Nouns for events, with the activity type they suggest.
EVENT_NOUNS = {
    "course": "course", "courses": "course", "training": "course", "trainings": "course",
    "class": "course", "classes": "course", "module": "course", "modules": "course",
    "lecture": "course", "lectures": "course",
    "seminar": "seminar", "seminars": "seminar", "webinar": "seminar", "webinars": "seminar",
    "workshop": "workshop", "workshops": "workshop",
    "conference": "conference", "conferences": "conference", "forum": "conference",
    "forums": "conference", "fora": "conference", "congress": "conference", "summit": "conference",
    "summits": "conference", "symposium": "conference", "symposia": "conference",
    "meeting": "meeting", "meetings": "meeting", "roundtable": "meeting", "roundtables": "meeting",
    "consultation": "meeting", "consultations": "meeting", "dialogue": "meeting", "dialogues": "meeting",
    "session": "meeting", "sessions": "meeting", "panel": "meeting", "panels": "meeting",
    "mission": "mission", "missions": "mission", "visit": "mission", "visits": "mission",
    "exercise": "exercise", "exercises": "exercise", "simulation": "exercise", "simulations": "exercise",
    "drill": "exercise", "drills": "exercise",
    "assessment": "assessment", "assessments": "assessment", "evaluation": "assessment",
    "evaluations": "assessment", "diagnostic": "assessment", "diagnostics": "assessment",
    "event": "other", "events": "other", "activity": "other", "activities": "other",
    # runs of one activity: "two editions of its course" (the type is the course's)
    "edition": "other", "editions": "other", "cohort": "course", "cohorts": "course",
    # days apart, each a session of the work ("on four consecutive weekends"): not a length
    "weekends": "other", "saturdays": "other", "sundays": "other",
}
#: Two-word nouns read as one.
MULTIWORD_NOUNS = {
    ("round", "table"): "meeting", ("round", "tables"): "meeting",
    ("focal", "points"): None, ("focal", "point"): None,
    ("points", "of"): None,
    ("public", "servants"): "people", ("civil", "servants"): "people",
}
#: Normalised units of other counts.
UNIT_OF = {
    "countries": "states", "country": "states", "states": "states", "state": "states",
    "nations": "states", "teams": "teams", "team": "teams", "csirts": "teams", "csirt": "teams",
    "laws": "laws", "law": "laws", "bills": "bills", "bill": "bills",
    "ratifications": "ratifications", "ratification": "ratifications",
    "firearms": "firearms", "firearm": "firearms", "weapons": "firearms", "guns": "firearms",
    "munitions": "munitions", "ammunition": "munitions", "rounds": "munitions", "shells": "munitions",
    "cartridges": "munitions", "devices": "munitions", "explosives": "munitions",
    "mt": "metric_tons", "tons": "metric_tons", "tonnes": "metric_tons",
    "organizations": "organizations", "organisations": "organizations", "institutions": "organizations",
    "agencies": "organizations", "machines": "machines", "machine": "machines",
    "years": "years", "focal points": "focal_points", "focal point": "focal_points",
    "missions": "missions",
}
_OF_HEADS = frozenset("types kinds sizes sorts forms pieces units items lots sets number numbers total "
                      "amount quantities quantity".split())
_STOP = frozenset("""
a an the of in on at to from for with by into onto through during between among across per via within
without about against and or nor but than as that which who whom whose where when while whereas
was were is are be been being has have had will would shall should can could may might must do does did
it its this these those their his her our your there here
not no each every all both any some such other another more most less least only also
delivered trained held organized organised conducted carried completed attended participated received
reached took include included includes involving including totalling totaling
together respectively altogether
""".split())
_TIME_UNITS = frozenset("week weeks year years month months day days hour hours minute minutes decade decades "
                        "semester semesters session-day".split())
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH_RE = ("January|February|March|April|May|June|July|August|September|October|November|December|"
             "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_REFERENCE_WORDS = frozenset("no no. nos nos. number resolution res res. article art art. paragraph para "
                             "para. doc doc. document chapter section level phase decree law act rev rev. "
                             "iso standard standards version vol vol. volume page pages item annex".split())

#: Words whose figure names a document or a part of one, whatever follows it.
_DOCUMENT_WORDS = frozenset("resolution resolutions res res. article articles art art. paragraph paragraphs para para. "
                            "decree chapter annex page pages vol vol. volume doc doc. document".split())
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-/]*|\d[\w,.\-]*|[(),;:.!?\[\]]")


def _is_people(low: str) -> bool:
    """A known noun for people, or a plural that names people by its form ("drafters")."""
    return low in PEOPLE_NOUNS or people.is_agent(low)


def _is_known_noun(low: str, nxt: str) -> bool:
    return _is_people(low) or low in EVENT_NOUNS or low in UNIT_OF or (low, nxt) in MULTIWORD_NOUNS


#: A token of the words after a number: (text, start, end) in the paragraph.
_Token = tuple[str, int, int]
#: What a number counts: (kind, head noun, end offset, modifiers).
_Phrase = tuple[str, str, int, list[str]]


def _low(tokens: list[_Token], j: int) -> str:
    return tokens[j][0].lower().strip("'’") if 0 <= j < len(tokens) else ""


def _is_word(token: str) -> bool:
    return bool(token) and token not in _STOP and bool(re.match(r"[^\W\d]", token))


def _restated_skip(tokens: list[_Token], n: Number) -> int:
    """Tokens to skip for a figure restated in brackets after it: "six (6) countries",
    "nine (09) seminars"."""
    if len(tokens) >= 3 and tokens[0][0] == "(" and tokens[2][0] == ")":
        inner = find_numbers(tokens[1][0])
        if inner and inner[0].value == n.value:
            return 3
    return 0


def _noun_head(tokens: list[_Token], i: int, n: Number, mods: list[str]) -> _Phrase | None:
    """The phrase, when token ``i`` is a known noun for people or events heading it."""
    tok, _, end = tokens[i]
    low, nxt, nxt2 = _low(tokens, i), _low(tokens, i + 1), _low(tokens, i + 2)
    if (low, nxt) in MULTIWORD_NOUNS:
        kind = MULTIWORD_NOUNS[(low, nxt)]
        head, stop_at = f"{low} {nxt}", tokens[i + 1][2]
        if kind == "people":
            return "participants", head, stop_at, mods
        return ("events" if kind else "other"), head, stop_at, mods
    modifier = _is_known_noun(nxt, nxt2)  # "police officers", "training events", "member states"
    if (low in PEOPLE_NOUNS or people.is_agent(tok)) and not modifier:
        return "participants", tok, end, mods
    if low in EVENT_NOUNS and not modifier:
        # "training" is a mass noun: a head only where the phrase ends ("trained in 3 training")
        if not (low == "training" and _is_word(nxt)):
            singular_many = (not low.endswith("s") and n.value > 1
                             and low not in ("training", "fora", "symposia", "congress") and _is_word(nxt))
            if not singular_many:
                return "events", tok, end, mods
    return None


def _unit_head(tokens: list[_Token], i: int, mods: list[str]) -> _Phrase | None:
    """The phrase, when token ``i`` is the plural of a counted unit heading it: "25 member
    states currently…", but not "3 firearms marking machines"."""
    tok, _, end = tokens[i]
    low = _low(tokens, i)
    if low not in UNIT_OF or _is_known_noun(_low(tokens, i + 1), _low(tokens, i + 2)) \
            or not (low.endswith("s") or low in ("mt", "ammunition")) \
            or low in ("customs", "arms", "affairs", "operations", "services", "means"):
        return None
    for j in (i + 1, i + 2):
        w = _low(tokens, j)
        if not w or w in _STOP or not re.match(r"[^\W\d_]", w):
            break
        if w in UNIT_OF and w.endswith("s"):
            return None  # a compound: the unit modifies a later noun
    return "other", tok, end, mods


def _ends_phrase(tok: str, low: str) -> bool:
    return low in _STOP or tok in "(),;:.!?[]" or bool(find_numbers(tok)) and find_numbers(tok)[0].text == tok


def _list_goes_on(tokens: list[_Token], i: int) -> bool:
    """Whether the words from token ``i`` are the rest of a list of modifiers: one to
    three words, then "and" ("…, immigration and port police officers")."""
    for j in range(i, min(i + 4, len(tokens))):
        if _low(tokens, j) == "and":
            return j > i
        if not _is_word(_low(tokens, j)):
            return False
    return False


def _scan_phrase(tokens: list[_Token], i: int, n: Number) -> tuple[_Phrase | None, list[tuple[str, int]]]:
    """Walk the words after a number up to its head noun: (the phrase or None, the
    modifiers met, with their end offsets)."""
    mods: list[tuple[str, int]] = []
    words = 0
    while i < len(tokens) and words < 7:
        tok, _, end = tokens[i]
        low, nxt = _low(tokens, i), _low(tokens, i + 1)
        found = _noun_head(tokens, i, n, [t for t, _ in mods])
        if found:
            return found, mods
        if low in _OF_HEADS and nxt == "of" or not mods and low == "of" and nxt in ("its", "their"):
            # "groups of", or a share of a body's own people: "20 of its advisers"
            mods.extend([(tok, end), (tokens[i + 1][0], tokens[i + 1][2])])
            i += 2
            words += 1
            continue
        found = _unit_head(tokens, i, [t for t, _ in mods])
        if found:
            return found, mods
        if tok == "," and mods and _list_goes_on(tokens, i + 1):
            mods.append((tok, end))  # "customs, immigration and port police officers"
            i += 1
            continue
        if tok == "and" and mods and i + 1 < len(tokens):
            # a list of modifiers: "customs and immigration officers"
            following = tokens[i + 1][0]
            if following.lower() not in _STOP and re.match(r"[^\W\d_]", following):
                mods.append((tok, end))
                i += 1
                continue
        if _ends_phrase(tok, low):
            break
        mods.append((tok, end))
        i += 1
        words += 1
    return None, mods


def _last_modifier_as_head(mods: list[tuple[str, int]]) -> _Phrase | None:
    """No known noun: the last modifier is the head if it reads as a plural noun."""
    content = [(t, e) for t, e in mods if t not in (",", "and", "of")]
    if not content:
        return None
    last, last_end = content[-1]
    low = last.lower()
    if low in UNIT_OF or (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "ous", "us", "is"))):
        idx = max(j for j, (t, _) in enumerate(mods) if t == last)
        return "other", last, last_end, [t for t, _ in mods[:idx]]
    return None


def _noun_phrase(text: str, n: Number) -> _Phrase | None:
    """(kind, head noun, end offset, modifiers) of the noun phrase a number opens."""
    tail = text[n.end:n.end + 160]
    m = re.match(r"(?P<u>[A-Za-z]{1,3})\b", tail)
    if m:  # an attached unit: "9,061mt", "105MM"
        return "other", m.group("u").lower(), n.end + m.end(), []
    tokens = [(t.group(0), n.end + t.start(), n.end + t.end()) for t in _TOKEN_RE.finditer(tail)]
    found, mods = _scan_phrase(tokens, _restated_skip(tokens, n), n)
    return found if found else _last_modifier_as_head(mods)


def non_count_reason(text: str, n: Number) -> str | None:
    """Why a number is not a count, or None if it may be one: year, date, duration,
    ordinal_or_edition, list_marker, document_reference, restated, compound."""
    lex = lexicon.current()
    if not lex.english:
        return lexical.non_count_reason(text, n, lex)
    before = text[max(0, n.start - 40):n.start]
    after = text[n.end:n.end + 40]
    if n.is_year_like:
        return "year"
    # a number restated in brackets after its word: "six (6)"
    if before.endswith("(") and after.startswith(")"):
        prev = find_numbers(before[:-1].rstrip()[-25:])
        if prev and prev[-1].value == n.value and before[:-1].rstrip().endswith(prev[-1].text):
            return "restated"
    # year ranges and suffixes: "2014-15", "2015-2018"
    if re.search(r"(?:19|20)\d\d\s*[-–/]\s*$", before) or re.match(r"\s*[-–]\s*(?:19|20)\d\d\b", after) and n.value < 100:
        return "date"
    if re.search(rf"\b(?:{_MONTH_RE})\.?\s+(?:\d{{1,2}}\s*[-–]\s*)?$", before) and n.value <= 31:
        return "date"
    if re.match(rf"\s*(?:[-–]\s*\d{{1,2}}\s+)?(?:of\s+)?(?:{_MONTH_RE})\b", after) and n.value <= 31:
        return "date"
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return "ordinal_or_edition"
    m = re.match(r"-([A-Za-z]+)", after)
    if m:
        return "duration" if m.group(1).lower().rstrip("s") in {u.rstrip("s") for u in _TIME_UNITS} else "compound"
    m = re.match(r"\s+([A-Za-z]+)", after)
    if m and m.group(1).lower() in _TIME_UNITS:
        return "duration"
    # list markers: "1) Onsite", "3.) ...", "(2) the", at the start or after a break
    if re.match(r"\.?\)\s", after) and (re.search(r"(?:^|[\s:;,])\(?$", before)):
        if not re.search(r"[A-Za-z][\w.]*\s*\($", before) or re.search(r"(?:^|[:;,.]\s*|\band\s+)\($", before):
            return "list_marker"
    if re.match(r"[./]\d", after) or re.search(r"\d[./]$", before) or re.search(r"/\s*$", before):
        return "document_reference"
    prev_word = re.search(r"([A-Za-z][\w.\-]*)\s*$", before)
    if prev_word:
        w = prev_word.group(1)
        if w.lower() in _DOCUMENT_WORDS and not n.is_word:
            return "document_reference"   # "Resolution 2231 inspectors may…": the number names the document
        if w.lower() in _REFERENCE_WORDS or (re.fullmatch(r"[A-Z][A-Z0-9\-]{1,9}\.?", w) and w not in ("I", "A")):
            phrase = _noun_phrase(text, n)
            if phrase is None or (phrase[0] == "other" and phrase[1].lower() not in UNIT_OF):
                return "document_reference"
        # "Agreement 15464", "Resolution 908": a large number right after a capitalised word
        if w[:1].isupper() and n.value >= 100 and not n.is_word and before.rstrip().endswith(w) \
                and _noun_phrase(text, n) is None:
            return "document_reference"
    return None


def find_counts(text: str) -> list[Count]:
    """Every number in ``text`` that counts something, with what it counts."""
    lex = lexicon.current()
    if not lex.english:
        return lexical.find_counts(text, lex)
    text = text or ""
    out: list[Count] = []
    for n in amounts.read(text, find_numbers(text), lex, qualifier_before):
        if out and n.start < out[-1].end:
            continue  # inside the phrase of the previous count ("seven 105MM shells")
        group = amounts.sized_group(text, n, lex)
        if group and not n.is_year_like and not is_money(text, n):   # "a 40-strong delegation": 40 people
            out.append(Count("participants", n.value, n.qualifier, group[0], "participants", "",
                             text[n.start:group[1]], n.start, group[1], n))
            continue
        if non_count_reason(text, n):
            continue
        whole = people.total_of_people(text, n.start, n.end, _is_people, lex)
        if whole:     # "Officers of A and of B, 44 in all, practised": the people named before it
            out.append(Count("participants", n.value, n.qualifier, whole[0], "participants", "",
                             text[n.start:whole[1]], n.start, whole[1], n))
            continue
        run = amounts.run_of(text, n, lex, EVENT_NOUNS)
        if run:    # "three rounds of consultations": the runs of one kind of event
            out.append(Count("events", n.value, n.qualifier, run[0], "events", run[1], text[n.start:run[2]],
                             n.start, run[2], n))
            continue
        np = _noun_phrase(text, n)
        if np is None:
            continue
        kind, head, end, mods = np
        if kind != "other" and is_money(text, n):
            continue
        low = head.lower()
        if kind == "participants":
            unit, atype = "participants", ""
        elif kind == "events":
            unit = "events"
            atype = MULTIWORD_NOUNS.get(tuple(low.split())) if " " in low else EVENT_NOUNS.get(low, "other")
            if atype in (None, "people"):
                atype = "meeting"
            mod_low = [m.lower() for m in mods]
            if atype in ("other", "meeting") and "training" in mod_low:
                atype = "course"
        else:
            unit = UNIT_OF.get(low) or snake_case(low)
            atype = ""
        # the value is an integer count unless written with a decimal part
        out.append(Count(kind, n.value, n.qualifier, head, unit, atype or "", text[n.start:end],
                         n.start, end, n))
    return amounts.list_counts(text, lex, out)


def month_in(text: str) -> int | None:
    """The month a text names, when it names exactly one ("in March 2014" → 3)."""
    lex = lexicon.current()
    if not lex.english:
        return lexical.month_in(text, lex)
    found = set()
    for m in re.finditer(r"\b(January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)\b", text or ""):
        name = m.group(1)
        if name == "May":
            # "May" is also a verb: only as a month next to a date word
            ctx_before = text[max(0, m.start() - 8):m.start()]
            ctx_after = text[m.end():m.end() + 6]
            if not (re.search(r"\b(?:in|In|of|during|During|since|until|on|from|by|early|late|mid-?)\s+$", ctx_before)
                    or re.match(r"\s*(?:\d|,)", ctx_after)):
                continue
        found.add(MONTHS[name.lower()])
    return found.pop() if len(found) == 1 else None
