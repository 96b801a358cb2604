"""New pacts read as the founding of the knowledge base's pact; foundings dated by the organization's age."""

import datetime as dt

import pytest

from casus.ingest.foundings import _number, find_pact
from casus.ingest.model import Precision, When
from casus.kb.events import EventType as T

D = dt.date


def foundings(analysis):
    return [e for e in analysis.events if e.type is T.FOUNDING]


def test_a_signed_mutual_defence_agreement_is_the_founding_of_the_kb_pact(read):
    a = read(
        "Saudi Arabia and Pakistan signed a strategic mutual defence agreement in Riyadh on Wednesday.",
        "en",
        "2025-09-18",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start, ev.stage) == (
        "saudi-pakistan-2025",
        {"SAU", "PAK"},
        D(2025, 9, 17),
        None,
    )


def test_leaders_stand_for_their_states_and_the_signature_date_picks_the_pact(read):
    # Russia and Belarus are parties of the Union State treaty (1999) and of the security treaty (2024)
    a = read(
        "Vladimir Poutine et Alexandre Loukachenko ont signé vendredi à Minsk un traité de garanties de sécurité.",
        "fr",
        "2024-12-07",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == (
        "union-state-security-2024",
        {"RUS", "BLR"},
        D(2024, 12, 6),
    )


def test_a_pact_to_be_signed_is_considered_with_its_planned_date(read):
    a = read(
        "Russia and Belarus will sign the security guarantees treaty at the summit in Minsk on Friday.",
        "en",
        "2024-12-04",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.stage, ev.when.start) == ("union-state-security-2024", "considering", D(2024, 12, 6))


def test_no_founding_for_a_pact_the_kb_does_not_hold_or_far_from_its_signature(read):
    assert not foundings(read("France and Germany signed an energy agreement on Monday.", "en", "2024-03-05"))
    assert not foundings(read("Saudi Arabia and Pakistan signed a defence agreement in 2010.", "en", "2024-03-05"))
    # an agreement founding a market founds no organization
    assert not foundings(
        read(
            "La Russie et le Belarus ont signé un accord sur la création d'un marché unifié de l'électricité.",
            "fr",
            "2023-05-10",
        )
    )


def test_find_pact_needs_every_party_named():
    from casus.curated import load_kb

    day = When(D(2024, 6, 19), D(2024, 6, 19), Precision.DAY)
    kb = load_kb()
    assert find_pact(kb, {"RUS", "PRK", "UKR"}, day, D(2024, 6, 19)) == "russia-dprk-2024"
    assert find_pact(kb, {"RUS"}, day, D(2024, 6, 19)) is None


def test_a_founding_told_by_the_organization_age(read):
    a = read(
        "NATO's next summit will be held in Washington in 2024, seventy-five years since the Alliance's founding.",
        "en",
        "2023-07-12",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.when.start, ev.when.end) == ("nato", D(1949, 1, 1), D(1949, 12, 31))
    (summit,) = [e for e in a.events if e.type is T.SUMMIT]
    assert (summit.stage, summit.when.start) == ("considering", D(2024, 1, 1))


@pytest.mark.parametrize(
    ("word", "value"),
    [("seventy-five", 75), ("25th", 25), ("soixante-quinze", 75), ("trentième", 30), ("thirty", 30), ("many", None)],
)
def test_ages_in_words_and_digits(word, value):
    assert _number(word) == value
