"""Correlates of War Militarized Interstate Disputes 5.0 loaders, and MID dyad-years from participants.

References:
    Palmer, Glenn, et al. 2022. "The MID5 Dataset, 2011-2014: Procedures, coding rules, and description."
    *Conflict Management and Peace Science* 39(4): 470-482.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from casus.data._io import build_dates, read_csv_checked, resolve

_DATES = {"stday": "Int8", "stmon": "int8", "styear": "int16", "endday": "Int8", "endmon": "int8", "endyear": "int16"}


def _with_dates(src: os.PathLike[str] | str, df: pd.DataFrame) -> pd.DataFrame:
    from pathlib import Path

    p = Path(src)
    st, st_known = build_dates(p, "st", df["styear"], df["stmon"], df["stday"], missing_day="first")
    end, end_known = build_dates(p, "end", df["endyear"], df["endmon"], df["endday"], missing_day="last")
    extra = pd.DataFrame(
        {"start_date": st, "end_date": end, "st_day_known": st_known, "end_day_known": end_known}, index=df.index
    )
    return pd.concat([df, extra], axis=1)


def load_mida(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load MID 5.0 disputes (``MIDA_5.0.csv``: 2,436 disputes, 1816-2014).

    ``-9`` (missing) becomes NA. A missing start day is imputed as the 1st and a missing end day as the
    last day of the month in ``start_date``/``end_date``; ``st_day_known``/``end_day_known`` flag them.

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("mid", "MIDA_5.0.csv", path)
    dtypes = {"dispnum": "int32", **_DATES, "hostlev": "int8", "numa": "int16", "numb": "int16", "version": "int8"}
    return _with_dates(src, read_csv_checked(src, dtypes, other_dtype="Int32", na_values=("-9",)))


def load_midb(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load MID 5.0 participants (``MIDB_5.0.csv``: 5,883 participant rows).

    ``sidea == 1`` marks Side A (the side that took the first militarized action); ``hostlev`` is the
    participant's hostility level (1 no militarized action … 5 war). A state may have several rows in one
    dispute. Missing values as in :func:`load_mida`.

    Raises:
        SourceFormatError: A column is missing or a value is malformed.
        DataUnavailableError: The file is not on this machine.
    """
    src = resolve("mid", "MIDB_5.0.csv", path)
    dtypes = {
        "dispnum": "int32",
        "stabb": "str",
        "ccode": "int16",
        **_DATES,
        "sidea": "int8",
        "hostlev": "int8",
        "orig": "int8",
        "version": "int8",
    }
    return _with_dates(src, read_csv_checked(src, dtypes, other_dtype="Int32", na_values=("-9",)))


def mid_dyad_years(midb: pd.DataFrame | None = None) -> pd.DataFrame:
    """Directed dyad-years of joint involvement in a MID, from participants on opposite sides.

    Every pair of MIDB rows of one dispute on opposite sides whose participation dates overlap (missing
    days imputed to widen the spell) gives the overlap's calendar years, in both directions. Per directed
    dyad-year: ``mid_onset`` (a dispute's joint involvement of the two begins that year),
    ``mid_ongoing`` (involved in some dispute that year) and ``mid_hostlev`` (the highest hostility
    level either participant reached in a dispute active that year).

    Returns:
        ``ccode1, ccode2, year`` (int16), ``mid_onset, mid_ongoing, mid_hostlev`` (int8), sorted; only
        dyad-years with a dispute appear.
    """
    b = load_midb() if midb is None else midb
    x = pd.DataFrame(
        {
            "dispnum": b["dispnum"].to_numpy(np.int32),
            "ccode": b["ccode"].to_numpy(np.int16),
            "sidea": b["sidea"].to_numpy(np.int8),
            "st": b["start_date"].to_numpy(),
            "end": b["end_date"].to_numpy(),
            "hostlev": b["hostlev"].to_numpy(np.int8),
        }
    )
    p = x.merge(x, on="dispnum", suffixes=("1", "2"))
    p = p.loc[p["sidea1"] != p["sidea2"]]
    st = np.maximum(p["st1"].to_numpy(), p["st2"].to_numpy())
    en = np.minimum(p["end1"].to_numpy(), p["end2"].to_numpy())
    ok = st <= en
    d = pd.DataFrame(
        {
            "dispnum": p["dispnum"].to_numpy()[ok],
            "ccode1": p["ccode1"].to_numpy()[ok],
            "ccode2": p["ccode2"].to_numpy()[ok],
            "y0": pd.DatetimeIndex(st[ok]).year.to_numpy(np.int64),
            "y1": pd.DatetimeIndex(en[ok]).year.to_numpy(np.int64),
            "hostlev": np.maximum(p["hostlev1"].to_numpy(), p["hostlev2"].to_numpy())[ok],
        }
    )
    # One spell per (dispute, dyad): a state that joined twice contributes its union of years.
    d = d.groupby(["dispnum", "ccode1", "ccode2"], as_index=False).agg(
        y0=("y0", "min"), y1=("y1", "max"), hostlev=("hostlev", "max")
    )
    n = (d["y1"] - d["y0"] + 1).to_numpy()
    row = np.repeat(np.arange(len(d)), n)
    year = d["y0"].to_numpy()[row] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    e = pd.DataFrame(
        {
            "ccode1": d["ccode1"].to_numpy()[row],
            "ccode2": d["ccode2"].to_numpy()[row],
            "year": year.astype(np.int16),
            "mid_onset": (year == d["y0"].to_numpy()[row]).astype(np.int8),
            "mid_ongoing": np.ones(len(row), np.int8),
            "mid_hostlev": d["hostlev"].to_numpy(np.int8)[row],
        }
    )
    return e.groupby(["ccode1", "ccode2", "year"], as_index=False, sort=True).max()


def mid_state_years(midb: pd.DataFrame | None = None) -> pd.DataFrame:
    """State-years of MID involvement: ``mid_onset`` (joined a dispute), ``mid_ongoing``, ``mid_hostlev``.

    Returns:
        ``ccode, year`` (int16) and the three int8 columns, one row per state-year in some dispute.
    """
    b = load_midb() if midb is None else midb
    d = (
        pd.DataFrame(
            {
                "dispnum": b["dispnum"].to_numpy(np.int32),
                "ccode": b["ccode"].to_numpy(np.int16),
                "y0": b["styear"].to_numpy(np.int64),
                "y1": b["endyear"].to_numpy(np.int64),
                "hostlev": b["hostlev"].to_numpy(np.int8),
            }
        )
        .groupby(["dispnum", "ccode"], as_index=False)
        .agg(y0=("y0", "min"), y1=("y1", "max"), hostlev=("hostlev", "max"))
    )
    n = (d["y1"] - d["y0"] + 1).to_numpy()
    row = np.repeat(np.arange(len(d)), n)
    year = d["y0"].to_numpy()[row] + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
    e = pd.DataFrame(
        {
            "ccode": d["ccode"].to_numpy()[row],
            "year": year.astype(np.int16),
            "mid_onset": (year == d["y0"].to_numpy()[row]).astype(np.int8),
            "mid_ongoing": np.ones(len(row), np.int8),
            "mid_hostlev": d["hostlev"].to_numpy(np.int8)[row],
        }
    )
    return e.groupby(["ccode", "year"], as_index=False, sort=True).max()
