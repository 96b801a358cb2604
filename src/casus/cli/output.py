"""Output formatting shared by every CLI command: ``--format table|json|csv``."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    """Output formats."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


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
