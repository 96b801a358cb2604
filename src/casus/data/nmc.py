"""Correlates of War National Material Capabilities (NMC) loaders, versions 6.0 and 7.0.

References:
    Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, Uncertainty, and
    Major Power War, 1820-1965." In Bruce Russett (ed.), *Peace, War, and Numbers*. Beverly Hills: Sage.

    Singer, J. David. 1987. "Reconstructing the Correlates of War Dataset on Material Capabilities of
    States, 1816-1985." *International Interactions* 14: 115-132.
"""

from __future__ import annotations

import os

import pandas as pd

from casus.data._io import read_csv_checked, resolve
from casus.errors import InvalidInputError

COMPONENTS: tuple[str, ...] = ("milex", "milper", "irst", "pec", "tpop", "upop")
"""The six NMC components, in the file's order."""

NMC_VERSIONS: dict[str, str] = {
    "6.0": "NMC-60-abridged.csv",
    "7.0": "NMC-7.0-abridged_peacesciencer.csv",
}


def load_nmc(path: str | os.PathLike[str] | None = None, version: str = "6.0") -> pd.DataFrame:
    """Load NMC state-years: the six components and CINC.

    Missing values are ``-9`` in 6.0 and empty fields in 7.0 (peacesciencer recoded them); both become
    NaN. CINC is kept as published: it averages a state's non-missing components, so yearly sums run from
    1.000 to 1.075, never assume they are 1.

    Args:
        path: The CSV, or a folder holding it; default: search the data folders.
        version: ``"6.0"`` (official file, 1816-2016, 15,951 rows) or ``"7.0"`` (peacesciencer's
            conversion, 1816-2022, 17,121 rows).

    Returns:
        ``ccode``, ``year`` (int16), the components and ``cinc`` (float64). 6.0 also keeps ``stateabb``.

    Raises:
        InvalidInputError: Unknown version.
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.

    References:
        Singer, Bremer and Stuckey 1972; Singer 1987.
    """
    if version not in NMC_VERSIONS:
        raise InvalidInputError(f"NMC version {version!r} is not supported; use one of {sorted(NMC_VERSIONS)}")
    src = resolve("nmc", NMC_VERSIONS[version], path)
    dtypes: dict[str, str] = {
        "ccode": "int16",
        "year": "int16",
        **{c: "float64" for c in COMPONENTS},
        "cinc": "float64",
    }
    if version == "6.0":
        return read_csv_checked(src, {"stateabb": "str", **dtypes, "version": "int16"}, na_values=("-9",))
    return read_csv_checked(src, dtypes)
