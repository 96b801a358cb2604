"""Accepted appointments as office-holders of organizations, next to the curated ones (curated facts win).

An accepted, asserted or self-reported ``appointment`` event ("Mark Rutte appointed Secretary General of NATO
from 1 October 2024") becomes an :class:`~casus.kb.organizations.Officeholder` of its organization from the
event's date, citing the article. Against the curated holders of the same office:

* the same person already holding it on that date (or starting within a month of it): the curated holder
  *corroborates* the news and gains the article among its sources;
* a start after the organization's verified-through date, and after every curated holder's start: the news
  holder is added, and the curated holder still open then is ended on the day the new one starts (the curated
  record says "in office as of the verified-through date", which the news extends);
* anything else (another person on a date curated facts cover): an :class:`OfficeConflict`, listed for review
  and never applied.

Worked example: the CSTO's curated holders end with Taalatbek Masadykov from 2026-01-01. An accepted article
saying the Collective Security Council appointed Masadykov Secretary General "from 1 January 2026"
corroborates that holder; one naming someone else for 2026-01-01 is a conflict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from casus.kb.events import EventType
from casus.kb.organizations import Officeholder, Organization

#: How far apart two starts of the same person in the same office may be and still be one appointment.
_SAME_TERM = dt.timedelta(days=31)


@dataclass(frozen=True)
class NewsHolder:
    """An office-holder read from one accepted appointment event.

    Attributes:
        event: The accepted event's id.
        organization: Organization id.
        holder: The office-holder (its sources are the articles').
    """

    event: str
    organization: str
    holder: Officeholder


@dataclass(frozen=True)
class OfficeConflict:
    """An accepted appointment that contradicts the curated holders: for a person to settle, never applied.

    Attributes:
        event: The accepted event's id.
        organization: Organization id.
        role: The office.
        person: Who the article says was appointed.
        start: From when.
        curated: Who the curated record has in the office then (empty: nobody).
        message: One line saying what disagrees with what.
    """

    event: str
    organization: str
    role: str
    person: str
    start: dt.date
    curated: tuple[str, ...]
    message: str


def _same(a: str, b: str) -> bool:
    """The same person: equal names, or equal once a parenthesised qualifier ("(acting)") is dropped."""
    return a.split(" (")[0].strip().casefold() == b.split(" (")[0].strip().casefold()


def apply_holder(org: Organization, news: NewsHolder) -> tuple[Organization, str]:
    """``org`` with a news holder applied: ``("corroborated" | "added" | "conflict", org)`` as described above."""
    h = news.holder
    curated = [o for o in org.officeholders if o.role == h.role]
    for k, o in enumerate(org.officeholders):
        if o.role != h.role or not _same(o.person, h.person):
            continue
        if o.holds_on(h.start) or abs((o.start - h.start).days) <= _SAME_TERM.days:
            extra = tuple(s for s in h.sources if s not in o.sources)
            holders = list(org.officeholders)
            holders[k] = replace(o, sources=(*o.sources, *extra))
            return replace(org, officeholders=tuple(holders)), "corroborated"
    verified = org.coverage.end
    after_all = all(o.start < h.start for o in curated)
    if after_all and (verified is None or h.start > verified):
        holders = [
            replace(o, end=h.start) if o.role == h.role and o.end is None and o.start < h.start else o
            for o in org.officeholders
        ]
        return replace(org, officeholders=(*holders, h)), "added"
    return org, "conflict"


def conflict_of(org: Organization, news: NewsHolder) -> OfficeConflict:
    """The conflict a news holder that could not be applied makes with ``org``'s curated holders."""
    h = news.holder
    then = tuple(o.person for o in org.officeholders if o.role == h.role and o.holds_on(h.start))
    said = ", ".join(then) or "nobody"
    return OfficeConflict(
        news.event,
        org.id,
        h.role,
        h.person,
        h.start,
        then,
        f"event {news.event[:10]} says {h.person} {h.role.replace('_', ' ')} of {org.id} from {h.start}; "
        f"curated knowledge says {said} (verified through {org.coverage.end})",
    )


def news_holders(events: Iterable[tuple[str, object]], sources: Mapping[str, Sequence[str]]) -> list[NewsHolder]:
    """Office-holders from ``(stored id, ExtractedEvent)`` pairs of accepted appointments.

    ``sources`` maps each stored id to the source ids of its articles. Events without a person, an office,
    an organization or a date are skipped.
    """
    from casus.ingest.model import ExtractedEvent

    out = []
    for sid, ev in events:
        assert isinstance(ev, ExtractedEvent)
        day = ev.when.start or ev.when.end
        if ev.type is not EventType.APPOINTMENT or not ev.people or not ev.claim or not ev.organization:
            continue
        if day is None:
            continue
        quote = ev.evidence[0].quote[:200] if ev.evidence else ""
        holder = Officeholder(
            ev.claim,
            ev.people[0],
            day,
            None,
            sources=tuple(sources.get(sid, ())),
            note=f"news ingestion, event {sid}: {quote}",
        )
        out.append(NewsHolder(sid, ev.organization, holder))
    return sorted(out, key=lambda n: n.holder.start)
