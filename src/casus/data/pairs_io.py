"""Who-defends-whom tables on disk: one date as one Parquet file, years as a partitioned Parquet folder.

The years are written one partition at a time (``year=YYYY/part.parquet``, written to a temporary name
and renamed), so an interrupted run leaves only finished partitions, and a restart skips them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from casus.data.cow import load_states
from casus.data.system import system_members
from casus.errors import InvalidInputError
from casus.kb.knowledge import KnowledgeBase
from casus.obligations.pairs import evaluate_pairs

PART = "part.parquet"


def parse_years(text: str) -> tuple[int, int]:
    """``FIRST:LAST`` (or one year) → the two years, checked.

    >>> parse_years("1816:2018")
    (1816, 2018)

    Raises:
        InvalidInputError: Not two years, or FIRST after LAST.
    """
    bits = text.split(":")
    try:
        first, last = (int(bits[0]), int(bits[-1])) if len(bits) <= 2 else (0, -1)
    except ValueError:
        raise InvalidInputError(f"--years {text!r}: give FIRST:LAST, e.g. 1816:2018") from None
    if not 1816 <= first <= last <= 9999:
        raise InvalidInputError(f"--years {text!r}: give FIRST:LAST with 1816 <= FIRST <= LAST, e.g. 1816:2018")
    return first, last


def _write(df: pd.DataFrame, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    df.to_parquet(tmp, index=False)
    tmp.replace(path)


def pairs_on(
    kb: KnowledgeBase, on: dt.date, out: str | os.PathLike[str] | None = None, states: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The triad table of one date, among the states of the system then; written to ``out`` when given."""
    df = evaluate_pairs(kb, system_members(kb, on, states), on)
    if out is not None:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(df, path)
    return df


def partition(out: str | os.PathLike[str], year: int) -> Path:
    """Where the partition of ``year`` lives."""
    return Path(out) / f"year={year}" / PART


def sweep_years(
    kb: KnowledgeBase, years: Iterable[int], out: str | os.PathLike[str], *, progress: bool = False
) -> pd.DataFrame:
    """Write one partition per year (1 July), skipping those already written.

    Returns:
        One row per year: ``year``, ``rows`` (None when skipped), ``status`` (``written`` or ``done before``).
    """
    todo = list(years)
    states = load_states()
    log: list[dict[str, object]] = []
    bar = None
    if progress:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
    try:
        task = bar.add_task("years", total=len(todo)) if bar else None
        for year in todo:
            path = partition(out, year)
            if path.is_file():
                log.append({"year": year, "rows": None, "status": "done before"})
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                df = pairs_on(kb, dt.date(year, 7, 1), path, states)
                log.append({"year": year, "rows": len(df), "status": "written"})
            if bar is not None and task is not None:
                bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()
    return pd.DataFrame(log, columns=["year", "rows", "status"])
