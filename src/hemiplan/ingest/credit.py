"""With whom an activity was held: the partners and funders a sentence names.

A cue opens a list of names ("in coordination with", "with the support of", "experts
from", "with funds from", "financed by"…); the cue says the role: money (funds,
funding, financed, sponsored, a donation or grant) makes a funder, everything else a
partner. Each name of the list is an organisation of ``organizations.csv`` (found by
name, acronym, Spanish name or alias: :func:`hemiplan.reading.entities.organization_matcher`),
a state (its government, when the table has it), or a name the table does not know:
that one is *proposed* (:class:`Proposal`) with a kind guessed from its words
("Government of", "Ministry": a national government agency; "University": academic;
"Foundation": civil society; "United Nations": a UN body…), never dropped. A known
organisation the sentence names without a cue is a partner too (with a flag), unless
it is whose people took part ("officers of the …") or who asked for the work ("at the
request of"). The Secretariat's own dependencies are never partners (they are joint
work: :func:`hemiplan.ingest.setting.joint`).

The patterns here are English's; a Spanish report reads its cues, the words that head
an organisation's name and the small words inside one from its lexicon
(``credit_partner``, ``credit_funder``, ``org_head``, ``name_link`` in lexicon.csv)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from hemiplan.ingest import bare_names, cues, org_mentions, org_names, past_tense
from hemiplan.ingest.mention_roles import acronym_of_name, paid
from hemiplan.reading import entities, lexicon, numbers

KINDS = ("UN body", "OAS body", "national government agency", "regional organisation", "international organisation",
         "private sector", "civil society", "academic")

_FUNDER_EN = (r"(?:at\s+the\s+)?expenses?\s+of|"
              # a cost, then a passive verb of money: "flights and lodging were met by", "the bill was picked up by"
              r"(?:costs?|expenses|bills?|fees|flights|lodging|travel|tuition|accommodation)\b[^.;]{0,30}?\b"
              r"(?:(?:was|were)\s+(?:met|covered|paid(?:\s+for)?|borne|picked\s+up|defrayed|footed)\s+by|"
              r"(?:was|were)\s+charged\s+to|fell\s+to|rested\s+with)|(?:(?:financial|economic)\s+(?:support|assistance|backing|help|contribution)|funds?|funding(?:\s+support)?|financing|grants?|"
              r"donations?|contributions?|sponsorship|resources|money|subsid(?:y|ies))\s+(?:\w+\s+)?(?:from|of|by)|"
              r"(?:funded|financed|sponsored|co-?funded|co-?financed|underwritten|made\s+possible|paid\s+for|donated|resourced)\s+by|"
              # money given, a few words, and who gave it: "the financial support provided for this event by"
              r"(?:financial\s+support|funds|funding|grants?|donations?|contributions?|resources|money)\s+"
              r"(?:provided|given|granted|offered|made\s+available|contributed|donated)\s+(?:[\w-]+\s+){0,4}?by|"
              r"(?:scholarships?|fellowships?|bursaries|grants?)\s+(?:\w+\s+)?(?:granted|awarded|given|offered)\s+by")
#: A verb of money after an organisation's name: it paid ("the X Foundation covered the cost of").
_FUNDER_AFTER_EN = (r"(?:covered|paid(?:\s+for)?|bore|met|defrayed|footed|picked\s+up|shouldered|assumed|carried|"
                    r"took\s+charge\s+of|took\s+care\s+of|"
                    # its participle, in "with X drafting the forms and Y meeting the travel bills"
                    r"covering|paying(?:\s+for)?|bearing|meeting|defraying|footing|picking\s+up|shouldering|"
                    r"assuming|carrying|taking\s+(?:charge|care)\s+of)\s+(?:the\s+|all\s+(?:the\s+)?|its\s+|their\s+|"
                    r"(?:part|half|most)\s+of\s+the\s+)?(?:[\w’'-]+\s+){0,2}?(?:costs?|expenses?|bills?|budget|fees|tuition|"
                    r"travel|airfares?|tickets|lodging|board|accommodation|per\s+diems?)\b")
#: Words of money or costs: a body named without a cue in a clause with one of them paid
#: ("the running costs fell to X", "X made up the budget"); Spanish's are the lexicon's
#: ``credit_funder`` rows of value "money". Not the words of the crimes the work is about
#: ("money laundering", "terrorism financing", "seized funds"), nor a bill that is a draft law.
_MONEY_EN = (r"money(?![\s-]+launder)|(?<!seized\s)(?<!illicit\s)(?<!illegal\s)(?<!frozen\s)(?<!criminal\s)funds|"
             r"funding|financed|funded|finances|financially|bankrolled|bankrolls|underwrote|underwrites|generosity|dollars|grants?|"
             r"donations?|costs?|expenses?|budget|"
             r"fees|tuition|airfares?|tickets|lodging|accommodation|rental|per\s+diems?|scholarships?|fellowships?|"
             r"sponsor(?:ed|ship)|paid\s+for|subsid(?:y|ies|ised|ized)")
#: An amount of money, in any language ("US$50,000", "USD 20 000", "€15.000").
_CURRENCY = r"US\$|(?<!\w)USD(?!\w)|(?<!\w)EUR(?!\w)|€|\$\s?\d"
_PARTNER_EN = (r"(?:in\s+)?(?:coordination|partnership|collaboration|cooperation|conjunction|association|alliance|"
               r"consultation)\s+with|(?:jointly|together)\s+with|(?:the\s+)?(?:support|assistance|help|backing|"
               r"participation|cooperation|collaboration)\s+(?:of|from)|"
               r"(?:supported|assisted|co-?organi[sz]ed|organi[sz]ed|convened|hosted|facilitated|led)\s+by|"
               r"(?:co-?organi[sz]ed|organi[sz]ed|prepared|developed)\s+with|"
               r"(?:experts?|specialists?|instructors?|trainers?|facilitators?|speakers?|lecturers?|teachers?)"
               r"\s+(?:from|of)|(?:partnered|collaborated|cooperated|worked|(?:to|continues\s+to)\s+(?:work|collaborate|cooperate))\s+with|"
               # people or advice a body gave: "prosecutors lent by", "technical input from"
               r"(?:lent|loaned|seconded|assigned)\s+by|(?:(?:technical|expert)\s+)?(?:input|advice|expertise|"
               r"guidance)\s+(?:of|from)|"
               r"(?:agreement|memorandum\s+of\s+understanding|MOU|MoU|letter\s+of\s+intent|joint\s+report)\s+with|"
               # a noun of partners opening their list: "the strategic partners of the program (A, B and C)"
               r"(?:strategic\s+|key\s+|main\s+|implementing\s+)?partners\s+(?:(?:of|in)\s+(?:the|this|its)\s+"
               r"(?:program(?:me)?|project|initiative|network)(?=\s+\()|such\s+as|including|namely)")
#: The word that heads an organisation's name → the kind it suggests (the first found wins).
_HEADS_EN = {
    "United Nations": "UN body", "UN": "UN body", "Inter-American Commission": "OAS body",
    "Inter-American Committee": "OAS body", "OAS": "OAS body",
    "Government": "national government agency", "Ministry": "national government agency",
    "Embassy": "national government agency", "Police": "national government agency",
    "Bureau": "national government agency", "Board": "national government agency",
    "Directorate": "national government agency", "Prosecutor": "national government agency",
    "Attorney": "national government agency", "Customs": "national government agency",
    "Agency": "national government agency", "Department": "national government agency",
    "Secretariat": "national government agency", "Court": "national government agency",
    "Coast Guard": "national government agency", "Navy": "national government agency",
    "Army": "national government agency", "Office": "national government agency", "Force": "national government agency",
    "University": "academic", "College": "academic", "Institute": "academic", "Academy": "academic",
    "School": "academic", "Centre": "international organisation", "Center": "international organisation",
    "Service": "national government agency", "Administration": "national government agency",
    "Authority": "national government agency", "Foundation": "civil society", "Association": "civil society", "Society": "civil society",
    "Network": "civil society", "Federation": "civil society", "Alliance": "civil society",
    "Council": "civil society", "Chamber": "private sector", "Corporation": "private sector",
    "Company": "private sector", "Inc": "private sector", "Ltd": "private sector", "Group": "private sector",
    "Bank": "international organisation", "Organization": "international organisation",
    "Organisation": "international organisation", "Union": "regional organisation",
    "Community": "regional organisation", "Commission": "international organisation",
    "Committee": "international organisation", "Programme": "international organisation",
    "Program": "international organisation", "Fund": "international organisation",
    "Forum": "international organisation", "Task Force": "international organisation",
    # a unit of a body, and the names of bodies that English reports keep in their own language
    "Branch": "national government agency", "Unit": "national government agency",
    "Division": "national government agency", "Section": "national government agency",
    "Command": "national government agency", "Guard": "national government agency",
    "Guardia": "national government agency", "Gendarmerie": "national government agency",
    "Gendarmería": "national government agency", "Carabineros": "national government agency",
    "Carabinieri": "national government agency", "Policía": "national government agency",
    "Polícia": "national government agency", "Fiscalía": "national government agency",
    "Ministerio": "national government agency", "Procuraduría": "national government agency",
}
_LINKS_EN = ("of", "for", "on", "the", "against", "de", "&")
_AND_EN = ("and", "&")
#: Words before an organisation that make it whose people took part or who asked, not a partner.
_NOT_PARTNER_EN = (r"(?:request|requests|invitation|behalf|behest)\s+(?:of|by|from)\s+(?:the\s+)?$|"
                   r"(?:requested|asked|invited)\s+by\s+(?:the\s+)?$|"
                   # the author of a standard the work follows, not a partner ("the 40 recommendations from FATF")
                   r"\b(?:recommendations|standards|guidelines|methodology|resolutions?)\s+(?:of|from|by|issued\s+by)\s+"
                   r"(?:the\s+)?$|"
                   r"\b(?:" + "|".join(sorted(numbers.PEOPLE_NOUNS, key=len, reverse=True)) +
                   r")\s+(?:[a-z]+\s+)?(?:of|from|at)\s+(?:the\s+)?$")
_ARTICLES_EN = ("the",)
#: Words after an organisation that make it who asked for the work or an observer of it, not
#: a partner ("as the Government of X had asked", "Y attended as an observer"); Spanish's are
#: the lexicon's ``not_partner`` rows of value "after" (a verb of asking) and "observer".
_ASKED_AFTER_EN = r"(?:had\s+|has\s+|formally\s+|also\s+)*(?:asked|requested)|(?:'s|’s)\s+(?:\w+\s+)?(?:request|invitation|behest)"
_OBSERVER_EN = r"observers?"


def _after_words(asked: str, observer: str) -> re.Pattern:
    """What makes a body named before it no partner: a verb of asking right after its name
    (its acronym in brackets, or ", which", between: "the Ministry of X requested the DPS
    to"), or a word for an observer a short way after it ("Y sent an observer"); after an
    acronym in brackets, what follows the bracket ("the X Bank (XB) sat in as an observer"); further on
    in its own predicate, no other name nor comma between ("followed the talks with observer status")."""
    return re.compile(rf"^\)?(?:\s*\([^()]{{1,20}}\))?(?:,?\s*(?:(?:which|who|que|quien)\s+)?(?:{asked})|"
                      rf"[^.;:()]{{0,25}}?(?<!\w)(?:{observer})|(?-i:[^.;:(),A-ZÁÉÍÓÚÑ]){{0,50}}?(?<!\w)(?:{observer}))(?!\w)", re.I)


#: Words after "<people> of <a body>" that make them who gave the work, and the body a
#: partner ("with fraud analysts of X among the speakers"); Spanish's are the lexicon's
#: ``credit_partner`` rows of value "givers" ("entre los ponentes").
_GIVERS_EN = (r"(?:among|as)\s+(?:the\s+|its\s+)?(?:speakers|instructors|lecturers|presenters|panell?ists|trainers|"
              r"facilitators|teachers|faculty|moderators|tutors|mentors)")


def _givers(terms: str) -> re.Pattern:
    return re.compile(rf"^(?:\s*\([^()]{{1,20}}\))?[^.;:()]{{0,20}}?(?<!\w)(?:{terms})(?!\w)", re.I)


@dataclass
class Proposal:
    """An organisation a sentence names that the reference table does not know."""
    role: str          # partner or funder
    name: str          # as written
    acronym: str
    kind: str          # guessed, in organizations.csv's vocabulary
    quote: str         # the cue and the name, a substring of the sentence


@dataclass
class Credit:
    partners: set[str] = field(default_factory=set)
    funders: set[str] = field(default_factory=set)
    proposals: list[Proposal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Words:
    funder: re.Pattern
    partner: re.Pattern
    heads: dict[str, str]
    name: re.Pattern
    ands: tuple[str, ...]
    articles: tuple[str, ...]
    not_partner: re.Pattern
    funder_after: re.Pattern      # a verb of money after the funder's name
    not_partner_after: re.Pattern     # words after a name that make it no partner (who asked, an observer)
    money: re.Pattern             # a word of money or costs in a clause (case-sensitive: not in a name)
    givers: re.Pattern            # words after a body's people that make them who gave the work ("among the speakers")


def _alt(terms) -> str:
    """An alternation of terms (spaces match any white space; a term ending in 'de' also
    matches 'del', as Spanish contracts 'de el')."""
    out = []
    for t in sorted(set(terms), key=len, reverse=True):
        e = re.escape(t).replace(r"\ ", r"\s+")
        out.append(e[:-2] + "(?:del|de)" if t.endswith(" de") else e)
    return "|".join(out) or r"(?!x)x"


def _name_pattern(links) -> re.Pattern:
    cap = r"(?:[A-ZÁÉÍÓÚÑ][\w’'./-]*\w|[A-Z])"
    return re.compile(rf"{cap}(?:\s+(?:(?:{_alt(links)})\s+)*{cap})*")


@lru_cache(maxsize=8)
def _words(lex: lexicon.Lexicon) -> _Words:
    if lex.english:
        return _Words(re.compile(rf"\b(?:{_FUNDER_EN})\s+", re.I), re.compile(rf"\b(?:{_PARTNER_EN})\s+", re.I),
                      _HEADS_EN, _name_pattern(_LINKS_EN), _AND_EN, _ARTICLES_EN, re.compile(_NOT_PARTNER_EN, re.I),
                      re.compile(rf"(?<!\w)(?:{_FUNDER_AFTER_EN})", re.I), _after_words(_ASKED_AFTER_EN, _OBSERVER_EN),
                      re.compile(rf"(?<!\w)(?:{_MONEY_EN})(?!\w)|{_CURRENCY}"), _givers(_GIVERS_EN))
    people, articles = lex.alternation("people_noun"), tuple(lex.of("article"))
    np = lex.of("not_partner")
    not_partner = (rf"(?:{_alt(t for t, v in np.items() if v not in ('after', 'observer', 'handover'))})\s+(?:(?:{_alt(articles)})\s+)?$|(?<!\w)(?:{people})\s+"
                   rf"(?:[\w-]+\s+)?(?:de|del)\s+(?:(?:{_alt(articles)})\s+)?$")    # "funcionarios bolivianos de la"
    funder = lex.of("credit_funder")    # value "after": the funder's name comes before ("X cubrió el costo")
    # a noun of money opens a list after "de" ("una subvención del Gobierno de X", "una aportación voluntaria de")
    nouns = _alt(t for t, v in funder.items() if v == "noun")
    given = _alt(t for t, v in funder.items() if v == "given")     # "los fondos aportados para el curso por"
    cued = _alt(t for t, v in funder.items() if v not in ("after", "money", "noun", "given", "free"))
    return _Words(re.compile(rf"(?<!\w)(?:(?:{cued})|(?:{nouns})\s+(?:[\w-]+\s+)?(?:de|del|(?:{given})\s+(?:[\w-]+\s+){{0,4}}?por))\s+", re.I),
                  re.compile(rf"(?<!\w)(?:{_alt(t for t, v in lex.of('credit_partner').items() if v not in ('givers', 'body_noun'))})\s+",
                             re.I),
                  dict(lex.of("org_head")), _name_pattern(tuple(lex.of("name_link"))),
                  tuple(lex.of("list_join")), articles, re.compile(not_partner, re.I),
                  re.compile(rf"(?<!\w)(?:{_alt(t for t, v in funder.items() if v == 'after')})(?!\w)", re.I),
                  _after_words(_alt(t for t, v in np.items() if v == "after"),
                               _alt(t for t, v in np.items() if v == "observer")),
                  re.compile(rf"(?<!\w)(?:{_alt(t for t, v in funder.items() if v in ('money', 'noun'))})(?!\w)|"
                             rf"{_CURRENCY}"),
                  _givers(_alt(t for t, v in lex.of("credit_partner").items() if v == "givers")))


def words_of(lex: lexicon.Lexicon) -> _Words:
    """The cues and name patterns of credit in one language (for :mod:`.done_work`)."""
    return _words(lex)


def guess_kind(name: str, words: _Words | None = None) -> str:
    """The kind an organisation's name suggests (international organisation when nothing does)."""
    heads = (words or _words(lexicon.current())).heads
    found = [(m.start(), kind) for head, kind in heads.items()
             for m in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", name)]
    if any(k == "UN body" for _, k in found):
        return "UN body"
    return min(found)[1] if found else ("national government agency" if _country(name) else
                                        "international organisation")


def _country(name: str) -> str | None:
    """The ISO3 code of a state a name is (a member state's names, or any country pycountry knows)."""
    codes = entities.country_matcher().codes(name)
    alias = entities.country_matcher().find(name)
    if len(alias) == 1 and alias[0][0] == name and codes:
        return codes[0]
    if len(name) <= 3 or name.isupper():
        return None     # an acronym, never a country code ("IDN")
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def _government(code: str) -> str | None:
    """The org_id of a state's government in organizations.csv (gov-<iso3>), if it has one."""
    gid = f"gov-{code.lower()}"
    known = {t for t in entities.organization_matcher().targets.values() if t}
    return gid if gid in known else None


def _skip_article(text: str, at: int, w: _Words) -> int:
    m = re.match(rf"(?:(?:{_alt(w.articles)})\s+)?", text[at:], re.I)
    return at + m.end()


def _one_name(text: str, at: int, w: _Words, known: dict[int, tuple[str, str | None]]):
    """(end, org_id or None, name, acronym, is it a name at all) of the name starting at ``at``."""
    if at in known:
        alias, org = known[at]
        end = at + len(alias)
        m = re.match(r"\s*\([^()]{1,20}\)", text[end:])
        return end + (m.end() if m else 0), org, alias, "", True
    m = w.name.match(text, at)
    if not m:
        return at, None, "", "", False
    name = m.group(0)
    inner = [(o, alias) for o, (alias, _) in known.items() if at <= o < m.end()]
    if inner and known[inner[0][0]][1] is None:
        return at, None, "", "", False      # "the Secretariat of CICTE": the Secretariat's own
    if inner:                       # a known name inside: stop before it
        name = text[at:inner[0][0]].rstrip()
        name = re.sub(rf"\s+(?:{_alt(w.ands + w.articles)})$", "", name, flags=re.I)
        if not name or name[-1] in "-/":
            return at, None, "", "", False
    end = at + len(name)
    acr = re.match(r"\s*\(([A-Z][A-Za-z/-]{1,15})\)", text[end:])
    longer = None if acr or inner else org_mentions._longer(text, end)
    if longer and re.search(r"\s(?:of|for|de|del|para)\s", name) and \
            not any(end <= o < end + longer.end() for o in known) and \
            not entities.country_matcher().codes(longer.group(0)):
        # "Bureau of Alcohol[, Tobacco, Firearms and Explosives (ATF)]": its acronym closes one name
        name = text[at:end + longer.start(2)].rstrip(" (")
        end = at + len(name)
        acr = re.match(r"\s*\(([A-Z][A-Za-z/-]{1,15})\)", text[end:])
    if acr and end + acr.start(1) in known:     # "… Team (ICS-CERT)": known by its acronym
        return end + acr.end(), known[end + acr.start(1)][1], name, acr.group(1), True
    return end + (acr.end() if acr else 0), None, name, acr.group(1) if acr else "", True


def _looks_like_org(name: str, acronym: str, w: _Words) -> bool:
    if not name or re.search(r"(?i)member\s+states|estados\s+miembros", name):
        return False
    if entities.dependency_matcher().codes(name):
        return False
    if acronym or re.fullmatch(r"[A-Z][A-Z/-]{1,12}", name):
        return True
    return any(re.search(rf"(?<!\w){re.escape(h)}(?!\w)", name) for h in w.heads) or _country(name) is not None


def known_names(known) -> set[str]:
    return {alias for alias, _ in known.values()}


def _names_after(text: str, at: int, w: _Words, known) -> list[tuple[int, int, str | None, str, str]]:
    """The list of names a cue opens: (start, end, org_id, name, acronym) each. A part
    after a bare "and" that names no organisation belongs to the name before it
    ("Centre for Drugs and Drug Addiction")."""
    out: list[tuple[int, int, str | None, str, str]] = []
    pos, bare_and = _skip_article(text, at + (text[at:at + 1] == "("), w), False     # "partners of the program (A, B)"
    while True:
        end, org, name, acr, ok = _one_name(text, pos, w, known)
        if not ok:
            break
        if bare_and and org is None and out and out[-1][2] is None and not _looks_like_org(name, "", w):
            s = out.pop()[0]
            out.append((s, end, None, text[s:pos + len(name)], acr))
        elif bare_and and org and acr and pos not in known and out and out[-1][2] is None:
            # "Oficina de Aduanas y Protección Fronteriza … (CBP)": the acronym closes one name of two parts
            s = out.pop()[0]
            out.append((s, end, org, text[s:pos + len(name)], acr))
        else:
            out.append((pos, end, org, name, acr))
        gap = re.match(rf",\s*(?:(?:{_alt(w.ands)})\s+)?|\s+(?:{_alt(w.ands)})\s+", text[end:], re.I)
        if not gap or (re.fullmatch(r"[A-Z][a-z]{3,}", name) and re.match(rf",\s*(?:{_alt(w.articles)})\s",
                                                                        text[end:], re.I)):
            break    # "Nordpol, the Nordic Police … Office": another name of the one before, not a second
        nxt = _skip_article(text, end + gap.end(), w)
        if nxt not in known and not w.name.match(text, nxt):
            break
        if not re.search(rf"(?i)(?<!\w)(?:{_alt(w.ands)})\s", gap.group(0)):
            _, p_org, p_name, p_acr, _ = _one_name(text, nxt, w, known)
            if p_org is None and (p_name in known_names(known) or not _looks_like_org(p_name, p_acr, w)):
                break    # "…Development Bank, the ES/CICAD trained": the list is over
        bare_and = "," not in gap.group(0) and nxt == end + gap.end()
        pos = nxt
    return out


#: The verb after "the DPS and <an organisation>": the organisation did the work with it.
_CO_VERB_RE = cues.Cue("joint_verb", re.compile(
    r"^\s+(?:also\s+|jointly\s+|together\s+)?(?:signed|conducted|organi[sz]ed|co-?organi[sz]ed|delivered|held|"
    r"carried\s+out|implemented|developed|launched|ran|convened|offered|co-?hosted|hosted|published)\b", re.I))


def _co_verb(text: str) -> bool:
    """Whether a verb of done work opens ``text``: a verb of the cue, or any finite past verb."""
    return bool(_CO_VERB_RE.match(text)) or past_tense.verb_follows(text)


def _co_subjects(text: str, w: _Words, known) -> list[tuple[int, int, str | None, str, str]]:
    """Organisations that are subjects of the work with a dependency ("The DPS and the
    Dominican National Police jointly delivered", "The SMS and the University of Toronto
    signed")."""
    out = []
    for alias, dep, off in entities.dependency_matcher().find(text):
        m = re.match(rf"\s+(?:{_alt(w.ands)})\s+", text[off + len(alias):], re.I)
        if not dep or not m:
            continue
        at = _skip_article(text, off + len(alias) + m.end(), w)
        end, org, name, acr, ok = _one_name(text, at, w, known)
        # a name with small words the name pattern stops at, closed by its acronym ("the Agency
        # to Fight Crime in Ports (AFCP) ran")
        longer = re.match(r"[^,.;()]{1,80}?\s*\(([A-Z][\w.-]{1,12})\)", text[end:]) if ok and org is None else None
        if longer and not _co_verb(text[end:]) and _co_verb(text[end + longer.end():]):
            name, acr = text[at:end + longer.start(1)].rstrip(" ("), longer.group(1)
            end += longer.end()
        if ok and _co_verb(text[end:]) and not entities.dependency_matcher().codes(name):
            out.append((at, end, org, name, acr))
    return out


def _names_before(text: str, w: _Words, known) -> list[tuple[int, int, str | None, str, str]]:
    """Organisations named right before a verb of money ("the Friedrich Ebert Foundation
    covered the cost of the venue"): (start, end, org_id, name, acronym) each."""
    out = []
    for m in w.funder_after.finditer(text):
        at = len(text[:m.start()].rstrip())
        acr = re.search(r"\s*\([A-Z][\w/-]{1,15}\)$", text[:at])     # "… for Nature (WWF) footed the bill"
        bare = acr.start() if acr else at
        starts = [o for o, (alias, _) in known.items() if o + len(alias) in (at, bare)]
        starts += [n.start() for n in w.name.finditer(text) if n.end() in (at, bare)]
        for start in starts[:1]:
            start = _skip_article(text, start, w)
            end, org, name, acr, ok = _one_name(text, start, w, known)
            if ok and end == at and not entities.dependency_matcher().codes(name):
                out.append((start, end, org, name, acr))
    return out


def credit(quote: str, reference_dir=None, context: str = "") -> Credit:
    """The partners, funders and proposed organisations of a quote, and those the
    sentence it refers back to (``context``: "These seminars…") names after a cue."""
    w = _words(lexicon.current())
    c = Credit()
    if context:
        before = credit(context, reference_dir)
        c.partners, c.funders = set(before.partners), set(before.funders)
        c.proposals = [p for p in before.proposals if p.quote not in quote]
        c.notes, c.flags = list(before.notes), list(before.flags)
    known = {off: (alias, org) for alias, org, off in entities.organization_matcher(reference_dir).find(quote)}
    org_names.read(quote, known, reference_dir)     # sub-units and variants of known names
    seen: set[int] = set()
    cued = sorted([(m.end(), "funder", m) for m in w.funder.finditer(quote)] +
                  [(m.end(), "partner", m) for m in w.partner.finditer(quote)], key=lambda x: (x[0], x[1]))
    funder_spans = [(m.start(), m.end()) for _, role, m in cued if role == "funder"]
    done_at: set[tuple[int, str]] = set()
    named_money: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []     # every body named, for the part of a clause that is each one's
    for at, role, m in cued:
        if role == "partner" and any(a <= m.start() < b or a < m.end() <= b for a, b in funder_spans):
            continue   # "financial support from": the money wins
        if (at, role) in done_at:
            continue   # two cues ending at one place ("con una donación de" and its noun "donación de")
        done_at.add((at, role))
        names = _names_after(quote, at, w, known)
        if role == "funder" and names:
            named_money.append((m.start(), m.end()))    # a cue of money that names its body
        for s, e, org, name, acr in names:
            seen.update(range(s, e))    # every word of the name: none of them starts another
            spans.append((s, e))
            _credit_one(c, role, quote, m.start(), s, e, org, name, acr, w)
    for s, e, org, name, acr in _co_subjects(quote, w, known):
        seen.add(s)     # a subject of the work with a dependency is a body by its role ("the SMS and Europol")
        spans.append((s, e))
        _credit_one(c, "partner", quote, s, s, e, org, name, acr, w, shaped=bool(re.fullmatch(r"[A-Z][a-z]{3,}", name)))
    for s, e, org, name, acr in _names_before(quote, w, known):
        seen.add(s)
        spans.append((s, e))
        _credit_one(c, "funder", quote, s, s, e, org, name, acr, w)
    loose = org_mentions.uncued(quote, w, known, seen, c.proposals, reference_dir, kind=guess_kind)
    bodies = spans + [(o, o + len(alias)) for o, (alias, _) in known.items()] + [(s, e) for s, e, *_ in loose]
    for s, e, role, org, name, acr in loose:
        seen.add(s)      # named without a cue: proposed all the same, never dropped
        if w.not_partner_after.match(quote[e:]):
            continue
        role = "funder" if role == "funder" or paid(quote, s, e, w, named_money, bodies) else role
        _credit_one(c, role, quote, s, s, e, org, name, acr, w, shaped=True)
    for off, (alias, org) in sorted(known.items()):
        end = off + len(alias)
        if org and off not in seen and org not in c.partners | c.funders and not acronym_of_name(quote, off, known) and \
                (not w.not_partner.search(quote[max(0, off - 60):off]) or org_mentions.gave_it(quote[:off])
                 or w.givers.match(quote[end:])) and not bare_names.recipient(quote, off) and \
                not w.not_partner_after.match(quote[end:]):
            if paid(quote, off, end, w, named_money, bodies):
                c.funders.add(org)
                c.flags.append(f"funder {org} named without a cue, in a clause of money: check")
                continue
            c.partners.add(org)
            c.flags.append(f"partner {org} named without a cue: check")
    return c


def cued_only(sentence: str, reference_dir=None) -> Credit:
    """The bodies of the reference table a sentence credits by a cue (not those it
    only names, nor those it proposes)."""
    c = credit(sentence, reference_dir)
    loose = {f.split()[1] for f in c.flags if "named without a cue" in f}
    return Credit(partners=c.partners - loose, funders=c.funders - loose)


def _credit_one(c: Credit, role: str, quote: str, cue_at: int, s: int, e: int, org, name: str, acr: str,
                w: _Words, shaped: bool = False) -> None:
    bag = c.funders if role == "funder" else c.partners
    if org:
        bag.add(org)
        return
    if org is None and name in entities.organization_matcher().targets:
        return    # the Secretariat's own: joint work, not a partner
    appositive = re.match(rf",\s+(?:(?:{_alt(w.articles)})\s+)?([A-ZÁÉÍÓÚÑ][^,.;()]{{2,80}})", quote[e:])
    if not shaped and not _looks_like_org(name, acr, w) and not (appositive and _looks_like_org(appositive.group(1), "", w)
                                                  and re.fullmatch(r"[A-Z][a-z]{3,}", name)):
        return        # a one-word name counts when a name of an organisation follows it ("Frontex, the … Agency")
    name = bare_names.proper_name(name, acr)     # "Mexico's National Guard": "National Guard of Mexico"
    if entities.organization_matcher().targets.get(name):     # the table's, by that name ("Federal Police of X")
        bag.add(entities.organization_matcher().targets[name])
        return
    state = re.sub(r"^(?:Government\s+of|Gobierno\s+de(?:l)?)\s+(?:the\s+|la\s+|el\s+)?", "", name)
    code = _country(state)
    if code and entities.country_matcher().codes(state) == [code] and _government(code):
        bag.add(_government(code))
        return
    if code and re.fullmatch(r"[A-Z]{2,}", name) is None and not any(
            re.search(rf"(?<!\w){re.escape(h)}(?!\w)", name) for h in w.heads):
        kind = "national government agency"
    else:
        kind = guess_kind(name, w)
    c.proposals.append(Proposal(role, name, acr, kind, quote[cue_at:e]))
    c.flags.append(f"{role} proposed: {name} (not in organizations.csv)")
    c.notes.append(f"Draft: {name} is proposed as a new organisation ({kind}, {role}): check.")


def cue_words() -> set[str] | None:
    """The lexicon's credit cues of the language being read (None for English), for tests."""
    return cues.words("credit_partner")
