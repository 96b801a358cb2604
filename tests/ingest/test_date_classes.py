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
