"""The web layer: an HTTP API over the Python API and a dashboard, both served by one FastAPI app.

Needs the ``web`` extra (``pip install 'casus-foederis[web]'``). Importing this package is light; FastAPI is
imported when :func:`create_app` or :func:`serve` is first used. Run it with ``casus serve``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.errors import MissingExtraError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from casus.kb.knowledge import KnowledgeBase

__all__ = ["create_app", "serve"]


def _require(module: str) -> None:
    from importlib.util import find_spec

    if find_spec(module) is None:
        raise MissingExtraError("web", module)


def create_app(kb: KnowledgeBase | None = None) -> FastAPI:
    """The casus web application (see :func:`casus.web.app.create_app`).

    Raises:
        MissingExtraError: FastAPI is not installed.
    """
    _require("fastapi")
    from casus.web.app import create_app as _create_app

    return _create_app(kb)


def serve(host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info") -> None:
    """Serve the API and the dashboard with uvicorn until interrupted.

    Raises:
        MissingExtraError: FastAPI or uvicorn is not installed.
    """
    _require("fastapi")
    _require("uvicorn")
    import uvicorn

    uvicorn.run(create_app(), host=host, port=port, log_level=log_level)
