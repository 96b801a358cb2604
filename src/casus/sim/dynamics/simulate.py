"""Simulate an organization's membership forward under a chosen path of global threat. Illustrative.

Every run draws the three models' coefficients from their estimated sampling distributions (parameter
uncertainty), then walks year by year: the alliance may end (termination model); each member may leave
(exit model) and each candidate may join (accession model), all with covariates updated from the run's
own roster (size, capability shares, regional make-up). The spread across runs is the band.

These are the fitted historical regularities of ATOP 1816-2018 applied to one organization, with the last
observed covariates held fixed — **illustrations of what the models imply, not forecasts**.

>>> path = threat_path("rising", start_year=2025, years=3, start=1.0)
>>> [round(v, 2) for v in path.values]
[1.25, 1.5, 1.75]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from casus.errors import InvalidInputError
from casus.sim.dynamics.hazard import FittedHazard, HazardSuite, design_from
from casus.sim.dynamics.risksets import WINDOW
from casus.sim.dynamics.snapshot import OrgSnapshot
from casus.sim.panel import F64, ThreatScale
from casus.sim.rng import RngLike, root_seed, spawn_generators

if TYPE_CHECKING:
    from casus.sim.dynamics.hypotheses import Effect

LABEL = "illustrative: fitted historical regularities (ATOP 1816-2018) applied forward, not a forecast"
THREAT_KINDS = ("flat", "rising", "falling")
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@dataclass(frozen=True)
class ThreatPath:
    """Yearly values of the system threat measure (standardised MID onsets of the previous year).

    Attributes:
        kind: ``flat``, ``rising``, ``falling`` or ``custom``.
        years: Calendar years.
        values: Standardised threat (0 = the 1816-2014 mean, 1 = one standard deviation above).
    """

    kind: str
    years: tuple[int, ...]
    values: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.years) != len(self.values) or not self.years:
            raise InvalidInputError("a threat path needs one value per year, and at least one year")
        if any(b != a + 1 for a, b in zip(self.years, self.years[1:], strict=False)):
            raise InvalidInputError(f"threat path years must be consecutive, got {self.years}")
        if not all(np.isfinite(self.values)):
            raise InvalidInputError("threat path values must be finite numbers")

    @classmethod
    def from_mapping(
        cls, values: Mapping[int, float], *, onsets: bool = False, scale: ThreatScale | None = None
    ) -> ThreatPath:
        """A custom path from ``{year: value}``; ``onsets=True`` reads raw MID onset counts (needs ``scale``)."""
        years = tuple(sorted(int(y) for y in values))
        vals = np.array([float(values[y]) for y in years])
        if onsets:
            if scale is None:
                raise InvalidInputError("raw onset counts need the threat scale of the fitted models")
            vals = scale.z(vals)
        return cls("custom", years, tuple(float(v) for v in vals))


def threat_path(kind: str, *, start_year: int, years: int, start: float, step: float = 0.25) -> ThreatPath:
    """A ``flat``, ``rising`` or ``falling`` path of ``years`` values from ``start_year``.

    ``rising``/``falling`` move by ``step`` standard deviations a year from ``start`` (the last observed
    value, by default); ``flat`` stays at ``start``.

    Raises:
        InvalidInputError: Unknown kind or a non-positive number of years.
    """
    if kind not in THREAT_KINDS:
        raise InvalidInputError(f"unknown threat path {kind!r}; use one of {', '.join(THREAT_KINDS)} or a CSV file")
    if years < 1:
        raise InvalidInputError(f"--years must be at least 1, got {years}")
    sign = {"flat": 0.0, "rising": 1.0, "falling": -1.0}[kind]
    vals = tuple(start + sign * step * (k + 1) for k in range(years))
    return ThreatPath(kind, tuple(range(start_year, start_year + years)), vals)


@dataclass(frozen=True)
class Trajectory:
    """Result of :func:`simulate_membership`.

    Attributes:
        organization: Organization id.
        name: Organization name.
        start: Start date.
        runs: Number of runs.
        seed: Root seed (rerun with it to reproduce the result).
        threat: The threat path.
        summary: Per year: ``threat``, member counts (``mean``, ``q05`` … ``q95``), ``p_terminated``,
            cumulative ``accessions`` and ``exits`` (means).
        states: Per year and state: ``p_member`` and whether it was a member at the start.
        distribution: Per year and member count (``members`` 0 … all): the share of runs with that many
            members (0 includes runs in which the alliance ended).
        first_year: Per state, the first simulated year's hazard (``exit`` for members, ``join`` for
            candidates) across parameter draws (median and 90% band), and for states with an unanswered
            request in the window, the same hazard had the request been answered (``p_if_assisted``).
        notes: Assumptions.
        label: Always says the result is illustrative.
    """

    organization: str
    name: str
    start: dt.date
    runs: int
    seed: int
    threat: ThreatPath
    summary: pd.DataFrame
    states: pd.DataFrame
    distribution: pd.DataFrame
    first_year: pd.DataFrame
    notes: tuple[str, ...] = field(default=())
    label: str = LABEL

    def to_dict(self, suite: HazardSuite | None = None, hypotheses: Sequence[Effect] = ()) -> dict[str, Any]:
        """The JSON contract of ``casus dynamics --format json`` (documented in ``docs/dynamics.md``).

        Args:
            suite: The fitted models the trajectory was simulated with: their out-of-sample ``validation``.
            hypotheses: The hypothesis tests (:func:`casus.sim.dynamics.io.load_hypothesis_tests`).

        ``states`` is the first year's hazard of each state with its probability of membership in the last
        year; NaN becomes ``null``.
        """
        horizon = self.states.loc[self.states["year"] == self.states["year"].max(), ["state", "p_member"]]
        states = self.first_year.merge(horizon, on="state")
        data: dict[str, Any] = {
            "label": self.label,
            "organization": self.organization,
            "name": self.name,
            "start": self.start.isoformat(),
            "runs": self.runs,
            "seed": self.seed,
            "threat": {"kind": self.threat.kind, "years": list(self.threat.years), "values": list(self.threat.values)},
        }
        if suite is not None:
            data["validation"] = _records(suite.validation_table())
            data["hypotheses"] = [e.as_dict() for e in hypotheses]
        data.update(
            trajectory=_records(self.summary),
            distribution=_records(self.distribution),
            states=[
                {k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in _records(states)
            ],
            notes=list(self.notes),
        )
        return data


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = df.to_dict(orient="records")  # type: ignore[assignment]
    return out


def _run_params(fit: FittedHazard, rng: np.random.Generator, runs: int, uncertain: bool) -> F64:
    return fit.draw(rng, runs) if uncertain else np.broadcast_to(fit.params, (runs, len(fit.params))).copy()


def _prob(fit: FittedHazard, params: F64, columns: Mapping[str, object]) -> F64:
    x = design_from(fit.names, columns)  # type: ignore[arg-type]
    b = params if x.ndim == 2 else params[:, None, :]
    out: F64 = 1.0 / (1.0 + np.exp(-np.sum(x * b, axis=-1)))
    return out


def _exit_cols(s: OrgSnapshot, alive: np.ndarray, entry: np.ndarray, year: int, z: float) -> dict[str, object]:
    n = np.maximum(alive.sum(axis=1, keepdims=True), 1)
    total = (alive * s.cinc).sum(axis=1, keepdims=True)

    def window(y: np.ndarray) -> F64:
        on: F64 = ((y > 0) & (year - WINDOW <= y) & (y <= year - 1)).astype(np.float64)
        return on

    return {
        "log_dur": np.log(np.maximum(year - entry + 1, 1)),
        "threat": z,
        "log_cinc": np.log(np.maximum(s.cinc, 1e-6)),
        "cinc_share": np.where(total > 0, s.cinc / np.where(total > 0, total, 1.0), 0.0),
        "major": s.major.astype(np.float64),
        "log_size": np.log(n),
        "defense": float(s.defense),
        "mid_any": s.mid_any.astype(np.float64),
        "targeted": window(s.targeted_year),
        "unassisted": window(s.unassisted_year),
        "mid_with_ally": 0.0,
    }


def _accession_cols(s: OrgSnapshot, alive: np.ndarray, former: np.ndarray, year: int, z: float) -> dict[str, object]:
    n = alive.sum(axis=1, keepdims=True)
    same = (alive[:, None, :] & (s.region[None, :, None] == s.region[None, None, :])).sum(axis=2)
    return {
        "log_age": np.log(max(year - s.founded, 1)),
        "threat": z,
        "log_cinc": np.log(np.maximum(s.cinc, 1e-6)),
        "major": s.major.astype(np.float64),
        "mid_any": s.mid_any.astype(np.float64),
        "same_region": same / np.maximum(n, 1),
        "tied": s.tied.astype(np.float64),
        "former": former.astype(np.float64),
        "log_size": np.log(np.maximum(n, 1)),
        "open": float(s.open),
        "n_multi": s.n_multi,
    }


def _termination_cols(s: OrgSnapshot, alive: np.ndarray, year: int, z: float) -> dict[str, object]:
    n = np.maximum(alive.sum(axis=1), 1)
    return {
        "log_age": np.log(max(year - s.founded + 1, 1)),
        "threat": z,
        "bilat": 0.0,
        "defense": float(s.defense),
        "organ": float(s.organ),
        "log_size": np.log(n),
        "major": (alive & s.major).any(axis=1).astype(np.float64),
        "log_cinc_total": np.log(np.maximum((alive * s.cinc).sum(axis=1), 1e-6)),
        "intra_mid": 0.0,
    }


def simulate_membership(
    suite: HazardSuite,
    snapshot: OrgSnapshot,
    threat: ThreatPath,
    *,
    runs: int = 1000,
    rng: RngLike = None,
    parameter_uncertainty: bool = True,
) -> Trajectory:
    """Simulate the organization's membership over the years of ``threat``.

    Args:
        suite: Fitted hazard models (:func:`casus.sim.dynamics.hazard.fit_hazard_models`).
        snapshot: The starting point (:func:`casus.sim.dynamics.snapshot.org_snapshot`).
        threat: Yearly threat values; its first year should follow the start date's year.
        runs: Number of runs (each with its own coefficient draw).
        rng: Seed, Generator or ``None`` (see :mod:`casus.sim.rng`); the same seed gives the same result
            bit for bit, and the result records its root seed.
        parameter_uncertainty: Draw coefficients (True) or use the point estimates (process noise only).

    Raises:
        InvalidInputError: ``runs`` below 1 or a path starting before the start year.
    """
    if runs < 1:
        raise InvalidInputError(f"--runs must be at least 1, got {runs}")
    if threat.years[0] <= snapshot.start.year - 1:
        raise InvalidInputError(f"the threat path starts in {threat.years[0]}, before {snapshot.start.year}")
    try:
        seed = root_seed(rng)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from None
    g_params, g_process = spawn_generators(seed, 2)
    models = suite.models
    b_exit = _run_params(models["exit"], g_params, runs, parameter_uncertainty)
    b_acc = _run_params(models["accession"], g_params, runs, parameter_uncertainty)
    b_term = _run_params(models["termination"], g_params, runs, parameter_uncertainty)
    s = snapshot
    p_states = len(s.states)
    alive = np.broadcast_to(s.member, (runs, p_states)).copy()
    former = np.broadcast_to(s.former, (runs, p_states)).copy()
    entry = np.broadcast_to(s.entry_year, (runs, p_states)).copy()
    ended = np.zeros(runs, dtype=bool)
    acc_total = np.zeros(runs)
    exit_total = np.zeros(runs)
    rows, state_rows, dist_rows, first = [], [], [], None
    for year, z in zip(threat.years, threat.values, strict=True):
        p_exit = _prob(models["exit"], b_exit, _exit_cols(s, alive, entry, year, z))
        p_join = _prob(models["accession"], b_acc, _accession_cols(s, alive, former, year, z))
        p_end = _prob(models["termination"], b_term, _termination_cols(s, alive, year, z))
        if first is None:
            first = _first_year(s, alive, entry, year, z, p_exit, p_join, models["exit"], b_exit)
        u = g_process.random((runs, 2 * p_states + 1))
        ends_now = ~ended & (u[:, -1] < p_end)
        leaves = alive & (u[:, :p_states] < p_exit) & ~ends_now[:, None]
        joins = ~alive & ~ended[:, None] & ~ends_now[:, None] & (u[:, p_states:-1] < p_join)
        ended |= ends_now
        acc_total += joins.sum(axis=1)
        exit_total += leaves.sum(axis=1)
        former |= leaves
        entry = np.where(joins, year, entry)
        alive = ((alive & ~leaves) | joins) & ~ended[:, None]
        count = alive.sum(axis=1)
        rows.append(_year_row(year, z, count, ended, acc_total, exit_total))
        shares = np.bincount(count, minlength=p_states + 1) / runs
        dist_rows += [{"year": year, "members": k, "probability": float(v)} for k, v in enumerate(shares)]
        pm = alive.mean(axis=0)
        state_rows += [
            {"year": year, "state": st, "name": nm, "at_start": bool(m0), "p_member": float(p)}
            for st, nm, m0, p in zip(s.states, s.names, s.member, pm, strict=True)
        ]
    assert first is not None
    return Trajectory(
        s.organization, s.name, s.start, runs, seed, threat, pd.DataFrame(rows), pd.DataFrame(state_rows),
        pd.DataFrame(dist_rows), first, s.notes,
    )  # fmt: skip


def _year_row(
    year: int, z: float, count: np.ndarray, ended: np.ndarray, acc_total: np.ndarray, exit_total: np.ndarray
) -> dict[str, float]:
    """One year of the summary: threat, member-count mean and quantiles, terminations, accessions, exits."""
    qs = np.quantile(count, QUANTILES)
    return {
        "year": year, "threat": z, "mean": float(count.mean()),
        **{f"q{round(q * 100):02d}": float(v) for q, v in zip(QUANTILES, qs, strict=True)},
        "p_terminated": float(ended.mean()), "accessions": float(acc_total.mean()),
        "exits": float(exit_total.mean()),
    }  # fmt: skip


def _first_year(
    s: OrgSnapshot,
    alive: np.ndarray,
    entry: np.ndarray,
    year: int,
    z: float,
    p_exit: F64,
    p_join: F64,
    fit_exit: FittedHazard,
    b_exit: F64,
) -> pd.DataFrame:
    """The first year's hazards per state across draws, and the assisted counterfactual."""
    cols = _exit_cols(s, alive, entry, year, z)
    p_helped = _prob(fit_exit, b_exit, dict(cols, unassisted=0.0))
    out = []
    un = np.asarray(cols["unassisted"]).astype(bool)
    for i, st in enumerate(s.states):
        p = p_exit[:, i] if s.member[i] else p_join[:, i]
        lo, med, hi = np.quantile(p, (0.05, 0.5, 0.95))
        out.append(
            {
                "state": st, "name": s.names[i], "status": s.status[i], "hazard": "exit" if s.member[i] else "join",
                "p_median": float(med), "p_low": float(lo), "p_high": float(hi), "unassisted": bool(un[i]),
                "p_if_assisted": float(np.median(p_helped[:, i])) if un[i] and s.member[i] else None,
            }
        )  # fmt: skip
    return pd.DataFrame(out)
