"""Planned summits are considered with their date; a summit is never 'reported'; mentions of one summit fold."""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def summits(analysis):
    return [e for e in analysis.events if e.type is T.SUMMIT]


def test_a_headline_announcing_leaders_to_meet_is_a_planned_summit(read):
    (ev,) = summits(
        read("CSTO leaders to meet in Astana on November 28\nThe heads of state will meet.", "en", "2024-10-30")
    )
    assert (ev.organization, ev.stage, ev.modality.value, ev.when.start) == (
        "csto",
        "considering",
        "asserted",
        D(2024, 11, 28),
    )


def test_a_summit_body_meeting_announced_in_russian(read):
    (ev,) = summits(read("Заседание Совета коллективной безопасности ОДКБ состоится 27 ноября.", "ru", "2025-11-25"))
    assert (ev.organization, ev.stage, ev.when.start) == ("csto", "considering", D(2025, 11, 27))


def test_the_date_of_the_saying_does_not_date_the_summit(read):
    a = read(
        "The leaders of the CIS countries plan to gather for an informal summit at the end of December, the CIS "
        "secretary general told journalists on Wednesday.",
        "en",
        "2024-10-30",
    )
    (ev,) = summits(a)
    assert (ev.organization, ev.stage, ev.modality.value) == ("cis", "considering", "asserted")
    assert (ev.when.start, ev.when.end) == (D(2024, 12, 1), D(2024, 12, 31))


def test_a_past_summit_has_no_stage_and_its_later_mention_folds_into_it(read):
    a = read(
        "NATO leaders opened the summit in Vilnius on Tuesday. Stoltenberg thanked Lithuania for hosting this "
        "historic summit.",
        "en",
        "2023-07-13",
    )
    (ev,) = summits(a)
    assert (ev.organization, ev.stage, ev.when.start) == ("nato", None, D(2023, 7, 11))


def test_a_meeting_of_ministers_is_not_a_summit(read):
    a = read(
        "Une réunion des conseils des ministres de la défense de l'OTSC se tiendra à Minsk le 22 novembre 2023.",
        "fr",
        "2023-11-20",
    )
    assert not summits(a)
