"""`casus simulate` and `casus backtest`: thin commands, stable JSON, charts on request."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.app import app

runner = CliRunner()


def test_simulate_builtin_scenario_json(shared_data):
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


def test_simulate_table_and_outputs(shared_data, tmp_path):
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


def test_backtest_json(shared_data):
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
