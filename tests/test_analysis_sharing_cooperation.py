"""The information-sharing and cooperation chapters' analyses
(hemiplan.analysis.information_sharing, hemiplan.analysis.cooperation,
hemiplan.analysis.destruction) and the frames they share, on small
hand-made tables and on the synthetic fixture (invented data)."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from hemiplan import data, vocabulary
from hemiplan.analysis import cooperation as co
from hemiplan.analysis import destruction as de
from hemiplan.analysis import frames, sections
from hemiplan.analysis import information_sharing as isx
from hemiplan.build import catalogs
from hemiplan.data import csvio, held, names, schema
from hemiplan.data.labels import type_label
from hemiplan.data.membership import members_in_year

from .conftest import SYNTHETIC_DATA
from .contract_defaults import with_contract_defaults

PARAS = pd.DataFrame({
    "paragraph_id": ["9999-V-01", "9999-VI.a-01", "9999-VI.b-01", "9999-VI.b-02", "9999-VII.a-01", "9999-VII.a-02",
                     "9999-VII.b-01"],
    "section": ["V", "VI", "VI", "VI", "VII", "VII", "VII"],
    "section_title": ["TRAINING", "INFORMATION SHARING", "INFORMATION SHARING", "INFORMATION SHARING",
                      "INTERNATIONAL COOPERATION", "INTERNATIONAL COOPERATION", "INTERNATIONAL COOPERATION"],
    "subsection": ["", "a", "b", "b", "a", "a", "b"],
    "subsection_title": ["", "Contacts", "Meetings", "Meetings", "Partners", "Partners", "Assistance"],
    "heading": [""] * 7,
})

MEMBERS = pd.DataFrame({
    "iso3": ["BRB", "GTM", "JAM", "PER", "USA", "NIC"],
    "name": ["Barbados", "Guatemala", "Jamaica", "Peru", "United States", "Nicaragua"],
    "subregion": ["Caribbean", "Central America", "Caribbean", "South America", "North America", "Central America"],
    "member_from": [1967, 1951, 1969, 1954, 1951, 1950],
    "member_until": pd.array([None, None, None, None, None, 2023], dtype="Int64"),
})

ORGS = pd.DataFrame({
    "org_id": ["un-a", "un-b", "gov-x", "firm"],
    "name": ["UN Agency A", "UN Agency B", "Government of X", "Firm Ltd"],
    "acronym": ["UNA", "", "", ""],
    "kind": ["UN body", "UN body", "national government agency", "private sector"],
})


def _acts(rows):
    cols = ["activity_id", "paragraph_id", "dependency", "program", "activity_type", "title", "countries", "month",
            "events", "participants", "participants_qualifier", "partners", "funders"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("month", "events", "participants"):
        df[c] = df[c].astype("Int64")
    for c in ("program", "countries", "participants_qualifier", "partners", "funders"):
        df[c] = df[c].fillna("")
    return with_contract_defaults(df)


def _inds(rows):
    cols = ["indicator_id", "paragraph_id", "indicator", "value", "unit", "countries", "ref_year"]
    df = pd.DataFrame(rows, columns=cols)
    df["value"] = df["value"].astype("Float64")
    df["ref_year"] = df["ref_year"].astype("Int64")
    df["countries"] = df["countries"].fillna("")
    return df.assign(dependency="", covers="", qualifier="exact")


ACTIVITIES = _acts([
    ("9999-A001", "9999-V-01", "CICAD", "", "course", "Course", "PER", 3, 1, 20, "exact", "un-a", "gov-x"),
    ("9999-A002", "9999-VI.a-01", "CICTE", "Focal", "network", "Focal point network", "", None, 1, None, None, "", ""),
    ("9999-A003", "9999-VI.a-01", "SMS", "", "other", "Directory of national authorities kept current", "", None, 1,
     None, None, "", ""),
    ("9999-A004", "9999-VI.b-01", "DPS", "", "meeting", "Meeting of authorities", "GTM;PER", 11, 1, 60, "approx", "", ""),
    ("9999-A005", "9999-VI.b-02", "CICAD", "", "workshop", "Workshop on networks", "BRB", None, 2, 15, "exact", "", ""),
    ("9999-A006", "9999-VI.b-02", "CICAD", "", "conference", "Conference", "BRB;JAM", 2, 1, None, None, "", ""),
    ("9999-A007", "9999-VII.a-01", "SMS", "", "agreement", "MOU with A", "", 5, 1, None, None, "un-a", ""),
    ("9999-A008", "9999-VII.a-01", "CICTE", "", "agreement", "MOU with firm", "USA", None, 1, None, None, "firm;un-b", ""),
    ("9999-A009", "9999-VII.a-02", "DPS", "", "technical_assistance", "Advice to council", "GTM", None, 1, None, None,
     "", "gov-x"),
    ("9999-A010", "9999-VII.b-01", "DPS", "", "destruction", "Destruction", "GTM;PER", None, 1, None, None, "", "gov-x"),
    ("9999-A011", "9999-VII.b-01", "DPS", "", "donation", "Marking machines", "PER", None, 1, None, None, "", "gov-x"),
    ("9999-A012", "9999-VII.b-01", "DPS", "", "mission", "Assessment mission", "", None, 1, None, None, "un-a", ""),
])

INDICATORS = _inds([
    ("9999-I001", "9999-VI.a-01", "focal_points", 30, "focal_points", "", None),
    ("9999-I002", "9999-VI.b-01", "participating_states", 2, "states", "GTM;PER", None),
    ("9999-I003", "9999-VI.b-02", "laws_adopted", 4, "laws", "", None),
    # a paragraph whose parts add up to its total ...
    ("9999-I004", "9999-VII.b-01", "total_munitions_destroyed", 110, "munitions", "GTM;PER", None),
    ("9999-I005", "9999-VII.b-01", "shells_destroyed", 10, "munitions", "GTM", None),
    ("9999-I006", "9999-VII.b-01", "explosive_devices_destroyed", 100, "munitions", "PER", None),
    # ... one whose parts do not ...
    ("9999-I007", "9999-VII.b-01", "firearms_destroyed_total", 50, "firearms", "GTM;PER", None),
    ("9999-I008", "9999-VII.b-01", "firearms_destroyed_gtm", 20, "firearms", "GTM", None),
    ("9999-I009", "9999-VII.b-01", "firearms_destroyed_per", 25, "firearms", "PER", None),
    # ... a total without parts in its unit, a figure of another year, a donation
    ("9999-I010", "9999-VII.b-01", "total_metric_tons_destroyed", 7, "metric_tons", "", None),
    ("9999-I011", "9999-VII.a-02", "firearms_destroyed", 999, "firearms", "", 2010),
    ("9999-I012", "9999-VII.b-01", "firearms_marking_machines_donated", 3, "machines", "PER", None),
])


class Ed:
    """A minimal edition for the functions that take one."""
    year = 9999
    paragraphs = PARAS
    activities = ACTIVITIES
    held, elsewhere = held.split(ACTIVITIES, 9999)
    indicators = INDICATORS
    member_states = MEMBERS
    organizations = ORGS
    chapter_sections = csvio.typed(csvio.read_text_table(schema.table_path("chapter_sections")), "chapter_sections")


@pytest.fixture(scope="module")
def synth():
    return data.load(2031, SYNTHETIC_DATA)


# --- text helpers --------------------------------------------------------------------

def test_plural_and_some():
    assert vocabulary.plural(1, "activity") == "1 activity"
    assert vocabulary.plural(2, "activity") == "2 activities"
    assert vocabulary.plural(1250, "firearm") == "1,250 firearms"
    assert vocabulary.plural(3, "kiss") == "3 kisses"
    assert vocabulary.plural(0, "day") == "0 days"
    assert vocabulary.some(0, "agreement") == "no agreement"
    assert vocabulary.some(2, "agreement") == "2 agreements"


def test_join_words_and_labels():
    assert vocabulary.join_words([]) == ""
    assert vocabulary.join_words(["a"]) == "a"
    assert vocabulary.join_words(["a", "b", "c"]) == "a, b and c"
    assert frames.indicator_label("dtc_participating_states") == "DTC participating states"
    assert frames.indicator_label("firearms_destroyed_gtm", "GTM", {"GTM": "Guatemala"}) == "Firearms destroyed (Guatemala)"
    # a last word that is not one of the figure's states stays a word
    assert frames.indicator_label("participants_per", "GTM") == "Participants per"
    assert vocabulary.amount(1, "machines") == "1 machine"
    assert vocabulary.amount(9061, "metric_tons") == "9,061 metric tons"
    assert isx.figure_phrase(28, "Major events focal points", "focal_points") == "28 major events focal points"
    assert isx.figure_phrase(3, "Marking machines donated", "machines") == "3 machines (marking machines donated)"


def test_blank_to_na():
    out = frames.blank_to_na(pd.DataFrame({"a": ["x", ""], "n": [1, 2]}))
    assert out.loc[0, "a"] == "x" and pd.isna(out.loc[1, "a"])
    assert out["n"].tolist() == [1, 2]


# --- information sharing --------------------------------------------------------------

def test_select_picks_the_section():
    sec = sections.select(Ed, isx.CHAPTER)
    assert sec.numeral == "VI"
    assert vocabulary.title_case(sec.title) == "Information sharing"
    assert sorted(sec.activities["activity_id"]) == ["9999-A002", "9999-A003", "9999-A004", "9999-A005", "9999-A006"]
    assert sorted(sec.indicators["indicator_id"]) == ["9999-I001", "9999-I002", "9999-I003"]


def test_select_missing_section_gives_empty_frames():
    class NoSix(Ed):
        paragraphs = PARAS[PARAS["section"] != "VI"]
    sec = sections.select(NoSix, isx.CHAPTER)
    assert sec.numeral is None
    assert sec.activities.empty and sec.indicators.empty and sec.paragraphs.empty
    assert isx.summary_text(isx.summary(sec, MEMBERS)) == "The 9999 report has no section on information sharing."


def test_contact_figures_by_keyword():
    sec = sections.select(Ed, isx.CHAPTER)
    f = isx.contact_figures(sec.indicators, MEMBERS)
    assert f["indicator_id"].tolist() == ["9999-I001", "9999-I002"]  # laws_adopted is not a contact figure
    assert f["value"].tolist() == [30, 2]
    assert f.loc[1, "states"] == "Guatemala, Peru"
    assert f.loc[0, "unit"] == "focal points"


def test_contacts_text_puts_states_against_members():
    f = isx.contact_figures(sections.select(Ed, isx.CHAPTER).indicators, MEMBERS)
    text = isx.contacts_text(f, MEMBERS, 2024)
    # 5 member states in 2024 (Nicaragua's membership ended in 2023): 2 states are 40%
    assert "30 focal points" in text and "2 participating states (40% of the member states)" in text
    assert "5 member states in 2024" in text


def test_networks_by_type_and_title():
    nets = isx.networks(ACTIVITIES, INDICATORS, MEMBERS, ORGS, PARAS)
    # the network, and the directory recorded as "other"; the workshop's title mentions
    # networks but a workshop is an event, not a network
    assert nets["activity_id"].tolist() == ["9999-A002", "9999-A003"]
    assert nets.loc[0, "figures"] == "30 focal points"
    assert nets["part"].tolist() == ["VI.a", "VI.a"]
    assert isx.networks_text(nets, "VI").startswith("The report records 2 networks, directories or platforms, 2 of them")


def test_meetings_calendar_order_and_names():
    ev = isx.meetings(sections.select(Ed, isx.CHAPTER).activities, MEMBERS)
    assert ev["activity_id"].tolist() == ["9999-A006", "9999-A004", "9999-A005"]  # Feb, Nov, undated
    assert ev["month"].tolist() == ["February", "November", ""]
    assert ev.loc[0, "states"] == "Barbados, Jamaica"
    assert ev.loc[1, "qualifier"] == "approximately"
    text = isx.meetings_text(ev)
    assert text.startswith("The section records 3 meetings and events: 2 dated to the month, 2 bringing together")
    # an approximate attendance makes the sum approximate
    assert ("2 with a stated attendance, which adds up to approximately 75 participants "
            "(1 of these attendances is not stated exactly).") in text


def test_states_taking_part_and_subregions():
    acts = sections.select(Ed, isx.CHAPTER).activities
    part = frames.states_named(acts, members_in_year(MEMBERS, 9999))
    assert part["iso3"].tolist() == ["BRB", "GTM", "JAM", "PER"]
    assert part.set_index("iso3").activities.to_dict() == {"BRB": 2, "GTM": 1, "JAM": 1, "PER": 1}
    assert part.set_index("iso3").at["BRB", "paragraphs"] == "9999-VI.b-02"
    sub = isx.by_subregion(part, MEMBERS, 9999).set_index("subregion")
    assert sub.at["Caribbean", "members"] == 2 and sub.at["Caribbean", "taking_part"] == 2
    assert sub.at["Caribbean", "share"] == 100
    assert sub.at["North America", "taking_part"] == 0
    assert sub.at["Central America", "members"] == 1  # Nicaragua no longer a member in 9999


def test_states_taking_part_with_no_state_named():
    acts = ACTIVITIES[ACTIVITIES["countries"] == ""]
    assert frames.states_named(acts, members_in_year(MEMBERS, 9999)).empty
    assert frames.states_named(ACTIVITIES.iloc[0:0], members_in_year(MEMBERS, 9999)).empty


def test_type_by_dependency():
    t = frames.type_by_dependency(sections.select(Ed, isx.CHAPTER).activities, type_label)
    assert list(t.columns) == ["CICAD", "CICTE", "DPS", "SMS"]
    assert t.loc["workshop", "CICAD"] == 1 and t.loc["network", "CICTE"] == 1
    assert int(t.to_numpy().sum()) == 5


def test_information_sharing_summary():
    sec = sections.select(Ed, isx.CHAPTER)
    s = isx.summary(sec, MEMBERS)
    assert isinstance(s, isx.SharingSummary) and isinstance(s.section, sections.SectionSummary)
    size = s.section
    assert (size.activities, size.events, size.itemised_participants, s.meetings, s.networks,
            size.states_reached) == (5, 6, 75, 3, 1, 4)
    assert s.meeting_events == 4 and s.contact_figures == ("30 focal points", "2 participating states")
    text = isx.summary_text(s)
    assert "runs to 3 paragraphs in 2 subsections (Contacts and Meetings)" in text
    assert "**5 activities** led by CICAD, CICTE, DPS and SMS" in text
    assert "adding up to **approximately 75 participants**." in text  # A004's 60 is approximate
    assert "**4 of the 5 member states**" in text
    assert "30 focal points and 2 participating states" in text


def test_information_sharing_summary_with_joint_work_and_no_participants():
    joint = ACTIVITIES.assign(joint_with=ACTIVITIES["activity_id"].map({"9999-A005": "DPS"}).fillna(""),
                              participants=pd.array([None] * len(ACTIVITIES), dtype="Int64"))

    class JointEd(Ed):
        held, elsewhere = held.split(joint, 9999)

    s = isx.summary(sections.select(JointEd, isx.CHAPTER), MEMBERS)
    assert s.section.dependencies == ("CICAD", "CICTE", "DPS", "SMS", "Joint")
    text = isx.summary_text(s)
    assert "**5 activities** led by CICAD, CICTE, DPS and SMS, or jointly (" in text
    assert "Participants are stated" not in text and isx.participants_sentence(s.section) == ""


def test_participants_sentence_carries_the_qualifier():
    s = isx.summary(sections.select(Ed, isx.CHAPTER), MEMBERS).section
    assert isx.participants_sentence(s) == ("Participants are stated for 2 activities, adding up to "
                                            "**approximately 75 participants**.")
    one = dataclasses.replace(s, with_participants=1,
                              people=dataclasses.replace(s.people, value=1, qualifier="exact", text="1"))
    assert isx.participants_sentence(one) == "Participants are stated for 1 activity, adding up to **1 participant**."


def test_summary_text_on_contact_figures_of_part_of_the_section():
    s = isx.summary(sections.select(Ed, isx.CHAPTER), MEMBERS)
    # 3 stated figures, 2 of them on contacts; and when every figure is one
    assert "The section also states 3 figures, among them, on networks and points of contact, 30 focal points and " \
           "2 participating states." in isx.summary_text(s)
    only = dataclasses.replace(s, section=dataclasses.replace(s.section, stated_figures=1), contact_figures=("33 focal points",))
    assert isx.summary_text(only).endswith("The section also states 1 figure, about networks and points of contact: "
                                           "33 focal points.")


def test_meetings_text_sums_qualifiers_by_the_schema_rule():
    acts = sections.select(Ed, isx.CHAPTER).activities
    floor = acts.assign(participants_qualifier=acts["participants_qualifier"].replace({"approx": "more_than"}))
    text = isx.meetings_text(isx.meetings(floor, MEMBERS))
    assert "which adds up to more than 75 participants (1 of these attendances is not stated exactly)." in text
    mixed = floor.assign(participants_qualifier=floor["participants_qualifier"].replace({"exact": "up_to"}))
    assert "adds up to approximately 75 participants (2 of these attendances are not stated exactly)." in \
        isx.meetings_text(isx.meetings(mixed, MEMBERS))
    exact = acts.assign(participants_qualifier=acts["participants_qualifier"].replace({"approx": "exact"}))
    assert isx.meetings_text(isx.meetings(exact, MEMBERS)).endswith("which adds up to 75 participants.")
    ev = isx.meetings(acts, MEMBERS)
    assert ev.set_index("activity_id").at["9999-A004", "participants_qualifier"] == "approx"
    assert isx.meetings_text(ev.iloc[0:0]) == ""


def test_information_sharing_on_synthetic_year(synth):
    sec = sections.select(synth, isx.CHAPTER)
    s = isx.summary(sec, synth.member_states)
    assert s.section.numeral == "VI" and s.section.activities == 0 and s.section.stated_figures == 1
    assert s.contact_figures == ("33 focal points",)
    assert "33 focal points" in isx.summary_text(s)
    f = isx.contact_figures(sec.indicators, synth.member_states)
    assert f["value"].tolist() == [33]


def test_information_sharing_year_over_year_synthetic():
    eds = data.load_all(SYNTHETIC_DATA)
    yoy = isx.year_over_year(eds)
    assert yoy["year"].tolist() == ["2030", "2031"]
    assert yoy["present"].tolist() == ["no", "yes"]
    assert yoy["figures"].tolist() == [0, 1]
    assert yoy["participants"].isna().all()  # no participants stated in section VI of either year


def test_information_sharing_year_over_year_gives_the_qualified_figure():
    class Before(Ed):
        year = 9998
        held, elsewhere = held.split(ACTIVITIES.assign(held_year=pd.array([9998] * len(ACTIVITIES), dtype="Int64")), 9998)

    yoy = isx.year_over_year({9998: Before, 9999: Ed})
    assert yoy["year"].tolist() == ["9998", "9999"]
    assert yoy["participants"].tolist() == ["approximately 75", "approximately 75"]
    assert yoy["meetings"].tolist() == [3, 3] and yoy["states"].tolist() == [4, 4]


# --- cooperation: partners -------------------------------------------------------------

def test_partner_links_roles_and_kinds():
    links = co.partner_links(ACTIVITIES, ORGS)
    assert len(links) == 9
    assert set(links.loc[links["role"] == "funder", "activity_id"]) == {"9999-A001", "9999-A009", "9999-A010", "9999-A011"}
    assert links.set_index(["activity_id", "org_id"]).at[("9999-A008", "firm"), "kind"] == "private sector"
    assert links.set_index(["activity_id", "org_id"]).at[("9999-A007", "un-a"), "label"] == "UNA"


def test_kind_by_dependency_counts_distinct_activities():
    m = co.kind_by_dependency(co.partner_links(ACTIVITIES, ORGS))
    assert list(m.columns) == ["CICAD", "CICTE", "DPS", "SMS", "Joint"]  # every dependency, then joint work
    assert m.index.tolist() == ["UN body", "national government agency", "private sector"]
    # UN bodies: A001 (CICAD), A008 (CICTE), A012 (DPS), A007 (SMS), one activity each
    assert m.loc["UN body"].to_dict() == {"CICAD": 1, "CICTE": 1, "DPS": 1, "SMS": 1, "Joint": 0}
    assert m.loc["national government agency"].to_dict() == {"CICAD": 1, "CICTE": 0, "DPS": 3, "SMS": 0, "Joint": 0}
    t = co.kind_table(co.partner_links(ACTIVITIES, ORGS)).set_index("kind")
    assert t.at["UN body", "organisations"] == 2 and t.at["UN body", "activities"] == 4
    assert t.at["private sector", "paragraphs"] == "9999-VII.a-01"


def test_org_by_dependency_top_and_ties():
    top = co.org_by_dependency(co.partner_links(ACTIVITIES, ORGS), n=2)
    assert top["org_id"].tolist() == ["gov-x", "un-a"]  # 4 and 3 activities
    assert top.loc[0, "as_funder"] == 4 and top.loc[0, "DPS"] == 3
    m = co.org_matrix(top)
    assert m.index.tolist() == ["Government of X", "UNA"] and m.loc["UNA", "SMS"] == 1


def test_partner_summary_and_text_with_ties():
    p = co.partner_figures(co.partner_links(ACTIVITIES, ORGS), ACTIVITIES)
    assert isinstance(p, co.PartnerFigures)
    assert (p.organisations, p.kinds, p.activities, p.all_activities, p.share) == (4, 3, 7, 12, 58)
    assert p.top_kinds == ("UN body",) and p.top_kind_orgs == 2
    assert p.top_dependencies == ("CICAD", "CICTE", "DPS") and p.top_dependency_orgs == 2
    text = co.partners_text(p, 9999)
    assert "**4 organisations** of 3 kinds are named" in text and "58% of the 12 recorded" in text
    assert "CICAD, CICTE and DPS each work with 2 organisations" in text
    assert co.partners_text(co.partner_figures(co.partner_links(ACTIVITIES.iloc[1:3], ORGS), ACTIVITIES.iloc[1:3]),
                            9999) == "The 9999 report names no partner or funder organisation for any activity."


def test_alternative_texts_of_the_partner_heat_maps():
    links = co.partner_links(ACTIVITIES, ORGS)
    alt = co.kinds_alt(co.kind_by_dependency(links))
    # zero cells are left out
    assert alt == ("Heat map of activities with partners by kind and dependency: UN body: CICAD 1, CICTE 1, DPS 1, "
                   "SMS 1; national government agency: CICAD 1, DPS 3; private sector: CICTE 1.")
    top = co.org_by_dependency(links, n=2)
    assert co.top_partners_alt(top) == "Heat map of the most frequent partners: Government of X: 4; UNA: 3."


def test_collaboration_text_only_with_collaboration():
    assert co.collaboration_text(pd.DataFrame(columns=["dependency", "with"])) == ""
    text = co.collaboration_text(pd.DataFrame({"dependency": ["CICAD"], "with": ["DPS"]}))
    assert text.startswith("The Secretariat's own dependencies are not counted among the partners above.")
    assert text.endswith("it is collaboration between dependencies:")


def test_led_by_with_the_joint_rule():
    assert co.led_by(("CICAD",)) == "led by CICAD"
    assert co.led_by(("CICAD", "DPS", "SMS")) == "led by CICAD, DPS and SMS"
    assert co.led_by(("CICAD", "Joint")) == "led by CICAD, or jointly"
    assert co.led_by(("Joint",)) == "led jointly"


# --- cooperation: agreements, funders, donations ------------------------------------------

def test_agreements_with_whom():
    ag = co.agreements(ACTIVITIES, ORGS, MEMBERS, PARAS)
    assert ag["activity_id"].tolist() == ["9999-A007", "9999-A008"]
    assert ag.loc[1, "with_whom"] == "Firm Ltd, UN Agency B"
    assert ag.loc[1, "kinds"] == "UN body, private sector"
    assert ag.loc[0, "month"] == "May" and ag.loc[1, "states"] == "United States"
    assert ag["section"].tolist() == ["VII.a", "VII.a"]
    # data in computed Markdown is escaped (hemiplan.book.literal)
    assert co.agreements_text(ag).startswith("The report records 2 agreements (in part VII\\.a of the report), 2 of them")
    assert co.agreements_text(ag.head(1)) == ("The report records 1 agreement (in part VII\\.a of the report), with a "
                                              "named counterpart organisation; SMS is the signing side.")
    assert co.agreements_text(ag.head(1).assign(with_whom="")).startswith(
        "The report records 1 agreement (in part VII\\.a of the report), with no named counterpart organisation;")
    assert co.agreements_text(ag.iloc[0:0]) == ""


def test_funders_who_funds_what():
    fu = co.funders(ACTIVITIES, ORGS, MEMBERS, PARAS)
    assert fu["funder"].unique().tolist() == ["Government of X"]
    assert fu["activity_id"].tolist() == ["9999-A001", "9999-A009", "9999-A010", "9999-A011"]  # report order
    assert fu.loc[2, "states"] == "Guatemala, Peru"
    assert co.funders_text(fu, ACTIVITIES) == "1 funder is named for 4 activities, 33% of all activities of the year."
    two = _acts([("9999-A101", "9999-V-01", "CICAD", "", "course", "C1", "", None, 1, None, None, "", "gov-x"),
                 ("9999-A102", "9999-V-01", "CICAD", "", "course", "C2", "", None, 1, None, None, "", "un-a"),
                 ("9999-A103", "9999-V-01", "CICAD", "", "course", "C3", "", None, 1, None, None, "", "gov-x;un-a"),
                 ("9999-A104", "9999-V-01", "CICAD", "", "course", "C4", "", None, 1, None, None, "", "")])
    tied = co.funders(two, ORGS, MEMBERS, PARAS)
    starred = co.funders(two, ORGS.assign(name=ORGS["name"].str.replace("Government of X", "*Gov* {X}")), MEMBERS, PARAS)
    assert co.funders_text(starred.head(3), two).endswith("\\*Gov\\* \\{X\\} funds the most (2 activities).")
    assert co.funders_text(tied, two) == ("2 funders are named for 3 activities, 75% of all activities of the year; "
                                          "each funds 2 activities.")


def test_donations_with_quantities_of_their_country():
    don = co.donations(ACTIVITIES, INDICATORS, ORGS, MEMBERS, PARAS)
    assert don["activity_id"].tolist() == ["9999-A011"]
    assert don.loc[0, "states"] == "Peru" and don.loc[0, "funders"] == "Government of X"
    assert don.loc[0, "quantities"] == "3 machines"
    assert co.donations_text(don) == "The report records 1 donation to 1 member state (Peru); it names a funder."


# --- cooperation: destruction and its arithmetic ------------------------------------------

def test_is_total():
    # the destruction figures count a total named anywhere (reconciliation only a prefix)
    assert frames.is_total("total_munitions_destroyed", anywhere=True)
    assert frames.is_total("firearms_destroyed_total", anywhere=True)
    assert not frames.is_total("firearms_destroyed", anywhere=True)


def test_destruction_indicators_exclude_donations():
    d = de.destruction_indicators(INDICATORS)
    assert "9999-I012" not in set(d["indicator_id"])  # firearms marking machines donated
    assert set(d["indicator_id"]) == {f"9999-I{i:03d}" for i in range(4, 12)}
    assert d.set_index("indicator_id")["is_total"].to_dict()["9999-I007"]


def test_check_totals_sums_components_per_paragraph_and_unit():
    c = de.check_totals(INDICATORS, MEMBERS).set_index("indicator_id")
    assert c.index.tolist() == ["9999-I004", "9999-I007", "9999-I010"]
    assert (c.at["9999-I004", "computed"], c.at["9999-I004", "difference"], c.at["9999-I004", "holds"]) == (110, 0, "yes")
    # 20 + 25 = 45 against a stated 50: stated − items = +5
    assert (c.at["9999-I007", "computed"], c.at["9999-I007", "difference"], c.at["9999-I007", "holds"]) == (45, 5, "no")
    assert c.at["9999-I007", "components"] == "Firearms destroyed (Guatemala): 20; Firearms destroyed (Peru): 25"
    assert c.at["9999-I010", "n_components"] == 0 and c.at["9999-I010", "holds"] == "no items"
    assert pd.isna(c.at["9999-I010", "difference"])


def test_check_text_reports_both_figures():
    text = de.check_text(de.check_totals(INDICATORS, MEMBERS))
    assert text.startswith("The report states 3 totals of munitions or firearms destroyed.")
    assert "For 1 of them the itemised figures in the same paragraph add up exactly" in text
    assert "firearms destroyed total is stated as 50 firearms but its items sum to 45 (stated minus items: +5)" in text
    assert "For 1 no itemised figure of the same unit appears" in text
    ok = de.check_totals(INDICATORS[INDICATORS["indicator_id"].isin(["9999-I004", "9999-I005", "9999-I006"])])
    assert de.check_text(ok) == ("The report states 1 total of munitions or firearms destroyed, and it equals the sum of "
                                 "the itemised figures in the same paragraph exactly: 110 munitions from 2 items. "
                                 "The report's arithmetic holds.")
    assert de.check_text(de.check_totals(INDICATORS.iloc[0:3])).startswith("No destruction figure comes with")


def test_destruction_summary_prefers_stated_totals_and_skips_other_years():
    ds = de.destruction_summary(INDICATORS, MEMBERS).set_index("unit")
    assert ds.at["munitions", "quantity"] == 110  # the stated total, not 110 + 10 + 100
    assert ds.at["firearms", "quantity"] == 50  # the 2010 figure (999) is left out
    assert ds.at["metric tons", "quantity"] == 7
    assert ds.at["firearms", "states"] == "Guatemala, Peru"
    assert de.destruction_text(ds.reset_index()).startswith("Destroyed in the year, as stated: **110 munitions**")


def test_destruction_activities_show_paragraph_quantities():
    da = de.destruction_activities(ACTIVITIES, INDICATORS, ORGS, MEMBERS, PARAS)
    assert da["activity_id"].tolist() == ["9999-A010"]
    assert da.loc[0, "figures"] == "110 munitions; 50 firearms; 7 metric tons"
    assert da.loc[0, "supporters"] == "Government of X"


def test_destruction_table_roles():
    dt = de.destruction_table(INDICATORS, MEMBERS, PARAS).set_index("indicator_id")
    assert dt.at["9999-I004", "role"] == "stated total" and dt.at["9999-I005", "role"] == "item"
    assert dt.at["9999-I011", "refers_to"] == "2010"
    assert dt.at["9999-I008", "what"] == "Firearms destroyed (Guatemala)"


# --- cooperation: technical assistance and summary -----------------------------------------

def test_technical_assistance_of_the_section():
    sec = sections.select(Ed, co.CHAPTER)
    ta = co.technical_assistance(sec.activities, ORGS, MEMBERS)
    assert ta["activity_id"].tolist() == ["9999-A009", "9999-A012"]
    assert ta["type"].tolist() == ["technical assistance", "mission"]
    assert co.assistance_text(ta, "VII") == ("Section VII records 2 technical assistance activities (1 mission and 1 "
                                             "technical assistance); 1 of them names the member states served.")


def test_cooperation_summary():
    sec = sections.select(Ed, co.CHAPTER)
    s = co.summary(sec, Ed)
    assert isinstance(s, co.CooperationSummary) and isinstance(s.section, sections.SectionSummary)
    assert (s.section.activities, s.agreements, s.assistance, s.partners, s.section.states_reached) == (6, 2, 2, 4, 3)
    assert s.partnered == 6 and s.types == ("2 agreements, 1 destruction operation, 1 donation, 1 mission and "
                                            "1 technical assistance activity")
    assert s.section.stated_figures == 9 and s.destruction_figures == 8
    text = co.summary_text(s)
    assert text.startswith("Section VII of the 9999 report (*International cooperation*) runs to 3 paragraphs in "
                           "2 subsections.")
    assert "**6 activities** led by CICTE, DPS and SMS" in text
    assert "They name 3 member states and 4 partner or funder organisations (for 6 activities)." in text
    assert "The section holds 2 agreements and 2 technical assistance activities." in text
    assert "It also states 9 figures, 8 of them about munitions or firearms destroyed." in text
    every = dataclasses.replace(s, destruction_figures=9)
    assert co.summary_text(every).endswith("It also states 9 figures, all about munitions or firearms destroyed.")
    none = dataclasses.replace(s, destruction_figures=0, agreements=0, assistance=0)
    assert co.summary_text(none).endswith("activity). They name 3 member states and 4 partner or funder "
                                          "organisations (for 6 activities). It also states 9 figures.")


def test_cooperation_summary_without_the_section():
    class NoSeven(Ed):
        paragraphs = PARAS[PARAS["section"] != "VII"]
    s = co.summary(sections.select(NoSeven, co.CHAPTER), NoSeven)
    assert (s.section.numeral, s.partners, s.agreements, s.destruction_figures) == (None, 0, 0, 0)
    assert co.summary_text(s) == ("The 9999 report has no section on international cooperation and assistance; "
                                  "the analyses below that span the whole report still apply.")


def test_cooperation_on_synthetic_year(synth):
    sec = sections.select(synth, co.CHAPTER)
    assert sec.numeral == "VII"
    s = co.summary(sec, synth)
    assert (s.section.activities, s.agreements, s.partners, s.destruction_figures) == (2, 1, 1, 1)
    ds = de.destruction_summary(synth.indicators, synth.member_states)
    assert ds["quantity"].tolist() == [4321] and ds.loc[0, "states"] == "Honduras"
    assert de.check_totals(synth.indicators).empty
    links = co.partner_links(synth.activities, synth.organizations)
    m = co.kind_by_dependency(links)
    assert m.loc["UN body", "SMS"] == 1 and m.loc["regional organisation", "DPS"] == 1
    ag = co.agreements(synth.activities, synth.organizations, synth.member_states, synth.paragraphs)
    assert ag["with_whom"].tolist() == ["UNODC"]


def test_cooperation_year_over_year_synthetic():
    yoy = co.year_over_year(data.load_all(SYNTHETIC_DATA))
    assert yoy["year"].tolist() == ["2030", "2031"]
    assert yoy["section_activities"].tolist() == [1, 2]
    assert yoy["partners"].tolist() == [0, 2]
    assert yoy["agreements"].tolist() == [0, 1]
    assert co.year_over_year({2031: None}).empty


# --- in Spanish --------------------------------------------------------------------------

def test_cooperation_summary_reads_in_spanish(spanish):
    text = co.summary_text(co.summary(sections.select(Ed, co.CHAPTER), Ed))
    assert text.startswith("La sección VII del informe de 9999 (*International cooperation*) abarca 3 párrafos en "
                           "2 subsecciones. Registra **6 actividades** dirigidas por CICTE, DPS y SMS (2 acuerdos, ")
    assert "Las actividades nombran a 3 Estados Miembros y a 4 organizaciones socias o financiadoras (en 6 actividades)." \
        in text
    assert "La sección contiene 2 acuerdos y 2 actividades de asistencia técnica." in text
    assert text.endswith("Declara además 9 cifras, 8 de ellas sobre municiones o armas de fuego destruidas.")


def test_information_sharing_summary_reads_in_spanish_and_marks_the_reports_headings(spanish):
    s = isx.summary(sections.select(Ed, isx.CHAPTER), MEMBERS, report_language="en")
    text = isx.summary_text(s)
    assert text.startswith('La sección VI del informe de 9999 (*<span lang="en">Information sharing</span>*) abarca '
                           '3 párrafos en 2 subsecciones (<span lang="en">Contacts</span> y '
                           '<span lang="en">Meetings</span>).')
    assert "Registra **5 actividades** dirigidas por CICAD, CICTE, DPS y SMS (" in text
    assert "que suman 6 eventos. Se declaran participantes para 2 actividades, lo que suma " \
           "**aproximadamente 75 participantes**." in text
    assert "Las actividades nombran a **4 de los 5 Estados Miembros**." in text
    assert "the" not in text.replace("<span", "").split()  # no English word outside the report's headings


def test_meetings_and_contacts_read_in_spanish(spanish):
    ev = isx.meetings(sections.select(Ed, isx.CHAPTER).activities, MEMBERS)
    assert ev["month"].tolist() == ["febrero", "noviembre", ""]
    assert isx.meetings_text(ev) == (
        "La sección registra 3 reuniones y eventos: 2 con el mes indicado, 2 que reúnen a más de un Estado Miembro "
        "y 2 con una asistencia declarada, que suma aproximadamente 75 participantes (1 de estas asistencias no se "
        "declara con exactitud).")
    text = isx.contacts_text(isx.contact_figures(sections.select(Ed, isx.CHAPTER).indicators, MEMBERS), MEMBERS, 2024)
    assert text.startswith("La sección contabiliza 30 puntos focales y ")
    assert "(el 40\u00a0% de los Estados Miembros). Como referencia, la Organización tenía 5 Estados Miembros en 2024" in text
    acts = sections.select(Ed, isx.CHAPTER).activities
    sub = isx.by_subregion(frames.states_named(acts, members_in_year(MEMBERS, 9999)), MEMBERS, 9999)
    assert not {"Caribbean", "Central America", "North America", "South America"} & set(sub["subregion"])


def test_destruction_reads_in_spanish(spanish):
    assert de.amount_text(1, "machines") == "1 máquina"
    assert de.amount_text(1102751, "munitions") == "1.102.751 municiones"
    assert de.amount_text(9061, "metric tons") == "9.061 toneladas métricas"  # the words of a unit, as tables give them
    text = de.check_text(de.check_totals(INDICATORS, MEMBERS))
    assert text.startswith("El informe declara 3 totales de municiones o armas de fuego destruidas. En 1 de ellos, "
                           "las cifras desglosadas del mismo párrafo suman exactamente el total")
    assert "se declara como 50 armas de fuego, pero sus partidas suman 45 (declarado menos partidas: +5)" in text
    assert text.endswith("Se muestran ambas cifras; ninguna se corrige.")
    assert de.destruction_text(de.destruction_summary(INDICATORS, MEMBERS)) == (
        "Cantidades destruidas en el año, según las cifras declaradas: **110 municiones** (Guatemala, Peru), "
        "**50 armas de fuego** (Guatemala, Peru) y **7 toneladas métricas**.")
    assert de.holds_label("no items") == "sin partidas"


def test_partners_read_in_spanish_with_the_dependencies_spanish_acronyms(spanish, synth):
    links = co.partner_links(synth.held, synth.organizations)
    text = co.partners_text(co.partner_figures(links, synth.held, synth.dependency_names), 2031)
    assert text == ("En todo el informe de 2031, **2 organizaciones** de 2 tipos figuran como socias o financiadoras "
                    "de 2 actividades, el 15\u00a0% de las 13 registradas. Los tipos más frecuentes son *órgano de las "
                    "Naciones Unidas* y *organización regional* (1 organización cada uno); DSP y SSM trabajan cada "
                    "una con 1 organización, la gama más amplia.")
    ag = co.agreements(synth.held, synth.organizations, synth.member_states, synth.paragraphs, synth.translations,
                       synth.dependency_names)
    assert co.agreements_text(ag, synth.dependency_names).endswith("SSM es la parte firmante.")
    assert list(co.kind_matrix(co.kind_by_dependency(links), synth.dependency_names).columns) == \
        ["SE-CICAD", "Secretaría\ndel CICTE", "DSP", "SSM", "Conjunta"]  # a long one on two lines


def test_a_funder_without_a_spanish_name_is_marked_english(spanish):
    f = pd.DataFrame({"funder": [names.English("Government of X")] * 2 + ["Gobierno de Y"],
                      "activity_id": ["a", "b", "c"]})
    assert co.funders_text(f, pd.DataFrame({"activity_id": ["a", "b", "c", "d"]})) == (
        'Se nombran 2 financiadores para 3 actividades, el 75\u00a0% de todas las actividades del año; '
        '<span lang="en">Government of X</span> es el que más financia (2 actividades).')


def test_english_is_unchanged_by_the_markings():
    f = pd.DataFrame({"funder": ["Government of X"] * 2 + ["Gobierno de Y"], "activity_id": ["a", "b", "c"]})
    assert co.funders_text(f, pd.DataFrame({"activity_id": ["a", "b", "c", "d"]})) == (
        "2 funders are named for 3 activities, 75% of all activities of the year; Government of X funds the most "
        "(2 activities).")
    assert de.amount_text(1, "machines") == "1 machine" and de.amount_text(9061, "metric_tons") == "9,061 metric tons"
    assert co.named("Government of X") == "Government of X"


def test_the_chapters_catalogs_are_complete_in_spanish():
    mine = ("analysis.cooperation", "analysis.cooperation_summary", "analysis.information_sharing",
            "analysis.destruction", "chapters.cooperation", "chapters.information_sharing")
    assert [p for p in catalogs.check("es") if any(f"{m}.po" in p for m in mine)] == []
