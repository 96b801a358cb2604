"""An organization's own practice: its declared cyber doctrine, and the contested basis of a collective action.

Wales Summit Declaration (5 September 2014), para. 72: "We affirm therefore that cyber defence is part of NATO's
core task of collective defence. A decision as to when a cyber attack would lead to the invocation of Article 5
would be taken by the North Atlantic Council on a case-by-case basis." Brussels Summit Communiqué (14 June
2021), para. 32: "significant malicious cumulative cyber activities might, in certain circumstances, be
considered as amounting to an armed attack".

CSTO Collective Security Council, 6 January 2022: "in view of the threat to national security and the
sovereignty of the Republic of Kazakhstan caused, inter alia, by outside interference, the CSTO Collective
Security Council, in accordance with Article 4 of the Collective Security Treaty, decided to send the Collective
Peacekeeping Forces"; Collective Security Treaty, Art. 4: "If one of the Participating States is subjected to
aggression (an armed attack …)".
"""

from __future__ import annotations

import pytest

import casus
from casus.obligations import evaluate_casus_foederis, make_crisis


def _results(kb, **crisis):
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, make_crisis(kb, **crisis))}


def _doctrine(result, provision):
    return next(s for s in result.explanation if s.check == "cyber_doctrine" and s.provision == provision)


def test_a_cyber_attack_on_an_ally_is_for_the_north_atlantic_council_case_by_case(kb):
    nato = _results(kb, attacker="Russia", target="Estonia", kind="cyber", on="2024-05-01")["north-atlantic-1949"]
    assert nato.verdict.value == "indeterminate" and nato.obligated == ()
    # no one must assist; Art. 4 consultations ("whenever … the security of any of the Parties is threatened") hold
    assert {(d.action.value, d.provision) for d in nato.duties} == {("consult", "nat-art4")}
    step = _doctrine(nato, "nat-art5")
    assert step.outcome.value == "unknown"
    assert "decided by the North Atlantic Council case by case, never automatically" in step.detail
    assert "significant malicious cumulative cyber activities" in step.detail  # Brussels 2021 is the latest
    assert "2014-09-05: cyber defence is part of NATO's core task of collective defence" in step.detail
    assert step.sources[0] == "nato-brussels-2021" and "nato-wales-2014" in step.sources


def test_nato_doctrine_is_the_one_of_the_date(kb):
    in_2015 = _results(kb, attacker="Russia", target="Estonia", kind="cyber", on="2015-06-01")["north-atlantic-1949"]
    step = _doctrine(in_2015, "nat-art5")
    assert "(since 2014-09-05)" in step.detail and "cumulative" not in step.detail
    in_2013 = _results(kb, attacker="Russia", target="Estonia", kind="cyber", on="2013-06-01")["north-atlantic-1949"]
    assert "no declared doctrine on cyber operations" in _doctrine(in_2013, "nat-art5").detail


def test_an_organization_without_a_doctrine_says_so_and_is_never_triggered(kb):
    cst = _results(kb, attacker="non-state", target="Armenia", kind="cyber", on="2024-05-01")["cst-1992"]
    step = _doctrine(cst, "cst-art4")
    assert step.detail.startswith("Collective Security Treaty Organization: no declared doctrine on cyber operations")
    assert "the treaty speaks of armed attack (Art. 4)" in step.detail
    assert cst.verdict.value != "triggered"


def test_kind_cyber_reaches_the_python_api():
    results = casus.evaluate("Russia", "Estonia", "2024-05-01", kind="cyber", atop=False)
    nato = next(r for r in results if r.treaty.id == "north-atlantic-1949")
    assert nato.verdict.value == "indeterminate"


def test_the_csto_kazakhstan_deployment_reports_invoked_basis_alternative_reading_and_contest(kb):
    cst = _results(kb, attacker="non-state", target="Kazakhstan", kind="unrest", on="2022-01-06")["cst-1992"]
    (action,) = cst.actions
    assert action.contested and action.decided_by == "csto-csc" and action.provision == "cst-art4"
    assert "in accordance with Article 4 of the Collective Security Treaty" in action.invoked_basis.quote
    assert "outside interference" in action.invoked_basis.quote
    assert "Art. 4 presupposes aggression" in action.alternative_readings[0].text
    assert {"csto-kazakhstan-2022", "trend-csto-kazakhstan-2022"} <= set(action.invoked_basis.sources)
    assert "eurasianet-csto-kazakhstan-2022" in action.alternative_readings[0].sources
    step = next(s for s in cst.explanation if s.check == "collective_action")
    assert "decided by the Collective Security Council on 2022-01-06" in step.detail
    assert "Legal basis contested" in step.detail
    # the engine's own reading of the letter: Art. 4 answers an armed attack, not unrest
    assert cst.verdict.value == "not_triggered"


@pytest.mark.parametrize(
    ("target", "kind", "on"),
    [
        ("Kazakhstan", "unrest", "2022-02-15"),
        ("Kazakhstan", "armed-attack", "2022-01-06"),
        ("Armenia", "unrest", "2022-01-06"),
    ],
)
def test_the_deployment_is_shown_only_for_the_event_it_answered(kb, target, kind, on):
    cst = _results(kb, attacker="non-state", target=target, kind=kind, on=on)["cst-1992"]
    assert cst.actions == ()


def test_the_contested_basis_is_in_the_csto_timeline_and_organization(kb):
    deployment = next(e for e in kb.timeline("csto") if e.type.value == "deployment" and str(e.date) == "2022-01-06")
    assert "legal basis contested" in deployment.title
    org = casus.to_dict(kb.organization("csto"))
    (action,) = org["actions"]
    assert action["contested"] is True and action["alternative_readings"][0]["source_ids"]
    nato = casus.to_dict(kb.organization("nato"))
    assert [d["start"] for d in nato["doctrines"]] == ["2014-09-05", "2016-07-09", "2021-06-14"]
