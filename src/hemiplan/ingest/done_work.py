"""Work done, recognised by the structure of a clause rather than by a list of the verbs
of activities: a subject followed by a finite past verb (:mod:`.past_tense`, by its
form). Two readings:

* :func:`past_clause`: a past verb whose subject ends right before it (a name, an
  acronym, a bracket closing one, a noun for people: "Contact officers of 16 Member
  States logged on…", "los puntos de contacto … sostuvieron"). A sentence with one and
  an event noun reports work done, as one with a verb of the lexicon does.
* :func:`by_secretariat`: the subject is the Secretariat or one of its dependencies (by
  name or acronym, or the title of its head: "the Secretary for Multidimensional
  Security"), alone or with another ("the DPS and the Geneva Centre (DCAF) sealed",
  "the ES/CICAD and the DPS guided", "la SSM y la Fundación X rubricaron"): done work
  even when no event noun names its kind.

Planned, postponed and cancelled work stays out: the verbs of :mod:`.past_tense` that
are not done work, and the caller's future and negative cues."""
from __future__ import annotations

import re
from functools import lru_cache

from hemiplan.ingest import credit, past_tense
from hemiplan.reading import entities, lexicon, numbers, people as agents

#: Words between a subject and its verb: adverbs ("jointly", "also"), Spanish clitics ("se").
_NOT_SUBJECT_ES = frozenset("que cual cuales quien quienes cuando donde como si".split())
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
#: Words a subject never ends with (so the past word after them is an adjective: "the trained officers").
_NOT_SUBJECT_EN = frozenset("a an the this that these those its their his her our of for with on in to by at "
                            "against from and or as well newly recently highly".split())


def _people(lex) -> set[str]:
    return set(numbers.PEOPLE_NOUNS) if lex.english else {t.lower() for t in lex.of("people_noun")}


#: Words that open an aside between a subject and its verb: a relative clause ("…, whose
#: secretariat the SMS holds, met"; "…, cuya secretaría ejerce la SSM, sesionó").
_RELATIVE = frozenset("which who whose whom where that cuya cuyo cuyas cuyos que quien quienes donde".split())


def _before_aside(tokens, j: int, text: str) -> int:
    """The index of the last token of the subject when tokens[j] closes an aside set off by
    commas (a relative clause, or a figure: "Officers of A and of B, 44 in all, practised"),
    else ``j``."""
    if j < 1 or tokens[j].group(0) != ",":
        return j
    k = j - 1
    while k >= 0 and tokens[k].group(0) not in ",;:.":
        k -= 1
    if k < 1 or tokens[k].group(0) != "," or k + 1 >= j:
        return j
    aside = text[tokens[k].end():tokens[j].start()].strip()
    opener = aside.split()[0].lower() if aside.split() else ""
    if opener in _RELATIVE or re.match(r"\d", aside) or opener in numbers.UNITS or opener in numbers.TENS:
        return k - 1
    return j


def past_clause(text: str) -> bool:
    """Whether ``text`` has a finite past verb right after the end of its subject."""
    lex = lexicon.current()
    english, people = lex.english, _people(lex)
    tokens = list(re.finditer(r"[^\W\d_][\w’'-]*|\)|[^\w\s]", text))
    for i, m in enumerate(tokens):
        word = m.group(0)
        if word[:1].isupper() or not word[:1].isalpha() or not past_tense.is_past(word, english):
            continue
        j = i - 1
        while j >= 0 and tokens[j].group(0)[:1].isalpha() and past_tense.adverb(tokens[j].group(0), english):
            j -= 1
        j = _before_aside(tokens, j, text)
        if j < 0:
            continue
        last = tokens[j].group(0)
        if last == ")" or (not english and last[:1].isalpha()
                           and last.lower() not in _NOT_SUBJECT_ES):
            return True
        if not last[:1].isalpha() or last.lower() in _NOT_SUBJECT_EN:
            continue
        if english and (last[:1].isupper() or last.lower() in people or agents.is_agent(last, lex)
                        or last.lower() in ("they", "we")):
            return True
    return False


@lru_cache(maxsize=8)
def _heads(reference_dir) -> tuple[str, ...]:
    """The titles of the heads of the Secretariat's bodies ("Secretary for Multidimensional
    Security", "Secretario de Seguridad Multidimensional"), from their names."""
    out = set()
    for alias, _, _ in _aliases(reference_dir):
        for a, b in (("Secretariat", "Secretary"), ("Secretaría", "Secretario"), ("Secretaría", "Secretaria")):
            if alias.startswith(a + " "):
                out.add(b + alias[len(a):])
    return tuple(sorted(out, key=len, reverse=True))


def _aliases(reference_dir):
    m = entities.dependency_matcher(reference_dir)
    return [(a, t, 0) for a, t in m.targets.items()]


def _subjects(text: str, reference_dir) -> list[int]:
    """Where each naming of the Secretariat or a dependency (or of the head of one) ends."""
    ends = [off + len(alias) for alias, dep, off in entities.dependency_matcher(reference_dir).find(text) if dep]
    for head in _heads(reference_dir):
        ends += [m.end() for m in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", text)]
    return sorted(set(ends))


#: Small words inside an organisation's name ("Centre for Security Sector Governance").
_LINKS = frozenset("of for and the on in against de del la las los el y e para contra en sobre &".split())
_TOKEN = re.compile(r"\([^()]{1,30}\)|[^\W\d_][\w’'./-]*|\S")


def _name_end(toks: list[tuple[int, str]], i: int, most: int = 15, links=_LINKS) -> int:
    """The token after a name's words from ``i`` (capitalised words, acronyms in brackets,
    and small words between two of them: "Centre for Security Sector Governance (DCAF)")."""
    for _ in range(most):
        if i >= len(toks):
            return i
        t = toks[i][1]
        if t.startswith("(") or t[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j][1].lower() in links:
            j += 1
        if j == i or j >= len(toks) or not toks[j][1][:1].isupper():
            return i
        i = j
    return i


def _verb_after(text: str, at: int, lex) -> tuple[int, str] | None:
    """Where the past verb after a subject ending at ``at`` starts: after the rest of its
    name ("CICTE Secretariat", an acronym in brackets), another body joined by "and"
    (its name up to 15 words), adverbs."""
    w = credit.words_of(lex)
    ands, arts = {a.lower() for a in w.ands}, {a.lower() for a in w.articles}
    toks = [(m.start(), m.group(0)) for m in _TOKEN.finditer(text[at:at + 240])]
    i, other = _name_end(toks, 0, 4, _LINKS - ands), ""
    if i < len(toks) and toks[i][1].lower() in ands:         # "… and the Geneva Centre (DCAF)"
        i += 1
        i += i < len(toks) and toks[i][1].lower() in arts
        if i >= len(toks) or not toks[i][1][:1].isupper():
            return None
        j, i = i, _name_end(toks, i)
        other = " ".join(t for _, t in toks[j:i])
    while i < len(toks) and toks[i][1][:1].isalpha() and past_tense.adverb(toks[i][1], lex.english):
        i += 1
    if i < len(toks) and toks[i][1][:1].islower() and past_tense.is_past(toks[i][1], lex.english):
        return at + toks[i][0], other
    return None


def secretariat_clause(text: str, reference_dir=None) -> tuple[int, str] | None:
    """(where the verb starts, the other body of the subject or "") of the first clause
    of ``text`` whose subject is the Secretariat or a dependency, alone or with another
    body, and whose verb is a finite past verb; None when there is none."""
    lex = lexicon.current()
    for end in _subjects(text, reference_dir):
        found = _verb_after(text, end, lex)
        if found is not None:
            return found
    return None


def secretariat_verb(text: str, reference_dir=None) -> int | None:
    """Where the past verb of the Secretariat's clause (:func:`secretariat_clause`) starts, or None."""
    found = secretariat_clause(text, reference_dir)
    return found[0] if found else None


def with_outside_body(text: str, reference_dir=None) -> bool:
    """Whether the Secretariat's clause has a body outside it as a second subject ("the
    DPS and the Geneva Centre (DCAF) sealed"; not "the ES/CICAD and the DPS guided")."""
    found = secretariat_clause(text, reference_dir)
    return bool(found and found[1]) and not entities.dependency_matcher(reference_dir).codes(found[1]) \
        and not any(found[1].startswith(h) for h in _heads(reference_dir))


def by_secretariat(text: str, reference_dir=None) -> bool:
    """Whether a clause of ``text`` has the Secretariat or a dependency (alone or with
    another body) as the subject of a finite past verb."""
    return secretariat_verb(text, reference_dir) is not None


def planned(future, verb_at: int | None) -> bool:
    """Whether a future cue makes the sentence later work: not when it comes after the
    Secretariat's past verb, in what that verb reports ("agreed how they will exchange")."""
    return bool(future) and (verb_at is None or future.start() < verb_at)


def kind(activity_type, sentence: str, verb_at: int | None, reference_dir=None) -> tuple[str, bool]:
    """(type, guessed) of a sentence without figures: the strict keyword rules; for work
    the Secretariat did (``verb_at``) when those name none, every rule, and failing them
    an agreement when a body outside the Secretariat is the other subject (two bodies
    that did something together, with no event: "the SMS and Europol set down…")."""
    atype, guessed = activity_type(sentence, strict=True)
    if guessed and atype == "other" and verb_at is not None:
        atype, guessed = activity_type(sentence)
        if atype == "other" and with_outside_body(sentence, reference_dir):
            return "agreement", True
    return atype, guessed


def verb_with(between: str) -> bool:
    """Whether the text between two dependencies is a past verb and "with" ("the ES/CICAD
    teamed up with the CICTE Secretariat", "la SSM colaboró con el DSP"): work done together."""
    m = re.match(r"^\s+(?:[a-z]+ly\s+)?([^\W\d_]+)(?:\s+(?:up|together))?\s+(?:with|con|junto\s+(?:a|con))\s+"
                 r"(?:(?:the|la|el)\s+)?$", between)
    return bool(m) and past_tense.is_past(m.group(1), lexicon.current().english)
