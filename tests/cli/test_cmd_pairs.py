"""`casus sweep pairs`: one date to a Parquet file, years to resumable partitions; the scenario sweep still parses."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from casus.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_one_date_writes_the_triads(capsys, tmp_path, casus_data):
    out = tmp_path / "pairs.parquet"
    code, stdout, err = run(
        capsys, "sweep", "pairs", "--on", "2024-06-25", "--out", str(out), "--curated-only", "-f", "json"
    )
    assert code == 0, err
    df = pd.read_parquet(out)
    counts = {r["verdict"]: r["rows"] for r in json.loads(stdout)}
    assert counts["triggered"] == int((df.verdict == "triggered").sum()) > 0
    nato = df[(df.treaty == "north-atlantic-1949") & (df.target == "EST") & (df.attacker == "RUS")]
    assert len(nato) == 31 and set(nato.verdict) == {"triggered"}


def test_years_resume_without_redoing(capsys, tmp_path, casus_data):
    out = tmp_path / "years"
    code, _, err = run(
        capsys, "sweep", "pairs", "--years", "1950:1951", "--out", str(out), "--curated-only", "--in-process"
    )
    assert code == 0, err
    first = (out / "year=1950" / "part.parquet").stat().st_mtime_ns
    code, stdout, err = run(
        capsys, "sweep", "pairs", "--years", "1950:1952", "-o", str(out), "--curated-only", "--in-process", "-f", "json"
    )
    assert code == 0, err
    status = {r["year"]: r["status"] for r in json.loads(stdout)}
    assert status == {1950: "done before", 1951: "done before", 1952: "written"}
    assert (out / "year=1950" / "part.parquet").stat().st_mtime_ns == first
    years = pd.read_parquet(out)
    assert set(years.date.dt.year) == {1950, 1951, 1952}
    # Rio Treaty (in force 1948): an attack on Brazil in 1951 obliges the other American parties
    rio = years[(years.date.dt.year == 1951) & (years.target == "BRA") & (years.treaty == "rio-1947")]
    assert "USA" in set(rio.obligated)


def test_bad_years_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "sweep", "pairs", "--years", "2018:1816", "--out", str(tmp_path / "x"))
    assert code == 2 and err.count("\n") == 1 and "FIRST:LAST" in err, err


@pytest.mark.parametrize(
    "args",
    [
        ("--on", "2024-06-25", "--in-process"),
        ("--years", "1950:1951", "--in-process", "--workers", "2"),
        ("--years", "1950:1951", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"),
    ],
)
def test_cluster_options_that_do_not_fit_are_one_line(capsys, tmp_path, args):
    code, _, err = run(capsys, "sweep", "pairs", *args, "--out", str(tmp_path / "x"))
    assert code == 2 and err.count("\n") == 1 and err.startswith("casus:"), err


@pytest.mark.slow  # waits for the scheduler's 10 s timeout
def test_a_scheduler_that_does_not_answer_is_one_line(capsys, tmp_path):
    pytest.importorskip("distributed")
    code, _, err = run(
        capsys, "sweep", "pairs", "--years", "1950:1950", "--scheduler", "tcp://127.0.0.1:9", "-o", str(tmp_path)
    )
    assert code != 0 and err.count("\n") == 1 and "tcp://127.0.0.1:9" in err, err
    assert not list(tmp_path.iterdir())


def test_scenario_sweep_still_parses_without_subcommand(capsys):
    code, _, err = run(capsys, "sweep", "kazakhstan-2022-01", "--runs", "0", "-p", "x=1")
    assert code == 2 and "--runs" in err, err
