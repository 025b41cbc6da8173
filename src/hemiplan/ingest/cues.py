"""The cues the drafting rules read in a sentence (a date bound, a future, a host, the
origin of the people, multinational attendance, joint work…), in the language of the
report being read.

For English a cue is the hand-written regular expression of the rule that uses it
(in :mod:`.draft`, :mod:`.setting`); for every other language it is built here, from
one template per cue, out of the words of the language's lexicon
(``data/reference/lexicon.csv``), so that a new language needs rows, not code. A
:class:`Cue` answers for the language set by :func:`hemiplan.reading.lexicon.using`
around the report (``draft`` sets it)."""
from __future__ import annotations

import re
from functools import lru_cache

from hemiplan.reading import lexicon, people as agents
from hemiplan.reading.lexicon import Lexicon


def _event_words(lex: Lexicon) -> str:
    """The event nouns that name one kind of event (not 'actividades', 'eventos')."""
    return lexicon.alternation_of(t for t, v in lex.of("event_noun").items() if v != "other")


def _of_value(lex: Lexicon, kind: str, value: str) -> str:
    """An alternation of the terms of ``kind`` whose value is ``value`` ("trip" verbs: "visitó")."""
    return lexicon.alternation_of(t for t, v in lex.of(kind).items() if v == value)


def _contracted(lex: Lexicon) -> str:
    """A region after "de" ("de Centroamérica", "de la región andina"), its article "el"
    joined to it as Spanish writes it ("del Caribe" for "de" + "el Caribe")."""
    regions = list(lex.of("region"))
    return lexicon.alternation_of([f"de {r}" for r in regions] + [f"del {r[3:]}" for r in regions
                                                                   if r.startswith("el ")])


def _trip_verbs(lex: Lexicon) -> str:
    """The verbs of going ("visitó", "viajó a"), each with room for a word of places gone to one
    after another (the lexicon's ``in_turn`` rows) after the verb: "visitó sucesivamente",
    "viajó sucesivamente a"."""
    turn = lex.alternation("in_turn")
    gap = rf"\s+(?:(?:{turn})\s+)?" if turn else r"\s+"
    verbs = [gap.join(re.escape(w) for w in t.split()) for t in lex.terms("trip") if lex.of("trip")[t] == "verb"]
    tail = rf"(?:\s+(?:{turn}))?" if turn else ""
    return "|".join(rf"{v}{tail}" for v in verbs) or r"(?!x)x"


def _capitalised(lex: Lexicon, kind: str) -> str:
    return "|".join(re.escape(t[:1].upper() + t[1:]) for t in lex.terms(kind)) or r"(?!x)x"


def _templates(lex: Lexicon) -> dict[str, str]:
    """One regular expression per cue, from the lexicon's words."""
    art = rf"(?:(?:{lex.alternation('article')})\s+)?"
    ev, every_event = _event_words(lex), lex.alternation("event_noun")
    # a noun for people: the lexicon's, or a plural that names people by its form ("redactores")
    link = lex.alternation("name_link")
    origin, people = lex.alternation("origin"), lex.alternation("people_noun") + "|" + agents.pattern(lex)
    # words that put a place, not a people, between a noun for people and a state
    place_words = "|".join(re.escape(t) for t in sorted(set(lex.of("trip_to"))
                                                        | {t for t in lex.of("host") if " " not in t}))
    return {
        "historical": rf"(?<!\w)(?:{lex.alternation('historical')})(?!\w)",
        "future": rf"(?<!\w)(?:{lex.alternation('future')})(?!\w)",
        "negative": rf"(?<!\w)(?:{lex.alternation('negative')})(?!\w)",
        "done": rf"(?<!\w)(?:{lex.alternation('done')})(?!\w)",
        "anaphora": rf"(?<!\w)(?:{lex.alternation('anaphora', 'article')})\s+(?:[\w-]+\s+){{0,2}}?"
                    rf"(?P<noun>{every_event})(?!\w)",
        "event_word": rf"(?<!\w)(?:{ev})(?!\w)",
        "people_word": rf"(?<!\w)(?:{people})(?!\w)",
        "partner_before": rf"(?<!\w)(?:{lex.alternation('partner')})\s+{art}$",
        "activity_noun": rf"(?<!\w)(?:{lex.alternation('activity_lead')})\s+(?:[\w-]+\s+){{0,4}}?(?:{ev})(?!\w)",
        "host_before": rf"(?<!\w)(?:{lex.alternation('host')})\s+{art}$",
        "trip_before": rf"(?<!\w)(?:{_of_value(lex, 'trip', '')})\s+(?:[\w-]+\s+){{0,3}}?(?:{lex.alternation('trip_to')})\s+{art}$|"
                       rf"(?<!\w)(?:{_trip_verbs(lex)})\s+{art}$",
        # a demonym after its noun is read by from_before ("policías peruanos"): none before one
        "people_after": r"(?!x)x",
        "own_people": r"(?!x)x",      # English only: the lexicon has no possessives
        "from_before": rf"(?:(?<!\w)(?:{origin})\s+{art}|(?<!\w)(?:{people})\s+"
                       rf"(?:(?!(?:{place_words})\s)[\w-]+\s+){{0,4}}?)$",
        "not_people": rf"(?<!\w)(?:{lex.alternation('not_people')})\s+(?:[\w-]+\s+){{0,2}}?(?:{origin})\s+{art}$",
        "list_gap": rf"^\s*(?:\([^()]{{0,20}}\)\s*)?(?:,\s*(?:(?:{lex.alternation('list_join')})\s+)?|"
                    rf"(?:{lex.alternation('list_join')})\s+|&\s+){art}$|^[\s,]*$",
        "multi": rf"(?<!\w)(?:{lex.alternation('multinational')})(?!\w)|(?<!\w)(?:{origin})\s+{art}"
                 rf"(?:[\w-]+\s+){{0,3}}?(?:{lex.alternation('states_noun')})(?!\w)|"
                 rf"(?<!\w)(?:{origin})\s+(?:{lex.alternation('region')})(?!\w)|"
                 # people of a region after "de" and its article ("analistas de las unidades … del Caribe")
                 rf"(?<!\w)(?:{people})\s+(?:[\w-]+\s+){{0,7}}?(?:{_contracted(lex)})(?!\w)",
        "people_of_body": rf"(?<!\w)(?:{people})\s+(?:(?:{link})\s+)+(?:(?-i:[A-ZÁÉÍÓÚÑ])[\w'’-]*\s+"
                          rf"(?:(?:{link})\s+)*){{1,8}}$",
        # people at work in a state's institutions ("epidemiólogos que trabajan en los observatorios
        # nacionales de", "oficiales de la unidad de fronteras de la"): the state's people; a relative
        # clause by its form, "que" and a plural verb ("que trabajan en", "que se desempeñan en")
        "people_at_work": rf"(?<!\w)(?:{people})\s+(?:que\s+(?:se\s+)?(?-i:[a-záéíóúñ])+(?:an|en)\s+(?:en|para|a|al)"
                          rf"|(?:{link}))\s+{art}"
                          rf"(?:(?!(?:{link})\s)(?-i:[a-záéíóúñ])[\w-]*\s+){{1,4}}(?:(?:{link})\s+)+"
                          rf"(?:(?-i:[A-ZÁÉÍÓÚÑ])[\w'’-]*\s+(?:(?:{link})\s+)*){{0,8}}$",
        "home": rf"(?<!\w)(?:{lex.alternation('home')})(?!\w)",
        "joint_before": rf"(?<!\w)(?:{lex.alternation('joint')})\s+{art}(?:[\w/’'-]+\s+){{0,3}}$",
        "other_deps": rf"(?<!\w)(?:{lex.alternation('joint')})\s+(?:{lex.alternation('other_dependencies')})(?!\w)",
        "joint_verb": rf"^\s+(?:(?:{lex.alternation('jointly')})\s+)?(?:{lex.alternation('joint_verb')})(?!\w)",
        "jointly": rf"(?<!\w)(?:{lex.alternation('jointly')})(?!\w)",
        "back": rf"(?<!\w)(?:{lex.alternation('anaphora')})\s+(?:[\w-]+\s+){{0,2}}?(?:{every_event})(?!\w)|"
                rf"(?:^|[.;:/]\s+)(?-i:{_capitalised(lex, 'article')})\s+(?:[\w-]+\s+){{0,2}}?(?:{every_event})(?!\w)",
        # people who gave the work, not its participants: the partner cues ending in "by" ("impartido por")
        "given_by": rf"(?<!\w)(?:{lexicon.alternation_of(t for t in lex.of('credit_partner') if t.endswith(' por'))})"
                    rf"\s+{art}$",
        "such_as": rf"(?<!\w)(?:{lex.alternation('such_as')})\s+|[:;]\s*",
        "lead_in": rf"^(?:(?:{lex.alternation('span_start', 'date_in')})\s+[^,]{{0,48}}?(?:(?:19|20)\d\d|"
                   rf"{lex.alternation('month', 'period')}),\s*|(?:{lex.alternation('lead_in')}),\s*)",
    }


@lru_cache(maxsize=8)
def _built(lex: Lexicon) -> dict[str, re.Pattern]:
    return {name: re.compile(rx, re.I) for name, rx in _templates(lex).items()}


class Cue:
    """A cue in the language being read: ``english`` (the rule's own pattern) for an
    English report, else the pattern built from the language's lexicon. Used as a
    compiled pattern (``search``, ``match``, ``finditer``)."""

    def __init__(self, name: str, english: re.Pattern):
        self.name, self.english = name, english

    def rx(self) -> re.Pattern:
        lex = lexicon.current()
        return self.english if lex.english else _built(lex)[self.name]

    def search(self, string: str, *args):
        return self.rx().search(string, *args)

    def match(self, string: str, *args):
        return self.rx().match(string, *args)

    def finditer(self, string: str, *args):
        return self.rx().finditer(string, *args)

    def sub(self, repl: str, string: str, count: int = 0):
        return self.rx().sub(repl, string, count=count)

    @property
    def pattern(self) -> str:
        return self.rx().pattern


def words(kind: str) -> set[str] | None:
    """The lower-case terms of one kind in the language being read, or None for
    English (whose rules keep their own word lists)."""
    lex = lexicon.current()
    return None if lex.english else {t.lower() for t in lex.of(kind)}


def event_nouns() -> dict[str, str] | None:
    """Event noun → activity type in the language being read (None for English)."""
    lex = lexicon.current()
    return None if lex.english else {t.lower(): v for t, v in lex.of("event_noun").items()}
