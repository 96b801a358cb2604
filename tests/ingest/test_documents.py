import datetime as dt
import http.server
import threading
from functools import partial

import pytest

from casus.errors import SourceFormatError
from casus.ingest.documents import (
    build_document,
    content_hash,
    expand_sources,
    fetch_url,
    read_document,
    read_url_list,
)

HTML = """<!doctype html><html><head><title>Armenia freezes CSTO role | Example News</title>
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-02-23T10:00:00Z">
<link rel="canonical" href="http://127.0.0.1/armenia"></head><body><nav>Home | World</nav><article>
<h1>Armenia freezes CSTO role</h1>
<p>Armenia has frozen its participation in the Collective Security Treaty Organization, Prime Minister Nikol
Pashinyan said on Thursday, according to an interview broadcast by France 24.</p>
<p>The alliance, founded in 1992, also includes Russia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan, and
Moscow said it had received no official notice. <a href="https://www.france24.com/en/interview">Interview</a></p>
</article><footer>Copyright Example News</footer></body></html>"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("www")
    (root / "armenia.html").write_text(HTML, encoding="utf-8")
    (root / "plain.txt").write_text("Armenia froze its CSTO participation.\n\n2024-02-23 10:00\n", encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_plain_text_title_date_line_and_no_byline(example_path):
    doc = read_document(example_path)
    assert doc.lang == "fr"
    assert doc.title == "Le rival de l’OTAN dirigé par la Russie est prêt à s’étendre – secrétaire général"
    assert (doc.published, doc.published_from) == (dt.date(2024, 6, 25), "text")
    assert doc.byline is None and doc.links == ()
    assert doc.id == content_hash(example_path.read_bytes())


def test_given_publication_date_wins(example_path):
    doc = read_document(example_path, published=dt.date(2024, 6, 26))
    assert (doc.published, doc.published_from) == (dt.date(2024, 6, 26), "given")


def test_html_main_text_and_metadata_through_trafilatura():
    doc = build_document(HTML.encode(), "armenia.html")
    assert doc.media_type == "text/html" and doc.lang == "en"
    assert doc.title == "Armenia freezes CSTO role"
    assert doc.byline == "Jane Roe" and doc.published == dt.date(2024, 2, 23)
    assert "Home | World" not in doc.text and "Copyright" not in doc.text
    assert "frozen its participation" in doc.text
    assert "https://www.france24.com/en/interview" in doc.links


def test_fetch_from_local_server(server):
    got = fetch_url(f"{server}/armenia.html", allow_private=True)
    assert got.media_type == "text/html" and b"Pashinyan" in got.content
    doc = read_document(f"{server}/plain.txt", fetch=partial(fetch_url, allow_private=True))
    assert doc.published == dt.date(2024, 2, 23) and doc.origin.endswith("/plain.txt")


def test_fetch_errors_are_typed(server):
    with pytest.raises(SourceFormatError, match="HTTP 404"):
        fetch_url(f"{server}/missing.html", allow_private=True)
    with pytest.raises(SourceFormatError, match=r"larger than 100 bytes"):
        fetch_url(f"{server}/armenia.html", max_bytes=100, allow_private=True)


def test_url_list_files_expand_to_their_urls(tmp_path, server):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# two articles\n{server}/armenia.html\n\n{server}/plain.txt\n", encoding="utf-8")
    assert read_url_list(urls) == [f"{server}/armenia.html", f"{server}/plain.txt"]
    article = tmp_path / "a.txt"
    article.write_text("Armenia froze its participation.", encoding="utf-8")
    assert read_url_list(article) is None
    assert expand_sources([str(urls), str(article), "-"]) == [
        f"{server}/armenia.html",
        f"{server}/plain.txt",
        str(article),
        "-",
    ]


def test_mixed_url_list_names_the_bad_line(tmp_path):
    bad = tmp_path / "urls.txt"
    bad.write_text("http://127.0.0.1/a\nnot a url\n", encoding="utf-8")
    with pytest.raises(SourceFormatError, match=r"urls.txt:2"):
        read_url_list(bad)


@pytest.mark.parametrize(("raw", "message"), [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"12 34", "words")])
def test_bad_documents_raise_source_format_errors(raw, message):
    with pytest.raises(SourceFormatError, match=message):
        build_document(raw, "bad.txt", lang="en")


def test_missing_file(tmp_path):
    with pytest.raises(SourceFormatError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from casus.errors import DocumentTooLargeError
    from casus.ingest import documents

    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"Armenia froze its CSTO participation. " * 100)
    monkeypatch.setattr(type(big), "read_bytes", lambda self: pytest.fail("read whole"))
    with pytest.raises(DocumentTooLargeError, match=r"big\.txt: larger than the 1000-byte limit \(3800 bytes\)"):
        read_document(big)


def test_standard_input_is_read_no_further_than_one_byte_past_the_limit(monkeypatch):
    from casus.errors import DocumentTooLargeError
    from casus.ingest import documents

    monkeypatch.setattr(documents, "MAX_BYTES", 1000)

    class Endless:
        def __init__(self) -> None:
            self.asked: list[int] = []

        def read(self, n: int) -> bytes:
            self.asked.append(n)
            return b"x" * n

    stream = Endless()
    with pytest.raises(DocumentTooLargeError, match=r"^-: larger than the 1000-byte limit"):
        documents.read_bounded(stream, origin="-")  # type: ignore[arg-type]
    assert stream.asked == [1001]
    assert documents.read_bounded(__import__("io").BytesIO(b"short"), origin="-") == b"short"
