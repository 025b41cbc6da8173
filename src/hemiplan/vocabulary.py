"""The book's one vocabulary: how counts, lists, titles, subsection labels, months and
qualified quantities are written, on every page and in every table.

A foundation module like :mod:`hemiplan.paths`: it imports only :mod:`hemiplan.language`
(numbers, lists and months in the page's language), so every stage (analysis for its
labels, present for its badges and captions) can use it."""
from __future__ import annotations

import html
import re

from hemiplan import language

#: Words of snake_case names shown in capitals (a display vocabulary of the field's
#: acronyms, not data of any report).
ACRONYMS = {"aeo": "AEO", "aml": "AML", "ameripol": "AMERIPOL", "caricom": "CARICOM", "cft": "CFT",
            "cicad": "CICAD", "cicte": "CICTE", "cifta": "CIFTA", "csirt": "CSIRT", "csirts": "CSIRTs", "ct": "CT",
            "dps": "DPS", "dtc": "DTC", "iacac": "IACAC", "iacat": "IACAT", "iact": "IACT", "impacs": "IMPACS",
            "mou": "MOU", "oas": "OAS", "sms": "SMS", "tf": "TF", "tip": "TIP", "un": "UN", "uncac": "UNCAC",
            "unscr": "UNSCR", "untoc": "UNTOC", "wmd": "WMD"}

#: Shown where a row sits outside any lettered subsection.
NO_SUBSECTION = "(no subsection)"

def missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN
    except TypeError:  # pd.NA refuses bool()
        return True


def number(n) -> str:
    """'1,204'; a fractional value with one decimal ('2.5'), in the page's language
    (:func:`hemiplan.language.number`, CLDR)."""
    return language.number(n)


def plural_form(singular: str) -> str:
    """'activity' → 'activities', 'bus' → 'buses', 'figure' → 'figures'."""
    if singular.endswith("y") and singular[-2:-1] not in tuple("aeiou"):
        return singular[:-1] + "ies"
    if singular.endswith(("s", "x", "ch", "sh")):
        return singular + "es"
    return singular + "s"


def plural(n, singular: str, plural: str | None = None) -> str:
    """'1 activity', '2 activities', '1,204 participants'."""
    value = float(n)
    return f"{number(value)} {singular if value == 1 else (plural or plural_form(singular))}"


def agree(n, singular: str, plural_: str) -> str:
    """The form of a word that agrees with a count: agree(1, 'is', 'are') → 'is',
    agree(3, 'was', 'were') → 'were'."""
    return singular if float(n) == 1 else plural_


def some(n, singular: str, plural_: str | None = None) -> str:
    """Like :func:`plural`, but 'no <singular>' for zero."""
    return f"no {singular}" if float(n) == 0 else plural(n, singular, plural_)


def join_words(items, conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (empty items dropped), in the page's language
    ('a, b y c'; CLDR list patterns); ``conjunction`` 'or' for alternatives."""
    return language.join(items, "or" if conjunction == "or" else "standard")


def title_case(title: str) -> str:
    """Report titles set in capitals, shown in sentence case; others as they are."""
    title = str(title)
    if title.isupper():
        t = title.lower()
        return t[:1].upper() + t[1:]
    return title


def humanize(name: str) -> str:
    """snake_case vocabulary or indicator name → reader-facing label, with known
    acronyms in capitals: 'ratifications_iacat' → 'Ratifications IACAT'."""
    words = [ACRONYMS.get(w.lower(), w) for w in str(name).replace("_", " ").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def shorten(text: str, width: int = 48) -> str:
    """A label cut at a word boundary to at most ``width`` characters, with '…'."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:(")
    return cut + "…"


def subsection_label(subsection: str, title: str, width: int | None = None) -> str:
    """The one format of a subsection label: 'a) Strategies and assessments' (title in
    sentence case, optionally shortened), or the title alone, or a placeholder."""
    title = title_case(str(title or "").strip())
    if subsection:
        label = f"{subsection}) {title}" if title else f"{subsection})"
    else:
        label = title or NO_SUBSECTION
    return shorten(label, width) if width else label


def short_id(source_id: str) -> str:
    """A paragraph or row id without its year, for a compact label: 2014-V.a-02 → V.a-02."""
    return re.sub(r"^\d{4}-", "", str(source_id))


def section_label(numeral: str, title: str) -> str:
    """'II. National strategies against …' (sentence case)."""
    return f"{numeral}. {title_case(title)}"


def month_name(month) -> str:
    """'June' for 6; '' for a missing month."""
    return "" if missing(month) else language.month_name(month)


def month_abbr(month) -> str:
    """'Jun' for 6; '' for a missing month."""
    return "" if missing(month) else language.month_abbr(month)


def unit_label(unit) -> str:
    """A snake_case unit as words: 'metric_tons' → 'metric tons'."""
    return re.sub(r"_+", " ", str(unit)).strip()


def amount(value, unit) -> str:
    """'28 focal points', '1 machine', '9,061 metric tons': a value with its unit, the
    unit's last word made singular for a value of one."""
    label = unit_label(unit)
    v = float(value)
    if v == 1 and label.endswith("s") and not label.endswith("ss"):
        label = label[:-1]
    return f"{v:,.0f} {label}" if v.is_integer() else f"{v:,.1f} {label}"


#: Characters that Markdown or MyST could read as syntax.
MARKDOWN_SPECIAL = "\\`*_{}[]<>()#+-.!|:$&~^=\"'"


def literal(text) -> str:
    """Data (a title, a name, a quote) made safe to put inside Markdown: every
    character Markdown or MyST could read as syntax is escaped, so that report text
    never becomes markup."""
    out = []
    for ch in str(text):
        if ch in "<>&":
            out.append(html.escape(ch))
        elif ch in MARKDOWN_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def leaders(counts, singular: str, plural_: str | None = None) -> str:
    """The largest count of a mapping label → count, every tied label named:
    'October and November, 5 activities each'; 'June, 5 activities'; '' when empty
    or all zero. Labels keep the mapping's order."""
    items = [(str(k), float(v)) for k, v in dict(counts).items()]
    top = max((v for _, v in items), default=0)
    if top <= 0:
        return ""
    names = [k for k, v in items if v == top]
    return f"{join_words(names)}, {plural(top, singular, plural_)}" + (" each" if len(names) > 1 else "")
