"""Adapter at the edge: fill :class:`~casus.sim.evidence.Evidence` from the COW and ATOP datasets.

This is the only module of :mod:`casus.sim` that reads data files; it does so through the loaders of
:mod:`casus.data` (NMC 7.0, COW major powers 2016, MID 5.0 dyad-years, the reduced ATOP 5.1 directed
dyad-year file). A missing dataset is not an error: that part of the evidence is left empty and the
drivers that need it report "no data".
"""

from __future__ import annotations

import functools
import warnings

import numpy as np

from casus.errors import CasusError
from casus.sim.evidence import Evidence


@functools.cache
def load_evidence(nmc_version: str = "7.0") -> Evidence:
    """Evidence from the datasets on this machine (cached per process).

    Args:
        nmc_version: NMC version for CINC and military personnel (``7.0``: 1816–2022; ``6.0``: to 2016).

    Returns:
        The evidence; a dataset that cannot be found leaves its part empty (with a warning).
    """
    parts: dict[str, object] = {}
    try:
        from casus.data.nmc import load_nmc

        nmc = load_nmc(version=nmc_version)
        parts.update(
            nmc_ccode=nmc["ccode"].to_numpy(np.int64),
            nmc_year=nmc["year"].to_numpy(np.int64),
            nmc_cinc=nmc["cinc"].to_numpy(np.float64, na_value=np.nan),
            nmc_milper=nmc["milper"].to_numpy(np.float64, na_value=np.nan),
            nmc_label=f"COW NMC {nmc_version}",
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"capabilities unavailable: {err}", stacklevel=2)
    try:
        from casus.data.cow import load_majors

        majors = load_majors()
        parts.update(
            major_ccode=majors["ccode"].to_numpy(np.int64),
            major_start=np.array([d.toordinal() for d in majors["start_date"].dt.date], dtype=np.int64),
            major_end=np.array([d.toordinal() for d in majors["end_date"].dt.date], dtype=np.int64),
            majors_until=majors["end_date"].max().date(),
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"major powers unavailable: {err}", stacklevel=2)
    try:
        from casus.data.mid import mid_dyad_years

        mids = mid_dyad_years()
        onset = mids.loc[mids["mid_onset"] == 1]
        parts.update(
            mid_a=onset["ccode1"].to_numpy(np.int64),
            mid_b=onset["ccode2"].to_numpy(np.int64),
            mid_year=onset["year"].to_numpy(np.int64),
            mid_until=int(mids["year"].max()),
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"disputes unavailable: {err}", stacklevel=2)
    try:
        from casus.data.atop import load_atop_ddyr

        ddyr = load_atop_ddyr()
        keep = (ddyr["atop_defense"] + ddyr["atop_consul"]) > 0
        ddyr = ddyr.loc[keep]
        parts.update(
            atop_a=ddyr["ccode1"].to_numpy(np.int64),
            atop_b=ddyr["ccode2"].to_numpy(np.int64),
            atop_year=ddyr["year"].to_numpy(np.int64),
            atop_defense=ddyr["atop_defense"].to_numpy(np.int64),
            atop_consul=ddyr["atop_consul"].to_numpy(np.int64),
            atop_until=int(ddyr["year"].max()),
        )
    except (CasusError, ImportError) as err:
        warnings.warn(f"alliance pledges unavailable: {err}", stacklevel=2)
    return Evidence(**parts)  # type: ignore[arg-type]
