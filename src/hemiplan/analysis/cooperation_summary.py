"""The opening paragraph of the cooperation chapter (section VII), and the sentences it
shares with the information-sharing chapter: the section's size, who leads its
activities (:func:`led_by`, :func:`records_sentence`) and its opening sentence
(:func:`opening_sentence`). Every sentence is one message in the page's language
(:mod:`hemiplan.language`). :mod:`hemiplan.analysis.cooperation` gives
:func:`summary` and :func:`summary_text` under its own name."""
from __future__ import annotations

from dataclasses import dataclass, field

from hemiplan.analysis import frames, sections
from hemiplan.analysis.destruction import destruction_indicators
from hemiplan.analysis.frames import JOINT, dependency_labels, partner_links
from hemiplan import language
from hemiplan.language import _, n_
from hemiplan.vocabulary import join_words, literal, number, title_case

#: Activity types counted as technical assistance.
ASSISTANCE_TYPES = ("technical_assistance", "legislative_assistance", "mission", "assessment")


def _acts(n: int) -> str:
    """'59 activities'."""
    return n_("{n} activity", "{n} activities", n).format(n=number(n))


@dataclass(frozen=True)
class CooperationSummary:
    """The figures of the chapter's opening paragraph (:func:`summary`): the section's
    size and its activity types, partners, agreements, technical assistance and
    destruction figures."""
    section: sections.SectionSummary
    types: str
    partners: int
    partnered: int
    agreements: int
    assistance: int
    destruction_figures: int
    #: dependency code → how the page names it (its acronym in the page's language); codes where empty
    dependency_words: dict = field(default_factory=dict)
    #: the report's language (its headings are quoted in it)
    report_language: str | None = None


def summary(sec: sections.Section, ed) -> CooperationSummary:
    """The section's figures for the opening paragraph (:func:`hemiplan.analysis.sections.summary`
    and activity types, partners, agreements, technical assistance, destruction figures)."""
    acts = sec.activities
    links = partner_links(acts, ed.organizations)
    return CooperationSummary(
        section=sections.summary(sec, ed.member_states),
        types=frames.type_counts_text(acts),
        partners=int(links["org_id"].nunique()) if len(links) else 0,
        partnered=int(links["activity_id"].nunique()) if len(links) else 0,
        agreements=int((acts["activity_type"] == "agreement").sum()),
        assistance=int(acts["activity_type"].isin(ASSISTANCE_TYPES).sum()),
        destruction_figures=len(destruction_indicators(sec.indicators)),
        dependency_words=page_dependencies(getattr(ed, "dependency_names", None)),
        report_language=getattr(ed, "language", None),
    )


def page_dependencies(dependency_names) -> dict:
    """Dependency code → its acronym in the page's language
    (:func:`hemiplan.analysis.frames.dependency_labels`); {} without ``dependency_names``
    (sentences then name the codes)."""
    return dependency_labels(dependency_names) if dependency_names is not None else {}


def led_by(dependencies) -> str:
    """'led by CICAD and DPS', 'led by CICAD, or jointly', 'led jointly': who leads a
    section's activities, with the Joint rule of :func:`hemiplan.analysis.frames.lead`."""
    own = [d for d in dependencies if d != JOINT]
    if not own:
        return _("led jointly")
    if len(own) < len(dependencies):
        return _("led by {dependencies}, or jointly").format(dependencies=join_words(own))
    return _("led by {dependencies}").format(dependencies=join_words(own))


def records_sentence(n: int, dependencies, types: str, words: dict | None = None) -> str:
    """'It records **27 activities** led by CICTE, DPS and SMS (7 conferences, …).': the
    section's activities, who leads them (the Joint rule of :func:`led_by`; ``words``
    names the dependencies, their codes by default) and their types."""
    own = [(words or {}).get(d, d) for d in dependencies if d != JOINT]
    if not own:
        text = n_("It records **{n} activity** led jointly ({types}).",
                  "It records **{n} activities** led jointly ({types}).", n)
    elif len(own) < len(dependencies):
        text = n_("It records **{n} activity** led by {dependencies}, or jointly ({types}).",
                  "It records **{n} activities** led by {dependencies}, or jointly ({types}).", n)
    else:
        text = n_("It records **{n} activity** led by {dependencies} ({types}).",
                  "It records **{n} activities** led by {dependencies} ({types}).", n)
    return text.format(n=number(n), dependencies=join_words(own), types=types)


def _figures_sentence(stated: int, destruction: int) -> str:
    """'It also states 9 figures, 8 of them about munitions or firearms destroyed.'"""
    figures = n_("{n} figure", "{n} figures", stated).format(n=number(stated))
    if destruction == stated:
        text = n_("It also states {figures}, about munitions or firearms destroyed.",
                  "It also states {figures}, all about munitions or firearms destroyed.", stated)
    elif destruction:
        text = _("It also states {figures}, {n} of them about munitions or firearms destroyed.")
    else:
        text = _("It also states {figures}.")
    return text.format(figures=figures, n=number(destruction))


def _names_sentence(states: int, partners: int, partnered: int) -> str:
    """'They name 10 member states and 13 partner or funder organisations (for 12 activities).'"""
    values = dict(states=n_("{n} member state", "{n} member states", states).format(n=number(states)),
                  partners=n_("{n} partner or funder organisation", "{n} partner or funder organisations",
                              partners).format(n=number(partners)), activities=_acts(partnered))
    if states and partners:
        text = _("They name {states} and {partners} (for {activities}).")
    elif states:
        text = _("They name {states} and no partner or funder.")
    elif partners:
        text = _("They name no member state and {partners} (for {activities}).")
    else:
        text = _("They name no member state and no partner or funder.")
    return text.format(**values)


def _holds_sentence(agreements: int, assistance: int) -> str:
    """'The section holds 4 agreements and 3 technical assistance activities.' ('' for neither)"""
    if agreements and assistance:
        return _("The section holds {agreements} and {assistance}.").format(
            agreements=n_("{n} agreement", "{n} agreements", agreements).format(n=number(agreements)),
            assistance=n_("{n} technical assistance activity", "{n} technical assistance activities",
                          assistance).format(n=number(assistance)))
    if agreements:
        return n_("The section holds {n} agreement and no technical assistance activity.",
                  "The section holds {n} agreements and no technical assistance activity.",
                  agreements).format(n=number(agreements))
    if assistance:
        return n_("The section holds no agreement and {n} technical assistance activity.",
                  "The section holds no agreement and {n} technical assistance activities.",
                  assistance).format(n=number(assistance))
    return ""


def in_language(text, lang: str | None) -> str:
    """Words for Markdown (escaped, :func:`hemiplan.vocabulary.literal`), inside
    ``<span lang="…">`` when ``lang`` (the language they are written in: the report's
    for its headings, ``.lang`` for a :class:`hemiplan.data.names.English` name) is not
    the page's; exactly the escaped words on a page of their own language."""
    out = literal(text)
    return f'<span lang="{lang}">{out}</span>' if lang and lang != language.current() else out


def opening_sentence(sec: sections.SectionSummary, subsections=(), report_language: str | None = None) -> str:
    """'Section VII of the 2014 report (*International cooperation and assistance*) runs
    to 14 paragraphs in 3 subsections.' With ``subsections`` (their titles) they are
    named in brackets; the report's headings are marked with ``report_language``
    where the page is in another."""
    subsections = join_words(in_language(t, report_language) for t in subsections)
    values = dict(numeral=sec.numeral, year=sec.year, title=in_language(title_case(sec.title), report_language),
                  paragraphs=n_("{n} paragraph", "{n} paragraphs", sec.paragraphs).format(n=number(sec.paragraphs)),
                  n=number(len(sec.subsection_titles)), titles=subsections)
    if not sec.subsection_titles:
        return _("Section {numeral} of the {year} report (*{title}*) runs to {paragraphs}.").format(**values)
    if subsections:
        return n_("Section {numeral} of the {year} report (*{title}*) runs to {paragraphs} in {n} subsection "
                  "({titles}).",
                  "Section {numeral} of the {year} report (*{title}*) runs to {paragraphs} in {n} subsections "
                  "({titles}).", len(sec.subsection_titles)).format(**values)
    return n_("Section {numeral} of the {year} report (*{title}*) runs to {paragraphs} in {n} subsection.",
              "Section {numeral} of the {year} report (*{title}*) runs to {paragraphs} in {n} subsections.",
              len(sec.subsection_titles)).format(**values)


def summary_text(s: CooperationSummary) -> str:
    """The opening paragraph of the chapter, computed from :func:`summary`."""
    sec = s.section
    if sec.numeral is None:
        return _("The {year} report has no section on {topic}; the analyses below that span the whole report still "
                 "apply.").format(year=sec.year, topic=sec.topic)
    parts = [opening_sentence(sec, report_language=s.report_language)]
    if sec.activities:
        parts.append(records_sentence(sec.activities, sec.dependencies, s.types, s.dependency_words))
        parts.append(_names_sentence(sec.states_reached, s.partners, s.partnered))
        parts += [t for t in [_holds_sentence(s.agreements, s.assistance)] if t]
    else:
        parts.append(_("It records no activities."))
    if sec.stated_figures:
        parts.append(_figures_sentence(sec.stated_figures, s.destruction_figures))
    return " ".join(parts)
