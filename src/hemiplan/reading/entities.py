"""Member states, SMS dependencies and organisations found in text.

Organisations come from ``data/reference/organizations.csv``: each by its name,
acronym, Spanish name and acronym, and ``aliases`` (other names the reports use); the
Secretariat's own (CICAD, CICTE, DPS, SMS: :data:`SECRETARIAT`) are found but map to
None, since they lead the work and are never its partners.

Member-state names come from pycountry (official, common and short names of the
member states listed in ``data/reference/member_states.csv``) plus the gazetteer
``data/reference/places.csv`` (variants, demonyms, cities, institutions and
non-member places). Matching is case-sensitive on word boundaries, longest alias
first, so "Dominican Republic" wins over "Dominica", "Antigua, Guatemala" over
"Antigua", and a non-member entry ("St. Maarten") or a blocking institution
("Georgetown University" → USA) consumes its text before a shorter alias can.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

from hemiplan import paths
from hemiplan.reading import lexicon, towns


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern
    targets: dict[str, str | None]

    def find(self, text: str) -> list[tuple[str, str | None, int]]:
        """Every alias found in text: (alias, target or None, offset)."""
        return [(m.group(0), self.targets[m.group(0)], m.start()) for m in self.pattern.finditer(text or "")]

    def codes(self, text: str) -> list[str]:
        """Sorted unique targets found in text (non-member entries dropped)."""
        return sorted({t for _, t, _ in self.find(text) if t})


@dataclass(frozen=True)
class PlaceMatcher(Matcher):
    """The matcher of member-state names, which reads a town named with the place of another
    state after it as in that state ("Kingston, Ontario": :mod:`.towns`)."""
    kinds: dict[str, str] = field(default_factory=dict)

    def find(self, text: str) -> list[tuple[str, str | None, int]]:
        return towns.settle(text or "", super().find(text), self.kinds)


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _compile(targets: dict[str, str | None]) -> Matcher:
    aliases = sorted(targets, key=lambda a: (-len(a), a))
    alternation = "|".join(re.escape(a) for a in aliases)
    # word boundaries that also treat "&" as part of a name ("Trinidad & Tobago"); a
    # hyphenated compound still names the state ("Canada-funded", "Colombian-led"); a
    # currency sign after a name makes it a currency, not a mention ("US$4.2 million", "EC$")
    pattern = re.compile(rf"(?<![\w&])(?:{alternation})(?![\w&$])")
    return Matcher(pattern, targets)


def pycountry_names(iso3: str) -> set[str]:
    """Plain names pycountry knows for a country (those without an inverted comma form)."""
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return set()
    names = {getattr(c, attr, None) for attr in ("name", "common_name", "official_name")}
    return {n for n in names if n and "," not in n}


def country_matcher(reference_dir: Path | None = None, language: str | None = None) -> Matcher:
    """The matcher of member-state names in the language being read (or ``language``):
    the gazetteer's names, which any report may use, and the names the language's
    lexicon gives (``place``: "Granada" is Grenada in Spanish only)."""
    return _country_matcher(reference_dir, language or lexicon.current().code)


@lru_cache(maxsize=8)
def _country_matcher(reference_dir: Path | None, language: str) -> Matcher:
    ref = Path(reference_dir) if reference_dir else paths.REFERENCE
    targets: dict[str, str | None] = {}
    kinds: dict[str, str] = {}
    members = _read(ref / "member_states.csv")
    for row in members:
        for name in pycountry_names(row["iso3"]) | {row["name"]}:
            targets[name] = row["iso3"]
    for row in _read(ref / "places.csv"):
        targets[row["alias"]] = row["iso3"] or None
        kinds[row["alias"]] = row["kind"]
    for alias, code in lexicon.load(language, reference_dir).of("place").items():
        targets[alias] = code or None
    # Reports sometimes set headings in capitals: match long names in upper case too.
    for alias, code in list(targets.items()):
        if len(alias) > 4 and alias.upper() not in targets:
            targets[alias.upper()] = code
    plain = _compile(targets)
    return PlaceMatcher(plain.pattern, plain.targets, kinds)


@lru_cache(maxsize=8)
def dependency_matcher(reference_dir: Path | None = None) -> Matcher:
    ref = Path(reference_dir) if reference_dir else paths.REFERENCE
    return _compile({r["alias"]: r["dependency"] for r in _read(ref / "dependencies.csv")})


#: The organisations that are the Secretariat and its dependencies: joint work, not partners.
SECRETARIAT = frozenset({"oas-sms", "oas-cicad", "oas-cicte", "oas-dps"})


@lru_cache(maxsize=8)
def organizations(reference_dir: Path | None = None) -> tuple[dict[str, str], ...]:
    """The rows of ``organizations.csv`` in ``reference_dir`` (the project's own when
    that folder has none), read once per folder; not to be changed."""
    ref = Path(reference_dir) if reference_dir else paths.REFERENCE
    own = ref / "organizations.csv"
    return tuple(_read(own if own.is_file() else paths.REFERENCE / "organizations.csv"))


@lru_cache(maxsize=8)
def organization_matcher(reference_dir: Path | None = None) -> Matcher:
    """The matcher of organisation names (the Secretariat's own map to None)."""
    targets: dict[str, str | None] = {}
    for row in organizations(reference_dir):
        org = None if row["org_id"] in SECRETARIAT else row["org_id"]
        names = [row.get(c, "") for c in ("name", "name_es", "acronym", "acronym_es")]
        names += (row.get("aliases") or "").split(";")
        for name in names:
            if name.strip() and (len(name.strip()) > 1):
                targets.setdefault(name.strip(), org)
    return _compile(targets)


def member_states_in(text: str, reference_dir: Path | None = None) -> list[str]:
    """ISO alpha-3 codes of the member states a text mentions, sorted."""
    return country_matcher(reference_dir).codes(text)


def dependencies_in(text: str, reference_dir: Path | None = None) -> list[str]:
    """SMS dependencies (CICAD, CICTE, DPS, SMS) a text mentions, sorted."""
    return dependency_matcher(reference_dir).codes(text)
