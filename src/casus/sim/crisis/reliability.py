"""Each member's choice: the reliability model and its drivers, computed from data as of the scenario date.

For member *i* the log-odds of honouring the request (sending forces or other assistance) is

    η_i = logit(base_reliability) + shift[basis] + Σ_k w_k · x_ik + w_leader · stance

with the drivers x (see :class:`~casus.sim.crisis.params.Params` for the weights and the references):

* ``capability`` — log of the member's CINC share among the helpers times their number (0 = equal share;
  clipped to ±3), COW NMC, latest year ≤ the scenario year;
* ``major_power`` — COW major-power status (the 2016 list carried forward after 2016);
* ``distance`` — log of the distance between the member's and the target's capitals, in thousands of km
  (clipped to [−2.5, 2.5]);
* ``adversary`` — log of the adversary's CINC over the member's (clipped to ±3; a non-state adversary is
  −3): the cost of taking it on (Leeds 2003);
* ``ties`` — commitments binding the member to the adversary: treaties in the knowledge base both are
  parties to on the date (other than the organization's own), or an ATOP 5.1 defence/consultation pledge
  (2018 carried forward), whichever is larger, capped at 2 (ATOP is not used against an adversary that
  was a party of the organization in the ten years up to the ATOP year used, since its pledge may be the
  organization's own);
* ``mids_adversary`` / ``mids_target`` — log(1 + years with a new MID against the adversary / against the
  target in the 20 years up to the scenario year), MID 5.0 (to 2014);
* ``leader`` — the leading member's stance: +1 if it honours, −1 if not (the leading member is the one
  with the largest CINC; when it is the requester its stance is +1).

Given honour, the member sends forces with a probability driven by capability, major-power status and
distance; given no honour it blocks with a probability driven by its ties to the adversary and its
disputes with the target (the leading member's baseline is ``leader_block``).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from casus.kb.knowledge import KnowledgeBase
from casus.obligations.conditions import is_party
from casus.sim.crisis.evidence import Evidence, Observation
from casus.sim.crisis.geography import distance_km
from casus.sim.crisis.params import Params, logit
from casus.sim.crisis.procedure import Basis, Procedure
from casus.sim.crisis.scenario import Choice

ATOP_OWN_WINDOW = 10
"""Years after an adversary left the organization during which an ATOP pledge to it is ignored."""


@dataclass(frozen=True)
class Driver:
    """One input of a member's choice and what it does to the odds of honouring.

    Attributes:
        name: ``basis``, ``capability``, ``major_power``, ``distance``, ``adversary``, ``ties``, ``mids_adversary``,
            ``mids_target`` or ``leader``.
        value: The driver's value x (as the model uses it).
        contribution: Its contribution to the honour log-odds (for ``leader``, the expected one).
        detail: What it is, with the data and year it comes from.
    """

    name: str
    value: float
    contribution: float
    detail: str


@dataclass(frozen=True)
class MemberModel:
    """A helper's compiled choice model.

    Attributes:
        state: State id.
        name: Display name.
        ccode: COW code (``None`` if the state has none).
        is_leader: Whether it is the leading member.
        eta: Honour log-odds without the leader term.
        p_forces: P(forces | honour).
        p_block: P(block | no honour).
        troops: Median troops it would send (0 when its military personnel is unknown).
        distance_km: Distance between its capital and the target's, when known.
        drivers: Its drivers (the leader term last; for the leader itself, absent).
        forced: A choice fixed by the scenario, if any.
    """

    state: str
    name: str
    ccode: int | None
    is_leader: bool
    eta: float
    p_forces: float
    p_block: float
    troops: float
    distance_km: float | None
    drivers: tuple[Driver, ...]
    forced: Choice | None = None

    def p_honour(self, stance: float, w_leader: float) -> float:
        """P(honour) given the leader's stance (+1, −1, or 0 when there is no leader effect)."""
        return _sigmoid(self.eta + (0.0 if self.is_leader else w_leader * stance))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _clip(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))


def _ccode(kb: KnowledgeBase, state_id: str | None) -> int | None:
    if state_id is None or state_id not in kb.states:
        return None
    cow = kb.states.get(state_id).cow
    return cow[0] if cow else None


def _kb_ties(kb: KnowledgeBase, proc: Procedure, state: str, adversary: str) -> list[str]:
    own = {proc.scope}
    titles = []
    for t in kb.treaties_in_force(proc.crisis.on):
        if t.party_scope in own or t.organization in own:
            continue
        if is_party(kb, t, state, proc.crisis.on) and is_party(kb, t, adversary, proc.crisis.on):
            titles.append(t.title)
    return titles


def _basis_shift(basis: Basis, p: Params) -> float:
    return {
        Basis.DEFENCE_TRIGGERED: 0.0,
        Basis.DEFENCE_INDETERMINATE: p.shift_indeterminate,
        Basis.PERMISSION: p.shift_permission,
        Basis.CONSULTATION: p.shift_consultation,
        Basis.NONE: p.shift_none,
    }[basis]


def _obs(o: Observation, default: float = 0.0) -> float:
    return default if o.value is None else o.value


@dataclass(frozen=True)
class Features:
    """A helper's drivers as data (independent of the parameters): values and what they rest on.

    Attributes:
        state: State id.
        name: Display name.
        ccode: COW code, if any.
        is_leader: Whether it is the leading member.
        x: Driver values by name (``capability``, ``major_power``, ``distance``, ``adversary``, ``ties``,
            ``mids_adversary``, ``mids_target``).
        details: What each value rests on, by driver name.
        milper: Military personnel (thousands), when known.
        distance_km: Capital distance to the target, when known.
    """

    state: str
    name: str
    ccode: int | None
    is_leader: bool
    x: dict[str, float]
    details: dict[str, str]
    milper: float | None
    distance_km: float | None


DRIVERS: tuple[str, ...] = (
    "capability",
    "major_power",
    "distance",
    "adversary",
    "ties",
    "mids_adversary",
    "mids_target",
)
_WEIGHT = {
    "capability": "w_capability",
    "major_power": "w_major",
    "distance": "w_distance",
    "adversary": "w_adversary",
    "ties": "w_ties",
    "mids_adversary": "w_mid_adversary",
    "mids_target": "w_mid_target",
}


@dataclass(frozen=True)
class _Setting:
    """What every helper's drivers are measured against: the date, the target, the adversary, the others."""

    on: dt.date
    target: str
    target_name: str
    t_code: int | None
    adversary: str | None
    adv_name: str
    a_code: int | None
    adv_cinc: Observation
    cinc: dict[str, Observation]
    total: float
    adversary_in_scope: bool


def member_features(kb: KnowledgeBase, proc: Procedure, evidence: Evidence) -> tuple[tuple[Features, ...], str | None]:
    """Each helper's drivers from the knowledge base and the data, as of the procedure's date.

    Returns:
        The helpers' features (name order) and the leading member's id (largest CINC among the helpers and
        the requester; ``None`` when no capability is known). The leader may be the requester.
    """
    on = proc.crisis.on
    year = on.year
    target = proc.crisis.target
    adversary = proc.crisis.attacker.state
    a_code = _ccode(kb, adversary)
    cinc: dict[str, Observation] = {}
    for s in (*proc.helpers, proc.requester):
        code = _ccode(kb, s)
        cinc[s] = evidence.cinc(code, year) if code is not None else Observation(None, None, source="CINC")
    known = {s: o.value for s, o in cinc.items() if o.value is not None}
    leader = max(known, key=lambda s: known[s]) if known else None
    atop_year = min(year, evidence.atop_until or year)
    setting = _Setting(
        on=on,
        target=target,
        target_name=kb.states.get(target).name,
        t_code=_ccode(kb, target),
        adversary=adversary,
        adv_name=proc.crisis.attacker.label,
        a_code=a_code,
        adv_cinc=evidence.cinc(a_code, year) if a_code is not None else Observation(None, None),
        cinc=cinc,
        total=sum(v for s, v in known.items() if s in proc.helpers),
        adversary_in_scope=adversary is not None
        and any(
            m.state == adversary
            and m.status.is_party
            and m.start.year <= atop_year
            and (m.end is None or m.end.year >= atop_year - ATOP_OWN_WINDOW)
            for m in kb.spells(proc.scope)
        ),
    )
    return tuple(_features(kb, proc, evidence, setting, s, s == leader) for s in proc.helpers), leader


def _features(
    kb: KnowledgeBase, proc: Procedure, evidence: Evidence, st: _Setting, s: str, is_leader: bool
) -> Features:
    """One helper's drivers (see the module docstring for each one)."""
    year = st.on.year
    n = len(proc.helpers)
    code = _ccode(kb, s)
    x: dict[str, float] = {}
    why: dict[str, str] = {}
    c = st.cinc[s]
    if c.value is not None and st.total > 0:
        x["capability"] = _clip(math.log(max(c.value / st.total * n, 1e-9)), -3.0, 3.0)
        why["capability"] = f"{c.value / st.total:.0%} of the helpers' CINC ({c.describe(year)})"
    else:
        x["capability"], why["capability"] = 0.0, "capability unknown"
    maj = evidence.is_major(code, st.on) if code is not None else Observation(None, None, source="COW major powers")
    x["major_power"] = _obs(maj)
    why["major_power"] = f"{'major power' if x['major_power'] else 'not a major power'} ({maj.describe(year)})"
    dist = distance_km(kb.states, s, st.target, st.on)
    x["distance"] = _clip(math.log(dist / 1000.0), -2.5, 2.5) if dist else 0.0
    why["distance"] = f"{dist:,.0f} km from {st.target_name}'s capital" if dist else "distance unknown"
    _adversary_drivers(kb, proc, evidence, st, s, code, x, why)
    for key, other, other_name in (
        ("mids_adversary", st.a_code, st.adv_name),
        ("mids_target", st.t_code, st.target_name),
    ):
        obs = evidence.mids_between(code, other, year) if code and other else Observation(None, None)
        x[key] = math.log1p(_obs(obs))
        why[key] = (
            f"MID onsets with {other_name} in 20 years: {int(_obs(obs))} ({obs.describe(year)})"
            if obs.value is not None
            else f"disputes with {other_name}: no data"
        )
    mil = evidence.milper(code, year) if code is not None else Observation(None, None)
    return Features(
        state=s,
        name=kb.states.get(s).name,
        ccode=code,
        is_leader=is_leader,
        x=x,
        details=why,
        milper=mil.value,
        distance_km=dist,
    )


def _adversary_drivers(
    kb: KnowledgeBase,
    proc: Procedure,
    evidence: Evidence,
    st: _Setting,
    s: str,
    code: int | None,
    x: dict[str, float],
    why: dict[str, str],
) -> None:
    """The ``adversary`` and ``ties`` drivers of helper ``s`` (filled into ``x`` and ``why``)."""
    year = st.on.year
    c = st.cinc[s]
    adversary, adv_name, adv_cinc = st.adversary, st.adv_name, st.adv_cinc
    if adversary is None:
        x["adversary"], why["adversary"] = -3.0, f"the adversary ({adv_name}) is not a state: cheap to take on"
    elif adv_cinc.value and c.value:
        x["adversary"] = _clip(math.log(adv_cinc.value / c.value), -3.0, 3.0)
        why["adversary"] = f"{adv_name} has {adv_cinc.value / c.value:.2g}× its CINC ({adv_cinc.describe(year)})"
    else:
        x["adversary"], why["adversary"] = 0.0, f"{adv_name}'s relative capability unknown"
    ties_kb = _kb_ties(kb, proc, s, adversary) if adversary else []
    # ATOP's dyad file has no alliance ids: against an adversary that was a party of this very
    # organization in the ten years up to the ATOP year used, its pledge may be the organization's own
    # (ATOP can lag a denunciation), so only the knowledge base's ties count.
    if code is not None and st.a_code is not None and not st.adversary_in_scope:
        atop = evidence.atop_pledge(code, st.a_code, year)
    else:
        atop = Observation(None, None)
    x["ties"] = float(min(2, max(len(ties_kb), int(_obs(atop)))))
    if adversary is None:
        why["ties"] = f"no ties to {adv_name} (not a state)"
    elif x["ties"]:
        parts = list(ties_kb) + ([f"pledge in {atop.describe(year)}"] if _obs(atop) else [])
        why["ties"] = f"ties to {adv_name}: " + "; ".join(parts)
    else:
        why["ties"] = f"no ties to {adv_name}"


def member_model(
    f: Features,
    params: Params,
    basis: Basis,
    *,
    consult_only: bool = False,
    forced: Choice | None = None,
) -> MemberModel:
    """Apply the parameters to a helper's features.

    Args:
        f: The helper's features.
        params: The parameters.
        basis: The organization's basis for action.
        consult_only: Whether only consultations were asked for (forces then less likely).
        forced: A choice fixed by the scenario.
    """
    x = f.x
    shift = _basis_shift(basis, params)
    drivers = [Driver("basis", 1.0, shift, f"pledge basis: {basis.value.replace('_', ' ')}")]
    drivers += [Driver(k, x[k], getattr(params, _WEIGHT[k]) * x[k], f.details[k]) for k in DRIVERS]
    eta = logit(params.base_reliability) + sum(d.contribution for d in drivers)
    p_forces = _sigmoid(
        logit(params.forces_base)
        + params.forces_capability * x["capability"]
        + params.forces_major * x["major_power"]
        + params.forces_distance * x["distance"]
        + (params.forces_shift_consultation if consult_only else 0.0)
    )
    p_block = _sigmoid(
        logit(params.leader_block if f.is_leader else params.block_base)
        + params.block_ties * x["ties"]
        + params.block_mid_target * x["mids_target"]
    )
    troops = params.troops_scale * f.milper**params.troops_exponent if f.milper and f.milper > 0 else 0.0
    return MemberModel(
        state=f.state,
        name=f.name,
        ccode=f.ccode,
        is_leader=f.is_leader,
        eta=eta,
        p_forces=p_forces,
        p_block=p_block,
        troops=troops,
        distance_km=f.distance_km,
        drivers=tuple(drivers),
        forced=forced,
    )
