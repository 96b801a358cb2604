"""Real facts from the curated NATO file, the other mutual-defence treaties and the places/scopes file.

References:
    North Atlantic Treaty (1949), Arts. 4-6, and NATO's accession records (nato.int).
    Inter-American Treaty of Reciprocal Assistance (1947); ANZUS Treaty (1951); US-Japan Treaty (1960).
    ATOP 5.1 (Leeds et al. 2022), alliances 3180, 3075, 3215, 3375, 4890.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from casus.kb.memberships import Status

D = dt.date.fromisoformat

PACTS = (
    "rio-1947",
    "anzus-1951",
    "russia-armenia-1997",
    "shusha-2021",
    "union-state-1999",
    "union-state-security-2024",
    "us-japan-1960",
)


# --------------------------------------------------------------------------- NATO membership
@pytest.mark.parametrize(
    ("on", "count"),
    [
        ("1949-06-01", 12),  # the founders
        ("1952-02-17", 12),  # the day before Greece and Turkey
        ("1952-02-18", 14),
        ("1990-01-01", 16),  # with the Federal Republic (1955) and Spain (1982)
        ("1999-03-11", 16),
        ("1999-06-01", 19),
        ("2004-03-29", 26),
        ("2021-01-01", 30),
        ("2023-06-01", 31),
        ("2024-06-25", 32),
    ],
)
def test_nato_member_counts(kb, on, count):
    assert len(kb.members_on("nato", D(on)).states(Status.MEMBER)) == count


def test_germany_is_a_member_from_1955(kb):
    assert kb.members_on("nato", D("1955-05-05")).status_of("DEU") is None
    assert kb.members_on("nato", D("1955-05-06")).status_of("DEU") is Status.MEMBER
    assert "DEU" in kb.members_on("nato", D("1990-01-01")).states()


def test_sweden_joins_on_7_march_2024(kb):
    assert "SWE" not in kb.members_on("nato", D("2024-03-06")).states()
    assert "SWE" in kb.members_on("nato", D("2024-03-07")).states()
    spell = kb.status_on("SWE", "nato", D("2024-03-07"))
    assert spell.signed == D("2022-07-05")


def test_finland_joins_on_4_april_2023(kb):
    assert "FIN" not in kb.members_on("nato", D("2023-04-03")).states()
    assert "FIN" in kb.members_on("nato", D("2023-04-04")).states()


def test_france_outside_integrated_command_1966_2009(kb):
    assert kb.status_on("FRA", "nato", D("1980-01-01")).qualifier == "outside the integrated military command"
    assert kb.status_on("FRA", "nato", D("1966-06-30")).qualifier == ""
    assert kb.status_on("FRA", "nato", D("2009-04-04")).qualifier == ""
    # still a member throughout: Article 5 bound France
    assert kb.members_on("nato", D("1980-01-01")).status_of("FRA") is Status.MEMBER


def test_greece_outside_integrated_command_1974_1980(kb):
    assert kb.status_on("GRC", "nato", D("1977-01-01")).qualifier == "outside the integrated military command"
    assert kb.status_on("GRC", "nato", D("1981-01-01")).qualifier == ""


def test_atop_accession_dates_are_noted(kb):
    spain = kb.status_on("ESP", "nato", D("1990-01-01"))
    assert spain.start == D("1982-05-30") and spain.signed == D("1981-12-10")
    assert "1981" in spain.note and "ATOP" in spain.note
    poland = kb.status_on("POL", "nato", D("2000-01-01"))
    assert poland.signed == D("1997-12-16") and "ATOP" in poland.note


def test_nato_secretaries_general(kb):
    nato = kb.organization("OTAN")
    assert nato.officeholder("secretary_general", D("2020-01-01")).person == "Jens Stoltenberg"
    assert nato.officeholder("secretary_general", D("2024-10-01")).person == "Mark Rutte"
    assert nato.officeholder("secretary_general", D("1953-01-01")).person == "Lord Ismay"
    assert nato.body("nato-nac").decision_rule.blocks_with_one_veto()


def test_nato_names_and_coverage(kb):
    nato = kb.organization("НАТО")
    assert nato.id == "nato"
    assert nato.name_in("fr") == "Organisation du traité de l'Atlantique nord"
    assert nato.coverage.end == nato.verified_through == D("2026-12-03")


def test_article_5_invocation_and_article_4_events(kb):
    events = [e for e in kb.events if e.organization == "nato"]
    invocations = {e.date for e in events if e.type.value == "invocation"}
    assert D("2001-09-12") in invocations and D("2001-10-02") in invocations
    for day in ("2003-02-10", "2012-06-26", "2012-10-03", "2015-07-28", "2022-02-24"):
        assert D(day) in invocations
    feb_2022 = next(e for e in events if e.date == D("2022-02-24"))
    assert len(feb_2022.actors) == 8


# --------------------------------------------------------------------------- other pacts
def test_rio_parties_exclude_mexico_after_withdrawal(kb):
    assert kb.status_on("MEX", "rio-1947", D("2000-01-01")).status is Status.MEMBER
    after = kb.status_on("MEX", "rio-1947", D("2004-09-06"))
    assert after.status is Status.WITHDRAWN and not after.status.is_party
    parties = {m.state for m in kb.spells("rio-1947") if m.active_on(D("2010-01-01")) and m.status.is_party}
    assert "MEX" not in parties and {"USA", "BRA", "ARG"} <= parties


def test_rio_alba_withdrawals(kb):
    for state in ("BOL", "ECU", "NIC", "VEN"):
        assert kb.status_on(state, "rio-1947", D("2012-01-01")).status is Status.MEMBER
        assert kb.status_on(state, "rio-1947", D("2018-01-01")).status is Status.WITHDRAWN
    for state in ("BOL", "ECU", "NIC"):
        assert kb.status_on(state, "rio-1947", D("2020-01-01")).status is Status.WITHDRAWN


def test_venezuela_return_is_disputed_not_party(kb):
    ven = kb.status_on("VEN", "rio-1947", D("2020-01-01"))
    assert ven.status is Status.DISPUTED and not ven.status.is_party
    assert "Guaidó" in ven.claimed_by and {"USA", "COL", "BRA"} <= set(ven.recognised_by)
    assert "VEN" not in ven.recognised_by


def test_anzus_us_obligations_to_new_zealand_suspended_one_way(kb):
    anzus = kb.treaty("anzus-1951")
    assert kb.status_on("NZL", "anzus-1951", D("1990-01-01")).status is Status.MEMBER
    assert anzus.suspended("USA", "NZL", D("1986-09-16")) is None
    assert anzus.suspended("USA", "NZL", D("1990-01-01")).start == D("1986-09-17")
    assert anzus.suspended("AUS", "NZL", D("1990-01-01")) is None
    assert anzus.suspended("NZL", "AUS", D("1990-01-01")) is None


def test_pact_treaties_and_their_atop_ids(kb):
    assert kb.treaty("north-atlantic-1949").atop_id == 3180
    assert kb.treaty("rio-1947").atop_id == 3075
    assert kb.treaty("anzus-1951").atop_id == 3215
    assert kb.treaty("us-japan-1960").atop_id == 3375
    assert kb.treaty("rio-1947").in_force == D("1948-12-03")
    assert kb.treaty("anzus-1951").in_force == D("1952-04-29")
    for treaty_id in PACTS:
        parties = {m.state for m in kb.spells(treaty_id)}
        assert len(parties) >= 2, treaty_id


def test_every_provision_has_a_quote_and_a_source(kb):
    for treaty_id in ("north-atlantic-1949", *PACTS):
        for p in kb.treaty(treaty_id).provisions:
            assert p.quote.strip(), p.id
            assert p.sources and all(s in kb.sources for s in p.sources), p.id
            for cond in p.conditions:
                assert all(s in kb.sources for s in cond.sources), (p.id, cond.kind)


def test_spells_never_overlap_and_cite_known_sources(kb):
    for scope in ("nato", *PACTS):
        by_state = defaultdict(list)
        for m in kb.spells(scope):
            by_state[m.state].append(m)
            assert m.sources and all(s in kb.sources for s in m.sources)
        for spells in by_state.values():
            ordered = sorted(spells, key=lambda m: m.start)
            for a, b in itertools.pairwise(ordered):
                assert not a.overlaps(b), (scope, a.state)


# --------------------------------------------------------------------------- places and scopes
def test_ceuta_outside_and_bermuda_inside_article_6(kb):
    art6 = kb.scopes["nato-art6"]
    assert art6.contains(kb.place("Сеута"), D("2024-06-25"))[0] is False
    assert art6.contains(kb.place("Melilla"), D("2024-06-25"))[0] is False
    assert art6.contains(kb.place("Bermuda"), D("2024-06-25"))[0] is True
    assert art6.contains(kb.place("Canary Islands"), D("2024-06-25"))[0] is True
    assert art6.contains(kb.place("Hawaii"), D("2024-06-25"))[0] is False
    assert art6.contains(kb.place("Puerto Rico"), D("2024-06-25"))[0] is False
    assert art6.contains(kb.place("Alaska"), D("2024-06-25"))[0] is True


def test_article_6_algeria_and_turkey_are_dated(kb):
    art6 = kb.scopes["nato-art6"]
    algeria = kb.place("fr-algeria")
    assert art6.contains(algeria, D("1960-01-01"))[0] is True
    assert art6.contains(algeria, D("1962-07-03"))[0] is False
    turkey = kb.country_place("TUR")
    assert art6.contains(turkey, D("1951-01-01"))[0] is False
    assert art6.contains(turkey, D("2000-01-01"))[0] is True


def test_places_have_codes_and_sources(kb):
    assert kb.place("ES-CE").subdivision == "ES-CE"
    crimea = kb.place("Крым")
    assert crimea.country == "UKR" and crimea.disputed and crimea.claimants == ("RUS",)
    assert kb.place("arm-aze-border").disputed
    assert kb.place("Jermuk").subdivision == "AM-VD"
    for place in kb.places.values():
        assert place.sources, place.id


def test_us_japan_article_5_follows_administration(kb):
    scope = kb.scopes["us-japan-art5"]
    senkaku = kb.place("Senkaku Islands")
    assert scope.contains(senkaku, D("2024-01-01"))[0] is True
    assert scope.contains(senkaku, D("1970-01-01"))[0] is False  # US-administered until 15 May 1972
    assert scope.contains(kb.place("Kuril Islands"), D("2024-01-01"))[0] is False
    assert scope.contains(kb.place("Guam"), D("2024-01-01"))[0] is False


def test_anzus_area_covers_us_metropolitan_territory(kb):
    scope = kb.scopes["anzus-pacific"]
    assert scope.contains(kb.country_place("USA"), D("2001-09-11"))[0] is True
    assert scope.contains(kb.place("Guam"), D("2001-09-11"))[0] is True
    assert scope.contains(kb.place("Puerto Rico"), D("2001-09-11"))[0] is False
