"""Sobol indices over the scenario's uncertain parameters."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("SALib")


@pytest.mark.slow
def test_sobol_indices_rank_the_assumptions(kb, evidence, armenia):
    from casus.sim.crisis.sensitivity import sobol_indices

    r = sobol_indices(kb, armenia, evidence, n=64, rng=1)
    assert r.evaluations == 64 * (len(r.names) + 2)
    assert all(math.isfinite(v) for v in (*r.s1, *r.st))
    top = [row["parameter"] for row in r.ranked()[:5]]
    assert "w_ties" in top or "base_reliability" in top
    assert 0.0 <= r.p05 <= r.mean <= r.p95 <= 1.0
    again = sobol_indices(kb, armenia, evidence, n=64, rng=1)
    assert again.st == r.st


def test_sobol_rejects_unknown_parameters(kb, armenia):
    from casus.errors import ScenarioError
    from casus.sim.crisis.sensitivity import sobol_indices

    with pytest.raises(ScenarioError, match="no range"):
        sobol_indices(kb, armenia, names=["w_nothing"], n=8)
    with pytest.raises(ScenarioError, match="response"):
        sobol_indices(kb, armenia, response="war", n=8)


def test_a_scenario_override_does_not_pin_a_varied_parameter(kb):
    """Regression: the scenario's overrides are the centre of the Sobol' design, not a pin on every sample."""
    from casus.sim.crisis.io import load_scenario
    from casus.sim.crisis.sensitivity import sobol_indices

    scenario = load_scenario("kazakhstan-2022-01")
    pinned = scenario.with_changes(overrides={"base_reliability": 0.41})
    free = sobol_indices(kb, scenario, names=("base_reliability", "w_ties"), n=64, rng=3)
    centred = sobol_indices(kb, pinned, names=("base_reliability", "w_ties"), n=64, rng=3)
    assert centred.st[0] > 0.05  # base_reliability still varies
    assert centred.st == free.st
