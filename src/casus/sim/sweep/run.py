"""Parameter sweeps: one scenario run at many points of the model's parameter space.

A sweep is a scenario × a design (:mod:`casus.sim.sweep.design`) over parameters of
:class:`~casus.sim.crisis.params.Params`: a full grid (``NAME=LOW:HIGH:STEPS`` per parameter) or a
quasi-random sample of the box (scrambled Sobol' or Latin hypercube, from :mod:`scipy.stats.qmc`). Every
point is the crisis model of :func:`~casus.sim.crisis.simulate.simulate_crisis` with that point's parameters
replacing the scenario's (or its exact distribution, :func:`~casus.sim.crisis.exact.exact_responses`, with
``exact=True``), and the answer is a :class:`pandas.DataFrame` with one row per point.

Reproducibility. The root seed (``rng``, normalised by :func:`~casus.sim.rng.root_seed`) is split with
``SeedSequence.spawn`` into one child for the design (the Sobol' scrambling or the hypercube) and one per
point. Every point therefore has its own seed, recorded in the ``seed`` column, which does not depend on
which executor runs it nor on how the points are batched: the same root seed gives the same DataFrame,
bit for bit, serially, on local processes or on a Dask cluster (:mod:`casus.sim.sweep.io.dask`). A row is
reproduced alone by ``simulate_crisis`` on the scenario with the row's parameters as overrides, the same
``runs`` and ``rng=row.seed``.

The scenario is compiled once (:func:`~casus.sim.crisis.model.compile_crisis`); executors run *batches* of
points (at most :data:`MAX_BATCH` per task, so the per-task overhead is small) and receive the compiled
crisis once per worker, not once per point; each point only reapplies the parameters.

The output is illustrative: a map of how the model's answer moves with its assumptions, not a forecast.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from casus.errors import MissingExtraError, ScenarioError
from casus.kb.knowledge import KnowledgeBase
from casus.sim.crisis.evidence import Evidence
from casus.sim.crisis.exact import exact_responses
from casus.sim.crisis.model import CompiledCrisis, compile_crisis
from casus.sim.crisis.result import ILLUSTRATIVE
from casus.sim.crisis.scenario import RESPONSES, Scenario
from casus.sim.crisis.simulate import DEFAULT_CHUNK, run_compiled
from casus.sim.rng import RngLike, root_seed
from casus.sim.sweep.design import SweepDesign

if TYPE_CHECKING:
    import pandas as pd

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Batch = tuple[FloatArray, IntArray]
"""Parameter values (points × parameters) and the points' seeds."""

MAX_BATCH = 256
"""Most points per task."""
TASKS_PER_WORKER = 8
"""Fewest tasks per worker the default batch size aims at (load balancing on a busy cluster)."""
STATS: tuple[str, ...] = tuple(f"p_{r.value}{s}" for r in RESPONSES for s in ("", "_low", "_high"))
"""Result columns after the parameters and the seed: P(response), then its 95 % interval."""


@dataclass(frozen=True, eq=False)
class SweepTask:
    """What every worker needs, sent once per worker: the compiled crisis and how to evaluate a point.

    Attributes:
        crisis: The scenario compiled once (its parameters are the scenario's; each point replaces the
            swept ones and recompiles only the parameter step, :meth:`CompiledCrisis.with_params`).
        names: The swept parameters, in column order.
        runs: Replications per point (ignored when ``exact``).
        exact: Exact response probabilities instead of a Monte Carlo.
        chunk_size: Replications per chunk within a point.
    """

    crisis: CompiledCrisis
    names: tuple[str, ...]
    runs: int
    exact: bool
    chunk_size: int = DEFAULT_CHUNK


def evaluate_batch(task: SweepTask, values: FloatArray, seeds: IntArray) -> FloatArray:
    """The :data:`STATS` of a batch of points, one row per point (same numbers wherever it runs)."""
    out = np.empty((len(values), len(STATS)), dtype=np.float64)
    base = task.crisis
    for j, (row, seed) in enumerate(zip(values, seeds, strict=True)):
        c = base.with_params(base.params.with_overrides(dict(zip(task.names, (float(v) for v in row), strict=True))))
        if task.exact:
            probs = exact_responses(c)
            out[j] = [probs[r] for r in RESPONSES for _ in range(3)]
        else:
            res = run_compiled(c, task.runs, int(seed), chunk_size=task.chunk_size)
            out[j] = [x for r in RESPONSES for x in (res.probability(r), *res.interval(r))]
    return out


class SweepExecutor(Protocol):
    """Runs a sweep's batches somewhere and returns their results in order."""

    @property
    def workers(self) -> int:
        """How many batches can run at once (sets the default batch size)."""
        ...

    def map(self, task: SweepTask, batches: Sequence[Batch]) -> list[FloatArray]:
        """``evaluate_batch(task, *b)`` for every batch, in the batches' order."""
        ...


class SerialExecutor:
    """Every batch in this process, one after the other (the reference the others must match)."""

    workers = 1

    def map(self, task: SweepTask, batches: Sequence[Batch]) -> list[FloatArray]:
        """Run the batches here."""
        return [evaluate_batch(task, v, s) for v, s in batches]


_WORKER_TASK: SweepTask | None = None


def _install_task(task: SweepTask) -> None:
    global _WORKER_TASK
    _WORKER_TASK = task


def _evaluate_installed(batch: Batch) -> FloatArray:
    assert _WORKER_TASK is not None, "worker started without its sweep task"
    return evaluate_batch(_WORKER_TASK, *batch)


class ProcessExecutor:
    """Batches on ``workers`` local processes (:class:`concurrent.futures.ProcessPoolExecutor`).

    The task is sent once to each process when it starts. Processes start with ``forkserver`` (``spawn``
    where that is unavailable), which is safe when the caller has threads running.

    Raises:
        ScenarioError: Fewer than one worker.
    """

    def __init__(self, workers: int | None = None, *, start_method: str | None = None) -> None:
        import os

        self._workers = int(workers) if workers is not None else (os.cpu_count() or 1)
        if self._workers < 1:
            raise ScenarioError(f"sweep: the number of worker processes must be at least 1, got {workers}")
        methods = multiprocessing.get_all_start_methods()
        self._method = start_method or ("forkserver" if "forkserver" in methods else "spawn")

    @property
    def workers(self) -> int:
        """Number of processes."""
        return self._workers

    def map(self, task: SweepTask, batches: Sequence[Batch]) -> list[FloatArray]:
        """Run the batches on a fresh pool (closed on return)."""
        ctx = multiprocessing.get_context(self._method)
        if self._method == "forkserver":
            ctx.set_forkserver_preload([__name__])  # workers fork with the model already imported
        n = min(self._workers, max(1, len(batches)))
        with ProcessPoolExecutor(n, mp_context=ctx, initializer=_install_task, initargs=(task,)) as pool:
            return list(pool.map(_evaluate_installed, batches))


def point_seeds(seed: int, n: int) -> tuple[np.random.Generator, IntArray]:
    """The design's generator and one seed per point, all spawned from ``SeedSequence(seed)``.

    >>> g, s = point_seeds(42, 3)
    >>> s.tolist() == point_seeds(42, 3)[1].tolist()
    True
    """
    design, points = np.random.SeedSequence(seed).spawn(2)
    seeds = np.array([c.generate_state(1, np.uint64)[0] >> np.uint64(11) for c in points.spawn(n)], dtype=np.int64)
    return np.random.Generator(np.random.PCG64(design)), seeds


def batch_bounds(n: int, batch_size: int) -> list[tuple[int, int]]:
    """``[start, stop)`` of consecutive batches of at most ``batch_size`` points."""
    return [(i, min(i + batch_size, n)) for i in range(0, n, batch_size)]


def simulate_sweep(
    kb: KnowledgeBase,
    scenario: Scenario,
    design: SweepDesign,
    evidence: Evidence | None = None,
    *,
    runs: int = 20_000,
    exact: bool = False,
    rng: RngLike = None,
    executor: SweepExecutor | None = None,
    batch_size: int | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> pd.DataFrame:
    """Run the crisis model of a scenario at every point of a design.

    Args:
        kb: The knowledge base.
        scenario: The scenario; a swept parameter replaces its override, the others stay.
        design: The points (:class:`SweepDesign`).
        evidence: Country data (:func:`casus.sim.crisis.io.load_evidence`); default: none.
        runs: Replications per point.
        exact: Compute each point's exact response distribution (no sampling; intervals collapse to it).
        rng: Root seed, generator or ``None`` (see :mod:`casus.sim.rng`); recorded in ``attrs["seed"]``.
        executor: Where batches run: :class:`SerialExecutor` (default), :class:`ProcessExecutor` or
            :class:`casus.sim.sweep.io.dask.DaskExecutor`. The result does not depend on it.
        batch_size: Points per task (default: at most :data:`MAX_BATCH`, and at least
            :data:`TASKS_PER_WORKER` tasks per worker, so a slow worker does not hold the others up).
            The result does not depend on it.
        chunk_size: Replications per chunk within a point (part of a point's random stream).

    Returns:
        One row per point (index ``point``): the swept parameters, the point's ``seed``, and for each
        response ``p_<response>`` with its 95 % Wilson interval ``p_<response>_low`` / ``_high``.
        ``attrs`` holds the root ``seed``, ``scenario``, ``runs``, ``exact``, ``method``, ``ranges``, the
        scenario's ``params`` and the ``label`` (illustrative, not a forecast).

    Raises:
        ScenarioError: A bad scenario, runs, or batch size.
        MissingExtraError: pandas (or scipy, for a sample) is not installed.
    """
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError("sim", "pandas") from None
    if runs < 1:
        raise ScenarioError(f"sweep: runs must be at least 1, got {runs}")
    if batch_size is not None and batch_size < 1:
        raise ScenarioError(f"sweep: batch_size must be at least 1, got {batch_size}")
    ex: SweepExecutor = executor or SerialExecutor()
    seed = root_seed(rng)
    design_rng, seeds = point_seeds(seed, design.size)
    values = design.points(design_rng)
    task = SweepTask(compile_crisis(kb, scenario, evidence), design.names, runs, exact, chunk_size)
    size = batch_size or max(1, min(MAX_BATCH, -(-len(values) // (TASKS_PER_WORKER * max(1, ex.workers)))))
    batches = [(values[a:b], seeds[a:b]) for a, b in batch_bounds(len(values), size)]
    stats = np.concatenate(ex.map(task, batches)) if batches else np.empty((0, len(STATS)))
    columns: dict[str, Any] = {name: values[:, k] for k, name in enumerate(design.names)}
    columns["seed"] = seeds
    columns.update({name: stats[:, k] for k, name in enumerate(STATS)})
    df = pd.DataFrame(columns, index=pd.RangeIndex(len(values), name="point"))
    df.attrs = {
        "label": ILLUSTRATIVE,
        "seed": seed,
        "scenario": scenario.name,
        "runs": None if exact else runs,
        "exact": exact,
        "method": design.method,
        "ranges": {r.name: [r.low, r.high, r.steps] for r in design.ranges},
        "params": task.crisis.params.as_dict(),
    }
    return df


def sweep_to_dict(df: pd.DataFrame) -> dict[str, Any]:
    """The JSON contract of ``casus sweep --format json``: the sweep's ``attrs``, its ``columns`` and ``points``.

    Args:
        df: A result of :func:`simulate_sweep`.
    """
    columns = ["point", *df.columns]
    rows = [{str(k): v for k, v in r.items()} for r in df.reset_index().to_dict("records")]
    return {**{str(k): v for k, v in df.attrs.items()}, "columns": columns, "points": rows}
