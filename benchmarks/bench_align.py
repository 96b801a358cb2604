"""Exact landscape search: Gray-code / vectorised enumeration of 25 actors vs a naive itertools brute force.

The naive search loops over ``itertools.product`` and computes each configuration's energy from scratch
(one numpy expression per configuration) and finds only the global minimum. It cannot do 25 actors in
reasonable time, so it is timed on ``NAIVE_N`` actors and scaled by the number of configurations
(``2**(25 - NAIVE_N)``), keeping its per-configuration cost at the smaller size — a lower bound, since
that cost grows with n². The exact search also finds every local minimum. Printed: timings and the ratio.
"""

from __future__ import annotations

import itertools
import time

import numpy as np

from casus.sim.align.landscape import exact_landscape, weights

N = 25
NAIVE_N = 16
REPEATS = 3


def instance(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    g = np.random.default_rng(seed)
    p = g.normal(size=(n, n))
    p = (p + p.T) / 2
    np.fill_diagonal(p, 0.0)
    return g.random(n), p


def naive(sizes: np.ndarray, p: np.ndarray) -> tuple[float, tuple[int, ...]]:
    """Every configuration with actor 0 fixed, energy from scratch; the lowest."""
    w = np.triu(weights(sizes, p), 1)
    n = len(sizes)
    best = (np.inf, ())
    for bits in itertools.product((0, 1), repeat=n - 1):
        b = np.array((0, *bits))
        e = float((w * (b[:, None] != b[None, :])).sum())
        if e < best[0]:
            best = (e, tuple(int(x) for x in b))
    return best


def main() -> None:
    s_small, p_small = instance(NAIVE_N)
    t0 = time.perf_counter()
    e_naive, b_naive = naive(s_small, p_small)
    t_naive = time.perf_counter() - t0
    exact_small = exact_landscape(s_small, p_small)
    assert exact_small.global_minimum.blocs == b_naive
    assert abs(exact_small.global_minimum.energy - e_naive) < 1e-9

    sizes, p = instance(N)
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        land = exact_landscape(sizes, p)
        times.append(time.perf_counter() - t0)
    t_exact = min(times)
    scale = 2 ** (N - NAIVE_N)
    t_naive_25 = t_naive * scale
    print(f"exact search, {N} actors ({2 ** (N - 1):,} configurations, global + all local minima): {t_exact:.3f} s")
    print(f"  global minimum energy {land.global_minimum.energy:.4f}; {land.n_minima} local minima")
    print(f"naive itertools brute force, {NAIVE_N} actors: {t_naive:.2f} s (agrees with the exact search)")
    print(f"naive brute force scaled to {N} actors (x{scale:,.0f}): {t_naive_25:,.0f} s")
    print(f"speed ratio: {t_naive_25 / t_exact:,.0f}x")


if __name__ == "__main__":
    main()
