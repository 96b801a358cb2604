"""Reviewing events: what accepting one would change in the knowledge base, and validated edits.

``casus events review`` walks the pending events and shows, for each, its evidence, date, signals and
:func:`would_change` — the knowledge-base fact accepting it would add, corroborate or contradict — before
the reviewer accepts, rejects or edits it. Who reviewed, when, and what an edit changed are recorded in the
store's review log (:meth:`casus.store.events.EventStore.review_log`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from casus.errors import InvalidInputError
from casus.ingest.model import STAGES, Modality, Precision
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase
from casus.store.events import EventStore, StoredEvent
from casus.store.facts import (
    MEMBERSHIP_EVENTS,
    _usable,
    apply_appointments,
    appointments_of,
    check_against_curated,
    corroborate,
    facts_from_events,
)

#: Fields an edit may change, as ``casus events edit`` spells them.
EDITABLE = ("type", "organization", "actors", "date", "modality", "phase")


def _period(value: str) -> tuple[dt.date | None, dt.date | None, str]:
    """``YYYY-MM-DD``, ``YYYY-MM`` (a month), ``YYYY`` (a year), ``A..B``, or ``undated``."""
    text = value.strip()
    try:
        if text == "undated":
            return None, None, Precision.UNDATED.value
        if ".." in text:
            a, b = text.split("..", 1)
            return dt.date.fromisoformat(a), dt.date.fromisoformat(b), Precision.PERIOD.value
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31), Precision.YEAR.value
        if len(text) == 7:
            start = dt.date.fromisoformat(text + "-01")
            nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1), Precision.MONTH.value
        day = dt.date.fromisoformat(text)
        return day, day, Precision.DAY.value
    except ValueError:
        raise InvalidInputError(
            f"date {value!r} is not a date; use YYYY-MM-DD, YYYY-MM, YYYY, START..END or undated"
        ) from None


def edit_values(
    kb: KnowledgeBase,
    *,
    type: str | None = None,
    organization: str | None = None,
    actors: str | None = None,
    date: str | None = None,
    modality: str | None = None,
    phase: str | None = None,
) -> dict[str, Any]:
    """The store columns an edit sets, validated against the knowledge base.

    >>> from casus.curated import load_kb
    >>> edit_values(load_kb(), type="suspension", actors="Armenia", date="2024-02-22")["actors"]
    ['ARM']

    Raises:
        InvalidInputError: An unknown type, modality or phase, or a malformed date.
        UnknownEntityError: An unknown state or organization (with the closest names).
    """
    out: dict[str, Any] = {}
    if type is not None:
        if type not in {e.value for e in EventType}:
            raise InvalidInputError(f"unknown event type {type!r}; use one of {', '.join(e.value for e in EventType)}")
        out["type"] = type
    if organization is not None:
        out["organization"] = kb.organization(organization).id if organization else None
    if actors is not None:
        out["actors"] = [kb.state(a.strip()).id for a in actors.split(",") if a.strip()]
    if date is not None:
        start, end, precision = _period(date)
        out.update(date_start=start, date_end=end, precision=precision, date_text=f"edited: {date}")
    if modality is not None:
        if modality not in {m.value for m in Modality}:
            raise InvalidInputError(f"unknown modality {modality!r}; use one of {', '.join(m.value for m in Modality)}")
        out["modality"] = modality
    if phase is not None:
        if phase not in ("", "none", *STAGES):
            raise InvalidInputError(f"unknown phase {phase!r}; use one of {', '.join(STAGES)} or none")
        out["phase"] = None if phase in ("", "none") else phase
    if not out:
        raise InvalidInputError(f"nothing to edit; give one of --{', --'.join(EDITABLE)}")
    return out


def would_change(stored: StoredEvent, store: EventStore, kb: KnowledgeBase) -> list[str]:
    """What accepting the event would change in the knowledge base, one line each.

    A new membership spell (organization without curated spells), a curated spell it corroborates (the
    article then cited), a conflict with curated knowledge (listed, never applied), a timeline entry; or
    nothing, for an intention, a threat, a possibility or a denial.
    """
    candidate = replace(stored, status="accepted")
    ev = candidate.event
    if not _usable(candidate):
        why = ev.stage or ev.modality.value
        return [f"nothing: a {why} event is kept as news, not as a fact"]
    spells, events, _ = facts_from_events([candidate], store, kb)
    lines = []
    for m in spells:
        if not kb.spells(m.organization):
            lines.append(f"adds: {m.state} {m.status.value} in {m.organization} from {m.start}")
    for m in corroborate(kb, [m for m in spells if kb.spells(m.organization)]).values():
        lines.append(
            f"corroborates curated: {m.state} {m.status.value} in {m.organization} since {m.start} "
            "(the article becomes a further source)"
        )
    lines += [f"conflict (not applied): {c.message}" for c in check_against_curated([candidate], kb)]
    if MEMBERSHIP_EVENTS.get(ev.type) and not spells:
        lines.append("no membership fact: the event has no known state, organization or date")
    if ev.type is EventType.APPOINTMENT:
        lines += _office_changes(candidate, store, kb)
    lines += [f"timeline: {e.date} {e.title}" for e in events]
    return lines or ["nothing: the event has no date"]


def _office_changes(candidate: StoredEvent, store: EventStore, kb: KnowledgeBase) -> list[str]:
    """What an accepted appointment would do to the organization's office-holders, one line each."""
    holders = appointments_of([candidate], store)
    if not holders:
        return ["no office fact: the appointment has no person, office, organization or date"]
    changed, applied, conflicts = apply_appointments(kb, holders)
    lines = [f"conflict (not applied): {c.message}" for c in conflicts]
    for org_id, h in applied:
        before = kb.organizations[org_id].officeholders
        verb = "corroborates curated" if len(changed[org_id].officeholders) == len(before) else "adds"
        lines.append(f"{verb}: {h.person} {h.role.replace('_', ' ')} of {org_id} from {h.start}")
    if not lines:
        lines.append(f"nothing: {holders[0].organization} is not an organization of the knowledge base")
    return lines
