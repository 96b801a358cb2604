"""Triggers and their subjects (casus.ingest.extract): relations to a state, nouns far from their verb."""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def test_an_ally_of_a_state_is_not_that_state(read):
    a = read("Un allié de Moscou rejoint l'OCS.", "fr", "2024-07-04")
    assert not [e for e in a.events if e.type is T.ACCESSION and "RUS" in e.actors]


def test_becoming_a_member_with_a_date_in_between(read):
    a = read(
        "La Biélorussie est devenue officiellement, le jeudi 4 juillet, le dixième membre de l'OCS.", "fr", "2024-07-05"
    )
    (ev,) = [e for e in a.events if e.type is T.ACCESSION]
    assert (ev.actors, ev.organization, ev.when.start) == (("BLR",), "sco", D(2024, 7, 4))


def test_initiating_consultations_under_article_4_in_russian(read):
    a = read("Польша, Эстония, Латвия и Литва инициировали консультации по четвертой статье НАТО.", "ru", "2022-02-24")
    (ev,) = [e for e in a.events if e.type is T.INVOCATION]
    assert (set(ev.actors), ev.organization) == ({"POL", "EST", "LVA", "LTU"}, "nato")
