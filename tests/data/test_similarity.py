from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.data.similarity import (
    add_similarity,
    dyad_similarity,
    portfolio_matrix,
    s_score,
    similarity_year,
    tau_b,
)
from casus.errors import CoverageError, InvalidInputError


def test_hand_worked_example() -> None:
    x, y = [3, 0, 1], [3, 1, 0]
    # |x - y| = (0, 1, 1): S = 1 - 2*2/(3*3)
    assert s_score(x, y) == pytest.approx(5 / 9)
    # weights (.5, .25, .25): d = .5, S = 1 - 2*.5/(3*1)
    assert s_score(x, y, [0.5, 0.25, 0.25]) == pytest.approx(2 / 3)
    # pairs: (1,2) concordant, (1,3) concordant, (2,3) discordant; no ties
    assert tau_b(x, y) == pytest.approx(1 / 3)


def test_hand_worked_ties() -> None:
    x, y = [3, 3, 0, 0], [3, 0, 0, 0]
    # C = 2 ((1,3), (1,4)); D = 0; ties x: (1,2), (3,4) = 2; ties y: (2,3), (2,4), (3,4) = 3; n0 = 6
    assert tau_b(x, y) == pytest.approx(2 / np.sqrt((6 - 2) * (6 - 3)))
    assert s_score(x, y) == pytest.approx(1 - 2 * 3 / (3 * 4))
    assert s_score([3, 0], [0, 3]) == -1.0
    assert np.isnan(tau_b([1, 1, 1], [0, 3, 2]))
    assert np.isnan(s_score([1, 2], [1, 2], [0, 0]))


def test_input_validation() -> None:
    with pytest.raises(InvalidInputError, match="length"):
        s_score([1, 2], [1])
    with pytest.raises(InvalidInputError, match="levels"):
        tau_b([4, 0], [0, 1])
    with pytest.raises(InvalidInputError, match="non-negative"):
        s_score([1, 2], [1, 2], [-1, 1])


portfolios = st.integers(2, 25).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 3), min_size=n, max_size=n),
        st.lists(st.integers(0, 3), min_size=n, max_size=n),
        st.lists(st.floats(0, 1, allow_nan=False), min_size=n, max_size=n),
    )
)


@settings(max_examples=200, deadline=None)
@given(portfolios)
def test_properties(p: tuple[list[int], list[int], list[float]]) -> None:
    x, y, w = p
    for weights in (None, w):
        s = s_score(x, y, weights)
        if np.isnan(s):
            assert weights is not None and sum(w) == 0
            continue
        assert -1 - 1e-12 <= s <= 1 + 1e-12
        assert s == pytest.approx(s_score(y, x, weights))
        assert s_score(x, x, weights) == pytest.approx(1.0)
    t = tau_b(x, y)
    if not np.isnan(t):
        assert -1 - 1e-12 <= t <= 1 + 1e-12
        assert t == pytest.approx(tau_b(y, x))
    if len(set(x)) > 1:
        assert tau_b(x, x) == pytest.approx(1.0)


def test_portfolio_matrix_1950(pledges: pd.DataFrame, system: pd.DataFrame) -> None:
    codes, mat = portfolio_matrix(1950, pledges=pledges, system=system)
    assert len(codes) == int((system["year"] == 1950).sum())
    assert (mat == mat.T).all()
    assert (np.diag(mat) == 3).all()
    i, k = np.searchsorted(codes, [2, 200])
    assert mat[i, k] == 3  # NATO
    with pytest.raises(CoverageError):
        portfolio_matrix(1700, pledges=pledges, system=system)


# the fixtures keep 1950 whole (every system state, every alliance in force, NMC 6.0), so this runs on both
def test_vectorised_equals_single_dyad(pledges: pd.DataFrame, system: pd.DataFrame, nmc6: pd.DataFrame) -> None:
    year = similarity_year(1950, pledges=pledges, system=system, nmc=nmc6)
    n = int((system["year"] == 1950).sum())
    assert len(year) == n * (n - 1) // 2
    rng = np.random.default_rng(7)
    for r in year.iloc[rng.choice(len(year), 15, replace=False)].itertuples():
        one = dyad_similarity(r.ccode1, r.ccode2, 1950, pledges=pledges, system=system, nmc=nmc6)
        assert one["s_unweighted"] == pytest.approx(r.s_unweighted)
        assert one["s_weighted"] == pytest.approx(r.s_weighted)
        assert one["tau_b"] == pytest.approx(r.tau_b)
    assert year[["s_unweighted", "s_weighted", "tau_b"]].abs().max().max() <= 1 + 1e-12

    def at(a: int, b: int) -> pd.Series:
        return year.loc[(year["ccode1"] == a) & (year["ccode2"] == b)].iloc[0]

    # Cold-war structure of 1950: NATO partners alike, USA and USSR apart, USSR and PRC alike.
    assert at(2, 365)["s_weighted"] < 0 < at(2, 200)["s_weighted"]
    assert at(2, 365)["tau_b"] < 0 < at(2, 200)["tau_b"]
    assert at(365, 710)["s_weighted"] > 0.7
    assert at(200, 220)["s_unweighted"] > 0.85
    # Brazil and Argentina: both only in the Rio Pact, identical portfolios.
    assert at(140, 160)[["s_unweighted", "s_weighted", "tau_b"]].tolist() == pytest.approx([1.0, 1.0, 1.0])
    with pytest.raises(CoverageError, match="255"):
        dyad_similarity(2, 255, 1950, pledges=pledges, system=system, nmc=nmc6)  # no unified Germany in 1950


def test_add_similarity_keeps_rows(pledges: pd.DataFrame, system: pd.DataFrame, nmc6: pd.DataFrame) -> None:
    from casus.data.frames import dyad_years

    f = dyad_years(1949, 1951, system=system)
    out = add_similarity(f, pledges=pledges, system=system, nmc=nmc6)
    assert len(out) == len(f)
    assert out[["s_unweighted", "s_weighted", "tau_b"]].notna().all().all()
    a = out.loc[(out["ccode1"] == 2) & (out["ccode2"] == 200) & (out["year"] == 1950), "s_weighted"].iloc[0]
    b = out.loc[(out["ccode1"] == 200) & (out["ccode2"] == 2) & (out["year"] == 1950), "s_weighted"].iloc[0]
    assert a == b


@pytest.mark.slow
def test_similarity_for_every_dyad_year(pledges: pd.DataFrame, system: pd.DataFrame, nmc6: pd.DataFrame) -> None:
    from casus.data.frames import dyad_years

    f = dyad_years(1816, 2016, directed=False, system=system)
    out = add_similarity(f, pledges=pledges, system=system, nmc=nmc6)
    assert len(out) == len(f)  # 956,175 on the full files: n(n-1)/2 per year, test_frames' documented sizes
    s = out[["s_unweighted", "s_weighted"]]
    assert s.notna().all().all()
    assert ((s >= -1 - 1e-9) & (s <= 1 + 1e-9)).all().all()
    tau = out["tau_b"].dropna()
    assert tau.between(-1 - 1e-9, 1 + 1e-9).all()
