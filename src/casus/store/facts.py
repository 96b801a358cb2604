"""Accepted events as knowledge-base facts, with their provenance, and conflicts with curated facts.

An accepted ``accession``, ``suspension``, ``withdrawal`` or ``application`` of a state in an organization
becomes a :class:`~casus.kb.memberships.Membership` spell citing a :class:`~casus.kb.sources.Source` of kind
``news-ingest`` per article. Curated knowledge is never overwritten: for an organization that has curated
spells, an accepted event is only *compared* with them, and when the curated status in the event's period
differs — an article saying Armenia "withdrew" in 2024 while the curated record says its participation was
frozen (``suspended``) — a :class:`Conflict` is listed for review. Accepted events of every type also join
the organization's timeline.

Worked example::

    >>> from casus.curated import load_kb
    >>> kb = load_kb()
    >>> kb.status_on("ARM", "csto", dt.date(2024, 6, 1)).status.value
    'suspended'

An accepted ``withdrawal`` of ARM from ``csto`` dated 2024-01-01..2024-06-25 overlaps only the curated
``member`` and ``suspended`` spells, so :func:`overlay_kb` returns the curated knowledge unchanged plus one
conflict: *claimed withdrawn, curated suspended*.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from casus.ingest.model import ExtractedEvent, Modality
from casus.kb.events import Event, EventType
from casus.kb.knowledge import KnowledgeBase
from casus.kb.memberships import Membership, Status
from casus.kb.organizations import Officeholder, Organization
from casus.kb.sources import Source, SourceKind
from casus.store.events import EventStore, StoredEvent
from casus.store.offices import NewsHolder, OfficeConflict, apply_holder, conflict_of, news_holders

#: Event types that change a membership status, and the status they lead to.
MEMBERSHIP_EVENTS: dict[EventType, Status] = {
    EventType.ACCESSION: Status.MEMBER,
    EventType.SUSPENSION: Status.SUSPENDED,
    EventType.WITHDRAWAL: Status.WITHDRAWN,
    EventType.APPLICATION: Status.APPLICANT,
}


@dataclass(frozen=True)
class Conflict:
    """An accepted event that contradicts curated knowledge: for a person to settle, never overwritten.

    Attributes:
        event: The accepted event's id.
        state: State id.
        organization: Organization id.
        claimed: The status the event implies.
        curated: The curated statuses during the event's period (empty: no curated spell at all).
        start: First day of the event's period.
        end: Last day of the event's period.
        message: One line saying what disagrees with what.
    """

    event: str
    state: str
    organization: str
    claimed: Status
    curated: tuple[Status, ...]
    start: dt.date | None
    end: dt.date | None
    message: str


@dataclass(frozen=True)
class Overlay:
    """The knowledge base with accepted news facts, and what could not be added.

    Attributes:
        kb: The merged knowledge base.
        memberships: Spells added from accepted events (organizations without curated spells).
        sources: The articles' provenance records.
        conflicts: Accepted events that disagree with curated spells (listed, never applied).
        corroborated: Curated spells an accepted event agrees with, now citing the article too.
        officeholders: Office-holders from accepted appointments, as ``(organization, holder)``: added (after
            the curated record) or corroborating a curated holder (see :mod:`casus.store.offices`).
        office_conflicts: Accepted appointments that disagree with curated holders (listed, never applied).
    """

    kb: KnowledgeBase
    memberships: tuple[Membership, ...]
    sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...]
    corroborated: tuple[Membership, ...] = ()
    officeholders: tuple[tuple[str, Officeholder], ...] = ()
    office_conflicts: tuple[OfficeConflict, ...] = ()


def source_for(doc_id: str, title: str | None, url: str | None, published: dt.date | None, origin: str) -> Source:
    """The provenance record of an ingested article."""
    publisher = urllib.parse.urlparse(url).hostname or "" if url else ""
    return Source(
        id=f"news-{doc_id[:12]}",
        title=title or origin or doc_id[:12],
        kind=SourceKind.NEWS_INGEST,
        publisher=publisher,
        url=url,
        published=published,
        note=f"ingested article, sha256 {doc_id}; read from {origin}",
    )


def _usable(s: StoredEvent) -> bool:
    """An accepted event that states a fact: asserted or self-reported, not an intention, threat or step."""
    ev = s.event
    return (
        s.status == "accepted"
        and ev.modality in (Modality.ASSERTED, Modality.REPORTED)
        and ev.stage in (None, "return")
    )


def facts_from_events(
    stored: Iterable[StoredEvent], store: EventStore, kb: KnowledgeBase
) -> tuple[list[Membership], list[Event], list[Source]]:
    """Membership spells, timeline events and sources from accepted events (spells not yet checked)."""
    spells: list[Membership] = []
    events: list[Event] = []
    sources: dict[str, Source] = {}
    for s in stored:
        if not _usable(s):
            continue
        ev = s.event
        src_ids = _cite(s, store, sources)
        day = ev.when.start or ev.when.end
        if day is None:
            continue
        quote = ev.evidence[0].quote if ev.evidence else ""
        note = f"news ingestion, event {s.id}: {quote[:200]}"
        events.append(
            Event(
                day,
                ev.type,
                ev.organization,
                ev.title,
                tuple(a for a in _changed(ev) if a in kb.states),
                ev.target if ev.target in kb.states else None,
                ev.when.precision.value,
                tuple(src_ids),
                note,
            )
        )
        status = MEMBERSHIP_EVENTS.get(ev.type)
        if status is None or not ev.organization or ev.organization not in kb.organizations:
            continue
        for actor in _changed(ev):
            if actor in kb.states:
                spells.append(Membership(actor, ev.organization, status, day, sources=tuple(src_ids), note=note))
    return spells, events, list(sources.values())


def _changed(ev: ExtractedEvent) -> tuple[str, ...]:
    """The states an event is about: its actors, and for a suspension the members an organization suspends."""
    return (*ev.actors, *ev.members) if ev.type is EventType.SUSPENSION else ev.actors


def _cite(s: StoredEvent, store: EventStore, sources: dict[str, Source]) -> list[str]:
    """The source ids of an event's articles (their records added to ``sources``)."""
    src_ids = []
    for d in store.documents_of(e.document for e in s.event.evidence).values():
        doc = d.document
        src = source_for(doc.id, doc.title, doc.url, doc.published, doc.origin)
        sources[src.id] = src
        src_ids.append(src.id)
    return src_ids


def appointments_of(stored: Iterable[StoredEvent], store: EventStore) -> list[NewsHolder]:
    """Office-holders from the usable accepted ``appointment`` events among ``stored``."""
    picked = [s for s in stored if _usable(s) and s.event.type is EventType.APPOINTMENT]
    cited = {s.id: _cite(s, store, {}) for s in picked}
    return news_holders([(s.id, s.event) for s in picked], cited)


def apply_appointments(
    kb: KnowledgeBase, holders: Iterable[NewsHolder]
) -> tuple[dict[str, Organization], list[tuple[str, Officeholder]], list[OfficeConflict]]:
    """Organizations changed by accepted appointments, the holders applied, and the conflicts."""
    changed: dict[str, Organization] = {}
    applied: list[tuple[str, Officeholder]] = []
    conflicts: list[OfficeConflict] = []
    for news in holders:
        org = changed.get(news.organization) or kb.organizations.get(news.organization)
        if org is None:
            continue
        updated, outcome = apply_holder(org, news)
        if outcome == "conflict":
            conflicts.append(conflict_of(org, news))
            continue
        changed[org.id] = updated
        applied.append((org.id, news.holder))
    return changed, applied, conflicts


def _chain(spells: list[Membership]) -> list[Membership]:
    """End each spell of a state in an organization where the next one starts, so none overlap."""
    by_key: dict[tuple[str, str], list[Membership]] = defaultdict(list)
    for m in spells:
        by_key[(m.state, m.organization)].append(m)
    out: list[Membership] = []
    for ms in by_key.values():
        ms.sort(key=lambda m: m.start)
        kept = [m for i, m in enumerate(ms) if i + 1 == len(ms) or ms[i + 1].start != m.start]
        for a, b in zip(kept, [*kept[1:], None], strict=True):
            out.append(
                Membership(
                    a.state, a.organization, a.status, a.start, b.start if b else None, sources=a.sources, note=a.note
                )
            )
    return out


def check_against_curated(stored: Iterable[StoredEvent], kb: KnowledgeBase) -> list[Conflict]:
    """Conflicts between accepted membership events and curated spells of the same organization."""
    out: list[Conflict] = []
    for s in stored:
        ev = s.event
        status = MEMBERSHIP_EVENTS.get(ev.type)
        if not _usable(s) or status is None or not ev.organization or not kb.spells(ev.organization):
            continue
        start = ev.when.start or ev.when.end
        end = ev.when.end or ev.when.start
        if start is None or end is None:
            continue
        for actor in _changed(ev):
            if actor not in kb.states:
                continue
            spells = [
                m
                for m in kb.spells(ev.organization)
                if m.state == actor and m.start <= end and (m.end is None or m.end > start)
            ]
            curated = tuple(dict.fromkeys(m.status for m in spells))
            if status in curated:
                continue
            said = ", ".join(c.value for c in curated) or "no spell at all"
            out.append(
                Conflict(
                    s.id,
                    actor,
                    ev.organization,
                    status,
                    curated,
                    start,
                    end,
                    f"event {s.id[:10]} says {actor} {status.value} in {ev.organization} ({start}..{end}); "
                    f"curated knowledge says {said}",
                )
            )
    return out


def corroborate(kb: KnowledgeBase, spells: Iterable[Membership]) -> dict[int, Membership]:
    """Curated spells that accepted news spells agree with, each with the article's sources added.

    Agreement: same state, organization and status, the news date inside the curated spell. Keyed by
    position in ``kb.memberships``.
    """
    out: dict[int, Membership] = {}
    for news in spells:
        for k, m in enumerate(kb.memberships):
            if (m.state, m.organization, m.status) != (news.state, news.organization, news.status):
                continue
            if m.start <= news.start and (m.end is None or news.start < m.end):
                base = out.get(k, m)
                extra = tuple(s for s in news.sources if s not in base.sources)
                out[k] = replace(base, sources=(*base.sources, *extra))
    return out


def overlay_kb(kb: KnowledgeBase, store: EventStore) -> Overlay:
    """The knowledge base overlaid with the store's accepted facts (curated facts take precedence).

    Spells are added only for organizations without curated spells. For the others accepted events are
    checked: a disagreement is listed as a :class:`Conflict` (never applied); an agreement adds the
    article to the curated spell's sources, so `casus members --news` cites it. Accepted appointments add
    or corroborate office-holders (`casus offices --news`; see :mod:`casus.store.offices`). Accepted events
    join the timeline.
    """
    accepted = store.events(status="accepted")
    spells, events, sources = facts_from_events(accepted, store, kb)
    conflicts = check_against_curated(accepted, kb)
    fresh = _chain([m for m in spells if not kb.spells(m.organization)])
    agreed = corroborate(kb, [m for m in spells if kb.spells(m.organization)])
    changed, holders, office_conflicts = apply_appointments(kb, appointments_of(accepted, store))
    if agreed or changed:
        memberships = [agreed.get(k, m) for k, m in enumerate(kb.memberships)]
        kb = KnowledgeBase(
            kb.states,
            [changed.get(k, o) for k, o in kb.organizations.items()],
            kb.treaties.values(),
            memberships,
            kb.events,
            kb.sources.values(),
            kb.places.values(),
            kb.scopes.values(),
            validate=False,
            gazetteer=kb.gazetteer,
            areas=kb.areas,
        )
    news = KnowledgeBase(kb.states, (), (), fresh, events, sources, validate=False)
    merged = kb.merge(news)
    merged.validate()
    return Overlay(
        merged,
        tuple(fresh),
        tuple(sources),
        tuple(conflicts),
        tuple(agreed.values()),
        tuple(holders),
        tuple(office_conflicts),
    )
