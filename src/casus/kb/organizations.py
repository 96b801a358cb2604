"""Organizations, their bodies, decision rules and office-holders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from casus.errors import InvalidInputError
from casus.kb.dates import in_span
from casus.kb.sources import Coverage


class DecisionRule(StrEnum):
    """How a body decides."""

    CONSENSUS = "consensus"
    UNANIMITY = "unanimity"
    QUALIFIED_MAJORITY = "qualified_majority"
    MAJORITY = "majority"
    TWO_THIRDS = "two_thirds"
    NONE = "none"

    def blocks_with_one_veto(self) -> bool:
        """Whether a single member can block a decision under this rule."""
        return self in (DecisionRule.CONSENSUS, DecisionRule.UNANIMITY)


@dataclass(frozen=True)
class Body:
    """An organ of an organization (council, secretariat, joint staff, forces).

    Attributes:
        id: Stable id (``csto-csc``).
        name: English name.
        kind: ``council``, ``ministerial``, ``secretariat``, ``command``, ``forces``, ``assembly``.
        decision_rule: How it decides.
        description: What it does, briefly.
        sources: Source ids.
    """

    id: str
    name: str
    kind: str
    decision_rule: DecisionRule = DecisionRule.NONE
    description: str = ""
    established: dt.date | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Officeholder:
    """Someone holding a role (secretary general…) during a span."""

    role: str
    person: str
    start: dt.date
    end: dt.date | None
    sources: tuple[str, ...] = ()

    def holds_on(self, on: dt.date) -> bool:
        """Whether the office was held on ``on``."""
        return in_span(on, self.start, self.end)


@dataclass(frozen=True)
class Organization:
    """A collective-security organization or, for treaty-only alliances, the alliance itself.

    Attributes:
        id: Short stable id (``csto``, ``nato``, ``atop-3180``).
        name: English name.
        names: ``(lang, name)`` pairs (en, fr, ru at least for curated organizations).
        acronyms: ``(lang, acronym)`` pairs (CSTO/OTSC/ОДКБ).
        founded: Date the organization (or alliance) came into being.
        dissolved: Date it ended, when it has.
        institutional: False for treaty-only alliances with no standing organization.
        bodies: Its organs with their decision rules.
        officeholders: Secretaries general and similar.
        coverage: The period for which casus's knowledge of it is verified.
        sources: Source ids.
        note: Anything a reader should know.
    """

    id: str
    name: str
    names: tuple[tuple[str, str], ...] = ()
    acronyms: tuple[tuple[str, str], ...] = ()
    founded: dt.date | None = None
    dissolved: dt.date | None = None
    institutional: bool = True
    bodies: tuple[Body, ...] = ()
    officeholders: tuple[Officeholder, ...] = ()
    coverage: Coverage = field(default_factory=lambda: Coverage(None, None))
    sources: tuple[str, ...] = ()
    note: str = ""
    origin: str = "curated"

    def __post_init__(self) -> None:
        if not self.id or not self.id.replace("-", "").replace("_", "").isalnum():
            raise InvalidInputError(f"organization id {self.id!r} must be letters, digits and dashes")

    def name_in(self, lang: str) -> str:
        """Name in ``lang`` (falls back to English)."""
        return next((n for lg, n in self.names if lg == lang), self.name)

    def acronym_in(self, lang: str) -> str | None:
        """Acronym in ``lang`` when it has one."""
        return next((a for lg, a in self.acronyms if lg == lang), None)

    def aliases(self) -> tuple[str, ...]:
        """Every name and acronym it is known by."""
        return (self.id, self.name, *(n for _, n in self.names), *(a for _, a in self.acronyms))

    def body(self, body_id: str) -> Body | None:
        """The body with that id, if any."""
        return next((b for b in self.bodies if b.id == body_id), None)

    def officeholder(self, role: str, on: dt.date) -> Officeholder | None:
        """Who held ``role`` on ``on``."""
        return next((o for o in self.officeholders if o.role == role and o.holds_on(on)), None)

    def exists_on(self, on: dt.date) -> bool:
        """Whether it existed on ``on`` (from founding, before dissolution)."""
        return in_span(on, self.founded, self.dissolved)
