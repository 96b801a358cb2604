"""Dataset adapters: ATOP, COW states/majors, NMC and MID loaders, frames, similarity, provenance.

The Python counterpart of R's peacesciencer. ``import casus.data`` is cheap: pandas, numpy-heavy modules
and httpx are imported only when a loader, frame or fetch function is first used.

>>> from casus.data import cite, versions
>>> "Leeds" in cite("atop")
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from casus.data.cache import find_dataset_file, user_cache_dir
from casus.data.fetch import FetchedFile, fetch  # eager: the function, not the submodule, is casus.data.fetch
from casus.data.provenance import DatasetFile, Provenance, cite, get_provenance, versions

if TYPE_CHECKING:
    from casus.data.atop import (
        load_atop_alliances,
        load_atop_ddyr,
        load_atop_inst,
        load_atop_members,
        load_atop_state_years,
        member_years,
        pledge_spells,
        pledge_years,
    )
    from casus.data.cow import load_majors, load_states, load_system
    from casus.data.frames import (
        add_atop,
        add_majors,
        add_mids,
        add_nmc,
        build_frame,
        dyad_years,
        state_years,
        write_frame,
    )
    from casus.data.mid import load_mida, load_midb, mid_dyad_years
    from casus.data.nmc import load_nmc
    from casus.data.similarity import add_similarity, dyad_similarity, s_score, similarity_year, tau_b

_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "load_atop_members",
            "load_atop_alliances",
            "load_atop_state_years",
            "load_atop_ddyr",
            "load_atop_inst",
            "pledge_spells",
            "pledge_years",
            "member_years",
        ),
        "casus.data.atop",
    ),
    **dict.fromkeys(("load_states", "load_system", "load_majors"), "casus.data.cow"),
    "load_nmc": "casus.data.nmc",
    **dict.fromkeys(("load_mida", "load_midb", "mid_dyad_years"), "casus.data.mid"),
    **dict.fromkeys(
        (
            "state_years",
            "dyad_years",
            "add_atop",
            "add_nmc",
            "add_majors",
            "add_mids",
            "build_frame",
            "write_frame",
        ),
        "casus.data.frames",
    ),
    **dict.fromkeys(
        ("s_score", "tau_b", "dyad_similarity", "similarity_year", "add_similarity"), "casus.data.similarity"
    ),
}

__all__ = [
    "DatasetFile",
    "FetchedFile",
    "Provenance",
    "add_atop",
    "add_majors",
    "add_mids",
    "add_nmc",
    "add_similarity",
    "build_frame",
    "cite",
    "dyad_similarity",
    "dyad_years",
    "fetch",
    "find_dataset_file",
    "get_provenance",
    "load_atop_alliances",
    "load_atop_ddyr",
    "load_atop_inst",
    "load_atop_members",
    "load_atop_state_years",
    "load_majors",
    "load_mida",
    "load_midb",
    "load_nmc",
    "load_states",
    "load_system",
    "member_years",
    "mid_dyad_years",
    "pledge_spells",
    "pledge_years",
    "s_score",
    "similarity_year",
    "state_years",
    "tau_b",
    "user_cache_dir",
    "versions",
    "write_frame",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'casus.data' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
