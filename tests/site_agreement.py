"""Figures that appear on more than one page of a built site, read from the HTML as a
reader sees them, so that a test can compare them page against page: the landing
page's row of each edition, the overview's headline, the series chapter's opening
sentence, the member-states table and each profile's opening sentence."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup


def _soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _number(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


#: The landing page's column labels and "n of total" word, in each language.
LANDING_WORDS = {
    "en": ("Participants", "Activities held in the year", "Events", "Member states reached", " of "),
    "es": ("Participantes", "Actividades realizadas en el año", "Eventos", "Estados Miembros alcanzados", " de "),
}


def landing(html: Path, lang: str = "en") -> dict[int, dict]:
    """Year → the figures of its row on editions.html (``lang``: the landing page of
    that language, es/editions.html for Spanish)."""
    people_col, acts_col, events_col, reached_col, of = LANDING_WORDS[lang]
    page = html / "editions.html" if lang == "en" else html / lang / "editions.html"
    out = {}
    for row in _soup(page).tbody.find_all("tr"):
        year = _number(re.search(r"\d{4}", row.th.get_text()).group())
        cells = {td["data-label"]: td.get_text(" ", strip=True) for td in row.find_all("td")}
        people = re.sub(r"\s*\(.*\)$", "", cells[people_col])
        out[year] = {"activities": _number(cells[acts_col]), "events": _number(cells[events_col]),
                     "participants": people, "states_reached": _number(cells[reached_col].split(of)[0])}
    return out


def across_languages(html: Path, lang: str) -> list[str]:
    """Every count of the landing page in ``lang`` that differs from the English one
    (the participants' words are the language's own: their number is compared)."""
    en, other = landing(html), landing(html, lang)
    out = [f"{lang}/editions.html lists {sorted(other)}, editions.html {sorted(en)}"] if set(en) != set(other) else []
    for year in set(en) & set(other):
        for k, v in en[year].items():
            w = other[year][k]
            same = (_digits(v) == _digits(w)) if k == "participants" else v == w
            if not same:
                out.append(f"{year}: {lang}/editions.html gives {k} {w!r}, editions.html {v!r}")
    return out


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def overview(edition: Path) -> dict:
    """The headline figures of an edition's overview, from its bold phrases."""
    text = _soup(edition / "chapters" / "overview.html").find("article").get_text(" ", strip=True)
    acts = re.search(r"describes ([\d,]+) activit(?:y|ies) held in", text)
    events = re.search(r"amounting to ([\d,]+) events?", text)
    people = re.search(r"(?:gives|add up to) ((?:[a-z]+ )*[\d,]+) participants", text)
    reached = re.search(r"reached ([\d,]+) of the \d+ member states", text)
    return {"activities": _number(acts.group(1)), "events": _number(events.group(1)),
            "participants": people.group(1) if people else "–", "states_reached": _number(reached.group(1))}


def series_first_year(edition: Path) -> tuple[int, int] | None:
    """(year, activities) of the first edition the series chapter's opening sentence names."""
    text = _soup(edition / "chapters" / "series.html").find("article").get_text(" ", strip=True)
    m = re.search(r"from ([\d,]+) activities held in (\d{4})", text)
    return (int(m.group(2)), _number(m.group(1))) if m else None


def member_states(edition: Path) -> dict[str, int]:
    """Profile page name (e.g. 'gtm') → activities, from the member-states table."""
    soup = _soup(edition / "chapters" / "member_states.html")
    out = {}
    for table in soup.find_all("table"):
        heads = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")] if table.thead else []
        if "Activities" not in heads:
            continue
        col = heads.index("Activities")
        for row in table.tbody.find_all("tr"):
            link = row.find("a", href=re.compile(r"profiles/[a-z]{3}\.html"))
            if link is None:
                continue
            cells = row.find_all(["th", "td"])
            out[re.search(r"profiles/([a-z]{3})\.html", link["href"]).group(1)] = _number(cells[col].get_text())
    return out


def profile(edition: Path, iso3: str) -> tuple[int, int] | None:
    """(activities that reached the state, activities of the year) from a profile's opening."""
    text = _soup(edition / "chapters" / "profiles" / f"{iso3}.html").find("article").get_text(" ", strip=True)
    m = re.search(r"was served by, ([\d,]+) of the ([\d,]+) activit", text)
    return (_number(m.group(1)), _number(m.group(2))) if m else None


def disagreements(html: Path) -> list[str]:
    """Every figure that two pages of the site give differently, named by page."""
    out = []
    rows = landing(html)
    for year, row in rows.items():
        edition = html / str(year)
        head = overview(edition)
        for k, v in row.items():
            if head[k] != v:
                out.append(f"{year}: editions.html gives {k} {v!r}, the overview {head[k]!r}")
        first = series_first_year(edition)
        if first and first[0] in rows and first[1] != rows[first[0]]["activities"]:
            out.append(f"{year}: the series gives {first[1]} activities for {first[0]}, editions.html "
                       f"{rows[first[0]]['activities']}")
        for iso3, n in member_states(edition).items():
            got = profile(edition, iso3)
            if got is None:
                out.append(f"{year}: profile {iso3} has no opening figures")
            elif got != (n, head["activities"]):
                out.append(f"{year}: profile {iso3} gives {got}, the member-states table {n} of "
                           f"{head['activities']} (overview)")
    return out
