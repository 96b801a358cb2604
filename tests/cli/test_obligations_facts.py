"""`casus obligations` with a place anywhere and facts about the event (issue #9)."""

from __future__ import annotations

import json
import re
import subprocess

import casus_cli


def casus(*args: str) -> subprocess.CompletedProcess[str]:
    return casus_cli.run(*args)  # in process: the knowledge base and the gazetteer load once per worker


def nato(*args: str) -> dict[str, object]:
    out = casus("obligations", *args, "--format", "json")
    assert out.returncode == 0, out.stderr
    return next(d for d in json.loads(out.stdout)["results"] if d["organization"] == "nato")


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


def test_the_table_reads_as_an_analyst_writes_with_numbered_sources() -> None:
    out = casus(
        "obligations", "--attacker", "Syria", "--target", "Turkey", "--place", "Gaziantep", "--on", "2016-05-01"
    )
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())  # rich wraps long lines
    assert "Question: an armed attack by Syria on Türkiye at Gaziantep, 2016-05-01" in text
    assert "TRIGGERED North Atlantic Treaty [nato] — Art. 5" in text
    assert "place covered: Gaziantep" in text and "inside the North Atlantic Treaty Art. 6 area" in text
    assert "(held by Türkiye)" in text
    assert "Art. 5 (defence obligation): triggered" in text
    for raw in ("not_triggered", "event_kind", "target_party", "armed-attack", "stay_neutral", "NOT_TRIGGERED"):
        assert raw not in text, raw
    nato = text[text.index("TRIGGERED North Atlantic Treaty") :]
    nato = nato[: nato.index("Sources:") + 2000].split(" TRIGGERED ")[0]
    listed = re.findall(r"\[(\d+)\] [A-Z]", nato[nato.index("Sources:") :])
    assert listed == [str(i) for i in range(1, len(listed) + 1)]  # each source once, numbered in order
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", nato[: nato.index("Sources:")])}
    assert cited == set(range(1, len(listed) + 1))  # every listed source is cited by a check, and only those


def test_kind_cyber_on_the_cli_quotes_nato_doctrine() -> None:
    r = nato("--attacker", "Russia", "--target", "Estonia", "--kind", "cyber", "--on", "2024-05-01")
    assert r["verdict"] == "indeterminate" and r["obligated"] == []
    doctrine = [s for s in r["explanation"] if s["check"] == "cyber_doctrine"]  # type: ignore[attr-defined]
    assert doctrine and "North Atlantic Council case by case" in doctrine[0]["detail"]
