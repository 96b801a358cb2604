"""Parameter sweeps: one scenario run at many points of the model's parameter space.

A sweep is a scenario × a design over parameters of :class:`~casus.sim.params.Params`: a full grid
(``NAME=LOW:HIGH:STEPS`` per parameter) or a quasi-random sample of the box (scrambled Sobol' or Latin
hypercube, from :mod:`scipy.stats.qmc`). Every point is the crisis model of
:func:`~casus.sim.crisis.simulate_crisis` with that point's parameters replacing the scenario's (or its
exact distribution, :func:`~casus.sim.model.exact_responses`, with ``exact=True``), and the answer is a
:class:`pandas.DataFrame` with one row per point.

>>> d = SweepDesign.grid("base_reliability=0.22:0.745:3", "w_ties=-2:0:2")
>>> d.size, d.names
(6, ('base_reliability', 'w_ties'))
>>> d.points(np.random.default_rng(0))[:2].tolist()
[[0.22, -2.0], [0.22, 0.0]]

Reproducibility. The root seed (``rng``, normalised by :func:`~casus.sim.rng.root_seed`) is split with
``SeedSequence.spawn`` into one child for the design (the Sobol' scrambling or the hypercube) and one per
point. Every point therefore has its own seed, recorded in the ``seed`` column, which does not depend on
which executor runs it nor on how the points are batched: the same root seed gives the same DataFrame,
bit for bit, serially, on local processes or on a Dask cluster (:mod:`casus.sim.sweep_dask`). A row is
reproduced alone by ``simulate_crisis`` on the scenario with the row's parameters as overrides, the same
``runs`` and ``rng=row.seed``.

Executors run *batches* of points (at most :data:`MAX_BATCH` per task, so the per-task overhead is small)
and receive the knowledge base and the precomputed procedure and member features once per worker, not
once per point.

The output is illustrative: a map of how the model's answer moves with its assumptions, not a forecast.
"""

from __future__ import annotations

import math
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from casus.errors import MissingExtraError, ScenarioError
from casus.kb.knowledge import KnowledgeBase
from casus.sim.crisis import DEFAULT_CHUNK, run_compiled
from casus.sim.evidence import Evidence
from casus.sim.model import compile_crisis, exact_responses
from casus.sim.params import PARAM_NAMES, Params, unknown_parameter_message
from casus.sim.procedure import Procedure, assess_procedure
from casus.sim.reliability import Features, member_features
from casus.sim.result import ILLUSTRATIVE
from casus.sim.rng import RngLike, root_seed
from casus.sim.scenario import RESPONSES, Scenario

if TYPE_CHECKING:
    import pandas as pd

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Method = Literal["grid", "sobol", "lhs"]
Batch = tuple[FloatArray, IntArray]
"""Parameter values (points × parameters) and the points' seeds."""

METHODS: tuple[Method, ...] = ("grid", "sobol", "lhs")
MAX_POINTS = 1_000_000
"""Largest design a sweep accepts (a larger one is almost certainly a typo in STEPS)."""
MAX_BATCH = 256
"""Most points per task."""
TASKS_PER_WORKER = 8
"""Fewest tasks per worker the default batch size aims at (load balancing on a busy cluster)."""
_LABEL = {"grid": "grid", "sobol": "Sobol'", "lhs": "Latin-hypercube"}
STATS: tuple[str, ...] = tuple(f"p_{r.value}{s}" for r in RESPONSES for s in ("", "_low", "_high"))
"""Result columns after the parameters and the seed: P(response), then its 95 % interval."""


@dataclass(frozen=True)
class ParamRange:
    """The values one parameter takes in a sweep.

    Attributes:
        name: A parameter of :class:`~casus.sim.params.Params`.
        low: Lowest value.
        high: Highest value.
        steps: Grid values from ``low`` to ``high`` inclusive; ``None`` for a range that is sampled.

    Raises:
        ScenarioError: An unknown name (with the closest ones), a reversed or non-finite range, a bad number
            of steps, or an end of the range that the parameter cannot take.
    """

    name: str
    low: float
    high: float
    steps: int | None = None

    def __post_init__(self) -> None:
        if self.name not in PARAM_NAMES:
            raise ScenarioError(f"sweep: {unknown_parameter_message(self.name)}")
        if not (math.isfinite(self.low) and math.isfinite(self.high)):
            raise ScenarioError(f"sweep: the range of {self.name} must be finite, got {self.low}:{self.high}")
        if self.low > self.high:
            raise ScenarioError(
                f"sweep: the range of {self.name} is reversed ({self.low} > {self.high}); write LOW:HIGH"
            )
        if self.steps is not None:
            if self.steps < 1:
                raise ScenarioError(f"sweep: {self.name} needs at least 1 step, got {self.steps}")
            if self.steps == 1 and self.low != self.high:
                raise ScenarioError(
                    f"sweep: one step cannot cover {self.low}:{self.high} for {self.name}; use at least 2 steps "
                    f"or a single value ({self.name}={self.low})"
                )
        for end in (self.low, self.high):
            try:
                Params().with_overrides({self.name: end})
            except ScenarioError as err:
                raise ScenarioError(
                    f"sweep: the range {self.low}:{self.high} of {self.name} is invalid: {err}"
                ) from None

    @classmethod
    def parse(cls, spec: str) -> ParamRange:
        """A range from ``NAME=LOW:HIGH:STEPS`` (a grid), ``NAME=LOW:HIGH`` (sampled) or ``NAME=VALUE`` (fixed).

        >>> ParamRange.parse("base_reliability=0.22:0.745:5")
        ParamRange(name='base_reliability', low=0.22, high=0.745, steps=5)

        Raises:
            ScenarioError: A malformed spec, with the expected form.
        """
        form = "expected NAME=LOW:HIGH:STEPS, NAME=LOW:HIGH or NAME=VALUE (e.g. base_reliability=0.22:0.745:5)"
        name, eq, rest = spec.partition("=")
        parts = rest.split(":")
        if not eq or not name.strip() or len(parts) > 3:
            raise ScenarioError(f"sweep: cannot read {spec!r}: {form}")
        try:
            low, high = float(parts[0]), float(parts[-1] if len(parts) == 1 else parts[1])
        except ValueError:
            raise ScenarioError(f"sweep: cannot read {spec!r}: LOW and HIGH must be numbers; {form}") from None
        steps: int | None = 1 if len(parts) == 1 else None
        if len(parts) == 3:
            try:
                steps = int(parts[2])
            except ValueError:
                raise ScenarioError(f"sweep: cannot read {spec!r}: STEPS must be a whole number; {form}") from None
        return cls(name.strip(), low, high, steps)

    def values(self) -> FloatArray:
        """The grid values (``steps`` of them, evenly spaced, both ends included)."""
        return np.linspace(self.low, self.high, self.steps or 1, dtype=np.float64)


@dataclass(frozen=True)
class SweepDesign:
    """Where a sweep evaluates the model: a grid, or a Sobol' / Latin-hypercube sample of the ranges' box.

    Attributes:
        ranges: One range per parameter, in column order (the grid varies the last one fastest).
        method: ``grid``, ``sobol`` or ``lhs``.
        n: Number of sampled points (``sobol``: a power of two); ``None`` for a grid.

    Raises:
        ScenarioError: No or repeated parameters, steps missing in a grid or given for a sample, a bad
            number of points, or more than :data:`MAX_POINTS` points.
    """

    ranges: tuple[ParamRange, ...]
    method: Method = "grid"
    n: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "ranges", tuple(self.ranges))
        if not self.ranges:
            raise ScenarioError("sweep: give at least one parameter range (NAME=LOW:HIGH:STEPS)")
        seen = [r.name for r in self.ranges]
        dup = sorted({k for k in seen if seen.count(k) > 1})
        if dup:
            raise ScenarioError(f"sweep: parameter {dup[0]} is given more than once")
        if self.method not in METHODS:
            raise ScenarioError(f"sweep: method {self.method!r} is not one of {', '.join(METHODS)}")
        if self.method == "grid":
            self._check_grid()
        else:
            self._check_sample()

    def _check_grid(self) -> None:
        if self.n is not None:
            raise ScenarioError("sweep: a number of points applies to a sample (sobol or lhs); a grid has STEPS")
        for r in self.ranges:
            if r.steps is None:
                raise ScenarioError(
                    f"sweep: a grid needs STEPS for {r.name} ({r.name}={r.low}:{r.high}:STEPS), or sample the "
                    "ranges with sobol or lhs"
                )
        if self.size > MAX_POINTS:
            raise ScenarioError(f"sweep: the grid has {self.size:,} points, more than {MAX_POINTS:,}; use fewer STEPS")

    def _check_sample(self) -> None:
        for r in self.ranges:
            if r.steps not in (None, 1):
                raise ScenarioError(
                    f"sweep: STEPS apply to a grid; write {r.name}={r.low}:{r.high} for a {_LABEL[self.method]} sample"
                )
        if self.n is None or not 1 <= self.n <= MAX_POINTS:
            raise ScenarioError(
                f"sweep: a {_LABEL[self.method]} sample needs between 1 and {MAX_POINTS:,} points, got {self.n}"
            )
        if self.method == "sobol" and self.n & (self.n - 1):
            lo = 1 << (self.n.bit_length() - 1)
            raise ScenarioError(
                f"sweep: a Sobol' sample needs a power of two points to stay balanced; {self.n} is not "
                f"(use {lo} or {2 * lo}, or lhs)"
            )

    @classmethod
    def grid(cls, *specs: str) -> SweepDesign:
        """A full grid from ``NAME=LOW:HIGH:STEPS`` specs (see :meth:`ParamRange.parse`)."""
        return cls(tuple(ParamRange.parse(s) for s in specs))

    @classmethod
    def sample(cls, method: Method, n: int, *specs: str) -> SweepDesign:
        """A Sobol' or Latin-hypercube sample of ``n`` points from ``NAME=LOW:HIGH`` specs."""
        return cls(tuple(ParamRange.parse(s) for s in specs), method, n)

    @property
    def names(self) -> tuple[str, ...]:
        """The swept parameters, in column order."""
        return tuple(r.name for r in self.ranges)

    @property
    def size(self) -> int:
        """Number of points."""
        return math.prod(r.steps or 1 for r in self.ranges) if self.method == "grid" else int(self.n or 0)

    def points(self, rng: np.random.Generator) -> FloatArray:
        """The (points × parameters) values; ``rng`` scrambles a Sobol' sample or draws a hypercube.

        Raises:
            MissingExtraError: scipy is not installed (samples only).
        """
        if self.method == "grid":
            axes = np.meshgrid(*(r.values() for r in self.ranges), indexing="ij")
            return np.stack([a.ravel() for a in axes], axis=1)
        unit = _unit_sample(self.method, len(self.ranges), int(self.n or 0), rng)
        low = np.array([r.low for r in self.ranges])
        high = np.array([r.high for r in self.ranges])
        out: FloatArray = low + unit * (high - low)
        return out


def _unit_sample(method: Method, d: int, n: int, rng: np.random.Generator) -> FloatArray:
    try:
        from scipy.stats import qmc
    except ImportError:
        raise MissingExtraError("sim", "scipy") from None
    kind = qmc.Sobol if method == "sobol" else qmc.LatinHypercube
    try:
        engine = kind(d, rng=rng)  # scipy >= 1.15
    except TypeError:
        engine = kind(d, seed=rng)
    out: FloatArray = np.asarray(engine.random(n), dtype=np.float64)
    return out


@dataclass(frozen=True, eq=False)
class SweepTask:
    """What every worker needs, sent once per worker: the model's inputs that do not change between points.

    Attributes:
        kb: The knowledge base.
        scenario: The scenario without its overrides (they are folded into ``params``).
        params: The scenario's parameters; each point replaces the swept ones.
        procedure: The scenario's procedure (assessed once).
        features: The helpers' features and the leader (looked up once).
        names: The swept parameters, in column order.
        runs: Replications per point (ignored when ``exact``).
        exact: Exact response probabilities instead of a Monte Carlo.
        chunk_size: Replications per chunk within a point.
    """

    kb: KnowledgeBase
    scenario: Scenario
    params: Params
    procedure: Procedure
    features: tuple[tuple[Features, ...], str | None]
    names: tuple[str, ...]
    runs: int
    exact: bool
    chunk_size: int = DEFAULT_CHUNK

    def __getstate__(self) -> dict[str, Any]:
        # a Scenario keeps its overrides and forced choices in read-only mappings, which pickle cannot copy
        s = self.scenario
        state = dict(self.__dict__)
        state["scenario"] = {
            **{f: getattr(s, f) for f in s.__dataclass_fields__},
            "overrides": dict(s.overrides),
            "forced": dict(s.forced),
        }
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update({**state, "scenario": Scenario(**state["scenario"])})


def evaluate_batch(task: SweepTask, values: FloatArray, seeds: IntArray) -> FloatArray:
    """The :data:`STATS` of a batch of points, one row per point (same numbers wherever it runs)."""
    out = np.empty((len(values), len(STATS)), dtype=np.float64)
    for j, (row, seed) in enumerate(zip(values, seeds, strict=True)):
        params = task.params.with_overrides(dict(zip(task.names, (float(v) for v in row), strict=True)))
        c = compile_crisis(task.kb, task.scenario, None, params, procedure=task.procedure, features=task.features)
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
        evidence: Country data (:func:`casus.sim.datasets.load_evidence`); default: none.
        runs: Replications per point.
        exact: Compute each point's exact response distribution (no sampling; intervals collapse to it).
        rng: Root seed, generator or ``None`` (see :mod:`casus.sim.rng`); recorded in ``attrs["seed"]``.
        executor: Where batches run: :class:`SerialExecutor` (default), :class:`ProcessExecutor` or
            :class:`casus.sim.sweep_dask.DaskExecutor`. The result does not depend on it.
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
    proc = assess_procedure(kb, scenario)
    task = SweepTask(
        kb=kb,
        scenario=scenario.with_changes(overrides={}),
        params=scenario.params(),
        procedure=proc,
        features=member_features(kb, proc, evidence or Evidence.empty()),
        names=design.names,
        runs=runs,
        exact=exact,
        chunk_size=chunk_size,
    )
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
        "params": task.params.as_dict(),
    }
    return df
