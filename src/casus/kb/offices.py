"""Offices and bodies of an organization on a date: who held which office, and how its organs decide.

Pure functions over :class:`~casus.kb.organizations.Organization`. Past the organization's verified-through
date an office-holder is never silently extended: the answer gives the holder known on that date and says the
office is unknown after it.

Worked case: the CSTO's Collective Security Council appointed Taalatbek Masadykov Secretary General from
1 January 2026 (Bishkek, 27 November 2025); asked about 2026-02-01, casus names him; asked about a date after
the CSTO's verified-through date, it names him as the holder known on that date and reports the office as
unknown after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casus.kb.organizations import Body, Officeholder, Organization


@dataclass(frozen=True)
class Office:
    """One office (``secretary_general``) on a date.

    Attributes:
        role: The office.
        holder: Who held it on the date asked (or, past the verified-through date, on that date).
        unknown_after: The verified-through date when the date asked is later (the holder on the date asked
            is then unknown); ``None`` otherwise.
        vacant: True when the office existed but nobody is recorded as holding it on the date (between two
            holders, or before the first).
    """

    role: str
    holder: Officeholder | None
    unknown_after: dt.date | None = None
    vacant: bool = False


@dataclass(frozen=True)
class OfficesReport:
    """An organization's offices on a date, with every recorded holder.

    Attributes:
        organization: The organization.
        on: The date asked about.
        offices: One entry per office, in the order first recorded.
        holders: Every recorded holder of every office, by start date (the history).
        unknown_after: The verified-through date when ``on`` is later, else ``None``.
    """

    organization: Organization
    on: dt.date
    offices: tuple[Office, ...]
    holders: tuple[Officeholder, ...]
    unknown_after: dt.date | None = None


def offices_on(org: Organization, on: dt.date) -> OfficesReport:
    """Who held each of ``org``'s offices on ``on``, never extended past its verified-through date.

    >>> import datetime as dt
    >>> from casus.curated import load_kb
    >>> report = offices_on(load_kb().organization("NATO"), dt.date(2001, 9, 12))
    >>> report.offices[0].holder.person
    'Lord Robertson'
    """
    end = org.coverage.end
    beyond = end is not None and on > end
    known = end if beyond and end is not None else on
    offices = []
    for role in org.roles():
        holder = org.officeholder(role, known)
        first = min(o.start for o in org.officeholders if o.role == role)
        offices.append(
            Office(role, holder, unknown_after=end if beyond else None, vacant=holder is None and known >= first)
        )
    holders = tuple(sorted(org.officeholders, key=lambda o: (o.start, o.role)))
    return OfficesReport(org, on, tuple(offices), holders, unknown_after=end if beyond else None)


def bodies_of(org: Organization, on: dt.date | None = None) -> tuple[Body, ...]:
    """The organization's bodies (all of them, or those established by ``on``), in the order recorded."""
    if on is None:
        return org.bodies
    return tuple(b for b in org.bodies if b.established is None or b.established <= on)
