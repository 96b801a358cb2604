"""Reading articles: plain text and HTML files, URL lists, standard input, and fetching URLs.

HTML goes through trafilatura, which finds the main text and the title, author and date in the page's
metadata. A plain-text article's first line is its title; a line holding only a date (``2024-06-25 05:34``,
``Published: 25 June 2024``) near its end or start gives the publication date; a line starting with
``By``/``Par``/``Автор:`` gives the byline. A document's id is the SHA-256 of its raw bytes, so the same
file read twice is recognised.

Fetching is one function, :func:`casus.ingest.fetch.fetch_url` (complete or nothing, public addresses
only unless allowed); decoding is :func:`casus.ingest.decode.decode_text` (byte-order marks, UTF-16, UTF-8 with
a few bad bytes replaced and flagged). Tests point fetching at a local ``http.server``.

References:
    Barbaresi, A. 2021. "Trafilatura: A Web Scraping Library and Command-Line Tool for Text Discovery and
    Extraction." ACL-IJCNLP System Demonstrations, 122-131. https://aclanthology.org/2021.acl-demo.15
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from casus.errors import DocumentTooLargeError, MissingExtraError, SourceFormatError
from casus.ingest.decode import decode_text
from casus.ingest.fetch import MAX_BYTES, Fetched, fetch_url
from casus.ingest.model import Document

__all__ = ["MAX_BYTES", "Fetched", "Fetcher", "build_document", "fetch_url", "read_document"]

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"https?://[^\s<>«»\"')\]]+", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|publié|mis à jour|опубликовано|дата)\s*:?\s*)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}\s+\w+\.?\s+\d{4})"
    r"(?:[ T,]+(?:à\s+|в\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|MSK|CET|CEST|[+-]\d{2}:?\d{2}|Z))?)?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*(?:by|par|автор\s*:?|author\s*:|auteur\s*:)\s+(?P<name>\S.{1,80})$", re.IGNORECASE)

Fetcher = Callable[[str], "Fetched"]


def content_hash(raw: bytes) -> str:
    """SHA-256 of the raw bytes, in hex: a document's id."""
    return hashlib.sha256(raw).hexdigest()


def read_url_list(path: str | Path) -> list[str] | None:
    """The URLs of a URL-list file (one per line, ``#`` comments), or ``None`` if it is not one.

    Raises:
        SourceFormatError: Some lines are URLs and others are not (line number given).
    """
    text = Path(path).read_text("utf-8", errors="replace")
    lines = [(i, ln.strip()) for i, ln in enumerate(text.splitlines(), 1)]
    lines = [(i, ln) for i, ln in lines if ln and not ln.startswith("#")]
    if not lines or not _URL.match(lines[0][1]):
        return None
    for i, ln in lines:
        if not _URL.match(ln):
            raise SourceFormatError(str(path), f"expected one http(s) URL per line, got {ln[:60]!r}", line=i)
    return [ln for _, ln in lines]


def looks_like_html(text: str, media_type: str | None = None) -> bool:
    """Whether ``text`` is an HTML page rather than plain text."""
    if media_type in ("text/html", "application/xhtml+xml"):
        return True
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def _parse_date_text(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is in the same extra
        return None
    parsed = dateparser.parse(value, languages=["en", "fr", "ru"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _text_metadata(text: str) -> tuple[str | None, dt.date | None, str | None]:
    """Title, date line and byline of a plain-text article."""
    lines = [ln.strip() for ln in text.split("\n")]
    non_empty = [ln for ln in lines if ln]
    title = None
    if non_empty and len(non_empty[0]) <= 200 and not non_empty[0].endswith((".", "»", '"')):
        title = non_empty[0]
    published = None
    for ln in [*non_empty[-3:][::-1], *non_empty[1:4]]:
        m = _DATE_LINE.match(ln)
        if m:
            published = _parse_date_text(m.group("date"))
            if published:
                break
    byline = None
    for ln in [*non_empty[1:6], *non_empty[-3:]]:
        m = _BYLINE.match(ln)
        if m and len(m.group("name").split()) <= 6:
            byline = m.group("name").strip()
            break
    return title, published, byline


def _html_links(html: str, base: str | None) -> tuple[str, ...]:
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, SyntaxError):
        return ()
    out: list[str] = []
    for href in tree.xpath("//a/@href"):
        link = urllib.parse.urljoin(base or "", str(href))
        if link.startswith(("http://", "https://")) and link not in out:
            out.append(link)
    return tuple(out)


def _html_document(html: str, origin: str) -> dict[str, Any]:
    try:
        import trafilatura
    except ImportError:
        raise MissingExtraError("ingest", "trafilatura") from None
    base = origin if origin.startswith(("http://", "https://")) else None
    extracted = trafilatura.bare_extraction(html, url=base, with_metadata=True, include_comments=False)
    if extracted is None:
        raise SourceFormatError(origin, "found no article text in this HTML page")
    meta: dict[str, Any] = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (meta.get("text") or "").strip()
    if not text:
        raise SourceFormatError(origin, "found no article text in this HTML page")
    from casus.ingest.pubdate import html_published

    published = html_published(html) or (_parse_date_text(meta["date"]) if meta.get("date") else None)
    return {
        "text": text + "\n",
        "title": meta.get("title") or None,
        "byline": meta.get("author") or None,
        "published": published,
        "url": meta.get("url") or base,
        "links": _html_links(html, meta.get("url") or base),
    }


def build_document(
    raw: bytes,
    origin: str,
    *,
    media_type: str | None = None,
    lang: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    charset: str | None = None,
) -> Document:
    """Turn raw bytes into a :class:`Document`: decode, extract HTML main text, metadata, language.

    Args:
        raw: The file or response body.
        origin: Where it came from (path, URL or ``-``), for messages.
        media_type: ``text/html`` or ``text/plain`` when known (else sniffed).
        lang: ``en``, ``fr`` or ``ru``; detected when ``None``.
        published: Publication date; read from the document when ``None``.
        url: The article's address, when known.
        charset: The charset a server declared, if any.

    Raises:
        SourceFormatError: Empty, binary or text-less input.
        InvalidInputError: An unsupported ``lang``.
    """
    from casus.ingest.language import detect_language

    if not raw.strip():
        raise SourceFormatError(origin, "the document is empty")
    if len(raw) > MAX_BYTES:
        raise _too_large(origin, len(raw))
    got = decode_text(raw, origin, charset=charset)
    decoded = got.text
    is_html = looks_like_html(decoded, media_type)
    if is_html:
        fields = _html_document(decoded, origin)
        text = fields["text"]
        title, byline, links = fields["title"], fields["byline"], fields["links"]
        found_date = fields["published"]
        url = url or fields["url"]
        _, text_date, text_byline = _text_metadata(text)
        found_date, byline = found_date or text_date, byline or text_byline
    else:
        text = decoded
        title, found_date, byline = _text_metadata(text)
        links = tuple(dict.fromkeys(_URL_IN_TEXT.findall(text)))
    if not re.search(r"[^\W\d_]", text):
        raise SourceFormatError(origin, "the document has no words")
    if found_date is None:
        from casus.ingest.pubdate import dateline

        found_date = dateline(text)
    if published is not None:
        when, source = published, "given"
    elif found_date is not None:
        when, source = found_date, "metadata" if is_html else "text"
    else:
        when, source = None, "none"
    return Document(
        id=content_hash(raw),
        text=text,
        lang=lang or detect_language(text),
        title=title,
        published=when,
        published_from=source,
        byline=byline,
        url=url,
        links=links,
        origin=origin,
        media_type="text/html" if is_html else "text/plain",
        decoding=got.note,
    )


def read_document(
    source: str | Path,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    fetch: Fetcher | None = None,
) -> Document:
    """Read one article from a file path or an http(s) URL.

    Raises:
        SourceFormatError: Unreadable or empty file, fetch failure.
        InvalidInputError: Unsupported language.
    """
    name = str(source)
    if _URL.match(name):
        got = (fetch or fetch_url)(name)
        return build_document(
            got.content,
            name,
            media_type=got.media_type,
            lang=lang,
            published=published,
            url=got.url,
            charset=got.charset,
        )
    return build_document(read_bounded(source), name, lang=lang, published=published)


def _too_large(origin: str, size: int | None = None) -> DocumentTooLargeError:
    got = f" ({size} bytes)" if size is not None else ""
    return DocumentTooLargeError(
        origin, f"larger than the {MAX_BYTES}-byte limit{got}; split the article into smaller files"
    )


def read_bounded(source: str | Path | BinaryIO, *, origin: str | None = None) -> bytes:
    """The bytes of a file or stream, refused before reading it whole when it exceeds :data:`MAX_BYTES`.

    A file's size is checked before it is opened; a stream (standard input) is read up to one byte past the
    limit, so memory stays bounded whatever is sent.

    Raises:
        DocumentTooLargeError: More than :data:`MAX_BYTES` bytes.
        SourceFormatError: No such file, or it cannot be read.
    """
    if not isinstance(source, (str, Path)):
        raw = source.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _too_large(origin or "-")
        return raw
    name = origin or str(source)
    path = Path(source)
    try:
        if not path.is_file():
            raise SourceFormatError(name, "no such file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(name, size)
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise SourceFormatError(name, f"cannot read it: {err.strerror or err}") from None
    if len(raw) > MAX_BYTES:
        raise _too_large(name)
    return raw


def expand_sources(paths: list[str]) -> list[str]:
    """Replace URL-list files by the URLs they list; keep other paths, URLs and ``-`` as they are.

    Raises:
        SourceFormatError: A missing file or a malformed URL list.
    """
    out: list[str] = []
    for p in paths:
        if p == "-" or _URL.match(p):
            out.append(p)
            continue
        path = Path(p)
        if not path.is_file():
            raise SourceFormatError(p, "no such file")
        urls = read_url_list(path) if path.suffix.lower() not in (".html", ".htm") else None
        out.extend(urls if urls is not None else [p])
    return out
