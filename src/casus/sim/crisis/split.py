"""The fixed hold-out of the backtest: a stratified draw with a fixed seed, committed before any fitting.

The rule (documented in ``docs/episodes-codebook.md`` and applied once by ``scripts/draw_holdout.py``):

1. the *pool* is every curated episode the backtest could run on the day of the draw (an episode whose
   organization the knowledge base lacks is left out);
2. episodes are grouped in strata by request (``forces``, ``assistance``, ``consultation``, or ``none`` when no
   request was made) × era (before 1991, 1991–2013, 2014 on) — :attr:`Episode.stratum`;
3. 20 places are shared among the strata in proportion to their size (largest remainders, ties broken by
   stratum name), every stratum of two or more episodes getting at least one;
4. within each stratum (episodes sorted by id) the places are drawn without replacement by
   ``numpy.random.default_rng(SEED)``, strata taken in name order.

The draw is then frozen in ``casus/curated/data/episodes_holdout.yaml``: episodes added later never enter
it, so the hold-out stays out-of-sample. :func:`check_holdout` re-runs the rule on the frozen pool.

>>> allocate({"a": 6, "b": 3, "c": 1}, 5)
{'a': 3, 'b': 2, 'c': 0}
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from casus.errors import CasusError
from casus.sim.crisis.backtest import Episode

SEED = 16
"""The draw's seed (the issue number)."""

SIZE = 20
"""Episodes held out."""

SPLITS = ("all", "train", "holdout")


def allocate(sizes: Mapping[str, int], n: int) -> dict[str, int]:
    """Share ``n`` places among strata in proportion to their sizes (largest remainders).

    Every stratum with at least two episodes gets at least one place when ``n`` allows it; no stratum gets
    more places than it has episodes.
    """
    total = sum(sizes.values())
    if n > total:
        raise CasusError(f"cannot hold out {n} episodes from a pool of {total}")
    quota = {k: n * v / total for k, v in sizes.items()}
    out = {k: min(sizes[k], math.floor(q)) for k, q in quota.items()}
    for k in sorted(sizes):
        if out[k] == 0 and sizes[k] >= 2 and sum(out.values()) < n:
            out[k] = 1
    order = sorted(sizes, key=lambda k: (-(quota[k] - math.floor(quota[k])), k))
    i = 0
    while sum(out.values()) < n:
        k = order[i % len(order)]
        if out[k] < sizes[k]:
            out[k] += 1
        i += 1
    while sum(out.values()) > n:  # minimums may overshoot: take back from the largest quotas
        k = max((k for k in out if out[k] > 1), key=lambda k: (out[k] - quota[k], k))
        out[k] -= 1
    return out


def draw_holdout(pool: Sequence[Episode], n: int = SIZE, seed: int = SEED) -> tuple[str, ...]:
    """The stratified draw of ``n`` episode ids from ``pool`` (see the module docstring), sorted."""
    strata: dict[str, list[str]] = {}
    for e in pool:
        strata.setdefault(e.stratum, []).append(e.id)
    places = allocate({k: len(v) for k, v in strata.items()}, n)
    rng = np.random.default_rng(seed)
    chosen: list[str] = []
    for k in sorted(strata):
        ids = sorted(strata[k])
        if places[k]:
            chosen.extend(str(x) for x in rng.choice(ids, size=places[k], replace=False))
    return tuple(sorted(chosen))


def check_holdout(episodes: Iterable[Episode], pool_ids: Sequence[str], holdout_ids: Sequence[str]) -> None:
    """Raise unless the frozen hold-out is the rule applied to the frozen pool."""
    by_id = {e.id: e for e in episodes}
    missing = [i for i in (*pool_ids, *holdout_ids) if i not in by_id]
    if missing:
        raise CasusError(f"hold-out file names episodes that do not exist: {', '.join(missing)}")
    again = draw_holdout([by_id[i] for i in pool_ids])
    if tuple(sorted(holdout_ids)) != again:
        raise CasusError("the frozen hold-out is not the documented draw over its pool; do not edit it by hand")


def select(episodes: Sequence[Episode], holdout_ids: Sequence[str], split: str) -> tuple[Episode, ...]:
    """The episodes of a split: ``all``, ``train`` (not held out) or ``holdout``."""
    if split not in SPLITS:
        raise CasusError(f"split {split!r} is not one of {', '.join(SPLITS)}")
    held = set(holdout_ids)
    if split == "all":
        return tuple(episodes)
    keep = split == "holdout"
    return tuple(e for e in episodes if (e.id in held) is keep)
