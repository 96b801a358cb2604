"""Running the app: bind first, say where, then serve — with one-line errors for every user mistake.

The socket is bound and listening before the address is printed, so a printed URL always answers; a bad,
busy or forbidden port is a :class:`~casus.errors.InvalidInputError` (one line, exit code 2 in the CLI),
never a traceback. A host that is not a loopback address is refused unless ``allow_remote`` is given, and
then the server still answers only to the Host names it knows (see :mod:`casus.web.security`).
"""

from __future__ import annotations

import contextlib
import errno
import socket
from collections.abc import Callable, Iterable

from casus.errors import InvalidInputError
from casus.web.security import LOOPBACK_HOSTS, is_loopback

_WILDCARDS = ("0.0.0.0", "::", "")


def check_port(port: int) -> int:
    """``port`` when it is a TCP port number (0 picks a free one).

    >>> check_port(8000)
    8000
    >>> check_port(99999)
    Traceback (most recent call last):
    casus.errors.InvalidInputError: --port 99999 is not a TCP port; give a number from 1 to 65535
    """
    if not 0 <= port <= 65535:
        raise InvalidInputError(f"--port {port} is not a TCP port; give a number from 1 to 65535")
    return port


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port``.

    Raises:
        InvalidInputError: The port is out of range, busy, reserved to root, or the host is unknown here.
    """
    check_port(port)
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise InvalidInputError(f"--host {host!r} is not an address or name of this machine") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            raise InvalidInputError(
                f"port {port} on {host} is busy (another server uses it); choose another with --port"
            ) from None
        if err.errno == errno.EACCES:
            raise InvalidInputError(
                f"not permitted to listen on port {port}; choose one above 1023 with --port"
            ) from None
        if err.errno == errno.EADDRNOTAVAIL:
            raise InvalidInputError(f"--host {host} is not an address of this machine") from None
        raise InvalidInputError(f"cannot listen on {host}:{port}: {err.strerror}") from None
    sock.setblocking(False)
    return sock


def host_names(host: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The Host names the server answers to: loopback names, the bound host, this machine's names, ``extra``."""
    names = [*LOOPBACK_HOSTS, *extra]
    if host not in _WILDCARDS:
        names.append(host)
    if not is_loopback(host):
        names += [socket.gethostname(), socket.getfqdn()]
        with contextlib.suppress(OSError):
            names += socket.gethostbyname_ex(socket.gethostname())[2]
    return tuple(dict.fromkeys(n.lower() for n in names if n))


def serve(
    host: str,
    port: int,
    *,
    allow_remote: bool = False,
    allowed_hosts: Iterable[str] = (),
    log_level: str = "info",
    say: Callable[[str], None] | None = None,
) -> None:
    """Bind, print the address with ``say``, and serve the dashboard and the API until interrupted.

    Args:
        host: Interface to listen on; anything but a loopback address needs ``allow_remote``.
        port: TCP port (0: a free one, printed).
        allow_remote: Accept a non-loopback ``host``, with a warning: the server has no authentication.
        allowed_hosts: More Host-header names to answer to (e.g. this machine's DNS name behind a proxy).
        log_level: uvicorn's log level.
        say: Where the address and warnings go (one line each); ``None`` prints nothing.

    Raises:
        InvalidInputError: A non-loopback host without ``allow_remote``, or a bad or busy port.
    """
    import uvicorn

    from casus.web.app import create_app  # not the package: casus.web imports this module

    tell = say or (lambda _line: None)
    if not is_loopback(host) and not allow_remote:
        raise InvalidInputError(
            f"--host {host} would expose casus to the network, and it has no authentication; "
            "add --allow-remote to do it anyway, or keep the default 127.0.0.1"
        )
    sock = bind(host, port)
    names = host_names(host, allowed_hosts)
    bound = sock.getsockname()[1]
    if not is_loopback(host):
        tell(
            f"casus: warning: listening on {host or '*'}:{bound}, reachable from the network with no "
            f"authentication; answering to Host {', '.join(names)} (add more with --allowed-host)"
        )
    shown = "127.0.0.1" if host in _WILDCARDS else (f"[{host}]" if ":" in host else host)
    server = uvicorn.Server(uvicorn.Config(create_app(allowed_hosts=names), log_level=log_level))
    tell(f"casus: dashboard on http://{shown}:{bound}/ , API on http://{shown}:{bound}/api/v1")
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
