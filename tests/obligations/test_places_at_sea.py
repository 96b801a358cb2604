"""NATO Art. 5 against the Art. 6 area anywhere: a Turkish province, a US warship at sea (Art. 6(ii))."""

from __future__ import annotations

import pytest

from casus.errors import InvalidInputError
from casus.obligations import Outcome, Verdict, evaluate_casus_foederis, make_crisis


def nato(kb, **kw):
    rs = [r for r in evaluate_casus_foederis(kb, make_crisis(kb, **kw)) if r.treaty.organization == "nato"]
    assert len(rs) == 1
    return rs[0]


def step(result, check):
    return next(s for s in result.explanation if s.check == check and s.provision and s.provision.endswith("art5"))


@pytest.mark.parametrize("place", ["Gaziantep", "TR-27"])
def test_syria_attacking_gaziantep_in_2016_is_inside_art_6(kb, place) -> None:
    # Art. 6 as amended in 1951: "an armed attack on the territory of Turkey" — all of it, in Asia too.
    r = nato(kb, attacker="Syria", target="Turkey", place=place, on="2016-05-01")
    assert r.verdict is Verdict.TRIGGERED and r.provision is not None and r.provision.article == "5"
    loc = step(r, "location")
    assert loc.outcome is Outcome.PASS and "Gaziantep" in loc.detail and "Art. 6 area" in loc.detail


def test_us_warship_in_the_mediterranean_evaluates_art_6_ii(kb, casus_data) -> None:
    # Art. 6(ii): "on the forces, vessels, or aircraft of any of the Parties, when in or over ... the
    # Mediterranean Sea or the North Atlantic area north of the Tropic of Cancer".
    r = nato(kb, attacker="Russia", target="United States", place="Mediterranean Sea", forces="vessel", on="2024-05-01")
    assert r.verdict is Verdict.TRIGGERED
    loc = step(r, "location")
    assert loc.outcome is Outcome.PASS and "Art. 6(ii)" in loc.detail and "Mediterranean" in loc.detail
    assert "label areas, not legal limits" in loc.detail
    assert step(r, "target_territory").outcome is Outcome.PASS


def test_a_vessel_in_a_sea_art_6_does_not_name_is_indeterminate(kb, casus_data) -> None:
    # The Black Sea is not named in Art. 6(ii): a vessel there is covered only in a party's territorial sea.
    r = nato(kb, attacker="Russia", target="United States", place="Black Sea", forces="vessel", on="2024-05-01")
    assert r.verdict is Verdict.INDETERMINATE
    assert "territorial sea" in step(r, "location").detail


def test_a_vessel_in_the_atlantic_needs_the_side_of_the_tropic(kb, casus_data) -> None:
    r = nato(
        kb, attacker="Russia", target="United States", place="North Atlantic Ocean", forces="vessel", on="2024-05-01"
    )
    assert r.verdict is Verdict.INDETERMINATE
    assert "Tropic of Cancer" in step(r, "location").detail


def test_a_sea_needs_to_say_what_was_attacked(kb, casus_data) -> None:
    with pytest.raises(InvalidInputError, match="--vessel"):
        make_crisis(kb, attacker="Russia", target="United States", place="Mediterranean Sea", on="2024-05-01")
