"""Generate the CLI reference (``docs/cli-reference.md``) from the commands' own ``--help``."""

from __future__ import annotations

from collections.abc import Iterator

import click
import typer


def _walk(cmd: click.Command, path: list[str]) -> Iterator[tuple[list[str], click.Command]]:
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            yield from _walk(cmd.commands[name], [*path, name])


def command_paths() -> list[str]:
    """Every command as a user types it (``casus members``, ``casus events list``)."""
    from casus.cli.app import app

    root = typer.main.get_command(app)
    return [" ".join(["casus", *p]) for p, _ in _walk(root, []) if p]


def render_reference() -> str:
    """Markdown with the ``--help`` of every command, at a fixed width of 100 columns."""
    from casus.cli.app import app

    root = typer.main.get_command(app)
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `python scripts/gen_cli_docs.py`; a test checks it is current.",
        "",
    ]
    for path, cmd in _walk(root, []):
        name = " ".join(["casus", *path])
        ctx = click.Context(cmd, info_name=name, max_content_width=100, terminal_width=100)
        parts += [f"## `{name}`", "", "```text", cmd.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)
