import json
import subprocess

import casus_cli


def casus(*args: str) -> subprocess.CompletedProcess[str]:
    # in process; CASUS_DATA_DIR is casus_data for every test (tests/conftest.py): the full files when present,
    # else the fixture subsets (both hold every case below)
    return casus_cli.run(*args)


def test_obligations_for_uncurated_atop_alliance_of_the_1930s():
    # Franco-Soviet Treaty of Mutual Assistance (signed 1935-05-02): Germany attacks France in 1936.
    proc = casus("obligations", "--attacker", "Germany", "--target", "France", "--on", "1936-06-01", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)["results"]
    pacts = [d for d in data if d["atop_id"] and "RUS" in json.dumps(d["explanation"]) + json.dumps(d["obligated"])]
    assert pacts, [d["treaty_title"] for d in data]
    assert all(d["treaty"].startswith("atop-") for d in pacts)
    assert any(f"ATOP {d['atop_id']}" in json.dumps(d) for d in pacts)


def test_reconcile_json():
    proc = casus("data", "reconcile", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert any(r["organization"] == "nato" and r["state"] == "ESP" and r["atop"] == "1981-12-10" for r in rows)


def test_frame_to_csv(tmp_path):
    out = tmp_path / "dy.csv"
    proc = casus("frame", "dyad-years", "--from", "1970", "--to", "1970", "--with", "atop,majors", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    header = out.read_text().splitlines()[0].split(",")
    assert {"ccode1", "ccode2", "year", "atop_defense"} <= set(header)


def test_frame_with_obligations_counts_the_warsaw_pact_against_a_us_attack(tmp_path):
    import pandas as pd

    out = tmp_path / "dy.parquet"
    args = ("frame", "dyad-years", "--from", "1970", "--to", "1970", "--with", "majors", "--with-obligations")
    proc = casus(*args, "--curated-only", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    df = pd.read_parquet(out)
    us_on_ussr = df[(df.ccode1 == 2) & (df.ccode2 == 365)].iloc[0]
    assert us_on_ussr["obl_triggered"] == 6 and us_on_ussr["obl_treaties_triggered"] == 1
    assert {"cowmaj_1", "obl_indeterminate", "obl_treaties_indeterminate"} <= set(df.columns)


def test_cite_bibtex():
    proc = casus("cite", "atop", "--bibtex")
    assert proc.returncode == 0 and "@" in proc.stdout and "Leeds" in proc.stdout
