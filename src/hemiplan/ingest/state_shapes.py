"""Two shapes that tie a member state to an activity without a cue right before its name:

* a town the place lists do not know, then its state: "held in Liberia, Costa Rica",
  "en León, Guanajuato, México", "en San Miguel (El Salvador)" — the state is the host when a cue of a host comes before
  the town (:func:`town_then_state`);
* a state's body, by its possessive, that sent people: "Brazil's Federal Highway Police
  sent 60 patrol officers" — whose people they are (:func:`state_body_sent_people`,
  English: Spanish has no possessive of this form)."""
from __future__ import annotations

import re

from hemiplan.ingest import past_tense
from hemiplan.reading import lexicon, numbers, towns

#: A town's name then a comma or an opening bracket before its state ("Liberia, ", "San Miguel ("),
#: maybe with a noun of the place it is in ("Villarrica, department of ", "capital del departamento del ").
_TOWN = rf"(?:[A-ZÁÉÍÓÚÑ][\w'’.-]*\s+){{0,3}}[A-ZÁÉÍÓÚÑ][\w'’.-]*(?:,|\s*\()\s*(?:{towns.PLACE_NOUN}){{0,3}}$"
_PEOPLE = "|".join(sorted(numbers.PEOPLE_NOUNS, key=len, reverse=True))


def town_then_state(before: str, host_cue) -> bool:
    """Whether ``before`` (the text before a state's name) ends in a cue of a host and a
    town's name and a comma or a bracket ("… staged in Liberia, ", "en San Miguel (")."""
    town = re.search(_TOWN, before)
    if not town:
        return False
    # the town's name starts after the cue, which may be a capitalised word of the run ("In Trujillo, ")
    starts = [town.start()] + [town.start() + w.start() for w in re.finditer(r"(?<=\s)\S", town.group(0))]
    return any(a > 0 and (host_cue.search(before[:a]) or _after_cue_venue(before[:a], host_cue)) for a in starts)


#: A venue of a town named by common nouns before "of"/"de" ("the town hall of ", "el
#: ayuntamiento de ", "the main square of "): the town after it is still where.
_LOW_VENUE = re.compile(r"(?:(?:the|la|el|los|las)\s+)?(?:[a-záéíóúñ][\w'’-]*\s+){1,3}(?:of|de|del)\s+$")


def _after_cue_venue(before: str, host_cue) -> bool:
    """Whether ``before`` ends in a cue of a host, then a venue in lower-case words and "of"."""
    # every start of the venue, since a cue's own words are lower-case too ("en el ayuntamiento de")
    starts = [w.start() for w in re.finditer(r"(?<!\S)\S", before[-60:])]
    cut = max(0, len(before) - 60)
    return any(st + cut > 0 and _LOW_VENUE.fullmatch(before[st + cut:]) and host_cue.search(before[:st + cut])
               for st in starts)


def state_body_sent_people(after: str) -> bool:
    """Whether ``after`` (the text after a state's name) is its possessive, a body's name
    and a past verb followed, within a few words, by a noun for people."""
    if not lexicon.current().english:
        return False
    m = re.match(r"(?:'s|’s)\s+(?:[A-Z][\w-]*\s+){1,6}([a-z]+)\b([^.;]{0,40}?)\b(?:" + _PEOPLE + r")\b", after)
    return bool(m) and past_tense.is_past(m.group(1))


def venue_of_town(before: str, host_cue) -> bool:
    """Whether ``before`` ends in a cue of a host and a venue named after the town that
    follows ("… at the University of [Guadalajara]", "en la Academia de Policía de [X]")."""
    venue = re.search(r"(?:(?:the|la|el)\s+)?(?:[A-ZÁÉÍÓÚÑ][\w'’-]*\s+(?:(?:of|de|del|for|para)\s+)?){1,5}"
                      r"(?:of|de|del)\s+$", before)
    return bool(venue) and venue.start() > 0 and bool(host_cue.search(before[:venue.start()]))


def unknown_town(quote: str, host_cue, matcher) -> bool:
    """Whether the quote says the work was held in a place the place lists do not know
    (a capitalised name after a cue of a host that names no state, month or body)."""
    months = {m.lower() for m in ("January February March April May June July August September October November "
                                  "December").split()} | {m.lower() for m in lexicon.current().of("month")}
    for m in re.finditer(r"(?<![\w-])([A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]+)?)", quote):
        if not host_cue.search(quote[:m.start()]) or m.group(1).lower() in months or matcher.find(m.group(1)):
            continue
        after = quote[m.end():m.end() + 8]
        if not re.match(r"\s*[,.;]|\s(?!(?:of|de|del|for|para)\b)[a-z]", after):
            continue     # part of a longer name ("in Panama City", "at the Police Academy of …")
        if m.group(1).split()[0].lower() in ("the", "la", "el", "los", "las"):
            continue
        return True
    return False



def multinational(quote: str, multi_cue, heads) -> re.Match | None:
    """The first cue of multinational attendance that is not a word of an organisation's
    name ("the United Nations Regional Centre for Peace", "la Oficina Regional de …"): a
    capitalised cue word followed by a word that heads a body's name is the body's."""
    for m in multi_cue.finditer(quote):
        word = m.group(0)
        nxt = re.match(r"\s+([A-ZÁÉÍÓÚÑ][\w-]*)", quote[m.end():])
        if word[:1].isupper() and nxt and nxt.group(1) in heads:
            continue
        return m
    return None


def lower_cue(quote: str, cue) -> re.Match | None:
    """The first match of ``cue`` that is not a capitalised word inside the sentence: a
    capital there starts a word of a name ("la Universidad Nacional Autónoma", "the National
    Police Academy"), not the cue ("a national workshop", "cursos nacionales")."""
    for m in cue.finditer(quote):
        before = quote[:m.start()].rstrip()
        if m.group(0)[:1].isupper() and before and before[-1] not in ".;:•·-(":
            continue
        return m
    return None
