"""Crisis scenarios: the event, the request, the organization asked, and any parameter overrides.

A :class:`Scenario` is what ``casus simulate`` runs. It is written in YAML (see
:mod:`casus.sim.crisis.io` and ``docs/simulation.md``) or built in Python:

>>> import datetime as dt
>>> s = Scenario(name="armenia-2022-09", on=dt.date(2022, 9, 13), organization="CSTO",
...              attacker="Azerbaijan", target="Armenia", article="4")
>>> s.requester, s.kind
('Armenia', 'armed-attack')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from casus.errors import ScenarioError
from casus.kb.organizations import DecisionRule
from casus.kb.treaties import CrisisKind
from casus.sim.crisis.params import PARAM_NAMES, Params, unknown_parameter_message


class Choice(StrEnum):
    """What one member does when an ally asks for help."""

    FORCES = "assist_forces"
    OTHER = "assist_other"
    ABSTAIN = "abstain"
    BLOCK = "block"


CHOICES: tuple[Choice, ...] = tuple(Choice)


class Response(StrEnum):
    """What the organization as a whole does."""

    COLLECTIVE_DEPLOYMENT = "collective_deployment"
    BILATERAL_ONLY = "bilateral_assistance_only"
    STATEMENT_OR_MISSION = "statement_or_mission_only"
    NOTHING = "nothing"


RESPONSES: tuple[Response, ...] = tuple(Response)


class RequestKind(StrEnum):
    """What the requesting member asked for; it decides which responses count as *honouring* the request."""

    FORCES = "forces"
    ASSISTANCE = "assistance"
    CONSULTATION = "consultation"

    def honoured_by(self) -> frozenset[Response]:
        """The responses that honour this kind of request.

        A request for forces or assistance is honoured by collective deployment or bilateral assistance; a
        request for consultations by anything but nothing.
        """
        if self is RequestKind.CONSULTATION:
            return frozenset(RESPONSES) - {Response.NOTHING}
        return frozenset({Response.COLLECTIVE_DEPLOYMENT, Response.BILATERAL_ONLY})


def _empty_overrides() -> Mapping[str, float]:
    return MappingProxyType({})


def _empty_forced() -> Mapping[str, Choice]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Scenario:
    """A crisis in which a member asks its organization for help.

    Attributes:
        name: Short id (``armenia-2022-09``).
        on: Date of the request; membership, treaties and data are taken as of this date.
        organization: Organization (id, name or acronym) or, for a treaty-only alliance, the treaty id.
        attacker: The attacking state, or ``non-state`` / ``non-state:NAME``.
        target: The state attacked, threatened or in unrest.
        requester: The member asking for help (default: the target).
        kind: ``armed-attack``, ``threat`` or ``unrest``.
        place: Where (default: the target's territory): a country, an ISO 3166-2 code or a named place.
        disputed: Whether the place is flagged as disputed.
        requested: Whether help was formally requested.
        article: The article invoked, as the treaty numbers it (informational; the verdict comes from the
            casus-foederis engine).
        request: What was asked for (forces, assistance, consultation).
        decision_rule: Overrides the deciding body's rule (e.g. ``two_thirds`` for the Rio Treaty's Organ of
            Consultation, which the knowledge base records as a treaty without an organization).
        overrides: Model parameters replaced for this scenario (see :class:`~casus.sim.crisis.params.Params`).
        forced: Members whose choice is fixed (state name → choice), e.g. to ask what one veto does.
        title: Human title.
        description: What happened, briefly.
        sources: Citations (free text).
        reference: The base rate of this kind of request (a
            :class:`~casus.sim.crisis.baserate.BaseRate`), attached by the loader; shown beside the results.
    """

    name: str
    on: dt.date
    organization: str
    attacker: str
    target: str
    requester: str | None = None
    kind: str = "armed-attack"
    place: str | None = None
    disputed: bool = False
    requested: bool = True
    article: str | None = None
    request: RequestKind = RequestKind.ASSISTANCE
    decision_rule: DecisionRule | None = None
    overrides: Mapping[str, float] = field(default_factory=_empty_overrides)
    forced: Mapping[str, Choice] = field(default_factory=_empty_forced)
    title: str = ""
    description: str = ""
    sources: tuple[str, ...] = ()
    reference: Any = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ScenarioError("a scenario needs a name")
        if not isinstance(self.on, dt.date):
            raise ScenarioError(f"scenario {self.name}: `on` must be a date, got {self.on!r}")
        for attr in ("organization", "attacker", "target"):
            if not str(getattr(self, attr)).strip():
                raise ScenarioError(f"scenario {self.name}: `{attr}` is empty")
        if self.requester is None:
            object.__setattr__(self, "requester", self.target)
        kinds = [k.value for k in CrisisKind]
        if self.kind not in kinds:
            raise ScenarioError(f"scenario {self.name}: kind {self.kind!r} is not one of {', '.join(kinds)}")
        try:
            object.__setattr__(self, "request", RequestKind(self.request))
        except ValueError:
            valid = ", ".join(r.value for r in RequestKind)
            raise ScenarioError(f"scenario {self.name}: request {self.request!r} is not one of {valid}") from None
        if self.decision_rule is not None:
            try:
                object.__setattr__(self, "decision_rule", DecisionRule(self.decision_rule))
            except ValueError:
                valid = ", ".join(r.value for r in DecisionRule)
                raise ScenarioError(
                    f"scenario {self.name}: decision_rule {self.decision_rule!r} is not one of {valid}"
                ) from None
        for key in self.overrides:
            if key not in PARAM_NAMES:
                raise ScenarioError(f"scenario {self.name}: {unknown_parameter_message(key)}")
        Params().with_overrides(self.overrides)  # range checks
        forced: dict[str, Choice] = {}
        for state, choice in self.forced.items():
            try:
                forced[state] = Choice(choice)
            except ValueError:
                valid = ", ".join(c.value for c in Choice)
                raise ScenarioError(
                    f"scenario {self.name}: forced choice {choice!r} for {state} is not one of {valid}"
                ) from None
        object.__setattr__(self, "overrides", MappingProxyType({k: float(v) for k, v in self.overrides.items()}))
        object.__setattr__(self, "forced", MappingProxyType(forced))
        object.__setattr__(self, "sources", tuple(self.sources))

    def __reduce__(self) -> tuple[object, tuple[dict[str, object]]]:
        # pickled as its fields (read-only mappings cannot be pickled as they are): sweeps send it to workers
        data = {f: getattr(self, f) for f in self.__dataclass_fields__}
        data.update(overrides=dict(self.overrides), forced=dict(self.forced))
        return (_scenario, (data,))

    def params(self, base: Params | None = None) -> Params:
        """The model parameters with this scenario's overrides applied."""
        return (base or Params()).with_overrides(self.overrides)

    def with_changes(self, **changes: object) -> Scenario:
        """A copy with some fields replaced (validated again)."""
        data = {f: getattr(self, f) for f in self.__dataclass_fields__}
        data.update(changes)
        return Scenario(**data)


def _scenario(data: dict[str, object]) -> Scenario:
    return Scenario(**data)  # type: ignore[arg-type]
