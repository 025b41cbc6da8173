"""Numbers in report text (hemiplan.reading.numbers): digits, words, qualifiers, and what a
number counts (participants, events, other figures); sentences (hemiplan.reading.sentences)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hemiplan.reading import numbers
from hemiplan.reading.numbers import find_counts, find_numbers, month_in, non_count_reason, words_to_int
from hemiplan.reading.sentences import sentence_spans


def counts_of(kind, text):
    return [c for c in find_counts(text) if c.kind == kind]


def one_participant_count(text):
    found = counts_of("participants", text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("text,value,qualifier", [
    ("CICTE trained 45 officers in June.", 45, "exact"),
    ("45 officers were trained.", 45, "exact"),
    ("A total of 78 participants attended these seminars.", 78, "exact"),
    ("with the participation of forty-five officers", 45, "exact"),
    ("the program trained more than 170 officials in 6 training activities", 170, "more_than"),
    ("with approximately 300 participants from the public and private sectors", 300, "approx"),
    ("Twenty-seven officers from The Bahamas participated in this seminar.", 27, "exact"),
    ("over one thousand government officials", 1000, "more_than"),
    ("reaching 395 judges, prosecutors, public defenders and analysts", 395, "exact"),
    ("A total of 80 police officers were trained.", 80, "exact"),
    ("20 intelligence analysts participated in the seminar.", 20, "exact"),
    ("for 45 customs and immigration officers from the host country", 45, "exact"),
    ("trained 804 law enforcement and customs officers", 804, "exact"),
    ("for a total of 45 national personnel from Guatemala", 45, "exact"),
    ("This event was attended by 98 physical participants", 98, "exact"),
    ("a special presentation to the delegation (05 participants)", 5, "exact"),
    ("some 1,200 people took part", 1200, "approx"),
    ("nearly 60 prosecutors", 60, "approx"),
    ("at least 12 judges", 12, "at_least"),
    ("up to 40 analysts", 40, "up_to"),
    ("250+ participants", 250, "more_than"),
    ("twelve workshop participants", 12, "exact"),
    ("45 officers benefited from the course", 45, "exact"),
])
def test_participant_counts(text, value, qualifier):
    c = one_participant_count(text)
    assert (c.value, c.qualifier, c.unit) == (value, qualifier, "participants")
    assert c.phrase in text


@pytest.mark.parametrize("text,value,atype", [
    ("ES/CICAD delivered 9 seminars on investigative techniques", 9, "seminar"),
    ("three three-week multinational courses were delivered", 3, "course"),
    ("carried out 12 anti-money laundering training events in 2014", 12, "course"),
    ("conducting eleven technical assistance missions", 11, "mission"),
    ("organized a total of 24 courses, seminars and workshops", 24, "course"),
    ("3 Training Workshops and Regional Meetings were held", 3, "workshop"),
    ("two sub-regional workshops on money laundering", 2, "workshop"),
    ("four meetings took place", 4, "meeting"),
])
def test_event_counts(text, value, atype):
    found = counts_of("events", text)
    assert [(c.value, c.activity_type) for c in found] == [(value, atype)]


@pytest.mark.parametrize("text,value,unit", [
    ("25 member states have now ratified the Convention", 25, "states"),
    ("Nine national laws have been enacted", 9, "laws"),
    ("another eight bills are under discussion", 8, "bills"),
    ("now has 28 designated national focal points", 28, "focal_points"),
    ("1,100,650 different types and sizes of munitions, resulting in", 1100650, "munitions"),
    ("verification of the destruction of 24, 606 firearms in Guatemala (98)", 24606, "firearms"),
    ("equivalent to 9,061mt.", 9061, "metric_tons"),
    ("donated 3 firearms marking machines together with laptops", 3, "machines"),
    ("seven 105MM white phosphorus shells", 7, "munitions"),
    ("technical assistance to seven member states currently developing", 7, "states"),
    ("workshops were held in 15 countries in Central America", 15, "states"),
])
def test_other_counts(text, value, unit):
    found = [c for c in find_counts(text) if c.kind == "other"]
    assert [(c.value, c.unit) for c in found] == [(value, unit)]


@pytest.mark.parametrize("text,values", [
    ("1,100,650", [1100650]),
    ("24, 606", [24606]),
    ("Twenty-seven", [27]),
    ("forty-five", [45]),
    ("three hundred and five", [305]),
    ("one thousand", [1000]),
    ("three three-week courses", [3, 3]),
    ("two two-week seminars", [2, 2]),
    ("(07), (13) and (11)", [7, 13, 11]),
    ("09.30", [9.3]),
    ("in 2014", [2014]),
])
def test_find_numbers(text, values):
    assert [n.value for n in find_numbers(text)] == values


def test_words_to_int():
    assert words_to_int("Twenty-seven") == 27
    assert words_to_int("one hundred and five") == 105
    assert words_to_int("two thousand three hundred") == 2300
    assert words_to_int("banana") is None


@pytest.mark.parametrize("text,number,reason", [
    ("during 2014 the program", "2014", "year"),
    ("whose numbers have risen from six (6) to nineteen", "6", "restated"),
    ("hosted on December 4-5, 2014", "4", "date"),
    ("hosted on December 4-5, 2014", "5", "date"),
    ("on 12 March", "12", "date"),
    ("a three-week course", "three", "duration"),
    ("for a period of 18 months", "18", "duration"),
    ("over the last 5 years", "5", "duration"),
    ("a four-pronged needs assessment", "four", "compound"),
    ("four main pillars: 1) Onsite training and 2) A network", "1", "list_marker"),
    ("UNSCR 1540 implementation", "1540", "document_reference"),
    ("Conclusion No. 3 of the Conclusions", "3", "document_reference"),
    ("CP/RES. 908 (1567/06)", "1567", "document_reference"),
    ("the term 2014-15", "15", "date"),
    ("the XXIII Games and the 56th session", None, None),
])
def test_non_count_reasons(text, number, reason):
    found = {n.text: non_count_reason(text, n) for n in find_numbers(text)}
    if number is None:
        assert not [n for n in find_numbers(text) if not n.is_year_like]
    else:
        assert found[number] == reason


def test_non_counts_are_not_counted():
    text = ("Since 2011, over the last 5 years, a three-week course under UNSCR 1540 was held on December 4-5; "
            "the pillars are 1) training and 2) networks.")
    assert find_counts(text) == []


@pytest.mark.parametrize("text,expected", [
    ("One sentence. Another one.", ["One sentence.", "Another one."]),
    ("In St. Kitts and Nevis the seminar met. U.S. Customs took part.", ["In St. Kitts and Nevis the seminar met.",
                                                                         "U.S. Customs took part."]),
    ("Held in Washington, D.C. in April. Then Peru.", ["Held in Washington, D.C. in April.", "Then Peru."]),
    ("Conclusion No. 3 was adopted. It was good.", ["Conclusion No. 3 was adopted.", "It was good."]),
    ("A “quoted title.” Next sentence.", ["A “quoted title.”", "Next sentence."]),
])
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


@pytest.mark.parametrize("text,month", [
    ("In March 2014, a workshop was held", 3),
    ("a follow-up visit to Dominica in May to advise", 5),
    ("officials who may undertake arrests", None),
    ("In February, March and April", None),
    ("no month here", None),
])
def test_month_in(text, month):
    assert month_in(text) == month


# --- properties -------------------------------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(st.text())
def test_number_parser_never_crashes(text):
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text
        assert n.qualifier in ("exact", "approx", "more_than", "at_least", "up_to")
        non_count_reason(text, n)
    for c in find_counts(text):
        assert c.kind in ("participants", "events", "other")
        assert text[c.start:c.end] == c.phrase
    for a, b in sentence_spans(text):
        assert 0 <= a < b <= len(text)
    month_in(text)


_words = st.sampled_from(["officers", "participants", "seminars", "member states", "trained", "a total of",
                          "more than", "approximately", "Twenty-seven", "forty-five", "(07)", "24, 606", "1,100,650",
                          "in", "Peru", ".", ",", "three-week", "St.", "No.", "2014", "-", "and", "the"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_words, st.integers(0, 10**7).map(str), st.text(max_size=8)), max_size=30))
def test_number_parser_never_crashes_on_report_like_text(parts):
    text = " ".join(parts)
    for c in find_counts(text):
        assert text[c.start:c.end] == c.phrase
        assert c.value >= 0


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=9_999_999),
       st.sampled_from(["officers", "participants", "officials", "analysts", "judges", "prosecutors",
                        "personnel", "authorities", "agents", "people"]),
       st.sampled_from(["trained {n} {noun}.", "{n} {noun} were trained.", "a total of {n} {noun} attended.",
                        "with the participation of {n} {noun}."]))
def test_any_participant_count_with_thousands_separators(n, noun, template):
    text = template.format(n=f"{n:,}", noun=noun)
    c = one_participant_count(text)
    assert c.value == n and c.qualifier == "exact"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=99))
def test_number_words_round_trip(n):
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    units = list(numbers.UNITS)
    word = units[n] if n < 20 else tens[n // 10] + ("-" + units[n % 10] if n % 10 else "")
    assert words_to_int(word) == n
    c = one_participant_count(f"{word.capitalize()} officers participated.")
    assert c.value == n
