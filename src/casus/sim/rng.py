"""One helper for randomness: every simulation takes ``rng: np.random.Generator | int | None``.

The argument is turned into a *root seed* (an integer recorded in every result), and replications are run in
chunks, each with its own child generator spawned from ``SeedSequence(root)``. The same root seed therefore
gives the same result bit for bit, however the work is chunked, as long as the chunk size is the same.

>>> root_seed(42)
42
>>> a = [g.random() for g in spawn_generators(42, 3)]
>>> b = [g.random() for g in spawn_generators(42, 3)]
>>> a == b
True
"""

from __future__ import annotations

import numpy as np

RngLike = np.random.Generator | int | None
"""What a simulation accepts as its source of randomness."""

_MAX_SEED = 2**63 - 1


def root_seed(rng: RngLike) -> int:
    """The root seed a simulation records and derives its child generators from.

    Args:
        rng: An integer seed (used as it is), a generator (one integer is drawn from it, so the caller's
            generator advances), or ``None`` (fresh OS entropy).

    Raises:
        ValueError: A negative integer seed.
    """
    if isinstance(rng, np.random.Generator):
        return int(rng.integers(0, _MAX_SEED))
    if rng is None:
        return int(np.random.SeedSequence().generate_state(2, np.uint64)[0] & np.uint64(_MAX_SEED))
    seed = int(rng)
    if seed < 0:
        raise ValueError(f"a seed must be a non-negative integer, got {seed}")
    return seed


def spawn_generators(seed: int, n: int) -> list[np.random.Generator]:
    """``n`` independent child generators of ``SeedSequence(seed)`` (PCG64), one per chunk."""
    return [np.random.Generator(np.random.PCG64(child)) for child in np.random.SeedSequence(seed).spawn(n)]


def generator(rng: RngLike) -> tuple[np.random.Generator, int]:
    """A single generator and the root seed it comes from (for small, unchunked draws)."""
    seed = root_seed(rng)
    return spawn_generators(seed, 1)[0], seed
