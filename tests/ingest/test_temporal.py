import datetime as dt

import pytest

from casus.ingest.model import Precision
from casus.ingest.temporal import find_dates, undated

PUB = dt.date(2024, 6, 25)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "lang", "start", "end", "precision"),
    [
        ("Il a déclaré lundi", "fr", "2024-06-24", "2024-06-24", Precision.DAY),
        ("la semaine dernière", "fr", "2024-06-17", "2024-06-23", Precision.WEEK),
        ("plus tôt cette année", "fr", "2024-01-01", "2024-06-25", Precision.PERIOD),
        ("En janvier 2022", "fr", "2022-01-01", "2022-01-31", Precision.MONTH),
        ("le 6 janvier 2022", "fr", "2022-01-06", "2022-01-06", Precision.DAY),
        ("créée en 1992", "fr", "1992-01-01", "1992-12-31", Precision.YEAR),
        ("mardi dernier", "fr", "2024-06-18", "2024-06-18", Precision.DAY),
        ("il y a deux semaines", "fr", "2024-06-10", "2024-06-16", Precision.WEEK),
        ("en mars", "fr", "2024-03-01", "2024-03-31", Precision.MONTH),
        ("en septembre", "fr", "2023-09-01", "2023-09-30", Precision.MONTH),
        ("last week", "en", "2024-06-17", "2024-06-23", Precision.WEEK),
        ("on Monday", "en", "2024-06-24", "2024-06-24", Precision.DAY),
        ("earlier this year", "en", "2024-01-01", "2024-06-25", Precision.PERIOD),
        ("on January 6, 2022", "en", "2022-01-06", "2022-01-06", Precision.DAY),
        ("3 days ago", "en", "2024-06-22", "2024-06-22", Precision.DAY),
        ("last year", "en", "2023-01-01", "2023-12-31", Precision.YEAR),
        ("в прошлом году", "ru", "2023-01-01", "2023-12-31", Precision.YEAR),
        ("в понедельник", "ru", "2024-06-24", "2024-06-24", Precision.DAY),
        ("на прошлой неделе", "ru", "2024-06-17", "2024-06-23", Precision.WEEK),
        ("6 января 2022 года", "ru", "2022-01-06", "2022-01-06", Precision.DAY),
        ("в январе 2022 года", "ru", "2022-01-01", "2022-01-31", Precision.MONTH),
        ("ранее в этом году", "ru", "2024-01-01", "2024-06-25", Precision.PERIOD),
    ],
)
def test_expressions_resolve_against_publication_date(text, lang, start, end, precision):
    found = [e for e in find_dates(text, lang, PUB) if e.when is not None]
    assert len(found) == 1
    when = found[0].when
    assert (when.start.isoformat(), when.end.isoformat(), when.precision) == (start, end, precision)


def test_weekday_of_publication_day_is_that_day():
    assert find_dates("mardi", "fr", PUB)[0].when.start == PUB


def test_anaphoric_expression_has_no_date_of_its_own():
    found = find_dates("Dans le même temps, les membres ont refusé", "fr", PUB)
    assert [(e.start, e.end, e.when) for e in found] == [(0, 18, None)]


def test_offsets_point_into_the_text():
    text = "Le sommet s'est tenu au Kazakhstan la semaine dernière."
    (expr,) = find_dates(text, "fr", PUB, offset=100)
    assert text[expr.start - 100 : expr.end - 100] == "la semaine dernière"


def test_undated_means_on_or_before_publication():
    assert (undated(PUB).start, undated(PUB).end, undated(PUB).precision) == (None, PUB, Precision.UNDATED)


@pytest.mark.parametrize(
    ("text", "lang", "published", "day"),
    [
        # the year before publication is no leap year: this crashed with "day is out of range for month"
        ("le 29 février", "fr", dt.date(2024, 2, 10), dt.date(2020, 2, 29)),
        # publication year is no leap year: the last 29 February is the year before, not "no date"
        ("on February 29", "en", dt.date(2025, 3, 1), dt.date(2024, 2, 29)),
        ("29 февраля", "ru", dt.date(2023, 5, 1), dt.date(2020, 2, 29)),
        ("le 29 février", "fr", dt.date(2024, 3, 1), dt.date(2024, 2, 29)),
    ],
)
def test_29_february_without_a_year_is_the_last_one_before_publication(text, lang, published, day):
    (found,) = find_dates(text, lang, published)
    assert found.when is not None
    assert (found.when.start, found.when.end, found.when.precision) == (day, day, Precision.DAY)


def test_overlapping_patterns_keep_the_first_match_even_in_a_long_repetitive_text():
    one = "L'Arménie a gelé sa participation le 23 février 2024, en février 2024. "
    found = find_dates(one * 2000, "fr", PUB)
    assert len(found) == 4000  # "le 23 février 2024" (not also "février 2024" inside it) and "en février 2024"
    assert {(e.when.start, e.when.end) for e in found if e.when} == {
        (dt.date(2024, 2, 23), dt.date(2024, 2, 23)),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    }


# ------------------------------------------------------------------ both directions, and no publication date (#10)
def test_future_resolution_of_day_names_dates_and_months() -> None:
    pub = dt.date(2023, 4, 3)  # a Monday
    (wd,) = find_dates("во вторник", "ru", pub)
    assert (wd.when.start, wd.future.start) == (dt.date(2023, 3, 28), dt.date(2023, 4, 4))
    (dm,) = find_dates("on November 28", "en", dt.date(2024, 11, 20))
    assert (dm.when.start, dm.future.start) == (dt.date(2023, 11, 28), dt.date(2024, 11, 28))
    (m,) = find_dates("en juillet", "fr", dt.date(2024, 6, 6))
    assert (m.when.start, m.future.start) == (dt.date(2023, 7, 1), dt.date(2024, 7, 1))
    (same,) = find_dates("jeudi", "fr", dt.date(2024, 3, 7))  # a Thursday: today either way
    assert same.when.start == dt.date(2024, 3, 7) and same.future is None


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    found = find_dates("Armenia left on Saturday, 6 January 2022, last week, in 1999.", "en", None)
    resolved = [(t.when.start, t.when.end) for t in found if t.when is not None]
    assert resolved == [(dt.date(2022, 1, 6), dt.date(2022, 1, 6)), (dt.date(1999, 1, 1), dt.date(1999, 12, 31))]
    assert sum(t.unresolved for t in found) == 2  # "on Saturday" and "last week": never read against today


def test_the_end_start_or_middle_of_a_month_is_that_part_of_it():
    pub = dt.date(2024, 10, 30)
    for text, lang in [("at the end of December", "en"), ("fin décembre", "fr"), ("в конце декабря", "ru")]:
        (t,) = find_dates(f"Le sommet: {text}.", lang, pub)
        assert (t.when.start, t.when.end) == (dt.date(2023, 12, 21), dt.date(2023, 12, 31))  # the last December
        assert (t.future.start, t.future.end) == (dt.date(2024, 12, 21), dt.date(2024, 12, 31))  # told in the future
    for text, lang in [("in early February", "en"), ("début février", "fr"), ("в начале февраля", "ru")]:
        (t,) = find_dates(text, lang, pub)
        assert (t.when.start, t.when.end) == (dt.date(2024, 2, 1), dt.date(2024, 2, 10))
    for text, lang in [("mid-June 2024", "en"), ("mi-juin 2024", "fr"), ("в середине июня 2024 года", "ru")]:
        (t,) = find_dates(text, lang, pub)
        assert (t.when.start, t.when.end) == (dt.date(2024, 6, 11), dt.date(2024, 6, 20))


def test_the_end_of_a_month_in_a_real_sentence():
    # 360.ru, 2025-08-19 (development set 5, ru5-09); convention 23: "в конце июня" is 21-30 June
    (t,) = find_dates("В конце июня в Гааге прошел саммит НАТО.", "ru", dt.date(2025, 8, 19))
    assert (t.when.start, t.when.end) == (dt.date(2025, 6, 21), dt.date(2025, 6, 30))


@pytest.mark.parametrize(
    ("text", "lang", "published", "start", "end"),
    [
        # Newsmax, 2025-08-30 (development set 5, en5-05)
        (
            "Trump is reportedly planning to skip the upcoming Quad summit this fall",
            "en",
            "2025-08-30",
            "2025-09-01",
            "2025-11-30",
        ),
        ("Russia said it would hold the drills last summer.", "en", "2024-10-30", "2024-06-01", "2024-08-31"),
        ("Le sommet se tiendra à l'automne 2024.", "fr", "2024-03-01", "2024-09-01", "2024-11-30"),
        ("Les dirigeants se rencontreront cet automne.", "fr", "2025-08-30", "2025-09-01", "2025-11-30"),
        ("Саммит пройдет этой осенью.", "ru", "2025-08-30", "2025-09-01", "2025-11-30"),
        ("Армения вышла из учений осенью 2024 года.", "ru", "2025-08-30", "2024-09-01", "2024-11-30"),
        # Boursier.com (Reuters), 2023-05-17 (development set 5, fr5-10); convention 23: Saturday-Sunday
        (
            "les dirigeants du Quad se rencontreraient ce week-end au Japon",
            "fr",
            "2023-05-17",
            "2023-05-20",
            "2023-05-21",
        ),
        ("The leaders will meet this weekend.", "en", "2023-05-17", "2023-05-20", "2023-05-21"),
        ("Лидеры встретятся в эти выходные.", "ru", "2023-05-17", "2023-05-20", "2023-05-21"),
    ],
)
def test_seasons_and_weekends(text, lang, published, start, end):
    (t,) = [t for t in find_dates(text, lang, dt.date.fromisoformat(published)) if t.when]
    assert (t.when.start.isoformat(), t.when.end.isoformat()) == (start, end)


def test_a_day_or_month_without_a_year_takes_the_year_told_just_before_it():
    # 360.ru, 2025-08-19 (development set 5, ru5-09): the bare year lent to the days is dropped
    (t,) = find_dates("Саммит НАТО в 2026 году состоится 7–8 июля в Анкаре.", "ru", dt.date(2025, 8, 19))
    assert (t.when.start, t.when.end) == (dt.date(2026, 7, 7), dt.date(2026, 7, 8))
    # Kommersant, 2025-10-02 (development set 5, ru5-14): "а в мае" continues "В феврале 2024 года"
    text = (
        "В феврале 2024 года Ереван объявил о «заморозке» участия в организации, а в мае отказался от ее финансирования"
    )
    _, may = find_dates(text, "ru", dt.date(2025, 10, 2))
    assert (may.when.start, may.when.end) == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    # a year further away is not lent: "Founded in 1949" does not date "on 12 July"
    found = find_dates("Founded in 1949, the alliance met on 12 July.", "en", dt.date(2024, 10, 30))
    assert found[-1].when.start == dt.date(2024, 7, 12)


def test_a_range_of_days_begun_by_publication_is_this_years():
    # Delfi, 2023-07-11 (development set 10, en10-02): the summit's first day is the publication day
    (t,) = find_dates("in Vilnius for the summit on 11-12 July", "en", dt.date(2023, 7, 11))
    assert (t.when.start, t.when.end) == (dt.date(2023, 7, 11), dt.date(2023, 7, 12))
    (t,) = find_dates("des exercices du 3 au 15 septembre", "fr", dt.date(2024, 9, 2))
    assert (t.when.start, t.when.end) == (dt.date(2023, 9, 3), dt.date(2023, 9, 15))


def test_a_range_of_days_told_in_the_future_is_the_next_one():
    # Boursier.com (Reuters), 2023-05-17 (development set 5, fr5-10)
    text = "au sommet qui se déroulera du 19 au 21 mai à Hiroshima"
    (t,) = find_dates(text, "fr", dt.date(2023, 5, 17))
    assert (t.future.start, t.future.end) == (dt.date(2023, 5, 19), dt.date(2023, 5, 21))


@pytest.mark.parametrize(
    ("text", "lang", "published", "start", "end"),
    [
        # 24.kg, 2024-02-23 (development set 3, en3-03)
        ("Uzbekistan temporarily returned to the CSTO in 2006-2012.", "en", "2024-02-23", "2006-01-01", "2012-12-31"),
        # RBC, 2024-11-26 (development set 4, ru4-02)
        (
            "Ранее Армения отказалась участвовать в учениях ОДКБ, который прошли в Киргизии с 3 по 15 сентября.",
            "ru",
            "2024-11-26",
            "2024-09-03",
            "2024-09-15",
        ),
        # Daily Post, 2024-12-15 (development set 4, en4-15)
        (
            "Touray said ECOWAS has now set the countries' exit at January 29, 2025 – July 29, 2025.",
            "en",
            "2024-12-15",
            "2025-01-29",
            "2025-07-29",
        ),
        ("L'Ouzbékistan est revenu dans l'OTSC entre 2006 et 2012.", "fr", "2024-02-23", "2006-01-01", "2012-12-31"),
        ("des exercices du 3 au 15 septembre 2024", "fr", "2024-11-26", "2024-09-03", "2024-09-15"),
        ("Узбекистан состоял в ОДКБ в 2006-2012 годах.", "ru", "2024-02-23", "2006-01-01", "2012-12-31"),
        ("le retrait du 29 janvier 2025 au 29 juillet 2025", "fr", "2024-12-15", "2025-01-29", "2025-07-29"),
        ("выход с 29 января 2025 года по 29 июля 2025 года", "ru", "2024-12-15", "2025-01-29", "2025-07-29"),
    ],
)
def test_a_range_is_one_period_from_its_first_to_its_last_day(text, lang, published, start, end):
    (expr,) = [e for e in find_dates(text, lang, dt.date.fromisoformat(published)) if e.when]
    assert (expr.when.start, expr.when.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert expr.when.precision is Precision.PERIOD


@pytest.mark.parametrize(
    ("text", "lang"), [("in 2012 and 2015", "en"), ("en 2012 et 2015", "fr"), ("в 2012 и 2015 годах", "ru")]
)
def test_two_years_joined_by_and_are_no_range(text, lang):
    first = find_dates(text, lang, PUB)[0].when
    assert (first.start, first.end) == (dt.date(2012, 1, 1), dt.date(2012, 12, 31))


def test_a_part_of_today_is_today_and_a_recurring_day_dates_nothing():
    # en4-13 (CNBC-TV18, 2022-02-24): Kallas "convened an urgent government meeting this morning"; KBS World
    # (French service, April 2025): "C'est ce qu'a fait savoir ce matin la KCNA"; en3-09 (WION, 2025-09-10):
    # the Council "gathered for its regular Wednesday session" (a weekly meeting, not a date)
    day = dt.date(2022, 2, 24)
    (t,) = find_dates("I convened an urgent government meeting this morning.", "en", day)
    assert (t.when.start, t.when.end) == (day, day)
    (t,) = find_dates("C’est ce qu’a fait savoir ce matin la KCNA.", "fr", dt.date(2025, 4, 28))
    assert t.when.start == dt.date(2025, 4, 28)
    text = "The North Atlantic Council, NATO’s main political body, gathered for its regular Wednesday session."
    assert find_dates(text, "en", dt.date(2025, 9, 10)) == []


def test_a_month_with_a_year_named_relative_to_publication():
    """A month then "last/this/next year" is that month of that year, not the last such month."""
    pub = dt.date(2023, 12, 3)
    # The Nation after AFP, 2023-12-03 (development set 6, en6-02); the same sentence in French and Russian
    for text, lang in (
        ("The East African Community (EAC) first deployed troops in the region in November last year.", "en"),
        ("La CAE a déployé des troupes dans la région en novembre de l'année dernière.", "fr"),
        ("Восточноафриканское сообщество впервые направило войска в регион в ноябре прошлого года.", "ru"),
    ):
        (expr,) = find_dates(text, lang, pub)
        assert (expr.when.start, expr.when.end) == (dt.date(2022, 11, 1), dt.date(2022, 11, 30)), lang
    # "in January this year" (development set 4, en4-09, published 2024-07-07) and a plan for next year
    assert find_dates("in January this year", "en", dt.date(2024, 7, 7))[0].when.start == dt.date(2024, 1, 1)
    assert find_dates("в марте следующего года", "ru", pub)[0].when.start == dt.date(2024, 3, 1)
    assert find_dates("l'an dernier", "fr", pub)[0].when.start == dt.date(2022, 1, 1)


@pytest.mark.parametrize(
    ("text", "lang", "published", "start", "end"),
    [
        # en6-01 (Zitamar, 2024-01-29): "in preparation for a complete exit by 15 July this year", not July 2023
        ("in preparation for a complete exit by 15 July this year", "en", "2024-01-29", "2024-07-15", "2024-07-15"),
        ("the force will leave on July 15 next year", "en", "2024-01-29", "2025-07-15", "2025-07-15"),
        ("le 3 mars de l'année dernière", "fr", "2023-12-03", "2022-03-03", "2022-03-03"),
        # ru4-15 (gazeta.ru, 2024-07-07): the AES founded "16 сентября прошлого года"
        ("хартию подписали 16 сентября прошлого года", "ru", "2024-07-07", "2023-09-16", "2023-09-16"),
        # ru6-15 (1news.az, Friday 2023-03-31): "Ранее на этой неделе … проголосовал парламент Венгрии" is Monday to
        # Thursday (heldout6 convention 32)
        ("Ранее на этой неделе за ратификацию проголосовал парламент", "ru", "2023-03-31", "2023-03-27", "2023-03-30"),
        ("earlier this week", "en", "2023-03-31", "2023-03-27", "2023-03-30"),
        ("plus tôt cette semaine", "fr", "2023-03-31", "2023-03-27", "2023-03-30"),
    ],
)
def test_a_day_in_a_year_named_from_publication_and_earlier_this_week(text, lang, published, start, end):
    (expr,) = find_dates(text, lang, dt.date.fromisoformat(published))
    assert (expr.when.start, expr.when.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize(
    ("text", "lang", "published", "start", "end"),
    [
        # fr7-05 (Afrique sur 7, Saturday 2024-12-14): the ECOWAS summit "dimanche 15 décembre" is the next day,
        # not 15 December 2023: the weekday picks the year
        ("les chefs d'Etat de la CEDEAO se réunissent dimanche 15 décembre", "fr", "2024-12-14", "2024-12-15", None),
        ("ECOWAS leaders meet on Sunday, December 15", "en", "2024-12-14", "2024-12-15", None),
        ("лидеры ЭКОВАС соберутся в воскресенье, 15 декабря", "ru", "2024-12-14", "2024-12-15", None),
        # fr7-10 (2023-11-23): "le mercredi 22 novembre" is the day before, as the weekday says
        ("réunis depuis le mercredi 22 novembre à Minsk", "fr", "2023-11-23", "2023-11-22", None),
        # fr7-09 (Aldar, 2023-04-04): the Vilnius summit "prévu les 11 et 12 juillet prochains" is in July 2023
        ("le sommet, prévu les 11 et 12 juillet prochains à Vilnius", "fr", "2023-04-04", "2023-07-11", "2023-07-12"),
        ("the Vilnius summit on 11 and 12 July 2023", "en", "2023-04-04", "2023-07-11", "2023-07-12"),
        ("саммит НАТО 11 и 12 июля 2023 года", "ru", "2023-04-04", "2023-07-11", "2023-07-12"),
        # ru7-08 (Sputnik Belarus, 2023-10-13): the CIS summit "проходящем в эти дни" is the publication day
        # (heldout7 decision 39)
        ("на Саммите СНГ, проходящем в эти дни в Бишкеке", "ru", "2023-10-13", "2023-10-13", None),
    ],
)
def test_a_day_fixed_by_its_weekday_two_days_named_together_and_these_days(text, lang, published, start, end):
    (expr,) = [e for e in find_dates(text, lang, dt.date.fromisoformat(published)) if e.when]
    assert (expr.when.start, expr.when.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end or start))


@pytest.mark.parametrize(
    ("text", "lang", "published", "start"),
    [
        # fr7-04 (Africa Presse, 2025-08-29): "les directives du 67ᵉ sommet des chefs d'État de juin dernier"
        ("les directives du 67ᵉ sommet des chefs d'État de juin dernier", "fr", "2025-08-29", "2025-06-01"),
        ("lors du sommet de la CEDEAO en juin dernier", "fr", "2025-08-29", "2025-06-01"),
        ("the directives of the ECOWAS summit last June", "en", "2025-08-29", "2025-06-01"),
        ("le sommet de juillet prochain", "fr", "2025-06-29", "2025-07-01"),  # read forward by "prochain"
    ],
)
def test_a_month_named_last_or_next_without_its_year(text, lang, published, start):
    (expr,) = find_dates(text, lang, dt.date.fromisoformat(published))
    assert expr.when.start == dt.date.fromisoformat(start)


def test_an_english_range_of_days_after_the_month():
    (expr,) = find_dates("The SCO gathered in Astana on July 3-4 for its 24th summit.", "en", dt.date(2024, 7, 4))
    assert (expr.when.start, expr.when.end, expr.when.precision) == (
        dt.date(2024, 7, 3),
        dt.date(2024, 7, 4),
        Precision.PERIOD,
    )
    (full,) = find_dates("The summit will be held on July 9–11, 2024.", "en", PUB)
    assert (full.when.start, full.when.end) == (dt.date(2024, 7, 9), dt.date(2024, 7, 11))


def test_todays_as_a_modifier_dates_nothing():
    assert not find_dates("responses to today's challenges", "en", PUB)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # en11-15, fr11-14, ru6: "recently" dates nothing (GUIDELINES G85, too vague)
        ("The recently ended Southern African Development Community (SADC) mission in Mozambique (SAMIM)", "en"),
        ("La mission de la SADC au Mozambique (SAMIM), récemment terminée", "fr"),
        ("недавно завершившие одни из крупнейших двусторонних военных учений", "ru"),
    ],
)
def test_recently_is_found_but_dates_nothing(text, lang):
    (found,) = find_dates(text, lang, PUB)
    assert found.when is not None
    assert (found.when.start, found.when.precision) == (None, Precision.UNDATED)


def test_a_mission_recently_ended_and_a_summit_beside_recently_are_undated(read):
    # fr11-14 and en11-15 (gold: the SAMIM's end and the SADC summit, both undated)
    fr = read(
        "La mission de la Communauté de développement de l’Afrique australe (SADC) au Mozambique (SAMIM), récemment "
        "terminée, et sa mission actuelle dans l’est de la République démocratique du Congo (RDC) ont toutes deux été "
        "citées dans les dépêches après le sommet du bloc régional au Zimbabwe.",
        "fr",
        "2024-08-21",
    )
    (end,) = [e for e in fr.events if e.type.value == "deployment" and e.phase == "end"]
    assert (end.organization, end.when.start, end.when.precision) == ("sadc", None, Precision.UNDATED)
    en = read(
        "The recently ended Southern African Development Community (SADC) mission in Mozambique (SAMIM) and its "
        "current mission in the eastern Democratic Republic of Congo (DRC) both rated the equivalent of a mention "
        "in dispatches after the regional bloc summit in Zimbabwe.",
        "en",
        "2024-08-21",
    )
    (summit,) = [e for e in en.events if e.type.value == "summit"]
    assert (summit.organization, summit.when.start, summit.when.precision) == ("sadc", None, Precision.UNDATED)


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        # ru11-16 (Arka / Armenpress, 23 November 2022): the next CSTO session
        ("Следующий саммит ОДКБ пройдет в четвертом квартале 2023 года в Минске", "ru", "2023-10-01", "2023-12-31"),
        ("во втором квартале 2024 года", "ru", "2024-04-01", "2024-06-30"),
        ("au quatrième trimestre 2023", "fr", "2023-10-01", "2023-12-31"),
        ("au 1er trimestre 2024", "fr", "2024-01-01", "2024-03-31"),
        ("in the fourth quarter of 2023", "en", "2023-10-01", "2023-12-31"),
        ("in Q1 2024", "en", "2024-01-01", "2024-03-31"),
    ],
)
def test_a_quarter_of_a_year_is_its_three_months(text, lang, start, end):
    (found,) = [t for t in find_dates(text, lang, dt.date(2022, 11, 23)) if t.when is not None]
    assert (found.when.start.isoformat(), found.when.end.isoformat(), found.when.precision) == (
        start,
        end,
        Precision.PERIOD,
    )


def test_a_summit_planned_for_a_quarter_takes_its_months(read):
    # ru11-16: gold, the planned session `considering` dated 2023-10-01..2023-12-31
    a = read(
        "Следующий саммит Организации Договора о коллективной безопасности пройдет в четвертом квартале 2023 года в "
        "Минске, как передает Арменпресс, об этом сообщила в среду пресс-служба ОДКБ.",
        "ru",
        "2022-11-23",
    )
    (ev,) = [e for e in a.events if e.type.value == "summit"]
    assert (ev.stage, ev.when.start, ev.when.end) == ("considering", dt.date(2023, 10, 1), dt.date(2023, 12, 31))
