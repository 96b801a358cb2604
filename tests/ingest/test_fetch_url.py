"""Fetching is complete or nothing: every reproducer of issue 15 against a server on 127.0.0.1."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import urllib.request
from functools import partial

import pytest

from casus.errors import DocumentTooLargeError, InvalidInputError, SourceFormatError
from casus.ingest.fetch import _Redirects, check_address, fetch_url

ARTICLE = (
    b"Armenia froze its participation in the CSTO, Prime Minister Nikol Pashinyan said on Thursday.\n\n"
    b"2024-02-23 10:00\n"
)


class Handler(http.server.BaseHTTPRequestHandler):
    """Each path is one way a server can misbehave."""

    def log_message(self, *args: object) -> None:
        pass

    def _head(self, status: int, ctype: str, length: int | None, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path
        if path == "/article.txt":
            self._head(200, "text/plain; charset=utf-8", len(ARTICLE))
            self.wfile.write(ARTICLE)
        elif path == "/truncated.txt":  # 650 bytes declared, 70 sent, connection closed
            self._head(200, "text/plain", 650)
            self.wfile.write(ARTICLE[:70])
            self.close_connection = True
        elif path == "/drip.txt":  # one byte every 0.3 s, for ever
            self._head(200, "text/plain", None)
            try:
                for _ in range(100):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                pass
        elif path == "/paper.pdf":
            body = b"%PDF-1.7\n" + ARTICLE
            self._head(200, "application/pdf", len(body))
            self.wfile.write(body)
        elif path == "/huge.txt":  # declares 100 MB; nothing should be read
            self._head(200, "text/plain", 100_000_000)
            self.wfile.write(ARTICLE)
        elif path == "/gzip.txt":
            body = gzip.compress(ARTICLE)
            self._head(200, "text/plain", len(body), {"Content-Encoding": "gzip"})
            self.wfile.write(body)
        elif path == "/bad-gzip.txt":
            body = gzip.compress(ARTICLE)[:-12] + b"garbage!"
            self._head(200, "text/plain", len(body), {"Content-Encoding": "gzip"})
            self.wfile.write(body)
        elif path == "/to-file":
            self._head(302, "text/plain", 0, {"Location": "file:///etc/passwd"})
        elif path == "/to-metadata":
            self._head(302, "text/plain", 0, {"Location": "http://169.254.169.254/latest/meta-data/"})
        elif path == "/to-article":
            self._head(301, "text/plain", 0, {"Location": "/article.txt"})
        else:
            self._head(404, "text/plain", 0)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


fetch = partial(fetch_url, allow_private=True)


def test_a_whole_article_with_its_declared_charset(server):
    got = fetch(f"{server}/article.txt")
    assert got.content == ARTICLE and got.media_type == "text/plain" and got.charset == "utf-8"


def test_a_truncated_body_is_refused_not_stored_as_complete(server):
    with pytest.raises(SourceFormatError, match=r"truncated \(70 (of 650 declared )?bytes"):
        fetch(f"{server}/truncated.txt")


def test_a_server_dripping_bytes_is_cut_at_the_overall_deadline(server):
    started = time.monotonic()
    with pytest.raises(SourceFormatError, match=r"took longer than 1 s"):
        fetch(f"{server}/drip.txt", deadline=1.0, timeout=5.0)
    assert time.monotonic() - started < 5.0  # the per-read timeout alone would wait 30 s


def test_a_pdf_is_not_read_as_text(server):
    with pytest.raises(SourceFormatError, match=r"sent application/pdf, not an article in HTML or plain text"):
        fetch(f"{server}/paper.pdf")


def test_a_declared_100_mb_body_is_refused_before_reading(server):
    with pytest.raises(DocumentTooLargeError, match=r"declared 100000000"):
        fetch(f"{server}/huge.txt")


def test_gzip_is_decoded_and_a_corrupt_gzip_refused(server):
    assert fetch(f"{server}/gzip.txt").content == ARTICLE
    with pytest.raises(SourceFormatError, match=r"gzip body (does not decompress|is truncated)"):
        fetch(f"{server}/bad-gzip.txt")


def test_only_http_redirects_to_public_hosts_are_followed(server):
    assert fetch(f"{server}/to-article").content == ARTICLE
    with pytest.raises(SourceFormatError, match=r"'file:///etc/passwd'(, which)? is not"):
        fetch(f"{server}/to-file")
    # a public page redirecting to the cloud metadata address: the redirect target is checked too
    request = urllib.request.Request("http://example.org/news")
    with pytest.raises(SourceFormatError, match=r"169\.254\.169\.254 is a non-public address"):
        _Redirects(allow_private=False).redirect_request(
            request, None, 302, "Found", {}, "http://169.254.169.254/latest/meta-data/"
        )


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://10.1.2.3/a", "http://192.168.0.1/", "http://169.254.169.254/", "http://[::1]/"],
)
def test_private_loopback_and_link_local_targets_are_refused_unless_allowed(url):
    with pytest.raises(SourceFormatError, match="non-public address"):
        check_address(url)
    check_address(url, allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "http:///nohost", "gopher://x"])
def test_other_schemes_are_invalid_input(url):
    with pytest.raises(InvalidInputError, match=r"not an http\(s\) URL"):
        check_address(url, allow_private=True)


def test_one_dead_url_does_not_stop_a_list(server, tmp_path, kb):
    from casus.ingest import ingest
    from casus.store import EventStore

    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/missing.txt\n{server}/paper.pdf\n{server}/article.txt\n", encoding="utf-8")
    with EventStore(f"sqlite:///{tmp_path / 'ev.sqlite'}") as store:
        results = ingest([str(urls)], store, kb=kb, fetch=fetch)
        assert [bool(r.error) for r in results] == [True, True, False]
        assert "HTTP 404" in results[0].error and "application/pdf" in results[1].error
        assert results[2].new and ("suspension", ("ARM",)) in [(e.type.value, e.actors) for e in results[2].events]
        assert store.counts()["documents"] == 1


def test_unresolvable_host_is_a_one_line_error():
    with pytest.raises(SourceFormatError, match="could not resolve"):
        check_address("http://no-such-host.invalid/a")
