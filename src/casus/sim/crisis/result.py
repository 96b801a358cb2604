"""What a crisis simulation returns, and its JSON contract (:meth:`CrisisResult.to_dict`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from casus.sim.crisis.scenario import CHOICES, RESPONSES, Choice, Response

if TYPE_CHECKING:
    from casus.sim.crisis.model import CompiledCrisis
    from casus.sim.crisis.reliability import Driver, MemberModel
    from casus.sim.crisis.sensitivity import SobolResult

ILLUSTRATIVE = (
    "Illustrative model output, not a forecast: a calibrated sketch of how the organization's procedure and "
    "its members' incentives combine."
)

_Z95 = 1.959963984540054


def wilson_interval(successes: int, n: int, z: float = _Z95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion.

    >>> [round(x, 4) for x in wilson_interval(50, 100)]
    [0.4038, 0.5962]
    """
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True, eq=False)
class Histogram:
    """A fixed-bin histogram of a positive quantity (bounded memory for any number of replications)."""

    edges: npt.NDArray[np.float64]
    counts: npt.NDArray[np.int64]
    total: float
    n: int

    @property
    def mean(self) -> float | None:
        """Exact mean (from the running sum)."""
        return self.total / self.n if self.n else None

    def quantile(self, q: float) -> float | None:
        """Quantile from the bins (geometric bin midpoint; about 2 % resolution)."""
        if self.n == 0:
            return None
        cum = np.cumsum(self.counts)
        i = int(np.searchsorted(cum, q * cum[-1], side="left"))
        i = min(i, len(self.counts) - 1)
        return float(math.sqrt(self.edges[i] * self.edges[i + 1]))


@dataclass(frozen=True, eq=False)
class CrisisResult:
    """A crisis simulation's result.

    Attributes:
        compiled: The compiled model (scenario, procedure, parameters, members).
        seed: The root seed (rerun with it to get the same result bit for bit).
        runs: Replications.
        chunk_size: Replications per chunk.
        response_counts: Replications ending in each :class:`~casus.sim.crisis.scenario.Response`.
        member_counts: (members, 4) count of each choice per member.
        exact: The exact response probabilities of the same model.
        troops: Troops sent, over replications with a deployment (collective or bilateral).
        days: Days from the request to the first deployment, over the same replications.
    """

    compiled: CompiledCrisis
    seed: int
    runs: int
    chunk_size: int
    response_counts: tuple[int, ...]
    member_counts: npt.NDArray[np.int64]
    exact: dict[Response, float]
    troops: Histogram
    days: Histogram

    @property
    def label(self) -> str:
        """The "illustrative, not a forecast" label."""
        return ILLUSTRATIVE

    def probability(self, response: Response | str) -> float:
        """Simulated probability of a response."""
        return self.response_counts[RESPONSES.index(Response(response))] / self.runs

    def interval(self, response: Response | str) -> tuple[float, float]:
        """95 % Wilson interval (Monte Carlo error) of a response's probability."""
        return wilson_interval(self.response_counts[RESPONSES.index(Response(response))], self.runs)

    @property
    def p_acts(self) -> float:
        """Probability that the organization or its members do anything at all."""
        return 1.0 - self.probability(Response.NOTHING)

    @property
    def p_honoured(self) -> float:
        """Probability that the request is honoured (what counts depends on what was asked)."""
        ok = self.compiled.scenario.request.honoured_by()
        return sum(self.probability(r) for r in RESPONSES if r in ok)  # in a fixed order: bit for bit

    def member_distribution(self, state: str) -> dict[Choice, float]:
        """A member's choice distribution (state id)."""
        i = [m.state for m in self.compiled.members].index(state)
        return {c: float(self.member_counts[i, k]) / self.runs for k, c in enumerate(CHOICES)}

    def reasons(self, member: MemberModel, top: int = 3) -> list[Driver]:
        """A member's main reasons: the drivers with the largest contributions (the basis excluded)."""
        drivers = [d for d in member.drivers if d.name != "basis" and abs(d.contribution) > 1e-9]
        return sorted(drivers, key=lambda d: -abs(d.contribution))[:top]

    def to_dict(self, sobol: SobolResult | None = None) -> dict[str, Any]:
        """The JSON contract of ``casus simulate --format json`` (documented in ``docs/simulation.md``).

        Args:
            sobol: The Sobol indices of the same scenario (``casus simulate --sobol``), added as ``sobol``.
        """
        c = self.compiled
        proc = c.procedure
        s = c.scenario
        ref = s.reference
        responses: list[dict[str, Any]] = []
        for r in RESPONSES:
            lo, hi = self.interval(r)
            responses.append(
                {"response": r.value, "probability": self.probability(r), "low": lo, "high": hi, "exact": self.exact[r]}
            )
            if ref is not None:
                responses[-1]["base_rate"] = ref.share(r)
        members = []
        for i, m in enumerate(c.members):
            members.append(
                {
                    "state": m.state,
                    "name": m.name,
                    "leader": m.is_leader,
                    "forced": m.forced.value if m.forced else None,
                    "choices": {ch.value: float(self.member_counts[i, k]) / self.runs for k, ch in enumerate(CHOICES)},
                    "reasons": [_driver(d) for d in self.reasons(m)],
                    "drivers": [_driver(d) for d in m.drivers],
                }
            )
        deploy = {
            "probability": self.troops.n / self.runs,
            "troops": {"mean": self.troops.mean, **{f"p{q}": self.troops.quantile(q / 100) for q in (10, 50, 90)}},
            "days": {"mean": self.days.mean, **{f"p{q}": self.days.quantile(q / 100) for q in (10, 50, 90)}},
        }
        return {
            "label": ILLUSTRATIVE,
            "scenario": {
                "name": s.name,
                "title": s.title,
                "on": s.on.isoformat(),
                "organization": proc.scope,
                "attacker": proc.crisis.attacker.state or proc.crisis.attacker.label,
                "target": proc.crisis.target,
                "requester": proc.requester,
                "kind": s.kind,
                "request": s.request.value,
            },
            "procedure": {
                "basis": proc.basis.value,
                "article": proc.article,
                "provision": proc.provision,
                "rule": proc.rule.value,
                "body": proc.body,
                "collective_possible": proc.collective_possible,
                "members": list(proc.members),
                "helpers": list(proc.helpers),
                "leader": c.leader,
                "steps": list(proc.steps),
            },
            "runs": self.runs,
            "seed": self.seed,
            "responses": responses,
            "p_acts": self.p_acts,
            "p_honoured": self.p_honoured,
            "base_rate": ref.to_dict() if ref is not None else None,
            "members": members,
            "deployment": deploy,
            "params": c.params.as_dict(),
        } | ({"sobol": sobol.to_dict()} if sobol is not None else {})


def _driver(d: Driver) -> dict[str, Any]:
    return {"driver": d.name, "value": d.value, "contribution": d.contribution, "detail": d.detail}
