"""Real facts from the curated SADC file (#10): members through time, the 2001 Protocol, the 2003 Pact, missions.

References:
    Treaty of the Southern African Development Community (Windhoek, 17 August 1992), Arts. 18-19; Protocol on
    Politics, Defence and Security Co-operation (Blantyre, 14 August 2001), Art. 11; SADC Mutual Defence Pact
    (Dar es Salaam, 26 August 2003), Arts. 1 and 6.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status
from casus.obligations import evaluate_casus_foederis, make_crisis

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("state", "on", "status"),
    [
        ("AGO", "1992-08-17", Status.MEMBER),
        ("ZAF", "1994-08-29", None),
        ("ZAF", "1994-08-30", Status.MEMBER),
        ("SYC", "2000-01-01", Status.MEMBER),
        ("SYC", "2004-07-01", Status.WITHDRAWN),
        ("SYC", "2008-08-16", Status.MEMBER),
        ("MDG", "2009-03-29", Status.MEMBER),
        ("MDG", "2009-03-30", Status.SUSPENDED),
        ("MDG", "2014-01-29", Status.SUSPENDED),
        ("MDG", "2014-01-30", Status.MEMBER),
        ("COM", "2017-08-20", Status.MEMBER),
        ("COD", "2026-12-03", Status.MEMBER),
    ],
)
def test_sadc_statuses_through_time(kb, state, on, status) -> None:  # type: ignore[no-untyped-def]
    found = kb.status_on(state, "sadc", D(on))
    assert (found.status if found is not None else None) is status


def test_sadc_names_roster_and_verified_through(kb) -> None:  # type: ignore[no-untyped-def]
    for name in ("SADC", "САДК", "Communauté de développement de l'Afrique australe", "Сообщество развития Юга Африки"):
        assert kb.organization(name).id == "sadc"
    sadc = kb.organization("sadc")
    assert sadc.verified_through == sadc.coverage.end == D("2026-12-03")
    assert len(kb.members_on("sadc", D("1992-08-17")).states()) == 10
    assert len(kb.members_on("sadc", D("2026-12-03")).states()) == 16  # Comoros the 16th (2017)
    assert sadc.body("sadc-summit").decision_rule.blocks_with_one_veto()  # consensus, Treaty Art. 19
    assert sadc.body("sadc-samidrc").established == D("2023-12-15")
    comoros = kb.status_on("COM", "sadc", D("2018-01-01"))
    assert "2018" in comoros.note and "sadc-comoros-54etats-2018" in comoros.sources  # the disagreement


def test_the_mutual_defence_pact_needs_the_summit_and_its_entry_into_force_is_unknown(kb) -> None:  # type: ignore[no-untyped-def]
    pact = kb.treaty("sadc-mdp-2003")
    assert pact.signed == D("2003-08-26") and pact.in_force is None  # 2008 in common accounts, not verified
    (art6,) = pact.provisions
    assert art6.article == "6" and "immediate collective action" in art6.quote
    assert {c.kind.value for c in art6.conditions} >= {"decision", "target_territory"}
    crisis = make_crisis(kb, attacker="Rwanda", target="Democratic Republic of the Congo", on="2024-06-01")
    r = {x.treaty.id: x for x in evaluate_casus_foederis(kb, crisis)}["sadc-mdp-2003"]
    assert r.verdict.value != "triggered"  # in force not verified: never a certain yes
