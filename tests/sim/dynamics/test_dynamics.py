"""Forward simulation of membership (the CSTO from its roster of 25 June 2024) and the ``casus dynamics`` CLI."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from casus.errors import InvalidInputError

pytestmark = pytest.mark.slow  # over ~5 s each (browser / fitted models); `make test-fast` skips them

ARTICLE_DAY = dt.date(2024, 6, 25)


@pytest.fixture(scope="module")
def suite(casus_data):  # type: ignore[no-untyped-def]
    from casus.sim.dynamics.io import load_fitted_suite

    return load_fitted_suite()


@pytest.fixture(scope="module")
def snapshot(kb, casus_data):  # type: ignore[no-untyped-def]
    from casus.sim.dynamics.snapshot import org_snapshot
    from casus.sim.io import load_dynamics_frames

    return org_snapshot(kb, "ОДКБ", load_dynamics_frames(), start=ARTICLE_DAY)


def _path(suite, kind="flat", years=5):  # type: ignore[no-untyped-def]
    from casus.sim.dynamics.simulate import threat_path

    return threat_path(kind, start_year=2025, years=years, start=suite.threat_last)


# ------------------------------------------------------------------ threat paths


def test_threat_paths():
    from casus.sim.dynamics.simulate import threat_path

    assert threat_path("flat", start_year=2025, years=3, start=1.2).values == (1.2, 1.2, 1.2)
    falling = threat_path("falling", start_year=2025, years=2, start=0.0, step=0.5)
    assert falling.years == (2025, 2026) and falling.values == (-0.5, -1.0)
    with pytest.raises(InvalidInputError, match="unknown threat path"):
        threat_path("apocalyptic", start_year=2025, years=3, start=0.0)
    with pytest.raises(InvalidInputError, match="at least 1"):
        threat_path("flat", start_year=2025, years=0, start=0.0)


def test_custom_threat_path_from_onsets(suite):
    from casus.sim.dynamics.simulate import ThreatPath

    scale = suite.threat_scale
    path = ThreatPath.from_mapping({2026: scale.mean + scale.sd, 2025: scale.mean}, onsets=True, scale=scale)
    assert path.kind == "custom" and path.years == (2025, 2026)
    assert path.values == pytest.approx((0.0, 1.0))
    with pytest.raises(InvalidInputError, match="consecutive"):
        ThreatPath.from_mapping({2025: 0.0, 2027: 1.0})


# ------------------------------------------------------------------ the starting point


def test_csto_snapshot_from_the_knowledge_base(snapshot):
    s = snapshot
    members = dict(zip(s.states, s.status, strict=True))
    assert {k for k, v in members.items() if v != "candidate"} == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert members["ARM"] == "suspended"  # frozen since February 2024, still a party
    assert {st for st, f in zip(s.states, s.former, strict=True) if f} == {"AZE", "GEO", "UZB"}
    assert s.atopid == 4220 and s.founded == 1992
    i = {st: k for k, st in enumerate(s.states)}
    assert s.unassisted_year[i["ARM"]] == 2022  # request of 13 September 2022, no deployment followed
    assert s.targeted_year[i["KAZ"]] == 2022 and s.unassisted_year[i["KAZ"]] == 0  # January 2022: forces sent
    assert s.entry_year[i["RUS"]] == 1992
    assert s.major[i["RUS"]] and not s.major[i["ARM"]]
    assert s.cinc[i["RUS"]] > 10 * s.cinc[i["ARM"]]


def test_unknown_organization_suggests(kb, casus_data):
    from casus.errors import UnknownEntityError
    from casus.sim.dynamics.snapshot import org_snapshot
    from casus.sim.io import load_dynamics_frames

    with pytest.raises(UnknownEntityError):
        org_snapshot(kb, "CTSO Pact", load_dynamics_frames())


# ------------------------------------------------------------------ simulation


def test_same_seed_same_trajectory(suite, snapshot):
    from casus.sim.dynamics.simulate import simulate_membership

    a = simulate_membership(suite, snapshot, _path(suite), runs=300, rng=11)
    b = simulate_membership(suite, snapshot, _path(suite), runs=300, rng=11)
    c = simulate_membership(suite, snapshot, _path(suite), runs=300, rng=12)
    assert a.seed == 11
    assert a.summary.equals(b.summary) and a.states.equals(b.states) and a.distribution.equals(b.distribution)
    assert not a.states.equals(c.states)


def test_trajectory_invariants(suite, snapshot):
    from casus.sim.dynamics.simulate import LABEL, simulate_membership

    tr = simulate_membership(suite, snapshot, _path(suite, "rising", 8), runs=500, rng=3)
    s = tr.summary
    assert s["year"].tolist() == list(range(2025, 2033))
    assert (np.diff(s["p_terminated"]) >= 0).all()  # an alliance that ended stays ended
    assert (np.diff(s["accessions"]) >= 0).all() and (np.diff(s["exits"]) >= 0).all()
    assert ((s["q05"] <= s["q50"]) & (s["q50"] <= s["q95"])).all()
    assert s["q95"].max() <= len(snapshot.states)
    assert tr.distribution.groupby("year")["probability"].sum().to_numpy() == pytest.approx(1.0)
    assert tr.states["p_member"].between(0, 1).all()
    assert "not a forecast" in tr.label == LABEL
    first = tr.first_year.set_index("state")
    assert first.loc["ARM", "hazard"] == "exit" and bool(first.loc["ARM", "unassisted"])
    assert first.loc["ARM", "p_if_assisted"] > 0  # the counterfactual is reported
    assert first.loc["GEO", "hazard"] == "join"


def test_point_estimates_only(suite, snapshot):
    from casus.sim.dynamics.simulate import simulate_membership

    tr = simulate_membership(suite, snapshot, _path(suite), runs=200, rng=1, parameter_uncertainty=False)
    first = tr.first_year
    assert (first["p_low"] == first["p_high"]).all()  # no coefficient draws: no band in the hazards


def test_bad_runs_are_refused(suite, snapshot):
    from casus.sim.dynamics.simulate import simulate_membership

    with pytest.raises(InvalidInputError, match="runs"):
        simulate_membership(suite, snapshot, _path(suite), runs=0)


# ------------------------------------------------------------------ CLI


def test_cli_dynamics_json_and_outputs(casus_data, tmp_path, capsys):
    from casus.cli.app import main

    code = main(["dynamics", "CSTO", "--threat", "falling", "--years", "3", "--runs", "200", "--seed", "5",
                 "--start", "2024-06-25", "--format", "json", "--out", str(tmp_path)])  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["seed"] == 5 and "illustrative" in data["label"]
    assert [t["year"] for t in data["trajectory"]] == [2025, 2026, 2027]
    from casus.sim.dynamics.io import load_fitted_suite

    fitted = load_fitted_suite().validation  # the CLI reports the fitted suite's own out-of-sample figures
    assert {v["model"]: v["auc"] for v in data["validation"]} == pytest.approx(
        {m: fitted[m].auc for m in ("accession", "exit", "termination")}
    )
    assert [h["term"] for h in data["hypotheses"]] == ["threat", "unassisted"]
    for name in ("trajectory.parquet", "states.parquet", "validation.parquet", "dynamics.png", "dynamics.html"):
        assert (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "dynamics.png").read_bytes()[:4] == b"\x89PNG"


def test_cli_dynamics_threat_csv_and_errors(casus_data, tmp_path, capsys):
    from casus.cli.app import main

    csv = tmp_path / "threat.csv"
    csv.write_text("year,onsets\n2025,20\n2026,40\n")
    # start from mid-2024 so that the path's years (2025, 2026) follow it; the default start is the CSTO's
    # verified-through date, which moves as the curated facts are brought up to date
    args = ["--runs", "50", "--seed", "1", "--start", "2024-06-25", "-f", "csv"]
    assert main(["dynamics", "CSTO", "--threat", str(csv), *args]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("year,threat,mean") and len(out) == 3
    assert main(["dynamics", "CSTO", "--threat", "doom"]) == 2
    assert "use flat, rising, falling" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("when,level\n2025,1\n")
    assert main(["dynamics", "CSTO", "--threat", str(bad)]) == 2
    assert "needs a 'year' column" in capsys.readouterr().err
