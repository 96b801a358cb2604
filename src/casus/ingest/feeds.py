"""RSS and Atom feeds: read a feed, ingest the items not read before, remember them.

``casus ingest --feed URL-or-file`` makes a daily run one command. The feed is parsed with feedparser;
each item is keyed by its ``id`` (else its link, else its title and date) and the store remembers the keys
it has read (``feed_items``), so a second run ingests only new items. An item whose feed carries the full
text (``content:encoded``, an Atom ``content``) of 300 characters or more is read from the feed; otherwise
its link is fetched (an http(s) URL through :func:`~casus.ingest.fetch.fetch_url`, or a file path,
relative to the feed file). The item's publication date is the document's unless the page gives its own.

References:
    feedparser documentation. https://feedparser.readthedocs.io/
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casus.errors import MissingExtraError, SourceFormatError
from casus.ingest.documents import Fetcher, build_document, read_document
from casus.ingest.fetch import FEED_TYPES, fetch_url
from casus.ingest.model import Document

if TYPE_CHECKING:
    from casus.ingest.pipeline import IngestResult
    from casus.kb.knowledge import KnowledgeBase
    from casus.store.events import EventStore

#: An item's own text is used when it has at least this many characters once its markup is removed.
MIN_CONTENT = 300

_URL = re.compile(r"^https?://", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed.

    Attributes:
        key: What identifies it across runs: its id, else its link, else its title and date.
        link: Where the article is (URL, or a path relative to a feed file).
        title: Its title.
        published: Its date, from the feed.
        content: Its text or HTML, when the feed carries the article itself.
    """

    key: str
    link: str | None
    title: str | None
    published: dt.date | None
    content: str | None


def _date(entry: Any) -> dt.date | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _content(entry: Any) -> str | None:
    for part in entry.get("content") or ():
        if part.get("value"):
            return str(part["value"])
    summary = entry.get("summary")
    return str(summary) if summary else None


def parse_feed(raw: bytes, origin: str) -> list[FeedItem]:
    """The items of an RSS or Atom feed, in feed order.

    Raises:
        MissingExtraError: feedparser is not installed.
        SourceFormatError: Not a feed, or a feed without items.
    """
    try:
        import feedparser
    except ImportError:
        raise MissingExtraError("ingest", "feedparser") from None
    parsed = feedparser.parse(raw)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise SourceFormatError(origin, f"found no items in this feed{reason}; give an RSS or Atom feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        published = _date(entry)
        key = entry.get("id") or link or f"{entry.get('title', '')}|{published}"
        items.append(FeedItem(str(key), link, entry.get("title"), published, _content(entry)))
    return items


def read_feed(source: str, *, allow_private: bool = False) -> list[FeedItem]:
    """Read a feed from an http(s) URL (an RSS/Atom or XML content type) or a file.

    Raises:
        SourceFormatError: Unreadable, unreachable or not a feed.
    """
    if _URL.match(source):
        got = fetch_url(source, media_types=FEED_TYPES, allow_private=allow_private)
        return parse_feed(got.content, source)
    path = Path(source)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise SourceFormatError(source, f"cannot read the feed: {err.strerror or err}") from None
    return parse_feed(raw, source)


def _plain_length(content: str) -> int:
    return len(html.unescape(_TAG.sub(" ", content)).split())


def item_document(item: FeedItem, feed: str, *, lang: str | None = None, fetch: Fetcher | None = None) -> Document:
    """The article of a feed item: its own content when long enough, else what its link points to."""
    origin = item.link or f"{feed}#{item.key}"
    if item.content and len(html.unescape(_TAG.sub("", item.content))) >= MIN_CONTENT:
        body = item.content
        if "<" not in body:
            body = f"{item.title or ''}\n\n{body}" if item.title else body
            raw, media = body.encode("utf-8"), "text/plain"
        else:
            raw, media = (
                f"<html><head><title>{html.escape(item.title or '')}</title></head><body>{body}</body></html>".encode(),
                "text/html",
            )
        return build_document(raw, origin, media_type=media, lang=lang, published=item.published, url=item.link)
    if not item.link:
        raise SourceFormatError(f"{feed}#{item.key}", "the item has neither a link nor its text")
    link = item.link
    if not _URL.match(link) and not _URL.match(feed):
        link = str((Path(feed).parent / link).resolve()) if not Path(link).is_absolute() else link
    doc = read_document(link, lang=lang, fetch=fetch)
    if doc.published is None and item.published is not None:
        doc = read_document(link, lang=lang, fetch=fetch, published=item.published)
    return doc


@dataclass(frozen=True)
class FeedRun:
    """What one run over a feed did.

    Attributes:
        feed: The feed's URL or path.
        items: Items in the feed.
        new: Items read for the first time (ingested now).
        results: One result per new item.
    """

    feed: str
    items: int
    new: int
    results: tuple[IngestResult, ...]


def ingest_feed(
    feed: str,
    store: EventStore,
    *,
    lang: str | None = None,
    kb: KnowledgeBase | None = None,
    fetch: Fetcher | None = None,
    budget: float | None = 60.0,
    allow_private: bool = False,
) -> FeedRun:
    """Ingest the items of a feed that the store has not read yet, and remember them.

    ``fetch`` fetches the items' pages; ``allow_private`` lets the feed itself come from a private or
    loopback address.

    Raises:
        SourceFormatError: The feed, or one of its new items, cannot be read (items read before it are
            kept and remembered).
        StoreError: The store refused a write.
    """
    from casus.ingest.pipeline import ingest_document

    items = read_feed(feed, allow_private=allow_private)
    seen = store.feed_items(feed)
    fresh = [it for it in dict((it.key, it) for it in items).values() if it.key not in seen]
    results = []
    for item in fresh:
        doc = item_document(item, feed, lang=lang, fetch=fetch)
        result = ingest_document(doc, store, kb, origin=doc.origin, budget=budget)
        store.remember_feed_item(feed, item.key, item.link, doc.id)
        results.append(result)
    return FeedRun(feed, len(items), len(fresh), tuple(results))


def feed_sources(values: Sequence[str]) -> list[str]:
    """The feeds given on the command line, stripped and without duplicates."""
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))
