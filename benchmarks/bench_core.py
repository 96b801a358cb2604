"""Core speed targets (issue #2), measured side by side with named baselines.

Targets: `casus --help` and a `members` query answer in under 1 s as whole processes; after loading, one
`members` or `obligations` evaluation takes under 5 ms in the Python API.

Baselines, run in the same session:
- process start-up: `python -c pass` (the interpreter's floor) and `python -c "import pandas"` (what an eager
  import of the data stack would cost);
- API: a cold query that re-reads and re-validates the curated YAML every time (what a query costs without
  the loaded, indexed knowledge base).

Run: .venv/bin/python benchmarks/bench_core.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def wall(cmd: list[str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def per_call(fn, n: int) -> float:  # type: ignore[no-untyped-def]
    fn()
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n


def main() -> None:
    casus = str(BIN / "casus")
    floor = wall([sys.executable, "-c", "pass"])
    pandas = wall([sys.executable, "-c", "import pandas"])
    help_t = wall([casus, "--help"])
    members_t = wall([casus, "members", "csto", "--on", "2024-06-25", "--format", "json"])
    obl_t = wall(
        [casus, "obligations", "--attacker", "Azerbaijan", "--target", "Armenia", "--on", "2023-01-01", "-f", "json"]
    )
    print("process start-up (median of 5, wall clock)")
    print(f"  python -c pass (floor)        {floor * 1000:7.0f} ms")
    print(f"  python -c 'import pandas'     {pandas * 1000:7.0f} ms")
    print(f"  casus --help                  {help_t * 1000:7.0f} ms  target < 1000 ms  {help_t / floor:5.1f}x floor")
    print(
        f"  casus members csto            {members_t * 1000:7.0f} ms  target < 1000 ms  {members_t / floor:5.1f}x floor"
    )
    print(f"  casus obligations             {obl_t * 1000:7.0f} ms  target < 1000 ms  {obl_t / floor:5.1f}x floor")

    from casus.curated import load_kb
    from casus.curated.loader import _builtin_files, build_kb
    from casus.obligations import evaluate_casus_foederis, make_crisis

    t = time.perf_counter()
    kb = load_kb()
    load_t = time.perf_counter() - t
    on = dt.date(2024, 6, 25)
    members = per_call(lambda: kb.members_on("csto", on), 2000)
    crisis = make_crisis(kb, attacker="Azerbaijan", target="Armenia", on="2023-01-01")
    evaluate = per_call(lambda: evaluate_casus_foederis(kb, crisis), 500)
    full = per_call(
        lambda: evaluate_casus_foederis(kb, make_crisis(kb, attacker="Morocco", target="Spain", on=on, place="Ceuta")),
        500,
    )
    cold = per_call(lambda: build_kb(_builtin_files()).members_on("csto", on), 5)
    print(
        "\nPython API (after loading the knowledge base once: "
        f"{load_t * 1000:.0f} ms, {len(kb.memberships)} spells, {len(kb.treaties)} treaties)"
    )
    print(f"  members_on('csto')            {members * 1e3:8.3f} ms  target < 5 ms")
    print(f"  evaluate (Azerbaijan→Armenia) {evaluate * 1e3:8.3f} ms  target < 5 ms")
    print(f"  make_crisis+evaluate (Ceuta)  {full * 1e3:8.3f} ms  target < 5 ms")
    print(f"  baseline: cold members query  {cold * 1e3:8.1f} ms  ratio {cold / members:,.0f}x")


def atop_memory() -> None:
    """Peak memory of the knowledge base with every ATOP alliance loaded (target <= 300 MB), against the
    baseline of the same process that only imports pandas and loads the curated knowledge base."""
    code = (
        "import resource, pandas; from casus.curated import load_kb; kb = load_kb(); {extra}"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    base = float(
        subprocess.run([sys.executable, "-c", code.format(extra="")], capture_output=True, text=True, check=True).stdout
    )
    extra = "from casus.data.atop_kb import with_atop; import time; t = time.perf_counter(); kb = with_atop(kb); "
    full = float(
        subprocess.run(
            [sys.executable, "-c", code.format(extra=extra)], capture_output=True, text=True, check=True
        ).stdout
    )
    print("\nknowledge base with every ATOP 5.1 alliance (peak RSS of the whole process)")
    print(f"  curated + pandas imported (baseline) {base:7.0f} MB")
    print(f"  + all ATOP alliances                 {full:7.0f} MB  target <= 300 MB  (+{full - base:.0f} MB)")


if __name__ == "__main__":
    main()
    try:
        atop_memory()
    except subprocess.CalledProcessError as err:
        print(f"\nATOP memory benchmark skipped: {err.stderr.strip().splitlines()[-1]}")
