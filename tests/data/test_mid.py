from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from casus.data.mid import load_mida, mid_dyad_years, mid_state_years


@pytest.mark.full_data(needs="the full MID 5.0 files (exact 2,436 disputes, 5,883 participants)")
def test_row_counts_and_missing(data_dir: Path, midb: pd.DataFrame) -> None:
    mida = load_mida(data_dir / "cow_mid")
    assert len(mida) == 2_436
    assert len(midb) == 5_883
    assert mida["stday"].isna().sum() == 271
    assert mida["outcome"].isna().sum() == 17
    assert midb["revtype2"].isna().sum() == 4_252
    assert (int(mida["styear"].min()), int(mida["endyear"].max())) == (1816, 2014)
    assert set(midb["dispnum"]) <= set(mida["dispnum"])
    assert mida["hostlev"].value_counts().to_dict() == {4: 1603, 3: 653, 5: 106, 2: 74}
    assert (~mida["st_day_known"]).sum() == 271


def test_russia_georgia(midb: pd.DataFrame) -> None:
    rus = set(midb.loc[midb["ccode"] == 365, "dispnum"])
    geo = set(midb.loc[midb["ccode"] == 372, "dispnum"])
    assert len(rus & geo) == 14
    dy = mid_dyad_years(midb)
    d = dy.loc[(dy["ccode1"] == 365) & (dy["ccode2"] == 372) & dy["year"].between(2007, 2010)]
    assert list(d["year"]) == [2007, 2008, 2009, 2010]
    assert (d["mid_hostlev"] == 4).all()  # dispute 4436, not coded as war
    assert list(d["mid_onset"]) == [1, 0, 0, 0]


def test_dyad_years_are_symmetric_and_unique(midb: pd.DataFrame) -> None:
    dy = mid_dyad_years(midb)
    assert not dy.duplicated(["ccode1", "ccode2", "year"]).any()
    flipped = dy.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})[dy.columns]
    merged = dy.merge(flipped, on=["ccode1", "ccode2", "year"], suffixes=("", "_r"))
    assert len(merged) == len(dy)
    assert (merged["mid_hostlev"] == merged["mid_hostlev_r"]).all()
    assert dy["mid_hostlev"].between(1, 5).all()
    assert (dy["mid_onset"] <= dy["mid_ongoing"]).all()


def test_state_years(midb: pd.DataFrame) -> None:
    sy = mid_state_years(midb)
    usa_1902 = sy.loc[(sy["ccode"] == 2) & (sy["year"] == 1902)].iloc[0]
    assert usa_1902["mid_onset"] == 1
    assert usa_1902["mid_hostlev"] >= 3
