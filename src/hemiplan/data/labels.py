"""Reader-facing words for the values of the schemas' vocabularies, read from the
schemas themselves (``hemiplan:labels`` beside each ``enum``), so that a vocabulary is
written once: the enum says which values are valid, the labels how each reads.

A value without a label raises :class:`UnknownValue`, never a silent blank: a
qualifier added to the schema without its words cannot vanish from a table."""
from __future__ import annotations

from functools import lru_cache

from hemiplan import language
from hemiplan.language import p_
from hemiplan.data import schema
from hemiplan.vocabulary import missing, number

#: The two tables whose qualifier columns share one vocabulary.
QUALIFIER_FIELD = ("activities", "participants_qualifier")


class UnknownValue(KeyError):
    """A value outside a column's vocabulary, or without a label in its schema."""

    def __str__(self) -> str:
        return str(self.args[0])


@lru_cache(maxsize=None)
def labels(table: str, column: str, key: str = "hemiplan:labels") -> dict:
    """Value → label of a vocabulary column, in the enum's order; every enum value must
    have one (a schema that misses one raises here)."""
    f = schema.field(table, column)
    enum = f.get("constraints", {}).get("enum", [])
    given = f.get(key, {})
    lost = [v for v in enum if v not in given]
    if lost:
        raise UnknownValue(f"{table}.{column}: no {key} for {', '.join(map(repr, lost))} in its schema")
    return {v: given[v] for v in enum}


def label(table: str, column: str, value, key: str = "hemiplan:labels"):
    """The label of one value, in the page's language (the schema's English label is the
    message; its context names the column); raises :class:`UnknownValue` for a value the
    vocabulary does not have."""
    words = labels(table, column, key)
    try:
        word = words[str(value)]
    except KeyError:
        raise UnknownValue(f"{table}.{column}: {value!r} is not in the vocabulary "
                           f"({', '.join(words)})") from None
    return language.p_(f"{table}.{column}", word)


def qualifiers() -> list[str]:
    """The qualifiers of stated figures, in the schema's order."""
    return list(labels(*QUALIFIER_FIELD))


def qualifier_words(qualifier) -> str:
    """How a qualifier reads before a number: '' for exact (or none), 'more than'."""
    if missing(qualifier) or str(qualifier) in ("", "exact"):
        return ""
    return label(*QUALIFIER_FIELD, qualifier)


def qualifier_label(qualifier) -> str:
    """A qualifier as a table shows it ('exact', 'more than'; 'not stated' for none)."""
    if missing(qualifier) or str(qualifier) == "":
        return p_("participants qualifier", "not stated")
    return label(*QUALIFIER_FIELD, qualifier)


def bound(qualifier) -> str:
    """What a qualified figure is: 'exact', 'lower' (a floor: more than, at least),
    'upper' (a ceiling: up to) or 'estimate' (approximately); a value the vocabulary
    does not have raises."""
    if missing(qualifier) or str(qualifier) == "":
        return "exact"
    bounds = labels(*QUALIFIER_FIELD, key="hemiplan:bounds")
    if str(qualifier) not in bounds:
        raise UnknownValue(f"{QUALIFIER_FIELD[0]}.{QUALIFIER_FIELD[1]}: {qualifier!r} is not in the vocabulary "
                           f"({', '.join(bounds)})")
    return bounds[str(qualifier)]


def quantity(value, qualifier=None) -> str:
    """A stated figure with its qualifier: '41', 'approximately 40', 'more than 170';
    '' when no figure is stated."""
    if missing(value):
        return ""
    return f"{qualifier_words(qualifier)} {number(value)}".strip()


def type_label(activity_type: str) -> str:
    """'technical assistance' for technical_assistance (lower case, for tables)."""
    return label("activities", "activity_type", activity_type)


def type_noun(activity_type: str, n) -> str:
    """The count noun of an activity type agreeing with ``n``: 'course'/'courses'
    (plural forms from the catalog)."""
    nouns = labels("activities", "activity_type", "hemiplan:nouns")
    if str(activity_type) not in nouns:
        raise UnknownValue(f"activities.activity_type: {activity_type!r} is not in the vocabulary")
    singular, plural_ = nouns[str(activity_type)]
    return language.np_("activities.activity_type noun", singular, plural_, n)
