"""Draw the backtest's hold-out once and freeze it (issue #16). Run: ``.venv/bin/python scripts/draw_holdout.py``.

The rule is in :mod:`casus.sim.crisis.split`. The pool is every curated episode the backtest can run today;
the result is written to ``src/casus/curated/data/episodes_holdout.yaml`` and committed BEFORE any fitting.
Re-running it after new episodes are added would change the hold-out: don't (the test checks the frozen file).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casus.curated import load_kb
from casus.errors import CasusError
from casus.sim.crisis.io import load_episodes
from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.split import SEED, SIZE, draw_holdout

OUT = Path(__file__).resolve().parent.parent / "src" / "casus" / "curated" / "data" / "episodes_holdout.yaml"
RULE = (
    "Stratified draw (casus.sim.crisis.split): strata = request (forces, assistance, consultation; none when no "
    "request was made) x era (before 1991, 1991-2013, 2014 on); 20 places shared in proportion to stratum sizes "
    "(largest remainders, at least one per stratum of two or more); numpy default_rng(16) draws without "
    "replacement within each stratum (ids sorted, strata in name order). Pool: the episodes the backtest could "
    "run on the day of the draw. Drawn and committed before any fitting; never re-drawn."
)


def main() -> None:
    """Draw the hold-out from the runnable episodes and write the frozen file."""
    kb = load_kb()
    pool = []
    for e in load_episodes():
        try:
            compile_crisis(kb, e.scenario())
        except CasusError as err:
            print(f"left out of the pool: {e.id} ({err})")
            continue
        pool.append(e)
    held = draw_holdout(pool, SIZE, SEED)
    lines = [
        "# The backtest's frozen hold-out (issue #16). Written by scripts/draw_holdout.py; never edit by hand.",
        f"rule: >-\n  {RULE}",
        f"seed: {SEED}",
        f"drawn: {dt.date.today().isoformat()}",
        "pool:",
        *[f"  - {e.id}" for e in pool],
        "holdout:",
        *[f"  - {i}" for i in held],
    ]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(held)} of {len(pool)} held out -> {OUT}")


if __name__ == "__main__":
    main()
