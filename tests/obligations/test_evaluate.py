import datetime as dt

import pytest

from casus.errors import InvalidInputError, UnknownEntityError
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis


def results(kb, **kw):
    return {r.treaty.id: r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw))}


def test_csto_triggered_for_outside_attack_on_armenia_2023(kb):
    r = results(kb, attacker="Azerbaijan", target="Armenia", on="2023-01-01")["cst-1992"]
    assert r.verdict is Verdict.TRIGGERED
    assert r.provision is not None and r.provision.article == "4"
    assert set(r.obligated) == {"RUS", "BLR", "KAZ", "KGZ", "TJK"}
    assert {d.action.value for d in r.duties} == {"assist", "consult"}
    checks = {s.check: s.outcome.value for s in r.explanation if s.provision == "cst-art4"}
    assert checks["attacker_outside"] == "pass" and checks["target_territory"] == "pass"
    assert checks["decision"] == "procedure"


def test_csto_not_triggered_between_members(kb):
    r = results(kb, attacker="Kyrgyzstan", target="Tajikistan", on="2022-09-14")["cst-1992"]
    assert r.verdict is Verdict.NOT_TRIGGERED
    art4 = next(p for p in r.provisions if p.provision.id == "cst-art4")
    assert art4.verdict is Verdict.NOT_TRIGGERED
    assert any(s.check == "attacker_outside" and s.outcome.value == "fail" for s in art4.steps)


def test_disputed_border_is_indeterminate_and_says_why(kb):
    r = results(kb, attacker="Azerbaijan", target="Armenia", on="2022-09-13", place="Armenia", disputed=True)
    res = r["cst-1992"]
    assert res.verdict is Verdict.INDETERMINATE
    assert any(
        s.check == "target_territory" and s.outcome.value == "unknown" and "disputed" in s.detail
        for s in res.explanation
    )
    assert res.obligated == ()


def test_suspended_armenia_still_covered_with_citation(kb):
    r = results(kb, attacker="Azerbaijan", target="Armenia", on="2024-06-25")["cst-1992"]
    assert r.verdict is Verdict.TRIGGERED
    step = next(s for s in r.explanation if s.check == "target_party" and s.provision == "cst-art4")
    assert "suspended" in step.detail and "tass-tasmagambetov-2024" in step.sources


def test_unrest_is_not_armed_attack_but_deployment_permitted_on_request(kb):
    r = results(kb, attacker="non-state", target="Kazakhstan", on="2022-01-06", kind="unrest", requested=True)
    csto = [x for x in r.values() if x.treaty.organization == "csto"]
    assert all(x.verdict is Verdict.NOT_TRIGGERED for x in csto)
    permitted = [p for x in csto for p in x.permitted]
    assert [p.action.value for p in permitted] == ["deploy_collective_forces"]
    assert permitted[0].available
    assert any("consensus" in q for q in permitted[0].requires)


def test_unrest_without_request_permission_not_yet_available(kb):
    r = results(kb, attacker="non-state", target="Kazakhstan", on="2022-01-06", kind="unrest")
    permitted = [p for x in r.values() for p in x.permitted]
    assert permitted and not permitted[0].available
    assert any("request" in q for q in permitted[0].requires)


def test_nothing_before_entry_into_force(kb):
    r = results(kb, attacker="Azerbaijan", target="Armenia", on="1993-06-01")
    assert "cst-1992" not in r


def test_withdrawn_state_not_covered(kb):
    # Georgia left the treaty in 1999: an attack on it in 2008 engages no CSTO obligation.
    r = results(kb, attacker="Russia", target="Georgia", on="2008-08-08")
    assert "cst-1992" not in r or r["cst-1992"].verdict is Verdict.NOT_TRIGGERED


def test_bad_inputs_raise_typed_errors(kb):
    with pytest.raises(UnknownEntityError, match="did you mean"):
        make_crisis(kb, attacker="Azerbaijn", target="Armenia", on="2023-01-01")
    with pytest.raises(InvalidInputError, match="YYYY-MM-DD"):
        make_crisis(kb, attacker="Azerbaijan", target="Armenia", on="01/01/2023")
    with pytest.raises(InvalidInputError, match="armed-attack"):
        make_crisis(kb, attacker="Azerbaijan", target="Armenia", on="2023-01-01", kind="invasion")
    with pytest.raises(InvalidInputError, match="unrest"):
        make_crisis(kb, attacker="Armenia", target="Armenia", on="2023-01-01")


def test_result_dates_are_dates(kb):
    c = make_crisis(kb, attacker="Azerbaijan", target="Armenia", on=dt.date(2023, 1, 1))
    assert c.on == dt.date(2023, 1, 1) and c.place.country == "ARM"


def test_no_duties_when_entry_into_force_is_unknown(kb):
    # The 1997 Russia–Armenia treaty's entry into force is not recorded: its Art. 3 fails on a mere threat,
    # but Art. 2 consultations cannot be asserted as a duty while whether the treaty binds is unknown.
    r = results(kb, attacker="Azerbaijan", target="Armenia", on="2021-05-13", kind="threat")
    ru_am = r["russia-armenia-1997"]
    assert any(s.check == "in_force" and s.outcome.value == "unknown" for s in ru_am.explanation)
    assert ru_am.duties == () and ru_am.obligated == ()
    # The CST, in force since 1994, keeps its Art. 2 consultation duties.
    assert {d.provision for d in r["cst-1992"].duties} == {"cst-art2"}


@pytest.mark.parametrize("text", ["non-statesmen", "nonstate"])
def test_attacker_that_only_looks_like_non_state_is_an_unknown_state(kb, text):
    with pytest.raises(UnknownEntityError):
        make_crisis(kb, attacker=text, target="Armenia", on="2023-01-01")


@pytest.mark.parametrize(
    ("text", "name"), [("non-state", ""), ("non-state:al-Qaeda", "al-Qaeda"), ("Non-State al-Qaeda", "al-Qaeda")]
)
def test_non_state_attacker_forms(kb, text, name):
    crisis = make_crisis(kb, attacker=text, target="USA", on="2001-09-11")
    assert not crisis.attacker.is_state and crisis.attacker.name == name


def test_collective_forces_not_permitted_before_they_existed(kb):
    early = results(kb, attacker="non-state", target="Kazakhstan", on="1995-06-01", kind="unrest", requested=True)
    assert not [p for r in early.values() for p in r.permitted]
    later = results(kb, attacker="non-state", target="Kazakhstan", on="2022-01-06", kind="unrest", requested=True)
    assert [p.action.value for r in later.values() for p in r.permitted] == ["deploy_collective_forces"]


def test_a_country_given_as_place_is_named_as_on_the_date(kb):
    from casus.obligations import make_crisis

    crisis = make_crisis(kb, attacker="United States", target="Russia", on="1970-01-01", place="Russia")
    assert crisis.place.name == "Soviet Union"


def test_suspended_party_is_bound_but_flagged(kb):
    # Armenia froze its participation on 2024-02-22: it is still a party, so still formally bound
    r = results(kb, attacker="China", target="Kazakhstan", on="2024-06-25")["cst-1992"]
    assert r.verdict is Verdict.TRIGGERED and "ARM" in r.obligated
    flag = [s for s in r.explanation if s.check == "suspended_parties"]
    assert len(flag) == 1 and "Armenia" in flag[0].detail
