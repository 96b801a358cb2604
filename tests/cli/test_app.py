"""The CLI as a user runs it: its ``main`` in this process (tests/casus_cli.py), and the real entry point
(``python -m casus``) for the demo."""

import json
import subprocess
import sys

import pytest

import casus_cli


def casus(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = casus_cli.run(*args)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_members_csto_2024_json_contract():
    data = json.loads(casus("members", "csto", "--on", "2024-06-25", "--format", "json").stdout)
    assert data["organization"] == "csto" and data["on"] == "2024-06-25"
    by_state = {m["state"]: m for m in data["members"]}
    assert set(by_state) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert by_state["ARM"]["status"] == "suspended" and by_state["ARM"]["since"] == "2024-02-22"
    assert all({"state", "name", "status", "since", "source"} <= set(m) for m in data["members"])
    assert all(m["source"] for m in data["members"])


@pytest.mark.parametrize(
    ("on", "present", "absent"),
    [
        ("2008-06-01", {"UZB"}, {"GEO", "AZE"}),
        ("2000-06-01", set(), {"GEO", "AZE", "UZB"}),
    ],
)
def test_members_csto_other_dates(on, present, absent):
    states = {m["state"] for m in json.loads(casus("members", "ОДКБ", "--on", on, "-f", "json").stdout)["members"]}
    assert present <= states and not absent & states


def test_members_nato_32_and_three_aspirants():
    data = json.loads(casus("members", "OTAN", "--on", "2024-06-25", "--format", "json").stdout)
    by_status = {m["state"]: m["status"] for m in data["members"]}
    assert sum(s == "member" for s in by_status.values()) == 32
    assert {k for k, s in by_status.items() if s == "applicant"} == {"BIH", "GEO", "UKR"}


def test_members_table_and_csv():
    table = casus("members", "nato", "--on", "2024-06-25").stdout
    assert "Sweden" in table and "2024-03-07" in table
    csv_out = casus("members", "csto", "--on", "2024-06-25", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("state,name,status,since")
    assert any(line.startswith("ARM,Armenia,suspended,2024-02-22") for line in csv_out)


def test_history_json():
    answer = json.loads(casus("history", "Ouzbékistan", "--format", "json").stdout)
    assert (answer["state"], answer["name"]) == ("UZB", "Uzbekistan")
    spells = answer["spells"]
    csto = [s for s in spells if s["organization"] == "csto"]
    assert csto[0]["start"] == "1992-05-15" and csto[-1]["status"] == "withdrawn" and csto[-1]["end"] is None
    assert all({"organization", "status", "start", "end", "source"} <= set(s) for s in spells)


def test_obligations_done_when_cases():
    def verdicts(*args):
        data = json.loads(casus("obligations", *args, "--format", "json").stdout)["results"]
        return {d["organization"] or d["treaty"]: d for d in data}

    arm = verdicts("--attacker", "Azerbaijan", "--target", "Armenia", "--on", "2023-01-01")["csto"]
    assert arm["verdict"] == "triggered" and sorted(arm["obligated"]) == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert {"treaty", "organization", "verdict", "provision", "obligated", "permitted", "explanation"} <= set(arm)
    kt = verdicts("--attacker", "Kyrgyzstan", "--target", "Tajikistan", "--on", "2022-09-14")["csto"]
    assert kt["verdict"] == "not_triggered"
    ceuta = verdicts("--attacker", "Morocco", "--target", "Spain", "--on", "2024-06-25", "--place", "Ceuta")["nato"]
    assert ceuta["verdict"] == "not_triggered"
    us = verdicts("--attacker", "non-state", "--target", "USA", "--on", "2001-09-11")["nato"]
    assert us["verdict"] == "triggered" and us["provision"]["article"] == "5"


@pytest.mark.parametrize(
    "args",
    [
        ("members", "CTSO"),
        ("members", "csto", "--on", "25/06/2024"),
        ("history", "Atlantis"),
        ("obligations", "--attacker", "Azerbaijn", "--target", "Armenia", "--on", "2023-01-01"),
        ("obligations", "--attacker", "Azerbaijan", "--target", "Armenia", "--kind", "invasion"),
    ],
)
def test_user_errors_exit_2_with_one_line(args):
    proc = casus(*args, check=False)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("casus: error:"), proc.stderr
    assert "Traceback" not in proc.stderr


def test_did_you_mean():
    proc = casus("history", "Kirgizstan", check=False)
    assert "did you mean" in proc.stderr and "Kyrgyzstan" in proc.stderr


def test_demo_runs_and_answers_the_article():
    proc = subprocess.run([sys.executable, "-m", "casus", "demo"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "suspended" in out and "TRIGGERED" in out and "INDETERMINATE" in out
    assert "Ceuta" in out and "permitted" in out


def test_treaty_only_alliances_have_members():
    rio = json.loads(casus("members", "TIAR", "--on", "2010-01-01", "-f", "json").stdout)
    assert rio["organization"] == "rio-1947"
    states = {m["state"] for m in rio["members"]}
    assert {"USA", "BRA", "ARG"} <= states and "MEX" not in states  # Mexico's denunciation took effect in 2004
    anzus = json.loads(casus("members", "ANZUS", "--on", "1990-01-01", "-f", "json").stdout)
    # New Zealand stays a party; only the United States' obligations towards it are suspended (see obligations).
    assert {m["state"]: m["status"] for m in anzus["members"]} == {"AUS": "member", "NZL": "member", "USA": "member"}


def test_sources_is_the_bibliography_of_an_organization():
    data = json.loads(casus("sources", "csto", "-f", "json").stdout)
    ids = {s["id"] for s in data}
    assert {"cst-1992-text", "csto-charter-2002", "tass-tasmagambetov-2024", "atop-5.1"} <= ids
    assert all(s["citation"] and ".." not in s["citation"] for s in data)


def test_timeline_of_an_atop_alliance(casus_data):
    # As `members atop-…` and GET /api/v1/orgs/atop-3520/timeline do, the timeline loads ATOP for an atop- id
    # (the Polish-Soviet treaty of 8 April 1965; the Warsaw Pact, 3285, is curated).
    events = json.loads(casus("timeline", "atop-3520", "-f", "json").stdout)
    assert {e["organization"] for e in events} == {"atop-3520"}
    founders = {e["actors"][0] for e in events if e["type"] == "founding"}
    assert founders == {"POL", "RUS"} and all(e["date"] == "1965-04-08" for e in events[:2])
