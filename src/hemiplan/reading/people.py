"""Whether a noun names people by its form, when the word lists do not know it.

The nouns for people of :data:`hemiplan.reading.numbers.PEOPLE_NOUNS` (and a
language's ``people_noun`` rows) cannot list every trade a report names ("18 drafters
of legislation", "44 statisticians", "redactores de leyes"). A plural noun that ends in
an agent suffix (English: -ers, -ors, -ists, -ians, -ants, -ents but not -ments, -ees;
Spanish: the lexicon's ``agent_suffix`` rows: -ores, -istas, -antes, -entes, -eros and the
feminine -doras, -toras, -soras) names people unless it is one of the things or adjectives
with that ending (English: the stop list below; Spanish: the lexicon's ``not_agent`` rows:
"sectores", "fronteras", "impresoras"…). Things
counted by words with other endings ("12 modules", "30 laptops", "5 countries") are never
people by form.

:func:`is_agent` answers for one word; :func:`pattern` gives the same test as a regular
expression, for the cues that look for a noun for people in a sentence."""
from __future__ import annotations

import re
from functools import lru_cache

from hemiplan.reading import lexicon
from hemiplan.reading.lexicon import Lexicon

#: English agent suffixes of plural nouns for people ("-ments" is never one: documents).
SUFFIXES_EN = ("ers", "ors", "ists", "ians", "ants", "ents", "ees")
#: English plurals with an agent suffix that name things or bodies, not people.
NOT_PEOPLE_EN = frozenset("""
computers containers papers centers centres chapters letters numbers posters servers routers scanners printers
folders markers trailers towers headquarters quarters matters waters borders corners filters layers parameters
registers meters metres liters litres kilometers kilometres offers orders powers others answers flyers stickers
banners covers lockers tankers carriers boosters transfers vouchers ledgers binders clusters loaders dossiers
powders cylinders hammers thrillers dispensers chargers adapters helicopters characters headers footers
containers freighters airliners steamers trawlers burners barriers shelters tenders ballots remainders reminders
holders buffers modifiers identifiers transmitters receivers amplifiers transformers shakers
sectors factors indicators vectors motors detectors colors errors floors doors reactors corridors processors tractors
simulators sensors mirrors connectors monitors generators accelerators incubators calculators elevators escalators
radiators descriptors semiconductors ventilators compressors projectors precursors donors sponsors partners
contributors actors corridors interiors exteriors
lists checklists wrists twists playlists mists
grants plants implants restaurants pollutants variants stimulants depressants lubricants warrants covenants
sealants coolants disinfectants deodorants oxidants intoxicants inhalants elephants pants ants
events incidents accidents contents percents patents currents solvents reagents precedents antecedents continents
ingredients nutrients talents components agents
committees fees degrees trees guarantees decrees knees coffees jamborees jubilees levees pedigrees
""".split())
_MIN_LETTERS = 5


#: English plurals of compounds for people: "fishermen", "businesswomen", "chairpersons", "tradespeople".
COMPOUND_HEADS_EN = ("men", "persons", "people")
#: Words with those endings that are not people.
NOT_COMPOUND_EN = frozenset("abdomen regimen specimen hymen omen stamen semen amen acumen bitumen albumen lumen "
                            "numen cognomen".split())


def _english(word: str) -> bool:
    low = word.lower()
    if low.endswith(COMPOUND_HEADS_EN) and len(low) >= 6 and low.isalpha() and low not in NOT_COMPOUND_EN:
        return True
    return (len(low) >= _MIN_LETTERS and low.isalpha() and low.endswith(SUFFIXES_EN) and not low.endswith("ments")
            and low not in NOT_PEOPLE_EN)


def is_agent(word: str, lex: Lexicon | None = None) -> bool:
    """True when ``word`` (a lower-case plural, as written) names people by its form in
    the language of ``lex`` (default: the one being read). A capitalised word is a
    name, not a trade."""
    lex = lex or lexicon.current()
    if not word or not word[:1].islower():
        return False
    if lex.english:
        return _english(word)
    low = word.lower()
    return (len(low) >= _MIN_LETTERS and low.isalpha() and low.endswith(tuple(lex.of("agent_suffix")))
            and lex.value("not_agent", low) is None)


@lru_cache(maxsize=8)
def _pattern(lex: Lexicon) -> str:
    if lex.english:
        suffixes, stop = SUFFIXES_EN + COMPOUND_HEADS_EN, NOT_PEOPLE_EN | NOT_COMPOUND_EN
    else:
        suffixes, stop = tuple(lex.of("agent_suffix")), {t.lower() for t in lex.of("not_agent")}
    if not suffixes:
        return r"(?!x)x"
    ends = "|".join(r"(?<!m)ents" if s == "ents" else re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    not_stop = rf"(?!(?:{'|'.join(sorted(stop, key=len, reverse=True))})(?!\w))" if stop else ""
    # a lower-case first letter, written in the pattern so that a case-blind pattern keeps it
    return rf"{not_stop}(?-i:[a-záéíóúñ])[^\W\d_]{{{_MIN_LETTERS - 2},}}?(?:{ends})(?!\w)"


def pattern(lex: Lexicon | None = None) -> str:
    """A regular expression (no groups) matching one word :func:`is_agent` accepts."""
    return _pattern(lex or lexicon.current())


#: English words after a figure that make it a total: ", 44 in all", ", 30 altogether". Another
#: language's are its lexicon's ``in_all`` rows ("en total", "en conjunto").
IN_ALL_EN = ("in all", "in total", "altogether", "all told")


def total_of_people(text: str, start: int, end: int, is_people, lex: Lexicon | None = None) -> tuple[str, int] | None:
    """(the noun for people, the end of the figure's phrase) when the figure at ``start:end``
    is set off by a comma and totals people named just before it in its clause ("Customs and
    immigration officers of A and of B, 44 in all, …", "Fiscales de A y de B, 36 en total, …"),
    else None. ``is_people`` tells a lower-case noun for people."""
    lex = lex or lexicon.current()
    terms = IN_ALL_EN if lex.english else tuple(lex.of("in_all"))
    if not terms:
        return None
    after = re.compile(r"\s+(?:" + lexicon.alternation_of(terms) + r")(?!\w)", re.I).match(text, end)
    before = text[max(0, start - 120):start]
    if not after or not re.search(r",\s*$", before):
        return None
    words = re.findall(r"[^\W\d_][\w'’-]*", re.split(r"[.;:•·]", before)[-1])
    # a capital only on the clause's first word ("Wardens of A and of B, 30 in all"); else a name
    nouns = [w for i, w in enumerate(words) if is_people(w.lower()) and (w[:1].islower() or i == 0)]
    return (nouns[-1], after.end()) if nouns else None
