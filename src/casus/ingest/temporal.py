"""Dates and periods in news text, resolved against the publication date.

News dates events relative to the day it appears: "lundi", "la semaine dernière", "plus tôt cette année",
"в прошлом году", "last week". Those are resolved here by rule, in English, French and Russian, with the
ISO week (Monday first) for weeks, the most recent past weekday for a day name (the publication day
itself if it has that name) and the most recent past month for a month without a year. Absolute dates
("le 6 janvier 2022", "January 6, 2022", "6 января 2022 года") are found by the same patterns and parsed
with dateparser. Expressions like "dans le même temps" / "at the same time" are *anaphoric*: they take the
date of the previous sentence, which the extractor supplies.

Only the patterns below are looked for, so scanning a 500-word article costs a few regular-expression
passes rather than ``dateparser.search`` over every sentence (see ``benchmarks/bench_ingest.py``).

References:
    dateparser: python parser for human-readable dates. https://dateparser.readthedocs.io/
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from casus.ingest.lexicon import since_cues
from casus.ingest.model import Precision, When
from casus.ingest.periods import (
    SEASON_PATTERNS,
    SEASONS,
    day_period,
    month_part,
    month_period,
    season_period,
    week_period,
    weekday_period,
    weekend_period,
    year_period,
)

MONTHS: dict[str, dict[str, int]] = {
    "en": {
        m.lower(): i
        for i, names in enumerate(
            [
                ("january", "jan"),
                ("february", "feb"),
                ("march", "mar"),
                ("april", "apr"),
                ("may",),
                ("june", "jun"),
                ("july", "jul"),
                ("august", "aug"),
                ("september", "sept", "sep"),
                ("october", "oct"),
                ("november", "nov"),
                ("december", "dec"),
            ],
            1,
        )
        for m in names
    },
    "fr": {
        m: i
        for i, names in enumerate(
            [
                ("janvier", "janv"),
                ("février", "fevrier", "févr"),
                ("mars",),
                ("avril", "avr"),
                ("mai",),
                ("juin",),
                ("juillet", "juil"),
                ("août", "aout"),
                ("septembre", "sept"),
                ("octobre", "oct"),
                ("novembre", "nov"),
                ("décembre", "decembre", "déc"),
            ],
            1,
        )
        for m in names
    },
    "ru": {
        m: i
        for i, names in enumerate(
            [
                ("январь", "января", "январе"),
                ("февраль", "февраля", "феврале"),
                ("март", "марта", "марте"),
                ("апрель", "апреля", "апреле"),
                ("май", "мая", "мае"),
                ("июнь", "июня", "июне"),
                ("июль", "июля", "июле"),
                ("август", "августа", "августе"),
                ("сентябрь", "сентября", "сентябре"),
                ("октябрь", "октября", "октябре"),
                ("ноябрь", "ноября", "ноябре"),
                ("декабрь", "декабря", "декабре"),
            ],
            1,
        )
        for m in names
    },
}

WEEKDAYS: dict[str, dict[str, int]] = {
    "en": {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    "fr": {d: i for i, d in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"))},
    "ru": {
        d: i
        for i, ds in enumerate(
            (
                ("понедельник",),
                ("вторник",),
                ("среду", "среда"),
                ("четверг",),
                ("пятницу", "пятница"),
                ("субботу", "суббота"),
                ("воскресенье",),
            )
        )
        for d in ds
    },
}

NUMBERS: dict[str, dict[str, int]] = {
    "en": {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "dix": 10},
    "ru": {"один": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "десять": 10},
}

UNITS: dict[str, dict[str, str]] = {
    "en": {
        "day": "day",
        "days": "day",
        "week": "week",
        "weeks": "week",
        "month": "month",
        "months": "month",
        "year": "year",
        "years": "year",
    },
    "fr": {
        "jour": "day",
        "jours": "day",
        "semaine": "week",
        "semaines": "week",
        "mois": "month",
        "an": "year",
        "ans": "year",
        "année": "year",
        "années": "year",
    },
    "ru": {
        "день": "day",
        "дня": "day",
        "дней": "day",
        "неделю": "week",
        "недели": "week",
        "недель": "week",
        "месяц": "month",
        "месяца": "month",
        "месяцев": "month",
        "год": "year",
        "года": "year",
        "лет": "year",
    },
}


@dataclass(frozen=True)
class TimeExpression:
    """A date expression found in a text.

    Attributes:
        start: Offset of its first character.
        end: Offset after its last character.
        when: Its resolution (``None`` for an anaphoric expression such as "dans le même temps").
        explicit: True when it names a calendar date, month or year rather than a relative one.
        future: Its resolution for an event told in the future tense, when that differs: a day name, a
            day and month or a month without a year is then the *next* such day or month ("the summit will
            open on Thursday", "вступит 4 апреля"), not the last one.
        unresolved: True for a relative expression the article gives no publication date to resolve.
        since: True when a "since" cue of its language introduces it ("since its creation in 1949", "depuis
            2015", "с 10 ноября 2020 года"; the cues are :func:`casus.ingest.lexicon.since_cues`): it tells
            when a lasting state began, which dates the act that began it and no other one beside it.
    """

    start: int
    end: int
    when: When | None
    explicit: bool = False
    future: When | None = None
    unresolved: bool = False
    since: bool = False


# ------------------------------------------------------------------ resolving against the publication date
def _past_month(month: int, pub: dt.date, text: str) -> When:
    year = pub.year if month <= pub.month else pub.year - 1
    return month_period(year, month, text)


def _past_day(month: int, day: int, pub: dt.date) -> dt.date | None:
    """The latest date on or before ``pub`` with this month and day (29 February: the last leap year)."""
    for year in range(pub.year, pub.year - 8, -1):
        try:
            out = dt.date(year, month, day)
        except ValueError:
            continue
        if out <= pub:
            return out
    return None


def _next_day(month: int, day: int, pub: dt.date) -> dt.date | None:
    """The earliest date on or after ``pub`` with this month and day."""
    for year in range(pub.year, pub.year + 8):
        try:
            out = dt.date(year, month, day)
        except ValueError:
            continue
        if out >= pub:
            return out
    return None


def _named_day(month: int, day: int, weekday: int, pub: dt.date) -> dt.date | None:
    """The day and month nearest ``pub`` that falls on ``weekday``.

    "Dimanche 15 décembre" published on Saturday 14 December 2024 is the next day, "Wednesday, November 22"
    published in November 2023 the 22nd of that month; the last such day when the weekday fits no year around
    publication.
    """
    fits = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            out = dt.date(year, month, day)
        except ValueError:
            continue
        if out.weekday() == weekday:
            fits.append(out)
    return min(fits, key=lambda d: abs((d - pub).days)) if fits else _past_day(month, day, pub)


def _future(kind: str, m: re.Match[str], lang: str, pub: dt.date) -> When | None:
    """The forward resolution of a day name, a day and month, or a month without a year."""
    text = m.group(0)
    if kind == "wd" and not m.groupdict().get("last") and not text.lower().startswith("last"):
        weekday = WEEKDAYS[lang][m.group("wd").lower()]
        return day_period(pub + dt.timedelta(days=(weekday - pub.weekday()) % 7), text)
    month = MONTHS[lang].get((m.groupdict().get("m") or "").lower().rstrip("."))
    if kind == "dm" and month:
        day = _next_day(month, int(m.group("d").replace("1er", "1")), pub)
        return day_period(day, text) if day else None
    if kind == "m" and month:
        return month_period(pub.year if month >= pub.month else pub.year + 1, month, text)
    if kind == "dd" and month and not m.groupdict().get("y"):  # "du 19 au 21 mai", "qui se déroulera"
        last = _next_day(month, int(m.group("d2")), pub)
        first = int(m.group("d").replace("1er", "1"))
        return When(last.replace(day=first), last, Precision.PERIOD, text) if last and first < last.day else None
    return None


def _shift(pub: dt.date, n: int, unit: str, text: str) -> When:
    if unit == "day":
        return day_period(pub - dt.timedelta(days=n), text)
    if unit == "week":
        day = pub - dt.timedelta(weeks=n)
        return week_period(day - dt.timedelta(days=day.weekday()), text)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 - n
        return month_period(index // 12, index % 12 + 1, text)
    return year_period(pub.year - n, text)


def _relative(kind: str, pub: dt.date, text: str) -> When | None:
    monday = pub - dt.timedelta(days=pub.weekday())
    first = pub.replace(day=1)
    table: dict[str, Callable[[], When | None]] = {
        "today": lambda: day_period(pub, text),
        "now": lambda: day_period(pub, text),
        "yesterday": lambda: day_period(pub - dt.timedelta(days=1), text),
        "day_before_yesterday": lambda: day_period(pub - dt.timedelta(days=2), text),
        "last_week": lambda: week_period(monday - dt.timedelta(days=7), text),
        "this_week": lambda: When(monday, pub, Precision.PERIOD, text),
        "earlier_this_week": lambda: When(monday, max(monday, pub - dt.timedelta(days=1)), Precision.PERIOD, text),
        "next_week": lambda: week_period(monday + dt.timedelta(days=7), text),
        "last_month": lambda: _shift(pub, 1, "month", text),
        "this_month": lambda: When(first, pub, Precision.PERIOD, text),
        "next_month": lambda: _shift(pub, -1, "month", text),
        "last_year": lambda: year_period(pub.year - 1, text),
        "earlier_this_year": lambda: When(dt.date(pub.year, 1, 1), pub, Precision.PERIOD, text),
        "this_year": lambda: year_period(pub.year, text),
        "later_this_year": lambda: When(pub, dt.date(pub.year, 12, 31), Precision.PERIOD, text),
        "next_year": lambda: year_period(pub.year + 1, text),
        "recently": lambda: When(None, pub, Precision.UNDATED, text),  # too vague to date (G85)
        "same_time": lambda: None,
        "this_weekend": lambda: weekend_period(pub, 0, text),
        "last_weekend": lambda: weekend_period(pub, -1 if pub.weekday() < 5 else 0, text),
        "next_weekend": lambda: weekend_period(pub, 1, text),
    }
    return table[kind]()


# ------------------------------------------------------------------ patterns
#: A year named relative to publication after a month: "in November last year", "en novembre de l'année
#: dernière", "в ноябре прошлого года" is that month of the year before (this year, next year likewise).
_YEAR_WORDS = {
    "en": r"last\s+year|this\s+year|next\s+year|the\s+previous\s+year",
    "fr": r"l'(?:année|an)\s+(?:dernière|dernier|passée|passé|prochaine|prochain)|cette\s+année",
    "ru": r"(?:прошлого|минувшего|предыдущего|этого|текущего|следующего)\s+года",
}


def _year_shift(words: str) -> int:
    """-1, 0 or 1: the year a relative year phrase names, from publication."""
    w = words.lower()
    if any(k in w for k in ("last", "previous", "derni", "pass", "прошл", "минувш", "предыдущ")):
        return -1
    return 1 if any(k in w for k in ("next", "prochain", "следующ")) else 0


_RELATIVE: dict[str, list[tuple[str, str]]] = {
    "fr": [
        (r"avant-hier", "day_before_yesterday"),
        (r"hier", "yesterday"),
        (r"aujourd'hui|à l'heure actuelle|actuellement|à présent", "now"),
        (r"ce matin|cet après-midi|ce soir", "today"),  # "C'est ce qu'a fait savoir ce matin la KCNA"
        (r"(?:la|cette) semaine (?:dernière|passée)", "last_week"),
        (r"plus tôt cette semaine", "earlier_this_week"),
        (r"cette semaine", "this_week"),
        (r"la semaine prochaine", "next_week"),
        (r"(?:le|ce) week-?end (?:dernier|passé)", "last_weekend"),
        (r"(?:le|ce) week-?end prochain", "next_weekend"),
        (r"ce week-?end", "this_weekend"),
        (r"le mois (?:dernier|passé)", "last_month"),
        (r"(?:plus tôt |au début de |en début de )?ce mois(?:-ci)?", "this_month"),
        (r"le mois prochain", "next_month"),
        (r"l'(?:année|an) (?:dernière|dernier|passée|passé)", "last_year"),
        (r"plus tôt (?:cette année|dans l'année)|(?:au|en) début (?:de cette année|d'année)", "earlier_this_year"),
        (r"plus tard (?:cette année|dans l'année)|d'ici (?:la )?fin (?:de l'année|d'année)", "later_this_year"),
        (r"cette année", "this_year"),
        (r"l'(?:année|an) prochaine?", "next_year"),
        (r"récemment|ces derniers jours", "recently"),
        (r"dans le même temps|au même moment|à la même époque|à l'époque|le même jour", "same_time"),
    ],
    "en": [
        (r"the day before yesterday", "day_before_yesterday"),
        (r"yesterday(?!'s)", "yesterday"),
        (r"today(?!'s)|currently|at present|at the moment", "now"),  # "today's challenges" dates nothing
        (r"this morning|this afternoon|this evening|tonight", "today"),  # "a government meeting this morning"
        (r"last week|the previous week|the past week", "last_week"),
        (r"earlier this week", "earlier_this_week"),
        (r"this week", "this_week"),
        (r"next week", "next_week"),
        (r"last weekend|over the weekend|at the weekend", "last_weekend"),
        (r"next weekend", "next_weekend"),
        (r"this weekend", "this_weekend"),
        (r"last month|the previous month", "last_month"),
        (r"earlier this month|this month", "this_month"),
        (r"next month", "next_month"),
        (r"last year|the previous year", "last_year"),
        (r"earlier this year|at the (?:start|beginning) of (?:this|the) year", "earlier_this_year"),
        (r"later this year|by the end of the year", "later_this_year"),
        (r"this year", "this_year"),
        (r"next year", "next_year"),
        (r"recently|in recent days", "recently"),
        (r"at the same time|at that time|back then|(?:on )?(?:the|that) same day", "same_time"),
    ],
    "ru": [
        (r"позавчера", "day_before_yesterday"),
        (r"вчера", "yesterday"),
        (r"сегодня|в настоящее время|сейчас|на сегодняшний день|в эти дни", "now"),  # heldout7 decision 39
        (r"на (?:прошлой|минувшей|предыдущей) неделе", "last_week"),
        (r"ранее на этой неделе", "earlier_this_week"),  # heldout6 convention 32: Monday to the day before
        (r"на этой неделе", "this_week"),
        (r"на следующей неделе", "next_week"),
        (r"(?:в|на) прошлы[ех] выходны[ех]", "last_weekend"),
        (r"(?:в|на) следующи[ех] выходны[ех]", "next_weekend"),
        (r"(?:в|на) эти[х]? выходны[ех]|в выходные", "this_weekend"),
        (r"в (?:прошлом|минувшем|предыдущем) месяце", "last_month"),
        (r"(?:ранее |в начале )?(?:в )?этого? месяц[ае]", "this_month"),
        (r"в следующем месяце", "next_month"),
        (r"в (?:прошлом|минувшем|предыдущем) году", "last_year"),
        (r"(?:ранее|в начале) (?:в )?(?:этого|этом|текущего|текущем) год[ау]|в начале года", "earlier_this_year"),
        (r"(?:позднее|позже) в этом году|до конца (?:этого )?года", "later_this_year"),
        (r"в (?:этом|текущем) году", "this_year"),
        (r"в следующем году", "next_year"),
        (r"недавно|на днях", "recently"),
        (r"в то же время|тогда же|в тот же период|в тот же день", "same_time"),
    ],
}


#: Words joining the two ends of a range: "2006-2012", "from 3 to 15 September", "du 3 au 15", "с 3 по 15"
#: ("and" only after "between": "in 2012 and 2015" are two years, "between 2012 and 2015" one period).
_RANGE_JOIN = {"en": r"(?:-|–|—|to|until)", "fr": r"(?:-|–|—|au|à)", "ru": r"(?:-|–|—|по|до)"}
_RANGE_OPEN = {"en": r"(?:(?:in|from)\s+)?", "fr": r"(?:(?:en|de|du)\s+)?", "ru": r"(?:(?:в|с)\s+)?"}
_BETWEEN = {"en": r"between\s+", "fr": r"entre\s+(?:le\s+)?", "ru": r"между\s+"}
_AND_END = {"en": r"\s+and\s+", "fr": r"\s+et\s+(?:le\s+)?", "ru": r"\s+и\s+"}


def _ranges(lang: str, months: str) -> list[tuple[str, str]]:
    """Patterns of periods given by their two ends: years, days of one month, two full dates (English)."""
    ends = [(_RANGE_OPEN[lang], rf"\s*{_RANGE_JOIN[lang]}\s*"), (_BETWEEN[lang], _AND_END[lang])]
    year = r"(?:19|20)\d{2}"
    tail = r"(?:\s+год(?:ах|ы|а)?|\s+гг\.)?" if lang == "ru" else ""
    out = []
    for o, j in ends:
        out.append((rf"{o}(?P<y>{year}){j}(?P<y2>{year}){tail}", "yy"))
        out.append((rf"{o}(?P<d>\d{{1,2}}|1er){j}(?P<d2>\d{{1,2}})\s+(?P<m>{months})(?:\s+(?P<y>\d{{4}}))?", "dd"))
        one = _FULL_DATE[lang].replace("MONTHS", months)  # "January 29, 2025 – July 29, 2025", "du 29 janvier…"
        out.insert(0, (rf"{o}{one.format(m='m', d='d', y='y')}{j}{one.format(m='m2', d='d2', y='y2')}", "dmy2"))
    # two days named together are the meeting's two days: "les 11 et 12 juillet", "on 11 and 12 July", "11 и 12 июля"
    days = rf"(?P<d>\d{{1,2}}|1er){_AND_END[lang]}(?P<d2>\d{{1,2}})"
    pair = rf"{_PAIR_OPEN[lang]}{days}\s+(?P<m>{months})(?:\s+(?P<y>\d{{4}}))?"
    if lang == "en":  # the month first: "on July 3-4", "July 9–11, 2024"
        out.append(
            (
                rf"(?:on\s+)?(?P<m>{months})\.?\s+(?P<d>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?",
                "dd",
            )
        )
    return [*out, (pair, "dd")]


#: What may open two days named together ("les 11 et 12 juillet", "on 11 and 12 July").
_PAIR_OPEN = {"en": r"(?:on\s+)?", "fr": r"(?:les\s+)?", "ru": ""}


#: A full date as one end of a range (``{m}``, ``{d}``, ``{y}`` name its groups; MONTHS stands for the month names).
_FULL_DATE = {
    "en": r"(?P<{m}>MONTHS)\.?\s+(?P<{d}>\d{{1,2}}),?\s+(?P<{y}>\d{{4}})",
    "fr": r"(?:le\s+)?(?P<{d}>\d{{1,2}}|1er)\s+(?P<{m}>MONTHS)\s+(?P<{y}>\d{{4}})",
    "ru": r"(?P<{d}>\d{{1,2}})\s+(?P<{m}>MONTHS)\s+(?P<{y}>\d{{4}})(?:\s+года|\s+г\.)?",
}


def _range(kind: str, m: re.Match[str], lang: str, pub: dt.date) -> When | None:
    """The period of a range pattern (``yy``, ``dd``, ``dmy2``), or ``None`` when its ends are no period."""
    g = m.groupdict()
    try:
        if kind == "yy":
            start, end = dt.date(int(g["y"]), 1, 1), dt.date(int(g["y2"]), 12, 31)
        elif kind == "dmy2":
            month, month2 = MONTHS[lang][g["m"].lower().rstrip(".")], MONTHS[lang][g["m2"].lower().rstrip(".")]
            day, day2 = int(g["d"].replace("1er", "1")), int(g["d2"].replace("1er", "1"))
            start, end = dt.date(int(g["y"]), month, day), dt.date(int(g["y2"]), month2, day2)
        else:
            month = MONTHS[lang][g["m"].lower().rstrip(".")]
            d1, d2 = int(g["d"].replace("1er", "1")), int(g["d2"])
            # a range begun by publication is this year's: "the summit on 11-12 July" on 11 July 2023 is 2023
            first = dt.date(int(g["y"]), month, d1) if g.get("y") else _past_day(month, d1, pub)
            if first is None:
                return None
            start, end = first, first.replace(day=d2)
    except (ValueError, KeyError):
        return None
    return When(start, end, Precision.PERIOD, m.group(0)) if start < end else None


#: A day name after these words recurs ("its regular Wednesday session"): it dates nothing.
_RECURRING_EN = r"(?<!regular )(?<!weekly )(?<!usual )(?<!every )(?<!each )"


#: A quarter of a year: "в четвертом квартале 2023 года" (ru11-16), "au quatrième trimestre 2023", "in the fourth
#: quarter of 2023", "Q4 2023": its three months.
_QUARTERS = {
    "en": [
        r"(?:in\s+)?the\s+(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<y>\d{4})",
        r"(?:in\s+)?Q(?P<q>[1-4])\s+(?P<y>\d{4})",
    ],
    "fr": [
        r"(?:au\s+|du\s+)?(?P<q>premier|1er|deuxième|second|troisième|quatrième)\s+trimestre\s+(?:de\s+)?"
        r"(?P<y>\d{4})"
    ],
    "ru": [
        r"(?:в\s+)?(?P<q>перв|втор|трет|четв[её]рт)(?:ом|ого|ый)\s+квартал[ае]?\s+(?P<y>\d{4})(?:\s+года|\s+г\.)?",
    ],
}
_QUARTER_NUMBER = {"1": 1, "2": 2, "3": 3, "4": 4, "fi": 1, "se": 2, "th": 3, "fo": 4, "pr": 1, "de": 2, "tr": 3}
_QUARTER_NUMBER |= {"qu": 4, "пе": 1, "вт": 2, "тр": 3, "че": 4}


def _quarter(m: re.Match[str], text: str) -> When:
    """The three months of the quarter a "quarter" pattern names ("1er" and "1st" by their digit)."""
    q = _QUARTER_NUMBER[m.group("q")[0] if m.group("q")[0].isdigit() else m.group("q")[:2].lower()]
    year = int(m.group("y"))
    return When(dt.date(year, 3 * q - 2, 1), month_period(year, 3 * q, text).end, Precision.PERIOD, text)


@functools.cache
def _compiled(lang: str) -> list[tuple[re.Pattern[str], str]]:
    months = "|".join(sorted(MONTHS[lang], key=len, reverse=True))
    days = "|".join(sorted(WEEKDAYS[lang], key=len, reverse=True))
    nums = "|".join(NUMBERS[lang])
    units = "|".join(sorted(UNITS[lang], key=len, reverse=True))
    b, e = r"(?<![\w-])", r"(?![\w-])"
    pats: list[tuple[str, str]] = [(r"(?P<iso>\d{4}-\d{2}-\d{2})", "iso"), *_ranges(lang, months)]
    pats += [(p.replace("SEASONS", "|".join(SEASONS[lang])), "season") for p in SEASON_PATTERNS[lang]]
    pats += [(p, "quarter") for p in _QUARTERS[lang]]
    if lang == "fr":
        pats += [
            (rf"(?:le\s+)?(?P<d>\d{{1,2}}|1er)\s+(?P<m>{months})\.?\s+(?P<y>\d{{4}})", "dmy"),
            (rf"(?:le\s+)?(?P<d>\d{{1,2}}|1er)\s+(?P<m>{months})\s+(?:de\s+)?(?P<ry>{_YEAR_WORDS['fr']})", "dmry"),
            (rf"(?:le\s+|ce\s+)?(?P<wd>{days})\s+(?P<d>\d{{1,2}}|1er)\s+(?P<m>{months}){e}", "wdm"),
            (rf"(?:le\s+)?(?P<d>\d{{1,2}}|1er)\s+(?P<m>{months}){e}", "dm"),
            (rf"(?:(?:en|au mois de|début|fin|mi-)\s*)?(?P<m>{months})\s+(?P<y>\d{{4}})", "my"),
            (rf"(?:en\s+)?(?P<m>{months})\s+(?:de\s+)?(?P<ry>{_YEAR_WORDS['fr']})", "mry"),
            (rf"(?:(?:en|de)\s+|d')?(?P<m>{months})\s+dernier{e}", "m"),  # "du 67e sommet de juin dernier"
            (rf"(?:de\s+|d')(?P<m>{months})(?=\s+prochain)", "m"),  # "le sommet de juillet prochain"
            (rf"(?:en|au mois d'|au mois de)\s*(?P<m>{months}){e}", "m"),
            (rf"(?:(?:au\s+)?(?:début|fin|milieu)\s+(?:du\s+mois\s+)?(?:de\s+|d')?|mi-)(?P<m>{months}){e}", "m"),
            (r"(?:en|depuis|dès)\s+(?P<y>(?:19|20)\d{2})", "y"),
            (rf"(?:le\s+|ce\s+)?(?P<wd>{days})(?P<last>\s+dernier)?", "wd"),
            (rf"il y a\s+(?P<n>\d+|{nums})\s+(?P<u>{units})", "ago"),
        ]
    elif lang == "en":
        pats += [
            (rf"(?:on\s+)?(?P<m>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", "dmy"),
            (rf"(?:on\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{months})\.?,?\s+(?P<y>\d{{4}})", "dmy"),
            (rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{months})\s+(?P<ry>{_YEAR_WORDS['en']})", "dmry"),
            (rf"(?P<m>{months})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ry>{_YEAR_WORDS['en']})", "dmry"),
            (rf"(?:on\s+)?(?P<wd>{days}),?\s+(?P<m>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{e}", "wdm"),
            (rf"(?:on\s+)?(?P<wd>{days}),?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{months}){e}", "wdm"),
            (rf"(?:on\s+)?(?P<m>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{e}", "dm"),
            (rf"(?:on\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{months}){e}", "dm"),
            (rf"(?:(?:in|since|early|late|mid-)\s*)?(?P<m>{months})\s+(?P<y>\d{{4}})", "my"),
            (rf"(?:in\s+)?(?P<m>{months})\s+(?:of\s+)?(?P<ry>{_YEAR_WORDS['en']})", "mry"),
            (rf"(?:last|this\s+past)\s+(?P<m>{months}){e}", "m"),  # "the summit last June"
            (rf"in\s+(?P<m>{months}){e}", "m"),
            (rf"(?:(?:at|by|in)\s+the\s+)?(?:end|beginning|start|middle)\s+of\s+(?P<m>{months}){e}", "m"),
            (rf"(?:early|late|mid-)\s*(?P<m>{months}){e}", "m"),
            (r"(?:in|since|by)\s+(?P<y>(?:19|20)\d{2})", "y"),
            (rf"{_RECURRING_EN}(?:on\s+|last\s+)?(?P<wd>{days})", "wd"),
            (rf"(?P<n>\d+|{nums})\s+(?P<u>{units})\s+ago", "ago"),
        ]
    else:
        pats += [
            (rf"(?P<d>\d{{1,2}})\s+(?P<m>{months})\s+(?P<y>\d{{4}})(?:\s+года|\s+г\.)?", "dmy"),
            (rf"(?P<d>\d{{1,2}})\s+(?P<m>{months})\s+(?P<ry>{_YEAR_WORDS['ru']})", "dmry"),
            (rf"(?:(?:в|во)\s+)?(?P<wd>{days}),?\s+(?P<d>\d{{1,2}})\s+(?P<m>{months}){e}", "wdm"),
            (rf"(?P<d>\d{{1,2}})\s+(?P<m>{months}){e}", "dm"),
            (rf"(?:в\s+(?:конце|начале|середине)\s+|в\s+)?(?P<m>{months})\s+(?P<y>\d{{4}})(?:\s+года|\s+г\.)?", "my"),
            (rf"(?:в\s+)?(?P<m>{months})\s+(?P<ry>{_YEAR_WORDS['ru']})", "mry"),
            (rf"в\s+(?P<m>{months}){e}", "m"),
            (rf"в\s+(?:конце|начале|середине)\s+(?P<m>{months}){e}", "m"),
            (r"(?:в|с)\s+(?P<y>(?:19|20)\d{2})(?:\s+год[ау]?|\s+г\.)?", "y"),
            (r"(?P<y>(?:19|20)\d{2})\s+год[ау]?", "y"),
            (rf"(?:в|во)\s+(?P<last>прошл(?:ый|ую|ое)\s+|минувш(?:ий|ую|ее)\s+)?(?P<wd>{days})", "wd"),
            (rf"(?P<n>\d+|{nums})\s+(?P<u>{units})\s+назад", "ago"),
        ]
    pats += [(p, f"rel:{kind}") for p, kind in _RELATIVE[lang]]
    flags = re.IGNORECASE | re.UNICODE
    return [(re.compile(b + p + e, flags), kind) for p, kind in pats]


@functools.lru_cache(maxsize=4096)
def _absolute(text: str, lang: str) -> dt.date | None:
    import dateparser

    parsed = dateparser.parse(
        text, languages=[lang], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def _resolve(kind: str, m: re.Match[str], lang: str, pub: dt.date) -> tuple[When | None, bool] | None:
    text = m.group(0)
    if kind == "iso":
        try:
            return day_period(dt.date.fromisoformat(m.group("iso")), text), True
        except ValueError:
            return None
    if kind.startswith("rel:"):
        return _relative(kind[4:], pub, text), False
    if kind == "season":
        return season_period(m, lang, pub), bool(m.groupdict().get("y"))
    if kind == "quarter":
        return _quarter(m, text), True
    if kind in ("yy", "dd", "dmy2"):
        period = _range(kind, m, lang, pub)
        return (period, True) if period else None
    if kind == "dmy":
        day = _absolute(text.replace("1er", "1"), lang)
        return (day_period(day, text), True) if day else None
    month = MONTHS[lang].get(m.group("m").lower().rstrip(".")) if "m" in m.groupdict() and m.group("m") else None
    if kind == "wdm" and month:
        day = _named_day(month, int(m.group("d").replace("1er", "1")), WEEKDAYS[lang][m.group("wd").lower()], pub)
        return (day_period(day, text), True) if day else None
    if kind == "dm" and month:
        d = int(m.group("d").replace("1er", "1"))
        day = _past_day(month, d, pub)
        return (day_period(day, text), True) if day else None
    if kind == "my" and month:
        return month_period(int(m.group("y")), month, text), True
    if kind == "dmry" and month:  # "by 15 July this year" (en6-01), "24 января этого года"
        try:
            day = dt.date(pub.year + _year_shift(m.group("ry")), month, int(m.group("d").replace("1er", "1")))
        except ValueError:
            return None
        return day_period(day, text), False
    if kind == "mry" and month:  # "in November last year", "en novembre de l'année dernière", "в ноябре прошлого года"
        return month_period(pub.year + _year_shift(m.group("ry")), month, text), False
    if kind == "m" and month:
        return _past_month(month, pub, text), True
    if kind == "y":
        return year_period(int(m.group("y")), text), True
    if kind == "wd":
        weekday = WEEKDAYS[lang][m.group("wd").lower()]
        last = bool(m.groupdict().get("last")) or text.lower().startswith("last")
        return weekday_period(weekday, pub, text, strictly_before=last), False
    if kind == "ago":
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else NUMBERS[lang][raw]
        return _shift(pub, n, UNITS[lang][m.group("u").lower()], text), False
    return None


#: A word after a yearless date that makes it the next such one: "les 11 et 12 juillet prochains".
_NEXT = {
    "en": re.compile(r"(?!)"),
    "fr": re.compile(r"\s+prochaine?s?(?![\w-])", re.IGNORECASE),
    "ru": re.compile(r"(?!)"),
}

#: Kinds that need the publication date to be resolved at all.
_RELATIVE_KINDS = ("dm", "wdm", "m", "wd", "ago", "mry", "dmry")


def find_dates(text: str, lang: str, published: dt.date | None, *, offset: int = 0) -> list[TimeExpression]:
    """Every date expression in ``text``, resolved against ``published``, left to right, not overlapping.

    Args:
        text: A sentence or a whole article.
        lang: ``en``, ``fr`` or ``ru``.
        published: The publication date relative expressions refer to; ``None`` when the article has none:
            then only absolute dates ("6 January 2022", "in 1992") are resolved, and relative ones
            ("on Saturday", "last week", "в прошлом году") are left out rather than read against today.
        offset: Added to the offsets (when ``text`` is a slice of a document).

    >>> pub = dt.date(2024, 6, 25)
    >>> [(e.when.start, e.when.end) for e in find_dates("Il a déclaré lundi", "fr", pub) if e.when]
    [(datetime.date(2024, 6, 24), datetime.date(2024, 6, 24))]
    >>> w = find_dates("plus tôt cette année", "fr", pub)[0].when
    >>> w.start, w.end, w.precision.value
    (datetime.date(2024, 1, 1), datetime.date(2024, 6, 25), 'period')
    >>> find_dates("в прошлом году", "ru", pub)[0].when.start
    datetime.date(2023, 1, 1)
    """
    found: list[tuple[TimeExpression, str, re.Match[str]]] = []
    norm = text.replace("’", "'")
    # One byte per character marks what an earlier pattern took: the overlap check costs the match's length,
    # so the whole scan stays linear in the text (a list of taken spans made it quadratic).
    taken = bytearray(len(norm))
    for pattern, kind in _compiled(lang):
        for m in pattern.finditer(norm):
            s, e = m.span()
            if taken.find(1, s, e) >= 0:
                continue
            relative = (
                kind in _RELATIVE_KINDS or kind.startswith("rel:") or (kind == "season" and not m.groupdict().get("y"))
            )
            if published is None and relative:
                taken[s:e] = b"\x01" * (e - s)  # not resolvable without a publication date
                found.append((TimeExpression(s + offset, e + offset, None, unresolved=True), kind, m))
                continue
            pub = published or dt.date.min
            resolved = _resolve(kind, m, lang, pub)
            if resolved is None:
                continue
            when, explicit = resolved
            taken[s:e] = b"\x01" * (e - s)
            future = _future(kind, m, lang, pub) if kind in ("wd", "dm", "dd", "m") else None
            ahead = _NEXT[lang].match(norm, e) if future is not None else None
            if ahead:  # "les 11 et 12 juillet prochains", "en juillet prochain": the next ones, whatever the tense
                when, future, e = future, None, ahead.end()
                taken[s:e] = b"\x01" * (e - s)
            if kind in ("m", "my"):
                when, future = month_part(when), month_part(future)
            since = kind not in _RANGE_KINDS and _is_since(norm, s, lang)
            expr = TimeExpression(
                s + offset, e + offset, when, explicit, future if future != when else None, since=since
            )
            found.append((expr, kind, m))
    found.sort(key=lambda f: f[0].start)
    return _named_again(_lend_years(found, norm, lang, offset))


#: Kinds of expression that are a period with both its ends ("с 3 по 15 сентября"): never a "since".
_RANGE_KINDS = frozenset(["yy", "dd", "dmy2"])


@functools.cache
def _since_pattern(lang: str) -> re.Pattern[str]:
    """A "since" cue of ``lang`` at the end of a text, with the words it allows before the date."""
    alts = [
        r"\s+".join(map(re.escape, cue.split())) + rf"(?:\s+[^\s.;:!?]+){{0,{gap}}}"
        for cue, gap in sorted(since_cues(lang), key=lambda c: -len(c[0]))
    ]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})\s*$", re.IGNORECASE)


def _is_since(text: str, s: int, lang: str) -> bool:
    """Whether the date expression at ``s`` (or the cue it starts with) is introduced by a "since" cue.

    >>> _is_since("член НАТО с 2004 года", 10, "ru"), _is_since("встреча с Путиным 10 мая", 18, "ru")
    (True, False)
    """
    before = text[max(0, s - 60) : s]
    first = re.match(r"\S+\s+", text[s : s + 20])  # "since 2021", "depuis 2015", "с 2015 года": the cue matched
    pattern = _since_pattern(lang)
    return bool(pattern.search(before) or (first and pattern.search(before + first.group(0))))


def _named_again(found: list[TimeExpression]) -> list[TimeExpression]:
    """A day or range of days without a year that repeats one named earlier with its year is that one.

    "The next NATO summit will be held in Ankara on July 7-8, 2026. … 'for hosting the NATO summit in Ankara
    on July 7-8'" is 7–8 July 2026, not the last July before publication.
    """
    seen: dict[tuple[int, int, int, int], When] = {}
    out = []
    for expr in found:
        w = expr.when
        if w is None or w.start is None or w.end is None or w.precision not in (Precision.DAY, Precision.PERIOD):
            out.append(expr)
            continue
        key = (w.start.month, w.start.day, w.end.month, w.end.day)
        if re.search(r"\d{4}", w.text):
            seen.setdefault(key, w)
        elif re.search(r"\d", w.text) and key in seen and seen[key] != w:
            expr = replace(expr, when=replace(seen[key], text=w.text), future=None)
        out.append(expr)
    return out


#: Kinds of date that name no year, and kinds that name one year a yearless date after them may take.
_YEARLESS, _LENDERS = ("dm", "dd", "m"), ("dmy", "my", "y")


def _lend_years(
    found: list[tuple[TimeExpression, str, re.Match[str]]], text: str, lang: str, offset: int
) -> list[TimeExpression]:
    """A day or month without a year takes the year of the date just before it in the same sentence.

    "В феврале 2024 года Ереван объявил о «заморозке» участия …, а в мае отказался" is May 2024, and "Саммит
    НАТО в 2026 году состоится 7–8 июля" is 7–8 July 2026 (convention 23 of the fifth held-out set); a bare
    year that lent its year to the day after it says nothing more and is dropped.
    """
    out: list[TimeExpression] = []
    lender: tuple[TimeExpression, str, re.Match[str]] | None = None
    for expr, kind, m in found:
        between = text[lender[0].end - offset : expr.start - offset] if lender else ""
        year = lender[0].when.start.year if lender and lender[0].when and lender[0].when.start else None
        near = lender is not None and (lender[1] != "y" or _same_clause(between))  # not "Founded in 1949, …"
        if year and near and kind in _YEARLESS and not re.search(r"[.!?;]\s|\n", between) and expr.when is not None:
            lent = _with_year(kind, m, lang, year, expr.when)
            if lent is not None:
                if lender and lender[1] == "y" and out and out[-1] is lender[0]:
                    out.pop()
                out.append(replace(expr, when=lent, future=None))
                lender = None
                continue
        out.append(expr)
        lender = (expr, kind, m) if kind in _LENDERS and not expr.since else None
    return out


def _same_clause(between: str) -> bool:
    """Whether a bare year and a yearless date after it are in one clause: a few words, no comma between.

    "Саммит НАТО в 2025 году состоится в нидерландском городе Гаага с 24 по 26 июня" (the summit's days are in
    2025), but not "Founded in 1949, the alliance …".
    """
    return len(between.split()) <= 2 or ("," not in between and len(between.split()) <= 6)


def _with_year(kind: str, m: re.Match[str], lang: str, year: int, when: When) -> When | None:
    """A yearless day, range of days or month read in ``year``."""
    month = MONTHS[lang][m.group("m").lower().rstrip(".")]
    try:
        if kind == "m":
            return month_part(month_period(year, month, when.text))
        last = dt.date(year, month, int(m.group("d2" if kind == "dd" else "d").replace("1er", "1")))
    except ValueError:
        return None
    if kind == "dm":
        return day_period(last, when.text)
    return When(last.replace(day=int(m.group("d").replace("1er", "1"))), last, Precision.PERIOD, when.text)


def undated(published: dt.date | None) -> When:
    """The period of an event the text gives no date for: on or before publication."""
    return When(None, published, Precision.UNDATED, "")
