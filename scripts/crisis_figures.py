"""The hold-out figures of issue #16: scores, per-episode table and the reliability diagram.

Run once after ``scripts/fit_crisis.py``: ``.venv/bin/python scripts/crisis_figures.py``. Prints Markdown
tables for docs/simulation.md and writes ``docs/img/crisis-reliability.png``. It scores the frozen hold-out
with the frozen fit — nothing here feeds back into the fit.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from casus.curated import load_kb
from casus.sim.crisis.backtest import BASELINES, BacktestResult, backtest
from casus.sim.crisis.io import fitted_params, load_episodes, load_evidence, load_holdout
from casus.sim.crisis.split import select

IMG = Path(__file__).resolve().parent.parent / "docs" / "img" / "crisis-reliability.png"
NAMES = {"model": "crisis model (fitted)", **BASELINES}


def table(name: str, res: BacktestResult, military: bool = False) -> None:
    """Print one Markdown score table."""
    print(f"\n{name} ({len(res.scored)} episodes, {res.params_source} parameters)\n")
    print("| forecaster | Brier | log loss |\n|---|---|---|")
    for k, v in res.summary(military_only=military).items():
        print(f"| {NAMES.get(k, k)} | {v['brier']:.3f} | {v['log_loss']:.3f} |")


def main() -> None:
    """Score train (in-sample) and hold-out (once), print tables, draw the reliability diagram."""
    kb, ev = load_kb(), load_evidence()
    episodes, held = load_episodes(), load_holdout().holdout
    fitted = fitted_params()
    train = backtest(kb, select(episodes, held, "train"), ev, fitted, split="train", params_source="fitted")
    hold = backtest(kb, select(episodes, held, "holdout"), ev, fitted, split="holdout", params_source="fitted")
    hand = backtest(kb, select(episodes, held, "holdout"), ev, None, split="holdout", params_source="hand-set")
    table("Training episodes, fitted (in-sample)", train)
    table("Hold-out, fitted", hold)
    table("Hold-out, hand-set parameters", hand)
    table("Hold-out, requests for forces or assistance only, fitted", hold, military=True)
    print("\n| episode | request | outcome | honoured | P model (fitted) | P hand-set | two-number rule |")
    print("|---|---|---|---|---|---|---|")
    hand_by = {e.episode.id: e for e in hand.episodes}
    for e in hold.episodes:
        ep = e.episode
        req = ep.request.value + ("" if ep.request_made else " (not made)")
        print(
            f"| {ep.id} | {req} | {ep.outcome.value.replace('_', ' ')} | {'yes' if ep.honoured else 'no'} | "
            f"{e.p_honoured:.2f} | {hand_by[ep.id].p_honoured:.2f} | {e.forecasts['two_number_rule']:.2f} |"
        )
    fig, ax = plt.subplots(figsize=(6.4, 6.0), dpi=110)
    ax.plot([0, 1], [0, 1], color="#999", lw=1, ls="--", label="perfect calibration")
    styles = {
        ("model", "holdout"): ("#1f5fa8", "o", "fitted model, hold-out (20)"),
        ("two_number_rule", "holdout"): ("#c0504d", "s", "two-number rule, hold-out (20)"),
        ("model", "train"): ("#8fb3dd", "^", "fitted model, training (in-sample)"),
    }
    for (who, split), (color, marker, label) in styles.items():
        res = hold if split == "holdout" else train
        rows = res.reliability(who, bins=5)
        xs, ys, ns = (
            [float(r["mean_forecast"]) for r in rows],
            [float(r["observed"]) for r in rows],
            [int(r["n"]) for r in rows],
        )
        ax.plot(xs, ys, color=color, marker=marker, lw=1.2, label=label)
        for x, y, n in zip(xs, ys, ns, strict=True):
            ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(6, -10), fontsize=8, color=color)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.05)
    ax.set_xlabel("forecast P(request honoured), mean in each fifth")
    ax.set_ylabel("share of episodes honoured")
    ax.set_title("Reliability on the 20 held-out episodes (numbers: episodes per bin)", fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(IMG)
    print(f"\nwrote {IMG}")


if __name__ == "__main__":
    main()
