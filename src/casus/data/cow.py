"""Correlates of War State System Membership (v2016) and Major Powers (v2016) loaders.

References:
    Correlates of War Project. 2017. "State System Membership List, v2016." http://correlatesofwar.org
"""

from __future__ import annotations

import os

import pandas as pd

from casus.data._io import build_dates, read_csv_checked, resolve

_SPELL_DTYPES = {
    "stateabb": "str",
    "ccode": "int16",
    "styear": "int16",
    "stmonth": "int8",
    "stday": "int8",
    "endyear": "int16",
    "endmonth": "int8",
    "endday": "int8",
    "version": "int16",
}


def _spells(src: os.PathLike[str] | str, df: pd.DataFrame) -> pd.DataFrame:
    from pathlib import Path

    p = Path(src)
    start, _ = build_dates(p, "st", df["styear"], df["stmonth"], df["stday"])
    end, _ = build_dates(p, "end", df["endyear"], df["endmonth"], df["endday"])
    ongoing = (df["endyear"] == 2016) & (df["endmonth"] == 12) & (df["endday"] == 31)
    extra = pd.DataFrame({"start_date": start, "end_date": end, "ongoing": ongoing.to_numpy(bool)}, index=df.index)
    return pd.concat([df, extra], axis=1)


def load_states(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load COW state-system membership spells (``states2016.csv``, 243 rows).

    An end date of 2016-12-31 means "still a member at the end of the data": ``ongoing`` is True there,
    and ``end_date`` is the censoring date, not an exit.

    Returns:
        ``stateabb, ccode, statenme, styear…endday, version`` plus ``start_date``, ``end_date``
        (``datetime64[s]``) and ``ongoing``.

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("cow_states", "states2016.csv", path)
    return _spells(src, read_csv_checked(src, {**_SPELL_DTYPES, "statenme": "str"}))


def load_system(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load COW system membership by year (``system2016.csv``: 15,951 state-years, 1816-2016).

    Returns:
        ``stateabb`` (str), ``ccode``, ``year`` (int16), ``version``.

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("cow_states", "system2016.csv", path)
    return read_csv_checked(src, {"stateabb": "str", "ccode": "int16", "year": "int16", "version": "int16"})


def load_majors(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load COW major-power spells (``majors2016.csv``, 14 rows).

    Returns:
        The file's columns plus ``start_date``, ``end_date`` and ``ongoing`` (as :func:`load_states`).

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("cow_states", "majors2016.csv", path)
    return _spells(src, read_csv_checked(src, _SPELL_DTYPES))
