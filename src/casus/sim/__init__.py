"""Simulation: crisis Monte Carlo, membership dynamics (fitted hazards) and alignment (landscape theory).

The crisis part (this package's stable API):

* :class:`Scenario` — a request for help (YAML in :mod:`casus.sim.files`);
* :func:`simulate_crisis` — the vectorised Monte Carlo, returning a :class:`CrisisResult`;
* :func:`backtest` — the model run on curated real episodes, scored against base rates;
* :func:`sobol_indices` — which assumptions drive the answer.

Pure core: the modules imported here read no files. The adapters are :mod:`casus.sim.files` (scenario and
episode YAML), :mod:`casus.sim.datasets` (COW/ATOP evidence) and :mod:`casus.sim.charts` (Parquet, PNG, HTML).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "Scenario": "casus.sim.scenario",
    "Choice": "casus.sim.scenario",
    "Response": "casus.sim.scenario",
    "RequestKind": "casus.sim.scenario",
    "Params": "casus.sim.params",
    "Evidence": "casus.sim.evidence",
    "CrisisResult": "casus.sim.result",
    "CompiledCrisis": "casus.sim.model",
    "compile_crisis": "casus.sim.model",
    "exact_responses": "casus.sim.model",
    "simulate_crisis": "casus.sim.crisis",
    "Episode": "casus.sim.backtest",
    "BacktestResult": "casus.sim.backtest",
    "backtest": "casus.sim.backtest",
    "sobol_indices": "casus.sim.sensitivity",
    "SobolResult": "casus.sim.sensitivity",
    "simulate_sweep": "casus.sim.sweep",
    "SweepDesign": "casus.sim.sweep",
    "ParamRange": "casus.sim.sweep",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'casus.sim' has no attribute {name!r}")
