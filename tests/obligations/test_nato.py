from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis


def nato(kb, **kw):
    rs = [r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw)) if r.treaty.organization == "nato"]
    assert len(rs) == 1
    return rs[0]


def test_ceuta_is_outside_article_6(kb):
    r = nato(kb, attacker="Morocco", target="Spain", on="2024-06-25", place="Ceuta")
    assert r.verdict is Verdict.NOT_TRIGGERED
    assert any(s.check == "location" and s.outcome.value == "fail" and "Ceuta" in s.detail for s in r.explanation)


def test_attack_on_mainland_spain_triggers(kb):
    r = nato(kb, attacker="Morocco", target="Spain", on="2024-06-25")
    assert r.verdict is Verdict.TRIGGERED and len(r.obligated) == 31


def test_non_state_attack_on_us_2001(kb):
    r = nato(kb, attacker="non-state:al-Qaeda", target="United States", on="2001-09-11")
    assert r.verdict is Verdict.TRIGGERED
    assert r.provision is not None and r.provision.article == "5"
    assert len(r.obligated) == 18
    assert any(s.check == "state_attacker" and s.outcome.value == "pass" for s in r.explanation)


def test_hawaii_outside(kb):
    r = nato(kb, attacker="non-state", target="United States", on="2020-01-01", place="Hawaii")
    art5 = next(p for p in r.provisions if p.provision.article == "5")
    assert art5.verdict is Verdict.NOT_TRIGGERED


def test_greece_turkey_clash_not_collective_defence(kb):
    r = nato(kb, attacker="Turkey", target="Greece", on="1996-01-30")
    art5 = next(p for p in r.provisions if p.provision.article == "5")
    assert art5.verdict is Verdict.NOT_TRIGGERED
