"""Real facts from the curated historical pacts: the Warsaw Pact, SEATO and the Manila Pact, CENTO, the WEU.

References:
    Warsaw Treaty (1955), Arts. 1, 3, 4; Southeast Asia Collective Defense Treaty (1954), Art. IV and the US
    understanding; Baghdad Pact (1955), Art. 1; Brussels Treaty (1948), Art. IV, modified (1954), Art. V.
    ATOP 5.1 (Leeds et al. 2022), alliances 3285, 3260, 3275, 3130.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status
from casus.obligations import evaluate_casus_foederis, make_crisis
from casus.obligations.evaluate import Verdict

D = dt.date.fromisoformat


def _result(kb, attacker, target, on, treaty_id):  # type: ignore[no-untyped-def]
    crisis = make_crisis(kb, attacker=attacker, target=target, on=D(on))
    return next(r for r in evaluate_casus_foederis(kb, crisis) if r.treaty.id == treaty_id)


# --------------------------------------------------------------------------- Warsaw Pact
def test_warsaw_pact_members_in_1970(kb):
    roster = kb.members_on("Warsaw Pact", D("1970-01-01"))
    assert set(roster.states()) == {"RUS", "POL", "CSK", "DDR", "HUN", "ROU", "BGR"}


@pytest.mark.parametrize(
    ("on", "status"),
    [
        ("1961-06-01", Status.MEMBER),
        ("1965-01-01", Status.SUSPENDED),  # membership dormant from 1 February 1962
        ("1968-09-12", Status.SUSPENDED),
        ("1968-09-13", Status.WITHDRAWN),  # formal withdrawal
    ],
)
def test_albania_leaves_the_warsaw_pact(kb, on, status):
    assert kb.status_on("ALB", "warsaw-pact", D(on)).status is status


def test_albania_is_out_after_13_september_1968(kb):
    assert "ALB" not in kb.members_on("warsaw-pact", D("1968-09-13")).states()
    assert "ALB" in kb.members_on("warsaw-pact", D("1968-09-12")).states()


def test_east_germany_leaves_before_unification(kb):
    assert "DDR" in kb.members_on("warsaw-pact", D("1990-09-23")).states()
    assert "DDR" not in kb.members_on("warsaw-pact", D("1990-09-24")).states()


def test_warsaw_pact_names_and_dissolution(kb):
    org = kb.organization("Pacte de Varsovie")
    assert org.id == "warsaw-pact"
    assert kb.organization("ОВД").id == "warsaw-pact"
    assert org.exists_on(D("1991-06-30")) and not org.exists_on(D("1991-07-01"))
    assert kb.treaty("warsaw-1955").atop_id == 3285


def test_warsaw_art4_covers_an_outside_attack_in_europe(kb):
    r = _result(kb, "West Germany", "Poland", "1970-01-01", "warsaw-1955")
    assert r.verdict is Verdict.TRIGGERED
    assert r.provision.id == "wp-art4"
    assert "RUS" in r.obligated and "POL" not in r.obligated


def test_1968_invasion_is_not_an_art4_case(kb):
    r = _result(kb, "Soviet Union", "Czechoslovakia", "1968-08-21", "warsaw-1955")
    assert r.verdict is Verdict.NOT_TRIGGERED
    art1 = next(p for p in r.provisions if p.provision.id == "wp-art1")
    assert "breaches this non-aggression pledge" in art1.steps[-1].detail


def test_1968_invasion_event_names_the_four_invaders(kb):
    ev = next(e for e in kb.timeline("warsaw-pact") if e.date == D("1968-08-20"))
    assert set(ev.actors) == {"RUS", "POL", "HUN", "BGR"} and ev.target == "CSK"


# --------------------------------------------------------------------------- SEATO / Manila Pact
def test_seato_dissolved_in_1977_while_the_treaty_binds(kb):
    seato = kb.organization("SEATO")
    assert seato.exists_on(D("1977-06-29")) and not seato.exists_on(D("1977-06-30"))
    assert kb.members_on("seato", D("1978-01-01")).states() == ()
    parties = kb.members_on("manila-1954", D("2025-01-01")).states()
    assert {"USA", "THA"} <= set(parties)
    assert "PAK" not in parties
    assert kb.treaty("manila-1954").terminated is None


def test_pakistan_left_the_manila_pact_in_1973(kb):
    assert kb.status_on("PAK", "manila-1954", D("1973-11-07")).status is Status.MEMBER
    assert kb.status_on("PAK", "manila-1954", D("1973-11-08")).status is Status.WITHDRAWN


def test_france_stopped_taking_part_in_seato_but_kept_the_treaty(kb):
    assert kb.status_on("FRA", "seato", D("1975-01-01")).status is Status.SUSPENDED
    assert kb.status_on("FRA", "manila-1954", D("1975-01-01")).status is Status.MEMBER


def test_us_commitment_to_thailand_only_for_communist_aggression(kb):
    r = _result(kb, "Cambodia", "Thailand", "2025-07-24", "manila-1954")
    assert r.verdict is Verdict.TRIGGERED  # Art. IV(1) for the parties other than the US
    assert "USA" not in r.obligated and "GBR" in r.obligated
    us = next(p for p in r.provisions if p.provision.id == "seato-art4-1-us")
    assert us.verdict is Verdict.INDETERMINATE  # whether the attack is "communist aggression"


def test_manila_pact_area_excludes_japan(kb):
    # Japan is not a party, but a US base there is outside the treaty area anyway (north of 21°30' N).
    scope = kb.scopes["seato-treaty-area"]
    inside, _ = scope.contains(kb.country_place("JPN"), D("1960-01-01"))
    assert not inside


# --------------------------------------------------------------------------- CENTO
def test_cento_members_1960_and_the_us_never_a_party(kb):
    roster = kb.members_on("CENTO", D("1960-01-01"))
    assert set(roster.states(Status.MEMBER)) == {"TUR", "GBR", "PAK", "IRN"}
    assert roster.status_of("USA") is Status.PARTNER
    assert roster.status_of("IRQ") is None  # left on 24 March 1959


def test_cento_is_no_mutual_defence_pledge(kb):
    treaty = kb.treaty("baghdad-1955")
    assert treaty.atop_id == 3275
    assert [p.kind.value for p in treaty.provisions] == ["consultation"]
    r = _result(kb, "Soviet Union", "Iran", "1960-01-01", "baghdad-1955")
    assert r.obligated == ()  # no one must defend Iran
    assert r.verdict is Verdict.INDETERMINATE  # exchange of ratifications not dated in the sources


# --------------------------------------------------------------------------- Brussels Treaty / WEU
def test_weu_members_2000_and_1950(kb):
    assert len(kb.members_on("WEU", D("2000-01-01")).members) == 10
    assert set(kb.members_on("UEO", D("1950-01-01")).states()) == {"BEL", "FRA", "LUX", "NLD", "GBR"}
    assert kb.status_on("GRC", "weu", D("1993-01-01")).status is Status.OBSERVER


def test_weu_art4_and_art5_are_versions_of_one_clause(kb):
    treaty = kb.treaty("brussels-1948")
    assert [p.id for p in treaty.provisions_on(D("2000-01-01")) if p.kind.value == "defense"] == ["brussels-art5"]
    assert "brussels-art4-1948" in [p.id for p in treaty.provisions_on(D("1950-01-01"))]
    assert kb.organization("weu").verified_through == D("2011-06-30")


def test_weu_art5_in_2000_and_art4_in_1950(kb):
    r2000 = _result(kb, "Russia", "Belgium", "2000-01-01", "brussels-1948")
    assert r2000.verdict is Verdict.TRIGGERED and r2000.provision.article == "V"
    assert "GRC" in r2000.obligated and "ESP" in r2000.obligated
    r1950 = _result(kb, "Soviet Union", "Netherlands", "1950-01-01", "brussels-1948")
    assert r1950.verdict is Verdict.TRIGGERED and r1950.provision.article == "IV"
    assert "ITA" not in r1950.obligated


def test_weu_closed_in_2011(kb):
    assert not kb.treaty("brussels-1948").in_force_on(D("2011-06-30"))
    assert kb.treaty("brussels-1948").in_force_on(D("2011-06-29"))
