"""`casus simulate` and `casus backtest`: thin commands, stable JSON, charts on request."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from casus.cli.app import app

runner = CliRunner()


def test_simulate_builtin_scenario_json(casus_data):
    res = runner.invoke(app, ["simulate", "armenia-2022-09", "--runs", "3000", "--seed", "9", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["seed"] == 9 and data["runs"] == 3000
    assert data["label"].startswith("Illustrative")
    assert [r["response"] for r in data["responses"]] == [
        "collective_deployment",
        "bilateral_assistance_only",
        "statement_or_mission_only",
        "nothing",
    ]
    assert {m["state"] for m in data["members"]} == {"BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert all(m["reasons"] for m in data["members"])
    again = runner.invoke(app, ["simulate", "armenia-2022-09", "--runs", "3000", "--seed", "9", "--format", "json"])
    assert json.loads(again.stdout)["responses"] == data["responses"]


@pytest.mark.slow
def test_simulate_table_and_outputs(casus_data, tmp_path):
    res = runner.invoke(
        app, ["simulate", "kazakhstan-2022-01", "--runs", "2000", "--seed", "1", "--out", str(tmp_path)]
    )
    assert res.exit_code == 0, res.output
    assert "not a forecast" in res.stdout and "Russia" in res.stdout
    for name in ("responses.parquet", "members.parquet", "drivers.parquet", "crisis.png", "crisis.html"):
        assert (tmp_path / name).stat().st_size > 0


def test_unknown_scenario_exits_2_with_one_line():
    from casus.cli.app import main

    assert main(["simulate", "no-such-scenario"]) == 2


def test_backtest_json(casus_data):
    res = runner.invoke(app, ["backtest", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert len(data["episodes"]) >= 12 and "base_rate_post1945" in data["summary"]


def test_unwritable_out_folder_exits_2_with_one_line(tmp_path, capsys):
    from casus.cli.app import main

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["simulate", "armenia-2022-09", "--runs", "100", "--seed", "1", "--out", str(blocker / "x")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("casus: error: --out")


def test_backtest_holdout_split_uses_the_fitted_parameters(casus_data):
    res = runner.invoke(app, ["backtest", "--split", "holdout", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["split"] == "holdout" and data["params"] == "fitted"
    assert len(data["episodes"]) == 20 and "two_number_rule" in data["summary"]
    assert {e["stratum"].split("/")[0] for e in data["episodes"]} == {"forces", "assistance", "consultation", "none"}
    assert sum(r["n"] for r in data["reliability"]["model"]) == 20
    table = runner.invoke(app, ["backtest", "--split", "holdout"])
    assert "two-number rule" in table.stdout and "Held out before fitting" in table.stdout


def test_backtest_refuses_an_unknown_split(capsys):
    from casus.cli.app import main

    assert main(["backtest", "--split", "test"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--split test" in err[0]


def test_simulate_shows_the_base_rate_of_the_request_kind(casus_data):
    res = runner.invoke(app, ["simulate", "armenia-2022-09", "--runs", "2000", "--seed", "3", "--format", "json"])
    data = json.loads(res.stdout)
    ref = data["base_rate"]
    assert ref["request"] == "forces" and ref["n"] >= 5 and 0.0 <= ref["honoured"] <= 1.0
    assert all("base_rate" in r for r in data["responses"])
    assert abs(sum(r["base_rate"] for r in data["responses"]) - 1.0) < 1e-9
    table = runner.invoke(app, ["simulate", "armenia-2022-09", "--runs", "2000", "--seed", "3"])
    assert "base rate for a request for forces" in table.stdout
