"""Classes of wrong dates seen across the development sets (sets 3-9), each with the real sentence it comes from."""

import datetime as dt

from casus.ingest.temporal import find_dates
from casus.kb.events import EventType as T


def test_a_year_named_earlier_in_the_clause_is_the_year_of_the_summits_days(read):
    # ru9-02 (liga.net, 24 May 2024): the Hague summit of 24-26 June 2025, not the year 2025 nor June 2024
    a = read("Саммит НАТО в 2025 году состоится в нидерландском городе Гаага с 24 по 26 июня.", "ru", "2024-05-24")
    summits = [e for e in a.events if e.type is T.SUMMIT]
    assert summits and (summits[0].when.start, summits[0].when.end) == (dt.date(2025, 6, 24), dt.date(2025, 6, 26))


def test_a_year_before_a_comma_lends_nothing_to_the_date_after_it():
    found = find_dates("Founded in 1949, the alliance admitted Sweden on 7 March.", "en", dt.date(2024, 3, 11))
    days = [e.when for e in found if e.when is not None and e.when.precision.value == "day"]
    assert days and days[0].start == dt.date(2024, 3, 7)


def test_a_date_in_an_after_phrase_dates_the_event_followed_not_the_act(read):
    # en9-05 (RFE/RL, 8 May 2024), decision 66 of the ninth set: September 2022 is the offensive's month
    a = read(
        "Armenia officially asked Russia and other CSTO member states for support after Azerbaijan launched "
        "offensive military operations along the Armenian-Azerbaijani border in September 2022.",
        "en",
        "2024-05-08",
    )
    asked = [e for e in a.events if e.type is T.REQUEST_FOR_ASSISTANCE]
    assert asked and asked[0].when.start is None


def test_a_russian_after_phrase_dates_no_deployment(read):
    # ru6-02 (Meduza, 17 April 2024): autumn 2020 is when the conflict flared up
    a = read(
        "Российский миротворческий контингент был размещен в Нагорном Карабахе после обострения конфликта осенью "
        "2020 года.",
        "ru",
        "2024-04-17",
    )
    placed = [e for e in a.events if e.type is T.DEPLOYMENT]
    assert placed and all(e.when.start is None for e in placed)


def test_a_date_before_after_or_with_the_trigger_inside_the_phrase_still_dates_it(read):
    a = read("Finland joined NATO on 4 April 2023 after Turkey ratified its bid.", "en", "2023-04-05")
    joined = [e for e in a.events if e.type is T.ACCESSION and "FIN" in e.actors]
    assert joined and joined[0].when.start == dt.date(2023, 4, 4)
    b = read("After a virtual affair in 2023, the in-person SCO summit is closely watched.", "en", "2024-07-04")
    assert any(e.when.start == dt.date(2023, 1, 1) for e in b.events if e.type is T.SUMMIT)


def test_an_act_confirmed_or_approved_is_not_dated_by_the_confirmation(read):
    # ru4-06 (RBC, 28 April 2025) and fr9-10 (Al Manar, 15 September 2022): the judging verb's date is its own
    ru = read(
        "Северная Корея подтвердила участие своих войск в освобождении Курской области от ВСУ в апреле.",
        "ru",
        "2025-04-28",
    )
    fr = read("L'organisation a approuvé l'année dernière la demande d'adhésion de l'Iran à l'OCS.", "fr", "2022-09-15")
    acts = [e for e in [*ru.events, *fr.events] if e.type in (T.DEPLOYMENT, T.APPLICATION)]
    assert len(acts) == 2 and all(e.when.start is None for e in acts)


def test_a_summit_whose_date_is_confirmed_keeps_its_year(read):
    # ru9-02 (liga.net, 24 May 2024)
    a = read(
        "Министр иностранных дел Нидерландов Ханке Брюинс Слот также подтвердила дату и место проведения саммита "
        "НАТО в 2025 году.",
        "ru",
        "2024-05-24",
    )
    summits = [e for e in a.events if e.type is T.SUMMIT]
    assert summits and summits[0].when.start == dt.date(2025, 1, 1)
