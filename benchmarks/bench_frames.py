"""Benchmark: all directed dyad-years 1816-2016 with ATOP pledges and CINC, casus vs plain pandas.

Run from the repository root::

    .venv/bin/python benchmarks/bench_frames.py [--repeat 3]

Each implementation runs in its own subprocess (clean peak memory), ``--repeat`` times; the median wall
time of the build (file reading included, interpreter start-up and imports excluded) and the largest
peak RSS are reported.

* **casus**: ``dyad_years()`` from COW system membership, ``add_atop()`` computing directed pledges from
  the ATOP *member-level* file with dates, ``add_nmc()`` (CINC and the six components, both sides).
* **pandas**: the straightforward version — per year, a cross join of the system members with
  themselves, then a left merge with the precomputed ATOP directed dyad-year file and two merges with
  NMC 6.0. It does less work than casus (it does not build pledges from member spells).

Both must give the same row count and the same ATOP/CINC checksums.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 2.0
TARGET_MB = 1536.0
OBLIGATIONS = ["defense", "offense", "neutral", "nonagg", "consul"]
NMC_FIELDS = ["cinc", "milex", "milper", "irst", "pec", "tpop", "upop"]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_casus() -> dict[str, object]:
    from casus.data.frames import add_atop, add_nmc, dyad_years

    base = _rss_mb()
    t0 = time.perf_counter()
    frame = add_nmc(add_atop(dyad_years(1816, 2016)))
    seconds = time.perf_counter() - t0
    return _summary("casus", frame, seconds, base)


def run_pandas() -> dict[str, object]:
    import pandas as pd

    from casus.data.cache import find_dataset_file

    base = _rss_mb()
    t0 = time.perf_counter()
    system = pd.read_csv(find_dataset_file("cow_states", "system2016.csv"))
    ddyr = pd.read_csv(find_dataset_file("atop", "atop5_1ddyr_obligations.csv.gz"))
    nmc = pd.read_csv(find_dataset_file("nmc", "NMC-60-abridged.csv"), na_values=["-9"])
    parts = []
    for year, states in system[["ccode", "year"]].groupby("year"):
        pairs = states.merge(states, how="cross", suffixes=("1", "2"))
        pairs = pairs[pairs["ccode1"] != pairs["ccode2"]]
        parts.append(pd.DataFrame({"ccode1": pairs["ccode1"], "ccode2": pairs["ccode2"], "year": year}))
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.merge(ddyr, on=["ccode1", "ccode2", "year"], how="left")
    for o in OBLIGATIONS:
        frame[f"atop_{o}"] = frame[f"atop_{o}"].fillna(0).astype(int)
    nmc = nmc[["ccode", "year", *NMC_FIELDS]]
    frame = frame.merge(nmc.add_suffix("_1"), left_on=["ccode1", "year"], right_on=["ccode_1", "year_1"], how="left")
    frame = frame.merge(nmc.add_suffix("_2"), left_on=["ccode2", "year"], right_on=["ccode_2", "year_2"], how="left")
    frame = frame.drop(columns=["ccode_1", "year_1", "ccode_2", "year_2"])
    seconds = time.perf_counter() - t0
    return _summary("pandas", frame, seconds, base)


def _summary(impl: str, frame: object, seconds: float, base_mb: float) -> dict[str, object]:
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    checks: dict[str, float] = {f"atop_{o}": int(frame[f"atop_{o}"].astype("int64").sum()) for o in OBLIGATIONS}
    checks["cinc_1"] = round(float(frame["cinc_1"].sum()), 6)
    checks["cinc_2"] = round(float(frame["cinc_2"].sum()), 6)
    return {
        "impl": impl,
        "seconds": seconds,
        "rows": len(frame),
        "columns": len(frame.columns),
        "peak_rss_mb": _rss_mb(),
        "rss_after_imports_mb": base_mb,
        "checks": checks,
    }


def _child(impl: str) -> dict[str, object]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    out = subprocess.run(
        [sys.executable, __file__, "--child", impl], check=True, capture_output=True, text=True, env=env
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["casus", "pandas"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_casus() if args.child == "casus" else run_pandas()))
        return 0

    runs: dict[str, list[dict[str, object]]] = {"casus": [], "pandas": []}
    for _ in range(args.repeat):
        for impl in runs:
            runs[impl].append(_child(impl))
    summary = {}
    for impl, rs in runs.items():
        summary[impl] = {
            "seconds": statistics.median(float(r["seconds"]) for r in rs),  # type: ignore[arg-type]
            "peak_rss_mb": max(float(r["peak_rss_mb"]) for r in rs),  # type: ignore[arg-type]
            "rss_after_imports_mb": max(float(r["rss_after_imports_mb"]) for r in rs),  # type: ignore[arg-type]
            "rows": rs[0]["rows"],
            "columns": rs[0]["columns"],
            "checks": rs[0]["checks"],
        }
    c, p = summary["casus"], summary["pandas"]
    print(f"directed dyad-years 1816-2016 with ATOP pledges and NMC 6.0 (median of {args.repeat} runs)")
    print(f"{'impl':<8}{'seconds':>10}{'rows':>12}{'cols':>6}{'peak RSS MB':>13}{'after imports':>15}")
    for impl, s in summary.items():
        print(
            f"{impl:<8}{s['seconds']:>10.3f}{s['rows']:>12,}{s['columns']:>6}"
            f"{s['peak_rss_mb']:>13.0f}{s['rss_after_imports_mb']:>15.0f}"
        )
    ratio = float(p["seconds"]) / float(c["seconds"])  # type: ignore[arg-type]
    print(f"pandas / casus time ratio: {ratio:.2f}x")
    same_rows = c["rows"] == p["rows"]
    same_checks = c["checks"] == p["checks"]
    print(f"row counts equal: {same_rows}; ATOP/CINC checksums equal: {same_checks}")
    ok_time = float(c["seconds"]) <= TARGET_SECONDS  # type: ignore[arg-type]
    ok_mem = float(c["peak_rss_mb"]) <= TARGET_MB  # type: ignore[arg-type]
    print(f"targets (casus): time <= {TARGET_SECONDS:.0f} s: {ok_time}; peak <= 1.5 GB: {ok_mem}")
    return 0 if (same_rows and same_checks and ok_time and ok_mem) else 1


if __name__ == "__main__":
    sys.exit(main())
