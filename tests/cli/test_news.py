"""Accepted news events feed the knowledge base through `--news`, never overwriting curated facts."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "examples" / "otsc-expansion-2024-06-25.fr.txt"


def casus(*args):
    proc = subprocess.run([sys.executable, "-m", "casus", *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.mark.slow
def test_accepted_suspension_joins_timeline_and_agrees_with_curated(tmp_path):
    store = f"sqlite:///{tmp_path / 'events.sqlite'}"
    casus("ingest", str(EXAMPLE), "--store", store, "-f", "json")
    events = json.loads(casus("events", "list", "--store", store, "-f", "json").stdout)
    suspension = next(e for e in events if e["type"] == "suspension" and e["organization"] == "csto")
    casus("events", "accept", suspension["id"], "--store", store, "-f", "json")

    plain = json.loads(casus("timeline", "csto", "-f", "json").stdout)
    proc = casus("timeline", "csto", "--news", "--store", store, "-f", "json")
    with_news = json.loads(proc.stdout)
    added = [e for e in with_news if e not in plain]
    assert [(e["type"], e["date"][:4]) for e in added] == [("suspension", "2024")]
    assert "news" in " ".join(added[0]["source_ids"]) or added[0]["source"]

    # the article says Armenia froze its participation: consistent with the curated record, so no conflict,
    # and the curated roster is unchanged
    roster = json.loads(casus("members", "csto", "--on", "2024-06-25", "--news", "--store", store, "-f", "json").stdout)
    assert {m["state"]: m["status"] for m in roster["members"]}["ARM"] == "suspended"
    assert "conflicts" not in proc.stderr
