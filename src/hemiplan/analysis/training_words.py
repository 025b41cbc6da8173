"""The training chapter's words in the page's language: the labels of its rows without
a programme or a heading and of its total row, activity types as its tables name them,
how a stated figure and a total read (exact, approximate, a floor, a ceiling) and the
kinds of organisation and the subregions its tables show. English is the source: in
English every function returns the words the book has always shown."""
from __future__ import annotations

from hemiplan import language
from hemiplan.data import labels
from hemiplan.language import _, np_, p_
from hemiplan.vocabulary import humanize


def no_program() -> str:
    """The row of activities no programme is named for, in the page's language."""
    return _("(no programme named)")


def no_heading() -> str:
    """The part of a subsection before its first sub-heading, in the page's language."""
    return _("(no sub-heading)")


def total_label() -> str:
    """The label of the row that sums the section, in the page's language."""
    return p_("table row", "Whole section")


def type_name(activity_type: str) -> str:
    """An activity type as the training tables name it: 'Technical assistance'. English
    keeps the book's words (humanize: 'Plan'); another language capitalises the schema's
    label in it (:func:`hemiplan.data.labels.type_label`)."""
    if language.current() == language.SOURCE:
        return humanize(activity_type)
    label = labels.type_label(activity_type)
    return label[:1].upper() + label[1:]


def bound_words(n=1) -> dict:
    """:data:`training.BOUND_WORDS` in the page's language, agreeing with ``n`` figures (a
    figure: 'cifra', feminine in Spanish: 'aproximada', 'aproximadas', 'mínimos')."""
    return {"exact": np_("stated figure", "exact", "exact", n),
            "estimate": np_("stated figure", "approximate", "approximate", n),
            "lower": np_("stated figure", "a floor", "a floor", n),
            "upper": np_("stated figure", "a ceiling", "a ceiling", n)}


def total_words() -> dict:
    """How a total reads, by the kind of figure it is (a total: 'total', masculine in Spanish)."""
    return {"exact": p_("participant total", "exact as stated"), "estimate": p_("participant total", "approximate"),
            "lower": p_("participant total", "a floor"), "upper": p_("participant total", "a ceiling")}


def org_kind(kind: str) -> str:
    """An organisation's kind (``organizations.kind``) in the page's language ('' stays '')."""
    words = {"UN body": p_("organizations.kind", "UN body"), "OAS body": p_("organizations.kind", "OAS body"),
             "national government agency": p_("organizations.kind", "national government agency"),
             "regional organisation": p_("organizations.kind", "regional organisation"),
             "international organisation": p_("organizations.kind", "international organisation"),
             "private sector": p_("organizations.kind", "private sector"),
             "civil society": p_("organizations.kind", "civil society"),
             "academic": p_("organizations.kind", "academic")}
    return words.get(kind, kind)


def subregion(name: str) -> str:
    """A subregion (``member_states.subregion``) in the page's language; another label
    (the rows of participants placed in no one subregion) stays as it is."""
    words = {"North America": p_("member_states.subregion", "North America"),
             "Central America": p_("member_states.subregion", "Central America"),
             "Caribbean": p_("member_states.subregion", "Caribbean"),
             "South America": p_("member_states.subregion", "South America")}
    return words.get(name, name)
