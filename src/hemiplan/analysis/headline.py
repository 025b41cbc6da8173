"""An edition's headline: the one set of figures that the landing page, the overview,
the series chapter and the member-state profiles show for a year, computed once, from
the activities held in the year (``Edition.held``):

- activities and their events (how many of the events the reviewer inferred);
- participants: itemised figures and the stated totals that stand for un-itemised
  work, with the qualifier their parts support and their basis
  (:class:`~hemiplan.analysis.participation.People`);
- member states reached (named in ``countries``, members in that year);
- partner organisations (the Secretariat's own dependencies left out);
- the other figures the report states, and the rows held in another year."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from hemiplan.analysis import counting, participation
from hemiplan.analysis.frames import countries_reached, partner_links
from hemiplan.analysis.participation import People
from hemiplan.data import membership


@dataclass(frozen=True)
class Headline:
    """The headline figures of one edition (see the module)."""
    year: int
    activities: int
    events: int
    inferred_events: int
    people: People
    with_participants: int
    states_reached: int
    members: int
    partners: int
    stated_figures: int
    held_elsewhere: int

    def record(self) -> dict:
        """The figures as plain data (for ``edition.json``, which the landing page reads)."""
        return asdict(self) | {"people": asdict(self.people) | {"double": [list(p) for p in self.people.double],
                                                                 "totals": list(self.people.totals)}}


def headline(ed) -> Headline:
    """The headline figures of edition ``ed``: the one definition every page uses."""
    acts = ed.held
    reached = countries_reached(acts)
    members = membership.members_in_year(ed.member_states, ed.year)
    return Headline(
        year=ed.year,
        activities=len(acts),
        events=int(acts["events"].sum()),
        inferred_events=counting.inferred_events(acts),
        people=participation.combine(acts, participation.totals_used(ed.indicators, acts)),
        with_participants=int(acts["participants"].notna().sum()),
        states_reached=int(reached["iso3"].isin(members["iso3"]).sum()),
        members=len(members),
        partners=int(partner_links(acts, ed.organizations)["org_id"].nunique()),
        stated_figures=len(ed.indicators),
        held_elsewhere=len(ed.elsewhere),
    )
