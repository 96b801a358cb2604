"""Simulation commands: ``casus simulate`` and ``casus backtest`` (crisis model).

The membership-dynamics and alignment commands (``casus dynamics``, ``casus align``) live in
``casus.cli.cmd_sim_dynamics`` and are added by :func:`register` when that module is present.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casus.cli.options import Format, FormatOpt, emit, emit_json, kb_and_evidence, out_folder, say

if TYPE_CHECKING:
    from casus.sim.crisis.backtest import BacktestResult
    from casus.sim.crisis.result import CrisisResult
    from casus.sim.crisis.sensitivity import SobolResult


def simulate(
    scenario: Annotated[str, typer.Argument(help="A scenario YAML file, or a built-in name (armenia-2022-09).")],
    runs: Annotated[int, typer.Option("--runs", "-n", min=1, max=1_000_000, help="Replications.")] = 100_000,
    seed: Annotated[int | None, typer.Option("--seed", "-s", min=0, help="Root seed (default: random).")] = None,
    out: Annotated[str | None, typer.Option("--out", help="Folder for Parquet tables and charts (PNG, HTML).")] = None,
    sobol: Annotated[bool, typer.Option("--sobol", help="Also compute Sobol indices of the assumptions.")] = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Simulate an organization's response to a member's request for help (illustrative, not a forecast)."""
    from casus.sim.crisis.io import load_scenario
    from casus.sim.crisis.simulate import simulate_crisis

    scen = load_scenario(scenario)
    folder = out_folder(out) if out else None
    kb, evidence = kb_and_evidence()
    result = simulate_crisis(kb, scen, evidence, runs=runs, rng=seed)
    sens = None
    if sobol:
        from casus.sim.crisis.sensitivity import sobol_indices

        sens = sobol_indices(kb, scen, evidence, rng=result.seed)
    if folder is not None:
        from casus.sim.crisis.io.charts import write_outputs

        for path in write_outputs(result, folder, sens):
            say(f"wrote {path}")
    data = result.to_dict(sens)
    if fmt is Format.JSON:
        emit_json(data)
    elif fmt is Format.CSV:
        emit(data["responses"], ["response", "probability", "low", "high", "exact"], fmt)
    else:
        _print_simulation(result, sens)


def _print_simulation(result: CrisisResult, sens: SobolResult | None) -> None:
    from rich.console import Console
    from rich.table import Table

    d = result.to_dict()
    console = Console(highlight=False)
    console.print(f"[bold]{result.compiled.scenario.title or result.compiled.scenario.name}[/]")
    console.print(f"[italic yellow]{result.label}[/]")
    for step in d["procedure"]["steps"]:
        console.print(f"  · {step}")
    table = Table(title="What the organization does", title_justify="left")
    for col in ("response", "probability", "95% interval"):
        table.add_column(col, justify="left" if col == "response" else "right")
    for r in d["responses"]:
        table.add_row(r["response"].replace("_", " "), f"{r['probability']:.1%}", f"{r['low']:.1%}–{r['high']:.1%}")
    console.print(table)
    members = Table(title="What each member does, and why", title_justify="left", show_lines=True)
    for col in ("member", "forces", "other help", "abstain", "block", "main reasons (log-odds of honouring)"):
        members.add_column(col, overflow="fold")
    for m in d["members"]:
        ch = m["choices"]
        why = "\n".join(f"{r['contribution']:+.2f} {r['detail']}" for r in m["reasons"]) or "—"
        members.add_row(
            m["name"] + (" (leader)" if m["leader"] else "") + (f" [forced: {m['forced']}]" if m["forced"] else ""),
            *(f"{ch[k]:.0%}" for k in ("assist_forces", "assist_other", "abstain", "block")),
            why,
        )
    console.print(members)
    dep = d["deployment"]
    if dep["probability"] > 0:
        t, days = dep["troops"], dep["days"]
        console.print(
            f"Deployment (collective or bilateral) in {dep['probability']:.1%} of runs: about {t['p50']:,.0f} troops "
            f"(80% range {t['p10']:,.0f}–{t['p90']:,.0f}), first forces after about {days['p50']:.0f} days "
            f"({days['p10']:.0f}–{days['p90']:.0f})."
        )
    if sens is not None:
        st = Table(
            title=f"Which assumptions drive P({sens.response.replace('_', ' ')}) — Sobol, "
            f"{sens.evaluations:,} evaluations; over the assumptions P ranges {sens.p05:.0%}–{sens.p95:.0%}",
            title_justify="left",
        )
        for col in ("parameter", "S1", "ST", "range"):
            st.add_column(col)
        for row in sens.ranked()[:8]:
            st.add_row(row["parameter"], f"{row['S1']:.2f}", f"{row['ST']:.2f}", f"{row['range'][0]}…{row['range'][1]}")
        console.print(st)
    console.print(f"[dim]{d['runs']:,} runs, seed {d['seed']} (rerun with --seed {d['seed']} to reproduce).[/]")


def backtest(fmt: FormatOpt = Format.TABLE) -> None:
    """Score the crisis model on curated real episodes against base-rate baselines (Brier, log loss)."""
    from casus.sim.crisis.backtest import backtest as run_backtest
    from casus.sim.crisis.io import load_episodes

    kb, evidence = kb_and_evidence()
    result = run_backtest(kb, load_episodes(), evidence)
    data = result.to_dict()
    rows = [
        {
            "episode": e["id"],
            "organization": e["organization"],
            "request": e["request"],
            "outcome": e["outcome"],
            "honoured": e["honoured"],
            "p_honoured": round(e["p_honoured"], 3) if e["error"] is None else None,
            "brier": round(e["brier"]["model"], 3) if e["error"] is None else None,
            "brier_base_rate": round(e["brier"]["base_rate_post1945"], 3) if e["error"] is None else None,
            "log_loss": round(e["log_loss"]["model"], 3) if e["error"] is None else None,
            "error": e["error"],
        }
        for e in data["episodes"]
    ]
    columns = [
        "episode",
        "organization",
        "request",
        "outcome",
        "honoured",
        "p_honoured",
        "brier",
        "brier_base_rate",
        "log_loss",
    ]
    if fmt is not Format.TABLE:
        emit(rows, [*columns, "error"], fmt, json_data=data)
        return
    _print_backtest(result, rows, columns)


def _print_backtest(result: BacktestResult, rows: list[dict[str, Any]], columns: list[str]) -> None:
    from rich.console import Console

    from casus.cli.options import emit_table
    from casus.sim.crisis.backtest import BASELINES

    emit_table(rows, columns, title="Backtest: each episode as of the day before")
    summary = [
        {
            "forecaster": k,
            "description": BASELINES.get(k, "the crisis model"),
            "brier": round(v["brier"], 3),
            "log_loss": round(v["log_loss"], 3),
        }
        for k, v in result.summary().items()
    ]
    emit_table(summary, ["forecaster", "description", "brier", "log_loss"], title="Mean scores (lower is better)")
    military = [
        {"forecaster": k, "brier": round(v["brier"], 3), "log_loss": round(v["log_loss"], 3)}
        for k, v in result.summary(military_only=True).items()
    ]
    emit_table(
        military,
        ["forecaster", "brier", "log_loss"],
        title="Requests for forces or assistance only (what the base rates speak to)",
    )
    console = Console(highlight=False)
    verdict = "beats" if result.beats_base_rate else "does NOT beat"
    console.print(
        f"The model {verdict} both published base rates on mean Brier score over {len(result.scored)} episodes. "
        "Part of the episodes informed its design (in-sample): see docs/simulation.md."
    )
    failed = [e for e in result.episodes if e.error]
    for e in failed:
        console.print(f"[yellow]not scored[/] {e.episode.id}: {e.error}")


def register_crisis(app: typer.Typer) -> None:
    """Add ``simulate`` and ``backtest`` to the ``casus`` app."""
    app.command("simulate")(simulate)
    app.command("backtest")(backtest)


def register(app: typer.Typer) -> None:
    """Add the simulation commands: crisis (here), then dynamics and alignment when available."""
    register_crisis(app)
    try:
        dynamics = import_module("casus.cli.cmd_sim_dynamics")
    except ModuleNotFoundError as err:
        if err.name != "casus.cli.cmd_sim_dynamics":
            raise
        return
    dynamics.register_dynamics(app)
