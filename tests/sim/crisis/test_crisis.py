"""The crisis Monte Carlo: real scenarios, reproducibility, the consensus rule, speed and memory."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc

import numpy as np
import pytest

from casus.sim.crisis.exact import exact_member_choices, exact_responses
from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.result import wilson_interval
from casus.sim.crisis.scenario import Choice, Response, Scenario
from casus.sim.crisis.simulate import run_compiled, simulate_crisis

COLLECTIVE = Response.COLLECTIVE_DEPLOYMENT


def test_armenia_2022_collective_deployment_well_below_kazakhstan_2022(kb, evidence, armenia, kazakhstan):
    arm = exact_responses(compile_crisis(kb, armenia, evidence))
    kaz = exact_responses(compile_crisis(kb, kazakhstan, evidence))
    assert arm[COLLECTIVE] < 0.6 * kaz[COLLECTIVE]
    assert kaz[Response.NOTHING] < arm[Response.NOTHING]


def test_armenia_procedure_uses_article_4_and_consensus(kb, evidence, armenia):
    c = compile_crisis(kb, armenia, evidence)
    proc = c.procedure
    assert proc.basis.value == "defence_triggered" and proc.article == "4"
    assert proc.rule.value == "consensus" and "Collective Security Council" in proc.body
    assert set(proc.helpers) == {"BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert c.leader == "RUS"
    russia = next(m for m in c.members if m.state == "RUS")
    ties = next(d for d in russia.drivers if d.name == "ties")
    assert ties.value >= 1 and ties.contribution < 0 and "Azerbaijan" in ties.detail


def test_kazakhstan_unrest_is_a_permission_at_kazakhstans_request(kb, evidence, kazakhstan):
    c = compile_crisis(kb, kazakhstan, evidence)
    assert c.procedure.basis.value == "permission"
    assert c.procedure.collective_possible
    assert "KAZ" not in c.procedure.helpers and c.procedure.requester_votes


def test_same_seed_same_result_bit_for_bit(kb, evidence, armenia):
    a = simulate_crisis(kb, armenia, evidence, runs=150_000, rng=2024, chunk_size=40_000)
    b = simulate_crisis(kb, armenia, evidence, runs=150_000, rng=2024, chunk_size=40_000)
    assert a.seed == b.seed == 2024
    assert a.response_counts == b.response_counts
    assert np.array_equal(a.member_counts, b.member_counts)
    assert np.array_equal(a.troops.counts, b.troops.counts) and a.troops.total == b.troops.total
    assert np.array_equal(a.days.counts, b.days.counts) and a.days.total == b.days.total
    c = simulate_crisis(kb, armenia, evidence, runs=150_000, rng=2025, chunk_size=40_000)
    assert c.response_counts != a.response_counts


def test_a_generator_is_turned_into_a_recorded_root_seed(kb, armenia):
    r = simulate_crisis(kb, armenia, runs=1000, rng=np.random.default_rng(5))
    again = simulate_crisis(kb, armenia, runs=1000, rng=r.seed)
    assert r.response_counts == again.response_counts
    assert simulate_crisis(kb, armenia, runs=10, rng=None).seed >= 0


def test_monte_carlo_agrees_with_the_exact_distribution(kb, evidence, kazakhstan):
    c = compile_crisis(kb, kazakhstan, evidence)
    r = run_compiled(c, 200_000, rng=11)
    for resp, p in exact_responses(c).items():
        lo, hi = wilson_interval(r.response_counts[list(Response).index(resp)], r.runs, z=4.0)
        assert lo <= p <= hi, resp
    exact = exact_member_choices(c)
    assert np.allclose(r.member_counts / r.runs, exact, atol=0.006)


def test_consensus_one_forced_block_makes_collective_deployment_impossible(kb, evidence, armenia, kazakhstan):
    for scenario in (armenia, kazakhstan):
        blocked = scenario.with_changes(forced={"Kyrgyzstan": "block"})
        c = compile_crisis(kb, blocked, evidence)
        assert exact_responses(c)[COLLECTIVE] == 0.0
        assert exact_responses(c)[Response.STATEMENT_OR_MISSION] == 0.0
        r = run_compiled(c, 50_000, rng=3)
        assert r.probability(COLLECTIVE) == 0.0
        assert r.member_distribution("KGZ")[Choice.BLOCK] == 1.0
    forced_yes = kazakhstan.with_changes(forced={"Russia": "assist_forces"})
    assert exact_responses(compile_crisis(kb, forced_yes, evidence))[COLLECTIVE] > 0.5


def test_majority_rule_survives_one_block(kb, evidence, kazakhstan):
    scenario = kazakhstan.with_changes(
        forced={"Kyrgyzstan": "block", "Russia": "assist_forces"}, decision_rule="majority"
    )
    assert exact_responses(compile_crisis(kb, scenario, evidence))[COLLECTIVE] > 0.3


def test_treaty_without_a_collective_body_gives_only_bilateral_help(kb, evidence):
    anzus = Scenario(
        name="anzus",
        on=dt.date(2001, 9, 13),
        organization="anzus-1951",
        attacker="non-state:al-Qaeda",
        target="United States",
    )
    c = compile_crisis(kb, anzus, evidence)
    # New Zealand remains a party bound towards the United States; only the US suspended its obligations (1986).
    assert c.procedure.rule.value == "none" and c.procedure.helpers == ("AUS", "NZL")
    probs = exact_responses(c)
    assert probs[COLLECTIVE] == 0.0 and probs[Response.BILATERAL_ONLY] > 0.3
    on_nz = Scenario(
        name="anzus-nz", on=dt.date(1990, 1, 1), organization="anzus-1951", attacker="France", target="New Zealand"
    )
    assert compile_crisis(kb, on_nz, evidence).procedure.helpers == ("AUS",)  # the United States' leg is suspended


def test_deployment_size_and_timing_are_of_the_kazakhstan_order(kb, evidence, kazakhstan):
    r = simulate_crisis(kb, kazakhstan, evidence, runs=50_000, rng=1)
    median = r.troops.quantile(0.5)
    assert median is not None and 500 < median < 5000  # about 2,000 were sent in January 2022
    days = r.days.quantile(0.5)
    assert days is not None and 1 < days < 30
    assert r.to_dict()["label"].startswith("Illustrative")


def test_overrides_change_the_answer(kb, evidence, armenia):
    low = exact_responses(compile_crisis(kb, armenia.with_changes(overrides={"base_reliability": 0.22}), evidence))
    high = exact_responses(compile_crisis(kb, armenia.with_changes(overrides={"base_reliability": 0.745}), evidence))
    assert low[COLLECTIVE] < high[COLLECTIVE]


def test_speed_100k_csto_replications_under_one_second(kb, evidence, armenia):
    c = compile_crisis(kb, armenia, evidence)
    run_compiled(c, 1000, rng=0)  # warm-up
    start = time.perf_counter()
    run_compiled(c, 100_000, rng=0)
    assert time.perf_counter() - start < 1.0


def test_memory_is_bounded_by_the_chunk_not_the_runs(kb, evidence, armenia):
    c = compile_crisis(kb, armenia, evidence)
    peaks = []
    for runs in (100_000, 1_000_000):
        tracemalloc.start()
        run_compiled(c, runs, rng=1, chunk_size=50_000)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] < 1.5 * peaks[0]  # ten times the runs, about the same peak
    assert peaks[1] < 64 * 2**20  # so 10 million runs stay far under 1 GB too


def test_wilson_interval():
    assert wilson_interval(0, 10)[0] == 0.0
    lo, hi = wilson_interval(50, 100)
    assert lo == pytest.approx(0.4038, abs=1e-4) and hi == pytest.approx(0.5962, abs=1e-4)


def test_bad_arguments_are_scenario_errors(kb, armenia):
    from casus.errors import ScenarioError

    with pytest.raises(ScenarioError):
        simulate_crisis(kb, armenia, runs=0)
    with pytest.raises(ScenarioError, match="not a helper"):
        compile_crisis(kb, armenia.with_changes(forced={"Armenia": "block"}))
