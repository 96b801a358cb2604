"""The same crisis model as an agent-based Mesa model (mesa ≥ 3, in the ``[bench]`` extra).

One :class:`MemberAgent` per helper; each :meth:`CrisisModel.step` is one replication: the leading member
decides, then every other member given the leader's stance, then the organization applies its decision
rule — the same compiled probabilities (:class:`~casus.sim.crisis.model.CompiledCrisis`) and the same
decision (:meth:`~casus.sim.crisis.decision.Decision.outcome`) as the vectorised numpy simulation. It exists
to check the numpy implementation (``tests/sim/crisis/test_crisis_mesa.py``: same distributions) and to
measure the speed ratio (``benchmarks/bench_crisis.py``).

Importing this module imports mesa.
"""

from __future__ import annotations

import mesa
import numpy as np
import numpy.typing as npt

from casus.sim.crisis.decision import ABSTAIN, BLOCK, FORCES, OTHER
from casus.sim.crisis.model import CompiledCrisis
from casus.sim.crisis.scenario import RESPONSES


class MemberAgent(mesa.Agent):  # type: ignore[misc]
    """A helper choosing between forces, other assistance, abstention and a block."""

    def __init__(self, model: CrisisModel, index: int) -> None:
        super().__init__(model)
        self.index = index
        self.choice = ABSTAIN

    def choose(self, leader_honours: bool) -> int:
        """Draw this member's choice given the leader's stance (the leader itself ignores it)."""
        c: CompiledCrisis = self.model.crisis
        i = self.index
        p = c.p_yes[i] if leader_honours else c.p_no[i]
        honour = bool(self.model.rng.random() < p)
        sub = bool(self.model.rng.random() < (c.p_forces[i] if honour else c.p_block[i]))
        choice = (FORCES if sub else OTHER) if honour else (BLOCK if sub else ABSTAIN)
        if c.forced[i] >= 0:
            choice = int(c.forced[i])
        self.choice = choice
        return choice


class CrisisModel(mesa.Model):  # type: ignore[misc]
    """Replications of one crisis: each step draws every member's choice and the organization's response."""

    def __init__(self, crisis: CompiledCrisis, seed: int | None = None) -> None:
        super().__init__(seed=seed)
        self.crisis = crisis
        self.members = [MemberAgent(self, i) for i in range(crisis.n)]
        self.response_counts = np.zeros(len(RESPONSES), dtype=np.int64)
        self.choice_counts = np.zeros((crisis.n, 4), dtype=np.int64)

    def step(self) -> None:
        """One replication."""
        c = self.crisis
        leader_honours = True
        if c.leader_index >= 0:
            leader_honours = self.members[c.leader_index].choose(True) in (FORCES, OTHER)
        for agent in self.members:
            if agent.index != c.leader_index:
                agent.choose(leader_honours)
        choices = np.array([a.choice for a in self.members], dtype=np.int64)
        forces = int((choices == FORCES).sum())
        support = forces + int((choices == OTHER).sum())
        block = int((choices == BLOCK).sum())
        lead = int(choices[c.leader_index] == FORCES) if c.leader_index >= 0 else forces
        code = c.decision.outcome(np.array([support]), np.array([block]), np.array([lead]))[0]
        self.response_counts[code] += 1
        self.choice_counts[np.arange(c.n), choices] += 1


def run_mesa(crisis: CompiledCrisis, runs: int, seed: int = 0) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Run ``runs`` replications; returns (response counts, (members, 4) choice counts)."""
    model = CrisisModel(crisis, seed=seed)
    for _ in range(runs):
        model.step()
    return model.response_counts, model.choice_counts
