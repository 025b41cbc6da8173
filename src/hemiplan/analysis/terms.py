"""Reader-facing words for the ids and codes of the data in the page's language: stated
figures (indicators) and their units, kinds of organisation, subregions, the roles of
an organisation and the Joint row of dependency tables.

English words are made from the ids as the book always has (snake_case → words, known
acronyms in capitals, :func:`hemiplan.vocabulary.humanize`); in another language an id
of a known vocabulary reads through its catalog message (context: what the id is), and
an id the book does not know keeps its English words, marked as English
(:class:`hemiplan.data.names.English`)."""
from __future__ import annotations

import re

from hemiplan import language
from hemiplan.data import names, schema
from hemiplan.data.labels import type_label
from hemiplan.language import p_
from hemiplan.vocabulary import humanize as english_words

#: Ids of member states that end an indicator's id ('firearms_destroyed_gtm').
_SUFFIX = re.compile(r"_([a-z]{3})$")


def _indicators() -> dict[str, str]:
    """Indicator id → its label (the page's language) for the indicators the book knows."""
    return {
        "aeo_missions": p_("indicator", "AEO missions"),
        "aeo_states_assisted": p_("indicator", "AEO states assisted"),
        "ameripol_liaison_officers": p_("indicator", "AMERIPOL liaison officers"),
        "aviation_security_states_trained_5y": p_("indicator", "Aviation security states trained 5y"),
        "bioterrorism_officials_trained_5y": p_("indicator", "Bioterrorism officials trained 5y"),
        "bioterrorism_states_trained_5y": p_("indicator", "Bioterrorism states trained 5y"),
        "border_workshop_states": p_("indicator", "Border workshop states"),
        "csirts": p_("indicator", "CSIRTs"),
        "csirts_decade_start": p_("indicator", "CSIRTs decade start"),
        "cyber_crisis_exercise_states": p_("indicator", "Cyber crisis exercise states"),
        "dtc_participating_states": p_("indicator", "DTC participating states"),
        "explosive_devices_destroyed": p_("indicator", "Explosive devices destroyed"),
        "firearms_destroyed": p_("indicator", "Firearms destroyed"),
        "focal_points": p_("indicator", "Focal points"),
        "iact_ratifying_states": p_("indicator", "IACT ratifying states"),
        "interagency_cooperation_states": p_("indicator", "Interagency cooperation states"),
        "irregular_migration_beneficiary_states": p_("indicator", "Irregular migration beneficiary states"),
        "lima_seminar_civil_society_organizations": p_("indicator", "Lima seminar civil society organizations"),
        "lima_seminar_international_organizations": p_("indicator", "Lima seminar international organizations"),
        "major_events_focal_points": p_("indicator", "Major events focal points"),
        "marking_machines_donated": p_("indicator", "Marking machines donated"),
        "mecoor_states_central_america": p_("indicator", "Mecoor states central america"),
        "mecoor_states_south_america": p_("indicator", "Mecoor states south america"),
        "munitions_destroyed": p_("indicator", "Munitions destroyed"),
        "munitions_destroyed_weight": p_("indicator", "Munitions destroyed weight"),
        "ratifications_iact": p_("indicator", "Ratifications IACT"),
        "round_table_countries": p_("indicator", "Round table countries"),
        "round_table_virtual_participants": p_("indicator", "Round table virtual participants"),
        "states_supporting_alternatives_report": p_("indicator", "States supporting alternatives report"),
        "tf_bills_under_discussion": p_("indicator", "TF bills under discussion"),
        "tf_laws_enacted": p_("indicator", "TF laws enacted"),
        "total_events": p_("indicator", "Total events"),
        "total_firearms_destroyed": p_("indicator", "Total firearms destroyed"),
        "total_marking_machines_donated": p_("indicator", "Total marking machines donated"),
        "total_munitions_destroyed": p_("indicator", "Total munitions destroyed"),
        "total_participants": p_("indicator", "Total participants"),
        "tourism_security_courses_5y": p_("indicator", "Tourism security courses 5y"),
        "universal_ct_treaty_ratifications": p_("indicator", "Universal CT treaty ratifications"),
        "white_phosphorus_shells_destroyed": p_("indicator", "White phosphorus shells destroyed"),
    }


def _units() -> dict[str, str]:
    return {
        "bills": p_("unit", "bills"), "countries": p_("unit", "countries"), "events": p_("unit", "events"),
        "firearms": p_("unit", "firearms"), "focal_points": p_("unit", "focal points"), "laws": p_("unit", "laws"),
        "machines": p_("unit", "machines"), "metric_tons": p_("unit", "metric tons"),
        "missions": p_("unit", "missions"), "munitions": p_("unit", "munitions"), "officers": p_("unit", "officers"),
        "organizations": p_("unit", "organizations"), "participants": p_("unit", "participants"),
        "ratifications": p_("unit", "ratifications"), "states": p_("unit", "states"), "teams": p_("unit", "teams"),
    }


def _kinds() -> dict[str, str]:
    return {
        "UN body": p_("organisation kind", "UN body"), "OAS body": p_("organisation kind", "OAS body"),
        "national government agency": p_("organisation kind", "national government agency"),
        "regional organisation": p_("organisation kind", "regional organisation"),
        "international organisation": p_("organisation kind", "international organisation"),
        "private sector": p_("organisation kind", "private sector"),
        "civil society": p_("organisation kind", "civil society"), "academic": p_("organisation kind", "academic"),
    }


def _subregions() -> dict[str, str]:
    return {"North America": p_("subregion", "North America"), "Central America": p_("subregion", "Central America"),
            "Caribbean": p_("subregion", "Caribbean"), "South America": p_("subregion", "South America")}


def _english(text: str) -> str:
    """``text`` as a page of the current language shows an English word it has no translation for."""
    return text if language.current() == language.SOURCE else names.English(text)


def indicator_words(indicator: str) -> str:
    """'focal_points' → 'Focal points' ('Puntos focales'); an indicator the book does not
    know keeps its English words (marked) on a page of another language."""
    name = str(indicator)
    english = english_words(name)
    if language.current() == language.SOURCE:
        return english
    return _indicators().get(name) or _english(english)


def humanize(name: str) -> str:
    """A snake_case id as words in the page's language: an activity type
    ('Technical assistance' / 'Asistencia técnica'), an indicator
    (:func:`indicator_words`), else its English words (marked English on a page of another
    language). In English exactly :func:`hemiplan.vocabulary.humanize`."""
    if language.current() == language.SOURCE:
        return english_words(name)
    if str(name) in schema.vocabulary("activities", "activity_type"):
        word = type_label(name)
        return word[:1].upper() + word[1:]
    return indicator_words(name)


def unit_words(unit) -> str:
    """A unit as words: 'metric_tons' → 'metric tons' ('toneladas métricas')."""
    english = re.sub(r"_+", " ", str(unit)).strip()
    if language.current() == language.SOURCE:
        return english
    return _units().get(str(unit)) or _english(english)


def kind_label(kind) -> str:
    """A kind of organisation in the page's language ('' stays '')."""
    if not isinstance(kind, str) or not kind or language.current() == language.SOURCE:
        return kind
    return _kinds().get(kind) or _english(kind)


def subregion_label(subregion) -> str:
    """A subregion of the member states in the page's language."""
    if not isinstance(subregion, str) or not subregion or language.current() == language.SOURCE:
        return subregion
    return _subregions().get(subregion) or _english(subregion)


def role_label(roles) -> str:
    """'funder and partner' (the roles of an organisation, in English alphabetical order)
    in the page's language."""
    words = {"funder": p_("organisation role", "funder"), "partner": p_("organisation role", "partner")}
    return language.join(words.get(r, r) for r in sorted(set(roles)))


def base_indicator(indicator: str, countries: set[str]) -> tuple[str, str]:
    """(indicator id without a last part that is one of ``countries``, that code or '')."""
    m = _SUFFIX.search(str(indicator))
    if m and m.group(1).upper() in countries and "_" in str(indicator):
        return str(indicator)[:m.start()], m.group(1).upper()
    return str(indicator), ""
