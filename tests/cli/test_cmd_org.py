"""``casus offices`` and ``casus bodies``, and ``casus orgs`` with its dates (the CLI's ``main``, in process)."""

from __future__ import annotations

import json
import subprocess

import casus_cli


def casus(*args: str) -> subprocess.CompletedProcess[str]:
    proc = casus_cli.run(*args)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_offices_of_the_csto_in_2026():
    data = json.loads(casus("offices", "ОДКБ", "--on", "2026-01-20", "-f", "json").stdout)
    sg = data["offices"][0]
    assert sg["holder"]["person"] == "Taalatbek Masadykov" and data["unknown_after"] is None
    assert [h["person"] for h in data["holders"]][-2:] == ["Imangali Tasmagambetov", "Taalatbek Masadykov"]


def test_offices_past_verified_through_say_unknown_after():
    proc = casus("offices", "csto", "--on", "2027-01-15")
    assert "unknown after 2026-12-03" in proc.stdout and "verified through 2026-12-03" in proc.stderr
    data = json.loads(casus("offices", "csto", "--on", "2027-01-15", "-f", "json").stdout)
    assert data["unknown_after"] == "2026-12-03"


def test_bodies_csv_has_decision_rules():
    lines = casus("bodies", "CSTO", "-f", "csv").stdout.splitlines()
    assert lines[0].startswith("name,kind,decision_rule,one_member_can_block")
    assert any(line.startswith("Collective Security Council,council,consensus,True") for line in lines)


def test_orgs_lists_every_curated_file_with_its_verified_through_date():
    data = {o["id"]: o for o in json.loads(casus("orgs", "-f", "json").stdout)}
    assert data["csto"]["verified_through"] == "2026-12-03"
    assert data["nato"]["verified_through"] == "2026-12-03"
    assert data["ecowas"]["verified_through"] == data["aes"]["verified_through"] == "2026-12-03"
    assert data["anzus-1951"]["verified_through"] == "2025-12-08"
    assert all(o["verified_through"] for o in data.values()), [k for k, o in data.items() if not o["verified_through"]]


def test_members_past_verified_through_say_so():
    proc = casus("members", "NATO", "--on", "2027-01-15")
    assert "unknown after 2026-12-03" in proc.stdout and "verified through 2026-12-03" in proc.stderr
