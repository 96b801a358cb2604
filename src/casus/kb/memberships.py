"""Membership spells: who belonged to what, with which status, from when to when, says who."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from casus.errors import InvalidInputError
from casus.kb.dates import in_span


class Status(StrEnum):
    """A state's status in an organization during a spell."""

    MEMBER = "member"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    OBSERVER = "observer"
    PARTNER = "partner"
    APPLICANT = "applicant"
    DISPUTED = "disputed"
    EXCLUDED = "excluded"

    @property
    def is_party(self) -> bool:
        """Whether the state is still formally bound by the organization's treaties.

        A suspended (frozen) member remains a party: suspension stops participation, not the treaty. A
        disputed status (a return to a treaty claimed by a government others recognise and the government in
        control rejects) is not counted as party status: whether the state is bound is unknown. A state whose
        government is excluded from the organization's system (Cuba's from the inter-American system, 1962)
        never denounced the treaty and stays a party, but takes no part and is not counted among those who
        must act.
        """
        return self in (Status.MEMBER, Status.SUSPENDED, Status.EXCLUDED)


@dataclass(frozen=True)
class Membership:
    """One spell of one state in one organization.

    The spell runs over the half-open span ``[start, end)``. Dates of signature, ratification, entry into
    force and effect are kept apart: ``start`` is the date the status took effect, which for founding
    members is the treaty's signature (the convention ATOP follows) unless ``note`` says otherwise.

    Attributes:
        state: State id (ISO 3166-1 alpha-3, or ``COW-XXX`` for states without one).
        organization: Organization id.
        status: Status during the spell.
        start: Date the status took effect.
        end: Date it stopped (``None``: still so on the coverage end).
        signed: Signature of the treaty / accession protocol, when relevant.
        ratified: Deposit of ratification, when relevant.
        in_force: Date the treaty entered into force for this state.
        notice: Notice given (e.g. of withdrawal) and its date, free text.
        qualifier: A special arrangement (``outside the integrated military command``).
        sources: Source ids.
        note: Context, including where sources disagree on the dates.
        claimed_by: For a ``disputed`` status, who claims it (``the National Assembly and the interim
            government of Juan Guaidó``) — a government recognised by some parties, kept apart from the
            state's party status.
        recognised_by: For a ``disputed`` status, the parties (state ids) that treated the claim as valid.
    """

    state: str
    organization: str
    status: Status
    start: dt.date
    end: dt.date | None = None
    signed: dt.date | None = None
    ratified: dt.date | None = None
    in_force: dt.date | None = None
    notice: str = ""
    qualifier: str = ""
    sources: tuple[str, ...] = ()
    note: str = ""
    claimed_by: str = ""
    recognised_by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if (self.claimed_by or self.recognised_by) and self.status is not Status.DISPUTED:
            raise InvalidInputError(
                f"{self.state} in {self.organization}: claimed_by/recognised_by belong to a `disputed` status, "
                f"not {self.status.value!r}"
            )
        if self.end is not None and self.end < self.start:
            raise InvalidInputError(
                f"{self.state} in {self.organization}: spell ends ({self.end}) before it starts ({self.start})"
            )

    def active_on(self, on: dt.date) -> bool:
        """Whether this spell covers ``on``."""
        return in_span(on, self.start, self.end)

    def overlaps(self, other: Membership) -> bool:
        """Whether two spells share at least one day."""
        a_end = self.end or dt.date.max
        b_end = other.end or dt.date.max
        # An empty spell ([d, d)) shares no day with anything.
        return max(self.start, other.start) < min(a_end, b_end)
