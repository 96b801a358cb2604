"""Membership dynamics and alignment commands: ``casus dynamics`` and ``casus align``.

Thin wrappers over :mod:`casus.sim.dynamics.hazard`, :mod:`casus.sim.dynamics.simulate` and
:mod:`casus.sim.align.inputs`; ``register_dynamics(app)`` adds them to the main app (called from ``cmd_sim.register``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casus.cli.options import Format, FormatOpt, emit, emit_json, note, out_folder
from casus.knowledge import default_provider

if TYPE_CHECKING:
    from casus.sim.dynamics.hazard import HazardSuite
    from casus.sim.dynamics.hypotheses import Effect
    from casus.sim.dynamics.simulate import ThreatPath, Trajectory


def _threat(spec: str, suite: HazardSuite, first_year: int, years: int) -> ThreatPath:
    """``flat``/``rising``/``falling``, or a CSV with ``year`` and ``threat`` (SD units) or ``onsets``."""
    from casus.errors import InvalidInputError, SourceFormatError
    from casus.sim.dynamics.simulate import THREAT_KINDS, ThreatPath, threat_path

    if spec in THREAT_KINDS:
        return threat_path(spec, start_year=first_year, years=years, start=suite.threat_last)
    path = Path(spec)
    if not path.is_file():
        raise InvalidInputError(f"--threat {spec!r}: use {', '.join(THREAT_KINDS)} or an existing CSV file")
    import pandas as pd

    try:
        df = pd.read_csv(path)
    except (OSError, ValueError) as exc:
        raise SourceFormatError(str(path), f"cannot read the CSV: {exc}") from exc
    value = next((c for c in ("threat", "onsets") if c in df.columns), None)
    if "year" not in df.columns or value is None:
        raise SourceFormatError(str(path), "needs a 'year' column and a 'threat' (SD units) or 'onsets' column", 1)
    try:
        mapping = {int(y): float(v) for y, v in zip(df["year"], df[value], strict=True)}
    except (TypeError, ValueError) as exc:
        raise SourceFormatError(str(path), f"years must be integers and values numbers: {exc}") from exc
    return ThreatPath.from_mapping(mapping, onsets=value == "onsets", scale=suite.threat_scale)


def _records(df: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = df.to_dict(orient="records")
    return out


def _rounded(rows: list[dict[str, Any]], digits: int = 3) -> list[dict[str, Any]]:
    def fix(v: Any) -> Any:
        if isinstance(v, float):
            return None if v != v else round(v, digits)  # NaN → blank
        return v

    return [{k: fix(v) for k, v in r.items()} for r in rows]


def _write_outputs(out: Path, tr: Trajectory, suite: HazardSuite) -> list[Path]:
    from casus.sim.dynamics.io.charts import trajectory_figure, trajectory_html

    out.mkdir(parents=True, exist_ok=True)
    files = {
        "trajectory.parquet": tr.summary,
        "states.parquet": tr.states,
        "distribution.parquet": tr.distribution,
        "first_year.parquet": tr.first_year,
        "validation.parquet": suite.validation_table(),
    }
    written = []
    for name, df in files.items():
        df.to_parquet(out / name, index=False)
        written.append(out / name)
    import pandas as pd

    coef = pd.concat([m.table().assign(model=k) for k, m in suite.models.items()], ignore_index=True)
    coef.to_parquet(out / "coefficients.parquet", index=False)
    written.append(out / "coefficients.parquet")
    trajectory_figure(tr).savefig(out / "dynamics.png", dpi=150)
    (out / "dynamics.html").write_text(trajectory_html(tr), encoding="utf-8")
    return [*written, out / "dynamics.png", out / "dynamics.html"]


def dynamics(
    org: Annotated[str, typer.Argument(help="Organization: id, name or acronym (CSTO, NATO…).")],
    threat: Annotated[str, typer.Option(help="Threat path: flat, rising, falling, or a CSV (year,threat|onsets).")],
    years: Annotated[int, typer.Option(min=1, max=200, help="Years to simulate (ignored for a CSV path).")] = 10,
    runs: Annotated[int, typer.Option(help="Runs (each draws its own coefficients).")] = 2000,
    seed: Annotated[int | None, typer.Option(help="Random seed (same seed, same result).")] = None,
    start: Annotated[str | None, typer.Option(help="Start date (default: end of casus's verified coverage).")] = None,
    candidates: Annotated[
        str | None, typer.Option(help="Further states that could join, comma-separated (former members always).")
    ] = None,
    fmt: FormatOpt = Format.TABLE,
    out: Annotated[Path | None, typer.Option(help="Folder for Parquet tables and PNG/HTML charts.")] = None,
) -> None:
    """Fitted hazard models of accession, exit and termination, and an illustrative membership trajectory."""
    from casus.kb.dates import parse_date
    from casus.sim.dynamics.io import load_fitted_suite, load_hypothesis_tests
    from casus.sim.dynamics.simulate import simulate_membership
    from casus.sim.dynamics.snapshot import org_snapshot
    from casus.sim.io import load_dynamics_frames

    folder = out_folder(out) if out is not None else None
    kb = default_provider().curated()
    frames = load_dynamics_frames()
    day = parse_date(start, field="--start") if start else None
    extra = [c.strip() for c in (candidates or "").split(",") if c.strip()]
    snap = org_snapshot(kb, org, frames, start=day, candidates=extra)
    suite = load_fitted_suite()
    path = _threat(threat, suite, snap.start.year + 1, years)
    tr = simulate_membership(suite, snap, path, runs=runs, rng=seed)
    effects = list(load_hypothesis_tests())
    if folder is not None:
        for p in _write_outputs(folder, tr, suite):
            note(f"wrote {p}")
    if fmt is Format.JSON:
        emit_json(tr.to_dict(suite, effects))
    elif fmt is Format.CSV:
        emit(_records(tr.summary), list(tr.summary.columns), fmt)
    else:
        _print_dynamics(tr, suite, effects)


def _print_dynamics(tr: Trajectory, suite: HazardSuite, effects: list[Effect]) -> None:
    data = tr.to_dict(suite, effects)
    emit(
        _rounded(data["validation"], 4),
        ["model", "n_train", "events_train", "n_test", "events_test", "auc", "brier", "brier_base", "brier_skill"],
        Format.TABLE,
        title=f"Hazard models, out of sample (fitted to {suite.split_year}, scored on {suite.split_year + 1}-2018)",
    )
    rows = []
    for e in effects:
        orr, lo, hi = e.main.odds_ratio
        rows.append({"test": e.hypothesis, "term": e.term, "odds_ratio": round(orr, 2),
                     "ci_95": f"{lo:.2f}-{hi:.2f}", "p": round(e.main.p, 3), "reading": e.reading})  # fmt: skip
    emit(rows, ["test", "term", "odds_ratio", "ci_95", "p", "reading"], Format.TABLE, title="Hypotheses")
    path = tr.threat
    emit(
        _rounded(data["trajectory"], 2),
        ["year", "threat", "mean", "q05", "q25", "q50", "q75", "q95", "p_terminated", "accessions", "exits"],
        Format.TABLE,
        title=f"{tr.name} from {tr.start}: members, threat path {path.kind} ({tr.runs:,} runs, seed {tr.seed})",
        caption=tr.label,
    )
    emit(
        _rounded(data["states"], 4),
        ["name", "status", "hazard", "p_median", "p_low", "p_high", "p_if_assisted", "p_member"],
        Format.TABLE,
        title=f"First-year hazard by state (median, 90% band over draws) and P(member) in {path.years[-1]}",
        caption="; ".join(tr.notes),
    )


def align(
    year: Annotated[int, typer.Option(help="Year of the data (1816-2018; MIDs end in 2014).")] = 2014,
    states: Annotated[
        str | None, typer.Option(help="States, comma-separated names or codes (default: the --top largest by CINC).")
    ] = None,
    top: Annotated[int, typer.Option(help="How many of the largest states when --states is not given.")] = 20,
    ask: Annotated[str | None, typer.Option(help="A state: which bloc does it align with, and how firmly?")] = None,
    minima: Annotated[int, typer.Option(help="How many local minima to list.")] = 5,
    seed: Annotated[int | None, typer.Option(help="Seed of the annealer (more than 25 states).")] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Landscape theory (Axelrod & Bennett 1993): the minimum-frustration two-bloc configurations."""
    from casus.errors import InvalidInputError
    from casus.sim.align.inputs import align_states, largest_states
    from casus.sim.io import load_dynamics_frames

    kb = default_provider().curated()
    frames = load_dynamics_frames()
    if states:
        chosen = [kb.state(s.strip()) for s in states.split(",") if s.strip()]
        codes = [st.cow[0] if st.cow else -1 for st in chosen]
        if -1 in codes:
            raise InvalidInputError(f"{chosen[codes.index(-1)].name} has no COW code; it cannot be aligned")
    else:
        codes = list(largest_states(frames, year, top))
    ids = [kb.states.by_cow(c).id for c in codes]
    asked = kb.state(ask) if ask else None
    if asked is not None and asked.id not in ids:
        raise InvalidInputError(f"{asked.name} is not among the states aligned; add it to --states")
    result = align_states(frames, year, codes, labels=ids, rng=seed, max_minima=max(minima, 1))
    name = {i: kb.states.get(i).name for i in ids}
    data = result.to_dict(name, minima=minima, ask=asked.id if asked else None)
    if fmt is not Format.TABLE:
        emit(data["actors"], ["state", "name", "bloc", "cinc", "switch_cost"], fmt, json_data=data)
        return
    _print_alignment(data, name)


def _print_alignment(data: dict[str, Any], name: dict[str, str]) -> None:
    notes = data["notes"]
    emit(
        [
            {**r, "switch_cost": f"{r['switch_cost']:.3g}"}
            for r in sorted(data["actors"], key=lambda r: (r["bloc"], -r["cinc"]))
        ],
        ["state", "name", "bloc", "cinc", "switch_cost"],
        Format.TABLE,
        title=f"Minimum-frustration configuration, {data['year']} ({data['method']}: "
        f"{data['evaluated']:,} configurations)",
        caption=f"energy {data['energy']:.3g}; {data['n_local_minima']} local minima; switch cost > 0: the state is "
        "better off where it is" + ("; " + "; ".join(notes) if notes else ""),
    )
    emit(
        [{**r, "energy": f"{r['energy']:.3g}", "bloc_A": " ".join(r["bloc_A"]), "bloc_B": " ".join(r["bloc_B"])}
         for r in data["minima"]],
        ["rank", "energy", "bloc_A", "bloc_B"],
        Format.TABLE,
        title="Local minima (no single state gains by switching)",
    )  # fmt: skip
    answer = data["ask"]
    if answer:
        sys.stdout.write(
            f"{answer['name']} aligns with bloc {answer['bloc']}: "
            f"{', '.join(name[p] for p in answer['partners']) or 'alone'} "
            f"(switching alone would add {answer['switch_cost']:.3g} to the energy).\n"
        )


def register_dynamics(app: typer.Typer) -> None:
    """Add ``dynamics`` and ``align`` to the main app."""
    app.command("dynamics")(dynamics)
    app.command("align")(align)
