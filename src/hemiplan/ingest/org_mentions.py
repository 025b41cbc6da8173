"""Organisations a sentence names without a cue of credit before them.

A sentence about the Secretariat's work that names a body ties it to the work, cue or
not ("in tandem with the International Centre for X (ICX)", "the Y Secretariat lent two
of its advisers", "Z Systems lent the equipment", "at the W Institute in Lisbon"). A name
counts as an organisation by its shape: a capitalised name headed by a word of
institutions (University, Agency, Bureau, Centre, Foundation…; Spanish ``org_head``),
or followed by its acronym in brackets, or (two capitalised words at least) the subject
of a finite past verb. It is not proposed when it is one of the Secretariat's own, a
state or a place, whose people took part ("officers of the …", a state's own body named
by its possessive: "X's Federal Police sent 60 officers") or who asked for the work
(the ``not_partner`` words), or a title of a person ("the Director General of …")."""
from __future__ import annotations

import re

import pycountry

from hemiplan.ingest import bare_names, clause_roles, cues, past_tense
from hemiplan.reading import entities, numbers

#: Heads that name programmes, events, groups or units as often as bodies: not enough alone.
_LOOSE_HEADS = frozenset("Program Programme Programa Forum Foro Committee Comité Council Consejo Network Red Group "
                         "Task Force Community Comunidad Union Unión Commission Comisión Fund Fondo Board Section Unit "
                         "Division Branch Command Department Departamento Court Office Service Secretariat "
                         "Secretaría Government Gobierno Embassy Embajada Servicio".split())
#: Leading words a name match may start with that are not part of the name.
_LEADING = frozenset("In At On By For From With Under During After Before Over Through Thanks Acting Working Pooling "
                     "The A An This These Its Their Some Each En Con Por Para Durante Bajo Tras Gracias La El Los Las "
                     "Un Una Su Sus Del Al".split())
_TITLES_RE = re.compile(r"^(?:Secretary|Director|Deputy|Minister|President|Chair|Ambassador|Executive\s+Secretary|"
                        r"Secretario|Secretaria|Directora?|Ministra?|Presidenta?|Embajadora?)\b")


def _strip_leading(text: str, s: int, e: int) -> int:
    while True:
        m = re.match(r"([^\W\d_][\w’'-]*)\s+", text[s:e])
        if not m or m.group(1) not in _LEADING:
            return s
        s += m.end()


def _after_place(quote: str, s: int, e: int, reference_dir) -> int:
    """Where a name starts once a state joined to it by a small word is cut off ("[Belize for
    the ]Ministry of Home Affairs": the pattern runs places and names together)."""
    found = entities.country_matcher(reference_dir).find(quote[s:e])
    if found and found[0][2] == 0:
        link = re.match(r"\s+(?:for|of|on|the|de|del|para|en)\s+(?:(?:the|la|el|los|las)\s+)?",
                        quote[s + len(found[0][0]):e])
        if link:
            return s + len(found[0][0]) + link.end()
    return s


def _is_place(name: str, reference_dir) -> bool:
    countries = entities.country_matcher(reference_dir).find(name)
    return bool(countries) and countries[0][2] == 0 and len(countries[0][0]) >= len(name) - 1


def _town_of(quote: str, s: int, name: str, bracket: str, reference_dir) -> bool:
    """Whether "Name (Word)" is a town and its state or island, not a body and its
    acronym: the bracket names a known place ("Scarborough (Tobago)", "Córdoba
    (Veracruz)"), or a one-word name after "in"/"en" has a bracket that is no acronym
    ("En Willemstad (Curazao)")."""
    if _is_place(bracket, reference_dir):
        return True
    return len(name.split()) == 1 and not re.search(r"[A-Z].*[A-Z]", bracket) and \
        bool(re.search(r"(?i)(?<!\w)(?:in|at|en)\s+$", quote[max(0, s - 6):s]))


#: Where a clause ends: a stop, a semicolon or colon, or a comma before a conjunction.
_CLAUSE_END_RE = re.compile(r"[.;:](?=\s|$)|,\s+(?:and|but|while|whereas|y|pero|mientras|aunque)\s")


def clause(quote: str, s: int, e: int) -> tuple[int, int]:
    """The bounds of the clause holding quote[s:e]."""
    a = max((m.end() for m in _CLAUSE_END_RE.finditer(quote, 0, s)), default=0)
    b = next((m.start() for m in _CLAUSE_END_RE.finditer(quote, e)), len(quote))
    return a, b


def _paying(quote: str, s: int, e: int, name: str, w) -> bool:
    """Whether a name of a loose head ("Gobierno de X") stands in a clause with a word of
    money or costs."""
    if not any(re.search(rf"(?<!\w){re.escape(h)}(?!\w)", name) for h in _LOOSE_HEADS):
        return False
    a, b = clause(quote, s, e)
    before = quote[a:s].lstrip()
    before = before[:1].lower() + before[1:]
    return bool(w.money.search(before) or w.money.search(quote[e:b]))


def _longer(quote: str, e: int) -> re.Match | None:
    """The rest of a name its pattern stops at (commas, "and", a dash), closed by its acronym
    in brackets: "Bureau of Alcohol[, Tobacco, Firearms and Explosives (ATF)]"."""
    m = re.match(r"((?:\s*(?:,|-|–)\s*|\s+)(?:(?:and|y|of|for|in|the|de|del|la|las|los|el|en|para|&)\s+)*"
                 r"[A-ZÁÉÍÓÚÑ][\w’'.-]*(?:\s+(?:(?:and|y|of|for|in|the|de|del|la|las|los|el|en|para|&)\s+)*"
                 r"[A-ZÁÉÍÓÚÑ][\w’'.-]*)*){1,6}?\s*\(([A-Z][A-Za-z/-]{1,15})\)", quote[e:e + 140])
    return m


#: Verbs of money after a body's name: it paid ("the X Bureau bankrolled the programme").
_MONEY_VERBS = frozenset("bankrolled financed funded sponsored underwrote paid covered defrayed bore co-financed "
                         "cofinanced financió financiaron costeó costearon sufragó sufragaron patrocinó "
                         "patrocinaron pagó pagaron cubrió cubrieron".split())


def _role(quote: str, e: int) -> str:
    """funder when a verb of money follows the name (after "of the <its parent>"), else partner."""
    m = re.match(r"(?:\s+(?:of|de)\s+(?:the\s+|la\s+|el\s+)?[A-Z][\w.-]*(?:\s+(?:of|de|the)?\s*[A-Z][\w.-]*)*)?"
                 r"\s+(?:[a-z]+ly\s+)?([^\W\d_]+)", quote[e:e + 120])
    return "funder" if m and m.group(1).lower() in _MONEY_VERBS else "partner"


#: Words that open the names of a state's bodies without naming the state ("National Police").
_GENERIC = frozenset("National Public Federal General Central Nacional Pública Público Central".split())
#: Words of names that are not bodies: documents, and the OAS's own house.
_NOT_BODY = frozenset("memorandum memorando agreement acuerdo convenio plan declaration declaración convention "
                      "convención strategy estrategia bill law ley act headquarters sede oas oea".split())


def _not_body(name: str) -> bool:
    """A name of an event ("the VI Meeting of the Working Group…"), a document or the OAS's own
    (by its first three capitalised words)."""
    low = " ".join(re.sub(r"[’']s$", "", t.lower()) for t in re.findall(r"[^\W\d_][\w’'-]*", name)
                   if t[:1].isupper())
    first = " ".join(low.split()[:3])
    events = cues.event_nouns()
    events = set(numbers.EVENT_NOUNS) if events is None else set(events)
    joined = re.sub(r"\s+", "", low)     # "Round Table" as the noun "roundtable"
    return bool(set(first.split()) & _NOT_BODY) or any(re.search(rf"(?<!\w){re.escape(e)}(?!\w)", low)
                                                      for e in events) or any(e in events for e in (joined,))


def _served_state(quote: str, s: int, e: int, name: str, acr, w, kind) -> bool:
    """A government body of a state the work served (a beneficiary, not a partner): its
    name names a state the sentence names elsewhere too, or no state, no acronym and no word
    of its own before its head ("the National Police"; not "the Commonwealth Secretariat")."""
    if kind(name, w) != "national government agency":
        return False
    states = entities.country_matcher().codes(name)
    if not states:     # "the National Police", "the Ministry of Security": a state's, unnamed
        named = entities.country_matcher().find(name) or _foreign_state(name)    # a state outside the members
        return not named and not acr and name.split()[0] in set(w.heads) | _GENERIC
    rest = quote[:s] + " " + quote[e:]
    return bool(set(states) & set(entities.country_matcher().codes(rest)))


def _names_state(name: str) -> bool:
    """Whether a name names its state ("the Army of Chile", "Mexico's National Guard"): a
    state's body that is the subject of its own verb did work, a partner (not "the National
    Police hosted", a body of the state served, unnamed)."""
    return bool(entities.country_matcher().codes(name)) or _foreign_state(name)


def _foreign_state(name: str) -> bool:
    """Whether a name ends in "of <a state>" that the member states' lists do not hold
    ("the Government of Norway"), by the ISO list of countries."""
    m = re.search(r"\b(?:of|de|del)\s+(?:(?:the|la|el)\s+)?([A-ZÁÉÍÓÚÑ][\w ]+)$", name)
    try:
        return bool(m) and bool(pycountry.countries.lookup(m.group(1)))
    except LookupError:
        return False


def _known(name: str, reference_dir) -> str | None:
    """The organisation of organizations.csv a name is once "UN" is written out ("the UN
    Office for Disarmament Affairs"), or None."""
    full = re.sub(r"^UN\s", "United Nations ", name)
    found = entities.organization_matcher(reference_dir).find(full) if full != name else []
    return found[0][1] if len(found) == 1 and found[0][0] == full else None


#: Under the teaching of people ("under the guidance of", "bajo la instrucción de"): they gave the work.
_UNDER_TEACHING = (r"\bunder\s+(?:the\s+)?(?:instruction|guidance|tutelage|direction|supervision|coaching|mentoring)\s+of|"
                   r"\bbajo\s+la\s+(?:instrucción|tutela|tutoría|dirección|guía|supervisión|conducción|orientación)\s+de")


def gave_it(before: str) -> bool:
    """Whether the people of the body named after ``before`` gave the work ("taught … by
    officers of the X", "facilitated by document examiners of the X", the classes "in charge of
    lecturers of the X", "a cargo de docentes de la X"; under their teaching: "under the tutelage of
    pilots of the X", "bajo la instrucción de oficiales del X"): X is a partner."""
    return bool(re.search(r"(?:\b(?:by|por)|\bin\s+(?:the\s+)?charge\s+of|\ba\s+cargo\s+de|" + _UNDER_TEACHING +
                          r")\s+(?:[\w-]+\s+){1,2}"
                          r"(?:of|from|de|del)\s+(?:the\s+|la\s+|el\s+)?$", before[-60:]))


def _giver(quote: str, s: int, end: int, name: str, w) -> bool:
    """Whether the body named at quote[s:end] is one whose people gave the work: named by one
    word or more before the givers ("analysts of X among the speakers"), or by two words or more
    and a head after people who taught ("under the guidance of officers of the X Service")."""
    if w.givers.match(quote[end:]) and re.search(r"(?i)\b(?:of|from|de|del)\s+(?:(?:the|la|el)\s+)?$",
                                                quote[max(0, s - 12):s]):
        return True
    return len([t for t in name.split() if t[:1].isupper()]) >= 2 and gave_it(quote[:s]) and \
        any(re.search(rf"(?<!\w){re.escape(h)}(?!\w)", name) for h in w.heads)


def uncued(quote: str, w, known: dict, seen: set[int], proposed=(), reference_dir=None, *, kind
           ) -> list[tuple[int, int, str, str | None, str, str]]:
    """(start, end, role, org_id or None, name, acronym) of each organisation the quote names outside
    what credit read already (``seen`` starts, ``proposed`` names; ``known``: names of
    organizations.csv; ``kind`` guesses the kind of a name); its role is funder when a verb
    of money follows it."""
    heads = [h for h in w.heads if h not in _LOOSE_HEADS]
    taken = [(o, o + len(alias)) for o, (alias, _) in known.items()]
    out, consumed = [], 0
    for m in w.name.finditer(quote):
        s, e = _strip_leading(quote, m.start(), m.end()), m.end()
        s = _after_place(quote, s, e, reference_dir)
        name = quote[s:e].rstrip()
        if s < consumed or s in seen or any(a < e and s < b for a, b in taken) or len(name) < 4:
            continue
        acr = re.match(r"\s*\(([A-Z][A-Za-z/-]{1,15})\)", quote[e:])
        longer = None if acr else _longer(quote, e)
        if longer:
            name, e = quote[s:e + longer.start(2)].rstrip(" ("), e + longer.start(2) - 1
            acr = re.match(r"\s*\(([A-Z][A-Za-z/-]{1,15})\)", quote[e:])
        consumed = e
        if acr and _town_of(quote, s, name, acr.group(1), reference_dir):
            continue
        head = re.search(r"(?:[A-ZÁÉÍÓÚÑ][\w'’-]*\s+){1,4}(?:and|y)\s+$", quote[:s])
        if head and not entities.country_matcher(reference_dir).codes(quote[head.start():e]):
            # "European Border and [Coast Guard Agency]": one name (not "Guatemala and Mexico")
            s, name = head.start(), quote[head.start():e].rstrip()
        if re.search(r"(?:[A-ZÁÉÍÓÚÑ][\w'’-]*|\))\s*,\s+(?:the|la|el)\s+$", quote[:s]) and \
                not clause_roles.is_subject(quote, e):
            continue    # "Frontex, the European Border … Agency": another name of the one before (not "…DPS, el Ejército fundió")
        words = [t for t in name.split() if t[:1].isupper()]
        if _not_body(name):
            continue
        headed = any(re.search(rf"(?<!\w){re.escape(h)}(?!\w)", name) for h in heads) and len(words) >= 2
        actor = len(words) >= 2 and past_tense.verb_follows(quote[e + (acr.end() if acr else 0):]) and \
            not re.search(r"(?i)\b(?:in|on|of|for|at|with|from|to|into|about|en|de|del|sobre|con|para|a)\s+"
                          r"(?:(?:the|la|el|los|las)\s+)?$", quote[max(0, s - 20):s])   # a subject, not an object
        giver = _giver(quote, s, e + (acr.end() if acr else 0), name, w)
        # a body of a loose head in a clause of money paid ("cuya compra pagó el Gobierno de Australia")
        payer = len(words) >= 2 and not (headed or acr or actor or giver) and _paying(quote, s, e, name, w)
        # "the firm Vantix", "la empresa Aceros del Sur"; "…; Vantix hosted the servers"
        bare = bare_names.body_noun_before(quote, s) or len(words) == 1 and bare_names.lone_actor(quote, s, e)
        if not (headed or acr or actor or giver or payer or bare) or _TITLES_RE.match(name) or \
                name.isupper() and not acr:
            continue
        if entities.dependency_matcher(reference_dir).codes(name) or _is_place(name, reference_dir):
            continue
        if (w.not_partner.search(quote[max(0, s - 60):s]) and not (gave_it(quote[:s]) or giver)) or re.search(r"(?i)benefit\s+of|beneficio\s+de|favor\s+de",
                                                                          quote[max(0, s - 60):s]) or \
                bare_names.recipient(quote, s):
            continue      # whose people took part, who asked, whom it served or handed goods to
        if re.search(r"(?:\)|[A-Z][\w-]*)\s+(?:of|de)\s+(?:the\s+|la\s+|el\s+)?$", quote[:s]):
            continue      # "(INL) of the US Department of State": the parent of the name before, part of it
        if bare_names.state_own(quote, s, e + (acr.end() if acr else 0), name):
            continue      # "Brazil's Federal Highway Police sent 60 officers": the participants' own
        if any(p.name == name or name in p.name for p in proposed) or \
                not ((actor or payer) and _names_state(name)) and _served_state(quote, s, e, name, acr, w, kind):
            continue
        if re.search(r"(?i)member\s+states|estados\s+miembros", name):
            continue
        end = e + (acr.end() if acr else 0)
        out.append((s, end, _role(quote, end), _known(name, reference_dir), name, acr.group(1) if acr else ""))
    return out
