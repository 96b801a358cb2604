"""Publication dates from HTML metadata and datelines (`casus.ingest.pubdate`)."""

from __future__ import annotations

import datetime as dt

from casus.ingest.documents import build_document
from casus.ingest.pubdate import dateline, html_published

PAGE = """<html><head><title>Armenia freezes CSTO participation</title>{meta}</head><body><article>
<h1>Armenia freezes CSTO participation</h1>
<p>Armenia has frozen its participation in the Collective Security Treaty Organization, Prime Minister Nikol
Pashinyan told France 24 on Thursday. Moscow said it had received no official notice of the decision.</p>
<p>The alliance was founded in 1992 and counts six members.</p></article></body></html>"""


def test_open_graph_wins_over_a_time_element() -> None:
    html = PAGE.format(
        meta='<meta property="article:published_time" content="2024-02-23T10:00:00Z">'
        '<time datetime="2020-01-01">old</time>'
    )
    assert html_published(html) == dt.date(2024, 2, 23)


def test_json_ld_and_time_element() -> None:
    ld = '<script type="application/ld+json">[{"@type": "NewsArticle", "datePublished": "2025-09-19"}]</script>'
    assert html_published(PAGE.format(meta=ld)) == dt.date(2025, 9, 19)
    assert html_published(PAGE.format(meta="") + '<time datetime="2023-04-04T12:00">') == dt.date(2023, 4, 4)
    assert html_published(PAGE.format(meta="")) is None


def test_an_html_article_takes_its_metadata_date_and_resolves_thursday() -> None:
    html = PAGE.format(meta='<meta property="article:published_time" content="2024-02-23T10:00:00Z">')
    doc = build_document(html.encode(), "page.html", lang="en")
    assert (doc.published, doc.published_from) == (dt.date(2024, 2, 23), "metadata")


def test_datelines_in_three_languages() -> None:
    assert dateline("Title\n\nYEREVAN, June 12, 2024 (Reuters) - Armenia will leave.") == dt.date(2024, 6, 12)
    assert dateline("Titre\nPARIS, 7 mars 2024 (AFP) - La Suède…") == dt.date(2024, 3, 7)
    assert dateline("Швеция\n7 марта, Минск /Корр. БЕЛТА/. Швеция в 2024 году…") == dt.date(2024, 3, 7)
    assert dateline("Title\nSWEDEN, March 7 - no year anywhere") is None


def test_a_plain_text_article_dated_by_its_dateline() -> None:
    text = "Sweden is a NATO member\n\nSWEDEN, March 7 -\nSweden's instrument of accession was deposited in 2024.\n"
    doc = build_document(text.encode(), "sweden.txt", lang="en")
    assert (doc.published, doc.published_from) == (dt.date(2024, 3, 7), "text")
