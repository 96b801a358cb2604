from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from casus.data.atop import (
    OBLIGATIONS,
    derive_partner_exceptions,
    load_atop_alliances,
    load_atop_inst,
    load_atop_state_years,
    load_partner_exceptions,
    member_years,
    pledge_spells,
    pledge_years,
)
from casus.errors import SourceFormatError


def _row(df: pd.DataFrame, **eq: int) -> pd.DataFrame:
    mask = np.ones(len(df), dtype=bool)
    for k, v in eq.items():
        mask &= (df[k] == v).to_numpy()
    return df.loc[mask]


@pytest.mark.full_data(needs="the full ATOP 5.1 files (exact 2,510 member rows, 273,296 dyad-years)")
def test_documented_row_counts(data_dir: Path, members: pd.DataFrame, ddyr: pd.DataFrame) -> None:
    assert len(members) == 2_510
    assert len(load_atop_alliances(data_dir / "atop")) == 789
    assert len(load_atop_state_years(data_dir / "atop")) == 11_923
    assert len(ddyr) == 273_296
    inst = load_atop_inst(data_dir / "atop")
    assert len(inst) == 849
    assert "1020.1" in set(inst["atopidphase"])
    assert members["atopid"].nunique() == 789
    assert members["ongoing"].sum() == 1_146
    assert (~members["ent_day_known"]).sum() == 5
    assert (~members["exit_day_known"] & ~members["ongoing"]).sum() == 31
    # every directed dyad-year the members file implies is in ATOP's own file, and the reverse
    assert len(pledge_years(pledge_spells(members))) == len(ddyr)
    assert len(member_years(members)) == len(load_atop_state_years(data_dir / "atop"))
    assert len(_overlapping(members)) == 9  # test_spells_of_one_state_in_one_alliance_do_not_overlap


def test_nato_founders_enter_1949_04_04_with_defense(members: pd.DataFrame) -> None:
    nato = _row(members, atopid=3180, phase=1)
    for ccode in (2, 200, 220):
        r = _row(nato, member=ccode)
        assert len(r) == 1
        assert r["ent_date"].iloc[0] == pd.Timestamp("1949-04-04")
        assert r["defense"].iloc[0] == 1
    montenegro = _row(members, atopid=3180, member=341)
    assert montenegro["ent_date"].iloc[0] == pd.Timestamp("2016-05-19")
    assert bool(montenegro["ongoing"].iloc[0])


def test_csto_uzbekistan_spells(members: pd.DataFrame) -> None:
    uzb = _row(members, atopid=4220, member=704).sort_values("ent_date")
    spells = [(r.ent_date.date(), r.exit_date.date()) for r in uzb.itertuples()]
    assert spells == [
        (dt.date(1992, 5, 15), dt.date(1999, 4, 20)),
        (dt.date(2006, 8, 17), dt.date(2012, 6, 28)),
    ]
    belarus = _row(members, atopid=4220, member=370, phase=1)
    assert belarus["ent_date"].iloc[0] == pd.Timestamp("1994-01-03")


def test_exit_zero_is_censoring_not_an_end(members: pd.DataFrame) -> None:
    ongoing = members.loc[members["ongoing"]]
    assert len(ongoing) > 0 and set(_row(ongoing, atopid=4220)["member"]) >= {365, 371}
    assert (ongoing["ineffect"] == 1).all()
    assert ongoing["exit_date"].isna().all()
    assert ongoing[["yrexit", "moexit", "dayexit"]].isna().all().all()
    ended = members.loc[~members["ongoing"]]
    assert ended["exit_date"].notna().all()
    assert (ended["yrexit"] > 0).all()


def test_missing_days_are_imputed_and_flagged(members: pd.DataFrame) -> None:
    # atopid 1035: exit 1822-12, day unknown -> last day of the month.
    r = _row(members, atopid=1035, member=200)
    assert r["exit_date"].iloc[0] == pd.Timestamp("1822-12-31")
    assert not r["exit_day_known"].iloc[0]
    # atopid 1115: entry 1844-06, day unknown -> first day.
    r = _row(members, atopid=1115, member=200)
    assert r["ent_date"].iloc[0] == pd.Timestamp("1844-06-01")


def test_belgium_france_1832_is_one_sided(members: pd.DataFrame, spells: pd.DataFrame, pledges: pd.DataFrame) -> None:
    m = _row(members, atopid=1060)
    assert _row(m, member=220)["defense"].iloc[0] == 1
    assert _row(m, member=211)[list(OBLIGATIONS)].sum(axis=1).iloc[0] == 0
    fr_be = _row(spells, atopid=1060, ccode1=220, ccode2=211)
    be_fr = _row(spells, atopid=1060, ccode1=211, ccode2=220)
    assert fr_be["defense"].iloc[0] == 1
    assert be_fr[list(OBLIGATIONS)].to_numpy().sum() == 0
    assert fr_be["start"].iloc[0] == pd.Timestamp("1832-11-10")
    assert _row(pledges, ccode1=220, ccode2=211, year=1832)["atop_defense"].iloc[0] == 1
    back = _row(pledges, ccode1=211, ccode2=220, year=1832)
    assert back["atop_defense"].iloc[0] == 0
    assert back["atop_ally"].iloc[0] == 1


def test_non_system_member_8152_is_dropped(members: pd.DataFrame, spells: pd.DataFrame) -> None:
    annam = _row(members, member=8152)
    assert list(annam["atopid"]) == [1320]
    assert annam["cowsys"].iloc[0] == 0
    assert not ((spells["ccode1"] == 8152) | (spells["ccode2"] == 8152)).any()


def test_pledges_reproduce_atop_directed_dyad_years(pledges: pd.DataFrame, ddyr: pd.DataFrame) -> None:
    # every row of ATOP's dyad-year file (the fixture keeps all alliances between its dyads' states); the
    # reverse, no extra row, is the count in test_documented_row_counts
    merged = pledges.merge(ddyr, on=["ccode1", "ccode2", "year"], how="right", indicator=True, suffixes=("", "_d"))
    assert len(merged) > 800 and (merged["_merge"] == "both").all(), merged["_merge"].value_counts()
    for o in OBLIGATIONS:
        assert (merged[f"atop_{o}"] == merged[f"atop_{o}_d"]).all(), o


# the fixtures keep every alliance and dyad-year row behind casus's partner exceptions (scripts/make_fixtures.py)
def test_raw_member_rule_only_overreports_in_multilateral_asymmetric_pacts(
    members: pd.DataFrame, ddyr: pd.DataFrame
) -> None:
    raw = pledge_years(pledge_spells(members, exceptions=False))
    merged = raw.merge(ddyr, on=["ccode1", "ccode2", "year"], suffixes=("", "_d"))
    assert len(merged) == len(ddyr)
    diff = sum(int((merged[f"atop_{o}"] != merged[f"atop_{o}_d"]).sum()) for o in OBLIGATIONS)
    assert diff > 0
    for o in OBLIGATIONS:
        assert (merged[f"atop_{o}"] >= merged[f"atop_{o}_d"]).all(), o


def test_shipped_partner_exceptions_are_derivable(members: pd.DataFrame, ddyr: pd.DataFrame) -> None:
    shipped = load_partner_exceptions()
    assert len(shipped) == 72
    pd.testing.assert_frame_equal(derive_partner_exceptions(members, ddyr), shipped)
    # Locarno 1925 (atopid 2130): the UK guarantees, Germany does not defend the UK.
    assert len(_row(shipped, atopid=2130, ccode1=255, ccode2=200)) == 2  # defense and nonagg


def test_member_years_reproduce_atop_state_years(data_dir: Path, members: pd.DataFrame) -> None:
    sy = load_atop_state_years(data_dir / "atop").rename(columns={"state": "ccode"})
    mine = member_years(members)
    merged = mine.merge(sy, on=["ccode", "year"], how="right", indicator=True)
    assert len(merged) >= 45 and (merged["_merge"] == "both").all()
    for o in OBLIGATIONS:
        assert (merged[f"atop_{o}"] == merged[o]).all(), o


def _overlapping(members: pd.DataFrame) -> set[tuple[int, int, int]]:
    """``(atopid, phase, next phase)`` where one state's spells in one alliance overlap."""
    m = members.assign(end=members["exit_date"].fillna(pd.Timestamp("2018-12-31")))
    m = m.sort_values(["atopid", "member", "ent_date", "phase"])
    prev = m.groupby(["atopid", "member"])[["end", "phase"]].shift()
    hit = m["ent_date"] < prev["end"]
    rows = zip(m["atopid"][hit], prev["phase"][hit], m["phase"][hit], strict=True)
    return {(int(a), int(p1), int(p2)) for a, p1, p2 in rows}


def test_spells_of_one_state_in_one_alliance_do_not_overlap(members: pd.DataFrame) -> None:
    """Only the Czechoslovak succession (1993) has two simultaneous phases, one per successor state.

    9 such alliances in the full file (test_documented_row_counts); the fixtures keep 8 of them.
    """
    overlapping = _overlapping(members)
    assert overlapping
    for atopid, p1, p2 in overlapping:
        partners = {p: set(_row(members, atopid=atopid, phase=p)["member"]) - {315, 316, 317} for p in (p1, p2)}
        successors = {p: set(_row(members, atopid=atopid, phase=p)["member"]) & {316, 317} for p in (p1, p2)}
        assert successors[p1] | successors[p2] == {316, 317}, atopid
        assert partners[p1] == partners[p2], atopid
        assert _row(members, atopid=atopid, phase=p1)["ent_date"].min() == pd.Timestamp("1993-01-01")


def test_missing_column_names_file_and_column(tmp_path: Path, data_dir: Path) -> None:
    from casus.data.atop import load_atop_members

    src = pd.read_csv(data_dir / "atop" / "atop5_1m.csv", nrows=5).drop(columns=["member"])
    bad = tmp_path / "atop5_1m.csv"
    src.to_csv(bad, index=False)
    with pytest.raises(SourceFormatError, match=r"atop5_1m\.csv.*missing column 'member'") as exc:
        load_atop_members(bad)
    assert exc.value.field == "member"
    assert exc.value.line == 1


def test_impossible_date_names_the_line(tmp_path: Path, data_dir: Path) -> None:
    from casus.data.atop import load_atop_members

    src = pd.read_csv(data_dir / "atop" / "atop5_1m.csv", nrows=5)
    src.loc[2, ["moent", "dayent"]] = [2, 30]
    bad = tmp_path / "atop5_1m.csv"
    src.to_csv(bad, index=False)
    with pytest.raises(SourceFormatError, match="day 30 does not exist") as exc:
        load_atop_members(bad)
    assert exc.value.line == 4


def test_non_numeric_value_is_a_source_format_error(tmp_path: Path, data_dir: Path) -> None:
    from casus.data.atop import load_atop_ddyr

    bad = tmp_path / "dd.csv"
    bad.write_text(
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n2,20,x,1,0,0,0,0\n"
    )
    with pytest.raises(SourceFormatError, match=r"dd\.csv"):
        load_atop_ddyr(bad)
