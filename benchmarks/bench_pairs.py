"""Who defends whom: the all-pairs table against the single-query loop, run side by side, and its cost curve.

Run: ``python benchmarks/bench_pairs.py [--years 1816:2018] [--sample 200] [--plot docs/img/pairs-cost.png]``
(needs ATOP 5.1 and COW in ``../shared/data`` or ``CASUS_DATA_DIR``). Prints, with the machine's load:

1. One date: :func:`evaluate_pairs` over every ordered pair of system members, with a new cache (cold: the
   first date a process asks) and with a cache that has seen the year before (warm: a sweep), best of 3;
   against the baseline — ``evaluate_casus_foederis`` asked pair by pair, as ``casus obligations`` does —
   timed on a random sample of pairs and scaled to all pairs (ratio printed).
2. Every year's 1 July written as Parquet partitions, in this process and on a local Dask cluster of two
   workers; the baseline loop is timed on a sample of pairs of every 10th year and scaled to every pair of
   every year (ratio printed); peak memory (this process, and the largest worker).
3. Cost against the number of pairs (random subsets of the states) and of treaties (random subsets of the
   treaties in force), cold cache, on 2010-07-01, with the scaled loop beside it; ``--plot`` draws both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import tempfile
import time
from collections.abc import Callable
from typing import Any

import numpy as np


def main() -> None:
    """Run the benchmark and print the figures."""
    from casus.data.cow import load_states
    from casus.knowledge import default_provider

    ap = argparse.ArgumentParser()
    ap.add_argument("--years", default="1816:2018")
    ap.add_argument("--sample", type=int, default=200, help="pairs timed with the single-query loop per date")
    ap.add_argument("--dates", default="2024-06-25,1990-07-01,1914-07-01")
    ap.add_argument("--plot", default="", help="write the cost curves to this PNG")
    ap.add_argument("--skip-years", action="store_true")
    args = ap.parse_args()
    print(f"load average at start: {_load()} on {os.cpu_count()} cores")
    t0 = time.perf_counter()
    kb = default_provider().with_atop()
    cow = load_states()
    print(f"loading (curated + ATOP + COW): {time.perf_counter() - t0:.2f} s")
    rng = np.random.default_rng(12)
    for text in args.dates.split(","):
        one_date(kb, cow, dt.date.fromisoformat(text), rng, args.sample)
    if not args.skip_years:
        years(kb, cow, args.years, rng, max(20, args.sample // 5))
    curves = cost_curves(kb, cow, dt.date(2010, 7, 1), rng, args.sample)
    if args.plot:
        plot(curves, args.plot)
    print(f"load average at end: {_load()}")


def one_date(kb: Any, cow: Any, on: dt.date, rng: np.random.Generator, sample: int) -> None:
    """Cold and warm all-pairs time on one date against the scaled single-query loop."""
    from casus.data.system import system_members
    from casus.obligations.pairs import PairsCache, evaluate_pairs

    states = system_members(kb, on, cow)
    n = len(states)
    cold = min(_timed(lambda: evaluate_pairs(kb, states, on, cache=PairsCache(kb))) for _ in range(3))
    cache = PairsCache(kb)
    before = on.replace(year=on.year - 1)
    evaluate_pairs(kb, system_members(kb, before, cow), before, cache=cache)
    warm = _timed(lambda: evaluate_pairs(kb, states, on, cache=cache))  # the first time this date is asked
    rows = len(evaluate_pairs(kb, states, on, cache=cache))
    per_pair = _loop_per_pair(kb, states, on, rng, sample)
    full = per_pair * n * (n - 1)
    print(
        f"{on}: {n} states, {n * (n - 1):,} pairs, {rows:,} triads: all pairs {cold * 1e3:.0f} ms cold (new cache), "
        f"{warm * 1e3:.0f} ms warm (cache of {before.year}); single-query loop {per_pair * 1e3:.2f} ms/pair on "
        f"{sample} pairs -> {full:.0f} s for all pairs; ratio {full / cold:,.0f}x cold, {full / warm:,.0f}x warm "
        f"[load {_load()}]"
    )


def years(kb: Any, cow: Any, text: str, rng: np.random.Generator, sample: int) -> None:
    """Every year in process and on two Dask workers, against the scaled loop."""
    from casus.data import pairs_io
    from casus.data.system import system_members

    first, last = pairs_io.parse_years(text)
    span = range(first, last + 1)
    pairs_io._CACHE.clear()  # a cold process
    with tempfile.TemporaryDirectory() as tmp:
        here = _timed(lambda: pairs_io.sweep_years(kb, span, tmp, states=cow, runner=pairs_io.InProcess()))
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(tmp) for f in fs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"years {first}-{last} in this process: {here:.1f} s, {size / 1e6:.1f} MB Parquet, peak {peak:.0f} MB "
        f"[load {_load()}]"
    )
    dask = _dask_years(kb, cow, span)
    loop = 0.0
    for year in span[::10]:
        on = dt.date(year, 7, 1)
        states = system_members(kb, on, cow)
        loop += _loop_per_pair(kb, states, on, rng, sample) * len(states) * (len(states) - 1) * 10
    ratio = f"ratio {loop / here:,.0f}x in process" + (f", {loop / dask:,.0f}x on Dask" if dask else "")
    print(f"single-query loop, sampled every 10th year ({sample} pairs each), scaled: {loop / 3600:.1f} h; {ratio}")


def _dask_years(kb: Any, cow: Any, span: range) -> float | None:
    try:
        from casus.data.pairs_dask import DaskYears
        from casus.data.pairs_io import sweep_years
    except ImportError:
        print("Dask not installed (pip install 'casus-foederis[dist]'): no Dask figure")
        return None
    with DaskYears(workers=2) as runner, tempfile.TemporaryDirectory() as tmp:
        took = _timed(lambda: sweep_years(kb, span, tmp, states=cow, runner=runner))
        info = runner.executor.client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(
        f"years {span.start}-{span.stop - 1} on a local Dask cluster of 2 workers (started before timing): "
        f"{took:.1f} s, worker peak {max(info.values()):.0f} MB [load {_load()}]"
    )
    return took


def cost_curves(kb: Any, cow: Any, on: dt.date, rng: np.random.Generator, sample: int) -> dict[str, list[Any]]:
    """Cold-cache time against subsets of the states and of the treaties, with the scaled loop."""
    from casus.data.system import system_members
    from casus.obligations.pairs import PairsCache, candidate_treaties, evaluate_pairs

    states = system_members(kb, on, cow)
    treaties = [t.id for t in candidate_treaties(kb, on)]
    per_pair = _loop_per_pair(kb, states, on, rng, sample)
    out: dict[str, list[Any]] = {"pairs": [], "treaties": []}
    print(f"cost on {on} (cold cache, best of 3), {len(states)} states, {len(treaties)} treaties in force:")
    for share in (0.125, 0.25, 0.5, 0.75, 1.0):
        some = sorted(rng.choice(states, max(2, round(share * len(states))), replace=False).tolist())
        took = min(_timed(lambda s=some: evaluate_pairs(kb, s, on, cache=PairsCache(kb))) for _ in range(3))
        n = len(some) * (len(some) - 1)
        out["pairs"].append((n, took, per_pair * n))
        print(f"  {len(some):4d} states, {n:7,d} pairs, all treaties: {took * 1e3:7.0f} ms; loop {per_pair * n:8.1f} s")
    for share in (0.125, 0.25, 0.5, 0.75, 1.0):
        some = rng.choice(treaties, max(1, round(share * len(treaties))), replace=False).tolist()
        took = min(
            _timed(lambda t=some: evaluate_pairs(kb, states, on, cache=PairsCache(kb), treaties=t)) for _ in range(3)
        )
        loop = per_pair * len(states) * (len(states) - 1) * len(some) / len(treaties)
        out["treaties"].append((len(some), took, loop))
        print(f"  {len(some):4d} treaties, all pairs: {took * 1e3:7.0f} ms; loop (pro rata) {loop:8.1f} s")
    return out


def plot(curves: dict[str, list[Any]], path: str) -> None:
    """Two panels, log scale: all-pairs time and scaled loop against pairs and against treaties."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for ax, key, label in zip(
        axes, ("pairs", "treaties"), ("ordered pairs of states", "treaties in force"), strict=True
    ):
        x, fast, loop = zip(*curves[key], strict=True)
        ax.plot(x, fast, "o-", label="evaluate_pairs (cold cache)")
        ax.plot(x, loop, "s--", label="single-query loop (scaled)")
        ax.set_xlabel(label)
        ax.set_ylabel("seconds")
        ax.set_yscale("log")
        ax.grid(True, alpha=0.3)
        ax.legend()
    fig.suptitle(f"Who defends whom on 2010-07-01: cost (load {_load()} on {os.cpu_count()} cores)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"wrote {path}")


def _loop_per_pair(kb: Any, states: list[str], on: dt.date, rng: np.random.Generator, sample: int) -> float:
    from casus.obligations import evaluate_casus_foederis
    from casus.obligations.crisis import Attacker, Crisis

    n = len(states)
    picks = rng.choice(n * n, size=min(n * n, sample * 2), replace=False)
    pairs = [(states[i // n], states[i % n]) for i in picks if i // n != i % n][:sample]

    def loop() -> None:
        for a, t in pairs:
            evaluate_casus_foederis(kb, Crisis(Attacker(a, kb.states.name_on(a, on)), t, on, kb.country_place(t, on)))

    return _timed(loop) / len(pairs)


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


if __name__ == "__main__":
    main()
