"""The splitter (hemiplan.report): what real reports do to their layout, and the 2014
output kept identical."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemiplan.data import csvio
from hemiplan import ingest, paths
from hemiplan.reading.report import ReportStructureError, paragraph_ids, roman_to_int, split_report


def split(text: str, year: int = 2040):
    paras = split_report(text)
    return [(pid, p.section, p.subsection, p.heading, p.text) for pid, p in zip(paragraph_ids(paras, year), paras)]


def texts(text: str) -> list[str]:
    return [p.text for p in split_report(text)]


# --- 2014 stays exactly as curated -------------------------------------------------------

def test_2014_paragraphs_are_unchanged():
    text = paths.raw_report(2014).read_text(encoding="utf-8")
    got = ingest.paragraphs_table(text, 2014).astype(str)
    curated = csvio.read_text_table(paths.year_dir(2014) / "paragraphs.csv")
    cols = ["paragraph_id", "line_start", "line_end", "text", "section", "section_title", "subsection",
            "subsection_title", "heading"]
    assert len(got) == len(curated)
    for col in cols:
        diff = [(a, b) for a, b in zip(got[col], curated[col]) if a != b]
        assert not diff, f"{col} changed: {diff[:3]}"


def test_2014_headings_and_letter_alone():
    text = paths.raw_report(2014).read_text(encoding="utf-8")
    paras = {pid: p for pid, p in zip(paragraph_ids(split_report(text), 2014), split_report(text))}
    assert paras["2014-V.b-04"].heading == "Control of Narcotrafficking"
    assert paras["2014-V.c-01"].subsection_title.startswith("Support for implementing the Inter-American Convention")
    assert paras["2014-VII.a-01"].subsection_title.startswith("Promotion of inter-agency coordination")


# --- bullets ------------------------------------------------------------------------------

@pytest.mark.parametrize("marker", ["·", "•", "-", "*", "–", "\uf0b7", "1.", "1)", "(1)"])
def test_bullet_markers(marker):
    text = f"I. Introduction\n{marker} First item about Peru.\n{marker} Second item about Chile.\n"
    assert texts(text) == ["First item about Peru.", "Second item about Chile."]


def test_numbered_items_in_sequence():
    text = "II. Strategies\n1) One thing was done.\n2) Another was done;\n3) And a third.\n"
    assert texts(text) == ["One thing was done.", "Another was done;", "And a third."]


def test_no_bullets_paragraphs_separated_by_blank_lines():
    text = "I. Introduction\n\nFirst paragraph.\n\nSecond paragraph.\n"
    assert texts(text) == ["First paragraph.", "Second paragraph."]


def test_unbulleted_consecutive_sentences_start_new_paragraphs():
    text = "I. Introduction\nFirst paragraph ends here.\nSecond paragraph starts here.\n"
    assert texts(text) == ["First paragraph ends here.", "Second paragraph starts here."]


# --- line endings and spaces -----------------------------------------------------------------

@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_endings(eol):
    text = eol.join(["I. Introduction", "", "· One.", "· Two.", "II. Strategies", "a) Plans", "· Three."]) + eol
    got = split(text)
    assert [g[4] for g in got] == ["One.", "Two.", "Three."]
    assert [g[0] for g in got] == ["2040-I-01", "2040-I-02", "2040-II.a-01"]
    spans = [(p.line_start, p.line_end) for p in split_report(text)]
    assert spans == [(3, 3), (4, 4), (7, 7)]


def test_byte_order_mark_and_stray_leading_spaces():
    text = "\ufeff  I. Introduction\n   · Indented bullet.\n      II. STRATEGIES\n  a)   Plans\n    Text here.\n"
    got = split(text)
    assert [(g[1], g[2], g[4]) for g in got] == [("I", "", "Indented bullet."), ("II", "a", "Text here.")]


# --- sections ------------------------------------------------------------------------------

def test_upper_case_roman_sections_and_titles():
    text = "I. INTRODUCTION\nText one.\nII. NATIONAL STRATEGIES\nText two.\nIV. LAW ENFORCEMENT MATTERS\nText four.\n"
    paras = split_report(text)
    assert [(p.section, p.section_title) for p in paras] == [
        ("I", "INTRODUCTION"), ("II", "NATIONAL STRATEGIES"), ("IV", "LAW ENFORCEMENT MATTERS")]


@pytest.mark.parametrize("heading", ["V. Training", "V) Training", "V - Training", "V: Training", "SECTION V: Training",
                                     "Section V. Training", "V Training"])
def test_section_heading_forms(heading):
    text = f"IV. Law enforcement\nText four.\n\n{heading}\nText five.\n"
    assert [p.section for p in split_report(text)] == ["IV", "V"]


def test_section_numeral_alone_with_title_on_next_line():
    text = "I. Introduction\nText one.\n\nII.\nNational strategies\n\nText two.\n"
    paras = split_report(text)
    assert [(p.section, p.section_title, p.text) for p in paras] == [
        ("I", "Introduction", "Text one."), ("II", "National strategies", "Text two.")]


def test_sentence_starting_with_a_numeral_is_not_a_section():
    text = "I. Introduction\nText one.\nII. Strategies\nI. This sentence lists a point, not a section.\n"
    assert [p.section for p in split_report(text)] == ["I", "II"]


def test_table_of_contents_is_skipped():
    text = ("CONTENTS\nI. Introduction ........ 1\nII. Strategies ........ 2\nIII. Legal instruments\t3\n\n"
            "I. Introduction\nReal text one.\nII. Strategies\nReal text two.\n")
    assert [(p.section, p.text) for p in split_report(text)] == [("I", "Real text one."), ("II", "Real text two.")]


def test_table_of_contents_without_leaders_is_skipped():
    text = ("I. Introduction\nII. Strategies\nIII. Legal instruments\n\n"
            "I. Introduction\nReal text one.\nII. Strategies\nReal text two.\n")
    paras = split_report(text)
    assert [(p.section, p.text) for p in paras] == [("I", "Real text one."), ("II", "Real text two.")]
    assert paras[0].line_start == 6


def test_no_sections_raises():
    with pytest.raises(ReportStructureError, match="roman numeral"):
        split_report("Just some text.\nWith no structure at all.\n")


def test_roman_to_int():
    assert [roman_to_int(x) for x in ["I", "IV", "IX", "XIV", "XL", "IIII", "VX", ""]] == [1, 4, 9, 14, 40, None, None, None]


# --- subsections and headings -------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [("a)", "b)"), ("a.", "b."), ("(a)", "(b)"), ("A.", "B."), ("A)", "B)")])
def test_subsection_forms(a, b):
    text = f"V. Training\n{a} Money laundering\n· One.\n{b} Supply reduction\n· Two.\n"
    paras = split_report(text)
    assert [(p.subsection, p.subsection_title, p.text) for p in paras] == [
        ("a", "Money laundering", "One."), ("b", "Supply reduction", "Two.")]


def test_subsection_letter_alone_with_title_on_next_line():
    text = "V. Training\na.\nMoney laundering\n\n· One.\nb)\n\nSupply reduction\n· Two.\n"
    paras = split_report(text)
    assert [(p.subsection, p.subsection_title, p.text) for p in paras] == [
        ("a", "Money laundering", "One."), ("b", "Supply reduction", "Two.")]


def test_letters_out_of_sequence_are_text():
    text = "V. Training\na) Money laundering\n· One.\n\nf) Far out of sequence: text, not a subsection.\n"
    paras = split_report(text)
    assert [p.subsection for p in paras] == ["a", "a"]
    assert paras[1].text.startswith("f) Far")


def test_unlettered_sub_headings():
    text = ("V. Training\nb. Supply reduction\n\nControl of Narcotrafficking\n\n· One.\n\n"
            "Maritime Interdiction\n· Two.\n\nOther technical assistance\n\nThree.\n")
    paras = split_report(text)
    assert [(p.heading, p.text) for p in paras] == [
        ("Control of Narcotrafficking", "One."), ("Maritime Interdiction", "Two."),
        ("Other technical assistance", "Three.")]


def test_heading_directly_above_a_long_paragraph():
    long = "The Department of Public Security supported the national council. " * 3
    text = f"VII. Cooperation\n\nOther technical assistance\n{long.strip()}\n"
    paras = split_report(text)
    assert [(p.heading, p.line_start) for p in paras] == [("Other technical assistance", 4)]


def test_title_wrapped_over_two_lines():
    text = ("V. Training\nc) Support for implementing the Inter-American Convention against the\n"
            "Illicit Manufacturing of and Trafficking in Firearms\n· One.\n"
            "VI. Information sharing among the\nmember states\n\n· Two.\n")
    paras = split_report(text)
    assert [(p.subsection_title, p.section_title, p.text) for p in paras] == [
        ("Support for implementing the Inter-American Convention against the Illicit Manufacturing of and "
         "Trafficking in Firearms", "Training", "One."),
        ("", "Information sharing among the member states", "Two.")]


def test_new_subsection_resets_heading_and_new_section_resets_subsection():
    text = "V. Training\na) One\nHeading\n\n· x.\nb) Two\n· y.\nVI. Sharing\n· z.\n"
    paras = split_report(text)
    assert [(p.section, p.subsection, p.heading) for p in paras] == [("V", "a", "Heading"), ("V", "b", ""), ("VI", "", "")]


# --- wrapped paragraphs ----------------------------------------------------------------------------

def test_paragraph_wrapped_over_several_lines():
    text = ("I. Introduction\n\n"
            "· The Department of Public Security trained officers from\n"
            "  Guatemala and Honduras, and the seminar was held in\n"
            "  Tegucigalpa in May.\n"
            "· Second bullet.\n")
    paras = split_report(text)
    assert [(p.text, p.line_start, p.line_end) for p in paras] == [
        ("The Department of Public Security trained officers from Guatemala and Honduras, and the seminar "
         "was held in Tegucigalpa in May.", 3, 5), ("Second bullet.", 6, 6)]


def test_hard_wrapped_text_keeps_sentences_ending_at_the_margin_in_their_paragraph():
    text = ("I. Introduction\n\n"
            "The program delivered eleven courses in Peru and in Chile during the\n"
            "year, with officers from every province of both countries taking part\n"
            "in each of them and reporting on the results of the training in full.\n"
            "The courses ended in June, and a final report was sent to the two\n"
            "governments in July.\n"
            "\n"
            "A second paragraph begins here and it goes on to the right margin of\n"
            "the page to show wrapping; it then ends on a rather short line.\n"
            "Then a short paragraph.\n"
            "\n"
            "A third paragraph is wrapped as well, so that the text reads as one\n"
            "that was hard-wrapped at a fixed width by the program that made it.\n")
    paras = texts(text)
    assert paras == [
        "The program delivered eleven courses in Peru and in Chile during the year, with officers from every "
        "province of both countries taking part in each of them and reporting on the results of the training "
        "in full. The courses ended in June, and a final report was sent to the two governments in July.",
        "A second paragraph begins here and it goes on to the right margin of the page to show wrapping; it "
        "then ends on a rather short line.",
        "Then a short paragraph.",
        "A third paragraph is wrapped as well, so that the text reads as one that was hard-wrapped at a fixed "
        "width by the program that made it."]


def test_paragraph_ids_count_within_subsection():
    text = "II. Strategies\n· a.\na) Plans\n· b.\n· c.\nb) More\n· d.\nIII. Legal\n· e.\n"
    assert [g[0] for g in split(text, 2033)] == ["2033-II-01", "2033-II.a-01", "2033-II.a-02", "2033-II.b-01",
                                                  "2033-III-01"]


# --- never crashes ----------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_splitter_never_crashes_on_arbitrary_text(text):
    try:
        paras = split_report(text)
    except ReportStructureError:
        return
    n = len(text.lstrip("\ufeff").splitlines())
    for p in paras:
        assert 1 <= p.line_start <= p.line_end <= n
        assert p.text and p.text == p.text.strip()


_lines = st.lists(st.one_of(
    st.sampled_from(["I. Introduction", "II. STRATEGIES", "V Training", "a)", "b.", "(c) Title", "· bullet.",
                     "• Item", "- dash", "* star", "1. one", "2) two", "", "   ", "Heading Here", "\r",
                     "text ending.", "lower case continuation", "VII. Cooperation"]),
    st.text(max_size=40)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_lines, st.sampled_from(["\n", "\r\n", "\r"]))
def test_splitter_never_crashes_on_report_like_text(lines, eol):
    text = "I. Introduction" + eol + eol.join(lines)
    paras = split_report(text)
    ids = paragraph_ids(paras, 2040)
    assert len(ids) == len(set(ids))
    n = len(text.splitlines())
    for p in paras:
        assert 1 <= p.line_start <= p.line_end <= n
        assert roman_to_int(p.section)
