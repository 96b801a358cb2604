"""`casus obligations` with a place anywhere and facts about the event (issue #9)."""

from __future__ import annotations

import json
import subprocess
import sys


def casus(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casus", *args], capture_output=True, text=True, check=False)


def nato(*args: str) -> dict[str, object]:
    out = casus("obligations", *args, "--format", "json")
    assert out.returncode == 0, out.stderr
    return next(d for d in json.loads(out.stdout) if d["organization"] == "nato")


def test_gaziantep_by_name_and_by_iso_code_evaluate_article_5() -> None:
    for place in ("Gaziantep", "TR-27"):
        r = nato("--attacker", "Syria", "--target", "Turkey", "--place", place, "--on", "2016-05-01")
        assert r["verdict"] == "triggered"
        assert r["provision"]["article"] == "5"  # type: ignore[index]
        assert any(s["check"] == "location" and "Gaziantep" in s["detail"] for s in r["explanation"])  # type: ignore[attr-defined]


def test_unknown_place_is_one_line_with_did_you_mean() -> None:
    out = casus(
        "obligations", "--attacker", "Syria", "--target", "Turkey", "--place", "Gazantiep", "--on", "2016-05-01"
    )
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "casus: error: unknown place 'Gazantiep'; did you mean 'Gaziantep'? "
        "(give a country, an ISO 3166-2 code (ES-CE) or a named territory)"
    ]


def test_only_one_of_vessel_aircraft_forces() -> None:
    out = casus("obligations", "--attacker", "Russia", "--target", "USA", "--place", "Norway", "--vessel", "--aircraft")
    assert out.returncode == 2 and "not several" in out.stderr
