"""Simulation: crisis Monte Carlo, membership dynamics (fitted hazards) and alignment (landscape theory).

One folder per model, each with its pure core and an ``io`` part for files and datasets:

* :mod:`casus.sim.crisis` — will an organization answer a member's request for help, and how
  (:class:`Scenario` → :func:`compile_crisis` → :func:`run_compiled` or :func:`exact_responses`; :func:`backtest`,
  :func:`sobol_indices`); files and datasets in :mod:`casus.sim.crisis.io`;
* :mod:`casus.sim.dynamics` — fitted hazard models of accession, exit and termination, and a membership
  trajectory under a threat path; adapters in :mod:`casus.sim.dynamics.io`;
* :mod:`casus.sim.align` — landscape theory (Axelrod & Bennett 1993): minimum-frustration two-bloc
  configurations;
* :mod:`casus.sim.sweep` — the crisis model over a grid or sample of its parameters (serial, local
  processes or Dask, :mod:`casus.sim.sweep.io.dask`).

Shared modules: :mod:`casus.sim.rng` (the one randomness helper), :mod:`casus.sim.panel` (the state-year
panel and alliance spells the dynamics and alignment models are built from) and :mod:`casus.sim.io` (the
datasets behind that panel).

Pure core: nothing outside an ``io`` module or folder reads files or datasets (``tests/test_layering.py``).
The names below are this package's stable API, imported on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "Scenario": "casus.sim.crisis.scenario",
    "Choice": "casus.sim.crisis.scenario",
    "Response": "casus.sim.crisis.scenario",
    "RequestKind": "casus.sim.crisis.scenario",
    "Params": "casus.sim.crisis.params",
    "Evidence": "casus.sim.crisis.evidence",
    "CrisisResult": "casus.sim.crisis.result",
    "CompiledCrisis": "casus.sim.crisis.model",
    "compile_crisis": "casus.sim.crisis.model",
    "exact_responses": "casus.sim.crisis.exact",
    "simulate_crisis": "casus.sim.crisis.simulate",
    "run_compiled": "casus.sim.crisis.simulate",
    "Episode": "casus.sim.crisis.backtest",
    "BacktestResult": "casus.sim.crisis.backtest",
    "backtest": "casus.sim.crisis.backtest",
    "sobol_indices": "casus.sim.crisis.sensitivity",
    "SobolResult": "casus.sim.crisis.sensitivity",
    "simulate_sweep": "casus.sim.sweep.run",
    "SweepDesign": "casus.sim.sweep.design",
    "ParamRange": "casus.sim.sweep.design",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'casus.sim' has no attribute {name!r}")
