"""A town that shares its name with a member state, an island or a town of another state:
the place named right after it says where it is.

The gazetteer maps "Kingston" to Jamaica, "La Paz" to Bolivia and "Trinidad" to Trinidad and
Tobago, as the reports mostly mean them; but "Kingston, Ontario", "La Paz, Baja California
Sur", "Trinidad, capital del departamento del Beni" and "San Juan, Argentina" are towns of
other states. A town (a ``city``, ``variant`` or ``non_member`` row of the gazetteer) followed,
after a comma or an opening bracket, by a place of another member state is in that state,
and so is every other mention of the same name in the text ("the San Juan Provincial
Police … in San Juan, Argentina"). The place after it may be:

* a province, state or department (a ``region`` row: "Kingston, Ontario");
* any place after a noun of a place ("capital of the department of", "capital del
  departamento del", "in the province of");
* a member state's own name, unless it goes on a list of states ("in Trinidad, Jamaica and
  Barbados" is three states, not a town of Jamaica)."""
from __future__ import annotations

import re

#: Nouns of a place between the town and the place it is in ("capital of the department of").
PLACE_NOUN = (r"(?:(?:the|la|el|its|su)\s+)?(?:capital|city|town|port|seat|department|province|state|region|"
               r"municipality|island|ciudad|puerto|cabecera|departamento|provincia|estado|región|municipio|isla)"
               r"(?:\s+(?:city|town))?\s+(?:(?:of|de|del|in|en)\s+)?(?:(?:the|la|el|los|las)\s+)?")
_GAP_RE = re.compile(rf"\s*[,(]\s*(?P<noun>(?:{PLACE_NOUN}){{1,3}})?")
#: A list of states going on after the place ("…, Jamaica and Barbados", "…, Jamaica, Barbados").
_LIST_ON_RE = re.compile(r"\s*(?:,\s*(?:and\s+|y\s+|&\s+)?|and\s+|y\s+|&\s+)(?:the\s+|el\s+|la\s+)?$")
_TOWN_KINDS = ("city", "variant", "non_member")


def _lists_on(text: str, found, j: int) -> bool:
    """Whether the place found at ``j`` is followed by another state of a list."""
    if j + 1 >= len(found):
        return False
    _, _, off = found[j]
    end = off + len(found[j][0])
    return bool(_LIST_ON_RE.match(text[end:found[j + 1][2]]))


def _in_place(text: str, found, i: int, kinds: dict[str, str]) -> str | None:
    """The member state the town found at ``i`` is in, by the place named right after it."""
    alias, code, off = found[i]
    if kinds.get(alias) not in _TOWN_KINDS or i + 1 >= len(found):
        return None
    nxt, other, at = found[i + 1]
    gap = _GAP_RE.fullmatch(text[off + len(alias):at])
    if not gap or not other or other == code:
        return None
    if gap.group("noun") or kinds.get(nxt) == "region":
        return other
    if kinds.get(nxt) in ("city", "non_member", "institution", "demonym") or _lists_on(text, found, i + 1):
        return None       # two towns of a list, or a list of states
    return other


def settle(text: str, found: list[tuple[str, str | None, int]], kinds: dict[str, str]):
    """``found`` (alias, state or None, offset), each town named with the place of another
    state after it given that state, with every other mention of its name in the text."""
    moved = {found[i][0]: state for i in range(len(found)) if (state := _in_place(text, found, i, kinds))}
    return [(a, moved.get(a, code), off) for a, code, off in found] if moved else found
