"""The compile step: a scenario and the knowledge as of its date become one frozen :class:`CompiledCrisis`.

:func:`compile_crisis` is the only place where the crisis model reads the knowledge base and the country
data. In one pass it

1. assesses the procedure (:func:`~casus.sim.crisis.procedure.assess_procedure`: the casus-foederis
   engine's verdict on the organization's treaties, the deciding body and its rule, who votes, who helps);
2. checks the choices the scenario fixes (``force:``) against the helpers;
3. computes every helper's drivers from the data as of the scenario date
   (:func:`~casus.sim.crisis.reliability.member_features`) and finds the leading member;
4. applies the parameters (:func:`~casus.sim.crisis.reliability.member_model`) and turns the helpers'
   choice models into arrays.

Everything a run needs is then in the compiled crisis, and nothing goes back to the knowledge base: the
Monte Carlo (:mod:`~casus.sim.crisis.simulate`), the exact distribution (:mod:`~casus.sim.crisis.exact`)
and the Mesa twin (:mod:`~casus.sim.crisis.agents`) all run the same :class:`CompiledCrisis`. Steps 1-3 do
not depend on the parameters, so :meth:`CompiledCrisis.with_params` redoes only step 4 — the backtest, the
Sobol analysis and the sweeps evaluate many parameter sets on one compiled crisis.

Members choose in two stages: the leading member first, then every other helper independently given the
leader's stance. A collective deployment needs a lead nation: the leading member, when it is a helper, must
send forces (the framework-nation practice of NATO and CSTO deployments). That structure makes the
organization's response computable exactly (:func:`~casus.sim.crisis.exact.exact_responses`).

>>> import datetime as dt
>>> from casus.curated import load_kb
>>> s = Scenario(name="demo", on=dt.date(2022, 9, 13), organization="CSTO", attacker="Azerbaijan",
...              target="Armenia", article="4", request="forces")
>>> c = compile_crisis(load_kb(), s)
>>> c.procedure.basis.value, c.procedure.rule.value, c.n
('defence_triggered', 'consensus', 5)
>>> c.with_params(c.params.with_overrides({"base_reliability": 0.22})).params.base_reliability
0.22
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from casus.errors import ScenarioError
from casus.kb.knowledge import KnowledgeBase
from casus.sim.crisis.decision import CHOICE_CODE, FORCES, OTHER, Decision
from casus.sim.crisis.evidence import Evidence
from casus.sim.crisis.params import Params
from casus.sim.crisis.procedure import Basis, Procedure, assess_procedure
from casus.sim.crisis.reliability import Driver, Features, MemberModel, member_features, member_model
from casus.sim.crisis.scenario import Choice, RequestKind, Scenario

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def _no_forced() -> Mapping[str, Choice]:
    return MappingProxyType({})


@dataclass(frozen=True, eq=False)
class CompiledCrisis:
    """Everything a run of one scenario needs, as plain arrays.

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
        features: The helpers' drivers as data (what :meth:`with_params` starts from).
        leader_name: The leading member's display name.
        forced_choices: The scenario's fixed choices by state id.
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
    features: tuple[Features, ...] = ()
    leader_name: str | None = None
    forced_choices: Mapping[str, Choice] = field(default_factory=_no_forced)

    @property
    def n(self) -> int:
        """Number of helpers."""
        return len(self.members)

    @property
    def decision(self) -> Decision:
        """How the organization decides (what a run applies to the members' choices)."""
        return self.procedure.decision

    def with_params(self, params: Params) -> CompiledCrisis:
        """The same crisis under other parameters (used as they are: the scenario's overrides are not reapplied).

        Only the parameter step is redone; the procedure, the drivers and the leader are kept.
        """
        return _assemble(
            self.scenario, self.procedure, params, self.features, self.leader, self.leader_name, self.forced_choices
        )

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

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # rebuilt from its inputs (the scenario's read-only mappings cannot be pickled as they are)
        forced = dict(self.forced_choices)
        return (_assemble, (self.scenario, self.procedure, self.params, self.features, self.leader,
                            self.leader_name, forced))  # fmt: skip


def compile_crisis(
    kb: KnowledgeBase,
    scenario: Scenario,
    evidence: Evidence | None = None,
    params: Params | None = None,
) -> CompiledCrisis:
    """Compile a scenario against the knowledge as of its date: procedure, drivers, choice models.

    Args:
        kb: The knowledge base (membership, treaties and ties as of the scenario date).
        scenario: The scenario.
        evidence: Country data (default: none — data-driven drivers then have no effect).
        params: Base parameters (default: the calibrated ones); the scenario's overrides apply on top.

    Raises:
        ScenarioError: A forced member that is not a participating helper, or a bad organization.
        UnknownEntityError: An unknown state or place.
    """
    proc = assess_procedure(kb, scenario)
    forced = _forced_choices(kb, scenario, proc)
    features, leader = member_features(kb, proc, evidence or Evidence.empty())
    leader_name = kb.states.get(leader).name if leader is not None else None
    return _assemble(scenario, proc, scenario.params(params), features, leader, leader_name, forced)


def _forced_choices(kb: KnowledgeBase, scenario: Scenario, proc: Procedure) -> dict[str, Choice]:
    """The scenario's fixed choices by state id (each must be a helper)."""
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
    return forced


def _assemble(
    scenario: Scenario,
    proc: Procedure,
    p: Params,
    feats: tuple[Features, ...],
    leader: str | None,
    leader_name: str | None,
    forced: Mapping[str, Choice],
) -> CompiledCrisis:
    """Apply the parameters to the helpers' features and lay the result out as arrays."""
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
        features=tuple(feats),
        leader_name=leader_name,
        forced_choices=MappingProxyType(dict(forced)),
    )
    return replace(draft, members=_with_leader_driver(draft))


def _sigmoid(x: FloatArray) -> FloatArray:
    out: FloatArray = 1.0 / (1.0 + np.exp(-x))
    return out


def _with_leader_driver(c: CompiledCrisis) -> tuple[MemberModel, ...]:
    """Add the leader's expected effect to every other helper's drivers (for the reasons shown)."""
    if c.leader is None:
        return c.members
    if c.leader_index >= 0:
        q = c.leader_choice_probabilities()
        p_lead = float(q[FORCES] + q[OTHER])
        expected = c.params.w_leader * (2 * p_lead - 1)
        detail = f"the leader, {c.leader_name}, honours with probability {p_lead:.0%}"
    else:
        expected = c.params.w_leader * float(c.stance or 0.0)
        detail = f"the leader, {c.leader_name}, is the one asking"
    out = []
    for i, m in enumerate(c.members):
        if i == c.leader_index:
            out.append(m)
            continue
        out.append(replace(m, drivers=(*m.drivers, Driver("leader", 1.0, expected, detail))))
    return tuple(out)
