"""The crisis model's parameters: calibrated base rates and driver weights, each overridable by name.

Every member's choice is drawn in two steps (see :mod:`casus.sim.crisis.reliability`):

1. **honour or not** — a logistic model whose intercept is the published base rate of alliance
   reliability and whose terms are the drivers (pledge verdict, capability, major-power status, distance,
   ties to the adversary, disputes with the adversary and with the target, the leading member's stance);
2. **how** — given honour, forces or other assistance; given no honour, abstain or block.

Weights are on the log-odds scale and centred so that a member with reference values of every driver
(equal capability share, a capital 1,000 km from the target's, no ties, no disputes, not a major power, a
triggered defence pledge and no leader effect) honours with probability ``base_reliability``.

Calibration. ``base_reliability`` defaults to 0.41, the share of defence pledges honoured in
Berkemeier & Fuhrmann (2018). Their 50 % (all pledges, 1816–2003) and 22 % (1945–2003), and Leeds,
Long & Mitchell's 74.5 % (1816–1944), are the alternatives a scenario can set, and the backtest's
baselines. The driver weights are *assumptions*: their signs follow the literature cited below; their
sizes were first set so that each driver moves a member's probability by at most about 25 points, then
five of them (``w_capability``, ``w_distance``, ``w_ties``, ``block_base``, ``block_ties``) and
``shift_permission`` were adjusted once after looking at the curated episodes of the backtest — so the
backtest is partly in-sample (see ``docs/simulation.md``). :mod:`casus.sim.crisis.sensitivity` measures how much
each assumption matters (Sobol indices over :data:`PARAM_RANGES`).

References:
    Leeds, Brett Ashley, Andrew G. Long, and Sara McLaughlin Mitchell. 2000. "Reevaluating Alliance
    Reliability: Specific Threats, Specific Promises." *Journal of Conflict Resolution* 44(5): 686–699
    (alliance commitments honoured in 74.5 % of the cases that invoked them, 1816–1944).

    Berkemeier, Molly, and Matthew Fuhrmann. 2018. "Reassessing the Fulfillment of Alliance Commitments in
    War." *Research & Politics* 5(2) (50 % overall, 22 % for 1945–2003; 41 % for defence pledges).

    Leeds, Brett Ashley. 2003. "Alliance Reliability in Times of War: Explaining State Decisions to Violate
    Treaties." *International Organization* 57(4): 801–827 (changes in capability and regime, and the
    cost of fighting, make violation likelier).

    Bueno de Mesquita, Bruce. 1981. *The War Trap*. Yale University Press (loss of strength gradient:
    willingness and ability to intervene fall with distance).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from casus.errors import ScenarioError


@dataclass(frozen=True)
class Params:
    """Parameters of the crisis response model (defaults: the calibrated values).

    Attributes:
        base_reliability: Probability that a reference member honours a triggered defence pledge.
        shift_indeterminate: Log-odds shift when the defence pledge's verdict is indeterminate.
        shift_permission: Log-odds shift when the organization may act (collective forces at the
            member's request) but no obligation is triggered.
        shift_consultation: Log-odds shift when only a consultation pledge is triggered (cheap to honour).
        shift_none: Log-odds shift when no article applies (no legal basis for collective action).
        w_capability: Weight of log capability share (CINC share × number of helpers).
        w_major: Weight of COW major-power status.
        w_distance: Weight of log distance between capitals, in thousands of km.
        w_adversary: Weight of log(adversary's CINC / member's CINC), the cost of taking the adversary on
            (a non-state adversary counts as −3, the floor).
        w_ties: Weight per commitment binding the member to the adversary (capped at two).
        w_mid_adversary: Weight of log(1 + MIDs against the adversary in the last 20 years).
        w_mid_target: Weight of log(1 + MIDs against the target in the last 20 years).
        w_leader: Weight of the leading member's stance (+1 if it honours, −1 if not).
        forces_base: Probability that a reference member who honours sends forces.
        forces_capability: Weight of log capability share on sending forces.
        forces_major: Weight of major-power status on sending forces.
        forces_distance: Weight of log distance on sending forces.
        forces_shift_consultation: Log-odds shift on forces when only consultations were asked for (and apply).
        block_base: Probability that a reference member who does not honour blocks a collective decision.
        block_ties: Weight per tie to the adversary on blocking.
        block_mid_target: Weight of log(1 + MIDs against the target) on blocking.
        leader_block: Probability that the leading member, when it does not honour, blocks.
        decision_median_days: Median days from the request to the collective decision.
        deploy_median_days: Median days from the decision to the first deployment, for 1,000 km.
        troops_scale: Troops sent per (thousand military personnel) ** ``troops_exponent``.
        troops_exponent: Concavity of a contribution in the contributor's military personnel.
    """

    base_reliability: float = 0.41
    shift_indeterminate: float = -0.7
    shift_permission: float = 0.0
    shift_consultation: float = 1.0
    shift_none: float = -1.5
    w_capability: float = 0.1
    w_major: float = 0.4
    w_distance: float = -0.2
    w_adversary: float = -0.25
    w_ties: float = -1.5
    w_mid_adversary: float = 0.4
    w_mid_target: float = -0.6
    w_leader: float = 1.0
    forces_base: float = 0.35
    forces_capability: float = 0.4
    forces_major: float = 0.6
    forces_distance: float = -0.3
    forces_shift_consultation: float = -1.5
    block_base: float = 0.02
    block_ties: float = 1.5
    block_mid_target: float = 0.8
    leader_block: float = 0.25
    decision_median_days: float = 2.0
    deploy_median_days: float = 5.0
    troops_scale: float = 12.0
    troops_exponent: float = 0.7

    def __post_init__(self) -> None:
        for name in ("base_reliability", "forces_base", "block_base", "leader_block"):
            value = getattr(self, name)
            if not 0.0 < value < 1.0:
                raise ScenarioError(f"parameter {name} is a probability; {value} is not strictly between 0 and 1")
        for name in ("decision_median_days", "deploy_median_days", "troops_scale", "troops_exponent"):
            if getattr(self, name) <= 0:
                raise ScenarioError(f"parameter {name} must be positive, got {getattr(self, name)}")
        for f in fields(self):
            if not math.isfinite(getattr(self, f.name)):
                raise ScenarioError(f"parameter {f.name} must be a finite number")

    def with_overrides(self, overrides: Mapping[str, float]) -> Params:
        """A copy with some parameters replaced.

        >>> Params().with_overrides({"base_reliability": 0.22}).base_reliability
        0.22

        Raises:
            ScenarioError: An unknown parameter name (with the closest names) or a value out of range.
        """
        unknown = [k for k in overrides if k not in PARAM_NAMES]
        if unknown:
            raise ScenarioError(unknown_parameter_message(unknown[0]))
        return replace(self, **{k: float(v) for k, v in overrides.items()})

    def as_dict(self) -> dict[str, float]:
        """Every parameter by name."""
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


PARAM_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Params))
"""Names a scenario's ``overrides`` may use."""


def unknown_parameter_message(name: str) -> str:
    """The "unknown parameter …; did you mean …?" message, with the closest known names."""
    import difflib

    close = difflib.get_close_matches(name, PARAM_NAMES, n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown model parameter {name!r}{hint} (known: {', '.join(PARAM_NAMES)})"


#: Ranges of the uncertain parameters explored by the Sobol analysis (uniform on each range).
PARAM_RANGES: dict[str, tuple[float, float]] = {
    "base_reliability": (0.22, 0.745),
    "shift_indeterminate": (-1.5, 0.0),
    "shift_permission": (-1.0, 0.5),
    "w_capability": (0.0, 0.4),
    "w_major": (0.0, 1.0),
    "w_distance": (-0.8, 0.0),
    "w_adversary": (-0.6, 0.0),
    "w_ties": (-2.5, 0.0),
    "w_mid_adversary": (0.0, 1.0),
    "w_mid_target": (-1.2, 0.0),
    "w_leader": (0.0, 2.0),
    "forces_base": (0.15, 0.6),
    "block_base": (0.005, 0.1),
    "block_ties": (0.0, 2.5),
    "leader_block": (0.05, 0.6),
}


def logit(p: float) -> float:
    """Log-odds of a probability."""
    return math.log(p / (1.0 - p))
