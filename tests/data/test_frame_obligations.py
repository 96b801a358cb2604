"""Obligation counts joined to directed dyad-year frames (USA-USSR 1970: Warsaw Pact one way, NATO the other)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from casus.data.cow import load_states, load_system
from casus.data.frame_obligations import OBLIGATION_COLUMNS, add_obligations, ccodes_on, obligation_counts
from casus.data.frames import dyad_years
from casus.errors import InvalidInputError
from casus.obligations.pairs import evaluate_pairs


@pytest.fixture(scope="module")
def frame_1970(kb, casus_data: Path) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    system = load_system(casus_data / "cow_states" / "system2016.csv")
    states = load_states(casus_data / "cow_states" / "states2016.csv")
    return add_obligations(dyad_years(1970, 1970, system=system), kb, states=states)


def _row(frame: pd.DataFrame, c1: int, c2: int) -> pd.Series:
    return frame[(frame["ccode1"] == c1) & (frame["ccode2"] == c2)].iloc[0]


def test_usa_and_ussr_in_1970_count_the_other_sides_alliance(frame_1970: pd.DataFrame) -> None:
    # a US attack on the USSR: the six other Warsaw Pact members (Albania left in 1968), one treaty
    us_on_ussr = _row(frame_1970, 2, 365)
    assert us_on_ussr["obl_triggered"] == 6 and us_on_ussr["obl_treaties_triggered"] == 1
    # a Soviet attack on the USA: 14 NATO allies, 20 Rio parties (Cuba, its government excluded from the
    # inter-American system since 1962, is not counted among those who must assist), Australia and New Zealand,
    # the Philippines
    ussr_on_us = _row(frame_1970, 365, 2)
    assert ussr_on_us["obl_triggered"] == 37 and ussr_on_us["obl_treaties_triggered"] == 4
    assert ussr_on_us["obl_indeterminate"] == 0


def test_the_counts_equal_the_triad_table(kb, casus_data: Path, frame_1970: pd.DataFrame) -> None:
    on = dt.date(1970, 7, 1)
    states = load_states(casus_data / "cow_states" / "states2016.csv")
    codes = ccodes_on(kb, on, states)
    triads = evaluate_pairs(kb, sorted(codes), on)
    rus_usa = triads[(triads["attacker"] == "RUS") & (triads["target"] == "USA") & (triads["verdict"] == "triggered")]
    assert _row(frame_1970, 365, 2)["obl_triggered"] == rus_usa["obligated"].nunique()
    assert _row(frame_1970, 365, 2)["obl_treaties_triggered"] == rus_usa["treaty"].nunique()
    counts = obligation_counts(triads)
    assert set(counts.columns) == {"attacker", "target", *OBLIGATION_COLUMNS}


def test_the_join_keeps_every_row_and_says_unknown_for_late_entrants(frame_1970: pd.DataFrame) -> None:
    assert len(frame_1970) == len(dyad_years(1970, 1970))
    assert str(frame_1970["obl_triggered"].dtype) == "Int16"
    # Fiji (950) entered the system on 1970-10-10, after the 1 July the counts are asked on: unknown, not 0
    assert pd.isna(_row(frame_1970, 2, 950)["obl_triggered"])
    assert (frame_1970["obl_triggered"].dropna() >= 0).all()
    assert frame_1970.attrs["casus_sources"][-1] == "obligations"


def test_an_undirected_frame_is_refused(kb) -> None:
    with pytest.raises(InvalidInputError, match="obligations are directed"):
        add_obligations(pd.DataFrame({"ccode1": [2], "ccode2": [365], "year": [1970]}).pipe(_undirected), kb)


def _undirected(df: pd.DataFrame) -> pd.DataFrame:
    df.attrs["directed"] = False
    return df
