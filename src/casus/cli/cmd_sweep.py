"""``casus sweep``: one scenario over a grid or a sample of model parameters, serially, on processes or on Dask.

A thin command over :func:`casus.sim.sweep.run.simulate_sweep` (see ``docs/sweeps.md``). The JSON output
(``label``, ``scenario``, ``seed``, ``runs``, ``exact``, ``method``, ``ranges``, ``params``, ``columns``,
``points``) is a stable contract.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casus.cli.options import Format, FormatOpt, emit, emit_json, kb_and_evidence, out_folder, say

if TYPE_CHECKING:
    import pandas as pd

    from casus.sim.sweep.run import SweepExecutor

TABLE_ROWS = 30
"""Points shown by the table format (``--out`` or ``--format csv|json`` give them all)."""


class Executor(StrEnum):
    """Where the points run."""

    SERIAL = "serial"
    PROCESSES = "processes"
    DASK = "dask"


class Sample(StrEnum):
    """Quasi-random designs (instead of a grid)."""

    SOBOL = "sobol"
    LHS = "lhs"


def sweep(
    scenario: Annotated[str, typer.Argument(help="A scenario YAML file, or a built-in name (kazakhstan-2022-01).")],
    param: Annotated[
        list[str],
        typer.Option(
            "--param",
            "-p",
            help="NAME=LOW:HIGH:STEPS for a grid, NAME=LOW:HIGH with --sample, NAME=VALUE to fix; repeatable.",
        ),
    ],
    sample: Annotated[
        Sample | None, typer.Option("--sample", help="Sample the ranges (sobol or lhs) instead of a grid.")
    ] = None,
    points: Annotated[int | None, typer.Option("--points", min=1, help="Points of a --sample.")] = None,
    runs: Annotated[int, typer.Option("--runs", "-n", min=1, max=1_000_000, help="Replications per point.")] = 20_000,
    exact: Annotated[bool, typer.Option("--exact", help="Exact response probabilities (no sampling).")] = False,
    seed: Annotated[int | None, typer.Option("--seed", "-s", min=0, help="Root seed (default: random).")] = None,
    executor: Annotated[
        Executor | None,
        typer.Option("--executor", "-x", help="serial, processes or dask (default: serial; dask with --scheduler)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Local processes (default: the cores) or local Dask workers (default: 2); not with --scheduler.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="A running Dask scheduler, tcp://host:port.")
    ] = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Points per task (default: up to 256).")
    ] = None,
    out: Annotated[str | None, typer.Option("--out", help="Write every point to FILE.parquet or FILE.csv.")] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Run a scenario over a grid or a sample of model parameters (illustrative, not a forecast)."""
    from casus.errors import InvalidInputError
    from casus.sim.crisis.io import load_scenario
    from casus.sim.sweep.design import SweepDesign
    from casus.sim.sweep.run import simulate_sweep

    if out is not None and Path(out).suffix.lower() not in (".parquet", ".csv"):
        raise InvalidInputError(f"--out {out}: write a .parquet or a .csv file")
    if out is not None:
        out_folder(Path(out).parent)
    if sample is None and points is not None:
        raise InvalidInputError("--points applies to --sample sobol|lhs; a grid's size comes from its STEPS")
    if sample is not None and points is None:
        raise InvalidInputError(f"--sample {sample.value} needs --points N")
    design = SweepDesign.grid(*param) if sample is None else SweepDesign.sample(sample.value, points or 0, *param)
    kind = executor or (Executor.DASK if scheduler else Executor.SERIAL)
    if scheduler and kind is not Executor.DASK:
        raise InvalidInputError(f"--scheduler needs --executor dask, not {kind.value}")
    if scheduler and workers is not None:
        raise InvalidInputError("--workers sizes a local cluster; the one at --scheduler has its own workers")
    scen = load_scenario(scenario)
    kb, evidence = kb_and_evidence()
    started = time.perf_counter()
    with _open(kind, workers, scheduler) as ex:
        where = f"{kind.value}" + (f", {ex.workers} workers" if kind is not Executor.SERIAL else "")
        each = "exact" if exact else f"{runs:,} runs each"
        say(f"sweeping {design.size:,} points ({each}) on {where}")
        df = simulate_sweep(
            kb, scen, design, evidence, runs=runs, exact=exact, rng=seed, executor=ex, batch_size=batch_size
        )
    say(f"done in {time.perf_counter() - started:.1f} s; root seed {df.attrs['seed']} (rerun with --seed to reproduce)")
    if out is not None:
        _write(df, Path(out))
    _emit(df, fmt)


def _open(kind: Executor, workers: int | None, scheduler: str | None) -> AbstractContextManager[SweepExecutor]:
    from casus.sim.sweep.run import ProcessExecutor, SerialExecutor

    if kind is Executor.DASK:
        from casus.sim.sweep.io.dask import DaskExecutor

        return DaskExecutor(scheduler, workers=workers)
    return nullcontext(ProcessExecutor(workers) if kind is Executor.PROCESSES else SerialExecutor())


def _write(df: pd.DataFrame, path: Path) -> None:
    from casus.errors import MissingExtraError

    if path.suffix.lower() == ".csv":
        df.to_csv(path)
    else:
        try:
            df.to_parquet(path)
        except ImportError:
            raise MissingExtraError("sim", "pyarrow") from None
    say(f"wrote {path}")


def _emit(df: pd.DataFrame, fmt: Format) -> None:
    from casus.sim.crisis.scenario import RESPONSES
    from casus.sim.sweep.run import sweep_to_dict

    data = sweep_to_dict(df)
    columns, rows = data["columns"], data["points"]
    if fmt is Format.JSON:
        emit_json(data)
        return
    if fmt is Format.CSV:
        emit(rows, columns, fmt)
        return
    names = list(df.attrs["ranges"])
    table = []
    for row in rows[:TABLE_ROWS]:
        cells = {k: f"{row[k]:.4g}" for k in names}
        for r in RESPONSES:
            p, lo, hi = (row[f"p_{r.value}{s}"] for s in ("", "_low", "_high"))
            cells[r.value] = f"{p:.1%}" if df.attrs["exact"] else f"{p:.1%} ±{(hi - lo) / 2:.1%}"
        table.append({"point": row["point"], **cells})
    shown = f"First {TABLE_ROWS} of {len(rows):,} points; --out keeps all. " if len(rows) > TABLE_ROWS else ""
    runs = "exact" if df.attrs["exact"] else f"{df.attrs['runs']:,} runs per point, ±95% interval"
    emit(
        table,
        ["point", *names, *(r.value for r in RESPONSES)],
        fmt,
        title=f"Sweep of {df.attrs['scenario']} ({df.attrs['method']}, {runs}, root seed {df.attrs['seed']})",
        caption=shown + df.attrs["label"],
    )


def register(app: typer.Typer) -> None:
    """Add ``sweep`` to the ``casus`` app."""
    from typer.core import TyperGroup

    from casus.cli.cmd_pairs import pairs

    class SweepGroup(TyperGroup):
        """``casus sweep SCENARIO …`` stays the scenario sweep; ``casus sweep pairs …`` is who defends whom."""

        def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
            if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
                args = ["scenario", *args]
            return list(super().parse_args(ctx, args))

    group = typer.Typer(cls=SweepGroup, no_args_is_help=True, help="Sweeps: a scenario over parameters, or every pair.")
    group.command("scenario")(sweep)
    group.command("pairs")(pairs)
    app.add_typer(group, name="sweep")
