"""Real facts from the curated ECOWAS and AES files (#10): members through time, the defence protocols, the pact.

References:
    ECOWAS Protocol relating to Mutual Assistance on Defence (Freetown, 29 May 1981), Arts. 1-4; Protocol on
    Non-Aggression (Lagos, 22 April 1978); Protocol relating to the Mechanism (Lomé, 10 December 1999), Art. 25;
    Revised ECOWAS Treaty (1993), Art. 91. Liptako-Gourma Charter (16 September 2023), Arts. 6-8.
    ATOP 5.1 (Leeds et al. 2022), alliances 3810 and 3895.
"""

from __future__ import annotations

import datetime as dt

import pytest

from casus.kb.memberships import Status
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis

D = dt.date.fromisoformat


def results(kb, **kw):  # type: ignore[no-untyped-def]
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw))}


@pytest.mark.parametrize(
    ("state", "on", "status"),
    [
        ("MRT", "1990-01-01", Status.MEMBER),
        ("MRT", "2001-01-01", Status.WITHDRAWN),
        ("MLI", "2012-04-01", Status.SUSPENDED),
        ("MLI", "2012-06-01", Status.MEMBER),
        ("MLI", "2020-09-01", Status.SUSPENDED),
        ("MLI", "2021-01-01", Status.MEMBER),
        ("MLI", "2021-06-01", Status.SUSPENDED),
        ("GIN", "2021-09-07", Status.MEMBER),
        ("GIN", "2021-09-08", Status.SUSPENDED),
        ("GIN", "2026-02-01", Status.MEMBER),
        ("BFA", "2022-02-01", Status.SUSPENDED),
        ("NER", "2023-08-15", Status.MEMBER),  # sanctions on 30 July 2023; suspended from 10 December (ECOWAS)
        ("NER", "2023-12-10", Status.SUSPENDED),
        ("NER", "2025-01-28", Status.SUSPENDED),
        ("NER", "2025-01-29", Status.WITHDRAWN),
        ("GNB", "2025-12-01", Status.SUSPENDED),
        ("SEN", "2026-12-03", Status.MEMBER),
    ],
)
def test_ecowas_statuses_through_time(kb, state, on, status) -> None:  # type: ignore[no-untyped-def]
    assert kb.status_on(state, "ecowas", D(on)).status is status


def test_ecowas_names_roster_and_verified_through(kb) -> None:  # type: ignore[no-untyped-def]
    for name in ("ECOWAS", "CEDEAO", "la Cédéao", "ЭКОВАС", "Экономическое сообщество стран Западной Африки"):
        assert kb.organization(name).id == "ecowas"
    ecowas = kb.organization("ecowas")
    assert ecowas.verified_through == ecowas.coverage.end == D("2026-12-03")
    assert len(kb.members_on("ecowas", D("1980-01-01")).states()) == 16  # with Cape Verde (1977)
    today = set(kb.members_on("ecowas", D("2026-12-03")).states())
    assert today == {"BEN", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "NGA", "SEN", "SLE", "TGO"}
    niger = kb.status_on("NER", "ecowas", D("2023-12-20"))
    assert "30 July 2023" in niger.note and "premiumtimes-niger-2023-12" in niger.sources  # the disagreement
    assert ecowas.officeholder("chair", D("2025-12-01")).person == "Julius Maada Bio"


def test_ecowas_protocols_claim_their_atop_alliances(kb) -> None:  # type: ignore[no-untyped-def]
    pmad, pna = kb.treaty("ecowas-pmad-1981"), kb.treaty("ecowas-pna-1978")
    assert (pmad.atop_id, pna.atop_id) == (3895, 3810)
    assert pmad.signed == D("1981-05-29") and pmad.in_force == D("1986-09-30") and pna.in_force is None


def test_pmad_obliges_atops_parties_and_protects_every_member(kb) -> None:  # type: ignore[no-untyped-def]
    r = results(kb, attacker="Mauritania", target="Senegal", on="2010-07-01")["ecowas-pmad-1981"]
    assert r.verdict is Verdict.TRIGGERED and r.provision.article == "2-3"
    assert "MLI" not in r.obligated and "CPV" not in r.obligated  # not parties per ATOP 3895
    assert {"NGA", "GHA", "CIV"} <= set(r.obligated)
    checks = {s.check: s.outcome.value for s in r.explanation}
    assert checks["request"] == "procedure" and checks["decision"] == "procedure"
    mali = results(kb, attacker="Mauritania", target="Mali", on="2010-07-01")["ecowas-pmad-1981"]
    assert mali.verdict is Verdict.TRIGGERED  # "any Member State" (Art. 2), a signatory or not


def test_after_the_withdrawal_the_sahel_states_are_outside_ecowas_and_inside_the_aes(kb) -> None:  # type: ignore[no-untyped-def]
    r = results(kb, attacker="non-state", target="Mali", on="2026-01-01")
    assert r["ecowas-pmad-1981"].verdict is Verdict.NOT_TRIGGERED  # Mali left on 2025-01-29
    aes = r["aes-charter-2023"]
    assert aes.verdict is Verdict.TRIGGERED and aes.provision.article == "6"
    assert aes.obligated == ("BFA", "NER")  # "any attack": terrorist attacks count
    benin = results(kb, attacker="Niger", target="Benin", on="2026-01-01")["ecowas-pmad-1981"]
    assert benin.verdict is Verdict.TRIGGERED and "NER" not in benin.obligated and "BFA" not in benin.obligated


def test_aes_names_members_presidents_and_unified_force(kb) -> None:  # type: ignore[no-untyped-def]
    for name in ("AES", "Alliance des États du Sahel", "Confédération des États du Sahel", "Сахельский альянс"):
        assert kb.organization(name).id == "aes"
    aes = kb.organization("aes")
    assert set(kb.members_on("aes", D("2026-12-03")).states()) == {"BFA", "MLI", "NER"}
    assert aes.officeholder("president", D("2025-01-01")).person == "Assimi Goïta"
    assert aes.officeholder("president", D("2026-06-01")).person == "Ibrahim Traoré"
    assert aes.body("aes-college").decision_rule.blocks_with_one_veto()
    assert aes.body("aes-unified-force") is not None
    assert kb.treaty("aes-confederation-2024").in_force is None  # text and entry into force not found


def test_the_benin_deployment_of_2025_is_an_ecowas_collective_action(kb) -> None:  # type: ignore[no-untyped-def]
    (action,) = kb.organization("ecowas").actions
    assert (action.target, action.decided, action.provision) == ("BEN", D("2025-12-07"), "ecowas-mechanism-art25")
    assert "Article 25(e)" in action.invoked_basis.quote
