"""Every sim result turns into JSON in one place: its ``to_dict()`` is exactly what its CLI command prints."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from casus.cli.app import app

runner = CliRunner()


def _printed(*args: str) -> str:
    res = runner.invoke(app, [*args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return res.stdout


def _as_printed(data: dict[str, Any]) -> str:
    # what casus.cli.options.emit_json writes
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


@pytest.fixture(scope="module")
def kb_and_evidence(casus_data):  # type: ignore[no-untyped-def]
    from casus.curated import load_kb
    from casus.sim.crisis.io import load_evidence

    return load_kb(), load_evidence()


@pytest.mark.slow
def test_crisis_result_and_sobol(kb_and_evidence):
    from casus.sim.crisis.io import load_scenario
    from casus.sim.crisis.sensitivity import sobol_indices
    from casus.sim.crisis.simulate import simulate_crisis

    kb, evidence = kb_and_evidence
    scenario = load_scenario("armenia-2022-09")
    result = simulate_crisis(kb, scenario, evidence, runs=4000, rng=42)
    printed = _printed("simulate", "armenia-2022-09", "--runs", "4000", "--seed", "42")
    assert _as_printed(result.to_dict()) == printed
    assert json.loads(printed)["members"][0]["state"] == "BLR"  # Belarus, first helper by name
    sobol = sobol_indices(kb, scenario, evidence, rng=result.seed)
    with_sobol = _printed("simulate", "armenia-2022-09", "--runs", "4000", "--seed", "42", "--sobol")
    assert _as_printed(result.to_dict(sobol)) == with_sobol


def test_backtest_result(kb_and_evidence):
    from casus.sim.crisis.backtest import backtest
    from casus.sim.crisis.io import load_episodes

    kb, evidence = kb_and_evidence
    result = backtest(kb, load_episodes(), evidence)
    printed = _printed("backtest")
    assert _as_printed(result.to_dict()) == printed
    assert any(e["id"].startswith("armenia-2022") for e in json.loads(printed)["episodes"])


def test_sweep_result(kb_and_evidence):
    from casus.sim.crisis.io import load_scenario
    from casus.sim.sweep.design import SweepDesign
    from casus.sim.sweep.run import simulate_sweep, sweep_to_dict

    kb, evidence = kb_and_evidence
    design = SweepDesign.grid("base_reliability=0.22:0.745:3", "w_ties=-2:0:2")
    df = simulate_sweep(kb, load_scenario("armenia-2022-09"), design, evidence, runs=2000, rng=11)
    printed = _printed(
        "sweep",
        "armenia-2022-09",
        "-p",
        "base_reliability=0.22:0.745:3",
        "-p",
        "w_ties=-2:0:2",
        "-n",
        "2000",
        "-s",
        "11",
    )
    assert _as_printed(sweep_to_dict(df)) == printed
    assert len(json.loads(printed)["points"]) == 6


@pytest.mark.slow  # about 16 s on a quiet machine: fits the hazard models and both hypothesis tests on the full files
def test_trajectory(kb_and_evidence):
    from casus.sim.dynamics.io import load_fitted_suite, load_hypothesis_tests
    from casus.sim.dynamics.simulate import simulate_membership, threat_path
    from casus.sim.dynamics.snapshot import org_snapshot
    from casus.sim.io import load_dynamics_frames

    kb, _ = kb_and_evidence
    snap = org_snapshot(kb, "CSTO", load_dynamics_frames())
    suite = load_fitted_suite()
    path = threat_path("rising", start_year=snap.start.year + 1, years=3, start=suite.threat_last)
    tr = simulate_membership(suite, snap, path, runs=200, rng=5)
    printed = _printed("dynamics", "CSTO", "--threat", "rising", "--years", "3", "--runs", "200", "--seed", "5")
    assert _as_printed(tr.to_dict(suite, load_hypothesis_tests())) == printed
    assert "ARM" in {s["state"] for s in json.loads(printed)["states"]}


def test_alignment(kb_and_evidence):
    from casus.sim.align.inputs import align_states, largest_states
    from casus.sim.io import load_dynamics_frames

    kb, _ = kb_and_evidence
    frames = load_dynamics_frames()
    codes = largest_states(frames, 2014, 8)
    ids = [kb.states.by_cow(c).id for c in codes]
    result = align_states(frames, 2014, codes, labels=ids, rng=1, max_minima=5)
    names = {i: kb.states.get(i).name for i in ids}
    printed = _printed("align", "--year", "2014", "--top", "8", "--seed", "1", "--ask", "Russia")
    assert _as_printed(result.to_dict(names, minima=5, ask="RUS")) == printed
    assert json.loads(printed)["ask"]["name"] == "Russia"
