"""Publication dates from what an article carries: HTML metadata and datelines.

A relative date ("on Thursday", "в прошлом году") means nothing without the day the article appeared, so
the publication date is looked for in every place news puts it, most explicit first:

1. HTML metadata: ``<meta property="article:published_time">`` (Open Graph), ``datePublished`` in JSON-LD
   (schema.org ``NewsArticle``), ``<meta name="date|pubdate|publish-date|dc.date">``, then the first
   ``<time datetime>`` element;
2. a dateline opening the body: "SWEDEN, March 7 -", "YEREVAN, June 12 (Reuters) -", "Москва. 19 января.
   INTERFAX.RU -", "7 марта, Минск /Корр. БЕЛТА/.", "PARIS, 7 mars (AFP) -". A dateline without a year
   takes the latest year the article names (none: no date).

References:
    The Open Graph protocol, ``article:published_time``. https://ogp.me/#type_article
    schema.org ``datePublished``. https://schema.org/datePublished
"""

from __future__ import annotations

import datetime as dt
import json
import re

_META = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?P<name>article:published_time|og:published_time|"
    r"datePublished|date|pubdate|publish-date|publication_date|dc\.date|DC\.date\.issued|sailthru\.date)[\"']"
    r"[^>]*?>",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"content\s*=\s*[\"'](?P<value>[^\"']+)[\"']", re.IGNORECASE)
_JSONLD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(?P<body>.*?)</script>", re.IGNORECASE | re.DOTALL)
_TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"'](?P<value>[^\"']+)[\"']", re.IGNORECASE)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


def _iso_day(value: str) -> dt.date | None:
    m = _ISO.search(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _jsonld_dates(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [str(node["datePublished"])] if "datePublished" in node else []
        for value in node.values():
            found += _jsonld_dates(value)
        return found
    if isinstance(node, list):
        return [d for item in node for d in _jsonld_dates(item)]
    return []


def html_published(html: str) -> dt.date | None:
    """The publication date an HTML page declares in its metadata, or ``None``.

    >>> html_published('<meta property="article:published_time" content="2024-02-23T09:15:00+04:00">')
    datetime.date(2024, 2, 23)
    >>> html_published('<script type="application/ld+json">{"@type": "NewsArticle", '
    ...                '"datePublished": "2025-09-10T08:00:00Z"}</script>')
    datetime.date(2025, 9, 10)
    >>> html_published('<p>Posted <time datetime="2023-04-04">Tuesday</time></p>')
    datetime.date(2023, 4, 4)
    """
    head = html[:200_000]
    metas: dict[str, dt.date] = {}
    for m in _META.finditer(head):
        content = _CONTENT.search(m.group(0))
        day = _iso_day(content.group("value")) if content else None
        if day is not None:
            metas.setdefault(m.group("name").lower(), day)
    for name in ("article:published_time", "og:published_time", "datepublished"):
        if name in metas:
            return metas[name]
    for m in _JSONLD.finditer(head):
        try:
            data = json.loads(m.group("body"))
        except ValueError:
            continue
        for value in _jsonld_dates(data):
            day = _iso_day(value)
            if day is not None:
                return day
    if metas:
        return next(iter(metas.values()))
    t = _TIME.search(head)
    return _iso_day(t.group("value")) if t else None


_MONTHS = {
    **{m: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"], 1)},
    **{m: i for i, m in enumerate(
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
         "novembre", "décembre"], 1)},
    **{m: i for i, m in enumerate(
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
         "ноября", "декабря"], 1)},
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PLACE = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\wÀ-ÿА-Яа-яЁё' .-]{1,30}?"
_DATELINE = re.compile(
    rf"^\s*(?:(?:{_PLACE})[,.]\s+)?(?:le\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}))"
    rf"(?:,?\s+(?P<y>\d{{4}}))?"
    rf"\s*(?:[.,]\s*)?(?:(?:{_PLACE})\s*)?(?:\(|/|[—–-]|\b[A-ZА-ЯЁ]{{3,}})",
    re.IGNORECASE | re.MULTILINE,
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def dateline(text: str, today: dt.date | None = None) -> dt.date | None:
    r"""The date of a dateline in the first lines of an article's body, or ``None``.

    >>> dateline("Sweden is a NATO member\n\nSWEDEN, March 7 -\nThe instrument was deposited in 2024.")
    datetime.date(2024, 3, 7)
    >>> dateline("Заголовок\nМосква. 19 января 2022. INTERFAX.RU - Президент сказал")
    datetime.date(2022, 1, 19)
    >>> dateline("Title\nNo dateline here, only prose about March 7.") is None
    True
    """
    lines = [ln for ln in text.splitlines() if ln.strip()][:4]
    for line in lines:
        m = _DATELINE.match(line[:120])
        if not m:
            continue
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower()]
        day = int(m.group("d1") or m.group("d2"))
        if m.group("y"):
            year = int(m.group("y"))
        else:
            limit = (today or dt.date.today()).year
            years = [int(y) for y in _YEAR.findall(text) if int(y) <= limit]
            if not years:
                return None
            year = max(years)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None
