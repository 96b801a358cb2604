"""Guards that make the server safe to expose.

A Host-header allow-list, input length caps, rate limits on expensive queries, and ETag caching for static
and geometry responses.

Every refusal uses the API's one error shape (:func:`casus.web.errors.error_body`) and never echoes more than
a short prefix of what the client sent.

No endpoint writes: every route is a ``GET`` (a test checks it). If one ever does (reviewing news events over
HTTP, say), it must require a token and store only the token's hash (``hashlib.scrypt``), never the token.

References:
    DNS rebinding and the Host header: OWASP, "DNS rebinding" (https://owasp.org/www-community/attacks/
    DNS_Rebinding). HTTP conditional requests (ETag, If-None-Match, 304): RFC 9110 §8.8.3 and §13.1.2.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from casus.web.errors import error_body

#: Host names a local server answers to when no other is allowed.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
#: Longest value accepted for one query parameter or path segment (names, dates, places).
MAX_VALUE = 200
#: Longest query string accepted.
MAX_QUERY = 2000
#: Longest part of a client's input quoted back in an error message.
ECHO = 40

Handler = Callable[[Request], Awaitable[Response]]


def short(text: str, limit: int = ECHO) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut (for quoting client input)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def host_name(header: str) -> str:
    """The host of a ``Host`` header, lower case and without its port (``[::1]:8000`` → ``::1``).

    >>> host_name("LOCALHOST:8000"), host_name("[::1]:8000"), host_name("127.0.0.1")
    ('localhost', '::1', '127.0.0.1')
    """
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) only reaches this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0"), is_loopback("::1")
    (True, True, False, True)
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _refuse(status: int, kind: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(kind, message), status_code=status, headers=headers)


@dataclass
class RateLimit:
    """A token bucket per client: ``burst`` expensive queries at once, then ``per_minute`` a minute.

    >>> rl = RateLimit(burst=2, per_minute=60)
    >>> [rl.take("1.2.3.4", now=0.0) for _ in range(3)]
    [0.0, 0.0, 1.0]
    >>> rl.take("1.2.3.4", now=1.0)
    0.0
    """

    burst: int = 20
    per_minute: float = 30.0
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def take(self, client: str, now: float | None = None) -> float:
        """Spend one token of ``client``'s bucket: 0 when allowed, else the seconds to wait."""
        now = self.clock() if now is None else now
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / rate if rate > 0 else math.inf


def is_expensive(request: Request) -> bool:
    """Queries that evaluate treaties or load the ATOP alliances (seconds, not milliseconds)."""
    path = request.url.path
    if path == "/api/v1/obligations":
        return True
    if request.query_params.get("atop", "").lower() in ("true", "1", "yes"):
        return True
    return path.startswith("/api/v1/orgs/atop")


def install_guards(app: FastAPI, allowed_hosts: Iterable[str], rate_limit: RateLimit | None) -> None:
    """Refuse foreign Host headers (400), over-long input (422) and too many expensive queries (429)."""
    allowed = frozenset(h.lower().strip("[]") for h in allowed_hosts)

    @app.middleware("http")
    async def limit_rate(request: Request, call_next: Handler) -> Response:
        if rate_limit is not None and is_expensive(request):
            client = request.client.host if request.client else "?"
            wait = rate_limit.take(client)
            if wait > 0:
                seconds = max(1, math.ceil(wait))
                return _refuse(
                    429,
                    "rate_limited",
                    f"too many expensive queries from this client; try again in {seconds} s",
                    {"Retry-After": str(seconds)},
                )
        return await call_next(request)

    @app.middleware("http")
    async def cap_input(request: Request, call_next: Handler) -> Response:
        query = request.url.query
        if len(query) > MAX_QUERY:
            return _refuse(
                422, "invalid_input", f"query string too long ({len(query)} characters; at most {MAX_QUERY})"
            )
        for name, value in parse_qsl(query, keep_blank_values=True):
            if len(value) > MAX_VALUE:
                return _refuse(
                    422,
                    "invalid_input",
                    f"{short(name)}: too long ({len(value)} characters; at most {MAX_VALUE})",
                )
        for segment in request.url.path.split("/"):
            if len(segment) > MAX_VALUE:
                return _refuse(
                    422, "invalid_input", f"path segment too long ({len(segment)} characters; at most {MAX_VALUE})"
                )
        return await call_next(request)

    @app.middleware("http")
    async def check_host(request: Request, call_next: Handler) -> Response:  # outermost: runs first
        host = host_name(request.headers.get("host", ""))
        if host not in allowed:
            return _refuse(
                400,
                "forbidden_host",
                f"host {short(host)!r} is not served here; to allow it, start the server with "
                f"--allowed-host {short(host)}",
            )
        return await call_next(request)


def etag_of(body: bytes) -> str:
    """A strong ETag for a response body (quoted, as the header wants it)."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def cached(request: Request, body: bytes, media_type: str) -> Response:
    """``body`` with its ETag, or ``304 Not Modified`` when the client already holds this version.

    Clients must revalidate (``Cache-Control: no-cache``): a new casus version or map file is seen at once,
    and an unchanged one costs a 304 with no body.
    """
    tag = etag_of(body)
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    sent = request.headers.get("if-none-match", "")
    if tag in (t.strip().removeprefix("W/") for t in sent.split(",")):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
