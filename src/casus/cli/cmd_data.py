"""Data commands: ``casus data fetch|reconcile``, ``casus cite``, ``casus versions``, ``casus frame``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from casus.cli.options import AtopOpt, Format, FormatOpt, emit, note, out_file, say

if TYPE_CHECKING:
    import pandas as pd

data_app = typer.Typer(
    help="Datasets: download the official files, reconcile them with curated facts.", no_args_is_help=True
)


@data_app.command("fetch")
def data_fetch(
    name: Annotated[str, typer.Argument(help="Dataset: atop, cow_states, nmc or mid.")],
    dest: Annotated[str | None, typer.Option(help="Folder (default: the user cache, where loaders look).")] = None,
    mirror: Annotated[
        str | None, typer.Option(help="Base URL of a mirror holding the files (replaces the pinned mirror).")
    ] = None,
    version: Annotated[str | None, typer.Option(help="Dataset version (default: the default one).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Download even if a verified copy is present.")] = False,
    official: Annotated[
        bool, typer.Option("--official/--no-official", help="Try the publisher's release before the mirror.")
    ] = True,
) -> None:
    """Download a dataset: the publisher's release first, the pinned mirror second; verify and record provenance.

    Prints one line per file (path, then where it came from: official, mirror, present or unavailable) and a
    note on stderr for each file taken from a mirror, saying why.
    """
    from casus.data import fetch

    files = fetch(
        name, dest=dest, base_url=mirror, version=version, force=force, progress=sys.stderr.isatty(), official=official
    )
    for f in files:
        sys.stdout.write(f"{f.path or f.filename}\t{f.source or f.status}\n")
        if f.source != "official" and f.status != "present":
            note(f"{f.filename}: {f.message}")


@data_app.command("import")
def data_import(
    path: Annotated[str, typer.Argument(help="A file, a folder or the publisher's zip, downloaded by hand.")],
    dest: Annotated[str | None, typer.Option(help="Data folder (default: the user cache, where loaders look).")] = None,
) -> None:
    """Install dataset files downloaded by hand, verified against the registered checksums (no network)."""
    from casus.data.importer import import_data

    for f in import_data(path, dest=dest):
        if f.status == "unregistered":
            sys.stderr.write(
                f"casus: warning: {f.source} is not the registered {f.dataset} release (SHA-256 {f.sha256[:12]}…); "
                "installed, and its checksum recorded in SHA256SUMS\n"
            )
        sys.stdout.write(f"{f.dataset}\t{f.filename}\t{f.status}\t{f.path}\n")


@data_app.command("status")
def data_status(fmt: FormatOpt = Format.TABLE) -> None:
    """What dataset files are present and verified, where, and which commands need the missing ones."""
    from casus.data.cache import ENV_VAR, search_dirs
    from casus.data.importer import data_status as status
    from casus.data.importer import sources_lines

    rows = [
        {
            "dataset": s.dataset,
            "version": s.version,
            "file": s.filename,
            "present": s.path is not None,
            "verified": s.verified,
            "path": str(s.path) if s.path else None,
            "note": s.message if s.path is not None else "missing; needed by " + ", ".join(s.needed_by),
            "official_url": s.official_url,
            "mirror_url": s.mirror_url,
            "fetched_from": s.fetched_from,
        }
        for s in status()
    ]
    emit(rows, ["dataset", "file", "present", "verified", "note"], fmt, title="Datasets on this machine")
    if fmt == Format.TABLE:
        sys.stdout.write(
            f"searched, in order: {', '.join(str(d) for d in search_dirs())} ({ENV_VAR} first when set); "
            "get missing files with `casus data fetch NAME` or `casus data import PATH`\n"
            "`casus data fetch` tries the publisher's release first, then the pinned mirror:\n"
        )
        for line in sources_lines():
            sys.stdout.write(f"  {line}\n")


@data_app.command("reconcile")
def data_reconcile(fmt: FormatOpt = Format.TABLE) -> None:
    """List each disagreement between curated membership dates and ATOP 5.1, with both sources."""
    from casus.curated import load_kb
    from casus.data.atop import load_atop_alliances, load_atop_members
    from casus.data.reconcile import reconcile

    kb = load_kb()
    rows = [
        {
            "organization": d.organization,
            "atop_id": d.atop_id,
            "state": d.state,
            "field": d.field,
            "curated": d.curated,
            "atop": d.atop,
            "curated_source": kb.source(d.curated_sources[0]).cite() if d.curated_sources else None,
            "atop_source": f"ATOP 5.1, alliance {d.atop_id}",
            "note": d.note,
        }
        for d in reconcile(kb, load_atop_members(), load_atop_alliances())
    ]
    emit(
        rows,
        ["organization", "state", "field", "curated", "atop", "note"],
        fmt,
        title="Curated facts vs ATOP 5.1",
        caption=f"{len(rows)} disagreements",
    )


def cite(
    name: Annotated[str | None, typer.Argument(help="Dataset (default: all).")] = None,
    bibtex: Annotated[bool, typer.Option("--bibtex", help="BibTeX instead of plain text.")] = False,
) -> None:
    """Print the citations the datasets' authors ask for (plain or BibTeX)."""
    from casus.data import cite as cite_

    sys.stdout.write(cite_(name, style="bibtex" if bibtex else "plain") + "\n")


def versions(fmt: FormatOpt = Format.TABLE) -> None:
    """Dataset versions with URL, licence, coverage and checksums."""
    from casus.data import versions as versions_

    data = versions_()
    emit(data, ["name", "version", "coverage", "url", "licence"], fmt, json_data=data, title="Datasets")


def frame(
    kind: Annotated[str, typer.Argument(help="state-years or dyad-years.")],
    out: Annotated[str, typer.Option("--out", help="Output file: .parquet or .csv (.csv.gz).")],
    start: Annotated[int, typer.Option("--from", help="First year.")] = 1816,
    end: Annotated[int, typer.Option("--to", help="Last year.")] = 2016,
    with_: Annotated[
        str, typer.Option("--with", help="Comma-separated: atop,nmc,majors,mids.")
    ] = "atop,nmc,majors,mids",
    undirected: Annotated[bool, typer.Option("--undirected", help="Undirected dyad-years.")] = False,
    nmc_version: Annotated[str, typer.Option(help="NMC version: 6.0 or 7.0.")] = "6.0",
    with_obligations: Annotated[
        bool,
        typer.Option(
            "--with-obligations",
            help="Directed dyad-years: add who-defends-whom counts (an attack by ccode1 on ccode2 on 1 July).",
        ),
    ] = False,
    atop: AtopOpt = None,
) -> None:
    """Build a state-year or dyad-year frame with ATOP pledges, capabilities, major powers and MIDs.

    --with-obligations adds obl_triggered, obl_indeterminate, obl_treaties_triggered and
    obl_treaties_indeterminate: the third states and treaties an armed attack by ccode1 on ccode2 would
    oblige, from every curated treaty and (with ATOP) every ATOP alliance (see docs/defends.md).
    """
    from casus.data import build_frame, write_frame

    sources = [s.strip() for s in with_.split(",") if s.strip()]
    target = out_file(out)
    df = build_frame(kind, start, end, sources, directed=not undirected, nmc_version=nmc_version)
    if with_obligations:
        df = _add_obligations(df, start, atop)
    path = write_frame(df, target)
    say(f"wrote {len(df):,} rows × {df.shape[1]} columns to {path}")


def _add_obligations(df: pd.DataFrame, start: int, atop: bool | None) -> pd.DataFrame:
    import datetime as dt

    from rich.console import Console
    from rich.progress import track

    from casus.data.frame_obligations import add_obligations
    from casus.errors import InvalidInputError
    from casus.knowledge import default_provider

    if "ccode1" not in df.columns:
        raise InvalidInputError("--with-obligations needs a directed dyad-years frame")
    kb = default_provider().for_date(dt.date(start, 7, 1), atop)
    console = Console(stderr=True)
    return add_obligations(
        df, kb, progress=lambda years: track(years, description="years", transient=True, console=console)
    )


def register(app: typer.Typer) -> None:
    """Add the data commands to the main app."""
    app.add_typer(data_app, name="data")
    app.command("cite")(cite)
    app.command("versions")(versions)
    app.command("frame")(frame)
