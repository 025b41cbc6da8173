"""Report → data/raw/<year>.txt and data/<year>/paragraphs.csv, with draft
activities.csv and indicators.csv for a person to review.

    python -m hemiplan ingest REPORT --year Y [--data-dir D] [--force]

What it does, in order, computing everything before it writes anything:

1. reads the report (.txt, .docx or .pdf: :mod:`hemiplan.reading.readers`) into plain text;
2. checks ``data/raw/<Y>.txt``: the raw report is never edited, so an existing file
   with different content stops ingest (``--force`` replaces it); identical content
   is fine;
3. splits the text into paragraphs (:mod:`hemiplan.report`) and finds the member
   states and SMS dependencies each mentions (:mod:`hemiplan.entities`);
4. drafts activities (participant counts, event counts, activity sentences) and
   indicators (every other stated figure, stated totals and their per-country items)
   from each sentence (:mod:`hemiplan.numbers`), every row carrying the sentence it
   came from as its ``quote``;
5. merges with the existing tables: rows a person marked ``reviewed`` are kept as
   they are (ids too), drafts are regenerated with ids that do not collide, a draft
   whose figure a reviewed row already quotes is not drafted again, and the
   hand-reviewed ``countries``/``dependencies`` of a paragraph whose id, text and line
   span are unchanged are kept;
6. writes every file at once (staged, then swapped in; a failure rolls back, so the
   previous files stay as they were) and prints a review summary.

Re-running ingest never loses a person's work.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, schema
from hemiplan.reading import entities, numbers, readers, report
from hemiplan import paths


class IngestError(RuntimeError):
    """Ingest cannot go on; nothing was written."""


YEAR_MIN, YEAR_MAX = 1990, 2100


def parse_year(value) -> int:
    """A 4-digit report year, or IngestError."""
    s = str(value).strip()
    if not re.fullmatch(r"\d{4}", s) or not (YEAR_MIN <= int(s) <= YEAR_MAX):
        raise IngestError(f"--year must be a 4-digit year between {YEAR_MIN} and {YEAR_MAX} "
                          f"(the year the report covers, e.g. 2015), not {value!r}")
    return int(s)


# --- paragraphs --------------------------------------------------------------------------

def members_in_year(year: int, data_dir=None) -> set[str]:
    """ISO3 codes of the member states in ``year`` (membership is data:
    member_states.csv has member_from and member_until)."""
    ms = csvio.read_text_table(schema.table_path("member_states", data_dir=data_dir))
    out = set()
    for r in ms.itertuples(index=False):
        start = int(r.member_from) if str(getattr(r, "member_from", "")).strip() else 0
        until = int(r.member_until) if str(getattr(r, "member_until", "")).strip() else 9999
        if start <= int(year) <= until:
            out.add(r.iso3)
    return out


def paragraphs_table(text: str, year: int, reference_dir: Path | None = None,
                     members: set[str] | None = None) -> pd.DataFrame:
    """One row per paragraph of a report's text, with the member states (of that
    year, when ``members`` is given) and dependencies it mentions."""
    paras = report.split_report(text)
    ids = report.paragraph_ids(paras, year)
    rows = []
    for pid, p in zip(ids, paras):
        body = p.text
        rows.append({
            "paragraph_id": pid, "year": int(year), "section": p.section,
            "section_title": p.section_title, "subsection": p.subsection,
            "subsection_title": p.subsection_title, "heading": p.heading,
            "line_start": p.line_start, "line_end": p.line_end, "text": body,
            "countries": csvio.join_list(c for c in entities.member_states_in(body, reference_dir)
                                         if members is None or c in members),
            "dependencies": csvio.join_list(entities.dependencies_in(body, reference_dir)),
        })
    return pd.DataFrame(rows, columns=schema.columns("paragraphs"))


# --- drafting rows from sentences -----------------------------------------------------------

#: Words that make a sentence about a multi-year span: its figures are indicators
#: (with a reference period to fill in), not activities of the year.
_HISTORICAL_RE = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:last|past|previous)\b|\bsince\s+(?:its\s+creation|"
    r"(?:19|20)\d\d)\b|\bto\s+date\b|\bso\s+far\b|\bcumulative(?:ly)?\b", re.I)
_FUTURE_RE = re.compile(r"\b(?:will|shall|plans?\s+to|is\s+expected|are\s+expected|is\s+scheduled|"
                        r"are\s+scheduled|intends?\s+to|is\s+to\s+be|are\s+to\s+be)\b", re.I)
_ANAPHORA_RE = re.compile(
    r"\b(?:these|this|the|those|both|each|such|said)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>" + "|".join(sorted(numbers.EVENT_NOUNS, key=len, reverse=True)) + r")\b", re.I)
_NEGATIVE_RE = re.compile(r"\b(?:has|have|had|was|were|is|are|could|did|does|do)\s+not\b|\bno\s+longer\b|"
                          r"\bunable\b|\bnot\s+(?:been\s+)?possible\b|\bcannot\b|n't\b", re.I)
_EVENT_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(
    (w for w in numbers.EVENT_NOUNS if w not in ("activity", "activities", "event", "events")),
    key=len, reverse=True)) + r")\b", re.I)
_PEOPLE_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(numbers.PEOPLE_NOUNS, key=len, reverse=True)) + r")\b", re.I)
_DONE_RE = re.compile(
    r"\b(?:held|delivered|organi[sz]ed|conducted|carried\s+out|hosted|signed|launched|published|"
    r"performed|completed|trained|met|took\s+place|was\s+created|were\s+created|established|donated|"
    r"destroyed|provided|implemented|convened|co-?organi[sz]ed|offered|developed|adopted|approved|"
    r"finalized|finalised|released|presented|undertook|undertaken|participated|attended|gave|given|"
    r"supported|coordinated|facilitated|initiated|concluded)\b", re.I)
#: Activity types read from a sentence without counts, in order of precedence.
_TYPE_RULES = [
    ("destruction", re.compile(r"\bdestr(?:oy|oyed|uction)\b", re.I)),
    ("donation", re.compile(r"\bdonat(?:ed|ion|ions)\b", re.I)),
    ("agreement", re.compile(r"\b(?:memorand(?:um|a)\s+of\s+understanding|MOUs?|agreements?|signed)\b")),
    ("legislative_assistance", re.compile(r"\blegislative\s+assistance\b|\bdraft(?:ing)?\s+(?:of\s+)?(?:legislation|laws?|bills?)\b", re.I)),
    ("exercise", re.compile(r"\b(?:exercises?|simulations?|drills?|table-?top)\b", re.I)),
    ("mission", re.compile(r"\b(?:missions?|visits?)\b", re.I)),
    ("course", re.compile(r"\b(?:courses?|trainings?|trained)\b", re.I)),
    ("workshop", re.compile(r"\bworkshops?\b", re.I)),
    ("seminar", re.compile(r"\b(?:seminars?|webinars?)\b", re.I)),
    ("conference", re.compile(r"\b(?:conferences?|forums?|congress|summits?|symposi(?:um|a))\b", re.I)),
    ("meeting", re.compile(r"\b(?:meetings?|met|round\s?tables?|consultations?)\b", re.I)),
    ("publication", re.compile(r"\b(?:published|publication|released)\b|\b(?:report|guide|manual|handbook)\b.{0,40}\b(?:published|released|launched)\b", re.I)),
    ("network", re.compile(r"\bnetworks?\b.{0,60}\b(?:created|established|formed|launched)\b|\b(?:created|established|launched)\b.{0,60}\bnetworks?\b", re.I)),
    ("plan", re.compile(r"\b(?:action\s+plans?|national\s+(?:\w+\s+){0,3}strateg(?:y|ies)|work\s+plans?)\b", re.I)),
    ("assessment", re.compile(r"\b(?:assessments?|evaluations?|diagnostics?|studies|study|gap\s+analysis)\b", re.I)),
    ("technical_assistance", re.compile(r"\btechnical\s+(?:assistance|support|advice)\b", re.I)),
]
_PROGRAM_RE = re.compile(r"\b(?P<name>(?:[A-Z][\w/&’'-]*\s+){1,6})(?:[Pp]rogram(?:me)?|[Pp]roject|[Ii]nitiative)\b")
_PROGRAM_DROP = {"the", "The", "This", "These", "That", "Its", "Their", "A", "An", "In", "During", "Under",
                 "Through", "OAS", "OAS/CICTE", "ES/CICAD", "CICTE", "CICTE’s", "CICTE's", "CICAD", "CICAD’s",
                 "CICAD's", "DPS", "DPS’s", "SMS", "Secretariat", "Secretariat’s", "Department", "Executive",
                 "Within", "As", "Part", "With", "For", "From", "By", "Since", "Additionally", "Also",
                 "Finally", "Moreover", "Hemispheric", "Regional", "National", "New"}
_LEAD_IN_RE = re.compile(
    r"^(?:(?:in|during|throughout|since|by|over)\s+(?:the\s+year\s+)?(?:(?:early|mid|late)\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:19|20)\d\d\b,?\s+|(?:additionally|in addition|also|moreover|furthermore|finally|likewise|similarly|"
    r"thereafter|for example|for instance),\s*)", re.I)
#: Words before a dependency that make it a partner, not the lead ("in partnership with CICAD").
_PARTNER_BEFORE_RE = re.compile(r"(?:with|by|of|from|and)\s+(?:the\s+)?(?:support\s+of\s+|"
                                r"collaboration\s+with\s+|partnership\s+with\s+)?(?:the\s+)?$", re.I)


@dataclass
class _Row:
    """A draft row before ids are given."""
    table: str                       # activities or indicators
    paragraph_id: str
    order: tuple                      # position in the report, for sorting
    quote: str
    anchors: list[tuple[int, int]]    # spans in the paragraph text the row is about
    values: dict
    flags: list[str] = field(default_factory=list)
    key: int = 0
    covers_keys: list[int] = field(default_factory=list)
    figure: bool = True               # False for an activity sentence without figures


class _MemberMatcher:
    """The country matcher, keeping only the member states of the report's year."""

    def __init__(self, matcher, members: set[str] | None):
        self.matcher, self.members = matcher, members

    def find(self, text: str):
        return [(a, t if (t and (self.members is None or t in self.members)) else None, o)
                for a, t, o in self.matcher.find(text)]

    def codes(self, text: str) -> list[str]:
        return sorted({t for _, t, _ in self.find(text) if t})


@dataclass
class _Para:
    pid: str
    text: str
    section: str
    subsection: str
    heading: str
    index: int


def _clean_title(quote: str, limit: int = 110) -> str:
    t = quote.strip().strip("·•-–—* ")
    for _ in range(2):
        t = _LEAD_IN_RE.sub("", t, count=1).strip()
    t = t.rstrip(".;: ")
    if len(t) > limit:
        cut = t[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
        t = cut + "…"
    t = t[:1].upper() + t[1:] if t else quote.strip()[:limit] or "Untitled activity"
    return t


def _program(text: str) -> str:
    for m in _PROGRAM_RE.finditer(text):
        words = m.group("name").split()
        while words and (words[0] in _PROGRAM_DROP or words[0].isupper() and len(words) > 1
                         and words[0].rstrip("’'s") in ("CICTE", "CICAD", "DPS", "SMS", "OAS")):
            words.pop(0)
        name = " ".join(words).strip()
        if name and name not in _PROGRAM_DROP and len(name) > 2:
            return name
    return ""


#: Types the keyword rules may give a sentence without figures (the others are too
#: loose without an event noun: "training" alone is often a topic, not a course).
_STRICT_TYPES = {"destruction", "donation", "agreement", "legislative_assistance", "exercise", "meeting",
                 "publication", "network", "plan", "technical_assistance"}


def _activity_type(quote: str, count: numbers.Count | None = None, strict: bool = False) -> tuple[str, bool]:
    """(type, guessed): from the count's event noun, else the first event noun in the
    quote, else the keyword rules; ``guessed`` when no event noun says it. ``strict``
    keeps only the specific keyword rules (for sentences without figures)."""
    if count is not None and count.activity_type and count.activity_type != "other":
        return count.activity_type, False
    best = None
    for m in re.finditer(r"[A-Za-z][\w-]*", quote):
        low = m.group(0).lower()
        t = numbers.EVENT_NOUNS.get(low)
        if t and t != "other" and low != "training":
            best = t
            break
    if best:
        return best, False
    for t, rx in _TYPE_RULES:
        if strict and t not in _STRICT_TYPES:
            continue
        if rx.search(quote):
            return t, True
    return "other", True


class _Drafter:
    """Drafts rows for one report, paragraph by paragraph."""

    def __init__(self, year: int, reference_dir: Path | None = None, members: set[str] | None = None):
        self.year = year
        self.ref = reference_dir
        self.countries = _MemberMatcher(entities.country_matcher(reference_dir), members)
        self.deps = entities.dependency_matcher(reference_dir)
        self.rows: list[_Row] = []
        self.unused: list[tuple[str, str, str]] = []  # (paragraph_id, number, context)
        self._key = 0
        self._last_dep: dict[str, str] = {}

    # helpers
    def _next_key(self) -> int:
        self._key += 1
        return self._key

    def _lead(self, source: str) -> str | None:
        """The dependency a text is about: SMS when it names three or more (the
        Secretariat as a whole), else the first named that is not a partner."""
        found = sorted((off, t) for _, t, off in self.deps.find(source) if t)
        specific = [(off, t) for off, t in found if t != "SMS"]
        if len({t for _, t in specific}) >= 3:
            return "SMS"
        if specific:
            leads = [t for off, t in specific if not _PARTNER_BEFORE_RE.search(source[max(0, off - 40):off])]
            return (leads or [t for _, t in specific])[0]
        return "SMS" if found else None

    def _dependency(self, quote: str, para: _Para) -> tuple[str, str | None]:
        for source in (quote, para.text):
            lead = self._lead(source)
            if lead:
                return lead, None
        prev = self._last_dep.get(para.section)
        if prev:
            return prev, "dependency inferred from an earlier paragraph"
        return "SMS", "no dependency named (SMS assumed)"

    def _countries(self, quote: str, para_countries: list[str]) -> tuple[list[str], str | None]:
        found = self.countries.codes(quote)
        if found:
            return found, None
        if len(para_countries) == 1:
            return para_countries, "country taken from the paragraph"
        return [], "no country"

    def _activity(self, para: _Para, order, quote, anchors, *, events=1, participants=None,
                  qualifier="", count=None, countries=None, flags=None, atype=None) -> _Row:
        if atype is None:
            atype, guessed = _activity_type(quote, count)
        else:
            guessed = False
        dep, dep_flag = self._dependency(quote, para)
        para_countries = self.countries.codes(para.text)
        if countries is None:
            countries, c_flag = self._countries(quote, para_countries)
        else:
            c_flag = None
        fl = list(flags or [])
        for f in (dep_flag, c_flag):
            if f:
                fl.append(f)
        if guessed:
            fl.append(f"type guessed ({atype})")
        if qualifier in ("approx", "more_than"):
            fl.append("participants approximate" if qualifier == "approx" else "participants a lower bound (more than)")
        values = {
            "year": self.year, "paragraph_id": para.pid, "status": "draft", "dependency": dep,
            "program": _program(quote) or _program(para.text), "activity_type": atype,
            "title": _clean_title(quote), "countries": csvio.join_list(countries),
            "month": numbers.month_in(quote) or "", "events": int(events),
            "participants": "" if participants is None else int(participants),
            "participants_qualifier": qualifier if participants is not None else "",
            "partners": "", "funders": "", "quote": quote,
        }
        return _Row("activities", para.pid, order, quote, anchors, values, fl, key=self._next_key())

    def _indicator(self, para: _Para, order, quote, anchors, *, name, value, unit, countries=(),
                   flags=None, covers_keys=()) -> _Row:
        values = {
            "year": self.year, "paragraph_id": para.pid, "status": "draft", "indicator": name,
            "value": value, "unit": unit, "covers": "", "countries": csvio.join_list(countries),
            "ref_year": "", "quote": quote,
        }
        return _Row("indicators", para.pid, order, quote, anchors, values, list(flags or []),
                    key=self._next_key(), covers_keys=list(covers_keys))

    def _items(self, text: str, a: int, b: int) -> list[tuple[str, int, int, float, str]]:
        """Per-country figures in a sentence: "Costa Rica (07), Honduras (13)" →
        (iso3, start, end, value, text) of each bracketed number."""
        out = []
        for alias, code, off in self.countries.find(text[a:b]):
            if not code:
                continue
            end = a + off + len(alias)
            m = re.match(r"\s*\((?P<n>\d[\d,]*(?:\s\d{3})*)\)", text[end:b])
            if m:
                s = end + m.start("n")
                out.append((code, s, end + m.end("n"), numbers.parse_digits(m.group("n")), m.group("n")))
        return out

    @staticmethod
    def _name(count: numbers.Count, total: bool) -> str:
        words = [w for w in re.findall(r"[A-Za-z][\w-]*", count.phrase[len(count.number.text):])
                 if w.lower() not in ("of", "and", "the")]
        words = words[-4:] if words else [count.unit]
        name = numbers._snake(" ".join(words))[:48].strip("_")
        if total and not name.startswith("total_"):
            name = "total_" + name
        return name

    # the work
    def paragraph(self, para: _Para) -> None:
        text = para.text
        spans = numbers.sentence_spans(text)
        counts = numbers.find_counts(text)
        used: set[int] = set()        # count starts already turned into rows
        sent_of = {}
        for c in counts:
            for si, (a, b) in enumerate(spans):
                if a <= c.start < b:
                    sent_of[c.start] = si
                    break
        claimed_sentences: set[int] = set()
        rows: list[_Row] = []

        def in_sentence(si):
            return [c for c in counts if sent_of.get(c.start) == si]

        for si, (a, b) in enumerate(spans):
            sentence = text[a:b]
            historical = bool(_HISTORICAL_RE.search(sentence))
            scounts = in_sentence(si)
            # 1. per-country items under a stated figure
            # bracketed years are dates, not items: "Colombia (2011), Panama (2012)"
            items = [it for it in self._items(text, a, b) if not re.fullmatch(r"(?:19|20)\d\d", it[4])]
            if items:
                first = items[0][1]
                anchor = None
                for c in scounts:
                    if c.start < first and c.kind != "events":
                        anchor = c
                people = anchor.kind == "participants" if anchor else bool(_PEOPLE_WORD_RE.search(sentence))
                kind_ok = anchor is not None or people
                if kind_ok:
                    item_rows = []
                    for code, s0, s1, value, _ in items:
                        if people and not historical:
                            ev = next((c for c in scounts if c.kind == "events" and c.start not in used), None)
                            r = self._activity(para, (si, s0), sentence, [(s0, s1)], participants=value,
                                               qualifier="exact", countries=[code],
                                               flags=["item of a stated breakdown"], count=ev)
                        else:
                            base = self._name(anchor, False) if anchor else "participants"
                            r = self._indicator(para, (si, s0), sentence, [(s0, s1)],
                                                name=f"{base}_{code.lower()}", value=value,
                                                unit=anchor.unit if anchor else "participants", countries=[code])
                        item_rows.append(r)
                    rows.extend(item_rows)
                    if anchor is not None:
                        used.add(anchor.start)
                        total = sum(v for _, _, _, v, _ in items)
                        flags = []
                        if abs(total - anchor.value) > 1e-9:
                            flags.append(f"stated total {anchor.value:g} differs from the sum of its items {total:g}")
                        covers = [r.key for r in item_rows if r.table == "activities"]
                        name = "total_participants" if anchor.kind == "participants" else self._name(anchor, True)
                        rows.append(self._indicator(
                            para, (si, anchor.start), sentence, [(anchor.start, anchor.end)], name=name,
                            value=anchor.value, unit=anchor.unit, countries=[it[0] for it in items],
                            flags=flags, covers_keys=covers))
                    claimed_sentences.add(si)
            # 2. participant counts
            pcounts = [c for c in scounts if c.kind == "participants" and c.start not in used]
            for c in pcounts:
                used.add(c.start)
                if historical:
                    rows.append(self._indicator(para, (si, c.start), sentence, [(c.start, c.end)],
                                                name=self._name(c, False), value=c.value, unit="participants",
                                                countries=self.countries.codes(sentence),
                                                flags=["figure over several years: set ref_year or drop"]))
                    continue
                evs_here = [e for e in scounts if e.kind == "events" and e.start not in used]
                ev_list = evs_here[:1]
                qa = a
                if not ev_list and (_ANAPHORA_RE.search(sentence) or not _EVENT_WORD_RE.search(sentence)):
                    # "A total of 74 participants attended these seminars": the events are
                    # in an earlier sentence (or a chain of them: "In addition to these seminars…")
                    for back in range(si - 1, max(-1, si - 4), -1):
                        pa, pb = spans[back]
                        prev = text[pa:pb]
                        back_counts = in_sentence(back)
                        if any(x.kind == "participants" for x in back_counts):
                            break  # that sentence has its own participants: another activity
                        evs = [e for e in back_counts if e.kind == "events" and e.start not in used]
                        if not evs and not _EVENT_WORD_RE.search(prev):
                            break
                        qa = pa
                        ev_list = evs + ev_list
                        claimed_sentences.add(back)
                        if not _ANAPHORA_RE.search(prev):
                            break  # the antecedent: it names the events itself
                ev = ev_list[0] if ev_list else None
                flags = []
                if len(pcounts) > 1:
                    flags.append("several participant counts in one sentence")
                events = 1
                anchors = [(c.start, c.end)]
                if ev_list:
                    events = sum(e.int_value for e in ev_list)
                    for e in ev_list:
                        used.add(e.start)
                        anchors.append((e.start, e.end))
                    if events > 1:
                        flags.append("several events: a stated total? itemise if the report lists them")
                quote = text[qa:b]
                rows.append(self._activity(para, (si, c.start), quote, anchors, events=events,
                                           participants=c.value, qualifier=c.qualifier, count=ev, flags=flags))
                claimed_sentences.add(si)
        # 3. event counts left: activities with a number of events
        for si, (a, b) in enumerate(spans):
            sentence = text[a:b]
            historical = bool(_HISTORICAL_RE.search(sentence))
            for c in in_sentence(si):
                if c.kind != "events" or c.start in used:
                    continue
                used.add(c.start)
                if historical:
                    rows.append(self._indicator(para, (si, c.start), sentence, [(c.start, c.end)],
                                                name=self._name(c, False), value=c.value, unit="events",
                                                countries=self.countries.codes(sentence),
                                                flags=["figure over several years: set ref_year or drop"]))
                    continue
                rows.append(self._activity(para, (si, c.start), sentence, [(c.start, c.end)],
                                           events=c.int_value, count=c))
                claimed_sentences.add(si)
        # 4. every other stated figure: indicators
        for si, (a, b) in enumerate(spans):
            sentence = text[a:b]
            for c in in_sentence(si):
                if c.kind != "other" or c.start in used:
                    continue
                used.add(c.start)
                flags = []
                if _HISTORICAL_RE.search(sentence):
                    flags.append("figure over several years: set ref_year or drop")
                total = bool(re.search(r"\btotal(?:\s+of)?\s*$|\btotall?ing\s*$", text[max(0, c.start - 16):c.start], re.I))
                rows.append(self._indicator(para, (si, c.start), sentence, [(c.start, c.end)],
                                            name=self._name(c, total), value=c.value, unit=c.unit,
                                            countries=self.countries.codes(sentence), flags=flags))
        # 5. activity sentences without figures
        for si, (a, b) in enumerate(spans):
            if si in claimed_sentences or any(r.order[0] == si and r.table == "activities" for r in rows):
                continue
            sentence = text[a:b]
            if _FUTURE_RE.search(sentence) or _HISTORICAL_RE.search(sentence) or _NEGATIVE_RE.search(sentence) \
                    or not _DONE_RE.search(sentence):
                continue
            atype, guessed = _activity_type(sentence, strict=True)
            if guessed and atype == "other":
                continue
            if not guessed and not re.search(r"\b(?:a|an|the|one|first|second|third|its|their|several|"
                                             r"various|regional|national|sub-?regional|international)\s+"
                                             r"(?:[\w-]+\s+){0,4}?" + _EVENT_WORD_RE.pattern, sentence, re.I):
                continue
            flags = ["no figure: check that it is an activity of the year"]
            if guessed:
                flags.append(f"type guessed ({atype})")
            r = self._activity(para, (si, a), sentence, [(a, b)], flags=flags, atype=atype)
            r.figure = False
            rows.append(r)
        # numbers that produced no row
        figure_spans = [span for r in rows if r.figure for span in r.anchors]
        for n in numbers.find_numbers(text):
            if any(x <= n.start and n.end <= y for x, y in figure_spans):
                continue
            if numbers.non_count_reason(text, n) or (n.is_word and n.value < 2):
                continue
            self.unused.append((para.pid, n.text, text[max(0, n.start - 50):n.end + 50]))
        for r in rows:
            r.order = (para.index,) + tuple(r.order)
        self.rows.extend(rows)
        lead = self._lead(text)
        if lead:
            self._last_dep[para.section] = lead


@dataclass
class DraftResult:
    """In-memory result of drafting a report's text (nothing written)."""
    paragraphs: pd.DataFrame
    rows: list[_Row]
    unused_numbers: list[tuple[str, str, str]]


def draft(text: str, year: int, reference_dir: Path | None = None,
          paragraphs: pd.DataFrame | None = None, members: set[str] | None = None) -> DraftResult:
    """Paragraphs and draft rows for a report's text, in memory."""
    paras = paragraphs if paragraphs is not None else paragraphs_table(text, year, reference_dir, members)
    d = _Drafter(year, reference_dir, members)
    for idx, r in enumerate(paras.itertuples(index=False)):
        d.paragraph(_Para(r.paragraph_id, r.text, r.section, r.subsection, r.heading, idx))
    d.rows.sort(key=lambda r: r.order)
    return DraftResult(paras, d.rows, d.unused)


def _id_number(ident: str) -> int:
    m = re.search(r"-[AI](\d+)$", str(ident))
    return int(m.group(1)) if m else 0


def _to_text(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def _spans_of(text: str, quote: str) -> list[tuple[int, int]]:
    out, start = [], text.find(quote) if quote else -1
    while start >= 0:
        out.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return out


def _number_covered(text: str, number: str, spans: list[tuple[int, int]]) -> bool:
    """Every occurrence of ``number`` in ``text`` lies inside one of ``spans``."""
    hits = [n for n in numbers.find_numbers(text) if n.text == number]
    return bool(hits) and bool(spans) and all(any(x <= n.start and n.end <= y for x, y in spans) for n in hits)


def draft_tables(text: str, year: int, reference_dir: Path | None = None,
                 kept_activities: pd.DataFrame | None = None, kept_indicators: pd.DataFrame | None = None,
                 paragraphs: pd.DataFrame | None = None, members: set[str] | None = None):
    """(paragraphs, activities, indicators, result) as text DataFrames: the kept
    (reviewed) rows first, as they are, then the drafts with fresh ids. Drafts whose
    figures a kept row already quotes in the same paragraph are left out, and so are
    the numbers a kept row quotes from the list of numbers without a row."""
    res = draft(text, year, reference_dir, paragraphs, members)
    kept_a = kept_activities if kept_activities is not None else pd.DataFrame(columns=schema.columns("activities"))
    kept_i = kept_indicators if kept_indicators is not None else pd.DataFrame(columns=schema.columns("indicators"))
    para_text = dict(zip(res.paragraphs["paragraph_id"], res.paragraphs["text"]))
    covered: dict[str, list[tuple[int, int]]] = {}
    for df in (kept_a, kept_i):
        for pid, q in zip(df.get("paragraph_id", []), df.get("quote", [])):
            covered.setdefault(pid, []).extend(_spans_of(para_text.get(pid, ""), q))

    def is_covered(r: _Row) -> bool:
        spans = covered.get(r.paragraph_id, [])
        if not r.figure:
            # a sentence without figures: covered when a kept row quotes any of it
            a, b = r.anchors[0]
            return any(x < b and a < y for x, y in spans)
        return bool(r.anchors) and all(any(x <= a and b <= y for x, y in spans) for a, b in r.anchors)

    rows = [r for r in res.rows if not is_covered(r)]
    res.unused_numbers = [u for u in res.unused_numbers
                          if not _number_covered(para_text.get(u[0], ""), u[1], covered.get(u[0], []))]
    next_a = max([_id_number(i) for i in kept_a.get("activity_id", [])] + [0]) + 1
    next_i = max([_id_number(i) for i in kept_i.get("indicator_id", [])] + [0]) + 1
    ids: dict[int, str] = {}
    for r in rows:
        if r.table == "activities":
            ids[r.key] = f"{int(year)}-A{next_a:03d}"
            next_a += 1
    for r in rows:
        if r.table == "indicators":
            ids[r.key] = f"{int(year)}-I{next_i:03d}"
            next_i += 1
            r.values["covers"] = csvio.join_list(ids[k] for k in r.covers_keys if k in ids)
    for r in rows:
        r.values["activity_id" if r.table == "activities" else "indicator_id"] = ids[r.key]
    res.rows = rows

    def frame(table, kept, drafts):
        cols = schema.columns(table)
        kept = kept.copy()
        for c in cols:
            if c not in kept.columns:
                kept[c] = ""
        kept = kept.astype(str)
        d = pd.DataFrame([{c: _to_text(r.values.get(c, "")) for c in cols} for r in drafts], columns=cols)
        return pd.concat([kept[cols], d], ignore_index=True) if len(kept) else d

    acts = frame("activities", kept_a, [r for r in rows if r.table == "activities"])
    inds = frame("indicators", kept_i, [r for r in rows if r.table == "indicators"])
    return res.paragraphs, acts, inds, res


# --- the whole ingest ---------------------------------------------------------------------

@dataclass
class Plan:
    """Everything ingest will write, computed and checked; nothing written yet."""
    year: int
    source: readers.ReportText
    data_dir: Path
    paragraphs: pd.DataFrame
    activities: pd.DataFrame
    indicators: pd.DataFrame
    result: DraftResult
    kept_activities: int
    kept_indicators: int
    kept_paragraph_reviews: int
    writes: list[tuple[Path, str, int]]
    unchanged: list[Path]
    warnings: list[str] = field(default_factory=list)


def _table_text(df: pd.DataFrame, table: str) -> str:
    """CSV text of a table of strings, in schema column order (values written as they are)."""
    import io

    buf = io.StringIO()
    df.reindex(columns=schema.columns(table)).fillna("").to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def _read_existing(path: Path, table: str) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    try:
        df = csvio.read_text_table(path)
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 (byte {exc.start}); fix it before re-running ingest") from None
    except Exception as exc:
        raise IngestError(f"{path}: cannot be read as CSV ({exc}); fix it before re-running ingest") from None
    extra = [c for c in df.columns if c not in schema.columns(table)]
    if extra:
        raise IngestError(f"{path}: columns not in the {table} schema: {', '.join(extra)}; ingest would drop "
                          f"them, so it stops (move that information elsewhere, or add the columns to "
                          f"data/schema/{table}.schema.json)")
    return df


def _mode(path: Path, default: int) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return default


def _umask_mode(base: int = 0o666) -> int:
    mask = os.umask(0)
    os.umask(mask)
    return base & ~mask


def plan(report_path, year, data_dir=None, force: bool = False,
         reference_dir: Path | None = None) -> Plan:
    """Read, check and draft everything; raise IngestError (naming the file) when
    ingest cannot go on. Writes nothing."""
    y = parse_year(year)
    try:
        src = readers.read_report(report_path)
    except readers.ReportReadError as exc:
        raise IngestError(str(exc)) from None
    text = src.text
    ddir = paths.data_dir(data_dir)
    members = members_in_year(y, ddir)
    try:
        paragraphs = paragraphs_table(text, y, reference_dir, members)
    except report.ReportStructureError as exc:
        raise IngestError(f"{src.source}: {exc}") from None
    if paragraphs.empty:
        raise IngestError(f"{src.source}: section headings but no paragraph under them; is this the whole report?")
    raw = paths.raw_report(y, ddir)
    meta = raw.with_suffix(".meta.json")
    ydir = paths.year_dir(y, ddir)
    warnings: list[str] = []
    writes: list[tuple[Path, str, int]] = []
    unchanged: list[Path] = []
    file_mode = _umask_mode()

    # the raw report is immutable
    raw_same = False
    if raw.is_file():
        old = raw.read_bytes()
        raw_same = old == text.encode("utf-8")
        if not raw_same and not force:
            try:
                old_text = old.decode("utf-8")
                where = next((i + 1 for i, (x, z) in enumerate(zip(old_text.splitlines(), text.splitlines())) if x != z),
                             min(len(old_text.splitlines()), len(text.splitlines())) + 1)
                detail = f"first difference on line {where}"
            except UnicodeDecodeError:
                detail = "the existing file is not UTF-8"
            raise IngestError(f"{raw} already exists with different content ({detail}); the raw report is "
                              f"never edited. Pass --force to replace it (reviewed rows are kept only if "
                              f"their paragraphs still exist).")
    if raw_same:
        unchanged.append(raw)
    else:
        writes.append((raw, text, 0o444))
    record = {
        "year": y, "source_file": src.source.name, "format": src.format,
        "source_sha256": src.source_sha256, "text_sha256": src.text_sha256, "lines": src.lines,
        "pages": src.pages, "source_paragraphs": src.paragraphs, "report_paragraphs": len(paragraphs),
        "ingested": _dt.date.today().isoformat(),
        "note": f"Text extracted by `hemiplan ingest` from the {src.format} file; never edited.",
    }
    if raw_same and meta.is_file():
        try:
            old_meta = json.loads(meta.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            old_meta = {}
        if old_meta.get("text_sha256") == src.text_sha256:
            unchanged.append(meta)
        else:
            writes.append((meta, json.dumps(record, indent=2, ensure_ascii=False) + "\n", _mode(meta, file_mode)))
    else:
        writes.append((meta, json.dumps(record, indent=2, ensure_ascii=False) + "\n", _mode(meta, file_mode)))

    # a person's work: reviewed rows, hand-reviewed paragraph columns
    files = {t: schema.table_path(t, y, ddir) for t in schema.YEAR_TABLES}
    old_paras = _read_existing(files["paragraphs"], "paragraphs")
    kept_reviews = 0
    if old_paras is not None and {"paragraph_id", "text", "line_start", "line_end"} <= set(old_paras.columns):
        old_by_key = {(r.paragraph_id, r.text, str(r.line_start), str(r.line_end)): r
                      for r in old_paras.itertuples(index=False)}
        for i, r in enumerate(paragraphs.itertuples(index=False)):
            o = old_by_key.get((r.paragraph_id, r.text, str(r.line_start), str(r.line_end)))
            if o is None:
                continue
            for col in ("countries", "dependencies"):
                if col in old_paras.columns and getattr(o, col) != paragraphs.at[i, col]:
                    paragraphs.at[i, col] = getattr(o, col)
                    kept_reviews += 1
    kept = {}
    for table in ("activities", "indicators"):
        df = _read_existing(files[table], table)
        if df is None:
            kept[table] = None
            continue
        if "status" not in df.columns or "paragraph_id" not in df.columns:
            raise IngestError(f"{files[table]}: no status or paragraph_id column, so ingest cannot tell a "
                              f"person's rows from drafts; fix the header before re-running ingest")
        keep = df[df["status"].str.strip() != "draft"].copy()
        odd = sorted(set(keep["status"]) - {"reviewed"})
        if odd:
            warnings.append(f"{files[table]}: status {', '.join(map(repr, odd))} is neither draft nor reviewed; "
                            f"those rows were kept as they are")
        kept[table] = keep
    pids = set(paragraphs["paragraph_id"])
    text_of = dict(zip(paragraphs["paragraph_id"], paragraphs["text"]))
    lost = []
    for table, df in kept.items():
        if df is None:
            continue
        key = schema.primary_key(table)
        for i, r in enumerate(df.itertuples(index=False), start=1):
            pid = getattr(r, "paragraph_id", "")
            rid = getattr(r, key, "")
            if pid not in pids:
                lost.append(f"{files[table]}: reviewed row {rid} refers to paragraph {pid}, which the new "
                            f"text does not have")
            elif getattr(r, "quote", "") and r.quote not in text_of[pid]:
                warnings.append(f"{files[table]}: reviewed row {rid}: its quote is no longer in the text of "
                                f"paragraph {pid}")
    if lost:
        more = f"\n  … and {len(lost) - 10} more" if len(lost) > 10 else ""
        raise IngestError("reviewed rows would lose their paragraph, so nothing was changed:\n  "
                          + "\n  ".join(lost[:10]) + more)
    paragraphs_s = paragraphs.astype(str)
    paras, acts, inds, result = draft_tables(text, y, reference_dir, kept["activities"], kept["indicators"],
                                             paragraphs=paragraphs_s, members=members)
    unrec_path = schema.table_path("unrecorded", y, ddir)
    if unrec_path.is_file():
        listed = set(zip(*[csvio.read_text_table(unrec_path)[c] for c in ("paragraph_id", "number")]))
        result.unused_numbers = [u for u in result.unused_numbers if (u[0], u[1]) not in listed]
    outside = sorted({(pid, code) for pid, body in zip(paragraphs["paragraph_id"], paragraphs["text"])
                      for code in entities.member_states_in(body, reference_dir) if code not in members})
    for pid, code in outside:
        warnings.append(f"{pid} names {code}, not a member state in {y}: left out of its countries")
    contents = {
        files["paragraphs"]: _table_text(paras, "paragraphs"),
        files["activities"]: _table_text(acts, "activities"),
        files["indicators"]: _table_text(inds, "indicators"),
    }
    for path, content in contents.items():
        if path.is_file() and path.read_bytes() == content.encode("utf-8"):
            unchanged.append(path)
        else:
            writes.append((path, content, _mode(path, file_mode)))
    n_kept = {t: 0 if df is None else len(df) for t, df in kept.items()}
    return Plan(y, src, ddir, paras, acts, inds, result, n_kept["activities"], n_kept["indicators"],
                kept_reviews, writes, unchanged, warnings)


def commit(writes: list[tuple[Path, str, int]]) -> None:
    """Write every file or none: each new content is staged next to its file (with
    :func:`hemiplan.data.csvio.atomic_write_text`), then all are swapped in; any failure
    restores the previous files and removes what was staged."""
    staged: list[tuple[Path, Path]] = []
    swapped: list[tuple[Path, Path | None]] = []
    made_dirs: list[Path] = []
    tag = f"{os.getpid()}"
    try:
        for path, content, mode in writes:
            for parent in reversed(path.parents):
                if not parent.exists():
                    parent.mkdir()
                    made_dirs.append(parent)
            tmp = path.with_name(f".{path.name}.ingest-{tag}.new")
            csvio.atomic_write_text(tmp, content)
            staged.append((tmp, path))
            os.chmod(tmp, mode)
        for tmp, path in staged:
            backup = None
            if path.exists():
                backup = path.with_name(f".{path.name}.ingest-{tag}.old")
                if backup.exists():
                    backup.unlink()
                os.link(path, backup)
            swapped.append((path, backup))
            os.replace(tmp, path)
    except BaseException:
        for path, backup in reversed(swapped):
            try:
                if backup is None:
                    if path.exists():
                        path.unlink()
                elif path.exists() and os.path.samefile(backup, path):
                    backup.unlink()   # never replaced (rename between two links of one file does nothing)
                else:
                    os.replace(backup, path)
            except OSError:
                pass
        for tmp, _ in staged:
            if tmp.exists():
                tmp.unlink()
        for d in reversed(made_dirs):
            try:
                d.rmdir()
            except OSError:
                pass
        raise
    for _, backup in swapped:
        if backup is not None and backup.exists():
            backup.unlink()


def ingest(report_path, year, data_dir=None, force: bool = False, reference_dir: Path | None = None) -> Plan:
    """Plan, then write everything at once. Returns the plan (for the summary)."""
    p = plan(report_path, year, data_dir, force, reference_dir)
    commit(p.writes)
    return p


# --- the review summary -------------------------------------------------------------------

def summary(p: Plan, limit: int = 40) -> str:
    """What a reviewer needs: counts per section, the draft rows whose fields are
    uncertain, and the numbers that produced no row."""
    from hemiplan.data.validate import display_path

    out = []
    src = p.source
    extent = f"{src.pages} pages" if src.pages else (f"{src.paragraphs} paragraphs" if src.paragraphs else f"{src.lines} lines")
    out.append(f"ingested {src.source} ({src.format}, {extent}) as the {p.year} report")
    paras = p.paragraphs
    acts, inds = p.activities, p.indicators
    draft_a = acts[acts["status"] == "draft"]
    draft_i = inds[inds["status"] == "draft"]
    sec_of = dict(zip(paras["paragraph_id"], paras["section"]))
    titles = dict(zip(paras["section"], paras["section_title"]))
    out.append("")
    out.append(f"{'section':<52} {'paragraphs':>10} {'activities':>10} {'indicators':>10} {'participants':>12}")
    for sec in dict.fromkeys(paras["section"]):
        a = draft_a[draft_a["paragraph_id"].map(sec_of) == sec]
        i = draft_i[draft_i["paragraph_id"].map(sec_of) == sec]
        part = pd.to_numeric(a["participants"].replace("", None), errors="coerce").sum()
        label = f"{sec}. {titles[sec]}"[:52]
        out.append(f"{label:<52} {int((paras['section'] == sec).sum()):>10} {len(a):>10} {len(i):>10} "
                   f"{int(part):>12,}")
    out.append(f"{'total':<52} {len(paras):>10} {len(draft_a):>10} {len(draft_i):>10} "
               f"{int(pd.to_numeric(draft_a['participants'].replace('', None), errors='coerce').sum()):>12,}")
    out.append("")
    out.append(f"kept as reviewed: {p.kept_activities} activities, {p.kept_indicators} indicators"
               + (f"; {p.kept_paragraph_reviews} hand-reviewed paragraph cells" if p.kept_paragraph_reviews else ""))
    uncertain = [r for r in p.result.rows if r.flags]
    out.append("")
    out.append(f"rows to check first ({len(uncertain)} of {len(p.result.rows)} drafts have uncertain fields):")
    for r in uncertain[:limit]:
        rid = r.values.get("activity_id") or r.values.get("indicator_id")
        out.append(f"  {rid} ({r.paragraph_id}): {'; '.join(r.flags)}")
    if len(uncertain) > limit:
        out.append(f"  … and {len(uncertain) - limit} more")
    unused = p.result.unused_numbers
    by_para: dict[str, list[str]] = {}
    for pid, num, _ in unused:
        by_para.setdefault(pid, []).append(num)
    out.append("")
    out.append(f"paragraphs with numbers that produced no row ({len(by_para)}): record them, or list them "
               f"in unrecorded.csv with a reason")
    for pid, nums in list(by_para.items())[:limit]:
        out.append(f"  {pid}: {', '.join(repr(n) for n in nums)}")
    if len(by_para) > limit:
        out.append(f"  … and {len(by_para) - limit} more")
    for w in p.warnings:
        out.append(f"warning: {w}")
    out.append("")
    for path, _, _ in p.writes:
        out.append(f"wrote {display_path(path)}")
    for path in p.unchanged:
        out.append(f"unchanged {display_path(path)}")
    out.append(f"next: review the drafts (set status to reviewed), then "
               f"`python -m hemiplan validate --year {p.year}` and `python -m hemiplan build --year {p.year}`")
    return "\n".join(out)


# --- command line ----------------------------------------------------------------------------

def add_parser(sub) -> None:
    """The ``ingest`` subcommand (wired into hemiplan.cli)."""
    i = sub.add_parser("ingest", help="read a report (.txt, .docx, .pdf) and draft a year's tables",
                       description="Read a report (.txt in UTF-8, .docx or .pdf), store its text as "
                                   "data/raw/YEAR.txt and draft data/YEAR/{paragraphs,activities,indicators}.csv. "
                                   "Rows marked reviewed are kept; only drafts are regenerated.")
    i.add_argument("report", help="the report file")
    i.add_argument("--year", required=True, help="the year the report covers (4 digits)")
    i.add_argument("--data-dir", default=None, help="data folder (default: the project's data/)")
    i.add_argument("--force", action="store_true",
                   help="replace data/raw/YEAR.txt when it exists with different content")
    i.set_defaults(func=run_cli)


def run_cli(args) -> int:
    try:
        p = ingest(args.report, args.year, args.data_dir, force=args.force)
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(summary(p))
    return 0
