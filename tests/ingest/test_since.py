"""One "since" flag on the time expression: set by the cues of ``data/since_cues.csv``, read by every rule."""

import datetime as dt

from casus.ingest.lexicon import since_cues
from casus.ingest.temporal import find_dates
from casus.kb.events import EventType as T

PUB = dt.date(2025, 9, 10)


def _flags(text: str, lang: str) -> list[tuple[str, bool]]:
    return [(e.when.text, e.since) for e in find_dates(text, lang, PUB) if e.when is not None]


def test_each_language_has_its_cues_with_the_words_they_allow_before_the_date():
    assert ("since", 3) in since_cues("en")
    assert ("depuis", 3) in since_cues("fr")
    assert ("с", 0) in since_cues("ru")  # also "with": only right before the date


def test_since_flags_a_year_a_day_and_a_month_in_the_three_languages():
    assert _flags("This marks the eighth time Article 4 has been invoked since NATO's creation in 1949", "en") == [
        ("in 1949", True)
    ]
    assert _flags("Au début en tant qu'État partenaire, et depuis 2015 en tant qu'observateur.", "fr") == [
        ("depuis 2015", True)
    ]
    assert _flags("Российские миротворцы находились в Карабахе с 10 ноября 2020 года.", "ru") == [
        ("10 ноября 2020 года", True)
    ]


def test_a_date_without_a_since_cue_or_after_russian_with_is_not_flagged():
    assert _flags("Sweden formally joined NATO on 7 March 2024.", "en") == [("on 7 March 2024", False)]
    assert _flags("Пашинян встретился с Путиным 10 мая.", "ru") == [("10 мая", False)]
    assert _flags("Учения прошли с 3 по 15 сентября.", "ru") == [("с 3 по 15 сентября", False)]


def test_a_since_year_lends_no_year_to_a_month_after_it():
    found = find_dates("La Biélorussie est observatrice depuis 2015 et en juillet elle a adhéré.", "fr", PUB)
    july = next(e for e in found if "juillet" in e.when.text)  # type: ignore[union-attr]
    assert july.when is not None and july.when.start == dt.date(2025, 7, 1)


def test_a_founding_named_inside_the_since_phrase_is_dated_by_it(read):
    a = read(
        "Since its founding in 2001, the SCO has expanded from six to 10 member states, now representing nearly "
        "half the world's population.",
        "en",
        "2025-08-30",
    )
    founded = [e for e in a.events if e.type is T.FOUNDING]
    assert founded and founded[0].when.start == dt.date(2001, 1, 1)


def test_a_count_since_a_year_lists_no_date_of_an_invocation(read):
    a = read(
        "Poland invoked Article 4 on Wednesday. This marks the eighth time Article 4 has been invoked since "
        "NATO's creation in 1949.",
        "en",
        "2025-09-10",
    )
    assert all(e.when.start is None or e.when.start.year != 1949 for e in a.events if e.type is T.INVOCATION)
