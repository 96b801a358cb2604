"""Who must defend a state, whom an attacker brings in, and the obligation network — on real treaties and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.data.system import system_members
from casus.obligations.defends import AgainstKind, defends_report, describe_attackers, obligation_network
from casus.obligations.pairs import evaluate_pairs

ON = dt.date(2024, 6, 25)


@pytest.fixture(scope="module")
def table(kb):  # type: ignore[no-untyped-def]
    states = system_members(kb, ON)  # the casus extension answers after 2016: no COW file needed
    return evaluate_pairs(kb, states, ON), states


def test_estonia_is_defended_by_the_31_other_nato_allies_against_any_non_party(kb, table) -> None:
    triads, states = table
    report = defends_report(kb, triads, states, ON, target="EST")
    nato = next(g for g in report.groups if g.treaty.id == "north-atlantic-1949")
    assert nato.provision.article == "5" and nato.verdict.value == "triggered"
    assert len(nato.obligated) == 31 and {"USA", "DEU", "FIN", "SWE"} <= set(nato.obligated)
    assert "EST" not in nato.obligated
    assert nato.against.kind is AgainstKind.NON_PARTIES
    assert nato.against.count == len(states) - 32  # every state of the system but the 32 allies
    # EU Art. 42(7) binds the other 26 members even against an attacking member (which is never obligated itself)
    eu = next(g for g in report.groups if g.treaty.id == "teu-lisbon")
    assert eu.against.kind is AgainstKind.ANY and len(eu.obligated) == 26
    assert report.groups[0].treaty.id == "north-atlantic-1949"  # defence pledges first, the largest first


def test_armenia_keeps_csto_art4_while_its_participation_is_frozen(kb, table) -> None:
    triads, states = table
    report = defends_report(kb, triads, states, ON, target="ARM")
    cst = next(g for g in report.groups if g.treaty.id == "cst-1992")
    assert cst.provision.article == "4" and cst.verdict.value == "triggered"
    assert cst.obligated == ("BLR", "KAZ", "KGZ", "RUS", "TJK")
    party = next(s for s in cst.conditions if s.check == "target_party")
    assert "suspended" in party.detail and "frozen" in party.detail and "2024-02-22" in party.detail
    assert "reuters-armenia-freeze-2024" in party.sources
    # the Russia-Armenia treaty of 1997 is undecided: its entry into force is not recorded
    ru = next(g for g in report.groups if g.treaty.id == "russia-armenia-1997" and g.obligated)
    assert ru.verdict.value == "indeterminate" and ru.deciding == "in_force" and ru.obligated == ("RUS",)
    assert ru.deciding_step is not None and "entry into force is not recorded" in ru.deciding_step.detail


def test_an_attack_by_azerbaijan_brings_in_armenias_allies_and_turkeys(kb, table) -> None:
    triads, states = table
    report = defends_report(kb, triads, states, ON, attacker="AZE")
    by_target = {(g.target, g.treaty.id) for g in report.groups}
    assert ("ARM", "cst-1992") in by_target and ("TUR", "north-atlantic-1949") in by_target
    assert all(g.against.kind is AgainstKind.ONLY and g.against.states == ("AZE",) for g in report.groups)


def test_describing_attackers_picks_the_shortest_true_rule() -> None:
    universe = {"RUS", "CHN", "IRN", "DEU", "FRA"}
    allies = frozenset({"DEU", "FRA", "EST"})
    assert describe_attackers(set(universe), universe, allies).kind is AgainstKind.ANY
    assert describe_attackers({"RUS", "CHN", "IRN"}, universe, allies).kind is AgainstKind.NON_PARTIES
    assert describe_attackers({"RUS", "CHN"}, universe, allies).states == ("IRN",)
    assert describe_attackers({"RUS", "CHN", "IRN", "DEU"}, universe, allies).states == ("FRA",)
    only = describe_attackers({"RUS"}, universe, allies)
    assert only.kind is AgainstKind.ONLY and only.states == ("RUS",) and only.count == 1


def test_the_network_has_an_edge_from_each_ally_to_each_state_it_defends(table) -> None:
    triads, states = table
    net = obligation_network(triads, states, ON)
    edges = {(e.defender, e.target): e for e in net.edges}
    usa_est = edges[("USA", "EST")]
    assert usa_est.verdict.value == "triggered" and "north-atlantic-1949" in usa_est.treaties
    assert usa_est.attackers == len(states) - 32
    assert ("RUS", "ARM") in edges and "cst-1992" in edges[("RUS", "ARM")].treaties
    assert all(e.defender != e.target for e in net.edges)
    assert all(e.verdict.value == "triggered" for e in net.edges)
    wider = obligation_network(triads, states, ON, indeterminate=True)
    assert len(wider.edges) > len(net.edges)
    assert {e.verdict.value for e in wider.edges} == {"triggered", "indeterminate"}
