"""What a casus-foederis evaluation answers: verdicts, duties, permissions, and each treaty's result with its trace."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

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
