"""The engine's location check uses treaty areas drawn as geometry when the place is a point (#9)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("shapely", reason="the [geo] extra is not installed")

from casus.curated.loader import load_kb
from casus.errors import InvalidInputError
from casus.geo.build import with_data
from casus.kb.knowledge import KnowledgeBase
from casus.obligations import Verdict, evaluate_casus_foederis, make_crisis
from casus.obligations.results import TreatyResult


@pytest.fixture(scope="module")
def geo_kb(fixture_data: Path) -> KnowledgeBase:
    return with_data(load_kb(), fixture_data)


def treaty(kb: KnowledgeBase, treaty_id: str, **kw: object) -> TreatyResult:
    crisis = make_crisis(kb, **kw)  # type: ignore[arg-type]
    return next(r for r in evaluate_casus_foederis(kb, crisis) if r.treaty.id == treaty_id)


def location(result: TreatyResult) -> str:
    return next(s.detail for s in result.explanation if s.check == "location" and s.provision == result.provision.id)  # type: ignore[union-attr]


def test_an_attack_on_a_us_warship_in_the_mediterranean_evaluates_article_6_ii(geo_kb: KnowledgeBase) -> None:
    r = treaty(
        geo_kb,
        "north-atlantic-1949",
        attacker="Russia",
        target="United States",
        on="2024-05-01",
        place="35.5,18.0",
        forces="vessel",
    )
    assert r.verdict is Verdict.TRIGGERED and r.provision is not None and r.provision.article == "5"
    assert "'the Mediterranean Sea'" in location(r) and "label areas" in location(r)


def test_a_point_in_gaziantep_is_turkish_territory_inside_article_6(geo_kb: KnowledgeBase) -> None:
    r = treaty(geo_kb, "north-atlantic-1949", attacker="Syria", target="Turkey", on="2016-05-01", place="37.07,37.38")
    assert r.verdict is Verdict.TRIGGERED
    assert "'the territory of Turkey'" in location(r)


def test_us_forces_off_honolulu_are_outside_article_6(geo_kb: KnowledgeBase) -> None:
    r = treaty(
        geo_kb,
        "north-atlantic-1949",
        attacker="Russia",
        target="USA",
        on="2024-05-01",
        place="21.35,-157.95",
        forces="forces",
    )
    art5 = next(p for p in r.provisions if p.provision.article == "5")
    assert art5.verdict is Verdict.NOT_TRIGGERED
    step = next(s for s in r.explanation if s.check == "location" and s.provision == art5.provision.id)
    assert step.outcome.value == "fail" and "in none of" in step.detail and "the Mediterranean Sea" in step.detail


def test_a_vessel_in_the_south_china_sea_is_indeterminate_with_the_named_readings(geo_kb: KnowledgeBase) -> None:
    r = treaty(
        geo_kb,
        "us-philippines-1951",
        attacker="China",
        target="Philippines",
        on="2024-05-01",
        place="10.5,114.5",
        forces="vessel",
    )
    assert r.verdict is Verdict.INDETERMINATE
    assert "Pompeo" in location(r) and "Blinken" in location(r)


def test_a_point_out_of_range_is_refused_with_the_rule(geo_kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInputError, match="latitude in"):
        make_crisis(geo_kb, attacker="Syria", target="Turkey", on="2016-05-01", place="95.0,37.0")


def test_a_point_at_sea_without_forces_is_refused(geo_kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInputError, match="sea area"):
        make_crisis(geo_kb, attacker="Russia", target="Italy", on="2024-05-01", place="35.5,18.0")
