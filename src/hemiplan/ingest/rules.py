"""What a draft activity's fields are, read from its sentence: its type, the program
it belongs to and a short title."""
from __future__ import annotations

import re

from hemiplan.ingest import cues
from hemiplan.reading import lexicon, numbers
from hemiplan.reading.lexicon import Lexicon

#: Activity types read from a sentence without counts, in order of precedence.
_TYPE_RULES = [
    ("destruction", re.compile(r"\bdestr(?:oy|oyed|uction)\b", re.I)),
    # handing over goods is giving them ("handed over to the police forty cameras")
    ("donation", re.compile(r"\bdonat(?:ed|ion|ions)\b|\bhand(?:ed|ing)\s+over\b|\bhandovers?\s+of\b", re.I)),
    ("agreement", re.compile(r"\b(?:memorand(?:um|a)\s+of\s+understanding|MOUs?|agreements?|signed|"
                              r"agreed\s+(?:[^.;:]{0,60}?\s)?(?:on|upon)\s+(?:a|an|the)|"
                              r"exchanged\s+(?:letters|notes)|exchanges?\s+of\s+(?:letters|notes)|"
                              # entering into a pact of any name ("entered into a cooperation arrangement")
                              r"entered\s+into\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:arrangements?|accords?|pacts?|"
                              r"partnerships?|alliances?|covenants?|protocols?))\b")),
    ("legislative_assistance", re.compile(r"\blegislative\s+assistance\b|\bdraft(?:ing)?\s+(?:of\s+)?(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:legislation|laws?|bills?)\b", re.I)),
    ("exercise", re.compile(r"\b(?:exercises?|simulations?|drills?|table-?top)\b", re.I)),
    ("mission", re.compile(r"\b(?:missions?|visits?)\b", re.I)),
    ("course", re.compile(r"\b(?:courses?|trainings?|trained)\b", re.I)),
    ("workshop", re.compile(r"\bworkshops?\b", re.I)),
    # a talk given to an audience ("gave a public talk on"), not talks between parties
    ("seminar", re.compile(r"\b(?:seminars?|webinars?|public\s+talks?)\b|\b(?:gave|delivered)\s+(?:a|an)\s+"
                           r"(?:[\w-]+\s+){0,2}?talk\b", re.I)),
    ("conference", re.compile(r"\b(?:conferences?|forums?|congress|summits?|symposi(?:um|a))\b", re.I)),
    ("meeting", re.compile(r"\b(?:meetings?|met|round\s?tables?|consultations?)\b", re.I)),
    ("publication", re.compile(r"\b(?:published|publication|released)\b|\b(?:report|guide|manual|handbook)\b.{0,40}\b(?:published|released|launched)\b", re.I)),
    ("network", re.compile(r"\bnetworks?\b.{0,60}\b(?:created|established|formed|launched)\b|\b(?:created|established|launched)\b.{0,60}\bnetworks?\b", re.I)),
    ("plan", re.compile(r"\b(?:action\s+plans?|national\s+(?:\w+\s+){0,3}strateg(?:y|ies)|work\s+plans?)\b", re.I)),
    ("assessment", re.compile(r"\b(?:assessments?|evaluations?|diagnostics?|studies|study|gap\s+analysis)\b", re.I)),
    ("technical_assistance", re.compile(r"\btechnical\s+(?:assistance|support|advice)\b", re.I)),
]
_PROGRAM_RE = re.compile(r"\b(?P<name>(?:[A-Z][\w/&’'-]*\s+){1,6})(?:[Pp]rogram(?:me)?|[Pp]roject|[Ii]nitiative)\b")
_PROGRAM_DROP = {"the", "The", "This", "These", "That", "Its", "Their", "A", "An", "In", "During", "Under",
                 "Through", "OAS", "OAS/CICTE", "ES/CICAD", "CICTE", "CICTE’s", "CICTE's", "CICAD", "CICAD’s",
                 "CICAD's", "DPS", "DPS’s", "SMS", "Secretariat", "Secretariat’s", "Department", "Executive",
                 "Within", "As", "Part", "With", "For", "From", "By", "Since", "Additionally", "Also",
                 "Finally", "Moreover", "Hemispheric", "Regional", "National", "New"}
_LEAD_IN_RE = cues.Cue("lead_in", re.compile(
    r"^(?:(?:in|during|throughout|since|by|over)\s+(?:the\s+year\s+)?(?:(?:early|mid|late)\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:19|20)\d\d\b,?\s+|(?:additionally|in addition|also|moreover|furthermore|finally|likewise|similarly|"
    r"thereafter|for example|for instance),\s*)", re.I))


def clean_title(quote: str, limit: int = 110) -> str:
    """A short title from a quote: without its lead-in ("In March 2014, ", "Additionally, "),
    cut at a word within ``limit`` characters, capitalised."""
    t = quote.strip().strip("·•-–—* ")
    for _ in range(2):
        t = _LEAD_IN_RE.sub("", t, count=1).strip()
    t = t.rstrip(".;: ")
    if len(t) > limit:
        cut = t[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
        t = cut + "…"
    t = t[:1].upper() + t[1:] if t else quote.strip()[:limit] or "Untitled activity"
    return t


def program_of(text: str) -> str:
    """The program, project or initiative a text names ("the Inter-American Program"), or ""."""
    for m in _PROGRAM_RE.finditer(text):
        words = m.group("name").split()
        while words and (words[0] in _PROGRAM_DROP or words[0].isupper() and len(words) > 1
                         and words[0].rstrip("’'s") in ("CICTE", "CICAD", "DPS", "SMS", "OAS")):
            words.pop(0)
        name = " ".join(words).strip()
        if name and name not in _PROGRAM_DROP and len(name) > 2:
            return name
    return ""


#: Types the keyword rules may give a sentence without figures (the others are too
#: loose without an event noun: "training" alone is often a topic, not a course).
_STRICT_TYPES = {"destruction", "donation", "agreement", "legislative_assistance", "exercise", "meeting",
                 "publication", "network", "plan", "technical_assistance"}


def activity_type(quote: str, count: numbers.Count | None = None, strict: bool = False) -> tuple[str, bool]:
    """(type, guessed): from the count's event noun, else the first event noun in the
    quote, else the keyword rules; ``guessed`` when no event noun says it. ``strict``
    keeps only the specific keyword rules (for sentences without figures)."""
    if count is not None and count.activity_type and count.activity_type != "other":
        return count.activity_type, False
    lex = lexicon.current()
    if not lex.english:
        return _activity_type_in(quote, lex, strict)
    best = None
    for m in re.finditer(r"[A-Za-z][\w-]*", quote):
        low = m.group(0).lower()
        t = numbers.EVENT_NOUNS.get(low)
        if t and t != "other" and low != "training":
            best = t
            break
    if best:
        return best, False
    for t, rx in _TYPE_RULES:
        if strict and t not in _STRICT_TYPES:
            continue
        if rx.search(quote):
            return t, True
    return "other", True


def _activity_type_in(quote: str, lex: Lexicon, strict: bool) -> tuple[str, bool]:
    """:func:`activity_type` in a language other than English: the first event noun of
    the lexicon in the quote (not a mass noun such as "capacitación"), else the
    lexicon's ``type_word`` terms, tried in the precedence of the English rules."""
    mass = {t.lower() for t in lex.of("mass_noun")}
    nouns = [t for t, v in lex.of("event_noun").items() if v != "other" and t.lower() not in mass]
    first = re.search(rf"(?<!\w)(?:{'|'.join(re.escape(t) for t in sorted(nouns, key=len, reverse=True))})(?!\w)",
                      quote, re.I) if nouns else None
    if first:
        return lex.value("event_noun", first.group(0)) or "other", False
    for t, _ in _TYPE_RULES:
        if strict and t not in _STRICT_TYPES:
            continue
        words = [w for w, v in lex.of("type_word").items() if v == t]
        if words and re.search(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})(?!\w)", quote, re.I):
            return t, True
    return "other", True
