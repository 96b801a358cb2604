"""The data the crisis model reads about each member as of the scenario date.

Capabilities, major-power status, disputes and alliance pledges. Pure: arrays in, answers out;
:mod:`casus.sim.crisis.io` fills it from the COW and ATOP files.

Every answer says which year it comes from, so that a value *carried forward* past a dataset's last year
(NMC 7.0 stops in 2022, COW major powers in 2016, MID 5.0 in 2014, ATOP 5.1 in 2018) is reported as such,
never passed off as current. An :meth:`Evidence.empty` object answers "unknown" to everything.

All actors are COW numeric state codes (``ccode``), as in the datasets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def _ints(values: object = ()) -> IntArray:
    return np.asarray(values, dtype=np.int64).reshape(-1)


def _floats(values: object = ()) -> FloatArray:
    return np.asarray(values, dtype=np.float64).reshape(-1)


@dataclass(frozen=True)
class Observation:
    """A value and the year it was observed (``None`` when there is no data)."""

    value: float | None
    year: int | None
    carried_forward: bool = False
    source: str = ""

    def describe(self, asked: int) -> str:
        """``"COW NMC 7.0 2022"``, or ``"COW major powers 2016→2022"`` for a value carried forward."""
        if self.year is None:
            return f"no {self.source} data"
        if self.carried_forward and self.year != asked:
            return f"{self.source} {self.year}→{asked}"
        return f"{self.source} {self.year}"


@dataclass(frozen=True, eq=False)
class Evidence:
    """Country-level data for the crisis model, keyed by COW code.

    Attributes:
        nmc_ccode, nmc_year, nmc_cinc, nmc_milper: COW NMC rows (``milper`` in thousands; NaN if missing).
        nmc_label: Dataset label (``COW NMC 7.0``).
        major_ccode, major_start, major_end: COW major-power spells (dates as proleptic ordinals).
        majors_until: Last date the major-power list speaks for.
        mid_a, mid_b, mid_year: Directed MID dyads: one row per dispute and pair on opposite sides, with
            the year their joint involvement began (both directions present).
        mid_until: Last year of the MID data.
        atop_a, atop_b, atop_year, atop_defense, atop_consul: ATOP directed dyad-years with an obligation
            of ``a`` towards ``b``.
        atop_until: Last year of the ATOP data.
    """

    nmc_ccode: IntArray = field(default_factory=_ints)
    nmc_year: IntArray = field(default_factory=_ints)
    nmc_cinc: FloatArray = field(default_factory=_floats)
    nmc_milper: FloatArray = field(default_factory=_floats)
    nmc_label: str = "COW NMC"
    major_ccode: IntArray = field(default_factory=_ints)
    major_start: IntArray = field(default_factory=_ints)
    major_end: IntArray = field(default_factory=_ints)
    majors_until: dt.date | None = None
    mid_a: IntArray = field(default_factory=_ints)
    mid_b: IntArray = field(default_factory=_ints)
    mid_year: IntArray = field(default_factory=_ints)
    mid_until: int | None = None
    atop_a: IntArray = field(default_factory=_ints)
    atop_b: IntArray = field(default_factory=_ints)
    atop_year: IntArray = field(default_factory=_ints)
    atop_defense: IntArray = field(default_factory=_ints)
    atop_consul: IntArray = field(default_factory=_ints)
    atop_until: int | None = None

    @classmethod
    def empty(cls) -> Evidence:
        """Evidence that knows nothing: every driver that needs data is reported as unknown (zero effect)."""
        return cls()

    @property
    def has_data(self) -> bool:
        """Whether any dataset is loaded."""
        return bool(len(self.nmc_ccode) or len(self.major_ccode) or len(self.mid_a) or len(self.atop_a))

    # ------------------------------------------------------------------ capabilities
    def _nmc(self, ccode: int, year: int, values: FloatArray, what: str) -> Observation:
        mask = (self.nmc_ccode == ccode) & (self.nmc_year <= year) & ~np.isnan(values)
        if not mask.any():
            return Observation(None, None, source=self.nmc_label)
        idx = np.flatnonzero(mask)
        best = idx[np.argmax(self.nmc_year[idx])]
        y = int(self.nmc_year[best])
        return Observation(float(values[best]), y, carried_forward=y < year, source=self.nmc_label)

    def cinc(self, ccode: int, year: int) -> Observation:
        """CINC in the latest year ≤ ``year`` with a value."""
        return self._nmc(ccode, year, self.nmc_cinc, "CINC")

    def milper(self, ccode: int, year: int) -> Observation:
        """Military personnel (thousands) in the latest year ≤ ``year`` with a value."""
        return self._nmc(ccode, year, self.nmc_milper, "military personnel")

    # ------------------------------------------------------------------ major powers
    def is_major(self, ccode: int, on: dt.date) -> Observation:
        """1.0 if a COW major power on ``on`` (the last known status after the list ends), else 0.0."""
        if self.majors_until is None:
            return Observation(None, None, source="COW major powers")
        asked = min(on, self.majors_until).toordinal()
        hit = (self.major_ccode == ccode) & (self.major_start <= asked) & (asked <= self.major_end)
        return Observation(
            1.0 if hit.any() else 0.0,
            min(on, self.majors_until).year,
            carried_forward=on > self.majors_until,
            source="COW majors",
        )

    # ------------------------------------------------------------------ disputes
    def mids_between(self, a: int, b: int, year: int, window: int = 20) -> Observation:
        """Number of MIDs in which ``a`` and ``b`` stood on opposite sides, begun in ``[year - window, year]``."""
        if self.mid_until is None:
            return Observation(None, None, source="COW MID 5.0")
        last = min(year, self.mid_until)
        n = int(
            ((self.mid_a == a) & (self.mid_b == b) & (self.mid_year <= last) & (self.mid_year >= year - window)).sum()
        )
        return Observation(float(n), last, carried_forward=year > self.mid_until, source="COW MID 5.0")

    # ------------------------------------------------------------------ alliance pledges
    def atop_pledge(self, a: int, b: int, year: int) -> Observation:
        """1.0 if ``a`` had a defence or consultation pledge towards ``b`` in the latest ATOP year ≤ ``year``.

        ATOP's directed dyad-year file has no alliance ids, so the pledge may come from any alliance, the
        organization simulated included.
        """
        if self.atop_until is None:
            return Observation(None, None, source="ATOP 5.1")
        last = min(year, self.atop_until)
        mask = (self.atop_a == a) & (self.atop_b == b) & (self.atop_year == last)
        pledged = bool(((self.atop_defense[mask] + self.atop_consul[mask]) > 0).any())
        return Observation(1.0 if pledged else 0.0, last, carried_forward=year > self.atop_until, source="ATOP 5.1")
