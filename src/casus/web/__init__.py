"""The web layer: an HTTP API over the Python API and a dashboard, both served by one FastAPI app.

Needs the ``web`` extra (``pip install 'casus-foederis[web]'``). Importing this package is light; FastAPI is
imported when :func:`create_app` or :func:`serve` is first used. Run it with ``casus serve``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.errors import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from fastapi import FastAPI

    from casus.kb.knowledge import KnowledgeBase

__all__ = ["create_app", "serve"]


def _require(module: str) -> None:
    from importlib.util import find_spec

    if find_spec(module) is None:
        raise MissingExtraError("web", module)


def create_app(kb: KnowledgeBase | None = None, *, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The casus web application (see :func:`casus.web.app.create_app`).

    Args:
        kb: The knowledge base to serve; ``None`` for the built-in one.
        allowed_hosts: Host names answered (``Host`` header); ``None`` for the loopback names only.

    Raises:
        MissingExtraError: FastAPI is not installed.
    """
    _require("fastapi")
    from casus.web.app import create_app as _create_app
    from casus.web.security import LOOPBACK_HOSTS

    return _create_app(kb, allowed_hosts=LOOPBACK_HOSTS if allowed_hosts is None else allowed_hosts)


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    allow_remote: bool = False,
    allowed_hosts: Iterable[str] = (),
    log_level: str = "info",
    say: Callable[[str], None] | None = None,
) -> None:
    """Serve the API and the dashboard with uvicorn until interrupted (see :func:`casus.web.server.serve`).

    Raises:
        MissingExtraError: FastAPI or uvicorn is not installed.
        InvalidInputError: A bad, busy or forbidden port, or a non-loopback host without ``allow_remote``.
    """
    _require("fastapi")
    _require("uvicorn")
    from casus.web.server import serve as _serve

    _serve(host, port, allow_remote=allow_remote, allowed_hosts=allowed_hosts, log_level=log_level, say=say)
