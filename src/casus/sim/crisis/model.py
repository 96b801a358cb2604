"""The compiled crisis model: per-member probabilities as arrays, and its exact outcome distribution.

:func:`compile_crisis` runs the procedure and the reliability model once per scenario; the Monte Carlo
(:mod:`casus.sim.crisis.simulate`), the Mesa agent-based twin (:mod:`casus.sim.crisis.agents`) and the Sobol analysis
all start from the same :class:`CompiledCrisis`, so they simulate the same model.

Members choose in two stages: the leading member first, then every other helper independently given the
leader's stance. A collective deployment needs a lead nation: the leading member, when it is a helper, must
send forces (the framework-nation practice of NATO and CSTO deployments). That structure makes the
organization's response computable exactly (:func:`exact_responses`), by conditioning on the leader's choice
and convolving the others' choices over (supporters, blockers, lead forces) — which the tests use to check
the simulation, and the backtest and the Sobol analysis use to avoid sampling noise.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from casus.kb.knowledge import KnowledgeBase
from casus.kb.organizations import DecisionRule
from casus.sim.crisis.evidence import Evidence
from casus.sim.crisis.params import Params
from casus.sim.crisis.procedure import Basis, Procedure, assess_procedure, classify, decide
from casus.sim.crisis.reliability import Driver, Features, MemberModel, member_features, member_model
from casus.sim.crisis.scenario import CHOICES, RESPONSES, Choice, RequestKind, Response, Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

CHOICE_CODE: dict[Choice, int] = {c: i for i, c in enumerate(CHOICES)}
FORCES, OTHER, ABSTAIN, BLOCK = (CHOICE_CODE[c] for c in CHOICES)


@dataclass(frozen=True, eq=False)
class CompiledCrisis:
    """Everything a simulation of one scenario needs, as plain arrays.

    Attributes:
        scenario: The scenario.
        procedure: Its procedural frame.
        params: The parameters used.
        members: The helpers' models (the leader's expected effect included in each driver list).
        leader: The leading member's id (may be the requester), or ``None``.
        leader_index: Its index among the helpers, or −1 when it is not a helper.
        stance: The leader's stance when fixed (+1 when the leader is the requester, 0 without a leader);
            ``None`` when the leader is a helper whose choice is drawn.
        p_yes: P(honour | leader honours) per helper (the leader's own probability at its index).
        p_no: P(honour | leader does not honour) per helper.
        p_forces: P(forces | honour) per helper.
        p_block: P(block | no honour) per helper.
        troops: Median troops per helper if it sends forces.
        distance: Capital distance to the target per helper (km; 1,000 when unknown).
        forced: Forced choice code per helper, −1 where free.
    """

    scenario: Scenario
    procedure: Procedure
    params: Params
    members: tuple[MemberModel, ...]
    leader: str | None
    leader_index: int
    stance: float | None
    p_yes: FloatArray
    p_no: FloatArray
    p_forces: FloatArray
    p_block: FloatArray
    troops: FloatArray
    distance: FloatArray
    forced: IntArray

    @property
    def n(self) -> int:
        """Number of helpers."""
        return len(self.members)

    def choice_probabilities(self, honour: FloatArray) -> FloatArray:
        """(n, 4) probabilities of each choice given per-member honour probabilities (forced applied)."""
        q = np.stack(
            [
                honour * self.p_forces,
                honour * (1 - self.p_forces),
                (1 - honour) * (1 - self.p_block),
                (1 - honour) * self.p_block,
            ],
            axis=1,
        )
        for i in np.flatnonzero(self.forced >= 0):
            q[i] = 0.0
            q[i, self.forced[i]] = 1.0
        return q

    def leader_choice_probabilities(self) -> FloatArray:
        """The leader's four choice probabilities (empty when the leader is not a helper)."""
        if self.leader_index < 0:
            return np.zeros(0)
        row: FloatArray = self.choice_probabilities(self.p_yes)[self.leader_index]
        return row


def compile_crisis(
    kb: KnowledgeBase,
    scenario: Scenario,
    evidence: Evidence | None = None,
    params: Params | None = None,
    *,
    procedure: Procedure | None = None,
    features: tuple[tuple[Features, ...], str | None] | None = None,
) -> CompiledCrisis:
    """Assess the procedure and build every member's choice model for a scenario.

    Args:
        kb: The knowledge base (membership, treaties and ties as of the scenario date).
        scenario: The scenario.
        evidence: Country data (default: none — data-driven drivers then have no effect).
        params: Base parameters (default: the calibrated ones); the scenario's overrides apply on top.
        procedure: A procedure already assessed for this scenario (saves the casus-foederis evaluation).
        features: The helpers' features already computed for this procedure (saves the data look-ups;
            :mod:`casus.sim.crisis.sensitivity` passes them for every parameter sample).

    Raises:
        ScenarioError: A forced member that is not a participating helper, or a bad organization.
    """
    from casus.errors import ScenarioError

    ev = evidence or Evidence.empty()
    p = scenario.params(params)
    proc = procedure or assess_procedure(kb, scenario)
    forced: dict[str, Choice] = {}
    for name, choice in scenario.forced.items():
        sid = kb.state(name).id
        if sid not in proc.helpers:
            helpers = ", ".join(kb.states.get(h).name for h in proc.helpers) or "none"
            raise ScenarioError(
                f"scenario {scenario.name}: forced member {name!r} is not a helper of {proc.name} on "
                f"{scenario.on} (helpers: {helpers})"
            )
        forced[sid] = choice
    feats, leader = features if features is not None else member_features(kb, proc, ev)
    consult_only = proc.basis is Basis.CONSULTATION and scenario.request is RequestKind.CONSULTATION
    members = tuple(
        member_model(f, p, proc.basis, consult_only=consult_only, forced=forced.get(f.state)) for f in feats
    )
    ids = [m.state for m in members]
    leader_index = ids.index(leader) if leader in ids else -1
    eta = np.array([m.eta for m in members], dtype=np.float64)
    not_leader = np.array([i != leader_index for i in range(len(members))], dtype=bool)
    # the leader's stance: drawn when it is a helper, +1 when it is the one asking, 0 without a leader
    stance: float | None = None if leader_index >= 0 else float(leader is not None and leader == proc.requester)
    if stance is None:
        p_yes = _sigmoid(eta + p.w_leader * not_leader)
        p_no = _sigmoid(eta - p.w_leader * not_leader)
    else:
        p_yes = p_no = _sigmoid(eta + p.w_leader * stance)
    draft = CompiledCrisis(
        scenario,
        proc,
        p,
        members,
        leader,
        leader_index,
        stance,
        p_yes,
        p_no,
        p_forces=np.array([m.p_forces for m in members], dtype=np.float64),
        p_block=np.array([m.p_block for m in members], dtype=np.float64),
        troops=np.array([m.troops for m in members], dtype=np.float64),
        distance=np.array([m.distance_km or 1000.0 for m in members], dtype=np.float64),
        forced=np.array([CHOICE_CODE[m.forced] if m.forced else -1 for m in members], dtype=np.int64),
    )
    return replace(draft, members=_with_leader_driver(draft, kb))


def _sigmoid(x: FloatArray) -> FloatArray:
    out: FloatArray = 1.0 / (1.0 + np.exp(-x))
    return out


def _with_leader_driver(c: CompiledCrisis, kb: KnowledgeBase) -> tuple[MemberModel, ...]:
    if c.leader is None:
        return c.members
    name = kb.states.get(c.leader).name
    if c.leader_index >= 0:
        q = c.leader_choice_probabilities()
        p_lead = float(q[FORCES] + q[OTHER])
        expected = c.params.w_leader * (2 * p_lead - 1)
        detail = f"the leader, {name}, honours with probability {p_lead:.0%}"
    else:
        expected = c.params.w_leader * float(c.stance or 0.0)
        detail = f"the leader, {name}, is the one asking"
    out = []
    for i, m in enumerate(c.members):
        if i == c.leader_index:
            out.append(m)
            continue
        out.append(replace(m, drivers=(*m.drivers, Driver("leader", 1.0, expected, detail))))
    return tuple(out)


def _convolve(state: FloatArray, q: FloatArray, sets_flag: bool = True) -> FloatArray:
    """Add one member with choice probabilities q to a (support, block, lead-forces) distribution.

    ``sets_flag``: whether this member's forces count as the lead nation's (see :func:`crisis.respond`).
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

    >>> # see tests/sim/crisis/test_crisis.py for a check against the Monte Carlo
    """
    n = c.n
    proc = c.procedure
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
            passed = decide(proc.rule, s_grid, k_grid, proc.n_voters, proc.requester_votes)
            codes = classify(
                passed, np.full_like(s_grid, f), s_grid, proc.collective_possible, proc.rule is not DecisionRule.NONE
            )
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
