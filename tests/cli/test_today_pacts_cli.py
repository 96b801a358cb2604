"""`casus obligations`, `members` and `timeline` for the organizations and treaties in force today (#8).

References:
    TEU Art. 42(7) and its first invocation (France, 17 November 2015); US-ROK Mutual Defense Treaty (1953),
    Art. III; US-Philippines Mutual Defense Treaty (1951), Arts. IV-V; Russia-DPRK Treaty (2024), Art. 4;
    China-DPRK Treaty (1961), Art. II.
"""

import json
import subprocess

import casus_cli


def casus(*args: str) -> subprocess.CompletedProcess[str]:
    proc = casus_cli.run(*args)
    assert proc.returncode == 0, proc.stderr
    return proc


def verdicts(*args: str) -> dict[str, dict]:
    data = json.loads(casus("obligations", *args, "--curated-only", "--format", "json").stdout)
    return {d["treaty"]: d for d in data["results"]}


def test_paris_2015_answers_article_42_7_and_the_eu_timeline_has_the_invocation():
    eu = verdicts("--attacker", "non-state:Islamic State", "--target", "France", "--on", "2015-11-13")["teu-lisbon"]
    assert eu["verdict"] == "triggered" and eu["provision"]["article"] == "42(7)"
    assert "DEU" in eu["obligated"] and "FRA" not in eu["obligated"]
    timeline = json.loads(casus("timeline", "EU", "--format", "json").stdout)
    events = timeline["events"] if isinstance(timeline, dict) else timeline
    assert any(e["date"] == "2015-11-17" and e["type"] == "invocation" for e in events)


def test_korea_and_the_philippines_today():
    rok = verdicts("--attacker", "North Korea", "--target", "South Korea")["us-rok-1953"]
    assert rok["verdict"] == "triggered" and rok["obligated"] == ["USA"]
    dprk = verdicts("--attacker", "South Korea", "--target", "North Korea")
    assert dprk["russia-dprk-2024"]["obligated"] == ["RUS"] and dprk["china-dprk-1961"]["obligated"] == ["CHN"]
    phl = verdicts("--attacker", "China", "--target", "Philippines", "--place", "Second Thomas Shoal")
    assert phl["us-philippines-1951"]["verdict"] == "triggered"


def test_eu_members_on_two_dates():
    before = json.loads(casus("members", "EU", "--on", "2020-01-31", "--format", "json").stdout)
    after = json.loads(casus("members", "UE", "--on", "2020-02-01", "--format", "json").stdout)
    assert "GBR" in {m["state"] for m in before["members"] if m["status"] == "member"}
    assert "GBR" not in {m["state"] for m in after["members"] if m["status"] == "member"}
    assert len([m for m in after["members"] if m["status"] == "member"]) == 27
