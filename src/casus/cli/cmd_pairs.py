"""``casus sweep pairs``: who defends whom — every ordered pair of states on a date, or on 1 July of each year.

A thin command over :func:`casus.obligations.pairs.evaluate_pairs` and :mod:`casus.data.pairs_io`
(see ``docs/pairs.md``). One date writes one Parquet file; ``--years`` writes one partition per year
(``year=YYYY/part.parquet``) and skips the years already written, so an interrupted run resumes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from casus.cli.options import AtopOpt, Format, FormatOpt, OnOpt, emit, say


def pairs(
    out: Annotated[Path, typer.Option("--out", "-o", help="Parquet file (--on) or folder (--years).")],
    on: OnOpt = None,
    years: Annotated[
        str | None, typer.Option("--years", help="FIRST:LAST, every year on 1 July (e.g. 1816:2018).")
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
    done = sweep_years(kb, range(first, last + 1), out, progress=fmt is Format.TABLE)
    say(f"wrote {len(done):,} year partitions to {out}")
    emit([{str(k): v for k, v in r.items()} for r in done.to_dict("records")], ["year", "rows", "status"], fmt)
