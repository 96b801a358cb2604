"""A sweep's design: which parameters of the crisis model vary, over which ranges, at which points.

A full grid (``NAME=LOW:HIGH:STEPS`` per parameter) or a quasi-random sample of the box (scrambled Sobol'
or Latin hypercube, from :mod:`scipy.stats.qmc`); :mod:`casus.sim.sweep.run` runs the model at every point.

>>> d = SweepDesign.grid("base_reliability=0.22:0.745:3", "w_ties=-2:0:2")
>>> d.size, d.names
(6, ('base_reliability', 'w_ties'))
>>> d.points(np.random.default_rng(0))[:2].tolist()
[[0.22, -2.0], [0.22, 0.0]]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from casus.errors import MissingExtraError, ScenarioError
from casus.sim.crisis.params import PARAM_NAMES, Params, unknown_parameter_message

FloatArray = npt.NDArray[np.float64]
Method = Literal["grid", "sobol", "lhs"]

METHODS: tuple[Method, ...] = ("grid", "sobol", "lhs")
MAX_POINTS = 1_000_000
"""Largest design a sweep accepts (a larger one is almost certainly a typo in STEPS)."""
_LABEL = {"grid": "grid", "sobol": "Sobol'", "lhs": "Latin-hypercube"}


@dataclass(frozen=True)
class ParamRange:
    """The values one parameter takes in a sweep.

    Attributes:
        name: A parameter of :class:`~casus.sim.crisis.params.Params`.
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
