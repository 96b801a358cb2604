"""Adapter at the edge: write a crisis simulation's results as Parquet tables, a PNG and an interactive HTML.

``write_outputs(result, out_dir)`` writes:

* ``responses.parquet`` — one row per response: probability, Wilson interval, exact value;
* ``members.parquet`` — one row per member: choice probabilities, leader flag, main reasons;
* ``drivers.parquet`` — one row per member and driver: value, contribution to the honour log-odds, detail;
* ``crisis.png`` — the organization's response, each member's choices, and what drives them (matplotlib);
* ``crisis.html`` — the same, interactive, with the reasons on hover (plotly, self-contained);
* with a Sobol result, ``sobol.parquet`` and ``sobol.png``.

Needs the ``[sim]`` extra (pandas, pyarrow, matplotlib, plotly).
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from casus.errors import MissingExtraError
from casus.sim.crisis.result import ILLUSTRATIVE, CrisisResult
from casus.sim.crisis.scenario import CHOICES
from casus.sim.crisis.sensitivity import SobolResult

_RESPONSE_LABEL = {
    "collective_deployment": "Collective deployment",
    "bilateral_assistance_only": "Bilateral assistance only",
    "statement_or_mission_only": "Statement / mission only",
    "nothing": "Nothing",
}
_CHOICE_LABEL = {"assist_forces": "Forces", "assist_other": "Other help", "abstain": "Abstain", "block": "Block"}
_CHOICE_COLOR = {"assist_forces": "#1b7837", "assist_other": "#7fbf7b", "abstain": "#bdbdbd", "block": "#b2182b"}
_RESPONSE_COLOR = ["#1b7837", "#7fbf7b", "#4393c3", "#bdbdbd"]


def frames(result: CrisisResult) -> dict[str, Any]:
    """The result as pandas DataFrames (``responses``, ``members``, ``drivers``)."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError("sim", "pandas") from None
    d = result.to_dict()
    meta = {"scenario": d["scenario"]["name"], "seed": d["seed"], "runs": d["runs"]}
    responses = pd.DataFrame([{**meta, **r} for r in d["responses"]])
    members = pd.DataFrame(
        [
            {
                **meta,
                "state": m["state"],
                "name": m["name"],
                "leader": m["leader"],
                **{f"p_{k}": v for k, v in m["choices"].items()},
                "reasons": "; ".join(f"{r['detail']} ({r['contribution']:+.2f})" for r in m["reasons"]),
            }
            for m in d["members"]
        ]
    )
    drivers = pd.DataFrame(
        [{**meta, "state": m["state"], "name": m["name"], **drv} for m in d["members"] for drv in m["drivers"]]
    )
    return {"responses": responses, "members": members, "drivers": drivers}


def write_outputs(result: CrisisResult, out_dir: str | Path, sobol: SobolResult | None = None) -> list[Path]:
    """Write Parquet tables, ``crisis.png`` and ``crisis.html`` (and the Sobol outputs) into ``out_dir``.

    Returns:
        The files written.

    Raises:
        MissingExtraError: pandas, pyarrow, matplotlib or plotly is missing.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in frames(result).items():
        path = out / f"{name}.parquet"
        try:
            df.to_parquet(path, index=False)
        except ImportError:
            raise MissingExtraError("sim", "pyarrow") from None
        written.append(path)
    written.append(_png(result, out / "crisis.png"))
    written.append(_html(result, out / "crisis.html"))
    if sobol is not None:
        import pandas as pd

        path = out / "sobol.parquet"
        pd.DataFrame(sobol.ranked()).assign(range=lambda x: x["range"].map(str)).to_parquet(path, index=False)
        written += [path, _sobol_png(sobol, out / "sobol.png")]
    return written


def _title(result: CrisisResult) -> str:
    s = result.compiled.scenario
    return s.title or s.name


def _png(result: CrisisResult, path: Path) -> Path:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingExtraError("sim", "matplotlib") from None
    d = result.to_dict()
    n = len(d["members"])
    fig = plt.figure(figsize=(13, 4.2 + 0.42 * max(n, 4)), layout="constrained")
    grid = fig.add_gridspec(2, 2, height_ratios=[1.0, max(1.2, 0.32 * n)], width_ratios=[1.05, 1.0])
    fig.suptitle(textwrap.fill(_title(result), 110), fontsize=13, fontweight="bold")
    _png_responses(fig.add_subplot(grid[0, :]), d)
    names = _png_members(fig.add_subplot(grid[1, 0]), d)
    _png_drivers(fig, fig.add_subplot(grid[1, 1]), d, names)
    fig.text(0.5, -0.01, ILLUSTRATIVE, ha="center", va="top", fontsize=9, style="italic", color="#7f3b08")
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return path


def _png_responses(ax_r: Any, d: dict[str, Any]) -> None:
    """The organization's response, with intervals."""
    labels = [_RESPONSE_LABEL[r["response"]] for r in d["responses"]]
    probs = [r["probability"] for r in d["responses"]]
    err = [
        [p - r["low"] for p, r in zip(probs, d["responses"], strict=True)],
        [r["high"] - p for p, r in zip(probs, d["responses"], strict=True)],
    ]
    y = list(range(len(labels)))[::-1]
    ax_r.barh(y, probs, xerr=err, color=_RESPONSE_COLOR, capsize=3)
    for yi, p in zip(y, probs, strict=True):
        ax_r.text(p + 0.01, yi, f"{p:.0%}", va="center", fontsize=10)
    ax_r.set_yticks(y, labels)
    ax_r.set_xlim(0, 1.05)
    ax_r.set_xlabel("probability (95 % Wilson interval)")
    proc = d["procedure"]
    article = proc["article"] or ""
    art = f"Art. {article}" if article[:1].isdigit() else (article or "no article")
    ax_r.set_title(
        f"What {d['scenario']['organization'].upper()} does — basis: {proc['basis'].replace('_', ' ')} ({art}); "
        f"rule: {proc['rule'].replace('_', ' ')}; {d['runs']:,} runs, seed {d['seed']}",
        fontsize=10,
        loc="left",
    )


def _png_members(ax_m: Any, d: dict[str, Any]) -> list[str]:
    """Each member's choices, stacked; returns the row labels (bottom to top)."""
    members = d["members"]
    names = [m["name"] + (" ★" if m["leader"] else "") for m in members][::-1]
    left = [0.0] * len(members)
    for ch in CHOICES:
        vals = [m["choices"][ch.value] for m in members][::-1]
        ax_m.barh(names, vals, left=left, color=_CHOICE_COLOR[ch.value], label=_CHOICE_LABEL[ch.value])
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax_m.set_xlim(0, 1)
    ax_m.set_xlabel("probability of each choice (★ leading member)")
    ax_m.legend(ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=9, frameon=False)
    return names


def _png_drivers(fig: Any, ax_d: Any, d: dict[str, Any], names: list[str]) -> None:
    """Heat map: each driver's push on each member's odds of honouring."""
    members = d["members"]
    drivers = ["basis", "capability", "major_power", "distance", "adversary", "ties", "mids_adversary",
               "mids_target", "leader"]  # fmt: skip
    grid_vals = [
        [next((x["contribution"] for x in m["drivers"] if x["driver"] == k), 0.0) for k in drivers] for m in members
    ]
    lim = max(0.5, max(abs(v) for row in grid_vals for v in row) if grid_vals else 0.5)
    im = ax_d.imshow(grid_vals, cmap="RdBu", vmin=-lim, vmax=lim, aspect="auto")
    ax_d.set_xticks(range(len(drivers)), [k.replace("_", "\n") for k in drivers], fontsize=8, rotation=35)
    ax_d.set_yticks(range(len(members)), names[::-1])
    for i, row in enumerate(grid_vals):
        for j, v in enumerate(row):
            if abs(v) >= 0.05:
                color = "white" if abs(v) > 0.6 * lim else "black"
                ax_d.text(j, i, f"{v:+.1f}", ha="center", va="center", fontsize=8, color=color)
    ax_d.set_title("Why: each driver's push on the odds of honouring (log-odds)", fontsize=10, loc="left")
    fig.colorbar(im, ax=ax_d, shrink=0.8)


def _html(result: CrisisResult, path: Path) -> Path:
    try:
        import plotly.graph_objects as go
        from plotly.subplots import make_subplots
    except ImportError:
        raise MissingExtraError("sim", "plotly") from None
    d = result.to_dict()
    members = d["members"]
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.42, 0.58],
        subplot_titles=("What the organization does (95 % interval)", "What each member does — hover for the reasons"),
    )
    rs = d["responses"]
    fig.add_trace(
        go.Bar(
            x=[_RESPONSE_LABEL[r["response"]].replace(" ", "<br>", 1) for r in rs],
            y=[r["probability"] for r in rs],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [r["high"] - r["probability"] for r in rs],
                "arrayminus": [r["probability"] - r["low"] for r in rs],
            },
            marker_color=_RESPONSE_COLOR,
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
            showlegend=False,
        ),
        row=1,
        col=1,
    )
    names = [m["name"] + (" ★" if m["leader"] else "") for m in members]
    reasons = ["<br>".join(f"{r['detail']} ({r['contribution']:+.2f})" for r in m["reasons"]) for m in members]
    for ch in CHOICES:
        fig.add_trace(
            go.Bar(
                y=names,
                x=[m["choices"][ch.value] for m in members],
                orientation="h",
                name=_CHOICE_LABEL[ch.value],
                marker_color=_CHOICE_COLOR[ch.value],
                customdata=reasons,
                hovertemplate="%{y}: " + _CHOICE_LABEL[ch.value] + " %{x:.1%}<br>%{customdata}<extra></extra>",
            ),
            row=1,
            col=2,
        )
    fig.update_layout(
        barmode="stack",
        title={"text": f"{_title(result)}<br><sup>{ILLUSTRATIVE}</sup>"},
        yaxis={"tickformat": ".0%", "range": [0, 1]},
        xaxis={"tickangle": 0},
        xaxis2={"tickformat": ".0%", "range": [0, 1]},
        yaxis2={"autorange": "reversed"},
        height=max(500, 160 + 40 * len(members)),
        legend={"orientation": "h", "x": 0.6, "y": -0.08, "yanchor": "top", "traceorder": "normal"},
        margin={"t": 130},
    )
    fig.write_html(path, include_plotlyjs=True, full_html=True)
    return path


def _sobol_png(sobol: SobolResult, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = sobol.ranked()[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(rows) + 1.8), layout="constrained")
    y = range(len(rows))
    ax.barh(
        [i + 0.2 for i in y],
        [r["ST"] for r in rows],
        height=0.4,
        xerr=[r["ST_conf"] for r in rows],
        color="#2166ac",
        label="total (ST)",
    )
    ax.barh(
        [i - 0.2 for i in y],
        [r["S1"] for r in rows],
        height=0.4,
        xerr=[r["S1_conf"] for r in rows],
        color="#92c5de",
        label="first order (S1)",
    )
    ax.set_yticks(list(y), [r["parameter"] for r in rows])
    ax.set_xlabel(f"share of the variance of P({sobol.response.replace('_', ' ')})")
    ax.set_title(
        f"Which assumptions drive the answer (Sobol, {sobol.evaluations:,} evaluations)\n"
        f"P ranges {sobol.p05:.0%}–{sobol.p95:.0%} (5th–95th pct.) over the assumptions",
        fontsize=10,
        loc="left",
    )
    ax.legend(loc="lower right")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
