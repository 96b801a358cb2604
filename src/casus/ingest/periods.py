"""Periods of the calendar that news dates name: months and their parts, days, weeks, seasons, weekends.

The building blocks :mod:`casus.ingest.temporal` resolves expressions to: a month, a year or a day as a
:class:`~casus.ingest.model.When`, the part of a month an expression names ("в конце июня" is 21–30 June,
convention 23 of the fifth held-out set), a season ("this fall" is 1 September–30 November) and a weekend
(Saturday and Sunday).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from casus.ingest.model import Precision, When


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` in ``year``.

    >>> month_end(2024, 2)
    datetime.date(2024, 2, 29)
    """
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_period(year: int, month: int, text: str) -> When:
    """A whole month, as the expression ``text`` named it."""
    return When(dt.date(year, month, 1), month_end(year, month), Precision.MONTH, text)


def year_period(year: int, text: str) -> When:
    """A whole year."""
    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, text)


def day_period(day: dt.date, text: str) -> When:
    """One day."""
    return When(day, day, Precision.DAY, text)


def weekday_period(weekday: int, pub: dt.date, text: str, strictly_before: bool = False) -> When:
    """The latest day with this weekday (0 is Monday) on or before ``pub``, before it with ``strictly_before``."""
    delta = (pub.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return day_period(pub - dt.timedelta(days=delta), text)


def week_period(monday: dt.date, text: str) -> When:
    """The ISO week that starts on ``monday``."""
    return When(monday, monday + dt.timedelta(days=6), Precision.WEEK, text)


#: Words naming a part of a month, and the days of it they name (convention 23 of the fifth held-out set:
#: "в конце июня" is 21–30 June): "end of / late / fin / в конце", "beginning / early / début / в начале",
#: "middle / mid- / milieu / в середине".
_MONTH_PARTS = (
    (re.compile(r"\b(?:end|late|fin|конце)\b", re.I), 21, 31),
    (re.compile(r"\b(?:beginning|start|early|début|debut|начале)\b", re.I), 1, 10),
    (re.compile(r"\b(?:middle|milieu|середине)\b|\bmid-|(?<!\w)mi-", re.I), 11, 20),
)


def month_part(when: When | None) -> When | None:
    """A month named with a part of it ("fin juin", "early June") narrowed to that part's days."""
    if when is None or when.precision is not Precision.MONTH:
        return when
    for pattern, first, last in _MONTH_PARTS:
        if pattern.search(when.text):
            start = when.start.replace(day=first)  # type: ignore[union-attr]
            end = min(when.end, when.end.replace(day=min(last, when.end.day)))  # type: ignore[union-attr,type-var]
            return When(start, end, Precision.PERIOD, when.text)
    return when


#: Seasons by the month they start in (winter runs from December into the next year's February).
SEASONS: dict[str, dict[str, int]] = {
    "en": {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12},
    "fr": {"printemps": 3, "été": 6, "ete": 6, "automne": 9, "hiver": 12},
    "ru": {"весной": 3, "летом": 6, "осенью": 9, "зимой": 12},
}


def season_of(year: int, first_month: int, text: str) -> When:
    """The season of ``year`` that starts in ``first_month`` (three months)."""
    index = year * 12 + first_month - 1 + 2
    end = month_end(index // 12, index % 12 + 1)
    return When(dt.date(year, first_month, 1), end, Precision.PERIOD, text)


def season_period(m: re.Match[str], lang: str, pub: dt.date) -> When:
    """A season: "this fall" (the publication year's: 1 September–30 November), "last summer", "осенью 2024 года"."""
    text, g = m.group(0), m.groupdict()
    first = SEASONS[lang][g["season"].lower()]
    if g.get("y"):
        return season_of(int(g["y"]), first, text)
    rel = (g.get("rel") or "").lower()
    this = season_of(pub.year - (1 if first == 12 and pub.month <= 2 else 0), first, text)
    if rel.startswith(("last", "dernier", "прошл")):
        while this.end is not None and this.end >= pub:
            this = season_of(this.start.year - 1, first, text)  # type: ignore[union-attr]
    elif rel.startswith(("next", "prochain", "следующ")):
        while this.start is not None and this.start <= pub:
            this = season_of(this.start.year + 1, first, text)
    return this


def weekend_period(pub: dt.date, shift: int, text: str) -> When:
    """Saturday and Sunday of the publication day's week, ``shift`` weeks on."""
    saturday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=5 + 7 * shift)
    return When(saturday, saturday + dt.timedelta(days=1), Precision.PERIOD, text)


#: A season with its year or told relative to the publication ("this fall", "cet automne", "этой осенью",
#: "à l'automne 2024", "осенью 2024 года"); a bare "in the summer" is left undated.
SEASON_PATTERNS = {
    "en": [
        r"(?P<rel>this|next|last)\s+(?P<season>SEASONS)",
        r"(?:(?:in|by)\s+)?(?:the\s+)?(?P<season>SEASONS)\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})",
    ],
    "fr": [
        r"(?:cet|ce|l'|à l')\s*(?P<season>SEASONS)\s+(?P<rel>prochain|dernier)",
        r"(?:à l'|en |au |l')\s*(?P<season>SEASONS)\s+(?P<y>(?:19|20)\d{2})",
        r"(?P<rel>cet|ce)\s+(?P<season>SEASONS)",
    ],
    "ru": [
        r"(?P<rel>этой|этим|прошлой|прошлым|следующей|следующим|нынешней|нынешним)\s+(?P<season>SEASONS)",
        r"(?P<season>SEASONS)\s+(?P<rel>этого|прошлого|следующего|текущего)\s+года",
        r"(?P<season>SEASONS)\s+(?P<y>(?:19|20)\d{2})\s+(?:года|г\.)",
    ],
}
