"""Web command: ``casus serve`` runs the HTTP API and the dashboard (the ``web`` extra).

FastAPI and uvicorn are imported only when the command runs, so the CLI starts fast without them.
"""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add ``casus serve`` to the CLI."""

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 exposes it to the network.")] = (
            "127.0.0.1"
        ),
        port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    ) -> None:
        """Serve the HTTP API (/api/v1, reference at /docs) and the dashboard (/) until Ctrl-C."""
        from casus.web import serve as run

        typer.echo(f"casus: dashboard on http://{host}:{port}/ , API on http://{host}:{port}/api/v1", err=True)
        run(host, port)
