"""The options and output helpers every ``casus`` command shares, defined once.

``--format table|json|csv`` (:data:`FormatOpt`), ``--on DATE`` (:data:`OnOpt`), the news and store options,
``--atop/--curated-only``, the ``--out`` folder (:func:`out_folder`) and the three writers (:func:`emit`,
:func:`emit_json`, :func:`emit_csv`, :func:`emit_table`). A command module imports them from here; it never
declares its own.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casus.errors import InvalidInputError

if TYPE_CHECKING:
    from casus.kb.knowledge import KnowledgeBase
    from casus.sim.crisis.evidence import Evidence


class Format(StrEnum):
    """Output formats."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format: table, json or csv.")]
OnOpt = Annotated[str | None, typer.Option("--on", help="Date (YYYY-MM-DD); default: today.")]
NewsOpt = Annotated[
    bool,
    typer.Option("--news", help="Add the facts of accepted news events from the event store (see `casus events`)."),
]
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="Event store: sqlite:///PATH, postgresql://… or a file (default: $CASUS_STORE, "
        "else events.sqlite in the user data folder).",
    ),
]
ReviewerOpt = Annotated[
    str | None,
    typer.Option("--reviewer", help="Who reviews (default: $CASUS_REVIEWER, else the login name); recorded."),
]
AtopOpt = Annotated[
    bool | None,
    typer.Option(
        "--atop/--curated-only",
        help="Include ATOP 5.1 alliances (default: when the date is in 1815-2018 "
        "and the ATOP files are on this machine).",
    ),
]


def emit_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return ";".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    """Write rows as CSV with a header (lists joined by ``;``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    sys.stdout.write(buf.getvalue())


def emit_table(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None = None, caption: str | None = None
) -> None:
    """Print rows as a rich table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, caption=caption, show_lines=False, title_justify="left")
    for c in columns:
        table.add_column(c.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console(soft_wrap=False).print(table)


def emit(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    fmt: Format,
    *,
    json_data: Any = None,
    title: str | None = None,
    caption: str | None = None,
) -> None:
    """Emit in the chosen format; JSON emits ``json_data`` when given (the documented contract)."""
    if fmt is Format.JSON:
        emit_json(rows if json_data is None else json_data)
    elif fmt is Format.CSV:
        emit_csv(rows, columns)
    else:
        emit_table(rows, columns, title=title, caption=caption)


def say(text: str) -> None:
    """One ``casus: …`` line on stderr (what was written where); stdout carries only the result."""
    sys.stderr.write(f"casus: {text}\n")


def note(text: str) -> None:
    """One ``casus: note: …`` line on stderr: something the reader of the result should know."""
    sys.stderr.write(f"casus: note: {text}\n")


def out_folder(out: str | Path, needs: tuple[str, ...] = ()) -> Path:
    """Create the ``--out`` folder (and its parents) up front, so a bad path fails before the work is done.

    Args:
        out: The folder the user asked for.
        needs: Optional modules the files written there need (checked first: nothing is created without them).

    Raises:
        InvalidInputError: The folder cannot be created (a file is in the way, no permission).
        MissingExtraError: A module of ``needs`` is not installed.
    """
    from casus.extras import require

    require(*needs)
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInputError(f"--out {out}: cannot create the folder ({exc.strerror or exc})") from None
    return folder


def out_file(out: str | Path) -> Path:
    """Check an ``--out FILE`` path up front: its folder must exist (casus never creates it silently).

    Raises:
        InvalidInputError: The folder does not exist, or is not a folder; the message says how to fix it.
    """
    path = Path(out)
    folder = path.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise InvalidInputError(
            f"--out {out}: the folder {folder} {what}; create it first (mkdir -p {folder}) or choose another path"
        )
    return path


def kb_and_evidence() -> tuple[KnowledgeBase, Evidence]:
    """What a simulation command runs on: the curated knowledge and the datasets' evidence.

    A dataset that is missing leaves out the drivers that need it, with a note on stderr.
    """
    import warnings

    from casus.knowledge import default_provider
    from casus.sim.crisis.io import load_evidence

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        evidence = load_evidence()
    for w in caught:
        note(f"{w.message} (drivers needing it are left out)")
    return default_provider().curated(), evidence


def open_store(url: str | None) -> Any:
    """The event store at ``url`` (``--store``), opened lazily so that commands without one import no database."""
    from casus.store import EventStore

    return EventStore(url)


def with_news(kb: KnowledgeBase, news: bool, store: str | None) -> KnowledgeBase:
    """``kb`` plus the facts of accepted news events from the event store, when asked (``--news``).

    Says on stderr what was added (membership spells, office-holders) and what was not applied (conflicts).
    """
    if not news:
        return kb
    try:
        from casus.store import EventStore, overlay_kb
    except ModuleNotFoundError as err:
        from casus.errors import MissingExtraError

        raise MissingExtraError("ingest", err.name or "sqlalchemy") from None
    overlay = overlay_kb(kb, EventStore(store))
    if overlay.memberships:
        note(f"{len(overlay.memberships)} membership spell(s) added from accepted news events")
    if overlay.officeholders:
        note(f"{len(overlay.officeholders)} office-holder(s) added or corroborated from accepted news events")
    for conflict in overlay.conflicts:
        note(f"not applied, conflicts with curated facts: {conflict.message}")
    for office in overlay.office_conflicts:
        note(f"not applied, conflicts with curated facts: {office.message}")
    return overlay.kb
