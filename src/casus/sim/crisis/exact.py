"""The exact distribution of a compiled crisis: the same model as the Monte Carlo, without sampling.

The backtest and the Sobol analysis use it to avoid sampling noise; the tests use it to check the Monte
Carlo (:mod:`casus.sim.crisis.simulate`) and the Mesa twin (:mod:`casus.sim.crisis.agents`).

>>> import datetime as dt
>>> from casus.curated import load_kb
>>> from casus.sim.crisis.model import compile_crisis
>>> from casus.sim.crisis.scenario import Scenario
>>> s = Scenario(name="demo", on=dt.date(2022, 1, 5), organization="CSTO", attacker="non-state",
...              target="Kazakhstan", kind="unrest", request="forces")
>>> p = exact_responses(compile_crisis(load_kb(), s))
>>> round(sum(p.values()), 12)
1.0
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from casus.sim.crisis.decision import ABSTAIN, BLOCK, FORCES, OTHER
from casus.sim.crisis.model import CompiledCrisis
from casus.sim.crisis.scenario import RESPONSES, Response

FloatArray = npt.NDArray[np.float64]


def _convolve(state: FloatArray, q: FloatArray, sets_flag: bool = True) -> FloatArray:
    """Add one member with choice probabilities q to a (support, block, lead-forces) distribution.

    ``sets_flag``: whether this member's forces count as the lead nation's (see
    :func:`casus.sim.crisis.simulate.respond`).
    """
    new = state * q[ABSTAIN]
    if sets_flag:
        new[1:, :, 1] += state[:-1, :, :].sum(axis=2) * q[FORCES]
    else:
        new[1:, :, :] += state[:-1, :, :] * q[FORCES]
    new[1:, :, :] += state[:-1, :, :] * q[OTHER]
    new[:, 1:, :] += state[:, :-1, :] * q[BLOCK]
    out: FloatArray = new
    return out


def exact_responses(c: CompiledCrisis) -> dict[Response, float]:
    """The exact probability of each organizational response (no sampling).

    Conditions on the leader's choice, then convolves the other helpers' choices into a distribution over
    (supporters, blockers, lead-nation forces) and applies the decision to every cell.
    ``tests/sim/crisis/test_crisis.py`` checks it against the Monte Carlo.
    """
    n = c.n
    decision = c.decision
    total = np.zeros(len(RESPONSES))
    if c.leader_index >= 0:
        q_lead = c.leader_choice_probabilities()
        branches = [(k, float(q_lead[k])) for k in range(4) if q_lead[k] > 0]
    else:
        branches = [(-1, 1.0)]
    s_grid, k_grid = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
    for lead_choice, weight in branches:
        yes = lead_choice in (FORCES, OTHER) if lead_choice >= 0 else True
        q = c.choice_probabilities(c.p_yes if yes else c.p_no)
        state = np.zeros((n + 1, n + 1, 2))
        state[0, 0, 0] = 1.0
        for i in range(n):
            if i == c.leader_index:
                one = np.zeros(4)
                one[lead_choice] = 1.0
                state = _convolve(state, one)
            else:
                state = _convolve(state, q[i], sets_flag=c.leader_index < 0)
        for f in (0, 1):
            codes = decision.outcome(s_grid, k_grid, np.full_like(s_grid, f))
            np.add.at(total, codes.ravel(), weight * state[:, :, f].ravel())
    return {r: float(total[i]) for i, r in enumerate(RESPONSES)}


def exact_member_choices(c: CompiledCrisis) -> FloatArray:
    """(n, 4) exact marginal probability of each member's choice."""
    if c.leader_index < 0:
        return c.choice_probabilities(c.p_yes)
    q_lead = c.leader_choice_probabilities()
    p_lead = q_lead[FORCES] + q_lead[OTHER]
    out: FloatArray = p_lead * c.choice_probabilities(c.p_yes) + (1 - p_lead) * c.choice_probabilities(c.p_no)
    out[c.leader_index] = q_lead
    return out
