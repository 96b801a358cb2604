"""Dated, typed, sourced events for an organization's timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class EventType(StrEnum):
    """Alliance event types (PLOVER-aligned, with an alliance extension)."""

    FOUNDING = "founding"
    ACCESSION = "accession"
    APPLICATION = "application"
    SUSPENSION = "suspension"
    WITHDRAWAL = "withdrawal"
    CONSIDERATION_OF_WITHDRAWAL = "consideration_of_withdrawal"
    REQUEST_FOR_ASSISTANCE = "request_for_assistance"
    INVOCATION = "invocation"
    DEPLOYMENT = "deployment"
    REFUSAL = "refusal"
    STATEMENT = "statement"
    SUMMIT = "summit"
    TREATY = "treaty"
    REINSTATEMENT = "reinstatement"
    STATUS_CHANGE = "status_change"
    APPOINTMENT = "appointment"


@dataclass(frozen=True)
class Event:
    """Something that happened to or in an organization.

    Attributes:
        date: When it happened (first day of the period for imprecise dates).
        type: Event type.
        organization: Organization id, when it concerns one.
        title: One-line description.
        actors: State ids (or named non-state actors) that acted.
        target: State id the action was directed at, when any.
        precision: ``day``, ``month`` or ``year``.
        sources: Source ids.
        note: Context.
    """

    date: dt.date
    type: EventType
    organization: str | None
    title: str
    actors: tuple[str, ...] = ()
    target: str | None = None
    precision: str = "day"
    sources: tuple[str, ...] = ()
    note: str = ""
