"""Appointments to an organization's office, read from real reports (#10): who, which office, from when."""

import datetime as dt

import pytest

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def appointments(analysis):
    return [(e.people, e.organization, e.claim, e.when.start) for e in analysis.events if e.type is T.APPOINTMENT]


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        (
            "Taalatbek Masadykov was appointed Secretary General of the CSTO from 1 January 2026, the Collective "
            "Security Council decided in Bishkek.",
            "en",
            "2025-11-28",
        ),
        ("Таалатбек Масадыков назначен генеральным секретарём ОДКБ с 1 января 2026 года.", "ru", "2025-11-28"),
    ],
)
def test_masadykov_csto_secretary_general_from_2026(read, text, lang, published):
    a = read(text, lang, published)
    assert appointments(a) == [(("Taalatbek Masadykov",), "csto", "secretary_general", dt.date(2026, 1, 1))]
    (ev,) = [e for e in a.events if e.type is T.APPOINTMENT]
    assert ev.modality is Modality.ASSERTED and ev.stage is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("NATO Allies appointed Mark Rutte as the next Secretary General of NATO, effective 1 October 2024.", "en"),
        ("Mark Rutte a été nommé secrétaire général de l'OTAN à partir du 1er octobre 2024.", "fr"),
    ],
)
def test_rutte_nato_secretary_general_from_october_2024(read, text, lang):
    assert appointments(read(text, lang, "2024-06-26")) == [
        (("Mark Rutte",), "nato", "secretary_general", dt.date(2024, 10, 1))
    ]


def test_an_appointment_without_a_term_date_takes_the_article_date_and_an_inflected_name(read):
    a = read(
        "Совет коллективной безопасности назначил Таалатбека Масадыкова генеральным секретарём ОДКБ.",
        "ru",
        "2025-11-28",
    )
    (people, org, role, start) = appointments(a)[0]
    assert (people, org, role, start) == (("Taalatbek Masadykov",), "csto", "secretary_general", None)


def test_a_minister_named_is_no_organization_office(read):
    a = read("Ararat Mirzoyan was appointed foreign minister of Armenia in August 2021.", "en", "2021-08-20")
    assert appointments(a) == []


def test_two_appointees_are_two_events(read):
    a = read(
        "Jens Stoltenberg was appointed Secretary General of NATO from 1 October 2014. Mark Rutte was appointed "
        "Secretary General of NATO from 1 October 2024.",
        "en",
        "2024-06-26",
    )
    assert {p for p, *_ in appointments(a)} == {("Jens Stoltenberg",), ("Mark Rutte",)}
