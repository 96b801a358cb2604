"""Shared helpers of the loaders: checked CSV reading and dates from year/month/day columns."""

from __future__ import annotations

import os
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.data.cache import find_dataset_file
from casus.data.provenance import provenance_of_file
from casus.data.verify import verify_dataset_file
from casus.errors import SourceFormatError


def resolve(name: str, filename: str, path: str | os.PathLike[str] | None) -> Path:
    """The file to read, verified: ``path`` when it is a file, else :func:`find_dataset_file`.

    Raises:
        DataUnavailableError: The file is not on this machine.
        DatasetChecksumError: Its size or SHA-256 is not the registered one (see :mod:`casus.data.verify`).
    """
    explicit = path is not None and Path(path).is_file()
    found = find_dataset_file(name, filename, path)
    verify_dataset_file(provenance_of_file(name, filename), filename, found, explicit=explicit)
    return found


def read_csv_checked(
    path: Path,
    dtypes: Mapping[str, Any],
    *,
    other_dtype: Any = None,
    na_values: Sequence[str] = (),
    keep_default_na: bool = True,
) -> pd.DataFrame:
    """Read a CSV with explicit dtypes after checking that every expected column is there.

    Args:
        path: The file (``.gz`` is decompressed).
        dtypes: Required columns and their dtypes.
        other_dtype: Dtype for any further column (``None``: let pandas infer).
        na_values: Extra strings to read as missing (e.g. ``"-9"``).
        keep_default_na: Whether empty fields and ``NA`` are missing too.

    Raises:
        SourceFormatError: A required column is missing, or a value does not fit its dtype.
    """
    try:
        header = pd.read_csv(path, nrows=0).columns.tolist()
    except (OSError, ValueError, UnicodeDecodeError, EOFError, zlib.error) as exc:
        raise SourceFormatError(str(path), f"cannot read the CSV header: {_one_line(exc)}", line=1) from None
    for col in dtypes:
        if col not in header:
            raise SourceFormatError(
                str(path), f"missing column {col!r}; is this the right file and version?", line=1, field=col
            )
    full: dict[str, Any] = dict(dtypes)
    if other_dtype is not None:
        full.update({c: other_dtype for c in header if c not in full})
    try:
        frame = pd.read_csv(
            path, dtype=full, na_values=list(na_values), keep_default_na=keep_default_na, low_memory=False
        )
    except (ValueError, TypeError) as exc:
        raise SourceFormatError(str(path), f"a value does not fit its column type: {_one_line(exc)}") from None
    except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz (EOFError made click print "Aborted!")
        raise SourceFormatError(str(path), f"the file is truncated or corrupt: {_one_line(exc)}") from None
    if frame.empty:
        raise SourceFormatError(str(path), "the file has a header but no rows; is it truncated?", line=2)
    return frame


def _one_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


def build_dates(
    path: Path,
    prefix: str,
    year: pd.Series,
    month: pd.Series,
    day: pd.Series,
    *,
    missing_day: str = "first",
) -> tuple[pd.Series, pd.Series]:
    """Dates from year/month/day columns, with missing days imputed.

    Args:
        path: The source file (for error messages).
        prefix: Column prefix for error messages (``ent``, ``exit``, ``st``…).
        year: Years (NA rows give NaT).
        month: Months 1-12.
        day: Days; NA is imputed.
        missing_day: ``"first"`` or ``"last"`` day of the month for a missing day.

    Returns:
        ``(dates, day_known)``: a ``datetime64[s]`` Series (NaT where the year is NA) and a boolean Series
        that is False where the day was imputed.

    Raises:
        SourceFormatError: A month or day that does not exist (line number given).
    """
    y = year.astype("Int32")
    d = day.astype("Int32")
    present = ~y.isna().to_numpy(dtype=bool)
    day_known = ~d.isna().to_numpy(dtype=bool)
    yv = y.fillna(1970).to_numpy(dtype=np.int64)
    mv = month.astype("Int32").fillna(1).to_numpy(dtype=np.int64)
    dv = d.fillna(1).to_numpy(dtype=np.int64)
    bad_month = present & ((mv < 1) | (mv > 12))
    if bad_month.any():
        i = int(np.flatnonzero(bad_month)[0])
        raise SourceFormatError(str(path), f"month {mv[i]} does not exist", line=i + 2, field=f"{prefix} month")
    month_start = (yv - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (mv - 1).astype("timedelta64[M]")
    first = month_start.astype("datetime64[D]")
    last = (month_start + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")
    dates = first + (dv - 1).astype("timedelta64[D]")
    bad_day = present & day_known & ((dv < 1) | (dates > last))
    if bad_day.any():
        i = int(np.flatnonzero(bad_day)[0])
        raise SourceFormatError(
            str(path), f"day {dv[i]} does not exist in {yv[i]}-{mv[i]:02d}", line=i + 2, field=f"{prefix} day"
        )
    if missing_day == "last":
        dates = np.where(day_known, dates, last)
    out: npt.NDArray[np.datetime64] = np.where(present, dates, np.datetime64("NaT")).astype("datetime64[s]")
    return pd.Series(out, index=year.index), pd.Series(day_known, index=year.index)
