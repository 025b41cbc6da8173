"""Is a word a finite past verb? Read by its form, not from a list of the verbs of
activities: English regular past forms ("-ed") and the closed class of English
irregular past forms; Spanish preterites of the third person ("-ó", "-aron",
"-ieron") and the irregular ones ("hizo", "tuvo", "dio", "puso"…). Verbs of work
not done (planned, postponed, cancelled, asked for) are never done work.

The word lists here are language data (closed classes of the grammar of each
language), not cues tuned on a report."""
from __future__ import annotations

import re

from hemiplan.reading import lexicon

#: English irregular past forms (simple past; the participle too when it is the same form).
IRREGULAR_EN = frozenset("""
arose awoke bore beat became began bent bet bid bound bit bled blew broke bred brought broadcast built burnt
burst bought cast caught chose clung came cost crept cut dealt dug dove did drew dreamt drank drove dwelt ate
fell fed felt fought found fled flung flew forbade forecast foresaw foretold forgot forgave froze got gave went
ground grew hung had heard hid hit held hurt kept knelt knew laid led leant leapt learnt left lent let lay lit
lost made meant met mislaid misled mistook outdid outgrew overcame overdid overheard overran oversaw overtook
overthrew paid proved put quit read rebuilt redid remade rewrote rode rang rose ran said saw sought sold sent
set sewed shook shed shone shot showed shrank shut sang sank sat slept slid slung slit spoke sped spent spun
spat split spread sprang stood stole stuck stung strode struck strove swore swept swam swung took taught tore
told thought threw thrust trod underwent understood undertook underwrote upheld upset woke wore wove wed wept
won wound withdrew withheld withstood wrung wrote
""".split())

#: Spanish irregular preterites (third person, singular and plural) that the endings miss.
IRREGULAR_ES = frozenset("""
hizo hicieron tuvo tuvieron dio dieron puso pusieron estuvo estuvieron anduvo anduvieron
supo supieron vino vinieron dijo dijeron trajo trajeron condujo condujeron
produjo produjeron tradujo tradujeron introdujo introdujeron redujo redujeron dispuso dispusieron expuso
expusieron impuso impusieron propuso propusieron compuso compusieron repuso repusieron obtuvo obtuvieron
mantuvo mantuvieron sostuvo sostuvieron contuvo contuvieron retuvo retuvieron detuvo detuvieron intervino
intervinieron convino convinieron previno previnieron rehízo rehicieron satisfizo satisficieron deshizo
""".split())

#: Verbs of work not done, or not done by its subject: planning, putting off, asking, failing;
#: and verbs of a phase or a relation, not of an event ("continued to", "began offering",
#: "worked with": the work is in what follows them, if anywhere).
NOT_DONE_EN = frozenset("""
planned intended proposed expected hoped aimed sought wanted wished postponed cancelled canceled deferred
suspended delayed declined failed refused requested asked needed awaited scheduled envisaged envisioned
foresaw considered contemplated recommended suggested urged welcomed noted regretted remained lacked
continued began started kept resumed worked collaborated cooperated joined witnessed maintained
""".split())
NOT_DONE_ES = frozenset("""
planeó planearon previó previeron programó programaron aplazó aplazaron pospuso pospusieron postergó
postergaron suspendió suspendieron canceló cancelaron difirió difirieron solicitó solicitaron pidió pidieron
propuso propusieron intentó intentaron esperó esperaron proyectó proyectaron recomendó recomendaron sugirió
sugirieron lamentó lamentaron quedó quedaron pudo pudieron quiso quisieron fue fueron hubo
""".split())

#: Words ending in "-ed" that are not past verbs ("need", "hundred", "red").
_NOT_VERB_EN = frozenset("bed bled feed need seed speed breed creed deed greed hundred red shed sled steed "
                         "weed wed indeed tweed exceed proceed succeed".split()) - {"bled", "shed", "wed"}
_SPANISH_END = re.compile(r"(?:[a-zñ]{2,}ó|[a-zñ]{2,}aron|[a-zñ]{1,}ieron|[a-zñ]{1,}yeron)$")


def is_past(word: str, english: bool = True) -> bool:
    """Whether ``word`` (one word, any case) is a finite past verb of done work."""
    w = word.lower()
    if english:
        if w in NOT_DONE_EN:
            return False
        if w in IRREGULAR_EN:
            return True
        return len(w) > 4 and w.endswith("ed") and w not in _NOT_VERB_EN and not w.endswith("eed")
    if w in NOT_DONE_ES:
        return False
    return w in IRREGULAR_ES or bool(_SPANISH_END.search(w))


def adverb(word: str, english: bool) -> bool:
    """Whether a word can stand between a subject and its verb (an adverb; in Spanish a clitic)."""
    w = word.lower()
    if english:
        return w in ("also", "jointly", "together", "then", "later") or (w.endswith("ly") and len(w) > 4)
    return w in ("también", "conjuntamente", "juntos", "juntas", "luego", "después", "además", "se", "le", "les") \
        or (w.endswith("mente") and len(w) > 6)


def verb_follows(text: str) -> bool:
    """Whether ``text`` (what follows a subject) opens with a finite past verb, after
    adverbs or a clitic ("… jointly trained", "… se reunieron")."""
    english = lexicon.current().english
    for m in re.finditer(r"\S+", text[:120]):
        word = m.group(0).rstrip(",;:.")
        if adverb(word, english):
            continue
        return word[:1].islower() and word.isalpha() and is_past(word, english)
    return False
