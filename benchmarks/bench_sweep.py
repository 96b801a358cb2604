"""Parameter sweeps (casus.sim.sweep.run): serial (the baseline) vs local processes vs a local Dask cluster.

A grid of 45 × 45 = 2,025 points (base_reliability × forces_base, the two assumptions that move
P(collective deployment) most in the Kazakhstan 2022 scenario), 20,000 replications each, with the country
data. Each executor gets 2 workers (the project machine has 2 cores); every run must give the serial
DataFrame bit for bit. Dask's cluster start-up is timed apart from the sweep.
The three are run in turn, ``--repeat`` rounds, and the best time of each is compared: the project machine
is shared, and its second core is not always free: each round first measures how many cores two plain
CPU-bound processes get (the ceiling of the ratios at that moment).

Run: .venv/bin/python benchmarks/bench_sweep.py [--points-per-axis 45] [--runs 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
import warnings

BUSY = "import time; t = time.perf_counter(); x = 0\nfor i in range(15_000_000): x += i\nprint(time.perf_counter() - t)"


def capacity(workers: int) -> float:
    """How many cores the machine gives right now: workers × (one busy process's time / the slowest of N)."""
    import subprocess
    import sys

    def busy(n: int) -> float:
        procs = [subprocess.Popen([sys.executable, "-c", BUSY], stdout=subprocess.PIPE, text=True) for _ in range(n)]
        return max(float(p.communicate()[0]) for p in procs)

    return workers * busy(1) / busy(workers)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points-per-axis", type=int, default=45)
    parser.add_argument("--runs", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pandas as pd

    from casus.curated import load_kb
    from casus.sim.crisis.io import load_evidence, load_scenario
    from casus.sim.sweep.design import SweepDesign
    from casus.sim.sweep.io.dask import DaskExecutor
    from casus.sim.sweep.run import ProcessExecutor, simulate_sweep

    k = args.points_per_axis
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kb, ev = load_kb(), load_evidence()
    scenario = load_scenario("kazakhstan-2022-01")
    design = SweepDesign.grid(f"base_reliability=0.22:0.745:{k}", f"forces_base=0.15:0.6:{k}")

    def run(executor: object = None) -> tuple[float, pd.DataFrame]:
        t = time.perf_counter()
        df = simulate_sweep(kb, scenario, design, ev, runs=args.runs, rng=2026, executor=executor)  # type: ignore[arg-type]
        return time.perf_counter() - t, df

    print(f"Sweep: kazakhstan-2022-01, {design.size:,} points x {args.runs:,} runs, {args.workers} workers, ")
    print(f"best of {args.repeat} interleaved rounds (range in brackets)")
    times: dict[str, list[float]] = {"serial": [], "processes": [], "dask": []}
    cores: list[float] = []
    identical = True
    t0 = time.perf_counter()
    with DaskExecutor(workers=args.workers) as ex:
        t_start = time.perf_counter() - t0
        for _ in range(args.repeat):
            cores.append(capacity(args.workers))
            t, serial = run()
            times["serial"].append(t)
            t, proc = run(ProcessExecutor(args.workers))
            times["processes"].append(t)
            t, dask = run(ex)
            times["dask"].append(t)
            identical = identical and proc.equals(serial) and dask.equals(serial)
    base = min(times["serial"])
    for name, ts in times.items():
        label = "serial (baseline)" if name == "serial" else name
        ratio = "" if name == "serial" else f"   {base / min(ts):4.2f}x serial"
        print(f"  {label:<20} {min(ts):6.2f} s [{min(ts):.2f}-{max(ts):.2f}]{ratio}")
    print(f"  serial per point     {base / design.size * 1000:6.2f} ms")
    print(
        f"  cores the machine gave {args.workers} plain CPU-bound processes, per round: "
        + ", ".join(f"{c:.2f}" for c in cores)
        + f" (the ceiling of the ratios; {args.workers:.2f} on a quiet machine)"
    )
    print(f"  dask LocalCluster start-up {t_start:.2f} s (not in the sweep times; a process pool starts per sweep)")
    print(f"  identical DataFrames across executors and rounds: {identical}")
    p = serial["p_collective_deployment"]
    print(f"  P(collective deployment) over the grid: {p.min():.3f}-{p.max():.3f} (illustrative, not a forecast)")
    if not identical:
        raise SystemExit("executors disagree with the serial run")


if __name__ == "__main__":
    main()
