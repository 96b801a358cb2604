"""Risk sets and hazard models of membership dynamics, on the real ATOP 5.1 / COW / NMC 6.0 / MID 5.0 files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from casus.errors import InvalidInputError


@pytest.fixture(scope="module")
def frames(casus_data):  # type: ignore[no-untyped-def]
    from casus.sim.io import load_dynamics_frames

    return load_dynamics_frames()


@pytest.fixture(scope="module")
def suite(casus_data):  # type: ignore[no-untyped-def]
    from casus.sim.dynamics.io import load_fitted_suite

    return load_fitted_suite()


@pytest.fixture(scope="module")
def spells(frames):  # type: ignore[no-untyped-def]
    from casus.sim.panel import alliance_spells

    return alliance_spells(frames.members, frames.last_year)


# ------------------------------------------------------------------ spells


def test_phase_change_is_not_an_exit(spells):
    csto = spells.loc[spells["atopid"] == 4220].set_index(["ccode", "spell"])
    # Russia: phase 1 (1992-2002) and phase 2 (2002-) are one continuous spell
    assert csto.loc[(365, 0), "start"] == pd.Timestamp("1992-05-15")
    assert bool(csto.loc[(365, 0), "ongoing"])
    assert (365, 1) not in csto.index
    # Uzbekistan: 1992-1999, then a re-entry 2006-2012 (a gap, not a phase change)
    assert csto.loc[(704, 0), "exit_year"] == 1999
    assert csto.loc[(704, 1), "entry_year"] == 2006
    assert csto.loc[(704, 1), "exit_year"] == 2012


def test_spells_of_one_state_in_one_alliance_never_overlap(spells):
    s = spells.sort_values(["atopid", "ccode", "start"])
    far = pd.Timestamp("2262-01-01")
    end = s["end"].fillna(far)
    nxt = s.groupby(["atopid", "ccode"])["start"].shift(-1)
    assert ((nxt.isna()) | (nxt > end)).all()


def test_csto_withdrawals_are_exits_and_founders_are_not(spells):
    from casus.sim.dynamics.risksets import withdrawals

    w = withdrawals(spells)
    csto = spells.assign(w=w).loc[spells["atopid"] == 4220]
    left = set(map(tuple, csto.loc[csto["w"], ["ccode", "exit_year"]].to_numpy().tolist()))
    assert left == {(372, 1999), (373, 1999), (704, 1999), (704, 2012)}


# ------------------------------------------------------------------ risk sets


def test_exit_risk_set_has_no_member_year_after_exit(suite, spells):
    rs = suite.risk_sets["exit"]
    g = rs.groupby(["atopid", "ccode", "spell"])
    span = (
        g["year"]
        .agg(["min", "max", "size"])
        .join(spells.set_index(["atopid", "ccode", "spell"])[["entry_year", "exit_year"]])
    )
    assert (span["min"] == span["entry_year"]).all()
    assert (span["max"] == span["exit_year"]).all()  # the exit year is the last row, never later
    assert (span["size"] == span["exit_year"] - span["entry_year"] + 1).all()  # one row per year
    assert g["event"].sum().max() == 1
    last = rs["year"] == rs.groupby(["atopid", "ccode", "spell"])["year"].transform("max")
    assert rs.loc[~last, "event"].sum() == 0


def test_exit_risk_set_armenia_in_the_csto(suite):
    rs = suite.risk_sets["exit"]
    arm = rs.loc[(rs["atopid"] == 4220) & (rs["ccode"] == 371)]
    assert arm["year"].tolist() == list(range(1992, 2019))
    assert arm["event"].sum() == 0
    assert arm["duration"].iloc[0] == 1 and arm["duration"].iloc[-1] == 27
    assert arm.loc[arm["year"] > 2015, "imputed"].all()  # MID 5.0 ends in 2014


def test_accession_risk_set(suite):
    rs = suite.risk_sets["accession"]
    assert not rs.duplicated(["atopid", "ccode", "year"]).any()
    ev = rs.loc[rs["event"] == 1].set_index(["atopid", "ccode"])
    assert ev.loc[(4220, 373), "year"] == 1993  # Azerbaijan accedes to the Tashkent treaty
    assert ev.loc[(4220, 370), "year"] == 1994  # Belarus, 3 January 1994
    uzb = ev.loc[[(4220, 704)]]
    assert uzb["year"].tolist() == [2006] and uzb["former"].tolist() == [1]  # re-entry of a former member
    assert ev.loc[(3180, 260), "year"] == 1954  # West Germany signs NATO's protocol before entering COW's system
    # members are never at risk of joining their own alliance
    csto = rs.loc[rs["atopid"] == 4220]
    assert not ((csto["ccode"] == 365) & (csto["year"] > 1992)).any()
    assert set(csto.loc[csto["year"] == 2000, "ccode"]) >= {372, 373, 704}  # the three who left in 1999


def test_termination_risk_set(suite, frames):
    from casus.sim.panel import alliance_table

    rs = suite.risk_sets["termination"]
    tab = alliance_table(frames.alliances, frames.last_year)
    assert len(rs) == int((tab["endyr"] - tab["begyr"] + 1).sum())
    assert rs["event"].sum() == int(tab["terminated"].sum())
    last = rs["year"] == rs.groupby("atopid")["year"].transform("max")
    assert rs.loc[~last, "event"].sum() == 0
    assert rs.loc[rs["atopid"] == 4220, "event"].sum() == 0  # the CSTO is still in force in 2018


# ------------------------------------------------------------------ models


# the fixture panel (41 states every year, every state in 1950, 1968-1972 and 2012-2016) is too small for the
# termination model to beat chance reliably after 1990: its figures are in test_full_file_figures
@pytest.mark.parametrize("model", ["accession", "exit"])
def test_out_of_sample_auc_beats_chance(suite, model):
    v = suite.validation[model]
    assert v.split_year == 1990
    assert 0.5 < v.auc <= 1.0
    assert 0.5 < v.auc_observed <= 1.0
    assert 0 < v.brier < 0.05 and 0 < v.brier_base < 0.05
    assert v.n_train + v.n_test == len(suite.risk_sets[model])


def test_coefficient_table(suite):
    t = suite.models["accession"].table()
    row = t.set_index("term").loc["same_region"]
    assert row["coef"] > 0 and row["ci_low"] > 0  # states join alliances of their region
    assert list(t.columns) == ["term", "coef", "se", "ci_low", "ci_high", "odds_ratio", "p"]


def test_cubic_duration_dependence(suite):
    from casus.sim.dynamics.hazard import fit_hazard

    fit = fit_hazard(suite.risk_sets["exit"], "exit", duration="cubic")
    assert fit.names[:4] == ("const", "log_dur_t", "log_dur_t2", "log_dur_t3")
    p = fit.predict(fit.design(suite.risk_sets["exit"]))
    assert np.isfinite(p).all() and 0 < p.mean() < 0.01


def test_fit_without_events_is_refused(suite):
    from casus.sim.dynamics.hazard import fit_hazard

    rs = suite.risk_sets["exit"]
    with pytest.raises(InvalidInputError, match="no event"):
        fit_hazard(rs.loc[rs["event"] == 0].head(100), "exit")


# ------------------------------------------------------------------ the two hypotheses


@pytest.fixture(scope="module")
def hypotheses(suite):  # type: ignore[no-untyped-def]
    from casus.sim.dynamics.io import load_hypothesis_tests

    return load_hypothesis_tests()


@pytest.mark.slow  # about 5 s on the fixtures, 6 s on the full files: fits the hazard model with the threat covariate
def test_threat_brings_members_hypothesis(suite, hypotheses):
    e, _ = hypotheses
    assert e.main.events == int(suite.risk_sets["accession"]["event"].sum())  # every accession of the risk set
    orr, lo, hi = e.main.odds_ratio
    assert 0 < lo < orr < hi
    assert {c.label for c in e.checks} >= {"through 1990", "onsets per system state", "with era fixed effects"}
    assert ("no support" in e.reading) == (lo < 1 < hi)
    assert "not a causal effect" in e.reading


@pytest.mark.slow  # shares the fit above
def test_cohesion_hypothesis(suite, hypotheses):
    _, e = hypotheses
    rs = suite.risk_sets["exit"]
    assert e.counts["exits_unassisted"] + e.counts["exits_other"] == int(rs["event"].sum())
    assert e.counts["member_years_unassisted"] + e.counts["member_years_other"] == len(rs)
    assert 0 < e.counts["exits_unassisted"] < e.counts["member_years_unassisted"]
    orr, lo, hi = e.main.odds_ratio
    assert 0 < lo < orr < hi
    assert "Armenia" in e.reading


@pytest.mark.full_data(needs="the full ATOP 5.1, COW, NMC 6.0 and MID 5.0 files (the published hazard figures)")
@pytest.mark.slow  # the hypothesis fits on the full files
def test_full_file_figures(suite, hypotheses):
    """The published figures (docs/dynamics.md) on the full ATOP 5.1 / COW / NMC 6.0 / MID 5.0 files."""
    rows_events = {m: (len(rs), int(rs["event"].sum())) for m, rs in suite.risk_sets.items()}
    assert rows_events == {"accession": (229_055, 219), "exit": (19_258, 50), "termination": (15_640, 368)}
    acc, ext, term = (suite.validation[m] for m in ("accession", "exit", "termination"))
    assert acc.auc == pytest.approx(0.92, abs=0.02) and acc.brier_skill > 0
    assert ext.events_test == 17  # few exits after 1990: the exit model's figures are fragile
    assert term.split_year == 1990 and term.n_train + term.n_test == 15_640
    assert 0.5 < term.auc <= 1.0 and 0.5 < term.auc_observed <= 1.0
    assert 0 < term.brier < 0.05 and 0 < term.brier_base < 0.05 and term.brier_skill > 0.05
    threat, cohesion = hypotheses
    assert threat.main.events == 219
    orr, lo, hi = threat.main.odds_ratio
    assert orr == pytest.approx(0.69, abs=0.05)
    assert lo < 1 < hi and "no support" in threat.reading  # the interval includes "no effect"
    assert cohesion.counts["exits_unassisted"] == 6 and cohesion.counts["member_years_unassisted"] == 2758
    lo, hi = cohesion.main.odds_ratio[1:]
    assert lo < 1 < hi
