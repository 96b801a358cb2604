"""What a casus-foederis evaluation answers: verdicts, duties, permissions, and each treaty's result with its trace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from casus.kb.practice import CollectiveAction
from casus.kb.treaties import Action, Provision, Treaty
from casus.obligations.conditions import Step


class Verdict(StrEnum):
    """A treaty's answer to a crisis."""

    TRIGGERED = "triggered"
    NOT_TRIGGERED = "not_triggered"
    INDETERMINATE = "indeterminate"
    NO_MUTUAL_DEFENCE = "no_mutual_defence"


@dataclass(frozen=True)
class Duty:
    """What one state must do under one provision."""

    state: str
    action: Action
    provision: str
    article: str


@dataclass(frozen=True)
class Permission:
    """An action a treaty allows (not requires), with what it still needs (a request, a decision)."""

    action: Action
    provision: str
    article: str
    requires: tuple[str, ...]
    available: bool
    quote: str = ""


@dataclass(frozen=True)
class Breach:
    """An armed attack by one party on another that breaches their non-aggression or neutrality pledge.

    The breach is a headline of its own, apart from the verdict: the pledge is not "triggered", it is broken.
    It is found on the day of the attack even where a dataset ends the alliance that very day (ATOP 5.1 ends
    the Molotov–Ribbentrop pact, alliance 2470, on 22 June 1941, the day Germany attacked the Soviet Union).

    Attributes:
        attacker: The party that attacked (state id).
        target: The party attacked (state id).
        on: The day of the attack.
        provisions: The pledges broken (provision ids).
        articles: Their articles, as the treaty writes them.
        ended_that_day: Whether the source ends the alliance (or either party's membership) on that day.
        detail: The breach in plain words.
        sources: Source ids.
    """

    attacker: str
    target: str
    on: dt.date
    provisions: tuple[str, ...]
    articles: tuple[str, ...]
    ended_that_day: bool
    detail: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProvisionResult:
    """The verdict of one provision with its trace."""

    provision: Provision
    verdict: Verdict
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class TreatyResult:
    """One treaty's answer to a crisis.

    Attributes:
        treaty: The treaty.
        verdict: Triggered, not triggered or indeterminate.
        provision: The decisive provision (the triggered defence article, else the most relevant one).
        obligated: States that must act under the decisive provision (ids), in name order.
        duties: Who must do what under which article, including lesser pledges (Art. 2 or Art. 4
            consultations) that hold even when the principal pledge is not triggered.
        permitted: Actions allowed but not required.
        explanation: Every check made, in order, with its sources.
        provisions: Per-provision results.
        unknown_after: For a dataset alliance asked about past the dataset's coverage (ATOP ends
            2018-12-31), the last day the source speaks for: the answer is "unknown after that date
            (coverage)", not "no alliance".
        breach: When the attacker and the target are both bound by the treaty's non-aggression or neutrality
            pledge on the day: the breach (:class:`Breach`).
        actions: The organization's collective actions that answered this very event, with the basis its body
            invoked and the other readings of it (the CSTO in Kazakhstan, January 2022).
    """

    treaty: Treaty
    verdict: Verdict
    provision: Provision | None
    obligated: tuple[str, ...]
    duties: tuple[Duty, ...]
    permitted: tuple[Permission, ...]
    explanation: tuple[Step, ...]
    provisions: tuple[ProvisionResult, ...] = field(default=())
    unknown_after: dt.date | None = None
    breach: Breach | None = None
    actions: tuple[CollectiveAction, ...] = ()
