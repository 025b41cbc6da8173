"""Bodies a sentence names without a cue of credit, by the shape of the words around
their name (read by :mod:`.org_mentions` and :mod:`.credit`):

* a **common noun for a body** right before a name makes it a body's, one word or more:
  "the software firm Vantix", "the NGO Casa Abierta", "la empresa Aceros del Sur", "la
  firma Datalia" (English's nouns here; Spanish's the lexicon's ``credit_partner`` rows
  of value "body_noun");
* a **one-word name opening a clause** (after a semicolon, a colon or ", and") with a
  finite past verb after it is a body at work ("…; Vantix hosted the servers"): a word
  written with a capital there is a name, not the first word of a sentence;
* a body of a state **named by its possessive** ("Peru's National Forestry Service") is
  the participants' own ("Peru's National Police sent 40 officers"), unless it is the
  subject of its own verb and its part of the clause names no people ("Peru's National
  Forestry Service mapped the sites"); then it is proposed under its proper name, "<name>
  of <state>" ("National Forestry Service of Peru"), or the name as written when it has
  its acronym ("National Forestry Service (SERFOR)");
* a body that **receives what the work handed over** ("turned over six scanners to the
  X", "donated radios to the Y", "entregó a la Dirección Z ocho quioscos") is a
  beneficiary, not a partner (Spanish's verbs: the lexicon's ``not_partner`` rows of
  value "handover")."""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from hemiplan.ingest import clause_roles, cues
from hemiplan.reading import entities, lexicon, numbers, people

_BODY_NOUNS_EN = (r"company|firm|corporation|enterprise|start-?up|conglomerate|NGO|"
                  r"non-governmental\s+organi[sz]ation|charity|foundation|think[\s-]tank|consultancy|"
                  r"manufacturer|provider|vendor|maker|developer|insurer|bank|carrier|operator|broadcaster")
_HANDOVER_EN = (r"(?:handed|turned)\s+over|delivered|donated|transferred|gave|presented|supplied|entrusted|"
                r"made\s+available|bequeathed|(?:hand|turn)(?:ed)?\s+over")
_POSSESSIVE_RE = re.compile(r"^(.+?)(?:'s|’s)\s+(.+)$")
_OPENING_RE = re.compile(r"(?:[;:]|,\s+(?:and|but|while|y|pero|mientras))$")
_CLAUSE_END_RE = re.compile(r"[.;:](?=\s|$)|,\s+(?:and|but|while|whereas|y|pero|mientras|aunque)\s")
_PEOPLE = cues.Cue("people_word", re.compile(
    r"\b(?:" + "|".join(sorted(numbers.PEOPLE_NOUNS, key=len, reverse=True)) + r")\b", re.I))


@lru_cache(maxsize=8)
def _patterns(lex: lexicon.Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """(a body noun right before a name, a verb of handing over and "to" right before it)."""
    art = r"(?:the|a|an|its|la|el|una?|su)\s+"
    if lex.english:
        nouns, handover, to = _BODY_NOUNS_EN, _HANDOVER_EN, r"to\s+(?:the\s+)?"
    else:
        nouns = lexicon.alternation_of(t for t, v in lex.of("credit_partner").items() if v == "body_noun")
        handover = lexicon.alternation_of(t for t, v in lex.of("not_partner").items() if v == "handover")
        to = rf"(?:a|al)\s+(?:(?:{lex.alternation('article')})\s+)?"
    # English equips its recipient as the object ("equipped the X Police Force with radios"); Spanish
    # says "dotó a la X de radios" (a handover verb and "a")
    equip = rf"|(?<!\w)(?:equipped|outfitted|furnished)\s+(?:the\s+)?$" if lex.english else ""
    return (re.compile(rf"(?<!\w){art}(?:[\w-]+\s+){{0,2}}?(?:{nouns})\s+$", re.I),
            re.compile(rf"(?<!\w)(?:{handover})\s+(?:[^\s.;:]+\s+){{0,8}}?{to}${equip}", re.I))


def body_noun_before(quote: str, s: int) -> bool:
    """Whether a common noun for a body stands right before the name at ``s`` ("the firm X")."""
    return bool(_patterns(lexicon.current())[0].search(quote[max(0, s - 60):s]))


def recipient(quote: str, s: int) -> bool:
    """Whether the body named at ``s`` receives what the work handed over ("delivered
    the kits to the X"): a beneficiary, not a partner."""
    return bool(_patterns(lexicon.current())[1].search(quote[max(0, s - 120):s]))


def lone_actor(quote: str, s: int, e: int) -> bool:
    """Whether a one-word name opens a clause with a finite past verb after it ("…; Vantix
    hosted the servers", "…, y Datalia aportó las licencias")."""
    return bool(_OPENING_RE.search(quote[max(0, s - 12):s].rstrip())) and clause_roles.is_subject(quote, e)


def _state(word: str) -> bool:
    if entities.country_matcher().codes(word):
        return True
    try:
        return bool(pycountry.countries.lookup(word))
    except LookupError:
        return False


def state_own(quote: str, s: int, e: int, name: str) -> bool:
    """Whether a name of a body of a state by its possessive ("X's Federal Police") is
    the participants' own: not the subject of its own verb, or its part of the clause
    names people ("sent 60 officers")."""
    m = _POSSESSIVE_RE.match(name)
    if not m or not _state(m.group(1)):
        return bool(m)
    if not clause_roles.is_subject(quote, e):
        return True
    end = _CLAUSE_END_RE.search(quote, e)
    part = quote[e:end.start() if end else len(quote)]
    return bool(_PEOPLE.search(part)) or any(people.is_agent(t) for t in re.findall(r"[^\W\d_]+", part))


def proper_name(name: str, acronym: str) -> str:
    """The name a body of a state named by its possessive is proposed under: "X's
    National Guard" → "National Guard of X"; with its acronym the name as written after
    the possessive ("X's National Network (NN)" → "National Network")."""
    m = _POSSESSIVE_RE.match(name)
    if not m or not _state(m.group(1)):
        return name
    return m.group(2) if acronym else f"{m.group(2)} of {m.group(1)}"
