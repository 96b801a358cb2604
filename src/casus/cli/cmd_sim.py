"""Simulation commands: ``casus simulate`` and ``casus backtest`` (crisis model).

The membership-dynamics and alignment commands (``casus dynamics``, ``casus align``) live in
``casus.cli.cmd_sim_dynamics`` and are added by :func:`register` when that module is present.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casus.cli.options import Format, FormatOpt, emit, emit_json, kb_and_evidence, out_folder, say

#: What the tables and charts written to ``--out`` are made with (the [sim] extra).
CHART_MODULES = ("pandas", "pyarrow", "matplotlib", "plotly")

if TYPE_CHECKING:
    from casus.sim.crisis.backtest import BacktestResult
    from casus.sim.crisis.result import CrisisResult
    from casus.sim.crisis.sensitivity import SobolResult


def _n(value: float, noun: str) -> str:
    """``1 day``, ``12 days``, ``1,500 troops``: a rounded count with its noun in the right number."""
    return f"{value:,.0f} {noun}{'' if round(value) == 1 else 's'}"


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
    folder = out_folder(out, needs=CHART_MODULES) if out else None
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
    ref = d["base_rate"]
    table = Table(title="What the organization does", title_justify="left")
    base_col = f"base rate ({ref['n']} {ref['request']} requests)" if ref else "base rate"
    for col in ("response", "probability", "95% interval", base_col):
        table.add_column(col, justify="left" if col == "response" else "right")
    for r in d["responses"]:
        base = f"{r['base_rate']:.0%}" if "base_rate" in r else "—"
        table.add_row(
            r["response"].replace("_", " "), f"{r['probability']:.1%}", f"{r['low']:.1%}–{r['high']:.1%}", base
        )
    console.print(table)
    if ref:
        console.print(
            f"P(request honoured) = {d['p_honoured']:.1%}; base rate for a request for {ref['request']}: "
            f"{ref['honoured']:.0%} of {ref['n']} real requests (training episodes of casus backtest)."
        )
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
            f"Deployment (collective or bilateral) in {dep['probability']:.1%} of runs: about {_n(t['p50'], 'troop')} "
            f"(80% range {t['p10']:,.0f}–{t['p90']:,.0f}), first forces after about {_n(days['p50'], 'day')} "
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


def backtest(
    fmt: FormatOpt = Format.TABLE,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="Episodes scored: all (default), train, or holdout (the 20 frozen before fitting; scored once).",
        ),
    ] = "all",
    params: Annotated[
        str | None,
        typer.Option("--params", help="hand-set or fitted (default: hand-set for all, fitted for train/holdout)."),
    ] = None,
) -> None:
    """Score the crisis model on curated real episodes against base-rate baselines (Brier, log loss)."""
    from casus.errors import InvalidInputError
    from casus.sim.crisis.backtest import backtest as run_backtest
    from casus.sim.crisis.io import fitted_params, load_episodes, load_holdout
    from casus.sim.crisis.split import SPLITS, select

    if split not in SPLITS:
        raise InvalidInputError(f"--split {split}: use one of {', '.join(SPLITS)}")
    source = params or ("hand-set" if split == "all" else "fitted")
    if source not in ("hand-set", "fitted"):
        raise InvalidInputError(f"--params {params}: use hand-set or fitted")
    kb, evidence = kb_and_evidence()
    episodes = select(load_episodes(), load_holdout().holdout, split)
    chosen = fitted_params() if source == "fitted" else None
    result = run_backtest(kb, episodes, evidence, chosen, split=split, params_source=source)
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
        f"The model {verdict} both published base rates on mean Brier score over {len(result.scored)} episodes "
        f"(split {result.split}, {result.params_source} parameters). "
        + (
            "Held out before fitting and scored once: see docs/simulation.md."
            if result.split == "holdout"
            else "Part of the episodes informed its design (in-sample): see docs/simulation.md."
        )
    )
    two = result.mean("brier", "two_number_rule")
    console.print(
        f"Against the two-number rule (Brier {two:.3f}): the model's Brier {result.mean('brier'):.3f} is "
        + ("lower." if result.mean("brier") < two else "NOT lower.")
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
