"""``casus sweep pairs``: who defends whom — every ordered pair of states on a date, or on 1 July of each year.

A thin command over :func:`casus.obligations.pairs.evaluate_pairs` and :mod:`casus.data.pairs_io`
(see ``docs/pairs.md``). One date writes one Parquet file; ``--years`` writes one partition per year
(``year=YYYY/part.parquet``) as each year finishes and skips the years already written, so an interrupted
run resumes. The years run on a local Dask cluster (``--workers``, default 2), on a running one
(``--scheduler tcp://host:port``) or in this process (``--in-process``); the tables are the same.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from casus.cli.options import AtopOpt, Format, FormatOpt, OnOpt, emit, say

if TYPE_CHECKING:
    from casus.data.pairs_io import YearRunner


def pairs(
    out: Annotated[Path, typer.Option("--out", "-o", help="Parquet file (--on) or folder (--years).")],
    on: OnOpt = None,
    years: Annotated[
        str | None, typer.Option("--years", help="FIRST:LAST, every year on 1 July (e.g. 1816:2018).")
    ] = None,
    in_process: Annotated[
        bool, typer.Option("--in-process", help="Run --years in this process, not on a Dask cluster.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, max=256, help="Workers of the local Dask cluster (2).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="A running Dask scheduler for --years, tcp://host:port.")
    ] = None,
    atop: AtopOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Every attacker, target and obligated state under every treaty in force (triggered or indeterminate)."""
    from casus.data.pairs_io import pairs_on, parse_years, sweep_years
    from casus.errors import InvalidInputError
    from casus.kb.dates import parse_date
    from casus.knowledge import default_provider

    if years is not None and on is not None:
        raise InvalidInputError("give --on DATE or --years FIRST:LAST, not both")
    if years is None and (in_process or workers is not None or scheduler is not None):
        raise InvalidInputError("--in-process, --workers and --scheduler apply to --years FIRST:LAST")
    if in_process and (workers is not None or scheduler is not None):
        raise InvalidInputError("--in-process runs here; --workers and --scheduler choose a Dask cluster")
    if scheduler is not None and workers is not None:
        raise InvalidInputError("--workers sizes a local cluster; the one at --scheduler has its own workers")
    provider = default_provider()
    if years is None:
        when = parse_date(on, field="--on")
        df = pairs_on(provider.for_date(when, atop), when, out)
        say(f"wrote {len(df):,} rows to {out}")
        summary = df.groupby(["verdict"], observed=True).size().reset_index(name="rows")
        emit([{str(k): v for k, v in r.items()} for r in summary.to_dict("records")], ["verdict", "rows"], fmt)
        return
    first, last = parse_years(years)
    kb = provider.for_date(parse_date(f"{first}-07-01", field="--years"), atop)
    with _runner(in_process, workers, scheduler) as runner:
        done = sweep_years(kb, range(first, last + 1), out, runner=runner, progress=fmt is Format.TABLE)
    say(f"wrote {int((done.status == 'written').sum()):,} of {len(done):,} year partitions to {out}")
    emit([{str(k): v for k, v in r.items()} for r in done.to_dict("records")], ["year", "rows", "status"], fmt)


def _runner(in_process: bool, workers: int | None, scheduler: str | None) -> AbstractContextManager[YearRunner]:
    from casus.data.pairs_io import InProcess

    if in_process:
        return nullcontext(InProcess())
    from casus.data.pairs_dask import DaskYears

    return DaskYears(scheduler, workers=workers)
