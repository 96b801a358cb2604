"""Alliance-portfolio similarity: Signorino–Ritter S (unweighted and CINC-weighted) and Kendall's tau-b.

A state's alliance portfolio in a year is its tie level with every state in the COW system that year,
on the ordinal scale

====  =======================================================
3     defense or offense pact (active military support)
2     neutrality or non-aggression pact
1     consultation pact (entente)
0     no alliance tie
====  =======================================================

taken from ATOP pledges (:func:`casus.data.atop.pledge_years`) in either direction — a tie is a
property of the pair, so ``i``'s level with ``k`` is the highest obligation either promised the other.
Every state is tied to itself at level 3.

Worked example: portfolios ``x = (3, 0, 1)`` and ``y = (3, 1, 0)`` differ by 1 on two states, so
``S = 1 - 2 * 2 / (3 * 3) = 5/9``; of the three pairs of states two are concordant and one discordant,
so ``tau_b = (2 - 1) / 3 = 1/3``.

References:
    Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the Similarity of
    Foreign Policy Positions." *International Studies Quarterly* 43(1): 115-144.

    Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." *Journal of Conflict Resolution*
    19(2): 187-216.

    Leeds, Brett Ashley, et al. 2002. "Alliance Treaty Obligations and Provisions, 1815-1944."
    *International Interactions* 28: 237-260.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.data.atop import pledge_years
from casus.data.cow import load_system
from casus.data.nmc import load_nmc
from casus.errors import CoverageError, InvalidInputError

LEVELS = 4
"""Number of tie levels (0-3)."""
MAX_LEVEL = LEVELS - 1

_F = npt.NDArray[np.float64]


def tie_levels(pledges: pd.DataFrame) -> npt.NDArray[np.int8]:
    """The tie level (0-3) of each directed dyad-year row of a :func:`~casus.data.atop.pledge_years` table."""
    active = (pledges["atop_defense"].to_numpy() > 0) | (pledges["atop_offense"].to_numpy() > 0)
    neutral = (pledges["atop_neutral"].to_numpy() > 0) | (pledges["atop_nonagg"].to_numpy() > 0)
    consul = pledges["atop_consul"].to_numpy() > 0
    return np.select([active, neutral, consul], [3, 2, 1], 0).astype(np.int8)


def portfolio_matrix(
    year: int, *, pledges: pd.DataFrame | None = None, system: pd.DataFrame | None = None
) -> tuple[npt.NDArray[np.int16], npt.NDArray[np.int8]]:
    """Alliance portfolios of every system member in ``year``.

    Args:
        year: The year (1816-2016: COW system coverage inside ATOP's).
        pledges: Pre-computed :func:`~casus.data.atop.pledge_years`.
        system: Pre-loaded :func:`~casus.data.cow.load_system`.

    Returns:
        ``(ccodes, P)``: the sorted ccodes and the symmetric ``n x n`` matrix of tie levels, ``P[i, k]``
        being state ``i``'s tie with state ``k`` (3 on the diagonal).

    Raises:
        CoverageError: No system members that year.
    """
    s = load_system() if system is None else system
    codes = np.sort(s.loc[s["year"] == year, "ccode"].to_numpy(np.int16))
    if len(codes) == 0:
        raise CoverageError(f"no COW system members in {year}; portfolios cover 1816-2016")
    p = pledge_years() if pledges is None else pledges
    p = p.loc[p["year"] == year]
    i = np.searchsorted(codes, p["ccode1"].to_numpy())
    k = np.searchsorted(codes, p["ccode2"].to_numpy())
    ok = (i < len(codes)) & (k < len(codes))
    ok[ok] &= (codes[i[ok]] == p["ccode1"].to_numpy()[ok]) & (codes[k[ok]] == p["ccode2"].to_numpy()[ok])
    lv = tie_levels(p)[ok]
    mat = np.zeros((len(codes), len(codes)), dtype=np.int8)
    np.maximum.at(mat, (i[ok], k[ok]), lv)
    mat = np.maximum(mat, mat.T)
    np.fill_diagonal(mat, MAX_LEVEL)
    return codes, mat


def _as_vector(v: npt.ArrayLike, name: str) -> npt.NDArray[np.int64]:
    a = np.asarray(v)
    if a.ndim != 1 or len(a) == 0:
        raise InvalidInputError(f"{name} must be a non-empty 1-d portfolio")
    if not np.issubdtype(a.dtype, np.integer) or a.min() < 0 or a.max() > MAX_LEVEL:
        raise InvalidInputError(f"{name} must hold tie levels 0-{MAX_LEVEL}")
    return a.astype(np.int64)


def s_score(
    x: npt.ArrayLike, y: npt.ArrayLike, weights: npt.ArrayLike | None = None, max_distance: float = MAX_LEVEL
) -> float:
    """Signorino–Ritter S of two portfolios: ``1 - 2 * sum(w |x - y|) / (max_distance * sum(w))``.

    Args:
        x: Tie levels of the first state with each state of the system.
        y: Tie levels of the second state, same order.
        weights: Per-state weights (e.g. CINC); ``None`` for unweighted S. Missing (NaN) weights count 0.
        max_distance: Largest possible difference on the scale (3 for the 0-3 scale).

    Returns:
        S in [-1, 1]; NaN when every weight is 0.

    Raises:
        InvalidInputError: Portfolios of different lengths or outside the scale, negative weights.

    References:
        Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the Similarity
        of Foreign Policy Positions." *International Studies Quarterly* 43(1): 115-144.

    >>> round(s_score([3, 0, 1], [3, 1, 0]), 6)
    0.555556
    """
    a, b = _as_vector(x, "x"), _as_vector(y, "y")
    if len(a) != len(b):
        raise InvalidInputError(f"portfolios differ in length ({len(a)} vs {len(b)})")
    w = np.ones(len(a)) if weights is None else np.nan_to_num(np.asarray(weights, dtype=np.float64), nan=0.0)
    if w.shape != a.shape or (w < 0).any():
        raise InvalidInputError("weights must be non-negative, one per state")
    total = float(w.sum())
    if total == 0:
        return float("nan")
    return 1.0 - 2.0 * float((w * np.abs(a - b)).sum()) / (max_distance * total)


def tau_b(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Kendall's tau-b of two portfolios, as Bueno de Mesquita (1975) used it for alliance similarity.

    ``(C - D) / sqrt((n0 - n1) (n0 - n2))`` over pairs of states, with ``C``/``D`` the concordant and
    discordant pairs and ``n1``/``n2`` the pairs tied in ``x``/``y``.

    Returns:
        tau-b in [-1, 1]; NaN when either portfolio is constant.

    Raises:
        InvalidInputError: Portfolios of different lengths or outside the scale.

    References:
        Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." *Journal of Conflict Resolution*
        19(2): 187-216.

    >>> round(tau_b([3, 0, 1], [3, 1, 0]), 6)
    0.333333
    """
    a, b = _as_vector(x, "x"), _as_vector(y, "y")
    if len(a) != len(b):
        raise InvalidInputError(f"portfolios differ in length ({len(a)} vs {len(b)})")
    table = np.zeros((LEVELS, LEVELS))
    np.add.at(table, (a, b), 1.0)
    return float(_tau_from_tables(table[:, :, None, None])[0, 0])


def _tau_from_tables(n: _F) -> _F:
    """tau-b from contingency tables ``n[a, b, i, j]`` (counts of states at level a for i, b for j)."""
    levels = n.shape[0]
    conc = np.zeros(n.shape[2:])
    disc = np.zeros(n.shape[2:])
    for a in range(levels - 1):
        for b in range(levels):
            # Cells strictly above a on x: concordant if also above b on y, discordant if below.
            above = n[a + 1 :, b + 1 :].sum(axis=(0, 1)) if b + 1 < levels else 0.0
            below = n[a + 1 :, :b].sum(axis=(0, 1)) if b > 0 else 0.0
            conc += n[a, b] * above
            disc += n[a, b] * below
    total = n.sum(axis=(0, 1))
    n0 = total * (total - 1) / 2
    rx = n.sum(axis=1)
    ry = n.sum(axis=0)
    n1 = (rx * (rx - 1) / 2).sum(axis=0)
    n2 = (ry * (ry - 1) / 2).sum(axis=0)
    denom = np.sqrt((n0 - n1) * (n0 - n2))
    with np.errstate(invalid="ignore", divide="ignore"):
        out: _F = np.where(denom > 0, (conc - disc) / np.where(denom > 0, denom, 1.0), np.nan)
    return out


def _tables(mat: npt.NDArray[np.int8], w: _F) -> _F:
    """Weighted contingency tables ``T[a, b, i, j] = sum_k w_k [P_ik = a][P_jk = b]``."""
    ind = np.stack([(mat == lv).astype(np.float64) for lv in range(LEVELS)])  # (L, n, n)
    out: _F = np.einsum("aik,k,bjk->abij", ind, w, ind, optimize=True)
    return out


def similarity_year(
    year: int,
    *,
    pledges: pd.DataFrame | None = None,
    system: pd.DataFrame | None = None,
    nmc: pd.DataFrame | None = None,
    directed: bool = False,
) -> pd.DataFrame:
    """S (unweighted and CINC-weighted) and tau-b for every dyad of system members in one year.

    Args:
        year: The year (1816-2016).
        pledges: Pre-computed :func:`~casus.data.atop.pledge_years`.
        system: Pre-loaded :func:`~casus.data.cow.load_system`.
        nmc: Pre-loaded :func:`~casus.data.nmc.load_nmc` for the weights (default NMC 6.0); a state
            without CINC weighs 0.
        directed: Both ``(i, j)`` and ``(j, i)`` rows (the measures are symmetric) instead of ``i < j``.

    Returns:
        ``ccode1, ccode2, year`` (int16) and ``s_unweighted``, ``s_weighted``, ``tau_b`` (float64).

    References:
        Signorino and Ritter 1999; Bueno de Mesquita 1975.
    """
    codes, mat = portfolio_matrix(year, pledges=pledges, system=system)
    n = load_nmc() if nmc is None else nmc
    n = n.loc[n["year"] == year]
    cinc = pd.Series(n["cinc"].to_numpy(np.float64), index=n["ccode"].to_numpy()).reindex(codes)
    w = np.nan_to_num(cinc.to_numpy(np.float64), nan=0.0)
    diff = np.abs(np.arange(LEVELS)[:, None] - np.arange(LEVELS)[None, :]).astype(np.float64)
    counts = _tables(mat, np.ones(len(codes)))
    weighted = _tables(mat, w)
    d_unw = np.einsum("ab,abij->ij", diff, counts)
    d_w = np.einsum("ab,abij->ij", diff, weighted)
    s_unw = 1.0 - 2.0 * d_unw / (MAX_LEVEL * len(codes))
    s_w = 1.0 - 2.0 * d_w / (MAX_LEVEL * w.sum()) if w.sum() > 0 else np.full_like(d_w, np.nan)
    tau = _tau_from_tables(counts)
    i, j = np.nonzero(~np.eye(len(codes), dtype=bool)) if directed else np.triu_indices(len(codes), 1)
    return pd.DataFrame(
        {
            "ccode1": codes[i],
            "ccode2": codes[j],
            "year": np.full(len(i), year, dtype=np.int16),
            "s_unweighted": s_unw[i, j],
            "s_weighted": s_w[i, j],
            "tau_b": tau[i, j],
        }
    )


def dyad_similarity(
    ccode1: int,
    ccode2: int,
    year: int,
    *,
    pledges: pd.DataFrame | None = None,
    system: pd.DataFrame | None = None,
    nmc: pd.DataFrame | None = None,
) -> dict[str, float]:
    """S (unweighted and CINC-weighted) and tau-b of one dyad's alliance portfolios in one year.

    Returns:
        ``{"s_unweighted": …, "s_weighted": …, "tau_b": …}``.

    Raises:
        CoverageError: Either state is not a system member that year.

    References:
        Signorino and Ritter 1999; Bueno de Mesquita 1975.
    """
    codes, mat = portfolio_matrix(year, pledges=pledges, system=system)
    pos = {int(c): r for r, c in enumerate(codes)}
    for c in (ccode1, ccode2):
        if c not in pos:
            raise CoverageError(f"state {c} is not a COW system member in {year}")
    n = load_nmc() if nmc is None else nmc
    n = n.loc[n["year"] == year]
    w = pd.Series(n["cinc"].to_numpy(np.float64), index=n["ccode"].to_numpy()).reindex(codes).to_numpy()
    x, y = mat[pos[ccode1]], mat[pos[ccode2]]
    return {"s_unweighted": s_score(x, y), "s_weighted": s_score(x, y, w), "tau_b": tau_b(x, y)}


def add_similarity(
    frame: pd.DataFrame,
    *,
    pledges: pd.DataFrame | None = None,
    system: pd.DataFrame | None = None,
    nmc: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Add ``s_unweighted``, ``s_weighted`` and ``tau_b`` to a dyad-year frame (same rows).

    Dyads of states that are not system members in the year get NaN.

    Raises:
        InvalidInputError: The frame is not a dyad-year frame.

    References:
        Signorino and Ritter 1999; Bueno de Mesquita 1975.
    """
    from casus.data.frames import _key3, _lookup, _with

    if not {"ccode1", "ccode2", "year"} <= set(frame.columns):
        raise InvalidInputError("add_similarity needs a dyad-year frame (ccode1, ccode2, year)")
    p = pledge_years() if pledges is None else pledges
    s = load_system() if system is None else system
    n = load_nmc() if nmc is None else nmc
    years = np.unique(frame["year"].to_numpy())
    in_system = set(s["year"].unique().tolist())
    parts = [similarity_year(int(y), pledges=p, system=s, nmc=n, directed=True) for y in years if int(y) in in_system]
    cols = ("s_unweighted", "s_weighted", "tau_b")
    out: dict[str, object] = {}
    if parts:
        t = pd.concat(parts, ignore_index=True)
        tk = _key3(t["ccode1"], t["ccode2"], t["year"])
        order = np.argsort(tk)
        idx = _lookup(tk[order], _key3(frame["ccode1"], frame["ccode2"], frame["year"]))
        for c in cols:
            v = t[c].to_numpy(np.float64)[order]
            out[c] = np.where(idx >= 0, v[np.maximum(idx, 0)], np.nan)
    else:
        out = {c: np.full(len(frame), np.nan) for c in cols}
    return _with(frame, out)
