"""Curated details of ATOP's limited pledges decide conditions ATOP codes without details."""

from __future__ import annotations

import pytest

from casus.data.atop_kb import load_atop_limits
from casus.kb.treaties import ConditionKind
from casus.obligations import Outcome, Verdict, evaluate_treaty, make_crisis


@pytest.fixture(scope="module")
def atop_kb(shared_data):  # type: ignore[no-untyped-def]
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
