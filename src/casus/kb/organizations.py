"""Organizations, their bodies, decision rules and office-holders."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from casus.errors import InvalidInputError
from casus.kb.dates import in_span
from casus.kb.practice import CollectiveAction, Doctrine
from casus.kb.sources import Coverage
from casus.kb.treaties import NoMutualDefence


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
        aliases: Other names news write it under, in any language, each naming this body only ("КМС ОДКБ",
            "EAC-RF", "Conseil de paix et de sécurité de l'UA"); a force's own name and the short names in its
            parentheses need not be repeated.
    """

    id: str
    name: str
    kind: str
    decision_rule: DecisionRule = DecisionRule.NONE
    description: str = ""
    established: dt.date | None = None
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def written_names(self) -> tuple[str, ...]:
        """The names that stand for it in news: its aliases and, for forces and missions, its own names.

        A council's English name ("Council of Ministers") is shared by many organizations and names none of
        them; a force's name ("SADC Mission in Mozambique (SAMIM)") is its own, and so are the short names in
        its parentheses.

        >>> Body("sadc-samim", "SADC Mission in Mozambique (SAMIM)", "forces").written_names()
        ('SADC Mission in Mozambique (SAMIM)', 'SADC Mission in Mozambique', 'SAMIM')
        """
        if self.kind != "forces":
            return self.aliases
        short = (s.strip() for inner in re.findall(r"\(([^)]+)\)", self.name) for s in inner.split(","))
        bare = re.sub(r"\s*\(.*?\)\s*", " ", self.name).strip()
        return tuple(dict.fromkeys((self.name, bare, *short, *self.aliases)))


@dataclass(frozen=True)
class Officeholder:
    """Someone holding a role (secretary general…) during a span."""

    role: str
    person: str
    start: dt.date
    end: dt.date | None
    sources: tuple[str, ...] = ()
    note: str = ""

    def holds_on(self, on: dt.date) -> bool:
        """Whether the office was held on ``on``."""
        return in_span(on, self.start, self.end)


@dataclass(frozen=True)
class Standing:
    """A status the organization itself holds elsewhere (observer at the UN General Assembly…).

    Attributes:
        forum: Where it holds the status (``UN General Assembly``).
        status: The status (``observer``).
        start: Since when.
        end: Until when (``None``: still so on the verified-through date).
        basis: The act granting it (``General Assembly resolution 59/50``).
        sources: Source ids.
        note: Context.
    """

    forum: str
    status: str
    start: dt.date
    end: dt.date | None = None
    basis: str = ""
    sources: tuple[str, ...] = ()
    note: str = ""

    def holds_on(self, on: dt.date) -> bool:
        """Whether the status was held on ``on``."""
        return in_span(on, self.start, self.end)


@dataclass(frozen=True)
class Organization:
    """A collective-security organization or, for treaty-only alliances, the alliance itself.

    Attributes:
        id: Short stable id (``csto``, ``nato``, ``atop-3180``).
        name: English name.
        names: ``(lang, name)`` pairs (en, fr, ru at least for curated organizations).
        acronyms: ``(lang, acronym)`` pairs (CSTO/OTSC/ОДКБ).
        other_names: Further names and spellings in any language that news and users write (``Cédéao``,
            ``Экономическое сообщество стран Западной Африки``, ``Сахельский альянс``): matched like the names
            by :meth:`aliases` (name lookup, news ingestion), never shown as the name in a language.
        founded: Date the organization (or alliance) came into being.
        dissolved: Date it ended, when it has.
        institutional: False for treaty-only alliances with no standing organization.
        bodies: Its organs with their decision rules.
        officeholders: Secretaries general and similar.
        coverage: The period for which casus's knowledge of it is verified.
        sources: Source ids.
        note: Anything a reader should know.
        verified_through: The date of the latest source checked for it; statuses and offices asked about a
            later date are unknown. Sets ``coverage.end`` (curated files give this rather than
            ``coverage.end``; a file that gives both must give the same date).
        no_mutual_defence: For organizations people take for alliances (SCO, AUKUS, the Quad): the sourced
            statement that membership carries no mutual-defence obligation.
        standings: Statuses the organization itself holds elsewhere (the CSTO's observer status at the UN
            General Assembly) — facts about the organization, not about its members.
        actions: Collective actions it took, with the basis its body invoked and how that basis is read
            (:class:`~casus.kb.practice.CollectiveAction`).
        doctrines: What it has declared about kinds of event its treaty does not name, e.g. cyber attacks
            (:class:`~casus.kb.practice.Doctrine`).
    """

    id: str
    name: str
    names: tuple[tuple[str, str], ...] = ()
    acronyms: tuple[tuple[str, str], ...] = ()
    other_names: tuple[str, ...] = ()
    founded: dt.date | None = None
    dissolved: dt.date | None = None
    institutional: bool = True
    bodies: tuple[Body, ...] = ()
    officeholders: tuple[Officeholder, ...] = ()
    coverage: Coverage = field(default_factory=lambda: Coverage(None, None))
    sources: tuple[str, ...] = ()
    note: str = ""
    origin: str = "curated"
    verified_through: dt.date | None = None
    no_mutual_defence: NoMutualDefence | None = None
    standings: tuple[Standing, ...] = ()
    actions: tuple[CollectiveAction, ...] = ()
    doctrines: tuple[Doctrine, ...] = ()

    def __post_init__(self) -> None:
        if not self.id or not self.id.replace("-", "").replace("_", "").isalnum():
            raise InvalidInputError(f"organization id {self.id!r} must be letters, digits and dashes")
        vt = self.verified_through
        if vt is not None:
            if self.coverage.end is not None and self.coverage.end != vt:
                raise InvalidInputError(
                    f"organization {self.id}: coverage ends {self.coverage.end} but verified_through is {vt}; "
                    "give only verified_through"
                )
            if self.coverage.end is None:
                # frozen: normalise once, so that coverage.end is the one date every component reads
                object.__setattr__(self, "coverage", Coverage(self.coverage.start, vt, self.coverage.label or self.id))
        elif self.coverage.end is not None:
            object.__setattr__(self, "verified_through", self.coverage.end)

    def name_in(self, lang: str) -> str:
        """Name in ``lang`` (falls back to English)."""
        return next((n for lg, n in self.names if lg == lang), self.name)

    def acronym_in(self, lang: str) -> str | None:
        """Acronym in ``lang`` when it has one."""
        return next((a for lg, a in self.acronyms if lg == lang), None)

    def aliases(self) -> tuple[str, ...]:
        """Every name and acronym it is known by."""
        return (self.id, self.name, *(n for _, n in self.names), *(a for _, a in self.acronyms), *self.other_names)

    def body(self, body_id: str) -> Body | None:
        """The body with that id, if any."""
        return next((b for b in self.bodies if b.id == body_id), None)

    def officeholder(self, role: str, on: dt.date) -> Officeholder | None:
        """Who held ``role`` on ``on``."""
        return next((o for o in self.officeholders if o.role == role and o.holds_on(on)), None)

    def roles(self) -> tuple[str, ...]:
        """The offices it has had holders for, in the order first recorded."""
        return tuple(dict.fromkeys(o.role for o in self.officeholders))

    def known_on(self, on: dt.date) -> bool:
        """Whether ``on`` is within the period casus's knowledge of it is verified for (not after it)."""
        return self.coverage.end is None or on <= self.coverage.end

    def exists_on(self, on: dt.date) -> bool:
        """Whether it existed on ``on`` (from founding, before dissolution)."""
        return in_span(on, self.founded, self.dissolved)
