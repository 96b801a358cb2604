"""Web command: ``casus serve`` runs the HTTP API and the dashboard (the ``web`` extra).

FastAPI and uvicorn are imported only when the command runs, so the CLI starts fast without them. A bad,
busy or forbidden port, or a non-loopback ``--host`` without ``--allow-remote``, is one line and exit code 2;
the address is printed only once the server is listening.
"""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add ``casus serve`` to the CLI."""

    @app.command()
    def serve(
        host: Annotated[
            str, typer.Option(help="Interface to listen on; anything but loopback needs --allow-remote.")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port (1-65535; 0 picks a free one).")] = 8000,
        allow_remote: Annotated[
            bool,
            typer.Option(
                "--allow-remote",
                help="Listen on a non-loopback --host (e.g. 0.0.0.0). The server has no authentication.",
            ),
        ] = False,
        allowed_host: Annotated[
            list[str] | None,
            typer.Option(
                "--allowed-host",
                help="Another Host-header name to answer to (repeatable), e.g. this machine's DNS name.",
            ),
        ] = None,
    ) -> None:
        """Serve the HTTP API (/api/v1, reference at /docs) and the dashboard (/) until Ctrl-C."""
        from casus.web import serve as run

        run(
            host,
            port,
            allow_remote=allow_remote,
            allowed_hosts=allowed_host or (),
            say=lambda line: typer.echo(line, err=True),
        )
