"""The shared adapter of the panel models: load the datasets into :class:`~casus.sim.panel.DynamicsFrames`.

The membership-dynamics model (:mod:`casus.sim.dynamics`) and the alignment model (:mod:`casus.sim.align`)
are built from the same state-year data: ATOP 5.1, COW system membership and major powers (v2016), NMC and
MID 5.0, read here through the loaders of :mod:`casus.data`, with the years they cover from their provenance
records (:mod:`casus.data.provenance`). Everything else takes the frames as arguments.
"""

from __future__ import annotations

import datetime as dt
import functools
import os

from casus.sim.panel import DynamicsFrames


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
    from casus.data.provenance import get_provenance

    versions = {"atop": "5.1", "cow_states": "2016", "nmc": nmc_version, "mid": "5.0"}
    atop, states = get_provenance("atop", versions["atop"]), get_provenance("cow_states", versions["cow_states"])
    nmc = load_nmc(path, version=nmc_version)
    return DynamicsFrames(
        members=load_atop_members(path),
        alliances=load_atop_alliances(path),
        system=load_system(path)[["ccode", "year"]],
        nmc=nmc[["ccode", "year", "cinc"]],
        majors=load_majors(path)[["ccode", "styear", "endyear"]],
        mida=load_mida(path)[["dispnum", "styear"]],
        midb=load_midb(path)[["dispnum", "ccode", "styear", "endyear", "sidea", "orig"]],
        first_year=states.coverage_start,
        observed_until=atop.observed_until or dt.date(atop.coverage_end, 12, 31),
        versions=versions,
    )
