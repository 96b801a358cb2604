"""Fitting the crisis model: the fast exact path, the penalised fit, folds, and the frozen fit file."""

from __future__ import annotations

import math

import numpy as np
import pytest

from casus.sim.crisis import fit as F
from casus.sim.crisis.exact import exact_responses
from casus.sim.crisis.io import fitted_params, load_episodes, load_fit, load_holdout
from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.params import Params
from casus.sim.crisis.split import select


@pytest.fixture(scope="module")
def cases(kb, evidence):  # type: ignore[no-untyped-def]
    train = select(load_episodes(), load_holdout().holdout, "train")
    return [
        F.Case(e.id, compile_crisis(kb, e.scenario(), evidence), e.honoured, e.request.honoured_by(), e.request)
        for e in train
    ]


def test_fast_path_equals_the_exact_distribution(cases):
    # every rule (consensus, two-thirds, majority, none) and leader layout in the training episodes
    p = Params(base_reliability=0.6, w_ties=-0.8, w_leader=1.4, block_base=0.05, leader_block=0.4)
    for c in cases:
        slow = exact_responses(c.compiled.with_params(p))
        fast = F.fast_responses(F.reapply(c.compiled, F._arrays(c.compiled), p))
        assert all(math.isclose(slow[r], fast[r], abs_tol=1e-12) for r in slow), c.id
    rules = {c.compiled.decision.rule.value for c in cases}
    assert {"consensus", "two_thirds"} <= rules


def test_a_fit_lowers_the_training_loss_and_keeps_dropped_weights_at_zero(cases):
    few = [c for c in cases if c.compiled.n <= 12][:12]
    y = np.array([c.honoured for c in few], dtype=float)
    before = F.log_loss(F.predict(few, Params()), y)
    result = F.fit(few, drop=("distance", "leader"), max_evals=400)
    after = F.log_loss(F.predict(few, result.params), y)
    assert after <= before
    assert result.params.w_distance == 0.0 and result.params.w_leader == 0.0
    assert result.params.forces_base == Params().forces_base  # not a free parameter


def test_folds_partition_the_cases():
    parts = F.folds(39, 5)
    assert sorted(np.concatenate(parts).tolist()) == list(range(39))
    assert max(len(p) for p in parts) - min(len(p) for p in parts) <= 1


def test_the_frozen_fit_never_saw_the_holdout():
    fit = load_fit()
    held = set(load_holdout().holdout)
    assert not held & set(fit["train_episodes"])
    assert set(fit["dropped"]) <= set(F.GROUPS)
    p = fitted_params()
    for group in fit["dropped"]:
        for w in F.GROUPS[group]:
            assert getattr(p, w) == 0.0
    variants = [r["variant"] for r in fit["ablation"]]
    assert variants[0] == "all drivers" and len(variants) == len(F.GROUPS) + 2
    rates = fit["base_rates"]["by_request"]
    assert rates["consultation"] > rates["forces"] or rates["consultation"] == 1.0
