"""Generate the CLI reference (``docs/cli-reference.md``) from the commands' own ``--help``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import typer


def _walk(cmd: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
    yield path, cmd
    subcommands = getattr(cmd, "commands", None) or {}
    for name in sorted(subcommands):
        yield from _walk(subcommands[name], [*path, name])


def _root() -> Any:
    from casus.cli.app import app

    return typer.main.get_command(app)


def command_paths() -> list[str]:
    """Every command as a user types it (``casus members``, ``casus events list``)."""
    return [" ".join(["casus", *p]) for p, _ in _walk(_root(), []) if p]


def render_reference() -> str:
    """Markdown with the ``--help`` of every command, at a fixed width of 100 columns."""
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `python scripts/gen_cli_docs.py`; a test checks it is current.",
        "",
    ]
    for path, cmd in _walk(_root(), []):
        name = " ".join(["casus", *path])
        ctx = cmd.context_class(cmd, info_name=name, max_content_width=100, terminal_width=100)
        parts += [f"## `{name}`", "", "```text", str(cmd.get_help(ctx)).rstrip(), "```", ""]
    return "\n".join(parts)
