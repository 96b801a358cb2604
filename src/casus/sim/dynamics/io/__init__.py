"""The dynamics model's adapter: the hazard models fitted to the datasets, cached per process, and its charts.

The datasets themselves are loaded by :func:`casus.sim.io.load_dynamics_frames` (shared with the alignment
model); :mod:`casus.sim.dynamics.io.charts` draws a trajectory (PNG through matplotlib, HTML through Plotly).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from casus.sim.io import load_dynamics_frames

if TYPE_CHECKING:
    from casus.sim.dynamics.hazard import HazardSuite
    from casus.sim.dynamics.hypotheses import Effect


@functools.lru_cache(maxsize=4)
def load_fitted_suite(path: str | None = None, nmc_version: str = "6.0", split_year: int = 1990) -> HazardSuite:
    """Load the datasets and fit the three hazard models once per process (cached).

    Args:
        path: A folder holding the datasets (default: the data folders searched by :mod:`casus.data.cache`).
        nmc_version: NMC version.
        split_year: Last training year of the out-of-sample check.

    Raises:
        DataUnavailableError: A dataset is not on this machine.
    """
    from casus.sim.dynamics.hazard import fit_hazard_models

    return fit_hazard_models(load_dynamics_frames(path, nmc_version), split_year=split_year)


@functools.lru_cache(maxsize=4)
def load_hypothesis_tests(
    path: str | None = None, nmc_version: str = "6.0", split_year: int = 1990
) -> tuple[Effect, Effect]:
    """The two hypothesis tests (threat brings members; cohesion) on :func:`load_fitted_suite`, cached."""
    from casus.sim.dynamics.hypotheses import cohesion_effect, threat_effect

    suite = load_fitted_suite(path, nmc_version, split_year)
    return threat_effect(suite), cohesion_effect(suite)
