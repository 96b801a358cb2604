"""Landscape theory of aggregation (Axelrod & Bennett 1993): minimum-frustration two-bloc configurations.

Actors ``i`` have sizes ``s_i`` and pairwise propensities ``p_ij`` (positive: they would rather be
together). A configuration puts each actor in one of two blocs; its energy (frustration) is

    E = sum over pairs i < j of  s_i * s_j * p_ij * d_ij,   d_ij = 1 if i and j are in different blocs.

Low energy means friends together and foes apart. A configuration is a *local minimum* when no single
actor can lower the energy by switching sides; the lowest is the *global minimum*. The two blocs are
unlabelled, so actor 0 is always put in bloc 0 (half the configurations need no visit).

:func:`exact_landscape` enumerates all ``2**(n-1)`` configurations (practical to ``n`` ≈ 25): the actors
after actor 0 are split into a low block, whose ``2**b`` configurations are handled as one numpy vector,
and a high block walked in Gray-code order, so each step flips one actor and updates the energies of the
whole low block incrementally. Local minima are then read off the energy array by comparing each
configuration with its ``n`` single-switch neighbours (strided views first, then only the survivors).
:func:`anneal_landscape` (simulated annealing with parallel chains, finished by greedy descent) handles
larger ``n``.

Worked example — three actors, A and B friends, both hostile to C: the minimum puts C alone.

>>> res = exact_landscape([1, 1, 1], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]], actors=("A", "B", "C"))
>>> res.global_minimum.blocs, res.global_minimum.energy
((0, 0, 1), -2.0)

References:
    Axelrod, Robert, and D. Scott Bennett. 1993. "A Landscape Theory of Aggregation." *British Journal
    of Political Science* 23(2): 211-233.

    Kirkpatrick, S., C. D. Gelatt, and M. P. Vecchi. 1983. "Optimization by Simulated Annealing."
    *Science* 220(4598): 671-680.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from casus.errors import InvalidInputError
from casus.sim.rng import RngLike, generator

F64 = npt.NDArray[np.float64]
EXACT_MAX = 26
"""Largest number of actors :func:`exact_landscape` accepts (2**25 energies, 256 MiB)."""
AUTO_EXACT = 25
"""Up to this many actors :func:`find_landscape` searches exactly; beyond, it anneals."""
_LOW_BITS = 16


@dataclass(frozen=True)
class Configuration:
    """A split of the actors into two blocs.

    Attributes:
        blocs: Bloc (0 or 1) of each actor; actor 0 is in bloc 0.
        energy: Its frustration.
    """

    blocs: tuple[int, ...]
    energy: float

    def bloc(self, which: int) -> tuple[int, ...]:
        """Indices of the actors in bloc ``which``."""
        return tuple(i for i, b in enumerate(self.blocs) if b == which)


@dataclass(frozen=True)
class Alignment:
    """Where one actor stands in a configuration.

    Attributes:
        actor: The actor.
        bloc: Its bloc.
        partners: The other actors of its bloc.
        opponents: The actors of the other bloc.
        switch_cost: Energy added if it alone switched sides (> 0: it is better off where it is).
    """

    actor: str
    bloc: int
    partners: tuple[str, ...]
    opponents: tuple[str, ...]
    switch_cost: float


@dataclass(frozen=True)
class Landscape:
    """Result of a landscape search.

    Attributes:
        actors: Actor labels.
        sizes: Sizes.
        propensity: Pairwise propensities (symmetric, zero diagonal).
        minima: Local minima, lowest energy first (at most the number asked for).
        n_minima: How many local minima were found in all.
        method: ``exact`` or ``annealing``.
        evaluated: Configurations whose energy was computed.
        seed: Root seed of the annealer (``None`` for exact search).
    """

    actors: tuple[str, ...]
    sizes: F64
    propensity: F64
    minima: tuple[Configuration, ...]
    n_minima: int
    method: str
    evaluated: int
    seed: int | None = None

    @property
    def global_minimum(self) -> Configuration:
        """The lowest-energy configuration (ties: the first found)."""
        return self.minima[0]

    def alignment(self, actor: str | int, config: Configuration | None = None) -> Alignment:
        """Which bloc ``actor`` is in (global minimum by default), with whom, and how firmly.

        Raises:
            InvalidInputError: Unknown actor.
        """
        i = self._index(actor)
        c = config or self.global_minimum
        sigma = 1.0 - 2.0 * np.asarray(c.blocs, dtype=np.float64)
        w = weights(self.sizes, self.propensity)
        cost = float(sigma[i] * (w[i] @ sigma))
        mine = c.blocs[i]
        return Alignment(
            self.actors[i],
            mine,
            tuple(self.actors[j] for j, b in enumerate(c.blocs) if b == mine and j != i),
            tuple(self.actors[j] for j, b in enumerate(c.blocs) if b != mine),
            cost,
        )

    def _index(self, actor: str | int) -> int:
        if isinstance(actor, int) and 0 <= actor < len(self.actors):
            return actor
        if actor in self.actors:
            return self.actors.index(str(actor))
        raise InvalidInputError(f"{actor!r} is not among the actors ({', '.join(self.actors)})")


def weights(sizes: npt.ArrayLike, propensity: npt.ArrayLike) -> F64:
    """The pair weights ``w_ij = s_i s_j p_ij`` (zero diagonal), after validating the inputs.

    Raises:
        InvalidInputError: Mismatched shapes, an asymmetric or non-finite propensity matrix, a negative size.
    """
    s = np.asarray(sizes, dtype=np.float64)
    p = np.asarray(propensity, dtype=np.float64)
    n = len(s)
    if s.ndim != 1 or p.shape != (n, n):
        raise InvalidInputError(f"need n sizes and an n×n propensity matrix, got {s.shape} and {p.shape}")
    if not (np.isfinite(s).all() and np.isfinite(p).all()):
        raise InvalidInputError("sizes and propensities must be finite")
    if (s < 0).any():
        raise InvalidInputError("sizes must be non-negative")
    if not np.allclose(p, p.T):
        raise InvalidInputError("the propensity matrix must be symmetric (p_ij = p_ji)")
    w = np.outer(s, s) * (p + p.T) / 2
    np.fill_diagonal(w, 0.0)
    return w


def energy(blocs: Sequence[int], sizes: npt.ArrayLike, propensity: npt.ArrayLike) -> float:
    """Frustration of one configuration (Axelrod & Bennett's E).

    >>> energy([0, 0, 1], [1, 1, 1], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
    -2.0
    """
    w = weights(sizes, propensity)
    b = np.asarray(blocs)
    return float(np.triu(w * (b[:, None] != b[None, :]), 1).sum())


def _bits(count: int, width: int) -> npt.NDArray[np.int8]:
    return ((np.arange(count)[:, None] >> np.arange(width)[None, :]) & 1).astype(np.int8)


def _all_energies(w: F64) -> F64:
    """Energy of every configuration with actor 0 in bloc 0; index bit ``j-1`` is actor ``j``'s bloc."""
    n = len(w)
    m = n - 1
    b = min(m, _LOW_BITS)
    h = m - b
    low = np.arange(1, 1 + b)
    high = np.arange(1 + b, n)
    s_low = 1.0 - 2.0 * _bits(1 << b, b)  # spins of every low configuration
    w_ll = w[np.ix_(low, low)]
    base = 0.5 * np.einsum("xi,ij,xj->x", s_low, w_ll, s_low) + s_low @ w[0, low]
    cross_p = s_low @ w[np.ix_(low, high)]  # (2**b, h)
    w_hh = w[np.ix_(high, high)]
    sig = np.ones(h)
    cross = cross_p.sum(axis=1) if h else np.zeros(1 << b)
    hconst = 0.5 * sig @ w_hh @ sig + sig @ w[0, high]
    total = np.triu(w, 1).sum()
    out = np.empty(1 << m, dtype=np.float64)
    block = 1 << b
    for g in range(1 << h):  # Gray-code walk over the high actors: one switch per step
        if g:
            k = (g & -g).bit_length() - 1
            hconst -= 2.0 * sig[k] * (w_hh[k] @ sig + w[0, high[k]])
            cross -= 2.0 * sig[k] * cross_p[:, k]
            sig[k] = -sig[k]
        code = g ^ (g >> 1)
        out[code * block : (code + 1) * block] = 0.5 * (total - (base + cross + hconst))
    return out


def _local_minima(e: F64, m: int, tol: float) -> npt.NDArray[np.int64]:
    """Indices of configurations no single switch improves (each compared with its ``m + 1`` neighbours).

    The first comparisons run on the whole array through strided views (contiguous for the high bits);
    once few candidates survive, the rest are checked on the survivors only.
    """
    ok = e <= e[::-1] + tol  # switching actor 0 = switching everyone else
    full = min(m, 4)
    for k in range(m - 1, m - 1 - full, -1):
        v = e.reshape(-1, 2, 1 << k)
        o = ok.reshape(-1, 2, 1 << k)
        d = v[:, 0, :] - v[:, 1, :]
        o[:, 0, :] &= d <= tol
        o[:, 1, :] &= d >= -tol
    idx = np.flatnonzero(ok)
    for k in range(m - full - 1, -1, -1):
        idx = idx[e[idx] <= e[idx ^ (1 << k)] + tol]
    return idx


def _config(index: int, n: int, e: float) -> Configuration:
    return Configuration((0, *(((index >> j) & 1) for j in range(n - 1))), float(e))


def _labels(actors: Sequence[str] | None, n: int) -> tuple[str, ...]:
    labels = tuple(str(a) for a in actors) if actors is not None else tuple(str(i) for i in range(n))
    if len(labels) != n:
        raise InvalidInputError(f"{len(labels)} actor labels for {n} actors")
    return labels


def exact_landscape(
    sizes: npt.ArrayLike,
    propensity: npt.ArrayLike,
    *,
    actors: Sequence[str] | None = None,
    max_minima: int = 50,
) -> Landscape:
    """Enumerate every two-bloc configuration; return the global minimum and the local minima.

    Args:
        sizes: Actor sizes (e.g. CINC).
        propensity: Symmetric propensities.
        actors: Labels (default ``"0"``, ``"1"``…).
        max_minima: How many local minima to keep (lowest first).

    Raises:
        InvalidInputError: Bad inputs, fewer than 2 or more than :data:`EXACT_MAX` actors.
    """
    w = weights(sizes, propensity)
    n = len(w)
    if not 2 <= n <= EXACT_MAX:
        raise InvalidInputError(f"exact search takes 2 to {EXACT_MAX} actors, got {n}; use anneal_landscape")
    e = _all_energies(w)
    tol = 1e-9 * max(float(np.abs(w).sum()), 1e-300)
    idx = _local_minima(e, n - 1, tol)
    order = idx[np.argsort(e[idx], kind="stable")]
    minima = tuple(_config(int(i), n, e[i]) for i in order[:max_minima])
    return Landscape(_labels(actors, n), np.asarray(sizes, float), np.asarray(propensity, float), minima,
                     len(idx), "exact", len(e))  # fmt: skip


def _descend(sig: F64, field: F64, w: F64) -> None:
    """Greedy descent in place: switch the most frustrated actor of each chain until none gains."""
    while True:
        gain = sig * field  # energy change of each switch
        k = np.argmin(gain, axis=1)
        rows = np.flatnonzero(gain[np.arange(len(sig)), k] < -1e-12)
        if rows.size == 0:
            return
        kk = k[rows]
        sig[rows, kk] = -sig[rows, kk]
        field[rows] += 2.0 * sig[rows, kk][:, None] * w[kk]


def anneal_landscape(
    sizes: npt.ArrayLike,
    propensity: npt.ArrayLike,
    *,
    actors: Sequence[str] | None = None,
    rng: RngLike = None,
    chains: int = 64,
    sweeps: int = 400,
    max_minima: int = 50,
) -> Landscape:
    """Simulated annealing (Metropolis, geometric cooling) over parallel chains, then greedy descent.

    Every chain ends in a local minimum; the distinct ones are returned, lowest first. The lowest is the
    best found — with enough chains and sweeps usually the global minimum, but not guaranteed.

    Args:
        sizes: Actor sizes.
        propensity: Symmetric propensities.
        actors: Labels.
        rng: Seed, Generator or ``None`` (see :mod:`casus.sim.rng`); same seed → same result.
        chains: Independent chains run side by side.
        sweeps: Sweeps per chain (one sweep = ``n`` proposed switches).
        max_minima: How many local minima to keep.

    Raises:
        InvalidInputError: Bad inputs.
    """
    w = weights(sizes, propensity)
    n = len(w)
    if n < 2 or chains < 1 or sweeps < 1:
        raise InvalidInputError("annealing needs at least 2 actors, 1 chain and 1 sweep")
    try:
        gen, seed = generator(rng)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from None
    sig = gen.choice(np.array([-1.0, 1.0]), size=(chains, n))
    field = sig @ w
    scale = float(np.abs(w).sum(axis=1).mean()) or 1.0
    steps = sweeps * n
    temps = scale * np.geomspace(1.0, 1e-4, steps)
    rows = np.arange(chains)
    for t in range(steps):
        k = gen.integers(0, n, size=chains)
        delta = sig[rows, k] * field[rows, k]
        acc = (delta <= 0) | (gen.random(chains) < np.exp(-np.maximum(delta, 0) / temps[t]))
        if acc.any():
            r, kk = rows[acc], k[acc]
            sig[r, kk] = -sig[r, kk]
            field[r] += 2.0 * sig[r, kk][:, None] * w[kk]
    _descend(sig, field, w)
    sig *= sig[:, :1]  # canonical: actor 0 in bloc 0
    found: dict[tuple[int, ...], float] = {}
    total = np.triu(w, 1).sum()
    for row in sig:
        blocs = tuple(int(v < 0) for v in row)
        found[blocs] = float(0.5 * (total - 0.5 * row @ w @ row))
    ranked = sorted(found.items(), key=lambda kv: kv[1])
    minima = tuple(Configuration(b, e) for b, e in ranked[:max_minima])
    return Landscape(_labels(actors, n), np.asarray(sizes, float), np.asarray(propensity, float), minima,
                     len(found), "annealing", chains * (steps + 1), seed)  # fmt: skip


def find_landscape(
    sizes: npt.ArrayLike,
    propensity: npt.ArrayLike,
    *,
    actors: Sequence[str] | None = None,
    rng: RngLike = None,
    max_minima: int = 50,
) -> Landscape:
    """Exact search up to :data:`AUTO_EXACT` actors, annealing beyond."""
    n = len(np.asarray(sizes))
    if n <= AUTO_EXACT:
        return exact_landscape(sizes, propensity, actors=actors, max_minima=max_minima)
    return anneal_landscape(sizes, propensity, actors=actors, rng=rng, max_minima=max_minima)
