"""Drafting rows from a report's paragraphs: which sentences are activities, their
type, program, dependency, member states and participants, and which figures are
indicators. When, where, for whom and with whom an activity was held is read by
:mod:`hemiplan.ingest.setting`. Every row carries the sentence it came from as its
``quote``, and every judgement a draft makes its ``note``."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hemiplan.data import csvio, labels
from hemiplan.ingest import credit, done_work, given_by, paragraph_credit, sentence_cues, setting
from hemiplan.ingest.paragraphs import paragraphs_table
from hemiplan.ingest.rules import activity_type, clean_title, program_of
from hemiplan.reading import entities, lexicon, numbers
from hemiplan.reading.sentences import sentence_spans


#: The review flag of a qualified participant figure, by its bound (the schema's ``hemiplan:bounds``).
_BOUND_FLAGS = {"estimate": "participants approximate ({})", "lower": "participants a lower bound ({})",
                "upper": "participants an upper bound ({})"}


def _sentences_before(text: str, quote: str, most: int = 12) -> list[str]:
    """Up to ``most`` sentences of ``text`` before where ``quote`` starts, nearest first."""
    at = text.find(quote)
    before = [(a, b) for a, b in sentence_spans(text) if b <= at] if at > 0 else []
    return [text[a:b] for a, b in reversed(before[-most:])]


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
    proposals: list = field(default_factory=list)   # credit.Proposal: organisations not in the table


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


@dataclass
class _Work:
    """One paragraph being drafted: its sentences and counts, and what is used up."""
    text: str
    spans: list[tuple[int, int]]
    counts: list[numbers.Count]
    sent_of: dict[int, int]                            # count start → sentence index
    used: set[int] = field(default_factory=set)        # count starts already turned into rows
    claimed: set[int] = field(default_factory=set)     # sentences an activity row speaks for
    rows: list[_Row] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> "_Work":
        spans = sentence_spans(text)
        counts = numbers.find_counts(text)
        sent_of = {}
        for c in counts:
            for si, (a, b) in enumerate(spans):
                if a <= c.start < b:
                    sent_of[c.start] = si
                    break
        return cls(text, spans, counts, sent_of)

    def sentence(self, si: int) -> str:
        a, b = self.spans[si]
        return self.text[a:b]

    def in_sentence(self, si: int) -> list[numbers.Count]:
        return [c for c in self.counts if self.sent_of.get(c.start) == si]

    def take(self, si: int, kind: str) -> Iterator[numbers.Count]:
        """The counts of ``kind`` in sentence ``si`` not yet turned into rows, each
        marked as used when it is taken."""
        for c in self.in_sentence(si):
            if c.kind == kind and c.start not in self.used:
                self.used.add(c.start)
                yield c


class _Drafter:
    """Drafts rows for one report, paragraph by paragraph."""

    def __init__(self, year: int, reference_dir: Path | None = None, members: set[str] | None = None):
        self.year, self.reference_dir = year, reference_dir
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
            leads = [t for off, t in specific if not sentence_cues.PARTNER_BEFORE_RE.search(source[max(0, off - 40):off])]
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

    def _setting(self, para: _Para, quote: str, lead: str, participants, given, basis) -> setting.Setting:
        """When and where it was held, whose people took part, joint work and the basis
        of its number of events (with the notes and flags these judgements need)."""
        s = setting.Setting()
        earlier = _sentences_before(para.text, quote)
        context = earlier[0] if earlier and setting.refers_back(quote) else ""
        setting.when(s, quote, earlier, self.year)
        para_countries = self.countries.codes(para.text)
        fallback, c_flag = self._countries(quote, para_countries)
        if c_flag and given is None:
            s.flags.append(c_flag)
        setting.where(s, quote, self.countries.find(quote), fallback, participants, given)
        setting.joint(s, quote, context, lead, self.deps)
        setting.events_basis(s, quote, basis)
        who = credit.credit(quote, self.reference_dir, context)    # with whom, and the antecedent's
        s.values.update(partners=sorted(who.partners), funders=sorted(who.funders), proposals=who.proposals)
        s.notes, s.flags = s.notes + who.notes, s.flags + who.flags
        return s

    def _activity(self, para: _Para, order, quote, anchors, *, events=1, participants=None,
                  qualifier="", count=None, countries=None, flags=None, atype=None, basis=None) -> _Row:
        if atype is None:
            atype, guessed = activity_type(quote, count)
        else:
            guessed = False
        dep, dep_flag = self._dependency(quote, para)
        found = self._setting(para, quote, dep, participants, countries, basis)
        fl = list(flags or []) + ([dep_flag] if dep_flag else []) + found.flags
        if guessed:
            fl.append(f"type guessed ({atype})")
        if participants is not None and labels.bound(qualifier) != "exact":
            fl.append(_BOUND_FLAGS[labels.bound(qualifier)].format(labels.qualifier_words(qualifier)))
        v = found.values
        values = {
            "year": self.year, "paragraph_id": para.pid, "status": "draft", "dependency": dep,
            "joint_with": csvio.join_list(v["joint_with"]),
            "program": program_of(quote) or program_of(para.text), "activity_type": atype,
            "title": clean_title(quote), "host": csvio.join_list(v["host"]),
            "countries": csvio.join_list(v["countries"]), "attendance": v["attendance"],
            "held_year": v["held_year"], "held_since": v["held_since"], "month": v["month"],
            "month_end": v["month_end"], "events": int(v.get("events", events)), "events_basis": v["events_basis"],
            "participants": "" if participants is None else int(participants),
            "participants_qualifier": qualifier if participants is not None else "",
            "participants_basis": "stated" if participants is not None else "",
            "partners": csvio.join_list(v["partners"]), "funders": csvio.join_list(v["funders"]), "quote": quote,
            "note": " ".join(found.notes),
        }
        return _Row("activities", para.pid, order, quote, anchors, values, fl, key=self._next_key(),
                    proposals=v["proposals"])

    def _indicator(self, para: _Para, order, quote, anchors, *, name, value, unit, countries=(),
                   flags=None, covers_keys=(), qualifier="exact") -> _Row:
        values = {
            "year": self.year, "paragraph_id": para.pid, "status": "draft", "indicator": name,
            "dependency": self._dependency(quote, para)[0] if covers_keys else "",
            "value": value, "qualifier": qualifier or "exact", "unit": unit, "covers": "",
            "countries": csvio.join_list(countries), "ref_year": "", "quote": quote,
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
        name = numbers.snake_case(" ".join(words))[:48].strip("_")
        if total and not name.startswith("total_"):
            name = "total_" + name
        return name

    # the work: one paragraph, in named steps
    def paragraph(self, para: _Para) -> None:
        """Draft the rows of one paragraph: per sentence, a stated breakdown and the participant
        counts; then events, other figures, activity sentences; then the paragraph's credit."""
        w = _Work.of(para.text)
        sentences = range(len(w.spans))
        for si in sentences:
            self._breakdown(para, w, si)
            self._participants(para, w, si)
        for si in sentences:
            self._events(para, w, si)
        for si in sentences:
            self._figures(para, w, si)
        for si in sentences:
            self._dated_list(para, w, si)
            self._sentence_activity(para, w, si)
        self._paragraph_credit(w)
        paragraph_credit.spread(w, self.reference_dir)
        self._note_unused(para, w)
        for r in w.rows:
            r.order = (para.index,) + tuple(r.order)
        self.rows.extend(w.rows)
        lead = self._lead(para.text)
        if lead:
            self._last_dep[para.section] = lead

    def _paragraph_credit(self, w: _Work) -> None:
        """Bodies credited by a cue in a sentence that announces several events of one
        type ("With funding support from X and technical support from Y two pilot seminars
        were delivered", before the sentences telling each seminar) are credited to the
        rows of the sentences after it of that type, as many as it announces; a body is
        never both partner and funder of a row."""
        for si in range(len(w.spans)):
            announced = [c for c in w.in_sentence(si) if c.kind == "events" and c.value >= 2 and c.activity_type]
            if len(announced) != 1:
                continue
            who = credit.cued_only(w.sentence(si), self.reference_dir)
            if not (who.partners or who.funders):
                continue
            told = [r for r in sorted(w.rows, key=lambda r: r.order) if r.table == "activities"
                    and r.order[0] > si and r.values["activity_type"] == announced[0].activity_type]
            said = f"the paragraph's sentence announcing these events: \"{w.sentence(si).strip()}\""
            for r in told[:announced[0].int_value]:
                paragraph_credit.give(r, who, said)

    def _breakdown(self, para: _Para, w: _Work, si: int) -> None:
        """1. Per-country items under a stated figure: "a total of 30 officers: Costa
        Rica (07), Honduras (13)…" → a row per item and an indicator for the total."""
        a, b = w.spans[si]
        sentence = w.text[a:b]
        scounts = w.in_sentence(si)
        # bracketed years are dates, not items: "Colombia (2011), Panama (2012)"
        items = [it for it in self._items(w.text, a, b) if not re.fullmatch(r"(?:19|20)\d\d", it[4])]
        if not items:
            return
        anchor = None
        for c in scounts:
            if c.start < items[0][1] and c.kind != "events":
                anchor = c
        people = anchor.kind == "participants" if anchor else bool(sentence_cues.PEOPLE_WORD_RE.search(sentence))
        if anchor is None and not people:
            return
        historical = bool(sentence_cues.historical(sentence))
        item_rows = [self._item_row(para, w, si, item, anchor, people and not historical) for item in items]
        w.rows.extend(item_rows)
        if anchor is not None:
            w.used.add(anchor.start)
            w.rows.append(self._stated_total(para, si, sentence, anchor, items, item_rows))
        w.claimed.add(si)

    def _item_row(self, para: _Para, w: _Work, si: int, item, anchor: numbers.Count | None,
                  activity: bool) -> _Row:
        """One item of a breakdown: an activity with its participants (people in the
        year), else an indicator named after the stated figure."""
        code, s0, s1, value, _ = item
        sentence = w.sentence(si)
        if activity:
            ev = next((c for c in w.in_sentence(si) if c.kind == "events" and c.start not in w.used), None)
            return self._activity(para, (si, s0), sentence, [(s0, s1)], participants=value,
                                  qualifier="exact", countries=[code], flags=["item of a stated breakdown"], count=ev,
                                  basis="counted")
        base = self._name(anchor, False) if anchor else "participants"
        return self._indicator(para, (si, s0), sentence, [(s0, s1)], name=f"{base}_{code.lower()}", value=value,
                               unit=anchor.unit if anchor else "participants", countries=[code])

    def _stated_total(self, para: _Para, si: int, sentence: str, anchor: numbers.Count, items,
                      item_rows: list[_Row]) -> _Row:
        """The indicator of a breakdown's stated total, covering its item activities."""
        total = sum(v for _, _, _, v, _ in items)
        flags = []
        if abs(total - anchor.value) > 1e-9:
            flags.append(f"stated total {anchor.value:g} differs from the sum of its items {total:g}")
        covers = [r.key for r in item_rows if r.table == "activities"]
        name = "total_participants" if anchor.kind == "participants" else self._name(anchor, True)
        return self._indicator(para, (si, anchor.start), sentence, [(anchor.start, anchor.end)], name=name,
                               value=anchor.value, unit=anchor.unit, countries=[it[0] for it in items],
                               flags=flags, covers_keys=covers, qualifier=anchor.qualifier)

    def _participants(self, para: _Para, w: _Work, si: int) -> None:
        """2. Participant counts: an activity each, with the events they attended (in
        this sentence or, for "these seminars", an earlier one)."""
        a, b = w.spans[si]
        sentence = w.text[a:b]
        scounts = w.in_sentence(si)
        # people a course was given by ("taught by two prosecutors") are not its participants
        pcounts = [c for c in scounts if c.kind == "participants" and c.start not in w.used
                   and not given_by.gave_it(w.text[:c.start])]
        for c in pcounts:
            w.used.add(c.start)
            if sentence_cues.historical(sentence):
                w.rows.append(self._over_years(para, si, sentence, c, "participants"))
                continue
            evs_here = [e for e in scounts if e.kind == "events" and e.start not in w.used]
            qa, ev_list = self._antecedent_events(w, si, evs_here[:1])
            flags = ["several participant counts in one sentence"] if len(pcounts) > 1 else []
            events = 1
            anchors = [(c.start, c.end)]
            if ev_list:
                events = sum(e.int_value for e in ev_list)
                for e in ev_list:
                    w.used.add(e.start)
                    anchors.append((e.start, e.end))
                if events > 1:
                    flags.append("several events: a stated total? itemise if the report lists them")
            basis = ("stated" if len(ev_list) == 1 else "counted") if ev_list else None
            w.rows.append(self._activity(para, (si, c.start), w.text[qa:b], anchors, events=events,
                                         participants=c.value, qualifier=c.qualifier,
                                         count=ev_list[0] if ev_list else None, flags=flags, basis=basis))
            w.claimed.add(si)

    @staticmethod
    def _antecedent_events(w: _Work, si: int, ev_list: list[numbers.Count]) -> tuple[int, list[numbers.Count]]:
        """(where the quote starts, the event counts) of participants whose events are
        in an earlier sentence: "A total of 74 participants attended these seminars"
        (or a chain of them: "In addition to these seminars…")."""
        a, b = w.spans[si]
        sentence = w.text[a:b]
        qa = a
        if ev_list or not (sentence_cues.ANAPHORA_RE.search(sentence) or not sentence_cues.EVENT_WORD_RE.search(sentence)):
            return qa, ev_list
        for back in range(si - 1, max(-1, si - 4), -1):
            prev = w.sentence(back)
            back_counts = w.in_sentence(back)
            if any(x.kind == "participants" for x in back_counts):
                break  # that sentence has its own participants: another activity
            evs = [e for e in back_counts if e.kind == "events" and e.start not in w.used]
            if not evs and not sentence_cues.EVENT_WORD_RE.search(prev):
                break
            qa = w.spans[back][0]
            ev_list = evs + ev_list
            w.claimed.add(back)
            if not sentence_cues.ANAPHORA_RE.search(prev):
                break  # the antecedent: it names the events itself
        return qa, ev_list

    def _events(self, para: _Para, w: _Work, si: int) -> None:
        """3. Event counts left: activities with a number of events."""
        sentence = w.sentence(si)
        for c in w.take(si, "events"):
            if sentence_cues.historical(sentence):
                w.rows.append(self._over_years(para, si, sentence, c, "events"))
                continue
            w.rows.append(self._activity(para, (si, c.start), sentence, [(c.start, c.end)],
                                         events=c.int_value, count=c, basis="stated"))
            w.claimed.add(si)

    def _over_years(self, para: _Para, si: int, sentence: str, c: numbers.Count, unit: str) -> _Row:
        """A count over several years: an indicator, not an activity of the year."""
        return self._indicator(para, (si, c.start), sentence, [(c.start, c.end)], name=self._name(c, False),
                               value=c.value, unit=unit, countries=self.countries.codes(sentence),
                               flags=["figure over several years: set ref_year or drop"], qualifier=c.qualifier)

    def _figures(self, para: _Para, w: _Work, si: int) -> None:
        """4. Every other stated figure: indicators."""
        sentence = w.sentence(si)
        for c in w.take(si, "other"):
            flags = []
            if sentence_cues.historical(sentence):
                flags.append("figure over several years: set ref_year or drop")
            total = bool(re.search(r"\btotal(?:\s+of)?\s*$|\btotall?ing\s*$", w.text[max(0, c.start - 16):c.start],
                                   re.I))
            w.rows.append(self._indicator(para, (si, c.start), sentence, [(c.start, c.end)],
                                          name=self._name(c, total), value=c.value, unit=c.unit,
                                          countries=self.countries.codes(sentence), flags=flags,
                                          qualifier=c.qualifier))

    def _dated_list(self, para: _Para, w: _Work, si: int) -> None:
        """5a. Events a sentence lists each with its place and year: a row each, so
        that each is dated ("the conferences (A, 2011, B, 2013)")."""
        a, b = w.spans[si]
        sentence = w.text[a:b]
        items = setting.dated_items(sentence)
        atype, guessed = activity_type(sentence)
        if si in w.claimed or not items or guessed or sentence_cues.FUTURE_RE.search(sentence) or sentence_cues.NEGATIVE_RE.search(sentence):
            return
        for x, y in items:
            r = self._activity(para, (si, a + x), sentence[x:y], [(a + x, a + y)], atype=atype, basis="counted",
                               flags=["one of several dated events listed: check it is an activity"])
            r.figure = False
            w.rows.append(r)
        w.claimed.add(si)

    def _sentence_activity(self, para: _Para, w: _Work, si: int) -> None:
        """5. A sentence without figures that reports an activity done in the year."""
        if si in w.claimed or any(r.order[0] == si and r.table == "activities" for r in w.rows):
            return
        a, b = w.spans[si]
        sentence, done = w.text[a:b], setting.outside_planned(w.text[a:b])   # a clause of later work aside
        ours = done_work.secretariat_verb(done, self.reference_dir)    # the Secretariat did it: any kind
        if done_work.planned(sentence_cues.FUTURE_RE.search(done), ours) or sentence_cues.historical(sentence) or \
                sentence_cues.NEGATIVE_RE.search(sentence) or not (sentence_cues.DONE_RE.search(done) or ours or done_work.past_clause(done)):
            return
        atype, guessed = done_work.kind(activity_type, sentence, ours)
        if guessed and atype == "other" and self._went_to_states(done):
            atype = "mission"     # "the evaluators moved on to A, B and C": a trip, with no event noun
        if guessed and atype == "other" and ours is None:
            return
        # an event noun, after an article or a verb; or anywhere when the Secretariat's own past verb
        # reports the work ("the CICTE Secretariat took detectives … through live drills")
        if not guessed and not sentence_cues.ACTIVITY_NOUN_RE.search(sentence) and ours is None \
                and not sentence_cues.opens_with_event(sentence):
            return
        flags = ["no figure: check that it is an activity of the year"]
        if guessed:
            flags.append(f"type guessed ({atype})")
        r = self._activity(para, (si, a), sentence, [(a, b)], flags=flags, atype=atype)
        r.figure = False
        w.rows.append(r)

    def _went_to_states(self, text: str) -> bool:
        """Whether ``text`` (work done, by the caller's tests) says where a visit went: member
        states after a verb or noun of travel ("moved on to A and B", "se trasladaron a A")."""
        return any(had == {"to"} for had in setting.roles(text, self.countries.find(text)).values())

    def _note_unused(self, para: _Para, w: _Work) -> None:
        """Numbers that produced no row, for the reviewer."""
        figure_spans = [span for r in w.rows if r.figure for span in r.anchors]
        for n in numbers.find_numbers(w.text):
            if any(x <= n.start and n.end <= y for x, y in figure_spans):
                continue
            if numbers.non_count_reason(w.text, n) or (n.is_word and n.value < 2):
                continue
            self.unused.append((para.pid, n.text, w.text[max(0, n.start - 50):n.end + 50]))


@dataclass
class DraftResult:
    """In-memory result of drafting a report's text (nothing written)."""
    paragraphs: pd.DataFrame
    rows: list[_Row]
    unused_numbers: list[tuple[str, str, str]]
    proposals: pd.DataFrame | None = None     # proposals.csv as merged (set by merge.draft_tables)


def draft(text: str, year: int, reference_dir: Path | None = None,
          paragraphs: pd.DataFrame | None = None, members: set[str] | None = None,
          language: str | None = None) -> DraftResult:
    """Paragraphs and draft rows for a report's text (in ``language``: English when
    None), in memory."""
    paras = paragraphs if paragraphs is not None else paragraphs_table(text, year, reference_dir, members, language)
    with lexicon.using(language):
        d = _Drafter(year, reference_dir, members)
        for idx, r in enumerate(paras.itertuples(index=False)):
            d.paragraph(_Para(r.paragraph_id, r.text, r.section, r.subsection, r.heading, idx))
    d.rows.sort(key=lambda r: r.order)
    return DraftResult(paras, d.rows, d.unused)
