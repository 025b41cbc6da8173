"""The cues of the sentences ingest drafts from: the words that make a sentence about a
span of years, work planned for later, an event named before, work not done, done work, an
event or people, and whether a sentence opens with its event. English's patterns; a report in
another language reads the same cues from its lexicon (:mod:`.cues`)."""
from __future__ import annotations

import re

from hemiplan.ingest import cues, setting
from hemiplan.reading import numbers

#: Words that make a sentence about a multi-year span: its figures are indicators
#: (with a reference period to fill in), not activities of the year. These patterns are
#: English's; a report in another language reads the same cues from its lexicon (:mod:`.cues`).
HISTORICAL_RE = cues.Cue("historical", re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:last|past|previous)\b|\bsince\s+(?:its\s+creation|"
    r"(?:19|20)\d\d)\b|(?<!\bup\s)\bto\s+date\b|\bso\s+far\b|\bcumulative(?:ly)?\b", re.I))
#: A part of a month or year after "the last" ("in the last days of April", "en las últimas semanas
#: del año"): a date, not a span of years.
PART_OF_RE = re.compile(r"^\w*\s+(?:days?|weeks?|months?\s+of\s+the\s+year|d[ií]as|semanas|meses\s+del\s+a[ñn]o)"
                         r"\s+(?:of|de|del)\b", re.I)


def historical(text: str):
    """The first cue of a multi-year span in ``text`` (:data:`HISTORICAL_RE`) that is not
    the last days or weeks of a month or year ("in the last days of April 2049"), or None."""
    for m in HISTORICAL_RE.finditer(text):
        if not PART_OF_RE.match(text[m.end():]):
            return m
    return None


FUTURE_RE = cues.Cue("future", re.compile(r"\b(?:will|shall|plans?\s+to|is\s+expected|are\s+expected|"
                                            r"is\s+scheduled|are\s+scheduled|intends?\s+to|is\s+to\s+be|"
                                            r"are\s+to\s+be)\b", re.I))
ANAPHORA_RE = cues.Cue("anaphora", re.compile(
    r"\b(?:these|this|the|those|both|each|such|said)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>" + "|".join(sorted(numbers.EVENT_NOUNS, key=len, reverse=True)) + r")\b", re.I))
NEGATIVE_RE = cues.Cue("negative", re.compile(r"\b(?:has|have|had|was|were|is|are|could|did|does|do)\s+not\b|"
                                                r"\bno\s+longer\b|\bunable\b|\bnot\s+(?:been\s+)?possible\b|"
                                                r"\bcannot\b|n't\b", re.I))
EVENT_WORD_RE = cues.Cue("event_word", re.compile(r"\b(?:" + "|".join(sorted(
    (w for w in numbers.EVENT_NOUNS if w not in ("activity", "activities", "event", "events")),
    key=len, reverse=True)) + r")\b", re.I))
PEOPLE_WORD_RE = cues.Cue("people_word", re.compile(
    r"\b(?:" + "|".join(sorted(numbers.PEOPLE_NOUNS, key=len, reverse=True)) + r")\b", re.I))
DONE_RE = cues.Cue("done", re.compile(
    r"\b(?:held|delivered|organi[sz]ed|conducted|carried\s+out|hosted|signed|launched|published|"
    r"performed|completed|trained|met|took\s+place|was\s+created|were\s+created|established|donated|"
    r"destroyed|provided|implemented|convened|co-?organi[sz]ed|offered|developed|adopted|approved|sent|"
    r"finalized|finalised|released|presented|undertook|undertaken|participated|attended|gave|given|"
    r"supported|coordinated|facilitated|initiated|concluded|ran|assisted|"
    r"agreed(?!\s+(?:to|that)\b)|exchanged\s+(?:letters|notes)|"
    # work done by going somewhere, or an agreement reached or kept alive ("travelled to", "exchanged letters")
    r"travell?ed|visited|renewed|extended\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:agreement|memorandum))\b", re.I))
#: Words before a dependency that make it a partner, not the lead ("in partnership with CICAD").
PARTNER_BEFORE_RE = cues.Cue("partner_before", re.compile(
    r"(?:with|by|of|from|and)\s+(?:the\s+)?(?:support\s+of\s+|collaboration\s+with\s+|partnership\s+with\s+)?"
    r"(?:the\s+)?$", re.I))
#: An event noun after an article or a word such as "regional": a sentence without figures that
#: reports one ("the ES/CICAD held a regional workshop").
ACTIVITY_NOUN_RE = cues.Cue("activity_noun", re.compile(
    r"\b(?:a|an|the|one|first|second|third|its|their|several|various|regional|national|sub-?regional|"
    r"international|sent|conducted|held|delivered)\s+(?:[\w-]+\s+){0,4}?" + EVENT_WORD_RE.english.pattern, re.I))


def opens_with_event(sentence: str) -> bool:
    """Whether the sentence's first words (up to two, then an event noun of the language read)
    name its event: "Technical missions were sent", "Misiones técnicas se enviaron"."""
    m = re.match(r"^\W*((?:[\w-]+\s+){0,2}?)(?:" + EVENT_WORD_RE.pattern + ")", sentence, re.I)
    # not an event named before ("These workshops were held", "In these workshops", "During this meeting")
    return bool(m) and not setting.refers_back(sentence) and \
        not any(w.lower() in NOT_OPENING for w in m.group(1).split())


#: Words before an event noun that make it one named earlier, or not the subject.
NOT_OPENING = frozenset("the this these that those such said both each another in during at after before of for "
                         "with on from by el la los las este esta estos estas ese esa esos esas dicho dicha dichos "
                         "dichas en durante tras con del de al ambos ambas cada".split())
