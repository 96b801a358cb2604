from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.data.frames import (
    add_atop,
    add_majors,
    add_mids,
    add_nmc,
    build_frame,
    dyad_years,
    state_years,
    write_frame,
)
from casus.errors import CoverageError, InvalidInputError

ATOP_COLS = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul", "atop_ally"]


def _at(df: pd.DataFrame, **eq: int) -> pd.Series:
    mask = np.ones(len(df), dtype=bool)
    for k, v in eq.items():
        mask &= (df[k] == v).to_numpy()
    rows = df.loc[mask]
    assert len(rows) == 1, eq
    return rows.iloc[0]


def _frame_matches_ddyr(frame: pd.DataFrame, ddyr: pd.DataFrame) -> None:
    """Every allied directed dyad-year of ``frame`` is a row of ATOP's ddyr file with the same pledges, and back."""
    allied = frame.loc[frame["atop_ally"] == 1, ["ccode1", "ccode2", "year", *ATOP_COLS[:-1]]]
    in_frame = ddyr.merge(frame[["ccode1", "ccode2", "year"]], on=["ccode1", "ccode2", "year"])
    assert len(allied) == len(in_frame)
    merged = allied.merge(in_frame, on=["ccode1", "ccode2", "year"], suffixes=("", "_d"))
    assert len(merged) == len(allied)
    for c in ATOP_COLS[:-1]:
        assert (merged[c].astype(int) == merged[f"{c}_d"]).all(), c
    assert frame[ATOP_COLS].notna().all().all()  # 1816-2016 is inside ATOP's 1815-2018


@pytest.mark.full_data(needs="the full COW system and ATOP 5.1 files (exact 1,912,350 directed dyad-years)")
def test_documented_frame_sizes(system: pd.DataFrame, full_directed: pd.DataFrame, ddyr: pd.DataFrame) -> None:
    assert len(state_years(system=system)) == 15_951
    n = system.groupby("year").size().to_numpy(np.int64)
    assert int((n * (n - 1)).sum()) == 1_912_350  # directed dyad-years 1816-2016
    _frame_matches_ddyr(full_directed, ddyr)  # the whole frame; the fixtures' part is checked below


def test_state_years_match_system(system: pd.DataFrame) -> None:
    sy = state_years(system=system)
    assert len(sy) == len(system) and sy["year"].min() == 1816 and sy["year"].max() == 2016
    assert list(sy.columns) == ["ccode", "year"]
    assert sy.dtypes.tolist() == [np.dtype("int16"), np.dtype("int16")]


@pytest.mark.slow
def test_dyad_years_counts(system: pd.DataFrame, full_directed: pd.DataFrame) -> None:
    n = system.groupby("year").size().to_numpy(np.int64)
    expected = int((n * (n - 1)).sum())
    assert len(full_directed) == expected
    und = dyad_years(1816, 2016, directed=False, system=system)
    assert len(und) == expected // 2
    assert (und["ccode1"] < und["ccode2"]).all()
    assert not full_directed.duplicated(["ccode1", "ccode2", "year"]).any()
    assert (full_directed["ccode1"] != full_directed["ccode2"]).all()


def test_spans_outside_system_coverage() -> None:
    with pytest.raises(CoverageError, match="1816-2016"):
        dyad_years(1815, 1820)
    with pytest.raises(CoverageError):
        state_years(2000, 2017)
    with pytest.raises(InvalidInputError, match="after"):
        state_years(1900, 1899)


#: States and years whose every directed dyad-year the fixtures keep from ATOP's ddyr file (scripts/make_fixtures.py).
DDYR_STATES = (2, 20, 200, 211, 220, 255, 260, 265, 290, 315, 325, 360, 365, 371)
DDYR_YEARS = (1950, 1968, 1969, 1970, 1971, 1972, 2012, 2013, 2014, 2015, 2016)


def test_frame_atop_matches_the_ddyr_file(full_directed: pd.DataFrame, ddyr: pd.DataFrame) -> None:
    def cut(df: pd.DataFrame) -> pd.DataFrame:
        return df.loc[df["ccode1"].isin(DDYR_STATES) & df["ccode2"].isin(DDYR_STATES) & df["year"].isin(DDYR_YEARS)]

    part = cut(full_directed)
    assert part["atop_defense"].sum() > 100 and set(part["year"]) == set(DDYR_YEARS)
    _frame_matches_ddyr(part, cut(ddyr))


def test_directionality_and_cinc(full_directed: pd.DataFrame) -> None:
    fr_be = _at(full_directed, ccode1=220, ccode2=211, year=1832)
    be_fr = _at(full_directed, ccode1=211, ccode2=220, year=1832)
    assert fr_be["atop_defense"] == 1 and be_fr["atop_defense"] == 0
    assert be_fr["atop_ally"] == 1
    assert fr_be["cinc_1"] == be_fr["cinc_2"]
    usa_uk = _at(full_directed, ccode1=2, ccode2=200, year=1949)
    assert usa_uk["atop_defense"] == 1
    assert usa_uk["cinc_1"] > usa_uk["cinc_2"]


def test_undirected_atop_is_either_direction(system: pd.DataFrame, members: pd.DataFrame) -> None:
    und = add_atop(dyad_years(1832, 1832, directed=False, system=system), members=members)
    assert _at(und, ccode1=211, ccode2=220, year=1832)["atop_defense"] == 1


def test_state_year_atop(system: pd.DataFrame, members: pd.DataFrame) -> None:
    sy = add_atop(state_years(1832, 1832, system=system), members=members)
    assert _at(sy, ccode=220, year=1832)["atop_defense"] == 1
    assert _at(sy, ccode=211, year=1832)["atop_defense"] == 0
    assert _at(sy, ccode=211, year=1832)["atop_ally"] == 1


def test_adding_sources_never_changes_rows(
    system: pd.DataFrame, members: pd.DataFrame, nmc6: pd.DataFrame, midb: pd.DataFrame
) -> None:
    for frame in (
        state_years(system=system),
        dyad_years(1900, 1960, system=system),
        dyad_years(1990, 2016, directed=False, system=system),
    ):
        keys = frame[list(frame.columns)].copy()
        out = add_mids(add_majors(add_nmc(add_atop(frame, members=members), nmc=nmc6)), midb=midb)
        assert len(out) == len(frame)
        pd.testing.assert_frame_equal(out[list(keys.columns)], keys)
        assert list(frame.columns) == list(keys.columns)  # input untouched


def test_coverage_masks(system: pd.DataFrame, midb: pd.DataFrame, nmc6: pd.DataFrame, members: pd.DataFrame) -> None:
    f = add_mids(dyad_years(2013, 2016, system=system), midb=midb)
    inside = f.loc[f["year"] <= 2014, ["mid_onset", "mid_ongoing", "mid_hostlev"]]
    outside = f.loc[f["year"] >= 2015, ["mid_onset", "mid_ongoing", "mid_hostlev"]]
    assert inside.notna().all().all()
    assert set(inside["mid_ongoing"].astype(int)) == {0, 1}
    assert outside.isna().all().all()
    # A hand-built frame past ATOP's and NMC's coverage: NA, not "no alliance".
    custom = pd.DataFrame(
        {
            "ccode1": np.array([2, 2], np.int16),
            "ccode2": np.array([20, 20], np.int16),
            "year": np.array([2018, 2019], np.int16),
        }
    )
    a = add_nmc(add_atop(custom, members=members), nmc=nmc6)
    assert a["atop_defense"].tolist() == [1, pd.NA]
    assert a["cinc_1"].isna().all()  # NMC 6.0 ends in 2016


def test_nmc_versions_differ_where_documented(system: pd.DataFrame, nmc6: pd.DataFrame, nmc7: pd.DataFrame) -> None:
    sy = state_years(2016, 2016, system=system)
    v6 = add_nmc(sy, nmc=nmc6)
    v7 = add_nmc(sy, version="7.0", nmc=nmc7)
    assert v6["cinc"].notna().all() and v7["cinc"].notna().all()
    assert (v6["cinc"] - v7["cinc"]).abs().max() <= 0.0015 + 1e-9
    assert int(v6.loc[v6["cinc"].idxmax(), "ccode"]) == 710


def test_majors(system: pd.DataFrame) -> None:
    f = add_majors(state_years(1897, 1946, system=system))
    assert _at(f, ccode=2, year=1897)["cowmaj"] == 0
    assert _at(f, ccode=2, year=1898)["cowmaj"] == 1
    assert _at(f, ccode=220, year=1940)["cowmaj"] == 1
    assert _at(f, ccode=220, year=1942)["cowmaj"] == 0
    d = add_majors(dyad_years(1950, 1950, system=system))
    row = _at(d, ccode1=710, ccode2=2, year=1950)
    assert (row["cowmaj_1"], row["cowmaj_2"]) == (1, 1)


def test_adding_twice_and_bad_frames(system: pd.DataFrame, members: pd.DataFrame) -> None:
    f = add_atop(state_years(1900, 1900, system=system), members=members)
    with pytest.raises(InvalidInputError, match="added twice"):
        add_atop(f, members=members)
    with pytest.raises(InvalidInputError, match="ccode"):
        add_majors(pd.DataFrame({"x": [1]}))


def test_build_frame(data_dir: Path) -> None:
    f = build_frame("dyad-years", 2000, 2001, with_=("nmc", "atop"), directed=False)
    assert f.attrs["casus_sources"] == ["atop", "nmc"]
    assert "cinc_2" in f.columns and "atop_defense" in f.columns and "mid_onset" not in f.columns
    s = build_frame("state-years", 2014, 2015)
    assert {"atop_defense", "cinc", "cowmaj", "mid_onset"} <= set(s.columns)
    with pytest.raises(InvalidInputError, match="unknown source"):
        build_frame("state-years", 2000, 2000, with_=("polity",))
    with pytest.raises(InvalidInputError, match="kind"):
        build_frame("dyads", 2000, 2000)


def test_write_frame_round_trip(tmp_path: Path, system: pd.DataFrame, members: pd.DataFrame) -> None:
    f = add_atop(dyad_years(1950, 1950, system=system), members=members)
    pq = write_frame(f, tmp_path / "out" / "f.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(pq), f, check_dtype=True)
    csv = write_frame(f, tmp_path / "f.csv.gz")
    back = pd.read_csv(csv)
    assert back.shape == f.shape
    assert (back["atop_defense"].to_numpy() == f["atop_defense"].to_numpy(dtype=int)).all()
    with pytest.raises(InvalidInputError, match="suffix"):
        write_frame(f, tmp_path / "f.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.csv.gz", "out"]


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.integers(2, 999), st.integers(1816, 2016), st.one_of(st.none(), st.integers(0, 5))),
        min_size=0,
        max_size=30,
    )
)
def test_parquet_round_trip_property(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[int, int, int | None]]
) -> None:
    df = pd.DataFrame(
        {
            "ccode": np.array([r[0] for r in rows], dtype=np.int16),
            "year": np.array([r[1] for r in rows], dtype=np.int16),
            "mid_hostlev": pd.array([r[2] for r in rows], dtype="Int8"),
        }
    )
    path = write_frame(df, tmp_path_factory.mktemp("rt") / "x.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(path), df)


def test_write_frame_mode_and_unwritable_folder(tmp_path: Path, system: pd.DataFrame) -> None:
    import os

    f = state_years(1950, 1950, system=system)
    umask = os.umask(0o022)
    try:
        out = write_frame(f, tmp_path / "sy.csv")
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InvalidInputError, match="cannot write"):
        write_frame(f, blocker / "sy.parquet")
