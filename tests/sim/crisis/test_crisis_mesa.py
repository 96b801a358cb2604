"""The Mesa agent-based twin gives the same distributions as the vectorised numpy model."""

from __future__ import annotations

import numpy as np
import pytest

from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.simulate import run_compiled

pytest.importorskip("mesa")
stats = pytest.importorskip("scipy.stats")


@pytest.mark.parametrize("name", ["armenia", "kazakhstan"])
def test_mesa_and_numpy_distributions_match(kb, evidence, request, name):
    from casus.sim.crisis.agents import run_mesa

    c = compile_crisis(kb, request.getfixturevalue(name), evidence)
    mesa_responses, mesa_choices = run_mesa(c, 4000, seed=7)
    numpy_result = run_compiled(c, 40_000, rng=7)
    table = np.array([mesa_responses, numpy_result.response_counts])
    table = table[:, table.sum(axis=0) > 0]
    assert stats.chi2_contingency(table).pvalue > 0.001
    for i in range(c.n):
        t = np.array([mesa_choices[i], numpy_result.member_counts[i]])
        t = t[:, t.sum(axis=0) > 0]
        if t.shape[1] > 1:
            assert stats.chi2_contingency(t).pvalue > 0.001, c.members[i].name
