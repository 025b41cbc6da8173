"""Organisations of ``organizations.csv`` written in a way its names do not list.

Two generic shapes, read before the partners of a sentence are credited
(:func:`hemiplan.ingest.credit.credit`):

* a **sub-unit** of a known organisation, "UNODC's Terrorism Prevention Branch" or
  "the Terrorism Prevention Branch of UNODC": the table's organisation named "<unit> of
  (the) <parent>" when it has one, else the parent (the unit is part of it);
* a **variant** of a known organisation's name: a part of its acronym followed by words
  of its name ("the CARICOM Implementation Agency for Crime and Security" for the
  Caribbean Community Implementation Agency for Crime and Security, CARICOM IMPACS):
  the acronym's word must be one of the written name's, and the written name's other
  content words must all be words of the table's name (at least two of them).

``known`` is credit's map of offsets in the quote to (text as written, org_id or None)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from hemiplan.reading import entities

_NAME = r"[A-Z][\w-]*(?:\s+(?:(?:of|for|on|and|against|the|de|del|la|el|y|contra|para)\s+)*[A-Z][\w-]*)*"
_POSSESSIVE_RE = re.compile(rf"^(?:'s|’s)\s+({_NAME})")
_UNIT_OF_RE = re.compile(rf"({_NAME})\s+(?:of|de)\s+(?:the\s+|la\s+|el\s+)?$")
_ACRONYM_NAME_RE = re.compile(rf"(?<![\w-])([A-Z]{{2,}})\s+({_NAME})")
_SMALL = frozenset("of for on and against the de del la el y contra para".split())


@lru_cache(maxsize=8)
def _table(reference_dir: Path | None) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(org_id, its names, its acronyms' words) of every organisation."""
    out = []
    for row in entities.organizations(reference_dir):
        if row["org_id"] in entities.SECRETARIAT:
            continue
        names = tuple(n.strip() for n in [row.get("name", ""), row.get("name_es", "")]
                      + (row.get("aliases") or "").split(";") if n.strip())
        acr = tuple(t for a in (row.get("acronym", ""), row.get("acronym_es", "")) for t in re.split(r"[\s/-]+", a) if t)
        out.append((row["org_id"], names, acr))
    return tuple(out)


def _names_of(org: str, reference_dir) -> tuple[str, ...]:
    return next((names + acr for o, names, acr in _table(reference_dir) if o == org), ())


def _unit_id(unit: str, parent: str, reference_dir) -> str:
    """The table's organisation "<unit> of (the) <parent's name>", else the parent."""
    targets = entities.organization_matcher(reference_dir).targets
    for name in _names_of(parent, reference_dir):
        for link in (" of the ", " of ", " de la ", " del ", " de "):
            org = targets.get(unit + link + name)
            if org:
                return org
    return parent


def _content(text: str) -> list[str]:
    return [t.lower() for t in re.findall(r"[\w-]+", text) if t.lower() not in _SMALL]


def _variant(acronym_word: str, rest: str, reference_dir) -> tuple[str, int] | None:
    """(org_id, words of ``rest`` used) of the organisation whose acronym has
    ``acronym_word`` and whose name has every content word of a prefix of ``rest``."""
    best = None
    for org, names, acr in _table(reference_dir):
        if acronym_word not in acr:
            continue
        for name in names:
            vocab = set(_content(name))
            words = rest.split()
            # the longest prefix of the written name whose content words are all the name's
            for n in range(len(words), 0, -1):
                part = words[:n]
                while part and part[-1].lower() in _SMALL:
                    part = part[:-1]
                content = _content(" ".join(part))
                if len(content) >= 2 and set(content) <= vocab:
                    if best is None or len(part) > best[1]:
                        best = (org, len(part))
                    break
    return best


def _low(name: str) -> str:
    """A name without case, its words joined by a space or a hyphen alike."""
    return " ".join(re.split(r"[\s-]+", name.lower().strip()))


@lru_cache(maxsize=8)
def _long_names(reference_dir: Path | None) -> tuple[re.Pattern | None, dict[str, str]]:
    """A pattern of the table's names of four words or more, without case, and each
    name's organisation (by its lower case)."""
    by_low = {_low(n): org for org, names, _ in _table(reference_dir) for n in names if len(n.split()) >= 4}
    if not by_low:
        return None, {}
    alt = "|".join(r"[\s-]+".join(map(re.escape, n.split())) for n in sorted(by_low, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I), by_low


def _case_slips(quote: str, known: dict, reference_dir) -> None:
    """A known name of four words or more written with a word out of case ("the Vice ministry
    of the Interior of X" for the Vice Ministry of …) or two of its words joined by a hyphen
    ("the Pan-American Health Organization"): that organisation, when it opens with a capital
    and no known name overlaps it."""
    pattern, by_low = _long_names(reference_dir)
    for m in pattern.finditer(quote) if pattern else ():
        if m.group(0)[:1].isupper() and not any(m.start() < o + len(a) and o < m.end() for o, (a, _) in known.items()):
            known[m.start()] = (m.group(0), by_low[_low(m.group(0))])


def _own_acronym(quote: str, end: int, org: str, reference_dir) -> bool:
    """Whether a unit's name goes on after its parent's and closes with an acronym in
    brackets that is none of the parent's ("Agency of the European Union for Police
    Cooperation (Europol)"): another body, named with its parent inside."""
    m = re.match(rf"\s+(?:for|on|against|of|para|contra|de|del|sobre)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?{_NAME}"
                 r"\s*\(([A-Z][\w/-]{1,15})\)", quote[end:end + 160])
    return bool(m) and m.group(1) not in _names_of(org, reference_dir)


def read(quote: str, known: dict[int, tuple[str, str | None]], reference_dir=None) -> None:
    """Add to (or correct in) ``known`` the sub-units and name variants ``quote`` names."""
    _case_slips(quote, known, reference_dir)
    for off, (alias, org) in sorted(known.items()):
        if not org:
            continue
        end = off + len(alias)
        m = _POSSESSIVE_RE.match(quote[end:])
        if m:     # "UNODC's Terrorism Prevention Branch"
            known[off] = (quote[off:end + m.end()], _unit_id(m.group(1), org, reference_dir))
            continue
        m = _UNIT_OF_RE.search(quote[max(0, off - 80):off])
        unit_at = max(0, off - 80) + m.start(1) if m else off
        if m and not any(unit_at <= o < off for o in known):   # "the … Branch of UNODC"
            del known[off]     # the table's unit, else the parent it is part of
            if _own_acronym(quote, end, org, reference_dir):
                continue       # "la Agencia de la Unión Europea para la Cooperación Policial (Europol)": its own body
            known[unit_at] = (quote[unit_at:end], _unit_id(m.group(1), org, reference_dir))
    for m in _ACRONYM_NAME_RE.finditer(quote):
        if m.start(1) in known and known[m.start(1)][1] and len(known[m.start(1)][0]) > len(m.group(1)):
            continue        # the whole of a known name already
        found = _variant(m.group(1), m.group(2), reference_dir)
        if not found:
            continue
        org, n = found
        words = list(re.finditer(r"\S+", m.group(2)))
        end = m.start(2) + words[n - 1].end()
        for o in [o for o in known if m.start(1) <= o < end]:
            del known[o]
        known[m.start(1)] = (quote[m.start(1):end], org)
