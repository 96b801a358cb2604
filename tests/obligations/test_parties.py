"""Who a pledge protects and who must act, read from the treaties' own words.

Rio Treaty (1947), Art. 3(1): "an armed attack by any State against an American State shall be considered as
an attack against all the American States and, consequently, each one of the said Contracting Parties
undertakes to assist in meeting the attack"; Art. 3(3): "The provisions of this Article shall be applied in case
of any armed attack which takes place within the region described in Article 4 or within the territory of an
American State."

ANZUS (1951), Art. IV: "Each Party recognizes that an armed attack in the Pacific Area on any of the Parties
would be dangerous to its own peace and safety"; joint US-Australia statement of 11 August 1986: the United
States was "ending its security obligations to New Zealand under the ANZUS treaty".
"""

from __future__ import annotations

from casus.obligations import evaluate_casus_foederis, make_crisis


def _result(kb, treaty_id, **crisis):
    c = make_crisis(kb, **crisis)
    return next(r for r in evaluate_casus_foederis(kb, c) if r.treaty.id == treaty_id)


def _step(result, check, provision="rio-art3"):
    return next(s for s in result.explanation if s.check == check and s.provision == provision)


def test_rio_art3_protects_an_american_state_that_is_not_a_party(kb):
    # "against an American State": Canada never joined the Rio Treaty; Mexico's denunciation took effect in 2004
    for target in ("Canada", "Mexico"):
        r = _result(kb, "rio-1947", attacker="Russia", target=target, on="2010-06-01")
        assert r.verdict.value == "triggered" and r.provision.id == "rio-art3"
        party = _step(r, "target_party")
        assert party.outcome.value == "pass" and "whether a party or not" in party.detail
        assert {"USA", "BRA", "ARG"} <= set(r.obligated)
    mexico = make_crisis(kb, attacker="Russia", target="Mexico", on="2010-06-01")
    assert kb.status_on("MEX", "rio-1947", mexico.on).status.value == "withdrawn"


def test_rio_art3_does_not_protect_a_state_outside_the_americas(kb):
    c = make_crisis(kb, attacker="Russia", target="France", on="2010-06-01")
    assert all(r.treaty.id != "rio-1947" for r in evaluate_casus_foederis(kb, c))


def test_rio_art3_either_branch_of_art3_3_suffices_guam_outside_the_art4_region(kb):
    # Guam lies in the western Pacific, outside the Art. 4 region, but is "the territory of an American State"
    r = _result(kb, "rio-1947", attacker="North Korea", target="United States", on="2017-08-10", place="Guam")
    either = _step(r, "any_of")
    assert either.outcome.value == "pass"
    assert "(1) within the region described in Art. 4 — does not hold" in either.detail
    assert "(2) within the territory of an American State — holds" in either.detail
    assert "part of United States," in either.detail
    assert r.verdict.value == "triggered" and "CAN" not in r.obligated and "BRA" in r.obligated


def test_rio_art3_fails_outside_both_branches_and_art6_answers_instead(kb):
    # Ceuta: Spanish territory in Africa — neither the Art. 4 region nor "the territory of an American State";
    # Art. 3(3): "When the attack takes place outside of the said areas, the provisions of Article 6 shall be applied"
    r = _result(kb, "rio-1947", attacker="Morocco", target="United States", on="2017-08-10", place="Ceuta")
    either = _step(r, "any_of")
    assert either.outcome.value == "fail" and either.detail.count("does not hold") == 2
    art3 = next(p for p in r.provisions if p.provision.id == "rio-art3")
    assert art3.verdict.value == "not_triggered"


def test_cuba_is_reported_as_excluded_since_1962_not_as_an_ordinary_party(kb):
    r = _result(kb, "rio-1947", attacker="non-state", target="Venezuela", on="1970-06-01")
    assert "CUB" not in r.obligated and "COL" in r.obligated
    excluded = next(s for s in r.explanation if s.check == "excluded_party")
    assert "Cuba: government excluded from participation in the inter-American system" in excluded.detail
    assert "(since 1962-01-31)" in excluded.detail and "2009-06-03" in excluded.detail
    assert {"rio-punta-del-este-1962", "rio-oas-ag-res-2438-2009"} <= set(excluded.sources)
    # before Punta del Este, Cuba was an ordinary party that had to assist
    before = _result(kb, "rio-1947", attacker="non-state", target="Venezuela", on="1961-06-01")
    assert "CUB" in before.obligated and not any(s.check == "excluded_party" for s in before.explanation)


def test_an_attack_on_cuba_is_covered_as_on_an_american_state_with_its_exclusion_said(kb):
    r = _result(kb, "rio-1947", attacker="United States", target="Cuba", on="1970-06-01")
    party = _step(r, "target_party")
    assert party.outcome.value == "pass" and "government excluded" in party.detail and "1962-01-31" in party.detail
    assert r.verdict.value == "triggered" and "USA" not in r.obligated


def test_anzus_us_suspension_towards_new_zealand_both_directions_and_both_legs(kb):
    on = "1990-01-01"
    on_nz = _result(kb, "anzus-1951", attacker="France", target="New Zealand", on=on)
    assert on_nz.verdict.value == "triggered" and on_nz.obligated == ("AUS",)  # the AUS-NZ leg holds
    step = next(s for s in on_nz.explanation if s.check == "suspension")
    assert "United States has suspended its obligations towards New Zealand since 1986-09-17" in step.detail
    on_us = _result(kb, "anzus-1951", attacker="Soviet Union", target="United States", on=on, place="Hawaii")
    # New Zealand's own obligations towards the United States were not formally suspended
    assert set(on_us.obligated) == {"AUS", "NZL"}
    on_au = _result(kb, "anzus-1951", attacker="Indonesia", target="Australia", on=on)
    assert set(on_au.obligated) == {"NZL", "USA"}  # both other legs towards Australia hold
    before = _result(kb, "anzus-1951", attacker="France", target="New Zealand", on="1985-07-10")
    assert set(before.obligated) == {"AUS", "USA"}
