"""`casus.ingest.feeds`: RSS/Atom feeds from a file and from a loopback server, new items only."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
from functools import partial
from pathlib import Path

import pytest

from casus.errors import SourceFormatError
from casus.ingest.feeds import ingest_feed, parse_feed, read_feed

ARMENIA = """Armenia freezes its CSTO participation

Armenia froze its participation in the Collective Security Treaty Organization, Prime Minister Nikol Pashinyan \
said on Thursday.
"""
FINLAND = """Finland joins NATO

Finland joined NATO on Tuesday, ending decades of military non-alignment.
"""
SWEDEN = """Sweden joins NATO

Sweden became a member of NATO on Thursday.
"""


def _item(guid: str, title: str, link: str, date: str) -> str:
    return f"<item><guid>{guid}</guid><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"


def _rss(*items: str) -> str:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{"".join(items)}</channel></rss>'


ITEMS = [
    _item("arm-1", "Armenia freezes its CSTO participation", "armenia.txt", "Fri, 23 Feb 2024 09:00:00 GMT"),
    _item("fin-1", "Finland joins NATO", "finland.txt", "Tue, 04 Apr 2023 12:00:00 GMT"),
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "armenia.txt").write_text(ARMENIA, encoding="utf-8")
    (tmp_path / "finland.txt").write_text(FINLAND, encoding="utf-8")
    (tmp_path / "sweden.txt").write_text(SWEDEN, encoding="utf-8")
    (tmp_path / "feed.xml").write_text(_rss(*ITEMS), encoding="utf-8")
    return tmp_path


def test_parse_feed_keys_links_and_dates(site: Path) -> None:
    items = read_feed(str(site / "feed.xml"))
    assert [(i.key, i.link, i.published) for i in items] == [
        ("arm-1", "armenia.txt", dt.date(2024, 2, 23)),
        ("fin-1", "finland.txt", dt.date(2023, 4, 4)),
    ]


def test_not_a_feed_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceFormatError, match="no items in this feed"):
        parse_feed(b"<html><body>hello</body></html>", "page.html")


def test_a_file_feed_ingested_twice_gives_new_items_once(site: Path, tmp_path: Path, kb) -> None:  # type: ignore[no-untyped-def]
    from casus.store import EventStore

    with EventStore(f"sqlite:///{tmp_path / 'events.sqlite'}") as store:
        first = ingest_feed(str(site / "feed.xml"), store, kb=kb)
        assert (first.items, first.new) == (2, 2)
        by_title = {r.document.title: r for r in first.results}
        finland = by_title["Finland joins NATO"]
        assert finland.document.published == dt.date(2023, 4, 4)  # the item's date: the file has none
        assert any(e.type.value == "accession" and e.actors == ("FIN",) for e in finland.events)
        counts = store.counts()
        again = ingest_feed(str(site / "feed.xml"), store, kb=kb)
        assert (again.items, again.new, again.results) == (2, 0, ())
        assert store.counts() == counts
        sweden = _item("swe-1", "Sweden joins NATO", "sweden.txt", "Thu, 07 Mar 2024 18:00:00 GMT")
        (site / "feed.xml").write_text(_rss(sweden, *ITEMS), encoding="utf-8")
        third = ingest_feed(str(site / "feed.xml"), store, kb=kb)
        assert (third.items, third.new) == (3, 1)
        (result,) = third.results
        assert any(e.actors == ("SWE",) and e.when.start == dt.date(2024, 3, 7) for e in result.events)


def test_a_feed_on_a_loopback_server(site: Path, tmp_path: Path, kb) -> None:  # type: ignore[no-untyped-def]
    from casus.store import EventStore

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        items = [
            _item("arm-1", "Armenia", f"{base}/armenia.txt", "Fri, 23 Feb 2024 09:00:00 GMT"),
            _item("fin-1", "Finland", f"{base}/finland.txt", "Tue, 04 Apr 2023 12:00:00 GMT"),
        ]
        (site / "served.xml").write_text(_rss(*items), encoding="utf-8")
        with EventStore(f"sqlite:///{tmp_path / 'served.sqlite'}") as store:
            from casus.ingest.fetch import fetch_url

            fetch = partial(fetch_url, allow_private=True)  # loopback: refused unless allowed
            first = ingest_feed(f"{base}/served.xml", store, kb=kb, fetch=fetch, allow_private=True)
            second = ingest_feed(f"{base}/served.xml", store, kb=kb, fetch=fetch, allow_private=True)
        assert (first.new, second.new) == (2, 0)
        armenia = next(r for r in first.results if r.document.url and r.document.url.endswith("armenia.txt"))
        assert any(e.type.value == "suspension" and e.actors == ("ARM",) for e in armenia.events)
    finally:
        httpd.shutdown()
        thread.join()


def test_item_text_in_the_feed_is_read_without_fetching(tmp_path: Path, kb) -> None:  # type: ignore[no-untyped-def]
    from casus.store import EventStore

    body = (
        "<p>Kazakhstan asked the Collective Security Treaty Organization for help on 5 January 2022, and the "
        "bloc decided to send peacekeeping troops to Kazakhstan on 6 January 2022.</p>" * 3
    )
    feed = _rss(
        "<item><guid>kz</guid><title>CSTO troops to Kazakhstan</title><link>https://example.invalid/kz</link>"
        f"<description><![CDATA[{body}]]></description><pubDate>Thu, 06 Jan 2022 20:00:00 GMT</pubDate></item>"
    )
    (tmp_path / "content.xml").write_text(feed, encoding="utf-8")

    def no_fetch(url: str):  # type: ignore[no-untyped-def]
        raise AssertionError(f"fetched {url}")

    with EventStore(f"sqlite:///{tmp_path / 'c.sqlite'}") as store:
        run = ingest_feed(str(tmp_path / "content.xml"), store, kb=kb, fetch=no_fetch)
    (result,) = run.results
    assert result.document.published == dt.date(2022, 1, 6)
    assert {e.type.value for e in result.events} >= {"request_for_assistance", "deployment"}


GUINEA_BISSAU = """ECOWAS suspends Guinea-Bissau

The Economic Community of West African States suspended Guinea-Bissau from all its decision-making bodies on \
Thursday, a day after the military coup.
"""


def test_a_served_feed_reviewed_reaches_casus_members_with_its_article(tmp_path: Path, kb, capsys) -> None:  # type: ignore[no-untyped-def]
    """Issue #10's loop on a loopback server: an ECOWAS suspension (ecowas.yaml) read twice, accepted, cited.

    The article (written for this test) reports the Mediation and Security Council's suspension of Guinea-Bissau
    on Thursday 27 November 2025; the curated record has it too, so the accepted event corroborates it and
    `casus members ecowas --news` cites the article beside the curated sources.
    """
    import json

    from casus.cli.app import main
    from casus.ingest.fetch import fetch_url
    from casus.store import EventStore

    (tmp_path / "gnb.txt").write_text(GUINEA_BISSAU, encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = f"sqlite:///{tmp_path / 'gnb.sqlite'}"
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        item = _item("gnb-1", "ECOWAS suspends Guinea-Bissau", f"{base}/gnb.txt", "Fri, 28 Nov 2025 08:00:00 GMT")
        (tmp_path / "feed.xml").write_text(_rss(item), encoding="utf-8")
        fetch = partial(fetch_url, allow_private=True)
        with EventStore(url) as store:
            first = ingest_feed(f"{base}/feed.xml", store, kb=kb, fetch=fetch, allow_private=True)
            second = ingest_feed(f"{base}/feed.xml", store, kb=kb, fetch=fetch, allow_private=True)
            assert (first.new, second.new, second.results) == (1, 0, ())
            (result,) = first.results
            (ev,) = [e for e in result.events if e.type.value == "suspension"]
            assert (ev.organization, ev.actors, ev.members) == ("ecowas", ("ecowas",), ("GNB",))  # ECOWAS suspends
            assert ev.when.start == dt.date(2025, 11, 27)
            (stored,) = [s for s in store.events(status="pending") if s.event.type.value == "suspension"]
            store.accept(stored.id, note="MSC communiqué of 27 November", reviewer="news-desk")
            doc_id = result.document.id
    finally:
        httpd.shutdown()
        thread.join()
    assert main(["members", "CEDEAO", "--on", "2025-12-01", "--news", "--store", url, "-f", "json"]) == 0
    roster = json.loads(capsys.readouterr().out)
    gnb = next(m for m in roster["members"] if m["state"] == "GNB")
    assert gnb["status"] == "suspended" and f"news-{doc_id[:12]}" in gnb["source_ids"]
    assert "ecowas-gnb-2025" in gnb["source_ids"]  # the curated source stays
    assert main(["members", "ecowas", "--on", "2025-12-01", "-f", "json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert not any(s.startswith("news-") for m in plain["members"] for s in m["source_ids"])
