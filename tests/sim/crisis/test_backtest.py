"""Backtest on the curated real episodes: every episode runs, scores are finite and reported honestly."""

from __future__ import annotations

import math

import pytest

from casus.sim.crisis.backtest import BASELINES, backtest
from casus.sim.crisis.io import load_episodes, parse_episodes
from casus.sim.crisis.scenario import Response


@pytest.fixture(scope="module")
def result(kb, evidence):  # type: ignore[no-untyped-def]
    return backtest(kb, load_episodes(), evidence)


def test_episodes_are_curated_and_cited():
    episodes = load_episodes()
    assert len(episodes) >= 12
    orgs = {e.organization for e in episodes}
    assert {"csto", "nato", "rio-1947", "anzus-1951"} <= orgs
    assert all(e.sources and all(s.publisher and s.title for s in e.sources) for e in episodes)
    by_id = {e.id: e for e in episodes}
    assert (
        by_id["kazakhstan-2022-01"].outcome is Response.COLLECTIVE_DEPLOYMENT and by_id["kazakhstan-2022-01"].honoured
    )
    assert not by_id["armenia-2022-09"].honoured and not by_id["kyrgyzstan-2010-06"].honoured
    assert by_id["nato-2001-09"].honoured


def test_backtest_runs_on_every_episode_with_finite_scores(result):
    assert all(e.error is None for e in result.episodes), [e.error for e in result.episodes if e.error]
    for e in result.episodes:
        assert 0.0 <= e.p_honoured <= 1.0
        assert math.isclose(sum(e.probabilities.values()), 1.0, abs_tol=1e-9)
        for forecaster in ("model", *BASELINES):
            assert math.isfinite(e.brier[forecaster]) and math.isfinite(e.log_loss[forecaster])
    summary = result.summary()
    assert set(summary) == {"model", *BASELINES}
    assert all(math.isfinite(v) for s in summary.values() for v in s.values())


def test_episodes_run_as_of_the_day_before(kb):
    episode = next(e for e in load_episodes() if e.id == "nato-2001-09")
    assert str(episode.scenario().on) == "2001-09-11"


def test_scores_against_the_published_base_rate(result):
    # The 22 % base rate is a poor forecaster of these episodes, most of which were honoured.
    assert result.mean("brier", "base_rate_post1945") > 0.4
    assert isinstance(result.beats_base_rate, bool)
    assert result.to_dict()["summary"]["model"]["brier"] == result.mean("brier")
    # the two-number rule: 1.0 for consultations, 0.22 for forces or assistance
    by_id = {e.episode.id: e for e in result.episodes}
    assert by_id["turkey-2015-07"].forecasts["two_number_rule"] == 1.0
    assert by_id["kazakhstan-2022-01"].forecasts["two_number_rule"] == 0.22
    table = result.reliability("model")
    assert sum(int(r["n"]) for r in table) == len(result.scored)
    assert all(0.0 <= float(r["observed"]) <= 1.0 for r in table)


def test_duplicate_episode_ids_are_rejected():
    from casus.errors import ScenarioError

    one = """\
  - id: x-1
    date: 2022-01-05
    organization: csto
    requester: Kazakhstan
    adversary: non-state
    kind: unrest
    request: forces
    outcome: collective_deployment
    summary: test
    sources: [{publisher: P, title: T}]
"""
    with pytest.raises(ScenarioError, match="used twice"):
        parse_episodes("episodes:\n" + one + one, "e.yaml")
    with pytest.raises(ScenarioError, match=r"e\.yaml:9 \[episodes\.0\.outcome\]"):
        parse_episodes("episodes:\n" + one.replace("collective_deployment", "war"), "e.yaml")
