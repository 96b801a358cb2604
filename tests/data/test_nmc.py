from __future__ import annotations

import pandas as pd
import pytest

from casus.errors import InvalidInputError

#: Years in which the fixtures keep every state (scripts/make_fixtures.py); NMC 7.0's 2017-2022 too.
WHOLE_YEARS = (1950, 1968, 1969, 1970, 1971, 1972, 2012, 2013, 2014, 2015, 2016)


def _cinc_sums(df: pd.DataFrame) -> pd.Series:
    return df.groupby("year")["cinc"].sum().round(3)


@pytest.mark.full_data(needs="the full NMC 6.0 and 7.0 files (exact 15,951 and 17,121 rows, missing codes)")
def test_row_counts_and_coverage(nmc6: pd.DataFrame, nmc7: pd.DataFrame) -> None:
    assert len(nmc6) == 15_951
    assert len(nmc7) == 17_121
    assert (int(nmc6["year"].max()), int(nmc7["year"].max())) == (2016, 2022)
    # missing codes (-9) become NaN: the documented counts per column
    assert nmc6[["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]].isna().sum().to_dict() == {
        "milex": 2217,
        "milper": 426,
        "irst": 26,
        "pec": 448,
        "tpop": 0,
        "upop": 68,
        "cinc": 0,
    }
    assert nmc7["milex"].isna().sum() == 2360
    assert nmc7["pec"].isna().sum() == 448
    for df in (nmc6, nmc7):
        sums = _cinc_sums(df)
        assert sums.min() >= 1.000
        assert sums.max() <= 1.075
    assert nmc6.groupby("year")["cinc"].sum().idxmax() == 1860


def test_missing_codes_become_nan(nmc6: pd.DataFrame, nmc7: pd.DataFrame) -> None:
    for df in (nmc6, nmc7):
        assert (df[["milex", "milper", "irst", "pec", "upop"]] == -9).sum().sum() == 0
    # the United States' military expenditure is known in every year; other states' is missing in some
    assert nmc6.loc[nmc6["ccode"] == 2, "milex"].notna().all()
    assert nmc6["milex"].isna().any() and nmc6["tpop"].notna().all()


def test_cinc_yearly_sums_lie_in_the_documented_band(nmc6: pd.DataFrame, nmc7: pd.DataFrame) -> None:
    # the years the fixtures keep whole (every system state); every year in test_row_counts_and_coverage
    for df in (nmc6, nmc7):
        sums = _cinc_sums(df.loc[df["year"].isin(WHOLE_YEARS)])
        assert sorted(sums.index) == sorted(WHOLE_YEARS)
        assert sums.min() >= 1.000
        assert sums.max() <= 1.075


def test_one_nmc6_row_per_system_state_year(nmc6: pd.DataFrame, system: pd.DataFrame) -> None:
    keys = ["ccode", "year"]
    assert not nmc6.duplicated(keys).any()
    merged = nmc6[keys].merge(system[keys], on=keys, how="outer", indicator=True)
    assert (merged["_merge"] == "both").all() and len(nmc6) == len(system)


def _top(df: pd.DataFrame, year: int) -> int:
    y = df.loc[df["year"] == year]
    return int(y.loc[y["cinc"].idxmax(), "ccode"])


def test_top_cinc_states(nmc6: pd.DataFrame, nmc7: pd.DataFrame) -> None:
    assert _top(nmc6, 1950) == 2
    assert _top(nmc6, 2016) == 710
    assert _top(nmc7, 2022) == 710
    usa_1950 = nmc6.loc[(nmc6["ccode"] == 2) & (nmc6["year"] == 1950), "cinc"].iloc[0]
    assert usa_1950 == pytest.approx(0.284, abs=5e-4)


def test_unknown_version() -> None:
    from casus.data.nmc import load_nmc

    with pytest.raises(InvalidInputError, match=r"'5\.0'"):
        load_nmc(version="5.0")
