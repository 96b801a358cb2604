"""Fitting the crisis model's reliability parameters on real episodes (penalised maximum likelihood).

The hand-set parameters of :class:`~casus.sim.crisis.params.Params` are the *prior*: each free parameter is
pulled towards its hand-set value by a Gaussian penalty (σ = :data:`PRIOR_SCALE` on the log-odds scale for
probabilities, on the weight itself for weights), and moved by the likelihood of the training episodes'
honoured / not-honoured outcomes under the model's *exact* response probabilities. The objective is

    mean log loss over the episodes + Σ ((θ − θ₀) / σ)² / (2 N)

(a maximum a posteriori fit, the prior counting as one pseudo-episode per parameter). Probabilities are
optimised on the logit scale. Only the parameters that change P(honoured) are free (:data:`FREE`); the
timing and troop parameters are not identified by honoured/not-honoured data and keep their values.

Every evaluation re-applies the parameters to the compiled drivers with array arithmetic (the same formulas
as :func:`~casus.sim.crisis.reliability.member_model` and :func:`~casus.sim.crisis.model.compile_crisis`; a
test checks equality with :meth:`CompiledCrisis.with_params`), so a fit over 40 episodes takes seconds.

The ablation (:func:`ablation`) refits with a group of drivers switched off (weights fixed at 0) and scores
each variant by K-fold cross-validation *on the training episodes*: the hold-out is never used to choose.

References:
    Gelman, Andrew, et al. 2013. *Bayesian Data Analysis*, 3rd ed., ch. 4 (posterior mode as a penalised
    likelihood).

    Brier 1950; Leeds, Long & Mitchell 2000; Berkemeier & Fuhrmann 2018 (see :mod:`casus.sim.crisis.backtest`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize

from casus.kb.organizations import DecisionRule
from casus.sim.crisis.decision import ABSTAIN, BLOCK, FORCES, OTHER
from casus.sim.crisis.model import CompiledCrisis
from casus.sim.crisis.params import Params, logit
from casus.sim.crisis.procedure import Basis
from casus.sim.crisis.reliability import DRIVERS
from casus.sim.crisis.scenario import RESPONSES, RequestKind, Response

FloatArray = npt.NDArray[np.float64]

PROBABILITIES = frozenset({"base_reliability", "block_base", "leader_block", "forces_base"})

FREE: tuple[str, ...] = (
    "base_reliability",
    "shift_indeterminate",
    "shift_permission",
    "shift_consultation",
    "shift_none",
    "w_capability",
    "w_major",
    "w_distance",
    "w_adversary",
    "w_ties",
    "w_mid_adversary",
    "w_mid_target",
    "w_leader",
    "block_base",
    "block_ties",
    "block_mid_target",
    "leader_block",
)
"""The parameters a fit moves (those that change whether a request is honoured)."""

GROUPS: dict[str, tuple[str, ...]] = {
    "capability": ("w_capability",),
    "major_power": ("w_major",),
    "distance": ("w_distance",),
    "adversary": ("w_adversary",),
    "ties": ("w_ties", "block_ties"),
    "disputes": ("w_mid_adversary", "w_mid_target", "block_mid_target"),
    "leader": ("w_leader",),
}
"""Member-level driver groups for the ablation (each group's weights are fixed at 0 when it is dropped)."""

PRIOR_SCALE = 1.0
EPS = 1e-6


@dataclass(frozen=True)
class Case:
    """One training or test episode: its compiled crisis and what counts as honouring it."""

    id: str
    compiled: CompiledCrisis
    honoured: bool
    ok: frozenset[Response]
    request: RequestKind


@dataclass(frozen=True)
class _Arrays:
    x: FloatArray  # (n, len(DRIVERS))
    is_leader: npt.NDArray[np.bool_]
    basis: Basis
    consult_only: bool


def _arrays(c: CompiledCrisis) -> _Arrays:
    x = np.array([[f.x[k] for k in DRIVERS] for f in c.features], dtype=np.float64).reshape(len(c.features), -1)
    consult = c.procedure.basis is Basis.CONSULTATION and c.scenario.request is RequestKind.CONSULTATION
    return _Arrays(x, np.array([f.is_leader for f in c.features], dtype=bool), c.procedure.basis, consult)


def _sig(z: FloatArray) -> FloatArray:
    out: FloatArray = 1.0 / (1.0 + np.exp(-z))
    return out


_SHIFT = {
    Basis.DEFENCE_TRIGGERED: None,
    Basis.DEFENCE_INDETERMINATE: "shift_indeterminate",
    Basis.PERMISSION: "shift_permission",
    Basis.CONSULTATION: "shift_consultation",
    Basis.NONE: "shift_none",
}
_W = ("w_capability", "w_major", "w_distance", "w_adversary", "w_ties", "w_mid_adversary", "w_mid_target")


def reapply(c: CompiledCrisis, a: _Arrays, p: Params) -> CompiledCrisis:
    """``c.with_params(p)`` restricted to what :func:`exact_responses` reads (array arithmetic only)."""
    shift_name = _SHIFT[a.basis]
    shift = getattr(p, shift_name) if shift_name else 0.0
    w = np.array([getattr(p, k) for k in _W])
    eta = logit(p.base_reliability) + shift + a.x @ w
    col = {k: a.x[:, i] for i, k in enumerate(DRIVERS)}
    p_forces = _sig(
        logit(p.forces_base)
        + p.forces_capability * col["capability"]
        + p.forces_major * col["major_power"]
        + p.forces_distance * col["distance"]
        + (p.forces_shift_consultation if a.consult_only else 0.0)
    )
    base_block = np.where(a.is_leader, logit(p.leader_block), logit(p.block_base))
    p_block = _sig(base_block + p.block_ties * col["ties"] + p.block_mid_target * col["mids_target"])
    not_leader = np.arange(len(eta)) != c.leader_index
    if c.stance is None:
        p_yes, p_no = _sig(eta + p.w_leader * not_leader), _sig(eta - p.w_leader * not_leader)
    else:
        p_yes = p_no = _sig(eta + p.w_leader * c.stance)
    return replace(c, params=p, p_yes=p_yes, p_no=p_no, p_forces=p_forces, p_block=p_block)


def p_honoured(probs: Mapping[Response, float], ok: frozenset[Response]) -> float:
    """P(honoured), summed in the fixed order of RESPONSES (the same sum, bit for bit)."""
    return sum(probs[r] for r in RESPONSES if r in ok)


_COUNTING = frozenset({DecisionRule.MAJORITY, DecisionRule.TWO_THIRDS, DecisionRule.QUALIFIED_MAJORITY})


def _step(state: FloatArray, q: FloatArray, sets_flag: bool) -> FloatArray:
    """Add one member to K (support, any-block, lead-forces) distributions whose top support bin may saturate.

    ``state`` is (K, S, 2, 2), ``q`` the member's (K, 4) choice probabilities in each of the K branches.
    """
    a, f, o, b = (q[:, j, None, None, None] for j in (ABSTAIN, FORCES, OTHER, BLOCK))
    up = np.zeros_like(state)
    up[:, 1:] = state[:, :-1]
    if state.shape[1] == 2:  # saturating "one or more" bin
        up[:, -1] += state[:, -1]
    new: FloatArray = state * a
    if sets_flag:
        new[:, :, :, 1] += up.sum(axis=3) * f[..., 0]
    else:
        new += up * f
    new += up * o
    new[:, :, 1, :] += state.sum(axis=2) * b[..., 0]
    return new


def fast_responses(c: CompiledCrisis) -> dict[Response, float]:
    """:func:`~casus.sim.crisis.exact.exact_responses` with saturated counts (same values, far fewer cells).

    The decision reads the number of blockers only as "none or some", and — under consensus, unanimity or
    no collective body — the number of supporters only as "none or some"; the distribution is kept over
    those classes instead of every count, and the leader's four choices are run side by side.
    ``tests/sim/crisis/test_fit.py`` checks equality with the exact run.
    """
    n, decision, li = c.n, c.decision, c.leader_index
    size = n + 1 if decision.rule in _COUNTING else 2
    qy, qn = c.choice_probabilities(c.p_yes), c.choice_probabilities(c.p_no)
    if li >= 0:
        q_lead = c.leader_choice_probabilities()
        ks = [k for k in range(4) if q_lead[k] > 0]
        weights = np.array([q_lead[k] for k in ks])
        qs = np.stack([qy if k in (FORCES, OTHER) else qn for k in ks])
        for j, k in enumerate(ks):
            qs[j, li] = np.eye(4)[k]
    else:
        weights, qs = np.ones(1), qy[None]
    state = np.zeros((len(weights), size, 2, 2))
    state[:, 0, 0, 0] = 1.0
    for i in range(n):
        state = _step(state, qs[:, i], i == li or li < 0)
    dist = np.tensordot(weights, state, axes=1)  # (S, 2, 2)
    s_grid, b_grid, f_grid = np.meshgrid(np.arange(size), np.arange(2), np.arange(2), indexing="ij")
    codes = decision.outcome(s_grid, b_grid, f_grid)
    total = np.bincount(codes.ravel(), weights=dist.ravel(), minlength=len(RESPONSES))
    return {r: float(total[i]) for i, r in enumerate(RESPONSES)}


class _Problem:
    def __init__(self, cases: Sequence[Case], base: Params, free: Sequence[str]) -> None:
        self.cases = cases
        self.arrays = [_arrays(k.compiled) for k in cases]
        self.base = base
        self.free = tuple(free)
        self.theta0 = np.array([self._to(k, getattr(base, k)) for k in self.free])
        self.y = np.array([k.honoured for k in cases], dtype=float)

    @staticmethod
    def _to(name: str, v: float) -> float:
        return logit(v) if name in PROBABILITIES else v

    @staticmethod
    def _from(name: str, t: float) -> float:
        return 1.0 / (1.0 + math.exp(-t)) if name in PROBABILITIES else t

    def params(self, theta: FloatArray, zero: Sequence[str] = ()) -> Params:
        values = {k: self._from(k, float(t)) for k, t in zip(self.free, theta, strict=True)}
        values.update({k: 0.0 for k in zero})
        return replace(self.base, **values)

    def predict(self, p: Params) -> FloatArray:
        return np.array(
            [
                p_honoured(fast_responses(reapply(k.compiled, a, p)), k.ok)
                for k, a in zip(self.cases, self.arrays, strict=True)
            ]
        )

    def loss(self, theta: FloatArray, zero: Sequence[str]) -> float:
        q = np.clip(self.predict(self.params(theta, zero)), EPS, 1 - EPS)
        ll = -np.mean(self.y * np.log(q) + (1 - self.y) * np.log(1 - q))
        pen = float(np.sum(((theta - self.theta0) / PRIOR_SCALE) ** 2)) / (2 * len(self.cases))
        return float(ll) + pen


@dataclass(frozen=True)
class FitResult:
    """A fit: the parameters, the training loss and what was held fixed."""

    params: Params
    loss: float
    n: int
    dropped: tuple[str, ...]
    evaluations: int


def fit(
    cases: Sequence[Case], base: Params | None = None, *, drop: Sequence[str] = (), max_evals: int = 4000
) -> FitResult:
    """Fit the free parameters on ``cases`` (penalised maximum likelihood; L-BFGS-B, deterministic).

    Args:
        cases: Training episodes.
        base: Prior values and the values of the parameters that are not fitted (default: hand-set).
        drop: Driver groups (keys of :data:`GROUPS`) switched off: their weights fixed at 0.
        max_evals: Budget of objective evaluations.
    """
    zero = tuple(w for g in drop for w in GROUPS[g])
    free = [k for k in FREE if k not in zero]
    prob = _Problem(cases, base or Params(), free)
    res = minimize(
        prob.loss,
        prob.theta0,
        args=(zero,),
        method="L-BFGS-B",
        options={"maxfun": max_evals, "ftol": 1e-7, "eps": 1e-5},
    )
    return FitResult(prob.params(res.x, zero), float(res.fun), len(cases), tuple(drop), int(res.nfev))


def predict(cases: Sequence[Case], params: Params) -> FloatArray:
    """P(honoured) of each case under ``params``."""
    return _Problem(cases, params, ()).predict(params)


def folds(n: int, k: int, seed: int = 16) -> list[npt.NDArray[np.int64]]:
    """K fold index sets of ``range(n)`` (a seeded permutation)."""
    order = np.random.default_rng(seed).permutation(n)
    return [np.sort(order[i::k]) for i in range(k)]


def cross_validate(
    cases: Sequence[Case], *, drop: Sequence[str] = (), k: int = 3, base: Params | None = None, max_evals: int = 250
) -> FloatArray:
    """Out-of-fold P(honoured) of every case (each fold predicted by a fit on the others)."""
    out = np.zeros(len(cases))
    for test in folds(len(cases), k):
        held = set(test.tolist())
        train = [c for i, c in enumerate(cases) if i not in held]
        fitted = fit(train, base, drop=drop, max_evals=max_evals).params
        out[test] = predict([cases[i] for i in test], fitted)
    return out


def brier(p: FloatArray, y: FloatArray) -> float:
    """Mean Brier score."""
    return float(np.mean((p - y) ** 2))


def log_loss(p: FloatArray, y: FloatArray, eps: float = 0.01) -> float:
    """Mean log loss, probabilities clipped to [eps, 1 − eps] (as the backtest does)."""
    q = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def ablation(cases: Sequence[Case], *, k: int = 3, base: Params | None = None) -> list[dict[str, float | str]]:
    """Cross-validated Brier and log loss of the full fit and of the fit without each driver group."""
    y = np.array([c.honoured for c in cases], dtype=float)
    rows: list[dict[str, float | str]] = []
    full = cross_validate(cases, k=k, base=base)
    rows.append({"variant": "all drivers", "brier": brier(full, y), "log_loss": log_loss(full, y)})
    for g in GROUPS:
        p = cross_validate(cases, drop=(g,), k=k, base=base)
        rows.append({"variant": f"without {g}", "brier": brier(p, y), "log_loss": log_loss(p, y)})
    every = cross_validate(cases, drop=tuple(GROUPS), k=k, base=base)
    rows.append(
        {"variant": "procedure only (no member drivers)", "brier": brier(every, y), "log_loss": log_loss(every, y)}
    )
    return rows
