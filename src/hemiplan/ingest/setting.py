"""When, where, by whom and for whom a draft activity was held, read from its sentence:
the year and months of holding, the host state apart from the states whose people
took part, multinational attendance, joint work of several dependencies, and how its
number of events is known. Every judgement the draft makes is written in its ``note``
(so that drafts validate) and raised as a flag for the review summary.

The rules read the shape of a sentence ("held in", "officials from", "in partnership
with", "regional"), never one report's wording. The patterns here are English's; a report in
another language reads the same cues from its lexicon (:mod:`.cues`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from hemiplan.ingest import credit, cues, done_work, past_tense, state_shapes
from hemiplan.reading import entities, lexicon, numbers, people
from hemiplan.reading.dates import HeldDate, held_dates

#: Words before a member state that make it the place of holding.
_HOST_BEFORE_RE = cues.Cue("host_before", re.compile(
    r"(?:\b(?:[Ii]n|[Aa]t|[Ii]nside|[Oo]utside|[Nn]ear|[Oo]ff(?:\s+the\s+coast\s+of)?)\s+(?:the\s+)?(?:city\s+of\s+)?|"
    r"\bhosted\s+by\s+"
    r"(?:the\s+)?(?:[Gg]overnment\s+of\s+(?:the\s+)?)?)$"))
#: Words saying places were gone to one after another ("in succession", "in turn", "successively").
_IN_TURN = r"(?:in\s+(?:succession|turn|sequence)|successively|consecutively|one\s+after\s+(?:the\s+)?(?:another|other))"
#: Words before a member state that make it where a mission or visit went: a state it served,
#: not a host ("missions to Guyana, Ecuador and Grenada", "the evaluators moved on to Guyana").
_TRIP_BEFORE_RE = cues.Cue("trip_before", re.compile(
    rf"\b(?:visits?|missions?|trips?)\s+(?:[\w/-]+\s+){{0,6}}?to\s+(?:the\s+)?$|\bvisited\s+(?:{_IN_TURN}\s+)?(?:the\s+)?$|"
    # a past verb of going ("travelled to", "moved on to", "flew back to", "went in succession to"):
    # where its subject went
    r"\b(?:travell?ed|went|moved|flew|journeyed|headed|proceeded|returned|deployed|sailed|drove|toured)\s+"
    rf"(?:(?:on|back|out|onward|onwards|together|{_IN_TURN})\s+)?(?:to\s+)?(?:the\s+)?$", re.I))
#: A noun for people: a known one, or a plural that names people by its form ("statisticians").
_PEOPLE = "|".join(sorted(numbers.PEOPLE_NOUNS, key=len, reverse=True)) + "|" + people.pattern(lexicon.load("en"))
#: The same, a known noun also capitalised as a sentence's first word ("Officers of the Jamaica …").
_PEOPLE_ANY_CASE = "(?i:" + "|".join(sorted(numbers.PEOPLE_NOUNS, key=len, reverse=True)) + ")|" + \
    people.pattern(lexicon.load("en"))
#: A member state's adjective before a noun for people ("38 Barbadian customs officers").
_PEOPLE_AFTER_RE = cues.Cue("people_after", re.compile(
    rf"^\s+(?:(?!(?:for|in|to|at|on|with|and|of|from|by)\b)[A-Za-z][\w-]*\s+){{0,2}}?(?:{_PEOPLE})\b"))
#: A clause announcing later work ("a third, to Saint Lucia, is scheduled for the following year").
_FUTURE_RE = cues.Cue("future", re.compile(
    r"\b(?:will|shall|plans?\s+to|intends?\s+to|(?:is|are)\s+(?:expected|scheduled|planned|to\s+be)|"
    r"scheduled\s+for|planned\s+for|postponed|deferred|rescheduled|put\s+off|called\s+off|cancell?ed)\b", re.I))
#: Words before a member state that make it the origin of the people or the beneficiary.
_FROM_BEFORE_RE = cues.Cue("from_before", re.compile(
    r"\b(?:[Ff]rom|[Ff]or)\s+(?:the\s+)?$|\b(?:countries|states|nations)\s*\(\s*$|"
    rf"\b(?:{_PEOPLE_ANY_CASE})\s+of\s+(?:the\s+)?$|"
    # people and others of a trade the lists do not know ("legal officers and court clerks of")
    rf"\b(?:{_PEOPLE_ANY_CASE})\s+(?:and|or)\s+(?:[a-z][\w-]*\s+){{1,2}}of\s+(?:the\s+)?$|"
    r"\b(?:such\s+as|including(?:,?\s+among\s+others)?),?\s+(?:the\s+)?$"))
#: The small words inside a body's name as written in its own language in an English text
#: ("the Carabineros de Chile", "the Policía Nacional del Perú", "the Polícia Federal do Brasil").
_FOREIGN_LINKS = r"de|del|de\s+la|de\s+los|da|do|dos|das|des|du|di"
#: People of a named body of a state ("detectives of the Criminal Investigation Department of
#: the Guyana Police Force", "officers of the Ministry of Security of Chile"): the state's people.
_PEOPLE_OF_BODY_RE = cues.Cue("people_of_body", re.compile(
    rf"\b(?:{_PEOPLE_ANY_CASE})\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|{_FOREIGN_LINKS})\s+(?:the\s+)?)?){{1,8}}$"))
#: People at work in a state's institutions, named by lower-case words ("epidemiologists working for
#: the national drug observatories of", "officers of the border unit of the", "clerks attached to the
#: ministries of"): the state's people.
_PEOPLE_AT_WORK_RE = cues.Cue("people_at_work", re.compile(
    rf"\b(?:{_PEOPLE_ANY_CASE})\s+(?:(?:working|serving|employed|based|attached|assigned|posted|seconded)\s+"
    rf"(?:for|in|at|to|by|with|from)|of)\s+(?:the\s+)?(?:(?!(?:of|for|in|to|at|from|and)\s)[a-z][\w-]*\s+){{1,4}}"
    rf"(?:of|in)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|{_FOREIGN_LINKS})\s+(?:the\s+)?)?){{0,8}}$"))
#: A state after a body's name and "de" ("la Policía Federal de México"): part of the name, not
#: whose people (Spanish "de" is also "from"; people of the body are read by _PEOPLE_OF_BODY_RE);
#: a state's government ("el Gobierno de X") is the state itself.
_IN_NAME_RE = re.compile(r"(?<![.;:]\s)(?!Gobierno\s)(?-i:[A-ZÁÉÍÓÚÑ])[\w'’-]*(?:\s+\([A-ZÁÉÍÓÚÑ]{2,}\))?\s+(?:de|del)\s+"
                         r"(?:(?:la|el|los|las)\s+)?$")
#: Words before "from" that make the state a source of money or a request, not of people.
_NOT_PEOPLE_RE = cues.Cue("not_people", re.compile(
    r"\b(?:support|funding|financing|funds|contributions?|assistance|donations?|grants?|"
    r"resources|requests?|help|cooperation|sponsorship)\s+(?:\w+\s+)?from\s+(?:the\s+)?$",
    re.I))
#: Text between two member states of one list ("A, B and C", "of A and of B").
_LIST_GAP_RE = cues.Cue("list_gap", re.compile(
    r"^\s*(?:\([^()]{0,20}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s+|y\s+)(?:(?:of|from)\s+)?(?:the\s+)?$|^[\s,]*$"))
#: A second place of one trip: "… and to B", "… y a B" (after a state visited).
_AND_TO_RE = re.compile(r"^[^.;:]{0,40}?(?:\band|\by|,)\s+(?:then\s+|luego\s+|later\s+|después\s+)?"
                        r"(?:on\s+)?(?:to|a|al)\s+(?:the\s+|la\s+|el\s+)?$")
_NUMBER_WORDS = "|".join(sorted(set(numbers.UNITS) | set(numbers.TENS), key=len, reverse=True))
#: Words of an amount before a count of states ("from a dozen countries", "from some 20 states").
_ABOUT = r"some|about|around|over|nearly|almost|roughly|more\s+than|at\s+least|up\s+to|close\s+to"
_SEVERAL = (r"(?:a\s+|half\s+a\s+|a\s+half[\s-])?dozens?(?:\s+of)?|a\s+score\s+of|scores\s+of|"
            r"a\s+handful\s+of|a\s+number\s+of|several|various|numerous|many|multiple")
#: Officials of member states the text does not name.
_MULTI_RE = cues.Cue("multi", re.compile(
    r"\b[Mm]ulti-?national\b|\b(?:[Ss]ub-?)?[Rr]egional\b|\b(?:SUB-?)?REGIONAL\b|"
    r"\b(?:[Ff]rom|[Aa]mong|[Ff]or|[Oo]f|[Rr]epresenting)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,3}?(?:OAS\s+)?"
    r"[Mm]ember\s+[Ss]tates\b|"
    r"\b[Ff]rom\s+(?:the\s+|(?:across|throughout|all\s+over)\s+the\s+)?(?:region|hemisphere|Americas)\b|"
    # "from the Andean subregion", "from the Caribbean region": a region named by its adjective
    r"\b[Ff]rom\s+the\s+(?:[A-Z][\w-]*\s+){1,2}(?:sub-?)?region\b|"
    # "from across the Caribbean", "from Central America": a region of several states ("from the
    # Caribbean" alone stays the host states': "seminars in Nassau and Bridgetown … from the Caribbean")
    r"\b[Ff]rom\s+(?:across\s+(?:the\s+)?(?:Caribbean|Central\s+America|South\s+America|Latin\s+America|"
    r"Andean\s+region|Southern\s+Cone)|(?:Central|South|Latin)\s+America|the\s+Andean\s+region|"
    r"the\s+Southern\s+Cone)\b|"
    # "from 10 countries", "from eleven states", "from a dozen countries", "representing several
    # states": people of several states, not named
    rf"\b(?:[Ff]rom|[Rr]epresenting|[Oo]f)\s+(?:{_ABOUT}\s+)?(?:{_SEVERAL}|\d+|{_NUMBER_WORDS})\s+(?:[\w-]+\s+)?"
    r"(?:countries|states|nations)\b|"
    # "(police forces) across the Caribbean", "across the region": several states
    r"\b(?:across|throughout|(?:spread|scattered|dispersed)\s+(?:over|across|throughout))\s+(?:the\s+)?"
    r"(?:Caribbean|Central\s+America|South\s+America|Latin\s+America|Andean\s+region|"
    r"Southern\s+Cone|region|hemisphere|Americas)\b|"
    # "of the Eastern Caribbean": a part of a region, of several states
    r"\b(?:of|from)\s+(?:the\s+)?(?:Eastern|Western|Northern|Southern|wider|English-speaking|Dutch-speaking)\s+"
    r"Caribbean\b|"
    # "for Caribbean countries", "from five Central American countries", "of the Andean countries": a
    # region's name, capitalised
    r"\b(?:[Ff]or|[Ff]rom|[Oo]f)\s+(?:the\s+)?(?:[a-z\d][\w-]*\s+)?(?:[A-Z][\w-]*\s+){1,3}(?:countries|states|nations)\b|"
    # "40 Central American prosecutors", "Andean customs officers": people named by a region's adjective
    rf"\b(?:(?:Central|South|Latin)\s+American|Andean|Mesoamerican|Eastern\s+Caribbean)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE})\b"))
#: People of the host state only.
_HOME_RE = cues.Cue("home", re.compile(
    r"\bfrom\s+the\s+host\s+(?:country|state|nation)\b|\bin-country\b|\bnational\s+(?:[\w-]+\s+)"
    r"{0,3}?(?:courses?|workshops?|seminars?|trainings?|sessions?|meetings?|missions?|events?)\b",
    re.I))
#: People of a body the sentence has named ("the Assembly of Panama … with 20 of its advisers"):
#: the people of its one state.
_OWN_PEOPLE_RE = cues.Cue("own_people", re.compile(
    rf"\b(?:of|among)\s+(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE})\b", re.I))
_JOINT_WORDS = r"(?:in\s+(?:partnership|coordination|collaboration|cooperation)|jointly|together)\s+with"
_JOINT_BEFORE_RE = cues.Cue("joint_before", re.compile(_JOINT_WORDS + r"\s+(?:the\s+)?(?:[\w/’'-]+\s+){0,3}$", re.I))
_OTHER_DEPS_RE = cues.Cue("other_deps", re.compile(
    _JOINT_WORDS + r"\s+(?:the\s+|all\s+)?(?:(?:two|three|both)\s+)?other\s+"
    r"(?:(?:two|three)\s+)?"
    r"(?:SMS\s+)?(?:dependencies|departments|areas)\b", re.I))
_JOINT_VERB_RE = cues.Cue("joint_verb", re.compile(
    r"^\s+(?:also\s+|jointly\s+|together\s+)?(?:conducted|organi[sz]ed|co-?organi[sz]ed|"
    r"delivered|held|carried\s+out|implemented|developed|provided|trained|hosted|launched|"
    r"ran|convened|offered|gave|co-?hosted)\b", re.I))
#: The word of a dependency's name after its acronym ("the CICTE Secretariat and the DPS").
_TITLE_RE = re.compile(r"^\s+(?:Executive\s+)?Secretariat\b")
_JOINTLY_RE = cues.Cue("jointly", re.compile(r"\bjointly\b"))
_SUCH_AS_RE = cues.Cue("such_as", re.compile(r"\bsuch\s+as\s+|[:;]\s*"))
_DEPENDENCIES = ("CICAD", "CICTE", "DPS")
#: Words that say "more than one" without a number.
_SOME = frozenset("several various numerous many multiple".split())
_PLURAL_EVENTS = frozenset(k for k in numbers.EVENT_NOUNS if k.endswith("s") and k not in ("class", "congress")) \
    | {"fora", "symposia"}
#: Anaphora that tie a sentence to the one before it ("This event was attended by…").
_NOUNS = "|".join(sorted(numbers.EVENT_NOUNS, key=len, reverse=True))
_BACK_RE = cues.Cue("back", re.compile(
    rf"\b(?:[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose|[Ss]uch|[Bb]oth|[Aa]nother|[Ss]aid)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_NOUNS})\b|(?:^|[.;:/]\s+(?:/\s+)?)The\s+(?:[\w-]+\s+){{0,2}}?(?:{_NOUNS})\b"))


@dataclass
class Setting:
    """The drafted fields, with the notes they need and the flags for the reviewer."""
    values: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def judge(self, note: str, flag: str) -> None:
        self.notes.append(note)
        self.flags.append(flag)


def dated_items(sentence: str) -> list[tuple[int, int]]:
    """Spans of the events a sentence lists each with its place and year ("the
    conferences (A, 2011, B, 2013; and C, 2014)", "such as X (Davos, 2015) and Y
    (Dubai, 2014)"): one span per dated place, from the end of the previous item (or
    from "such as", "(", ":") to the date; [] unless two or more are listed."""
    dated = [d for d in held_dates(sentence) if d.kind == "place"]
    if len(dated) < 2:
        return []
    out, start = [], 0
    for d in dated:
        head = sentence[start:d.start]
        cut = max((m.end() for m in _SUCH_AS_RE.finditer(head)), default=0)
        if not cut and not start:   # the first item: from the bracket or comma that opens the list
            cut = max((m.end() for m in re.finditer(r"\(\s*|,\s+", head)), default=0)
        a = start + cut
        a += len(re.match(r"[\s,;)]*(?:and\s+)?", sentence[a:]).group(0))
        b = d.end + (1 if sentence[d.end:d.end + 1] == ")" and "(" in sentence[a:d.start] else 0)
        out.append((a, b))
        start = b
    return out


def refers_back(quote: str) -> bool:
    """Whether a quote speaks of an event named in an earlier sentence."""
    return bool(_BACK_RE.search(quote))


def _pick(dates: list[HeldDate], year: int) -> tuple[int, HeldDate, list[int]]:
    """(year held, its date, every year named) of the dates found: the one year named,
    else the report's year if it is among them, else the first named."""
    resolved = [(d.year if d.year is not None else year + d.offset, d) for d in dates]
    years = sorted({y for y, _ in resolved})
    wanted = years[0] if len(years) == 1 else (year if year in years else resolved[0][0])
    chosen = [d for y, d in resolved if y == wanted]
    with_month = [d for d in chosen if d.month]
    return wanted, (with_month[0] if len({d.month for d in with_month}) == 1 else chosen[0]), years


#: How far from the report year a date may be and still date one of its activities
#: (an older year is history: "the convention adopted in 1997").
_NEAR_YEARS = 10


def _near(text: str, year: int) -> list[HeldDate]:
    """The dates of holding in ``text`` close enough to the report year."""
    return [d for d in held_dates(text) if d.year is None
            or (abs(d.year - year) <= _NEAR_YEARS and (d.since is None or year - d.since <= _NEAR_YEARS))]


def when(s: Setting, quote: str, earlier: list[str], year: int) -> None:
    """held_year, held_since, month and month_end of a quote, or of the nearest
    earlier sentence with a date when the quote refers back to an event ("This
    event…"); a note when it was not held in the report year."""
    later = planned_spans(quote)
    dates = [d for d in _near(quote, year) if not any(a <= d.start < b for a, b in later)]
    if not dates and refers_back(quote):
        # the nearest earlier sentence with a calendar date, else with a relative one
        found = [_near(e, year) for e in earlier]
        dates = next((f for f in found if any(d.year for d in f)), None) or next((f for f in found if f), [])
        if dates:
            s.flags.append("date taken from an earlier sentence")
    if not dates:
        s.values.update(held_year=year, held_since="", month=numbers.month_in(quote) or "", month_end="")
        return
    held, d, years = _pick(dates, year)
    month = d.month or (numbers.month_in(quote) if len(dates) == 1 and held == year else None)
    s.values.update(held_year=held, held_since=d.since or "", month=month or "", month_end=d.month_end or "")
    if len(years) > 1:
        s.flags.append(f"several years named ({', '.join(map(str, years))}): check the year held")
    if d.since:
        s.judge(f"Draft: held over {d.since}-{held} per the text (“{d.text}”): check.", f"held {d.since}-{held}?")
    elif held != year:
        s.judge(f"Draft: held in {held} per the text (“{d.text}”), not in the report year {year}: check.",
                f"held in {held}?")


def planned_spans(text: str) -> list[tuple[int, int]]:
    """The clauses (between semicolons) of a text that announce later work, when another
    clause reports work done: what they name is not of the report year."""
    spans, start = [], 0
    for m in list(re.finditer(r";", text)) + [None]:
        end = m.start() if m else len(text)
        spans.append((start, end, bool(_FUTURE_RE.search(text[start:end]))))
        start = end + 1
    return [(a, b) for a, b, future in spans if future] if any(not f for _, _, f in spans) else []


def outside_planned(text: str) -> str:
    """The text without its clauses of later work (:func:`planned_spans`)."""
    later = planned_spans(text)
    return "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in later)) if later else text


def _host_cue_holds_from_cue(before: str) -> bool:
    """Whether the words before a state end in a cue of a host that contains the cue of origin
    found there ("en la ciudad de ", "in the city of "): the place of holding."""
    host, origin = _HOST_BEFORE_RE.search(before), _FROM_BEFORE_RE.search(before)
    return bool(host and origin) and host.start() <= origin.start() and \
        bool(_PLACE_OF_RE.search(before[host.start():]))


#: A body's office and "in" before a place ("its regional bureau in", "la oficina regional en", "the
#: embassy in"): where the body sits, not where the work was held.
_SEAT_RE = re.compile(r"\b(?:bureau|office|branch|embassy|consulate|oficina|embajada|consulado)s?"
                      r"\s+(?:(?:regional|subregional|local|national|country|nacional|regionales)\s+)?(?:in|en|at)\s+"
                      r"(?:the\s+|la\s+|el\s+)?(?:city\s+of\s+|ciudad\s+de\s+)?$", re.I)
#: A noun of a place before "of"/"de" ("the city of", "la ciudad de", "la provincia de"): the
#: state or town after it is where (not "auspiciado por el Gobierno de", whose state paid).
_PLACE_OF_RE = re.compile(r"\b(?:city|town|province|department|municipality|island|capital|ciudad|provincia|"
                          r"departamento|municipio|isla|capital|localidad|villa)\s+(?:of|de|del)\s+(?:the\s+)?$", re.I)


def roles(text: str, found: list[tuple[str, str | None, int]]) -> dict[str, set[str]]:
    """The roles of each member state a text names: host (where it was held), from
    (whose people came, or whom it served), to (where a mission went), planned (named
    in a clause about later work) or other; a list inherits its first role."""
    out: dict[str, set[str]] = {}
    prev_role, prev_end, run = None, None, []
    later = planned_spans(text)
    for alias, code, off in found:
        before = text[max(0, off - 60):off]
        listed = prev_end is not None and _LIST_GAP_RE.match(text[prev_end:off])
        run = run + [code] if listed else [code]
        if any(a <= off < b for a, b in later):
            role = "planned"
        elif listed and prev_role == "other" and _PEOPLE_AFTER_RE.match(text[off + len(alias):]):
            role = "from"      # "Ecuadorian and Peruvian police officers": the whole list
            for c in run[:-1]:
                if c and "other" in out.get(c, set()):
                    out[c] = (out[c] - {"other"}) | {"from"}
        elif listed:
            role = prev_role
        elif prev_role == "to" and _AND_TO_RE.search(text[prev_end:off]):
            role = "to"        # "travelled to Suriname in March and to Guyana in May"
        elif _host_cue_holds_from_cue(before) or _PLACE_OF_RE.search(before) and \
                state_shapes.town_then_state(before, _HOST_BEFORE_RE):
            role = "host"      # "en la ciudad de X", "en Villarrica, departamento del X": that "de" is no "from"
        elif _FROM_BEFORE_RE.search(before) and not _NOT_PEOPLE_RE.search(before) and not _IN_NAME_RE.search(before) \
                or _PEOPLE_OF_BODY_RE.search(text[max(0, off - 160):off]) \
                or _PEOPLE_AT_WORK_RE.search(text[max(0, off - 160):off]):
            role = "from"
        elif state_shapes.state_body_sent_people(text[off + len(alias):]):
            role = "from"      # "Brazil's Federal Police sent 60 officers"
        elif _SEAT_RE.search(before):
            role = "other"     # "INTERPOL's regional bureau in X": where a body sits, not where the work was
        elif _HOST_BEFORE_RE.search(before) or re.match(r",\s*(?:19|20)\d\d\b", text[off + len(alias):]) \
                or state_shapes.town_then_state(before, _HOST_BEFORE_RE) \
                or state_shapes.venue_of_town(before, _HOST_BEFORE_RE):
            role = "host"
        elif _TRIP_BEFORE_RE.search(before):
            role = "to"
        elif _PEOPLE_AFTER_RE.match(text[off + len(alias):]):
            role = "from"
        else:
            role = "other"
        prev_role, prev_end = role, off + len(alias)
        if code:
            out.setdefault(code, set()).add(role)
    return out


def _of_missions(quote: str) -> bool:
    """Whether the quote names missions (an event noun of that type, in the language read)."""
    nouns = cues.event_nouns() or numbers.EVENT_NOUNS
    return any(v == "mission" and re.search(rf"(?<!\w){re.escape(k)}(?!\w)", quote, re.I) for k, v in nouns.items())


def _of_events(quote: str) -> bool:
    """Whether the quote names an event of a kind other than a mission ("workshops", "talleres")."""
    nouns = cues.event_nouns() or numbers.EVENT_NOUNS
    return any(v not in ("mission", "other") and re.search(rf"(?<!\w){re.escape(k)}(?!\w)", quote, re.I)
               for k, v in nouns.items())


def where(s: Setting, quote: str, found, fallback: list[str], participants, given: list[str] | None) -> None:
    """host, countries and attendance: a figure goes to a state only when the text
    ties the people to it; a multinational event is credited to its host as host only."""
    r = roles(quote, found)
    planned = sorted(c for c, had in r.items() if had == {"planned"})
    r = {c: had - {"planned"} for c, had in r.items() if had - {"planned"}}
    hosts = [c for c, had in r.items() if had == {"host"}]
    if len(hosts) > 1 and _of_missions(quote):   # missions "in A, B and C": one in each, no one host
        r.update({c: {"to"} for c in hosts})
    visited = sorted(c for c, had in r.items() if had == {"to"})
    if len(visited) > 1 and not _of_missions(quote) and _of_events(outside_planned(quote)):
        r.update({c: {"host"} for c in visited})   # "travelled to A and to B to deliver two workshops": held there
        visited = []
    s.values["visited"] = visited
    if len(visited) == 1:   # one mission's state is where it was held; missions to several have no one host
        r[visited[0]] = {"host"}
    if planned:
        s.judge(f"Draft: {', '.join(planned)} named for later work: not counted as host or served: check.",
                "later work named: not counted")
    host = sorted(c for c, had in r.items() if "host" in had)
    if not host and len(r) == 1 and not visited and \
            state_shapes.unknown_town(quote, _HOST_BEFORE_RE, entities.country_matcher()):
        host = sorted(r)       # held in a town the lists do not know, for one state's people: in that state
    origin = sorted(c for c, had in r.items() if "from" in had)
    everyone = sorted(r) or fallback
    multi, home = state_shapes.multinational(quote, _MULTI_RE, credit.words_of(lexicon.current()).heads), \
        state_shapes.lower_cue(quote, _HOME_RE)
    people = participants is not None
    if given is not None:
        s.values.update(host=[c for c in given if c in host], countries=given, attendance="named" if people else "")
    elif origin and not multi:
        s.values.update(host=host, countries=sorted(set(origin) | set(host if home else [])),
                        attendance="named" if people else "")
    elif multi and not home:
        s.values.update(host=host, countries=origin,
                        attendance=("named" if people else "") if origin else "multinational")
        if not origin:
            where_ = f"{', '.join(host)} as host only" if host else "no member state named as host"
            s.judge(f"Draft: multinational attendance (“{multi.group(0)}”): the participants' states are "
                    f"not named; {where_}, no state credited: check.", "multinational: host only")
    else:   # the states where it was held or whose people came, else every state named (served)
        served = sorted(set(host) | set(origin) | set(visited)) or everyone
        own = len(served) == 1 and _OWN_PEOPLE_RE.search(quote)
        s.values.update(host=host, countries=served,
                        attendance=("named" if home or own else "unstated") if people else "")
        if multi and home:
            s.flags.append("national and multinational words: check attendance")


def _dependency_spans(text: str, deps) -> list[tuple[int, int, str]]:
    return [(off, off + len(alias), t) for alias, t, off in deps.find(text) if t in _DEPENDENCIES]


def joint(s: Setting, quote: str, context: str, lead: str, deps) -> None:
    """joint_with: the other dependencies the text says led the work with the lead
    ("in partnership with", "jointly", "in coordination with", "A and B conducted")."""
    for text in (quote, context):
        spans = _dependency_spans(text, deps)
        together: set[str] = set()
        cue = _OTHER_DEPS_RE.search(text)
        if cue:
            together |= set(_DEPENDENCIES)
        for i, (a, b, dep) in enumerate(spans):
            m = _JOINT_BEFORE_RE.search(text[max(0, a - 60):a])
            if m:
                together.add(dep)
                cue = cue or m
            if i + 1 < len(spans) and done_work.verb_with(_TITLE_RE.sub("", text[b:spans[i + 1][0]])):
                together |= {dep, spans[i + 1][2]}    # "A teamed up with B"
                cue = cue or re.search(re.escape(text[a:spans[i + 1][1]]), text)
            run = [dep]
            j = i
            while j + 1 < len(spans) and _LIST_GAP_RE.match(_TITLE_RE.sub("", text[spans[j][1]:spans[j + 1][0]])):
                j += 1
                run.append(spans[j][2])
            after = _TITLE_RE.sub("", text[spans[j][1]:])     # "A and B trained": a verb, by its form too
            if len(set(run)) > 1 and (_JOINT_VERB_RE.match(after) or past_tense.verb_follows(after)
                                      or _JOINTLY_RE.search(text)):
                together |= set(run)
                cue = cue or re.search(re.escape(text[a:spans[j][1]]), text)
        others = sorted(together - {lead, "SMS"})
        if others:
            s.values["joint_with"] = others
            named = " and ".join(others)
            s.judge(f"Draft: joint work of {lead} with {named} per the text (“{cue.group(0).strip()}”): check.",
                    f"joint with {named}")
            return
    s.values["joint_with"] = []


def _event_words() -> tuple[set[str], set[str], set[str]]:
    """(event nouns, words for "several", plural event nouns) of the language being read."""
    nouns = cues.event_nouns()
    if nouns is None:
        return set(numbers.EVENT_NOUNS), set(_SOME), set(_PLURAL_EVENTS)
    mass = cues.words("mass_noun") or set()
    return set(nouns) - mass, cues.words("some") or set(), {n for n in nouns if n.endswith("s") and n not in mass}


def events_basis(s: Setting, quote: str, basis: str | None) -> None:
    """How the number of events is known: as the caller says when the text prints it
    (stated) or sums printed figures (counted); else counted for one event described,
    inferred (with a note) for a plural without a number: one per host state when the
    text lists several ("workshops in A, B and C"), else one."""
    if basis:
        s.values["events_basis"] = basis
        return
    nouns, some, plural = _event_words()
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", quote)]
    noun = next((after for i, word in enumerate(words) if word in some
                 for after in words[i + 1:i + 5] if after in nouns), None)
    at = next((i for i, w in enumerate(words) if w in nouns and w != "training"), None)
    # "assessment missions": the head is the last of the nouns in a row
    while at is not None and at + 1 < len(words) and words[at + 1] in nouns:
        at += 1
    first = None if at is None else words[at]
    if noun is None and first in plural:
        noun = first
    visited = s.values.get("visited") or []
    if noun is None and len(visited) > 1 and not any(w in nouns for w in re.findall(
            r"[A-Za-z][\w-]*", outside_planned(quote).lower())):
        # "a team visited A, B and C": a visit to each state named, no event noun to count
        s.values.update(events=len(visited), events_basis="inferred")
        s.judge(f"Draft: the number of visits is not stated: drafted as one to each of the {len(visited)} states "
                f"visited; check.", "events inferred (one per state visited)")
        return
    if noun is None:
        s.values["events_basis"] = "counted"
        return
    s.values["events_basis"] = "inferred"
    hosts = s.values.get("host") or s.values.get("visited") or []
    if len(hosts) > 1:
        s.values["events"] = len(hosts)
        s.judge(f"Draft: the number of {noun} is not stated: drafted as one in each of the {len(hosts)} states "
                f"where they were held; check.", f"events inferred ({noun}: one per host)")
    else:
        s.judge(f"Draft: the number of {noun} is not stated: drafted as one; check.", f"events inferred ({noun})")
