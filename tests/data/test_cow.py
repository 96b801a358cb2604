from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from casus.data.cow import load_majors, load_states, load_system
from casus.errors import SourceFormatError


def test_system_state_years(system: pd.DataFrame) -> None:
    # 15,951 rows in the full file: tests/data/test_frames.py::test_documented_frame_sizes
    assert (int(system["year"].min()), int(system["year"].max())) == (1816, 2016)
    assert not system.duplicated(["ccode", "year"]).any()
    assert system["ccode"].dtype == "int16"


def test_states_spells(data_dir: Path) -> None:
    st = load_states(data_dir / "cow_states")
    assert len(st) == 243
    ger = st.loc[st["ccode"] == 255].sort_values("start_date")
    assert [d.year for d in ger["start_date"]] == [1816, 1990]
    assert ger["start_date"].iloc[1] == pd.Timestamp("1990-10-03")
    usa = st.loc[st["ccode"] == 2].iloc[0]
    assert bool(usa["ongoing"])
    gfr = st.loc[st["ccode"] == 260].iloc[0]
    assert gfr["end_date"] == pd.Timestamp("1990-10-02")
    assert not bool(gfr["ongoing"])


def test_majors(data_dir: Path) -> None:
    mj = load_majors(data_dir / "cow_states")
    assert len(mj) == 14
    usa = mj.loc[mj["ccode"] == 2].iloc[0]
    assert usa["start_date"] == pd.Timestamp("1898-08-13")
    assert bool(usa["ongoing"])
    assert set(mj.loc[mj["ccode"] == 220, "end_date"].dt.year) == {1940, 2016}


def test_missing_column(tmp_path: Path) -> None:
    bad = tmp_path / "system2016.csv"
    bad.write_text("stateabb,ccode,version\nUSA,2,2016\n")
    with pytest.raises(SourceFormatError, match=r"system2016\.csv.*missing column 'year'"):
        load_system(bad)
