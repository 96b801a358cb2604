"""An armed attack between two parties breaks their non-aggression or neutrality pledge, on the day itself.

Treaty of Non-Aggression between Germany and the USSR (23 August 1939), Art. I: the parties "obligate
themselves to desist from any act of violence, any aggressive action, and any attack on each other"; Art. II:
"Should one of the High Contracting Parties become the object of belligerent action by a third Power, the other
High Contracting Party shall in no manner lend its support to this third Power." ATOP 5.1 codes it as alliance
2470 (non-aggression and neutrality) and ends it on 22 June 1941, the day Germany attacked the Soviet Union.
"""

from __future__ import annotations

import pytest

from casus.contract import result_to_dict
from casus.curated import load_kb
from casus.obligations import evaluate_casus_foederis, make_crisis


@pytest.fixture(scope="module")
def atop_kb(casus_data):
    from casus.data.atop_kb import with_atop

    return with_atop(load_kb(), casus_data / "atop")


def _pact(kb, on, attacker="Germany", target="Soviet Union"):
    c = make_crisis(kb, attacker=attacker, target=target, on=on)
    return next(r for r in evaluate_casus_foederis(kb, c) if r.treaty.atop_id == 2470)


def test_barbarossa_breaches_the_pact_on_the_day_atop_ends_it(atop_kb):
    pact = atop_kb.treaties["atop-2470"]
    assert str(pact.terminated) == "1941-06-22"  # the dataset ends the alliance that very day
    r = _pact(atop_kb, "1941-06-22")
    assert r.breach is not None and r.breach.ended_that_day
    assert (r.breach.attacker, r.breach.target) == ("DEU", "RUS")
    assert set(r.breach.articles) == {"ATOP 2470 nonagg", "ATOP 2470 neutral"}
    assert "breaches the non-aggression and neutrality pledges" in r.breach.detail or (
        "breaches the neutrality and non-aggression pledges" in r.breach.detail
    )
    assert "ends the alliance on 1941-06-22, the day of the attack" in r.breach.detail
    assert r.verdict.value == "not_triggered" and r.obligated == ()
    data = result_to_dict(atop_kb, r)
    assert data["breach"]["date"] == "1941-06-22" and data["breach"]["ended_that_day"] is True


def test_the_day_after_there_is_no_pact_left_to_breach(atop_kb):
    c = make_crisis(atop_kb, attacker="Germany", target="Soviet Union", on="1941-06-23")
    assert all(r.treaty.atop_id != 2470 for r in evaluate_casus_foederis(atop_kb, c))


def test_an_attack_while_the_pact_stands_is_a_breach_and_neutrality_is_not_triggered(atop_kb):
    r = _pact(atop_kb, "1940-06-22")
    assert r.breach is not None and not r.breach.ended_that_day
    neutral = next(p for p in r.provisions if p.provision.kind.value == "neutrality")
    assert neutral.verdict.value == "not_triggered"
    step = next(s for s in neutral.steps if s.check == "neutrality")
    assert step.outcome.value == "fail" and "broken, not triggered" in step.detail
    assert not any(d.provision == neutral.provision.id for d in r.duties)


def test_an_attack_by_an_outsider_is_no_breach(atop_kb):
    c = make_crisis(atop_kb, attacker="France", target="Soviet Union", on="1940-06-01")
    pact = next(r for r in evaluate_casus_foederis(atop_kb, c) if r.treaty.atop_id == 2470)
    assert pact.breach is None
    neutral = next(p for p in pact.provisions if p.provision.kind.value == "neutrality")
    # Art. II: Germany shall lend no support to a third Power attacking the USSR
    assert neutral.verdict.value == "triggered" and any(d.state == "DEU" for d in pact.duties)
