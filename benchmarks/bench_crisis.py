"""Crisis Monte Carlo speed and memory (issue #5), side by side with a Mesa agent-based twin.

Targets: 100,000 replications of a CSTO-sized crisis (the Armenia 2022 scenario, five helpers) in ≤ 1 s on
2 cores; 10 million replications in under 1 GB (chunked); the vectorised numpy model ≥ 50× faster than the
same model in Mesa (mesa ≥ 3, `casus.sim.crisis.agents`), at the same number of replications.

Memory is the peak RSS of a child process running the simulation, against a child that only loads the
knowledge base and the data and compiles the scenario (the floor).

Run: .venv/bin/python benchmarks/bench_crisis.py
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time

CHILD = """
import json, resource, sys, time
from casus.curated import load_kb
from casus.sim.crisis.simulate import run_compiled
from casus.sim.crisis.io import load_evidence, load_scenario
from casus.sim.crisis.model import compile_crisis
c = compile_crisis(load_kb(), load_scenario(sys.argv[1]), load_evidence())
runs = int(sys.argv[2])
t = time.perf_counter()
r = run_compiled(c, runs, rng=1)
took = time.perf_counter() - t
print(json.dumps({"seconds": took, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "p_collective": r.probability("collective_deployment")}))
"""


def child(scenario: str, runs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, scenario, str(runs)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def best_of(fn, n: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    from casus.curated import load_kb
    from casus.sim.crisis.agents import run_mesa
    from casus.sim.crisis.io import load_evidence, load_scenario
    from casus.sim.crisis.model import compile_crisis
    from casus.sim.crisis.scenario import Scenario
    from casus.sim.crisis.simulate import run_compiled

    kb, ev = load_kb(), load_evidence()
    armenia = compile_crisis(kb, load_scenario("armenia-2022-09"), ev)
    nato = compile_crisis(
        kb,
        Scenario(
            name="nato-2001",
            on=dt.date(2001, 9, 11),
            organization="NATO",
            attacker="non-state:al-Qaeda",
            target="United States",
        ),
        ev,
    )
    runs = 100_000
    run_compiled(armenia, 1000, rng=0)
    t_np = best_of(lambda: run_compiled(armenia, runs, rng=0))
    t_np_nato = best_of(lambda: run_compiled(nato, runs, rng=0), 3)
    t_mesa = best_of(lambda: run_mesa(armenia, runs, seed=0), 1)
    t_mesa_nato = best_of(lambda: run_mesa(nato, 20_000, seed=0), 1) * (runs / 20_000)
    print(f"CSTO crisis (Armenia 2022, {armenia.n} helpers), {runs:,} replications")
    print(f"  numpy (casus.sim.crisis.simulate)   {t_np * 1000:8.1f} ms   target <= 1000 ms")
    print(f"  Mesa  (casus.sim.crisis.agents) {t_mesa * 1000:6.0f} ms")
    print(f"  ratio Mesa / numpy          {t_mesa / t_np:8.0f}x   target >= 50x")
    print(f"NATO crisis (11 September 2001, {nato.n} helpers), {runs:,} replications")
    print(f"  numpy                       {t_np_nato * 1000:8.1f} ms")
    print(f"  Mesa (20,000 runs, scaled)  {t_mesa_nato * 1000:8.0f} ms")
    print(f"  ratio Mesa / numpy          {t_mesa_nato / t_np_nato:8.0f}x")
    floor = child("armenia-2022-09", 1000)
    big = child("armenia-2022-09", 10_000_000)
    print("10,000,000 replications (Armenia 2022), child process")
    print(f"  time                        {big['seconds']:8.2f} s")
    print(f"  peak RSS                    {big['peak_mb']:8.0f} MB   target < 1024 MB")
    extra = big["peak_mb"] - floor["peak_mb"]
    print(f"  floor (load + compile)      {floor['peak_mb']:8.0f} MB   simulation adds {extra:.0f} MB")
    print(f"  P(collective deployment)    {big['p_collective']:8.4f}")


if __name__ == "__main__":
    main()
