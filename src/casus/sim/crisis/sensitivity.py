"""Which assumptions drive the answer: Sobol indices of P(response) over the model's uncertain parameters.

Each parameter of :data:`~casus.sim.crisis.params.PARAM_RANGES` is drawn uniformly on its range (Saltelli's
scheme, ``N · (D + 2)`` model runs with first- and total-order indices), the model's *exact* response
probability is computed for every draw (no Monte Carlo noise), and SALib estimates:

* ``S1`` — the share of the variance of P(response) due to the parameter alone;
* ``ST`` — the share due to it together with its interactions.

The spread of the outcome over the draws (5th–95th percentile) is reported too: it is the range of answers
the assumptions allow, which the Monte Carlo interval of :func:`~casus.sim.crisis.simulate.simulate_crisis` (sampling
error only) does not show.

References:
    Saltelli, Andrea, et al. 2010. "Variance Based Sensitivity Analysis of Model Output. Design and
    Estimator for the Total Sensitivity Index." *Computer Physics Communications* 181(2): 259–270.

    Herman, Jon, and Will Usher. 2017. "SALib: An Open-Source Python Library for Sensitivity Analysis."
    *Journal of Open Source Software* 2(9): 97.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from casus.errors import MissingExtraError, ScenarioError
from casus.kb.knowledge import KnowledgeBase
from casus.sim.crisis.evidence import Evidence
from casus.sim.crisis.exact import exact_responses
from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.params import PARAM_RANGES, Params
from casus.sim.crisis.scenario import Response, Scenario
from casus.sim.rng import RngLike, root_seed


@dataclass(frozen=True)
class SobolResult:
    """Sobol indices of one response probability.

    Attributes:
        response: The response analysed (``collective_deployment``…, or ``acts`` for anything but nothing).
        names: Parameters, in the order of the arrays.
        s1, s1_conf: First-order indices and their 95 % bootstrap half-widths.
        st, st_conf: Total-order indices and half-widths.
        n: Base sample size N.
        evaluations: Model evaluations, N · (D + 2).
        seed: Root seed of the sample.
        mean, p05, p95: The response probability over the draws.
    """

    response: str
    names: tuple[str, ...]
    s1: tuple[float, ...]
    s1_conf: tuple[float, ...]
    st: tuple[float, ...]
    st_conf: tuple[float, ...]
    n: int
    evaluations: int
    seed: int
    mean: float
    p05: float
    p95: float

    def ranked(self) -> list[dict[str, Any]]:
        """Parameters by total-order index, largest first."""
        rows = [
            {"parameter": k, "S1": a, "S1_conf": b, "ST": c, "ST_conf": d, "range": list(PARAM_RANGES[k])}
            for k, a, b, c, d in zip(self.names, self.s1, self.s1_conf, self.st, self.st_conf, strict=True)
        ]
        return sorted(rows, key=lambda r: -float(r["ST"]))

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "response": self.response,
            "n": self.n,
            "evaluations": self.evaluations,
            "seed": self.seed,
            "outcome": {"mean": self.mean, "p05": self.p05, "p95": self.p95},
            "indices": self.ranked(),
        }


def sobol_indices(
    kb: KnowledgeBase,
    scenario: Scenario,
    evidence: Evidence | None = None,
    *,
    response: str = Response.COLLECTIVE_DEPLOYMENT.value,
    n: int = 256,
    names: Sequence[str] | None = None,
    rng: RngLike = None,
) -> SobolResult:
    """Sobol indices of P(response) over the uncertain parameters of a scenario.

    Args:
        kb: The knowledge base.
        scenario: The scenario (its overrides are the centre; the varied parameters replace them).
        evidence: Country data.
        response: A :class:`~casus.sim.crisis.scenario.Response` value, or ``acts`` (anything but nothing).
        n: Base sample size (a power of two); the model is evaluated ``n · (D + 2)`` times.
        names: Parameters to vary (default: all of :data:`PARAM_RANGES`).
        rng: Seed for the Sobol sequence's scrambling and the bootstrap.

    Raises:
        ScenarioError: Unknown response or parameter.
        MissingExtraError: SALib is not installed.
    """
    try:
        from SALib.analyze import sobol as analyze
        from SALib.sample import sobol as sample
    except ImportError:
        raise MissingExtraError("sim", "SALib") from None
    keys = tuple(names or PARAM_RANGES)
    bad = [k for k in keys if k not in PARAM_RANGES]
    if bad:
        raise ScenarioError(f"no range for parameter {bad[0]!r}; vary only {', '.join(PARAM_RANGES)}")
    wanted = {r.value for r in Response} | {"acts"}
    if response not in wanted:
        raise ScenarioError(f"response {response!r} is not one of {', '.join(sorted(wanted))}")
    seed = root_seed(rng)
    problem = {"num_vars": len(keys), "names": list(keys), "bounds": [list(PARAM_RANGES[k]) for k in keys]}
    x = sample.sample(problem, n, calc_second_order=False, seed=seed)
    # one compile step; the scenario's overrides are the centre (in ``base.params``), each sample replaces some
    base = compile_crisis(kb, scenario, evidence)
    y = np.empty(len(x))
    for i, row in enumerate(x):
        params: Params = base.params.with_overrides(dict(zip(keys, (float(v) for v in row), strict=True)))
        probs = exact_responses(base.with_params(params))
        y[i] = 1.0 - probs[Response.NOTHING] if response == "acts" else probs[Response(response)]
    res = analyze.analyze(problem, y, calc_second_order=False, seed=seed, num_resamples=200)
    return SobolResult(
        response=response,
        names=keys,
        s1=tuple(float(v) for v in res["S1"]),
        s1_conf=tuple(float(v) for v in res["S1_conf"]),
        st=tuple(float(v) for v in res["ST"]),
        st_conf=tuple(float(v) for v in res["ST_conf"]),
        n=n,
        evaluations=len(x),
        seed=seed,
        mean=float(y.mean()),
        p05=float(np.quantile(y, 0.05)),
        p95=float(np.quantile(y, 0.95)),
    )
