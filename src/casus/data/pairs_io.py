"""Who-defends-whom tables on disk: one date as one Parquet file, years as a partitioned Parquet folder.

The years are written one partition at a time (``year=YYYY/part.parquet``, written to a temporary name
and renamed), so an interrupted run leaves only finished partitions, and a restart skips them. The years
run in this process (:class:`InProcess`) or on a Dask cluster (:class:`casus.data.pairs_dask.DaskYears`);
either way this process writes the partitions, as the years finish.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import Protocol

import pandas as pd

from casus.data.cow import load_states
from casus.data.system import system_members
from casus.errors import InvalidInputError
from casus.kb.knowledge import KnowledgeBase
from casus.obligations.pairs import PairsCache, evaluate_pairs

PART = "part.parquet"
#: Years' tables as they finish: ``(year, (rows, Parquet bytes))``.
Parts = Generator[tuple[int, tuple[int, bytes]], None, None]


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


def encode(df: pd.DataFrame) -> bytes:
    """A triad table as Parquet bytes (zstd; column statistics for the date only, the costly part otherwise)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), sink, compression="zstd", write_statistics=["date"])
    return sink.getvalue()


def _write(data: bytes, path: Path) -> None:
    """Write to a temporary name in the same folder, then rename: the file is whole or absent."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def pairs_on(
    kb: KnowledgeBase, on: dt.date, out: str | os.PathLike[str] | None = None, states: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The triad table of one date, among the states of the system then; written to ``out`` when given."""
    df = evaluate_pairs(kb, system_members(kb, on, states), on)
    if out is not None:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(encode(df), path)
    return df


def partition(out: str | os.PathLike[str], year: int) -> Path:
    """Where the partition of ``year`` lives."""
    return Path(out) / f"year={year}" / PART


_CACHE: list[PairsCache] = []


def year_part(kb: KnowledgeBase, states: pd.DataFrame, year: int) -> tuple[int, bytes]:
    """The triad table of 1 July of ``year``: its rows and its Parquet bytes (a sweep's task, here or on a worker).

    The process keeps one :class:`~casus.obligations.pairs.PairsCache` for the last knowledge base it saw, so
    the years a process computes share the engine's answers and their unchanged treaties.
    """
    if not _CACHE or _CACHE[0].kb is not kb:
        _CACHE[:] = [PairsCache(kb)]
    on = dt.date(year, 7, 1)
    df = evaluate_pairs(kb, system_members(kb, on, states), on, cache=_CACHE[0])
    return len(df), encode(df)


class YearRunner(Protocol):
    """Computes years' tables somewhere, handing each back as soon as it is done (in any order)."""

    def frames(self, kb: KnowledgeBase, states: pd.DataFrame, years: list[int]) -> Parts:
        """``(year, (rows, Parquet bytes))`` for every year, as they finish; closing the iterator stops the rest."""
        ...


class InProcess:
    """The years one after the other, in this process."""

    def frames(self, kb: KnowledgeBase, states: pd.DataFrame, years: list[int]) -> Parts:
        """``(year, (rows, Parquet bytes))`` in the order given."""
        for year in years:
            yield year, year_part(kb, states, year)


def sweep_years(
    kb: KnowledgeBase,
    years: Iterable[int],
    out: str | os.PathLike[str],
    *,
    states: pd.DataFrame | None = None,
    runner: YearRunner | None = None,
    progress: bool = False,
    on_written: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Write one partition per year (1 July), skipping those already written.

    Each partition is written as soon as its year is done (to a temporary name, then renamed), so an
    interrupted run leaves only whole partitions and a new run computes only the years still missing.
    The tables do not depend on where or in which order the years are computed.

    Args:
        kb: The knowledge base (curated, or with ATOP).
        years: The years.
        out: The folder of ``year=YYYY/part.parquet`` partitions.
        states: COW state spells (:func:`casus.data.cow.load_states`; loaded when omitted).
        runner: Where the years are computed: :class:`InProcess` (default) or
            :class:`casus.data.pairs_dask.DaskYears`.
        progress: Show a progress bar (rich) on stderr.
        on_written: Called with each year once its partition is on disk.

    Returns:
        One row per year, in year order: ``year``, ``rows`` (None when skipped), ``status`` (``written`` or
        ``done before``).
    """
    asked = sorted(set(years))
    todo = [y for y in asked if not partition(out, y).is_file()]
    rows: dict[int, int] = {}
    with _bar(progress, len(asked), len(asked) - len(todo)) as advance:
        if todo:
            frames = (runner or InProcess()).frames(kb, load_states() if states is None else states, todo)
            with contextlib.closing(frames):
                for year, (n, data) in frames:
                    path = partition(out, year)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    _write(data, path)
                    rows[year] = n
                    advance()
                    if on_written is not None:
                        on_written(year)
    log = [{"year": y, "rows": rows.get(y), "status": "written" if y in rows else "done before"} for y in asked]
    return pd.DataFrame(log, columns=["year", "rows", "status"])


@contextlib.contextmanager
def _bar(show: bool, total: int, done: int) -> Iterator[Callable[[], None]]:
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("years", total=total, completed=done)
        yield lambda: bar.advance(task)
