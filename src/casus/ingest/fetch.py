"""Fetching one article over HTTP(S): complete or nothing, within a deadline, from public addresses only.

:func:`fetch_url` refuses, each with a one-line :class:`~casus.errors.SourceFormatError`:

* a target (or a redirect target) that is not ``http``/``https``, or whose host resolves to a private,
  loopback, link-local, multicast or reserved address — unless ``allow_private`` is set (the tests use
  servers on 127.0.0.1);
* a body larger than ``max_bytes``, from its declared ``Content-Length`` before anything is read, and while
  reading when none is declared;
* a body shorter than its ``Content-Length`` (a truncated response is never taken for a whole article), a
  compressed body that does not decompress, a declared charset the body is not in;
* a media type other than HTML or plain text (a PDF is not read as text);
* a response not complete within ``deadline`` seconds overall (each read also has a ``timeout``), so a
  server that sends one byte every two seconds cannot hold the pipeline.

References:
    RFC 9110, HTTP Semantics, sections 8.6 (Content-Length) and 15.4 (redirection).
    RFC 6890, Special-Purpose IP Address Registries.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import Any

from casus.errors import DocumentTooLargeError, InvalidInputError, SourceFormatError

#: Largest document read or fetched, in bytes.
MAX_BYTES = 5_000_000
#: Media types read as articles.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
#: What an RSS or Atom feed is served as.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", *TEXT_TYPES)
_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    """The raw response to a fetch.

    Attributes:
        url: The final address, after redirects.
        content: The whole body (decompressed when it was sent compressed).
        media_type: ``text/html`` or ``text/plain``…
        charset: The charset the server declared, if any.
    """

    url: str
    content: bytes
    media_type: str
    charset: str | None = None


def check_address(url: str, *, allow_private: bool = False) -> None:
    """Refuse a URL that is not http(s), or whose host resolves to a non-public address.

    Raises:
        InvalidInputError: Not an http(s) URL with a host.
        SourceFormatError: The host does not resolve, or resolves to a private, loopback, link-local,
            multicast or reserved address (and ``allow_private`` is not set).
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidInputError(f"{url!r} is not an http(s) URL")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError) as err:
        raise SourceFormatError(url, f"could not resolve {parts.hostname!r}: {err}") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise SourceFormatError(
                url,
                f"{parts.hostname} is a non-public address ({address}); casus fetches public sites only "
                "(pass --allow-private-addresses to fetch from your own network)",
            )


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most five redirects, each to an http(s) URL that passes :func:`check_address`."""

    max_redirections = _MAX_REDIRECTS

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        target = urllib.parse.urljoin(req.full_url, newurl)
        if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
            raise SourceFormatError(req.full_url, f"redirected to {target!r}, which is not an http(s) URL")
        check_address(target, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, target)


def _decompress(body: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise SourceFormatError(url, f"the body is sent with the unsupported encoding {encoding!r}")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
        complete = inflater.eof
    except zlib.error as err:
        raise SourceFormatError(url, f"the {encoding} body does not decompress ({err}); nothing was stored") from None
    if len(out) > max_bytes:
        raise DocumentTooLargeError(url, f"larger than {max_bytes} bytes once decompressed")
    if not complete:
        raise SourceFormatError(url, f"the {encoding} body is truncated; nothing was stored")
    return out


def fetch_url(
    url: str,
    *,
    timeout: float = 20.0,
    deadline: float = 60.0,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
    media_types: tuple[str, ...] = TEXT_TYPES,
) -> Fetched:
    """Fetch one article over HTTP(S), whole or not at all.

    Args:
        url: ``http://`` or ``https://`` address.
        timeout: Seconds any one read may wait.
        deadline: Seconds the whole fetch may take.
        max_bytes: Refuse larger bodies.
        allow_private: Fetch from private, loopback and link-local addresses too (tests, an intranet).
        media_types: The content types accepted (an RSS/Atom feed passes :data:`FEED_TYPES`).

    Raises:
        InvalidInputError: Not an http(s) URL.
        SourceFormatError: The address, the answer, its size, length, encoding or type is refused (see the
            module docstring); nothing is returned.
    """
    url = url.strip()
    check_address(url, allow_private=allow_private)
    started = time.monotonic()
    opener = urllib.request.build_opener(_Redirects(allow_private))
    request = urllib.request.Request(
        url, headers={"User-Agent": "casus-ingest/0.1 (+news ingestion)", "Accept-Encoding": "gzip, identity"}
    )
    try:
        with opener.open(request, timeout=min(timeout, deadline)) as response:
            final = response.geturl()
            media_type = (response.headers.get_content_type() or "application/octet-stream").lower()
            charset = response.headers.get_content_charset()
            if media_type not in media_types:
                raise SourceFormatError(
                    url, f"the server sent {media_type}, not an article in HTML or plain text; nothing was stored"
                )
            declared = _declared_length(response.headers.get("Content-Length"), url)
            if declared is not None and declared > max_bytes:
                raise DocumentTooLargeError(url, f"larger than {max_bytes} bytes (declared {declared})")
            body = _read(response, url, started, deadline, max_bytes)
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    except SourceFormatError:
        raise
    except urllib.error.HTTPError as err:
        raise SourceFormatError(url, f"the server answered HTTP {err.code} {err.reason}") from None
    except http.client.IncompleteRead as err:
        raise SourceFormatError(
            url, f"the body is truncated ({len(err.partial)} bytes received); nothing was stored"
        ) from None
    except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError) as err:
        raise SourceFormatError(url, f"could not fetch it: {getattr(err, 'reason', err)}") from None
    if declared is not None and len(body) != declared:
        raise SourceFormatError(
            url, f"the body is truncated ({len(body)} of {declared} declared bytes); nothing was stored"
        )
    body = _decompress(body, encoding, url, max_bytes)
    if not body.strip():
        raise SourceFormatError(url, "the server sent an empty body")
    if charset:
        try:
            body.decode(charset)
        except (LookupError, UnicodeDecodeError) as err:
            raise SourceFormatError(url, f"the body is not in its declared charset {charset!r}: {err}") from None
    return Fetched(final, body, media_type, charset)


def _declared_length(value: str | None, url: str) -> int | None:
    if value is None:
        return None
    try:
        length = int(value.strip())
    except ValueError:
        raise SourceFormatError(url, f"the server declared a bad Content-Length {value!r}") from None
    if length < 0:
        raise SourceFormatError(url, f"the server declared a bad Content-Length {value!r}")
    return length


def _read(response: Any, url: str, started: float, deadline: float, max_bytes: int) -> bytes:
    """The body, read in pieces until the end, the size limit or the deadline."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > deadline:
            raise SourceFormatError(url, f"the server took longer than {deadline:g} s to send the article")
        piece = response.read1(65536)
        if not piece:
            return b"".join(chunks)
        size += len(piece)
        if size > max_bytes:
            raise DocumentTooLargeError(url, f"larger than {max_bytes} bytes; save the article and ingest the file")
        chunks.append(piece)
