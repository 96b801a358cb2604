"""Who defends whom: the vectorised all-pairs table against the single-query loop, run side by side.

Run: ``python benchmarks/bench_pairs.py [--years 1816:2018] [--sample 400]`` (needs ATOP 5.1 and COW in
``../shared/data`` or ``CASUS_DATA_DIR``). Prints, for each date, the time of :func:`evaluate_pairs` over
every ordered pair of system members and the time of the baseline — ``evaluate_casus_foederis`` asked pair
by pair, as ``casus obligations`` does — on a random sample of pairs, scaled to all pairs (ratio printed);
then every year's 1 July written as Parquet partitions, with peak memory and the machine's load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import resource
import tempfile
import time
from collections.abc import Callable

import numpy as np


def main() -> None:
    """Run the benchmark and print the figures."""
    from casus.data.cow import load_states
    from casus.data.pairs_io import parse_years, sweep_years
    from casus.data.system import system_members
    from casus.knowledge import default_provider
    from casus.obligations import evaluate_casus_foederis
    from casus.obligations.crisis import Attacker, Crisis
    from casus.obligations.pairs import evaluate_pairs

    ap = argparse.ArgumentParser()
    ap.add_argument("--years", default="1816:2018")
    ap.add_argument("--sample", type=int, default=400)
    ap.add_argument("--dates", default="2024-06-25,1990-07-01,1914-07-01")
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    t0 = time.perf_counter()
    kb = default_provider().with_atop()
    cow = load_states()
    print(f"loading (curated + ATOP + COW): {time.perf_counter() - t0:.2f} s")
    rng = np.random.default_rng(12)
    for text in args.dates.split(","):
        on = dt.date.fromisoformat(text)
        states = system_members(kb, on, cow)
        n = len(states)
        evaluate_pairs(kb, states, on)  # warm caches (names, places)
        best = min(_timed(functools.partial(evaluate_pairs, kb, states, on)) for _ in range(3))
        rows = len(evaluate_pairs(kb, states, on))
        picks = rng.choice(n * n, size=args.sample * 2, replace=False)
        pairs = [(states[i // n], states[i % n]) for i in picks if i // n != i % n][: args.sample]

        def loop(pairs: list[tuple[str, str]] = pairs, on: dt.date = on) -> None:
            for a, t in pairs:
                crisis = Crisis(Attacker(a, a), t, on, kb.country_place(t, on))
                evaluate_casus_foederis(kb, crisis)

        per_pair = _timed(loop) / len(pairs)
        full = per_pair * n * (n - 1)
        print(
            f"{on}: {n} states, {n * (n - 1):,} pairs, {rows:,} triads: all-pairs {best * 1000:.0f} ms; "
            f"single-query loop {per_pair * 1e3:.2f} ms/pair on {len(pairs)} pairs -> {full:.1f} s for all "
            f"pairs; ratio {full / best:,.0f}x"
        )
    first, last = parse_years(args.years)
    with tempfile.TemporaryDirectory() as tmp:
        took = _timed(lambda: sweep_years(kb, range(first, last + 1), tmp))
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(tmp) for f in fs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"years {first}-{last} (1 July, Parquet partitions, {size / 1e6:.0f} MB): {took:.1f} s; "
        f"peak memory {peak:.0f} MB; load average now {os.getloadavg()[0]:.1f}"
    )


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
