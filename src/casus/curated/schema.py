"""Pydantic schemas for the curated YAML files (the boundary where data enters casus).

Each file holds ``sources``, optionally one ``organization``, ``treaties`` (with ``provisions`` and their
``conditions``), ``memberships``, ``events``, ``places`` and ``scopes``. The models convert to the frozen
domain objects of :mod:`casus.kb`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from casus.kb.events import Event, EventType
from casus.kb.memberships import Membership, Status
from casus.kb.organizations import Body, DecisionRule, Officeholder, Organization
from casus.kb.places import GeographicScope, Place, ScopeEntry
from casus.kb.sources import Coverage, Source, SourceKind
from casus.kb.treaties import Action, Condition, ConditionKind, CrisisKind, Modality, PledgeKind, Provision, Treaty


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceIn(_Model):
    id: str
    title: str
    kind: SourceKind
    publisher: str = ""
    url: str | None = None
    published: dt.date | None = None
    note: str = ""

    def build(self) -> Source:
        return Source(**self.model_dump())


class CoverageIn(_Model):
    start: dt.date | None = None
    end: dt.date | None = None


class BodyIn(_Model):
    id: str
    name: str
    kind: str
    decision_rule: DecisionRule = DecisionRule.NONE
    description: str = ""
    established: dt.date | None = None
    sources: tuple[str, ...] = ()

    def build(self) -> Body:
        return Body(**self.model_dump())


class OfficeholderIn(_Model):
    role: str
    person: str
    start: dt.date
    end: dt.date | None = None
    sources: tuple[str, ...] = Field(min_length=1)

    def build(self) -> Officeholder:
        return Officeholder(**self.model_dump())


class OrganizationIn(_Model):
    id: str
    name: str
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    founded: dt.date | None = None
    dissolved: dt.date | None = None
    institutional: bool = True
    coverage: CoverageIn = CoverageIn()
    bodies: tuple[BodyIn, ...] = ()
    officeholders: tuple[OfficeholderIn, ...] = ()
    sources: tuple[str, ...] = Field(min_length=1)
    note: str = ""

    def build(self) -> Organization:
        return Organization(
            id=self.id,
            name=self.name,
            names=tuple(self.names.items()),
            acronyms=tuple(self.acronyms.items()),
            founded=self.founded,
            dissolved=self.dissolved,
            institutional=self.institutional,
            bodies=tuple(b.build() for b in self.bodies),
            officeholders=tuple(o.build() for o in self.officeholders),
            coverage=Coverage(self.coverage.start, self.coverage.end, self.id),
            sources=self.sources,
            note=self.note,
        )


class ConditionIn(_Model):
    kind: ConditionKind
    values: tuple[str, ...] = ()
    text: str = ""
    sources: tuple[str, ...] = ()

    @field_validator("values", mode="before")
    @classmethod
    def _strings(cls, v: Any) -> Any:
        return tuple(str(x) for x in v) if isinstance(v, list | tuple) else v

    def build(self) -> Condition:
        return Condition(**self.model_dump())


class ProvisionIn(_Model):
    id: str
    article: str
    kind: PledgeKind
    modality: Modality = Modality.OBLIGATION
    action: Action
    triggers: tuple[CrisisKind, ...] = Field(min_length=1)
    conditions: tuple[ConditionIn, ...] = ()
    quote: str = ""
    sources: tuple[str, ...] = Field(min_length=1)
    covers_suspended: bool | None = None
    note: str = ""
    bound: tuple[str, ...] = ()
    effective: dt.date | None = None

    @field_validator("article", mode="before")
    @classmethod
    def _article(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int) else v

    def build(self) -> Provision:
        data = self.model_dump()
        data["conditions"] = tuple(c.build() for c in self.conditions)
        return Provision(**data)


class TreatyIn(_Model):
    id: str
    title: str
    organization: str | None = None
    signed: dt.date
    in_force: dt.date | None = None
    terminated: dt.date | None = None
    provisions: tuple[ProvisionIn, ...] = ()
    sources: tuple[str, ...] = Field(min_length=1)
    atop_id: int | None = None
    note: str = ""
    aliases: tuple[str, ...] = ()
    verified_through: dt.date | None = None

    def build(self) -> Treaty:
        data = self.model_dump()
        data["provisions"] = tuple(p.build() for p in self.provisions)
        return Treaty(**data)


class MembershipIn(_Model):
    state: str
    organization: str | None = None
    status: Status
    start: dt.date
    end: dt.date | None = None
    signed: dt.date | None = None
    ratified: dt.date | None = None
    in_force: dt.date | None = None
    notice: str = ""
    qualifier: str = ""
    sources: tuple[str, ...] = Field(min_length=1)
    note: str = ""

    def build(self, default_scope: str | None) -> Membership:
        data = self.model_dump()
        data["organization"] = self.organization or default_scope
        return Membership(**data)


class EventIn(_Model):
    date: dt.date
    type: EventType
    organization: str | None = None
    title: str
    actors: tuple[str, ...] = ()
    target: str | None = None
    precision: str = "day"
    sources: tuple[str, ...] = Field(min_length=1)
    note: str = ""

    def build(self, default_org: str | None) -> Event:
        data = self.model_dump()
        data["organization"] = self.organization or default_org
        return Event(**data)


class PlaceIn(_Model):
    id: str
    name: str
    country: str
    regions: tuple[str, ...]
    subdivision: str | None = None
    disputed: bool = False
    claimants: tuple[str, ...] = ()
    latitude: float | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = Field(min_length=1)
    note: str = ""

    def build(self) -> Place:
        return Place(**self.model_dump())


class ScopeEntryIn(_Model):
    ref: str
    start: dt.date | None = None
    end: dt.date | None = None


class ScopeIn(_Model):
    id: str
    name: str
    regions: tuple[str, ...] = ()
    states: tuple[ScopeEntryIn, ...] = ()
    places: tuple[ScopeEntryIn, ...] = ()
    excluded: tuple[ScopeEntryIn, ...] = ()
    sources: tuple[str, ...] = Field(min_length=1)
    note: str = ""

    def build(self) -> GeographicScope:
        def entries(xs: tuple[ScopeEntryIn, ...]) -> tuple[ScopeEntry, ...]:
            return tuple(ScopeEntry(**x.model_dump()) for x in xs)

        return GeographicScope(
            id=self.id,
            name=self.name,
            regions=self.regions,
            states=entries(self.states),
            places=entries(self.places),
            excluded=entries(self.excluded),
            sources=self.sources,
            note=self.note,
        )


class CuratedFile(_Model):
    """One curated YAML file."""

    sources: tuple[SourceIn, ...] = ()
    organization: OrganizationIn | None = None
    treaties: tuple[TreatyIn, ...] = ()
    memberships: tuple[MembershipIn, ...] = ()
    events: tuple[EventIn, ...] = ()
    places: tuple[PlaceIn, ...] = ()
    scopes: tuple[ScopeIn, ...] = ()
