"""Fit the crisis model on the training episodes, run the ablation, and write the fit (issue #16).

Run: ``.venv/bin/python scripts/fit_crisis.py`` (a few minutes on one core; needs the COW/ATOP data in
``../shared/data`` for the member-level drivers). Writes ``src/casus/curated/data/crisis_fit.json``:
the fitted parameters, the driver groups dropped, the cross-validated ablation table and the training
base rates by request type. The hold-out (``episodes_holdout.yaml``) is never read here except to leave it out.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np

from casus.curated import load_kb
from casus.sim.crisis import fit as F
from casus.sim.crisis.io import load_episodes, load_evidence, load_holdout
from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.params import Params
from casus.sim.crisis.split import select

OUT = Path(__file__).resolve().parent.parent / "src" / "casus" / "curated" / "data" / "crisis_fit.json"
FOLDS = 3


def main() -> None:
    """Fit, ablate, drop the driver groups that do not add cross-validated skill, refit, write."""
    kb, evidence = load_kb(), load_evidence()
    train = select(load_episodes(), load_holdout().holdout, "train")
    cases = [
        F.Case(e.id, compile_crisis(kb, e.scenario(), evidence), e.honoured, e.request.honoured_by(), e.request)
        for e in train
    ]
    y = np.array([c.honoured for c in cases], dtype=float)
    rows = F.ablation(cases, k=FOLDS)
    full = next(r for r in rows if r["variant"] == "all drivers")
    dropped = [
        g
        for g in F.GROUPS
        if float(next(r for r in rows if r["variant"] == f"without {g}")["log_loss"]) <= float(full["log_loss"])
    ]
    final = F.fit(cases, drop=dropped)
    hand = F.predict(cases, Params())
    fitted = F.predict(cases, final.params)
    rates = {
        kind: float(np.mean([c.honoured for c in cases if c.request.value == kind]))
        for kind in ("forces", "assistance", "consultation")
    }
    counts = {kind: sum(c.request.value == kind for c in cases) for kind in rates}
    out = {
        "issue": 16,
        "fitted_on": dt.date.today().isoformat(),
        "train_episodes": [c.id for c in cases],
        "folds": FOLDS,
        "method": "penalised maximum likelihood (Gaussian prior at the hand-set values, sigma 1), L-BFGS-B",
        "free": list(F.FREE),
        "dropped": dropped,
        "params": {k: getattr(final.params, k) for k in F.FREE},
        "train": {
            "n": len(cases),
            "hand_set": {"brier": F.brier(hand, y), "log_loss": F.log_loss(hand, y)},
            "fitted_in_sample": {"brier": F.brier(fitted, y), "log_loss": F.log_loss(fitted, y)},
        },
        "ablation": rows,
        "base_rates": {"by_request": rates, "n_by_request": counts},
    }
    OUT.write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    print(json.dumps({k: out[k] for k in ("dropped", "train", "ablation")}, indent=2))


if __name__ == "__main__":
    main()
