"""Adapter: load the datasets the dynamics and alignment models need into a :class:`DynamicsFrames`.

This is the only module of the dynamics/alignment code that reads files, through the loaders of
:mod:`casus.data` (ATOP 5.1, COW states/majors 2016, NMC, MID 5.0). Everything else takes the frames as
arguments. It belongs with the adapters; it lives here until :mod:`casus.data` grows a home for it.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from casus.sim.hazard_data import DynamicsFrames

if TYPE_CHECKING:
    from casus.sim.hazard import HazardSuite
    from casus.sim.hazard_tests import Effect


@functools.lru_cache(maxsize=4)
def load_dynamics_frames(path: str | os.PathLike[str] | None = None, nmc_version: str = "6.0") -> DynamicsFrames:
    """Load ATOP 5.1, COW system membership and majors (v2016), NMC and MID 5.0 (cached per process).

    Args:
        path: A folder holding the datasets (default: the data folders :mod:`casus.data.cache` searches).
        nmc_version: ``"6.0"`` (the default, 1816-2016) or ``"7.0"`` (1816-2022).

    Raises:
        DataUnavailableError: A dataset is not on this machine (the message says how to fetch it).
    """
    from casus.data.atop import load_atop_alliances, load_atop_members
    from casus.data.cow import load_majors, load_system
    from casus.data.mid import load_mida, load_midb
    from casus.data.nmc import load_nmc

    nmc = load_nmc(path, version=nmc_version)
    return DynamicsFrames(
        members=load_atop_members(path),
        alliances=load_atop_alliances(path),
        system=load_system(path)[["ccode", "year"]],
        nmc=nmc[["ccode", "year", "cinc"]],
        majors=load_majors(path)[["ccode", "styear", "endyear"]],
        mida=load_mida(path)[["dispnum", "styear"]],
        midb=load_midb(path)[["dispnum", "ccode", "styear", "endyear", "sidea", "orig"]],
        versions={"atop": "5.1", "cow_states": "2016", "nmc": nmc_version, "mid": "5.0"},
    )


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
    from casus.sim.hazard import fit_hazard_models

    return fit_hazard_models(load_dynamics_frames(path, nmc_version), split_year=split_year)


@functools.lru_cache(maxsize=4)
def load_hypothesis_tests(
    path: str | None = None, nmc_version: str = "6.0", split_year: int = 1990
) -> tuple[Effect, Effect]:
    """The two hypothesis tests (threat brings members; cohesion) on :func:`load_fitted_suite`, cached."""
    from casus.sim.hazard_tests import cohesion_effect, threat_effect

    suite = load_fitted_suite(path, nmc_version, split_year)
    return threat_effect(suite), cohesion_effect(suite)
