"""Charts of a simulated membership trajectory: a static figure (matplotlib) and an interactive one (plotly).

Left panel: for each year, the share of runs with 0, 1, 2 … members (stacked), with the mean count and
the threat path. Right panel: each state's probability of being a member, and of the alliance having
ended. Both are built in memory; the caller (the CLI) writes them to files.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from casus.sim.dynamics.simulate import LABEL, Trajectory

_THREAT = "#c44e52"


def _shares(tr: Trajectory) -> tuple[np.ndarray, list[int], np.ndarray]:
    """Years, the member counts that ever occur (0 always kept), and their shares by year."""
    d = tr.distribution.pivot(index="year", columns="members", values="probability").fillna(0.0)
    keep = [c for c in d.columns if int(c) == 0 or d[c].max() > 0]
    d = d[keep]
    return d.index.to_numpy(), [int(c) for c in d.columns], d.to_numpy()


def _count_label(k: int) -> str:
    return "0 (ended)" if k == 0 else f"{k} member" + ("s" if k > 1 else "")


def trajectory_figure(tr: Trajectory) -> Any:
    """A two-panel matplotlib Figure (save it with ``fig.savefig(path, dpi=150)``)."""
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    years, counts, share = _shares(tr)
    fig = Figure(figsize=(12.5, 5.4), layout="constrained")
    ax, bx = fig.subplots(1, 2)
    cmap = colormaps["viridis"]
    bottom = np.zeros(len(years))
    top = max(counts) or 1
    for j, k in enumerate(counts):
        colour = "#bbbbbb" if k == 0 else cmap(0.15 + 0.8 * (k - 1) / max(top - 1, 1))
        ax.bar(years, share[:, j], bottom=bottom, color=colour, width=0.85, label=_count_label(k))
        bottom += share[:, j]
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of runs")
    ax.set_xlabel("year")
    ax.set_title(f"{tr.name}: how many members? ({tr.runs:,} runs)", fontsize=10)
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=min(len(counts), 6))
    tx = ax.twinx()
    s = tr.summary
    tx.plot(s["year"], s["threat"], color=_THREAT, lw=1.5, marker="o", ms=3)
    tx.set_ylabel(f"threat path: {tr.threat.kind} (SD of yearly MID onsets)", color=_THREAT)
    tx.tick_params(axis="y", colors=_THREAT)
    for _, grp in tr.states.groupby("state", sort=False):
        first = bool(grp["at_start"].iloc[0])
        bx.plot(grp["year"], grp["p_member"], lw=2 if first else 1.2, ls="-" if first else ":",
                label=f"{grp['name'].iloc[0]}{'' if first else ' (candidate)'}")  # fmt: skip
    bx.plot(s["year"], s["p_terminated"], color="black", lw=1.2, ls="--", label="alliance ended")
    bx.set_ylim(-0.02, 1.02)
    bx.set_xlabel("year")
    bx.set_ylabel("probability")
    bx.set_title("probability of being a member, by state", fontsize=10)
    bx.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.11), ncol=4)
    fig.suptitle(f"From the roster of {tr.start}. Illustrative — {LABEL.split(': ', 1)[1]}", fontsize=9)
    return fig


def trajectory_html(tr: Trajectory) -> str:
    """A self-contained interactive HTML page (plotly) with the same two panels."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    years, counts, share = _shares(tr)
    fig = make_subplots(
        rows=1, cols=2, specs=[[{"secondary_y": True}, {}]],
        subplot_titles=(f"{tr.name}: how many members?", "probability of being a member, by state"),
    )  # fmt: skip
    top = max(counts) or 1
    from plotly.colors import sample_colorscale

    for j, k in enumerate(counts):
        shade = 0.15 + 0.8 * (k - 1) / max(top - 1, 1)
        colour = "rgb(187,187,187)" if k == 0 else sample_colorscale("Viridis", [shade])[0]
        fig.add_trace(go.Bar(x=years, y=share[:, j], name=_count_label(k), marker_color=colour), 1, 1)
    s = tr.summary
    fig.add_trace(
        go.Scatter(x=s["year"], y=s["threat"], name=f"threat ({tr.threat.kind})", line={"color": _THREAT}),
        1, 1, secondary_y=True,
    )  # fmt: skip
    for _, grp in tr.states.groupby("state", sort=False):
        first = bool(grp["at_start"].iloc[0])
        fig.add_trace(
            go.Scatter(x=grp["year"], y=grp["p_member"], name=grp["name"].iloc[0] + ("" if first else " (candidate)"),
                       line={"dash": "solid" if first else "dot"}),
            1, 2,
        )  # fmt: skip
    fig.add_trace(go.Scatter(x=s["year"], y=s["p_terminated"], name="alliance ended",
                             line={"color": "black", "dash": "dash"}), 1, 2)  # fmt: skip
    title = f"From the roster of {tr.start} ({tr.runs:,} runs). Illustrative — not a forecast"
    fig.update_layout(barmode="stack", template="plotly_white", height=540, title_font_size=13, title=title)
    fig.update_yaxes(range=[0, 1], title_text="share of runs", row=1, col=1, secondary_y=False)
    fig.update_yaxes(title_text="threat (SD of MID onsets)", row=1, col=1, secondary_y=True)
    fig.update_yaxes(range=[0, 1], title_text="probability", row=1, col=2)
    html: str = fig.to_html(full_html=True, include_plotlyjs=True)
    return html
