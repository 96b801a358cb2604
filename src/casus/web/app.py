"""The FastAPI application: the ``/api/v1`` endpoints, their OpenAPI description and the dashboard.

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(), base_url="http://127.0.0.1")
>>> client.get("/api/v1/orgs/ОДКБ/members", params={"on": "2024-06-25"}).json()["organization"]
'csto'
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

import casus
from casus.kb.knowledge import KnowledgeBase
from casus.knowledge import KnowledgeProvider, default_provider
from casus.web.api import router
from casus.web.api_defends import router as defends_router
from casus.web.errors import install_error_handlers
from casus.web.security import LOOPBACK_HOSTS, RateLimit, cached, install_guards

STATIC = Path(__file__).resolve().with_name("static")

#: Nothing the dashboard loads may come from another host.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
)

DESCRIPTION = """\
Collective-security organizations through time: members on a date, histories, timelines and
casus-foederis evaluation. The shapes are the JSON contract of the `casus` command line (docs/cli.md):
`GET /api/v1/orgs/csto/members?on=2024-06-25` equals `casus members csto --on 2024-06-25 --format json`.

Errors have one shape, `{"error": {"kind", "message", "suggestions"}}`: 404 for an unknown name or a
dataset that is not installed, 422 for a malformed value, 409 for a date outside the knowledge's coverage.
"""


_DEFAULT_LIMIT = RateLimit()


def create_app(
    kb: KnowledgeBase | None = None,
    *,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    rate_limit: RateLimit | None = _DEFAULT_LIMIT,
) -> FastAPI:
    """The casus web application.

    Args:
        kb: The knowledge base answering every request; ``None`` uses the curated one, plus ATOP 5.1 when
            the CLI and the Python API would (the shared :func:`casus.knowledge.default_provider`).
        allowed_hosts: Host names the app answers to (the ``Host`` header, without port); any other gets a
            400, which defeats DNS rebinding. Default: the loopback names.
        rate_limit: The budget of expensive queries (casus-foederis evaluation, ATOP) per client, or ``None``
            for no limit. Each app has its own buckets.

    Returns:
        A FastAPI app: the API under ``/api/v1`` (OpenAPI at ``/api/v1/openapi.json``, a reference page at
        ``/docs``) and the dashboard at ``/``.
    """
    app = FastAPI(
        title="casus",
        version=casus.__version__,
        summary="Collective-security organizations through time",
        description=DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN; /docs is a local page instead
        redoc_url=None,
    )
    app.state.knowledge = KnowledgeProvider(kb) if kb is not None else default_provider()
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(defends_router)
    limit = None if rate_limit is None else RateLimit(rate_limit.burst, rate_limit.per_minute, rate_limit.clock)
    install_guards(app, allowed_hosts, limit)
    app.add_middleware(GZipMiddleware, minimum_size=2048)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.url.path.startswith("/static/"):  # StaticFiles sends ETags and answers If-None-Match
            response.headers.setdefault("Cache-Control", "no-cache")
        return response

    @app.get("/", include_in_schema=False)
    def dashboard(request: Request) -> Response:
        return cached(request, (STATIC / "index.html").read_bytes(), "text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def api_reference(request: Request) -> Response:
        return cached(request, (STATIC / "api.html").read_bytes(), "text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
