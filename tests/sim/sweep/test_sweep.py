"""Parameter sweeps: designs, validation, reproducibility across executors, real values, the CLI."""

from __future__ import annotations

import json
import logging
import sys

import numpy as np
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from casus.errors import CasusError, InvalidInputError, MissingExtraError, ScenarioError
from casus.sim.crisis.exact import exact_responses
from casus.sim.crisis.model import compile_crisis
from casus.sim.crisis.scenario import RESPONSES, Response
from casus.sim.crisis.simulate import simulate_crisis
from casus.sim.sweep.design import ParamRange, SweepDesign
from casus.sim.sweep.run import STATS, ProcessExecutor, simulate_sweep

COLLECTIVE = "p_collective_deployment"


@pytest.fixture(scope="module")
def dask_cluster():  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        host="127.0.0.1",
        protocol="tcp://",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


# --- designs and validation ---------------------------------------------------------------------------------


def test_param_specs_read_as_grid_sample_or_fixed():
    assert ParamRange.parse("base_reliability=0.22:0.745:5") == ParamRange("base_reliability", 0.22, 0.745, 5)
    assert ParamRange.parse(" w_ties=-2.5:0") == ParamRange("w_ties", -2.5, 0.0, None)
    assert ParamRange.parse("w_major=0.5") == ParamRange("w_major", 0.5, 0.5, 1)
    values = ParamRange.parse("base_reliability=0.22:0.745:5").values().tolist()
    assert values == pytest.approx([0.22, 0.35125, 0.4825, 0.61375, 0.745], abs=1e-15)
    assert values[0] == 0.22 and values[-1] == 0.745  # both ends exactly


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("base_reliabilty=0.2:0.5:3", "did you mean 'base_reliability'"),
        ("base_reliability=0:0.5:3", "0.0 is not strictly between 0 and 1"),
        ("block_base=0.01:1.5:3", "1.5 is not strictly between 0 and 1"),
        ("troops_scale=-1:5:3", "must be positive"),
        ("w_ties=0:-2:3", "reversed (0.0 > -2.0); write LOW:HIGH"),
        ("w_ties=-2:0:0", "at least 1 step"),
        ("w_ties=-2:0:1", "one step cannot cover"),
        ("w_ties=-2:nan:3", "must be finite"),
        ("w_ties=a:0:3", "LOW and HIGH must be numbers"),
        ("w_ties=-2:0:2.5", "STEPS must be a whole number"),
        ("w_ties", "expected NAME=LOW:HIGH:STEPS"),
        ("w_ties=1:2:3:4", "expected NAME=LOW:HIGH:STEPS"),
    ],
)
def test_bad_ranges_say_what_is_wrong(spec, message):
    with pytest.raises(ScenarioError) as err:
        ParamRange.parse(spec)
    assert message in str(err.value)


def test_designs_are_validated():
    with pytest.raises(ScenarioError, match="a grid needs STEPS for w_ties"):
        SweepDesign.grid("w_ties=-2:0")
    with pytest.raises(ScenarioError, match="STEPS apply to a grid"):
        SweepDesign.sample("lhs", 10, "w_ties=-2:0:3")
    with pytest.raises(ScenarioError, match="use 1024 or 2048"):
        SweepDesign.sample("sobol", 2000, "w_ties=-2:0")
    with pytest.raises(ScenarioError, match="given more than once"):
        SweepDesign.grid("w_ties=-2:0:3", "w_ties=-1:0:2")
    with pytest.raises(ScenarioError, match="more than 1,000,000"):
        SweepDesign.grid("w_ties=-2:0:1001", "w_major=0:1:1000")
    with pytest.raises(ScenarioError, match="at least one parameter"):
        SweepDesign(())
    with pytest.raises(ScenarioError, match="method 'halton'"):
        SweepDesign((ParamRange("w_ties", -2, 0),), "halton", 8)  # type: ignore[arg-type]


def test_grid_order_and_sample_bounds():
    grid = SweepDesign.grid("base_reliability=0.2:0.6:3", "w_ties=-2:0:2", "w_major=0.4")
    x = grid.points(np.random.default_rng(0))
    assert x.shape == (6, 3) and grid.size == 6
    assert x[:, 0].tolist() == [0.2, 0.2, 0.4, 0.4, 0.6, 0.6]  # first parameter varies slowest
    assert x[:, 1].tolist() == [-2.0, 0.0] * 3 and set(x[:, 2]) == {0.4}
    for method in ("sobol", "lhs"):
        d = SweepDesign.sample(method, 64, "base_reliability=0.22:0.745", "w_ties=-2.5:0")  # type: ignore[arg-type]
        s = d.points(np.random.default_rng(1))
        assert s.shape == (64, 2)
        assert (s[:, 0] >= 0.22).all() and (s[:, 0] <= 0.745).all() and (s[:, 1] >= -2.5).all()
        # space-filling: every eighth of each axis is hit
        assert all(
            len(np.unique(np.floor((s[:, k] - lo) / (hi - lo) * 8))) == 8
            for k, (lo, hi) in enumerate([(0.22, 0.745), (-2.5, 0.0)])
        )


# --- results ------------------------------------------------------------------------------------------------


def test_grid_result_shape_columns_and_attrs(kb, armenia):
    design = SweepDesign.grid("base_reliability=0.22:0.745:3", "w_ties=-2.5:0:4")
    df = simulate_sweep(kb, armenia, design, runs=2_000, rng=11)
    assert df.shape == (12, 2 + 1 + len(STATS)) and df.index.name == "point"
    assert list(df.columns) == ["base_reliability", "w_ties", "seed", *STATS]
    assert df["seed"].dtype == np.int64 and df["seed"].is_unique and (df["seed"] < 2**53).all()
    assert df.attrs["seed"] == 11 and df.attrs["runs"] == 2_000 and df.attrs["exact"] is False
    assert df.attrs["scenario"] == "armenia-2022-09" and df.attrs["method"] == "grid"
    assert df.attrs["ranges"] == {"base_reliability": [0.22, 0.745, 3], "w_ties": [-2.5, 0.0, 4]}
    assert "not a forecast" in df.attrs["label"]
    p = df[[f"p_{r.value}" for r in RESPONSES]].to_numpy()
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    for r in RESPONSES:
        assert (df[f"p_{r.value}_low"] <= df[f"p_{r.value}"]).all()
        assert (df[f"p_{r.value}"] <= df[f"p_{r.value}_high"]).all()


def test_identical_across_executors_and_batch_sizes(kb, armenia, dask_cluster):
    from casus.sim.sweep.io.dask import DaskExecutor

    design = SweepDesign.grid("base_reliability=0.22:0.745:4", "w_ties=-2.5:0:3")
    serial = simulate_sweep(kb, armenia, design, runs=3_000, rng=2024)
    runs = {
        "serial, one point per task": simulate_sweep(kb, armenia, design, runs=3_000, rng=2024, batch_size=1),
        "processes": simulate_sweep(
            kb, armenia, design, runs=3_000, rng=2024, executor=ProcessExecutor(2), batch_size=5
        ),
        "dask client": simulate_sweep(
            kb, armenia, design, runs=3_000, rng=2024, executor=DaskExecutor(client=dask_cluster), batch_size=2
        ),
    }
    with DaskExecutor(dask_cluster.scheduler.address) as ex:  # the tcp:// path, on loopback
        runs["dask address"] = simulate_sweep(kb, armenia, design, runs=3_000, rng=2024, executor=ex)
    for name, other in runs.items():
        pd.testing.assert_frame_equal(other, serial, check_exact=True, obj=name)
        assert other.attrs == serial.attrs, name
    assert not serial.equals(simulate_sweep(kb, armenia, design, runs=3_000, rng=2025))


def test_sample_is_reproducible_and_exact_mode_has_no_noise(kb, armenia, dask_cluster):
    from casus.sim.sweep.io.dask import DaskExecutor

    design = SweepDesign.sample("sobol", 16, "base_reliability=0.22:0.745", "forces_base=0.15:0.6")
    a = simulate_sweep(kb, armenia, design, exact=True, rng=5)
    b = simulate_sweep(kb, armenia, design, exact=True, rng=5, executor=DaskExecutor(client=dask_cluster))
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert a.attrs["runs"] is None and a.attrs["method"] == "sobol"
    assert (a[COLLECTIVE] == a[f"{COLLECTIVE}_low"]).all() and (a[COLLECTIVE] == a[f"{COLLECTIVE}_high"]).all()
    other = simulate_sweep(kb, armenia, design, exact=True, rng=6)
    assert not np.array_equal(a["base_reliability"], other["base_reliability"])  # the seed scrambles the sample


def test_a_row_is_reproduced_by_simulate_crisis(kb, armenia):
    df = simulate_sweep(
        kb, armenia, SweepDesign.grid("base_reliability=0.3:0.6:2", "w_leader=0:2:2"), runs=5_000, rng=3
    )
    row = df.loc[2]
    point = {"base_reliability": float(row["base_reliability"]), "w_leader": float(row["w_leader"])}
    alone = simulate_crisis(kb, armenia.with_changes(overrides=point), runs=5_000, rng=int(df.loc[2, "seed"]))
    for r in RESPONSES:
        assert alone.probability(r) == df.loc[2, f"p_{r.value}"]
        assert alone.interval(r) == (df.loc[2, f"p_{r.value}_low"], df.loc[2, f"p_{r.value}_high"])


def test_swept_parameters_replace_the_scenarios_overrides_and_the_others_stay(kb, armenia):
    scen = armenia.with_changes(overrides={"base_reliability": 0.22, "w_major": 0.0})
    df = simulate_sweep(kb, scen, SweepDesign.grid("base_reliability=0.41"), exact=True, rng=0)
    assert df.attrs["params"]["w_major"] == 0.0 and df.attrs["params"]["base_reliability"] == 0.22
    want = exact_responses(compile_crisis(kb, armenia.with_changes(overrides={"w_major": 0.0})))
    assert df.loc[0, COLLECTIVE] == pytest.approx(want[Response.COLLECTIVE_DEPLOYMENT], abs=1e-15)


def test_bad_arguments(kb, armenia):
    design = SweepDesign.grid("w_ties=-1:0:2")
    with pytest.raises(ScenarioError, match="runs must be at least 1"):
        simulate_sweep(kb, armenia, design, runs=0)
    with pytest.raises(ScenarioError, match="batch_size must be at least 1"):
        simulate_sweep(kb, armenia, design, batch_size=0)
    with pytest.raises(ScenarioError, match="at least 1"):
        ProcessExecutor(0)


# --- real values (shared data) ------------------------------------------------------------------------------


def test_base_reliability_raises_collective_deployment_in_kazakhstan(kb, kazakhstan, evidence):
    design = SweepDesign.grid("base_reliability=0.22:0.745:8")
    exact = simulate_sweep(kb, kazakhstan, design, evidence, exact=True, rng=1)
    p = exact[COLLECTIVE].to_numpy()
    assert (np.diff(p) > 0).all()
    assert p[0] == pytest.approx(0.208, abs=0.002) and p[-1] == pytest.approx(0.500, abs=0.002)
    mc = simulate_sweep(kb, kazakhstan, SweepDesign.grid("base_reliability=0.22:0.745:3"), evidence, rng=1)
    assert (mc[f"{COLLECTIVE}_high"].to_numpy()[:-1] < mc[f"{COLLECTIVE}_low"].to_numpy()[1:]).all()
    at_default = simulate_sweep(kb, kazakhstan, SweepDesign.grid("base_reliability=0.41"), evidence, exact=True)
    assert at_default.loc[0, COLLECTIVE] == pytest.approx(0.338, abs=0.002)  # docs/simulation.md: 33.7 % (MC)


def test_weaker_ties_to_azerbaijan_raise_collective_deployment_for_armenia(kb, armenia, evidence):
    df = simulate_sweep(kb, armenia, SweepDesign.grid("w_ties=-2.5:0:6"), evidence, exact=True, rng=1)
    assert (np.diff(df[COLLECTIVE].to_numpy()) > 0).all()
    assert df.loc[2, COLLECTIVE] == pytest.approx(0.182, abs=0.002)  # w_ties = -1.5, the default: 18.1 % (MC)


# --- Dask adapter -------------------------------------------------------------------------------------------


def test_dask_addresses_and_missing_extra(monkeypatch):
    from casus.sim.sweep.io.dask import DaskExecutor, SchedulerError, check_address

    with pytest.raises(InvalidInputError, match="tcp://host:port"):
        check_address("127.0.0.1:8786")
    with pytest.raises(SchedulerError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9 "):
        DaskExecutor("tcp://127.0.0.1:9", timeout=0.5).start()
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtraError, match=r"casus-foederis\[dist\]"):
        DaskExecutor().start()


# --- CLI ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    from casus.cli.cmd_sweep import register

    app = typer.Typer()
    app.command("unused")(lambda: None)  # keep `sweep` a subcommand
    register(app)
    return app


def test_cli_json_csv_and_out(cli, tmp_path):
    runner = CliRunner()
    args = ["sweep", "kazakhstan-2022-01", "-p", "base_reliability=0.22:0.745:3", "-p", "w_leader=1", "--seed", "4"]
    res = runner.invoke(cli, [*args, "--runs", "1000", "--format", "json", "--out", str(tmp_path / "s.parquet")])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["seed"] == 4 and data["runs"] == 1000 and data["label"].startswith("Illustrative")
    assert data["columns"][:4] == ["point", "base_reliability", "w_leader", "seed"]
    assert [p["point"] for p in data["points"]] == [0, 1, 2]
    saved = pd.read_parquet(tmp_path / "s.parquet")
    assert saved.attrs["seed"] == 4 and saved[COLLECTIVE].tolist() == [p[COLLECTIVE] for p in data["points"]]
    csv = runner.invoke(cli, [*args, "--exact", "--format", "csv", "-x", "processes", "-w", "2"])
    assert csv.exit_code == 0, csv.output
    lines = csv.stdout.strip().splitlines()
    assert lines[0].startswith("point,base_reliability,w_leader,seed,p_collective_deployment") and len(lines) == 4
    table = runner.invoke(cli, [*args, "--exact"])
    assert table.exit_code == 0 and "not a forecast" in table.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-p", "base_reliabilty=0.2:0.5:3"], "did you mean 'base_reliability'"),
        (["-p", "w_ties=-1:0", "--sample", "lhs"], "--sample lhs needs --points N"),
        (["-p", "w_ties=-1:0:3", "--points", "8"], "--points applies to --sample"),
        (["-p", "w_ties=-1:0:3", "--out", "x.txt"], "write a .parquet or a .csv file"),
        (["-p", "w_ties=-1:0:3", "--scheduler", "localhost"], "not of the form tcp://host:port"),
        (["-p", "w_ties=-1:0:3", "-x", "serial", "--scheduler", "tcp://127.0.0.1:8786"], "needs --executor dask"),
        (["-p", "w_ties=-1:0:3", "-w", "4", "--scheduler", "tcp://127.0.0.1:8786"], "has its own workers"),
    ],
)
def test_cli_errors_are_casus_errors(cli, extra, message):
    res = CliRunner().invoke(cli, ["sweep", "armenia-2022-09", *extra])
    assert isinstance(res.exception, CasusError) and message in str(res.exception)
