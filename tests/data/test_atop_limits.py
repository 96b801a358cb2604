"""Curated details of ATOP's limited pledges decide conditions ATOP codes without details."""

from __future__ import annotations

import pytest

from casus.data.atop_kb import load_atop_limits
from casus.kb.treaties import ConditionKind
from casus.obligations import Outcome, Verdict, evaluate_treaty, make_crisis


@pytest.fixture(scope="module")
def atop_kb(casus_data):  # type: ignore[no-untyped-def]
    from casus.knowledge import KnowledgeProvider

    return KnowledgeProvider().with_atop()


def test_every_curated_limit_names_a_known_scope_and_source(kb) -> None:
    for (aid, kind), cond in load_atop_limits().items():
        assert cond.sources[0] == "atop-5.1" and all(s in kb.sources for s in cond.sources[1:]), aid
        if kind == ConditionKind.LOCATION.value:
            assert all(v in kb.scopes for v in cond.values), aid


def test_oas_charter_location_limit_reads_as_territory_of_an_american_state(atop_kb) -> None:
    # ATOP 3150 (OAS Charter 1948) codes DEFCOLOC; Art. 28 (1948: Art. 25): aggression "against the territory
    # ... of an American State".
    treaty = atop_kb.treaty("atop-3150")
    mexico = evaluate_treaty(atop_kb, treaty, make_crisis(atop_kb, attacker="Spain", target="Mexico", on="2010-07-01"))
    loc = next(s for s in mexico.explanation if s.check == "location")
    assert loc.outcome is Outcome.PASS and "oas-charter-1948" in loc.sources
    assert mexico.verdict is Verdict.TRIGGERED
    guam = evaluate_treaty(
        atop_kb, treaty, make_crisis(atop_kb, attacker="China", target="USA", place="Guam", on="2010-07-01")
    )
    assert next(s for s in guam.explanation if s.check == "location").outcome is Outcome.PASS


def test_every_curated_adversary_is_a_known_state(kb) -> None:
    for (aid, kind), cond in load_atop_limits().items():
        if kind == ConditionKind.ADVERSARY.value:
            assert all(v == "+allies" or v in kb.states for v in cond.values), aid


def step(result, check):  # type: ignore[no-untyped-def]
    return next(s for s in result.explanation if s.check == check)


def test_dual_alliance_1879_is_limited_to_an_attack_by_russia(atop_kb) -> None:
    # Art. I: "Should ... one of the two Empires be attacked by Russia"; against another Power, neutrality.
    treaty = atop_kb.treaty("atop-1335")
    by_russia = evaluate_treaty(
        atop_kb, treaty, make_crisis(atop_kb, attacker="Russia", target="Germany", on="1900-01-01")
    )
    assert step(by_russia, "adversary").outcome is Outcome.PASS
    by_france = evaluate_treaty(
        atop_kb, treaty, make_crisis(atop_kb, attacker="France", target="Germany", on="1900-01-01")
    )
    assert step(by_france, "adversary").outcome is Outcome.FAIL


def test_eastern_bloc_treaty_covers_germany_and_states_allied_with_it(atop_kb) -> None:
    # Hungarian-Soviet treaty of 18 February 1948: hostilities "with Germany ... or with any other State
    # associated with Germany" — West Germany passes; in 1960 the United States is allied with it (NATO) and
    # passes too; Ecuador, bound to no ally of Germany, fails.
    treaty = atop_kb.treaty("atop-3120")

    def adversary(attacker: str):  # type: ignore[no-untyped-def]
        crisis = make_crisis(atop_kb, attacker=attacker, target="Hungary", on="1960-01-01")
        return step(evaluate_treaty(atop_kb, treaty, crisis), "adversary")

    assert adversary("West Germany").outcome is Outcome.PASS
    usa = adversary("USA")
    assert usa.outcome is Outcome.PASS and "North Atlantic Treaty" in usa.detail and "gibler-2009" in usa.sources
    assert adversary("Ecuador").outcome is Outcome.FAIL


def test_declaration_by_united_nations_decides_with_the_conflict_named(atop_kb) -> None:
    # "against those members of the Tripartite Pact and its adherents with which such government is at war"
    treaty = atop_kb.treaty("atop-2550")
    crisis = make_crisis(atop_kb, attacker="Japan", target="Australia", on="1943-01-01", conflict="World War II")
    r = evaluate_treaty(atop_kb, treaty, crisis)
    assert step(r, "adversary").outcome is Outcome.PASS and step(r, "conflict").outcome is Outcome.PASS
    other = make_crisis(atop_kb, attacker="Japan", target="Australia", on="1943-01-01", conflict="Korean War")
    assert step(evaluate_treaty(atop_kb, treaty, other), "conflict").outcome is Outcome.FAIL


def test_us_roc_treaty_covers_taiwan_not_kinmen(atop_kb) -> None:
    # Art. VI: "in respect of the Republic of China, Taiwan and the Pescadores" — not the offshore islands.
    treaty = atop_kb.treaty("atop-3270")
    taiwan = evaluate_treaty(atop_kb, treaty, make_crisis(atop_kb, attacker="China", target="Taiwan", on="1958-08-23"))
    assert step(taiwan, "location").outcome is Outcome.PASS
    kinmen = evaluate_treaty(
        atop_kb, treaty, make_crisis(atop_kb, attacker="China", target="Taiwan", place="TW-KIN", on="1958-08-23")
    )
    assert step(kinmen, "location").outcome is Outcome.FAIL
